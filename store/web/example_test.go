package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/store/web"
)

func exampleSite() *web.Site {
	site, err := web.NewSite(web.Config{
		BaseURL: "https://shop.example",
		Default: "de",
		Groups:  []web.Group{{ID: "na", Root: web.Redirect}},
		Markets: []web.Market{
			{ID: "de", Prefix: "/de", Countries: []string{"DE"}, Locales: []language.Tag{language.MustParse("de-DE")}},
			{ID: "ch", Prefix: "/ch", Countries: []string{"CH", "LI"},
				Locales: []language.Tag{language.MustParse("de-CH"), language.MustParse("fr-CH")}},
			{ID: "us", Prefix: "/us", Countries: []string{"US"}, Locales: []language.Tag{language.AmericanEnglish}, Group: "na"},
		},
	})
	if err != nil {
		panic(err)
	}
	return site
}

func get(h http.Handler, target string, header ...string) {
	r := httptest.NewRequest("GET", target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	fmt.Printf("%-14s %d %s%s\n", target, w.Code, w.Header().Get("Location"), strings.TrimSpace(w.Body.String()))
}

// Wiring the Handler into an http.ServeMux: the host's own routes
// (/healthz) beside it, the pages behind it reading the Selection from
// the request context. The configuration sits in an atomic.Pointer, so a
// reload is one Store.
func Example() {
	var current atomic.Pointer[web.Site]
	current.Store(exampleSite())

	pages := http.NewServeMux()
	pages.HandleFunc("GET /{market}/{rest...}", func(w http.ResponseWriter, r *http.Request) {
		sel, _ := web.FromContext(r.Context())
		fmt.Fprintf(w, "page %s of %s in %s", sel.Rest(r), sel.MarketID(), sel.Locale())
	})
	pages.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		sel, _ := web.FromContext(r.Context())
		fmt.Fprintf(w, "root page suggesting %s (from %s)", sel.MarketID(), sel.Source())
	})
	h, err := web.New(web.Options{Site: current.Load, Next: pages})
	if err != nil {
		panic(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") })
	mux.Handle("/", h)

	get(mux, "/healthz")
	get(mux, "/de/p/mug")
	get(mux, "/ch/fr/p/mug")
	get(mux, "/dealer")
	get(mux, "/", "Accept-Language", "fr-CH", "Sec-Fetch-Mode", "navigate", "User-Agent", "Mozilla/5.0")
	get(mux, "/", "Accept-Language", "en-US", "Sec-Fetch-Mode", "navigate", "User-Agent", "Mozilla/5.0")
	get(mux, "/", "Accept-Language", "en-US", "Sec-Fetch-Mode", "navigate", "User-Agent", "Googlebot/2.1")
	// Output:
	// /healthz       200 ok
	// /de/p/mug      200 page /p/mug of de in de-DE
	// /ch/fr/p/mug   200 page /p/mug of ch in fr-CH
	// /dealer        404 404 page not found
	// /              200 root page suggesting ch (from accept-language)
	// /              302 /us/
	// /              200 root page suggesting us (from accept-language)
}

// A CDN preset: the geolocation header is believed only from the CDN's
// addresses; from anyone else it is a forgery and ignored.
func Example_cdnPreset() {
	cloudflare := []netip.Prefix{netip.MustParsePrefix("173.245.48.0/20"), netip.MustParsePrefix("2400:cb00::/32")}
	h, err := web.New(web.Options{
		Site: func() *web.Site { return exampleSite() },
		Next: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			sel, _ := web.FromContext(r.Context())
			fmt.Print(sel.MarketID(), " ", sel.Source())
		}),
		GeoHeader:      web.GeoCloudflare,
		TrustedProxies: cloudflare,
	})
	if err != nil {
		panic(err)
	}
	for _, peer := range []string{"173.245.48.7:443", "198.51.100.9:443"} {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = peer
		r.Header.Set("CF-IPCountry", "CH")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		fmt.Printf(" (from %s, Vary: %s)\n", peer, w.Header().Get("Vary"))
	}
	// Output:
	// ch geo (from 173.245.48.7:443, Vary: Cookie, Cf-Ipcountry, Accept-Language)
	// de default (from 198.51.100.9:443, Vary: Cookie, Accept-Language)
}

func ExampleLocalPath() {
	for _, p := range []string{"/ch/p/mug?size=l", "//evil.example", "/\\evil.example", "/%2F%2Fevil.example", "https://evil.example", "javascript:alert(1)"} {
		fmt.Printf("%-22q %v\n", p, web.LocalPath(p))
	}
	// Output:
	// "/ch/p/mug?size=l"     true
	// "//evil.example"       false
	// "/\\evil.example"      false
	// "/%2F%2Fevil.example"  false
	// "https://evil.example" false
	// "javascript:alert(1)"  false
}

func ExampleSite_Alternates() {
	a, err := exampleSite().Alternates("ch", language.MustParse("fr-CH"), "/p/mug", nil)
	if err != nil {
		panic(err)
	}
	fmt.Println("canonical", a.Canonical)
	for _, l := range a.Links {
		fmt.Println(l.Hreflang, l.URL)
	}
	// Output:
	// canonical https://shop.example/ch/fr/p/mug
	// de-DE https://shop.example/de/p/mug
	// de-CH https://shop.example/ch/p/mug
	// fr-CH https://shop.example/ch/fr/p/mug
	// en-US https://shop.example/us/p/mug
	// x-default https://shop.example/de/p/mug
}
