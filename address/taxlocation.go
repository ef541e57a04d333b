package address

import (
	"strconv"
	"unicode/utf8"

	"github.com/marketkit/marketkit/locale"
)

// taxFields are the fields TaxLocation returns, and checks.
const taxFields fieldSet = 1<<FieldAdministrativeArea | 1<<FieldPostalCode

// TaxLocation returns the three values of a that a tax calculation reads,
// in the form package tax wants them: tax.AddressOf consumes it, so that
// an Address goes to tax in one call without either package importing the
// other.
//
//   - country is the ISO 3166-1 alpha-2 code in upper case. The code is
//     accepted in any ASCII case ("de"); surrounding white space or any
//     other text is an error, as everywhere in marketkit (codes are never
//     trimmed). Ascension (AC) and Tristan da Cunha (TA), which the
//     address metadata treats as countries of their own but ISO 3166-1
//     does not assign, give "SH" with the region "SH-AC" or "SH-TA".
//   - region is the ISO 3166-2 code of the administrative area ("US-NY",
//     "CA-QC", "JP-13") in countries whose metadata lists subdivisions:
//     the value may be a key, a name in any language the data has or an
//     ISO code, in any case ("New York", "québec", "ca-qc"), as
//     [Normalize] accepts it. It is "" when the area is blank and not
//     required, where the country has no list (the area is free text
//     there), and for the few subdivisions without an ISO 3166-2 code
//     (the US armed forces codes AA, AE and AP).
//   - postalCode is the postal code in the canonical form of [Normalize]
//     ("h3z 2y7" → "H3Z 2Y7", Latvia's "1050" → "LV-1050"), or "".
//
// Only what it returns is checked, by the rules of [Validate]: a
// malformed or unknown country code is a [*FieldError] wrapping
// [locale.ErrUnknownCountry]; problems with the administrative area or the
// postal code (required and blank, unknown subdivision, a field the
// country does not use, a postal code that does not match the country's
// or the subdivision's pattern, invalid UTF-8, too long) are a
// [*ValidationError] of [*FieldError] values with Op "TaxLocation". The
// other fields (name, address lines, city) are not looked at.
func (a Address) TaxLocation() (country, region, postalCode string, err error) {
	const op = "TaxLocation"
	if a.CountryCode == "" {
		return "", "", "", &FieldError{Op: op, Field: FieldCountry.String(), Err: ErrRequired}
	}
	country, cerr := locale.NormalizeCountry(a.CountryCode)
	territory := ""
	if cerr != nil {
		c, _, ok := countryFor(a.CountryCode)
		if !ok || (c.code != "AC" && c.code != "TA") {
			return "", "", "", &FieldError{Op: op, Field: FieldCountry.String(), Value: a.CountryCode,
				Err: locale.ErrUnknownCountry, Reason: countryReason(a.CountryCode)}
		}
		country, territory = "SH", c.code
	}
	c, _, ok := countryFor(a.CountryCode)
	if !ok {
		// An ISO country without address metadata (none in the current
		// data): nothing to map or check.
		return country, "", clean(a.PostalCode), nil
	}
	// Invalid UTF-8 and overlong values are reported as given, before
	// Normalize replaces or folds them.
	var errs []*FieldError
	for _, f := range [...]struct {
		field Field
		v     string
	}{{FieldAdministrativeArea, a.AdministrativeArea}, {FieldPostalCode, a.PostalCode}} {
		switch {
		case !utf8.ValidString(f.v):
			errs = append(errs, &FieldError{Op: op, Field: f.field.String(), Value: f.v, Err: ErrInvalidValue, Reason: "not valid UTF-8"})
		case len(f.v) > MaxFieldLength:
			errs = append(errs, &FieldError{Op: op, Field: f.field.String(), Value: f.v, Err: ErrInvalidValue,
				Reason: "longer than " + strconv.Itoa(MaxFieldLength) + " bytes"})
		}
	}
	if errs != nil {
		return "", "", "", &ValidationError{errs}
	}
	n := Normalize(a)
	n.CountryCode = a.CountryCode // checked above; Normalize would trim it
	if errs := check(n, op, taxFields); errs != nil {
		return "", "", "", &ValidationError{errs}
	}
	if territory != "" {
		return country, "SH-" + territory, n.PostalCode, nil
	}
	if n.AdministrativeArea != "" && len(c.subs) > 0 && usesField(c, 'S') {
		region, _ = SubdivisionCode(c.code, n.AdministrativeArea)
	}
	return country, region, n.PostalCode, nil
}
