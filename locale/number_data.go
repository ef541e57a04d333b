package locale

// numberData is the number data of one locale in its default numbering
// system, as generated into numberRecords from CLDR numbers.json.
type numberData struct {
	digits            string // the ten digits 0–9 of the numbering system
	decimal, group    string // separators for numbers and percentages
	curDecimal        string // decimal separator for currency amounts
	curGroup          string // grouping separator for currency amounts
	plus, minus       string // sign symbols
	percent           string // percent sign
	minGrouping       uint8  // CLDR minimumGroupingDigits
	decimalPattern    string // CLDR decimalFormats standard
	percentPattern    string // CLDR percentFormats standard
	currencyPattern   string // CLDR currencyFormats standard
	accountingPattern string // CLDR currencyFormats accounting
}

// numberLocale is an entry of numberLocales: a locale whose number record,
// currency symbols or currency-specific formats differ from its parent
// chain's.
type numberLocale struct {
	id       string // CLDR locale ID
	rec      int16  // index into numberRecords, -1 for the parent's
	latn     int16  // Latin-digit record, -1 for the parent's, -2 for none (rec is Latin)
	lo, hi   uint16 // symbolOverrides[lo:hi] apply to this locale
	plo, phi uint16 // currencyPatterns[plo:phi] apply to this locale
}

// currencyPattern is CLDR's currency-specific format of one currency in
// a locale (currencies.json: the pattern, decimal and group of a
// currency, such as ESP in ca, PTE in pt-PT, EUR in en-DE). An empty field
// keeps the locale's own; the pattern replaces the standard currency
// pattern only (not the accounting one), the separators apply to both.
type currencyPattern struct {
	cur            uint8 // index into currencyCodes
	pattern        string
	decimal, group string
}

// symbolOverride is the symbol and narrow symbol of one currency.
type symbolOverride struct {
	cur    uint8 // index into currencyCodes
	flags  uint8 // letter flags: symFirst, symLast, narrowFirst, narrowLast
	sym    string
	narrow string
}

// The bits of symbolOverride.flags: whether a symbol starts or ends with a
// letter (unicode.IsLetter), for the currency-spacing rule.
const (
	symFirstLetter = 1 << iota
	symLastLetter
	narrowFirstLetter
	narrowLastLetter
)
