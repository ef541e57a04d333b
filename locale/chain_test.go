package locale

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"
)

func TestChain(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"es-MX", []string{"es-MX", "es-419", "es"}},
		{"pt-AO", []string{"pt-AO", "pt-PT", "pt"}},
		{"zh-Hant-HK", []string{"zh-Hant-HK", "zh-Hant"}},
		{"zh-Hant-MO", []string{"zh-Hant-MO", "zh-Hant-HK", "zh-Hant"}},
		{"de-CH", []string{"de-CH", "de"}},
		{"de", []string{"de"}},
		{"en-AU", []string{"en-AU", "en-001", "en"}},
		{"en-US", []string{"en-US", "en"}},
		{"sr-Latn-RS", []string{"sr-Latn-RS", "sr-Latn"}},
		{"sr-Cyrl-RS", []string{"sr-Cyrl-RS", "sr-Cyrl", "sr"}},
		{"de-CH-u-nu-latn", []string{"de-CH", "de"}},
		{"zh-TW", []string{"zh-Hant-TW", "zh-Hant"}},
		{"zh-CN", []string{"zh-CN", "zh"}},
		{"sr-ME", []string{"sr-Latn-ME", "sr-Latn"}},
		{"sr-RS", []string{"sr-RS", "sr"}},
		{"ms-ID", []string{"ms-ID", "ms"}},
		{"zh-HK", []string{"zh-Hant-HK", "zh-Hant"}},
		{"pa-PK", []string{"pa-Arab-PK", "pa-Arab"}},
		{"de-CH-1996", []string{"de-CH", "de"}},
		{"de-Latn-DE", []string{"de-Latn-DE", "de-Latn", "de"}},
		{"ja-Jpan-JP", []string{"ja-Jpan-JP", "ja-Jpan", "ja"}},
		{"fr-Latn", []string{"fr-Latn", "fr"}},
		{"de-Cyrl", []string{"de-Cyrl"}},
		{"und", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var got []string
			for _, tag := range Chain(language.MustParse(tt.in)) {
				got = append(got, tag.String())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Chain(%s) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestParentTablesSorted(t *testing.T) {
	for i := 1; i < len(parentLocales); i++ {
		if parentLocales[i-1].child >= parentLocales[i].child {
			t.Fatalf("parentLocales not sorted at %d: %q", i, parentLocales[i].child)
		}
	}
	for i := 1; i < len(likelyScripts); i++ {
		if likelyScripts[i-1].lang >= likelyScripts[i].lang {
			t.Fatalf("likelyScripts not sorted at %d: %q", i, likelyScripts[i].lang)
		}
	}
}
