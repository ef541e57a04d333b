package tax_test

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/tax"
)

// quote prices items given as (tax class, unit price, quantity).
func quote(currency string, items ...any) []pricing.Line {
	o := pricing.Order{Currency: currency, Rounding: pricing.RoundHalfUp}
	for i := 0; i < len(items); i += 3 {
		o.Items = append(o.Items, pricing.Item{
			SKU: fmt.Sprint("sku", i/3), TaxClass: items[i].(string),
			UnitPrice: pricing.MustParseMoney(items[i+1].(string), currency), Quantity: int64(items[i+2].(int)),
		})
	}
	q, err := o.Quote()
	if err != nil {
		panic(err)
	}
	return q.Lines
}

func print(res *tax.Result) {
	for _, l := range res.Lines {
		fmt.Printf("line %d: net %s + tax %s = gross %s", l.Index, l.Net.Amount(), l.Tax.Amount(), l.Gross.Amount())
		for _, t := range l.Taxes {
			fmt.Printf(" [%s %s]", t.Rate.ID, t.Rate.Percent)
		}
		fmt.Printf(" (%s)\n", l.Outcome.Rule)
	}
	for _, r := range res.Rates {
		if r.Outcome == tax.Taxed {
			fmt.Printf("rate %s %s: base %s tax %s\n", r.Rate.Type, r.Rate.Percent, r.Base.Amount(), r.Tax.Amount())
		} else {
			fmt.Printf("%s: base %s tax %s\n", r.Outcome, r.Base.Amount(), r.Tax.Amount())
		}
	}
	fmt.Printf("total: net %s + tax %s = gross %s %s\n", res.Net.Amount(), res.Tax.Amount(), res.Gross.Amount(), res.Currency)
}

var berlin = tax.Store{Origin: tax.Address{Country: "DE", PostalCode: "10115"}}

// A German shop sells to an Austrian consumer in 2025. Prices include
// German VAT (19 % / 7 %); the shop keeps the shelf price (KeepGross), so
// Austrian VAT (20 % / 10 %) is extracted from the same gross.
func Example_germanShopAustrianConsumer() {
	var calc tax.BuiltinCalculator // zero value: built-in data
	req := &tax.Request{
		Date:     tax.MustDate("2025-03-14"),
		Store:    berlin,
		Customer: tax.Customer{Address: tax.Address{Country: "AT", PostalCode: "1010"}},
		Policy:   tax.Policy{PricesIncludeTax: true, Rounding: tax.PerLine, Mode: pricing.RoundHalfUp},
		Lines:    quote("EUR", "standard", "119.00", 1, "reduced", "10.70", 2),
	}
	var res tax.Result
	if err := calc.Calculate(context.Background(), req, &res); err != nil {
		fmt.Println(err)
		return
	}
	print(&res)
	// Output:
	// line 0: net 99.17 + tax 19.83 = gross 119.00 [at_vat/standard/1995-01-01 20%] (eu.destination)
	// line 1: net 19.45 + tax 1.95 = gross 21.40 [at_vat/reduced/1995-01-01 10%] (eu.destination)
	// rate at_vat 20%: base 99.17 tax 19.83
	// rate at_vat 10%: base 19.45 tax 1.95
	// total: net 118.62 + tax 21.78 = gross 140.40 EUR
}

// The same shop sells to a French business with a valid VAT number: an
// intra-Community supply, reverse-charged at 0 %. The German VAT contained
// in the entered prices is removed, and the invoice carries the reason.
func Example_germanShopFrenchBusiness() {
	var calc tax.BuiltinCalculator
	req := &tax.Request{
		Date:  tax.MustDate("2025-03-14"),
		Store: berlin,
		Customer: tax.Customer{Address: tax.Address{Country: "FR", PostalCode: "75001"},
			Business: true, VATNumber: "FR 40 303 265 045"},
		Policy: tax.Policy{PricesIncludeTax: true, Mode: pricing.RoundHalfUp},
		Lines:  quote("EUR", "standard", "119.00", 1, "reduced", "10.70", 2),
	}
	var res tax.Result
	if err := calc.Calculate(context.Background(), req, &res); err != nil {
		fmt.Println(err)
		return
	}
	print(&res)
	fmt.Println(res.Lines[0].Outcome.Reason)
	// Output:
	// line 0: net 100.00 + tax 0.00 = gross 100.00 (eu.reverse-charge)
	// line 1: net 20.00 + tax 0.00 = gross 20.00 (eu.reverse-charge)
	// reverse-charge: base 120.00 tax 0.00
	// total: net 120.00 + tax 0.00 = gross 120.00 EUR
	// Intra-Community supply of goods, exempt (Directive 2006/112/EC art. 138); reverse charge: the customer accounts for VAT.
}

// The German shop sells to a Swiss consumer: an export, zero-rated. The
// shop is not registered for Swiss VAT, so none is charged (the customer
// pays import VAT); German VAT is removed from the inclusive price.
func Example_germanShopSwissConsumer() {
	var calc tax.BuiltinCalculator
	req := &tax.Request{
		Date:     tax.MustDate("2025-03-14"),
		Store:    berlin,
		Customer: tax.Customer{Address: tax.Address{Country: "CH", PostalCode: "8001"}},
		Policy:   tax.Policy{PricesIncludeTax: true, Mode: pricing.RoundHalfUp},
		Lines:    quote("EUR", "standard", "119.00", 1),
	}
	var res tax.Result
	if err := calc.Calculate(context.Background(), req, &res); err != nil {
		fmt.Println(err)
		return
	}
	print(&res)
	// A shop registered for Swiss VAT charges it instead.
	req.Store.Registrations = []string{"CH"}
	if err := calc.Calculate(context.Background(), req, &res); err != nil {
		fmt.Println(err)
		return
	}
	print(&res)
	// Output:
	// line 0: net 100.00 + tax 0.00 = gross 100.00 (eu.export)
	// export: base 100.00 tax 0.00
	// total: net 100.00 + tax 0.00 = gross 100.00 EUR
	// line 0: net 110.08 + tax 8.92 = gross 119.00 [ch_vat/standard/2024-01-01 8.1%] (default.zone)
	// rate ch_vat 8.1%: base 110.08 tax 8.92
	// total: net 110.08 + tax 8.92 = gross 119.00 EUR
}

// A Canadian store in Ontario sells to a consumer in Québec: GST 5 % and
// QST 9.975 %, both on the pre-tax price (not compounded).
func Example_canadaQuebec() {
	var calc tax.BuiltinCalculator
	req := &tax.Request{
		Date:     tax.MustDate("2025-06-02"),
		Store:    tax.Store{Origin: tax.Address{Country: "CA", Region: "ON"}},
		Customer: tax.Customer{Address: tax.Address{Country: "CA", Region: "QC", PostalCode: "H2X 1Y4"}},
		Policy:   tax.Policy{Mode: pricing.RoundHalfUp},
		Lines:    quote("CAD", "standard", "49.99", 2, "standard", "15.00", 1),
	}
	var res tax.Result
	if err := calc.Calculate(context.Background(), req, &res); err != nil {
		fmt.Println(err)
		return
	}
	print(&res)
	// Output:
	// line 0: net 99.98 + tax 14.97 = gross 114.95 [ca_gst/standard/2008-01-01 5%] [ca_qc_qst/standard/2013-01-01 9.975%] (ca.province)
	// line 1: net 15.00 + tax 2.25 = gross 17.25 [ca_gst/standard/2008-01-01 5%] [ca_qc_qst/standard/2013-01-01 9.975%] (ca.province)
	// rate ca_gst 5%: base 114.98 tax 5.75
	// rate ca_qc_qst 9.975%: base 114.98 tax 11.47
	// total: net 114.98 + tax 17.22 = gross 132.20 CAD
}

// A Japanese order with both rates: 10 % standard and 8 % reduced (food).
// Qualified invoices round once per rate per invoice (PerOrderPerRate);
// yen have no minor unit.
func Example_japanBothRates() {
	calc, err := tax.NewCalculator(&tax.CalculatorOptions{Classes: []tax.ClassRule{
		{Class: "food", Country: "JP", Category: tax.Reduced},
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	req := &tax.Request{
		Date:     tax.MustDate("2025-04-01"),
		Store:    tax.Store{Origin: tax.Address{Country: "JP"}},
		Customer: tax.Customer{Address: tax.Address{Country: "JP"}},
		Policy:   tax.Policy{PricesIncludeTax: true, Rounding: tax.PerOrderPerRate, Mode: pricing.RoundDown},
		Lines:    quote("JPY", "food", "398", 3, "food", "1280", 1, "", "2980", 1),
	}
	var res tax.Result
	if err := calc.Calculate(context.Background(), req, &res); err != nil {
		fmt.Println(err)
		return
	}
	print(&res)
	// Output:
	// line 0: net 1106 + tax 88 = gross 1194 [jp_ct/reduced/2019-10-01 8%] (default.zone)
	// line 1: net 1185 + tax 95 = gross 1280 [jp_ct/reduced/2019-10-01 8%] (default.zone)
	// line 2: net 2710 + tax 270 = gross 2980 [jp_ct/standard/2019-10-01 10%] (default.zone)
	// rate jp_ct 8%: base 2291 tax 183
	// rate jp_ct 10%: base 2710 tax 270
	// total: net 5001 + tax 453 = gross 5454 JPY
}

// Look up the amount in force on a date: Finland's standard rate around
// the 2024-09-01 increase.
func ExampleData_Lookup() {
	d := tax.Builtin()
	for _, day := range []string{"2024-08-31", "2024-09-01"} {
		a, err := d.Lookup("fi_vat", tax.Standard, tax.MustDate(day))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(day, a.Percent, a.ID)
	}
	_, err := d.Lookup("dk_vat", tax.Reduced, tax.MustDate("2025-01-01"))
	fmt.Println(err)
	// Output:
	// 2024-08-31 24% fi_vat/standard/2013-01-01
	// 2024-09-01 25.5% fi_vat/standard/2024-09-01
	// tax: Lookup: type "dk_vat": unknown category: category reduced on 2025-01-01
}

// Hosts can load their own rate data (here a local tax not in the
// built-in data).
func ExampleLoadJSON() {
	d, err := tax.LoadJSON(strings.NewReader(`{
	  "version": "host-1",
	  "sources": [{"id": "city", "citation": "City ordinance 12/2024, https://example.org/ordinance"}],
	  "zones": [{"id": "xy-city", "name": "Example City", "members": [{"country": "US", "regions": ["CO"], "postal_codes": ["80202"]}]}],
	  "types": [{"id": "xy_city_sales", "name": "Example City sales tax", "kind": "sales-tax", "country": "US",
	    "zone": "xy-city", "rates": [{"category": "standard", "amounts": [{"percent": "4.81", "from": "2024-01-01", "source": "city"}]}]}]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	a, _ := d.Lookup("xy_city_sales", tax.Standard, tax.MustDate("2025-01-01"))
	fmt.Println(a.ID, a.Percent)
	// Output: xy_city_sales/standard/2024-01-01 4.81%
}

// US state rates are base rates: a host adds local rates as data (or plugs
// an external sales-tax service in as a Calculator). Here a city rate is
// added to the built-in definition; a store registered in Colorado and
// in the city charges both.
func ExampleBuild() {
	def := tax.BuiltinDefinition()
	def.Sources = append(def.Sources, tax.SourceDef{ID: "host-city", Citation: "Host-maintained local rate table, https://example.org/local-rates"})
	def.Zones = append(def.Zones, tax.ZoneDef{ID: "us-co-city", Name: "Example city, CO",
		Members: []tax.MemberDef{{Country: "US", Regions: []string{"CO"}, PostalCodes: []string{"802"}}}})
	def.Types = append(def.Types, tax.TypeDef{ID: "us_co_city_sales", Name: "City sales tax", Kind: tax.SalesTax,
		Country: "US", Zone: "us-co-city", Rates: []tax.RateDef{{Category: tax.Standard,
			Amounts: []tax.AmountDef{{Percent: "4.81", From: "2023-01-01", Source: "host-city"}}}}})
	data, err := tax.Build(def)
	if err != nil {
		fmt.Println(err)
		return
	}
	calc, _ := tax.NewCalculator(&tax.CalculatorOptions{Data: data})
	req := &tax.Request{
		Date:     tax.MustDate("2025-05-01"),
		Store:    tax.Store{Origin: tax.Address{Country: "US", Region: "CO", PostalCode: "80202"}},
		Customer: tax.Customer{Address: tax.Address{Country: "US", Region: "CO", PostalCode: "80205"}},
		Policy:   tax.Policy{Mode: pricing.RoundHalfUp},
		Lines:    quote("USD", "", "100.00", 1),
	}
	var res tax.Result
	if err := calc.Calculate(context.Background(), req, &res); err != nil {
		fmt.Println(err)
		return
	}
	print(&res)
	// Output:
	// line 0: net 100.00 + tax 7.71 = gross 107.71 [us_co_sales/standard/2018-07-01 2.9%] [us_co_city_sales/standard/2023-01-01 4.81%] (default.zone)
	// rate us_co_sales 2.9%: base 100.00 tax 2.90
	// rate us_co_city_sales 4.81%: base 100.00 tax 4.81
	// total: net 100.00 + tax 7.71 = gross 107.71 USD
}

// A rate's Percent is a pricing.Percent: its text is "19%", Fraction is
// the rate for arithmetic (0.19), and it formats through a
// locale.Formatter.
func ExampleRate_percent() {
	for _, id := range []string{"de_vat", "ca_qc_qst", "fi_vat"} {
		a, err := tax.Builtin().Lookup(id, tax.Standard, tax.MustDate("2025-03-14"))
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(a.ID, a.Percent, a.Percent.Fraction())
	}
	// Output:
	// de_vat/standard/2021-01-01 19% 0.19
	// ca_qc_qst/standard/2013-01-01 9.975% 0.09975
	// fi_vat/standard/2024-09-01 25.5% 0.255
}

// A result names each tax by type ID; the calculator's Data gives the
// type's display name for the invoice (here of host data that renames
// German VAT).
func ExampleBuiltinCalculator_Data() {
	def := tax.BuiltinDefinition()
	for i := range def.Types {
		if def.Types[i].ID == "de_vat" {
			def.Types[i].Name = "Umsatzsteuer"
		}
	}
	data, err := tax.Build(def)
	if err != nil {
		fmt.Println(err)
		return
	}
	calc, _ := tax.NewCalculator(&tax.CalculatorOptions{Data: data})
	req := &tax.Request{
		Date:     tax.MustDate("2025-05-01"),
		Store:    tax.Store{Origin: tax.Address{Country: "DE", PostalCode: "10115"}},
		Customer: tax.Customer{Address: tax.Address{Country: "DE", PostalCode: "51147"}},
		Policy:   tax.Policy{PricesIncludeTax: true, Mode: pricing.RoundHalfUp},
		Lines:    quote("EUR", "", "119.00", 1, "reduced", "10.70", 1),
	}
	var res tax.Result
	if err := calc.Calculate(context.Background(), req, &res); err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range res.Rates {
		t, _ := calc.Data().Type(r.Rate.Type)
		fmt.Printf("%s %s: %s on %s\n", t.Name(), r.Rate.Percent, r.Tax, r.Base)
	}
	// Output:
	// Umsatzsteuer 19%: 19.00 EUR on 100.00 EUR
	// Umsatzsteuer 7%: 0.70 EUR on 10.00 EUR
}

// Errors name the operation, the field and the value, say why, and wrap
// the package's sentinels (ErrUnknownCountry also matches
// locale.ErrUnknownCountry).
func ExampleError() {
	var calc tax.BuiltinCalculator
	req := &tax.Request{Date: tax.MustDate("2025-03-14"),
		Store:    tax.Store{Origin: tax.Address{Country: "DE"}},
		Customer: tax.Customer{Address: tax.Address{Country: "ZZ"}},
		Lines:    []pricing.Line{{Total: pricing.MustParseMoney("10.00", "EUR")}}}
	var res tax.Result
	err := calc.Calculate(context.Background(), req, &res)
	fmt.Println(err)
	fmt.Println(errors.Is(err, tax.ErrUnknownCountry), errors.Is(err, locale.ErrUnknownCountry))

	req.Customer.Address.Country = "at"
	req.Store.Registrations = []string{"us_ny"}
	err = calc.Calculate(context.Background(), req, &res)
	var e *tax.Error
	if errors.As(err, &e) {
		fmt.Println(e)
		fmt.Printf("%s %s %q\n", e.Op, e.Field, e.Value)
	}
	// Output:
	// tax: Calculate: customer.address.country "ZZ": unknown country: want an ISO 3166-1 alpha-2 code such as DE
	// true true
	// tax: Calculate: store.registrations[0] "us_ny": invalid input: names no tax type, zone or country with tax data; did you mean us-ny, us_ny_sales?
	// Calculate store.registrations[0] "us_ny"
}

// A configuration check can test each registration on its own.
func ExampleData_CheckRegistration() {
	d := tax.Builtin()
	for _, r := range []string{"CH", "us-ny", "us_ny_sales", "eu", "Switzerland", "NY"} {
		fmt.Println(r, d.CheckRegistration(r))
	}
	// Output:
	// CH <nil>
	// us-ny <nil>
	// us_ny_sales <nil>
	// eu <nil>
	// Switzerland tax: CheckRegistration: registration "Switzerland": invalid input: names no tax type, zone or country with tax data; did you mean ch?
	// NY tax: CheckRegistration: registration "NY": invalid input: names no tax type, zone or country with tax data; did you mean us-ny, us_ny_sales?
}
