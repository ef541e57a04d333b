package web

import (
	"strings"

	"github.com/marketkit/marketkit/internal/enum"
	"github.com/marketkit/marketkit/store"
)

// RootPolicy says what the root URL "/" does with the market detected
// for a visitor. It is the store's type (store.RootPolicy), so that a
// configuration's groups need no translation; the zero value, Suggest, is
// the default of every group. The policy of the detected market's group
// applies.
//
// Suggest is the default because automatic redirects are what trap
// visitors and crawlers, and because the EU Geo-blocking Regulation
// (2018/302) forbids redirecting a customer to another version of a shop
// without consent: use Redirect only for groups of markets where that is
// allowed and wanted.
type RootPolicy = store.RootPolicy

const (
	// Suggest serves the root page with the detected market in the
	// request's Selection, so that the page can say "Shop in
	// Switzerland?".
	Suggest = store.RootSuggest
	// Redirect answers real navigations to "/" with 302 Found to the
	// detected market's home; crawlers, prefetches and API calls get the
	// root page as with Suggest.
	Redirect = store.RootRedirect
	// Stay serves the root page with the default market and no
	// suggestion (the Selection's Source is FromDefault).
	Stay = store.RootStay
)

// Source says where the market (or locale) of a request came from.
type Source uint8

const (
	// FromPath: the URL path prefix named the market (or its locale segment the locale).
	FromPath Source = iota
	// FromHost: the request's host belongs to the market.
	FromHost
	// FromQuery: the ?market= (or ?lang=) query parameter.
	FromQuery
	// FromCookie: the stored preference cookie.
	FromCookie
	// FromGeo: the trusted CDN geolocation header.
	FromGeo
	// FromAcceptLanguage: the best Accept-Language match.
	FromAcceptLanguage
	// FromDefault: nothing else decided; the configured default.
	FromDefault
)

var sourceNames = enum.New[Source]("Source", 0, "path", "host", "query", "cookie", "geo", "accept-language", "default")

// IsValid reports whether s is one of the named sources.
func (s Source) IsValid() bool { return sourceNames.IsValid(s) }

// String returns the source's name ("cookie", "accept-language", …) or "Source(N)".
func (s Source) String() string { return sourceNames.String(s) }

// AppendText appends the name of s; it refuses an invalid value.
func (s Source) AppendText(b []byte) ([]byte, error) {
	out, ok := sourceNames.AppendText(b, s)
	if !ok {
		return b, &Error{Op: "Source.AppendText", Field: "source", Value: s.String(), Reason: "not a source", Err: ErrInvalidConfig}
	}
	return out, nil
}

// MarshalText returns the name of s; it refuses an invalid value.
func (s Source) MarshalText() ([]byte, error) { return s.AppendText(nil) }

// ParseSource parses a source name as String returns it ("cookie");
// anything else is an *Error.
func ParseSource(v string) (Source, error) {
	s, ok := sourceNames.Parse(v)
	if !ok {
		return 0, &Error{Op: "ParseSource", Field: "source", Value: v, Reason: "not a source (want one of " + strings.Join(sourceNames.All(), ", ") + ")", Err: ErrInvalidConfig}
	}
	return s, nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseSource.
func (s *Source) UnmarshalText(b []byte) error {
	v, err := ParseSource(string(b))
	if err == nil {
		*s = v
	}
	return err
}
