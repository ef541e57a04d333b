package tax

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// docErrorExamples returns the example messages of the doc comments of
// file: the indented comment lines that start with prefix and an
// operation ("tax: Calculate: "), not the "Op: field" template.
func docErrorExamples(t *testing.T, file, prefix string) []string {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(src), "\n") {
		s, ok := strings.CutPrefix(line, "//\t"+prefix)
		if ok && !strings.HasPrefix(s, "Op: ") && len(s) > 0 && s[0] >= 'A' && s[0] <= 'Z' {
			out = append(out, prefix+s)
		}
	}
	return out
}

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
	if diff := cmp.Diff(docErrorExamples(t, "errors.go", "tax: "), got); diff != "" {
		t.Errorf("doc examples differ from the real messages (-doc +real):\n%s", diff)
	}
}
