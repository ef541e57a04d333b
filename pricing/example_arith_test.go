package pricing_test

import (
	"fmt"

	"github.com/marketkit/marketkit/pricing"
)

func ExampleMoney_Split() {
	bill := pricing.MustParseMoney("10.00", "EUR")
	parts, err := bill.Split(3)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(parts)

	refund := pricing.MustParseMoney("-10.00", "EUR")
	parts, _ = refund.Split(3)
	fmt.Println(parts)

	// Round first: Split counts in minor units.
	_, err = pricing.MustParseMoney("10.005", "EUR").Split(2)
	fmt.Println(err)
	// Output:
	// [3.34 EUR 3.33 EUR 3.33 EUR]
	// [-3.34 EUR -3.33 EUR -3.33 EUR]
	// pricing: Allocate: amount "10.005 EUR": amount not rounded to the unit
}

func ExampleMoney_Mul() {
	price := pricing.MustParseMoney("19.99", "EUR")
	vat := pricing.MustParseFixed("0.19")
	tax := price.Mul(vat) // exact, all fraction digits kept
	fmt.Println(tax)
	rounded, err := tax.Round(pricing.RoundHalfUp)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rounded)
	// Output:
	// 3.7981 EUR
	// 3.80 EUR
}

func ExampleMoney_Equal() {
	a := pricing.MustParseMoney("1.5", "EUR")
	b := pricing.MustParseMoney("1.50", "EUR")
	fmt.Println(a.Equal(b), a == b) // never compare Money with ==
	c, err := a.Cmp(pricing.MustParseMoney("2", "EUR"))
	fmt.Println(c, err)
	_, err = a.Cmp(pricing.MustParseMoney("1.5", "USD"))
	fmt.Println(err)
	// Output:
	// true false
	// -1 <nil>
	// pricing: Cmp: currency mismatch: EUR and USD
}
