package address

import (
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

// Issue 8: the example messages in errors.go are the real text.
func TestDocErrorExamplesAreReal(t *testing.T) {
	var got []string
	err := Validate(Address{CountryCode: "GB", PostalCode: "123", Locality: "London", Line1: "1 A"})
	got = append(got, err.Error())
	_, _, _, err = Address{CountryCode: "XX"}.TaxLocation()
	got = append(got, err.Error())
	if diff := cmp.Diff(docErrorExamples(t, "errors.go", "address: "), got); diff != "" {
		t.Errorf("doc examples differ from the real messages (-doc +real):\n%s", diff)
	}
}
