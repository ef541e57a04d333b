package locale_test

import (
	"fmt"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/locale"
)

func ExampleCurrencyInfo() {
	for _, code := range []string{"EUR", "jpy", "BHD", "CHF", "SEK", "DKK"} {
		c, ok := locale.CurrencyInfo(code)
		fmt.Printf("%s %v: numeric %03d, %d digits, cash %d digits in steps of %d\n",
			c.Code, ok, c.Numeric, c.Digits, c.CashDigits, c.CashIncrement)
	}
	_, ok := locale.CurrencyInfo("XYZ")
	fmt.Println("XYZ", ok)
	// Output:
	// EUR true: numeric 978, 2 digits, cash 2 digits in steps of 1
	// JPY true: numeric 392, 0 digits, cash 0 digits in steps of 1
	// BHD true: numeric 048, 3 digits, cash 3 digits in steps of 1
	// CHF true: numeric 756, 2 digits, cash 2 digits in steps of 5
	// SEK true: numeric 752, 2 digits, cash 0 digits in steps of 1
	// DKK true: numeric 208, 2 digits, cash 2 digits in steps of 50
	// XYZ false
}

func ExampleCurrencies() {
	codes := locale.Currencies()
	current := 0
	for _, code := range codes {
		if c, _ := locale.CurrencyInfo(code); !c.Historical() {
			current++
		}
	}
	fmt.Println(len(codes), current, codes[0], codes[len(codes)-1])
	// Output: 218 164 ADP ZWR
}

// Historical currencies still format, for stored orders and invoices.
func ExampleCurrency_Historical() {
	c, _ := locale.CurrencyInfo("HRK")
	fmt.Println(c.Code, c.Historical(), c.Until)
	f, _ := locale.NewFormatter(language.Croatian, nil)
	s, _ := f.Currency(decimal.RequireFromString("1234.5"), "HRK")
	fmt.Printf("%q\n", s)
	// Output:
	// HRK true 2023-01-14
	// "1.234,50\u00a0kn"
}
