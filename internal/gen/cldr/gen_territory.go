package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

func init() { register("territory", "country_tables.go", genTerritory) }

// notCountries are the two-letter territory codes CLDR has names for that
// are not ISO 3166-1 alpha-2 country codes: exceptionally reserved codes
// (AC, CP, DG, EA, IC, TA), CLDR's CQ (Sark, reserved), groupings (EU, EZ,
// UN, QO) and private-use codes (XA, XB pseudo-locales, ZZ unknown). XK
// (Kosovo) is user-assigned in ISO 3166-1 but used by CLDR, the EU and most
// software as a country code, so it is kept.
var notCountries = map[string]bool{
	"AC": true, "CP": true, "CQ": true, "DG": true, "EA": true, "IC": true, "TA": true,
	"EU": true, "EZ": true, "UN": true, "QO": true,
	"XA": true, "XB": true, "ZZ": true,
}

var alpha2 = regexp.MustCompile(`^[A-Z]{2}$`)

// countryRow is everything known about one country at generation time.
type countryRow struct {
	code, english, local, locale string
	languages                    []string
	currency                     string // "XXX" when the country has no legal tender of its own
	firstDay                     int    // time.Weekday
	measurement                  int    // 0 metric, 1 US, 2 UK
	zones                        []string
	calling                      int
}

// genTerritory writes the country facts table. Sources (all CLDR, except
// the calling code):
//   - the country list and English names: cldr-localenames-full main/en/territories.json;
//   - default locale: likelySubtags.json und-XX (CLDR's "add likely subtags"
//     algorithm: und-XX, else und with the region replaced), minimized by
//     dropping the script when it is the language's likely script; when
//     no locale of its fallback chain has CLDR data (sm-WS, bi-VU), the
//     first official language that has, with the region, else en-XX;
//   - localized name: territories.json of the default locale, walking its
//     CLDR fallback chain over every available locale;
//   - official languages: territoryInfo.json _officialStatus "official" or
//     "de_facto_official", by population share, largest first;
//   - currency: currencyData.json region, the first entry without _to and
//     with _tender not "false";
//   - first day of the week: weekData.json firstDay (001 when absent);
//   - measurement system: measurementData.json measurementSystem;
//   - time zones: see countryZones;
//   - calling code: github.com/nyaruka/phonenumbers (libphonenumber
//     metadata) GetCountryCodeForRegion, 0 where it has none.
func genTerritory(d *data) ([]byte, error) {
	rows, err := countryRows(d)
	if err != nil {
		return nil, err
	}
	var b buf
	b.p("package locale\n\n")
	b.p("// numCountries is the number of countries in the tables below.\n")
	b.p("const numCountries = %d\n\n", len(rows))
	b.p("// countryCodes holds the ISO 3166-1 alpha-2 codes, two bytes each,\n")
	b.p("// sorted; the tables below are indexed by position/2.\n")
	b.p("const countryCodes = \"")
	for _, r := range rows {
		b.p("%s", r.code)
	}
	b.p("\"\n\n")

	b.p("// countrySlots maps (a-'A')*26+(b-'A') of a code \"ab\" to its\n")
	b.p("// position in countryCodes plus one; 0 means no country.\n")
	b.p("var countrySlots = [26 * 26]uint8{")
	slots := make([]int, 26*26)
	for i, r := range rows {
		slots[int(r.code[0]-'A')*26+int(r.code[1]-'A')] = i + 1
	}
	if len(rows) > 254 {
		return nil, fmt.Errorf("%d countries do not fit countrySlots' uint8", len(rows))
	}
	elems(&b, slots[:], 26, "%d")
	b.p("}\n\n")

	packed := func(name, doc string, get func(r countryRow) string) {
		var s strings.Builder
		offs := []int{0}
		for _, r := range rows {
			s.WriteString(get(r))
			offs = append(offs, s.Len())
		}
		b.p("// %s%s holds %s, concatenated; entry i is\n", name, "Data", doc)
		b.p("// %sData[%sIndex[i]:%sIndex[i+1]].\n", name, name, name)
		b.p("const %sData = %q\n\n", name, s.String())
		b.p("var %sIndex = [numCountries + 1]uint16{", name)
		elems(&b, offs, 16, "%d")
		b.p("}\n\n")
	}
	packed("countryEnglish", "the English names (CLDR en)", func(r countryRow) string { return r.english })
	packed("countryLocal", "the names in each country's default locale", func(r countryRow) string { return r.local })
	packed("countryLocale", "the default locale IDs (likelySubtags)", func(r countryRow) string { return r.locale })
	packed("countryLanguages", "the official languages, space-separated BCP 47 tags", func(r countryRow) string { return strings.Join(r.languages, " ") })
	packed("countryZones", "the IANA time zones, space-separated", func(r countryRow) string { return strings.Join(r.zones, " ") })

	b.p("// countryCurrencies holds each country's ISO 4217 currency, three bytes\n")
	b.p("// each; \"XXX\" (ISO 4217 \"no currency\") marks a country without legal\n")
	b.p("// tender of its own in CLDR: %s.\n", strings.Join(noCurrency(rows), ", "))
	b.p("const countryCurrencies = \"")
	for _, r := range rows {
		b.p("%s", r.currency)
	}
	b.p("\"\n\n")
	b.p("// countryWeek packs the first day of the week (time.Weekday, low 3 bits)\n")
	b.p("// and the measurement system (bits 3-4: 0 metric, 1 US, 2 UK).\n")
	b.p("var countryWeek = [numCountries]uint8{")
	week := make([]int, len(rows))
	calling := make([]int, len(rows))
	for i, r := range rows {
		week[i] = int(r.firstDay | r.measurement<<3)
		calling[i] = int(r.calling)
	}
	elems(&b, week, 16, "%d")
	b.p("}\n\n")
	b.p("// countryCalling is the international calling code (libphonenumber); 0 for none.\n")
	b.p("var countryCalling = [numCountries]uint16{")
	elems(&b, calling, 16, "%d")
	b.p("}\n")
	return b.Bytes(), nil
}

func noCurrency(rows []countryRow) []string {
	var out []string
	for _, r := range rows {
		if r.currency == "XXX" {
			out = append(out, r.code)
		}
	}
	return out
}

// territoryNames reads localeDisplayNames territories of one locale.
func (d *data) territoryNames(id string) (map[string]string, error) {
	return readLocale[map[string]string](d, "cldr-localenames-full", id, "territories.json", "localeDisplayNames", "territories")
}

// exists reports whether pkg/path is in the unpacked data.
func (d *data) exists(pkg, path string) bool {
	_, err := os.Stat(filepath.Join(d.root, pkgDir(pkg), path))
	return err == nil
}

// defaultLocale returns the minimized likely locale of a region.
func defaultLocale(likely map[string]string, region string) (string, error) {
	full, ok := likely["und-"+region]
	if !ok {
		und, ok := likely["und"]
		if !ok {
			return "", fmt.Errorf("likelySubtags has no und")
		}
		p := strings.Split(und, "-")
		full = p[0] + "-" + p[1] + "-" + region
	}
	p := strings.Split(full, "-")
	if len(p) != 3 || len(p[1]) != 4 {
		return "", fmt.Errorf("likelySubtags und-%s = %q: want lang-Script-Region", region, full)
	}
	lang, script := p[0], p[1]
	if l, ok := likely[lang]; ok && strings.Split(l, "-")[1] == script {
		return lang + "-" + region, nil
	}
	return lang + "-" + script + "-" + region, nil
}

func countryRows(d *data) ([]countryRow, error) {
	en, err := d.territoryNames("en")
	if err != nil {
		return nil, err
	}
	likely, err := d.likelySubtags()
	if err != nil {
		return nil, err
	}
	parents, err := d.parentLocales()
	if err != nil {
		return nil, err
	}
	avail, err := d.availableLocales()
	if err != nil {
		return nil, err
	}
	territoryInfo, err := readSupplemental[map[string]struct {
		LanguagePopulation map[string]languagePopulation `json:"languagePopulation"`
	}](d, "territoryInfo.json", "territoryInfo")
	if err != nil {
		return nil, err
	}
	currencyData, err := readSupplemental[struct {
		Region map[string][]map[string]struct {
			From   string `json:"_from"`
			To     string `json:"_to"`
			Tender string `json:"_tender"`
		} `json:"region"`
	}](d, "currencyData.json", "currencyData")
	if err != nil {
		return nil, err
	}
	weekData, err := readSupplemental[struct {
		FirstDay map[string]string `json:"firstDay"`
	}](d, "weekData.json", "weekData")
	if err != nil {
		return nil, err
	}
	measurementSystem, err := readSupplemental[struct {
		System map[string]string `json:"measurementSystem"`
	}](d, "measurementData.json", "measurementData")
	if err != nil {
		return nil, err
	}
	zones, err := countryZones(d)
	if err != nil {
		return nil, err
	}
	days := map[string]int{"sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6}
	systems := map[string]int{"metric": 0, "US": 1, "UK": 2}
	namesCache := map[string]map[string]string{}

	var rows []countryRow
	for _, code := range sortedKeys(en) {
		if !alpha2.MatchString(code) || notCountries[code] {
			continue
		}
		r := countryRow{code: code, english: en[code]}
		if r.locale, err = defaultLocale(likely, code); err != nil {
			return nil, err
		}
		hasData := func(id string) bool {
			for ; id != ""; id = cldrParent(parents, likely, id) {
				if _, ok := slices.BinarySearch(avail, id); ok {
					return true
				}
			}
			return false
		}
		if !hasData(r.locale) {
			// No CLDR data in the likely locale's chain (sm-WS, bi-VU):
			// the first official language with data, else English.
			r.locale = "en-" + code
			for _, l := range officialLanguages(territoryInfo[code].LanguagePopulation) {
				if id := l + "-" + code; hasData(id) {
					r.locale = id
					break
				}
			}
		}
		// Localized name: walk the chain of the default locale.
		for id := r.locale; id != "" && r.local == ""; id = cldrParent(parents, likely, id) {
			if _, ok := slices.BinarySearch(avail, id); !ok || !d.exists("cldr-localenames-full", "main/"+id+"/territories.json") {
				continue
			}
			names, ok := namesCache[id]
			if !ok {
				if names, err = d.territoryNames(id); err != nil {
					return nil, err
				}
				namesCache[id] = names
			}
			r.local = names[code]
		}
		if r.local == "" {
			r.local = r.english
		}
		r.languages = officialLanguages(territoryInfo[code].LanguagePopulation)
		// Current legal tender.
		r.currency = "XXX"
		for _, entry := range currencyData.Region[code] {
			for cur, v := range entry {
				if r.currency == "XXX" && v.To == "" && v.Tender != "false" {
					r.currency = cur
				}
			}
		}
		fd, ok := weekData.FirstDay[code]
		if !ok {
			fd = weekData.FirstDay["001"]
		}
		if r.firstDay, ok = days[fd]; !ok {
			return nil, fmt.Errorf("weekData firstDay %s = %q", code, fd)
		}
		ms, ok := measurementSystem.System[code]
		if !ok {
			ms = measurementSystem.System["001"]
		}
		if r.measurement, ok = systems[ms]; !ok {
			return nil, fmt.Errorf("measurementSystem %s = %q", code, ms)
		}
		r.zones = zones[code]
		r.calling = phonenumbers.GetCountryCodeForRegion(code)
		rows = append(rows, r)
	}
	return rows, nil
}

// languagePopulation is one language of a territory in territoryInfo.json.
type languagePopulation struct {
	Percent string `json:"_populationPercent"`
	Status  string `json:"_officialStatus"`
}

// officialLanguages returns the languages with _officialStatus "official"
// or "de_facto_official" as BCP 47 tags, largest population share first.
// A malformed share counts as 0.
func officialLanguages(lp map[string]languagePopulation) []string {
	type share struct {
		tag string
		pct float64
	}
	var langs []share
	for l, v := range lp {
		if v.Status != "official" && v.Status != "de_facto_official" {
			continue
		}
		pct, _ := strconv.ParseFloat(v.Percent, 64)
		langs = append(langs, share{strings.ReplaceAll(l, "_", "-"), pct})
	}
	slices.SortFunc(langs, func(a, b share) int {
		if c := cmp.Compare(b.pct, a.pct); c != 0 {
			return c
		}
		return strings.Compare(a.tag, b.tag)
	})
	var out []string
	for _, l := range langs {
		out = append(out, l.tag)
	}
	return out
}

// countryZones returns the IANA time zones of every territory: the zones
// windowsZones.json maps to it, renamed from CLDR's IDs (some of them old
// IANA aliases such as Asia/Calcutta) to current IANA names with
// cldr-bcp47 timezone.json (_iana where given, else the first _alias),
// deduplicated, the primary zone first and the others sorted. The primary
// zone is the one primaryZones.json names for the territory, else the
// zone of its capital from capitalZones; a territory in neither has its
// zones sorted.
func countryZones(d *data) (map[string][]string, error) {
	windowsZones, err := readSupplemental[struct {
		MapTimezones []struct {
			MapZone struct {
				Type      string `json:"_type"`
				Territory string `json:"_territory"`
			} `json:"mapZone"`
		} `json:"mapTimezones"`
	}](d, "windowsZones.json", "windowsZones")
	if err != nil {
		return nil, err
	}
	primaryZones, err := readSupplemental[map[string]string](d, "primaryZones.json", "primaryZones")
	if err != nil {
		return nil, err
	}
	iana, err := d.ianaZoneNames()
	if err != nil {
		return nil, err
	}
	rename := func(z string) (string, error) {
		n, ok := iana[z]
		if !ok {
			return "", fmt.Errorf("time zone %s is not in cldr-bcp47 timezone.json", z)
		}
		return n, nil
	}

	cldrZones := map[string][]string{} // territory → CLDR zone IDs
	for _, m := range windowsZones.MapTimezones {
		z := m.MapZone
		for _, tz := range strings.Fields(z.Type) {
			if !slices.Contains(cldrZones[z.Territory], tz) {
				cldrZones[z.Territory] = append(cldrZones[z.Territory], tz)
			}
		}
	}
	out := map[string][]string{}
	for _, terr := range sortedKeys(cldrZones) {
		ids := slices.Sorted(slices.Values(cldrZones[terr]))
		pz, ok := primaryZones[terr]
		if ok && !slices.Contains(ids, pz) {
			return nil, fmt.Errorf("primary zone %s of %s is not among its windowsZones %v", pz, terr, ids)
		}
		if !ok {
			pz = capitalZones[terr]
		}
		var names []string
		for _, z := range ids {
			n, err := rename(z)
			if err != nil {
				return nil, err
			}
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
		slices.Sort(names)
		if pz != "" {
			p, err := rename(pz)
			if err != nil {
				return nil, err
			}
			i := slices.Index(names, p)
			if i < 0 {
				return nil, fmt.Errorf("primary zone %s of %s is not among its zones %v", p, terr, names)
			}
			names = slices.Insert(slices.Delete(names, i, i+1), 0, p)
		}
		out[terr] = names
	}
	return out, nil
}

// capitalZones is the zone of the capital city (current IANA names) of
// the countries with more than one zone for which CLDR names no primary
// zone (primaryZones.json), so that CountryInfo lists the zone most people
// live in first: America/New_York for US, not America/Adak. CLDR has no
// population data per zone. Where the capital has no zone of its own,
// the zone it keeps time with: Australia/Sydney for Canberra,
// America/Sao_Paulo for Brasília, Asia/Almaty for Astana, Asia/Hebron for
// Ramallah. AQ and UM have no capital and keep their zones sorted.
// countryZones checks that every entry is among the country's zones.
var capitalZones = map[string]string{
	"AR": "America/Argentina/Buenos_Aires",
	"AU": "Australia/Sydney",
	"BR": "America/Sao_Paulo",
	"CA": "America/Toronto",
	"CD": "Africa/Kinshasa",
	"CY": "Asia/Nicosia",
	"FM": "Pacific/Pohnpei",
	"GL": "America/Nuuk",
	"ID": "Asia/Jakarta",
	"KI": "Pacific/Tarawa",
	"KZ": "Asia/Almaty",
	"MN": "Asia/Ulaanbaatar",
	"MX": "America/Mexico_City",
	"PF": "Pacific/Tahiti",
	"PG": "Pacific/Port_Moresby",
	"PS": "Asia/Hebron",
	"RU": "Europe/Moscow",
	"US": "America/New_York",
}

// ianaZoneNames maps every time zone ID and alias of cldr-bcp47
// timezone.json to the current IANA name of its zone: _iana where given
// (Asia/Calcutta → Asia/Kolkata), else the first _alias, which is then
// both CLDR's and IANA's ID.
func (d *data) ianaZoneNames() (map[string]string, error) {
	var tz struct {
		Keyword struct {
			U struct {
				TZ map[string]json.RawMessage `json:"tz"`
			} `json:"u"`
		} `json:"keyword"`
	}
	if err := d.read("cldr-bcp47", "bcp47/timezone.json", &tz); err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, key := range sortedKeys(tz.Keyword.U.TZ) {
		var e struct {
			Alias string `json:"_alias"`
			IANA  string `json:"_iana"`
		}
		if json.Unmarshal(tz.Keyword.U.TZ[key], &e) != nil || e.Alias == "" {
			continue // the key's own _description and _alias strings
		}
		aliases := strings.Fields(e.Alias)
		name := e.IANA
		if name == "" {
			name = aliases[0]
		}
		for _, a := range aliases {
			out[a] = name
		}
	}
	return out, nil
}
