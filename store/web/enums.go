package web

import "github.com/marketkit/marketkit/internal/enum"

// RootPolicy says what the root URL "/" does with the market detected for
// a visitor: suggest it (the zero value, and the default of every group)
// or redirect to it.
//
// Suggest is the default because automatic redirects are what trap
// visitors and crawlers, and because the EU Geo-blocking Regulation
// (2018/302) forbids redirecting a customer to another version of a shop
// without consent: use Redirect only for groups of markets where that is
// allowed and wanted.
type RootPolicy uint8

const (
	// Suggest serves the root page with the detected market in the
	// request's Selection, so that the page can say "Shop in
	// Switzerland?".
	Suggest RootPolicy = iota
	// Redirect answers real navigations to "/" with 302 Found to the
	// detected market's home; crawlers, prefetches and API calls still
	// get the root page.
	Redirect
)

var rootPolicyNames = enum.New[RootPolicy]("RootPolicy", 0, "suggest", "redirect")

// IsValid reports whether p is Suggest or Redirect.
func (p RootPolicy) IsValid() bool { return rootPolicyNames.IsValid(p) }

// String returns "suggest", "redirect", or "RootPolicy(N)".
func (p RootPolicy) String() string { return rootPolicyNames.String(p) }

// AppendText appends the name of p; it refuses an invalid policy.
func (p RootPolicy) AppendText(b []byte) ([]byte, error) {
	out, ok := rootPolicyNames.AppendText(b, p)
	if !ok {
		return b, &Error{Op: "RootPolicy.AppendText", Field: "policy", Value: p.String(), Reason: "not a root policy", Err: ErrInvalidConfig}
	}
	return out, nil
}

// MarshalText returns the name of p; it refuses an invalid policy.
func (p RootPolicy) MarshalText() ([]byte, error) { return p.AppendText(nil) }

// UnmarshalText parses a name with ParseRootPolicy.
func (p *RootPolicy) UnmarshalText(b []byte) error {
	v, err := ParseRootPolicy(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// ParseRootPolicy parses "suggest" or "redirect" (exactly, lower case).
func ParseRootPolicy(s string) (RootPolicy, error) {
	v, ok := rootPolicyNames.Parse(s)
	if !ok {
		return 0, &Error{Op: "ParseRootPolicy", Field: "policy", Value: s, Reason: `want "suggest" or "redirect"`, Err: ErrInvalidConfig}
	}
	return v, nil
}

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
