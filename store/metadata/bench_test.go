package metadata_test

import (
	"bytes"
	"io"
	"net/http"
	"strconv"
	"testing"

	"github.com/marketkit/marketkit/store/metadata"
)

// discardWriter is a reusable http.ResponseWriter, so that a benchmark
// counts the handler's own allocations only.
type discardWriter struct {
	h    http.Header
	code int
}

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *discardWriter) WriteHeader(code int)        { w.code = code }
func (w *discardWriter) reset()                      { clear(w.h); w.code = 0 }

// constHandler is the baseline: it serves one constant byte slice with
// the same header set as the Server (constant values), the least any
// handler can do for the same response.
func constHandler(body []byte) http.Handler {
	hdr := map[string][]string{
		"Content-Type":           {"application/json; charset=utf-8"},
		"Content-Length":         {strconv.Itoa(len(body))},
		"Etag":                   {`"0123456789abcdef0123456789abcdef"`},
		"Cache-Control":          {"public, max-age=60, stale-while-revalidate=600, stale-if-error=86400"},
		"Vary":                   {"Accept-Encoding"},
		"X-Content-Type-Options": {"nosniff"},
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for k, v := range hdr {
			h[k] = v
		}
		w.WriteHeader(200)
		w.Write(body)
	})
}

// TestServeHTTPAllocs pins the handler at 0 allocations per request for
// a plain, a gzip and a conditional request.
func TestServeHTTPAllocs(t *testing.T) {
	s := sharedServer(t)
	const path = "/v1/markets/ch/de-CH"
	w := &discardWriter{h: make(http.Header, 8)}
	r, _ := http.NewRequest("GET", path, nil)
	s.ServeHTTP(w, r)
	tag := w.h.Get("Etag")
	for name, hdr := range map[string]map[string]string{
		"plain": nil,
		"gzip":  {"Accept-Encoding": "br;q=1, gzip;q=0.8, *;q=0"},
		"304":   {"If-None-Match": `W/"x", ` + tag},
	} {
		r, _ := http.NewRequest("GET", path, nil)
		for k, v := range hdr {
			r.Header.Set(k, v)
		}
		if n := testing.AllocsPerRun(200, func() { w.reset(); s.ServeHTTP(w, r) }); n != 0 {
			t.Errorf("%s: %v allocations per request, want 0", name, n)
		}
		if name == "304" && w.code != 304 || name != "304" && w.code != 200 {
			t.Errorf("%s: status %d", name, w.code)
		}
	}
}

func factsBody(b *testing.B, s *metadata.Server, path string) []byte {
	w := &discardWriter{h: http.Header{}}
	var buf bytes.Buffer
	rec := &recordWriter{discardWriter: w, buf: &buf}
	r, _ := http.NewRequest("GET", path, nil)
	s.ServeHTTP(rec, r)
	return buf.Bytes()
}

type recordWriter struct {
	*discardWriter
	buf *bytes.Buffer
}

func (w *recordWriter) Write(b []byte) (int, error) { return w.buf.Write(b) }

// BenchmarkServeHTTP measures the handler in process (no network) against
// the constant-slice baseline of the same size.
func BenchmarkServeHTTP(b *testing.B) {
	s := newServer(b, storefront(b))
	const path = "/v1/markets/ch/de-CH"
	body := factsBody(b, s, path)
	tag := metadata.Tag(body)
	cases := []struct {
		name string
		h    http.Handler
		hdr  map[string]string
	}{
		{"baseline-const-slice", constHandler(body), nil},
		{"facts", s, nil},
		{"facts-gzip", s, map[string]string{"Accept-Encoding": "gzip, deflate, br"}},
		{"facts-304", s, map[string]string{"If-None-Match": tag}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			r, _ := http.NewRequest("GET", path, nil)
			for k, v := range c.hdr {
				r.Header.Set(k, v)
			}
			w := &discardWriter{h: make(http.Header, 8)}
			b.ReportAllocs()
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				w.reset()
				c.h.ServeHTTP(w, r)
			}
		})
	}
}

// BenchmarkLoopback serves the same document over a 127.0.0.1 connection
// (keep-alive, one client), next to the constant-slice baseline.
func BenchmarkLoopback(b *testing.B) {
	s := newServer(b, storefront(b))
	const path = "/v1/markets/ch/de-CH"
	body := factsBody(b, s, path)
	for _, c := range []struct {
		name string
		h    http.Handler
	}{{"baseline-const-slice", constHandler(body)}, {"facts", s}} {
		b.Run(c.name, func(b *testing.B) {
			ts := loopback(b, c.h)
			client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
			defer client.CloseIdleConnections()
			req, _ := http.NewRequest("GET", ts.URL+path, nil)
			b.ReportAllocs()
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				resp, err := client.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		})
	}
}

// BenchmarkPublish is the cost of a new version: decode, check and every
// document computed and compressed.
func BenchmarkPublish(b *testing.B) {
	v1 := storefront(b)
	v2 := withVersion(b, v1, "storefront-2")
	s := newServer(b, v1)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		data := v1
		if i%2 == 0 {
			data = v2
		}
		i++
		if err := s.Publish(data); err != nil {
			b.Fatal(err)
		}
	}
}
