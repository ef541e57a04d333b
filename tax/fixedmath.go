package tax

import (
	"math/bits"

	"github.com/marketkit/marketkit/pricing"
)

// mulDivRound returns a·num/den rounded to an integer with mode, exactly
// (128-bit intermediate). a may be negative; num and den are positive. It
// reports false on overflow or an invalid mode.
func mulDivRound(a int64, num, den uint64, mode pricing.RoundingMode) (int64, bool) {
	if den == 0 {
		return 0, false
	}
	neg := a < 0
	ua := uint64(a)
	if neg {
		ua = -ua
	}
	hi, lo := bits.Mul64(ua, num)
	if hi >= den {
		return 0, false
	}
	q, r := bits.Div64(hi, lo, den)
	if r != 0 {
		inc, ok := roundUp(q, r, den, neg, mode)
		if !ok {
			return 0, false
		}
		if inc {
			q++
		}
	}
	if q > 1<<63-1 {
		return 0, false
	}
	if neg {
		return -int64(q), true
	}
	return int64(q), true
}

// roundUp reports whether the magnitude q (with remainder r of divisor d)
// must be incremented under mode.
func roundUp(q, r, d uint64, neg bool, mode pricing.RoundingMode) (bool, bool) {
	// Compare 2r with d without overflow.
	half := 0
	switch {
	case r > d-r:
		half = 1
	case r < d-r:
		half = -1
	}
	switch mode {
	case pricing.RoundHalfUp:
		return half >= 0, true
	case pricing.RoundHalfDown:
		return half > 0, true
	case pricing.RoundHalfEven:
		return half > 0 || half == 0 && q%2 == 1, true
	case pricing.RoundUp:
		return true, true
	case pricing.RoundDown:
		return false, true
	case pricing.RoundCeiling:
		return !neg, true
	case pricing.RoundFloor:
		return neg, true
	}
	return false, false
}

func validMode(m pricing.RoundingMode) bool {
	_, ok := roundUp(0, 1, 2, false, m)
	return ok
}

func addOK(a, b int64) (int64, bool) {
	c := a + b
	return c, (c > a) == (b > 0) || b == 0
}

func mulOK(a, b int64) (int64, bool) {
	hi, lo := bits.Mul64(uint64(abs64(a)), uint64(abs64(b)))
	if hi != 0 || lo > 1<<63-1 {
		return 0, false
	}
	if (a < 0) != (b < 0) {
		return -int64(lo), true
	}
	return int64(lo), true
}

func abs64(a int64) int64 {
	if a < 0 {
		return -a
	}
	return a
}
