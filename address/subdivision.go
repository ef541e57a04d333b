package address

import "golang.org/x/text/language"

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
// The slice is new on every call.
func Subdivisions(country string, loc language.Tag, parents ...string) []Subdivision {
	c, _, ok := countryFor(country)
	if !ok {
		return nil
	}
	subs := c.subs
	for _, p := range parents {
		s := findSub(c.code, subs, p)
		if s == nil {
			return nil
		}
		subs = s.subs
	}
	base, _ := loc.Base()
	return subdivisionsOf(c, subs, base.String())
}

func subdivisionsOf(c *countryData, subs []subdivision, lang string) []Subdivision {
	if len(subs) == 0 {
		return nil
	}
	out := make([]Subdivision, len(subs))
	for i := range subs {
		s := &subs[i]
		d := Subdivision{Key: s.key, LocalName: s.localName(), LatinName: s.latinName(), HasChildren: len(s.subs) > 0}
		if s.iso != "" {
			d.ISOCode = c.code + "-" + s.iso
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
