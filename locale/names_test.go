package locale

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

func TestDisplayNames(t *testing.T) {
	tests := []struct {
		name, locale, kind, code, want string
		ok                             bool
	}{
		{"country de", "de", "country", "CH", "Schweiz", true},
		{"country lowercase", "de-CH", "country", "us", "Vereinigte Staaten", true},
		{"country fr-CA via fr", "fr-CA", "country", "US", "États-Unis", true},
		{"country ja", "ja", "country", "CH", "スイス", true},
		{"country ar-EG via ar", "ar-EG", "country", "CH", "سويسرا", true},
		{"country zh-Hant-HK", "zh-Hant-HK", "country", "US", "美國", true},
		{"country zh-TW implies Hant", "zh-TW", "country", "US", "美國", true},
		{"country zh-CN", "zh-CN", "country", "US", "美国", true},
		{"country es-MX via es-419", "es-MX", "country", "CH", "Suiza", true},
		{"country unknown code", "de", "country", "EU", "", false},
		{"country garbage code", "de", "country", "\xff!", "", false},
		{"country undetermined locale", "und", "country", "DE", "", false},
		{"country locale without data", "tlh", "country", "DE", "", false},
		{"currency de", "de", "currency", "CHF", "Schweizer Franken", true},
		{"currency lowercase", "en", "currency", "eur", "Euro", true},
		{"currency ja", "ja", "currency", "JPY", "日本円", true},
		{"currency pt-AO via pt-PT", "pt-AO", "currency", "CHF", "franco suíço", true},
		{"currency unknown", "en", "currency", "XYZ", "", false},
		{"language en-GB in en", "en", "language", "en-GB", "British English", true},
		{"language zh-Hant in en-AU", "en-AU", "language", "zh-Hant", "Traditional Chinese", true},
		{"language qualified by region", "en", "language", "fr-BE", "French (Belgium)", true},
		{"language key then region", "en", "language", "zh-Hant-TW", "Traditional Chinese (Taiwan)", true},
		{"language script and region", "en", "language", "sr-Latn-BA", "Serbian (Latin, Bosnia & Herzegovina)", true},
		{"language region key then script", "en", "language", "sr-Latn-ME", "Montenegrin (Latin)", true},
		{"language script", "de", "language", "sr-Cyrl", "Serbisch (Kyrillisch)", true},
		{"language zh pattern", "zh", "language", "fr-BE", "法语（比利时）", true},
		{"language ko pattern", "ko", "language", "fr-BE", "프랑스어(벨기에)", true},
		{"language numeric region", "en", "language", "fr-419", "French (419)", true},
		{"language variant ignored", "en", "language", "de-CH-1996", "Swiss High German", true},
		{"language de", "de", "language", "fr", "Französisch", true},
		{"language ja", "ja", "language", "en-GB", "イギリス英語", true},
		{"language without name", "en", "language", "tlh", "", false},
		{"language und", "en", "language", "und", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := NewFormatter(language.MustParse(tt.locale), nil)
			if err != nil {
				// Formatter data may not cover every test locale; the
				// lookups underneath are what is tested.
				f = nil
			}
			var got string
			var ok bool
			tag := language.MustParse(tt.locale)
			switch tt.kind {
			case "country":
				got, ok = countryName(namesOf(tag), tt.code)
				if f != nil {
					if g, o := f.CountryName(tt.code); g != got || o != ok {
						t.Errorf("Formatter(%s).CountryName(%q) = %q, %v; lookup %q, %v", tt.locale, tt.code, g, o, got, ok)
					}
				}
			case "currency":
				got, ok = currencyName(namesOf(tag), tt.code)
				if f != nil {
					if g, o := f.CurrencyName(tt.code); g != got || o != ok {
						t.Errorf("Formatter(%s).CurrencyName(%q) = %q, %v; lookup %q, %v", tt.locale, tt.code, g, o, got, ok)
					}
				}
			case "language":
				lang := language.MustParse(tt.code)
				got, ok = languageName(namesOf(tag), lang)
				if f != nil {
					if g, o := f.LanguageName(lang); g != got || o != ok {
						t.Errorf("Formatter(%s).LanguageName(%v) = %q, %v; lookup %q, %v", tt.locale, lang, g, o, got, ok)
					}
				}
			}
			if got != tt.want || ok != tt.ok {
				t.Errorf("%s name of %q in %s = %q, %v; want %q, %v", tt.kind, tt.code, tt.locale, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestDisplayNamesComplete checks that every modern locale in the table
// names every country and the currency of every country (funds codes
// such as CHE or UYW lack names in some locales), and that a locale left out by
// deduplication still finds its names through its ancestor.
func TestDisplayNamesComplete(t *testing.T) {
	for _, id := range nameLocales {
		tag := language.MustParse(id)
		for _, c := range Countries() {
			if _, ok := countryName(namesOf(tag), c); !ok {
				t.Errorf("no name for country %s in %s", c, id)
			}
		}
		for _, c := range Countries() {
			ci, _ := CountryInfo(c)
			if ci.Currency == "" {
				continue
			}
			if _, ok := currencyName(namesOf(tag), ci.Currency); !ok {
				t.Errorf("no name for currency %s (of %s) in %s", ci.Currency, c, id)
			}
		}
	}
	for _, id := range nameLocales {
		tag := language.MustParse(id)
		for k := range 2 {
			if p, ok := namesOf(tag).lookup(keyLocalePattern + uint16(k)); !ok || !strings.Contains(p, "{0}") || !strings.Contains(p, "{1}") {
				t.Errorf("display pattern %d of %s = %q, %v", k, id, p, ok)
			}
		}
	}
	// de-AT has no names of its own (all equal de's) and is not stored.
	if n, ok := countryName(namesOf(language.MustParse("de-AT")), "CH"); !ok || n != "Schweiz" {
		t.Errorf("country CH in de-AT = %q, %v", n, ok)
	}
}

// TestLocalNameMatchesNames checks that Country.LocalName agrees with the
// display-name tables wherever those cover the default locale.
func TestLocalNameMatchesNames(t *testing.T) {
	covered := 0
	for _, code := range Countries() {
		c, _ := CountryInfo(code)
		n, ok := countryName(namesOf(c.DefaultLocale), code)
		if !ok {
			continue // default locale without modern coverage
		}
		covered++
		if n != c.LocalName {
			t.Errorf("CountryInfo(%s).LocalName = %q, names table in %v = %q", code, c.LocalName, c.DefaultLocale, n)
		}
	}
	if covered < 200 {
		t.Errorf("only %d countries have a default locale with display names", covered)
	}
}

func TestNameTablesSorted(t *testing.T) {
	for i := 1; i < len(nameLocales); i++ {
		if nameLocales[i-1] >= nameLocales[i] {
			t.Fatalf("nameLocales not sorted at %d: %q", i, nameLocales[i])
		}
	}
	for i := 1; i < len(nameLanguageKeys); i++ {
		if nameLanguageKeys[i-1] >= nameLanguageKeys[i] {
			t.Fatalf("nameLanguageKeys not sorted at %d: %q", i, nameLanguageKeys[i])
		}
	}
	if len(nameEntries)%6 != 0 || int(nameStarts[len(nameLocales)])*6 != len(nameEntries) {
		t.Fatalf("nameEntries has %d bytes, nameStarts ends at %d entries", len(nameEntries), nameStarts[len(nameLocales)])
	}
	for li := range nameLocales {
		lo, hi := int(nameStarts[li]), int(nameStarts[li+1])
		if lo > hi {
			t.Fatalf("nameStarts not monotonic at %s", nameLocales[li])
		}
		prev := -1
		for m := lo; m < hi; m++ {
			e := nameEntries[m*6:]
			k := int(e[0])<<8 | int(e[1])
			if k <= prev {
				t.Fatalf("entries of %s not sorted by key at %d", nameLocales[li], m)
			}
			prev = k
			ref := uint32(e[2])<<24 | uint32(e[3])<<16 | uint32(e[4])<<8 | uint32(e[5])
			if off, n := ref>>8, ref&0xff; n == 0 || int(off+n) > len(namePool) {
				t.Fatalf("entry %d of %s points outside the pool", m, nameLocales[li])
			}
		}
	}
}

var sinkName string

// TestNameAllocs pins CountryName and CurrencyName at zero allocations:
// NewFormatter resolves the names locales once.
func TestNameAllocs(t *testing.T) {
	for _, loc := range []string{"de-CH", "en", "zh-Hant-HK", "sr-Latn-ME", "es-MX", "ar-EG"} {
		f, err := NewFormatter(language.MustParse(loc), nil)
		if err != nil {
			t.Fatal(err)
		}
		checks := []struct {
			name string
			fn   func()
		}{
			{"CountryName", func() { sinkName, _ = f.CountryName("fr") }},
			{"CurrencyName", func() { sinkName, _ = f.CurrencyName("chf") }},
			{"CountryName unknown", func() { sinkName, _ = f.CountryName("QQ") }},
			{"LanguageName plain", func() { sinkName, _ = f.LanguageName(language.French) }},
		}
		for _, c := range checks {
			if n := testing.AllocsPerRun(100, c.fn); n != 0 {
				t.Errorf("%s %s: %v allocs, want 0", loc, c.name, n)
			}
		}
	}
}

func BenchmarkCurrencyName(b *testing.B) {
	f, err := NewFormatter(language.MustParse("de-CH"), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		sinkName, _ = f.CurrencyName("EUR")
	}
}

func BenchmarkCountryName(b *testing.B) {
	f, err := NewFormatter(language.MustParse("de-CH"), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		sinkName, _ = f.CountryName("FR")
	}
}

// BenchmarkCountryNameXTextBaseline is golang.org/x/text/language/display
// with a reused Namer (which costs 2.6 MB of tables in the binary).
func BenchmarkCountryNameXTextBaseline(b *testing.B) {
	n := display.Regions(language.MustParse("de-CH"))
	fr := language.MustParseRegion("FR")
	b.ReportAllocs()
	for b.Loop() {
		sinkName = n.Name(fr)
	}
}

func BenchmarkLanguageName(b *testing.B) {
	f, err := NewFormatter(language.MustParse("de-CH"), nil)
	if err != nil {
		b.Fatal(err)
	}
	fr := language.MustParse("fr-BE")
	b.ReportAllocs()
	for b.Loop() {
		sinkName, _ = f.LanguageName(fr)
	}
}

// BenchmarkLanguageNameXTextBaseline is x/text's display.Tags namer, which
// also qualifies fr-BE with the region.
func BenchmarkLanguageNameXTextBaseline(b *testing.B) {
	n := display.Tags(language.MustParse("de-CH"))
	fr := language.MustParse("fr-BE")
	b.ReportAllocs()
	for b.Loop() {
		sinkName = n.Name(fr)
	}
}

func FuzzDisplayNames(f *testing.F) {
	for _, s := range []string{"de", "de-CH", "zh-Hant-TW", "sr-Latn-ME", "und", "", "\xff", "CH", "chf", "x-foo", "fr-419"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, in, s string) {
		tag, err := Parse(in)
		if err != nil {
			tag = language.English
		}
		if n, ok := countryName(namesOf(tag), s); ok != (n != "") {
			t.Fatalf("countryName(%v, %q) = %q, %v", tag, s, n, ok)
		}
		if n, ok := currencyName(namesOf(tag), s); ok != (n != "") {
			t.Fatalf("currencyName(%v, %q) = %q, %v", tag, s, n, ok)
		}
		if lang, err := Parse(s); err == nil {
			if n, ok := languageName(namesOf(tag), lang); ok != (n != "") || strings.Contains(n, "{0}") || strings.Contains(n, "{1}") {
				t.Fatalf("languageName(%v, %v) = %q, %v", tag, lang, n, ok)
			}
		}
	})
}

// namesOf returns the name-table locales of tag's fallback chain, as
// NewFormatter resolves them.
func namesOf(tag language.Tag) *nameChain {
	c := namesFor(localeID(tag))
	return &c
}
