package tax

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/tax/vat"
)

// Regression tests for issues 8 and 9: each failed before its change.

func deReq(ls []pricing.Line) *Request {
	return &Request{Date: MustDate("2025-03-14"), Store: Store{Origin: addr("DE", "10115")},
		Customer: Customer{Address: addr("AT", "1010")},
		Policy:   Policy{Rounding: PerLine, Mode: pricing.RoundHalfUp}, Lines: ls}
}

// Issue 8: a typo in Store.Registrations was ignored and the sale became
// an export at 0 %; it is an error listing what would have matched.
func TestRegistrationTypos(t *testing.T) {
	tests := []struct {
		reg      string
		wantSugg string // a suggestion the message must contain ("" for none)
	}{
		{"us_ny", "us_ny_sales"},
		{"NY", "us-ny"},
		{"CH ", "CH"},
		{"Switzerland", "ch"},
		{"BR", ""}, // a country without tax data
		{"", ""},
	}
	var calc BuiltinCalculator
	for _, tt := range tests {
		t.Run(tt.reg, func(t *testing.T) {
			req := &Request{Date: MustDate("2025-03-14"), Store: Store{Origin: addr("DE", "10115"), Registrations: []string{"FR", tt.reg}},
				Customer: Customer{Address: Address{Country: "US", Region: "NY"}},
				Policy:   Policy{Rounding: PerLine, Mode: pricing.RoundHalfUp}, Lines: lines("EUR", "", "10.00")}
			var res Result
			err := calc.Calculate(context.Background(), req, &res)
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, ErrInvalidInput) || e.Field != "store.registrations[1]" || e.Value != tt.reg {
				t.Fatalf("err = %v, want an *Error for store.registrations[1] %q", err, tt.reg)
			}
			if tt.wantSugg != "" && !strings.Contains(e.Reason, tt.wantSugg) {
				t.Errorf("reason %q does not suggest %q", e.Reason, tt.wantSugg)
			}
		})
	}
	// The spellings that name something are accepted, in any case.
	for _, reg := range []string{"us_ny_sales", "US_NY_SALES", "us-ny", "US-NY", "ch", "CH", "eu", "EU"} {
		req := &Request{Date: MustDate("2025-03-14"), Store: Store{Origin: addr("DE", "10115"), Registrations: []string{reg}},
			Customer: Customer{Address: Address{Country: "US", Region: "NY"}},
			Policy:   Policy{Rounding: PerLine, Mode: pricing.RoundHalfUp}, Lines: lines("EUR", "", "10.00")}
		var res Result
		if err := calc.Calculate(context.Background(), req, &res); err != nil {
			t.Errorf("registration %q: %v", reg, err)
		}
	}
}

// Issue 8: tax rejected "de" while every other package accepts it.
func TestCountryCodesAnyCase(t *testing.T) {
	var calc BuiltinCalculator
	upper, lower := deReq(lines("EUR", "", "10.00")), deReq(lines("EUR", "", "10.00"))
	lower.Store.Origin.Country, lower.Customer.Address.Country = "de", "at"
	var a, b Result
	if err := calc.Calculate(context.Background(), upper, &a); err != nil {
		t.Fatal(err)
	}
	if err := calc.Calculate(context.Background(), lower, &b); err != nil {
		t.Fatalf("lower-case codes: %v", err)
	}
	if diff := cmp.Diff(taxSummary(&a), taxSummary(&b)); diff != "" {
		t.Errorf("de/at differs from DE/AT (-upper +lower):\n%s", diff)
	}
	if lower.Store.Origin.Country != "de" {
		t.Errorf("Calculate modified the request: %q", lower.Store.Origin.Country)
	}
	if _, err := NewCalculator(&CalculatorOptions{Classes: []ClassRule{{Class: "x", Country: "fr", Category: Reduced}}}); err != nil {
		t.Errorf("class rule country fr: %v", err)
	}
	if _, err := NewCalculator(&CalculatorOptions{Classes: []ClassRule{{Class: "x", Country: "FR ", Category: Reduced}}}); !errors.Is(err, locale.ErrUnknownCountry) {
		t.Errorf("class rule country %q: err = %v, want ErrUnknownCountry", "FR ", err)
	}
	if !Builtin().HasCountry("de") {
		t.Error(`HasCountry("de") = false`)
	}
}

// Issue 8: the error layout, the shared sentinels and the real text.
func TestErrorLayout(t *testing.T) {
	var calc BuiltinCalculator
	req := deReq(lines("EUR", "", "10.00"))
	req.Customer.Address.Country = "ZZ"
	var res Result
	err := calc.Calculate(context.Background(), req, &res)
	want := `tax: Calculate: customer.address.country "ZZ": unknown country: want an ISO 3166-1 alpha-2 code such as DE`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
	if !errors.Is(err, locale.ErrUnknownCountry) || !errors.Is(err, ErrUnknownCountry) {
		t.Errorf("errors.Is(err, locale.ErrUnknownCountry / tax.ErrUnknownCountry) = false for %v", err)
	}
	var e *Error
	if !errors.As(err, &e) || e.Op != "Calculate" || e.Field != "customer.address.country" || e.Value != "ZZ" || e.Err != ErrUnknownCountry {
		t.Errorf("fields = %+v", e)
	}
	_, err = ParseCategory("Reduced")
	if want := `tax: ParseCategory: category "Reduced": unknown category: want standard, intermediate, reduced, super-reduced, parking, zero, exempt, increased`; err == nil || err.Error() != want {
		t.Errorf("ParseCategory err = %v, want %s", err, want)
	}
	if !errors.Is(errUnknownCurrencyOf(t), locale.ErrUnknownCurrency) {
		t.Error("an unknown currency does not match locale.ErrUnknownCurrency")
	}
}

func errUnknownCurrencyOf(t *testing.T) error {
	var res Result
	ls := lines("EUR", "", "1.00")
	err := res.begin("XXQ", len(ls))
	if err == nil {
		t.Fatal("begin(XXQ): no error")
	}
	return err
}

// Issue 9 item 14: nil and zero values give a clear error or a
// documented early panic, never a nil dereference deep inside.
func TestNilAndZeroValues(t *testing.T) {
	for _, e := range []error{&Error{}, &LookupError{}, (*Error)(nil), (*LookupError)(nil), &LookupError{Field: "type", Value: "x"}} {
		if s := e.Error(); !strings.HasPrefix(s, "tax: ") {
			t.Errorf("%#v.Error() = %q", e, s)
		}
	}
	if got, want := (&LookupError{Field: "type", Value: "x"}).Error(), `tax: type "x": invalid value`; got != want {
		t.Errorf("LookupError without Err = %q, want %q", got, want)
	}
	var calc BuiltinCalculator
	var res Result
	//lint:ignore SA1012 a nil context is what this test passes
	if err := calc.Calculate(nil, deReq(nil), &res); !errors.Is(err, ErrInvalidInput) { //nolint:staticcheck
		t.Errorf("Calculate(nil ctx) = %v, want ErrInvalidInput", err)
	}
	var zt Type
	if zt.Zone().Contains(addr("DE", "")) || zt.Zone().HasCountry("DE") || zt.Zone().ID() != "" || zt.Zone().Countries() != nil {
		t.Error("the zero Type's zone is not empty")
	}
	if _, err := zt.Rate(Standard, MustDate("2025-01-01")); !errors.Is(err, ErrUnknownCategory) {
		t.Errorf("zero Type Rate: %v", err)
	}
	defer func() {
		if r := recover(); r != "tax: nil *Data" {
			t.Errorf("nil *Data: recover() = %v, want the documented panic", r)
		}
	}()
	var d *Data
	d.Lookup("de_vat", Standard, MustDate("2025-01-01"))
}

// Issue 9 item 5: inputs are echoed at most 64 bytes.
func TestErrorsTruncateInput(t *testing.T) {
	big := strings.Repeat("9", 1<<20)
	var calc BuiltinCalculator
	var errs []error
	_, err := ParseCategory(big)
	errs = append(errs, err)
	_, err = LoadJSON(strings.NewReader(strings.Replace(minimalJSON, `"percent":"12"`, `"percent":"`+big+`"`, 1)))
	errs = append(errs, err)
	_, err = ParseDate(big)
	errs = append(errs, err)
	_, err = Builtin().Lookup(big, Standard, MustDate("2025-01-01"))
	errs = append(errs, err)
	req := deReq(lines("EUR", "", "1.00"))
	req.Customer.Address.Country = big
	var res Result
	errs = append(errs, calc.Calculate(context.Background(), req, &res))
	req = deReq(lines("EUR", "", "1.00"))
	req.Customer.Business, req.Customer.VATNumber = true, "DE"+big
	errs = append(errs, calc.Calculate(context.Background(), req, &res))
	for i, err := range errs {
		if err == nil {
			t.Errorf("%d: no error", i)
			continue
		}
		if n := len(err.Error()); n > 400 {
			t.Errorf("%d: message of %d bytes: %.120s…", i, n, err.Error())
		}
	}
}

// Issue 9 item 1: zones that reference the previous zone twice, 22 deep,
// took a second and 322 MiB; now references are expanded once at build
// time and nesting is bounded.
func TestNestedZonesBounded(t *testing.T) {
	def := func(depth int) Definition {
		d := Definition{Sources: []SourceDef{{ID: "s", Citation: "c"}},
			Zones: []ZoneDef{{ID: "z0", Members: []MemberDef{{Country: "DE"}}}}}
		for i := 1; i < depth; i++ {
			prev := "z" + strconv.Itoa(i-1)
			d.Zones = append(d.Zones, ZoneDef{ID: "z" + strconv.Itoa(i), Members: []MemberDef{{Zone: prev}, {Zone: prev}}})
		}
		top := "z" + strconv.Itoa(depth-1)
		d.Types = []TypeDef{{ID: "t", Kind: VAT, Country: "DE", Zone: top,
			Rates: []RateDef{{Category: Standard, Amounts: []AmountDef{{Percent: "19", From: "2000-01-01", Source: "s"}}}}}}
		return d
	}
	start := time.Now()
	d, err := Build(def(MaxZoneDepth))
	if err != nil {
		t.Fatal(err)
	}
	z, _ := d.Zone("z" + strconv.Itoa(MaxZoneDepth-1))
	if len(z.leaves) != 1 || !z.Contains(addr("DE", "")) || z.Contains(addr("FR", "")) {
		t.Errorf("flattened zone: %d leaves", len(z.leaves))
	}
	for range 1000 { // a miss walked every path before
		z.Contains(addr("FR", ""))
	}
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("build and lookups took %v", el)
	}
	_, err = Build(def(24))
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrInvalidData) || !strings.Contains(e.Reason, "nested") {
		t.Errorf("24 deep: err = %v, want the depth limit", err)
	}
}

// Issue 9 item 4: 40,000 amounts of one rate were insertion-sorted for 11 s
// before the file was rejected; the count is checked first.
func TestManyAmountsRejectedFast(t *testing.T) {
	def := Definition{Sources: []SourceDef{{ID: "s", Citation: "c"}}, Zones: []ZoneDef{{ID: "z", Members: []MemberDef{{Country: "DE"}}}}}
	var as []AmountDef
	day := MustDate("2000-01-01")
	for i := range 40_000 {
		d, _ := day.AddDays(40_000 - i)
		as = append(as, AmountDef{Percent: "19", From: d.String(), To: d.String(), Source: "s"})
	}
	def.Types = []TypeDef{{ID: "t", Kind: VAT, Country: "DE", Zone: "z", Rates: []RateDef{{Category: Standard, Amounts: as}}}}
	start := time.Now()
	if _, err := Build(def); !errors.Is(err, ErrInvalidData) {
		t.Fatalf("err = %v", err)
	}
	// Within the limit, reversed input sorts in n log n.
	def.Types[0].Rates[0].Amounts = as[30_001:]
	if _, err := Build(def); err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("took %v", el)
	}
}

// Issue 9 item 13: trailing data and the size limit.
func TestLoadJSONTrailingAndLimit(t *testing.T) {
	ok := `{"version":"v","sources":[{"id":"s","citation":"c"}],"zones":[{"id":"z","members":[{"country":"DE"}]}],` +
		`"types":[{"id":"t","kind":"vat","country":"DE","zone":"z","rates":[{"category":"standard","amounts":[{"percent":"19","from":"2000-01-01","source":"s"}]}]}]}`
	if _, err := LoadJSON(strings.NewReader(ok + "\n")); err != nil {
		t.Fatal(err)
	}
	for _, tail := range []string{"]]}}", "{}", " x"} {
		_, err := LoadJSON(strings.NewReader(ok + tail))
		var e *Error
		if !errors.As(err, &e) || !errors.Is(err, ErrInvalidData) || !strings.Contains(e.Reason, "trailing") {
			t.Errorf("tail %q: err = %v, want trailing data", tail, err)
		}
	}
	huge := ok[:len(ok)-1] + `,"x":"` + strings.Repeat("a", 9<<20) + `"}`
	_, err := LoadJSON(strings.NewReader(huge))
	if err == nil || !strings.Contains(err.Error(), "8 MiB") {
		t.Errorf("9 MiB: err = %v, want the 8 MiB limit named", err)
	}
}

// Issue 9 item 6: the supply kind of a class prefers the customer
// country's rule (like the category), so a rule for France does not make
// a course to Italy a service.
func TestSupplyOfPrefersCountry(t *testing.T) {
	calc, err := NewCalculator(&CalculatorOptions{Classes: []ClassRule{
		{Class: "course", Country: "FR", Category: Standard, Supply: Service},
		{Class: "course", Category: Standard, Supply: Goods},
	}})
	if err != nil {
		t.Fatal(err)
	}
	req := deReq(lines("EUR", "course", "100.00"))
	req.Customer.Address = addr("IT", "00118")
	var res Result
	if err := calc.Calculate(context.Background(), req, &res); err != nil {
		t.Fatal(err)
	}
	l := res.Lines[0]
	if l.Supply != Goods || l.Outcome.Rule != RuleEUDestination || l.Taxes[0].Rate.ID != "it_vat/standard/2013-10-01" {
		t.Errorf("got %v %s %v, want goods at IT 22 %% (eu.destination)", l.Supply, l.Outcome.Rule, taxSummary(&res))
	}
	req.Customer.Address = addr("FR", "75001")
	if err := calc.Calculate(context.Background(), req, &res); err != nil {
		t.Fatal(err)
	}
	if l := res.Lines[0]; l.Supply != Service || l.Outcome.Rule != RuleEUServiceOrigin {
		t.Errorf("FR: got %v %s, want the FR rule: a service at origin", l.Supply, l.Outcome.Rule)
	}
}

// Issue 9 item 7: Québec, prices including tax, per order per rate,
// RoundUp: 100 lines of 0.01 CAD gave GST 0.00; one rounding of the order
// gives 0.05 (and QST 0.09).
func TestQuebecPerOrderRoundUp(t *testing.T) {
	var items []string
	for range 100 {
		items = append(items, "", "0.01")
	}
	req := &Request{Date: MustDate("2025-03-14"), Store: Store{Origin: Address{Country: "CA", Region: "QC"}},
		Customer: Customer{Address: Address{Country: "CA", Region: "QC"}},
		Policy:   Policy{PricesIncludeTax: true, Rounding: PerOrderPerRate, Mode: pricing.RoundUp}, Lines: lines("CAD", items...)}
	var calc BuiltinCalculator
	var res Result
	if err := calc.Calculate(context.Background(), req, &res); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range res.Rates {
		got[r.Rate.Type] = r.Tax.String()
	}
	if diff := cmp.Diff(map[string]string{"ca_gst": "0.05 CAD", "ca_qc_qst": "0.09 CAD"}, got); diff != "" {
		t.Errorf("per-rate tax (-want +got):\n%s", diff)
	}
	for i, l := range res.Lines {
		if c, _ := l.Tax.Cmp(l.Gross); c > 0 || l.Gross.String() != "0.01 CAD" {
			t.Fatalf("line %d: tax %v of gross %v", i, l.Tax, l.Gross)
		}
	}
}

// Issue 9 item 3: per-order-per-rate rounding was quadratic in lines
// (20,000 lines: 1.5 s). It is compared with per-line rounding of the same
// lines in the same run, which is linear, so machine load does not matter:
// quadratic work would be hundreds of times slower at this size.
func TestPerOrderLinear(t *testing.T) {
	items := make([]string, 0, 2*20_000)
	for i := range 20_000 {
		items = append(items, []string{"", "reduced"}[i%2], fmt.Sprintf("%d.%02d", i%7, i%100))
	}
	req := deReq(lines("EUR", items...))
	var calc BuiltinCalculator
	var res Result
	timed := func(r Rounding) time.Duration {
		req.Policy = Policy{PricesIncludeTax: true, Rounding: r, Mode: pricing.RoundHalfUp}
		best := time.Duration(1 << 62)
		for range 3 {
			start := time.Now()
			if err := calc.Calculate(context.Background(), req, &res); err != nil {
				t.Fatal(err)
			}
			best = min(best, time.Since(start))
		}
		return best
	}
	line, order := timed(PerLine), timed(PerOrderPerRate)
	if order > 25*line+50*time.Millisecond {
		t.Errorf("20,000 lines: per order per rate %v, per line %v (want within 25×)", order, line)
	}
}

// countdownCtx reports Canceled after its Err has been asked n times.
type countdownCtx struct {
	context.Context
	n atomic.Int64
}

func (c *countdownCtx) Err() error {
	if c.n.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// Issue 9 item 3: the context was checked only on entry.
func TestCalculateHonoursContextDuringWork(t *testing.T) {
	items := make([]string, 0, 2*5000)
	for range 5000 {
		items = append(items, "", "1.00")
	}
	for _, rnd := range []Rounding{PerLine, PerOrderPerRate} {
		req := deReq(lines("EUR", items...))
		req.Policy.Rounding = rnd
		ctx := &countdownCtx{Context: context.Background()}
		ctx.n.Store(1) // the check on entry passes, the next one fails
		var calc BuiltinCalculator
		var res Result
		if err := calc.Calculate(ctx, req, &res); !errors.Is(err, context.Canceled) {
			t.Errorf("%v: err = %v, want context.Canceled", rnd, err)
		}
	}
}

// Issue 9 item 8: every amount of a request is in the request's currency.
func TestLineCurrencies(t *testing.T) {
	ls := lines("EUR", "", "1.00", "", "2.00")
	ls[1].UnitPrice = pricing.MustParseMoney("0.990", "BHD")
	req := deReq(ls)
	req.Policy.Rounding = PerUnit
	var calc BuiltinCalculator
	var res Result
	err := calc.Calculate(context.Background(), req, &res)
	var e *Error
	if !errors.As(err, &e) || e.Field != "lines[1].unit_price.currency" || e.Value != "BHD" {
		t.Errorf("err = %v, want lines[1].unit_price.currency \"BHD\"", err)
	}
	req.Policy.Rounding = PerLine // every amount, whatever the rounding
	if err := calc.Calculate(context.Background(), req, &res); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("per line: err = %v", err)
	}
}

// Issue 9 item 12: a Result of every outcome round-trips through JSON.
func TestResultJSONRoundTrip(t *testing.T) {
	calc, err := NewCalculator(&CalculatorOptions{Classes: []ClassRule{{Class: "saas", Category: Standard, Supply: Digital}}})
	if err != nil {
		t.Fatal(err)
	}
	de := Store{Origin: addr("DE", "10115")}
	cases := []struct {
		name string
		cust Customer
		want OutcomeKind
	}{
		{"taxed", Customer{Address: addr("AT", "1010")}, Taxed},
		{"reverse charge", Customer{Address: addr("FR", "75001"), Business: true, VATNumber: "FR40303265045"}, ReverseCharge},
		{"export", Customer{Address: addr("CH", "8001")}, Export},
		{"not registered", Customer{Address: Address{Country: "US", Region: "NY"}}, NotRegistered},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			req := &Request{Date: MustDate("2025-03-14"), Store: de, Customer: tt.cust,
				Policy: Policy{PricesIncludeTax: true, Rounding: PerLine, Mode: pricing.RoundHalfUp},
				Lines:  lines("EUR", "", "19.99", "reduced", "5.35", "saas", "9.99")}
			if tt.want == NotRegistered {
				req.Store.Origin = addr("CH", "8001")
				req.Lines = lines("CHF", "", "19.99", "reduced", "5.35", "saas", "9.99")
			}
			var res Result
			if err := calc.Calculate(context.Background(), req, &res); err != nil {
				t.Fatal(err)
			}
			if k := res.Lines[0].Outcome.Kind; k != tt.want {
				t.Fatalf("outcome %v, want %v", k, tt.want)
			}
			b, err := json.Marshal(&res)
			if err != nil {
				t.Fatalf("Marshal: %v", err)
			}
			var back Result
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatalf("Unmarshal: %v\n%s", err, b)
			}
			if diff := cmp.Diff(&res, &back, cmpopts.IgnoreUnexported(Result{}), cmpopts.EquateComparable(Percent{}, Date{})); diff != "" {
				t.Errorf("round trip (-stored +reloaded):\n%s", diff)
			}
		})
	}
}

// Issue 8: slices returned by Data and Type are the caller's.
func TestReturnedSlicesAreCopies(t *testing.T) {
	d := Builtin()
	ts := d.Types()
	first := ts[0]
	ts[0] = nil
	if d.Types()[0] != first {
		t.Error("Types returned the shared slice")
	}
	zs := d.Zones()
	zs[0] = nil
	if d.Zones()[0] == nil {
		t.Error("Zones returned the shared slice")
	}
	ty, _ := d.Type("de_vat")
	rs := ty.Rates(Standard)
	rs[0].Percent = Percent{}
	if ty.Rates(Standard)[0].Percent.IsZero() {
		t.Error("Rates returned the shared slice")
	}
}

type fakeLocation struct {
	cc, region, pc string
	err            error
}

func (f fakeLocation) TaxLocation() (string, string, string, error) {
	return f.cc, f.region, f.pc, f.err
}

// Issue 8: address → tax in one call, without importing address.
func TestAddressOf(t *testing.T) {
	sentinel := errors.New("address: required")
	tests := []struct {
		name    string
		in      fakeLocation
		want    Address
		wantErr error
	}{
		{"normalized", fakeLocation{cc: "us", region: "US-NY", pc: "10118"}, Address{Country: "US", Region: "US-NY", PostalCode: "10118"}, nil},
		{"bare region", fakeLocation{cc: "CA", region: "qc"}, Address{Country: "CA", Region: "QC"}, nil},
		{"spaced country", fakeLocation{cc: "US "}, Address{}, ErrUnknownCountry},
		{"region name", fakeLocation{cc: "US", region: "New York"}, Address{}, ErrInvalidInput},
		{"error passes through", fakeLocation{err: sentinel}, Address{}, sentinel},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := AddressOf(tt.in)
			if !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("AddressOf (-want +got):\n%s", diff)
			}
			var e *Error
			if err != nil && (!errors.As(err, &e) || e.Op != "AddressOf") {
				t.Errorf("err = %v, want an *Error with Op AddressOf", err)
			}
		})
	}
	if _, err := AddressOf(nil); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("AddressOf(nil) = %v", err)
	}
}

// Issue 8: one enum spelling (kebab-case), T(N), Parse returning an error.
func TestEnumSpelling(t *testing.T) {
	got := []string{SalesTax.String(), ConsumptionTax.String(), Kind(0).String(), Category(0).String(), OutcomeKind(9).String(),
		SuperReduced.String(), PerOrderPerRate.String(), KeepGrossAlways.String(), ReverseCharge.String()}
	want := []string{"sales-tax", "consumption-tax", "Kind(0)", "Category(0)", "OutcomeKind(9)",
		"super-reduced", "per-order-per-rate", "keep-gross-always", "reverse-charge"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
	if k, err := ParseKind("sales-tax"); err != nil || k != SalesTax {
		t.Errorf("ParseKind = %v, %v", k, err)
	}
	_, err := ParseKind("sales_tax")
	if err == nil || !strings.Contains(err.Error(), "sales-tax") {
		t.Errorf("ParseKind(sales_tax) = %v, want an error listing the names", err)
	}
	b, err := Reduced.AppendText([]byte("x="))
	if string(b) != "x=reduced" || err != nil {
		t.Errorf("AppendText = %q, %v", b, err)
	}
	if b, err := Category(0).AppendText([]byte("x=")); err == nil || string(b) != "x=" {
		t.Errorf("Category(0).AppendText = %q, %v, want an error and b unchanged", b, err)
	}
	for _, r := range []Rule{RuleEUDomestic, RuleEUReverseCharge, RuleEUExport, RuleCAProvince, RuleDefaultNotRegistered} {
		if !strings.Contains(string(r), ".") {
			t.Errorf("rule %q", r)
		}
	}
}

// A malformed VAT number is reported once, with vat's reason, and stays
// inspectable as a *vat.Error.
func TestVATNumberErrorText(t *testing.T) {
	req := deReq(lines("EUR", "", "1.00"))
	req.Customer.Business, req.Customer.VATNumber = true, "DK13585627"
	var calc BuiltinCalculator
	var res Result
	err := calc.Calculate(context.Background(), req, &res)
	want := `tax: Calculate: customer.vat_number "DK13585627": invalid VAT number: DK: checksum mismatch`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
	var ve *vat.Error
	if !errors.As(err, &ve) || ve.Reason != vat.ReasonChecksum || !errors.Is(err, vat.ErrInvalidNumber) {
		t.Errorf("err = %#v, want a *vat.Error with the checksum reason", err)
	}
}
