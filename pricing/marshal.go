package pricing

import (
	"bytes"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/marketkit/marketkit/locale"
)

// AppendAmount appends the amount in plain decimal notation with at least
// the currency's digits: trailing zeros beyond them are dropped and missing
// ones added ("19.99", "5.00", "3.7981", "500" for JPY). It does not
// allocate when dst has room.
func (m Money) AppendAmount(dst []byte) []byte {
	if m.wide != nil {
		ds := m.wide.String()
		if ds[0] == '-' {
			dst = append(dst, '-')
			ds = ds[1:]
		}
		s := int(m.scale)
		for s > int(int32(m.cur.digits())) && len(ds) > 1 && ds[len(ds)-1] == '0' {
			ds = ds[:len(ds)-1]
			s--
		}
		dst = appendDigits(dst, []byte(ds), s)
		return padZeros(dst, s, int(int32(m.cur.digits())))
	}
	c, s := m.coef, m.scale
	for s > int32(m.cur.digits()) && c%10 == 0 {
		c /= 10
		s--
	}
	dst = appendCoef(dst, c, s)
	return padZeros(dst, int(s), int(int32(m.cur.digits())))
}

func padZeros(dst []byte, have, want int) []byte {
	if have >= want {
		return dst
	}
	if have <= 0 {
		dst = append(dst, '.')
	}
	for range want - max(have, 0) {
		dst = append(dst, '0')
	}
	return dst
}

// Amount returns the amount as text, as AppendAmount writes it.
func (m Money) Amount() string {
	var buf [32]byte
	return string(m.AppendAmount(buf[:0]))
}

// String returns the amount and the currency code, e.g. "19.99 EUR"; the
// zero Money is "0".
func (m Money) String() string {
	var buf [40]byte
	return string(m.appendText(buf[:0]))
}

func (m Money) appendText(dst []byte) []byte {
	dst = m.AppendAmount(dst)
	if m.cur != 0 {
		dst = append(dst, ' ')
		dst = append(dst, m.code()...)
	}
	return dst
}

// MarshalText implements encoding.TextMarshaler: "19.99 EUR" (the zero
// Money is "0").
func (m Money) MarshalText() ([]byte, error) { return m.appendText(nil), nil }

// UnmarshalText implements encoding.TextUnmarshaler, reading the form
// written by MarshalText: an amount, one space and a currency code.
func (m *Money) UnmarshalText(b []byte) error {
	v, err := parseText("Money.UnmarshalText", string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// ParseMoneyText parses "19.99 EUR" (amount, one space, currency code), the
// form written by String and MarshalText. "0" alone is the zero Money.
func ParseMoneyText(s string) (Money, error) { return parseText("ParseMoneyText", s) }

func parseText(op, s string) (Money, error) {
	amount, code, ok := strings.Cut(s, " ")
	if !ok {
		if s == "0" {
			return Money{}, nil
		}
		return Money{}, newError(op, "money", s, ErrSyntax, "want an amount, one space and a currency code, like \"19.99 EUR\"")
	}
	m, err := ParseMoney(amount, code)
	if err != nil {
		e := err.(*Error)
		e.Op = op
		return Money{}, e
	}
	return m, nil
}

type moneyJSON struct {
	Amount   string `json:"amount"`
	Currency string `json:"currency"`
}

// MarshalJSON implements json.Marshaler:
// {"amount":"19.99","currency":"EUR"}. The amount is a string so no JSON
// reader turns it into a float. The zero Money is {"amount":"0","currency":""}.
func (m Money) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 48)
	b = append(b, `{"amount":"`...)
	b = m.AppendAmount(b)
	b = append(b, `","currency":"`...)
	b = append(b, m.code()...)
	return append(b, `"}`...), nil
}

// UnmarshalJSON implements json.Unmarshaler for the form MarshalJSON
// writes. The amount must be a JSON string; an empty currency is accepted
// only with a zero amount and gives the zero Money.
func (m *Money) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		return nil
	}
	var v moneyJSON
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		return newError("Money.UnmarshalJSON", "json", string(b), ErrSyntax, `want {"amount":"19.99","currency":"EUR"}`)
	}
	if _, err := dec.Token(); err != io.EOF {
		// Trailing data after the object (json.Unmarshal checks this
		// itself, direct callers do not).
		return newError("Money.UnmarshalJSON", "json", string(b), ErrSyntax, "data after the object")
	}
	if v.Currency == "" {
		if z, _, w, err := parseDecimal(v.Amount); err == nil && z == 0 && w == nil {
			*m = Money{}
			return nil
		}
		return newError("Money.UnmarshalJSON", "currency", v.Currency, locale.ErrUnknownCurrency, "missing currency code for a non-zero amount")
	}
	r, err := ParseMoney(v.Amount, v.Currency)
	if err != nil {
		e := err.(*Error)
		e.Op = "Money.UnmarshalJSON"
		return e
	}
	*m = r
	return nil
}

// truncate shortens s to about 64 bytes for an error message, cutting at
// a rune boundary so the message stays valid UTF-8.
func truncate(s string) string {
	if len(s) <= 64 {
		return s
	}
	n := 64
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// Value implements driver.Valuer: the text form "19.99 EUR", for a text
// column. (Store Decimal() and Currency() in two columns if you need SQL
// arithmetic.)
func (m Money) Value() (driver.Value, error) { return m.String(), nil }

// Scan implements sql.Scanner for the text form written by Value, from a
// string or []byte column. NULL leaves the zero Money.
func (m *Money) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*m = Money{}
		return nil
	case string:
		r, err := parseText("Money.Scan", v)
		if err != nil {
			return err
		}
		*m = r
		return nil
	case []byte:
		r, err := parseText("Money.Scan", string(v))
		if err != nil {
			return err
		}
		*m = r
		return nil
	}
	return newError("Money.Scan", "source type", fmt.Sprintf("%T", src), ErrSyntax, "want a string, []byte or NULL")
}
