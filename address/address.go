package address

import (
	"strings"
	"unicode"
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

var fieldNames = [...]string{
	FieldCountry:            "country",
	FieldAdministrativeArea: "administrative_area",
	FieldLocality:           "locality",
	FieldDependentLocality:  "dependent_locality",
	FieldPostalCode:         "postal_code",
	FieldSortingCode:        "sorting_code",
	FieldAddressLines:       "address_lines",
	FieldOrganization:       "organization",
	FieldName:               "name",
}

// String returns the snake_case name of f ("postal_code"), or "" for an
// invalid Field.
func (f Field) String() string {
	if int(f) < len(fieldNames) {
		return fieldNames[f]
	}
	return ""
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

// countryFor returns the metadata of code, or the fallback format and
// false when the country has none. code may be lower case and surrounded
// by white space.
func countryFor(code string) (*countryData, int, bool) {
	if len(code) != 2 {
		code = trim(code)
	}
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
// (ISO 3166-1 alpha-2, any case). Countries without metadata use a generic
// format: name, organization, address lines, locality.
func HasMetadata(code string) bool {
	_, _, ok := countryFor(code)
	return ok
}
