package pricing

import (
	"cmp"
	"math/big"
	"sync"

	"github.com/marketkit/marketkit/locale"
	"github.com/shopspring/decimal"
)

// Money is an exact amount in an ISO 4217 currency.
//
// Money is an immutable value: pass it by value. The zero Money has no
// currency and the amount 0; it is the identity for Add and Sub, so a sum
// can start from a zero Money. Every other Money has a currency, checked
// against the ISO 4217 table of package locale when it is created.
//
// Internally the amount is a checked fixed-point int64 coefficient with a
// scale; amounts that do not fit switch transparently to an exact big
// integer. Never compare Money with ==: 1.5 EUR and 1.50 EUR are equal
// amounts with different representations. Use Equal, Compare (to sort) or
// Cmp (to compare amounts that must share a currency).
type Money struct {
	coef  int64    // coefficient on the fast path
	wide  *big.Int // the coefficient when it does not fit coef (then coef is 0)
	scale int32    // fraction digits: amount = coefficient × 10^-scale, ≥ 0
	cur   curID    // the currency; 0 only for the zero Money
	// Four fields at most: the compiler keeps such structs in registers.
}

// curID packs the currency's position in locale's table (plus one) and
// its minor-unit digits: (position+1)<<8 | digits. 0 is no currency. The
// position is not stored anywhere outside the process (text, JSON and SQL
// forms carry the code), so a new table in another build is harmless.
type curID uint32

func (c curID) digits() int16 { return int16(c & 0xff) }
func (c curID) facts() *curFacts {
	return &currencies().facts[c>>8-1]
}

// currency returns the currency and minor-unit digits of code. Lower-case
// codes are accepted; current and historical ISO 4217 currencies (BGN,
// HRK, DEM, …, for stored orders) are known, as in locale.
func currency(op, code string) (curID, int16, error) {
	c, ok := locale.CurrencyInfo(code)
	if !ok || c.Digits < 0 || c.Digits > 18 {
		return 0, 0, currencyError(op, "currency", code)
	}
	i, found := currencies().find(c.Code)
	if !found { // unreachable: locale.Currencies lists every code CurrencyInfo knows
		return 0, 0, currencyError(op, "currency", code)
	}
	return curID(i+1)<<8 | curID(c.Digits), int16(c.Digits), nil
}

// codeKey packs a three-letter code into an integer that sorts as the code.
func codeKey(code string) uint32 {
	return uint32(code[0])<<16 | uint32(code[1])<<8 | uint32(code[2])
}

// find returns the position of the upper-case code (a binary search on
// packed keys: a few integer comparisons).
func (t *curTable) find(code string) (int, bool) {
	if len(code) != 3 {
		return 0, false
	}
	k := codeKey(code)
	lo, hi := 0, len(t.keys)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch v := t.keys[m]; {
		case v == k:
			return m, true
		case v < k:
			lo = m + 1
		default:
			hi = m
		}
	}
	return 0, false
}

// curFacts is what Money needs of a currency besides its digits.
type curFacts struct {
	code string // the alphabetic code, upper case
	cash step   // the cash increment
}

// curTable holds locale's currency facts in locale's order. It is not a
// second currency table: it is filled on first use from locale's one table
// (locale.Currencies and locale.CurrencyInfo), so that a Money, which
// holds a position, finds its code and cash increment by indexing.
type curTable struct {
	keys  []uint32 // codeKey of each code, sorted as locale.Currencies returns them
	facts []curFacts
}

var currencies = sync.OnceValue(func() *curTable {
	codes := locale.Currencies()
	t := &curTable{keys: make([]uint32, len(codes)), facts: make([]curFacts, len(codes))}
	for i, code := range codes {
		t.keys[i] = codeKey(code)
		c, _ := locale.CurrencyInfo(code)
		k := uint64(c.CashIncrement)
		if k == 0 {
			k = 1
		}
		t.facts[i] = curFacts{code: c.Code, cash: step{k: k, t: int32(c.CashDigits)}}
	}
	return t
})

// code returns the upper-case ISO 4217 code, "" for no currency.
func (c curID) code() string {
	if c == 0 {
		return ""
	}
	return c.facts().code
}

// code returns the upper-case ISO 4217 code, "" for the zero Money.
func (m Money) code() string { return m.cur.code() }

// ParseMoney parses an amount in plain decimal notation ("19.99", "-5",
// "+5", "0.125": an optional sign, digits, and optionally a point followed
// by digits) in the currency code. The amount keeps all its fraction digits
// (it is not rounded); it must not have an exponent, spaces or group
// separators, and must fit in 100 characters, 60 integer digits and 36
// fraction digits (ErrRange otherwise). The code is an ISO 4217 code;
// lower case is accepted and normalized ("eur" becomes "EUR"). ParseMoney
// does not allocate for amounts of at most 18 digits, integer and fraction
// together.
func ParseMoney(amount, code string) (Money, error) {
	cc, _, err := currency("ParseMoney", code)
	if err != nil {
		return Money{}, err
	}
	coef, scale, wide, err := parseDecimal(amount)
	if err != nil {
		return Money{}, newError("ParseMoney", "amount", amount, err, decimalReason(err))
	}
	m := Money{cur: cc, coef: coef, scale: int32(scale)}
	if wide != nil {
		m = m.withBig(wide, scale)
	}
	return m, nil
}

// MustParseMoney is like ParseMoney but panics on error. It is meant for
// literals in tests and package-level variables only.
func MustParseMoney(amount, code string) Money {
	m, err := ParseMoney(amount, code)
	if err != nil {
		panic(err)
	}
	return m
}

// MoneyFromMinor returns units minor units of the currency, e.g.
// MoneyFromMinor(1999, "EUR") is 19.99 EUR and MoneyFromMinor(500, "JPY")
// is 500 JPY.
func MoneyFromMinor(units int64, code string) (Money, error) {
	cc, digits, err := currency("MoneyFromMinor", code)
	if err != nil {
		return Money{}, err
	}
	m := Money{cur: cc, scale: int32(digits)}
	if c, ok := toInt64(uabs(units), units < 0); ok {
		m.coef = c
		return m, nil
	}
	return m.withBig(big.NewInt(units), int32(digits)), nil
}

// MoneyFromDecimal returns d in the currency code, exactly. Like
// ParseMoney it accepts at most 60 integer digits and 36 fraction digits
// (ErrRange otherwise).
func MoneyFromDecimal(d decimal.Decimal, code string) (Money, error) {
	cc, _, err := currency("MoneyFromDecimal", code)
	if err != nil {
		return Money{}, err
	}
	if e := int(d.Exponent()); d.Sign() != 0 && (e < -maxFracDigit || e+d.NumDigits() > maxIntDigits) {
		return Money{}, newError("MoneyFromDecimal", "amount", decString(d), ErrRange, "more than 60 integer or 36 fraction digits")
	}
	m := Money{cur: cc}
	if f, ok := fixedFromDecimal(d); ok {
		m.coef, m.scale = f.coef, f.scale
		return m, nil
	}
	return m.withBig(d.Coefficient(), -d.Exponent()), nil
}

// MoneyFromFixed returns f in the currency code.
func MoneyFromFixed(f Fixed, code string) (Money, error) {
	cc, _, err := currency("MoneyFromFixed", code)
	if err != nil {
		return Money{}, err
	}
	return Money{cur: cc, coef: f.coef, scale: f.scale}, nil
}

// withBig returns m's currency with the amount c × 10^-scale, on the fast
// path when it fits.
func (m Money) withBig(c *big.Int, scale int32) Money {
	if scale < 0 {
		c = new(big.Int).Mul(c, bigPow10(-scale))
		scale = 0
	}
	m.scale = scale
	if c.IsInt64() {
		if v, ok := toInt64(uabs(c.Int64()), c.Sign() < 0); ok {
			m.coef, m.wide = v, nil
			return m
		}
	}
	m.coef, m.wide = 0, c
	return m
}

// bigCoef returns the coefficient as a new big.Int.
func (m Money) bigCoef() *big.Int {
	if m.wide != nil {
		return new(big.Int).Set(m.wide)
	}
	return big.NewInt(m.coef)
}

// Currency returns the upper-case ISO 4217 code, or "" for the zero Money.
func (m Money) Currency() string { return m.code() }

// Digits returns the number of minor-unit digits of the currency (2 for
// EUR, 0 for JPY, 3 for BHD).
func (m Money) Digits() int { return int(int32(m.cur.digits())) }

// Decimal returns the amount as a decimal.Decimal (this allocates).
func (m Money) Decimal() decimal.Decimal {
	if m.wide != nil {
		return decimal.NewFromBigInt(m.wide, -m.scale)
	}
	return decimal.New(m.coef, -m.scale)
}

// Fixed returns the amount as a Fixed when it fits (at most 18 fraction
// digits after dropping trailing zeros, and an int64 coefficient).
func (m Money) Fixed() (Fixed, bool) {
	if m.wide != nil {
		c, s, ok := fromBigCoef(m.wide, m.scale)
		if !ok || s > maxFixedScale {
			return Fixed{}, false
		}
		return Fixed{coef: c, scale: s}, true
	}
	c, s := m.coef, m.scale
	for s > maxFixedScale && c%10 == 0 {
		c /= 10
		s--
	}
	if s > maxFixedScale {
		return Fixed{}, false
	}
	return Fixed{coef: c, scale: s}, true
}

// Minor returns the amount in minor units (1999 for 19.99 EUR). It reports
// false when the amount has more fraction digits than the currency or does
// not fit in an int64.
func (m Money) Minor() (int64, bool) {
	if m.wide != nil {
		c := m.bigCoef()
		if m.scale <= int32(m.cur.digits()) {
			c.Mul(c, bigPow10(int32(m.cur.digits())-m.scale))
		} else if _, r := c.QuoRem(c, bigPow10(m.scale-int32(m.cur.digits())), new(big.Int)); r.Sign() != 0 {
			return 0, false
		}
		return c.Int64(), c.IsInt64()
	}
	if m.scale <= int32(m.cur.digits()) {
		return mulPow10(m.coef, int32(m.cur.digits())-m.scale)
	}
	d := m.scale - int32(m.cur.digits())
	if d > 18 {
		return 0, m.coef == 0
	}
	p := int64(pow10[d])
	if m.coef%p != 0 {
		return 0, false
	}
	return m.coef / p, true
}

// IsZero reports whether the amount is 0 (in any currency).
func (m Money) IsZero() bool { return m.wide == nil && m.coef == 0 }

// Sign returns -1, 0 or +1 for a negative, zero or positive amount.
func (m Money) Sign() int {
	if m.wide != nil {
		return m.wide.Sign()
	}
	switch {
	case m.coef < 0:
		return -1
	case m.coef > 0:
		return 1
	}
	return 0
}

// pair checks that m and o can be combined and returns the currency
// template to use: equal codes, or either side the zero Money.
func pair(op string, m, o Money) (Money, Money, error) {
	if m.cur == o.cur {
		return m, o, nil
	}
	if m.cur == 0 && m.IsZero() {
		m.cur = o.cur
		return m, o, nil
	}
	if o.cur == 0 && o.IsZero() {
		o.cur = m.cur
		return m, o, nil
	}
	return Money{}, Money{}, mismatch(op, "", m.code(), o.code())
}

// Add returns m + o. It fails with a *MismatchError (ErrCurrencyMismatch)
// when the currencies differ; the zero Money adds to any currency.
func (m Money) Add(o Money) (Money, error) {
	if m.cur == o.cur && m.scale == o.scale && m.wide == nil && o.wide == nil {
		if c, ok := add64(m.coef, o.coef); ok {
			return Money{coef: c, scale: m.scale, cur: m.cur}, nil
		}
	}
	return m.addSlow(o)
}

func (m Money) addSlow(o Money) (Money, error) {
	if m.cur != o.cur {
		var err error
		if m, o, err = pair("Add", m, o); err != nil {
			return Money{}, err
		}
	}
	if m.wide == nil && o.wide == nil {
		if a, b, s, ok := align(m.coef, m.scale, o.coef, o.scale); ok {
			if c, ok := add64(a, b); ok {
				m.coef, m.scale = c, s
				return m, nil
			}
		}
	}
	return m.addBig(o), nil
}

func (m Money) addBig(o Money) Money {
	a, b, s := alignBig(m.bigCoef(), m.scale, o.bigCoef(), o.scale)
	return m.withBig(a.Add(a, b), s)
}

// Sub returns m − o, with the currency rules of Add.
func (m Money) Sub(o Money) (Money, error) {
	if m.cur != o.cur {
		var err error
		if m, o, err = pair("Sub", m, o); err != nil {
			return Money{}, err
		}
	}
	return m.Add(o.Neg())
}

// Neg returns −m.
func (m Money) Neg() Money {
	if m.wide != nil {
		return m.withBig(new(big.Int).Neg(m.wide), m.scale)
	}
	return Money{coef: -m.coef, scale: m.scale, cur: m.cur}
}

// Abs returns |m|.
func (m Money) Abs() Money {
	if m.Sign() < 0 {
		return m.Neg()
	}
	return m
}

// Compare returns -1, 0 or +1 to order m before, with or after o, for
// sorting: slices.SortFunc(prices, pricing.Money.Compare). It is a total
// order consistent with Equal: amounts in different currencies are ordered
// by currency code first (the zero Money, with no currency, comes before
// every currency), then by amount, so 5 USD sorts after 100 EUR. Compare
// never converts and never fails; when a currency mismatch must be an
// error (is this price above that budget?), use Cmp.
func (m Money) Compare(o Money) int {
	if m.cur != o.cur {
		return cmp.Compare(m.code(), o.code())
	}
	return m.cmp(o)
}

// Cmp compares the amounts of m and o and returns -1, 0 or +1. It fails
// with a *MismatchError when the currencies differ (the zero Money compares
// with any currency as 0 of it). Use Compare to sort.
func (m Money) Cmp(o Money) (int, error) {
	if m.cur != o.cur {
		var err error
		if m, o, err = pair("Cmp", m, o); err != nil {
			return 0, err
		}
	}
	return m.cmp(o), nil
}

func (m Money) cmp(o Money) int {
	if m.wide == nil && o.wide == nil {
		if a, b, _, ok := align(m.coef, m.scale, o.coef, o.scale); ok {
			return cmp.Compare(a, b)
		}
	}
	a, b, _ := alignBig(m.bigCoef(), m.scale, o.bigCoef(), o.scale)
	return a.Cmp(b)
}

// Equal reports whether m and o have the same currency and numerically
// equal amounts (1.5 EUR equals 1.50 EUR). The zero Money equals only
// another zero Money. Equal makes Money work with go-cmp.
func (m Money) Equal(o Money) bool {
	return m.cur == o.cur && m.cmp(o) == 0
}

// MulInt returns m × n, exactly (a line total: unit price × quantity).
func (m Money) MulInt(n int64) Money {
	if m.wide == nil {
		if c, ok := mul64(m.coef, n); ok {
			return Money{coef: c, scale: m.scale, cur: m.cur}
		}
	}
	return m.mulSlow(n, 0)
}

// mulSlow returns m × n × 10^-scale exactly on big integers.
func (m Money) mulSlow(n int64, scale int32) Money {
	return m.withBig(new(big.Int).Mul(m.bigCoef(), big.NewInt(n)), m.scale+scale)
}

// Mul returns m × f, exactly: the result keeps all fraction digits (19.99 ×
// 0.19 = 3.7981). Round it at the point your rules name, or use MulRound.
// It does not allocate unless the product needs more than an int64
// coefficient.
func (m Money) Mul(f Fixed) Money {
	if m.wide == nil {
		if c, ok := mul64(m.coef, f.coef); ok {
			return Money{coef: c, scale: m.scale + f.scale, cur: m.cur}
		}
	}
	return m.mulSlow(f.coef, f.scale)
}

// MulDecimal returns m × d, exactly. It does not allocate when d fits a
// Fixed and the product fits an int64 coefficient. It fails with ErrRange
// when d's exponent is outside -100..64.
func (m Money) MulDecimal(d decimal.Decimal) (Money, error) {
	if f, ok := fixedFromDecimal(d); ok {
		return m.Mul(f), nil
	}
	if e := d.Exponent(); e > 64 || e < -100 {
		return Money{}, newError("MulDecimal", "factor", decString(d), ErrRange, "exponent outside -100..64")
	}
	return m.withBig(new(big.Int).Mul(m.bigCoef(), d.Coefficient()), m.scale-d.Exponent()), nil
}
