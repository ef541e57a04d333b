package pricing

import (
	"math/big"
	"math/bits"
	"slices"

	"github.com/marketkit/marketkit/internal/enum"
	"github.com/shopspring/decimal"
)

// Unit selects what allocated parts are counted in.
type Unit uint8

const (
	// MinorUnit counts parts in the currency's minor unit (0.01 EUR, 1 JPY,
	// 0.001 BHD). It is the zero Unit.
	MinorUnit Unit = iota
	// CashUnit counts parts in the currency's cash increment (0.05 CHF,
	// 0.50 DKK, 1 SEK), for splitting a cash payment.
	CashUnit
)

var unitNames = enum.New("Unit", MinorUnit, "minor", "cash")

// String returns "minor" or "cash", or "Unit(N)" for an invalid value.
func (u Unit) String() string { return unitNames.String(u) }

// IsValid reports whether u is MinorUnit or CashUnit.
func (u Unit) IsValid() bool { return unitNames.IsValid(u) }

// ParseUnit parses "minor" or "cash"; anything else is an *Error wrapping
// ErrInvalid.
func ParseUnit(s string) (Unit, error) {
	u, ok := unitNames.Parse(s)
	if !ok {
		return 0, &Error{Op: "ParseUnit", Field: "unit", Value: s, Err: ErrInvalid, Reason: "want minor or cash"}
	}
	return u, nil
}

// AppendText implements encoding.TextAppender; an invalid Unit is an
// error.
func (u Unit) AppendText(b []byte) ([]byte, error) {
	out, ok := unitNames.AppendText(b, u)
	if !ok {
		return b, &Error{Op: "Unit.AppendText", Field: "unit", Value: u.String(), Err: ErrInvalid, Reason: "not a unit"}
	}
	return out, nil
}

// MarshalText implements encoding.TextMarshaler.
func (u Unit) MarshalText() ([]byte, error) { return u.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler with ParseUnit.
func (u *Unit) UnmarshalText(b []byte) error {
	v, err := ParseUnit(string(b))
	if err == nil {
		*u = v
	}
	return err
}

// Allocate splits m into parts proportional to ratios, in minor units, so
// that the parts sum exactly to m. See AppendAllocation for the rules.
func (m Money) Allocate(ratios ...int64) ([]Money, error) {
	fs := make([]Fixed, len(ratios))
	for i, r := range ratios {
		fs[i] = FixedFromInt(r)
	}
	return m.AppendAllocation(make([]Money, 0, len(ratios)), fs, MinorUnit)
}

// AllocateDecimal splits m into parts proportional to decimal ratios
// (e.g. 0.5, 0.3, 0.2), in minor units. Each ratio must fit a Fixed.
func (m Money) AllocateDecimal(ratios ...decimal.Decimal) ([]Money, error) {
	fs := make([]Fixed, len(ratios))
	for i, r := range ratios {
		f, ok := fixedFromDecimal(r)
		if !ok {
			return nil, newError("AllocateDecimal", "ratios["+itoa(int64(i))+"]", decString(r), ErrRange, "does not fit a Fixed (18 fraction digits, an int64 coefficient)")
		}
		fs[i] = f
	}
	return m.AppendAllocation(make([]Money, 0, len(ratios)), fs, MinorUnit)
}

// Split splits m into n parts that differ by at most one minor unit; the
// parts with the extra unit come first (10.00 EUR / 3 = 3.34, 3.33, 3.33;
// −10.00 EUR / 3 = −3.34, −3.33, −3.33). n must be in 1..2^20 (ErrRatio
// otherwise) and m a whole number of minor units (ErrNotRounded).
func (m Money) Split(n int) ([]Money, error) {
	return m.SplitIn(n, MinorUnit)
}

// SplitIn is Split counted in unit (MinorUnit or CashUnit): 10.00 CHF in
// three cash parts is 3.35, 3.35, 3.30.
func (m Money) SplitIn(n int, unit Unit) ([]Money, error) {
	if n <= 0 || n > 1<<20 {
		return nil, newError("Split", "n", itoa(int64(n)), ErrRatio, "want at least one part")
	}
	fs := make([]Fixed, n)
	for i := range fs {
		fs[i] = Fixed{coef: 1}
	}
	parts, err := m.AppendAllocation(make([]Money, 0, n), fs, unit)
	if e, ok := err.(*Error); ok && e.Op == "Allocate" {
		e.Op = "Split" // name the call the caller made; the error is ours and fresh
	}
	return parts, err
}

// AppendAllocation splits m into len(ratios) parts proportional to ratios,
// appends them to dst and returns the extended slice. It does not allocate
// when dst has room and there are at most 64 ratios.
//
// The rules:
//   - m must be a whole number of units: of minor units for MinorUnit, of
//     cash increments for CashUnit (ErrNotRounded otherwise; round first).
//   - Ratios must not be negative and must not all be zero (ErrRatio).
//   - Each part first gets floor(|m| × ratio / Σratios) units. The units
//     left over (fewer than the number of parts) go one each to the parts
//     with the largest remainders; among equal remainders the earlier part
//     wins (the tie break, and the only way the order of ratios matters).
//     A part with ratio 0 gets 0.
//   - A negative m is split as |m| and every part negated, so the parts of
//     −x are the negatives of the parts of x.
//
// The parts always sum exactly to m, and every part differs from its exact
// share by less than one unit.
func (m Money) AppendAllocation(dst []Money, ratios []Fixed, unit Unit) ([]Money, error) {
	const op = "Allocate"
	if len(ratios) == 0 {
		return dst, newError(op, "ratios", "[]", ErrRatio, "no ratios")
	}
	if !unit.IsValid() {
		return dst, newError(op, "unit", itoa(int64(unit)), ErrInvalid, "not a Unit")
	}
	minor, ok := m.Minor()
	if !ok {
		if m.wide == nil && m.scale > int32(m.cur.digits()) {
			return dst, newError(op, "amount", m.String(), ErrNotRounded, "more digits than the currency's: round it first")
		}
		return dst, newError(op, "amount", m.String(), ErrRange, "beyond an int64 count of minor units")
	}
	stepMinor := int64(1)
	if unit == CashUnit && m.cur != 0 {
		st := m.cur.facts().cash
		stepMinor = int64(st.k * pow10[int32(m.cur.digits())-st.t])
		if minor%stepMinor != 0 {
			return dst, newError(op, "amount", m.String(), ErrNotRounded, "not a multiple of the cash increment: round it with RoundCash first")
		}
	}
	// Scale the ratios to one common scale.
	var maxS int32
	for _, r := range ratios {
		maxS = max(maxS, r.scale)
	}
	var wbuf [64]uint64
	w := scratch(wbuf[:], len(ratios))
	var sum uint64
	for i, r := range ratios {
		if r.coef < 0 {
			return dst, newError(op, "ratios["+itoa(int64(i))+"]", r.String(), ErrRatio, "must not be negative")
		}
		c, ok := mulPow10(r.coef, maxS-r.scale)
		var carry uint64
		if ok {
			sum, carry = bits.Add64(sum, uint64(c), 0)
		}
		if !ok || carry != 0 {
			return dst, newError(op, "ratios["+itoa(int64(i))+"]", r.String(), ErrRange, "too large: the ratios' sum must fit an int64")
		}
		w[i] = uint64(c)
	}
	if sum == 0 {
		return dst, newError(op, "ratios", "all zero", ErrRatio, "at least one ratio must be positive")
	}
	n0 := len(dst)
	dst = slices.Grow(dst, len(ratios))[:n0+len(ratios)]
	parts := dst[n0:]
	neg := minor < 0
	whole := uabs(minor) / uint64(stepMinor)
	var ubuf [64]uint64
	units := scratch(ubuf[:], len(w))
	allocUnits(units, whole, w, sum)
	for i, u := range units {
		// u × stepMinor ≤ |minor| ≤ 2^63: only a whole of −2^63 units
		// given to one part does not fit the fast path.
		c, ok := toInt64(u*uint64(stepMinor), neg)
		if !ok {
			parts[i] = m.withBig(big.NewInt(minor), int32(m.cur.digits()))
			continue
		}
		parts[i] = Money{cur: m.cur, coef: c, scale: int32(m.cur.digits())}
	}
	return dst, nil
}

// allocUnits splits whole into len(w) parts proportional to the weights w
// (sum = Σw > 0) by largest remainder, earlier index first on ties. It
// overwrites w with the remainders.
func allocUnits(parts []uint64, whole uint64, w []uint64, sum uint64) {
	var given uint64
	nonzero := 0
	for i, wi := range w {
		hi, lo := bits.Mul64(whole, wi)
		q, r := bits.Div64(hi, lo, sum) // q ≤ whole, so hi < sum
		parts[i] = q
		w[i] = r
		given += q
		if r != 0 {
			nonzero++
		}
	}
	left := whole - given // < nonzero ≤ len(w)
	if left == 0 {
		return
	}
	if len(w) <= 64 {
		for ; left > 0; left-- {
			best := -1
			for i, r := range w {
				if r != 0 && (best < 0 || r > w[best]) {
					best = i
				}
			}
			parts[best]++
			w[best] = 0
		}
		return
	}
	idx := make([]int, 0, nonzero)
	for i, r := range w {
		if r != 0 {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case w[a] > w[b]:
			return -1
		case w[a] < w[b]:
			return 1
		}
		return 0
	})
	for _, i := range idx[:left] {
		parts[i]++
	}
}
