package pricing_test

import (
	"encoding/json"
	"fmt"

	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/pricing"
)

func ExampleRateTable_Converter() {
	rates, err := pricing.NewRateTable(locale.MustParseDate("2026-11-25"), []pricing.ExchangeRate{
		{From: "EUR", To: "CHF", Rate: pricing.MustParseFixed("0.9312")},
		{From: "EUR", To: "JPY", Rate: pricing.MustParseFixed("162.37")},
	})
	if err != nil {
		panic(err)
	}
	// Price bands for Switzerland, loaded as data and validated.
	var bands pricing.EndingRule
	_ = json.Unmarshal([]byte(`{"bands":[
		{"below":"10","step":"1","end":"0.99","round":"up"},
		{"below":"100","step":"1","end":"0.90","round":"up"},
		{"step":"1","end":"0","round":"up"}]}`), &bands)
	toCHF, err := rates.Converter("EUR", "CHF", pricing.RoundHalfUp, bands)
	if err != nil {
		panic(err)
	}
	toJPY, _ := rates.Converter("EUR", "JPY", pricing.RoundHalfUp, pricing.NearestEnding(pricing.MustParseFixed("10")))
	for _, s := range []string{"5.00", "19.99", "249.00"} {
		eur := pricing.MustParseMoney(s, "EUR")
		chf, _ := toCHF.Convert(eur)
		jpy, _ := toJPY.Convert(eur)
		fmt.Println(eur, "→", chf, "/", jpy)
	}
	// Output:
	// 5.00 EUR → 4.99 CHF / 810 JPY
	// 19.99 EUR → 18.90 CHF / 3250 JPY
	// 249.00 EUR → 232.00 CHF / 40430 JPY
}
