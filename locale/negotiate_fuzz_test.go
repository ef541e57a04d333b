package locale

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// acceptVocabulary are the language ranges FuzzMatch builds headers
// from: the shop's locales, related and unrelated languages, the
// wildcard, and entries that do not parse.
var acceptVocabulary = []string{
	"de-CH", "fr-CH", "it-CH", "en", "de-DE", // supported, exactly
	"de", "fr", "it", "en-US", "en-GB", "de-AT", "fr-FR", "rm", "gsw", "pt-BR", "ja", "zh-Hant-TW",
	"*", "x-bad", "12", "", "de-", "€",
}

// acceptQ are the q-values of the fuzzed entries; "" is no q parameter
// (q=1).
var acceptQ = []string{"", "1", "1.0", "0.9", "0.75", "0.5", "0.333", "0.1", "0.001", "0", "0.000"}

// acceptEntry is one entry of a fuzzed Accept-Language header.
type acceptEntry struct {
	lang string
	q    int // index into acceptQ
}

func (e acceptEntry) String() string {
	if acceptQ[e.q] == "" {
		return e.lang
	}
	return e.lang + ";q=" + acceptQ[e.q]
}

// weight is the entry's q-value in thousandths.
func (e acceptEntry) weight() int {
	return map[string]int{"": 1000, "1": 1000, "1.0": 1000, "0.9": 900, "0.75": 750, "0.5": 500,
		"0.333": 333, "0.1": 100, "0.001": 1, "0": 0, "0.000": 0}[acceptQ[e.q]]
}

func (e acceptEntry) parses() bool {
	_, err := language.Parse(e.lang)
	return e.lang == "*" || err == nil
}

func header(es []acceptEntry, sep string) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.String()
	}
	return strings.Join(parts, sep)
}

// FuzzMatch builds Accept-Language headers with q-values and
// wildcards from the fuzzer's bytes and checks the properties HTTP gives
// them (RFC 9110 §12.5.4) on Matcher.Match:
//
//   - the result is always a supported locale, and the cache never
//     changes it;
//   - an explicit choice that is exactly a supported locale wins;
//   - the entry with the highest q-value (the first of equals, before any
//     wildcard) that is exactly a supported locale is the result;
//   - position only breaks ties: sorting the entries by q-value (stably)
//     changes nothing;
//   - entries with q=0, entries ranked below the wildcard and entries that
//     do not parse change nothing: removing them gives the same result;
//   - optional white space around entries changes nothing.
func FuzzMatch(f *testing.F) {
	f.Add("", []byte{0, 0, 5, 3})          // de-CH, de;q=0.9
	f.Add("fr-CH", []byte{17, 5, 1, 7})    // *;q=0.5, fr-CH;q=0.1
	f.Add("", []byte{20, 0, 3, 9, 9, 1})   // "", en;q=0, ja
	f.Add("x", []byte{18, 0, 10, 3, 2, 4}) // x-bad, en-US;q=0.9, it-CH;q=0.75
	f.Add("", []byte{7, 6, 2, 6, 17, 3, 1, 8})
	m := NewMatcher(swissShop)
	f.Fuzz(func(t *testing.T, explicit string, data []byte) {
		var es []acceptEntry
		for i := 0; i+1 < len(data) && len(es) < MaxAcceptLanguageEntries; i += 2 {
			es = append(es, acceptEntry{
				lang: acceptVocabulary[int(data[i])%len(acceptVocabulary)],
				q:    int(data[i+1]) % len(acceptQ),
			})
		}
		h := header(es, ",")
		got := m.Match(explicit, h)
		if !slices.Contains(swissShop, got) {
			t.Fatalf("Match(%q, %q) = %v, not supported", explicit, h, got)
		}
		if u := swissShop[m.match(explicit, h)]; u != got {
			t.Fatalf("Match(%q, %q) = %v, uncached %v", explicit, h, got, u)
		}
		if i := slices.IndexFunc(swissShop, func(s language.Tag) bool { return s.String() == explicit }); i >= 0 {
			if got != swissShop[i] {
				t.Fatalf("explicit %q lost to %v", explicit, got)
			}
			return
		}
		if e, err := Parse(explicit); err == nil {
			if _, _, c := m.m.Match(e); c != language.No {
				return // a matching explicit choice decides; the header does not matter
			}
		}
		// The header alone decides from here on.
		base := m.Match("", h)
		if base != got {
			t.Fatalf("Match(%q, %q) = %v, but %v without the explicit choice that matches nothing", explicit, h, got, base)
		}
		sorted := slices.Clone(es)
		slices.SortStableFunc(sorted, func(a, b acceptEntry) int { return b.weight() - a.weight() })
		if g := m.Match("", header(sorted, ",")); g != base {
			t.Fatalf("Match(%q) = %v, sorted by q %q = %v", h, base, header(sorted, ","), g)
		}
		var kept []acceptEntry
		for _, e := range sorted {
			if e.lang == "*" {
				break
			}
			if e.weight() > 0 && e.parses() {
				kept = append(kept, e)
			}
		}
		if g := m.Match("", header(kept, ",")); g != base {
			t.Fatalf("Match(%q) = %v, without q=0, wildcard-ranked and bad entries %q = %v", h, base, header(kept, ","), g)
		}
		if g := m.Match("", header(es, " , ")); g != base {
			t.Fatalf("Match(%q) = %v, with spaces = %v", h, base, g)
		}
		if len(kept) > 0 {
			if i := slices.IndexFunc(swissShop, func(s language.Tag) bool { return s.String() == kept[0].lang }); i >= 0 && base != swissShop[i] {
				t.Fatalf("Match(%q) = %v, want the top entry %s", h, base, kept[0].lang)
			}
		} else if base != swissShop[0] {
			t.Fatalf("Match(%q) = %v, want the default %v: nothing acceptable", h, base, swissShop[0])
		}
	})
}
