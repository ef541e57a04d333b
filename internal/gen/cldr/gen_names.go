package main

import (
	"fmt"
	"log"
	"slices"
	"strings"
)

func init() { register("names", "names_tables.go", genNames) }

// Kinds of display names; the kind is the top bits of an entry key.
const (
	kindCountry  = 0
	kindLanguage = 1
	kindCurrency = 2
	kindScript   = 3
	kindPattern  = 4  // ID 0: localePattern, 1: localeSeparator
	kindShift    = 10 // key = kind<<kindShift | code ID
)

// genNames writes the display names of countries, languages and
// currencies in every modern-coverage locale:
//   - countries: cldr-localenames-full territories.json, for the
//     countries of the territory generator (IDs = their positions);
//   - languages: cldr-localenames-full languages.json, for the language
//     codes of modern locales and the compound keys CLDR has for them
//     (en-GB "British English", zh-Hant, de-CH), without -alt- forms;
//   - currencies: cldr-numbers-full currencies.json displayName, for the
//     currencies of the currency generator (IDs = their positions);
//   - scripts: cldr-localenames-full scripts.json, for the scripts of
//     modern locales and the likely scripts of their languages;
//   - patterns: localeDisplayNames.json localePattern ("{0} ({1})") and
//     localeSeparator ("{0}, {1}"), which LanguageName uses to qualify a
//     language name with a script or region name.
//
// Each locale keeps only the names that differ from those of its runtime
// ancestor (the next locale of its fallback chain, computed as
// locale.parentID does, that is in the table); locales left with no
// names of their own are dropped. Every distinct name is stored once in
// one pool string.
func genNames(d *data) ([]byte, error) {
	modern, err := d.modernLocales()
	if err != nil {
		return nil, err
	}
	rows, err := countryRows(d)
	if err != nil {
		return nil, err
	}
	likely, err := d.likelySubtags()
	if err != nil {
		return nil, err
	}
	parent, err := d.parentFunc()
	if err != nil {
		return nil, err
	}

	// Locales we can serve: modern, language[-Script][-Region] only
	// (locale.localeID drops variants), with all three files.
	var locales []string
	for _, id := range modern {
		if !validLocaleID(id) {
			continue
		}
		if !d.exists("cldr-localenames-full", "main/"+id+"/territories.json") ||
			!d.exists("cldr-localenames-full", "main/"+id+"/languages.json") ||
			!d.exists("cldr-localenames-full", "main/"+id+"/scripts.json") ||
			!d.exists("cldr-localenames-full", "main/"+id+"/localeDisplayNames.json") ||
			!d.exists("cldr-numbers-full", "main/"+id+"/currencies.json") {
			continue
		}
		locales = append(locales, id)
	}

	// Language keys.
	en, err := d.languageNames("en")
	if err != nil {
		return nil, err
	}
	bases := map[string]bool{}
	for _, id := range locales {
		bases[strings.Split(id, "-")[0]] = true
	}
	var langKeys []string
	for _, k := range sortedKeys(en) {
		if strings.Contains(k, "-alt-") || !validLocaleID(k) {
			continue
		}
		if bases[strings.Split(k, "-")[0]] {
			langKeys = append(langKeys, k)
		}
	}
	// Scripts: those of modern locale IDs and the likely scripts of their
	// languages and of language-region pairs.
	scriptSet := map[string]bool{}
	for _, id := range locales {
		parts := strings.Split(id, "-")
		if len(parts) > 1 && len(parts[1]) == 4 {
			scriptSet[parts[1]] = true
		}
		for k, v := range likely {
			if k == parts[0] || strings.HasPrefix(k, parts[0]+"-") {
				scriptSet[strings.Split(v, "-")[1]] = true
			}
		}
	}
	scripts := sortedKeys(scriptSet)
	curCodes, err := d.currencyCodes()
	if err != nil {
		return nil, err
	}
	if len(rows) >= 1<<kindShift || len(langKeys) >= 1<<kindShift || len(curCodes) >= 1<<kindShift {
		return nil, fmt.Errorf("too many codes for %d-bit IDs", kindShift)
	}

	// names[id][key] is the resolved name of key in locale id.
	names := map[string]map[int]string{}
	for _, id := range locales {
		terr, err := d.territoryNames(id)
		if err != nil {
			return nil, err
		}
		langs, err := d.languageNames(id)
		if err != nil {
			return nil, err
		}
		curs, err := d.currencyNames(id)
		if err != nil {
			return nil, err
		}
		scr, err := d.scriptNames(id)
		if err != nil {
			return nil, err
		}
		pat, err := d.displayPattern(id)
		if err != nil {
			return nil, err
		}
		m := map[int]string{}
		for i, sc := range scripts {
			if n := scr[sc]; n != "" && n != sc {
				m[kindScript<<kindShift|i] = n
			}
		}
		if pat.LocalePattern == "" || pat.LocaleSeparator == "" {
			return nil, fmt.Errorf("%s: no localeDisplayPattern", id)
		}
		m[kindPattern<<kindShift] = pat.LocalePattern
		m[kindPattern<<kindShift+1] = pat.LocaleSeparator
		for i, r := range rows {
			if n := terr[r.code]; n != "" && n != r.code {
				m[kindCountry<<kindShift|i] = n
			}
		}
		for i, k := range langKeys {
			if n := langs[k]; n != "" && n != k {
				m[kindLanguage<<kindShift|i] = n
			}
		}
		for i, c := range curCodes {
			if n := curs[c]; n != "" && n != c {
				m[kindCurrency<<kindShift|i] = n
			}
		}
		names[id] = m
	}
	inTable := map[string]bool{}
	for _, id := range locales {
		inTable[id] = true
	}
	ancestor := func(id string) string {
		for p := parent(id); p != ""; p = parent(p) {
			if inTable[p] {
				return p
			}
		}
		return ""
	}
	// Deduplicate against the runtime ancestor. Ancestors are computed on
	// the full sets, so process in an order where the ancestor's full set is
	// still available: compute all diffs first, then drop empty locales
	// (dropping never changes what a lookup finds, because the walk
	// continues to the same ancestor).
	own := map[string][]int{}
	for _, id := range locales {
		a := ancestor(id)
		var keys []int
		for k, n := range names[id] {
			if a == "" || names[a][k] != n {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		own[id] = keys
	}
	var kept []string
	for _, id := range locales {
		if len(own[id]) > 0 {
			kept = append(kept, id)
		}
	}

	// Pool: distinct names in first-use order.
	var pool strings.Builder
	offsets := map[string]int{}
	var entries []byte
	starts := []int{0}
	total := 0
	for _, id := range kept {
		for _, k := range own[id] {
			n := names[id][k]
			if len(n) > 255 {
				return nil, fmt.Errorf("%s: name %q longer than 255 bytes", id, n)
			}
			off, ok := offsets[n]
			if !ok {
				off = pool.Len()
				offsets[n] = off
				pool.WriteString(n)
			}
			ref := uint32(off)<<8 | uint32(len(n))
			if off >= 1<<24 {
				return nil, fmt.Errorf("name pool over 16 MiB")
			}
			entries = append(entries, byte(k>>8), byte(k), byte(ref>>24), byte(ref>>16), byte(ref>>8), byte(ref))
			total++
		}
		starts = append(starts, total)
	}

	var b buf
	b.p("package locale\n\n")
	b.p("// Display names of %d countries, %d language keys, %d currencies and %d\n", len(rows), len(langKeys), len(curCodes), len(scripts))
	b.p("// scripts, and the locale display patterns, in\n")
	b.p("// %d modern-coverage locales, %d of which have names of their own (the\n", len(locales), len(kept))
	b.p("// others use their ancestor's). %d entries (%d bytes), name pool %d bytes,\n", total, len(entries), pool.Len())
	b.p("// locale index %d bytes: %d bytes in all.\n\n", 4*(len(starts))+16*len(kept), len(entries)+pool.Len()+4*len(starts)+16*len(kept))
	b.p("// Kinds of names: the top bits of an entry key.\n")
	b.p("const (\n\tnameCountry = %d\n\tnameLanguage = %d\n\tnameCurrency = %d\n\tnameScript = %d\n\tnamePattern = %d\n\tnameKindShift = %d\n)\n\n",
		kindCountry, kindLanguage, kindCurrency, kindScript, kindPattern, kindShift)
	b.p("// nameScripts are the ISO 15924 script codes with names, sorted; a\n")
	b.p("// script ID is a position in this string divided by 4.\n")
	b.p("const nameScripts = %q\n\n", strings.Join(scripts, ""))
	b.p("// nameLanguageKeys are the languages.json keys with names, sorted; a\n")
	b.p("// language key ID is a position in this array.\n")
	b.p("var nameLanguageKeys = [...]string{")
	elems(&b, langKeys, 10, "%q")
	b.p("}\n\n")
	b.p("// nameLocales are the locale IDs with names of their own, sorted.\n")
	b.p("var nameLocales = [...]string{")
	elems(&b, kept, 10, "%q")
	b.p("}\n\n")
	b.p("// nameStarts[i] is the first entry of nameLocales[i]; its entries end\n")
	b.p("// at nameStarts[i+1].\n")
	b.p("var nameStarts = [len(nameLocales) + 1]uint32{")
	elems(&b, starts, 12, "%d")
	b.p("}\n\n")
	b.p("// nameEntries holds 6 bytes per entry, big endian: the key (uint16,\n")
	b.p("// kind<<nameKindShift | code ID) and the name (uint32, pool offset<<8 |\n")
	b.p("// length). The entries of a locale are sorted by key.\n")
	b.p("const nameEntries = \"\" +\n")
	writeChunks(&b, string(entries), 96, false)
	b.p("\n// namePool holds every distinct name once.\n")
	b.p("const namePool = \"\" +\n")
	writeChunks(&b, pool.String(), 2000, true)
	log.Printf("names: %d locales (%d kept), %d entries, entries %d B, pool %d B", len(locales), len(kept), total, len(entries), pool.Len())
	return b.Bytes(), nil
}

// writeChunks writes s as a concatenation of quoted chunks of about n
// bytes, never splitting a UTF-8 sequence when text is true.
func writeChunks(b *buf, s string, n int, text bool) {
	for len(s) > 0 {
		i := min(n, len(s))
		if text {
			for i < len(s) && s[i]&0xC0 == 0x80 {
				i++
			}
		}
		sep := " +\n"
		if i == len(s) {
			sep = "\n"
		}
		if text {
			b.p("%q%s", s[:i], sep)
		} else {
			b.p("\"")
			for _, c := range []byte(s[:i]) {
				b.p("\\x%02x", c)
			}
			b.p("\"%s", sep)
		}
		s = s[i:]
	}
}

// validLocaleID reports whether id is language[-Script][-Region].
func validLocaleID(id string) bool {
	parts := strings.Split(id, "-")
	if len(parts) > 3 {
		return false
	}
	for i, p := range parts[1:] {
		isScript := len(p) == 4
		isRegion := len(p) == 2 || len(p) == 3 && p[0] >= '0' && p[0] <= '9'
		if !(isScript && i == 0 || isRegion) {
			return false
		}
	}
	return true
}

// scriptNames reads localeDisplayNames scripts of one locale.
func (d *data) scriptNames(id string) (map[string]string, error) {
	return readLocale[map[string]string](d, "cldr-localenames-full", id, "scripts.json", "localeDisplayNames", "scripts")
}

// displayPattern is localeDisplayPattern of localeDisplayNames.json.
type displayPattern struct {
	LocalePattern   string `json:"localePattern"`
	LocaleSeparator string `json:"localeSeparator"`
}

// displayPattern reads the locale display pattern of one locale.
func (d *data) displayPattern(id string) (displayPattern, error) {
	return readLocale[displayPattern](d, "cldr-localenames-full", id, "localeDisplayNames.json", "localeDisplayNames", "localeDisplayPattern")
}

// languageNames reads localeDisplayNames languages of one locale.
func (d *data) languageNames(id string) (map[string]string, error) {
	return readLocale[map[string]string](d, "cldr-localenames-full", id, "languages.json", "localeDisplayNames", "languages")
}

// currencyNames reads the currency display names of one locale.
func (d *data) currencyNames(id string) (map[string]string, error) {
	cs, err := readLocale[map[string]struct {
		DisplayName string `json:"displayName"`
	}](d, "cldr-numbers-full", id, "currencies.json", "numbers", "currencies")
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for c, n := range cs {
		out[c] = n.DisplayName
	}
	return out, nil
}
