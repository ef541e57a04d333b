package pricing

import (
	"math/big"
	"testing"
)

// An independent oracle for rounding: exact rationals from math/big,
// rounded by the textbook definitions of each mode. It checks every mode,
// including half-down, which shopspring does not have.

// oracleRound returns x rounded to digits fraction digits with mode.
func oracleRound(x *big.Rat, digits int, mode RoundingMode) *big.Rat {
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(digits))), nil))
	y := new(big.Rat).Set(x)
	if digits >= 0 {
		y.Mul(y, scale)
	} else {
		y.Quo(y, scale)
	}
	// floor and the fraction y − floor ∈ [0, 1).
	fl := new(big.Int).Div(y.Num(), y.Denom()) // Euclidean: floor for a positive denominator
	frac := new(big.Rat).Sub(y, new(big.Rat).SetInt(fl))
	half := big.NewRat(1, 2)
	up := new(big.Int).Add(fl, big.NewInt(1))
	var r *big.Int
	switch {
	case frac.Sign() == 0:
		r = fl
	case mode == RoundFloor:
		r = fl
	case mode == RoundCeiling:
		r = up
	case mode == RoundDown: // towards zero
		r = map[bool]*big.Int{true: up, false: fl}[y.Sign() < 0]
	case mode == RoundUp: // away from zero
		r = map[bool]*big.Int{true: fl, false: up}[y.Sign() < 0]
	default:
		switch c := frac.Cmp(half); {
		case c < 0:
			r = fl
		case c > 0:
			r = up
		default: // a tie
			switch mode {
			case RoundHalfUp:
				r = map[bool]*big.Int{true: fl, false: up}[y.Sign() < 0]
			case RoundHalfDown:
				r = map[bool]*big.Int{true: up, false: fl}[y.Sign() < 0]
			case RoundHalfEven:
				r = map[bool]*big.Int{true: fl, false: up}[fl.Bit(0) == 0]
			}
		}
	}
	out := new(big.Rat).SetInt(r)
	if digits >= 0 {
		return out.Quo(out, scale)
	}
	return out.Mul(out, scale)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func moneyRat(m Money) *big.Rat {
	r, _ := new(big.Rat).SetString(m.Decimal().String())
	return r
}

func fixedRat(f Fixed) *big.Rat {
	r, _ := new(big.Rat).SetString(f.String())
	return r
}

// checkOracle compares MulDiv, MulRound, Div and RoundTo on both paths
// with the oracle.
func checkOracle(t *testing.T, m Money, num, den Fixed, digits int) {
	t.Helper()
	for mode := RoundHalfEven; mode <= RoundFloor; mode++ {
		for _, x := range []Money{m, forceWide(m)} {
			check := func(op string, got Money, err error, exact *big.Rat) {
				t.Helper()
				if err != nil {
					t.Fatalf("%s(%v, %v, %v, %d, %v): %v", op, x, num, den, digits, mode, err)
				}
				if want := oracleRound(exact, digits, mode); moneyRat(got).Cmp(want) != 0 {
					t.Fatalf("%s(%v, %v, %v, %d, %v) = %v, want %s", op, x, num, den, digits, mode, got, want.FloatString(max(digits, 0)))
				}
			}
			prod := new(big.Rat).Mul(moneyRat(x), fixedRat(num))
			got, err := x.MulRound(num, digits, mode)
			check("MulRound", got, err, prod)
			got, err = x.RoundTo(digits, mode)
			check("RoundTo", got, err, moneyRat(x))
			if den.IsZero() {
				continue
			}
			got, err = x.MulDiv(num, den, digits, mode)
			check("MulDiv", got, err, new(big.Rat).Quo(prod, fixedRat(den)))
			got, err = x.Div(den, digits, mode)
			check("Div", got, err, new(big.Rat).Quo(moneyRat(x), fixedRat(den)))
		}
	}
}

func TestRoundingOracle(t *testing.T) {
	// The oracle itself, on the textbook cases.
	for _, c := range []struct {
		x    string
		d    int
		mode RoundingMode
		want string
	}{
		{"0.285", 2, RoundHalfUp, "0.29"}, {"-0.285", 2, RoundHalfUp, "-0.29"},
		{"0.285", 2, RoundHalfDown, "0.28"}, {"-0.285", 2, RoundHalfDown, "-0.28"},
		{"0.285", 2, RoundHalfEven, "0.28"}, {"0.275", 2, RoundHalfEven, "0.28"},
		{"-0.281", 2, RoundUp, "-0.29"}, {"-0.289", 2, RoundDown, "-0.28"},
		{"-0.281", 2, RoundCeiling, "-0.28"}, {"-0.281", 2, RoundFloor, "-0.29"},
		{"-250", -2, RoundHalfEven, "-200"}, {"-350", -2, RoundHalfEven, "-400"},
	} {
		x, _ := new(big.Rat).SetString(c.x)
		want, _ := new(big.Rat).SetString(c.want)
		if got := oracleRound(x, c.d, c.mode); got.Cmp(want) != 0 {
			t.Fatalf("oracle(%s, %d, %v) = %s, want %s", c.x, c.d, c.mode, got.RatString(), c.want)
		}
	}
	amounts := []string{"0", "0.005", "-0.005", "0.015", "-0.025", "19.99", "-1.5", "2.5", "92233720368547758.07",
		"-92233720368547758.07", "0.000000000000000005", "123456789012345678901234.5", "9.999999999999999999"}
	fixeds := []string{"1", "-0.19", "1.19", "3", "0.5", "9223372036854775807", "-0.000000000000000001", "1.000000000000000001"}
	dens := []string{"1.19", "-3", "0.000000000000000007", "9223372036854775807", "0"}
	for _, a := range amounts {
		m := MustParseMoney(a, "EUR")
		for i, n := range fixeds {
			d := dens[(i+len(a))%len(dens)]
			for _, digits := range []int{-18, -1, 0, 2, 3, 18} {
				checkOracle(t, m, MustParseFixed(n), MustParseFixed(d), digits)
			}
		}
	}
}

func FuzzMulDiv(f *testing.F) {
	f.Add("19.99", "0.19", "1.19", 2)
	f.Add("-0.285", "1", "1", 2)
	f.Add("92233720368547758.07", "9223372036854775807", "3", -18)
	f.Add("0.025", "-1", "0.000000000000000007", 18)
	f.Fuzz(func(t *testing.T, a, num, den string, digits int) {
		m, err1 := ParseMoney(a, "EUR")
		n, err2 := ParseFixed(num)
		d, err3 := ParseFixed(den)
		if err1 != nil || err2 != nil || err3 != nil {
			return
		}
		checkOracle(t, m, n, d, digits%19)
	})
}
