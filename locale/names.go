package locale

import (
	"sort"

	"golang.org/x/text/language"
)

// Display names come from CLDR (cldr-localenames-full territories.json
// and languages.json, cldr-numbers-full currencies.json) for the
// modern-coverage locales, deduplicated against parent locales; see
// names_tables.go for the sizes. A lookup walks the Formatter tag's
// fallback chain (see Chain), so de-AT finds the names of de. All three
// return (name, true) or ("", false), never a made-up name: callers choose
// their own fallback (the code, the English name).

// CountryName returns the name of the country with the given ISO 3166-1
// alpha-2 code (lowercase accepted) in the Formatter's locale, e.g.
// "Schweiz" for CH in de. It reports false for a code CountryInfo does not
// know, and for a locale whose fallback chain has no name for it (CLDR
// names every country in every modern locale, so this happens only for
// tags without modern data).
func (f *Formatter) CountryName(code string) (string, bool) {
	return countryName(f.Tag(), code)
}

// LanguageName returns the name of a language in the Formatter's locale.
// It uses the most specific name CLDR has among language-Script-Region,
// language-Script, language-Region and language: en-GB is "British
// English" in en, zh-Hant is "Traditional Chinese", fr-BE falls back to
// "French". Names exist for the languages of modern-coverage locales; it
// reports false for other languages (tlh) and for und.
func (f *Formatter) LanguageName(tag language.Tag) (string, bool) {
	return languageName(f.Tag(), tag)
}

// CurrencyName returns the display name of the currency with the given
// ISO 4217 code (lowercase accepted) in the Formatter's locale, e.g.
// "Schweizer Franken" for CHF in de. It reports false for a code
// CurrencyInfo does not know, and for the few fund and special codes a
// locale does not name (CHE, UYW and XAD in some locales); every country's
// currency is named in every modern locale.
func (f *Formatter) CurrencyName(code string) (string, bool) {
	return currencyName(f.Tag(), code)
}

func countryName(in language.Tag, code string) (string, bool) {
	i, ok := countryIndex(code)
	if !ok {
		return "", false
	}
	return lookupName(in, nameCountry<<nameKindShift|uint16(i))
}

func currencyName(in language.Tag, code string) (string, bool) {
	i, ok := currencyIndex(code)
	if !ok {
		return "", false
	}
	return lookupName(in, nameCurrency<<nameKindShift|uint16(i))
}

func languageName(in, lang language.Tag) (string, bool) {
	base, c := lang.Base()
	if c != language.Exact {
		return "", false
	}
	b := base.String()
	var keys [4]string
	n := 0
	script, sc := lang.Script()
	region, rc := lang.Region()
	if sc == language.Exact && rc == language.Exact {
		keys[n] = b + "-" + script.String() + "-" + region.String()
		n++
	}
	if sc == language.Exact {
		keys[n] = b + "-" + script.String()
		n++
	}
	if rc == language.Exact {
		keys[n] = b + "-" + region.String()
		n++
	}
	keys[n] = b
	n++
	for _, k := range keys[:n] {
		i := sort.SearchStrings(nameLanguageKeys[:], k)
		if i < len(nameLanguageKeys) && nameLanguageKeys[i] == k {
			if s, ok := lookupName(in, nameLanguage<<nameKindShift|uint16(i)); ok {
				return s, true
			}
		}
	}
	return "", false
}

// lookupName finds the name with the given key in the first locale of the
// fallback chain of tag that has one.
func lookupName(tag language.Tag, key uint16) (string, bool) {
	for id := localeID(tag); id != ""; id = parentID(id) {
		li := sort.SearchStrings(nameLocales[:], id)
		if li == len(nameLocales) || nameLocales[li] != id {
			continue
		}
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
	}
	return "", false
}
