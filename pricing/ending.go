package pricing

import "errors"

// Ending is one band of an EndingRule: prices below Below (or every price,
// when Below is zero, which only the last band may be) move to the price
// grid k × Step + End in the direction Round.
//
// Round is read on that grid: RoundUp is the grid price at or above the
// price, RoundDown the one at or below, and the half modes the nearest
// one; a positive price never goes to zero or below (it takes the first
// positive grid price instead). A band without "round" rounds half-even,
// the zero RoundingMode. See EndingRule.Apply for band boundaries.
type Ending struct {
	Below Fixed        `json:"below"`
	Step  Fixed        `json:"step"`
	End   Fixed        `json:"end"`
	Round RoundingMode `json:"round"`
}

// EndingRule is a price-ending rule: charm prices (.99, .95, .90), whole
// units, the nearest 10 or 100, or price bands mixing them. Rules are data
// (they unmarshal from JSON) and are validated when a Converter or a price
// list fallback is built; Validate checks one on its own. The zero
// EndingRule leaves prices unchanged.
//
// Examples, in JSON:
//
//	{"bands":[{"step":"1","end":"0.99","round":"up"}]}                  up to .99
//	{"bands":[{"step":"100","end":"0","round":"half-up"}]}              nearest 100 (JPY, HUF, KRW)
//	{"bands":[{"below":"10","step":"1","end":"0.99","round":"up"},
//	          {"below":"100","step":"1","end":"0.90","round":"up"},
//	          {"step":"1","end":"0","round":"up"}]}                    price bands
type EndingRule struct {
	Bands []Ending `json:"bands"`
}

// CharmEnding returns the rule "round up to the next price ending in end"
// (end is 0.99, 0.95, 0.90, or 0 for a whole unit).
func CharmEnding(end Fixed) EndingRule {
	return EndingRule{Bands: []Ending{{Step: Fixed{coef: 1}, End: end, Round: RoundUp}}}
}

// NearestEnding returns the rule "round to the nearest multiple of step"
// (10 or 100 for JPY, HUF, KRW), ties up.
func NearestEnding(step Fixed) EndingRule {
	return EndingRule{Bands: []Ending{{Step: step, Round: RoundHalfUp}}}
}

// Validate checks the rule for a currency with the given minor-unit
// digits: every Step positive, 0 ≤ End < Step, End and Step with at most
// digits fraction digits, a valid Round, Below strictly increasing, and
// only the last band unbounded. All problems are reported together.
func (r EndingRule) Validate(digits int) error { return r.validate("EndingRule.Validate", digits) }

func (r EndingRule) validate(op string, digits int) error {
	var errs []error
	for i, b := range r.Bands {
		f := "bands[" + itoa(int64(i)) + "]"
		if b.Step.Sign() <= 0 {
			errs = append(errs, newError(op, f+".step", b.Step.String(), ErrInvalid, "must be positive"))
		} else if b.Step.scale > int32(digits) && !fitsDigits(b.Step, digits) {
			errs = append(errs, newError(op, f+".step", b.Step.String(), ErrNotRounded, "more fraction digits than the currency's "+itoa(int64(digits))))
		}
		if b.End.Sign() < 0 || (b.Step.Sign() > 0 && b.End.Cmp(b.Step) >= 0) {
			errs = append(errs, newError(op, f+".end", b.End.String(), ErrInvalid, "must be at least 0 and below step"))
		} else if !fitsDigits(b.End, digits) {
			errs = append(errs, newError(op, f+".end", b.End.String(), ErrNotRounded, "more fraction digits than the currency's "+itoa(int64(digits))))
		}
		if !b.Round.IsValid() {
			errs = append(errs, newError(op, f+".round", b.Round.String(), ErrRoundingMode, "not a rounding mode"))
		}
		last := i == len(r.Bands)-1
		switch {
		case last && !b.Below.IsZero():
			errs = append(errs, newError(op, f+".below", b.Below.String(), ErrInvalid, "the last band must be unbounded (below 0)"))
		case !last && b.Below.Sign() <= 0:
			errs = append(errs, newError(op, f+".below", b.Below.String(), ErrInvalid, "only the last band may be unbounded"))
		case !last && i > 0 && b.Below.Cmp(r.Bands[i-1].Below) <= 0:
			errs = append(errs, newError(op, f+".below", b.Below.String(), ErrInvalid, "must be above the previous band's"))
		}
	}
	return errors.Join(errs...)
}

// fitsDigits reports whether f has at most digits significant fraction
// digits.
func fitsDigits(f Fixed, digits int) bool {
	c, s := f.coef, int(f.scale)
	for s > digits && c%10 == 0 {
		c /= 10
		s--
	}
	return s <= digits
}

// Apply returns m moved to the rule's price grid. Zero and negative
// amounts are returned unchanged, as is everything under the zero rule.
// A positive amount never becomes zero: where the grid price would be 0
// (rounding 0.40 down or to the nearest whole unit, 40 JPY to the
// nearest 100), the first positive grid price is used instead. A band
// never lifts a price past its Below into the next band: when the grid
// price would reach Below, the result is the next band's price for Below
// itself (with bands .99 below 10 and .90 below 100, 9.995 becomes 10.90
// like 10.00 does, not 10.99), so with bands that round up a higher price
// never ends lower.
// Apply assumes a validated rule; an invalid band is an error, never a
// panic. It does not allocate for amounts in whole minor units and rules
// of at most 8 bands.
func (r EndingRule) Apply(m Money) (Money, error) {
	if len(r.Bands) == 0 || m.Sign() <= 0 {
		return m, nil
	}
	if p, ok := m.Minor(); ok {
		var buf [8]minorBand
		if bands, ok := r.compileInto(buf[:0], m.cur.digits()); ok {
			if v, ok := applyBands(p, bands); ok {
				return Money{cur: m.cur, coef: v, scale: int32(m.cur.digits())}, nil
			}
		}
	}
	return r.applySlow(m)
}

// toMinor returns f in minor units of a currency with digits digits.
func toMinor(f Fixed, digits int16) (int64, bool) {
	d := int32(digits) - f.scale
	if d >= 0 {
		return mulPow10(f.coef, d)
	}
	if -d > 18 {
		return 0, f.coef == 0
	}
	p := int64(pow10[-d])
	if f.coef%p != 0 {
		return 0, false
	}
	return f.coef / p, true
}

// minorBand is an Ending in minor units of one currency (below -1: none).
type minorBand struct {
	below, step, end int64
	mode             RoundingMode // RoundUp and RoundDown as ceiling and floor
}

// gridMode is the mode of a band read on its price grid: up and down are
// towards +∞ and −∞ there (the grid prices are positive).
func gridMode(mode RoundingMode) RoundingMode {
	switch mode {
	case RoundUp:
		return RoundCeiling
	case RoundDown:
		return RoundFloor
	}
	return mode
}

// compile converts a validated rule to minor units of a currency with the
// given digits; it reports false if a value does not fit.
func (r EndingRule) compile(digits int16) ([]minorBand, bool) {
	return r.compileInto(make([]minorBand, 0, len(r.Bands)), digits)
}

// compileInto is compile appending to dst.
func (r EndingRule) compileInto(dst []minorBand, digits int16) ([]minorBand, bool) {
	for _, b := range r.Bands {
		below, ok1 := toMinor(b.Below, digits)
		st, ok2 := toMinor(b.Step, digits)
		end, ok3 := toMinor(b.End, digits)
		if !ok1 || !ok2 || !ok3 || st <= 0 || end < 0 || !b.Round.IsValid() {
			return nil, false
		}
		if b.Below.IsZero() {
			below = -1
		}
		dst = append(dst, minorBand{below: below, step: st, end: end, mode: gridMode(b.Round)})
	}
	return dst, len(dst) > 0
}

// applyBands is Apply on a positive amount p in minor units and compiled
// bands. It reports false when a value does not fit.
func applyBands(p int64, bands []minorBand) (int64, bool) {
	i := len(bands) - 1
	for j := range bands {
		if bands[j].below < 0 || p < bands[j].below {
			i = j
			break
		}
	}
	for {
		b := &bands[i]
		var k int64
		if x := p - b.end; x > 0 {
			q, rem := uint64(x)/uint64(b.step), uint64(x)%uint64(b.step)
			if roundInc(q, rem, uint64(b.step), false, b.mode) {
				q++
			}
			k = int64(q)
		}
		v, ok := mul64(k, b.step)
		if ok {
			v, ok = add64(v, b.end)
		}
		if ok && v == 0 {
			v = b.step // the first positive grid price (end is 0 here)
		}
		if !ok || b.below < 0 || v < b.below || i == len(bands)-1 {
			return v, ok
		}
		// The grid lifted the price into the next band: price the
		// boundary there instead.
		p, i = b.below, i+1
	}
}

func (r EndingRule) applySlow(m Money) (Money, error) {
	i := len(r.Bands) - 1
	for j := range r.Bands {
		x := &r.Bands[j]
		if x.Below.IsZero() {
			i = j
			break
		}
		if lt, _ := m.Cmp(Money{cur: m.cur, coef: x.Below.coef, scale: x.Below.scale}); lt < 0 {
			i = j
			break
		}
	}
	for {
		b := &r.Bands[i]
		mode := gridMode(b.Round)
		if !mode.IsValid() || b.Step.Sign() <= 0 {
			return Money{}, newError("EndingRule.Apply", "bands["+itoa(int64(i))+"]", b.Step.String(), ErrInvalid, "invalid band: check the rule with Validate")
		}
		end := Money{cur: m.cur, coef: b.End.coef, scale: b.End.scale}
		diff, err := m.Sub(end)
		if err != nil {
			return Money{}, err
		}
		k, err := diff.Div(b.Step, 0, mode)
		if err != nil {
			return Money{}, err
		}
		if k.Sign() < 0 {
			k = Money{cur: m.cur}
		}
		res, err := k.Mul(b.Step).Add(end)
		if err != nil {
			return Money{}, err
		}
		if res.IsZero() {
			res = Money{cur: m.cur, coef: b.Step.coef, scale: b.Step.scale}
		}
		res = res.roundStep(step{k: 1, t: int32(m.cur.digits())}, RoundHalfUp)
		below := Money{cur: m.cur, coef: b.Below.coef, scale: b.Below.scale}
		if b.Below.IsZero() || i == len(r.Bands)-1 || res.cmp(below) < 0 {
			return res, nil
		}
		m, i = below, i+1
	}
}
