package web

import (
	"errors"
	"flag"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"
)

var (
	update = flag.Bool("update", false, "rewrite testdata/*.golden")
	long   = flag.Bool("long", false, "run the exhaustive tests")
)

func TestAlternatesGolden(t *testing.T) {
	s := mustSite(t, testConfig())
	var b strings.Builder
	for _, c := range []struct {
		market string
		loc    string
		page   string
	}{
		{"de", "de-DE", "/p/mug"},
		{"ch", "fr-CH", "/p/mug"},
		{"uk", "en", "/"},
	} {
		a, err := s.Alternates(c.market, language.MustParse(c.loc), c.page, func(id string) bool { return id != "us-es" })
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "# %s %s %s\n<link rel=\"canonical\" href=\"%s\">\n", c.market, c.loc, c.page, a.Canonical)
		for _, l := range a.Links {
			fmt.Fprintf(&b, "<link rel=\"alternate\" hreflang=\"%s\" href=\"%s\">\n", l.Hreflang, l.URL)
		}
	}
	golden := filepath.Join("testdata", "alternates.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("alternates (-golden +got):\n%s", diff)
	}
}

// TestAlternatesProperties checks the hreflang rules the peers broke:
// self-reference (staempfli/magento2-module-seo #12), return links, one
// code per language-region (statamic/seo-pro #296: en-GB and en-US are
// not both "en"), and x-default on a URL answering 200 (mercur #1356,
// mozilla/addons-frontend #6644): every URL is fetched through the
// Handler.
func TestAlternatesProperties(t *testing.T) {
	c := testConfig()
	c.Markets[7].Origin = "" // jp served here, so that its URLs can be fetched
	c.Markets[3].MaintenanceOn = false
	s := mustSite(t, c)
	h, _ := newTestHandler(t, c, Options{})
	page := "/p/mug"
	var sets [][]Link
	for _, id := range s.Markets() {
		m, _ := s.Market(id)
		for _, l := range m.Locales {
			a, err := s.Alternates(id, l, page, nil)
			if err != nil {
				t.Fatal(err)
			}
			self := false
			codes := map[string]bool{}
			for _, link := range a.Links {
				if codes[link.Hreflang] {
					t.Errorf("%s %s: duplicate hreflang %q", id, l, link.Hreflang)
				}
				codes[link.Hreflang] = true
				if link.URL == a.Canonical {
					self = true
				}
				if link.Hreflang != "x-default" {
					tag, err := language.Parse(link.Hreflang)
					if _, conf := tag.Region(); err != nil || conf != language.Exact {
						t.Errorf("hreflang %q is not language-region", link.Hreflang)
					}
				}
			}
			if !self {
				t.Errorf("%s %s: no self-reference to %s in %v", id, l, a.Canonical, a.Links)
			}
			sets = append(sets, a.Links)
		}
	}
	for i := range sets {
		if !slices.Equal(sets[0], sets[i]) {
			t.Fatalf("alternate sets differ, so return links are missing:\n%v\n%v", sets[0], sets[i])
		}
	}
	for _, link := range sets[0] {
		u, err := url.Parse(link.URL)
		if err != nil {
			t.Fatal(err)
		}
		r := httptest.NewRequest("GET", u.Path, nil)
		r.Host = u.Host
		r.Header.Set("Sec-Fetch-Mode", "navigate")
		r.Header.Set("User-Agent", chrome)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != 200 {
			t.Errorf("%s %s answers %d, want 200", link.Hreflang, link.URL, w.Code)
		}
	}
	if a, _ := s.Alternates("chhost", language.MustParse("de-CH"), page, nil); a.Canonical != "https://shop.example/ch/p/mug" {
		t.Errorf("chhost canonical = %q, want the first de-CH market's page", a.Canonical)
	}
	if last := sets[0][len(sets[0])-1]; last.Hreflang != "x-default" || last.URL != "https://shop.example/us/p/mug" {
		t.Errorf("x-default = %v, want the default market's page", last)
	}
}

func TestAlternatesErrors(t *testing.T) {
	s := mustSite(t, testConfig())
	for _, c := range []struct {
		market, loc, page string
		want              error
	}{
		{"fr", "fr-FR", "/p", ErrInvalidConfig},
		{"de", "fr-FR", "/p", ErrInvalidConfig},
		{"de", "de-DE", "//evil.example/p", ErrUnsafeRedirect},
		{"de", "de-DE", "/p?x=1", ErrUnsafeRedirect},
		{"de", "de-DE", "p", ErrUnsafeRedirect},
	} {
		if _, err := s.Alternates(c.market, language.MustParse(c.loc), c.page, nil); !errors.Is(err, c.want) {
			t.Errorf("Alternates(%q, %q, %q) error %v, want %v", c.market, c.loc, c.page, err, c.want)
		}
	}
}
