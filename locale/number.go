package locale

import (
	"strconv"

	"github.com/marketkit/marketkit/internal/round"

	"github.com/shopspring/decimal"
)

// Number formats d with the locale's decimal pattern: grouping (Indian
// grouping for en-IN and hi-IN), the locale's separators and digits, and
// 0 to 3 fraction digits rounded with the formatter's rounding mode unless
// FormatOptions.Fraction says otherwise: 1234567.891 is "1,234,567.891"
// in en, "1.234.567,891" in de, "12,34,567.891" in en-IN and
// "١٬٢٣٤٬٥٦٧٫٨٩١" in ar-EG. The only error is ErrOutOfRange (and
// ErrUnsupportedLocale from the zero Formatter), as an *Error.
func (f *Formatter) Number(d decimal.Decimal) (string, error) {
	f.check()
	var buf [64]byte
	b, err := f.appendNum("Number", buf[:0], &f.num, decimalToFixed(d, 0), f.numMin, f.numMax, nil)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// AppendNumber appends the Number form of d to dst and returns the
// extended buffer. It does not allocate when dst has room, d's
// coefficient has at most 19 digits and the digits shown number at most
// 64 (see [Formatter.AppendCurrency]).
func (f *Formatter) AppendNumber(dst []byte, d decimal.Decimal) ([]byte, error) {
	f.check()
	return f.appendNum("AppendNumber", dst, &f.num, decimalToFixed(d, 0), f.numMin, f.numMax, nil)
}

// Percent formats d as a percentage with the locale's percent pattern: d
// is multiplied by 100 exactly, so 0.19 is "19%" in en, "19 %" in de
// and fr (with a no-break space) and "%19" in tr. Percentages have no
// fraction digits unless FormatOptions.PercentFraction (or, when that is
// unset, FormatOptions.Fraction) says otherwise: with PercentFraction
// Fraction(0, 2), 0.081 is "8.1%" in en and "8,1 %" in de. The
// only error is ErrOutOfRange (and ErrUnsupportedLocale from the zero
// Formatter).
func (f *Formatter) Percent(d decimal.Decimal) (string, error) {
	f.check()
	var buf [64]byte
	b, err := f.appendNum("Percent", buf[:0], &f.pct, decimalToFixed(d, 2), f.pctMin, f.pctMax, nil)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// AppendPercent appends the Percent form of d to dst and returns the
// extended buffer. It does not allocate when dst has room, d's
// coefficient has at most 19 digits and the digits shown number at most
// 64 (see [Formatter.AppendCurrency]).
func (f *Formatter) AppendPercent(dst []byte, d decimal.Decimal) ([]byte, error) {
	f.check()
	return f.appendNum("AppendPercent", dst, &f.pct, decimalToFixed(d, 2), f.pctMin, f.pctMax, nil)
}

// fixedNum is the number (-1)^neg × coefficient × 10^exp, with the
// coefficient in small, or as ASCII digits in big when it does not fit.
type fixedNum struct {
	neg   bool
	small uint64
	big   []byte // nil when small holds the coefficient
	exp   int64
}

// decimalToFixed returns d × 10^shift as a fixedNum. It allocates only
// when d's coefficient has more than 19 digits.
func decimalToFixed(d decimal.Decimal, shift int64) fixedNum {
	n := fixedNum{neg: d.Sign() < 0, exp: int64(d.Exponent()) + shift}
	if d.NumDigits() <= 19 {
		// A coefficient of up to 19 digits is below 2^64. big.Int.Int64
		// (which CoefficientInt64 calls) returns the low 64 bits of its
		// magnitude, negated for a negative number: undoing the negation
		// in uint64 arithmetic gives the magnitude exactly, also above
		// MaxInt64 (9999999999999999999 has 19 digits).
		n.small = uint64(d.CoefficientInt64())
		if n.neg {
			n.small = -n.small
		}
	} else {
		bi := d.Coefficient()
		n.big = bi.Abs(bi).Append(nil, 10)
	}
	return n
}

// pow10 holds the powers of ten that fit in a uint64.
var pow10 = [...]uint64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19}

// roundSmall returns round(c × 10^(exp+frac)) with mode for a number of
// sign neg, in uint64 arithmetic; false when that could overflow or
// would drop more than 18 digits (roundDigits handles those).
func roundSmall(c uint64, exp int64, frac int, mode RoundingMode, neg bool) (uint64, bool) {
	shift := exp + int64(frac)
	if shift >= 0 {
		if shift > 18 || c > (1<<63)/pow10[shift] {
			return 0, false
		}
		return c * pow10[shift], true
	}
	if shift < -18 {
		return 0, false
	}
	p := pow10[-shift]
	q, r := c/p, c%p
	up := round.Increment(mode.kernel(), neg, q&1 == 1, round.Compare(r, p))
	if up {
		q++
	}
	return q, true
}

// appendNum appends n formatted with nf, rounded to maxFrac fraction
// digits and trimmed of trailing zeros down to minFrac. The sign is the
// sign before rounding, so -0.001 shown with two digits is -0.00, as in
// ICU and bojanz/currency. cs is the currency shown for a currency
// pattern, nil otherwise. op names the caller's method in errors.
func (f *Formatter) appendNum(op string, dst []byte, nf *numFormat, n fixedNum, minFrac, maxFrac int, cs *curSym) ([]byte, error) {
	if nf.decimal == "" { // the zero Formatter: every locale has a decimal separator
		return dst, unsupported(op, f.tag)
	}
	minInt := max(nf.minInt, 1)
	var dbuf [64]byte
	var r []byte
	if q, ok := roundSmall(n.small, n.exp, maxFrac, f.opts.Rounding, n.neg); ok && n.big == nil {
		// The digits of q, right to left, padded to minInt+maxFrac.
		i := len(dbuf)
		for q >= 10 {
			i--
			dbuf[i] = byte('0' + q%10)
			q /= 10
		}
		i--
		dbuf[i] = byte('0' + q)
		for len(dbuf)-i < maxFrac+minInt && i > 0 {
			i--
			dbuf[i] = '0'
		}
		r = dbuf[i:]
	} else {
		coef := n.big
		if coef == nil {
			var cbuf [24]byte
			coef = strconv.AppendUint(cbuf[:0], n.small, 10)
		}
		var err *Error
		if r, err = roundDigits(dbuf[:0], coef, n.exp, maxFrac, f.opts.Rounding, n.neg); err != nil {
			err.Op = op
			return dst, err
		}
		if len(r) < maxFrac+minInt {
			var pbuf [64]byte
			p := pbuf[:0]
			for range maxFrac + minInt - len(r) {
				p = append(p, '0')
			}
			r = append(p, r...)
		}
	}
	intDigits, frac := r[:len(r)-maxFrac], r[len(r)-maxFrac:]
	for len(frac) > minFrac && frac[len(frac)-1] == '0' {
		frac = frac[:len(frac)-1]
	}

	sp := &nf.pos
	if n.neg {
		sp = &nf.neg
	}
	// Prefix, with the currency in it.
	if sp.curIn == 1 && cs != nil {
		dst = append(dst, sp.prefix[:sp.curAt]...)
		dst = append(dst, cs.text...)
		if cs.lastIsLetter && sp.curAt == len(sp.prefix) {
			dst = append(dst, "\u00a0"...)
		}
		dst = append(dst, sp.prefix[sp.curAt:]...)
	} else {
		dst = append(dst, sp.prefix...)
	}
	// Integer digits, grouped: a leading chunk, secondary groups, then the
	// primary group.
	first := len(intDigits) - nf.primary // digits before the primary group
	if nf.primary > 0 && !f.opts.NoGrouping && len(intDigits) >= nf.minGrouping+nf.primary && first > 0 {
		lead := first % nf.secondary
		if lead == 0 {
			lead = nf.secondary
		}
		dst = f.appendDigits(dst, intDigits[:lead])
		for pos := lead; pos < first; pos += nf.secondary {
			dst = append(dst, nf.group...)
			dst = f.appendDigits(dst, intDigits[pos:pos+nf.secondary])
		}
		dst = append(dst, nf.group...)
		dst = f.appendDigits(dst, intDigits[first:])
	} else {
		dst = f.appendDigits(dst, intDigits)
	}
	if len(frac) > 0 {
		dst = append(dst, nf.decimal...)
		dst = f.appendDigits(dst, frac)
	}
	// Suffix, with the currency in it.
	if sp.curIn == 2 && cs != nil {
		dst = append(dst, sp.suffix[:sp.curAt]...)
		if cs.firstIsLetter && sp.curAt == 0 {
			dst = append(dst, "\u00a0"...)
		}
		dst = append(dst, cs.text...)
		dst = append(dst, sp.suffix[sp.curAt:]...)
	} else {
		dst = append(dst, sp.suffix...)
	}
	return dst, nil
}

// appendDigits appends the ASCII digits ds in the locale's numbering
// system.
func (f *Formatter) appendDigits(dst, ds []byte) []byte {
	if f.latin {
		return append(dst, ds...)
	}
	for _, c := range ds {
		dst = append(dst, f.digits[c-'0']...)
	}
	return dst
}

// appendDigit appends the ASCII digit c in the locale's numbering system.
func (f *Formatter) appendDigit(dst []byte, c byte) []byte {
	if f.latin {
		return append(dst, c)
	}
	return append(dst, f.digits[c-'0']...)
}

// roundDigits appends to dst the decimal digits of the integer
// round(coef × 10^(exp+frac)), where coef holds the ASCII digits of a
// non-negative coefficient without leading zeros ("0" for zero), rounded
// with mode for a number of sign neg. The result has no leading zeros
// except a single "0". It returns an ErrOutOfRange error when the integer part
// would have more than MaxIntegerDigits digits.
func roundDigits(dst, coef []byte, exp int64, frac int, mode RoundingMode, neg bool) ([]byte, *Error) {
	n := int64(len(coef))
	shift := exp + int64(frac)
	if coef[0] == '0' {
		return append(dst, '0'), nil
	}
	if shift >= 0 {
		if n+shift-int64(frac) > MaxIntegerDigits {
			return dst, rangeError(coef, exp)
		}
		dst = append(dst, coef...)
		for range shift {
			dst = append(dst, '0')
		}
		return dst, nil
	}
	k := -shift // digits to drop
	var kept []byte
	var first byte = '0'
	restNonzero := false
	if k <= n {
		kept = coef[:n-k]
		first = coef[n-k]
		for _, c := range coef[n-k+1:] {
			if c != '0' {
				restNonzero = true
				break
			}
		}
	} else {
		restNonzero = true // coef is non-zero and lies wholly below the first dropped digit
	}
	if int64(len(kept))-int64(frac) > MaxIntegerDigits {
		return dst, rangeError(coef, exp)
	}
	lastOdd := len(kept) > 0 && (kept[len(kept)-1]-'0')%2 == 1
	up := round.Increment(mode.kernel(), neg, lastOdd, round.FromDigits(first, restNonzero))
	start := len(dst)
	dst = append(dst, '0') // room for a carry
	dst = append(dst, kept...)
	if up {
		i := len(dst) - 1
		for ; dst[i] == '9'; i-- {
			dst[i] = '0'
		}
		dst[i]++
	}
	// Drop leading zeros, keeping one digit.
	j := start
	for j < len(dst)-1 && dst[j] == '0' {
		j++
	}
	if j > start {
		dst = append(dst[:start], dst[j:]...)
	}
	return dst, nil
}

// rangeError returns an ErrOutOfRange error showing coef × 10^exp
// briefly; the caller sets Op.
func rangeError(coef []byte, exp int64) *Error {
	c, more := coef, ""
	if len(c) > 20 {
		c, more = c[:20], "…"
	}
	return newError("", "number", string(c)+more+"e"+strconv.FormatInt(exp+int64(len(coef)-len(c)), 10), ErrOutOfRange,
		"more than "+strconv.Itoa(MaxIntegerDigits)+" integer digits")
}
