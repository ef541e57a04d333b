package main

import (
	"context"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"

	"github.com/marketkit/marketkit/examples/internal/shop"
	"github.com/marketkit/marketkit/examples/internal/shoptest"
	"github.com/marketkit/marketkit/examples/storefront/data"
	"github.com/marketkit/marketkit/store"
)

// recordingFS records every file opened.
type recordingFS struct {
	fs.FS
	mu     sync.Mutex
	opened map[string]bool
}

func (r *recordingFS) Open(name string) (fs.File, error) {
	r.mu.Lock()
	r.opened[name] = true
	r.mu.Unlock()
	return r.FS.Open(name)
}

func (r *recordingFS) names() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for n := range r.opened {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// start runs percountry with args on loopback and returns the address it
// (or its front router) listens on.
func start(t testing.TB, h *hooks, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- run(ctx, append([]string{"-log", "none"}, args...), io.Discard, ready, h) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		cancel()
		t.Fatalf("percountry %q did not start: %v", args, err)
	case <-time.After(90 * time.Second):
		cancel()
		t.Fatal("percountry did not start within 90 s")
	}
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("percountry: %v", err)
		}
	})
	return addr
}

const cartKey = "a cart key shared by both topologies, 32+ bytes"

// TestIsolatedInstance: -market de serves Germany only, reads only the
// files Germany's market names and opens only Germany's database.
func TestIsolatedInstance(t *testing.T) {
	dir := t.TempDir()
	rec := &recordingFS{FS: data.FS(), opened: map[string]bool{}}
	h := &hooks{data: func(market string) fs.FS {
		if market != "de" {
			t.Errorf("data of market %s asked for", market)
		}
		return rec
	}}
	addr := start(t, h, "-market", "de", "-addr", "127.0.0.1:0", "-data", dir, "-cart-key", cartKey)
	c := shoptest.NewClient(t, "http://"+addr)

	r := c.Get(t, "/de/c/mugs?sort=price")
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "€") {
		t.Fatalf("/de/c/mugs: %d", r.Status)
	}
	link := shoptest.Attr(shoptest.Find(shoptest.Find(r.Doc, shoptest.Tag("li", "item")), shoptest.Tag("a", "")), "href")
	p := c.Get(t, link)
	add := shoptest.Find(p.Doc, shoptest.Tag("form", "add"))
	if r := c.Post(t, shoptest.Attr(add, "action"), shoptest.FormValues(add)); r.Status != http.StatusSeeOther {
		t.Fatalf("add: %d", r.Status)
	}
	co := c.Get(t, "/de/checkout")
	form := shoptest.FormValues(shoptest.Find(co.Doc, func(n *html.Node) bool {
		return n.Data == "form" && strings.HasSuffix(shoptest.Attr(n, "action"), "/checkout")
	}))
	form.Set("email", "max@example.de")
	form.Set("name", "Max Mustermann")
	form.Set("address-lines", "Unter den Linden 1")
	form.Set("postal-code", "10117")
	form.Set("locality", "Berlin")
	form.Set("action", "place")
	placed := c.Post(t, "/de/checkout", form)
	if placed.Status != http.StatusSeeOther {
		t.Fatalf("place: %d\n%s", placed.Status, placed.Body)
	}
	if conf := c.Follow(t, placed); conf.Status != http.StatusOK || !strings.Contains(shoptest.Text(shoptest.Find(conf.Doc, shoptest.Tag("dd", "grand"))), "€") {
		t.Fatalf("confirmation: %d", conf.Status)
	}
	for _, other := range []string{"/fr/", "/ch/fr/", "/at/c/mugs"} {
		if r := c.Get(t, other); r.Status != http.StatusNotFound {
			t.Errorf("GET %s on Germany's instance: %d, want 404", other, r.Status)
		}
	}
	resp, err := http.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), `"markets":["de"]`) {
		t.Errorf("/healthz: %s", b)
	}

	// Only Germany's data: the catalog and the EUR list it names.
	if diff := cmp.Diff([]string{"catalog.jsonl", "prices/eur.json"}, rec.names()); diff != "" {
		t.Errorf("files read (-want +got):\n%s", diff)
	}
	// Only Germany's database.
	var files []string
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			files = append(files, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if !strings.HasPrefix(f, "data/orders/de.db") {
			t.Errorf("the instance wrote %s, which is not Germany's database", f)
		}
	}
	if !slices.Contains(files, "data/orders/de.db") {
		t.Errorf("no data/orders/de.db among %v", files)
	}
}

// startShared runs the shared storefront (every market in one process),
// exactly as examples/storefront wires it, on loopback.
func startShared(t *testing.T, baseURL string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	in, err := shop.Open(ctx, shop.InstanceOptions{
		Source: store.BytesSource(data.Markets()), Data: data.FS(), DataDir: t.TempDir(),
		BaseURL: baseURL, CartKey: []byte(cartKey), Build: shop.BuildVersion(),
	})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- shop.Serve(ctx, ln, in.Server.Handler(), slog.New(slog.DiscardHandler), nil) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
		in.Close()
	})
	return ln.Addr().String()
}

// freeBlock returns a loopback address whose port and the next n ports
// were free a moment ago.
func freeBlock(t *testing.T, n int) string {
	t.Helper()
	for try := 0; try < 20; try++ {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		port := ln.Addr().(*net.TCPAddr).Port
		ln.Close()
		ok := port+n < 65536
		for i := 1; ok && i <= n; i++ {
			l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port+i)))
			if err != nil {
				ok = false
				break
			}
			l.Close()
		}
		if ok {
			return net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
		}
	}
	t.Fatal("no block of free loopback ports")
	return ""
}

// Two things differ by design and are masked: the checkout's random
// idempotency key, and cursors, which are opaque and name the index that
// issued them (one market's index in an instance, every market's in the
// shared process). The pages they lead to are compared too.
var (
	idempotencyKey = regexp.MustCompile(`name="key" value="[0-9a-f]{32}"`)
	cursor         = regexp.MustCompile(`cursor=[A-Za-z0-9_-]+`)
)

func mask(s string) string {
	return cursor.ReplaceAllString(idempotencyKey.ReplaceAllString(s, "KEY"), "cursor=C")
}

// TestFleetMatchesStorefront sends the same requests to the shared
// storefront and to the fleet behind its front router, and finds the same
// pages: same status, same Location, same body.
func TestFleetMatchesStorefront(t *testing.T) {
	const baseURL = "http://shop.example"
	shared := startShared(t, baseURL)
	fleetDir := t.TempDir()
	front := start(t, nil, "-fleet", "-addr", freeBlock(t, 13), "-base-url", baseURL, "-data", fleetDir, "-cart-key", cartKey)

	type step struct {
		method, path string
		form         url.Values
	}
	steps := []step{
		{"GET", "/", nil},
		{"GET", "/?market=ch", nil},
		{"GET", "/de/", nil},
		{"GET", "/de/en/c/mugs?sort=price&f.color=red", nil},
		{"GET", "/ch/fr/c/mugs?sort=price-desc", nil},
		{"GET", "/ch/it/p/mugs-001", nil},
		{"GET", "/jp/", nil},
		{"GET", "/jp/en/c/books", nil},
		{"GET", "/us-east/es/c/books?sort=name", nil},
		{"GET", "/ca/fr/", nil},
		{"GET", "/no/c/coffee", nil},
		{"GET", "/gb/p/none", nil},
		{"GET", "/dealer/", nil},
		{"POST", "/_market", url.Values{"market": {"ch"}, "locale": {"fr"}, "return": {"/de/p/mugs-001"}}},
		{"POST", "/ch/fr/cart", url.Values{"action": {"add"}, "sku": {"MUGS-001-RED"}, "qty": {"2"}}},
		{"GET", "/ch/fr/cart", nil},
		{"GET", "/ch/fr/checkout", nil},
		{"POST", "/ch/fr/checkout", url.Values{"action": {"place"}, "key": {strings.Repeat("ab", 16)}, "email": {"x@example.ch"}, "country": {"CH"}, "postal-code": {"12"}}},
	}
	clients := []*shoptest.Client{shoptest.NewClient(t, "http://"+shared), shoptest.NewClient(t, "http://"+front)}
	for _, c := range clients {
		c.AcceptLanguage = "fr-CH,fr;q=0.9"
	}
	for _, s := range steps {
		var got [2]*shoptest.Response
		for i, c := range clients {
			if s.method == "GET" {
				got[i] = c.Get(t, s.path)
			} else {
				got[i] = c.Post(t, s.path, s.form)
			}
		}
		a, b := got[0], got[1]
		if a.Status != b.Status || a.Location != b.Location {
			t.Errorf("%s %s: shared %d %q, fleet %d %q", s.method, s.path, a.Status, a.Location, b.Status, b.Location)
			continue
		}
		if diff := cmp.Diff(mask(a.Body), mask(b.Body)); diff != "" {
			t.Errorf("%s %s: pages differ (-shared +fleet):\n%s", s.method, s.path, diff)
		}
		// Follow each topology's own next page.
		na := shoptest.Attr(shoptest.Find(a.Doc, func(n *html.Node) bool { return n.Data == "a" && shoptest.Attr(n, "rel") == "next" }), "href")
		nb := shoptest.Attr(shoptest.Find(b.Doc, func(n *html.Node) bool { return n.Data == "a" && shoptest.Attr(n, "rel") == "next" }), "href")
		if na != "" && nb != "" {
			pa, pb := clients[0].Get(t, na), clients[1].Get(t, nb)
			if pa.Status != http.StatusOK || pb.Status != http.StatusOK {
				t.Errorf("%s next page: shared %d, fleet %d", s.path, pa.Status, pb.Status)
			} else if diff := cmp.Diff(mask(pa.Body), mask(pb.Body)); diff != "" {
				t.Errorf("%s next page differs (-shared +fleet):\n%s", s.path, diff)
			}
		}
	}

	// The same order placed in both topologies: the same confirmation
	// page (but for its ID), each private to the browser that placed it,
	// and the fleet's in the market's own instance.
	var conf [2]string
	for i, c := range clients {
		co := c.Get(t, "/ch/fr/checkout")
		form := shoptest.FormValues(shoptest.Find(co.Doc, func(n *html.Node) bool {
			return n.Data == "form" && strings.HasSuffix(shoptest.Attr(n, "action"), "/checkout")
		}))
		for k, v := range map[string]string{"email": "x@example.ch", "name": "Léa", "address-lines": "Rue 1", "postal-code": "1204", "locality": "Genève", "action": "place"} {
			form.Set(k, v)
		}
		placed := c.Post(t, "/ch/fr/checkout", form)
		if placed.Status != http.StatusSeeOther || !strings.HasPrefix(placed.Location, "/ch/fr/orders/") {
			t.Fatalf("place (client %d): %d to %q\n%s", i, placed.Status, placed.Location, placed.Body)
		}
		page := c.Follow(t, placed)
		if page.Status != http.StatusOK {
			t.Fatalf("confirmation (client %d): %d", i, page.Status)
		}
		conf[i] = strings.ReplaceAll(page.Body, strings.TrimPrefix(placed.Location, "/ch/fr/orders/"), "ORDER")
		if r := shoptest.NewClient(t, c.Base).Get(t, placed.Location); r.Status != http.StatusNotFound {
			t.Errorf("another browser at %s (client %d): %d, want 404", placed.Location, i, r.Status)
		}
	}
	if diff := cmp.Diff(mask(conf[0]), mask(conf[1])); diff != "" {
		t.Errorf("confirmation pages differ (-shared +fleet):\n%s", diff)
	}
	if _, err := os.Stat(filepath.Join(fleetDir, "ch", "data", "orders", "ch.db")); err != nil {
		t.Errorf("Switzerland's instance has no database of its own: %v", err)
	}
	if _, err := os.Stat(filepath.Join(fleetDir, "de", "data", "orders", "ch.db")); err == nil {
		t.Error("Germany's instance has Switzerland's database")
	}
}

func TestFlags(t *testing.T) {
	for _, args := range [][]string{{}, {"-market", "de", "-fleet"}, {"-market", "xx", "-addr", "127.0.0.1:0"}, {"-log", "xml", "-fleet"}} {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		err := run(ctx, args, io.Discard, nil, nil)
		cancel()
		if err == nil {
			t.Errorf("run(%q): no error", args)
		}
	}
}
