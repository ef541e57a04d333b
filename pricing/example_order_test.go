package pricing_test

import (
	"fmt"

	"github.com/marketkit/marketkit/pricing"
)

func ExampleOrder_Quote() {
	eur := func(s string) pricing.Money { return pricing.MustParseMoney(s, "EUR") }
	order := pricing.Order{
		Currency: "EUR",
		Rounding: pricing.RoundHalfUp,
		Items: []pricing.Item{
			{SKU: "MUG", TaxClass: "standard", Quantity: 2, UnitPrice: eur("12.00")},
			{SKU: "TEA", TaxClass: "reduced", Quantity: 3, UnitPrice: eur("4.99"),
				Discounts: []pricing.Discount{pricing.PercentOff("TEA20", pricing.MustParsePercent("20"))}},
		},
		// 10 % off the order, then 5 EUR off what is left.
		Discounts: []pricing.Discount{
			pricing.PercentOff("WELCOME10", pricing.MustParsePercent("10")),
			pricing.AmountOff("FIVER", eur("5.00")),
		},
	}
	q, err := order.Quote()
	if err != nil {
		panic(err)
	}
	for _, l := range q.Lines {
		fmt.Printf("%-4s %-8s %v − %v − %v = %v\n", l.SKU, l.TaxClass, l.Subtotal, l.LineDiscount, l.OrderDiscount, l.Total)
	}
	// Each applied discount carries its kind and, for a percentage, the
	// percentage: enough for a receipt line.
	for _, d := range q.OrderDiscounts {
		if d.Kind == pricing.DiscountPercent {
			fmt.Printf("%s %v: −%v\n", d.Code, d.Percent, d.Amount)
		} else {
			fmt.Printf("%s: −%v\n", d.Code, d.Amount)
		}
	}
	fmt.Println("subtotal", q.Subtotal, "total", q.Total)
	// Output:
	// MUG  standard 24.00 EUR − 0.00 EUR − 5.74 EUR = 18.26 EUR
	// TEA  reduced  14.97 EUR − 2.99 EUR − 2.86 EUR = 9.12 EUR
	// WELCOME10 10%: −3.60 EUR
	// FIVER: −5.00 EUR
	// subtotal 38.97 EUR total 27.38 EUR
}
