package shop

import (
	"errors"
	"net/http"
	"slices"
	"time"
)

// An order's confirmation page shows the customer's name, address, email
// and phone, so it answers only the browser that placed the order. On
// placement the order ID goes into the "orders" cookie of its market
// (Path is the market's CookiePath, HttpOnly, Secure on TLS,
// SameSite=Lax), signed like the cart with HMAC-SHA256 over the market ID
// and the list, with the same key (Options.CartKey) and its own prefix
// ("orders/v1"), so a cart value is never an order list or the reverse.
// The page is a 404, the same as for an order that does not exist, when
// the cookie is missing, does not verify (tampered, truncated, oversized,
// signed for another market or with another key) or does not list the ID:
// holding an order's URL reveals nothing, not even that it exists.
const (
	ordersCookie = "orders"
	// maxRecentOrders is N, the number of order IDs the cookie keeps:
	// the newest N placed in the browser, in that market. An older
	// order's page is then a 404 in that browser too (the customer has
	// its confirmation email; a signed-in account would list it).
	maxRecentOrders = 10
	// maxOrderIDBytes bounds one order ID in the cookie; sqlstore's are
	// 26 characters.
	maxOrderIDBytes = 64
	// orderViewLifetime is how long after placement a browser can show
	// an order: the cookie's Max-Age, and checked again on every read
	// against the time signed beside each ID, so a copied cookie does not
	// outlive it either.
	orderViewLifetime = 30 * 24 * time.Hour
	// maxOrdersCookie bounds the cookie value read, in bytes: N IDs of
	// maxOrderIDBytes with their times fit (TestOrdersCookieFits).
	maxOrdersCookie = 1400
)

var errBadOrders = errors.New("shop: orders cookie: bad signature or format")

// orderEntry is one order the browser placed, and when (Unix seconds).
type orderEntry struct {
	ID string `json:"i"`
	At int64  `json:"t"`
}

// ordersCodec signs and verifies order cookies.
type ordersCodec struct{ key []byte }

// ordersPurpose is signed with every order list, so no other signed
// value is one.
const ordersPurpose = "orders/v1"

func (c ordersCodec) mac(market, payload string) []byte {
	return signature(c.key, ordersPurpose, market, payload)
}

// encode returns the cookie value of the entries of market.
func (c ordersCodec) encode(market string, entries []orderEntry) (string, error) {
	if len(entries) > maxRecentOrders {
		return "", errors.New("shop: orders cookie: too many orders")
	}
	for _, e := range entries {
		if !validOrderID(e.ID) {
			return "", errors.New("shop: orders cookie: an order ID the cookie cannot hold")
		}
	}
	return seal(c.key, ordersPurpose, market, entries)
}

// decode verifies a cookie value and returns its entries. Any defect (a
// bad or missing signature, another market's list, an oversized value,
// more than maxRecentOrders entries, an ID of the wrong shape, a
// duplicate) is errBadOrders: the list is then empty, never partly
// trusted.
func (c ordersCodec) decode(market, v string) ([]orderEntry, error) {
	var entries []orderEntry
	if !open(c.key, ordersPurpose, market, v, maxOrdersCookie, &entries) || len(entries) > maxRecentOrders {
		return nil, errBadOrders
	}
	seen := make(map[string]bool, len(entries))
	for _, e := range entries {
		if !validOrderID(e.ID) || seen[e.ID] {
			return nil, errBadOrders
		}
		seen[e.ID] = true
	}
	return entries, nil
}

// validOrderID reports whether id can be listed in the cookie and in a
// confirmation URL as it is: 1 to maxOrderIDBytes of ASCII letters,
// digits, '-' and '_' (what url.PathEscape leaves alone, without '.' and
// '~', so no ID is a path segment like "..").
func validOrderID(id string) bool {
	if id == "" || len(id) > maxOrderIDBytes {
		return false
	}
	for i := 0; i < len(id); i++ {
		switch c := id[i]; {
		case c >= '0' && c <= '9', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '-', c == '_':
		default:
			return false
		}
	}
	return true
}

// read returns the orders of market the request's cookie lists that are
// still within orderViewLifetime at now (none when there is no cookie or
// it does not verify).
func (c ordersCodec) read(r *http.Request, market string, now time.Time) []orderEntry {
	ck, err := r.Cookie(ordersCookie)
	if err != nil {
		return nil
	}
	entries, err := c.decode(market, ck.Value)
	if err != nil {
		return nil
	}
	return slices.DeleteFunc(entries, func(e orderEntry) bool { return expired(e, now) })
}

func expired(e orderEntry, now time.Time) bool {
	return now.Sub(time.Unix(e.At, 0)) > orderViewLifetime
}

// lists reports whether the request's cookie of market lists order id.
func (c ordersCodec) lists(r *http.Request, market, id string, now time.Time) bool {
	for _, e := range c.read(r, market, now) {
		if e.ID == id {
			return true
		}
	}
	return false
}

// add records order id, placed at now, in the cookie of market (path is
// its CookiePath): the newest maxRecentOrders stay.
func (c ordersCodec) add(w http.ResponseWriter, r *http.Request, market, path, id string, now time.Time) error {
	entries := slices.DeleteFunc(c.read(r, market, now), func(e orderEntry) bool { return e.ID == id })
	entries = append(entries, orderEntry{ID: id, At: now.Unix()})
	if n := len(entries) - maxRecentOrders; n > 0 {
		entries = entries[n:]
	}
	v, err := c.encode(market, entries)
	if err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: ordersCookie, Value: v, Path: path, MaxAge: int(orderViewLifetime / time.Second),
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil})
	return nil
}
