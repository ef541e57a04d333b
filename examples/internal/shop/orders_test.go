package shop

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"

	"github.com/marketkit/marketkit/examples/internal/shoptest"
	"github.com/marketkit/marketkit/examples/storefront/data"
	"github.com/marketkit/marketkit/store"
)

// placeOrder puts a mug into c's cart in market, checks out with an
// address of the market's country and returns the order ID and the
// Set-Cookie of the orders cookie.
func placeOrder(t *testing.T, c *shoptest.Client, market, email string, addr map[string]string) (string, *http.Cookie) {
	t.Helper()
	if r := c.Post(t, "/"+market+"/cart", url.Values{"action": {"add"}, "sku": {"MUGS-001-RED"}, "qty": {"1"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("%s: add to cart: %d", market, r.Status)
	}
	co := c.Get(t, "/"+market+"/checkout")
	form := shoptest.FormValues(shoptest.Find(co.Doc, func(n *html.Node) bool {
		return n.Data == "form" && strings.HasSuffix(shoptest.Attr(n, "action"), "/checkout")
	}))
	form.Set("email", email)
	form.Set("name", "Anna Muster")
	form.Set("address-lines", "Bahnhofstrasse 1")
	for k, v := range addr {
		form.Set(k, v)
	}
	form.Set("action", "place")
	r := c.Post(t, "/"+market+"/checkout", form)
	prefix := "/" + market + "/orders/"
	if r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location, prefix) {
		t.Fatalf("%s: place: %d to %q", market, r.Status, r.Location)
	}
	var ck *http.Cookie
	for _, h := range r.Header.Values("Set-Cookie") {
		if c, err := http.ParseSetCookie(h); err == nil && c.Name == ordersCookie {
			ck = c
		}
	}
	if ck == nil {
		t.Fatalf("%s: placing the order set no %s cookie", market, ordersCookie)
	}
	return strings.TrimPrefix(r.Location, prefix), ck
}

// TestOrderPagePrivate: over a real loopback listener, an order's page
// answers only the browser that placed it. Every attack gets the same 404
// page as an order that does not exist, and none shows the customer.
func TestOrderPagePrivate(t *testing.T) {
	in := openTest(t, store.BytesSource(data.Markets()), InstanceOptions{})
	srv := httptest.NewServer(in.Server.Handler()) // 127.0.0.1
	t.Cleanup(srv.Close)
	ch := map[string]string{"postal-code": "8001", "locality": "Zürich"}

	alice := shoptest.NewClient(t, srv.URL)
	aliceID, aliceCk := placeOrder(t, alice, "ch", "alice@example.ch", ch)
	bob := shoptest.NewClient(t, srv.URL)
	bobID, bobCk := placeOrder(t, bob, "ch", "bob@example.ch", ch)
	_, aliceDE := placeOrder(t, alice, "de", "alice@example.de", map[string]string{"postal-code": "10117", "locality": "Berlin"})

	// The cookie as the issue asks: the market's path, HttpOnly, Lax, a
	// bounded lifetime, not Secure over plain HTTP.
	want := http.Cookie{Name: ordersCookie, Path: "/ch/", MaxAge: 30 * 24 * 3600, HttpOnly: true, SameSite: http.SameSiteLaxMode}
	got := http.Cookie{Name: aliceCk.Name, Path: aliceCk.Path, MaxAge: aliceCk.MaxAge, HttpOnly: aliceCk.HttpOnly, SameSite: aliceCk.SameSite, Secure: aliceCk.Secure}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("orders cookie attributes (-want +got):\n%s", diff)
	}
	if aliceDE.Path != "/de/" {
		t.Errorf("the German order's cookie has Path %q, want /de/", aliceDE.Path)
	}

	// The owner sees her order, through her browser's jar.
	if r := alice.Get(t, "/ch/orders/"+aliceID); r.Status != http.StatusOK || !strings.Contains(r.Body, "alice@example.ch") {
		t.Fatalf("the owner's confirmation page: %d", r.Status)
	} else if cc := r.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("confirmation Cache-Control %q, want no-store", cc)
	}
	if r := alice.Get(t, "/ch/fr/orders/"+aliceID); r.Status != http.StatusOK {
		t.Errorf("the owner's confirmation page in French: %d", r.Status)
	}

	codec := ordersCodec{key: testKey}
	now := time.Now()
	sign := func(market, payload string) string {
		p := b64(payload)
		return p + "." + b64(string(codec.mac(market, p)))
	}
	entries := func(ids ...string) string {
		var parts []string
		for _, id := range ids {
			parts = append(parts, fmt.Sprintf(`{"i":%q,"t":%d}`, id, now.Unix()))
		}
		return "[" + strings.Join(parts, ",") + "]"
	}
	fillers := func(n int) []string {
		ids := make([]string, n)
		for i := range ids {
			ids[i] = fmt.Sprintf("filler%02d", i)
		}
		return ids
	}
	v := aliceCk.Value
	dot := strings.IndexByte(v, '.')
	flip := func(s string, i int) string {
		b := []byte(s)
		if b[i] == 'A' {
			b[i] = 'B'
		} else {
			b[i] = 'A'
		}
		return string(b)
	}

	const missing = "0000000000000000000000000z"
	base404 := rawGet(t, srv.URL+"/ch/orders/"+missing, "")
	if base404.code != http.StatusNotFound {
		t.Fatalf("an order that does not exist: %d, want 404", base404.code)
	}
	for _, tc := range []struct {
		name, path, cookie string
	}{
		{"no cookie", "/ch/orders/" + aliceID, ""},
		{"another browser's cookie", "/ch/orders/" + aliceID, bobCk.Value},
		{"the ID of another order", "/ch/orders/" + bobID, v},
		{"tampered MAC", "/ch/orders/" + aliceID, flip(v, len(v)-3)},
		{"tampered list, MAC kept", "/ch/orders/" + bobID, b64(entries(aliceID, bobID)) + v[dot:]},
		{"no MAC", "/ch/orders/" + aliceID, v[:dot]},
		{"truncated", "/ch/orders/" + aliceID, v[:len(v)/2]},
		{"truncated MAC", "/ch/orders/" + aliceID, v[:len(v)-1]},
		{"signed with another key", "/ch/orders/" + aliceID, func() string {
			s, _ := (ordersCodec{key: []byte("another key, also 32 bytes long!")}).encode("ch", []orderEntry{{aliceID, now.Unix()}})
			return s
		}()},
		{"signed for another market", "/ch/orders/" + aliceID, sign("de", entries(aliceID))},
		{"another market's real cookie", "/ch/orders/" + aliceID, aliceDE.Value},
		{"this market's cookie in another market", "/de/orders/" + aliceID, v},
		{"a cart cookie's signature", "/ch/orders/" + aliceID, b64(entries(aliceID)) + "." + b64(string(cartCodec{key: testKey}.mac("ch", b64(entries(aliceID)))))},
		{"oversized cookie", "/ch/orders/" + aliceID, sign("ch", entries(append(fillers(40), aliceID)...))},
		{"more than N orders", "/ch/orders/" + aliceID, sign("ch", entries(append(fillers(maxRecentOrders), aliceID)...))},
		{"expired", "/ch/orders/" + aliceID, sign("ch", fmt.Sprintf(`[{"i":%q,"t":%d}]`, aliceID, now.Add(-orderViewLifetime-time.Hour).Unix()))},
		{"duplicate ID", "/ch/orders/" + aliceID, sign("ch", entries(aliceID, aliceID))},
		{"not JSON", "/ch/orders/" + aliceID, sign("ch", aliceID)},
		{"path: trailing slash", "/ch/orders/" + aliceID + "/", v},
		{"path: encoded slash and dots", "/ch/orders/..%2F" + aliceID, v},
		{"path: encoded dot segment", "/ch/orders/%2e%2e%2f" + aliceID, v},
		{"path: percent-encoded ID", "/ch/orders/%" + fmt.Sprintf("%02X", aliceID[0]) + aliceID[1:], v},
		{"path: NUL after the ID", "/ch/orders/" + aliceID + "%00", v},
		{"path: upper-case ID", "/ch/orders/" + strings.ToUpper(aliceID), v},
		{"path: parameter", "/ch/orders/" + aliceID + ";x", v},
		{"path: the listed ID inside another", "/ch/orders/x" + aliceID, sign("ch", entries(aliceID, "x"+aliceID))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := rawGet(t, srv.URL+tc.path, tc.cookie)
			if r.code != http.StatusNotFound {
				t.Fatalf("GET %s: %d, want 404", tc.path, r.code)
			}
			for _, secret := range []string{"alice@", "bob@", "Bahnhofstrasse", "Anna Muster"} {
				if strings.Contains(r.body, secret) {
					t.Errorf("the 404 shows %q", secret)
				}
			}
			// The page names the path it was asked for (the switcher's
			// return link); apart from that it is the page of an order
			// that does not exist.
			if id, ok := strings.CutPrefix(tc.path, "/ch/orders/"); ok && validOrderID(id) {
				got, want := strings.ReplaceAll(r.body, id, "ID"), strings.ReplaceAll(base404.body, missing, "ID")
				if got != want {
					t.Errorf("the 404 differs from that of an order that does not exist (-missing +attack):\n%s", cmp.Diff(want, got))
				}
			}
		})
	}
	// The controls: the same requests succeed with the right cookie, so
	// each 404 above is the attack's, not a broken page.
	if r := rawGet(t, srv.URL+"/ch/orders/"+aliceID, v); r.code != http.StatusOK {
		t.Errorf("Alice's cookie, sent by hand: %d", r.code)
	}
	if r := rawGet(t, srv.URL+"/ch/orders/"+bobID, bobCk.Value); r.code != http.StatusOK {
		t.Errorf("Bob's cookie for Bob's order: %d", r.code)
	}
	if r := rawGet(t, srv.URL+"/ch/orders/"+aliceID, sign("ch", entries(append(fillers(maxRecentOrders-1), aliceID)...))); r.code != http.StatusOK {
		t.Errorf("a cookie of exactly N orders: %d", r.code)
	}
}

type rawResponse struct {
	code int
	body string
}

// rawGet fetches url with only the orders cookie given (none when empty).
func rawGet(t *testing.T, url, cookie string) rawResponse {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("User-Agent", "Mozilla/5.0 test")
	if cookie != "" {
		req.Header.Set("Cookie", ordersCookie+"="+cookie)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return rawResponse{resp.StatusCode, string(b)}
}

// TestOrdersCookie: the cookie keeps the newest N orders, drops expired
// ones, sets Secure on TLS, and a full cookie of the longest IDs fits the
// read limit.
func TestOrdersCookie(t *testing.T) {
	c := ordersCodec{key: testKey}
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	var cookie string
	for i := range maxRecentOrders + 2 {
		r := httptest.NewRequest(http.MethodGet, "https://shop.example/ch/orders/x", nil)
		if cookie != "" {
			r.Header.Set("Cookie", ordersCookie+"="+cookie)
		}
		w := httptest.NewRecorder()
		if err := c.add(w, r, "ch", "/ch/", fmt.Sprintf("order%02d", i), now.Add(time.Duration(i)*time.Minute)); err != nil {
			t.Fatal(err)
		}
		set := w.Result().Cookies()
		if len(set) != 1 || !set[0].Secure {
			t.Fatalf("Set-Cookie over TLS: %+v, want one Secure cookie", set)
		}
		cookie = set[0].Value
	}
	r := httptest.NewRequest(http.MethodGet, "/ch/orders/x", nil)
	r.Header.Set("Cookie", ordersCookie+"="+cookie)
	var ids []string
	for _, e := range c.read(r, "ch", now.Add(time.Hour)) {
		ids = append(ids, e.ID)
	}
	want := []string{"order02", "order03", "order04", "order05", "order06", "order07", "order08", "order09", "order10", "order11"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("the newest N orders (-want +got):\n%s", diff)
	}
	// order02 was placed at now+2m: past the lifetime from then, it goes.
	late := now.Add(2*time.Minute + orderViewLifetime + time.Second)
	if c.lists(r, "ch", "order02", late) || !c.lists(r, "ch", "order03", late) {
		t.Errorf("at %v: order02 listed %v (want false), order03 %v (want true)", late, c.lists(r, "ch", "order02", late), c.lists(r, "ch", "order03", late))
	}

	full := make([]orderEntry, maxRecentOrders)
	for i := range full {
		full[i] = orderEntry{ID: strings.Repeat("z", maxOrderIDBytes-2) + fmt.Sprintf("%02d", i), At: 1<<62 - 1}
	}
	v, err := c.encode("ch", full)
	if err != nil {
		t.Fatal(err)
	}
	if len(v) > maxOrdersCookie {
		t.Errorf("a full cookie is %d bytes, over the read limit %d", len(v), maxOrdersCookie)
	}
	if _, err := c.decode("ch", v); err != nil {
		t.Errorf("a full cookie does not decode: %v", err)
	}
	for _, bad := range [][]orderEntry{
		append(full, orderEntry{ID: "one-more"}),
		{{ID: strings.Repeat("z", maxOrderIDBytes+1)}},
		{{ID: "../x"}},
		{{ID: ""}},
	} {
		if _, err := c.encode("ch", bad); err == nil {
			t.Errorf("encode(%d entries, first %q): no error", len(bad), bad[0].ID)
		}
	}
}

func TestValidOrderID(t *testing.T) {
	for id, want := range map[string]bool{
		"01kbz4x9m2p7q8r5s6t3v0w1y2": true, "A-b_9": true, strings.Repeat("a", maxOrderIDBytes): true,
		"": false, strings.Repeat("a", maxOrderIDBytes+1): false, "..": false, "a.b": false, "a/b": false,
		"a%2Fb": false, "a~b": false, "a b": false, "é": false, "a\x00": false,
	} {
		if got := validOrderID(id); got != want {
			t.Errorf("validOrderID(%q) = %v, want %v", id, got, want)
		}
	}
}

// FuzzOrdersDecode: no cookie value makes decode panic; what decode
// accepts holds at most N valid, distinct IDs and survives a round trip.
func FuzzOrdersDecode(f *testing.F) {
	c := ordersCodec{key: testKey}
	v, _ := c.encode("ch", []orderEntry{{"01kbz4x9m2p7q8r5s6t3v0w1y2", 1764849600}})
	f.Add("ch", v)
	f.Add("de", v)
	f.Add("ch", "x.y")
	f.Fuzz(func(t *testing.T, market, value string) {
		entries, err := c.decode(market, value)
		if err != nil {
			return
		}
		if len(entries) > maxRecentOrders {
			t.Fatalf("decode accepted %d entries", len(entries))
		}
		seen := map[string]bool{}
		for _, e := range entries {
			if !validOrderID(e.ID) || seen[e.ID] {
				t.Fatalf("decode accepted a bad entry %+v", e)
			}
			seen[e.ID] = true
		}
		again, err := c.encode(market, entries)
		if err != nil {
			t.Fatal(err)
		}
		back, err := c.decode(market, again)
		if err != nil || !cmp.Equal(entries, back) {
			t.Fatalf("round trip: %v, %v", back, err)
		}
	})
}
