package locale_test

import (
	"fmt"

	"github.com/marketkit/marketkit/locale"
	"golang.org/x/text/language"
)

func ExampleParse() {
	tag, err := locale.Parse("zh_hant_tw")
	fmt.Println(tag, err)

	_, err = locale.Parse("en--US")
	fmt.Println(err)
	// Output:
	// zh-Hant-TW <nil>
	// locale: Parse: tag "en--US": invalid language tag: tag is not well-formed
}

func ExampleMatcher_Match() {
	// Built once per market; safe for concurrent use.
	m := locale.NewMatcher([]language.Tag{
		language.MustParse("de-CH"), // the default
		language.MustParse("fr-CH"),
		language.MustParse("it-CH"),
		language.MustParse("en"),
	})
	fmt.Println(m.Match("", "de-CH,de;q=0.9,en;q=0.8"))
	fmt.Println(m.Match("", "fr-FR,fr;q=0.9"))
	fmt.Println(m.Match("it", "fr-FR,fr;q=0.9")) // an explicit choice wins
	fmt.Println(m.Match("", "en-GB"))
	fmt.Println(m.Match("", "ja-JP")) // nothing matches: the default
	fmt.Println(m.Match("", "\xff;;garbage"))
	// Output:
	// de-CH
	// fr-CH
	// it-CH
	// en
	// de-CH
	// de-CH
}

func ExampleChain() {
	for _, s := range []string{"es-MX", "pt-AO", "zh-Hant-HK", "de-CH"} {
		fmt.Println(locale.Chain(language.MustParse(s)))
	}
	// Output:
	// [es-MX es-419 es]
	// [pt-AO pt-PT pt]
	// [zh-Hant-HK zh-Hant]
	// [de-CH de]
}
