package tax

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/marketkit/marketkit/internal/doctest"
)

// Issue 8: "doc examples of error text must be the real text". Every
// example message in errors.go is produced by the call beside it here;
// changing either the text or the doc fails this test.
func TestDocErrorExamplesAreReal(t *testing.T) {
	var calc BuiltinCalculator
	var res Result
	req := &Request{Date: MustDate("2025-03-14"), Store: Store{Origin: addr("DE", "10115")},
		Customer: Customer{Address: Address{Country: "ZZ"}}}
	var got []string
	got = append(got, calc.Calculate(context.Background(), req, &res).Error())
	req.Customer.Address.Country = "AT"
	req.Store.Registrations = []string{"us_ny"}
	got = append(got, calc.Calculate(context.Background(), req, &res).Error())
	_, err := Builtin().Lookup("de_vat", Reduced, MustDate("1980-01-01"))
	if err == nil {
		t.Fatal("Lookup de_vat reduced 1980-01-01: no error")
	}
	got = append(got, err.Error())
	if diff := cmp.Diff(doctest.ErrorExamples(t, "errors.go", "tax: "), got); diff != "" {
		t.Errorf("doc examples differ from the real messages (-doc +real):\n%s", diff)
	}
}
