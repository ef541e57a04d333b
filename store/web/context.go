package web

import (
	"context"
	"net/http"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/locale"
)

// Selection is what the Handler decided about a request: the market, the
// locale and its formatter, and where they came from. On a market's own
// pages (Explicit reports true) the market came from the path or host; on
// the root page it is the detected market, which the page may suggest.
//
// A Selection is immutable and safe for concurrent use; the Handler
// shares one per market and locale between requests, which is why it
// costs no allocation. Methods of a nil *Selection panic with
// "web: nil *Selection".
type Selection struct {
	site     *Site
	market   *market
	locale   int
	source   Source
	trim     int // bytes of the escaped path that the prefix and locale segment take
	explicit bool
	viaHost  bool // reached as the root of the market's own host: URLs have no prefix
}

func (s *Selection) check() {
	if s == nil {
		panic("web: nil *Selection")
	}
}

// MarketID returns the market's ID.
func (s *Selection) MarketID() string { s.check(); return s.market.ID }

// Market returns the market's configuration, with fresh slices.
func (s *Selection) Market() Market { s.check(); return s.market.public() }

// Explicit reports whether the URL named the market (path prefix or
// host). It is false on the root page, where the market is a suggestion.
func (s *Selection) Explicit() bool { s.check(); return s.explicit }

// Source says where the market came from.
func (s *Selection) Source() Source { s.check(); return s.source }

// Locale returns the negotiated locale, one of the market's Locales.
func (s *Selection) Locale() language.Tag { s.check(); return s.market.Locales[s.locale] }

// Formatter returns the formatter of the market's negotiated locale,
// built once per configuration version.
func (s *Selection) Formatter() *locale.Formatter { s.check(); return s.market.formatters[s.locale] }

// Site returns the configuration version the request was decided with;
// use it (not a newer one) for everything else about the request.
func (s *Selection) Site() *Site { s.check(); return s.site }

// Home returns the local path of the market's home page in the selected
// locale ("/de/", "/ch/fr/").
func (s *Selection) Home() string {
	s.check()
	return s.market.pagePath(s.locale, "/", s.viaHost)
}

// Rest returns the escaped path of r after the market prefix and locale
// segment ("/de/cart" gives "/cart", "/ch/fr/" gives "/"); on the root
// page it returns "/".
func (s *Selection) Rest(r *http.Request) string {
	s.check()
	if !s.explicit {
		return "/"
	}
	p := r.URL.EscapedPath()
	if s.trim >= len(p) {
		return "/"
	}
	return p[s.trim:]
}

// pagePath returns the local path of page (starting with "/") in locale
// k, on the market's own host (no prefix) or by its prefix.
func (m *market) pagePath(k int, page string, viaHost bool) string {
	prefix := m.Prefix
	if viaHost {
		prefix = ""
	}
	if k == 0 {
		return prefix + page
	}
	return prefix + "/" + m.localeSeg[k] + page
}

// ctxKey is the context key of a *Selection; a pointer, so that storing
// it in an interface does not allocate.
type ctxKey struct{ name string }

func (k *ctxKey) String() string { return "web context value " + k.name }

var selectionKey = &ctxKey{"selection"}

// NewContext returns a copy of ctx carrying sel.
func NewContext(ctx context.Context, sel *Selection) context.Context {
	return context.WithValue(ctx, selectionKey, sel)
}

// FromContext returns the Selection the Handler stored in a request's
// context, and whether there is one.
func FromContext(ctx context.Context) (*Selection, bool) {
	s, ok := ctx.Value(selectionKey).(*Selection)
	return s, ok && s != nil
}

// MarketHandler is implemented by a Next handler that wants the
// Selection as an argument rather than in the request context. The
// Handler then calls ServeMarket with the request unchanged, which saves
// the two allocations of context.WithValue and Request.WithContext.
type MarketHandler interface {
	ServeMarket(w http.ResponseWriter, r *http.Request, sel *Selection)
}
