package phone

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/marketkit/marketkit/internal/doctest"
)

// Issue 8: the example messages of ParseError's doc are the real text.
func TestDocErrorExamplesAreReal(t *testing.T) {
	var got []string
	_, err := Parse("+49 1", "DE")
	got = append(got, err.Error())
	_, err = Parse("123", "UK")
	got = append(got, err.Error())
	if diff := cmp.Diff(doctest.ErrorExamples(t, "phone.go", "phone: "), got); diff != "" {
		t.Errorf("doc examples differ from the real messages (-doc +real):\n%s", diff)
	}
}
