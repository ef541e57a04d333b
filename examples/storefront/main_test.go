package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
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

	"golang.org/x/net/html"

	"github.com/marketkit/marketkit/examples/internal/shoptest"
	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/store/sqlstore"
)

// start runs the storefront on a loopback port and returns its base URL
// and data directory; it stops at the end of the test.
func start(t testing.TB, args ...string) (base, dir string) {
	t.Helper()
	dir = t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"-addr", "127.0.0.1:0", "-log", "none", "-data", dir}, args...), io.Discard, ready)
	}()
	select {
	case addr := <-ready:
		base = "http://" + addr
	case err := <-done:
		cancel()
		t.Fatalf("storefront did not start: %v", err)
	case <-time.After(60 * time.Second):
		cancel()
		t.Fatal("storefront did not start within 60 s")
	}
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("storefront: %v", err)
		}
	})
	return base, dir
}

// The shared storefront serves the tests that need no flag of their own
// and look at no exact order count: one start (about a second, several
// under the race detector) instead of one per test.
var (
	sharedOnce sync.Once
	sharedURL  string
	sharedErr  error
	sharedStop func()
)

func shared(t testing.TB) string {
	t.Helper()
	sharedOnce.Do(func() {
		dir, err := os.MkdirTemp("", "storefront-test-")
		if err != nil {
			sharedErr = err
			return
		}
		ctx, cancel := context.WithCancel(context.Background())
		ready := make(chan string, 1)
		done := make(chan error, 1)
		go func() {
			done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-log", "none", "-data", dir}, io.Discard, ready)
		}()
		select {
		case addr := <-ready:
			sharedURL = "http://" + addr
		case sharedErr = <-done:
		case <-time.After(60 * time.Second):
			sharedErr = errors.New("did not start within 60 s")
		}
		sharedStop = func() { cancel(); <-done; os.RemoveAll(dir) }
	})
	if sharedErr != nil {
		t.Fatalf("shared storefront: %v", sharedErr)
	}
	return sharedURL
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if sharedStop != nil {
		sharedStop()
	}
	os.Exit(code)
}

// health is the /healthz document as marketkit fleet status reads it
// (cmd/marketkit/fleet.go instanceHealth), decoded strictly.
type health struct {
	Status  string   `json:"status"`
	Build   string   `json:"build"`
	Markets []string `json:"markets"`
	Config  struct {
		Version string  `json:"version"`
		Hash    string  `json:"hash"`
		Stale   bool    `json:"stale"`
		Age     float64 `json:"age_seconds"`
	} `json:"config"`
	Maintenance []string `json:"maintenance"`
}

func getHealth(t *testing.T, base string) (int, health) {
	t.Helper()
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var h health
	dec := json.NewDecoder(resp.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&h); err != nil {
		t.Fatalf("/healthz: %v", err)
	}
	return resp.StatusCode, h
}

var hexHash = regexp.MustCompile(`^[0-9a-f]{64}$`)

// amount parses a displayed price ("24.90 CHF", "CHF 24.90", "1.234,50 €")
// for ordering checks: the digits, with the last separator as the decimal
// point.
func amount(t *testing.T, s string) pricing.Fixed {
	t.Helper()
	var digits []byte
	dec := -1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits = append(digits, c)
		case (c == '.' || c == ',') && len(digits) > 0:
			dec = len(digits)
		}
	}
	txt := string(digits)
	if dec >= 0 && len(digits)-dec == 2 {
		txt = string(digits[:dec]) + "." + string(digits[dec:])
	}
	f, err := pricing.ParseFixed(txt)
	if err != nil {
		t.Fatalf("price %q: %v", s, err)
	}
	return f
}

func noScript(t *testing.T, r *shoptest.Response, what string) {
	t.Helper()
	if s := shoptest.Find(r.Doc, shoptest.Tag("script", "")); s != nil {
		t.Errorf("%s: has a <script>; pages must work without JavaScript", what)
	}
}

// TestShopperJourney walks the path of the browser test over plain HTTP,
// as a browser without JavaScript would: detection, the switcher, a
// filtered and sorted listing, two products into the cart, a wrong postal
// code, the fix, the order in Switzerland's own database.
func TestShopperJourney(t *testing.T) {
	base, dir := start(t)
	c := shoptest.NewClient(t, base)
	c.AcceptLanguage = "de-DE,de;q=0.9,en;q=0.5"

	r := c.Get(t, "/")
	if r.Status != http.StatusFound || r.Location != "/de/" {
		t.Fatalf("GET / with German Accept-Language: %d to %q, want 302 to /de/", r.Status, r.Location)
	}
	r = c.Follow(t, r)
	if r.Status != http.StatusOK || shoptest.Attr(shoptest.Find(r.Doc, shoptest.Tag("html", "")), "lang") != "de-DE" {
		t.Fatalf("/de/: status %d, lang %q", r.Status, shoptest.Attr(shoptest.Find(r.Doc, shoptest.Tag("html", "")), "lang"))
	}
	noScript(t, r, "/de/")
	if shoptest.Find(r.Doc, shoptest.Tag("main", "")) == nil || shoptest.Find(r.Doc, shoptest.Tag("header", "")) == nil {
		t.Error("/de/: no <main> or <header> landmark")
	}

	// The switcher: Switzerland, in French.
	sw := shoptest.Find(r.Doc, shoptest.Tag("form", "switch"))
	form := shoptest.FormValues(sw)
	form.Set("market", "ch")
	form.Set("locale", "fr")
	r = c.Post(t, shoptest.Attr(sw, "action"), form)
	if r.Status != http.StatusSeeOther || r.Location != "/ch/fr/" {
		t.Fatalf("switch to ch/fr: %d to %q, want 303 to /ch/fr/", r.Status, r.Location)
	}
	r = c.Follow(t, r)
	if got := shoptest.Attr(shoptest.Find(r.Doc, shoptest.Tag("html", "")), "lang"); got != "fr-CH" {
		t.Fatalf("/ch/fr/: lang %q, want fr-CH", got)
	}

	// Filter (red mugs) and sort (price, lowest first).
	r = c.Get(t, "/ch/fr/c/mugs?"+url.Values{"f.color": {"red"}, "sort": {"price"}}.Encode())
	if r.Status != http.StatusOK {
		t.Fatalf("listing: %d\n%s", r.Status, r.Body)
	}
	if box := shoptest.ByID(r.Doc, "f-color-red"); box == nil || !slices.ContainsFunc(box.Attr, func(a html.Attribute) bool { return a.Key == "checked" }) {
		t.Error("listing: the red filter is not shown checked")
	}
	items := shoptest.All(r.Doc, shoptest.Tag("li", "item"))
	if len(items) < 2 {
		t.Fatalf("listing: %d items, want at least 2", len(items))
	}
	var prev pricing.Fixed
	var links []string
	for i, it := range items {
		p := shoptest.Text(shoptest.Find(it, shoptest.Tag("span", "price")))
		if !strings.Contains(p, "CHF") {
			t.Errorf("item %d: price %q is not in CHF", i, p)
		}
		a := amount(t, p)
		if i > 0 && a.Cmp(prev) < 0 {
			t.Errorf("item %d: %s after %s: not sorted by price", i, a, prev)
		}
		prev = a
		links = append(links, shoptest.Attr(shoptest.Find(it, shoptest.Tag("a", "")), "href"))
	}

	// Two products into the cart, from their pages.
	for _, link := range links[:2] {
		p := c.Get(t, link)
		if p.Status != http.StatusOK {
			t.Fatalf("%s: %d", link, p.Status)
		}
		var hreflangs []string
		for _, l := range shoptest.All(p.Doc, func(n *html.Node) bool { return n.Data == "link" && shoptest.Attr(n, "rel") == "alternate" }) {
			hreflangs = append(hreflangs, shoptest.Attr(l, "hreflang"))
		}
		for _, want := range []string{"de-CH", "fr-CH", "it-CH", "de-DE", "x-default"} {
			if !slices.Contains(hreflangs, want) {
				t.Errorf("%s: no hreflang %s among %v", link, want, hreflangs)
			}
		}
		if canon := shoptest.Attr(shoptest.Find(p.Doc, func(n *html.Node) bool { return n.Data == "link" && shoptest.Attr(n, "rel") == "canonical" }), "href"); canon != base+link {
			t.Errorf("%s: canonical %q, want %q", link, canon, base+link)
		}
		if note := shoptest.Text(shoptest.Find(p.Doc, shoptest.Tag("small", "taxnote"))); !strings.Contains(note, "8,1") || !strings.Contains(note, "TVA") {
			t.Errorf("%s: tax note %q, want Swiss VAT 8,1 %% included", link, note)
		}
		add := shoptest.Find(p.Doc, shoptest.Tag("form", "add"))
		if r := c.Post(t, shoptest.Attr(add, "action"), shoptest.FormValues(add)); r.Status != http.StatusSeeOther {
			t.Fatalf("add to cart: %d\n%s", r.Status, r.Body)
		}
	}
	cart := c.Get(t, "/ch/fr/cart")
	if n := len(shoptest.All(shoptest.Find(cart.Doc, shoptest.Tag("tbody", "")), shoptest.Tag("tr", ""))); n != 2 {
		t.Fatalf("cart: %d lines, want 2", n)
	}
	u, _ := url.Parse(base)
	for _, ck := range c.HTTP.Jar.Cookies(&url.URL{Scheme: "http", Host: u.Host, Path: "/de/"}) {
		if ck.Name == "cart" {
			t.Error("the Swiss cart is visible to the German market (cart cookies must be per market)")
		}
	}

	// Checkout: a Swiss address with a wrong postal code.
	co := c.Get(t, "/ch/fr/checkout")
	f := shoptest.Find(co.Doc, func(n *html.Node) bool {
		return n.Data == "form" && strings.HasSuffix(shoptest.Attr(n, "action"), "/checkout")
	})
	if f == nil {
		t.Fatalf("checkout: no form\n%s", co.Body)
	}
	for _, id := range []string{"addr-name", "addr-address-lines", "addr-postal-code", "addr-locality", "email", "phone"} {
		if shoptest.Find(f, func(n *html.Node) bool { return n.Data == "label" && shoptest.Attr(n, "for") == id }) == nil {
			t.Errorf("checkout: no <label for=%q>", id)
		}
	}
	form = shoptest.FormValues(f)
	form.Set("email", "anna@example.ch")
	form.Set("name", "Anna Muster")
	form.Set("address-lines", "Rue du Rhône 1")
	form.Set("locality", "Genève")
	form.Set("postal-code", "123")
	form.Set("phone", "022 345 67 89")
	form.Set("action", "place")
	bad := c.Post(t, "/ch/fr/checkout", form)
	if bad.Status != http.StatusUnprocessableEntity {
		t.Fatalf("wrong postal code: status %d, want 422", bad.Status)
	}
	msg := shoptest.ByID(bad.Doc, "addr-postal-code-error")
	if msg == nil || !strings.Contains(shoptest.Text(msg), "Code postal") {
		t.Fatalf("wrong postal code: no message beside the field (%q)", shoptest.Text(msg))
	}
	if in := shoptest.ByID(bad.Doc, "addr-postal-code"); shoptest.Attr(in, "aria-invalid") != "true" || shoptest.Attr(in, "aria-describedby") != "addr-postal-code-error" || shoptest.Attr(in, "value") != "123" {
		t.Errorf("postal code input: aria-invalid %q, describedby %q, value %q", shoptest.Attr(in, "aria-invalid"), shoptest.Attr(in, "aria-describedby"), shoptest.Attr(in, "value"))
	}
	if e := shoptest.ByID(bad.Doc, "addr-locality-error"); e != nil {
		t.Errorf("a valid city has an error: %q", shoptest.Text(e))
	}

	// Fix it, place the order.
	form.Set("postal-code", "1204")
	done := c.Post(t, "/ch/fr/checkout", form)
	if done.Status != http.StatusSeeOther || !strings.HasPrefix(done.Location, "/ch/fr/orders/") {
		t.Fatalf("place order: %d to %q\n%s", done.Status, done.Location, done.Body)
	}
	again := c.Post(t, "/ch/fr/checkout", form) // a double click: the cart is gone, so back to the cart
	if again.Status != http.StatusSeeOther || again.Location != "/ch/fr/cart" {
		t.Errorf("second submission: %d to %q, want 303 to the (now empty) cart", again.Status, again.Location)
	}
	conf := c.Follow(t, done)
	if conf.Status != http.StatusOK {
		t.Fatalf("confirmation: %d", conf.Status)
	}
	total := shoptest.Text(shoptest.Find(conf.Doc, shoptest.Tag("dd", "grand")))
	if !strings.Contains(total, "CHF") {
		t.Errorf("confirmation total %q is not in CHF", total)
	}
	taxes := shoptest.Text(shoptest.Find(conf.Doc, shoptest.Tag("table", "taxes")))
	if !strings.Contains(taxes, "TVA 8,1") {
		t.Errorf("confirmation: no Swiss VAT 8,1 %% in the breakdown %q", taxes)
	}
	if a := shoptest.Text(shoptest.Find(conf.Doc, shoptest.Tag("address", "shipto"))); !strings.Contains(a, "CH-1204 Genève") {
		t.Errorf("confirmation address %q", a)
	}
	// The confirmation is private: another browser with its URL gets the
	// 404 of an order that does not exist.
	if r := shoptest.NewClient(t, base).Get(t, done.Location); r.Status != http.StatusNotFound || strings.Contains(r.Body, "anna@example.ch") {
		t.Errorf("another browser at %s: %d, want 404 without the order", done.Location, r.Status)
	}

	// The order is in Switzerland's database, and nowhere else.
	ctx := context.Background()
	counts := map[string]int64{}
	for _, m := range []string{"ch", "de", "fr"} {
		db, err := sqlstore.Open(ctx, filepath.Join(dir, "data", "orders", m+".db"), &sqlstore.Options{Markets: []string{m}})
		if err != nil {
			t.Fatal(err)
		}
		counts[m], err = db.CountOrders(ctx, m)
		db.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	if counts["ch"] != 1 || counts["de"] != 0 || counts["fr"] != 0 {
		t.Errorf("orders per market database: %v, want ch 1, de 0, fr 0", counts)
	}

	// Metrics and health.
	_, h := getHealth(t, base)
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{
		`marketkit_http_requests_total{code="200",market="ch"}`,
		`marketkit_http_requests_total{code="422",market="ch"}`,
		`marketkit_http_requests_total{code="302",market=""}`,
		`config_hash="` + h.Config.Hash + `"`,
		`marketkit_config_age_seconds `,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics has no %s", want)
		}
	}
}

func TestHealthz(t *testing.T) {
	base := shared(t)
	code, h := getHealth(t, base)
	if code != http.StatusOK || h.Status != "ok" || len(h.Markets) != 13 || !hexHash.MatchString(h.Config.Hash) || h.Config.Version == "" || h.Config.Stale || h.Build == "" {
		t.Errorf("/healthz: %d %+v", code, h)
	}
}

// TestMaintenanceFlag: -maintenance jp closes Japan now, with a 503 and
// Retry-After, while every other market keeps serving.
func TestMaintenanceFlag(t *testing.T) {
	base, _ := start(t, "-maintenance", "jp")
	c := shoptest.NewClient(t, base)
	r := c.Get(t, "/jp/")
	if r.Status != http.StatusServiceUnavailable || r.Header.Get("Retry-After") == "" {
		t.Fatalf("/jp/: %d, Retry-After %q; want 503 with Retry-After", r.Status, r.Header.Get("Retry-After"))
	}
	if h1 := shoptest.Text(shoptest.Find(r.Doc, shoptest.Tag("h1", ""))); h1 == "" {
		t.Error("/jp/: maintenance page without a heading")
	}
	if r := c.Get(t, "/au/"); r.Status != http.StatusOK {
		t.Errorf("/au/ during Japan's maintenance: %d", r.Status)
	}
	code, h := getHealth(t, base)
	if code != http.StatusOK || h.Status != "ok" || !slices.Equal(h.Maintenance, []string{"jp"}) {
		t.Errorf("/healthz: %d status %q maintenance %v", code, h.Status, h.Maintenance)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := run(ctx, []string{"-addr", "127.0.0.1:0", "-log", "none", "-data", t.TempDir(), "-maintenance", "xx"}, io.Discard, nil); err == nil || !strings.Contains(err.Error(), "xx") {
		t.Errorf("-maintenance xx: %v, want an error naming the unknown market", err)
	}
}

// TestPagination follows the next links of a listing to its end: every
// product once, no page overlapping another.
func TestPagination(t *testing.T) {
	base := shared(t)
	c := shoptest.NewClient(t, base)
	seen := map[string]bool{}
	path := "/de/?sort=name"
	total := ""
	for pages := 0; path != ""; pages++ {
		if pages > 40 {
			t.Fatal("more than 40 pages")
		}
		r := c.Get(t, path)
		if r.Status != http.StatusOK {
			t.Fatalf("%s: %d", path, r.Status)
		}
		total = shoptest.Text(shoptest.ByID(r.Doc, "total"))
		for _, it := range shoptest.All(r.Doc, shoptest.Tag("li", "item")) {
			href := shoptest.Attr(shoptest.Find(it, shoptest.Tag("a", "")), "href")
			if seen[href] {
				t.Fatalf("%s: %s on two pages", path, href)
			}
			seen[href] = true
		}
		path = shoptest.Attr(shoptest.Find(r.Doc, func(n *html.Node) bool { return n.Data == "a" && shoptest.Attr(n, "rel") == "next" }), "href")
	}
	if !strings.HasPrefix(total, strconv.Itoa(len(seen))+" ") {
		t.Errorf("followed %d products, the page says %q", len(seen), total)
	}
}

// TestBadInput: malformed queries and forms are answered 4xx, never 500.
func TestBadInput(t *testing.T) {
	base := shared(t)
	c := shoptest.NewClient(t, base)
	for _, tc := range []struct {
		name, path string
		want       int
	}{
		{"unknown parameter", "/de/?colour=red", http.StatusBadRequest},
		{"bad sort", "/de/?sort=cheapest", http.StatusBadRequest},
		{"bad cursor", "/de/?cursor=%00%01", http.StatusBadRequest},
		{"unknown category", "/de/c/none", http.StatusNotFound},
		{"unknown product", "/de/p/none", http.StatusNotFound},
		{"unknown order", "/de/orders/none", http.StatusNotFound},
		{"unknown market", "/dealer/", http.StatusNotFound},
		{"unknown page", "/de/admin", http.StatusNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if r := c.Get(t, tc.path); r.Status != tc.want {
				t.Errorf("GET %s: %d, want %d", tc.path, r.Status, tc.want)
			}
		})
	}
	if r := c.Post(t, "/de/cart", url.Values{"action": {"add"}, "sku": {"NOPE"}, "qty": {"1"}}); r.Status != http.StatusBadRequest {
		t.Errorf("add an unknown SKU: %d, want 400", r.Status)
	}
	if r := c.Post(t, "/de/cart", url.Values{"action": {"add"}, "sku": {"MUGS-001-RED"}, "qty": {"1000"}}); r.Status != http.StatusBadRequest {
		t.Errorf("add 1000: %d, want 400", r.Status)
	}
	req, _ := http.NewRequest(http.MethodPost, base+"/de/cart", strings.NewReader("action=add&sku=MUGS-001-RED&qty=1"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site POST to the cart: %d, want 403", resp.StatusCode)
	}
}

func TestFlags(t *testing.T) {
	for _, args := range [][]string{{"-log", "xml"}, {"extra"}, {"-nope"}} {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err := run(ctx, args, io.Discard, nil)
		cancel()
		if err == nil {
			t.Errorf("run(%q): no error", args)
		}
	}
}

// TestEveryMarketCheckout: in every market and locale, the first product
// listed goes into the cart and the checkout shows the country's form with
// a quote in the market's currency.
func TestEveryMarketCheckout(t *testing.T) {
	base := shared(t)
	for _, home := range []string{"/at/", "/au/", "/ca/", "/ca/fr/", "/ch/", "/ch/it/", "/de/", "/de/en/", "/fr/", "/gb/", "/jp/", "/jp/en/", "/nl/", "/no/", "/se/", "/us-east/", "/us-east/es/", "/us-west/"} {
		t.Run(strings.Trim(home, "/"), func(t *testing.T) {
			c := shoptest.NewClient(t, base)
			r := c.Get(t, home)
			link := shoptest.Attr(shoptest.Find(shoptest.Find(r.Doc, shoptest.Tag("li", "item")), shoptest.Tag("a", "")), "href")
			if r.Status != http.StatusOK || link == "" {
				t.Fatalf("%s: %d, first product %q", home, r.Status, link)
			}
			p := c.Get(t, link)
			add := shoptest.Find(p.Doc, shoptest.Tag("form", "add"))
			if a := c.Post(t, shoptest.Attr(add, "action"), shoptest.FormValues(add)); a.Status != http.StatusSeeOther {
				t.Fatalf("add %s: %d\n%s", link, a.Status, shoptest.Text(shoptest.Find(a.Doc, shoptest.Tag("main", ""))))
			}
			co := c.Get(t, strings.TrimSuffix(home, "/")+"/checkout")
			if co.Status != http.StatusOK {
				t.Fatalf("checkout: %d", co.Status)
			}
			if shoptest.ByID(co.Doc, "addr-postal-code") == nil || shoptest.Text(shoptest.Find(co.Doc, shoptest.Tag("dd", "grand"))) == "" {
				t.Error("checkout without a postal code field or a total")
			}
		})
	}
}

// TestEveryMarketOrder places an order in every market with an address of
// its country: each lands in the market's own database in its currency.
func TestEveryMarketOrder(t *testing.T) {
	base := shared(t)
	for _, tc := range []struct {
		market, currency string
		addr             map[string]string
	}{
		{"at", "EUR", map[string]string{"postal-code": "1010", "locality": "Wien"}},
		{"au", "AUD", map[string]string{"postal-code": "2000", "locality": "Sydney", "administrative-area": "NSW"}},
		{"ca", "CAD", map[string]string{"postal-code": "M5H 2N2", "locality": "Toronto", "administrative-area": "ON"}},
		{"ch", "CHF", map[string]string{"postal-code": "8001", "locality": "Zürich"}},
		{"de", "EUR", map[string]string{"postal-code": "10117", "locality": "Berlin"}},
		{"fr", "EUR", map[string]string{"postal-code": "75001", "locality": "Paris"}},
		{"gb", "GBP", map[string]string{"postal-code": "EC1A 1BB", "locality": "London"}},
		{"jp", "JPY", map[string]string{"postal-code": "100-0001", "administrative-area": "東京都"}},
		{"nl", "EUR", map[string]string{"postal-code": "1012 JS", "locality": "Amsterdam"}},
		{"no", "NOK", map[string]string{"postal-code": "0150", "locality": "Oslo"}},
		{"se", "SEK", map[string]string{"postal-code": "111 20", "locality": "Stockholm"}},
		{"us-east", "USD", map[string]string{"postal-code": "10001", "locality": "New York", "administrative-area": "NY"}},
		{"us-west", "USD", map[string]string{"postal-code": "94103", "locality": "San Francisco", "administrative-area": "CA"}},
	} {
		t.Run(tc.market, func(t *testing.T) {
			c := shoptest.NewClient(t, base)
			home := "/" + tc.market + "/"
			r := c.Get(t, home)
			link := shoptest.Attr(shoptest.Find(shoptest.Find(r.Doc, shoptest.Tag("li", "item")), shoptest.Tag("a", "")), "href")
			p := c.Get(t, link)
			add := shoptest.Find(p.Doc, shoptest.Tag("form", "add"))
			if a := c.Post(t, shoptest.Attr(add, "action"), shoptest.FormValues(add)); a.Status != http.StatusSeeOther {
				t.Fatalf("add: %d", a.Status)
			}
			co := c.Get(t, "/"+tc.market+"/checkout")
			form := shoptest.FormValues(shoptest.Find(co.Doc, func(n *html.Node) bool {
				return n.Data == "form" && strings.HasSuffix(shoptest.Attr(n, "action"), "/checkout")
			}))
			form.Set("email", "buyer@example.com")
			form.Set("name", "Buyer")
			form.Set("address-lines", "Main Street 1")
			if _, ok := form["locality"]; !ok {
				delete(tc.addr, "locality")
			}
			for k, v := range tc.addr {
				form.Set(k, v)
			}
			form.Set("action", "place")
			if tc.market == "jp" {
				// A field Japan's form does not have is reported above the form.
				bad := url.Values{}
				for k, v := range form {
					bad[k] = v
				}
				bad.Set("locality", "千代田区")
				r := c.Post(t, "/jp/checkout", bad)
				if msg := shoptest.Text(shoptest.ByID(r.Doc, "form-error")); r.Status != http.StatusUnprocessableEntity || !strings.Contains(msg, "locality") {
					t.Errorf("locality sent to Japan's form: %d %q", r.Status, msg)
				}
			}
			placed := c.Post(t, "/"+tc.market+"/checkout", form)
			if placed.Status != http.StatusSeeOther {
				var errs []string
				for _, e := range shoptest.All(placed.Doc, shoptest.Tag("span", "error")) {
					errs = append(errs, shoptest.Attr(e, "id")+": "+shoptest.Text(e))
				}
				t.Fatalf("place: %d %v %q", placed.Status, errs, shoptest.Text(shoptest.ByID(placed.Doc, "form-error")))
			}
			conf := c.Follow(t, placed)
			if conf.Status != http.StatusOK {
				t.Fatalf("confirmation: %d", conf.Status)
			}
		})
	}
}
