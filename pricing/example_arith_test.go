package pricing_test

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/marketkit/marketkit/locale"
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
	// pricing: Split: amount "10.005 EUR": amount not rounded to the unit: more digits than the currency's: round it first
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
	// pricing: Cmp: currency "USD": currency mismatch: want EUR
}

func ExampleMoney_Minor() {
	m := pricing.MustParseMoney("19.99", "EUR")
	units, ok := m.Minor()
	fmt.Println(units, ok)
	// More fraction digits than the currency has: round first.
	_, ok = pricing.MustParseMoney("19.995", "EUR").Minor()
	fmt.Println(ok)
	// Output:
	// 1999 true
	// false
}

func ExampleMoneyFromDecimal() {
	d := decimal.RequireFromString("1234.5")
	m, err := pricing.MoneyFromDecimal(d, "eur")
	fmt.Println(m, err)
	_, err = pricing.MoneyFromDecimal(d, "EURO")
	fmt.Println(errors.Is(err, locale.ErrUnknownCurrency))
	// Output:
	// 1234.50 EUR <nil>
	// true
}

func ExampleMoney_AllocateDecimal() {
	// Split a shipping fee 50/30/20 between three shipments.
	fee := pricing.MustParseMoney("9.99", "EUR")
	parts, err := fee.AllocateDecimal(
		decimal.RequireFromString("0.5"),
		decimal.RequireFromString("0.3"),
		decimal.RequireFromString("0.2"),
	)
	fmt.Println(parts, err)
	// Output:
	// [4.99 EUR 3.00 EUR 2.00 EUR] <nil>
}

// The zero RoundingMode is half-even, and pricing's modes are locale's:
// one type, one meaning.
func ExampleRoundingMode() {
	var mode pricing.RoundingMode // the zero mode
	for _, s := range []string{"0.125", "0.135", "-0.125"} {
		r, _ := pricing.MustParseMoney(s, "EUR").Round(mode)
		fmt.Print(r, "  ")
	}
	fmt.Println(mode, mode == locale.RoundHalfEven, pricing.RoundHalfUp == locale.RoundHalfUp)
	up, err := locale.ParseRoundingMode("half-up")
	fmt.Println(up, err)
	_, err = pricing.MustParseMoney("1", "EUR").Round(99)
	fmt.Println(err)
	// Output:
	// 0.12 EUR  0.14 EUR  -0.12 EUR  half-even true true
	// half-up <nil>
	// pricing: Round: mode "RoundingMode(99)": invalid rounding mode: not a rounding mode
}

func ExampleCharmEnding() {
	rule := pricing.CharmEnding(pricing.MustParseFixed("0.99"))
	for _, s := range []string{"18.61", "19.00", "19.99"} {
		p, err := rule.Apply(pricing.MustParseMoney(s, "EUR"))
		fmt.Println(p, err)
	}
	// Output:
	// 18.99 EUR <nil>
	// 19.99 EUR <nil>
	// 19.99 EUR <nil>
}
