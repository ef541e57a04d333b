package tax

import (
	"context"
	"strconv"
	"testing"

	"github.com/marketkit/marketkit/pricing"
)

// benchOrder is the 10-line cart of pricing's BenchmarkCart10 (same unit
// prices, quantities and 10 % order discount), with alternating standard
// and reduced tax classes.
func benchOrder() *pricing.Order {
	spec := []struct {
		unit string
		qty  int64
	}{
		{"19.99", 1}, {"5.49", 3}, {"0.75", 2}, {"129.00", 1}, {"2.35", 10},
		{"49.95", 2}, {"0.99", 7}, {"12.50", 4}, {"1099.99", 1}, {"3.33", 5},
	}
	o := &pricing.Order{Currency: "EUR", Rounding: pricing.RoundHalfUp,
		Discounts: []pricing.Discount{pricing.PercentOff("TEN", pricing.MustParsePercent("10"))}}
	for i, s := range spec {
		class := "standard"
		if i%2 == 1 {
			class = "reduced"
		}
		o.Items = append(o.Items, pricing.Item{SKU: s.unit, TaxClass: class, Quantity: s.qty, UnitPrice: pricing.MustParseMoney(s.unit, "EUR")})
	}
	return o
}

// benchRequest: German shop, Austrian consumer, 2025, prices include tax,
// per-line rounding half-up, keep gross: two rates (20 % and 10 %).
func benchRequest(b testing.TB) *Request {
	q, err := benchOrder().Quote()
	if err != nil {
		b.Fatal(err)
	}
	return &Request{
		Date:     MustDate("2025-03-14"),
		Store:    Store{Origin: Address{Country: "DE", PostalCode: "10115"}},
		Customer: Customer{Address: Address{Country: "AT", PostalCode: "1010"}},
		Policy:   Policy{PricesIncludeTax: true, Rounding: PerLine, Mode: pricing.RoundHalfUp},
		Lines:    q.Lines,
	}
}

var (
	sinkResult Result
	sinkQuote  pricing.Quote
	sinkAmount Rate
)

// BenchmarkTaxOrder10 measures Calculate on the 10-line EU B2C order; the
// baseline is pricing's Order.QuoteInto on the same order (what
// pricing's BenchmarkCart10/Quote measures), run in the same process.
func BenchmarkTaxOrder10(b *testing.B) {
	req := benchRequest(b)
	var calc BuiltinCalculator
	ctx := context.Background()
	b.Run("Calculate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := calc.Calculate(ctx, req, &sinkResult); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Baseline_pricingQuote", func(b *testing.B) {
		o := benchOrder()
		b.ReportAllocs()
		for b.Loop() {
			if err := o.QuoteInto(&sinkQuote); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkLookup measures Data.Lookup(type, category, date); the baseline
// is the map access alone.
func BenchmarkLookup(b *testing.B) {
	d := Builtin()
	date := MustDate("2025-08-15")
	b.Run("Lookup", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			a, err := d.Lookup("ro_vat", Standard, date)
			if err != nil {
				b.Fatal(err)
			}
			sinkAmount = a
		}
	})
	b.Run("Baseline_mapOnly", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkType = d.typeByID["ro_vat"]
		}
	})
}

var sinkType *Type

func TestCalculateAllocs(t *testing.T) {
	req := benchRequest(t)
	var calc BuiltinCalculator
	var res Result
	ctx := context.Background()
	if err := calc.Calculate(ctx, req, &res); err != nil { // warm up: sizes the Result
		t.Fatal(err)
	}
	for _, r := range []Rounding{PerLine, PerUnit, PerOrderPerRate} {
		for _, cb := range []CrossBorder{KeepGross, KeepNet, KeepGrossAlways} {
			req.Policy.Rounding, req.Policy.CrossBorder = r, cb
			n := testing.AllocsPerRun(50, func() {
				if err := calc.Calculate(ctx, req, &res); err != nil {
					t.Fatal(err)
				}
			})
			if n != 0 {
				t.Errorf("rounding %d cross-border %d: allocs = %v, want 0", r, cb, n)
			}
		}
	}
	// The checks of issues 8 and 9 (lower-case codes, registrations in any
	// spelling, a VAT number, region codes) allocate nothing either.
	req.Store.Origin.Country, req.Customer.Address.Country = "de", "at"
	req.Store.Registrations = []string{"ch", "US-NY", "us_ca_sales", "EU"}
	req.Customer.Business, req.Customer.VATNumber = true, "DE136695976"
	req.Customer.Address.Region = "at-9"
	if n := testing.AllocsPerRun(50, func() {
		if err := calc.Calculate(ctx, req, &res); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("lower-case codes, registrations, VAT number: allocs = %v, want 0", n)
	}
	d := Builtin()
	if n := testing.AllocsPerRun(100, func() { sinkAmount, _ = d.Lookup("de_vat", Reduced, MustDate("2020-08-01")) }); n != 0 {
		t.Errorf("Lookup allocs = %v, want 0", n)
	}
}

// BenchmarkPerOrderLines measures per-order-per-rate rounding on large
// orders (quadratic in lines before issue 9: 10,000 lines took 0.4 s); the
// baseline is per-line rounding of the same lines, which is linear.
func BenchmarkPerOrderLines(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		o := pricing.Order{Currency: "EUR", Rounding: pricing.RoundHalfUp}
		for i := range n {
			class := "standard"
			if i%2 == 1 {
				class = "reduced"
			}
			o.Items = append(o.Items, pricing.Item{SKU: "x", TaxClass: class, Quantity: 1,
				UnitPrice: pricing.MustParseMoney(strconv.Itoa(i%7)+"."+strconv.Itoa(10+i%90), "EUR")})
		}
		q, err := o.Quote()
		if err != nil {
			b.Fatal(err)
		}
		req := benchRequest(b)
		req.Lines = q.Lines
		var calc BuiltinCalculator
		for _, r := range []Rounding{PerOrderPerRate, PerLine} {
			name := "PerOrderPerRate"
			if r == PerLine {
				name = "Baseline_PerLine"
			}
			b.Run(name+"/"+strconv.Itoa(n), func(b *testing.B) {
				req.Policy.Rounding = r
				var res Result
				b.ReportAllocs()
				for b.Loop() {
					if err := calc.Calculate(context.Background(), req, &res); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
