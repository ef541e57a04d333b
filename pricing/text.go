package pricing

import (
	"math"
	"math/big"
	"strconv"

	"github.com/shopspring/decimal"
)

// Bounds on number text accepted by the parsers: the whole text, the
// integer digits without leading zeros, and the fraction digits. They keep
// every parsed amount printable (and parsable again) within maxNumberLen.
const (
	maxNumberLen = 100
	maxIntDigits = 60
	maxFracDigit = 36
)

// parseDecimal parses [+-]digits[.digits]. It returns the coefficient and
// scale, with wide set (and coef 0) when the coefficient does not fit the
// fast path. It does not allocate unless the number has more than 18
// significant digits.
func parseDecimal(s string) (coef int64, scale int32, wide *big.Int, err error) {
	if len(s) == 0 {
		return 0, 0, nil, ErrSyntax
	}
	if len(s) > maxNumberLen {
		return 0, 0, nil, ErrRange
	}
	i := 0
	neg := false
	switch s[0] {
	case '-':
		neg = true
		i++
	case '+':
		i++
	}
	var u uint64
	overflow := false
	nint, nfrac, sig := 0, 0, 0
	dot := false
	for ; i < len(s); i++ {
		c := s[i]
		if c == '.' {
			if dot || nint == 0 {
				return 0, 0, nil, ErrSyntax
			}
			dot = true
			continue
		}
		if c < '0' || c > '9' {
			return 0, 0, nil, ErrSyntax
		}
		if dot {
			nfrac++
		} else {
			nint++
			if sig > 0 || c != '0' {
				sig++
			}
		}
		if !overflow {
			if u > (math.MaxInt64-9)/10 {
				overflow = true
			} else {
				u = u*10 + uint64(c-'0')
			}
		}
	}
	if nint == 0 || (dot && nfrac == 0) {
		return 0, 0, nil, ErrSyntax
	}
	if sig > maxIntDigits || nfrac > maxFracDigit {
		return 0, 0, nil, ErrRange
	}
	if overflow {
		digits := make([]byte, 0, len(s))
		for j := 0; j < len(s); j++ {
			if c := s[j]; c >= '0' && c <= '9' || c == '-' {
				digits = append(digits, c)
			}
		}
		w, ok := new(big.Int).SetString(string(digits), 10)
		if !ok {
			return 0, 0, nil, ErrSyntax
		}
		if w.IsInt64() {
			if v, ok := toInt64(uabs(w.Int64()), w.Sign() < 0); ok {
				return v, int32(nfrac), nil, nil
			}
		}
		return 0, int32(nfrac), w, nil
	}
	v, _ := toInt64(u, neg)
	return v, int32(nfrac), nil, nil
}

// appendCoef appends coef × 10^-scale in plain notation with exactly scale
// fraction digits.
func appendCoef(dst []byte, coef int64, scale int32) []byte {
	if coef < 0 {
		dst = append(dst, '-')
	}
	var buf [20]byte
	digits := strconv.AppendUint(buf[:0], uabs(coef), 10)
	return appendDigits(dst, digits, int(scale))
}

// appendDigits appends the unsigned digit string ds shifted by scale.
func appendDigits(dst, ds []byte, scale int) []byte {
	if scale <= 0 {
		return append(dst, ds...)
	}
	if len(ds) <= scale {
		dst = append(dst, '0', '.')
		for range scale - len(ds) {
			dst = append(dst, '0')
		}
		return append(dst, ds...)
	}
	dst = append(dst, ds[:len(ds)-scale]...)
	dst = append(dst, '.')
	return append(dst, ds[len(ds)-scale:]...)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// decString returns d as text for an error message: plain notation for
// ordinary exponents, coefficient and exponent ("12e100000") otherwise, so
// a hostile exponent cannot make the message huge.
func decString(d decimal.Decimal) string {
	if e := d.Exponent(); e > -maxNumberLen && e < maxNumberLen {
		return d.String()
	}
	return d.Coefficient().String() + "e" + itoa(int64(d.Exponent()))
}
