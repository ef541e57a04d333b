package address

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/marketkit/marketkit/internal/doctest"
)

// Issue 8: the example messages in errors.go are the real text.
func TestDocErrorExamplesAreReal(t *testing.T) {
	var got []string
	err := Validate(Address{CountryCode: "GB", PostalCode: "123", Locality: "London", Line1: "1 A"})
	got = append(got, err.Error())
	_, _, _, err = Address{CountryCode: "XX"}.TaxLocation()
	got = append(got, err.Error())
	if diff := cmp.Diff(doctest.ErrorExamples(t, "errors.go", "address: "), got); diff != "" {
		t.Errorf("doc examples differ from the real messages (-doc +real):\n%s", diff)
	}
}
