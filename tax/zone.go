package tax

import "slices"

// Address is the part of an address that decides taxation. It is
// deliberately small so that tax does not depend on the address package;
// a host copies the three fields from its own address value.
//
// Country is the ISO 3166-1 alpha-2 code in any ASCII case ("DE", "de");
// surrounding spaces, names or unknown codes are an error.
//
// Region is the ISO 3166-2 subdivision code, bare or with its country
// prefix, in any ASCII case: "NY", "ny" or "US-NY"; "QC" or "CA-QC"; "13"
// or "JP-13". It is not a display name ("New York", "Québec") and not a
// postal key in another script ("東京都"): such values, surrounding
// spaces and a prefix of another country are an [*Error] wrapping
// ErrInvalidInput for the field "customer.address.region" (or
// "store.origin.region") in every country — [AddressOf] gets the code
// from an address.Address. Region decides the tax only in countries whose
// tax zones are divided by subdivision — with the built-in data Canada
// (GST, HST, PST, QST by province) and the United States (state sales
// tax); host data may divide others. There a region that no zone contains
// — missing, an unknown code, or the District of Columbia, which the
// built-in data does not cover — is an *Error wrapping ErrUnknownCountry,
// never a silent 0 %. Elsewhere a well-formed Region does not change the
// tax: India's GST, for one, is a single country-wide rate here, so an
// Indian address needs no region.
//
// PostalCode is needed for special territories (Heligoland 27498, Canary
// Islands 35xxx/38xxx, Åland 22xxx, …). An empty postal code matches no
// postal pattern, so it is read as the mainland: useful for digital
// services where only the country is known, wrong for goods shipped to a
// special territory — pass the code.
type Address struct {
	Country    string
	Region     string
	PostalCode string
}

// Zone is a set of addresses: a country, a country minus or plus
// subdivisions or postal-code patterns, or a zone of zones (the EU VAT
// area). Zones are built by [Build] and immutable afterwards.
//
// A zone's references to other zones are expanded when the data is built:
// Contains, HasCountry and the lookups work on the zone's flattened list
// of country members, so their cost does not depend on how deeply zones
// nest. The methods of a nil *Zone (the zone of a zero [Type]) report an
// empty zone.
type Zone struct {
	id      string
	name    string
	members []member
	leaves  []*member // the country members of z and of the zones it references, each once
	depth   int       // 1 for a zone of countries, 1 + the deepest referenced zone otherwise
}

type member struct {
	zone      *Zone
	country   string
	regions   []string
	exRegions []string
	postal    []postalPat
	exPostal  []postalPat
}

// ID returns the zone ID ("de", "eu", "ca-qc"); "" for a nil zone.
func (z *Zone) ID() string {
	if z == nil {
		return ""
	}
	return z.id
}

// Name returns the descriptive name ("Germany (ex. Heligoland, Büsingen)
// + Jungholz, Mittelberg"); "" for a nil zone.
func (z *Zone) Name() string {
	if z == nil {
		return ""
	}
	return z.name
}

// Contains reports whether a lies in z. The country code is compared in
// any ASCII case ("de" is DE); a nil zone contains nothing.
func (z *Zone) Contains(a Address) bool {
	if z == nil {
		return false
	}
	if !isUpperCode(a.Country) {
		cc, err := normCountry(a.Country)
		if err != nil {
			return false
		}
		a.Country = cc
	}
	for _, m := range z.leaves {
		if m.contains(a) {
			return true
		}
	}
	return false
}

// HasCountry reports whether any member of z (including the zones it
// references) is in country cc (any ASCII case), regardless of subdivision
// or postal code. A nil zone has no country.
func (z *Zone) HasCountry(cc string) bool {
	if z == nil {
		return false
	}
	for _, m := range z.leaves {
		if equalFoldASCII(m.country, cc) {
			return true
		}
	}
	return false
}

// Countries returns the countries of z's members (including the zones it
// references), each once, in definition order, as a new slice.
func (z *Zone) Countries() []string {
	if z == nil {
		return nil
	}
	var out []string
	for _, m := range z.leaves {
		if !slices.Contains(out, m.country) {
			out = append(out, m.country)
		}
	}
	return out
}

// flatten computes z.leaves and z.depth from its members (whose zones are
// already flattened). work counts the member visits of the whole build;
// it reports false when work would exceed maxFlatWork.
func (z *Zone) flatten(work *int) bool {
	seen := make(map[*member]bool)
	z.depth = 1
	for i := range z.members {
		m := &z.members[i]
		if m.zone == nil {
			*work++
			if !seen[m] {
				seen[m] = true
				z.leaves = append(z.leaves, m)
			}
			continue
		}
		z.depth = max(z.depth, m.zone.depth+1)
		*work += len(m.zone.leaves)
		if *work > maxFlatWork {
			return false
		}
		for _, l := range m.zone.leaves {
			if !seen[l] {
				seen[l] = true
				z.leaves = append(z.leaves, l)
			}
		}
	}
	return *work <= maxFlatWork
}

// regionCountries marks the countries whose members filter by region.
func (z *Zone) regionCountries(set *[26 * 26]bool) {
	for _, m := range z.leaves {
		if ci, ok := cidx(m.country); ok && len(m.regions) > 0 {
			set[ci] = true
		}
	}
}

// contains reports whether the country member m contains a (whose
// country is upper case).
func (m *member) contains(a Address) bool {
	if m.country != a.Country {
		return false
	}
	if len(m.regions) > 0 && !regionIn(a.Region, a.Country, m.regions) {
		return false
	}
	if len(m.exRegions) > 0 && regionIn(a.Region, a.Country, m.exRegions) {
		return false
	}
	if len(m.postal) > 0 && !postalIn(a.PostalCode, m.postal) {
		return false
	}
	if len(m.exPostal) > 0 && postalIn(a.PostalCode, m.exPostal) {
		return false
	}
	return true
}

// regionIn matches "QC", "qc" and "CA-QC" against the list of bare codes.
func regionIn(r, cc string, list []string) bool {
	if len(r) > 3 && r[2] == '-' && equalFoldASCII(r[:2], cc) {
		r = r[3:]
	}
	for _, x := range list {
		if equalFoldASCII(r, x) {
			return true
		}
	}
	return false
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'a' <= x && x <= 'z' {
			x -= 'a' - 'A'
		}
		if 'a' <= y && y <= 'z' {
			y -= 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// postalPat is a compiled postal-code pattern: a prefix (hi empty) or an
// inclusive range of prefixes of equal length.
type postalPat struct{ lo, hi string }

func compilePatterns(ps []string) []postalPat {
	if len(ps) == 0 {
		return nil
	}
	out := make([]postalPat, len(ps))
	for i, p := range ps {
		out[i].lo = p
		for j := 0; j < len(p); j++ {
			if p[j] == ':' {
				out[i] = postalPat{lo: p[:j], hi: p[j+1:]}
				break
			}
		}
	}
	return out
}

// postalIn matches a postal code against patterns. A pattern is a prefix
// ("27498", "35") or an inclusive range of prefixes of equal length
// ("22000:22999", "90:94"). Spaces and dashes in the code are ignored and
// letters compare case-insensitively, so "9500-123" and "811 32" match
// "95:99" and "811".
func postalIn(code string, pats []postalPat) bool {
	if postalClean(code) { // fast path: compare the code as it is
		for _, p := range pats {
			if len(code) < len(p.lo) {
				continue
			}
			head := code[:len(p.lo)]
			if p.hi == "" {
				if head == p.lo {
					return true
				}
			} else if head >= p.lo && head <= p.hi {
				return true
			}
		}
		return false
	}
	var buf [16]byte
	n := 0
	for i := 0; i < len(code) && n < len(buf); i++ {
		c := code[i]
		if c == ' ' || c == '-' {
			continue
		}
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	norm := buf[:n]
	for _, p := range pats {
		if len(norm) < len(p.lo) {
			continue
		}
		head := norm[:len(p.lo)]
		hi := p.hi
		if hi == "" {
			hi = p.lo
		}
		if cmpBytesString(head, p.lo) >= 0 && cmpBytesString(head, hi) <= 0 {
			return true
		}
	}
	return false
}

func cmpBytesString(b []byte, s string) int {
	for i := 0; i < len(b) && i < len(s); i++ {
		if b[i] != s[i] {
			if b[i] < s[i] {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(b) < len(s):
		return -1
	case len(b) > len(s):
		return 1
	}
	return 0
}

// postalClean reports whether code has only upper-case letters and digits.
func postalClean(code string) bool {
	for i := 0; i < len(code); i++ {
		c := code[i]
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// isUpperCode reports whether cc is two upper-case ASCII letters.
func isUpperCode(cc string) bool {
	return len(cc) == 2 && cc[0] >= 'A' && cc[0] <= 'Z' && cc[1] >= 'A' && cc[1] <= 'Z'
}
