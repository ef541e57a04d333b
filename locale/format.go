package locale

import (
	"unicode/utf8"

	"golang.org/x/text/language"
)

// MaxIntegerDigits is the largest number of integer digits a Formatter
// writes; larger numbers are an error (ErrOutOfRange), which keeps a number
// like 1e999999999 from producing a gigabyte of zeros.
const MaxIntegerDigits = 1000

// MaxFractionDigits is the largest number of fraction digits that
// Fraction accepts.
const MaxFractionDigits = 30

// Style selects the currency pattern.
type Style uint8

const (
	// StyleStandard is the locale's standard currency pattern: -$3.00 in en.
	StyleStandard Style = iota
	// StyleAccounting is the locale's accounting pattern: ($3.00) in en.
	// Locales without a distinct accounting pattern use the standard one.
	StyleAccounting
)

// Display selects how a currency is shown.
type Display uint8

const (
	// DisplaySymbol shows the locale's currency symbol: $, €, US$, CHF.
	DisplaySymbol Display = iota
	// DisplayNarrowSymbol shows the narrow symbol ($ for USD, AUD and
	// CAD alike), falling back to the symbol.
	DisplayNarrowSymbol
	// DisplayCode shows the ISO 4217 code: USD.
	DisplayCode
	// DisplayNone shows the amount alone, without the currency and the
	// space next to it.
	DisplayNone
)

// FractionDigits is a range of fraction digits: numbers are rounded to
// the maximum and trailing zeros are removed down to the minimum. Make one
// with Fraction; the zero FractionDigits means "the default" (see
// FormatOptions).
type FractionDigits struct {
	min, max uint8
	set      bool
}

// Fraction returns the range [min, max] of fraction digits. It clamps max
// to [0, MaxFractionDigits] and min to [0, max].
func Fraction(min, max int) FractionDigits {
	max = clamp(max, 0, MaxFractionDigits)
	min = clamp(min, 0, max)
	return FractionDigits{min: uint8(min), max: uint8(max), set: true}
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// FormatOptions configures a Formatter. A nil *FormatOptions and the zero
// value both mean the defaults: standard style, the currency symbol,
// RoundHalfEven, currency amounts with exactly the currency's ISO 4217
// digits, numbers with 0 to 3 fraction digits and percentages with none
// (the CLDR patterns' defaults). Fraction changes the digits of all three,
// PercentFraction those of percentages alone.
type FormatOptions struct {
	// Style is the currency pattern: standard or accounting.
	Style Style
	// Display is how the currency is shown: symbol, narrow symbol, ISO
	// code or nothing.
	Display Display
	// Rounding is the rounding mode applied when a number has more
	// fraction digits than shown.
	Rounding RoundingMode
	// Fraction overrides the fraction digits of every number, percentage
	// and currency amount when set with Fraction. PercentFraction,
	// when set, takes precedence for percentages.
	Fraction FractionDigits
	// PercentFraction overrides the fraction digits of percentages only,
	// when set with Fraction; numbers and currency amounts keep
	// their digits. Fraction(0, 2) shows a VAT rate of 0.081 as
	// "8.1%" in en and 0.19 as "19%". The zero FractionDigits keeps the CLDR
	// default (no fraction digits) or Fraction when that is set. Like
	// Fraction, it is valid by construction: Fraction clamps.
	PercentFraction FractionDigits
	// NoGrouping turns grouping separators off: 1234567.89 rather than
	// 1,234,567.89.
	NoGrouping bool
}

// Formatter formats numbers, percentages, currency amounts and dates for
// one locale. NewFormatter resolves all the locale data once; a Formatter
// is immutable and safe for concurrent use by multiple goroutines. The
// zero Formatter has no locale data: its number, percent and currency
// methods return an *Error wrapping ErrUnsupportedLocale, its date and name
// methods empty results. Make one with NewFormatter.
//
// The Append forms write into the caller's buffer and do not allocate when
// it has room (see each method for the limits); the string forms allocate
// only the result.
//
// A nil *Formatter is a programming error: every method panics on it at
// once with the message "locale: nil *Formatter (make one with
// NewFormatter)", as the standard library does for a nil map write, rather
// than failing later on a nil dereference.
type Formatter struct {
	tag    language.Tag
	opts   FormatOptions
	latin  bool
	digits [10]string

	num, pct, cur  numFormat
	numMin, numMax int
	pctMin, pctMax int

	curFmts []curFormat // CLDR's currency-specific formats of this locale, few

	syms  [numCurrencies]uint16 // symbolBase index, or numCurrencies + symbolOverrides index
	dates dateFormats
	names nameChain // the name-table locales of the fallback chain
}

// NewFormatter returns a Formatter for tag, with the data of the most
// specific locale in the tag's CLDR fallback chain (see Chain) that has
// data: de-CH-u-nu-latn uses de-CH, de-XX uses de. It returns an error
// wrapping ErrUnsupportedLocale when no locale in the chain has
// modern-coverage CLDR data, and one wrapping ErrInvalidOption for an
// option outside its constants. opts may be nil.
//
// Numbers use the locale's default numbering system: Arabic-Indic digits
// for ar-EG, Persian digits for fa. The Unicode extension -u-nu-latn
// selects Latin digits with the locale's Latin separators and patterns
// instead (ar-EG-u-nu-latn); other numbering systems and other
// extensions (-u-ca-: dates are always Gregorian) are ignored.
//
// NewFormatter does the work once (it takes a few microseconds); keep
// the Formatter and reuse it.
func NewFormatter(tag language.Tag, opts *FormatOptions) (*Formatter, error) {
	f := &Formatter{tag: tag}
	if opts != nil {
		f.opts = *opts
	}
	switch {
	case !f.opts.Style.IsValid():
		return nil, newError("NewFormatter", "FormatOptions.Style", f.opts.Style.String(), ErrInvalidOption, "")
	case !f.opts.Display.IsValid():
		return nil, newError("NewFormatter", "FormatOptions.Display", f.opts.Display.String(), ErrInvalidOption, "")
	case !f.opts.Rounding.IsValid():
		return nil, newError("NewFormatter", "FormatOptions.Rounding", f.opts.Rounding.String(), ErrInvalidOption, "")
	}

	// Walk the chain once: the number record of the most specific locale
	// that has one, and every symbol override on the way.
	var chain [8]*numberLocale
	nc := 0
	rec, latn := -1, -1
	for id := localeID(tag); id != "" && nc < len(chain); id = parentID(id) {
		nl, ok := findNumberLocale(id)
		if !ok {
			continue
		}
		chain[nc] = nl
		nc++
		if rec < 0 && nl.rec >= 0 {
			rec = int(nl.rec)
		}
		if latn == -1 && nl.latn != -1 {
			latn = int(nl.latn)
		}
	}
	if rec < 0 {
		return nil, unsupported("NewFormatter", tag)
	}
	if latn >= 0 && tag.TypeForKey("nu") == "latn" {
		rec = latn // -u-nu-latn: the locale's Latin-digit data
	}
	nd := &numberRecords[rec]
	f.latin = nd.digits == "0123456789"
	i := 0
	for off, r := range nd.digits {
		if i < len(f.digits) {
			f.digits[i] = nd.digits[off : off+utf8.RuneLen(r)]
		}
		i++
	}
	var err error
	if f.num, err = compileNumber(nd, nd.decimalPattern, false, false); err != nil {
		return nil, dataError(tag, err)
	}
	if f.pct, err = compileNumber(nd, nd.percentPattern, false, false); err != nil {
		return nil, dataError(tag, err)
	}
	cp := nd.currencyPattern
	if f.opts.Style == StyleAccounting {
		cp = nd.accountingPattern
	}
	if f.cur, err = compileNumber(nd, cp, true, f.opts.Display == DisplayNone); err != nil {
		return nil, dataError(tag, err)
	}
	if f.opts.Style == StyleAccounting {
		// The grouping of the standard pattern applies to both, as in
		// bojanz/currency: CLDR gives en-IN and others an accounting
		// pattern without the Indian grouping of their standard one.
		std, err := compileNumber(nd, nd.currencyPattern, true, false)
		if err != nil {
			return nil, dataError(tag, err)
		}
		f.cur.primary, f.cur.secondary = std.primary, std.secondary
	}
	f.numMin, f.numMax = f.num.minFrac, f.num.maxFrac
	f.pctMin, f.pctMax = f.pct.minFrac, f.pct.maxFrac
	if fr := f.opts.Fraction; fr.set {
		f.numMin, f.numMax = int(fr.min), int(fr.max)
		f.pctMin, f.pctMax = int(fr.min), int(fr.max)
	}
	if fr := f.opts.PercentFraction; fr.set {
		f.pctMin, f.pctMax = int(fr.min), int(fr.max)
	}

	// Currency symbols: English, then the overrides from root-most to
	// most specific.
	for j := range f.syms {
		f.syms[j] = uint16(j)
	}
	for j := nc - 1; j >= 0; j-- {
		for k := chain[j].lo; k < chain[j].hi; k++ {
			f.syms[symbolOverrides[k].cur] = numCurrencies + k
		}
	}
	// Currency-specific formats: the most specific entry of the chain
	// for each currency wins; an all-empty entry cancels a parent's.
	var pick [numCurrencies]int32 // currencyPatterns index + 1; 0 for none
	for j := nc - 1; j >= 0; j-- {
		for k := chain[j].plo; k < chain[j].phi; k++ {
			pick[currencyPatterns[k].cur] = int32(k) + 1
		}
	}
	for c, k := range pick {
		if k == 0 {
			continue
		}
		cp := &currencyPatterns[k-1]
		if cp.pattern == "" && cp.decimal == "" && cp.group == "" {
			continue
		}
		p := nd.currencyPattern
		if cp.pattern != "" {
			p = cp.pattern
		}
		if f.opts.Style == StyleAccounting {
			p = nd.accountingPattern
		}
		nf, err := compileNumber(nd, p, true, f.opts.Display == DisplayNone)
		if err != nil {
			return nil, dataError(tag, err)
		}
		if f.opts.Style == StyleAccounting {
			nf.primary, nf.secondary = f.cur.primary, f.cur.secondary
		}
		if cp.decimal != "" {
			nf.decimal = cp.decimal
		}
		if cp.group != "" {
			nf.group = cp.group
		}
		f.curFmts = append(f.curFmts, curFormat{cur: uint8(c), nf: nf})
	}

	id := localeID(tag)
	if err := f.initDates(id); err != nil {
		return nil, dataError(tag, err)
	}
	f.names = namesFor(id)
	return f, nil
}

// curFormat is a compiled currency-specific format of one currency.
type curFormat struct {
	cur uint8 // index into currencyCodes
	nf  numFormat
}

// curFormat returns the compiled currency pattern for the currency with
// index i: its CLDR currency-specific format, else the locale's.
func (f *Formatter) curFormat(i int) *numFormat {
	for k := range f.curFmts {
		if int(f.curFmts[k].cur) == i {
			return &f.curFmts[k].nf
		}
	}
	return &f.cur
}

// compileNumber compiles a pattern of nd with nd's separators (the
// currency ones when currency is set).
func compileNumber(nd *numberData, pattern string, currency, hide bool) (numFormat, error) {
	nf, err := compilePattern(pattern, patternSyms{plus: nd.plus, minus: nd.minus, percent: nd.percent}, hide)
	if err != nil {
		return nf, err
	}
	nf.minGrouping = int(nd.minGrouping)
	nf.decimal, nf.group = nd.decimal, nd.group
	if currency {
		nf.decimal, nf.group = nd.curDecimal, nd.curGroup
	}
	return nf, nil
}

// findNumberLocale returns the numberLocales entry of a CLDR locale ID.
func findNumberLocale(id string) (*numberLocale, bool) {
	lo, hi := 0, len(numberLocales)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch c := numberLocales[m].id; {
		case c == id:
			return &numberLocales[m], true
		case c < id:
			lo = m + 1
		default:
			hi = m
		}
	}
	return nil, false
}

// Tag returns the language tag the Formatter was made for, as given to
// NewFormatter.
func (f *Formatter) Tag() language.Tag {
	f.check()
	return f.tag
}

// check panics with a clear message when f is nil: a nil *Formatter is a
// programming error (a Formatter that was never built), reported at the
// call rather than as a nil dereference deep inside.
func (f *Formatter) check() {
	if f == nil {
		panic("locale: nil *Formatter (make one with NewFormatter)")
	}
}
