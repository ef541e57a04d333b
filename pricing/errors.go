package pricing

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors. Every error returned by this package wraps one of them,
// so callers can test the category with errors.Is; the wrapping error
// (*Error, *MismatchError or *NoPriceError) carries the details.
var (
	// ErrSyntax reports a malformed number or money text.
	ErrSyntax = errors.New("pricing: invalid syntax")
	// ErrCurrency reports an unknown or malformed ISO 4217 currency code.
	ErrCurrency = errors.New("pricing: unknown currency")
	// ErrCurrencyMismatch reports arithmetic or comparison across currencies.
	ErrCurrencyMismatch = errors.New("pricing: currency mismatch")
	// ErrDivisionByZero reports a division by zero.
	ErrDivisionByZero = errors.New("pricing: division by zero")
	// ErrRange reports a value outside the supported range (for example a
	// Fixed that does not fit in 18 fraction digits and an int64
	// coefficient, or a digits argument outside -18..18).
	ErrRange = errors.New("pricing: value out of range")
	// ErrRoundingMode reports an unknown rounding mode (including the zero
	// RoundingMode, which is deliberately invalid).
	ErrRoundingMode = errors.New("pricing: invalid rounding mode")
	// ErrNotRounded reports an amount with more fraction digits than the
	// unit it is split or counted in (round it first).
	ErrNotRounded = errors.New("pricing: amount not rounded to the unit")
	// ErrRatio reports invalid allocation ratios (negative, or all zero).
	ErrRatio = errors.New("pricing: invalid ratio")
	// ErrInvalid reports an invalid field in a price list, rule, rate table,
	// discount or order.
	ErrInvalid = errors.New("pricing: invalid value")
	// ErrNoPrice reports that no price applies to a SKU in a market.
	ErrNoPrice = errors.New("pricing: no price")
	// ErrNoRate reports a missing exchange rate.
	ErrNoRate = errors.New("pricing: no exchange rate")
)

// Error is the typed error of this package: it names the operation, the
// offending field and its value, and wraps a sentinel error.
type Error struct {
	Op    string // the function or method, e.g. "ParseMoney"
	Field string // the offending field or argument, e.g. "amount"
	Value string // the offending value, as text
	Err   error  // the sentinel, e.g. ErrSyntax
}

// Error returns a message such as
// `pricing: ParseMoney: amount "1,5": invalid syntax`.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("pricing: ")
	b.WriteString(e.Op)
	b.WriteString(": ")
	b.WriteString(e.Field)
	b.WriteByte(' ')
	b.WriteString(strconv.Quote(e.Value))
	b.WriteString(": ")
	b.WriteString(sentinelText(e.Err))
	return b.String()
}

// Unwrap returns the wrapped sentinel.
func (e *Error) Unwrap() error { return e.Err }

// MismatchError reports an operation on two amounts in different
// currencies. It wraps ErrCurrencyMismatch.
type MismatchError struct {
	Op   string // the method, e.g. "Add"
	A, B string // the two currency codes
}

// Error returns a message such as `pricing: Add: currency mismatch: EUR and USD`.
func (e *MismatchError) Error() string {
	return "pricing: " + e.Op + ": currency mismatch: " + e.A + " and " + e.B
}

// Unwrap returns ErrCurrencyMismatch.
func (e *MismatchError) Unwrap() error { return ErrCurrencyMismatch }

// NoPriceError reports that no price applies to a SKU in a market. It
// wraps ErrNoPrice; Err, when set, is the underlying cause (for example a
// missing exchange rate on the fallback path).
type NoPriceError struct {
	SKU    string
	Market string
	Err    error
}

// Error returns a message such as `pricing: no price for SKU "A-1" in market "de"`.
func (e *NoPriceError) Error() string {
	s := "pricing: no price for SKU " + strconv.Quote(e.SKU) + " in market " + strconv.Quote(e.Market)
	if e.Err != nil {
		s += ": " + sentinelText(e.Err)
	}
	return s
}

// Unwrap returns ErrNoPrice and the cause, if any.
func (e *NoPriceError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrNoPrice}
	}
	return []error{ErrNoPrice, e.Err}
}

func sentinelText(err error) string {
	if err == nil {
		return "<nil>"
	}
	return strings.TrimPrefix(err.Error(), "pricing: ")
}

func newError(op, field, value string, err error) error {
	return &Error{Op: op, Field: field, Value: value, Err: err}
}
