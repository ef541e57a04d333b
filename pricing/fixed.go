package pricing

import (
	"cmp"
	"math/big"

	"github.com/shopspring/decimal"
)

// Fixed is an exact decimal number with an int64 coefficient and 0 to 18
// fraction digits: a rate (0.19), a percentage (12.5), a quantity or a
// ratio. Converting a decimal.Decimal to a Fixed once lets hot loops
// multiply and divide Money without allocating.
//
// The zero Fixed is 0. Fixed is a small comparable value, but == compares
// representations (0.5 and 0.50 differ); use Cmp or Equal for numbers.
type Fixed struct {
	coef  int64
	scale int32
}

// NewFixed returns coef × 10^-scale, e.g. NewFixed(19, 2) is 0.19. The scale
// must be in 0..18 and coef must not be math.MinInt64.
func NewFixed(coef int64, scale int) (Fixed, error) {
	if scale < 0 || scale > maxFixedScale {
		return Fixed{}, newError("NewFixed", "scale", itoa(int64(scale)), ErrRange, "outside 0..18")
	}
	if _, ok := toInt64(uabs(coef), coef < 0); !ok {
		return Fixed{}, newError("NewFixed", "coef", itoa(coef), ErrRange, "math.MinInt64 is not a coefficient")
	}
	return Fixed{coef: coef, scale: int32(scale)}, nil
}

// FixedFromInt returns n as a Fixed; math.MinInt64 is clamped to
// -math.MaxInt64.
func FixedFromInt(n int64) Fixed {
	if n == -n && n != 0 {
		n++
	}
	return Fixed{coef: n}
}

// ParseFixed parses a plain decimal number such as "0.19", "-12.5" or "100":
// an optional sign, digits, and optionally a point followed by digits. It
// rejects exponents, spaces and group separators, and numbers that do not
// fit (more than 18 fraction digits or a coefficient beyond int64).
func ParseFixed(s string) (Fixed, error) {
	return parseFixed("ParseFixed", "number", s)
}

func parseFixed(op, field, s string) (Fixed, error) {
	coef, scale, wide, err := parseDecimal(s)
	if err != nil {
		return Fixed{}, newError(op, field, s, err, decimalReason(err))
	}
	if wide != nil || scale > maxFixedScale {
		return Fixed{}, newError(op, field, s, ErrRange, "more than 18 fraction digits or beyond an int64 coefficient")
	}
	return Fixed{coef: coef, scale: scale}, nil
}

// MustParseFixed is like ParseFixed but panics on error. It is meant for
// literals in tests and package-level variables only.
func MustParseFixed(s string) Fixed {
	f, err := ParseFixed(s)
	if err != nil {
		panic(err)
	}
	return f
}

// FixedFromDecimal converts d exactly. It fails with ErrRange when d needs
// more than 18 fraction digits or its coefficient does not fit in an int64.
// It does not allocate when d's coefficient has at most 18 digits.
func FixedFromDecimal(d decimal.Decimal) (Fixed, error) {
	f, ok := fixedFromDecimal(d)
	if !ok {
		return Fixed{}, newError("FixedFromDecimal", "decimal", decString(d), ErrRange, "more than 18 fraction digits or beyond an int64 coefficient")
	}
	return f, nil
}

func fixedFromDecimal(d decimal.Decimal) (Fixed, bool) {
	if e := int(d.Exponent()); e > 0 && e+d.NumDigits() > 19 && d.Sign() != 0 {
		// At least 10^19 in magnitude: it cannot fit, and 10^e must not
		// be computed for a hostile exponent.
		return Fixed{}, false
	}
	if d.NumDigits() > 18 {
		// Could still fit after trimming; take the exact route.
		c, s, ok := fromBigCoef(d.Coefficient(), -d.Exponent())
		if !ok || s > maxFixedScale {
			return Fixed{}, false
		}
		return Fixed{coef: c, scale: s}, true
	}
	c, e := d.CoefficientInt64(), d.Exponent()
	if e > 0 {
		var ok bool
		if c, ok = mulPow10(c, e); !ok {
			return Fixed{}, false
		}
		e = 0
	}
	for -e > maxFixedScale && c%10 == 0 && c != 0 {
		c /= 10
		e++
	}
	if c == 0 {
		return Fixed{}, true
	}
	if -e > maxFixedScale {
		return Fixed{}, false
	}
	return Fixed{coef: c, scale: -e}, true
}

// fromBigCoef reduces c × 10^-scale to an int64 coefficient, dropping
// trailing zeros if needed; it reports whether it fits.
func fromBigCoef(c *big.Int, scale int32) (int64, int32, bool) {
	c = new(big.Int).Set(c)
	if scale < 0 {
		c.Mul(c, bigPow10(-scale))
		scale = 0
	}
	r := new(big.Int)
	q := new(big.Int)
	for !c.IsInt64() && scale > 0 {
		q.QuoRem(c, bigTen, r)
		if r.Sign() != 0 {
			break
		}
		c.Set(q)
		scale--
	}
	if !c.IsInt64() {
		return 0, 0, false
	}
	v, ok := toInt64(uabs(c.Int64()), c.Sign() < 0)
	return v, scale, ok
}

// Decimal returns f as a decimal.Decimal (this allocates).
func (f Fixed) Decimal() decimal.Decimal { return decimal.New(f.coef, -f.scale) }

// String returns f in plain notation with its scale, e.g. "0.19".
func (f Fixed) String() string { return string(appendCoef(nil, f.coef, f.scale)) }

// Coefficient returns the coefficient and scale: f = coef × 10^-scale.
func (f Fixed) Coefficient() (coef int64, scale int) { return f.coef, int(f.scale) }

// Sign returns -1, 0 or +1.
func (f Fixed) Sign() int {
	switch {
	case f.coef < 0:
		return -1
	case f.coef > 0:
		return 1
	}
	return 0
}

// IsZero reports whether f is 0.
func (f Fixed) IsZero() bool { return f.coef == 0 }

// Cmp compares f and g numerically and returns -1, 0 or +1.
func (f Fixed) Cmp(g Fixed) int {
	if a, b, _, ok := align(f.coef, f.scale, g.coef, g.scale); ok {
		return cmp.Compare(a, b)
	}
	a, b, _ := alignBig(big.NewInt(f.coef), f.scale, big.NewInt(g.coef), g.scale)
	return a.Cmp(b)
}

// Equal reports whether f and g are numerically equal.
func (f Fixed) Equal(g Fixed) bool { return f.Cmp(g) == 0 }

// Add returns f + g, or ErrRange when the result does not fit a Fixed.
func (f Fixed) Add(g Fixed) (Fixed, error) {
	a, b, s, ok := align(f.coef, f.scale, g.coef, g.scale)
	if ok {
		if c, ok := add64(a, b); ok {
			return Fixed{coef: c, scale: s}, nil
		}
	}
	return Fixed{}, newError("Fixed.Add", "sum", f.String()+" + "+g.String(), ErrRange, "the sum does not fit a Fixed")
}

// Sub returns f − g, or ErrRange when the result does not fit a Fixed.
func (f Fixed) Sub(g Fixed) (Fixed, error) {
	return f.Add(Fixed{coef: -g.coef, scale: g.scale})
}

// Mul returns f × g, or ErrRange when the result does not fit a Fixed.
func (f Fixed) Mul(g Fixed) (Fixed, error) {
	c, ok := mul64(f.coef, g.coef)
	s := f.scale + g.scale
	for ok && s > maxFixedScale && c%10 == 0 {
		c /= 10
		s--
	}
	if !ok || s > maxFixedScale {
		return Fixed{}, newError("Fixed.Mul", "product", f.String()+" × "+g.String(), ErrRange, "the product does not fit a Fixed")
	}
	return Fixed{coef: c, scale: s}, nil
}

// MarshalText implements encoding.TextMarshaler ("0.19").
func (f Fixed) MarshalText() ([]byte, error) { return appendCoef(nil, f.coef, f.scale), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseFixed's syntax.
func (f *Fixed) UnmarshalText(b []byte) error {
	v, err := parseFixed("Fixed.UnmarshalText", "number", string(b))
	if err != nil {
		return err
	}
	*f = v
	return nil
}
