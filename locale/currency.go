package locale

// Currency holds the facts about one ISO 4217 currency that pricing and
// formatting need.
type Currency struct {
	// Code is the ISO 4217 alphabetic code in upper case, e.g. "EUR".
	Code string
	// Numeric is the ISO 4217 numeric code, e.g. 978 for EUR.
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
}

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
	}, true
}

// Currencies returns the ISO 4217 codes of every known currency, sorted.
// The slice is freshly allocated and belongs to the caller.
func Currencies() []string {
	out := make([]string, numCurrencies)
	for i := range out {
		out[i] = currencyCodes[i*3 : i*3+3]
	}
	return out
}

// currencyIndex returns the position of code in the currency table, by
// binary search over the packed codes, folding ASCII lower case to upper.
func currencyIndex(code string) (int, bool) {
	if len(code) != 3 {
		return 0, false
	}
	var k [3]byte
	for i := range 3 {
		c := code[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c < 'A' || c > 'Z' {
			return 0, false
		}
		k[i] = c
	}
	key := uint32(k[0])<<16 | uint32(k[1])<<8 | uint32(k[2])
	lo, hi := 0, numCurrencies
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		c := currencyCodes[m*3:]
		v := uint32(c[0])<<16 | uint32(c[1])<<8 | uint32(c[2])
		switch {
		case v == key:
			return m, true
		case v < key:
			lo = m + 1
		default:
			hi = m
		}
	}
	return 0, false
}
