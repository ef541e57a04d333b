package locale

import (
	"sort"

	"golang.org/x/text/language"
)

// Display names come from CLDR (cldr-localenames-full territories.json
// and languages.json, cldr-numbers-full currencies.json) for the
// modern-coverage locales, deduplicated against parent locales; see
// names_tables.go for the sizes. NewFormatter resolves the name-table
// locales of the tag's fallback chain (see Chain) once, so de-AT finds the
// names of de, and CountryName and CurrencyName do not allocate. All three
// return (name, true) or ("", false), never a made-up name: callers choose
// their own fallback (the code, the English name).

// CountryName returns the name of the country with the given ISO 3166-1
// alpha-2 code (lower case accepted) in the Formatter's locale, e.g.
// "Schweiz" for CH in de. It reports false for a code CountryInfo does not
// know, and for a locale whose fallback chain has no name for it (CLDR
// names every country in every modern locale, so this happens only for
// tags without modern data).
func (f *Formatter) CountryName(code string) (string, bool) {
	f.check()
	return countryName(&f.names, code)
}

// LanguageName returns the display name of a language tag in the
// Formatter's locale, following CLDR's locale display name algorithm: the
// most specific name CLDR has among language-Script-Region,
// language-Script, language-Region and language, qualified with the names
// of the script and region it does not cover, in the locale's
// localePattern. In en: en-GB is "British English", zh-Hant-TW
// "Traditional Chinese (Taiwan)", fr-BE "French (Belgium)", sr-Latn-BA
// "Serbian (Latin, Bosnia & Herzegovina)". A region or script without a name in the
// tables is shown by its code (es-419 where CLDR has no compound name).
// Variants and extensions are ignored. Names exist for the languages of
// modern-coverage locales; it reports false for other languages (tlh) and
// for und.
func (f *Formatter) LanguageName(tag language.Tag) (string, bool) {
	f.check()
	return languageName(&f.names, tag)
}

// CurrencyName returns the display name of the currency with the given
// ISO 4217 code (lower case accepted) in the Formatter's locale, e.g.
// "Schweizer Franken" for CHF in de. It reports false for a code
// CurrencyInfo does not know, and for the few fund and special codes a
// locale does not name (CHE, UYW and XAD in some locales); every country's
// currency is named in every modern locale.
func (f *Formatter) CurrencyName(code string) (string, bool) {
	f.check()
	return currencyName(&f.names, code)
}

// Keys of the locale display patterns.
const (
	keyLocalePattern   = namePattern << nameKindShift   // "{0} ({1})"
	keyLocaleSeparator = namePattern<<nameKindShift | 1 // "{0}, {1}"
)

// countryName returns the name of a country in the locales of names.
func countryName(names *nameChain, code string) (string, bool) {
	i, ok := countryIndex(code)
	if !ok {
		return "", false
	}
	return names.lookup(nameCountry<<nameKindShift | uint16(i))
}

// currencyName returns the name of a currency in the locales of names.
func currencyName(names *nameChain, code string) (string, bool) {
	i, ok := currencyIndex(code)
	if !ok {
		return "", false
	}
	return names.lookup(nameCurrency<<nameKindShift | uint16(i))
}

// languageName returns the display name of lang in the locales of names.
func languageName(names *nameChain, lang language.Tag) (string, bool) {
	base, script, region := lang.Raw()
	if base == (language.Base{}) {
		return "", false
	}
	b := base.String()
	hasScript, hasRegion := script != (language.Script{}), region != (language.Region{})
	// The most specific key CLDR names, and what is left to qualify it.
	type try struct {
		key            string
		script, region bool // qualifiers still to add
	}
	var tries [4]try
	n := 0
	if hasScript && hasRegion {
		tries[n] = try{b + "-" + script.String() + "-" + region.String(), false, false}
		n++
	}
	if hasScript {
		tries[n] = try{b + "-" + script.String(), false, hasRegion}
		n++
	}
	if hasRegion {
		tries[n] = try{b + "-" + region.String(), hasScript, false}
		n++
	}
	tries[n] = try{b, hasScript, hasRegion}
	n++
	for _, t := range tries[:n] {
		i := sort.SearchStrings(nameLanguageKeys[:], t.key)
		if i == len(nameLanguageKeys) || nameLanguageKeys[i] != t.key {
			continue
		}
		name, ok := names.lookup(nameLanguage<<nameKindShift | uint16(i))
		if !ok {
			continue
		}
		if !t.script && !t.region {
			return name, true
		}
		var qual string
		if t.script {
			qual = scriptName(names, script.String())
		}
		if t.region {
			r := region.String()
			rn, ok := "", false
			if ci, known := countryIndex(r); known {
				rn, ok = names.lookup(nameCountry<<nameKindShift | uint16(ci))
			}
			if !ok {
				rn = r // no name (a numeric or private-use region): the code, as CLDR does
			}
			if qual == "" {
				qual = rn
			} else {
				sep, _ := names.lookup(keyLocaleSeparator)
				qual = fillPattern(sep, qual, rn)
			}
		}
		pat, _ := names.lookup(keyLocalePattern)
		return fillPattern(pat, name, qual), true
	}
	return "", false
}

// scriptName returns the name of an ISO 15924 script code in the chain's
// locale, or the code itself where the tables have none.
func scriptName(names *nameChain, code string) string {
	for i := 0; i+4 <= len(nameScripts); i += 4 {
		if nameScripts[i:i+4] == code {
			if s, ok := names.lookup(nameScript<<nameKindShift | uint16(i/4)); ok {
				return s
			}
			break
		}
	}
	return code
}

// fillPattern replaces {0} and {1} in a CLDR display pattern. A locale
// without a pattern (root) gets "{0} ({1})".
func fillPattern(pat, a, b string) string {
	if pat == "" {
		pat = "{0} ({1})"
	}
	out := make([]byte, 0, len(pat)+len(a)+len(b))
	for i := 0; i < len(pat); i++ {
		if pat[i] == '{' && i+2 < len(pat) && pat[i+2] == '}' && (pat[i+1] == '0' || pat[i+1] == '1') {
			if pat[i+1] == '0' {
				out = append(out, a...)
			} else {
				out = append(out, b...)
			}
			i += 2
			continue
		}
		out = append(out, pat[i])
	}
	return string(out)
}

// nameChain lists the name-table locales of a fallback chain, most
// specific first (a chain has at most a handful of locales).
type nameChain struct {
	idx [8]uint16
	n   int
}

// namesFor resolves the name-table locales of the fallback chain that
// starts at the CLDR locale ID id (see localeID).
func namesFor(id string) nameChain {
	var c nameChain
	for ; id != "" && c.n < len(c.idx); id = parentID(id) {
		li := sort.SearchStrings(nameLocales[:], id)
		if li < len(nameLocales) && nameLocales[li] == id {
			c.idx[c.n] = uint16(li)
			c.n++
		}
	}
	return c
}

// lookup finds the name with the given key in the first locale of the
// chain that has one.
func (c *nameChain) lookup(key uint16) (string, bool) {
	for _, li := range c.idx[:c.n] {
		if s, ok := lookupIn(int(li), key); ok {
			return s, true
		}
	}
	return "", false
}

// lookupIn finds the name with the given key among the entries of
// nameLocales[li], by binary search.
func lookupIn(li int, key uint16) (string, bool) {
	lo, hi := int(nameStarts[li]), int(nameStarts[li+1])
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		e := nameEntries[m*6 : m*6+6]
		k := uint16(e[0])<<8 | uint16(e[1])
		switch {
		case k == key:
			ref := uint32(e[2])<<24 | uint32(e[3])<<16 | uint32(e[4])<<8 | uint32(e[5])
			off, n := ref>>8, ref&0xff
			return namePool[off : off+n], true
		case k < key:
			lo = m + 1
		default:
			hi = m
		}
	}
	return "", false
}
