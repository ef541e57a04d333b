package locale_test

import (
	"fmt"

	"github.com/marketkit/marketkit/locale"
	"golang.org/x/text/language"
)

func ExampleFormatter_CountryName() {
	f, err := locale.NewFormatter(language.MustParse("de-CH"), nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(f.CountryName("US"))
	fmt.Println(f.CountryName("EU")) // not a country
	// Output:
	// Vereinigte Staaten true
	//  false
}

func ExampleFormatter_LanguageName() {
	f, err := locale.NewFormatter(language.MustParse("en"), nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(f.LanguageName(language.MustParse("en-GB")))
	fmt.Println(f.LanguageName(language.MustParse("fr-BE")))
	fmt.Println(f.LanguageName(language.MustParse("zh-Hant-TW")))
	// Output:
	// British English true
	// French (Belgium) true
	// Traditional Chinese (Taiwan) true
}

func ExampleFormatter_CurrencyName() {
	f, err := locale.NewFormatter(language.MustParse("ja"), nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(f.CurrencyName("eur"))
	// Output: ユーロ true
}
