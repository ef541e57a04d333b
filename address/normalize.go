package address

import (
	"strings"
	"unicode/utf8"
)

// Normalize returns a in canonical form:
//
//   - every field is trimmed and runs of white space and control characters
//     inside it become one space;
//   - the country code is upper-cased;
//   - an administrative area given by local, Latin or translated name or by
//     ISO 3166-2 code ("Québec", "qc", "CA-QC") becomes the subdivision's key
//     ("QC"); so does a locality or dependent locality naming a nested
//     subdivision (CN, KR);
//   - a postal code that matches the country's pattern is upper-cased, a
//     typed postal prefix that the layout prints anyway ("LT-01100",
//     "FL-9490") is removed so that it is not printed twice, and a prefix
//     the pattern requires is added ("1050" → "LV-1050" in Latvia); other
//     postal codes, and sorting codes, are upper-cased where the country
//     writes them in capitals.
//
// Other fields keep their case: the capitals a post office wants are applied
// when formatting a [PostalLabel]. Normalize never makes a valid address
// invalid. Invalid UTF-8 is replaced by U+FFFD.
func Normalize(a Address) Address {
	a.CountryCode = strings.ToUpper(clean(a.CountryCode))
	a.AdministrativeArea = clean(a.AdministrativeArea)
	a.Locality = clean(a.Locality)
	a.DependentLocality = clean(a.DependentLocality)
	a.PostalCode = clean(a.PostalCode)
	a.SortingCode = clean(a.SortingCode)
	a.Line1, a.Line2, a.Line3 = clean(a.Line1), clean(a.Line2), clean(a.Line3)
	a.Organization = clean(a.Organization)
	a.Name = clean(a.Name)
	c, idx, ok := countryFor(a.CountryCode)
	if !ok {
		return a
	}
	if a.AdministrativeArea != "" && usesField(c, 'S') {
		if s := findSub(c.code, c.subs, a.AdministrativeArea); s != nil {
			a.AdministrativeArea = s.key
			if a.Locality != "" && len(s.subs) > 0 {
				if l := findSub(c.code, s.subs, a.Locality); l != nil {
					a.Locality = l.key
					if a.DependentLocality != "" && len(l.subs) > 0 {
						if d := findSub(c.code, l.subs, a.DependentLocality); d != nil {
							a.DependentLocality = d.key
						}
					}
				}
			}
		}
	}
	if strings.IndexByte(c.upper, 'X') >= 0 {
		a.SortingCode = strings.ToUpper(a.SortingCode)
	}
	if a.PostalCode != "" {
		if code, ok := patternsFor(idx).postalCode(c, a.PostalCode); ok && code != "" {
			a.PostalCode = code
		} else if strings.IndexByte(c.upper, 'Z') >= 0 {
			a.PostalCode = strings.ToUpper(a.PostalCode)
		}
	}
	return a
}

// clean trims s and folds inner runs of white space and control characters
// to one space; it allocates only when it changes more than the ends.
func clean(s string) string {
	s = trim(s)
	if !utf8.ValidString(s) {
		s = trim(strings.ToValidUTF8(s, "\uFFFD"))
	}
	prevSpace, dirty := false, false
	for _, r := range s {
		sp := spaceOrControl(r)
		if sp && (prevSpace || r != ' ') {
			dirty = true
			break
		}
		prevSpace = sp
	}
	if !dirty {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	prevSpace = false
	for _, r := range s {
		if spaceOrControl(r) {
			if !prevSpace {
				b.WriteByte(' ')
			}
			prevSpace = true
			continue
		}
		prevSpace = false
		b.WriteRune(r)
	}
	return b.String()
}
