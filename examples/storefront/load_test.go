package main

import (
	"context"
	"flag"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/marketkit/marketkit/examples/internal/shop"
	"github.com/marketkit/marketkit/examples/internal/shoptest"
	"github.com/marketkit/marketkit/examples/storefront/data"
	"github.com/marketkit/marketkit/store"
)

var long = flag.Bool("long", false, "run the load test long enough to check its targets (≥ 30 % of the baseline, p99 ≤ 10 ms)")

// loadPath is the page measured: a listing with formatted prices, facet
// counts over every product and a price sort.
const loadPath = "/de/?sort=price"

// TestLoadListing measures the listing page's requests per second on
// loopback at 32 concurrent connections, beside a net/http handler that
// writes a constant page of the same size, in the same run. It always
// stops by itself (1 s per side by default, 5 s with -long) and fails on
// any error. The targets (≥ 30 % of the baseline's throughput, p99 ≤ 10 ms)
// are logged; they fail the test with -long, without the race detector
// (which slows the shop several times more than the baseline) and with
// MARKETKIT_LOAD_TARGETS=1, on a machine dedicated to the run.
func TestLoadListing(t *testing.T) {
	base := shared(t)
	resp, err := http.Get(base + loadPath)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || len(page) < 5000 {
		t.Fatalf("%s: %d, %d bytes", loadPath, resp.StatusCode, len(page))
	}

	// The baseline: the same bytes from a constant handler, same server
	// settings, same loopback.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(page)
	}), ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Shutdown(context.Background())

	d := time.Second
	if *long {
		d = 5 * time.Second
	}
	const conns = 32
	baseline := shoptest.Load("http://"+ln.Addr().String()+"/", conns, d)
	shop := shoptest.Load(base+loadPath, conns, d)
	ratio := shop.PerSecond / baseline.PerSecond
	t.Logf("listing %s (%d bytes), %d connections, %v each:", loadPath, len(page), conns, d)
	t.Logf("  constant page (baseline): %8.0f req/s  p50 %v  p99 %v  CPU/request %v  (%d requests, %d errors)", baseline.PerSecond, baseline.P50, baseline.P99, baseline.CPUPerRequest, baseline.Requests, baseline.Errors)
	t.Logf("  storefront listing:       %8.0f req/s  p50 %v  p99 %v  CPU/request %v  (%d requests, %d errors)", shop.PerSecond, shop.P50, shop.P99, shop.CPUPerRequest, shop.Requests, shop.Errors)
	t.Logf("  ratio %.2f (target ≥ 0.30), race detector %v", ratio, raceEnabled)
	if shop.Errors > 0 || baseline.Errors > 0 || shop.Requests == 0 {
		t.Errorf("errors: shop %d, baseline %d; shop requests %d", shop.Errors, baseline.Errors, shop.Requests)
	}
	// The targets are throughput and latency of a quiet machine: on a
	// shared one the constant page's own p99 passes 10 ms. They fail the
	// test only when MARKETKIT_LOAD_TARGETS=1 says the machine is
	// dedicated to the run; otherwise the figures above are the report.
	strict := os.Getenv("MARKETKIT_LOAD_TARGETS") == "1"
	met := ratio >= 0.30 && shop.P99 <= 10*time.Millisecond
	t.Logf("  targets (≥ 30 %% of the baseline, p99 ≤ 10 ms) met: %v; enforced: %v (MARKETKIT_LOAD_TARGETS=1 with -long, no race detector)", met, strict && *long && !raceEnabled)
	if strict && *long && !raceEnabled {
		if ratio < 0.30 {
			t.Errorf("listing at %.0f req/s is %.0f %% of the baseline's %.0f: want ≥ 30 %%", shop.PerSecond, 100*ratio, baseline.PerSecond)
		}
		if shop.P99 > 10*time.Millisecond {
			t.Errorf("listing p99 %v: want ≤ 10 ms", shop.P99)
		}
	}
}

// BenchmarkListingHandler renders the listing page through the whole
// handler (web layer, listing, template) without the network;
// BenchmarkConstantPage is its baseline: a handler writing the same bytes.
func BenchmarkListingHandler(b *testing.B) {
	h, page := benchHandler(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(page)))
	defer reportCPU(b)()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "http://localhost:8080"+loadPath, nil))
		if w.Code != http.StatusOK {
			b.Fatal(w.Code)
		}
	}
}

// reportCPU reports the process's CPU time per operation ("cpu-ns/op"):
// on a machine shared with other work, wall time per operation measures
// the load as much as the code.
func reportCPU(b *testing.B) func() {
	start := shoptest.CPUTime()
	return func() {
		if b.N > 0 {
			b.ReportMetric(float64((shoptest.CPUTime()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
		}
	}
}

func BenchmarkConstantPage(b *testing.B) {
	_, page := benchHandler(b)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(page)
	})
	b.ReportAllocs()
	b.SetBytes(int64(len(page)))
	defer reportCPU(b)()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "http://localhost:8080"+loadPath, nil))
	}
}

// benchHandler returns the storefront's handler, as run wires it, and the
// listing page it serves.
func benchHandler(b *testing.B) (http.Handler, []byte) {
	b.Helper()
	in, err := shop.Open(context.Background(), shop.InstanceOptions{
		Source: store.BytesSource(data.Markets()), Data: data.FS(), DataDir: b.TempDir(),
		BaseURL: "http://localhost:8080", CartKey: make([]byte, 32),
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { in.Close() })
	h := in.Server.Handler()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "http://localhost:8080"+loadPath, nil))
	if w.Code != http.StatusOK {
		b.Fatalf("%s: %d", loadPath, w.Code)
	}
	return h, w.Body.Bytes()
}
