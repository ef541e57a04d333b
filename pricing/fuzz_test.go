package pricing

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
)

// FuzzParseFixed checks ParseFixed against shopspring and the text round
// trip of what it accepts.
func FuzzParseFixed(f *testing.F) {
	for _, s := range []string{"0.19", "-12.5", "+1", "9223372036854775807", "0.000000000000000001",
		"0.0000000000000000001", "1e3", "NaN", " 1", "00.50", "-0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		x, err := ParseFixed(s)
		if err != nil {
			if !errors.Is(err, ErrSyntax) && !errors.Is(err, ErrRange) {
				t.Fatalf("ParseFixed(%q): %v", s, err)
			}
			return
		}
		d, derr := decimal.NewFromString(s)
		if derr != nil || !x.Decimal().Equal(d) {
			t.Fatalf("ParseFixed(%q) = %v, shopspring %v (%v)", s, x, d, derr)
		}
		var back Fixed
		if err := back.UnmarshalText([]byte(x.String())); err != nil || back != x {
			t.Fatalf("round trip %q → %v → %v, %v", s, x, back, err)
		}
	})
}
