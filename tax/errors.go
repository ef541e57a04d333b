package tax

import (
	"errors"
	"strconv"
)

// Sentinel errors. Every error the package itself returns wraps one of
// them, so callers can test the category with errors.Is and the details
// with errors.As on the typed errors below. Two kinds of errors pass
// through unchanged: the context's error from Calculate (context.Canceled,
// context.DeadlineExceeded) and a wrapped Verifier's own errors from
// CachingVerifier.Verify.
var (
	// ErrUnknownCountry reports a country (or zone) for which no tax data
	// is known. The package never falls back to a silent 0 %.
	ErrUnknownCountry = errors.New("tax: unknown country")
	// ErrUnknownCategory reports a category or product tax class that has
	// no rate in the resolved tax type, or no mapping for the country.
	ErrUnknownCategory = errors.New("tax: unknown category")
	// ErrNoRate reports a rate that exists but has no amount in force on
	// the requested date.
	ErrNoRate = errors.New("tax: no rate in force on date")
	// ErrInvalidInput reports a malformed request field (date, address,
	// policy, quantity, amount, currency).
	ErrInvalidInput = errors.New("tax: invalid input")
	// ErrInvalidData reports rate data (built-in or host-supplied) that
	// fails validation: syntax, overlapping periods, unknown zones.
	ErrInvalidData = errors.New("tax: invalid data")
	// ErrInvalidVATNumber reports a VAT number that fails normalization,
	// format or checksum validation.
	ErrInvalidVATNumber = errors.New("tax: invalid VAT number")
	// ErrOverflow reports an amount outside the range the exact int64
	// arithmetic can represent.
	ErrOverflow = errors.New("tax: amount overflow")
	// ErrVerifierUnavailable is returned by Verifier implementations when
	// the online service cannot answer (timeouts, maintenance).
	ErrVerifierUnavailable = errors.New("tax: verification service unavailable")
)

// FieldError is a typed error naming the field and the offending value.
// Err is one of the package sentinels.
type FieldError struct {
	Field string // e.g. "customer.country", "line[3].class", "percent"
	Value string // the offending value, verbatim
	Msg   string // optional detail
	Err   error  // sentinel
}

// Error implements error, e.g.
// `tax: unknown country: customer.country "ZZ"`.
func (e *FieldError) Error() string {
	s := e.Err.Error() + ": " + e.Field + " " + strconv.Quote(e.Value)
	if e.Msg != "" {
		s += ": " + e.Msg
	}
	return s
}

// Unwrap returns the sentinel.
func (e *FieldError) Unwrap() error { return e.Err }

func fieldErr(sentinel error, field, value, msg string) error {
	return &FieldError{Field: field, Value: value, Msg: msg, Err: sentinel}
}

// LookupError reports a failed rate lookup: the tax type, category and
// date that had no amount. Err is ErrUnknownCountry, ErrUnknownCategory or
// ErrNoRate.
type LookupError struct {
	Type     string
	Category Category
	Date     Date
	Err      error
}

// Error implements error.
func (e *LookupError) Error() string {
	s := e.Err.Error() + ": type " + strconv.Quote(e.Type)
	if e.Category != 0 {
		s += " category " + e.Category.String()
	}
	if !e.Date.IsZero() {
		s += " on " + e.Date.String()
	}
	return s
}

// Unwrap returns the sentinel.
func (e *LookupError) Unwrap() error { return e.Err }
