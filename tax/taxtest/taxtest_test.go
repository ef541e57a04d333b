package taxtest_test

import (
	"strings"
	"testing"

	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/tax"
	"github.com/marketkit/marketkit/tax/taxtest"
)

func TestBuiltinConforms(t *testing.T) {
	taxtest.Run(t, taxtest.Suite{New: func() tax.Calculator { return &tax.BuiltinCalculator{} }})
}

// Check must catch broken results, or the suite would pass anything.
func TestCheckDetectsViolations(t *testing.T) {
	req := taxtest.DefaultRequests()[8] // AT consumer, inclusive, keep gross
	calc := &tax.BuiltinCalculator{}
	tamper := []struct {
		name string
		edit func(*tax.Result)
	}{
		{"line net", func(r *tax.Result) { r.Lines[0].Net = r.Lines[0].Net.MulInt(2) }},
		{"line gross", func(r *tax.Result) {
			r.Lines[1].Gross, r.Lines[1].Net = r.Lines[1].Gross.MulInt(2), r.Lines[1].Net.MulInt(2)
		}},
		{"total tax", func(r *tax.Result) { r.Tax = r.Tax.MulInt(2) }},
		{"breakdown", func(r *tax.Result) { r.Rates[0].Tax = r.Rates[0].Tax.MulInt(3) }},
		{"missing line", func(r *tax.Result) { r.Lines = r.Lines[:1] }},
		{"no reason", func(r *tax.Result) { r.Lines[0].Outcome.Reason = "" }},
	}
	// A negative net with net + tax = gross still kept on the line.
	tamper = append(tamper, struct {
		name string
		edit func(*tax.Result)
	}{"negative net", func(r *tax.Result) {
		l := &r.Lines[0]
		cent := pricing.MustParseMoney("0.01", l.Gross.Currency())
		l.Net = cent.Neg()
		l.Tax, _ = l.Gross.Add(cent)
		for k := range l.Taxes {
			l.Taxes[k].Tax = l.Tax.MulInt(0)
		}
		l.Taxes[0].Tax = l.Tax
	}})
	for _, tt := range tamper {
		t.Run(tt.name, func(t *testing.T) {
			var res tax.Result
			if err := calc.Calculate(t.Context(), req, &res); err != nil {
				t.Fatal(err)
			}
			if err := taxtest.Check(req, &res); err != nil {
				t.Fatalf("untampered: %v", err)
			}
			tt.edit(&res)
			err := taxtest.Check(req, &res)
			if err == nil {
				t.Fatal("Check accepted a tampered result")
			}
			// The negative line is reported before the totals that it
			// also breaks.
			if tt.name == "negative net" && !strings.Contains(err.Error(), "negative") {
				t.Errorf("err = %v, want the negative net reported", err)
			}
		})
	}
}
