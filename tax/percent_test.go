package tax

import (
	"strings"
	"testing"

	"github.com/marketkit/marketkit/pricing"
)

// TestPercentFractionBuiltin checks every rate of the built-in data: its
// text is the percentage whose Fraction × 100 it states, and Fraction is
// Units / 1 000 000.
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
				if want := pricing.MustParseFixed(strings.TrimSuffix(p.String(), "%")); !x.Equal(want) {
					t.Errorf("%s: Fraction %s × 100 = %s, want %s", a.ID, fr, x, want)
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
