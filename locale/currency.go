package locale

// Currency holds the facts about one ISO 4217 currency that pricing and
// formatting need. Besides the current ISO 4217 list, the package knows
// the currencies that stopped being legal tender since 2000 and that CLDR
// still names (BGN, HRK, the euro's predecessors, VEF, ZWL, …), so that
// stored orders and invoices in them still load and format; they report
// Historical.
type Currency struct {
	// Code is the ISO 4217 alphabetic code in upper case, e.g. "EUR".
	Code string
	// Numeric is the ISO 4217 numeric code, e.g. 978 for EUR; 0 for a
	// historical currency that is no longer on the ISO 4217 list.
	Numeric int
	// Digits is the number of minor-unit digits (ISO 4217): 2 for EUR,
	// 0 for JPY, 3 for BHD.
	Digits int
	// CashDigits is the number of fraction digits used when paying in cash
	// (CLDR): 0 for SEK and NOK, which have no coins below one krona.
	CashDigits int
	// CashIncrement is the smallest cash amount in units of 10^-CashDigits:
	// 5 for CHF and CAD (0.05), 50 for DKK (0.50), 1 where cash is paid to
	// the last cash digit.
	CashIncrement int
	// Until is, for a historical currency, the end of its use as legal
	// tender as CLDR gives it (its last currencyData _to date: 2023-01-14
	// for HRK, 2026-01-31 for BGN); the zero Date for a current currency.
	Until Date
}

// Historical reports whether no country uses c as legal tender any more
// (c.Until is set). A market must not be configured in a historical
// currency; amounts in one are for stored orders and invoices.
func (c Currency) Historical() bool { return !c.Until.IsZero() }

// CurrencyInfo returns the facts about the currency with the given ISO 4217
// code. Lower-case input is accepted and normalized; an unknown code returns
// false. It does not allocate.
func CurrencyInfo(code string) (Currency, bool) {
	i, ok := currencyIndex(code)
	if !ok {
		return Currency{}, false
	}
	return Currency{
		Code:          currencyCodes[i*3 : i*3+3],
		Numeric:       int(currencyNumeric[i]),
		Digits:        int(currencyDigits[i]),
		CashDigits:    int(currencyCashDigits[i]),
		CashIncrement: int(currencyCashIncrement[i]),
		Until:         Date{currencyUntil[i]},
	}, true
}

// Currencies returns the ISO 4217 codes of every currency CurrencyInfo
// knows, current and historical, sorted. The slice is freshly allocated and
// belongs to the caller.
func Currencies() []string {
	out := make([]string, numCurrencies)
	for i := range out {
		out[i] = currencyCodes[i*3 : i*3+3]
	}
	return out
}

// currencyIndex returns the position of code in the currency tables,
// folding ASCII lower case to upper. It is lookupCurrency: the package
// has one currency index.
func currencyIndex(code string) (int, bool) { return lookupCurrency(code) }
