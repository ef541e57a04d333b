package address

import (
	"regexp"
	"sort"
	"strings"
	"sync"
)

//go:generate go run ../internal/gen/address -out data.go

// countryData is one country's generated metadata. Field letters in fmt,
// lfmt, require and upper follow libaddressinput: N name, O organization,
// A address lines, D dependent locality, C locality, S administrative area,
// Z postal code, X sorting code; %n is a line break.
type countryData struct {
	code, name                    string
	fmt, lfmt                     string
	require, upper                string
	zip, zipex                    string
	postprefix, lang              string
	stateType, zipType            string
	localityType, sublocalityType string
	sort, sortex                  string // sorting code pattern ("" when free text) and examples
	subs                          []subdivision
}

// subdivision is one generated subdivision. Its fields are positional in
// data.go to keep the table small.
type subdivision struct {
	key   string        // canonical value of the field, as printed on mail
	name  string        // local name when it differs from key
	lname string        // Latin-script name
	iso   string        // ISO 3166-2 suffix ("QC" of "CA-QC")
	zip   string        // postal code prefix pattern
	zipex string        // postal code examples
	other string        // other-language names: "fr=Colombie-Britannique|…"
	subs  []subdivision // nested level (CN, KR)
}

func (s *subdivision) localName() string {
	if s.name != "" {
		return s.name
	}
	return s.key
}

// latinName returns the Latin-script name of s: its Latin name, or its key
// when the data keys it in Latin script under a local name (HK keys its
// areas "Kowloon" and names them "九龍"); "" when the data has none.
func (s *subdivision) latinName() string {
	if s.lname != "" {
		return s.lname
	}
	if s.name == "" || s.name == s.key {
		return ""
	}
	for _, r := range s.key {
		if r >= 0x250 && (r < 0x1E00 || r > 0x1EFF) && r != '\u2019' {
			return ""
		}
	}
	return s.key
}

// nameIn returns the name of s in language lang ("fr"), if the data has it.
func (s *subdivision) nameIn(lang string) (string, bool) {
	o := s.other
	for o != "" {
		var item string
		item, o, _ = strings.Cut(o, "|")
		if l, n, ok := strings.Cut(item, "="); ok && l == lang {
			return n, true
		}
	}
	return "", false
}

// lookupCountry returns the metadata of an upper-case country code.
func lookupCountry(code string) (*countryData, int, bool) {
	i := sort.Search(len(countries), func(i int) bool { return countries[i].code >= code })
	if i < len(countries) && countries[i].code == code {
		return &countries[i], i, true
	}
	return nil, -1, false
}

// compiled holds a country's postal code patterns, compiled on first use.
type compiled struct {
	zip  *regexp.Regexp                  // whole-input pattern, nil when the country has none
	sort *regexp.Regexp                  // whole-input sorting code pattern, nil when free text
	pre  string                          // letters the pattern requires at the start ("LV-", "AD")
	subs map[*subdivision]*regexp.Regexp // prefix patterns of subdivisions
}

// patterns caches the compiled patterns per country (index into countries).
// Each entry is filled once, on first use, by compile; the zero value is ready.
var patterns [len(countries)]struct {
	once sync.Once
	c    compiled
}

func patternsFor(i int) *compiled {
	p := &patterns[i]
	p.once.Do(func() { p.c = compile(&countries[i]) })
	return &p.c
}

func compile(c *countryData) compiled {
	var out compiled
	if c.zip != "" {
		// Generated patterns are checked by TestPatternsCompile.
		out.zip = regexp.MustCompile(`^(?:` + c.zip + `)$`)
		if pre, complete := out.zip.LiteralPrefix(); !complete && len(pre) >= 2 && isLetters(strings.TrimRight(pre, "- ")) {
			out.pre = pre
		}
	}
	if c.sort != "" {
		out.sort = regexp.MustCompile(`^(?:` + c.sort + `)$`)
	}
	var walk func(subs []subdivision)
	walk = func(subs []subdivision) {
		for i := range subs {
			s := &subs[i]
			if s.zip != "" {
				if out.subs == nil {
					out.subs = map[*subdivision]*regexp.Regexp{}
				}
				out.subs[s] = regexp.MustCompile(`^(?:` + s.zip + `)`)
			}
			walk(s.subs)
		}
	}
	walk(c.subs)
	return out
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}

// postalCode returns the canonical form of a trimmed postal code of country
// c (see postalCodeBody) and whether it matches the country's pattern, which
// it always does when the country has none. A code that starts with a digit
// and matches only with the prefix the pattern requires gets that prefix.
func (p *compiled) postalCode(c *countryData, zip string) (string, bool) {
	code := postalCodeBody(c, zip)
	if p.zip == nil || p.zip.MatchString(code) {
		return code, true
	}
	if p.pre != "" && code != "" && '0' <= code[0] && code[0] <= '9' {
		if withPre := p.pre + code; p.zip.MatchString(withPre) {
			return withPre, true
		}
	}
	return code, false
}
