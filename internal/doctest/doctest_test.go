package doctest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestErrorExamples(t *testing.T) {
	src := "package x\n\n// Error is …:\n//\n//\tx: Op: field \"value\": reason\n//\tx: Parse: code \"ZZ\": unknown\n//\tx: lower case is not an example\n//\ty: Parse: another package\n// x: Parse: not indented\nvar E error\n"
	path := filepath.Join(t.TempDir(), "errors.go")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	want := []string{`x: Parse: code "ZZ": unknown`}
	if diff := cmp.Diff(want, ErrorExamples(t, path, "x: ")); diff != "" {
		t.Errorf("ErrorExamples (-want +got):\n%s", diff)
	}
}
