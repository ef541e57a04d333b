package pricing

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/marketkit/marketkit/internal/round"
)

// The fixed-point core. A value is a coefficient and a scale (the number of
// fraction digits): value = coef × 10^-scale. The fast path keeps the
// coefficient in an int64 with |coef| ≤ math.MaxInt64 (math.MinInt64 is
// never used, so negation cannot overflow) and does products in 128 bits
// with math/bits. Whenever an intermediate does not fit, the caller falls
// back to the same formula on math/big integers, which is exact.

// pow10 holds 10^0 … 10^19 (10^19 still fits in a uint64).
var pow10 = [20]uint64{
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
	1000000000, 10000000000, 100000000000, 1000000000000,
	10000000000000, 100000000000000, 1000000000000000,
	10000000000000000, 100000000000000000, 1000000000000000000,
	10000000000000000000,
}

// maxFixedScale is the largest scale of a Fixed and of the digits argument
// of rounding functions.
const maxFixedScale = 18

func uabs(x int64) uint64 {
	if x < 0 {
		return uint64(-x)
	}
	return uint64(x)
}

// toInt64 converts a magnitude and a sign to an int64, reporting whether it
// fits in the fast-path range (|x| ≤ math.MaxInt64).
func toInt64(u uint64, neg bool) (int64, bool) {
	if u > math.MaxInt64 {
		return 0, false
	}
	if neg {
		return -int64(u), true
	}
	return int64(u), true
}

// mulPow10 returns x × 10^n for n ≥ 0, reporting overflow.
func mulPow10(x int64, n int32) (int64, bool) {
	if x == 0 {
		return 0, true
	}
	if n < 0 || n > 18 {
		return 0, false
	}
	hi, lo := bits.Mul64(uabs(x), pow10[n])
	if hi != 0 {
		return 0, false
	}
	return toInt64(lo, x < 0)
}

// mul64 returns a × b, reporting overflow.
func mul64(a, b int64) (int64, bool) {
	hi, lo := bits.Mul64(uabs(a), uabs(b))
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if (a < 0) != (b < 0) {
		return -int64(lo), true
	}
	return int64(lo), true
}

// add64 returns a + b, reporting overflow (including a MinInt64 result).
func add64(a, b int64) (int64, bool) {
	c := a + b
	if (c^a)&(c^b) < 0 || c == math.MinInt64 {
		return 0, false
	}
	return c, true
}

// scratch returns buf[:n] when it is long enough, else a new slice: the
// stack buffers of the allocation and order code.
func scratch[T int64 | uint64](buf []T, n int) []T {
	if n <= len(buf) {
		return buf[:n]
	}
	return make([]T, n)
}

// align brings two fast-path values to the larger scale.
func align(a int64, as int32, b int64, bs int32) (int64, int64, int32, bool) {
	var ok bool
	switch {
	case as == bs:
		return a, b, as, true
	case as < bs:
		a, ok = mulPow10(a, bs-as)
		return a, b, bs, ok
	default:
		b, ok = mulPow10(b, as-bs)
		return a, b, as, ok
	}
}

// roundInc reports whether a truncated quotient q with remainder r of a
// division by d (r < d, both magnitudes) must be incremented by one under
// mode, for a result whose sign is negative when neg is set. The tie-break
// is internal/round's, shared with locale and tax.
func roundInc(q, r, d uint64, neg bool, mode RoundingMode) bool {
	if r == 0 {
		return false
	}
	return round.Increment(round.Mode(mode), neg, q&1 == 1, round.Compare(r, d))
}

// divRound returns round(n × 10^e / d) under mode, where n = hi·2^64 + lo
// is a 128-bit magnitude, d > 0, and neg is the sign of the result. It
// reports false when an intermediate or the result does not fit in 64 bits.
func divRound(hi, lo uint64, e int32, d uint64, neg bool, mode RoundingMode) (uint64, bool) {
	if e > 0 {
		if e > 19 {
			return 0, false
		}
		p := pow10[e]
		h1, l1 := bits.Mul64(lo, p)
		h2, l2 := bits.Mul64(hi, p)
		if h2 != 0 {
			return 0, false
		}
		var c uint64
		hi, c = bits.Add64(h1, l2, 0)
		if c != 0 {
			return 0, false
		}
		lo = l1
	} else if e < 0 {
		if e < -19 {
			return 0, false
		}
		h, l := bits.Mul64(d, pow10[-e])
		if h != 0 {
			return 0, false
		}
		d = l
	}
	if hi >= d {
		return 0, false
	}
	var q, r uint64
	if hi == 0 {
		q, r = div64(lo, d)
	} else {
		q, r = bits.Div64(hi, lo, d)
	}
	if roundInc(q, r, d, neg, mode) {
		if q == math.MaxUint64 {
			return 0, false
		}
		q++
	}
	return q, true
}

// ---- exact fallback on math/big ----

// alignBig brings a × 10^-as and b × 10^-bs to the larger scale, in
// place, and returns them with that scale.
func alignBig(a *big.Int, as int32, b *big.Int, bs int32) (*big.Int, *big.Int, int32) {
	switch {
	case as < bs:
		return a.Mul(a, bigPow10(bs-as)), b, bs
	case as > bs:
		return a, b.Mul(b, bigPow10(as-bs)), as
	}
	return a, b, as
}

var bigTen = big.NewInt(10)

func bigPow10(n int32) *big.Int {
	if n >= 0 && n <= 19 {
		return new(big.Int).SetUint64(pow10[n])
	}
	return new(big.Int).Exp(bigTen, big.NewInt(int64(n)), nil)
}

// bigDivRound returns round(n × 10^e / d) under mode for big integers of any
// sign; d must not be zero.
func bigDivRound(n *big.Int, e int32, d *big.Int, mode RoundingMode) *big.Int {
	num := new(big.Int).Set(n)
	den := new(big.Int).Set(d)
	if e > 0 {
		num.Mul(num, bigPow10(e))
	} else if e < 0 {
		den.Mul(den, bigPow10(-e))
	}
	neg := (num.Sign() < 0) != (den.Sign() < 0)
	num.Abs(num)
	den.Abs(den)
	q, r := new(big.Int).QuoRem(num, den, new(big.Int))
	if r.Sign() != 0 && round.Increment(round.Mode(mode), neg, q.Bit(0) == 1, round.CompareBig(r, den)) {
		q.Add(q, big.NewInt(1))
	}
	if neg {
		q.Neg(q)
	}
	return q
}

// div64 returns n / d and n % d, with constant divisors (which compile to
// multiplications) for the powers of ten that rounding to money digits
// uses most: a hardware 64-bit division costs tens of cycles.
func div64(n, d uint64) (uint64, uint64) {
	switch d {
	case 1:
		return n, 0
	case 10:
		return n / 10, n % 10
	case 100:
		return n / 100, n % 100
	case 1000:
		return n / 1000, n % 1000
	case 10000:
		return n / 10000, n % 10000
	case 100000:
		return n / 100000, n % 100000
	case 1000000:
		return n / 1000000, n % 1000000
	}
	return n / d, n % d
}
