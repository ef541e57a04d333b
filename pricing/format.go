package pricing

import "github.com/marketkit/marketkit/locale"

// Format formats m for display with a locale formatter ("1.234,50 €" for
// de, "$1,234.50" for en-US), through (*locale.Formatter).Currency. The
// formatter shows the currency's digits and rounds any extra digits with
// its own rounding option; round m first (Round, RoundCash) when the
// rounding matters. The zero Money has no currency and is an error.
func (m Money) Format(f *locale.Formatter) (string, error) {
	var buf [64]byte
	b, err := m.AppendFormat(buf[:0], f)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// AppendFormat appends the Format form of m to dst. It does not allocate
// when dst has room and the amount has an int64 coefficient.
func (m Money) AppendFormat(dst []byte, f *locale.Formatter) ([]byte, error) {
	if m.cur == 0 {
		return dst, newError("Money.Format", "currency", "", ErrInvalid, "the zero Money has no currency")
	}
	if f == nil {
		return dst, newError("Money.Format", "formatter", "nil", ErrInvalid, "a nil *locale.Formatter")
	}
	if m.wide == nil {
		return f.AppendCurrencyFixed(dst, m.coef, -m.scale, m.code())
	}
	return f.AppendCurrency(dst, m.Decimal(), m.code())
}
