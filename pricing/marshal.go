package pricing

import (
	"bytes"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"io"
	"strings"

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
// zero Money is "0". String is for display and logs and always writes the
// exact amount; for storage use MarshalText, AppendText, MarshalJSON or
// Value, which refuse an amount the parsers could not read back.
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

// appendStorable appends the amount as AppendAmount writes it, or fails
// with ErrRange when ParseMoney could not read it back: products of Mul
// and MulDecimal can have more than 36 fraction digits or 60 integer
// digits (round them first), and whatever the package writes for storage
// it must read back.
func (m Money) appendStorable(op string, dst []byte) ([]byte, error) {
	n := len(dst)
	dst = m.AppendAmount(dst)
	if m.wide == nil && m.scale <= maxFracDigit {
		return dst, nil // at most 19 integer and 36 fraction digits
	}
	if _, _, _, err := parseDecimal(string(dst[n:])); err != nil {
		return dst[:n], newError(op, "amount", string(dst[n:]), ErrRange,
			"more than 60 integer or 36 fraction digits cannot be read back: round it first")
	}
	return dst, nil
}

// AppendText implements encoding.TextAppender: it appends "19.99 EUR" (the
// zero Money is "0"). An amount with more than 36 fraction digits or 60
// integer digits (a product of Mul) is an *Error (ErrRange): round it
// first.
func (m Money) AppendText(b []byte) ([]byte, error) {
	b, err := m.appendStorable("Money.AppendText", b)
	if err != nil {
		return b, err
	}
	if m.cur != 0 {
		b = append(b, ' ')
		b = append(b, m.code()...)
	}
	return b, nil
}

// MarshalText implements encoding.TextMarshaler with AppendText's form and
// limits.
func (m Money) MarshalText() ([]byte, error) {
	var buf [40]byte
	b, err := m.AppendText(buf[:0])
	if err != nil {
		return nil, err
	}
	return append([]byte(nil), b...), nil
}

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
// form written by MarshalText and String. "0" alone is the zero Money.
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

// maxMoneyJSON bounds the JSON text UnmarshalJSON reads.
const maxMoneyJSON = 1024

// MarshalJSON implements json.Marshaler:
// {"amount":"19.99","currency":"EUR"}. The amount is a string so no JSON
// reader turns it into a float. The zero Money is
// {"amount":"0","currency":""}. An amount the parser could not read back
// is an error, as for AppendText.
func (m Money) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 48)
	b = append(b, `{"amount":"`...)
	b, err := m.appendStorable("Money.MarshalJSON", b)
	if err != nil {
		return nil, err
	}
	b = append(b, `","currency":"`...)
	b = append(b, m.code()...)
	return append(b, `"}`...), nil
}

// UnmarshalJSON implements json.Unmarshaler for the form MarshalJSON
// writes: an object with exactly the keys "amount" and "currency", each
// once, spelled in lower case, with string values (encoding/json's own
// matching would take "AMOUNT" for "amount" and let a repeated key win,
// so that two readers of one document could see two amounts). The amount
// has ParseMoney's syntax; an empty or missing currency is accepted only
// with a zero amount and gives the zero Money. null leaves m unchanged.
// The text may be at most 1024 bytes.
func (m *Money) UnmarshalJSON(b []byte) error {
	const op = "Money.UnmarshalJSON"
	if bytes.Equal(b, []byte("null")) {
		return nil
	}
	if len(b) > maxMoneyJSON {
		return newError(op, "json", string(b), ErrRange, "longer than "+itoa(maxMoneyJSON)+" bytes")
	}
	const want = `want {"amount":"19.99","currency":"EUR"}`
	dec := json.NewDecoder(bytes.NewReader(b))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return newError(op, "json", string(b), ErrSyntax, want)
	}
	var amount, code string
	var seen [2]bool
	for dec.More() {
		t, err := dec.Token()
		key, ok := t.(string)
		if err != nil || !ok {
			return newError(op, "json", string(b), ErrSyntax, want)
		}
		k := 0
		switch key {
		case "amount":
		case "currency":
			k = 1
		default:
			return newError(op, "json", key, ErrSyntax, `unknown key (the keys are "amount" and "currency", in lower case)`)
		}
		if seen[k] {
			return newError(op, "json", key, ErrSyntax, "repeated key")
		}
		seen[k] = true
		t, err = dec.Token()
		v, ok := t.(string)
		if err != nil || !ok {
			return newError(op, key, string(b), ErrSyntax, "want a JSON string")
		}
		if k == 0 {
			amount = v
		} else {
			code = v
		}
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('}') {
		return newError(op, "json", string(b), ErrSyntax, want)
	}
	if _, err := dec.Token(); err != io.EOF {
		// Trailing data after the object (json.Unmarshal checks this
		// itself, direct callers do not).
		return newError(op, "json", string(b), ErrSyntax, "data after the object")
	}
	if !seen[0] {
		return newError(op, "amount", "", ErrSyntax, "missing key")
	}
	if code == "" {
		if z, _, w, err := parseDecimal(amount); err == nil && z == 0 && w == nil {
			*m = Money{}
			return nil
		}
		return newError(op, "currency", code, locale.ErrUnknownCurrency, "missing currency code for a non-zero amount")
	}
	r, err := ParseMoney(amount, code)
	if err != nil {
		e := err.(*Error)
		e.Op = op
		return e
	}
	*m = r
	return nil
}

// Value implements driver.Valuer: the text form "19.99 EUR" of
// MarshalText, for a text column, with its limits (an amount Scan could
// not read back is an error). Store Decimal() and Currency() in two
// columns if you need SQL arithmetic.
func (m Money) Value() (driver.Value, error) {
	var buf [40]byte
	b, err := m.AppendText(buf[:0])
	if err != nil {
		return nil, err
	}
	return string(b), nil
}

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
