package metadata_test

import (
	"bytes"
	"flag"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*")

// TestGolden compares every facts document of the storefront's markets,
// one directory per market and one file per locale, and the index, with
// testdata/golden (go test ./store/metadata -update rewrites them).
func TestGolden(t *testing.T) {
	s := sharedServer(t)
	seen := map[string]bool{}
	for _, p := range s.Paths() {
		var name string
		switch {
		case p == "/v1/":
			name = "index.json"
		case strings.HasPrefix(p, "/v1/markets/"):
			name = strings.TrimPrefix(p, "/v1/markets/") + ".json"
		default:
			continue
		}
		file := filepath.Join("testdata", "golden", filepath.FromSlash(name))
		seen[file] = true
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("GET", p, nil))
		got := w.Body.Bytes()
		if *update {
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("%s: %v (run go test -update)", p, err)
			continue
		}
		if !bytes.Equal(want, got) {
			t.Errorf("%s differs from %s (-want +got):\n%s", p, file, cmp.Diff(string(want), string(got)))
		}
	}
	if len(seen) != 22 { // 21 market × locale documents and the index
		t.Errorf("%d golden documents, want 22", len(seen))
	}
	// A golden file for a document no longer served is an error too.
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*", "*.json"))
	for _, f := range files {
		if !seen[f] && !*update {
			t.Errorf("%s: no longer served (remove it)", f)
		}
	}
}
