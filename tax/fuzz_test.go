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

// FuzzCalculate runs the calculation over up to 50 lines with arbitrary
// classes, quantities, prices and discounts, every policy and rounding
// mode, dates from 2019 and parties from fuzzCountries, under class rules
// that give the category-named classes a supply kind per country (a rule
// for the customer's country, a country-less rule, a rule for the store's
// country, rules for third countries). It checks:
//
//   - the invariants (taxtest.Check): net + tax = gross per line and in
//     total, the breakdown sums to the tax, keep-gross keeps the price;
//   - each line's supply kind against the rule precedence (customer's
//     country, then country-less, then the store's country, then goods);
//   - the figures against the independent big.Rat computation of
//     TestInvariantsEveryPolicy (checkFigures): each tax is one rounding
//     of base × rate, origin tax removed with one rounding, per-order
//     rows one rounding of the summed bases and each line within one unit
//     of its exact share.
//
// Errors must be typed.
func FuzzCalculate(f *testing.F) {
	f.Add(uint8(0), uint8(1), uint16(2000), uint8(0), []byte{10, 20, 30, 1, 2, 3}, uint8(10), false, "")
	f.Add(uint8(0), uint8(2), uint16(2300), uint8(0x1f), []byte{1, 7, 255, 2}, uint8(0), true, "FR40303265045")
	f.Add(uint8(8), uint8(7), uint16(2400), uint8(0x07), []byte("quebec quebec quebec"), uint8(25), false, "")
	f.Add(uint8(7), uint8(7), uint16(2300), uint8(0x39), make([]byte, 150), uint8(0), false, "")
	f.Add(uint8(0), uint8(13), uint16(2400), uint8(0x03), []byte{1, 80, 33, 79}, uint8(34), true, "EL094259216")
	f.Add(uint8(0), uint8(20), uint16(2300), uint8(0x05), []byte{99, 2, 5, 9}, uint8(5), true, "XI980780684")
	f.Add(uint8(0), uint8(2), uint16(8300), uint8(0x05), []byte{99, 2, 5, 9}, uint8(5), true, "XI980780684")
	f.Add(uint8(0), uint8(14), uint16(9100), uint8(0x4d), []byte("distance sale of goods and services"), uint8(15), false, "")
	modes := []pricing.RoundingMode{pricing.RoundHalfEven, pricing.RoundHalfUp, pricing.RoundHalfDown, pricing.RoundUp,
		pricing.RoundDown, pricing.RoundCeiling, pricing.RoundFloor}
	d := tax.Builtin()
	f.Fuzz(func(t *testing.T, si, ci uint8, day uint16, flags uint8, spec []byte, disc uint8, business bool, vatNo string) {
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
		// Supply kinds by rule: day/3000 picks which kind of rule applies.
		kinds := []tax.Supply{tax.Goods, tax.Digital, tax.Service}
		var rules []tax.ClassRule
		for j, class := range fuzzClasses {
			cat, err := tax.ParseCategory(class)
			if err != nil || class == "" {
				continue
			}
			third := tax.ClassRule{Class: class, Country: "NO", Category: cat, Supply: kinds[(j+int(flags))%3]}
			own := tax.ClassRule{Class: class, Country: store.Country, Category: cat, Supply: kinds[(j+2)%3]}
			all := tax.ClassRule{Class: class, Category: cat, Supply: kinds[(j+1)%3]}
			custR := tax.ClassRule{Class: class, Country: cust.Country, Category: cat, Supply: kinds[(j+int(day))%3]}
			switch (j + int(day)/3000) % 4 {
			case 0: // the customer's country has a rule
				rules = append(rules, third, own, all, custR)
			case 1: // a country-less rule
				rules = append(rules, third, own, all)
			case 2: // only the store's country (and a third one)
				rules = append(rules, third, own)
			default: // only a third country
				rules = append(rules, third)
			}
		}
		// The documented precedence, as a reference: the first rule of the
		// customer's country, else the first country-less rule, else the
		// first rule of the store's country, else goods.
		wantSupply := map[string]tax.Supply{}
		for _, class := range fuzzClasses {
			var byCust, byAll, byOwn *tax.ClassRule
			for k := range rules {
				r := &rules[k]
				switch {
				case r.Class != class:
				case r.Country == cust.Country && byCust == nil:
					byCust = r
				case r.Country == "" && byAll == nil:
					byAll = r
				case r.Country == store.Country && byOwn == nil:
					byOwn = r
				}
			}
			switch {
			case byCust != nil:
				wantSupply[class] = byCust.Supply
			case byAll != nil:
				wantSupply[class] = byAll.Supply
			case byOwn != nil:
				wantSupply[class] = byOwn.Supply
			default:
				wantSupply[class] = tax.Goods
			}
		}
		calc, err := tax.NewCalculator(&tax.CalculatorOptions{Classes: rules})
		if err != nil {
			t.Fatal(err)
		}
		o := pricing.Order{Currency: cur, Rounding: modes[int(disc)%len(modes)]}
		if disc%3 == 1 {
			o.Discounts = []pricing.Discount{pricing.PercentOff("D", pricing.MustParsePercent(strconv.Itoa(int(disc%100))))}
		}
		// Up to 50 lines, three bytes each: class, quantity, price.
		for k := 0; k+2 < len(spec) && k < 150; k += 3 {
			unit := int64(spec[k+2])*int64(spec[k+2]%17+1) + int64(k%5)
			if spec[k+2]%11 == 0 {
				unit = 1 // one minor unit
			}
			m, err := pricing.MoneyFromMinor(unit, cur)
			if err != nil {
				t.Fatal(err)
			}
			o.Items = append(o.Items, pricing.Item{TaxClass: fuzzClasses[int(spec[k])%len(fuzzClasses)],
				Quantity: int64(spec[k+1]%50) + 1, UnitPrice: m})
		}
		if len(o.Items) == 0 {
			return
		}
		q, err := o.Quote()
		if err != nil {
			return // pricing rejects the order: not a tax concern
		}
		req := &tax.Request{Date: date, Store: tax.Store{Origin: store, EUBelowThreshold: flags&0x40 != 0},
			Customer: tax.Customer{Address: cust, Business: business, VATNumber: vatNo},
			Policy: tax.Policy{PricesIncludeTax: flags&1 != 0, Rounding: tax.Rounding(flags >> 1 % 3),
				CrossBorder: tax.CrossBorder(int(flags>>3&3) % 3), Mode: modes[int(flags>>5)%len(modes)]},
			Lines: q.Lines}
		var res tax.Result
		err = calc.Calculate(context.Background(), req, &res)
		if err != nil {
			var fe *tax.Error
			if !errors.As(err, &fe) || fe.Field == "" {
				t.Fatalf("error is not a *tax.Error naming a field: %v", err)
			}
			return
		}
		if err := taxtest.Check(req, &res); err != nil {
			t.Fatalf("%v\nrequest %+v", err, req)
		}
		for i, l := range res.Lines {
			if want, ok := wantSupply[req.Lines[i].TaxClass]; ok && l.Supply != want {
				t.Fatalf("line %d class %q: supply %v, want %v (customer %s, store %s)", i, req.Lines[i].TaxClass, l.Supply, want, cust.Country, store.Country)
			}
		}
		var origin []string
		for _, ty := range d.Types() {
			if ty.Zone().Contains(store) {
				origin = append(origin, ty.ID())
			}
		}
		checkFigures(t, d, "fuzz", invScenario{origin: origin}, req, &res)
	})
}
