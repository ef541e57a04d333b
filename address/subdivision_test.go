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
		{"country with spaces", " ca ", "QC", "CA-QC", true},
		{"IR key given to two provinces: Razavi Khorasan", "IR", "استان خراسان رضوی", "IR-09", true},
		{"IR key given to two provinces: Markazi", "IR", "استان مرکزی", "IR-00", true},
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
		// The data has no ISO code for the US territories (ISO 3166-2
		// lists US-PR, but PR is also a country: ISO 3166-1 PR).
		{"US territory", "US", "PR", "", false},
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
	// Keys the data gives to two subdivisions, and the code each maps to.
	wantDup := map[string]string{
		"IR/استان خراسان رضوی": "IR-09",
		"IR/استان مرکزی":       "IR-00",
	}
	gotDup := map[string]string{}
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
				gotDup[c.code+"/"+s.key] = got
				continue
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
	if diff := cmp.Diff(wantDup, gotDup); diff != "" {
		t.Errorf("keys given to several subdivisions (-want +got):\n%s", diff)
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
					if got, ok := SubdivisionCode(c.code, s.key); !ok || (got != want && c.code != "IR") { // IR: see wantDup above
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
			if f := Form(c.code, loc); f.Subdivisions != nil {
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
