package tax

import (
	"errors"
	"strings"

	"github.com/marketkit/marketkit/internal/errtext"
	"github.com/marketkit/marketkit/locale"
)

// Sentinel errors. Every error the package itself returns is an [*Error]
// or a [*LookupError] wrapping one of them, so callers can test the
// category with errors.Is and the details with errors.As. Two kinds of
// errors pass through unchanged: the context's error from Calculate
// (context.Canceled, context.DeadlineExceeded) and the errors of package
// vat, which Calculate wraps (a malformed customer VAT number is a
// *vat.Error inside an *Error).
//
// [ErrUnknownCountry] and [ErrUnknownCurrency] also match the library's
// shared sentinels: errors.Is(err, locale.ErrUnknownCountry) holds for
// every error of this package that wraps ErrUnknownCountry, and likewise
// for currencies.
var (
	// ErrUnknownCountry reports a country code that is not an ISO 3166-1
	// alpha-2 code, or a country, subdivision or zone for which no tax
	// data is known. The package never falls back to a silent 0 %. It
	// matches locale.ErrUnknownCountry.
	ErrUnknownCountry error = &sharedSentinel{"tax: unknown country", locale.ErrUnknownCountry}
	// ErrUnknownCurrency reports a currency code that is not an ISO 4217
	// code, or an amount in another currency than the request's. It
	// matches locale.ErrUnknownCurrency.
	ErrUnknownCurrency error = &sharedSentinel{"tax: unknown currency", locale.ErrUnknownCurrency}
	// ErrUnknownCategory reports a category or product tax class that has
	// no rate in the resolved tax type, or no mapping for the country.
	ErrUnknownCategory = errors.New("tax: unknown category")
	// ErrNoTaxRate reports a rate that exists but has no percentage in
	// force on the requested date.
	ErrNoTaxRate = errors.New("tax: no tax rate in force on date")
	// ErrInvalidInput reports a malformed request field (date, address,
	// policy, quantity, amount, registration, VAT number).
	ErrInvalidInput = errors.New("tax: invalid input")
	// ErrInvalidData reports rate data (built-in or host-supplied) that
	// fails validation: syntax, size, overlapping periods, unknown zones.
	ErrInvalidData = errors.New("tax: invalid data")
	// ErrOverflow reports an amount outside the range the exact int64
	// arithmetic can represent.
	ErrOverflow = errors.New("tax: amount overflow")
)

// sharedSentinel is a sentinel of this package that also matches one of
// locale's shared sentinels.
type sharedSentinel struct {
	msg    string
	shared error
}

func (s *sharedSentinel) Error() string        { return s.msg }
func (s *sharedSentinel) Is(target error) bool { return target == s.shared }

// Error is the typed error of the package: the operation, the offending
// field and its value, the sentinel and the reason. Its message has the
// layout of every marketkit error,
//
//	tax: Op: field "value": reason
//
// for example
//
//	tax: Calculate: customer.address.country "ZZ": unknown country: want an ISO 3166-1 alpha-2 code such as DE
//	tax: Calculate: store.registrations[0] "us_ny": invalid input: names no tax type, zone or country with tax data; did you mean us-ny, us_ny_sales?
//
// The value is quoted and cut after 64 bytes, so an error never echoes a
// megabyte of input; the reason is the sentinel's text followed by Reason
// when there is one. Error never panics, also on the zero or a nil *Error.
type Error struct {
	Op     string // the function or method, e.g. "Calculate", "Build"
	Field  string // the offending field, e.g. "customer.address.country", "lines[3].tax_category"
	Value  string // the offending input as given (quoted and cut in the message)
	Err    error  // the sentinel: ErrUnknownCountry, ErrInvalidInput, …
	Reason string // detail after the sentinel's text; may be empty
}

// Error returns the message described on [Error].
func (e *Error) Error() string {
	if e == nil {
		return "tax: <nil>"
	}
	var b strings.Builder
	b.WriteString("tax: ")
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteByte(' ')
	}
	b.WriteString(errtext.Quote(e.Value))
	b.WriteString(": ")
	writeReason(&b, e.Err, e.Reason)
	return b.String()
}

// writeReason writes the sentinel's text without its package prefix, then
// the detail; "invalid value" when both are missing.
func writeReason(b *strings.Builder, err error, detail string) {
	s := ""
	if err != nil {
		if _, wrapped := err.(interface{ Unwrap() error }); wrapped && detail != "" {
			// A wrapped error of another package (a *vat.Error): its
			// reason is the detail; its own message would repeat the value.
			b.WriteString(detail)
			return
		}
		s = err.Error()
		if i := strings.Index(s, ": "); i >= 0 && i < 10 && !strings.Contains(s[:i], " ") {
			s = s[i+2:] // "tax: unknown country" → "unknown country"
		}
	}
	switch {
	case s == "" && detail == "":
		b.WriteString("invalid value")
	case s == "":
		b.WriteString(detail)
	case detail == "":
		b.WriteString(s)
	default:
		b.WriteString(s)
		b.WriteString(": ")
		b.WriteString(detail)
	}
}

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

func fieldErr(sentinel error, field, value, reason string) error {
	return &Error{Field: field, Value: value, Err: sentinel, Reason: reason}
}

// withOp sets the operation of the package's own error err when it has
// none yet, and returns err.
func withOp(err error, op string) error {
	var e *Error
	if errors.As(err, &e) && e.Op == "" {
		e.Op = op
	}
	var le *LookupError
	if errors.As(err, &le) && le.Op == "" {
		le.Op = op
	}
	return err
}

// LookupError reports a failed rate lookup: the tax type, category and
// date that had no rate. Err is ErrUnknownCountry (no such type),
// ErrUnknownCategory or ErrNoTaxRate. Like every marketkit error it has
// the fields Op, Field, Value and Err: Field is "type" and Value the tax
// type ID. Its message has the layout of [Error]:
//
//	tax: Lookup: type "de_vat": no tax rate in force on date: category reduced on 1980-01-01
//
// Error never panics, also on the zero or a nil *LookupError.
type LookupError struct {
	Op       string // "Lookup", "Rate" or the operation that looked the rate up
	Field    string // "type"
	Value    string // the tax type ID, as given (quoted and cut in the message)
	Category Category
	Date     Date
	Err      error
}

// Error returns the message described on [LookupError].
func (e *LookupError) Error() string {
	if e == nil {
		return "tax: <nil>"
	}
	var b strings.Builder
	b.WriteString("tax: ")
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteByte(' ')
	}
	b.WriteString(errtext.Quote(e.Value))
	b.WriteString(": ")
	var d strings.Builder
	if e.Category != 0 {
		d.WriteString("category ")
		d.WriteString(e.Category.String())
	}
	if !e.Date.IsZero() {
		if d.Len() > 0 {
			d.WriteByte(' ')
		}
		d.WriteString("on ")
		d.WriteString(e.Date.String())
	}
	writeReason(&b, e.Err, d.String())
	return b.String()
}

// Unwrap returns the sentinel.
func (e *LookupError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}
