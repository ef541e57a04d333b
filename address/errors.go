package address

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Sentinel errors, one per [Code] in the same order (ErrRequired for
// CodeRequired, …); a [*FieldError] unwraps to the one of its Code.
var (
	ErrRequired           = errors.New("address: required field is empty")
	ErrInvalidPostalCode  = errors.New("address: invalid postal code")
	ErrUnknownSubdivision = errors.New("address: unknown subdivision")
	ErrUnsupportedField   = errors.New("address: field not used in this country")
	ErrUnknownCountry     = errors.New("address: unknown country")
	ErrInvalidValue       = errors.New("address: invalid value")
)

// Code classifies a [FieldError]. Its values are stable snake_case strings,
// fit for an API response.
type Code string

// The codes of [FieldError]; [Validate] documents when each is reported.
const (
	CodeRequired           Code = "required"
	CodeInvalidPostalCode  Code = "invalid_postal_code"
	CodeUnknownSubdivision Code = "unknown_subdivision"
	CodeUnsupportedField   Code = "unsupported_field"
	CodeUnknownCountry     Code = "unknown_country"
	// CodeInvalidValue is for values that are not valid UTF-8 or longer
	// than MaxFieldLength bytes.
	CodeInvalidValue Code = "invalid_value"
)

// maxMessageValue bounds the part of a value quoted in an error message.
const maxMessageValue = 64

// FieldError is one problem with one field of an address.
type FieldError struct {
	Field Field  // the field at fault
	Code  Code   // what is wrong
	Value string // the value as given (may be empty)
	// Pattern is the expected postal code pattern (a regular expression
	// matched against the whole value, or against its start for a
	// subdivision's prefix), for CodeInvalidPostalCode.
	Pattern string
	// Example is a valid value, when the data has one.
	Example string
}

// Error returns a message naming the field, the value and the problem. A
// value longer than 64 bytes is cut short with "…" in the message (Value
// keeps it whole).
func (e *FieldError) Error() string {
	var b strings.Builder
	v := e.Value
	if len(v) > maxMessageValue {
		i := maxMessageValue
		for i > 0 && !utf8.RuneStart(v[i]) {
			i--
		}
		v = v[:i] + "…"
	}
	fmt.Fprintf(&b, "address: %s %q: %s", e.Field, v, e.Code)
	if e.Example != "" {
		fmt.Fprintf(&b, " (example %q)", e.Example)
	}
	return b.String()
}

// Unwrap returns the sentinel error of e.Code.
func (e *FieldError) Unwrap() error {
	switch e.Code {
	case CodeRequired:
		return ErrRequired
	case CodeInvalidPostalCode:
		return ErrInvalidPostalCode
	case CodeUnknownSubdivision:
		return ErrUnknownSubdivision
	case CodeUnsupportedField:
		return ErrUnsupportedField
	case CodeUnknownCountry:
		return ErrUnknownCountry
	}
	return ErrInvalidValue
}

// ValidationError holds every problem [Validate] found, in the order of its
// checks: invalid values, required fields, unsupported fields, the
// subdivision, the postal code.
// errors.As(err, &fe) with fe a *FieldError finds the first one;
// errors.Is(err, ErrRequired) reports whether any is a required field.
type ValidationError struct {
	// Errors lists the problems found, at least one.
	Errors []*FieldError
}

// Error joins the messages of all field errors.
func (e *ValidationError) Error() string {
	msgs := make([]string, len(e.Errors))
	for i, fe := range e.Errors {
		msgs[i] = fe.Error()
	}
	return strings.Join(msgs, "; ")
}

// Unwrap returns the field errors.
func (e *ValidationError) Unwrap() []error {
	out := make([]error, len(e.Errors))
	for i, fe := range e.Errors {
		out[i] = fe
	}
	return out
}
