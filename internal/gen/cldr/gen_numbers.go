package main

import (
	"fmt"
	"slices"
	"unicode"
	"unicode/utf8"
)

func init() {
	register("numbers", "number_tables.go", genNumbers)
	register("numberlocales", "number_locales_test.go", genNumberLocales)
}

// numberRecord is the number data of one locale in its default numbering
// system. It mirrors locale.numberData; records are interned, so equal
// records share one table entry.
type numberRecord struct {
	Digits            string
	Decimal, Group    string
	CurDecimal        string
	CurGroup          string
	Plus, Minus       string
	Percent           string
	MinGrouping       int
	DecimalPattern    string
	PercentPattern    string
	CurrencyPattern   string
	AccountingPattern string
}

// curPattern is CLDR's currency-specific format of one currency in one
// locale (currencies.json pattern, decimal, group); zero when there is none.
type curPattern struct{ pattern, decimal, group string }

// symbolPair is the symbol and the narrow symbol of one currency.
type symbolPair struct{ sym, narrow string }

// resolveSymbol returns the symbols of currency c from a locale's
// resolved currencies.json entries cs (nil for root itself) and root's.
// A symbol that is another currency's ISO code (XCG's "ANG" in sq, where
// ANG itself shows "ANG") is replaced by c's own code, so that two
// currencies never print alike.
func resolveSymbol(cs, root map[string]map[string]string, c string) symbolPair {
	p := resolveCLDRSymbol(cs, root, c)
	if isOtherCode(p.sym, c, cs) || isOtherCode(p.sym, c, root) {
		p.sym = c
	}
	if isOtherCode(p.narrow, c, cs) || isOtherCode(p.narrow, c, root) {
		p.narrow = p.sym
	}
	return p
}

// isOtherCode reports whether s is the ISO code of a currency other than
// c that the locale's data names.
func isOtherCode(s, c string, cs map[string]map[string]string) bool {
	_, named := cs[s]
	return s != c && len(s) == 3 && named
}

func resolveCLDRSymbol(cs, root map[string]map[string]string, c string) symbolPair {
	p := symbolPair{sym: cs[c]["symbol"], narrow: cs[c]["symbol-alt-narrow"]}
	if p.sym == "" {
		p.sym = root[c]["symbol"]
	}
	if p.sym == "" {
		p.sym = c
	}
	if p.narrow == "" {
		p.narrow = root[c]["symbol-alt-narrow"]
	}
	if p.narrow == "" {
		p.narrow = p.sym
	}
	return p
}

// genNumbers writes the number and currency-symbol tables of the
// formatter: for every modern-coverage locale (cldr-core
// coverageLevels.json) whose data differs from what its CLDR parent chain
// already gives, the index of its number record and its currency-symbol
// overrides.
//
// Symbols follow CLDR's inheritance: the locale's own (resolved) symbol,
// else root's, else the ISO code; a locale whose CLDR symbol is the ISO
// code shows the code (es-MX USD is "USD", fr-CH JPY "JPY"), where
// bojanz/currency v1.4.2 substitutes the English symbol. Narrow symbols
// are CLDR's symbol-alt-narrow of the locale, else of root, else the
// symbol.
func genNumbers(d *data) ([]byte, error) {
	locales, err := formatLocales(d)
	if err != nil {
		return nil, err
	}
	parent, err := d.parentFunc()
	if err != nil {
		return nil, err
	}
	numberingSystems, err := readSupplemental[map[string]struct {
		Digits string `json:"_digits"`
		Type   string `json:"_type"`
	}](d, "numberingSystems.json", "numberingSystems")
	if err != nil {
		return nil, err
	}

	codes, err := d.currencyCodes()
	if err != nil {
		return nil, err
	}
	root, err := readLocale[map[string]map[string]string](d, "cldr-numbers-full", "und", "currencies.json", "numbers", "currencies")
	if err != nil {
		return nil, err
	}

	recs := map[string]numberRecord{}
	latnRecs := map[string]numberRecord{} // Latin-digit data of non-Latin locales
	syms := map[string][]symbolPair{}     // locale → per currency (sorted codes)
	pats := map[string][]curPattern{}     // locale → per currency: CLDR's currency-specific format
	for _, id := range locales {
		n, err := readLocale[map[string]any](d, "cldr-numbers-full", id, "numbers.json", "numbers")
		if err != nil {
			return nil, err
		}
		str := func(v any) string { s, _ := v.(string); return s }
		sys := str(n["defaultNumberingSystem"])
		nsys, ok := numberingSystems[sys]
		if !ok || nsys.Type != "numeric" || len([]rune(nsys.Digits)) != 10 {
			return nil, fmt.Errorf("%s: numbering system %q is not a numeric one", id, sys)
		}
		r, err := readNumberRecord(n, sys, nsys.Digits)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", id, err)
		}
		if sys != "latn" {
			lr, err := readNumberRecord(n, "latn", "0123456789")
			if err != nil {
				return nil, fmt.Errorf("%s: %v", id, err)
			}
			latnRecs[id] = lr
		}
		recs[id] = r

		cs, err := readLocale[map[string]map[string]string](d, "cldr-numbers-full", id, "currencies.json", "numbers", "currencies")
		if err != nil {
			return nil, err
		}
		row := make([]symbolPair, len(codes))
		for i, c := range codes {
			row[i] = resolveSymbol(cs, root, c)
		}
		syms[id] = row
		prow := make([]curPattern, len(codes))
		for i, c := range codes {
			prow[i] = curPattern{cs[c]["pattern"], cs[c]["decimal"], cs[c]["group"]}
		}
		pats[id] = prow
	}
	base := make([]symbolPair, len(codes))
	for i, c := range codes {
		base[i] = resolveSymbol(nil, root, c)
	}

	// Intern the records and resolve along the CLDR chain.
	isModern := setOf(locales)
	var records interner[numberRecord]
	intern := records.intern
	// Intern en first so that record 0 is English.
	intern(recs["en"])
	resolvedRec := func(id string) int {
		for ; id != ""; id = parent(id) {
			if isModern[id] {
				return intern(recs[id])
			}
		}
		return -1
	}
	// resolvedSym is what the runtime finds for id: the nearest modern
	// locale of the chain, else root.
	resolvedSym := func(id string) []symbolPair {
		for ; id != ""; id = parent(id) {
			if isModern[id] {
				return syms[id]
			}
		}
		return base
	}

	resolvedPat := func(id string) []curPattern {
		for ; id != ""; id = parent(id) {
			if isModern[id] {
				return pats[id]
			}
		}
		return make([]curPattern, len(codes))
	}

	var b buf
	b.p("package locale\n\n")
	b.p("// numberRecords holds the distinct number data of the modern CLDR locales\n")
	b.p("// in their default numbering system, and in the Latin one for locales\n")
	b.p("// whose default is another; record 0 is English.\n")
	b.p("var numberRecords = [...]numberData{\n")
	// Emit after the locale pass so all records are interned.
	var locs buf
	var ovs, cps buf
	nov, ncp := 0, 0
	nloc := 0
	// latnOf is the Latin-digit record of a modern locale: a record index,
	// or -2 when its default numbering system is already Latin.
	latnOf := func(id string) int {
		if r, ok := latnRecs[id]; ok {
			return intern(r)
		}
		return -2
	}
	resolvedLatn := func(id string) int {
		for ; id != ""; id = parent(id) {
			if isModern[id] {
				return latnOf(id)
			}
		}
		return -2
	}
	for _, id := range locales {
		rec := intern(recs[id])
		prec := resolvedRec(parent(id))
		own := -1
		if rec != prec {
			own = rec
		}
		latn := latnOf(id)
		if latn == resolvedLatn(parent(id)) {
			latn = -1
		}
		lo := nov
		prow := resolvedSym(parent(id))
		row := syms[id]
		for i := range codes {
			if row[i] != prow[i] {
				ovs.p("{%d, %d, %q, %q},\n", i, letterFlags(row[i]), row[i].sym, row[i].narrow)
				nov++
			}
		}
		plo := ncp
		pprow := resolvedPat(parent(id))
		for i, p := range pats[id] {
			if p != pprow[i] {
				cps.p("{%d, %q, %q, %q},\n", i, p.pattern, p.decimal, p.group)
				ncp++
			}
		}
		if own < 0 && latn == -1 && nov == lo && ncp == plo {
			continue
		}
		locs.p("{%q, %d, %d, %d, %d, %d, %d},\n", id, own, latn, lo, nov, plo, ncp)
		nloc++
	}
	for _, r := range records.list {
		b.p("{%q, %q, %q, %q, %q, %q, %q, %q, %d, %q, %q, %q, %q},\n",
			r.Digits, r.Decimal, r.Group, r.CurDecimal, r.CurGroup, r.Plus, r.Minus, r.Percent,
			r.MinGrouping, r.DecimalPattern, r.PercentPattern, r.CurrencyPattern, r.AccountingPattern)
	}
	b.p("}\n\n")
	b.p("// numberLocales lists, sorted by CLDR locale ID, the %d modern locales whose\n", nloc)
	b.p("// number record (rec, -1 for the parent's), Latin-digit record (latn, -1\n")
	b.p("// for the parent's, -2 when the default digits are Latin), currency\n")
	b.p("// symbols (symbolOverrides[lo:hi]) or currency-specific formats\n")
	b.p("// (currencyPatterns[plo:phi]) differ from their CLDR parent chain's.\n")
	b.p("var numberLocales = [...]numberLocale{\n%s}\n\n", locs.String())
	b.p("// symbolBase holds the CLDR root symbol and narrow symbol of every currency\n")
	b.p("// (the ISO code where root has none), indexed like currencyCodes: the end\n")
	b.p("// of every chain.\n")
	b.p("var symbolBase = [numCurrencies]symbolOverride{\n")
	for i := range codes {
		b.p("{%d, %d, %q, %q},\n", i, letterFlags(base[i]), base[i].sym, base[i].narrow)
	}
	b.p("}\n\n")
	b.p("// symbolOverrides holds the per-locale currency symbols (currency index,\n")
	b.p("// letter flags, symbol, narrow symbol) that differ from the parent chain's.\n")
	b.p("var symbolOverrides = [...]symbolOverride{\n%s}\n\n", ovs.String())
	b.p("// currencyPatterns holds CLDR's currency-specific formats (currency index,\n")
	b.p("// standard pattern, decimal and grouping separators; empty: the locale's)\n")
	b.p("// where they differ from the parent chain's; an all-empty entry cancels\n")
	b.p("// a parent's.\n")
	b.p("var currencyPatterns = [...]currencyPattern{\n%s}\n", cps.String())
	if len(codes) > 255 {
		return nil, fmt.Errorf("%d currencies do not fit a uint8 index", len(codes))
	}

	// An open-addressing hash table from the packed code to its index:
	// the formatter's hot path looks a currency up on every call.
	var table [currencyHashSize]uint32
	for i, c := range codes {
		key := uint32(c[0])<<16 | uint32(c[1])<<8 | uint32(c[2])
		h := currencyHash(key)
		for table[h] != 0 {
			h = (h + 1) % currencyHashSize
		}
		table[h] = key<<8 | uint32(i)
	}
	b.p("\n// currencyHashTable maps a packed upper-case currency code (c0<<16 | c1<<8 | c2)\n")
	b.p("// to its index in currencyCodes: entries are code<<8 | index, 0 when empty,\n")
	b.p("// at currencyHash(code) with linear probing.\n")
	b.p("var currencyHashTable = [%d]uint32{", currencyHashSize)
	elems(&b, table[:], 8, "%#x")
	b.p("}\n")
	return b.Bytes(), nil
}

// readNumberRecord reads the number data of one numbering system from a
// locale's numbers.json "numbers" object.
func readNumberRecord(n map[string]any, sys, digits string) (numberRecord, error) {
	str := func(v any) string { s, _ := v.(string); return s }
	var missing []string
	obj := func(key string) map[string]any {
		m, _ := n[key+"-numberSystem-"+sys].(map[string]any)
		if m == nil {
			missing = append(missing, key)
		}
		return m
	}
	symbols := obj("symbols")
	r := numberRecord{
		Digits:            digits,
		Decimal:           str(symbols["decimal"]),
		Group:             str(symbols["group"]),
		CurDecimal:        str(symbols["decimal"]),
		CurGroup:          str(symbols["group"]),
		Plus:              str(symbols["plusSign"]),
		Minus:             str(symbols["minusSign"]),
		Percent:           str(symbols["percentSign"]),
		MinGrouping:       1,
		DecimalPattern:    str(obj("decimalFormats")["standard"]),
		PercentPattern:    str(obj("percentFormats")["standard"]),
		CurrencyPattern:   str(obj("currencyFormats")["standard"]),
		AccountingPattern: str(obj("currencyFormats")["accounting"]),
	}
	if len(missing) > 0 {
		return r, fmt.Errorf("no %v for numbering system %s", missing, sys)
	}
	if s := str(symbols["currencyDecimal"]); s != "" {
		r.CurDecimal = s
	}
	if s := str(symbols["currencyGroup"]); s != "" {
		r.CurGroup = s
	}
	if mg := str(n["minimumGroupingDigits"]); mg != "" {
		if _, err := fmt.Sscan(mg, &r.MinGrouping); err != nil {
			return r, fmt.Errorf("minimumGroupingDigits %q: %v", mg, err)
		}
	}
	if r.AccountingPattern == "" {
		r.AccountingPattern = r.CurrencyPattern
	}
	for _, f := range []string{r.Decimal, r.Group, r.Minus, r.Plus, r.Percent, r.DecimalPattern, r.PercentPattern, r.CurrencyPattern} {
		if f == "" {
			return r, fmt.Errorf("incomplete %s number data %+v", sys, r)
		}
	}
	return r, nil
}

// letterFlags returns the bits of locale.symbolOverride.flags: whether
// the symbol and the narrow symbol start or end with a letter, which
// decides the no-break space of the currency-spacing rule.
func letterFlags(p symbolPair) int {
	isLetter := func(r rune) bool { return unicode.IsLetter(r) }
	f := 0
	if r, _ := utf8.DecodeRuneInString(p.sym); isLetter(r) {
		f |= 1
	}
	if r, _ := utf8.DecodeLastRuneInString(p.sym); isLetter(r) {
		f |= 2
	}
	if r, _ := utf8.DecodeRuneInString(p.narrow); isLetter(r) {
		f |= 4
	}
	if r, _ := utf8.DecodeLastRuneInString(p.narrow); isLetter(r) {
		f |= 8
	}
	return f
}

// currencyHashSize and currencyHash must match locale.currencyHash.
const currencyHashSize = 512

func currencyHash(key uint32) uint32 { return (key * 0x9E3779B1) >> 23 }

// genNumberLocales writes the list of every modern locale the formatter
// has data for, which the differential test against bojanz/currency walks.
func genNumberLocales(d *data) ([]byte, error) {
	locales, err := formatLocales(d)
	if err != nil {
		return nil, err
	}
	var b buf
	b.p("package locale\n\n")
	b.p("// modernLocaleIDs lists every CLDR locale with modern coverage, sorted.\n")
	b.p("var modernLocaleIDs = []string{\n")
	for i, id := range locales {
		b.p("%q,", id)
		if i%8 == 7 {
			b.p("\n")
		}
	}
	b.p("\n}\n")
	return b.Bytes(), nil
}

// formatLocales returns the modern-coverage locales except root, sorted.
func formatLocales(d *data) ([]string, error) {
	ids, err := d.modernLocales()
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(ids, func(id string) bool { return id == "und" || id == "root" }), nil
}
