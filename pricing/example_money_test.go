package pricing_test

import (
	"errors"
	"fmt"

	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/pricing"
	"golang.org/x/text/language"
)

func ExampleParseMoney() {
	m, err := pricing.ParseMoney("19.99", "eur")
	if err != nil {
		panic(err)
	}
	fmt.Println(m, m.Currency(), m.Digits())
	_, err = pricing.ParseMoney("19,99", "EUR")
	fmt.Println(err)
	// Output:
	// 19.99 EUR EUR 2
	// pricing: ParseMoney: amount "19,99": invalid syntax: want digits with an optional sign and point, like -12.50
}

func ExampleMoneyFromMinor() {
	a, _ := pricing.MoneyFromMinor(1999, "EUR")
	b, _ := pricing.MoneyFromMinor(1999, "JPY")
	c, _ := pricing.MoneyFromMinor(1999, "BHD")
	fmt.Println(a, b, c)
	// Output: 19.99 EUR 1999 JPY 1.999 BHD
}

func ExampleMoney_Add() {
	// The zero Money is the identity for Add, so a sum can start from it.
	var total pricing.Money
	for _, s := range []string{"19.99", "5.01", "0.10"} {
		total, _ = total.Add(pricing.MustParseMoney(s, "EUR"))
	}
	fmt.Println(total)

	_, err := total.Add(pricing.MustParseMoney("1", "USD"))
	fmt.Println(err, errors.Is(err, pricing.ErrCurrencyMismatch))
	// Output:
	// 25.10 EUR
	// pricing: Add: currency "USD": currency mismatch: want EUR true
}

func ExampleMoney_Round() {
	vat := pricing.MustParseMoney("1.50", "EUR").Mul(pricing.MustParseFixed("0.19")) // 0.285, exact
	up, _ := vat.Round(pricing.RoundHalfUp)
	even, _ := vat.Round(pricing.RoundHalfEven)
	fmt.Println(vat, up, even)
	// Output: 0.285 EUR 0.29 EUR 0.28 EUR
}

func ExampleMoney_RoundCash() {
	for _, m := range []pricing.Money{
		pricing.MustParseMoney("10.02", "CHF"),
		pricing.MustParseMoney("10.26", "DKK"),
		pricing.MustParseMoney("10.49", "SEK"),
	} {
		cash, _ := m.RoundCash(pricing.RoundHalfUp)
		fmt.Println(m, "→", cash)
	}
	// Output:
	// 10.02 CHF → 10.00 CHF
	// 10.26 DKK → 10.50 DKK
	// 10.49 SEK → 10.00 SEK
}

func ExampleMoney_MulDiv() {
	// The VAT contained in a gross price: gross × rate / (1 + rate).
	gross := pricing.MustParseMoney("119.00", "EUR")
	rate := pricing.MustParseFixed("0.19")
	onePlus, _ := pricing.FixedFromInt(1).Add(rate)
	tax, _ := gross.MulDiv(rate, onePlus, 2, pricing.RoundHalfUp)
	net, _ := gross.Sub(tax)
	fmt.Println(net, "+", tax, "=", gross)
	// Output: 100.00 EUR + 19.00 EUR = 119.00 EUR
}

func ExampleMoney_MarshalJSON() {
	b, _ := pricing.MustParseMoney("19.99", "EUR").MarshalJSON()
	fmt.Println(string(b))
	var m pricing.Money
	_ = m.UnmarshalJSON([]byte(`{"amount":"5","currency":"JPY"}`))
	fmt.Println(m)
	// Output:
	// {"amount":"19.99","currency":"EUR"}
	// 5 JPY
}

func ExampleMoney_Format() {
	de, _ := locale.NewFormatter(language.German, nil)
	us, _ := locale.NewFormatter(language.AmericanEnglish, nil)
	m := pricing.MustParseMoney("1234.5", "EUR")
	a, _ := m.Format(de)
	b, _ := m.Format(us)
	fmt.Println(a)
	fmt.Println(b)
	// Output:
	// 1.234,50 €
	// €1,234.50
}
