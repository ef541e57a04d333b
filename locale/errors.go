package locale

import (
	"errors"
	"strings"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/internal/errtext"
)

// The sentinels of the package. Every error a function of the package
// returns is an *[Error] that wraps one of them, so errors.Is works.
//
// [ErrUnknownCurrency] and [ErrUnknownCountry] are the library's shared
// sentinels: pricing, tax, address, catalog and store wrap these two (and
// no look-alike of their own) for an unknown or malformed ISO 4217
// currency or ISO 3166-1 country code, so
// errors.Is(err, locale.ErrUnknownCurrency) holds whichever package
// reported it.
var (
	// ErrUnknownCurrency reports a currency code that is malformed or not
	// an ISO 4217 code this package knows (see [CurrencyInfo]).
	ErrUnknownCurrency = errors.New("locale: unknown currency code")
	// ErrUnknownCountry reports a country code that is malformed or not an
	// ISO 3166-1 alpha-2 code this package knows (see [CountryInfo]).
	ErrUnknownCountry = errors.New("locale: unknown country code")
	// ErrInvalidTag reports a string that is not a well-formed BCP 47
	// language tag, or one longer than MaxTagLength.
	ErrInvalidTag = errors.New("locale: invalid language tag")
	// ErrUnsupportedLocale reports a language tag for which CLDR has no
	// modern-coverage number and date data.
	ErrUnsupportedLocale = errors.New("locale: unsupported locale")
	// ErrOutOfRange reports a number too large to format (see
	// MaxIntegerDigits), or date arithmetic outside years 1 to 9999. A
	// number too precise is rounded, never an error.
	ErrOutOfRange = errors.New("locale: out of range")
	// ErrInvalidOption reports a FormatOptions field, or the text of an
	// enumerated value (a RoundingMode, a Style, …), outside its defined
	// constants.
	ErrInvalidOption = errors.New("locale: invalid option")
	// ErrInvalidDate reports text that is not an ISO 8601 calendar date
	// "YYYY-MM-DD" of a day that exists in years 1 to 9999.
	ErrInvalidDate = errors.New("locale: invalid date")
)

// Error is the error type of the package. Its message has the layout of
// every marketkit error,
//
//	locale: Op: Field "Value": reason
//
// for example
//
//	locale: Currency: code "EURO": unknown currency code
//	locale: Parse: tag "e n": invalid language tag: tag is not well-formed
//
// where the value is quoted and cut after 64 bytes (so an error never
// echoes a megabyte of input) and the reason is the sentinel's text
// followed by the Reason detail when there is one. Error and Unwrap never
// panic, also on the zero Error or a nil *Error.
type Error struct {
	Op     string // the function or method, e.g. "NewFormatter"
	Field  string // the offending argument or option, e.g. "code", "Display"
	Value  string // the offending input as given (quoted and cut in the message)
	Err    error  // the sentinel: ErrUnknownCurrency, ErrInvalidTag, …
	Reason string // detail after the sentinel's text, e.g. "longer than 100 bytes"; may be empty
}

// Error returns the message described on [Error].
func (e *Error) Error() string {
	if e == nil {
		return "locale: <nil>"
	}
	var b strings.Builder
	b.WriteString("locale: ")
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
	reason := "invalid value"
	if e.Err != nil {
		reason = strings.TrimPrefix(e.Err.Error(), "locale: ")
	}
	b.WriteString(reason)
	if e.Reason != "" {
		b.WriteString(": ")
		b.WriteString(e.Reason)
	}
	return b.String()
}

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

func newError(op, field, value string, err error, reason string) *Error {
	return &Error{Op: op, Field: field, Value: value, Err: err, Reason: reason}
}

// NormalizeCountry returns code, an ISO 3166-1 alpha-2 country code that
// [CountryInfo] knows, in upper case ("de" → "DE"). Any other input,
// including one with surrounding spaces, is an *Error wrapping
// [ErrUnknownCountry]: codes are never trimmed or guessed. It is the
// library's one rule for country codes; other packages call it. It does
// not allocate.
func NormalizeCountry(code string) (string, error) {
	i, ok := countryIndex(code)
	if !ok {
		return "", newError("NormalizeCountry", "country", code, ErrUnknownCountry, "")
	}
	return countryCodes[i*2 : i*2+2], nil
}

// NormalizeCurrency returns code, an ISO 4217 currency code that
// [CurrencyInfo] knows (current or historical), in upper case ("eur" →
// "EUR"). Any other input, including one with surrounding spaces, is an
// *Error wrapping [ErrUnknownCurrency]. It is the library's one rule for
// currency codes; other packages call it. It does not allocate.
func NormalizeCurrency(code string) (string, error) {
	i, ok := currencyIndex(code)
	if !ok {
		return "", newError("NormalizeCurrency", "currency", code, ErrUnknownCurrency, "")
	}
	return currencyCodes[i*3 : i*3+3], nil
}

// unsupported returns the ErrUnsupportedLocale error of op for tag.
func unsupported(op string, tag language.Tag) *Error {
	return newError(op, "locale", tag.String(), ErrUnsupportedLocale, "CLDR has no modern number and date data for it")
}

// dataError reports CLDR data of tag that the formatter cannot use (a
// pattern it does not support); the tests compile every locale's data, so
// it signals a generator bug.
func dataError(tag language.Tag, err error) *Error {
	if e, ok := err.(*Error); ok {
		return e
	}
	return newError("NewFormatter", "locale", tag.String(), ErrUnsupportedLocale, err.Error())
}
