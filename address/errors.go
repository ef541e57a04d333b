package address

import (
	"errors"
	"strings"

	"github.com/marketkit/marketkit/internal/errtext"
)

// Sentinel errors. Every [*FieldError] wraps exactly one of them, or
// [locale.ErrUnknownCountry] for a country code that is malformed or
// unknown: that sentinel is the library's one, shared with locale,
// pricing and tax, so errors.Is(err, locale.ErrUnknownCountry) holds
// whichever package reported it.
var (
	// ErrRequired reports a field the country requires left blank.
	ErrRequired = errors.New("address: required field is empty")
	// ErrInvalidPostalCode reports a postal code that does not match the
	// country's (or the subdivision's) pattern.
	ErrInvalidPostalCode = errors.New("address: invalid postal code")
	// ErrInvalidSortingCode reports a sorting code ("CEDEX 7") that does
	// not match the country's rule (see [Validate]).
	ErrInvalidSortingCode = errors.New("address: invalid sorting code")
	// ErrUnknownSubdivision reports an administrative area that is none of
	// the country's subdivisions.
	ErrUnknownSubdivision = errors.New("address: unknown subdivision")
	// ErrUnsupportedField reports a filled-in field for which the
	// country's layout has no place.
	ErrUnsupportedField = errors.New("address: field not used in this country")
	// ErrInvalidValue reports a value that is not valid UTF-8 or is longer
	// than MaxFieldLength bytes.
	ErrInvalidValue = errors.New("address: invalid value")
)

// FieldError is one problem with one field of an address. Its message
// has the layout of every marketkit error,
//
//	address: Op: field "value": reason
//
// for example
//
//	address: Validate: postal-code "123": invalid postal code (example "EC1Y 8SY")
//	address: TaxLocation: country "XX": unknown country code
//
// where the value is quoted and cut after 64 bytes (Value keeps it
// whole), and the reason is the sentinel's text, then Reason when there
// is one, then the example. Error and Unwrap never panic, also on the
// zero FieldError or a nil *FieldError.
type FieldError struct {
	// Op is the function that found the problem: "Validate",
	// "TaxLocation" or "Form".
	Op string
	// Field is the name of the field at fault, as [Field.String] gives it
	// ("postal-code"); compare with FieldPostalCode.String().
	Field string
	// Value is the value as given (may be empty).
	Value string
	// Err is the sentinel: ErrRequired, ErrInvalidPostalCode, …, or
	// locale.ErrUnknownCountry.
	Err error
	// Reason is a detail after the sentinel's text ("not valid UTF-8",
	// "surrounding white space"), or "".
	Reason string
	// Pattern is the expected pattern (a regular expression matched
	// against the whole value, or against its start for a subdivision's
	// postal code prefix), for ErrInvalidPostalCode and
	// ErrInvalidSortingCode.
	Pattern string
	// Example is a valid value, when the data has one.
	Example string
}

// Error returns the message described on [FieldError].
func (e *FieldError) Error() string {
	if e == nil {
		return "address: <nil>"
	}
	var b strings.Builder
	b.WriteString("address: ")
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
	b.WriteString(reasonOf(e.Err))
	if e.Reason != "" {
		b.WriteString(": ")
		b.WriteString(e.Reason)
	}
	if e.Example != "" {
		b.WriteString(" (example ")
		b.WriteString(errtext.Quote(e.Example))
		b.WriteByte(')')
	}
	return b.String()
}

// reasonOf returns the text of a sentinel without its package prefix.
func reasonOf(err error) string {
	if err == nil {
		return "invalid value"
	}
	s := err.Error()
	if i := strings.Index(s, ": "); i > 0 && !strings.ContainsAny(s[:i], " \"") {
		s = s[i+2:] // "address: " or "locale: "
	}
	return s
}

// Unwrap returns the sentinel Err.
func (e *FieldError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// ValidationError holds every problem [Validate] (or [Address.TaxLocation])
// found, in the order of its checks: invalid values, required fields,
// unsupported fields, the subdivision, the postal code, the sorting code.
// errors.As(err, &fe) with fe a *FieldError finds the first one;
// errors.Is(err, ErrRequired) reports whether any is a required field.
type ValidationError struct {
	// Errors lists the problems found, at least one when Validate returns
	// the error.
	Errors []*FieldError
}

// Error joins the messages of all field errors with "; ". It never
// panics, also on a nil or empty ValidationError.
func (e *ValidationError) Error() string {
	if e == nil || len(e.Errors) == 0 {
		return "address: invalid address"
	}
	var b strings.Builder
	for i, fe := range e.Errors {
		if i > 0 {
			b.WriteString("; ")
		}
		if fe == nil {
			b.WriteString("address: invalid address")
			continue
		}
		b.WriteString(fe.Error())
	}
	return b.String()
}

// Unwrap returns the field errors, in a new slice.
func (e *ValidationError) Unwrap() []error {
	if e == nil {
		return nil
	}
	out := make([]error, 0, len(e.Errors))
	for _, fe := range e.Errors {
		if fe != nil {
			out = append(out, fe)
		}
	}
	return out
}

// countryReason explains why a country code that is not blank is not one
// [Validate] knows.
func countryReason(code string) string {
	if t := trim(code); t != code && HasMetadata(t) {
		return "surrounding white space (Normalize removes it)"
	}
	return ""
}
