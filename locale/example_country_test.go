package locale_test

import (
	"fmt"

	"github.com/marketkit/marketkit/locale"
)

func ExampleCountryInfo() {
	c, ok := locale.CountryInfo("ch") // lowercase is accepted
	fmt.Println(ok, c.Code, c.Name, c.LocalName)
	fmt.Println(c.DefaultLocale, c.Languages(), c.Currency)
	fmt.Println(c.FirstDayOfWeek, c.Measurement, c.TimeZones(), "+", c.CallingCode)

	_, ok = locale.CountryInfo("EU") // a grouping, not a country
	fmt.Println(ok)
	// Output:
	// true CH Switzerland Schweiz
	// de-CH [de gsw fr it] CHF
	// Monday metric [Europe/Zurich] + 41
	// false
}

func ExampleCountries() {
	codes := locale.Countries()
	fmt.Println(len(codes), codes[:5])
	// Output: 250 [AD AE AF AG AI]
}
