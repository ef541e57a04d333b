package web

import (
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/language"
)

var tags = language.MustParse

// testConfig is the fixture of most tests: suggest markets in Europe, a
// redirect group in North America, a two-segment prefix, a prefix that
// starts like another ("/de-ch" and "/de"), a host-bound market, a
// forwarded market and one in maintenance.
func testConfig() Config {
	return Config{
		BaseURL: "https://shop.example",
		Default: "us",
		Groups:  []Group{{ID: "eu", Root: Suggest}, {ID: "na", Root: Redirect}},
		Markets: []Market{
			{ID: "de", Prefix: "/de", Countries: []string{"DE"}, Locales: []language.Tag{tags("de-DE")}, Group: "eu"},
			{ID: "ch", Prefix: "/ch", Countries: []string{"ch", "LI"}, Locales: []language.Tag{tags("de-CH"), tags("fr-CH"), tags("it-CH")}, Group: "eu",
				TimeZone: mustZone("Europe/Zurich")},
			{ID: "dech", Prefix: "/de-ch", Countries: []string{"LI"}, Locales: []language.Tag{tags("de-LI")}, Group: "eu"},
			{ID: "at", Prefix: "/at", Countries: []string{"AT"}, Locales: []language.Tag{tags("de-AT")}, Group: "eu", MaintenanceOn: true},
			{ID: "uk", Prefix: "/uk", Countries: []string{"GB"}, Locales: []language.Tag{tags("en")}, Group: "eu"},
			{ID: "us", Prefix: "/us", Countries: []string{"US"}, Locales: []language.Tag{tags("en-US")}, Group: "na"},
			{ID: "us-es", Prefix: "/us/es", Countries: []string{"US"}, Locales: []language.Tag{tags("es-US")}, Group: "na"},
			{ID: "jp", Prefix: "/jp", Countries: []string{"JP"}, Locales: []language.Tag{tags("ja-JP")}, Origin: "http://127.0.0.1:1"},
			{ID: "chhost", Host: "shop.example.ch", Countries: []string{"CH"}, Locales: []language.Tag{tags("de-CH")}},
		},
	}
}

func mustZone(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return l
}

func mustSite(t testing.TB, c Config) *Site {
	t.Helper()
	s, err := NewSite(c)
	if err != nil {
		t.Fatalf("NewSite: %v", err)
	}
	return s
}

// echo is a Next handler that writes what the Handler decided.
var echo = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	sel, ok := FromContext(r.Context())
	if !ok {
		http.Error(w, "no selection", http.StatusInternalServerError)
		return
	}
	fmt.Fprintf(w, "market=%s locale=%s explicit=%t source=%s rest=%s", sel.MarketID(), sel.Locale(), sel.Explicit(), sel.Source(), sel.Rest(r))
})

var trustedCDN = []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}

func newTestHandler(t testing.TB, c Config, o Options) (*Handler, *atomic.Pointer[Site]) {
	t.Helper()
	var cur atomic.Pointer[Site]
	cur.Store(mustSite(t, c))
	if o.Site == nil {
		o.Site = cur.Load
	}
	if o.Next == nil {
		o.Next = echo
	}
	if o.GeoHeader == "" {
		o.GeoHeader = GeoCloudflare
	}
	if o.TrustedProxies == nil {
		o.TrustedProxies = trustedCDN
	}
	h, err := New(o)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return h, &cur
}

func body(t testing.TB, r io.Reader) string {
	t.Helper()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(b))
}
