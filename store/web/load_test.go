package web

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/language"
)

// TestLoad is the bounded load test: concurrent clients over loopback
// across markets (served here, forwarded to a healthy origin, forwarded
// to an origin that fails, and the root) while the configuration is
// reloaded every 2 ms. It stops after a fixed number of requests (1,200,
// or 16,000 with -long). No
// request to a healthy market may fail; the failing origin's market gets
// its error page every time.
func TestLoad(t *testing.T) {
	clients, perClient := 8, 150
	if *long {
		perClient = 2000
	}
	healthy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "origin ok "+r.URL.Path)
	}))
	defer healthy.Close()
	broken := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Hang up without an answer.
		hj, ok := w.(http.Hijacker)
		if !ok {
			panic("no hijacker")
		}
		c, _, _ := hj.Hijack()
		c.Close()
	}))
	defer broken.Close()

	cfg := func(version int) Config {
		c := testConfig()
		c.Markets[3].MaintenanceOn = false
		c.Markets[7].Origin = healthy.URL
		c.Markets = append(c.Markets, Market{ID: "kr", Prefix: "/kr", Countries: []string{"KR"},
			Locales: []language.Tag{language.Korean}, Origin: broken.URL})
		// Each version differs a little: the UK market's locales and the
		// groups' policies alternate.
		if version%2 == 1 {
			c.Markets[4].Locales = []language.Tag{tags("en-GB"), tags("cy-GB")}
			c.Groups[1].Root = Suggest
		}
		return c
	}
	var cur atomic.Pointer[Site]
	cur.Store(mustSite(t, cfg(0)))
	h, err := New(Options{Site: cur.Load, Next: echo, GeoHeader: GeoCloudflare, TrustedProxies: trustedCDN})
	if err != nil {
		t.Fatal(err)
	}
	front := httptest.NewServer(h)
	defer front.Close()

	stop := make(chan struct{})
	var reloads atomic.Int64
	var reloader sync.WaitGroup
	reloader.Go(func() {
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for v := 1; ; v++ {
			select {
			case <-stop:
				return
			case <-tick.C:
				s, err := NewSite(cfg(v))
				if err != nil {
					t.Error(err)
					return
				}
				cur.Store(s)
				reloads.Add(1)
			}
		}
	})

	type sample struct {
		d      time.Duration
		failed bool
		broken bool
	}
	paths := []string{"/de/p/1", "/ch/fr/p/1", "/us/es/p/1", "/uk/p/1", "/jp/p/1", "/kr/p/1", "/", "/dealer"}
	want := map[string]int{"/de/p/1": 200, "/ch/fr/p/1": 200, "/us/es/p/1": 200, "/uk/p/1": 200, "/jp/p/1": 200, "/kr/p/1": 502, "/": -1, "/dealer": 404}
	results := make([][]sample, clients)
	var wg sync.WaitGroup
	var firstErr atomic.Value
	for c := range clients {
		wg.Go(func() {
			client := &http.Client{Timeout: 5 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
			for i := range perClient {
				p := paths[(c+i)%len(paths)]
				req, _ := http.NewRequest("GET", front.URL+p, nil)
				req.Header.Set("User-Agent", chrome)
				req.Header.Set("Sec-Fetch-Mode", "navigate")
				req.Header.Set("Accept-Language", []string{"de-CH", "fr", "en-US", "ja"}[i%4])
				start := time.Now()
				res, err := client.Do(req)
				s := sample{broken: p == "/kr/p/1"}
				if err == nil {
					b, _ := io.ReadAll(res.Body)
					res.Body.Close()
					ok := res.StatusCode == want[p] || (want[p] == -1 && (res.StatusCode == 200 || res.StatusCode == 302))
					if p == "/jp/p/1" && !strings.HasPrefix(string(b), "origin ok /jp/p/1") {
						ok = false
					}
					if !ok {
						err = fmt.Errorf("%s: %d %q", p, res.StatusCode, b)
					}
				}
				s.d = time.Since(start)
				s.failed = err != nil
				if err != nil {
					firstErr.CompareAndSwap(nil, err.Error())
				}
				results[c] = append(results[c], s)
			}
		})
	}
	wg.Wait()
	close(stop)
	reloader.Wait()

	var all []time.Duration
	healthyErrs, brokenErrs, n := 0, 0, 0
	for _, rs := range results {
		for _, s := range rs {
			n++
			all = append(all, s.d)
			if s.failed {
				if s.broken {
					brokenErrs++
				} else {
					healthyErrs++
				}
			}
		}
	}
	slices.Sort(all)
	t.Logf("load: %d requests, %d clients, %d reloads; errors: %d on healthy markets, %d on the failing origin's market (its 502 page counts as success); p50 %v, p99 %v",
		n, clients, reloads.Load(), healthyErrs, brokenErrs, all[n/2].Round(time.Microsecond), all[n*99/100].Round(time.Microsecond))
	if healthyErrs+brokenErrs > 0 {
		t.Errorf("%d failed requests; first: %v", healthyErrs+brokenErrs, firstErr.Load())
	}
	if reloads.Load() < 2 {
		t.Errorf("only %d reloads during the run", reloads.Load())
	}
}

// TestReloadDuringRequest: a request that started with one configuration
// finishes with it, even when the next version removes its market; new
// requests see the new version.
func TestReloadDuringRequest(t *testing.T) {
	var cur atomic.Pointer[Site]
	cur.Store(mustSite(t, testConfig()))
	entered, release := make(chan struct{}), make(chan struct{})
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sel, _ := FromContext(r.Context())
		close(entered)
		<-release
		m := sel.Market() // still the version the request started with
		fmt.Fprintf(w, "%s %s %v", sel.MarketID(), m.Prefix, sel.Site() == cur.Load())
	})
	h, err := New(Options{Site: cur.Load, Next: next})
	if err != nil {
		t.Fatal(err)
	}
	front := httptest.NewServer(h)
	defer front.Close()
	done := make(chan string)
	go func() {
		res, err := http.Get(front.URL + "/uk/p")
		if err != nil {
			done <- err.Error()
			return
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		done <- fmt.Sprint(res.StatusCode, " ", string(b))
	}()
	<-entered
	c := testConfig()
	c.Markets = slices.DeleteFunc(c.Markets, func(m Market) bool { return m.ID == "uk" })
	cur.Store(mustSite(t, c))
	close(release)
	if got := <-done; got != "200 uk /uk false" {
		t.Errorf("in-flight request: %q, want 200 from the old version", got)
	}
	res, err := http.Get(front.URL + "/uk/p")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 404 {
		t.Errorf("new request after the reload: %d, want 404", res.StatusCode)
	}
}
