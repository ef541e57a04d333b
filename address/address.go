package address

import (
	"strings"
	"unicode"

	"github.com/marketkit/marketkit/internal/enum"
)

// Address is a postal address. It is a comparable value; the zero Address
// is empty and fails validation with a required country.
//
// AdministrativeArea holds a subdivision key as printed on mail ("CA" for
// California, "QC" for Quebec, "東京都" for Tokyo); [Normalize] maps names and
// ISO 3166-2 codes to that key.
type Address struct {
	// CountryCode is the ISO 3166-1 alpha-2 code ("US").
	CountryCode string
	// AdministrativeArea is the state, province, prefecture… (field S).
	AdministrativeArea string
	// Locality is the city or post town (field C).
	Locality string
	// DependentLocality is the suburb, district or neighbourhood (field D).
	DependentLocality string
	// PostalCode is the ZIP or postal code (field Z).
	PostalCode string
	// SortingCode is the CEDEX-style sorting code (field X).
	SortingCode string
	// Line1, Line2 and Line3 are the street address lines (field A).
	Line1, Line2, Line3 string
	// Organization is the company or organization name (field O).
	Organization string
	// Name is the recipient's name (field N).
	Name string
}

// Field names one field of an [Address].
type Field uint8

// The fields of an [Address]. The zero Field is invalid.
const (
	FieldCountry Field = iota + 1
	FieldAdministrativeArea
	FieldLocality
	FieldDependentLocality
	FieldPostalCode
	FieldSortingCode
	FieldAddressLines
	FieldOrganization
	FieldName
)

// fieldNames are the text names of the fields, in constant order.
var fieldNames = enum.New[Field]("Field", FieldCountry,
	"country", "administrative-area", "locality", "dependent-locality", "postal-code",
	"sorting-code", "address-lines", "organization", "name")

// numFields bounds the Field values, for arrays indexed by Field.
const numFields = FieldName + 1

// String returns the name of f ("postal-code"), or "Field(N)" for an
// invalid Field.
func (f Field) String() string { return fieldNames.String(f) }

// IsValid reports whether f is one of the Field constants.
func (f Field) IsValid() bool { return fieldNames.IsValid(f) }

// AppendText appends the name of f to b (encoding.TextAppender). An
// invalid Field is an error.
func (f Field) AppendText(b []byte) ([]byte, error) {
	out, ok := fieldNames.AppendText(b, f)
	if !ok {
		return b, &FieldError{Op: "Field.AppendText", Field: "field", Value: f.String(), Err: ErrInvalidValue, Reason: "undefined value"}
	}
	return out, nil
}

// MarshalText returns the name of f; an invalid Field is an error.
func (f Field) MarshalText() ([]byte, error) { return f.AppendText(nil) }

// UnmarshalText sets f to the Field named by b, as [ParseField] does.
func (f *Field) UnmarshalText(b []byte) error {
	v, err := ParseField(string(b))
	if err == nil {
		*f = v
	}
	return err
}

// ParseField returns the Field named s ("postal-code"), compared exactly.
func ParseField(s string) (Field, error) {
	v, ok := fieldNames.Parse(s)
	if !ok {
		return 0, &FieldError{Op: "ParseField", Field: "field", Value: s, Err: ErrInvalidValue, Reason: "want one of " + strings.Join(fieldNames.All(), ", ")}
	}
	return v, nil
}

// fieldOf maps a libaddressinput format letter to a Field.
func fieldOf(letter byte) Field {
	switch letter {
	case 'N':
		return FieldName
	case 'O':
		return FieldOrganization
	case 'A':
		return FieldAddressLines
	case 'D':
		return FieldDependentLocality
	case 'C':
		return FieldLocality
	case 'S':
		return FieldAdministrativeArea
	case 'Z':
		return FieldPostalCode
	case 'X':
		return FieldSortingCode
	}
	return 0
}

// ptr returns the field with format letter l ("A" gives the first address
// line), or nil for another letter.
func (a *Address) ptr(l byte) *string {
	switch l {
	case 'N':
		return &a.Name
	case 'O':
		return &a.Organization
	case 'A':
		return &a.Line1
	case 'D':
		return &a.DependentLocality
	case 'C':
		return &a.Locality
	case 'S':
		return &a.AdministrativeArea
	case 'Z':
		return &a.PostalCode
	case 'X':
		return &a.SortingCode
	}
	return nil
}

// value returns the value of the field with format letter l, "" for A (the
// address lines are read together, see hasLines) and other letters.
func (a *Address) value(l byte) string {
	if p := a.ptr(l); p != nil && l != 'A' {
		return *p
	}
	return ""
}

// hasLines reports whether any address line is non-blank.
func (a *Address) hasLines() bool {
	return trim(a.Line1) != "" || trim(a.Line2) != "" || trim(a.Line3) != ""
}

// trim removes white space and control characters from both ends of s: a
// value made of them only is blank everywhere (Format, Validate, Normalize).
func trim(s string) string {
	if s == "" || (' ' < s[0] && s[0] < 0x7f && ' ' < s[len(s)-1] && s[len(s)-1] < 0x7f) {
		return s // printable ASCII at both ends, the usual case
	}
	return strings.TrimFunc(s, spaceOrControl)
}

func spaceOrControl(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r)
}

// countryFor returns the metadata of code, an ISO 3166-1 alpha-2 code in
// any ASCII case, or the fallback format and false when the country has
// none. Surrounding white space is not removed: " us" is no country
// (contracts of the root package: codes are never trimmed).
func countryFor(code string) (*countryData, int, bool) {
	if len(code) == 2 {
		var b [2]byte
		b[0], b[1] = upperASCII(code[0]), upperASCII(code[1])
		if c, i, ok := lookupCountry(string(b[:])); ok {
			return c, i, true
		}
	}
	return &fallbackFormat, -1, false
}

func upperASCII(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

// HasMetadata reports whether Google's address metadata knows country code
// (ISO 3166-1 alpha-2, any ASCII case, no surrounding space; also AC and
// TA, Ascension and Tristan da Cunha, which the metadata, CLDR and the
// post treat as countries of their own). Countries without metadata use a generic
// format: name, organization, address lines, locality.
func HasMetadata(code string) bool {
	_, _, ok := countryFor(code)
	return ok
}
