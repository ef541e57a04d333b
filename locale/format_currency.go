package locale

import (
	"github.com/shopspring/decimal"
)

// Currency formats amount in the currency with the ISO 4217 code (upper or
// lower case) using the locale's standard or accounting currency pattern,
// its separators and digits, and the symbol, narrow symbol or code as
// FormatOptions say. The amount is rounded to the currency's ISO 4217
// digits (2 for EUR, 0 for JPY, 3 for BHD) with the formatter's rounding
// mode, unless FormatOptions.Fraction says otherwise:
//
//	de:    1234.5 EUR → 1.234,50 €
//	en-US: -1234.5 USD → -$1,234.50 (accounting: ($1,234.50))
//	ja:    1234.5 JPY → ￥1,234 (half-even)
//
// An unknown or malformed code is an *Error wrapping ErrUnknownCurrency
// (`locale: Currency: code "EURO": unknown currency code`); an amount with
// more than MaxIntegerDigits integer digits is an *Error wrapping
// ErrOutOfRange.
//
// The sign is the amount's sign before rounding, so -0.001 USD is
// "-$0.00", as in ICU. A no-break space separates the number from a
// symbol or code that touches it with a letter ("USD 5.00", "5,00 USD").
//
// The symbol is CLDR's for the locale, the ISO code where that is CLDR's
// symbol ("USD 42.00" in es-MX, "42 JPY" in fr-CH), and a currency with a
// CLDR currency-specific pattern or separators uses them (EUR in en-DE,
// PTE in pt-PT); two currencies never format alike in one locale.
// Historical currencies (HRK, BGN, …) format like current ones.
func (f *Formatter) Currency(amount decimal.Decimal, code string) (string, error) {
	f.check()
	var buf [64]byte
	b, err := f.appendCurrencyDecimal("Currency", buf[:0], amount, code)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// AppendCurrency appends the Currency form of amount to dst and returns
// the extended buffer; on error dst is returned unchanged. It does not
// allocate when dst has room, the amount's coefficient has at most 19
// digits (any amount below 10^17 with two decimals) and the digits shown,
// integer and fraction together, number at most 64: every realistic
// amount. Larger numbers cost a few allocations.
func (f *Formatter) AppendCurrency(dst []byte, amount decimal.Decimal, code string) ([]byte, error) {
	f.check()
	i, ok := lookupCurrency(code)
	if !ok {
		return dst, newError("AppendCurrency", "code", code, ErrUnknownCurrency, "")
	}
	return f.appendCurrency("AppendCurrency", dst, i, decimalToFixed(amount, 0))
}

func (f *Formatter) appendCurrencyDecimal(op string, dst []byte, amount decimal.Decimal, code string) ([]byte, error) {
	i, ok := lookupCurrency(code)
	if !ok {
		return dst, newError(op, "code", code, ErrUnknownCurrency, "")
	}
	return f.appendCurrency(op, dst, i, decimalToFixed(amount, 0))
}

// AppendCurrencyFixed appends the Currency form of the fixed-point amount
// value × 10^exp (as decimal.New(value, exp) would hold it: value 123456
// with exp -2 is 1234.56) to dst. It is the fast path for callers that
// keep money as scaled int64; it does not allocate when dst has room and
// at most 64 digits are shown, integer and fraction together (any value
// with any exp from -30 to 30 at the currency's digits).
func (f *Formatter) AppendCurrencyFixed(dst []byte, value int64, exp int32, code string) ([]byte, error) {
	f.check()
	i, ok := lookupCurrency(code)
	if !ok {
		return dst, newError("AppendCurrencyFixed", "code", code, ErrUnknownCurrency, "")
	}
	n := fixedNum{neg: value < 0, small: uint64(value), exp: int64(exp)}
	if n.neg {
		n.small = -n.small
	}
	return f.appendCurrency("AppendCurrencyFixed", dst, i, n)
}

func (f *Formatter) appendCurrency(op string, dst []byte, i int, n fixedNum) ([]byte, error) {
	lo, hi := int(currencyDigits[i]), int(currencyDigits[i])
	if fr := f.opts.Fraction; fr.set {
		lo, hi = int(fr.min), int(fr.max)
	}
	if f.opts.Display == DisplayNone {
		return f.appendNum(op, dst, f.curFormat(i), n, lo, hi, nil)
	}
	cs := f.currencySym(i)
	return f.appendNum(op, dst, f.curFormat(i), n, lo, hi, &cs)
}

// lookupCurrency returns the index of code in currencyCodes through
// currencyHashTable, folding ASCII lower case to upper; it does what
// currencyIndex does, in a few nanoseconds, for the formatting hot path.
func lookupCurrency(code string) (int, bool) {
	if len(code) != 3 {
		return 0, false
	}
	var key uint32
	for i := range 3 {
		c := code[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c < 'A' || c > 'Z' {
			return 0, false
		}
		key = key<<8 | uint32(c)
	}
	for h := currencyHash(key); ; h = (h + 1) % uint32(len(currencyHashTable)) {
		e := currencyHashTable[h]
		if e == 0 {
			return 0, false
		}
		if e>>8 == key {
			return int(e & 0xff), true
		}
	}
}

// currencyHash is the hash of currencyHashTable (Fibonacci hashing to 9
// bits); the generator uses the same function.
func currencyHash(key uint32) uint32 { return (key * 0x9E3779B1) >> 23 }

// CurrencySymbol returns the currency as the Formatter shows it: the
// symbol, narrow symbol or ISO code per FormatOptions.Display ("" for
// DisplayNone), e.g. "US$" for USD in en-CA, "$" with the narrow symbol.
// It reports false for an unknown or malformed code.
func (f *Formatter) CurrencySymbol(code string) (string, bool) {
	f.check()
	i, ok := lookupCurrency(code)
	if !ok {
		return "", false
	}
	if f.opts.Display == DisplayNone {
		return "", true
	}
	return f.currencySym(i).text, true
}

// currencySym returns the currency with index i as the Formatter shows
// it (not for DisplayNone).
func (f *Formatter) currencySym(i int) curSym {
	k := f.syms[i]
	o := &symbolBase[i]
	if k >= numCurrencies {
		o = &symbolOverrides[k-numCurrencies]
	}
	switch f.opts.Display {
	case DisplayNarrowSymbol:
		return curSym{o.narrow, o.flags&narrowFirstLetter != 0, o.flags&narrowLastLetter != 0}
	case DisplayCode:
		return curSym{currencyCodes[i*3 : i*3+3], true, true}
	}
	return curSym{o.sym, o.flags&symFirstLetter != 0, o.flags&symLastLetter != 0}
}
