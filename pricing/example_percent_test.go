package pricing_test

import (
	"fmt"
	"slices"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/pricing"
)

func ExampleParsePercent() {
	for _, s := range []string{"19", "8.1", "9.975%", "0%", "0.1", "120", "-5"} {
		p, err := pricing.ParsePercent(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(p, p.Fraction())
	}
	// Output:
	// 19% 0.19
	// 8.1% 0.081
	// 9.975% 0.09975
	// 0% 0
	// 0.1% 0.001
	// pricing: ParsePercent: percent "120": value out of range: above 100%
	// pricing: ParsePercent: percent "-5": invalid syntax: want a percentage like 19, 8.1, 9.975 or 19%
}

// A fraction is not a percentage: 0.1 becomes a Percent only through
// PercentFromFraction, and is then 10 %.
func ExamplePercentFromFraction() {
	p, err := pricing.PercentFromFraction(pricing.MustParseFixed("0.1"))
	fmt.Println(p, err)
	// Output: 10% <nil>
}

func ExamplePercentOff() {
	order := pricing.Order{Currency: "EUR",
		Items: []pricing.Item{{SKU: "MUG", Quantity: 3, UnitPrice: pricing.MustParseMoney("12.90", "EUR")}},
		Discounts: []pricing.Discount{
			pricing.PercentOff("WELCOME10", pricing.MustParsePercent("10")),
			pricing.AmountOff("FIVER", pricing.MustParseMoney("5.00", "EUR")),
		},
	}
	q, err := order.Quote()
	if err != nil {
		panic(err)
	}
	for _, d := range q.OrderDiscounts {
		fmt.Println(d.Code, d.Kind, d.Percent, d.Amount)
	}
	fmt.Println(q.Subtotal, "→", q.Total)
	// Output:
	// WELCOME10 percent 10% 3.87 EUR
	// FIVER amount 0% 5.00 EUR
	// 38.70 EUR → 29.83 EUR
}

func ExamplePercent_Format() {
	vat := pricing.MustParsePercent("8.1")
	for _, tag := range []string{"de-CH", "fr-CH", "de"} {
		// CLDR's percent patterns show no decimals: ask for up to three.
		f, err := locale.NewFormatter(language.MustParse(tag), &locale.FormatOptions{PercentFraction: locale.Fraction(0, 3)})
		if err != nil {
			panic(err)
		}
		s, err := vat.Format(f)
		fmt.Printf("%s %q %v\n", tag, s, err)
	}
	// Output:
	// de-CH "8.1%" <nil>
	// fr-CH "8,1%" <nil>
	// de "8,1\u00a0%" <nil>
}

// Compare sorts amounts of several currencies: by currency code, then by
// amount. Cmp, for amounts that must share a currency, reports a mismatch.
func ExampleMoney_Compare() {
	prices := []pricing.Money{
		pricing.MustParseMoney("19.99", "EUR"), pricing.MustParseMoney("5", "USD"),
		pricing.MustParseMoney("100", "CHF"), pricing.MustParseMoney("4.50", "EUR"),
	}
	slices.SortFunc(prices, pricing.Money.Compare)
	fmt.Println(prices)
	_, err := prices[0].Cmp(prices[1])
	fmt.Println(err)
	// Output:
	// [100.00 CHF 4.50 EUR 19.99 EUR 5.00 USD]
	// pricing: Cmp: currency "EUR": currency mismatch: want CHF
}
