package pricing

import (
	"errors"
	"strings"

	"github.com/marketkit/marketkit/internal/errtext"
	"github.com/marketkit/marketkit/locale"
)

// Sentinel errors. Every error returned by this package wraps one of them
// (or [locale.ErrUnknownCurrency] for an unknown currency code), so callers
// can test the category with errors.Is; the wrapping error (*Error,
// *MismatchError or *NoPriceError) carries the details.
var (
	// ErrSyntax reports a malformed number, percentage or money text.
	ErrSyntax = errors.New("pricing: invalid syntax")
	// ErrCurrencyMismatch reports arithmetic or comparison across currencies.
	ErrCurrencyMismatch = errors.New("pricing: currency mismatch")
	// ErrDivisionByZero reports a division by zero.
	ErrDivisionByZero = errors.New("pricing: division by zero")
	// ErrRange reports a value outside the supported range (for example a
	// Fixed that does not fit in 18 fraction digits and an int64
	// coefficient, a percentage above 100 %, or a digits argument outside
	// -18..18).
	ErrRange = errors.New("pricing: value out of range")
	// ErrRoundingMode reports an unknown rounding mode (a value outside
	// the seven named modes; the zero mode is RoundHalfEven and valid).
	ErrRoundingMode = errors.New("pricing: invalid rounding mode")
	// ErrNotRounded reports an amount with more fraction digits than the
	// unit it is split or counted in (round it first).
	ErrNotRounded = errors.New("pricing: amount not rounded to the unit")
	// ErrRatio reports invalid allocation ratios (negative, or all zero).
	ErrRatio = errors.New("pricing: invalid ratio")
	// ErrInvalid reports an invalid field in a price list, rule, rate table,
	// discount or order; the *Error's Reason says why.
	ErrInvalid = errors.New("pricing: invalid value")
	// ErrNoPrice reports that no price applies to a SKU in a market.
	ErrNoPrice = errors.New("pricing: no price")
	// ErrNoExchangeRate reports a missing exchange rate.
	ErrNoExchangeRate = errors.New("pricing: no exchange rate")
)

// Error is the typed error of this package: it names the operation, the
// offending field and its value, says why, and wraps a sentinel error.
type Error struct {
	Op     string // the function or method, e.g. "ParseMoney"
	Field  string // the offending field or argument, e.g. "amount" or "items[1].quantity"
	Value  string // the offending input, as given (the message shows at most 64 bytes of it)
	Reason string // why the value is wrong, e.g. "must not be negative"
	Err    error  // the sentinel, e.g. ErrSyntax or locale.ErrUnknownCurrency
}

// Error returns a message of the form `pricing: Op: field "value": reason`,
// such as `pricing: Quote: items[1].quantity "-1": must not be negative`
// or `pricing: ParseMoney: amount "1,5": invalid syntax: want digits with
// an optional sign and point, like -12.50`: the sentinel's text, then the
// reason (the reason alone for ErrInvalid). The value is quoted and cut to
// 64 bytes. The zero Error does not panic.
func (e *Error) Error() string {
	if e == nil {
		return "pricing: <nil>"
	}
	b := make([]byte, 0, 64+len(e.Op)+len(e.Field)+len(e.Reason))
	b = append(b, "pricing: "...)
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
	s := sentinelText(e.Err)
	switch {
	case e.Reason == "":
		b = append(b, s...)
	case s == "invalid value" || s == "":
		// The reason says more than "invalid value".
		b = append(b, e.Reason...)
	default:
		b = append(b, s...)
		b = append(b, ": "...)
		b = append(b, e.Reason...)
	}
	return string(b)
}

// Unwrap returns the wrapped sentinel (nil for a nil *Error).
func (e *Error) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// MismatchError reports an operation on two amounts in different
// currencies. It wraps ErrCurrencyMismatch.
type MismatchError struct {
	Op    string // the method, e.g. "Add"
	Field string // the offending field when the amount came from one (e.g. "items[0].unit_price"), else ""
	Value string // the offending currency code, e.g. "USD"
	Want  string // the currency code expected (the receiver's, the order's or the list's), e.g. "EUR"
	Err   error  // ErrCurrencyMismatch
}

func mismatch(op, field, want, got string) *MismatchError {
	return &MismatchError{Op: op, Field: field, Value: got, Want: want, Err: ErrCurrencyMismatch}
}

// Error returns a message such as `pricing: Add: currency "USD": currency
// mismatch: want EUR` or `pricing: Quote: items[0].unit_price "USD":
// currency mismatch: want EUR`.
func (e *MismatchError) Error() string {
	if e == nil {
		return "pricing: <nil>"
	}
	field := e.Field
	if field == "" {
		field = "currency"
	}
	return "pricing: " + e.Op + ": " + field + " " + errtext.Quote(e.Value) + ": currency mismatch: want " + e.Want
}

// Unwrap returns ErrCurrencyMismatch.
func (e *MismatchError) Unwrap() error { return ErrCurrencyMismatch }

// NoPriceError reports that no price applies to a SKU in a market. It
// wraps ErrNoPrice and, when set, Err: the underlying cause (for example a
// missing exchange rate on the fallback path).
type NoPriceError struct {
	Op     string // the method, e.g. "Resolve"
	Field  string // "sku"
	Value  string // the SKU
	Market string // the list's market
	Err    error  // the cause, or nil
}

// Error returns a message such as
// `pricing: Resolve: sku "A-1": no price in market "de"`, followed by the
// cause when there is one.
func (e *NoPriceError) Error() string {
	if e == nil {
		return "pricing: <nil>"
	}
	s := "pricing: "
	if e.Op != "" {
		s += e.Op + ": "
	}
	field := e.Field
	if field == "" {
		field = "sku"
	}
	s += field + " " + errtext.Quote(e.Value) + ": no price in market " + errtext.Quote(e.Market)
	if e.Err != nil {
		s += ": " + sentinelText(e.Err)
	}
	return s
}

// Unwrap returns ErrNoPrice and the cause, if any.
func (e *NoPriceError) Unwrap() []error {
	if e == nil {
		return nil
	}
	if e.Err == nil {
		return []error{ErrNoPrice}
	}
	return []error{ErrNoPrice, e.Err}
}

func sentinelText(err error) string {
	if err == nil {
		return ""
	}
	s := err.Error()
	// Drop the package prefix of a sentinel ("pricing: ", "locale: ").
	if i := strings.Index(s, ": "); i > 0 && !strings.ContainsRune(s[:i], ' ') {
		s = s[i+2:]
	}
	return s
}

// newError returns an *Error; reason says why the value is wrong.
func newError(op, field, value string, err error, reason string) error {
	return &Error{Op: op, Field: field, Value: value, Err: err, Reason: reason}
}

// decimalReason explains a parseDecimal error.
func decimalReason(err error) string {
	if err == ErrRange {
		return "longer than 100 bytes, or more than 60 integer or 36 fraction digits"
	}
	return "want digits with an optional sign and point, like -12.50"
}

// currencyError reports an unknown currency code; it wraps
// locale.ErrUnknownCurrency.
func currencyError(op, field, code string) error {
	reason := "not an ISO 4217 currency code"
	if code == "" {
		reason = "missing currency code"
	}
	return &Error{Op: op, Field: field, Value: code, Err: locale.ErrUnknownCurrency, Reason: reason}
}
