package pricing_test

import (
	"errors"
	"fmt"

	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/pricing"
)

func ExampleParseFixed() {
	rate, err := pricing.ParseFixed("0.19")
	fmt.Println(rate, rate.Sign(), err)
	_, err = pricing.ParseFixed("1e3")
	fmt.Println(err)
	_, err = pricing.ParseFixed("0.0000000000000000001")
	fmt.Println(err)
	// Output:
	// 0.19 1 <nil>
	// pricing: ParseFixed: number "1e3": invalid syntax: want digits with an optional sign and point, like -12.50
	// pricing: ParseFixed: number "0.0000000000000000001": value out of range: more than 18 fraction digits or beyond an int64 coefficient
}

func ExampleMoney_MulRound() {
	// A tax amount: the exact product 3.7981 is rounded once, half up.
	rate := pricing.MustParseFixed("0.19")
	vat, _ := pricing.MustParseMoney("19.99", "EUR").MulRound(rate, 2, pricing.RoundHalfUp)
	// Round to the currency's own digits: none for JPY (199.9 → 200).
	jpy := pricing.MustParseMoney("1999", "JPY")
	tax, _ := jpy.MulRound(pricing.MustParseFixed("0.10"), jpy.Digits(), pricing.RoundHalfUp)
	fmt.Println(vat, tax)
	// Output: 3.80 EUR 200 JPY
}

func ExampleMoney_RoundTo() {
	// Negative digits round to tens or hundreds.
	hundreds, _ := pricing.MustParseMoney("1234.56", "EUR").RoundTo(-2, pricing.RoundHalfUp)
	// Floor is towards −∞, also for negative amounts.
	floor, _ := pricing.MustParseMoney("-0.25", "EUR").RoundTo(1, pricing.RoundFloor)
	fmt.Println(hundreds, floor)
	// Output: 1200.00 EUR -0.30 EUR
}

func ExampleMoney_Div() {
	m := pricing.MustParseMoney("100.00", "EUR")
	three := pricing.MustParseFixed("3")
	a, _ := m.Div(three, 2, pricing.RoundHalfUp)
	b, _ := m.Div(three, 2, pricing.RoundCeiling)
	_, err := m.Div(pricing.Fixed{}, 2, pricing.RoundHalfUp)
	fmt.Println(a, b)
	fmt.Println(err, errors.Is(err, pricing.ErrDivisionByZero))
	// Output:
	// 33.33 EUR 33.34 EUR
	// pricing: Div: divisor "0": division by zero true
}

func ExampleMoney_AppendAllocation() {
	// A reused buffer and pre-parsed ratios: no allocation per split.
	parts := make([]pricing.Money, 0, 3)
	ratios := []pricing.Fixed{pricing.FixedFromInt(50), pricing.FixedFromInt(30), pricing.FixedFromInt(20)}
	for _, s := range []string{"10.00", "0.05"} {
		parts, _ = pricing.MustParseMoney(s, "EUR").AppendAllocation(parts[:0], ratios, pricing.MinorUnit)
		fmt.Println(parts)
	}
	// Output:
	// [5.00 EUR 3.00 EUR 2.00 EUR]
	// [0.03 EUR 0.01 EUR 0.01 EUR]
}

func ExampleEndingRule_Apply() {
	// Price bands: .99 below 10, .90 below 100, whole units above.
	bands := pricing.EndingRule{Bands: []pricing.Ending{
		{Below: pricing.MustParseFixed("10"), Step: pricing.MustParseFixed("1"), End: pricing.MustParseFixed("0.99"), Round: pricing.RoundUp},
		{Below: pricing.MustParseFixed("100"), Step: pricing.MustParseFixed("1"), End: pricing.MustParseFixed("0.90"), Round: pricing.RoundUp},
		{Step: pricing.MustParseFixed("1"), Round: pricing.RoundUp},
	}}
	if err := bands.Validate(2); err != nil {
		panic(err)
	}
	for _, s := range []string{"4.20", "9.99", "10.00", "45.10", "99.95", "149.01"} {
		p, _ := bands.Apply(pricing.MustParseMoney(s, "EUR"))
		fmt.Println(s, "→", p.Amount())
	}
	// The nearest 100 yen, but a positive price never becomes 0.
	for _, s := range []string{"1249", "40"} {
		p, _ := pricing.NearestEnding(pricing.MustParseFixed("100")).Apply(pricing.MustParseMoney(s, "JPY"))
		fmt.Println(s, "→", p.Amount())
	}
	// Output:
	// 4.20 → 4.99
	// 9.99 → 9.99
	// 10.00 → 10.90
	// 45.10 → 45.90
	// 99.95 → 100.00
	// 149.01 → 150.00
	// 1249 → 1200
	// 40 → 100
}

func ExampleRateTable_Convert() {
	rates, err := pricing.NewRateTable(locale.MustParseDate("2026-11-25"), []pricing.ExchangeRate{
		{From: "EUR", To: "USD", Rate: pricing.MustParseFixed("1.0825")},
	})
	if err != nil {
		panic(err)
	}
	// 19.99 × 1.0825 = 21.639175, rounded once.
	usd, _ := rates.Convert(pricing.MustParseMoney("19.99", "EUR"), "USD", pricing.RoundHalfUp)
	fmt.Println(usd)
	// Only the directions listed exist: no implicit inverse.
	_, err = rates.Convert(usd, "EUR", pricing.RoundHalfUp)
	fmt.Println(err, errors.Is(err, pricing.ErrNoExchangeRate))
	// Output:
	// 21.64 USD
	// pricing: RateTable.Convert: rate "USD→EUR": no exchange rate: no rate for this direction true
}

func ExampleOrder_QuoteInto() {
	order := pricing.Order{Currency: "EUR", Rounding: pricing.RoundHalfUp,
		Items:     []pricing.Item{{SKU: "MUG", Quantity: 1, UnitPrice: pricing.MustParseMoney("12.00", "EUR")}},
		Discounts: []pricing.Discount{pricing.PercentOff("WELCOME10", pricing.MustParsePercent("10"))},
	}
	// One Quote reused for many orders: no allocation after the first.
	var q pricing.Quote
	for _, qty := range []int64{1, 3} {
		order.Items[0].Quantity = qty
		if err := order.QuoteInto(&q); err != nil {
			panic(err)
		}
		fmt.Println(qty, q.Subtotal, q.OrderDiscount, q.Total)
	}
	// Output:
	// 1 12.00 EUR 1.20 EUR 10.80 EUR
	// 3 36.00 EUR 3.60 EUR 32.40 EUR
}

func ExampleParseMoneyText() {
	m, err := pricing.ParseMoneyText("19.99 EUR")
	if err != nil {
		panic(err)
	}
	text, _ := m.MarshalText()
	// The SQL column holds the same text form.
	v, _ := m.Value()
	var n pricing.Money
	if err := n.Scan([]byte("500 JPY")); err != nil {
		panic(err)
	}
	fmt.Println(m, string(text), v, n)
	// Output: 19.99 EUR 19.99 EUR 19.99 EUR 500 JPY
}

func ExampleNewPriceList_errors() {
	// Every problem is reported at once, naming the field and the value.
	_, err := pricing.NewPriceList(pricing.PriceListConfig{
		Market: "de", Currency: "EUR", TimeZone: "Europe/Berlin",
		Entries: []pricing.PriceEntry{
			{SKU: "MUG", Price: pricing.MustParseMoney("5.00", "USD")},
			{SKU: "MUG", Price: pricing.MustParseMoney("4.00", "EUR"), From: "2026-12-01", Until: "2026-11-01"},
		},
	})
	fmt.Println(err)
	// Output:
	// pricing: NewPriceList: entries[0].price "5.00 USD": currency mismatch: want EUR (the zero Money is not a price)
	// pricing: NewPriceList: entries[1].until "2026-11-01": must be after from (2026-12-01)
}
