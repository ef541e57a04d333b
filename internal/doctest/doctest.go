// Package doctest reads examples out of doc comments, for tests that keep
// the documentation true (issue 8: "doc examples of error text must be the
// real text"). It is imported by _test.go files only.
package doctest

import (
	"os"
	"strings"
	"testing"
)

// ErrorExamples returns the example error messages of the doc comments of
// file: the indented comment lines that start with prefix and an
// operation ("tax: Calculate: …"), not the "Op: field" template. A file
// that cannot be read fails t.
func ErrorExamples(t testing.TB, file, prefix string) []string {
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
