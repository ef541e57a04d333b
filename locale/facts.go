package locale

// This file is a read-only view of a Formatter's resolved data, for
// programs that hand the facts to clients that format without CLDR of
// their own (the country metadata service, store/metadata). It reads the
// structures NewFormatter built and changes nothing.

// Affixes are the literal text before and after the digits of one sign of
// a number pattern, with every symbol (plus, minus, percent, the currency
// as the Formatter shows it and the no-break space of the currency
// spacing rule) already substituted.
type Affixes struct {
	Prefix, Suffix string
}

// NumberFormat is a CLDR number pattern as a Formatter resolved it: what a
// client needs to write a number exactly as the Formatter does.
//
// To format a value v with it: round |v| to MaxFractionDigits with
// NumberFacts.Rounding; pad the integer digits to MinIntegerDigits; drop
// trailing fraction zeros down to MinFractionDigits; group the integer
// digits when NumberFacts.Grouping is set, PrimaryGroup is not 0 and
// there are at least PrimaryGroup+MinGroupingDigits of them (the last
// PrimaryGroup digits form one group, the digits before it groups of
// SecondaryGroup, the leftmost group possibly shorter), joined by Group;
// put Decimal before the fraction digits when there are any; map the
// ASCII digits to NumberFacts.Digits; and write Negative's prefix and
// suffix around the result when v is below zero before rounding (so
// -0.001 with two digits is the negative form of 0.00), Positive's
// otherwise.
type NumberFormat struct {
	Positive, Negative Affixes
	MinIntegerDigits   int
	MinFractionDigits  int
	MaxFractionDigits  int
	// PrimaryGroup is the size of the rightmost group (3), 0 for no
	// grouping; SecondaryGroup the size of the others (2 in Indian
	// grouping, 12,34,567).
	PrimaryGroup, SecondaryGroup int
	// MinGroupingDigits is CLDR's minimumGroupingDigits: with 2, 1234
	// is not grouped but 12345 is (es, pl).
	MinGroupingDigits int
	// Decimal and Group are the separators.
	Decimal, Group string
}

// NumberFacts is the number data a Formatter uses: its numbering system's
// digits, its options, and the decimal and percent formats.
type NumberFacts struct {
	// Digits are the numbering system's digits 0 to 9 ("٠" … "٩" in
	// ar-EG).
	Digits [10]string
	// Rounding is the rounding mode of every format.
	Rounding RoundingMode
	// Grouping is false when FormatOptions.NoGrouping is set.
	Grouping bool
	// Plus, Minus and PercentSign are the locale's symbols, as
	// substituted into the affixes.
	Plus, Minus, PercentSign string
	// Decimal is the format of Formatter.Number; Percent that of
	// Formatter.Percent, which first multiplies the value by 100.
	Decimal, Percent NumberFormat
}

// NumberFacts returns the number data f formats with. The zero Formatter
// returns the zero NumberFacts.
func (f *Formatter) NumberFacts() NumberFacts {
	f.check()
	nf := NumberFacts{
		Digits:   f.digits,
		Rounding: f.opts.Rounding,
		Grouping: !f.opts.NoGrouping,
		Decimal:  f.num.facts(nil, f.numMin, f.numMax),
		Percent:  f.pct.facts(nil, f.pctMin, f.pctMax),
	}
	if nd := f.numberData(); nd != nil {
		nf.Plus, nf.Minus, nf.PercentSign = nd.plus, nd.minus, nd.percent
	}
	return nf
}

// CurrencyFormat returns the format f uses for amounts in the currency
// with the ISO 4217 code (any case): the standard or accounting pattern
// (FormatOptions.Style), CLDR's currency-specific pattern and separators
// where the locale has them, the fraction digits applied (the currency's
// digits unless FormatOptions.Fraction), and the currency as
// FormatOptions.Display shows it written into the affixes with the
// no-break space of the currency-spacing rule. Formatting an amount with
// it as NumberFormat describes gives the bytes of Formatter.Currency. It
// reports false for an unknown code and for the zero Formatter.
func (f *Formatter) CurrencyFormat(code string) (NumberFormat, bool) {
	f.check()
	i, ok := lookupCurrency(code)
	if !ok || f.cur.decimal == "" {
		return NumberFormat{}, false
	}
	lo, hi := int(currencyDigits[i]), int(currencyDigits[i])
	if fr := f.opts.Fraction; fr.set {
		lo, hi = int(fr.min), int(fr.max)
	}
	var cs *curSym
	if f.opts.Display != DisplayNone {
		s := f.currencySym(i)
		cs = &s
	}
	return f.curFormat(i).facts(cs, lo, hi), true
}

// CurrencySymbols returns the symbol and the narrow symbol the locale of
// f shows for the currency with the ISO 4217 code, whatever
// FormatOptions.Display says. It reports false for an unknown code.
func (f *Formatter) CurrencySymbols(code string) (symbol, narrow string, ok bool) {
	f.check()
	i, ok := lookupCurrency(code)
	if !ok {
		return "", "", false
	}
	k := f.syms[i]
	o := &symbolBase[i]
	if k >= numCurrencies {
		o = &symbolOverrides[k-numCurrencies]
	}
	return o.sym, o.narrow, true
}

// facts returns nf resolved with the currency cs (nil: none) and the
// fraction digits [minFrac, maxFrac].
func (nf *numFormat) facts(cs *curSym, minFrac, maxFrac int) NumberFormat {
	if nf.decimal == "" {
		return NumberFormat{}
	}
	return NumberFormat{
		Positive:          nf.pos.affixes(cs),
		Negative:          nf.neg.affixes(cs),
		MinIntegerDigits:  max(nf.minInt, 1),
		MinFractionDigits: minFrac,
		MaxFractionDigits: maxFrac,
		PrimaryGroup:      nf.primary,
		SecondaryGroup:    nf.secondary,
		MinGroupingDigits: nf.minGrouping,
		Decimal:           nf.decimal,
		Group:             nf.group,
	}
}

// affixes writes cs into sp as appendNum does.
func (sp *subPattern) affixes(cs *curSym) Affixes {
	a := Affixes{Prefix: sp.prefix, Suffix: sp.suffix}
	if cs == nil {
		return a
	}
	switch sp.curIn {
	case 1:
		sep := ""
		if cs.lastIsLetter && sp.curAt == len(sp.prefix) {
			sep = "\u00a0"
		}
		a.Prefix = sp.prefix[:sp.curAt] + cs.text + sep + sp.prefix[sp.curAt:]
	case 2:
		sep := ""
		if cs.firstIsLetter && sp.curAt == 0 {
			sep = "\u00a0"
		}
		a.Suffix = sp.suffix[:sp.curAt] + sep + cs.text + sp.suffix[sp.curAt:]
	}
	return a
}

// numberData returns the number record f was built from, found as
// NewFormatter finds it; nil for the zero Formatter.
func (f *Formatter) numberData() *numberData {
	if f.num.decimal == "" {
		return nil
	}
	rec, latn, n := -1, -1, 0
	for id := localeID(f.tag); id != "" && n < 8; id = parentID(id) {
		nl, ok := findNumberLocale(id)
		if !ok {
			continue
		}
		n++
		if rec < 0 && nl.rec >= 0 {
			rec = int(nl.rec)
		}
		if latn == -1 && nl.latn != -1 {
			latn = int(nl.latn)
		}
	}
	if rec < 0 {
		return nil
	}
	if latn >= 0 && f.tag.TypeForKey("nu") == "latn" {
		rec = latn
	}
	return &numberRecords[rec]
}

// DateFacts is the Gregorian date data a Formatter uses: the CLDR
// pattern of each DateStyle (UTS #35 date field symbols: G era, y year,
// M and L month, d day, E and c weekday, quoted literals) and the names
// the patterns refer to. Numeric fields are written in NumberFacts.Digits,
// padded to the field's width (yy is the year modulo 100); M or L of width
// 3 is the abbreviated month name, of width 4 or more the wide one; E of
// width 4 or more is the wide weekday name, shorter the abbreviated one;
// c is the stand-alone wide weekday name; G is the era (index 0 before
// year 1, whose years count back from 1).
type DateFacts struct {
	// Patterns are indexed by DateStyle: short, medium, long, full.
	Patterns [4]string
	// Months are January first; Weekdays Sunday first.
	MonthsWide, MonthsAbbreviated                             [12]string
	WeekdaysWide, WeekdaysAbbreviated, WeekdaysStandaloneWide [7]string
	// Eras are BC then AD.
	Eras [2]string
}

// DateFacts returns the date data f formats with. The zero Formatter
// returns the zero DateFacts.
func (f *Formatter) DateFacts() DateFacts {
	f.check()
	d := DateFacts{
		MonthsWide:             f.dates.monthsWide,
		MonthsAbbreviated:      f.dates.monthsAbbr,
		WeekdaysWide:           f.dates.daysWide,
		WeekdaysAbbreviated:    f.dates.daysAbbr,
		WeekdaysStandaloneWide: f.dates.daysStand,
		Eras:                   f.dates.eras,
	}
	if f.num.decimal == "" {
		return d
	}
	for id := localeID(f.tag); id != ""; id = parentID(id) {
		if dl, ok := findDateLocale(id); ok {
			d.Patterns = dateRecords[dl.rec].patterns
			break
		}
	}
	return d
}
