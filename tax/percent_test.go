package tax

import (
	"testing"

	"github.com/marketkit/marketkit/pricing"
)

func TestPercentFraction(t *testing.T) {
	tests := []struct {
		name, in, fixed, fraction string
	}{
		{"zero", "0", "0", "0"},
		{"integer", "19", "19", "0.19"},
		{"one decimal", "8.1", "8.1", "0.081"},
		{"two decimals", "25.5", "25.5", "0.255"},
		{"three decimals", "9.975", "9.975", "0.09975"},
		{"four decimals", "11.1111", "11.1111", "0.111111"},
		{"smallest", "0.0001", "0.0001", "0.000001"},
		{"below one", "2.6", "2.6", "0.026"},
		{"ten", "10", "10", "0.1"},
		{"hundred", "100", "100", "1"},
		{"trailing zeros", "7.50", "7.5", "0.075"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := MustPercent(tt.in)
			if got := p.Fixed().String(); got != tt.fixed {
				t.Errorf("Fixed() = %s, want %s", got, tt.fixed)
			}
			if got := p.Fraction().String(); got != tt.fraction {
				t.Errorf("Fraction() = %s, want %s", got, tt.fraction)
			}
		})
	}
}

// TestPercentFractionBuiltin checks every amount of the built-in data:
// Fraction × 100 is Fixed exactly, and Fraction is Units / 1 000 000.
func TestPercentFractionBuiltin(t *testing.T) {
	hundred := pricing.FixedFromInt(100)
	n := 0
	for _, ty := range Builtin().Types() {
		for c := Category(1); c < numCategories; c++ {
			for _, a := range ty.Rates(c) {
				n++
				p := a.Percent
				fr := p.Fraction()
				x, err := fr.Mul(hundred)
				if err != nil {
					t.Fatalf("%s: %s × 100: %v", a.ID, fr, err)
				}
				if !x.Equal(p.Fixed()) {
					t.Errorf("%s: Fraction %s × 100 = %s, want Fixed %s", a.ID, fr, x, p.Fixed())
				}
				units, err := pricing.NewFixed(p.Units(), 6)
				if err != nil {
					t.Fatal(err)
				}
				if !fr.Equal(units) {
					t.Errorf("%s: Fraction = %s, want Units/1e6 = %s", a.ID, fr, units)
				}
				if fr.Sign() < 0 || fr.Cmp(pricing.FixedFromInt(1)) > 0 {
					t.Errorf("%s: Fraction = %s, want within [0, 1]", a.ID, fr)
				}
				if coef, scale := fr.Coefficient(); scale > 0 && coef%10 == 0 {
					t.Errorf("%s: Fraction = %d×10^-%d has a trailing zero", a.ID, coef, scale)
				}
			}
		}
	}
	if n < 200 {
		t.Errorf("checked %d built-in amounts, want the whole table (≥ 200)", n)
	}
}

func TestPercentFractionAllocs(t *testing.T) {
	p := MustPercent("9.975")
	var sink pricing.Fixed
	if n := testing.AllocsPerRun(100, func() { sink = p.Fraction() }); n != 0 {
		t.Errorf("Fraction allocates %v times, want 0", n)
	}
	if sink.IsZero() {
		t.Error("Fraction of 9.975 % is zero")
	}
}
