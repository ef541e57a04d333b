package locale_test

import (
	"errors"
	"fmt"

	"github.com/marketkit/marketkit/locale"
	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
)

func ExampleNewFormatter() {
	// Resolve the locale data once, at start-up, and share the Formatter.
	f, err := locale.NewFormatter(language.MustParse("de-CH"), nil)
	if err != nil {
		panic(err)
	}
	s, _ := f.Currency(decimal.RequireFromString("1234.5"), "CHF")
	fmt.Printf("%q\n", s)

	_, err = locale.NewFormatter(language.MustParse("tlh"), nil)
	fmt.Println(errors.Is(err, locale.ErrUnsupportedLocale))
	// Output:
	// "CHF\u00a01'234.50"
	// true
}

func ExampleFormatter_Currency() {
	amount := decimal.RequireFromString("-1234567.565")
	for _, tc := range []struct {
		tag  string
		opts *locale.FormatOptions
	}{
		{"en-US", nil},
		{"en-US", &locale.FormatOptions{Style: locale.StyleAccounting}},
		{"en-US", &locale.FormatOptions{Rounding: locale.RoundHalfUp}},
		{"fr-FR", &locale.FormatOptions{Display: locale.DisplayCode}},
		{"en-IN", nil},
		{"ja-JP", nil},
	} {
		f, _ := locale.NewFormatter(language.MustParse(tc.tag), tc.opts)
		code := "USD"
		if tc.tag == "ja-JP" {
			code = "JPY"
		}
		s, _ := f.Currency(amount, code)
		fmt.Printf("%s %q\n", tc.tag, s)
	}

	f, _ := locale.NewFormatter(language.English, nil)
	_, err := f.Currency(amount, "EURO")
	var e *locale.Error
	fmt.Println(errors.Is(err, locale.ErrUnknownCurrency), errors.As(err, &e), e.Value)
	fmt.Println(err)
	// Output:
	// en-US "-$1,234,567.56"
	// en-US "($1,234,567.56)"
	// en-US "-$1,234,567.57"
	// fr-FR "-1\u202f234\u202f567,56\u00a0USD"
	// en-IN "-$12,34,567.56"
	// ja-JP "-￥1,234,568"
	// true true EURO
	// locale: Currency: code "EURO": unknown currency code
}

func ExampleFormatter_AppendCurrency() {
	f, _ := locale.NewFormatter(language.MustParse("ar-EG"), nil)
	buf := make([]byte, 0, 64) // reuse buf: no allocation per call
	for _, a := range []string{"1234.56", "-0.5"} {
		buf, _ = f.AppendCurrency(buf[:0], decimal.RequireFromString(a), "EGP")
		fmt.Printf("%q\n", buf)
	}
	// Output:
	// "\u200f١٬٢٣٤٫٥٦\u00a0ج.م.\u200f"
	// "\u061c-\u200f٠٫٥٠\u00a0ج.م.\u200f"
}

func ExampleFormatter_AppendCurrencyFixed() {
	// 199999 cents with exponent -2 is 1999.99, as decimal.New(199999, -2).
	f, _ := locale.NewFormatter(language.German, nil)
	b, _ := f.AppendCurrencyFixed(nil, 199999, -2, "EUR")
	fmt.Printf("%q\n", b)
	// Output: "1.999,99\u00a0€"
}

func ExampleFormatter_Number() {
	d := decimal.RequireFromString("1234567.8915")
	for _, tag := range []string{"en", "de", "en-IN", "ar-EG", "fa-IR", "es"} {
		f, _ := locale.NewFormatter(language.MustParse(tag), nil)
		s, _ := f.Number(d)
		fmt.Printf("%-5s %s\n", tag, s)
	}
	f, _ := locale.NewFormatter(language.MustParse("es"), nil)
	s, _ := f.Number(decimal.RequireFromString("1234")) // minimum grouping digits: 2
	fmt.Println("es   ", s)
	// Output:
	// en    1,234,567.892
	// de    1.234.567,892
	// en-IN 12,34,567.892
	// ar-EG ١٬٢٣٤٬٥٦٧٫٨٩٢
	// fa-IR ۱٬۲۳۴٬۵۶۷٫۸۹۲
	// es    1.234.567,892
	// es    1234
}

func ExampleFormatter_Percent() {
	vat := decimal.RequireFromString("0.19")
	for _, tag := range []string{"en", "de", "tr"} {
		f, _ := locale.NewFormatter(language.MustParse(tag), nil)
		s, _ := f.Percent(vat)
		fmt.Printf("%s %q\n", tag, s)
	}
	f, _ := locale.NewFormatter(language.German, &locale.FormatOptions{Fraction: locale.Fraction(1, 1)})
	s, _ := f.Percent(decimal.RequireFromString("0.077"))
	fmt.Printf("de %q\n", s)
	// Output:
	// en "19%"
	// de "19\u00a0%"
	// tr "%19"
	// de "7,7\u00a0%"
}

func ExampleFormatOptions_percentFraction() {
	// Tax rates keep their fraction digits; money keeps the currency's.
	opts := &locale.FormatOptions{PercentFraction: locale.Fraction(0, 3)}
	for _, tag := range []string{"de-CH", "de-DE", "fr-CA"} {
		f, _ := locale.NewFormatter(language.MustParse(tag), opts)
		a, _ := f.Percent(decimal.RequireFromString("0.081"))
		b, _ := f.Percent(decimal.RequireFromString("0.09975"))
		m, _ := f.Currency(decimal.RequireFromString("12.5"), "CHF")
		fmt.Printf("%s %q %q %q\n", tag, a, b, m)
	}
	// Output:
	// de-CH "8.1%" "9.975%" "CHF\u00a012.50"
	// de-DE "8,1\u00a0%" "9,975\u00a0%" "12,50\u00a0CHF"
	// fr-CA "8,1\u00a0%" "9,975\u00a0%" "12,50\u00a0CHF"
}

func ExampleFraction() {
	// Show up to two digits, dropping trailing zeros.
	f, _ := locale.NewFormatter(language.English, &locale.FormatOptions{Fraction: locale.Fraction(0, 2)})
	for _, a := range []string{"5", "5.5", "5.555"} {
		s, _ := f.Currency(decimal.RequireFromString(a), "USD")
		fmt.Println(s)
	}
	// Output:
	// $5
	// $5.5
	// $5.56
}

func ExampleNewFormatter_latinDigits() {
	// ar-EG writes Arabic-Indic digits; -u-nu-latn asks for Latin ones.
	amount := decimal.RequireFromString("1234.5")
	for _, tag := range []string{"ar-EG", "ar-EG-u-nu-latn"} {
		f, _ := locale.NewFormatter(language.MustParse(tag), nil)
		s, _ := f.Currency(amount, "EGP")
		fmt.Printf("%s %q\n", tag, s)
	}
	// Output:
	// ar-EG "\u200f١٬٢٣٤٫٥٠\u00a0ج.م.\u200f"
	// ar-EG-u-nu-latn "\u200f1,234.50\u00a0ج.م.\u200f"
}
