package web

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/marketkit/marketkit/store"
)

// nopWriter is a ResponseWriter that keeps only its header map, cleared
// between iterations, so that benchmarks measure the middleware.
type nopWriter struct{ h http.Header }

func (w *nopWriter) Header() http.Header         { return w.h }
func (w *nopWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *nopWriter) WriteHeader(int)             {}

type nopMarket struct{}

func (nopMarket) ServeHTTP(http.ResponseWriter, *http.Request)               {}
func (nopMarket) ServeMarket(http.ResponseWriter, *http.Request, *Selection) {}

var nop = http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})

func benchRequest(target string, hdr map[string]string) *http.Request {
	r := httptest.NewRequest("GET", target, nil)
	r.Host = "shop.example"
	r.RemoteAddr = "10.0.0.7:5555"
	for k, v := range hdr {
		r.Header.Set(k, v)
	}
	return r
}

func runBench(b *testing.B, h http.Handler, r *http.Request) {
	w := &nopWriter{h: make(http.Header)}
	b.ReportAllocs()
	for b.Loop() {
		clear(w.h)
		h.ServeHTTP(w, r)
	}
}

// BenchmarkExplicitPath compares the middleware on a market page with the
// baseline of calling a no-op handler directly (what net/http would do
// without it), in the same run.
func BenchmarkExplicitPath(b *testing.B) {
	browser := map[string]string{"User-Agent": chrome, "Accept-Language": "de-CH,de;q=0.9,en;q=0.8", "Cookie": "session=abc; market=us"}
	b.Run("baseline=no-op handler", func(b *testing.B) { runBench(b, nop, benchRequest("/de/p/mug", browser)) })
	hm, _ := newTestHandler(b, testConfig(), Options{Next: nopMarket{}})
	b.Run("MarketHandler", func(b *testing.B) { runBench(b, hm, benchRequest("/de/p/mug", browser)) })
	b.Run("MarketHandler/locale-segment", func(b *testing.B) { runBench(b, hm, benchRequest("/ch/fr/p/mug", browser)) })
	b.Run("MarketHandler/negotiated-locale", func(b *testing.B) { runBench(b, hm, benchRequest("/ch/p/mug", browser)) })
	hc, _ := newTestHandler(b, testConfig(), Options{Next: nop})
	b.Run("context", func(b *testing.B) { runBench(b, hc, benchRequest("/de/p/mug", browser)) })
}

// BenchmarkRootDetection is the detection chain on "/", by what decides.
func BenchmarkRootDetection(b *testing.B) {
	h, _ := newTestHandler(b, testConfig(), Options{Next: nopMarket{}})
	b.Run("baseline=no-op handler", func(b *testing.B) { runBench(b, nop, benchRequest("/", nil)) })
	b.Run("cookie", func(b *testing.B) {
		runBench(b, h, benchRequest("/", map[string]string{"User-Agent": chrome, "Cookie": "a=b; market=de"}))
	})
	b.Run("geo", func(b *testing.B) {
		runBench(b, h, benchRequest("/", map[string]string{"User-Agent": chrome, "Cf-Ipcountry": "DE"}))
	})
	b.Run("accept-language", func(b *testing.B) {
		runBench(b, h, benchRequest("/", map[string]string{"User-Agent": chrome, "Accept-Language": "de-CH,de;q=0.9,en;q=0.8"}))
	})
	b.Run("redirect", func(b *testing.B) {
		runBench(b, h, benchRequest("/", map[string]string{"User-Agent": chrome, "Sec-Fetch-Mode": "navigate", "Cf-Ipcountry": "US"}))
	})
}

// TestExplicitPathNoAlloc pins the 0-allocation claim for market pages
// served through a MarketHandler.
func TestExplicitPathNoAlloc(t *testing.T) {
	h, _ := newTestHandler(t, testConfig(), Options{Next: nopMarket{}})
	for _, target := range []string{"/de/p/mug", "/us/es/p/1", "/ch/fr/p/mug", "/ch/p/mug"} {
		r := benchRequest(target, map[string]string{"User-Agent": chrome, "Accept-Language": "fr-CH", "Cookie": "session=abc"})
		w := &nopWriter{h: make(http.Header)}
		h.ServeHTTP(w, r) // warm the Accept-Language cache
		if target == "/ch/p/mug" {
			// Vary is written to the header map: the slice is shared, the
			// map entry may be the map's first.
			w.h["Vary"] = nil
		}
		n := testing.AllocsPerRun(200, func() {
			delete(w.h, "Vary")
			h.ServeHTTP(w, r)
		})
		if n != 0 {
			t.Errorf("%s: %v allocations per request, want 0", target, n)
		}
	}
}

// BenchmarkServer measures whole requests over loopback (client and
// server in this process): the allocations net/http makes per request
// are the baseline, and the middleware's own are the difference.
func BenchmarkServer(b *testing.B) {
	run := func(b *testing.B, h http.Handler, path string) {
		srv := httptest.NewServer(h)
		defer srv.Close()
		c := srv.Client()
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		req.Header.Set("User-Agent", chrome)
		b.ReportAllocs()
		for b.Loop() {
			res, err := c.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			res.Body.Close()
		}
	}
	b.Run("baseline=no-op handler", func(b *testing.B) { run(b, nopMarket{}, "/de/p/mug") })
	h, _ := newTestHandler(b, testConfig(), Options{Next: nopMarket{}})
	b.Run("MarketHandler", func(b *testing.B) { run(b, h, "/de/p/mug") })
	hc, _ := newTestHandler(b, testConfig(), Options{Next: nop})
	b.Run("context", func(b *testing.B) { run(b, hc, "/de/p/mug") })
}

// BenchmarkNewSite is the cost of compiling a configuration (a reload):
// checks, formatters, matchers, routing tables. Baseline: decoding the
// store's example configuration, the step before it.
func BenchmarkNewSite(b *testing.B) {
	c := testConfig()
	b.Run("NewSite (9 markets)", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := NewSite(c); err != nil {
				b.Fatal(err)
			}
		}
	})
	raw := store.ExampleConfig()
	b.Run("baseline=store.Decode (5 markets)", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := store.Decode(raw); err != nil {
				b.Fatal(err)
			}
		}
	})
}
