package phone

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
)

// MaxInputLength is the longest input, in bytes, that [Parse] accepts.
// Longer input fails with ErrTooLong before any parsing.
const MaxInputLength = 128

// Sentinel errors; a [*ParseError] unwraps to one of them.
var (
	// ErrTooLong reports an input longer than MaxInputLength bytes, or a
	// number with more digits than any phone number has.
	ErrTooLong = errors.New("phone: input too long")
	// ErrNotANumber reports an input that does not look like a phone
	// number at all.
	ErrNotANumber = errors.New("phone: not a phone number")
	// ErrInvalidCountryCode reports an unknown country calling code, or a
	// national number without a default region.
	ErrInvalidCountryCode = errors.New("phone: invalid or missing country code")
	// ErrTooShort reports a number with too few digits.
	ErrTooShort = errors.New("phone: too short")
	// ErrInvalidRegion reports a default region the phone metadata does not
	// know ("UK", "XX"; "" is allowed).
	ErrInvalidRegion = errors.New("phone: invalid default region")
	// ErrInvalid reports, from ParseValid, a number that parses but is not
	// valid (see Number.IsValid).
	ErrInvalid = errors.New("phone: not a valid number")
)

// ParseError reports why an input is not a usable phone number.
type ParseError struct {
	Input  string // the input as given, cut to MaxInputLength bytes and "…" when longer
	Region string // the default region as given
	Err    error  // one of the sentinel errors
}

// Error returns a message naming the input, the region and the reason.
func (e *ParseError) Error() string {
	return fmt.Sprintf("%v: %q (default region %q)", e.Err, e.Input, e.Region)
}

// Unwrap returns the sentinel error.
func (e *ParseError) Unwrap() error { return e.Err }

// Number is a parsed phone number. The zero Number is empty: IsValid
// reports false and the formats are "". Compare numbers by their E164
// form, not with ==.
type Number struct {
	pn *phonenumbers.PhoneNumber // never modified after Parse
}

// Parse parses s. region is the ISO 3166-1 alpha-2 code of the country to
// assume when s has no international prefix ("+…" or the region's
// international dialling prefix); it may be "" when every input is
// international, and must otherwise be a region the phone metadata knows
// (ErrInvalidRegion: "UK" is not one, "GB" is). A leading "00", the
// international prefix of most of the world, is read as "+" when region is
// "" and, for regions that dial abroad otherwise ("011" in the US), when the
// number would not be valid as a national one but is valid as an
// international one. Letters are read as on a phone keypad
// ("1-800-FLOWERS"); an extension ("ext. 123", ";ext=123") is kept (see
// [Number.Extension]). Parse checks that s looks like a phone number, not
// that it is one: see [Number.IsValid] and [ParseValid].
func Parse(s, region string) (Number, error) {
	if len(s) > MaxInputLength {
		return Number{}, &ParseError{Input: truncate(s), Region: region, Err: ErrTooLong}
	}
	r, ok := regionCode(region)
	if !ok {
		return Number{}, &ParseError{Input: s, Region: region, Err: ErrInvalidRegion}
	}
	intl, hasIntl := internationalZeros(s)
	in := s
	if hasIntl && r == "ZZ" {
		in = intl
	}
	pn, err := phonenumbers.Parse(in, r)
	if hasIntl && (err != nil || !phonenumbers.IsValidNumber(pn)) {
		if pn2, err2 := phonenumbers.Parse(intl, "ZZ"); err2 == nil && phonenumbers.IsValidNumber(pn2) {
			return Number{pn2}, nil
		}
	}
	if err != nil {
		return Number{}, &ParseError{Input: s, Region: region, Err: mapError(err)}
	}
	return Number{pn}, nil
}

// internationalZeros returns s with a leading "00" (after white space)
// replaced by "+", and whether it had one.
func internationalZeros(s string) (string, bool) {
	t := strings.TrimLeft(s, " \t")
	if len(t) > 2 && t[0] == '0' && t[1] == '0' {
		return "+" + t[2:], true
	}
	return s, false
}

// truncate cuts s to MaxInputLength bytes, at a character boundary, and
// marks the cut with "…".
func truncate(s string) string {
	i := MaxInputLength
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// ParseValid parses s as [Parse] does and fails with ErrInvalid when the
// result is not a valid number: the check to run when a form is submitted.
func ParseValid(s, region string) (Number, error) {
	n, err := Parse(s, region)
	if err != nil {
		return n, err
	}
	if !n.IsValid() {
		return Number{}, &ParseError{Input: s, Region: region, Err: ErrInvalid}
	}
	return n, nil
}

// regionCode upper-cases a two-letter region and checks that the phone
// metadata knows it; "" and "ZZ" become phonenumbers' unknown region "ZZ".
func regionCode(r string) (string, bool) {
	switch {
	case r == "":
		return "ZZ", true
	case len(r) != 2:
		return "", false
	}
	b := [2]byte{r[0], r[1]}
	for i, c := range b {
		switch {
		case 'a' <= c && c <= 'z':
			b[i] = c - ('a' - 'A')
		case 'A' <= c && c <= 'Z':
		default:
			return "", false
		}
	}
	code := r
	if b != [2]byte{r[0], r[1]} {
		code = string(b[:])
	}
	if code != "ZZ" && phonenumbers.GetCountryCodeForRegion(code) == 0 {
		return "", false // not a region of the phone metadata ("UK", "XX")
	}
	return code, true
}

func mapError(err error) error {
	switch {
	case errors.Is(err, phonenumbers.ErrInvalidCountryCode):
		return ErrInvalidCountryCode
	case errors.Is(err, phonenumbers.ErrTooShortNSN), errors.Is(err, phonenumbers.ErrTooShortAfterIDD):
		return ErrTooShort
	case errors.Is(err, phonenumbers.ErrNumTooLong):
		return ErrTooLong
	}
	return ErrNotANumber
}

// IsValid reports whether n is a valid number for its region, per the
// libphonenumber metadata (length and number ranges).
func (n Number) IsValid() bool {
	return n.pn != nil && phonenumbers.IsValidNumber(n.pn)
}

// Region returns the ISO 3166-1 code of the region n belongs to, "001" for
// non-geographic numbers, or "" when unknown.
func (n Number) Region() string {
	if n.pn == nil {
		return ""
	}
	r := phonenumbers.GetRegionCodeForNumber(n.pn)
	if r == "ZZ" {
		return ""
	}
	return r
}

// CountryCode returns the country calling code (49 for Germany), or 0 for
// the zero Number.
func (n Number) CountryCode() int {
	if n.pn == nil {
		return 0
	}
	return int(n.pn.GetCountryCode())
}

// Type returns the kind of line n is, Unknown when the metadata cannot say.
func (n Number) Type() Type {
	if n.pn == nil {
		return Unknown
	}
	switch phonenumbers.GetNumberType(n.pn) {
	case phonenumbers.FIXED_LINE:
		return FixedLine
	case phonenumbers.MOBILE:
		return Mobile
	case phonenumbers.FIXED_LINE_OR_MOBILE:
		return FixedLineOrMobile
	case phonenumbers.TOLL_FREE:
		return TollFree
	case phonenumbers.PREMIUM_RATE:
		return PremiumRate
	case phonenumbers.SHARED_COST:
		return SharedCost
	case phonenumbers.VOIP:
		return VoIP
	case phonenumbers.PERSONAL_NUMBER:
		return Personal
	case phonenumbers.PAGER:
		return Pager
	case phonenumbers.UAN:
		return UAN
	case phonenumbers.VOICEMAIL:
		return Voicemail
	}
	return Unknown
}

func (n Number) format(f phonenumbers.PhoneNumberFormat) string {
	if n.pn == nil {
		return ""
	}
	return phonenumbers.Format(n.pn, f)
}

// Extension returns the extension of n ("123" of "+1 650-253-0000 ext.
// 123"), or "".
func (n Number) Extension() string {
	if n.pn == nil {
		return ""
	}
	return n.pn.GetExtension()
}

// E164 returns n in E.164 form ("+14155552671"): the form to store. E.164
// has no extension: store [Number.Extension] beside it, or the RFC 3966
// form, which keeps it.
func (n Number) E164() string { return n.format(phonenumbers.E164) }

// International returns n in international format ("+1 415-555-2671"),
// with the extension if any (" ext. 123").
func (n Number) International() string { return n.format(phonenumbers.INTERNATIONAL) }

// National returns n in its country's national format ("(415) 555-2671"),
// with the extension if any.
func (n Number) National() string { return n.format(phonenumbers.NATIONAL) }

// RFC3966 returns n as a tel: URI ("tel:+1-415-555-2671"), with the
// extension if any (";ext=123").
func (n Number) RFC3966() string { return n.format(phonenumbers.RFC3966) }

// String returns the E.164 form.
func (n Number) String() string { return n.E164() }

// Type is the kind of line a number belongs to.
type Type uint8

// The types of [Number.Type].
const (
	Unknown Type = iota
	FixedLine
	Mobile
	// FixedLineOrMobile is for regions where the two share number ranges
	// (the US, Canada).
	FixedLineOrMobile
	TollFree
	PremiumRate
	SharedCost
	VoIP
	Personal
	Pager
	UAN // universal access number (company number)
	Voicemail
)

var typeNames = [...]string{
	Unknown: "unknown", FixedLine: "fixed_line", Mobile: "mobile", FixedLineOrMobile: "fixed_line_or_mobile",
	TollFree: "toll_free", PremiumRate: "premium_rate", SharedCost: "shared_cost", VoIP: "voip",
	Personal: "personal", Pager: "pager", UAN: "uan", Voicemail: "voicemail",
}

// String returns the snake_case name of t ("toll_free").
func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return "unknown"
}
