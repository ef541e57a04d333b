package locale_test

import (
	"fmt"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/locale"
)

func ExampleRoundingMode() {
	a, b := decimal.RequireFromString("2.345"), decimal.RequireFromString("2.355")
	// The zero FormatOptions rounds half-even, the CLDR default.
	for _, mode := range []locale.RoundingMode{locale.RoundHalfEven, locale.RoundHalfUp, locale.RoundDown} {
		f, err := locale.NewFormatter(language.AmericanEnglish, &locale.FormatOptions{Rounding: mode})
		if err != nil {
			fmt.Println(err)
			return
		}
		sa, _ := f.Currency(a, "USD")
		sb, _ := f.Currency(b, "USD")
		fmt.Println(sa, sb)
	}
	// Output:
	// $2.34 $2.36
	// $2.35 $2.36
	// $2.34 $2.35
}

func ExampleFormatter_AppendNumber() {
	f, err := locale.NewFormatter(language.MustParse("en-IN"), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	// Reuse one buffer across a listing: no allocation per number.
	buf := make([]byte, 0, 64)
	for _, s := range []string{"1234567.891", "-0.5", "100"} {
		buf, err = f.AppendNumber(buf[:0], decimal.RequireFromString(s))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(string(buf))
	}
	// Output:
	// 12,34,567.891
	// -0.5
	// 100
}

// One rounding type: pricing.RoundingMode is an alias of
// locale.RoundingMode, so a mode chosen for prices formats the same way.
// Truncating 2.341 USD shows $2.34, never $2.35.
func ExampleParseRoundingMode() {
	mode, err := locale.ParseRoundingMode("down")
	if err != nil {
		fmt.Println(err)
		return
	}
	f, _ := locale.NewFormatter(language.AmericanEnglish, &locale.FormatOptions{Rounding: mode})
	s, _ := f.Currency(decimal.RequireFromString("2.341"), "USD")
	fmt.Println(mode, s)

	var zero locale.RoundingMode
	fmt.Println(zero, zero.IsValid())

	_, err = locale.ParseRoundingMode("HalfUp")
	fmt.Println(err)
	// Output:
	// down $2.34
	// half-even true
	// locale: ParseRoundingMode: mode "HalfUp": invalid option: want one of half-even, half-up, half-down, up, down, ceiling, floor
}
