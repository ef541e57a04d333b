package locale

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// DateStyle selects one of the locale's four CLDR date patterns.
type DateStyle uint8

const (
	// DateShort is the short date: 1/2/06 in en, 02.01.06 in de.
	DateShort DateStyle = iota
	// DateMedium is the medium date: Jan 2, 2006 in en, 02.01.2006 in de.
	DateMedium
	// DateLong is the long date: January 2, 2006 in en, 2. Januar 2006 in de.
	DateLong
	// DateFull is the full date with the weekday: Monday, January 2, 2006
	// in en, Montag, 2. Januar 2006 in de.
	DateFull
)

// dateOp is one step of a compiled date pattern.
type dateOp struct {
	kind  byte   // 0 literal, or the CLDR field letter: y M d E c G
	width uint8  // the field's letter count
	lit   string // the literal text
}

// dateFormats is the compiled date data of a Formatter.
type dateFormats struct {
	ops        [4]dateOps
	monthsWide [12]string
	monthsAbbr [12]string
	daysWide   [7]string
	daysAbbr   [7]string
	daysStand  [7]string
	eras       [2]string
}

// Date formats the calendar date of t, in t's location, with the locale's
// Gregorian pattern of the given style: month and weekday names from the
// format context, wide or abbreviated as the pattern says, and the
// locale's digits. Styles outside the four constants format as
// DateMedium.
func (f *Formatter) Date(t time.Time, style DateStyle) string {
	f.check()
	var buf [64]byte
	return string(f.AppendDate(buf[:0], t, style))
}

// AppendDate appends the Date form of t to dst and returns the extended
// buffer. It does not allocate when dst has room.
func (f *Formatter) AppendDate(dst []byte, t time.Time, style DateStyle) []byte {
	f.check()
	if style > DateFull {
		style = DateMedium
	}
	year, month, day := t.Date()
	era := 1
	if year <= 0 {
		era, year = 0, 1-year // CLDR y is the year of the era: 0 is 1 BC
	}
	ops := &f.dates.ops[style]
	for _, op := range ops.op[:ops.n] {
		switch op.kind {
		case 0:
			dst = append(dst, op.lit...)
		case 'y':
			switch {
			case op.width == 2:
				dst = f.appendInt(dst, year%100, 2)
			default:
				dst = f.appendInt(dst, year, int(op.width))
			}
		case 'M', 'L':
			switch op.width {
			case 1, 2:
				dst = f.appendInt(dst, int(month), int(op.width))
			case 3:
				dst = append(dst, f.dates.monthsAbbr[month-1]...)
			default:
				dst = append(dst, f.dates.monthsWide[month-1]...)
			}
		case 'd':
			dst = f.appendInt(dst, day, int(op.width))
		case 'E':
			if op.width >= 4 {
				dst = append(dst, f.dates.daysWide[t.Weekday()]...)
			} else {
				dst = append(dst, f.dates.daysAbbr[t.Weekday()]...)
			}
		case 'c':
			dst = append(dst, f.dates.daysStand[t.Weekday()]...)
		case 'G':
			dst = append(dst, f.dates.eras[era]...)
		}
	}
	return dst
}

// appendInt appends the non-negative n with at least width digits in the
// locale's numbering system.
func (f *Formatter) appendInt(dst []byte, n, width int) []byte {
	var buf [24]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	for len(buf)-i < width && i > 0 {
		i--
		buf[i] = '0'
	}
	for _, c := range buf[i:] {
		dst = f.appendDigit(dst, c)
	}
	return dst
}

// maxDateOps bounds the steps of a compiled date pattern; CLDR's
// Gregorian date patterns need at most 14 (TestNumberTablesConsistent
// compiles them all).
const maxDateOps = 20

// dateOps is a compiled date pattern, held in place so that NewFormatter
// does not allocate for it.
type dateOps struct {
	n  uint8
	op [maxDateOps]dateOp
}

// compileDatePattern compiles a CLDR date pattern (UTS #35, Date Field
// Symbol Table) with the fields the Gregorian date formats of CLDR use:
// G (era), y (year), M and L (month), d (day), E and c (weekday), and
// quoted literals. Literals are substrings of p: it does not allocate.
func compileDatePattern(p string) (dateOps, error) {
	var ops dateOps
	add := func(op dateOp) error {
		if int(ops.n) == len(ops.op) {
			return fmt.Errorf("date pattern %q: more than %d fields and literals", p, maxDateOps)
		}
		ops.op[ops.n] = op
		ops.n++
		return nil
	}
	litStart := -1 // start of the pending unquoted literal
	flush := func(end int) error {
		if litStart >= 0 && end > litStart {
			if err := add(dateOp{lit: p[litStart:end]}); err != nil {
				return err
			}
		}
		litStart = -1
		return nil
	}
	for i := 0; i < len(p); {
		c := p[i]
		switch {
		case c == '\'':
			if err := flush(i); err != nil {
				return ops, err
			}
			j := strings.IndexByte(p[i+1:], '\'')
			if j < 0 {
				return ops, fmt.Errorf("date pattern %q: unterminated quote", p)
			}
			lit := p[i+1 : i+1+j]
			if j == 0 {
				lit = "'" // '' is a literal quote
			}
			if err := add(dateOp{lit: lit}); err != nil {
				return ops, err
			}
			i += j + 2
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			n := 1
			for i+n < len(p) && p[i+n] == c {
				n++
			}
			if !strings.ContainsRune("GyMLdEc", rune(c)) || n > 5 {
				return ops, fmt.Errorf("date pattern %q: unsupported field %q", p, p[i:i+n])
			}
			if err := flush(i); err != nil {
				return ops, err
			}
			if err := add(dateOp{kind: c, width: uint8(n)}); err != nil {
				return ops, err
			}
			i += n
		default:
			if litStart < 0 {
				litStart = i
			}
			_, size := utf8.DecodeRuneInString(p[i:])
			i += size
		}
	}
	return ops, flush(len(p))
}

// initDates resolves and compiles the date data for the locale ID chain
// starting at id.
func (f *Formatter) initDates(id string) error {
	rec := 0
	found := false
	for ; id != "" && !found; id = parentID(id) {
		if dl, ok := findDateLocale(id); ok {
			rec, found = int(dl.rec), true
		}
	}
	if !found {
		return unsupported("NewFormatter", f.tag)
	}
	dd := &dateRecords[rec]
	for i, p := range dd.patterns {
		ops, err := compileDatePattern(p)
		if err != nil {
			return err
		}
		f.dates.ops[i] = ops
	}
	splitNames(f.dates.monthsWide[:], dateNameLists[dd.monthsWide])
	splitNames(f.dates.monthsAbbr[:], dateNameLists[dd.monthsAbbr])
	splitNames(f.dates.daysWide[:], dateNameLists[dd.daysWide])
	splitNames(f.dates.daysAbbr[:], dateNameLists[dd.daysAbbr])
	splitNames(f.dates.daysStand[:], dateNameLists[dd.daysStandWide])
	splitNames(f.dates.eras[:], dateNameLists[dd.eras])
	return nil
}

// splitNames fills dst with the '|'-separated names of list, without
// allocating (the names are substrings of list).
func splitNames(dst []string, list string) {
	for i := range dst {
		name, rest, _ := strings.Cut(list, "|")
		dst[i] = name
		list = rest
	}
}

// findDateLocale returns the dateLocales entry of a CLDR locale ID.
func findDateLocale(id string) (*dateLocale, bool) {
	lo, hi := 0, len(dateLocales)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch c := dateLocales[m].id; {
		case c == id:
			return &dateLocales[m], true
		case c < id:
			lo = m + 1
		default:
			hi = m
		}
	}
	return nil, false
}
