package tax_test

import (
	"context"
	"errors"
	"strconv"
	"testing"

	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/tax"
	"github.com/marketkit/marketkit/tax/taxtest"
)

var fuzzCountries = []tax.Address{
	{Country: "DE", PostalCode: "10115"}, {Country: "AT", PostalCode: "1010"}, {Country: "FR", PostalCode: "75001"},
	{Country: "ES", PostalCode: "35001"}, {Country: "PT", PostalCode: "9500-123"}, {Country: "CH", PostalCode: "8001"},
	{Country: "GB", PostalCode: "SW1A 1AA"}, {Country: "CA", Region: "QC"}, {Country: "CA", Region: "ON"},
	{Country: "JP"}, {Country: "US", Region: "CA"}, {Country: "IN"}, {Country: "BR"}, {Country: "DE", PostalCode: "27498"},
	{Country: "IT", PostalCode: "23041"}, {Country: "GR", PostalCode: "63086"}, {Country: "FI", PostalCode: "22100"},
	{Country: "FR", PostalCode: "97110"}, {Country: "CA", Region: "BC"}, {Country: "US", Region: "NM"},
	{Country: "GB", PostalCode: "BT1 1AA"}, {Country: "PT", PostalCode: "9000-001"}, {Country: "CA", Region: "NS"},
}

var fuzzClasses = []string{"", "standard", "reduced", "intermediate", "super-reduced", "zero", "exempt", "parking", "increased", "books"}

// supplyCalculators returns calculators that classify every category-named
// class of fuzzClasses as goods (the zero calculator), digital services and
// other services.
func supplyCalculators(f *testing.F) [3]*tax.BuiltinCalculator {
	calcs := [3]*tax.BuiltinCalculator{{}}
	for i, sup := range []tax.Supply{tax.Digital, tax.Service} {
		var rules []tax.ClassRule
		for _, class := range fuzzClasses {
			if cat, err := tax.ParseCategory(class); err == nil && class != "" {
				rules = append(rules, tax.ClassRule{Class: class, Category: cat, Supply: sup})
			}
		}
		c, err := tax.NewCalculator(&tax.CalculatorOptions{Classes: rules})
		if err != nil {
			f.Fatal(err)
		}
		calcs[i+1] = c
	}
	return calcs
}

// FuzzCalculate runs the calculation over arbitrary lines, policies, dates
// and parties and checks the invariants (taxtest.Check): net + tax = gross
// per line and in total, the breakdown sums to the tax, keep-gross never
// changes a taxed inclusive price. Errors must be typed. day/3000 picks the
// supply kind of the category-named classes (goods, digital, services).
func FuzzCalculate(f *testing.F) {
	calcs := supplyCalculators(f)
	f.Add(uint8(0), uint8(1), uint16(2000), uint8(0), int64(11900), int64(1), int64(535), int64(3), uint8(10), false, "")
	f.Add(uint8(0), uint8(2), uint16(2300), uint8(0x1f), int64(1), int64(7), int64(99999), int64(2), uint8(0), true, "FR40303265045")
	f.Add(uint8(8), uint8(7), uint16(2400), uint8(0x07), int64(4999), int64(2), int64(310), int64(4), uint8(25), false, "")
	f.Add(uint8(9), uint8(9), uint16(2100), uint8(0x0d), int64(398), int64(3), int64(2980), int64(1), uint8(0), false, "")
	f.Add(uint8(0), uint8(13), uint16(2400), uint8(0x03), int64(1), int64(80), int64(33333), int64(79), uint8(34), true, "EL094259216")
	f.Add(uint8(7), uint8(7), uint16(2300), uint8(0x39), int64(1), int64(1), int64(1), int64(3), uint8(0), false, "")
	f.Add(uint8(0), uint8(2), uint16(2300), uint8(0x05), int64(999), int64(2), int64(5), int64(9), uint8(5), true, "XI980780684")
	// XI numbers: goods to Belfast (intra-Community supply), digital and
	// other services to Belfast and to France (outside EU VAT).
	f.Add(uint8(0), uint8(20), uint16(2300), uint8(0x05), int64(999), int64(2), int64(5), int64(9), uint8(5), true, "XI980780684")
	f.Add(uint8(0), uint8(20), uint16(5300), uint8(0x05), int64(999), int64(2), int64(5), int64(9), uint8(5), true, "XI980780684")
	f.Add(uint8(0), uint8(2), uint16(8300), uint8(0x05), int64(999), int64(2), int64(5), int64(9), uint8(5), true, "XI980780684")
	f.Fuzz(func(t *testing.T, si, ci uint8, day uint16, flags uint8, u1, q1, u2, q2 int64, disc uint8, business bool, vat string) {
		store := fuzzCountries[int(si)%len(fuzzCountries)]
		cust := fuzzCountries[int(ci)%len(fuzzCountries)]
		date, _ := tax.MustDate("2019-01-01").AddDays(int(day) % 3000)
		cur := "EUR"
		switch store.Country {
		case "CA":
			cur = "CAD"
		case "JP":
			cur = "JPY"
		}
		clamp := func(x, hi int64) int64 {
			if x < 0 {
				x = -x
			}
			if x < 0 {
				x = 0
			}
			return x % hi
		}
		o := pricing.Order{Currency: cur, Rounding: pricing.RoundHalfUp}
		if disc > 0 {
			o.Discounts = []pricing.Discount{pricing.PercentOff("D", pricing.MustParsePercent(strconv.Itoa(int(disc%100))))}
		}
		// Three lines; the third shares the first one's class.
		for k, it := range [][2]int64{{u1, q1}, {u2, q2}, {u2 / 3, q1 + 1}} {
			unit, err := pricing.MoneyFromMinor(clamp(it[0], 1e9), cur)
			if err != nil {
				t.Fatal(err)
			}
			class := fuzzClasses[(int(flags)+k*3)%len(fuzzClasses)]
			if k == 2 {
				class = o.Items[0].TaxClass
			}
			o.Items = append(o.Items, pricing.Item{TaxClass: class, Quantity: clamp(it[1], 1000), UnitPrice: unit})
		}
		q, err := o.Quote()
		if err != nil {
			return // pricing rejects the order: not a tax concern
		}
		modes := []pricing.RoundingMode{pricing.RoundHalfUp, pricing.RoundHalfEven, pricing.RoundDown, pricing.RoundCeiling}
		req := &tax.Request{Date: date, Store: tax.Store{Origin: store, EUBelowThreshold: flags&0x40 != 0},
			Customer: tax.Customer{Address: cust, Business: business, VATNumber: vat},
			Policy: tax.Policy{PricesIncludeTax: flags&1 != 0, Rounding: tax.Rounding(flags >> 1 % 3),
				CrossBorder: tax.CrossBorder(int(flags>>3&3) % 3), Mode: modes[int(flags>>4)%len(modes)]},
			Lines: q.Lines}
		var res tax.Result
		err = calcs[int(day)/3000%3].Calculate(context.Background(), req, &res)
		if err != nil {
			var fe *tax.Error
			if !errors.As(err, &fe) || fe.Field == "" {
				t.Fatalf("error is not a Error: %v", err)
			}
			return
		}
		if err := taxtest.Check(req, &res); err != nil {
			t.Fatalf("%v\nrequest %+v", err, req)
		}
	})
}
