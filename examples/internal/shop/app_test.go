package shop

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/marketkit/marketkit/examples/storefront/data"
	"github.com/marketkit/marketkit/store"
)

func openTest(t testing.TB, src store.ConfigSource, o InstanceOptions) *Instance {
	t.Helper()
	if o.Data == nil {
		o.Data = data.FS()
	}
	o.Source, o.DataDir, o.BaseURL, o.CartKey = src, t.TempDir(), "http://shop.example", testKey
	in, err := Open(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { in.Close() })
	return in
}

func get(t testing.TB, h http.Handler, path string) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	r := httptest.NewRequest(http.MethodGet, "http://shop.example"+path, nil)
	r.Header.Set("User-Agent", "Mozilla/5.0 test")
	h.ServeHTTP(w, r)
	return w
}

// TestReload: a new configuration version is served without a restart:
// the stores are rebuilt, the web layer follows, and /healthz and
// build_info carry the new hash. An invalid version is refused and the
// previous one keeps serving.
func TestReload(t *testing.T) {
	file := filepath.Join(t.TempDir(), "markets.json")
	if err := os.WriteFile(file, data.Markets(), 0o644); err != nil {
		t.Fatal(err)
	}
	in := openTest(t, store.FileSource(file), InstanceOptions{})
	h := in.Server.Handler()
	if w := get(t, h, "/de/"); w.Code != http.StatusOK {
		t.Fatalf("/de/: %d", w.Code)
	}
	before := in.Server.health().Hash

	cfg, err := store.Decode(data.Markets())
	if err != nil {
		t.Fatal(err)
	}
	de, _ := cfg.Market("de")
	de.Maintenance.Now = true
	cfg.Version = "storefront-2"
	b, _ := json.Marshal(cfg)
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := in.Cache.Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	if w := get(t, h, "/de/"); w.Code != http.StatusServiceUnavailable {
		t.Errorf("/de/ after the reload that closed it: %d, want 503", w.Code)
	}
	after := in.Server.health()
	if after.Hash == before || after.Version != "storefront-2" || after.Hash != cfg.Hash() {
		t.Errorf("health after reload: %q %q, want version storefront-2 and hash %q (was %q)", after.Version, after.Hash, cfg.Hash(), before)
	}
	m := get(t, h, "/metrics").Body.String()
	if !strings.Contains(m, `config_hash="`+cfg.Hash()+`"`) || !strings.Contains(m, `config_version="storefront-2"`) {
		t.Error("build_info does not carry the new configuration")
	}

	if err := os.WriteFile(file, []byte(`{"markets": {"de": {"currency": "EURO"}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := in.Cache.Refresh(context.Background()); err == nil {
		t.Error("an invalid configuration was accepted")
	}
	if got := in.Server.health().Hash; got != cfg.Hash() {
		t.Errorf("after a refused configuration the hash is %q, want the previous %q", got, cfg.Hash())
	}
	if w := get(t, h, "/fr/"); w.Code != http.StatusOK {
		t.Errorf("/fr/ after a refused configuration: %d", w.Code)
	}
}

// TestOverrideHash: an instance's local overrides (its own origin, a
// maintenance switch) do not change the hash it reports: it is the
// deployed file's, so fleet status sees one hash across the fleet.
func TestOverrideHash(t *testing.T) {
	cfg, _ := store.Decode(data.Markets())
	in := openTest(t, store.BytesSource(data.Markets()), InstanceOptions{Only: "jp", Origins: map[string]string{"jp": ""}, Maintenance: []string{"jp"}})
	if got := in.Server.health().Hash; got != cfg.Hash() {
		t.Errorf("reported hash %q, want the deployed configuration's %q", got, cfg.Hash())
	}
	if got := in.Cache.Config().Hash(); got == cfg.Hash() {
		t.Error("the served configuration has no override")
	}
	if w := get(t, in.Server.Handler(), "/jp/"); w.Code != http.StatusServiceUnavailable {
		t.Errorf("/jp/ switched to maintenance: %d", w.Code)
	}
	if _, err := Open(context.Background(), InstanceOptions{Source: store.BytesSource(data.Markets()), Data: data.FS(), DataDir: t.TempDir(),
		BaseURL: "http://shop.example", CartKey: testKey, Maintenance: []string{"xx"}}); err == nil || !strings.Contains(err.Error(), "xx") {
		t.Errorf("maintenance for an unknown market: %v", err)
	}
}

var (
	fuzzOnce sync.Once
	fuzzH    http.Handler
)

// FuzzPages: no path or query makes a page fail with a 5xx or panic.
func FuzzPages(f *testing.F) {
	for _, s := range []string{"/de/", "/ch/fr/c/mugs?f.color=red&sort=price", "/de/p/mugs-001", "/de/?cursor=x", "/jp/en/c/books?min=1&max=2",
		"/de/?q=%FF", "/de/c/..", "/de/orders/x", "/us-east/es/?limit=1000", "/de/?f.organic=true&f.organic=maybe", "/"} {
		f.Add(s)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, target string) {
		fuzzOnce.Do(func() {
			in, err := Open(context.Background(), InstanceOptions{Source: store.BytesSource(data.Markets()), Data: data.FS(),
				DataDir: dir, BaseURL: "http://shop.example", CartKey: testKey})
			if err != nil {
				t.Fatal(err)
			}
			fuzzH = in.Server.Handler()
		})
		if !strings.HasPrefix(target, "/") || strings.ContainsAny(target, " \t\r\n#") || len(target) > 2000 {
			return
		}
		req, err := http.NewRequest(http.MethodGet, "http://shop.example"+target, nil)
		if err != nil {
			return
		}
		req.Header.Set("User-Agent", "Mozilla/5.0 fuzz")
		w := httptest.NewRecorder()
		fuzzH.ServeHTTP(w, req)
		if w.Code >= 500 {
			body, _ := io.ReadAll(w.Result().Body)
			t.Fatalf("GET %q: %d\n%s", target, w.Code, body)
		}
	})
}

// TestCompareAt: during the Black Week sale (27 November 2026 to
// 1 January 2027 in the EUR list) a sale product shows its regular price
// struck through, in the listing and on its page; after the sale, neither.
func TestCompareAt(t *testing.T) {
	for _, tc := range []struct {
		name string
		at   time.Time
		want bool
	}{
		{"during the sale", time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC), true},
		{"after the sale", time.Date(2027, 2, 1, 12, 0, 0, 0, time.UTC), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := openTest(t, store.BytesSource(data.Markets()), InstanceOptions{Only: "de", Now: func() time.Time { return tc.at }})
			h := in.Server.Handler()
			body := get(t, h, "/de/c/mugs?sort=price-desc&limit=48").Body.String()
			i := strings.Index(body, `<s class="was">`)
			if (i >= 0) != tc.want {
				t.Fatalf("listing has a compare-at price: %v, want %v", i >= 0, tc.want)
			}
			if !tc.want {
				return
			}
			start := strings.LastIndex(body[:i], `<a href="`) + len(`<a href="`)
			link := body[start : start+strings.IndexByte(body[start:], '"')]
			page := get(t, h, link).Body.String()
			if !strings.Contains(page, `<s class="was"`) {
				t.Errorf("%s: no compare-at price on the product page", link)
			}
		})
	}
}

// TestBaseURL: the URL names the listener's port and the host a browser
// can use.
func TestBaseURL(t *testing.T) {
	for _, tt := range []struct{ listen, addr, host string }{
		{"127.0.0.1:0", "127.0.0.1:0", "127.0.0.1"},
		{"127.0.0.1:0", "localhost:0", "localhost"},
	} {
		ln, err := net.Listen("tcp", tt.listen)
		if err != nil {
			t.Fatal(err)
		}
		_, port, _ := net.SplitHostPort(ln.Addr().String())
		if got, want := BaseURL(ln, tt.addr), "http://"+net.JoinHostPort(tt.host, port); got != want {
			t.Errorf("BaseURL(%s, %q) = %q, want %q", ln.Addr(), tt.addr, got, want)
		}
		ln.Close()
	}
	// A wildcard listener (not opened: tests listen on 127.0.0.1 only).
	if got := BaseURL(addrListener{&net.TCPAddr{IP: net.IPv6unspecified, Port: 8080}}, ":8080"); got != "http://localhost:8080" {
		t.Errorf("BaseURL([::]:8080) = %q", got)
	}
}

// addrListener is a net.Listener that only has an address.
type addrListener struct{ addr net.Addr }

func (l addrListener) Accept() (net.Conn, error) { return nil, net.ErrClosed }
func (l addrListener) Close() error              { return nil }
func (l addrListener) Addr() net.Addr            { return l.addr }
