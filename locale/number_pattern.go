package locale

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// subPattern is one compiled side (positive or negative) of a CLDR number
// pattern: the literal prefix and suffix with the locale's symbols already
// substituted, and where the currency sign sits.
type subPattern struct {
	prefix, suffix string
	// curIn is 0 without a currency sign, 1 when it is in the prefix,
	// 2 when it is in the suffix; curAt is its byte offset there.
	curIn uint8
	curAt int
}

// numFormat is a compiled CLDR number pattern with the separators it is
// written with.
type numFormat struct {
	pos, neg           subPattern
	minInt             int
	minFrac, maxFrac   int
	primary, secondary int // grouping sizes; primary 0 means no grouping
	minGrouping        int
	decimal, group     string
}

// patternSyms are the symbols substituted into pattern affixes.
type patternSyms struct {
	plus, minus, percent string
}

// compilePattern parses a CLDR number pattern such as "#,##0.00 ¤",
// "¤#,##0.00;(¤#,##0.00)" or "#,##,##0%" (UTS #35, Number Patterns): an
// optional negative subpattern after ';' (whose number part is ignored),
// quoted literals, and the special characters % ¤ - + in the affixes.
// Without a negative subpattern the negative form is the minus sign
// followed by the positive form. hideCurrency removes the currency sign
// together with one adjacent no-break space, as bojanz/currency does.
func compilePattern(p string, s patternSyms, hideCurrency bool) (numFormat, error) {
	var nf numFormat
	posText, negText, hasNeg := strings.Cut(p, ";")
	pos, num, err := compileSub(posText, s, hideCurrency)
	if err != nil {
		return nf, fmt.Errorf("pattern %q: %v", p, err)
	}
	if num == "" {
		return nf, fmt.Errorf("pattern %q: no number part", p)
	}
	nf.pos = pos
	if hasNeg {
		neg, _, err := compileSub(negText, s, hideCurrency)
		if err != nil {
			return nf, fmt.Errorf("pattern %q: %v", p, err)
		}
		nf.neg = neg
	} else {
		nf.neg = pos
		nf.neg.prefix = s.minus + pos.prefix
		if pos.curIn == 1 {
			nf.neg.curAt += len(s.minus)
		}
	}
	intPart, fracPart, _ := strings.Cut(num, ".")
	for _, c := range intPart {
		if c == '0' {
			nf.minInt++
		}
	}
	for _, c := range fracPart {
		switch c {
		case '0':
			nf.minFrac++
			nf.maxFrac++
		case '#':
			nf.maxFrac++
		default:
			return nf, fmt.Errorf("pattern %q: unexpected %q in the fraction", p, c)
		}
	}
	if i := strings.LastIndexByte(intPart, ','); i >= 0 {
		nf.primary = len(intPart) - i - 1
		nf.secondary = nf.primary
		if j := strings.LastIndexByte(intPart[:i], ','); j >= 0 {
			nf.secondary = i - j - 1
		}
		if nf.primary == 0 || nf.secondary == 0 {
			return nf, fmt.Errorf("pattern %q: empty grouping", p)
		}
	}
	return nf, nil
}

// compileSub compiles one subpattern and returns it with its number part.
func compileSub(p string, s patternSyms, hideCurrency bool) (subPattern, string, error) {
	var sp subPattern
	var pre, suf strings.Builder
	var num strings.Builder
	state := 0 // 0 prefix, 1 number, 2 suffix
	cur := -1  // byte offset of ¤ in the current affix
	curIn := uint8(0)
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRuneInString(p[i:])
		if r == utf8.RuneError && n <= 1 {
			return sp, "", fmt.Errorf("invalid UTF-8")
		}
		isNum := r == '#' || r == ',' || r == '.' || ('0' <= r && r <= '9')
		if state == 0 && isNum {
			state = 1
		}
		if state == 1 && !isNum {
			state = 2
		}
		if state == 1 {
			if '1' <= r && r <= '9' {
				return sp, "", fmt.Errorf("rounding increments are not supported")
			}
			num.WriteRune(r)
			i += n
			continue
		}
		out := &pre
		if state == 2 {
			out = &suf
		}
		switch r {
		case '\'':
			j := strings.IndexByte(p[i+1:], '\'')
			if j < 0 {
				return sp, "", fmt.Errorf("unterminated quote")
			}
			if j == 0 {
				out.WriteByte('\'') // '' is a literal quote
			} else {
				out.WriteString(p[i+1 : i+1+j])
			}
			i += j + 2
			continue
		case '%':
			out.WriteString(s.percent)
		case '-':
			out.WriteString(s.minus)
		case '+':
			out.WriteString(s.plus)
		case '¤':
			if curIn != 0 {
				return sp, "", fmt.Errorf("more than one currency sign")
			}
			curIn = 1 + uint8(state/2)
			cur = out.Len()
		case ';', '@', 'E', '*':
			return sp, "", fmt.Errorf("unsupported %q", r)
		default:
			out.WriteRune(r)
		}
		i += n
	}
	sp.prefix, sp.suffix = pre.String(), suf.String()
	sp.curIn, sp.curAt = curIn, cur
	if hideCurrency && curIn != 0 {
		a := &sp.prefix
		if curIn == 2 {
			a = &sp.suffix
		}
		before, after := (*a)[:cur], (*a)[cur:]
		switch {
		case strings.HasSuffix(before, "\u00a0"):
			before = strings.TrimSuffix(before, "\u00a0")
		case strings.HasPrefix(after, "\u00a0"):
			after = strings.TrimPrefix(after, "\u00a0")
		}
		*a = before + after
		sp.curIn, sp.curAt = 0, 0
	}
	return sp, num.String(), nil
}

// curSym is a currency as a Formatter shows it, with the flags of the
// CLDR currency-spacing rule as bojanz/currency applies it: a no-break
// space goes between the number and a symbol that starts (after the
// number) or ends (before the number) with a letter.
type curSym struct {
	text                        string
	firstIsLetter, lastIsLetter bool
}
