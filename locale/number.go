package locale

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// Number formats d with the locale's decimal pattern: grouping (Indian
// grouping for en-IN and hi-IN), the locale's separators and digits, and
// 0 to 3 fraction digits rounded with the formatter's rounding mode unless
// FormatOptions.Fraction says otherwise: 1234567.891 is "1,234,567.891"
// in en, "1.234.567,891" in de, "12,34,567.891" in en-IN and
// "١٬٢٣٤٬٥٦٧٫٨٩١" in ar-EG. The only error is ErrOutOfRange.
func (f *Formatter) Number(d decimal.Decimal) (string, error) {
	var buf [64]byte
	b, err := f.AppendNumber(buf[:0], d)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// AppendNumber appends the Number form of d to dst and returns the
// extended buffer. It does not allocate when dst has room and d's
// coefficient fits in an int64.
func (f *Formatter) AppendNumber(dst []byte, d decimal.Decimal) ([]byte, error) {
	var cbuf [24]byte
	neg, coef, exp := decimalParts(d, cbuf[:0])
	return f.appendNum(dst, &f.num, neg, coef, exp, f.numMin, f.numMax, nil)
}

// Percent formats d as a percentage with the locale's percent pattern: d
// is multiplied by 100 exactly, so 0.19 is "19%" in en, "19 %" in de
// and fr (with a no-break space) and "%19" in tr. Percentages have no
// fraction digits unless FormatOptions.Fraction says otherwise. The only
// error is ErrOutOfRange.
func (f *Formatter) Percent(d decimal.Decimal) (string, error) {
	var buf [64]byte
	b, err := f.AppendPercent(buf[:0], d)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// AppendPercent appends the Percent form of d to dst and returns the
// extended buffer. It does not allocate when dst has room and d's
// coefficient fits in an int64.
func (f *Formatter) AppendPercent(dst []byte, d decimal.Decimal) ([]byte, error) {
	var cbuf [24]byte
	neg, coef, exp := decimalParts(d, cbuf[:0])
	return f.appendNum(dst, &f.pct, neg, coef, exp+2, f.pctMin, f.pctMax, nil)
}

// decimalParts returns the sign of d, the ASCII digits of its absolute
// coefficient (appended to buf, which they use when the coefficient fits
// in an int64) and its exponent.
func decimalParts(d decimal.Decimal, buf []byte) (neg bool, coef []byte, exp int64) {
	neg = d.Sign() < 0
	if d.NumDigits() <= 18 {
		c := d.CoefficientInt64()
		if c < 0 {
			c = -c
		}
		coef = strconv.AppendUint(buf, uint64(c), 10)
	} else {
		bi := d.Coefficient()
		coef = bi.Abs(bi).Append(buf, 10)
	}
	return neg, coef, int64(d.Exponent())
}

// appendNum appends the number (-1)^neg × coef × 10^exp formatted with
// nf, rounded to maxFrac fraction digits and trimmed of trailing zeros
// down to minFrac. The sign is the sign before rounding, so -0.001 shown
// with two digits is -0.00, as in ICU and bojanz/currency. cs is the
// currency shown for a currency pattern, nil otherwise.
func (f *Formatter) appendNum(dst []byte, nf *numFormat, neg bool, coef []byte, exp int64, minFrac, maxFrac int, cs *curSym) ([]byte, error) {
	var rbuf [48]byte
	r, err := roundDigits(rbuf[:0], coef, exp, maxFrac, f.opts.Rounding, neg)
	if err != nil {
		return dst, err
	}
	// Pad with leading zeros to minInt integer digits.
	minInt := max(nf.minInt, 1)
	if len(r) < maxFrac+minInt {
		var pbuf [48]byte
		p := pbuf[:0]
		for range maxFrac + minInt - len(r) {
			p = append(p, '0')
		}
		r = append(p, r...)
	}
	intDigits, frac := r[:len(r)-maxFrac], r[len(r)-maxFrac:]
	for len(frac) > minFrac && frac[len(frac)-1] == '0' {
		frac = frac[:len(frac)-1]
	}

	sp := &nf.pos
	if neg {
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
	// Integer digits, grouped.
	n := len(intDigits)
	group := nf.primary > 0 && !f.opts.NoGrouping && n >= nf.minGrouping+nf.primary
	for i, c := range intDigits {
		if group && i > 0 {
			if pos := n - i; pos >= nf.primary && (pos-nf.primary)%nf.secondary == 0 {
				dst = append(dst, nf.group...)
			}
		}
		dst = f.appendDigit(dst, c)
	}
	if len(frac) > 0 {
		dst = append(dst, nf.decimal...)
		for _, c := range frac {
			dst = f.appendDigit(dst, c)
		}
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
// except a single "0". It returns a RangeError when the integer part
// would have more than MaxIntegerDigits digits.
func roundDigits(dst, coef []byte, exp int64, frac int, mode RoundingMode, neg bool) ([]byte, error) {
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
	droppedNonzero := first != '0' || restNonzero
	lastOdd := len(kept) > 0 && (kept[len(kept)-1]-'0')%2 == 1
	var up bool
	switch mode {
	case RoundHalfEven:
		up = first > '5' || (first == '5' && (restNonzero || lastOdd))
	case RoundHalfUp:
		up = first >= '5'
	case RoundHalfDown:
		up = first > '5' || (first == '5' && restNonzero)
	case RoundUp:
		up = droppedNonzero
	case RoundDown:
		up = false
	case RoundCeiling:
		up = droppedNonzero && !neg
	case RoundFloor:
		up = droppedNonzero && neg
	}
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

// rangeError returns a RangeError describing coef × 10^exp briefly.
func rangeError(coef []byte, exp int64) error {
	c, more := coef, ""
	if len(c) > 20 {
		c, more = c[:20], "…"
	}
	return &RangeError{Value: string(c) + more + "e" + strconv.FormatInt(exp+int64(len(coef)-len(c)), 10)}
}
