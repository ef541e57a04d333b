package pricing

import (
	"math/big"
	"math/bits"

	"github.com/marketkit/marketkit/locale"
)

// RoundingMode names how a value is rounded to a given number of digits or
// to a cash increment. It is an alias of [locale.RoundingMode], the one
// rounding type of marketkit, so pricing.RoundHalfUp and locale.RoundHalfUp
// are the same value and a mode means the same in pricing, tax and
// formatting (one tie-breaking kernel serves all three).
//
// The zero RoundingMode is RoundHalfEven ("ties to even", the default of
// CLDR, ICU and IEEE 754): an Order, Fallback or Ending that leaves its
// mode unset rounds half-even. Values outside the seven modes are invalid
// (ErrRoundingMode). Text forms ("half-even", "half-up", …) come from
// locale: String, MarshalText, AppendText, UnmarshalText and
// locale.ParseRoundingMode.
type RoundingMode = locale.RoundingMode

// The rounding modes (aliases of locale's). "Up" and "down" are away from
// and towards zero; "ceiling" and "floor" are towards +∞ and −∞. The half
// modes decide ties only: half-up is "commercial rounding" (0.285 → 0.29,
// −0.285 → −0.29), half-even is banker's rounding (0.285 → 0.28).
const (
	RoundHalfEven = locale.RoundHalfEven // ties to the even neighbour; the zero value
	RoundHalfUp   = locale.RoundHalfUp   // ties away from zero
	RoundHalfDown = locale.RoundHalfDown // ties towards zero
	RoundUp       = locale.RoundUp       // away from zero
	RoundDown     = locale.RoundDown     // towards zero (truncation)
	RoundCeiling  = locale.RoundCeiling  // towards +∞
	RoundFloor    = locale.RoundFloor    // towards −∞
)

// step is a rounding quantum k × 10^-t (k ≥ 1, t ≥ 0).
type step struct {
	k uint64
	t int32
}

func digitsStep(op string, digits int) (step, error) {
	if digits < -maxFixedScale || digits > maxFixedScale {
		return step{}, newError(op, "digits", itoa(int64(digits)), ErrRange, "outside -18..18")
	}
	if digits < 0 {
		return step{k: pow10[-digits]}, nil
	}
	return step{k: 1, t: int32(digits)}, nil
}

func checkMode(op string, mode RoundingMode) error {
	if mode > RoundFloor { // mode.IsValid, without the call on the hot path
		return newError(op, "mode", mode.String(), ErrRoundingMode, "not a rounding mode")
	}
	return nil
}

// mulDiv returns m's currency with the amount m × num ÷ den rounded with
// mode to a multiple of st: q = round(m × num ÷ (den × k)) and the result
// is q × k at scale t. den must not be zero. The fast path forms the
// product in 128 bits; the exact fallback uses big integers.
func (m Money) mulDiv(num, den Fixed, st step, mode RoundingMode) Money {
	if m.wide == nil {
		neg := (m.coef < 0) != (num.coef < 0) != (den.coef < 0)
		hi, lo := bits.Mul64(uabs(m.coef), uabs(num.coef))
		dk, h := uabs(den.coef), uint64(0)
		if st.k != 1 {
			h, dk = bits.Mul64(dk, st.k)
		}
		if h == 0 {
			if q, ok := divRound(hi, lo, st.t-m.scale-num.scale+den.scale, dk, neg, mode); ok {
				h, q = bits.Mul64(q, st.k)
				if h == 0 {
					if c, ok := toInt64(q, neg); ok {
						return Money{coef: c, scale: st.t, cur: m.cur}
					}
				}
			}
		}
	}
	return m.mulDivSlow(num, den, st, mode)
}

func (m Money) mulDivSlow(num, den Fixed, st step, mode RoundingMode) Money {
	n := m.bigCoef()
	n.Mul(n, big.NewInt(num.coef))
	kb := new(big.Int).SetUint64(st.k)
	d := new(big.Int).Mul(big.NewInt(den.coef), kb)
	q := bigDivRound(n, st.t-m.scale-num.scale+den.scale, d, mode)
	return m.withBig(q.Mul(q, kb), st.t)
}

var fixedOne = Fixed{coef: 1}

func (m Money) roundStep(st step, mode RoundingMode) Money {
	if m.wide == nil && m.scale == st.t && st.k == 1 {
		// Built field by field: copying m whole makes the compiler load
		// its spilled fields with wide moves that stall store forwarding.
		return Money{coef: m.coef, scale: m.scale, cur: m.cur}
	}
	return m.mulDiv(fixedOne, fixedOne, st, mode)
}

// Round rounds m to the currency's minor-unit digits (2 for EUR, 0 for JPY)
// with mode. It fails only on an invalid mode. It does not allocate for
// amounts with an int64 coefficient.
func (m Money) Round(mode RoundingMode) (Money, error) {
	if err := checkMode("Round", mode); err != nil {
		return Money{}, err
	}
	return m.roundStep(step{k: 1, t: int32(m.cur.digits())}, mode), nil
}

// RoundTo rounds m to digits fraction digits with mode. digits may be
// negative to round to tens (-1) or hundreds (-2); it must be in -18..18.
// The result has exactly max(digits, 0) fraction digits.
func (m Money) RoundTo(digits int, mode RoundingMode) (Money, error) {
	if err := checkMode("RoundTo", mode); err != nil {
		return Money{}, err
	}
	st, err := digitsStep("RoundTo", digits)
	if err != nil {
		return Money{}, err
	}
	return m.roundStep(st, mode), nil
}

// RoundCash rounds m to the currency's cash increment from CLDR with mode:
// 0.05 for CHF and CAD, 0.50 for DKK, whole units for SEK and NOK, and the
// minor unit where coins exist for it (EUR). Use it only for payment in
// cash; card and invoice amounts are rounded with Round.
func (m Money) RoundCash(mode RoundingMode) (Money, error) {
	if err := checkMode("RoundCash", mode); err != nil {
		return Money{}, err
	}
	if m.cur == 0 {
		return m, nil
	}
	return m.roundStep(m.cur.facts().cash, mode), nil
}

// CashIncrement returns the smallest cash amount of the currency (0.05 CHF,
// 0.50 DKK, 1 SEK, 0.01 EUR) as a Money.
func (m Money) CashIncrement() Money {
	if m.cur == 0 {
		return m
	}
	st := m.cur.facts().cash
	return Money{cur: m.cur, coef: int64(st.k), scale: st.t}
}

// MulRound returns m × f rounded to digits fraction digits (-18..18) with
// mode, in one step (the 128-bit product is never truncated before
// rounding). Use it for tax and discount amounts: MulRound(rate, 2,
// RoundHalfUp).
func (m Money) MulRound(f Fixed, digits int, mode RoundingMode) (Money, error) {
	if err := checkMode("MulRound", mode); err != nil {
		return Money{}, err
	}
	st, err := digitsStep("MulRound", digits)
	if err != nil {
		return Money{}, err
	}
	return m.mulDiv(f, fixedOne, st, mode), nil
}

// Div returns m ÷ f rounded to digits fraction digits (-18..18) with mode.
// It fails with ErrDivisionByZero when f is 0.
func (m Money) Div(f Fixed, digits int, mode RoundingMode) (Money, error) {
	return m.mulDivChecked("Div", fixedOne, f, digits, mode)
}

// MulDiv returns m × num ÷ den rounded once to digits fraction digits
// (-18..18) with mode. The tax contained in a gross price is
// gross.MulDiv(rate, 1+rate, 2, mode). It fails with ErrDivisionByZero when
// den is 0. It does not allocate in the common case.
func (m Money) MulDiv(num, den Fixed, digits int, mode RoundingMode) (Money, error) {
	return m.mulDivChecked("MulDiv", num, den, digits, mode)
}

// mulDivChecked is MulDiv with its arguments checked for the method op.
func (m Money) mulDivChecked(op string, num, den Fixed, digits int, mode RoundingMode) (Money, error) {
	if err := checkMode(op, mode); err != nil {
		return Money{}, err
	}
	if den.coef == 0 {
		return Money{}, newError(op, "divisor", den.String(), ErrDivisionByZero, "")
	}
	st, err := digitsStep(op, digits)
	if err != nil {
		return Money{}, err
	}
	return m.mulDiv(num, den, st, mode), nil
}
