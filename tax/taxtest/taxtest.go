package taxtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/tax"
	"github.com/marketkit/marketkit/tax/vat"
)

// Suite configures Run.
type Suite struct {
	// New returns the Calculator under test. It is called once.
	New func() tax.Calculator
	// Requests are the scenarios the implementation supports; nil uses
	// DefaultRequests (EU, Canada, Japan and export cases of the built-in
	// data).
	Requests []*tax.Request
	// InvalidRequests must each fail with an error wrapping one of the tax
	// sentinels; nil uses DefaultInvalidRequests.
	InvalidRequests []*tax.Request
}

// Run runs the conformance suite.
func Run(t *testing.T, s Suite) {
	t.Helper()
	if s.New == nil {
		t.Fatal("taxtest: Suite.New is nil")
	}
	calc := s.New()
	reqs := s.Requests
	if reqs == nil {
		reqs = DefaultRequests()
	}
	bad := s.InvalidRequests
	if bad == nil {
		bad = DefaultInvalidRequests()
	}
	ctx := context.Background()
	t.Run("Invariants", func(t *testing.T) {
		for i, req := range reqs {
			var res tax.Result
			if err := calc.Calculate(ctx, req, &res); err != nil {
				t.Errorf("request %d: %v", i, err)
				continue
			}
			if err := Check(req, &res); err != nil {
				t.Errorf("request %d: %v", i, err)
			}
		}
	})
	t.Run("ResultReuse", func(t *testing.T) {
		var reused tax.Result
		for i := len(reqs) - 1; i >= 0; i-- { // different order than above
			if err := calc.Calculate(ctx, reqs[i], &reused); err != nil {
				t.Fatalf("request %d: %v", i, err)
			}
			var fresh tax.Result
			if err := calc.Calculate(ctx, reqs[i], &fresh); err != nil {
				t.Fatalf("request %d: %v", i, err)
			}
			if err := equalResults(&fresh, &reused); err != nil {
				t.Errorf("request %d: reused Result differs from a fresh one: %v", i, err)
			}
		}
	})
	t.Run("Concurrent", func(t *testing.T) {
		want := make([]tax.Result, len(reqs))
		for i, req := range reqs {
			if err := calc.Calculate(ctx, req, &want[i]); err != nil {
				t.Fatalf("request %d: %v", i, err)
			}
		}
		var wg sync.WaitGroup
		for g := 0; g < 4; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var res tax.Result
				for n := 0; n < 20; n++ {
					i := (g + n) % len(reqs)
					if err := calc.Calculate(ctx, reqs[i], &res); err != nil {
						t.Errorf("request %d: %v", i, err)
						return
					}
					if err := equalResults(&want[i], &res); err != nil {
						t.Errorf("request %d concurrently: %v", i, err)
						return
					}
				}
			}()
		}
		wg.Wait()
	})
	t.Run("JSONRoundTrip", func(t *testing.T) {
		// A stored invoice must reload: every Result marshals and reads
		// back to the same figures, rates and outcomes.
		for i, req := range reqs {
			var res tax.Result
			if err := calc.Calculate(ctx, req, &res); err != nil {
				t.Fatalf("request %d: %v", i, err)
			}
			b, err := json.Marshal(&res)
			if err != nil {
				t.Errorf("request %d: json.Marshal: %v", i, err)
				continue
			}
			var back tax.Result
			if err := json.Unmarshal(b, &back); err != nil {
				t.Errorf("request %d: json.Unmarshal: %v\n%s", i, err, b)
				continue
			}
			if err := equalResults(&res, &back); err != nil {
				t.Errorf("request %d: reloaded Result differs: %v", i, err)
			}
		}
	})
	t.Run("CodesAnyCase", func(t *testing.T) {
		// "de" is DE, as everywhere in marketkit; the request is not
		// modified.
		for i, req := range reqs {
			var upper, lower tax.Result
			if err := calc.Calculate(ctx, req, &upper); err != nil {
				t.Fatalf("request %d: %v", i, err)
			}
			low := *req
			low.Store.Origin.Country = strings.ToLower(req.Store.Origin.Country)
			low.Customer.Address.Country = strings.ToLower(req.Customer.Address.Country)
			if err := calc.Calculate(ctx, &low, &lower); err != nil {
				t.Errorf("request %d with lower-case country codes: %v", i, err)
				continue
			}
			if err := equalResults(&upper, &lower); err != nil {
				t.Errorf("request %d with lower-case country codes: %v", i, err)
			}
		}
	})
	t.Run("Canceled", func(t *testing.T) {
		c, cancel := context.WithCancel(ctx)
		cancel()
		var res tax.Result
		if err := calc.Calculate(c, reqs[0], &res); !errors.Is(err, context.Canceled) {
			t.Errorf("canceled context: err = %v, want context.Canceled", err)
		}
	})
	t.Run("InvalidInput", func(t *testing.T) {
		for i, req := range bad {
			var res tax.Result
			err := calc.Calculate(ctx, req, &res)
			if err == nil {
				t.Errorf("invalid request %d: no error (never a silent 0 %%)", i)
				continue
			}
			if !isTaxError(err) {
				t.Errorf("invalid request %d: error %v wraps no tax sentinel", i, err)
			}
		}
	})
}

func isTaxError(err error) bool {
	for _, s := range []error{tax.ErrUnknownCountry, tax.ErrUnknownCurrency, tax.ErrUnknownCategory, tax.ErrNoTaxRate,
		tax.ErrInvalidInput, tax.ErrInvalidData, tax.ErrOverflow, vat.ErrInvalidNumber, vat.ErrUnavailable} {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

// Check verifies the invariants of res for req. It returns the first
// violation.
func Check(req *tax.Request, res *tax.Result) error {
	if len(res.Lines) != len(req.Lines) {
		return fmt.Errorf("%d result lines for %d request lines", len(res.Lines), len(req.Lines))
	}
	var net, taxSum, gross, rateTax pricing.Money
	var sumErr error
	add := func(a, b pricing.Money) pricing.Money {
		s, err := a.Add(b)
		if err != nil && sumErr == nil {
			sumErr = err
		}
		return s
	}
	for i := range res.Lines {
		l := &res.Lines[i]
		if l.Index != i {
			return fmt.Errorf("line %d has Index %d", i, l.Index)
		}
		if err := sumIs(l.Gross, l.Net, l.Tax); err != nil {
			return fmt.Errorf("line %d: net + tax != gross: %v", i, err)
		}
		var lt pricing.Money
		for _, a := range l.Taxes {
			lt = add(lt, a.Tax)
			if a.Rate == nil || a.Rate.ID == "" {
				return fmt.Errorf("line %d: applied tax without an amount ID", i)
			}
		}
		if !lt.Equal(l.Tax) && !(lt.IsZero() && l.Tax.IsZero()) {
			return fmt.Errorf("line %d: taxes sum to %v, line tax is %v", i, lt, l.Tax)
		}
		if l.Outcome == nil || l.Outcome.Kind == 0 || l.Outcome.Reason == "" {
			return fmt.Errorf("line %d: outcome not recorded: %+v", i, l.Outcome)
		}
		keep := req.Policy.CrossBorder == tax.KeepGross && l.Outcome.Kind == tax.Taxed || req.Policy.CrossBorder == tax.KeepGrossAlways
		if req.Policy.PricesIncludeTax && keep {
			if !l.Gross.Equal(req.Lines[i].Total) {
				return fmt.Errorf("line %d: keep-gross changed the inclusive price %v to %v", i, req.Lines[i].Total, l.Gross)
			}
		}
		if req.Lines[i].Total.Sign() >= 0 && (l.Net.Sign() < 0 || l.Tax.Sign() < 0) {
			return fmt.Errorf("line %d: negative net %v or tax %v for a non-negative price %v", i, l.Net, l.Tax, req.Lines[i].Total)
		}
		for _, a := range l.Taxes {
			if req.Lines[i].Total.Sign() >= 0 && a.Tax.Sign() < 0 {
				return fmt.Errorf("line %d: negative %s tax %v", i, a.Rate.ID, a.Tax)
			}
		}
		if l.Outcome.Kind != tax.Taxed && !l.Tax.IsZero() {
			return fmt.Errorf("line %d: outcome %v but tax %v", i, l.Outcome.Kind, l.Tax)
		}
		net, taxSum, gross = add(net, l.Net), add(taxSum, l.Tax), add(gross, l.Gross)
	}
	for _, r := range res.Rates {
		rateTax = add(rateTax, r.Tax)
	}
	if sumErr != nil {
		return fmt.Errorf("summing amounts: %v", sumErr)
	}
	if len(res.Lines) == 0 {
		return nil
	}
	for _, c := range []struct {
		name      string
		got, want pricing.Money
	}{{"net", res.Net, net}, {"tax", res.Tax, taxSum}, {"gross", res.Gross, gross}, {"breakdown tax", rateTax, res.Tax}} {
		if !c.got.Equal(c.want) && !(c.got.IsZero() && c.want.IsZero()) {
			return fmt.Errorf("total %s is %v, sum of lines is %v", c.name, c.got, c.want)
		}
	}
	return sumIs(res.Gross, res.Net, res.Tax)
}

func sumIs(want, a, b pricing.Money) error {
	s, err := a.Add(b)
	if err != nil {
		return err
	}
	if !s.Equal(want) && !(s.IsZero() && want.IsZero()) {
		return fmt.Errorf("%v + %v = %v, want %v", a, b, s, want)
	}
	return nil
}

func equalResults(a, b *tax.Result) error {
	if len(a.Lines) != len(b.Lines) || len(a.Rates) != len(b.Rates) {
		return fmt.Errorf("lines/rates %d/%d vs %d/%d", len(a.Lines), len(a.Rates), len(b.Lines), len(b.Rates))
	}
	for i := range a.Lines {
		x, y := &a.Lines[i], &b.Lines[i]
		if !x.Net.Equal(y.Net) || !x.Tax.Equal(y.Tax) || !x.Gross.Equal(y.Gross) || len(x.Taxes) != len(y.Taxes) || outcome(x) != outcome(y) {
			return fmt.Errorf("line %d: %v+%v=%v %+v vs %v+%v=%v %+v", i, x.Net, x.Tax, x.Gross, outcome(x), y.Net, y.Tax, y.Gross, outcome(y))
		}
		for k := range x.Taxes {
			if amountID(x.Taxes[k].Rate) != amountID(y.Taxes[k].Rate) || !x.Taxes[k].Tax.Equal(y.Taxes[k].Tax) {
				return fmt.Errorf("line %d tax %d: %+v vs %+v", i, k, x.Taxes[k], y.Taxes[k])
			}
		}
	}
	for j := range a.Rates {
		if rateID(a.Rates[j]) != rateID(b.Rates[j]) || a.Rates[j].Outcome != b.Rates[j].Outcome || !a.Rates[j].Tax.Equal(b.Rates[j].Tax) || !a.Rates[j].Base.Equal(b.Rates[j].Base) {
			return fmt.Errorf("rate %d: %+v vs %+v", j, a.Rates[j], b.Rates[j])
		}
	}
	if !a.Net.Equal(b.Net) || !a.Tax.Equal(b.Tax) || !a.Gross.Equal(b.Gross) {
		return fmt.Errorf("totals %v/%v/%v vs %v/%v/%v", a.Net, a.Tax, a.Gross, b.Net, b.Tax, b.Gross)
	}
	return nil
}

func rateID(r tax.RateTotal) string { return amountID(r.Rate) }

func amountID(a *tax.Rate) string {
	if a == nil {
		return ""
	}
	return a.ID
}

func outcome(l *tax.LineResult) tax.Outcome {
	if l.Outcome == nil {
		return tax.Outcome{}
	}
	return *l.Outcome
}

// Lines prices items with pricing.Order.Quote in currency, with an
// optional order discount in percent ("" for none), and returns the
// priced lines. It panics on invalid items (it is for test fixtures).
func Lines(currency, discount string, items ...Item) []pricing.Line {
	o := pricing.Order{Currency: currency, Rounding: pricing.RoundHalfUp}
	if discount != "" {
		o.Discounts = []pricing.Discount{pricing.PercentOff("D", pricing.MustParsePercent(discount))}
	}
	for i, it := range items {
		o.Items = append(o.Items, pricing.Item{SKU: fmt.Sprint(i), TaxClass: it.Class, Quantity: it.Qty,
			UnitPrice: pricing.MustParseMoney(it.Unit, currency)})
	}
	q, err := o.Quote()
	if err != nil {
		panic(err)
	}
	return q.Lines
}

// Item is one order item for Lines.
type Item struct {
	Class string
	Unit  string
	Qty   int64
}

// DefaultRequests returns scenarios over the built-in data: EU domestic,
// B2C destination, reverse charge and export; Canada; Japan; with every
// rounding strategy and both cross-border policies.
func DefaultRequests() []*tax.Request {
	eur := Lines("EUR", "10", Item{"standard", "19.99", 1}, Item{"reduced", "5.49", 3}, Item{"", "0.75", 2}, Item{"reduced", "1099.99", 1})
	de := tax.Store{Origin: tax.Address{Country: "DE", PostalCode: "10115"}}
	cust := []tax.Customer{
		{Address: tax.Address{Country: "DE", PostalCode: "80331"}},
		{Address: tax.Address{Country: "AT", PostalCode: "1010"}},
		{Address: tax.Address{Country: "FR", PostalCode: "75001"}, Business: true, VATNumber: "FR40303265045"},
		{Address: tax.Address{Country: "CH", PostalCode: "8001"}},
		{Address: tax.Address{Country: "ES", PostalCode: "35001"}},
	}
	var out []*tax.Request
	for _, c := range cust {
		for _, incl := range []bool{false, true} {
			for _, r := range []tax.Rounding{tax.PerLine, tax.PerUnit, tax.PerOrderPerRate} {
				for _, cb := range []tax.CrossBorder{tax.KeepGross, tax.KeepNet, tax.KeepGrossAlways} {
					out = append(out, &tax.Request{Date: tax.MustDate("2025-03-14"), Store: de, Customer: c, Lines: eur,
						Policy: tax.Policy{PricesIncludeTax: incl, Rounding: r, Mode: pricing.RoundHalfUp, CrossBorder: cb}})
				}
			}
		}
	}
	out = append(out,
		&tax.Request{Date: tax.MustDate("2025-06-02"),
			Store:    tax.Store{Origin: tax.Address{Country: "CA", Region: "ON"}},
			Customer: tax.Customer{Address: tax.Address{Country: "CA", Region: "QC"}},
			Policy:   tax.Policy{Mode: pricing.RoundHalfEven},
			Lines:    Lines("CAD", "", Item{"standard", "49.99", 2}, Item{"zero", "3.10", 4})},
		&tax.Request{Date: tax.MustDate("2025-06-02"),
			Store:    tax.Store{Origin: tax.Address{Country: "CA", Region: "QC"}},
			Customer: tax.Customer{Address: tax.Address{Country: "CA", Region: "BC"}},
			Policy:   tax.Policy{PricesIncludeTax: true, Rounding: tax.PerOrderPerRate, Mode: pricing.RoundHalfUp},
			Lines:    Lines("CAD", "5", Item{"standard", "19.99", 3}, Item{"standard", "0.99", 7}, Item{"zero", "4.25", 2})},
		&tax.Request{Date: tax.MustDate("2025-06-02"),
			Store:    tax.Store{Origin: tax.Address{Country: "CA", Region: "ON"}},
			Customer: tax.Customer{Address: tax.Address{Country: "CA", Region: "MB"}},
			Policy:   tax.Policy{Rounding: tax.PerUnit, Mode: pricing.RoundHalfUp},
			Lines:    Lines("CAD", "", Item{"standard", "2.49", 12})},
		&tax.Request{Date: tax.MustDate("2025-04-01"),
			Store:    tax.Store{Origin: tax.Address{Country: "JP"}},
			Customer: tax.Customer{Address: tax.Address{Country: "JP"}},
			Policy:   tax.Policy{PricesIncludeTax: true, Rounding: tax.PerOrderPerRate, Mode: pricing.RoundDown},
			Lines:    Lines("JPY", "", Item{"reduced", "398", 3}, Item{"standard", "2980", 1})},
	)
	return out
}

// DefaultInvalidRequests returns requests every implementation must
// reject: zero date, an undefined rounding mode, an unknown country, a
// country code with a space, an unknown product class, a line in another
// currency, an unknown registration and an invalid VAT number.
func DefaultInvalidRequests() []*tax.Request {
	ok := func() *tax.Request {
		return &tax.Request{Date: tax.MustDate("2025-03-14"),
			Store:    tax.Store{Origin: tax.Address{Country: "DE", PostalCode: "10115"}},
			Customer: tax.Customer{Address: tax.Address{Country: "AT", PostalCode: "1010"}},
			Policy:   tax.Policy{Mode: pricing.RoundHalfUp},
			Lines:    Lines("EUR", "", Item{"standard", "10.00", 1})}
	}
	var out []*tax.Request
	for _, edit := range []func(*tax.Request){
		func(r *tax.Request) { r.Date = tax.Date{} },
		func(r *tax.Request) { r.Policy.Mode = 99 },
		func(r *tax.Request) { r.Customer.Address.Country = "ZZ" },
		func(r *tax.Request) { r.Customer.Address.Country = "AT " },
		func(r *tax.Request) { r.Lines = append(r.Lines, Lines("USD", "", Item{"standard", "1.00", 1})...) },
		func(r *tax.Request) { r.Store.Registrations = []string{"Switzerland"} },
		func(r *tax.Request) { r.Lines = Lines("EUR", "", Item{"no-such-class", "10.00", 1}) },
		func(r *tax.Request) { r.Customer.Business, r.Customer.VATNumber = true, "ATU13585628" },
	} {
		r := ok()
		edit(r)
		out = append(out, r)
	}
	return out
}
