package marketkit_test

import (
	"context"
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/address"
	"github.com/marketkit/marketkit/address/phone"
	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/tax"
)

// The newcomer's cart: one German shop, one cart of three lines with 10 %
// off, sold to a customer in Germany (in EUR), in Switzerland (converted
// to CHF) and in New York (converted to USD). Each customer's address is
// validated and turned into the tax location in one call, the phone number
// is normalized, tax is calculated under the market's policy, and every
// amount is formatted for the market's locale. Everything here is in the
// packages' documentation; errors are checked with a helper to keep the
// example short.
func Example_newcomersCart() {
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	eur := func(s string) pricing.Money { return pricing.MustParseMoney(s, "EUR") }

	// The cart, in the shop's currency. TaxClass is the shop's own
	// product class ("" is standard); class rules below map it to each
	// country's tax category.
	cart := []pricing.Item{
		{SKU: "MUG", Quantity: 2, UnitPrice: eur("12.90")},
		{SKU: "COFFEE", TaxClass: "food", Quantity: 1, UnitPrice: eur("8.99")},
		{SKU: "TOTE", Quantity: 1, UnitPrice: eur("19.00")},
	}
	welcome := pricing.PercentOff("WELCOME10", pricing.MustParsePercent("10"))

	// Exchange rates are data with a date; a market converts with its
	// rounding and a price-ending rule (Swiss prices end in .90).
	day := locale.MustParseDate("2026-11-25")
	rates, err := pricing.NewRateTable(day, []pricing.ExchangeRate{
		{From: "EUR", To: "CHF", Rate: pricing.MustParseFixed("0.9312")},
		{From: "EUR", To: "USD", Rate: pricing.MustParseFixed("1.0825")},
	})
	must(err)

	// The shop: established in Berlin, registered for Swiss VAT and for New
	// York sales tax.
	shop := tax.Store{Origin: tax.Address{Country: "DE", PostalCode: "10115"}, Registrations: []string{"CH", "us-ny"}}
	// Food is reduced-rate VAT in Europe and exempt from New York sales
	// tax; the calculator uses the built-in rates (for the United States,
	// the state's base rate: a sales-tax service plugs in as a
	// tax.Calculator for local rates).
	calc, err := tax.NewCalculator(&tax.CalculatorOptions{Classes: []tax.ClassRule{
		{Class: "food", Category: tax.Reduced, Supply: tax.Goods},
		{Class: "food", Country: "US", Category: tax.Exempt, Supply: tax.Goods},
	}})
	must(err)

	markets := []struct {
		locale   string
		currency string
		ending   pricing.EndingRule
		policy   tax.Policy
		customer address.Address
		phone    string
	}{
		{"de-DE", "EUR", pricing.EndingRule{},
			tax.Policy{PricesIncludeTax: true, Rounding: tax.PerLine, Mode: pricing.RoundHalfUp},
			address.Address{CountryCode: "DE", Name: "Erika Mustermann", Line1: "Heidestraße 17", Locality: "Köln", PostalCode: "51147"},
			"0221 4710 0"},
		{"de-CH", "CHF", pricing.CharmEnding(pricing.MustParseFixed("0.90")),
			tax.Policy{PricesIncludeTax: true, Rounding: tax.PerLine, Mode: pricing.RoundHalfUp},
			address.Address{CountryCode: "CH", Name: "Heidi Muster", Line1: "Bahnhofstrasse 1", Locality: "Zürich", PostalCode: "8001"},
			"044 668 18 00"},
		{"en-US", "USD", pricing.CharmEnding(pricing.MustParseFixed("0.99")),
			tax.Policy{PricesIncludeTax: false, Rounding: tax.PerOrderPerRate, Mode: pricing.RoundHalfUp},
			address.Address{CountryCode: "US", Name: "Jane Doe", Line1: "350 Fifth Avenue", Locality: "New York", AdministrativeArea: "New York", PostalCode: "10118"},
			"(212) 736-3100"},
	}
	for _, m := range markets {
		f, err := locale.NewFormatter(language.MustParse(m.locale), &locale.FormatOptions{PercentFraction: locale.Fraction(0, 3)})
		must(err)
		show := func(x pricing.Money) string { s, err := x.Format(f); must(err); return s }

		// Prices in the market's currency: converted, rounded, then the
		// ending rule (the zero EndingRule changes nothing).
		conv, err := rates.Converter("EUR", m.currency, pricing.RoundHalfUp, m.ending)
		must(err)
		order := pricing.Order{Currency: m.currency, Discounts: []pricing.Discount{welcome}}
		for _, it := range cart {
			it.UnitPrice, err = conv.Convert(it.UnitPrice)
			must(err)
			order.Items = append(order.Items, it)
		}
		q, err := order.Quote() // the zero Rounding rounds half-even
		must(err)

		// The customer: a normalized, valid address gives the tax location
		// (country, ISO 3166-2 region, postal code) in one call.
		a := address.Normalize(m.customer)
		must(address.Validate(a))
		loc, err := tax.AddressOf(a)
		must(err)
		tel, err := phone.ParseValid(m.phone, a.CountryCode)
		must(err)

		req := &tax.Request{Date: day, Store: shop, Customer: tax.Customer{Address: loc}, Policy: m.policy, Lines: q.Lines}
		var res tax.Result
		must(calc.Calculate(context.Background(), req, &res))

		where := loc.Country
		if loc.Region != "" {
			where = loc.Region
		}
		fmt.Printf("%s: %s (tax in %s), %s\n", m.locale, address.Format(a, &address.FormatOptions{Style: address.SingleLine}), where, tel.International())
		for i, l := range q.Lines {
			var rs []string
			for _, t := range res.Lines[i].Taxes {
				p, err := t.Rate.Percent.Format(f)
				must(err)
				rs = append(rs, p)
			}
			fmt.Printf("  %-6s %d × %-10s %10s  tax %s %s\n", l.SKU, l.Quantity, show(l.UnitPrice), show(l.Total), strings.Join(rs, "+"), show(res.Lines[i].Tax))
		}
		d := q.OrderDiscounts[0]
		p, err := d.Percent.Format(f)
		must(err)
		fmt.Printf("  %s %s: −%s; net %s + tax %s = %s\n", d.Code, p, show(d.Amount), show(res.Net), show(res.Tax), show(res.Gross))
	}
	// (Amounts and percentages use CLDR's no-break spaces: "12,90\u00a0€".)

	// Output:
	// de-DE: Erika Mustermann, Heidestraße 17, 51147 Köln (tax in DE), +49 221 47100
	//   MUG    2 × 12,90 €       23,22 €  tax 19 % 3,71 €
	//   COFFEE 1 × 8,99 €         8,09 €  tax 7 % 0,53 €
	//   TOTE   1 × 19,00 €       17,10 €  tax 19 % 2,73 €
	//   WELCOME10 10 %: −5,38 €; net 41,44 € + tax 6,97 € = 48,41 €
	// de-CH: Heidi Muster, Bahnhofstrasse 1, CH-8001 Zürich (tax in CH), +41 44 668 18 00
	//   MUG    2 × CHF 12.90   CHF 23.22  tax 8.1% CHF 1.74
	//   COFFEE 1 × CHF 8.90     CHF 8.01  tax 2.6% CHF 0.20
	//   TOTE   1 × CHF 17.90   CHF 16.11  tax 8.1% CHF 1.21
	//   WELCOME10 10%: −CHF 5.26; net CHF 44.19 + tax CHF 3.15 = CHF 47.34
	// en-US: Jane Doe, 350 Fifth Avenue, New York, NY 10118 (tax in US-NY), +1 212-736-3100
	//   MUG    2 × $13.99         $25.18  tax 4% $1.01
	//   COFFEE 1 × $9.99           $8.99  tax 0% $0.00
	//   TOTE   1 × $20.99         $18.89  tax 4% $0.75
	//   WELCOME10 10%: −$5.90; net $53.06 + tax $1.76 = $54.82
}
