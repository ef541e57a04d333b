package address

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marketkit/marketkit/locale"
	"golang.org/x/text/unicode/norm"
)

// MaxFieldLength is the longest value, in bytes, that [Validate] accepts in
// any field.
const MaxFieldLength = 512

// Validate checks a against its country's rules and returns nil or a
// [*ValidationError] holding every problem found, each a [*FieldError]
// with Op "Validate" wrapping one sentinel. A blank or unknown country
// code is reported alone, since every other rule depends on the country:
//
//   - [ErrRequired]: a field the country requires is blank (the country
//     code is always required);
//   - [locale.ErrUnknownCountry]: the country code is not one [HasMetadata]
//     knows: any ASCII case is accepted ("de"), surrounding white space is
//     not (" DE" is an error, which [Normalize] repairs); [Format] still
//     formats such an address with the generic layout;
//   - [ErrUnsupportedField]: a field the country's layout has no place for
//     is filled in (a state in Germany, a city in Japan);
//   - [ErrUnknownSubdivision]: the administrative area is none of the
//     country's subdivisions (keys, local and Latin names, ISO 3166-2 codes
//     and translated names are accepted, ignoring case and accents:
//     "quebec", "Sao Paulo", "ISTANBUL");
//   - [ErrInvalidPostalCode]: the postal code does not match the country's
//     pattern as a whole, or does not start as the subdivision's codes do
//     (Pattern and Example say what was expected);
//   - [ErrInvalidSortingCode]: the sorting code does not follow the
//     country's rule ("CEDEX" or "CEDEX 8" in France and the countries of
//     La Poste's system; see the package documentation);
//   - [ErrInvalidValue]: a value is not valid UTF-8 or is longer than
//     MaxFieldLength (the other checks skip that field).
//
// Locality and dependent locality are not checked against the subdivision
// lists (the lists are not complete enough to reject an address); when they
// match a nested subdivision (CN, KR), its postal code prefix is checked.
// Postal codes are compared in upper case, with full-width digits and CJK
// dashes read as ASCII and runs of spaces as one; a postal prefix printed
// by the layout ("LT-", "〒") may be typed, and a prefix that the
// country's pattern requires ("LV-" in Latvia, "AD" in Andorra) may be
// left out before a digit, as [Normalize] adds it.
// Validate does not modify a; [Normalize] returns the canonical form.
func Validate(a Address) error {
	if errs := check(a, "Validate", allFields); errs != nil {
		return &ValidationError{errs}
	}
	return nil
}

// fieldSet is a set of the Field values checked by check.
type fieldSet uint16

const allFields fieldSet = 1<<numFields - 1

// has reports whether f is in s; the test of allFields first keeps
// Validate's loops as short as they were before TaxLocation shared them.
func (s fieldSet) has(f Field) bool { return s == allFields || s&(1<<f) != 0 }

// check returns the problems of the fields of a in only, for Validate (all
// fields) and TaxLocation (those it returns), each FieldError naming op.
// The country code is always checked, and a blank or unknown one is
// reported alone.
func check(a Address, op string, only fieldSet) []*FieldError {
	var errs []*FieldError
	add := func(f Field, err error, v, reason, pattern, example string) {
		errs = append(errs, &FieldError{Op: op, Field: f.String(), Value: v, Err: err, Reason: reason, Pattern: pattern, Example: example})
	}
	cc := a.CountryCode
	if cc == "" {
		add(FieldCountry, ErrRequired, cc, "", "", "")
		return errs
	}
	c, idx, ok := countryFor(cc)
	if !ok {
		add(FieldCountry, locale.ErrUnknownCountry, cc, countryReason(cc), "", "")
		return errs
	}
	// Values that are not valid UTF-8 or too long are reported as such and
	// skip the other checks; the other fields are still checked.
	var bad [numFields]bool
	for _, f := range [...]struct {
		field Field
		v     string
	}{
		{FieldAdministrativeArea, a.AdministrativeArea}, {FieldLocality, a.Locality},
		{FieldDependentLocality, a.DependentLocality}, {FieldPostalCode, a.PostalCode},
		{FieldSortingCode, a.SortingCode}, {FieldAddressLines, a.Line1}, {FieldAddressLines, a.Line2},
		{FieldAddressLines, a.Line3}, {FieldOrganization, a.Organization}, {FieldName, a.Name},
	} {
		if !only.has(f.field) {
			continue
		}
		switch {
		case !utf8.ValidString(f.v):
			add(f.field, ErrInvalidValue, f.v, "not valid UTF-8", "", "")
			bad[f.field] = true
		case len(f.v) > MaxFieldLength:
			add(f.field, ErrInvalidValue, f.v, "longer than "+strconv.Itoa(MaxFieldLength)+" bytes", "", "")
			bad[f.field] = true
		}
	}
	for i := 0; i < len(c.require); i++ {
		l := c.require[i]
		if bad[fieldOf(l)] || !only.has(fieldOf(l)) {
			continue
		}
		if l == 'A' {
			if !a.hasLines() {
				add(FieldAddressLines, ErrRequired, a.Line1, "", "", "")
			}
			continue
		}
		if v := a.value(l); trim(v) == "" {
			add(fieldOf(l), ErrRequired, v, "", "", "")
		}
	}
	for _, l := range [...]byte{'S', 'C', 'D', 'Z', 'X'} {
		if v := a.value(l); only.has(fieldOf(l)) && !bad[fieldOf(l)] && trim(v) != "" && !usesField(c, l) {
			add(fieldOf(l), ErrUnsupportedField, v, "", "", "")
		}
	}
	var sub *subdivision
	if area := trim(a.AdministrativeArea); area != "" && !bad[FieldAdministrativeArea] && len(c.subs) > 0 && usesField(c, 'S') {
		if sub = findSub(c.code, c.subs, area); sub == nil && only.has(FieldAdministrativeArea) {
			add(FieldAdministrativeArea, ErrUnknownSubdivision, a.AdministrativeArea, "", "", c.subs[0].key)
		}
	}
	if zip := trim(a.PostalCode); zip != "" && only.has(FieldPostalCode) && !bad[FieldPostalCode] && usesField(c, 'Z') {
		p := patternsFor(idx)
		code, ok := p.postalCode(c, zip)
		if !ok {
			add(FieldPostalCode, ErrInvalidPostalCode, a.PostalCode, "", c.zip, firstExample(c.zipex))
		} else if sub != nil {
			// Per-subdivision prefixes, down the nested levels (CN, KR).
			s := sub
			for level := 0; s != nil; level++ {
				if re := p.subs[s]; re != nil && !re.MatchString(code) {
					add(FieldPostalCode, ErrInvalidPostalCode, a.PostalCode, "not a postal code of "+s.key, s.zip, firstExample(s.zipex))
					break
				}
				var next string
				switch level {
				case 0:
					next = a.Locality
				case 1:
					next = a.DependentLocality
				}
				next = trim(next)
				if next == "" || len(s.subs) == 0 || !utf8.ValidString(next) {
					break
				}
				s = findSub(c.code, s.subs, next)
			}
		}
	}
	if v := trim(a.SortingCode); v != "" && only.has(FieldSortingCode) && !bad[FieldSortingCode] && usesField(c, 'X') {
		if re := patternsFor(idx).sort; re != nil && !re.MatchString(sortingCodeBody(v)) {
			add(FieldSortingCode, ErrInvalidSortingCode, a.SortingCode, "", c.sort, firstExample(c.sortex))
		}
	}
	return errs
}

// sortingCodeBody returns a trimmed sorting code with runs of white space
// folded to one space, in upper case: the form its pattern is matched in.
func sortingCodeBody(v string) string {
	v = clean(v)
	for i := 0; i < len(v); i++ {
		if 'a' <= v[i] && v[i] <= 'z' {
			return strings.ToUpper(v)
		}
	}
	return v
}

// usesField reports whether the country's layouts have a place for l.
func usesField(c *countryData, l byte) bool {
	return hasLetter(c.fmt, l) || hasLetter(c.lfmt, l)
}

func hasLetter(layout string, l byte) bool {
	for i := 0; i+1 < len(layout); i++ {
		if layout[i] == '%' {
			if layout[i+1] == l {
				return true
			}
			i++
		}
	}
	return false
}

func firstExample(list string) string {
	ex, _, _ := strings.Cut(list, ",")
	return ex
}

// findSub returns the subdivision of subs (of country cc) that v names: its
// key, local or Latin name, ISO code ("QC" or "CA-QC") or a translated
// name, compared case-insensitively, and then also ignoring accents and
// the Turkish dotted and dotless i ("Sao Paulo", "istanbul", "QUEBEC").
func findSub(cc string, subs []subdivision, v string) *subdivision {
	for i := range subs {
		if subs[i].key == v {
			return &subs[i]
		}
	}
	if s := matchSub(cc, subs, v, strings.EqualFold); s != nil {
		return s
	}
	lv := loose(v)
	if lv == "" {
		return nil
	}
	return matchSub(cc, subs, lv, func(name, lv string) bool { return name != "" && loose(name) == lv })
}

// matchSub returns the first subdivision with a key, name, Latin name or
// ISO code for which eq(name, v) holds, else the first with a translated
// name or full ISO 3166-2 code for which it holds.
func matchSub(cc string, subs []subdivision, v string, eq func(name, v string) bool) *subdivision {
	for i := range subs {
		s := &subs[i]
		if eq(s.key, v) || eq(s.name, v) || eq(s.lname, v) || (s.iso != "" && eq(s.iso, v)) {
			return s
		}
	}
	for i := range subs {
		s := &subs[i]
		o := s.other
		for o != "" {
			var item string
			item, o, _ = strings.Cut(o, "|")
			if _, n, ok := strings.Cut(item, "="); ok && eq(n, v) {
				return s
			}
		}
		if s.iso != "" && len(v) == len(cc)+1+len(s.iso) && v[len(cc)] == '-' && eq(v[:len(cc)], cc) && eq(v[len(cc)+1:], s.iso) {
			return s // a full ISO 3166-2 code ("CA-QC")
		}
	}
	return nil
}

// loose returns s for a comparison that ignores case, accents and the dot
// of the Turkish i: decomposed, without nonspacing marks, lower-cased, with
// ı as i and ß as ss.
func loose(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'ı':
			r = 'i'
		case r == 'ß':
			b.WriteString("ss")
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// postalCodeBody returns zip without a prefix the layout prints before it
// ("LT-", "FL-", "〒") or the metadata's postal prefix, in upper case
// (every pattern is written in capitals and no post office tells postal
// codes apart by case), with runs of white space folded to one space and
// full-width forms and dashes as typed by CJK input methods made ASCII
// ("１００ー８９９４" → "100-8994"). It allocates only when it changes zip.
func postalCodeBody(c *countryData, zip string) string {
	zip = clean(zip)
	for i := 0; i < len(zip); i++ {
		if zip[i] >= utf8.RuneSelf {
			zip = strings.Map(asciiPostal, zip)
			break
		}
	}
	if c.postprefix != "" && hasPrefixFold(zip, c.postprefix) {
		zip = trim(zip[len(c.postprefix):])
	} else if lit := zipLiteral(c.fmt); lit != "" && hasPrefixFold(zip, lit) {
		zip = trim(zip[len(lit):])
	}
	for i := 0; i < len(zip); i++ {
		if 'a' <= zip[i] && zip[i] <= 'z' {
			return strings.ToUpper(zip)
		}
	}
	return zip
}

// asciiPostal maps the full-width forms of ASCII (U+FF01…U+FF5E) to ASCII,
// and the dashes and long-vowel marks typed for hyphens to "-".
func asciiPostal(r rune) rune {
	switch {
	case 0xFF01 <= r && r <= 0xFF5E:
		return r - 0xFF01 + '!'
	case r == '\u2010', r == '\u2011', r == '\u2012', r == '\u2013', r == '\u2014', r == '\u2015',
		r == '\u2212', r == '\u30FC', r == '\uFF70':
		return '-'
	}
	return r
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// zipLiteral returns the short literal the layout prints right before the
// postal code at the start of a line ("LT-", "〒", "HT"), or "".
func zipLiteral(layout string) string {
	i := strings.Index(layout, "%Z")
	if i <= 0 {
		return ""
	}
	start := strings.LastIndex(layout[:i], "%")
	if start >= 0 {
		if layout[start+1] != 'n' {
			return "" // another field before it on the line
		}
		start += 2
	} else {
		start = 0
	}
	lit := strings.TrimSpace(layout[start:i])
	if lit == "" || len(lit) > 4 || strings.ContainsRune(lit, ' ') {
		return ""
	}
	return lit
}
