package pricing

import (
	"math/big"
	"math/bits"

	"github.com/marketkit/marketkit/locale"
)

// RoundingMode names how a value is rounded to a given number of digits or
// to a cash increment. The zero RoundingMode is invalid: every rounding
// point must state its mode.
type RoundingMode uint8

// The rounding modes. "Up" and "down" are away from and towards zero;
// "ceiling" and "floor" are towards +∞ and −∞. The half modes decide ties
// only: half-up is "commercial rounding" (0.285 → 0.29, −0.285 → −0.29).
const (
	RoundHalfUp   RoundingMode = iota + 1 // ties away from zero
	RoundHalfEven                         // ties to the even neighbour (banker's rounding)
	RoundHalfDown                         // ties towards zero
	RoundUp                               // away from zero
	RoundDown                             // towards zero (truncation)
	RoundCeiling                          // towards +∞
	RoundFloor                            // towards −∞
)

var modeNames = [...]string{"", "half-up", "half-even", "half-down", "up", "down", "ceiling", "floor"}

// String returns the mode's name as used in text and JSON: "half-up",
// "half-even", "half-down", "up", "down", "ceiling" or "floor".
func (r RoundingMode) String() string {
	if r.valid() {
		return modeNames[r]
	}
	return "RoundingMode(" + itoa(int64(r)) + ")"
}

func (r RoundingMode) valid() bool { return r >= RoundHalfUp && r <= RoundFloor }

// ParseRoundingMode parses a mode name as returned by String.
func ParseRoundingMode(s string) (RoundingMode, error) {
	for i, n := range modeNames {
		if i > 0 && n == s {
			return RoundingMode(i), nil
		}
	}
	return 0, newError("ParseRoundingMode", "mode", s, ErrRoundingMode)
}

// MarshalText implements encoding.TextMarshaler; the zero mode is an error.
func (r RoundingMode) MarshalText() ([]byte, error) {
	if !r.valid() {
		return nil, newError("RoundingMode.MarshalText", "mode", r.String(), ErrRoundingMode)
	}
	return []byte(modeNames[r]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *RoundingMode) UnmarshalText(b []byte) error {
	v, err := ParseRoundingMode(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// step is a rounding quantum k × 10^-t (k ≥ 1, t ≥ 0).
type step struct {
	k uint64
	t int32
}

func digitsStep(op string, digits int) (step, error) {
	if digits < -maxFixedScale || digits > maxFixedScale {
		return step{}, newError(op, "digits", itoa(int64(digits)), ErrRange)
	}
	if digits < 0 {
		return step{k: pow10[-digits]}, nil
	}
	return step{k: 1, t: int32(digits)}, nil
}

func checkMode(op string, mode RoundingMode) error {
	if !mode.valid() {
		return newError(op, "mode", mode.String(), ErrRoundingMode)
	}
	return nil
}

// quo returns m's currency with the amount
//
//	round((nhi·2^64+nlo) × 10^-ns / (d × 10^-ds)) to a multiple of st
//
// with the sign neg; numBig/denBig give the same operands for the exact
// fallback (built only when the fast path fails).
func (m Money) quo(nhi, nlo uint64, ns int32, d uint64, ds int32, neg bool, st step, mode RoundingMode, slow func() (*big.Int, *big.Int)) Money {
	// q = round(n × 10^(t − ns + ds) / (d × k)) and the result is q × k at scale t.
	dk, ok := d, true
	if st.k != 1 {
		var h uint64
		h, dk = bits.Mul64(d, st.k)
		ok = h == 0
	}
	if ok && m.wide == nil {
		if q, ok := divRound(nhi, nlo, st.t-ns+ds, dk, neg, mode); ok {
			hi, lo := bits.Mul64(q, st.k)
			if hi == 0 {
				if c, ok := toInt64(lo, neg); ok {
					m.coef, m.wide, m.scale = c, nil, st.t
					return m
				}
			}
		}
	}
	n, den := slow()
	kb := new(big.Int).SetUint64(st.k)
	q := bigDivRound(n, st.t-ns+ds, den.Mul(den, kb), mode)
	return m.withBig(q.Mul(q, kb), st.t)
}

func (m Money) roundStep(st step, mode RoundingMode) Money {
	if m.wide == nil && m.scale == st.t && st.k == 1 {
		return m
	}
	return m.quo(0, uabs(m.coef), m.scale, 1, 0, m.coef < 0, st, mode, func() (*big.Int, *big.Int) {
		return m.bigCoef(), big.NewInt(1)
	})
}

// Round rounds m to the currency's minor-unit digits (2 for EUR, 0 for JPY)
// with mode. It fails only on an invalid mode. It does not allocate for
// amounts with an int64 coefficient.
func (m Money) Round(mode RoundingMode) (Money, error) {
	if err := checkMode("Round", mode); err != nil {
		return Money{}, err
	}
	return m.roundStep(step{k: 1, t: int32(m.digits)}, mode), nil
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
	return m.roundStep(cashStep(m.code()), mode), nil
}

// CashIncrement returns the smallest cash amount of the currency (0.05 CHF,
// 0.50 DKK, 1 SEK, 0.01 EUR) as a Money.
func (m Money) CashIncrement() Money {
	if m.cur == 0 {
		return m
	}
	st := cashStep(m.code())
	return Money{cur: m.cur, digits: m.digits, coef: int64(st.k), scale: st.t}
}

func cashStep(code string) step {
	c, _ := locale.CurrencyInfo(code)
	k := uint64(c.CashIncrement)
	if k == 0 {
		k = 1
	}
	return step{k: k, t: int32(c.CashDigits)}
}

// MulRound returns m × f rounded to digits fraction digits with mode, in
// one step (the 128-bit product is never truncated before rounding). Use it
// for tax and discount amounts: MulRound(rate, 2, RoundHalfUp).
func (m Money) MulRound(f Fixed, digits int, mode RoundingMode) (Money, error) {
	if err := checkMode("MulRound", mode); err != nil {
		return Money{}, err
	}
	st, err := digitsStep("MulRound", digits)
	if err != nil {
		return Money{}, err
	}
	hi, lo := bits.Mul64(uabs(m.coef), uabs(f.coef))
	if m.wide != nil {
		hi, lo = 0, 0
	}
	neg := (m.Sign() < 0) != (f.coef < 0)
	return m.quo(hi, lo, m.scale+f.scale, 1, 0, neg, st, mode, func() (*big.Int, *big.Int) {
		return new(big.Int).Mul(m.bigCoef(), big.NewInt(f.coef)), big.NewInt(1)
	}), nil
}

// Div returns m ÷ f rounded to digits fraction digits (-18..18) with mode.
// It fails with ErrDivisionByZero when f is 0.
func (m Money) Div(f Fixed, digits int, mode RoundingMode) (Money, error) {
	return m.MulDiv(Fixed{coef: 1}, f, digits, mode)
}

// MulDiv returns m × num ÷ den rounded once to digits fraction digits
// (-18..18) with mode. The tax contained in a gross price is
// gross.MulDiv(rate, 1+rate, 2, mode). It fails with ErrDivisionByZero when
// den is 0. It does not allocate in the common case.
func (m Money) MulDiv(num, den Fixed, digits int, mode RoundingMode) (Money, error) {
	if err := checkMode("MulDiv", mode); err != nil {
		return Money{}, err
	}
	if den.coef == 0 {
		return Money{}, newError("MulDiv", "divisor", den.String(), ErrDivisionByZero)
	}
	st, err := digitsStep("MulDiv", digits)
	if err != nil {
		return Money{}, err
	}
	hi, lo := bits.Mul64(uabs(m.coef), uabs(num.coef))
	if m.wide != nil {
		hi, lo = 0, 0
	}
	neg := (m.Sign() < 0) != (num.coef < 0) != (den.coef < 0)
	if m.Sign() == 0 || num.coef == 0 {
		neg = false
	}
	return m.quo(hi, lo, m.scale+num.scale, uabs(den.coef), den.scale, neg, st, mode, func() (*big.Int, *big.Int) {
		return new(big.Int).Mul(m.bigCoef(), big.NewInt(num.coef)), big.NewInt(den.coef)
	}), nil
}
