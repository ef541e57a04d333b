package address

import (
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"
)

// Subdivision is a state, province, prefecture… of a country, or a city or
// district nested in one (CN, KR).
type Subdivision struct {
	// Key is the canonical value of the Address field ("QC", "東京都").
	Key string
	// Name is the display name: in the requested language where the data
	// has it, else the Latin name for other languages, else LocalName.
	Name string
	// LocalName is the name in the country's language.
	LocalName string
	// LatinName is the name in Latin script, where it differs.
	LatinName string
	// ISOCode is the ISO 3166-2 code ("CA-QC"), or "" when unknown.
	ISOCode string
	// HasChildren reports whether nested subdivisions exist (see
	// Subdivisions).
	HasChildren bool
}

// Subdivisions returns the subdivisions of country named for a user of
// locale loc, in the metadata's order. With parents (keys or names of
// subdivisions, outermost first) it returns the nested level below them:
// Subdivisions("KR", loc, "서울특별시") lists Seoul's districts. It returns
// nil when the country or a parent is unknown, or there is no such level.
//
// The slice is new on every call, and the caller may modify it: listing a
// country costs one allocation of len(result) Subdivision values (88
// bytes each on 64-bit platforms: about 6 KB for the 60 of the US), and
// the names in the language are looked up again each time. A host that
// lists the same country for the same language often (an address form on
// every page view) should keep the result. To map one key to its ISO
// code, use [SubdivisionCode], which does not allocate.
func Subdivisions(country string, loc language.Tag, parents ...string) []Subdivision {
	c, idx, ok := countryFor(country)
	if !ok {
		return nil
	}
	subs := c.subs
	var codes []string // full ISO codes, cached for the top level
	if len(parents) == 0 {
		codes = isoTableFor(idx).codes
	}
	for _, p := range parents {
		s := findSub(c.code, subs, p)
		if s == nil {
			return nil
		}
		subs = s.subs
	}
	base, _ := loc.Base()
	return subdivisionsOf(c, subs, base.String(), codes)
}

// subdivisionsOf lists subs for a user of language lang. codes, when not
// nil, holds the full ISO codes of subs (isoTable.codes); without it they
// are built.
func subdivisionsOf(c *countryData, subs []subdivision, lang string, codes []string) []Subdivision {
	if len(subs) == 0 {
		return nil
	}
	out := make([]Subdivision, len(subs))
	for i := range subs {
		s := &subs[i]
		d := Subdivision{Key: s.key, LocalName: s.localName(), LatinName: s.latinName(), HasChildren: len(s.subs) > 0}
		switch {
		case codes != nil:
			d.ISOCode = codes[i]
		case s.iso != "":
			d.ISOCode = c.code + "-" + s.iso // nested levels: none in the data so far
		}
		switch n, ok := s.nameIn(lang); {
		case ok:
			d.Name = n
		case !c.speaks(lang) && d.LatinName != "":
			d.Name = d.LatinName
		default:
			d.Name = d.LocalName
		}
		out[i] = d
	}
	return out
}

// SubdivisionCode returns the ISO 3166-2 code of the subdivision of
// country (ISO 3166-1 alpha-2, any case) whose canonical key is key, the
// value [Normalize] leaves in Address.AdministrativeArea:
// SubdivisionCode("US", "NY") is "US-NY", SubdivisionCode("CA", "QC") is
// "CA-QC" and SubdivisionCode("JP", "東京都") is "JP-13". It returns ("",
// false) when the country has no such top-level subdivision or the data
// has no ISO code for it (the US armed forces codes AA, AE and AP, for
// example).
//
// key must be a canonical key, compared exactly: names ("New York",
// "Québec"), other cases ("ny") and ISO codes are not looked up. Pass the
// address through [Normalize] first, which turns them into keys:
//
//	a = address.Normalize(a)
//	region, ok := address.SubdivisionCode(a.CountryCode, a.AdministrativeArea)
//
// The codes of a country are built once, on its first lookup; after that
// SubdivisionCode does not allocate.
func SubdivisionCode(country, key string) (string, bool) {
	_, i, ok := countryFor(country)
	if !ok || key == "" {
		return "", false
	}
	t := isoTableFor(i)
	if j, found := slices.BinarySearch(t.keys, key); found {
		return t.byKey[j], true
	}
	return "", false
}

// isoTable holds the full ISO 3166-2 codes ("CA-QC") of a country's
// top-level subdivisions.
type isoTable struct {
	codes []string // parallel to countryData.subs, "" where the data has no code
	keys  []string // sorted keys of the subdivisions with a code, each once
	byKey []string // parallel to keys: the code of each
}

// isoTables caches an isoTable per country (index into countries). Each
// entry is filled once, on first use, by buildISOTable; the zero value is
// ready.
var isoTables [len(countries)]struct {
	once sync.Once
	t    isoTable
}

func isoTableFor(i int) *isoTable {
	e := &isoTables[i]
	e.once.Do(func() { e.t = buildISOTable(&countries[i]) })
	return &e.t
}

// buildISOTable returns the ISO codes of c's top-level subdivisions, all
// cut from one string. Keys are unique within a country (the tests check
// every country); were one ever given twice, it would map to the first
// subdivision whose local name is the key, else the first in data order.
func buildISOTable(c *countryData) isoTable {
	n, withISO := 0, 0
	for i := range c.subs {
		if iso := c.subs[i].iso; iso != "" {
			n += len(c.code) + 1 + len(iso)
			withISO++
		}
	}
	if n == 0 {
		return isoTable{}
	}
	var b strings.Builder
	b.Grow(n)
	for i := range c.subs {
		if iso := c.subs[i].iso; iso != "" {
			b.WriteString(c.code)
			b.WriteByte('-')
			b.WriteString(iso)
		}
	}
	all := b.String()
	t := isoTable{codes: make([]string, len(c.subs))}
	order := make([]int, 0, withISO)
	for i := range c.subs {
		if iso := c.subs[i].iso; iso != "" {
			l := len(c.code) + 1 + len(iso)
			t.codes[i], all = all[:l], all[l:]
			order = append(order, i)
		}
	}
	// Sort by key; among equal keys the one named by its key comes first.
	named := func(i int) bool { s := &c.subs[i]; return s.name == "" || s.name == s.key }
	slices.SortStableFunc(order, func(i, j int) int {
		if k := strings.Compare(c.subs[i].key, c.subs[j].key); k != 0 {
			return k
		}
		switch ni, nj := named(i), named(j); {
		case ni && !nj:
			return -1
		case nj && !ni:
			return 1
		}
		return 0
	})
	t.keys, t.byKey = make([]string, 0, len(order)), make([]string, 0, len(order))
	for _, i := range order {
		if k := c.subs[i].key; len(t.keys) == 0 || t.keys[len(t.keys)-1] != k {
			t.keys, t.byKey = append(t.keys, k), append(t.byKey, t.codes[i])
		}
	}
	return t
}
