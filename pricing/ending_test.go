package pricing

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

var bandRule = EndingRule{Bands: []Ending{
	{Below: MustParseFixed("10"), Step: MustParseFixed("1"), End: MustParseFixed("0.99"), Round: RoundUp},
	{Below: MustParseFixed("100"), Step: MustParseFixed("1"), End: MustParseFixed("0.90"), Round: RoundUp},
	{Step: MustParseFixed("1"), Round: RoundUp},
}}

func TestEndingRules(t *testing.T) {
	tests := []struct {
		name   string
		rule   EndingRule
		in     Money
		want   string
		digits int
	}{
		{".99 up", CharmEnding(MustParseFixed("0.99")), eur("12.34"), "12.99 EUR", 2},
		{".99 stays", CharmEnding(MustParseFixed("0.99")), eur("12.99"), "12.99 EUR", 2},
		{".99 next unit", CharmEnding(MustParseFixed("0.99")), eur("13.00"), "13.99 EUR", 2},
		{".95", CharmEnding(MustParseFixed("0.95")), eur("0.10"), "0.95 EUR", 2},
		{".90", CharmEnding(MustParseFixed("0.90")), eur("4.91"), "5.90 EUR", 2},
		{"whole", CharmEnding(Fixed{}), eur("4.01"), "5.00 EUR", 2},
		{"nearest 10 JPY", NearestEnding(MustParseFixed("10")), MustParseMoney("1234", "JPY"), "1230 JPY", 0},
		{"nearest 100 JPY tie up", NearestEnding(MustParseFixed("100")), MustParseMoney("1250", "JPY"), "1300 JPY", 0},
		{"nearest 100 HUF", NearestEnding(MustParseFixed("100")), MustParseMoney("12349.99", "HUF"), "12300.00 HUF", 2},
		{"band < 10", bandRule, eur("9.50"), "9.99 EUR", 2},
		{"band 10-100", bandRule, eur("10.00"), "10.90 EUR", 2},
		{"band ≥ 100", bandRule, eur("123.45"), "124.00 EUR", 2},
		{"zero unchanged", bandRule, eur("0"), "0.00 EUR", 2},
		{"down never negative", EndingRule{Bands: []Ending{{Step: Fixed{coef: 1}, End: MustParseFixed("0.99"), Round: RoundDown}}}, eur("0.50"), "0.99 EUR", 2},
		{"down", EndingRule{Bands: []Ending{{Step: Fixed{coef: 1}, End: MustParseFixed("0.99"), Round: RoundDown}}}, eur("5.50"), "4.99 EUR", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.rule.Validate(tt.digits); err != nil {
				t.Fatal(err)
			}
			got, err := tt.rule.Apply(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != tt.want {
				t.Errorf("Apply(%v) = %v, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestEndingRuleJSONAndValidate(t *testing.T) {
	var r EndingRule
	src := `{"bands":[{"below":"10","step":"1","end":"0.99","round":"up"},{"below":"100","step":"1","end":"0.90","round":"up"},{"step":"1","end":"0","round":"up"}]}`
	if err := json.Unmarshal([]byte(src), &r); err != nil {
		t.Fatal(err)
	}
	if err := r.Validate(2); err != nil {
		t.Fatal(err)
	}
	if got, _ := r.Apply(eur("55.55")); got.Amount() != "55.90" {
		t.Errorf("JSON rule: %v", got)
	}
	bad := EndingRule{Bands: []Ending{
		{Below: MustParseFixed("100"), Step: MustParseFixed("0"), End: MustParseFixed("0.99"), Round: RoundUp},
		{Below: MustParseFixed("50"), Step: MustParseFixed("1"), End: MustParseFixed("1.5"), Round: 42}, // the zero Round is half-even and valid; 42 is no mode
		{Below: MustParseFixed("200"), Step: MustParseFixed("1"), End: MustParseFixed("0.999"), Round: RoundUp},
	}}
	err := bad.Validate(2)
	for _, f := range []string{"bands[0].step", "bands[1].end", "bands[1].round", "bands[1].below", "bands[2].end", "bands[2].below"} {
		if err == nil || !strings.Contains(err.Error(), f+" ") {
			t.Errorf("error does not name %s: %v", f, err)
		}
	}
	if !errors.Is(err, ErrInvalid) || !errors.Is(err, ErrNotRounded) {
		t.Errorf("categories: %v", err)
	}
	if err := json.Unmarshal([]byte(`{"bands":[{"step":"1","round":"sideways"}]}`), &r); err == nil {
		t.Error("unknown rounding mode accepted")
	}
}

func FuzzEndingRule(f *testing.F) {
	f.Add(`{"bands":[{"step":"1","end":"0.99","round":"up"}]}`, int64(1234))
	f.Add(`{"bands":[{"below":"10","step":"1","end":"0.99","round":"up"},{"step":"100","end":"0","round":"half-up"}]}`, int64(99999))
	f.Add(`{"bands":[{"step":"0.05","end":"0","round":"down"}]}`, int64(7))
	f.Add(`{"bands":[{"below":"10","step":"1","end":"0.99","round":"up"},{"below":"100","step":"1","end":"0.90","round":"up"},{"step":"1","end":"0","round":"up"}]}`, int64(9991))
	f.Add(`{"bands":[{"step":"100","end":"0","round":"half-up"}]}`, int64(40))
	f.Fuzz(func(t *testing.T, src string, minor int64) {
		var r EndingRule
		if err := json.Unmarshal([]byte(src), &r); err != nil || r.Validate(2) != nil {
			return
		}
		m, _ := MoneyFromMinor(minor%1_000_000_000_000, "EUR")
		got, err := r.Apply(m)
		if err != nil {
			t.Fatalf("Apply(%v) on a valid rule: %v", m, err)
		}
		if m.Sign() <= 0 || len(r.Bands) == 0 {
			if !got.Equal(m) {
				t.Fatalf("non-positive %v changed to %v", m, got)
			}
			return
		}
		if got.Sign() < 0 {
			t.Fatalf("Apply(%v) = %v, negative", m, got)
		}
		if _, ok := got.Minor(); !ok {
			t.Fatalf("Apply(%v) = %v, not in minor units", m, got)
		}
		if got.Sign() <= 0 {
			t.Fatalf("Apply(%v) = %v: a positive price became zero", m, got)
		}
		// The result lies on the grid of the chosen band or, when that
		// band's grid price reached its Below, of a later band.
		i := len(r.Bands) - 1
		for j, x := range r.Bands {
			if x.Below.IsZero() {
				i = j
				break
			}
			if c, _ := m.Cmp(Money{cur: m.cur, coef: x.Below.coef, scale: x.Below.scale}); c < 0 {
				i = j
				break
			}
		}
		onGrid := -1
		for j := i; j < len(r.Bands) && onGrid < 0; j++ {
			b := r.Bands[j]
			end := Money{cur: m.cur, coef: b.End.coef, scale: b.End.scale}
			d, _ := got.Sub(end)
			if k, _ := d.Div(b.Step, 0, RoundDown); k.Mul(b.Step).Equal(d) {
				onGrid = j
			}
		}
		if onGrid < 0 {
			t.Fatalf("Apply(%v) = %v, not on the grid of bands[%d] or a later band", m, got, i)
		}
		allUp := true
		for _, b := range r.Bands {
			allUp = allUp && b.Round == RoundUp
		}
		if allUp {
			if c, _ := got.Cmp(m); c < 0 {
				t.Fatalf("rounding up gave %v < %v", got, m)
			}
			// Monotone: one minor unit more never ends lower.
			up, _ := MoneyFromMinor(minor%1_000_000_000_000+1, "EUR")
			next, err := r.Apply(up)
			if c, _ := next.Cmp(got); err != nil || c < 0 {
				t.Fatalf("Apply(%v) = %v but Apply of one cent more = %v (%v)", m, got, next, err)
			}
		}
	})
}

func TestConverterNoAllocs(t *testing.T) {
	c, err := benchRates.Converter("EUR", "CHF", RoundHalfUp, bandRule)
	if err != nil {
		t.Fatal(err)
	}
	m := eur("23.45")
	if n := testing.AllocsPerRun(100, func() { sinkMoney, _ = c.Convert(m) }); n != 0 {
		t.Errorf("Convert: %v allocs", n)
	}
	// The fast path and the exact path agree.
	for _, s := range []string{"0.01", "9.50", "10.73", "99.99", "123.456", "92233720368547758.07"} {
		fast, err := c.Convert(eur(s))
		if err != nil {
			t.Fatal(err)
		}
		r, _ := eur(s).MulRound(c.Rate(), 2, RoundHalfUp)
		r.cur = c.to
		slow, err := bandRule.applySlow(r)
		if err != nil {
			t.Fatal(err)
		}
		if !fast.Equal(slow) {
			t.Errorf("Convert(%s): fast %v, exact %v", s, fast, slow)
		}
	}
}
