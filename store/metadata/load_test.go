package metadata_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/marketkit/marketkit/store"
	"github.com/marketkit/marketkit/store/metadata"
)

// TestLoad is the bounded load test: a fixed number of requests over
// loopback from several clients, half of them conditional (with the last
// tag the client saw), a third asking for gzip, while another goroutine
// publishes two versions in turn as fast as it can. It stops by itself.
// Every response must be 200 or 304, every 200 body must hash to its
// ETag, every 304 must answer a tag that is the current tag.
func TestLoad(t *testing.T) {
	v1 := storefront(t)
	v2 := withVersion(t, v1, "storefront-2")
	s := newServer(t, v1)
	ts := loopback(t, s)
	paths := s.Paths()
	const workers, perWorker = 8, 150
	var (
		errs      atomic.Int64
		published atomic.Int64
		codes     [600]atomic.Int64
		mu        sync.Mutex
		latencies []time.Duration
		firstErr  atomic.Value
	)
	fail := func(format string, args ...any) {
		if errs.Add(1) == 1 {
			firstErr.Store(fmt.Sprintf(format, args...))
		}
	}
	done := make(chan struct{})
	var pub sync.WaitGroup
	pub.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-done:
				return
			default:
			}
			data := v1
			if i%2 == 0 {
				data = v2
			}
			if err := s.Publish(data); err != nil {
				fail("Publish: %v", err)
				return
			}
			published.Add(1)
			time.Sleep(time.Millisecond)
		}
	})
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			c := &http.Client{Transport: &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 2}, Timeout: 10 * time.Second}
			defer c.CloseIdleConnections()
			seen := map[string]string{}
			var local []time.Duration
			for i := range perWorker {
				p := paths[(w*perWorker+i)%len(paths)]
				req, _ := http.NewRequest("GET", ts.URL+p, nil)
				gz := i%3 == 0
				if gz {
					req.Header.Set("Accept-Encoding", "gzip")
				}
				sent := ""
				if i%2 == 1 && seen[p] != "" {
					sent = seen[p]
					req.Header.Set("If-None-Match", sent)
				}
				start := time.Now()
				resp, err := c.Do(req)
				if err != nil {
					fail("%s: %v", p, err)
					continue
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				local = append(local, time.Since(start))
				if err != nil {
					fail("%s: read: %v", p, err)
					continue
				}
				codes[resp.StatusCode].Add(1)
				etag := resp.Header.Get("ETag")
				switch resp.StatusCode {
				case 200:
					if resp.Header.Get("Content-Encoding") == "gzip" {
						zr, err := gzip.NewReader(bytes.NewReader(body))
						if err == nil {
							body, err = io.ReadAll(zr)
						}
						if err != nil {
							fail("%s: gzip: %v", p, err)
							continue
						}
					} else if gz {
						fail("%s: gzip asked, identity sent", p)
					}
					if got := metadata.Tag(body); got != strings.Replace(etag, `-gzip"`, `"`, 1) {
						fail("%s: body hashes to %s, ETag %s", p, got, etag)
					}
					seen[p] = etag
				case 304:
					if sent == "" || len(body) != 0 {
						fail("%s: 304 without If-None-Match or with a body", p)
					}
					if strings.Replace(sent, `-gzip"`, `"`, 1) != strings.Replace(etag, `-gzip"`, `"`, 1) {
						fail("%s: 304 for %s, current tag %s", p, sent, etag)
					}
				default:
					fail("%s: status %d", p, resp.StatusCode)
				}
			}
			mu.Lock()
			latencies = append(latencies, local...)
			mu.Unlock()
		})
	}
	wg.Wait()
	close(done)
	pub.Wait()
	if n := errs.Load(); n != 0 {
		t.Fatalf("%d errors; first: %v", n, firstErr.Load())
	}
	slices.Sort(latencies)
	q := func(p float64) time.Duration { return latencies[int(p*float64(len(latencies)-1))] }
	t.Logf("%d requests (%d×200, %d×304), %d versions published meanwhile, 0 errors; latency p50 %v p99 %v max %v",
		len(latencies), codes[200].Load(), codes[304].Load(), published.Load(), q(0.5), q(0.99), latencies[len(latencies)-1])
	if len(latencies) != workers*perWorker || codes[304].Load() == 0 || published.Load() < 2 {
		t.Fatalf("the load did not exercise what it should: %d requests, %d×304, %d versions", len(latencies), codes[304].Load(), published.Load())
	}
}

// TestCacheSurvivesRestart is the end-to-end test: store.HTTPSource and
// store.Cache poll this service while readers use the configuration; the
// service stops (the cache serves the last version, stale, and reports
// the failures), comes back on the same address with a new version, and
// the cache picks it up.
func TestCacheSurvivesRestart(t *testing.T) {
	v1 := storefront(t)
	v2 := withVersion(t, v1, "storefront-2")
	s := newServer(t, v1)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	serve := func(ln net.Listener) *http.Server {
		srv := &http.Server{Handler: s, ReadHeaderTimeout: 5 * time.Second}
		go srv.Serve(ln)
		return srv
	}
	srv := serve(ln)

	client := &http.Client{Timeout: time.Second}
	cache, err := store.NewCache(context.Background(), store.HTTPSource("http://"+addr+metadata.PathConfig, client),
		&store.CacheOptions{TTL: 10 * time.Millisecond, Jitter: -1, Timeout: time.Second, MaxStale: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	defer cache.Close()
	if v := cache.Config().Version; v != "storefront-1" {
		t.Fatalf("cache starts with %q", v)
	}

	// Readers: every read is a whole configuration of a known version.
	stop := make(chan struct{})
	var readers sync.WaitGroup
	var reads, bad atomic.Int64
	for range 4 {
		readers.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				cfg := cache.Config()
				if cfg == nil || (cfg.Version != "storefront-1" && cfg.Version != "storefront-2") || len(cfg.Markets) != 13 {
					bad.Add(1)
				}
				reads.Add(1)
				time.Sleep(100 * time.Microsecond)
			}
		})
	}
	waitFor := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !cond() {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s; health %+v", what, cache.Health())
			}
			time.Sleep(5 * time.Millisecond)
		}
	}

	// Stop the service: the cache keeps serving v1 and records failures.
	srv.Close()
	failuresBefore := cache.Health().Failures
	waitFor("refresh failures while the service is down", func() bool { return cache.Health().Failures >= failuresBefore+3 })
	if h := cache.Health(); h.Version != "storefront-1" || h.LastError == "" || h.Stale {
		t.Fatalf("while down: health %+v, want version storefront-1, an error, not yet stale beyond MaxStale", h)
	}
	if cache.Config().Version != "storefront-1" {
		t.Fatal("cache lost its configuration while the service was down")
	}

	// Restart on the same address with a new version.
	if err := s.Publish(v2); err != nil {
		t.Fatal(err)
	}
	var ln2 net.Listener
	waitFor("the address to be free again", func() bool {
		ln2, err = net.Listen("tcp", addr)
		return err == nil
	})
	srv2 := serve(ln2)
	defer srv2.Close()
	waitFor("the cache to load the new version", func() bool { return cache.Config().Version == "storefront-2" })
	waitFor("a successful refresh", func() bool { return cache.Health().LastError == "" })
	close(stop)
	readers.Wait()
	if bad.Load() != 0 {
		t.Fatalf("%d of %d reads saw no or a partial configuration", bad.Load(), reads.Load())
	}
	h := cache.Health()
	t.Logf("%d reads, 0 bad; %d refreshes, %d failed while the service was down; recovered to %s", reads.Load(), h.Refreshes, h.Failures, h.Version)
}

// TestIndexConsistentUnderPublish: the index and the documents it lists
// belong to one version: fetching the index and then the documents at
// the ETags it names gives either those exact documents or, when a newer
// version was published in between, a different tag, never a mix within
// one response.
func TestIndexConsistentUnderPublish(t *testing.T) {
	v1 := storefront(t)
	v2 := withVersion(t, v1, "storefront-2")
	s := newServer(t, v1)
	ts := loopback(t, s)
	c := noGzipClient()
	for i := range 4 {
		_, body := get(t, c, ts.URL+"/v1/", nil)
		var idx metadata.Index
		if err := json.Unmarshal(body, &idx); err != nil {
			t.Fatal(err)
		}
		for _, m := range idx.Markets {
			for _, l := range m.Locales {
				resp, doc := get(t, c, ts.URL+l.Href, nil)
				var f metadata.Facts
				if err := json.Unmarshal(doc, &f); err != nil {
					t.Fatal(err)
				}
				if resp.Header.Get("ETag") == l.ETag && f.ConfigVersion != idx.ConfigVersion {
					t.Fatalf("%s: the index's tag names a document of version %s, index is %s", l.Href, f.ConfigVersion, idx.ConfigVersion)
				}
			}
		}
		if i%2 == 0 {
			s.Publish(v2)
		} else {
			s.Publish(v1)
		}
	}
}
