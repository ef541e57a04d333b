package shop

import (
	"errors"
	"net/http"

	"github.com/marketkit/marketkit/store"
)

// The cart lives in a cookie of its market: Path is the market's
// CookiePath ("/ch/"), so each market has its own cart in its own currency
// and switching market starts that market's cart instead of carrying
// prices over. The value is the cart's lines, signed with HMAC-SHA256 over
// the market ID and the lines, so a cart cannot be edited by hand or
// replayed in another market (at and de share a currency, not a cart).
// It holds SKUs and quantities only: prices are always those of the
// market's price list when the page is rendered.
const (
	cartCookie = "cart"
	// maxCartLines bounds the lines a cart cookie holds (a browser keeps
	// 4 KB per cookie).
	maxCartLines = 40
	// maxCartCookie bounds the cookie value read, in bytes.
	maxCartCookie = 3800
	// maxLineQuantity bounds one line's quantity.
	maxLineQuantity = 99
)

var errBadCart = errors.New("shop: cart cookie: bad signature or format")

// cartCodec signs and verifies cart cookies.
type cartCodec struct{ key []byte }

type cartLine struct {
	SKU string `json:"s"`
	Qty int64  `json:"q"`
}

// encode returns the cookie value of the lines of market.
func (c cartCodec) encode(market string, lines []cartLine) (string, error) {
	if len(lines) > maxCartLines {
		return "", errors.New("shop: cart: too many lines")
	}
	return seal(c.key, cartPurpose, market, lines)
}

// cartPurpose is signed with every cart, so no other signed value is one.
const cartPurpose = "cart/v1"

func (c cartCodec) mac(market, payload string) []byte {
	return signature(c.key, cartPurpose, market, payload)
}

// decode verifies a cookie value and returns its lines. Any defect (a
// bad signature, another market's cart, a malformed or oversized value,
// a non-positive or huge quantity, a duplicate SKU) is errBadCart: the
// cart is then empty, never partly trusted.
func (c cartCodec) decode(market, v string) ([]cartLine, error) {
	var lines []cartLine
	if !open(c.key, cartPurpose, market, v, maxCartCookie, &lines) || len(lines) > maxCartLines {
		return nil, errBadCart
	}
	seen := make(map[string]bool, len(lines))
	for _, l := range lines {
		if l.SKU == "" || len(l.SKU) > store.MaxKeyLength || l.Qty < 1 || l.Qty > maxLineQuantity || seen[l.SKU] {
			return nil, errBadCart
		}
		seen[l.SKU] = true
	}
	return lines, nil
}

// readCart returns the cart of the request's market (empty when there is
// none or it does not verify).
func (c cartCodec) read(r *http.Request, market string) []cartLine {
	ck, err := r.Cookie(cartCookie)
	if err != nil {
		return nil
	}
	lines, err := c.decode(market, ck.Value)
	if err != nil {
		return nil
	}
	return lines
}

// write sets the cart cookie of a market (path is its CookiePath); an
// empty cart deletes it.
func (c cartCodec) write(w http.ResponseWriter, r *http.Request, market, path string, lines []cartLine) error {
	ck := &http.Cookie{Name: cartCookie, Path: path, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil}
	if len(lines) == 0 {
		ck.MaxAge = -1
	} else {
		v, err := c.encode(market, lines)
		if err != nil {
			return err
		}
		ck.Value = v
		ck.MaxAge = 30 * 24 * 3600
	}
	http.SetCookie(w, ck)
	return nil
}

// addLine adds qty of sku to lines (capped at maxLineQuantity).
func addLine(lines []cartLine, sku string, qty int64) []cartLine {
	for i := range lines {
		if lines[i].SKU == sku {
			lines[i].Qty = min(lines[i].Qty+qty, maxLineQuantity)
			return lines
		}
	}
	return append(lines, cartLine{SKU: sku, Qty: min(qty, maxLineQuantity)})
}

// storeCart converts cookie lines to a store.Cart of s's market.
func storeCart(s *store.Store, lines []cartLine) store.Cart {
	c := s.NewCart()
	for _, l := range lines {
		c.Lines = append(c.Lines, store.CartLine{SKU: l.SKU, Quantity: l.Qty})
	}
	return c
}
