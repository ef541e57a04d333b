package round

import (
	"flag"
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"
)

// oracle rounds the rational x to an integer under mode with big.Rat
// arithmetic only: it picks floor(x) or floor(x)+1 by the mode's
// definition, without the kernel's sign/magnitude formulation.
func oracle(x *big.Rat, mode Mode) *big.Int {
	fl := new(big.Int).Div(x.Num(), x.Denom()) // Euclidean: floor for a positive denominator
	if x.IsInt() {
		return fl
	}
	ce := new(big.Int).Add(fl, big.NewInt(1))
	pos := x.Sign() > 0
	away, toward := ce, fl // away from zero and toward zero
	if !pos {
		away, toward = fl, ce
	}
	dist := new(big.Rat).Sub(x, new(big.Rat).SetInt(fl)) // in (0, 1)
	half := big.NewRat(1, 2)
	switch mode {
	case Floor:
		return fl
	case Ceiling:
		return ce
	case Down:
		return toward
	case Up:
		return away
	}
	switch c := dist.Cmp(half); {
	case c < 0:
		return fl
	case c > 0:
		return ce
	}
	switch mode {
	case HalfUp:
		return away
	case HalfDown:
		return toward
	default: // HalfEven
		if fl.Bit(0) == 0 {
			return fl
		}
		return ce
	}
}

// long runs the exhaustive oracle comparisons: go test -long.
var long = flag.Bool("long", false, "run the exhaustive tests")

// TestDivAgainstRatOracle compares every mode on every n/d with |n| ≤ 150
// and d ≤ 20 (every remainder class of every small divisor, ties of both
// parities, both signs) with the big.Rat oracle; -long widens it to
// |n| ≤ 2000 and d ≤ 64.
func TestDivAgainstRatOracle(t *testing.T) {
	maxN, maxD := int64(150), int64(20)
	if *long {
		maxN, maxD = 2000, 64
	}
	for mode := range Mode(NumModes) {
		for d := int64(1); d <= maxD; d++ {
			for n := -maxN; n <= maxN; n++ {
				mag := uint64(n)
				if n < 0 {
					mag = uint64(-n)
				}
				q, ok := Div(mag/uint64(d), mag%uint64(d), uint64(d), n < 0, mode)
				if !ok {
					t.Fatalf("Div(%d/%d) overflowed", n, d)
				}
				got := new(big.Int).SetUint64(q)
				if n < 0 {
					got.Neg(got)
				}
				want := oracle(big.NewRat(n, d), mode)
				if got.Cmp(want) != 0 {
					t.Errorf("mode %d: round(%d/%d) = %v, want %v", mode, n, d, got, want)
				}
			}
		}
	}
}

// TestBigAgainstRatOracle checks CompareBig with Increment on values far
// beyond 64 bits.
func TestBigAgainstRatOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	count := 300
	if *long {
		count = 30000
	}
	for i := range count {
		n := randBig(r, 1+r.IntN(140))
		d := randBig(r, 1+r.IntN(70))
		d.Add(d, big.NewInt(1))
		if i%3 == 0 { // force ties: n = k·d + d/2 with d even
			d.SetBit(d, 0, 0)
			d.Add(d, big.NewInt(2))
			n.Mul(n.Div(n, d), d).Add(n, new(big.Int).Rsh(d, 1))
		}
		neg := i%2 == 1
		for mode := range Mode(NumModes) {
			q, rem := new(big.Int).QuoRem(n, d, new(big.Int))
			if Increment(mode, neg, q.Bit(0) == 1, CompareBig(rem, d)) {
				q.Add(q, big.NewInt(1))
			}
			x := new(big.Rat).SetFrac(n, d)
			if neg {
				q.Neg(q)
				x.Neg(x)
			}
			if want := oracle(x, mode); q.Cmp(want) != 0 {
				t.Fatalf("mode %d: round(%v) = %v, want %v", mode, x, q, want)
			}
		}
	}
}

// randBig returns a random non-negative integer below 2^bits.
func randBig(r *rand.Rand, bits int) *big.Int {
	n := new(big.Int)
	for i := 0; i < bits; i += 64 {
		n.Lsh(n, 64).Or(n, new(big.Int).SetUint64(r.Uint64()))
	}
	return n.Rsh(n, uint((bits+63)/64*64-bits))
}

func TestFromDigitsMatchesCompare(t *testing.T) {
	for k := 1; k <= 4; k++ {
		p := uint64(1)
		for range k {
			p *= 10
		}
		for r := range p {
			tail := fmt.Sprintf("%0*d", k, r)
			nonzero := false
			for _, c := range tail[1:] {
				nonzero = nonzero || c != '0'
			}
			if got, want := FromDigits(tail[0], nonzero), Compare(r, p); got != want {
				t.Errorf("FromDigits(%q) = %d, Compare(%d, %d) = %d", tail, got, r, p, want)
			}
		}
	}
}

func TestCompareNoOverflow(t *testing.T) {
	const m = ^uint64(0)
	tests := []struct {
		r, d uint64
		want Rest
	}{
		{0, m, Exact},
		{m / 2, m, BelowHalf}, // m is odd: m/2 < m/2 + 1 = m − m/2
		{m/2 + 1, m, AboveHalf},
		{m - 1, m, AboveHalf},
		{1 << 63, 1<<63 + 1<<62, AboveHalf},
		{1 << 62, 1 << 63, Half},
	}
	for _, tt := range tests {
		if got := Compare(tt.r, tt.d); got != tt.want {
			t.Errorf("Compare(%d, %d) = %d, want %d", tt.r, tt.d, got, tt.want)
		}
		if got := CompareBig(new(big.Int).SetUint64(tt.r), new(big.Int).SetUint64(tt.d)); got != tt.want {
			t.Errorf("CompareBig(%d, %d) = %d, want %d", tt.r, tt.d, got, tt.want)
		}
	}
}

func TestDivOverflow(t *testing.T) {
	if _, ok := Div(^uint64(0), 1, 2, false, Up); ok {
		t.Error("Div(MaxUint64+, Up) reported ok")
	}
	if q, ok := Div(^uint64(0), 1, 2, false, Down); !ok || q != ^uint64(0) {
		t.Errorf("Div(MaxUint64, Down) = %d, %v", q, ok)
	}
}

func TestInvalidModeTruncates(t *testing.T) {
	for _, rest := range []Rest{Exact, BelowHalf, Half, AboveHalf} {
		if Increment(NumModes, false, true, rest) || Increment(255, true, true, rest) {
			t.Errorf("invalid mode incremented for rest %d", rest)
		}
	}
}

func ExampleIncrement() {
	// Round -2.345 to two fraction digits: magnitude 2345, drop 1 digit.
	const mag, p = 2345, 10
	for _, mode := range []Mode{HalfEven, HalfUp, Down, Floor} {
		q := uint64(mag / p)
		if Increment(mode, true, q&1 == 1, Compare(mag%p, p)) {
			q++
		}
		fmt.Printf("-%d.%02d ", q/100, q%100)
	}
	// Output: -2.34 -2.35 -2.34 -2.35
}
