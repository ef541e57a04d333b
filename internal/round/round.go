// Package round holds the one tie-breaking kernel of marketkit: every
// package that rounds a decimal (locale for display, pricing for money,
// tax for tax amounts) truncates the magnitude itself and then asks
// [Increment] whether the truncated magnitude must go up by one.
//
// A caller rounding a value x to some unit works on magnitudes: it splits
// |x| into a truncated integer q (in units) and a discarded remainder
// 0 ≤ rest < 1 unit, classifies the remainder with [Compare], [CompareBig]
// or [FromDigits], and calls
//
//	if round.Increment(mode, neg, q&1 == 1, rest) { q++ }
//
// where neg is the sign of x. The result is (-1)^neg × q units.
//
// The numeric values of [Mode] are those of locale.RoundingMode (the
// public type, which converts to Mode with a plain conversion); the zero
// Mode is HalfEven.
package round

import "math/big"

// Mode is a rounding mode. Its values equal locale.RoundingMode's.
type Mode uint8

// The rounding modes, in locale.RoundingMode's order.
const (
	HalfEven Mode = iota // to nearest, ties to the even digit
	HalfUp               // to nearest, ties away from zero
	HalfDown             // to nearest, ties toward zero
	Up                   // away from zero
	Down                 // toward zero (truncation)
	Ceiling              // toward +∞
	Floor                // toward −∞
)

// NumModes is the number of valid modes: valid modes are 0 ≤ m < NumModes.
const NumModes = 7

// Rest says how the discarded part of a magnitude compares with one half
// of the last kept unit.
type Rest uint8

const (
	// Exact: nothing was discarded (the remainder is zero).
	Exact Rest = iota
	// BelowHalf: 0 < remainder < ½.
	BelowHalf
	// Half: remainder = ½ exactly (a tie).
	Half
	// AboveHalf: ½ < remainder < 1.
	AboveHalf
)

// Increment reports whether the truncated magnitude q of a value must be
// incremented by one to round that value under mode. neg is the sign of
// the value (true when negative; for −0 either answer is the same unless
// the remainder is non-zero, so pass the sign of the unrounded value),
// odd is whether q is odd (q&1 == 1), and rest classifies the discarded
// remainder. An exact value is never incremented. For a mode outside
// 0..NumModes-1 Increment returns false: callers validate modes before
// rounding (locale.RoundingMode.IsValid).
func Increment(mode Mode, neg, odd bool, rest Rest) bool {
	if rest == Exact {
		return false
	}
	switch mode {
	case HalfEven:
		return rest == AboveHalf || (rest == Half && odd)
	case HalfUp:
		return rest >= Half
	case HalfDown:
		return rest == AboveHalf
	case Up:
		return true
	case Down:
		return false
	case Ceiling:
		return !neg
	case Floor:
		return neg
	}
	return false
}

// Compare classifies the remainder r of a division by d (0 ≤ r < d) as a
// fraction r/d of one unit. It does not overflow for any r < d.
func Compare(r, d uint64) Rest {
	switch {
	case r == 0:
		return Exact
	case r < d-r:
		return BelowHalf
	case r == d-r:
		return Half
	}
	return AboveHalf
}

// CompareBig is Compare for big integers: it classifies r/d, for
// 0 ≤ r < d. It allocates one temporary.
func CompareBig(r, d *big.Int) Rest {
	if r.Sign() == 0 {
		return Exact
	}
	switch c := r.Cmp(new(big.Int).Sub(d, r)); {
	case c < 0:
		return BelowHalf
	case c == 0:
		return Half
	}
	return AboveHalf
}

// FromDigits classifies a discarded decimal tail from its first digit
// (an ASCII '0'..'9') and whether any later discarded digit is non-zero.
func FromDigits(first byte, restNonzero bool) Rest {
	switch {
	case first > '5', first == '5' && restNonzero:
		return AboveHalf
	case first == '5':
		return Half
	case first > '0' || restNonzero:
		return BelowHalf
	}
	return Exact
}

// Div rounds the quotient of a magnitude division: for n = q·d + r
// (0 ≤ r < d) it returns q or q+1 under mode for a value of sign neg. It
// reports false only when q+1 would overflow.
func Div(q, r, d uint64, neg bool, mode Mode) (uint64, bool) {
	if Increment(mode, neg, q&1 == 1, Compare(r, d)) {
		if q == ^uint64(0) {
			return 0, false
		}
		q++
	}
	return q, true
}
