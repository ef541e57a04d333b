package web

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/marketkit/marketkit/store"
)

func exampleStoreConfig(t testing.TB) *store.Config {
	t.Helper()
	cfg, err := store.Decode(store.ExampleConfig())
	if err != nil {
		t.Fatalf("store.Decode: %v", err)
	}
	return cfg
}

func TestFromStore(t *testing.T) {
	c, err := FromStore(exampleStoreConfig(t), "https://shop.example")
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		ID, Prefix, Host, Group, Origin, Zone string
		Countries                             []string
		Locales                               string
		Windows                               int
	}
	var got []row
	for _, m := range c.Markets {
		var ls []string
		for _, l := range m.Locales {
			ls = append(ls, l.String())
		}
		got = append(got, row{m.ID, m.Prefix, m.Host, m.Group, m.Origin, m.TimeZone.String(), m.Countries, strings.Join(ls, " "), len(m.Maintenance)})
	}
	want := []row{
		{"at", "/at", "", "eu", "", "Europe/Vienna", []string{"AT"}, "de-AT", 1},
		{"ch", "/ch", "shop.example.ch", "ch", "https://ch.internal.example:8443", "Europe/Zurich", []string{"CH", "LI"}, "de-CH fr-CH it-CH", 1},
		{"de", "/de", "", "eu", "", "Europe/Berlin", []string{"DE"}, "de-DE en-DE", 1},
		{"fr-be", "/fr-be", "", "eu", "", "Europe/Brussels", []string{"BE"}, "fr-BE nl-BE", 0},
		{"us-east", "/us/east", "", "na", "", "America/New_York", []string{"US"}, "en-US es-US", 1},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("markets (-want +got):\n%s", diff)
	}
	if c.Default != "de" || len(c.Groups) != 3 || c.Groups[2].ID != "na" || c.Groups[2].Root != Redirect {
		t.Errorf("default %q groups %+v", c.Default, c.Groups)
	}
	if _, err := NewSite(c); err != nil {
		t.Fatalf("NewSite: %v", err)
	}
}

// TestStoreHostMarket: the store's ch market has a host and a path: it
// owns every path of shop.example.ch and is also served under /ch on the
// shared host; its origin always sees the prefixed path.
func TestStoreHostMarket(t *testing.T) {
	cfg := exampleStoreConfig(t)
	got := make(chan seen, 1)
	origin := originServer(t, got)
	cfg.Markets["ch"].Origin = origin.URL
	cfg.Markets["ch"].Maintenance = store.Maintenance{}
	site, err := SiteFromStore(cfg, "https://shop.example")
	if err != nil {
		t.Fatal(err)
	}
	h, err := New(Options{Site: func() *Site { return site }, Next: echo})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ host, path, want string }{
		{"shop.example.ch", "/fr/p/mug", "/ch/fr/p/mug"},
		{"shop.example.ch", "/", "/ch/"},
		{"shop.example", "/ch/fr/p/mug", "/ch/fr/p/mug"},
	} {
		r := httptest.NewRequest("GET", c.path, nil)
		r.Host = c.host
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != 200 {
			t.Fatalf("%s%s: %d %s", c.host, c.path, w.Code, w.Body)
		}
		if s := <-got; s.Path != c.want || s.XFHost != c.host || s.Market != "ch" {
			t.Errorf("%s%s reached the origin as %+v, want path %s", c.host, c.path, s, c.want)
		}
	}
	a, err := site.Alternates("ch", tags("fr-CH"), "/p/mug", nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Canonical != "https://shop.example.ch/fr/p/mug" {
		t.Errorf("canonical %q, want the market's own host", a.Canonical)
	}
}

func TestStoreSite(t *testing.T) {
	good := exampleStoreConfig(t)
	var cur atomic.Pointer[store.Config]
	cur.Store(good)
	var errs []error
	src := StoreSite(cur.Load, "https://shop.example", func(err error) { errs = append(errs, err) })
	first := src()
	if first == nil || src() != first {
		t.Fatal("the same configuration must give the same compiled Site")
	}
	next := exampleStoreConfig(t)
	cur.Store(next)
	second := src()
	if second == nil || second == first {
		t.Fatal("a new configuration must give a new Site")
	}
	broken := exampleStoreConfig(t)
	broken.Markets["de"].Path = "/DE"
	cur.Store(broken)
	if got := src(); got != second {
		t.Error("a configuration that does not compile must keep the previous Site")
	}
	if len(errs) != 1 || !errors.Is(errs[0], ErrInvalidConfig) {
		t.Errorf("errors reported: %v", errs)
	}
	src()
	if len(errs) != 1 {
		t.Errorf("the broken version was compiled again: %v", errs)
	}
	h, _ := New(Options{Site: src, Next: echo})
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/de/p", nil))
	if w.Code != 200 {
		t.Errorf("serving with the previous Site: %d", w.Code)
	}
}

func TestStoreSiteConcurrent(t *testing.T) {
	var cur atomic.Pointer[store.Config]
	cur.Store(exampleStoreConfig(t))
	src := StoreSite(cur.Load, "https://shop.example", nil)
	versions := []*store.Config{exampleStoreConfig(t), exampleStoreConfig(t), exampleStoreConfig(t)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 200 {
			cur.Store(versions[i%len(versions)])
		}
	}()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 500 {
				if s := src(); s == nil {
					t.Error("nil Site")
					return
				}
			}
		})
	}
	wg.Wait()
	<-done
}
