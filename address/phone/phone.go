package phone

import (
	"errors"
	"slices"
	"strings"
	"sync"

	"github.com/marketkit/marketkit/internal/enum"
	"github.com/marketkit/marketkit/internal/errtext"
	"github.com/marketkit/marketkit/locale"
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
	// ErrInvalidType reports the text of a Type that is none of the
	// constants' names, or an undefined Type given to MarshalText.
	ErrInvalidType = errors.New("phone: invalid number type")
)

// ParseError reports why an input is not a usable phone number. Its
// message has the layout of every marketkit error,
//
//	phone: Op: field "value": reason
//
// for example
//
//	phone: Parse: number "+49 1": too short (default region "DE")
//	phone: Parse: region "UK": invalid default region
//
// where the value is quoted and cut after 64 bytes (Value keeps it
// whole). Error and Unwrap never panic, also on the zero ParseError or
// a nil *ParseError.
type ParseError struct {
	Op     string // "Parse" or "ParseValid"
	Field  string // "number", or "region" for ErrInvalidRegion
	Value  string // the offending input as given: the number, or the region
	Region string // the default region as given
	Err    error  // one of the sentinel errors
}

// Error returns the message described on [ParseError].
func (e *ParseError) Error() string {
	if e == nil {
		return "phone: <nil>"
	}
	var b strings.Builder
	b.WriteString("phone: ")
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
	if e.Err != nil {
		b.WriteString(strings.TrimPrefix(e.Err.Error(), "phone: "))
	} else {
		b.WriteString("invalid value")
	}
	if e.Field != "region" && e.Region != "" {
		b.WriteString(" (default region ")
		b.WriteString(errtext.Quote(e.Region))
		b.WriteByte(')')
	}
	return b.String()
}

// Unwrap returns the sentinel error.
func (e *ParseError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// Is reports whether the error is an unknown default region when target
// is [locale.ErrUnknownCountry], the library's one sentinel for country
// codes, so that errors.Is(err, locale.ErrUnknownCountry) holds for a
// phone number as it does for an address, a tax location or a market.
// Other targets are matched through Unwrap.
func (e *ParseError) Is(target error) bool {
	return e != nil && target == locale.ErrUnknownCountry && e.Err == ErrInvalidRegion
}

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
		return Number{}, &ParseError{Op: "Parse", Field: "number", Value: s, Region: region, Err: ErrTooLong}
	}
	r, ok := regionCode(region)
	if !ok {
		return Number{}, &ParseError{Op: "Parse", Field: "region", Value: region, Region: region, Err: ErrInvalidRegion}
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
		return Number{}, &ParseError{Op: "Parse", Field: "number", Value: s, Region: region, Err: mapError(err)}
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

// ParseValid parses s as [Parse] does and fails with ErrInvalid when the
// result is not a valid number: the check to run when a form is submitted.
func ParseValid(s, region string) (Number, error) {
	n, err := Parse(s, region)
	if err != nil {
		if pe, ok := err.(*ParseError); ok {
			pe.Op = "ParseValid"
		}
		return n, err
	}
	if !n.IsValid() {
		return Number{}, &ParseError{Op: "ParseValid", Field: "number", Value: s, Region: region, Err: ErrInvalid}
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
// with the extension if any. Argentine mobile numbers are written as
// libphonenumber writes them, "011 15-2345-6789" (see fixedNational).
func (n Number) National() string {
	if n.pn == nil {
		return ""
	}
	if formats := fixedNational()[n.pn.GetCountryCode()]; formats != nil {
		return phonenumbers.FormatByPattern(n.pn, phonenumbers.NATIONAL, formats)
	}
	return phonenumbers.Format(n.pn, phonenumbers.NATIONAL)
}

// fixedNational returns, for the calling codes whose national format
// nyaruka/phonenumbers writes wrongly, their number formats with the
// national prefix rule repaired. The metadata says how to write the
// national prefix with a rule such as "0$1", where $1 stands for the first
// group the format prints; libphonenumber puts the rule in place of that
// group, reading $1 as the group's own reference ("$2 15-$3-$4" becomes
// "0$2 15-$3-$4"), but nyaruka/phonenumbers inserts the rule literally, so
// that $1 prints the first group of the pattern, which the format had
// left out: "09 15-2345-6789" for +54 9 11 2345-6789 instead of
// "011 15-2345-6789". Only Argentina's mobile formats have such a rule
// (TestFixedNationalRegions checks the whole metadata); the repair writes
// the format's first group into the rule ("0$2"). The formats are built
// once, on the first national format of a number of such a country.
var fixedNational = sync.OnceValue(func() map[int32][]*phonenumbers.NumberFormat {
	coll, err := phonenumbers.MetadataCollection() // decoded at init: no work
	if err != nil {
		return nil
	}
	out := map[int32][]*phonenumbers.NumberFormat{}
	for _, md := range coll.GetMetadata() {
		cc := md.GetCountryCode()
		if phonenumbers.GetRegionCodeForCountryCode(int(cc)) != md.GetId() {
			continue // formats come from the main region of a calling code
		}
		var formats []*phonenumbers.NumberFormat
		for i, f := range md.GetNumberFormat() {
			fixed, ok := fixedRule(f)
			if !ok {
				continue
			}
			if formats == nil {
				formats = slices.Clone(md.GetNumberFormat())
			}
			formats[i] = &phonenumbers.NumberFormat{
				Pattern:                              f.Pattern,
				Format:                               f.Format,
				LeadingDigitsPattern:                 f.LeadingDigitsPattern,
				NationalPrefixFormattingRule:         &fixed,
				NationalPrefixOptionalWhenFormatting: f.NationalPrefixOptionalWhenFormatting,
				DomesticCarrierCodeFormattingRule:    f.DomesticCarrierCodeFormattingRule,
			}
		}
		if formats != nil {
			out[cc] = formats
		}
	}
	return out
})

// fixedRule returns the national prefix rule of f with $1 replaced by the
// first group f's format prints, when that group is not $1.
func fixedRule(f *phonenumbers.NumberFormat) (string, bool) {
	rule, format := f.GetNationalPrefixFormattingRule(), f.GetFormat()
	i := strings.IndexByte(format, '$')
	if i < 0 || i+1 >= len(format) || format[i+1] < '0' || format[i+1] > '9' {
		return "", false
	}
	group := format[i : i+2]
	if group == "$1" || !strings.Contains(rule, "$1") {
		return "", false
	}
	return strings.ReplaceAll(rule, "$1", group), true
}

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

var typeNames = enum.New[Type]("Type", Unknown,
	"unknown", "fixed-line", "mobile", "fixed-line-or-mobile", "toll-free", "premium-rate",
	"shared-cost", "voip", "personal", "pager", "uan", "voicemail")

// String returns the name of t ("toll-free"), or "Type(N)" for an invalid
// Type.
func (t Type) String() string { return typeNames.String(t) }

// IsValid reports whether t is one of the Type constants (Unknown
// included).
func (t Type) IsValid() bool { return typeNames.IsValid(t) }

// AppendText appends the name of t to b (encoding.TextAppender). An
// invalid Type is an error.
func (t Type) AppendText(b []byte) ([]byte, error) {
	out, ok := typeNames.AppendText(b, t)
	if !ok {
		return b, &ParseError{Op: "Type.AppendText", Field: "type", Value: t.String(), Err: ErrInvalidType}
	}
	return out, nil
}

// MarshalText returns the name of t; an invalid Type is an error.
func (t Type) MarshalText() ([]byte, error) { return t.AppendText(nil) }

// UnmarshalText sets t to the Type named by b, as [ParseType] does.
func (t *Type) UnmarshalText(b []byte) error {
	v, err := ParseType(string(b))
	if err == nil {
		*t = v
	}
	return err
}

// ParseType returns the Type named s ("mobile", "toll-free", …), compared
// exactly.
func ParseType(s string) (Type, error) {
	v, ok := typeNames.Parse(s)
	if !ok {
		return 0, &ParseError{Op: "ParseType", Field: "type", Value: s, Err: ErrInvalidType}
	}
	return v, nil
}
