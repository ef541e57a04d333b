package pricing

import (
	"strconv"

	"github.com/marketkit/marketkit/locale"
	"github.com/shopspring/decimal"
)

// Percent units: a Percent holds the rate in units of 0.0001 %, so 19 % is
// 190000, 9.975 % is 99750, and the rate as a fraction of one is
// units / 1 000 000.
const (
	percentScale    = 10_000             // units in one percent
	percentDecimals = 4                  // fraction digits of a percentage
	percentOne      = 100 * percentScale // 100 %: the fraction 1
	maxPercentText  = 32                 // longest text ParsePercent reads
	percentUnitsStr = "0.0001%"          // the smallest step, for messages
	percentRangeMsg = "above 100%"       // the reason for values above 100 %
	percentSyntax   = "want a percentage like 19, 8.1, 9.975 or 19%"
	percentTooFine  = "more than four decimals (the smallest step is " + percentUnitsStr + ")"
)

// Percent is an exact percentage from 0 % to 100 % with up to four decimals
// (19 %, 8.1 %, 9.975 %, 12.5 %): a discount or a tax rate. It never holds
// a float, and it is a type of its own so that a fraction (0.1) cannot be
// passed where a percentage (10) is meant, or the other way round: make one
// with [ParsePercent] ("10" or "10%" is 10 %) or [PercentFromFraction]
// (0.1 is 10 %), and read it with [Percent.Fraction] (0.1) for arithmetic.
//
// The zero Percent is 0 %. Percent is a small comparable value with one
// representation per percentage, so == compares percentages; Compare
// orders them (slices.SortFunc(ps, pricing.Percent.Compare)).
//
// Its text form is the shortest exact decimal followed by "%" ("19%",
// "8.1%", "0%"), in String, MarshalText and AppendText (and so in JSON,
// as a string); UnmarshalText reads it back and also accepts the number
// without "%".
type Percent struct {
	v int32 // units of 0.0001 %, 0 ≤ v ≤ percentOne
}

// ParsePercent parses a percentage: digits, optionally a point and up to
// four decimals, optionally followed by "%": "19", "8.1", "9.975", "0%",
// "12.5%". It rejects signs, spaces, exponents, more than four decimals
// (trailing zeros excepted: "7.50000" is 7.5 %), values above 100 and
// input longer than 32 bytes, with an *Error naming the field "percent"
// (ErrSyntax or ErrRange). It does not allocate on success.
func ParsePercent(s string) (Percent, error) {
	return parsePercent("ParsePercent", s)
}

func parsePercent(op, s string) (Percent, error) {
	if len(s) > maxPercentText {
		return Percent{}, newError(op, "percent", s, ErrRange, "longer than "+strconv.Itoa(maxPercentText)+" bytes")
	}
	t := s
	if len(t) > 0 && t[len(t)-1] == '%' {
		t = t[:len(t)-1]
	}
	if t == "" {
		return Percent{}, newError(op, "percent", s, ErrSyntax, percentSyntax)
	}
	var v int64
	frac := -1 // fraction digits seen; -1 before the point
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c == '.' && frac < 0 && i > 0 && i < len(t)-1:
			frac = 0
		case c >= '0' && c <= '9':
			if frac >= 0 {
				frac++
				if frac > percentDecimals {
					if c != '0' {
						return Percent{}, newError(op, "percent", s, ErrRange, percentTooFine)
					}
					continue // a trailing zero beyond four decimals changes nothing
				}
			}
			v = v*10 + int64(c-'0')
			if v > percentOne*percentScale { // far above 100 %: stop before overflowing
				return Percent{}, newError(op, "percent", s, ErrRange, percentRangeMsg)
			}
		default:
			return Percent{}, newError(op, "percent", s, ErrSyntax, percentSyntax)
		}
	}
	for frac = max(frac, 0); frac < percentDecimals; frac++ {
		v *= 10
	}
	if v > percentOne {
		return Percent{}, newError(op, "percent", s, ErrRange, percentRangeMsg)
	}
	return Percent{v: int32(v)}, nil
}

// MustParsePercent is like ParsePercent but panics on error. It is meant
// for literals in tests and package-level variables only.
func MustParsePercent(s string) Percent {
	p, err := ParsePercent(s)
	if err != nil {
		panic(err)
	}
	return p
}

// NewPercent returns the percentage coef × 10^-scale %: NewPercent(19, 0)
// is 19 %, NewPercent(81, 1) is 8.1 %, NewPercent(9975, 3) is 9.975 %. The
// result must be in 0..100 % with at most four decimals, and scale in
// 0..18; otherwise it is an *Error (ErrRange) naming the field "percent".
func NewPercent(coef int64, scale int) (Percent, error) {
	const op = "NewPercent"
	if scale < 0 || scale > maxFixedScale {
		return Percent{}, newError(op, "scale", itoa(int64(scale)), ErrRange, "outside 0..18")
	}
	text := string(appendCoef(nil, coef, int32(scale)))
	if coef < 0 {
		return Percent{}, newError(op, "percent", text, ErrRange, "negative")
	}
	for scale > percentDecimals {
		if coef%10 != 0 {
			return Percent{}, newError(op, "percent", text, ErrRange, percentTooFine)
		}
		coef /= 10
		scale--
	}
	if coef > percentOne { // above 100 % at any scale ≤ 4
		return Percent{}, newError(op, "percent", text, ErrRange, percentRangeMsg)
	}
	v := coef * int64(pow10[percentDecimals-scale])
	if v > percentOne {
		return Percent{}, newError(op, "percent", text, ErrRange, percentRangeMsg)
	}
	return Percent{v: int32(v)}, nil
}

// PercentFromFraction returns the percentage of the fraction f: 0.19 is
// 19 %, 0.081 is 8.1 %, 1 is 100 %. f must be in 0..1 and a multiple of
// 0.000001 (four decimals of a percentage); otherwise the result is an
// *Error (ErrRange) naming the field "fraction".
func PercentFromFraction(f Fixed) (Percent, error) {
	const op = "PercentFromFraction"
	if f.coef < 0 || f.Cmp(fixedOne) > 0 {
		return Percent{}, newError(op, "fraction", f.String(), ErrRange, "outside 0..1")
	}
	// units = f × 10^6 = coef × 10^(6-scale)
	c, s := f.coef, f.scale
	for s > 6 {
		if c%10 != 0 {
			return Percent{}, newError(op, "fraction", f.String(), ErrRange, percentTooFine)
		}
		c /= 10
		s--
	}
	c *= int64(pow10[6-s]) // ≤ 10^6 since f ≤ 1
	return Percent{v: int32(c)}, nil
}

// Fraction returns the rate as an exact fraction of one, with no trailing
// zeros: 19 % is 0.19, 8.1 % is 0.081, 9.975 % is 0.09975, 100 % is 1 and
// 0 % is 0. This is the factor for Money arithmetic
// (m.MulRound(p.Fraction(), 2, mode)). It does not allocate.
func (p Percent) Fraction() Fixed {
	c, s := int64(p.v), int32(6)
	for s > 0 && c%10 == 0 {
		c, s = c/10, s-1
	}
	if c == 0 {
		return Fixed{}
	}
	return Fixed{coef: c, scale: s}
}

// Units returns the percentage in units of 0.0001 %: 19 % is 190000 and
// 100 % is 1000000, so the fraction is Units() / 1 000 000 (for integer
// arithmetic on hot paths).
func (p Percent) Units() int64 { return int64(p.v) }

// IsZero reports whether p is 0 %.
func (p Percent) IsZero() bool { return p.v == 0 }

// Compare returns -1, 0 or +1 as p is below, equal to or above q. It has
// the shape slices.SortFunc wants: slices.SortFunc(ps, Percent.Compare).
func (p Percent) Compare(q Percent) int {
	switch {
	case p.v < q.v:
		return -1
	case p.v > q.v:
		return 1
	}
	return 0
}

// Equal reports whether p and q are the same percentage (p == q); it
// makes Percent work with go-cmp.
func (p Percent) Equal(q Percent) bool { return p.v == q.v }

// String returns the shortest exact form followed by "%": "19%", "8.1%",
// "9.975%", "0%".
func (p Percent) String() string {
	var b [16]byte
	return string(p.appendNumber(b[:0], true))
}

// appendNumber appends the shortest exact decimal of the percentage, with
// "%" when sign is set.
func (p Percent) appendNumber(b []byte, sign bool) []byte {
	b = strconv.AppendInt(b, int64(p.v/percentScale), 10)
	if f := p.v % percentScale; f != 0 {
		d := [4]byte{byte('0' + f/1000), byte('0' + f/100%10), byte('0' + f/10%10), byte('0' + f%10)}
		n := 4
		for d[n-1] == '0' {
			n--
		}
		b = append(b, '.')
		b = append(b, d[:n]...)
	}
	if sign {
		b = append(b, '%')
	}
	return b
}

// AppendText implements encoding.TextAppender: it appends the String form.
// It fails only for a Percent that no constructor makes (an *Error,
// ErrRange), which cannot happen through the API.
func (p Percent) AppendText(b []byte) ([]byte, error) {
	if p.v < 0 || p.v > percentOne {
		return b, newError("Percent.AppendText", "percent", strconv.Itoa(int(p.v)), ErrRange, "not a percentage")
	}
	return p.appendNumber(b, true), nil
}

// MarshalText implements encoding.TextMarshaler: the String form, "8.1%".
func (p Percent) MarshalText() ([]byte, error) { return p.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler with ParsePercent's
// syntax ("8.1%" or "8.1").
func (p *Percent) UnmarshalText(b []byte) error {
	v, err := parsePercent("Percent.UnmarshalText", string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// Format formats p for display with a locale formatter, through
// (*locale.Formatter).AppendPercent, which takes the fraction: 8.1 % is
// "8,1\u00a0%" in de and "8.1%" in en when the formatter shows decimals
// (CLDR's percent patterns show none by default: build the formatter with
// locale.FormatOptions.PercentFraction, e.g. locale.Fraction(0, 4)).
// A nil formatter is an *Error (ErrInvalid).
func (p Percent) Format(f *locale.Formatter) (string, error) {
	var buf [32]byte
	b, err := p.AppendFormat(buf[:0], f)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// AppendFormat appends the Format form of p to dst. It does not allocate
// when dst has room.
func (p Percent) AppendFormat(dst []byte, f *locale.Formatter) ([]byte, error) {
	if f == nil {
		return dst, newError("Percent.Format", "formatter", "nil", ErrInvalid, "a nil *locale.Formatter")
	}
	return f.AppendPercent(dst, decimal.New(int64(p.v), -6))
}
