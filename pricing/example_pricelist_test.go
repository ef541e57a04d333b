package pricing_test

import (
	"fmt"
	"time"

	"github.com/marketkit/marketkit/pricing"
)

func ExamplePriceList_Resolve() {
	eur := func(s string) pricing.Money { return pricing.MustParseMoney(s, "EUR") }
	list, err := pricing.NewPriceList(pricing.PriceListConfig{
		Market: "de", Currency: "EUR", TimeZone: "Europe/Berlin",
		Entries: []pricing.PriceEntry{
			{SKU: "MUG", Price: eur("12.00")},
			{SKU: "MUG", Price: eur("11.00"), MinQuantity: 10},
			// A Black Friday sale, in Berlin wall-clock time.
			{SKU: "MUG", Price: eur("9.00"), CompareAt: eur("12.00"), From: "2026-11-27", Until: "2026-11-30"},
		},
	})
	if err != nil {
		panic(err)
	}
	berlin, _ := time.LoadLocation("Europe/Berlin")
	for _, q := range []pricing.Query{
		{Quantity: 1, At: time.Date(2026, 11, 20, 12, 0, 0, 0, berlin)},
		{Quantity: 1, At: time.Date(2026, 11, 27, 0, 0, 0, 0, berlin)},
		{Quantity: 12, At: time.Date(2026, 11, 27, 0, 0, 0, 0, berlin)},
		{Quantity: 1, At: time.Date(2026, 11, 26, 23, 30, 0, 0, time.UTC)}, // 00:30 in Berlin
	} {
		p, _ := list.Resolve("MUG", q)
		fmt.Printf("qty %2d at %s: %v (%v)\n", q.Quantity, q.At.In(berlin).Format("01-02 15:04"), p.Unit, p.Source)
	}
	_, err = list.Resolve("CUP", pricing.Query{At: time.Date(2026, 11, 20, 12, 0, 0, 0, berlin)})
	fmt.Println(err)
	// Output:
	// qty  1 at 11-20 12:00: 12.00 EUR (base)
	// qty  1 at 11-27 00:00: 9.00 EUR (window)
	// qty 12 at 11-27 00:00: 11.00 EUR (tier)
	// qty  1 at 11-27 00:30: 9.00 EUR (window)
	// pricing: Resolve: sku "CUP": no price in market "de"
}

func ExamplePriceList_Explain() {
	eur := func(s string) pricing.Money { return pricing.MustParseMoney(s, "EUR") }
	list, _ := pricing.NewPriceList(pricing.PriceListConfig{
		Market: "de", Currency: "EUR", TimeZone: "Europe/Berlin",
		Entries: []pricing.PriceEntry{
			{SKU: "MUG", Price: eur("12.00")},
			{SKU: "MUG", Price: eur("8.00"), Group: "wholesale"},
			{SKU: "MUG", Price: eur("11.00"), MinQuantity: 10},
		},
	})
	x, _ := list.Explain("MUG", pricing.Query{Quantity: 10, At: time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)})
	fmt.Print(x)
	// Output:
	// MUG in de: 11.00 EUR (tier)
	//   entries[1] group 8.00 EUR: customer group wholesale does not match (none)
	// ✓ entries[2] tier 11.00 EUR: applies and is the most specific (tier)
	//   entries[0] base 12.00 EUR: applies but a more specific entry won
}
