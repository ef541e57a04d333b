package peercompare

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/marketkit/marketkit/examples/internal/shop"
	"github.com/marketkit/marketkit/examples/internal/shoptest"
	"github.com/marketkit/marketkit/store"
)

var measure = flag.Bool("peer.measure", false, "measure with the peer's method: three passes, 500 sequential requests and 20 s at 16 connections per case (wrk when installed)")

// The peer's catalog size.
const products = 10_000

// peerCase is one of the peer's four queries, as a storefront page.
type peerCase struct {
	name   string
	market string
	path   string
	// want selects the products the page must list, from the generator's
	// own record.
	want func(p product) bool
	// facetsOf is the set the brand facet counts (disjunctive: the brand
	// filter itself is ignored) must add up to.
	facetsOf func(p product) bool
}

var cases = []peerCase{
	{"listing-collection", "us-east", "/us-east/c/category-05?sort=price&limit=24",
		func(p product) bool { return p.category == "category-05" }, nil},
	{"listing-facet", "us-east", "/us-east/c/category-05?sort=price&limit=24&f.brand=brand-03",
		func(p product) bool { return p.category == "category-05" && p.brand == "brand-03" },
		func(p product) bool { return p.category == "category-05" }},
	{"term", "us-east", "/us-east/?q=steel&sort=price&limit=24",
		func(p product) bool { return p.material == "steel" }, nil},
	{"listing-facet-eu", "de", "/de/c/category-05?sort=price&limit=24&f.brand=brand-03",
		func(p product) bool { return p.category == "category-05" && p.brand == "brand-03" },
		func(p product) bool { return p.category == "category-05" }},
}

// TestPeerWorkload serves the peer's catalog through the storefront and
// checks every case's page against the generator's record, then measures
// it beside a constant page (see the package comment).
func TestPeerWorkload(t *testing.T) {
	fsys, all := generate(products)
	dir := t.TempDir()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	start := time.Now()
	in, err := shop.Open(context.Background(), shop.InstanceOptions{
		Source: store.BytesSource(Config(dir)), Data: fsys, DataDir: dir, BaseURL: base,
		CartKey: []byte(strings.Repeat("k", 32)),
	})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	t.Logf("opened %d products in 2 markets in %v", len(all), time.Since(start).Round(time.Millisecond))
	srv := &http.Server{Handler: in.Server.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Shutdown(context.Background())

	client := &http.Client{Timeout: 30 * time.Second}
	pages := map[string][]byte{}
	for _, c := range cases {
		body := get(t, client, base+c.path)
		checkPage(t, c, body, all)
		pages[c.name] = body
	}
	if t.Failed() {
		return
	}

	// The limit: the filtered page's bytes from a constant handler.
	constant := pages["listing-facet"]
	cln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	csrv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(constant)
	}), ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = csrv.Serve(cln) }()
	defer csrv.Shutdown(context.Background())

	passes, warm, timed, dur := 1, 50, 200, 500*time.Millisecond
	if raceEnabled {
		warm, timed, dur = 10, 50, 200*time.Millisecond
	}
	wrk, _ := exec.LookPath("wrk")
	if *measure {
		passes, warm, timed, dur = 3, 100, 500, 20*time.Second
	} else {
		wrk = "" // the short run checks the Go client's answers instead
	}
	targets := append(slices.Clone(cases), peerCase{name: "const (net/http)", path: "/"})
	results := make([][]result, len(targets))
	for range passes {
		for i, c := range targets {
			url := base + c.path
			if c.market == "" {
				url = "http://" + cln.Addr().String() + c.path
			}
			var r result
			r.single50, r.single99 = sequential(t, url, warm, timed)
			if wrk != "" {
				r.perSecond, r.p50, r.p99, r.cpuPerReq = runWrk(t, wrk, url, dur)
			} else {
				l := shoptest.Load(url, 16, dur)
				if l.Errors > 0 || l.Requests == 0 {
					t.Fatalf("%s: %d errors, %d answers", url, l.Errors, l.Requests)
				}
				r.perSecond, r.p50, r.p99 = l.PerSecond, l.P50, l.P99
			}
			results[i] = append(results[i], r)
		}
	}
	tool := "Go client"
	if wrk != "" {
		tool = "wrk -t1 -c16 --timeout 30s"
	}
	t.Logf("%d products, %d pass(es), median; 16 connections: %s, %v each; race detector %v", products, passes, tool, dur, raceEnabled)
	t.Logf("%-20s %10s %10s %10s %9s %9s %12s %8s", "case", "1c p50", "1c p99", "16c req/s", "16c p50", "16c p99", "CPU/req", "bytes")
	constPerSecond := median(results[len(results)-1], func(r result) float64 { return r.perSecond })
	for i, c := range targets {
		rs := results[i]
		ps := median(rs, func(r result) float64 { return r.perSecond })
		size := len(constant)
		if b, ok := pages[c.name]; ok {
			size = len(b)
		}
		t.Logf("%-20s %10s %10s %10.0f %9s %9s %12s %8d  (%.1f %% of the constant page)", c.name,
			ms(median(rs, func(r result) float64 { return float64(r.single50) })), ms(median(rs, func(r result) float64 { return float64(r.single99) })),
			ps, ms(median(rs, func(r result) float64 { return float64(r.p50) })), ms(median(rs, func(r result) float64 { return float64(r.p99) })),
			ms(median(rs, func(r result) float64 { return float64(r.cpuPerReq) })), size, 100*ps/constPerSecond)
	}
}

type result struct {
	single50, single99 time.Duration
	perSecond          float64
	p50, p99           time.Duration
	cpuPerReq          time.Duration // server process CPU per request (wrk runs apart); 0 without wrk
}

func ms(ns float64) string {
	if ns == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f ms", ns/1e6)
}

func median(rs []result, f func(result) float64) float64 {
	v := make([]float64, len(rs))
	for i, r := range rs {
		v[i] = f(r)
	}
	slices.Sort(v)
	return v[len(v)/2]
}

func get(t *testing.T, c *http.Client, url string) []byte {
	t.Helper()
	resp, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d, %v", url, resp.StatusCode, err)
	}
	return b
}

var (
	itemRE  = regexp.MustCompile(`<li class="item"><a href="/[a-z-]+/p/(p\d{5})">[^<]*</a> <span class="price">([^<]*)</span>`)
	totalRE = regexp.MustCompile(`id="total" class="total">(\d+) `)
	facetRE = regexp.MustCompile(`name="f\.([a-z]+)" value="([^"]+)"[^>]*> [^<]* <span class="n">\((\d+)\)</span>`)
)

// checkPage checks a listing against the generator's record: the total,
// the first page of 24 at the lowest prices in ascending order, each at
// its generated price in the market's currency, and facet counts that
// add up.
func checkPage(t *testing.T, c peerCase, page []byte, all []product) {
	t.Helper()
	byID := map[string]product{}
	var match []product
	for _, p := range all {
		byID[p.id] = p
		if c.want(p) {
			match = append(match, p)
		}
	}
	price := func(p product) int64 {
		if c.market == "de" {
			return p.eur
		}
		return p.usd
	}
	m := totalRE.FindSubmatch(page)
	if m == nil || string(m[1]) != strconv.Itoa(len(match)) {
		t.Errorf("%s: total %q, want %d", c.name, m, len(match))
	}
	items := itemRE.FindAllSubmatch(page, -1)
	if len(items) != min(24, len(match)) {
		t.Fatalf("%s: %d items, want %d", c.name, len(items), min(24, len(match)))
	}
	var got []int64
	for _, it := range items {
		p, ok := byID[string(it[1])]
		if !ok || !c.want(p) {
			t.Errorf("%s: %s listed but does not match the query", c.name, it[1])
			continue
		}
		cents := digits(string(it[2]))
		if cents != price(p) {
			t.Errorf("%s: %s shown at %q (%d cents), generated at %d", c.name, it[1], it[2], cents, price(p))
		}
		if want := map[string]string{"de": "€", "us-east": "$"}[c.market]; !strings.Contains(string(it[2]), want) {
			t.Errorf("%s: %s price %q lacks %s", c.name, it[1], it[2], want)
		}
		got = append(got, cents)
	}
	lowest := make([]int64, len(match))
	for i, p := range match {
		lowest[i] = price(p)
	}
	slices.Sort(lowest)
	if lowest = lowest[:min(24, len(lowest))]; !slices.Equal(got, lowest) {
		t.Errorf("%s: prices shown %v, want the lowest in order %v", c.name, got, lowest)
	}
	sums := map[string]int{}
	for _, f := range facetRE.FindAllSubmatch(page, -1) {
		n, _ := strconv.Atoi(string(f[3]))
		sums[string(f[1])] += n
	}
	brandSet := len(match)
	if c.facetsOf != nil {
		brandSet = 0
		for _, p := range all {
			if c.facetsOf(p) {
				brandSet++
			}
		}
	}
	for attr, want := range map[string]int{"brand": brandSet, "color": len(match), "material": len(match)} {
		if sums[attr] != want {
			t.Errorf("%s: %s facet counts add up to %d, want %d", c.name, attr, sums[attr], want)
		}
	}
}

// digits reads a formatted amount with two decimals as cents.
func digits(s string) int64 {
	var n int64
	for _, r := range s {
		if '0' <= r && r <= '9' {
			n = n*10 + int64(r-'0')
		}
	}
	return n
}

// sequential sends warm then timed GETs one after another on one
// keep-alive connection and returns the timed ones' p50 and p99.
func sequential(t *testing.T, url string, warm, timed int) (p50, p99 time.Duration) {
	t.Helper()
	tr := &http.Transport{MaxIdleConnsPerHost: 1, DisableCompression: true}
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	lat := make([]time.Duration, 0, timed)
	for i := range warm + timed {
		t0 := time.Now()
		resp, err := c.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d, %v", url, resp.StatusCode, err)
		}
		if i >= warm {
			lat = append(lat, time.Since(t0))
		}
	}
	slices.Sort(lat)
	return lat[len(lat)/2], lat[min(len(lat)-1, len(lat)*99/100)]
}

// runWrk runs the peer's wrk command against url and reads its summary;
// the server's CPU per request is this process's CPU time over the run
// (wrk is another process).
func runWrk(t *testing.T, wrk, url string, d time.Duration) (perSecond float64, p50, p99, cpuPerReq time.Duration) {
	t.Helper()
	// The peer's 3 s warm-up.
	if out, err := exec.Command(wrk, "-t1", "-c16", "-d3s", "--timeout", "30s", url).CombinedOutput(); err != nil {
		t.Fatalf("wrk warm-up: %v\n%s", err, out)
	}
	cpu0 := shoptest.CPUTime()
	out, err := exec.Command(wrk, "-t1", "-c16", fmt.Sprintf("-d%ds", int(d.Seconds())), "--timeout", "30s", "--latency", url).CombinedOutput()
	cpu := shoptest.CPUTime() - cpu0
	if err != nil {
		t.Fatalf("wrk: %v\n%s", err, out)
	}
	var requests int
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) >= 2 && f[0] == "Requests/sec:":
			perSecond, _ = strconv.ParseFloat(f[1], 64)
		case len(f) >= 2 && f[0] == "50%":
			p50 = wrkDuration(f[1])
		case len(f) >= 2 && f[0] == "99%":
			p99 = wrkDuration(f[1])
		case len(f) >= 3 && f[1] == "requests" && f[2] == "in":
			requests, _ = strconv.Atoi(f[0])
		case strings.HasPrefix(sc.Text(), "  Non-2xx") || strings.HasPrefix(sc.Text(), "  Socket errors"):
			t.Errorf("wrk %s: %s", url, sc.Text())
		}
	}
	if perSecond == 0 || requests == 0 {
		t.Fatalf("wrk output not understood:\n%s", out)
	}
	return perSecond, p50, p99, cpu / time.Duration(requests)
}

// wrkDuration reads wrk's "1.23ms", "456.00us", "2.01s".
func wrkDuration(s string) time.Duration {
	for _, u := range []struct {
		suffix string
		unit   time.Duration
	}{{"us", time.Microsecond}, {"ms", time.Millisecond}, {"s", time.Second}} {
		if v, ok := strings.CutSuffix(s, u.suffix); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				return 0
			}
			return time.Duration(f * float64(u.unit))
		}
	}
	return 0
}
