package locale_test

import (
	"fmt"

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
	fmt.Println(len(codes) > 150, codes[0], codes[len(codes)-1])
	// Output: true AED ZWG
}
