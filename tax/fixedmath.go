package tax

import (
	"math/bits"

	"github.com/marketkit/marketkit/internal/round"
	"github.com/marketkit/marketkit/pricing"
)

// mulDivRound returns a·num/den rounded to an integer with mode, exactly
// (128-bit intermediate), with the library's one tie-breaking kernel
// (internal/round). a may be negative; num and den are positive; mode
// must be valid (Calculate checks it once, on entry). It reports false on
// overflow.
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
	q, ok := round.Div(q, r, den, neg, round.Mode(mode))
	if !ok || q > 1<<63-1 {
		return 0, false
	}
	if neg {
		return -int64(q), true
	}
	return int64(q), true
}

// validMode reports whether m is one of the seven rounding modes (the
// zero mode is half-even).
func validMode(m pricing.RoundingMode) bool { return m.IsValid() }

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
