package web

import (
	"errors"

	"github.com/marketkit/marketkit/internal/errtext"
)

// Sentinel errors. Every error this package returns wraps one of them, so
// callers can test the category with errors.Is; the wrapping *Error
// carries the operation, the field and the offending value.
var (
	// ErrInvalidConfig reports a market configuration that NewSite
	// refuses: a duplicate ID or prefix, an unknown default market, a
	// malformed origin URL, a market without locales, …
	ErrInvalidConfig = errors.New("web: invalid configuration")
	// ErrUnsafeRedirect reports a redirect target that is not a same-site
	// relative path (see LocalPath).
	ErrUnsafeRedirect = errors.New("web: unsafe redirect target")
)

// Error is the typed error of this package: it names the operation, the
// offending field and its value, says why, and wraps a sentinel error.
type Error struct {
	Op     string // the function, e.g. "NewSite"
	Field  string // the offending field, e.g. "markets[2].prefix"
	Value  string // the offending input, as given (the message shows at most 64 bytes of it)
	Reason string // why the value is wrong, e.g. "duplicate prefix"
	Err    error  // the sentinel, e.g. ErrInvalidConfig
}

// Error returns a message of the form `web: Op: field "value": reason`,
// such as `web: NewSite: markets[1].prefix "/de": duplicate of markets[0]`.
// The zero Error and a nil *Error do not panic.
func (e *Error) Error() string {
	if e == nil {
		return "web: <nil>"
	}
	b := make([]byte, 0, 80+len(e.Op)+len(e.Field)+len(e.Reason))
	b = append(b, "web: "...)
	if e.Op != "" {
		b = append(b, e.Op...)
		b = append(b, ": "...)
	}
	if e.Field != "" {
		b = append(b, e.Field...)
		b = append(b, ' ')
	}
	b = errtext.AppendQuote(b, e.Value)
	b = append(b, ": "...)
	switch {
	case e.Reason != "":
		b = append(b, e.Reason...)
	case e.Err != nil:
		b = append(b, e.Err.Error()...)
	default:
		b = append(b, "invalid"...)
	}
	return string(b)
}

// Unwrap returns the sentinel error.
func (e *Error) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}
