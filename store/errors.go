package store

import (
	"errors"
	"strings"

	"github.com/marketkit/marketkit/internal/errtext"
)

// Sentinel errors. Every error of the package is an *Error wrapping one of
// these (or a sentinel of another package, such as
// locale.ErrUnknownCurrency), so that errors.Is tells the category and
// errors.As gives the field and the value.
var (
	// ErrSyntax: the configuration is not valid JSON.
	ErrSyntax = errors.New("invalid JSON")
	// ErrUnknownField: an object has a key the schema does not define
	// (a misspelt key is never silently ignored).
	ErrUnknownField = errors.New("unknown field")
	// ErrDuplicateKey: an object has the same key twice.
	ErrDuplicateKey = errors.New("duplicate key")
	// ErrType: a value has the wrong JSON type (a number where a string
	// is expected, …).
	ErrType = errors.New("wrong type")
	// ErrInvalid: a value is well-typed but not acceptable (an unknown
	// enum name, a malformed time of day, an empty required field, …).
	ErrInvalid = errors.New("invalid value")
	// ErrTooLarge: the input exceeds a documented limit (MaxConfigSize,
	// MaxDepth, MaxMarkets).
	ErrTooLarge = errors.New("input too large")
	// ErrUnknownMarket: a market ID that the configuration does not have.
	ErrUnknownMarket = errors.New("unknown market")
	// ErrNotModified is returned by a ConfigSource whose configuration has
	// not changed since the version the caller named (HTTP 304).
	ErrNotModified = errors.New("not modified")
	// ErrNotSold: a product or SKU that is not sold in the market.
	ErrNotSold = errors.New("not sold in this market")
	// ErrMaintenance: the market is in a maintenance window.
	ErrMaintenance = errors.New("market in maintenance")
	// ErrStale: the cached configuration is older than the maximum
	// staleness and the source still fails.
	ErrStale = errors.New("configuration too stale")
)

// Error is the package's typed error. Its message has the layout
// `store: Op: field "value": reason`, e.g.
//
//	store: Decode: markets.de.currency "EURO": wrong type
//
// Field is a JSON path into the configuration (markets.de.locales[1]) or
// the name of an argument. Value is the offending input, quoted and
// truncated to 64 bytes in the message. A zero Error prints without
// panicking.
type Error struct {
	Op    string // the function, e.g. "Decode", "Check", "Quote"
	Field string // the JSON path or argument, e.g. "markets.de.currency"
	Value string // the offending value, verbatim
	Err   error  // the reason: a sentinel of this or another package
}

// Error returns the message described on Error.
func (e *Error) Error() string {
	if e == nil {
		return "store: <nil>"
	}
	var b strings.Builder
	b.WriteString("store: ")
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteByte(' ')
	}
	if e.Field != "" || e.Value != "" {
		b.WriteString(errtext.Quote(e.Value))
		b.WriteString(": ")
	}
	if e.Err != nil {
		b.WriteString(strings.TrimPrefix(e.Err.Error(), "store: "))
	} else {
		b.WriteString("error")
	}
	return b.String()
}

// Unwrap returns the reason.
func (e *Error) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// reason wraps a sentinel with a detail: errors.Is still matches the
// sentinel and the message reads "sentinel: detail".
type reason struct {
	err    error
	detail string
}

func (r *reason) Error() string {
	if r.detail == "" {
		return r.err.Error()
	}
	return r.err.Error() + ": " + r.detail
}
func (r *reason) Unwrap() error { return r.err }

func because(err error, detail string) error { return &reason{err: err, detail: detail} }

// Errors returns the *Error values joined in err (by errors.Join), or err
// itself when it is one; it returns nil for nil. Use it to list every
// problem of a rejected configuration.
func Errors(err error) []*Error {
	if err == nil {
		return nil
	}
	var out []*Error
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		var se *Error
		if errors.As(e, &se) {
			out = append(out, se)
		}
	}
	walk(err)
	return out
}
