package locale

// Consistency checks over the generated tables: they catch a generator
// bug or a CLDR update that breaks an assumption of the lookup code.

import (
	"archive/zip"
	"io"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // every zone must load, whatever the host has installed
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/nyaruka/phonenumbers"
	"golang.org/x/text/language"
)

func TestLocaleListsSorted(t *testing.T) {
	for name, ids := range map[string][]string{
		"cldrAvailableLocales": cldrAvailableLocales[:],
		"cldrModernLocales":    cldrModernLocales[:],
	} {
		if !slices.IsSorted(ids) {
			t.Errorf("%s is not sorted", name)
		}
	}
}

func isAvailable(id string) bool {
	i := sort.SearchStrings(cldrAvailableLocales[:], id)
	return i < len(cldrAvailableLocales) && cldrAvailableLocales[i] == id
}

func isModern(id string) bool {
	i := sort.SearchStrings(cldrModernLocales[:], id)
	return i < len(cldrModernLocales) && cldrModernLocales[i] == id
}

// TestParentLocalesExist checks that every parent named in parentLocales
// is root or a locale CLDR has data for, and that following parents
// always ends at root.
func TestParentLocalesExist(t *testing.T) {
	for _, p := range parentLocales {
		if p.parent != "" && !isAvailable(p.parent) {
			t.Errorf("parentLocales: parent %q of %q is not a CLDR locale", p.parent, p.child)
		}
		seen := map[string]bool{}
		for id := p.child; id != ""; id = parentID(id) {
			if seen[id] {
				t.Fatalf("parent cycle from %q at %q", p.child, id)
			}
			seen[id] = true
		}
	}
	for i := 1; i < len(regionScripts); i++ {
		if regionScripts[i-1].id >= regionScripts[i].id {
			t.Errorf("regionScripts not sorted at %d: %q", i, regionScripts[i].id)
		}
	}
	for _, r := range regionScripts {
		if len(r.script) != 4 || strings.Count(r.id, "-") != 1 {
			t.Errorf("regionScripts entry %+v is not language-Region → Script", r)
		}
	}
	for _, l := range likelyScripts {
		if len(l.script) != 4 || l.lang == "" {
			t.Errorf("likelyScripts entry %+v is not language → Script", l)
		}
	}
}

func TestCountryTablesSorted(t *testing.T) {
	if len(countryCodes) != 2*numCountries {
		t.Fatalf("countryCodes has %d bytes for %d countries", len(countryCodes), numCountries)
	}
	for i := 1; i < numCountries; i++ {
		if countryCodes[2*i-2:2*i] >= countryCodes[2*i:2*i+2] {
			t.Errorf("countryCodes not sorted at %d: %q", i, countryCodes[2*i:2*i+2])
		}
	}
	slots := 0
	for k, v := range countrySlots {
		if v == 0 {
			continue
		}
		slots++
		if code := string([]byte{byte('A' + k/26), byte('A' + k%26)}); countryCodes[2*int(v-1):2*int(v)] != code {
			t.Errorf("countrySlots[%s] points at %q", code, countryCodes[2*int(v-1):2*int(v)])
		}
	}
	if slots != numCountries {
		t.Errorf("countrySlots has %d countries, want %d", slots, numCountries)
	}
	if len(currencyCodes) != 3*numCurrencies {
		t.Fatalf("currencyCodes has %d bytes for %d currencies", len(currencyCodes), numCurrencies)
	}
	for i := 1; i < numCurrencies; i++ {
		if currencyCodes[3*i-3:3*i] >= currencyCodes[3*i:3*i+3] {
			t.Errorf("currencyCodes not sorted at %d: %q", i, currencyCodes[3*i:3*i+3])
		}
	}
	for name, idx := range map[string]struct {
		index *[numCountries + 1]uint16
		data  string
	}{
		"countryEnglish":   {&countryEnglishIndex, countryEnglishData},
		"countryLocal":     {&countryLocalIndex, countryLocalData},
		"countryLocale":    {&countryLocaleIndex, countryLocaleData},
		"countryLanguages": {&countryLanguagesIndex, countryLanguagesData},
		"countryZones":     {&countryZonesIndex, countryZonesData},
	} {
		if idx.index[0] != 0 || int(idx.index[numCountries]) != len(idx.data) {
			t.Errorf("%sIndex spans %d..%d, data has %d bytes", name, idx.index[0], idx.index[numCountries], len(idx.data))
		}
		for i := 1; i <= numCountries; i++ {
			if idx.index[i] < idx.index[i-1] {
				t.Errorf("%sIndex decreases at %d", name, i)
			}
		}
		if !utf8.ValidString(idx.data) {
			t.Errorf("%sData is not valid UTF-8", name)
		}
	}
	if !utf8.ValidString(namePool) {
		t.Error("namePool is not valid UTF-8")
	}
}

// TestCountryCurrencies checks that every country has a currency this
// package knows, or is explicitly marked as having none ("XXX").
func TestCountryCurrencies(t *testing.T) {
	var none []string
	for i := range numCountries {
		code, cur := countryCodes[2*i:2*i+2], countryCurrencies[3*i:3*i+3]
		if cur == "XXX" {
			none = append(none, code)
			continue
		}
		if _, ok := CurrencyInfo(cur); !ok {
			t.Errorf("country %s: currency %q unknown to CurrencyInfo", code, cur)
		}
	}
	// CLDR 48.1 gives every country but Antarctica a legal tender; a new
	// release that drops one must be looked at.
	if diff := cmp.Diff([]string{"AQ"}, none); diff != "" {
		t.Errorf("countries without currency (-want +got):\n%s", diff)
	}
}

// TestCountryDefaultLocales checks that every default locale parses, is
// for its own country, and resolves through its fallback chain to a
// locale CLDR has data for; most must reach modern-coverage data.
func TestCountryDefaultLocales(t *testing.T) {
	modern := 0
	for _, code := range Countries() {
		id := countryLocaleData[countryLocaleIndex[countryIdx(t, code)]:countryLocaleIndex[countryIdx(t, code)+1]]
		tag, err := language.Parse(id)
		if err != nil {
			t.Errorf("country %s: default locale %q: %v", code, id, err)
			continue
		}
		if r, _ := tag.Region(); r.String() != code {
			t.Errorf("country %s: default locale %q is for region %v", code, id, r)
		}
		var found, foundModern bool
		for _, l := range Chain(tag) {
			found = found || isAvailable(localeID(l))
			foundModern = foundModern || isModern(localeID(l))
		}
		if !found {
			t.Errorf("country %s: no locale of Chain(%s) = %v has CLDR data", code, id, Chain(tag))
		}
		if foundModern {
			modern++
		}
		for _, l := range strings.Fields(countryLanguagesData[countryLanguagesIndex[countryIdx(t, code)]:countryLanguagesIndex[countryIdx(t, code)+1]]) {
			if _, err := language.Parse(l); err != nil {
				t.Errorf("country %s: official language %q: %v", code, l, err)
			}
		}
	}
	if modern < 200 {
		t.Errorf("only %d of %d default locales reach modern-coverage data", modern, numCountries)
	}
}

func countryIdx(t *testing.T, code string) int {
	t.Helper()
	i, ok := countryIndex(code)
	if !ok {
		t.Fatalf("countryIndex(%q) = false", code)
	}
	return i
}

// TestCountryTimeZonesLoad loads every time zone with the embedded IANA
// database, and checks that only the territories known to have no
// mapping in CLDR lack zones.
func TestCountryTimeZonesLoad(t *testing.T) {
	var without []string
	for _, code := range Countries() {
		c, _ := CountryInfo(code)
		zones := c.TimeZones()
		if len(zones) == 0 {
			without = append(without, code)
		}
		for _, z := range zones {
			if _, err := time.LoadLocation(z); err != nil {
				t.Errorf("country %s: time zone %q: %v", code, z, err)
			}
		}
	}
	if diff := cmp.Diff([]string{"BV", "HM", "XK"}, without); diff != "" {
		t.Errorf("countries without time zones (-want +got):\n%s", diff)
	}
}

// TestCountryTimeZonesInGoTZData checks every zone against Go's own copy
// of the IANA database, $GOROOT/lib/time/zoneinfo.zip, from which
// time/tzdata is generated: LoadLocation above may have found a zone in
// the host's /usr/share/zoneinfo instead. It runs the go command (to find
// GOROOT), which keeps go test from caching the package's result, so it
// runs only with -long.
func TestCountryTimeZonesInGoTZData(t *testing.T) {
	if !*long {
		t.Skip("runs the go command; use -long")
	}
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	zr, err := zip.OpenReader(filepath.Join(strings.TrimSpace(string(out)), "lib", "time", "zoneinfo.zip"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	for _, code := range Countries() {
		c, _ := CountryInfo(code)
		for _, z := range c.TimeZones() {
			f, ok := files[z]
			if !ok {
				t.Errorf("country %s: time zone %q is not in Go's tzdata", code, z)
				continue
			}
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			data, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := time.LoadLocationFromTZData(z, data); err != nil {
				t.Errorf("country %s: time zone %q: %v", code, z, err)
			}
		}
	}
}

// TestCountryCallingCodes compares the generated calling codes with the
// libphonenumber metadata they were generated from.
func TestCountryCallingCodes(t *testing.T) {
	for _, code := range Countries() {
		c, _ := CountryInfo(code)
		if want := phonenumbers.GetCountryCodeForRegion(code); c.CallingCode != want {
			t.Errorf("country %s: CallingCode = %d, phonenumbers says %d", code, c.CallingCode, want)
		}
	}
}
