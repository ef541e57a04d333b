package locale_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/locale"
)

func ExampleFormatter_CurrencySymbol() {
	enCA, err := locale.NewFormatter(language.MustParse("en-CA"), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	narrow, err := locale.NewFormatter(language.MustParse("en-CA"), &locale.FormatOptions{Display: locale.DisplayNarrowSymbol})
	if err != nil {
		fmt.Println(err)
		return
	}
	code, err := locale.NewFormatter(language.MustParse("en-CA"), &locale.FormatOptions{Display: locale.DisplayCode})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range []*locale.Formatter{enCA, narrow, code} {
		s, ok := f.CurrencySymbol("usd")
		fmt.Printf("%q %v\n", s, ok)
	}
	_, ok := enCA.CurrencySymbol("XYZ")
	fmt.Println(ok)
	// Output:
	// "US$" true
	// "$" true
	// "USD" true
	// false
}
