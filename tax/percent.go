package tax

import (
	"strconv"

	"github.com/marketkit/marketkit/pricing"
)

// percentScale is the number of Percent units in one percent: a Percent
// holds the rate in units of 0.0001 %, so 9.975 % is 99750 and the rate as
// a fraction is v / 1_000_000.
const (
	percentScale = 10_000
	fractionOne  = 100 * percentScale // 100 % in Percent units
	maxPercent   = 100 * percentScale // rates above 100 % are rejected
)

// Percent is an exact tax rate in percent with up to four decimals
// (9.975 %, 25.5 %, 11.11 %). It never holds a float. The zero Percent is
// 0 %. Percents compare with ==.
type Percent struct {
	v int64 // units of 0.0001 %
}

// ParsePercent parses a decimal percentage such as "19", "25.5" or "9.975"
// (no sign, no exponent, at most four decimals, at most 100).
func ParsePercent(s string) (Percent, error) {
	p, err := parsePercent(s)
	if err != nil {
		return Percent{}, withOp(err, "ParsePercent")
	}
	return p, nil
}

func parsePercent(s string) (Percent, error) {
	if s == "" || len(s) > 12 {
		return Percent{}, fieldErr(ErrInvalidInput, "percent", s, "want a decimal like 19 or 9.975")
	}
	var v int64
	frac := -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.' && frac < 0 && i > 0 && i < len(s)-1:
			frac = 0
		case c >= '0' && c <= '9':
			if frac >= 0 {
				frac++
				if frac > 4 {
					return Percent{}, fieldErr(ErrInvalidInput, "percent", s, "more than four decimals")
				}
			}
			v = v*10 + int64(c-'0')
		default:
			return Percent{}, fieldErr(ErrInvalidInput, "percent", s, "want a decimal like 19 or 9.975")
		}
	}
	if frac < 0 {
		frac = 0
	}
	for ; frac < 4; frac++ {
		v *= 10
	}
	if v > maxPercent {
		return Percent{}, fieldErr(ErrInvalidInput, "percent", s, "above 100")
	}
	return Percent{v}, nil
}

// MustPercent is ParsePercent for literals; it panics on error.
func MustPercent(s string) Percent {
	p, err := ParsePercent(s)
	if err != nil {
		panic(err)
	}
	return p
}

// IsZero reports whether p is 0 %.
func (p Percent) IsZero() bool { return p.v == 0 }

// Units returns the rate in units of 0.0001 % (19 % = 190000). As a
// fraction the rate is Units() / 1_000_000.
func (p Percent) Units() int64 { return p.v }

// String returns the shortest exact decimal form: "19", "25.5", "9.975".
func (p Percent) String() string {
	var b [16]byte
	return string(p.AppendText(b[:0]))
}

// AppendText appends the String form to b.
func (p Percent) AppendText(b []byte) []byte {
	b = strconv.AppendInt(b, p.v/percentScale, 10)
	f := p.v % percentScale
	if f == 0 {
		return b
	}
	d := [4]byte{byte('0' + f/1000), byte('0' + f/100%10), byte('0' + f/10%10), byte('0' + f%10)}
	n := 4
	for n > 0 && d[n-1] == '0' {
		n--
	}
	b = append(b, '.')
	return append(b, d[:n]...)
}

// MarshalText implements encoding.TextMarshaler.
func (p Percent) MarshalText() ([]byte, error) { return p.AppendText(nil), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (p *Percent) UnmarshalText(b []byte) error {
	x, err := ParsePercent(string(b))
	if err != nil {
		return err
	}
	*p = x
	return nil
}

// Fixed returns the percentage as a pricing.Fixed (19 % is 19, 9.975 % is
// 9.975), for display or for pricing's arithmetic. For the rate as a
// fraction (0.19) use Fraction.
func (p Percent) Fixed() pricing.Fixed { return trimmedFixed(p.v, 4) }

// Fraction returns the rate as an exact fraction of one: 19 % is 0.19,
// 8.1 % is 0.081, 9.975 % is 0.09975, 100 % is 1, 0 % is 0. It is
// Units() / 1_000_000 with trailing zeros dropped, so Fraction × 100
// equals Fixed exactly. This is the form pricing uses for rates and
// locale.Formatter.Percent formats (pass p.Fraction().Decimal()). It does
// not allocate.
func (p Percent) Fraction() pricing.Fixed { return trimmedFixed(p.v, 6) }

// trimmedFixed returns c × 10^-scale as a Fixed without trailing zeros in
// the fraction.
func trimmedFixed(c int64, scale int) pricing.Fixed {
	for scale > 0 && c%10 == 0 {
		c, scale = c/10, scale-1
	}
	f, err := pricing.NewFixed(c, scale)
	if err != nil { // unreachable: 0 ≤ v ≤ 1 000 000 and scale ≤ 6 are in range
		panic("tax: Percent: " + err.Error())
	}
	return f
}
