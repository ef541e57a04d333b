package locale

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/marketkit/marketkit/internal/doctest"
	"github.com/shopspring/decimal"
)

// Issue 8: the example messages in errors.go are the real text.
func TestDocErrorExamplesAreReal(t *testing.T) {
	f, err := NewFormatter(MustParse("en"), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	_, err = f.Currency(decimal.NewFromInt(1), "EURO")
	got = append(got, err.Error())
	_, err = Parse("e n")
	got = append(got, err.Error())
	if diff := cmp.Diff(doctest.ErrorExamples(t, "errors.go", "locale: "), got); diff != "" {
		t.Errorf("doc examples differ from the real messages (-doc +real):\n%s", diff)
	}
}
