package vat

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/marketkit/marketkit/internal/doctest"
)

// Issue 8: the example message of Error's doc is the real text.
func TestDocErrorExamplesAreReal(t *testing.T) {
	_, err := Parse("DE136695977")
	if err == nil {
		t.Fatal("no error")
	}
	if diff := cmp.Diff(doctest.ErrorExamples(t, "number.go", "vat: "), []string{err.Error()}); diff != "" {
		t.Errorf("doc examples differ from the real messages (-doc +real):\n%s", diff)
	}
}
