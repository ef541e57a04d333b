package locale

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/language"
)

func tags(ss ...string) []language.Tag {
	out := make([]language.Tag, len(ss))
	for i, s := range ss {
		out[i] = language.MustParse(s)
	}
	return out
}

var swissShop = tags("de-CH", "fr-CH", "it-CH", "en", "de-DE")

func TestMatch(t *testing.T) {
	tests := []struct {
		name, explicit, accept, want string
	}{
		{"typical header", "", "de-CH,de;q=0.9,en;q=0.8", "de-CH"},
		{"q-values reorder", "", "en;q=0.5,fr-CH;q=0.9", "fr-CH"},
		{"region fallback", "", "fr-FR,fr;q=0.8", "fr-CH"},
		{"german from austria: the first german", "", "de-AT", "de-CH"},
		{"english variant", "", "en-GB,en;q=0.9", "en"},
		{"explicit wins", "it", "de-CH,de;q=0.9", "it-CH"},
		{"explicit canonicalized", "FR_ch", "de", "fr-CH"},
		{"explicit unsupported falls to header", "ja", "fr", "fr-CH"},
		{"explicit garbage falls to header", "<script>", "en-US", "en"},
		{"unsupported header", "", "ja-JP,zh;q=0.5", "de-CH"},
		{"empty", "", "", "de-CH"},
		{"star", "", "*", "de-CH"},
		{"star ranks above french", "", "*;q=0.5,fr;q=0.1", "de-CH"},
		{"french ranks above star", "", "fr;q=0.9,*;q=0.5", "fr-CH"},
		{"star after unsupported", "", "ja,*;q=0.5,fr;q=0.1", "de-CH"},
		{"star with bad entry", "", "xx!!,*;q=0.5,it;q=0.2", "de-CH"},
		{"duplicate tags", "", "it,it;q=0.5,fr,fr", "it-CH"},
		{"many q-values", "", strings.Repeat("ja;q=0.1,", MaxAcceptLanguageEntries-1) + "it;q=0.01", "it-CH"},
		{"q zero dropped", "", "fr;q=0,it", "it-CH"},
		{"bad entry skipped", "", "xx!!,it;q=0.8", "it-CH"},
		{"bad weight skipped", "", "fr;q=abc,it;q=0.2", "it-CH"},
		{"garbage", "", "\xff\xfe;;;,,,===", "de-CH"},
		{"too long", "", "fr," + strings.Repeat("x", MaxAcceptLanguageLength), "de-CH"},
		{"too many entries", "", "fr" + strings.Repeat(",en", MaxAcceptLanguageEntries), "de-CH"},
		{"just within entry bound", "", "fr" + strings.Repeat(",en", MaxAcceptLanguageEntries-1), "fr-CH"},
	}
	m := NewMatcher(swissShop)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, pass := range []string{"miss", "cached"} {
				if got := m.Match(tt.explicit, tt.accept); got.String() != tt.want {
					t.Errorf("%s: Match(%q, %q) = %v, want %s", pass, tt.explicit, tt.accept, got, tt.want)
				}
			}
		})
	}
}

func TestMatchNoSupported(t *testing.T) {
	if got := NewMatcher(nil).Match("de", "de"); got != language.Und {
		t.Errorf("NewMatcher(nil).Match = %v, want und", got)
	}
}

func TestMatcherCopiesSupported(t *testing.T) {
	in := tags("de-CH", "fr-CH")
	m := NewMatcher(in)
	in[0] = language.Japanese
	if got := m.Match("", ""); got.String() != "de-CH" {
		t.Errorf("Match after changing the caller's slice = %v, want de-CH", got)
	}
	s := m.Supported()
	s[0] = language.Japanese
	if got := m.Supported()[0]; got.String() != "de-CH" {
		t.Errorf("Supported() hands out shared storage: %v", got)
	}
}

// TestMatchAgainstXText checks the negotiated locale against x/text's own
// MatchStrings for well-formed inputs, where both must agree.
func TestMatchAgainstXText(t *testing.T) {
	m := NewMatcher(swissShop)
	xm := language.NewMatcher(swissShop)
	for _, h := range []string{
		"de-CH,de;q=0.9,en;q=0.8", "fr", "it-IT,it;q=0.9", "en-US,en;q=0.9,de;q=0.5",
		"pt-BR", "es-ES,fr;q=0.1", "rm", "gsw", "de-LI", "fr-BE;q=0.4,it;q=0.5",
	} {
		_, want := language.MatchStrings(xm, h)
		if got := m.Match("", h); got != swissShop[want] {
			t.Errorf("Match(%q) = %v, x/text MatchStrings index %d = %v", h, got, want, swissShop[want])
		}
	}
}

// TestMatchCacheCollisions fills the cache with more distinct inputs than
// it has slots and checks every answer against the uncached path.
func TestMatchCacheCollisions(t *testing.T) {
	m := NewMatcher(swissShop)
	langs := []string{"de", "fr", "it", "en", "ja", "de-AT", "fr-BE", "en-GB"}
	for round := range 2 {
		for i := range 3 * matchCacheSize {
			h := fmt.Sprintf("%s;q=0.%d,%s;q=0.%d", langs[i%len(langs)], 1+i%9, langs[(i/8)%len(langs)], 1+(i/64)%9)
			want := swissShop[m.match("", h)]
			if got := m.Match("", h); got != want {
				t.Fatalf("round %d: Match(%q) = %v, uncached %v", round, h, got, want)
			}
		}
	}
}

func TestMatchConcurrent(t *testing.T) {
	m := NewMatcher(swissShop)
	headers := []struct{ explicit, accept, want string }{
		{"", "de-CH,de;q=0.9,en;q=0.8", "de-CH"},
		{"", "fr-FR", "fr-CH"},
		{"it", "fr", "it-CH"},
		{"", "ja", "de-CH"},
		{"", "en-GB", "en"},
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 500 {
				h := headers[(i+g)%len(headers)]
				accept := h.accept
				if i%7 == 0 {
					accept += fmt.Sprintf(",x-g%d-%d;q=0.01", g, i) // distinct keys churn the cache
				}
				if got := m.Match(h.explicit, accept); got.String() != h.want {
					t.Errorf("Match(%q, %q) = %v, want %s", h.explicit, accept, got, h.want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestMatchAllocs(t *testing.T) {
	m := NewMatcher(swissShop)
	m.Match("", "de-CH,de;q=0.9,en;q=0.8")
	if n := testing.AllocsPerRun(100, func() { sinkTag = m.Match("", "de-CH,de;q=0.9,en;q=0.8") }); n != 0 {
		t.Errorf("Match (repeated header) allocs = %v, want 0", n)
	}
}

var sinkTag language.Tag

const typicalHeader = "de-CH,de;q=0.9,en;q=0.8"

// BenchmarkMatch is a repeated typical header, the common case: the
// result comes from the Matcher's cache.
func BenchmarkMatch(b *testing.B) {
	m := NewMatcher(swissShop)
	b.ReportAllocs()
	for b.Loop() {
		sinkTag = m.Match("", typicalHeader)
	}
}

// BenchmarkMatchUncached is the same header through the uncached path
// (x/text parsing and matching plus our checks): every header seen for the
// first time costs this.
func BenchmarkMatchUncached(b *testing.B) {
	m := NewMatcher(swissShop)
	b.ReportAllocs()
	for b.Loop() {
		sinkTag = swissShop[m.match("", typicalHeader)]
	}
}

// BenchmarkMatchXTextBaseline is x/text used directly, as its
// documentation suggests: MatchStrings on a reused language.Matcher.
func BenchmarkMatchXTextBaseline(b *testing.B) {
	xm := language.NewMatcher(swissShop)
	b.ReportAllocs()
	for b.Loop() {
		_, i := language.MatchStrings(xm, typicalHeader)
		sinkTag = swissShop[i]
	}
}

// FuzzMatchRaw feeds arbitrary strings as the explicit choice and the
// header: the result is a supported locale and the cache never changes it.
func FuzzMatchRaw(f *testing.F) {
	f.Add("", "de-CH,de;q=0.9,en;q=0.8")
	f.Add("fr", "")
	f.Add("<x>", "*;q=0.5, en-US ; q = 0.3")
	f.Add("", "de;q=abc,\xff,,;q=1e9")
	f.Add("en-u-rg-chzzzz", "zh-Hant-TW;q=0.1")
	m := NewMatcher(swissShop)
	f.Fuzz(func(t *testing.T, explicit, accept string) {
		got := m.Match(explicit, accept)
		uncached := swissShop[m.match(explicit, accept)]
		if got != uncached {
			t.Fatalf("Match(%q, %q) = %v, uncached %v", explicit, accept, got, uncached)
		}
		for _, s := range swissShop {
			if got == s {
				return
			}
		}
		t.Fatalf("Match(%q, %q) = %v, not a supported tag", explicit, accept, got)
	})
}
