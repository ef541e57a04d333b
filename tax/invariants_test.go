package tax_test

import (
	"context"
	"flag"
	"fmt"
	"math/big"
	"testing"

	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/tax"
	"github.com/marketkit/marketkit/tax/taxtest"
)

var long = flag.Bool("long", false, "run the exhaustive tests")

// invScenario is one party/date combination of TestInvariantsEveryPolicy.
type invScenario struct {
	name     string
	date     string
	cur      string
	store    tax.Store
	cust     tax.Customer
	origin   []string // tax type IDs at the store's origin (for removing origin tax)
	wantKind tax.OutcomeKind
}

var invScenarios = []invScenario{
	{"DE domestic", "2025-03-14", "EUR", tax.Store{Origin: tax.Address{Country: "DE", PostalCode: "10115"}},
		tax.Customer{Address: tax.Address{Country: "DE", PostalCode: "80331"}}, []string{"de_vat"}, tax.Taxed},
	{"DE to AT consumer", "2025-03-14", "EUR", tax.Store{Origin: tax.Address{Country: "DE", PostalCode: "10115"}},
		tax.Customer{Address: tax.Address{Country: "AT", PostalCode: "1010"}}, []string{"de_vat"}, tax.Taxed},
	{"DE to AT below threshold", "2025-03-14", "EUR", tax.Store{Origin: tax.Address{Country: "DE", PostalCode: "10115"}, EUBelowThreshold: true},
		tax.Customer{Address: tax.Address{Country: "AT", PostalCode: "1010"}}, []string{"de_vat"}, tax.Taxed},
	{"DE to FR business", "2025-03-14", "EUR", tax.Store{Origin: tax.Address{Country: "DE", PostalCode: "10115"}},
		tax.Customer{Address: tax.Address{Country: "FR", PostalCode: "75001"}, Business: true, VATNumber: "FR40303265045"}, []string{"de_vat"}, tax.ReverseCharge},
	{"DE to CH", "2025-03-14", "EUR", tax.Store{Origin: tax.Address{Country: "DE", PostalCode: "10115"}},
		tax.Customer{Address: tax.Address{Country: "CH", PostalCode: "8001"}}, []string{"de_vat"}, tax.Export},
	{"DE to Canary Islands", "2025-03-14", "EUR", tax.Store{Origin: tax.Address{Country: "DE", PostalCode: "10115"}},
		tax.Customer{Address: tax.Address{Country: "ES", PostalCode: "38001"}}, []string{"de_vat"}, tax.Export},
	{"PT mainland to Azores", "2025-03-14", "EUR", tax.Store{Origin: tax.Address{Country: "PT", PostalCode: "1000-001"}},
		tax.Customer{Address: tax.Address{Country: "PT", PostalCode: "9500-123"}}, []string{"pt_vat"}, tax.Taxed},
	{"ON to QC (GST + QST)", "2025-03-14", "CAD", tax.Store{Origin: tax.Address{Country: "CA", Region: "ON"}},
		tax.Customer{Address: tax.Address{Country: "CA", Region: "QC"}}, []string{"ca_on_hst"}, tax.Taxed},
	{"QC to ON (two origin taxes)", "2025-03-14", "CAD", tax.Store{Origin: tax.Address{Country: "CA", Region: "QC"}},
		tax.Customer{Address: tax.Address{Country: "CA", Region: "ON"}}, []string{"ca_gst", "ca_qc_qst"}, tax.Taxed},
	{"QC domestic", "2025-03-14", "CAD", tax.Store{Origin: tax.Address{Country: "CA", Region: "QC"}},
		tax.Customer{Address: tax.Address{Country: "CA", Region: "QC"}}, []string{"ca_gst", "ca_qc_qst"}, tax.Taxed},
	{"JP domestic", "2025-03-14", "JPY", tax.Store{Origin: tax.Address{Country: "JP"}},
		tax.Customer{Address: tax.Address{Country: "JP"}}, []string{"jp_ct"}, tax.Taxed},
	{"CH to IT unregistered", "2025-03-14", "EUR", tax.Store{Origin: tax.Address{Country: "CH", PostalCode: "8001"}},
		tax.Customer{Address: tax.Address{Country: "IT", PostalCode: "00118"}}, []string{"ch_vat"}, tax.NotRegistered},
}

// invOrder has awkward amounts (1 minor unit, ties, a zero line, large
// quantities) in two classes, with a 10 % order discount so that line
// totals are not multiples of the unit price.
func invOrder(t *testing.T, cur string) []pricing.Line {
	spec := []struct {
		unit string
		qty  int64
	}{{"0.01", 1}, {"0.05", 3}, {"0.99", 7}, {"1.00", 1}, {"19.99", 3}, {"0.00", 2}, {"1099.99", 1}, {"2.35", 10}, {"0.02", 1}, {"12.50", 4}}
	o := pricing.Order{Currency: cur, Rounding: pricing.RoundHalfUp,
		Discounts: []pricing.Discount{pricing.PercentOff("TEN", pricing.MustParsePercent("10"))}}
	for i, s := range spec {
		class := "standard"
		if i%3 == 1 {
			class = "reduced"
			if cur == "CAD" {
				class = "zero" // Canada has no reduced rate: zero-rated groceries
			}
		}
		unit := s.unit
		if cur == "JPY" {
			unit = fmt.Sprint(int64(i*i*37 + 1))
		}
		o.Items = append(o.Items, pricing.Item{TaxClass: class, Quantity: s.qty, UnitPrice: pricing.MustParseMoney(unit, cur)})
	}
	q, err := o.Quote()
	if err != nil {
		t.Fatal(err)
	}
	return q.Lines
}

func minor(t *testing.T, m pricing.Money) int64 {
	t.Helper()
	v, ok := m.Minor()
	if !ok {
		t.Fatalf("%v has more digits than its currency", m)
	}
	return v
}

// frac is p/100 as an exact rational (Units are 0.0001 %).
func frac(t *testing.T, p tax.Percent) *big.Rat {
	return big.NewRat(p.Units(), 1_000_000)
}

// roundRat rounds x (≥ 0) to an integer with mode, independently of the
// package's integer arithmetic.
func roundRat(x *big.Rat, mode pricing.RoundingMode) int64 {
	num, den := new(big.Int).Set(x.Num()), x.Denom()
	q, r := new(big.Int).QuoRem(num, den, new(big.Int))
	if r.Sign() == 0 {
		return q.Int64()
	}
	twice := new(big.Int).Mul(r, big.NewInt(2))
	c := twice.Cmp(den)
	up := false
	switch mode { // x ≥ 0: away from zero is up, toward zero is down
	case pricing.RoundHalfUp:
		up = c >= 0
	case pricing.RoundHalfDown:
		up = c > 0
	case pricing.RoundHalfEven:
		up = c > 0 || c == 0 && q.Bit(0) == 1
	case pricing.RoundDown, pricing.RoundFloor:
		up = false
	case pricing.RoundUp, pricing.RoundCeiling:
		up = true
	}
	if up {
		q.Add(q, big.NewInt(1))
	}
	return q.Int64()
}

func mulRat(x int64, f *big.Rat) *big.Rat { return new(big.Rat).Mul(big.NewRat(x, 1), f) }

// TestInvariantsEveryPolicy runs every party scenario under every policy
// (inclusive/exclusive × rounding strategy × cross-border policy ×
// rounding mode) and checks, besides taxtest.Check (net + tax = gross per
// line and in total, breakdown = total tax, keep-gross keeps the price),
// the figures themselves against an independent big.Rat computation:
//
//   - PerLine: each tax is round(base × r) of the line, where the base is
//     the kept gross (fraction r/(1+Σr)) or the net;
//   - KeepNet across a rate difference: net = entered − round(entered ×
//     r_o/(1+Σr_o)) and gross = net + the destination taxes;
//   - untaxed outcomes (reverse charge, export, not registered): tax 0 and,
//     unless KeepGrossAlways, the origin tax is removed from an inclusive
//     price;
//   - PerOrderPerRate: each breakdown row is one rounding of the summed
//     bases, and each line's share is within one minor unit of its exact
//     share;
//   - no net or tax is ever negative.
//
// The default run uses four rounding modes; -long runs all seven.
func TestInvariantsEveryPolicy(t *testing.T) {
	d := tax.Builtin()
	calc := &tax.BuiltinCalculator{}
	modes := []pricing.RoundingMode{pricing.RoundHalfUp, pricing.RoundHalfEven, pricing.RoundDown, pricing.RoundCeiling}
	if *long {
		modes = append(modes, pricing.RoundHalfDown, pricing.RoundUp, pricing.RoundFloor)
	}
	for _, sc := range invScenarios {
		ls := invOrder(t, sc.cur)
		for _, incl := range []bool{false, true} {
			for _, rnd := range []tax.Rounding{tax.PerLine, tax.PerUnit, tax.PerOrderPerRate} {
				for _, cb := range []tax.CrossBorder{tax.KeepGross, tax.KeepNet, tax.KeepGrossAlways} {
					for _, mode := range modes {
						name := fmt.Sprintf("%s/incl=%v/r%d/cb%d/%v", sc.name, incl, rnd, cb, mode)
						req := &tax.Request{Date: tax.MustDate(sc.date), Store: sc.store, Customer: sc.cust,
							Policy: tax.Policy{PricesIncludeTax: incl, Rounding: rnd, CrossBorder: cb, Mode: mode}, Lines: ls}
						var res tax.Result
						if err := calc.Calculate(context.Background(), req, &res); err != nil {
							t.Fatalf("%s: %v", name, err)
						}
						if err := taxtest.Check(req, &res); err != nil {
							t.Fatalf("%s: %v", name, err)
						}
						checkFigures(t, d, name, sc, req, &res)
					}
				}
			}
		}
	}
}

func checkFigures(t *testing.T, d *tax.Data, name string, sc invScenario, req *tax.Request, res *tax.Result) {
	t.Helper()
	p := req.Policy
	date := req.Date
	type rowSum struct {
		base  *big.Rat // Σ base × fraction, exact
		lines []int
		k     []int
		share []*big.Rat
	}
	rows := map[string]*rowSum{}
	for i := range res.Lines {
		l := &res.Lines[i]
		entered := minor(t, req.Lines[i].Total)
		net, tx, gross := minor(t, l.Net), minor(t, l.Tax), minor(t, l.Gross)
		if net < 0 || tx < 0 {
			t.Fatalf("%s: line %d: negative net %d or tax %d", name, i, net, tx)
		}
		if sc.wantKind != 0 && l.Outcome.Kind != sc.wantKind {
			t.Fatalf("%s: line %d: outcome %v, want %v", name, i, l.Outcome.Kind, sc.wantKind)
		}
		cat, _ := tax.ParseCategory(req.Lines[i].TaxClass)
		if req.Lines[i].TaxClass == "" {
			cat = tax.Standard
		}
		// The origin tax contained in the entered gross price.
		// (Looked up only where it is removed: the origin may have no rate
		// of the line's category.)
		var sumO big.Rat
		var originErr error
		for _, id := range sc.origin {
			a, err := d.Lookup(id, cat, date)
			if err != nil {
				originErr = err
				break
			}
			sumO.Add(&sumO, frac(t, a.Percent))
		}
		needStrip := func() {
			if originErr != nil {
				t.Fatalf("%s: line %d: origin tax removed, but %v", name, i, originErr)
			}
		}
		// Removed with one rounding of the whole origin share.
		onePlus := new(big.Rat).Add(big.NewRat(1, 1), &sumO)
		strip := roundRat(mulRat(entered, new(big.Rat).Quo(&sumO, onePlus)), p.Mode)
		if l.Outcome.Kind != tax.Taxed {
			switch {
			case tx != 0:
				t.Fatalf("%s: line %d: untaxed outcome with tax %d", name, i, tx)
			case !p.PricesIncludeTax || p.CrossBorder == tax.KeepGrossAlways:
				if net != entered || gross != entered {
					t.Fatalf("%s: line %d: untaxed net/gross %d/%d, want the entered %d", name, i, net, gross, entered)
				}
			case p.Rounding == tax.PerUnit: // the origin tax is removed (and rounded) per unit
				needStrip()
				if gross != net || net > entered {
					t.Fatalf("%s: line %d: untaxed net/gross %d/%d from %d", name, i, net, gross, entered)
				}
			default:
				needStrip()
				if net != entered-strip || gross != net {
					t.Fatalf("%s: line %d: untaxed net/gross %d/%d, want origin tax %d removed from %d", name, i, net, gross, strip, entered)
				}
			}
			continue
		}
		// Destination fractions and whether the gross is kept.
		var sumD big.Rat
		var dFr []*big.Rat
		sameAsOrigin := len(l.Taxes) == len(sc.origin)
		for k, at := range l.Taxes {
			f := frac(t, at.Rate.Percent)
			dFr = append(dFr, f)
			sumD.Add(&sumD, f)
			if sameAsOrigin && at.Rate.Type != sc.origin[k] {
				sameAsOrigin = false
			}
		}
		keepGross := p.PricesIncludeTax && (p.CrossBorder != tax.KeepNet || sameAsOrigin)
		var base int64
		fr := make([]*big.Rat, len(dFr))
		switch {
		case !p.PricesIncludeTax:
			base = entered
			copy(fr, dFr)
			if net != entered {
				t.Fatalf("%s: line %d: exclusive net %d != entered %d", name, i, net, entered)
			}
		case keepGross:
			base = entered
			dOnePlus := new(big.Rat).Add(big.NewRat(1, 1), &sumD)
			for k, f := range dFr {
				fr[k] = new(big.Rat).Quo(f, dOnePlus)
			}
			if gross != entered {
				t.Fatalf("%s: line %d: keep-gross changed %d to %d", name, i, entered, gross)
			}
		default: // KeepNet across a rate difference
			needStrip()
			base = entered - strip
			copy(fr, dFr)
			if p.Rounding != tax.PerUnit && net != base {
				t.Fatalf("%s: line %d: keep-net net %d, want %d − origin tax %d", name, i, net, entered, strip)
			}
		}
		if keepGross && len(l.Taxes) > 1 && p.Rounding == tax.PerLine {
			// Several taxes in a kept gross share one rounding of their
			// total; each is the floor or ceiling of its exact value.
			all := new(big.Rat)
			for k := range l.Taxes {
				all.Add(all, fr[k])
			}
			if want := roundRat(mulRat(base, all), p.Mode); tx != want {
				t.Fatalf("%s: line %d: taxes %d, want one rounding %d", name, i, tx, want)
			}
		}
		for k, at := range l.Taxes {
			got := minor(t, at.Tax)
			exact := mulRat(base, fr[k])
			if got < 0 {
				t.Fatalf("%s: line %d: negative tax %d", name, i, got)
			}
			switch p.Rounding {
			case tax.PerLine:
				if keepGross && len(l.Taxes) > 1 {
					diff := new(big.Rat).Sub(big.NewRat(got, 1), exact)
					if diff.Abs(diff).Cmp(big.NewRat(1, 1)) >= 0 {
						t.Fatalf("%s: line %d tax %s = %d, exact %s", name, i, at.Rate.ID, got, exact.FloatString(4))
					}
					break
				}
				if want := roundRat(exact, p.Mode); got != want {
					t.Fatalf("%s: line %d tax %s = %d, want round(%d × %s) = %d", name, i, at.Rate.ID, got, base, fr[k].FloatString(6), want)
				}
			case tax.PerOrderPerRate:
				r := rows[at.Rate.ID]
				if r == nil {
					r = &rowSum{base: new(big.Rat)}
					rows[at.Rate.ID] = r
				}
				r.base.Add(r.base, exact)
				r.lines, r.k, r.share = append(r.lines, i), append(r.k, k), append(r.share, exact)
			}
		}
	}
	if p.Rounding != tax.PerOrderPerRate {
		return
	}
	for _, row := range res.Rates {
		if row.Rate == nil {
			continue
		}
		r := rows[row.Rate.ID]
		if r == nil {
			t.Fatalf("%s: breakdown row %s without lines", name, row.Rate.ID)
		}
		if got, want := minor(t, row.Tax), roundRat(r.base, p.Mode); got != want {
			t.Fatalf("%s: rate %s: order tax %d, want one rounding of %s = %d", name, row.Rate.ID, got, r.base.FloatString(4), want)
		}
		for j, i := range r.lines {
			got := mulRat(minor(t, res.Lines[i].Taxes[r.k[j]].Tax), big.NewRat(1, 1))
			diff := new(big.Rat).Sub(got, r.share[j])
			if diff.Abs(diff).Cmp(big.NewRat(1, 1)) >= 0 {
				t.Fatalf("%s: rate %s line %d: allocated %s, exact share %s (off by ≥ 1 unit)", name, row.Rate.ID, i, got.FloatString(0), r.share[j].FloatString(4))
			}
		}
	}
}
