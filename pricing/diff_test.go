package pricing

import (
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
)

// Differential tests: the fixed-point fast path, the exact big-integer
// fallback (forced with forceWide) and plain shopspring/decimal must agree.

// forceWide returns m with its coefficient moved to the big-integer field,
// so every operation takes the fallback path.
func forceWide(m Money) Money {
	if m.wide == nil {
		m.wide = big.NewInt(m.coef)
		m.coef = 0
	}
	return m
}

var shopRound = map[RoundingMode]func(decimal.Decimal, int32) decimal.Decimal{
	RoundHalfUp:   decimal.Decimal.Round,
	RoundHalfEven: decimal.Decimal.RoundBank,
	RoundUp:       decimal.Decimal.RoundUp,
	RoundDown:     decimal.Decimal.RoundDown,
	RoundCeiling:  decimal.Decimal.RoundCeil,
	RoundFloor:    decimal.Decimal.RoundFloor,
}

func checkArith(t *testing.T, as, bs string, digits int) {
	t.Helper()
	a, err := ParseMoney(as, "EUR")
	if err != nil {
		return
	}
	b, err := ParseMoney(bs, "EUR")
	if err != nil {
		return
	}
	da, db := decimal.RequireFromString(as), decimal.RequireFromString(bs)
	same := func(op string, got Money, want decimal.Decimal) {
		t.Helper()
		if !got.Decimal().Equal(want) {
			t.Fatalf("%s(%s, %s) = %s, shopspring %s", op, as, bs, got.Decimal(), want)
		}
	}
	for _, pair := range [][2]Money{{a, b}, {forceWide(a), b}, {a, forceWide(b)}} {
		x, y := pair[0], pair[1]
		s, err := x.Add(y)
		if err != nil {
			t.Fatal(err)
		}
		same("Add", s, da.Add(db))
		d, _ := x.Sub(y)
		same("Sub", d, da.Sub(db))
		c, _ := x.Cmp(y)
		if c != da.Cmp(db) {
			t.Fatalf("Cmp(%s, %s) = %d", as, bs, c)
		}
	}
	digits = digits%10 - 2
	if f, ok := b.Fixed(); ok {
		same("Mul", a.Mul(f), da.Mul(db))
		same("Mul wide", forceWide(a).Mul(f), da.Mul(db))
		for mode := RoundHalfEven; mode <= RoundFloor; mode++ {
			fast, err := a.MulRound(f, digits, mode)
			if err != nil {
				t.Fatal(err)
			}
			slow, _ := forceWide(a).MulRound(f, digits, mode)
			if !fast.Equal(slow) {
				t.Fatalf("MulRound(%s, %s, %d, %v): fast %s, slow %s", as, bs, digits, mode, fast, slow)
			}
			if r, ok := shopRound[mode]; ok {
				same("MulRound "+mode.String(), fast, r(da.Mul(db), int32(digits)))
			}
			if f.IsZero() {
				continue
			}
			fast, err = a.Div(f, digits, mode)
			if err != nil {
				t.Fatal(err)
			}
			slow, _ = forceWide(a).Div(f, digits, mode)
			if !fast.Equal(slow) {
				t.Fatalf("Div(%s, %s, %d, %v): fast %s, slow %s", as, bs, digits, mode, fast, slow)
			}
			if mode == RoundHalfUp && digits >= 0 {
				same("Div", fast, da.DivRound(db, int32(digits)))
			}
		}
	}
	for mode := RoundHalfEven; mode <= RoundFloor; mode++ {
		fast, _ := a.RoundTo(digits, mode)
		slow, _ := forceWide(a).RoundTo(digits, mode)
		if !fast.Equal(slow) {
			t.Fatalf("RoundTo(%s, %d, %v): fast %s, slow %s", as, digits, mode, fast, slow)
		}
		if r, ok := shopRound[mode]; ok {
			same("RoundTo "+mode.String(), fast, r(da, int32(digits)))
		}
		cf, _ := MustParseMoney(as, "CHF").RoundCash(mode)
		cs, _ := forceWide(MustParseMoney(as, "CHF")).RoundCash(mode)
		if !cf.Equal(cs) {
			t.Fatalf("RoundCash(%s, %v): fast %s, slow %s", as, mode, cf, cs)
		}
		if mode == RoundHalfUp && !cf.Decimal().Equal(da.RoundCash(5)) {
			t.Fatalf("RoundCash(%s): %s, shopspring %s", as, cf, da.RoundCash(5))
		}
	}
	if mi, ok := a.Minor(); ok {
		if !da.Shift(2).Equal(decimal.NewFromInt(mi)) {
			t.Fatalf("Minor(%s) = %d", as, mi)
		}
	}
}

func TestDifferential(t *testing.T) {
	nums := []string{"0", "1", "-1", "0.005", "-0.005", "19.99", "0.19", "1.19", "3", "-7.5", "0.333",
		"123456.789", "9223372036854775807", "-9223372036854775807", "92233720368547758.07",
		"0.0000000001", "99999999999999999999999.995", "1.2345678901234567", "25"}
	for i, a := range nums {
		for j, b := range nums {
			checkArith(t, a, b, i+j)
		}
	}
}

func FuzzArith(f *testing.F) {
	f.Add("19.99", "0.19", 2)
	f.Add("-0.285", "1.19", 4)
	f.Add("9223372036854775807", "9223372036854775807", 0)
	f.Add("1.005", "-3", 7)
	f.Fuzz(func(t *testing.T, a, b string, digits int) {
		if digits < 0 {
			digits = -digits
		}
		checkArith(t, a, b, digits)
	})
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"19.99", "-0.5", "1e3", "1,5", "", "-", "00.010", "123456789012345678901234567890.5"} {
		f.Add(s, "EUR")
	}
	f.Add("500", "jpy")
	f.Fuzz(func(t *testing.T, amount, code string) {
		m, err := ParseMoney(amount, code)
		if err != nil {
			if m != (Money{}) {
				t.Fatalf("error %v with non-zero Money", err)
			}
			return
		}
		d, derr := decimal.NewFromString(amount)
		if derr != nil {
			t.Fatalf("ParseMoney accepted %q, shopspring rejects: %v", amount, derr)
		}
		if !m.Decimal().Equal(d) {
			t.Fatalf("ParseMoney(%q) = %s, shopspring %s", amount, m.Decimal(), d)
		}
		// Text, JSON and the amount string round trip to the same amount.
		back, err := ParseMoneyText(m.String())
		if err != nil || !back.Equal(m) {
			t.Fatalf("text round trip %q: %v, %v", m.String(), back, err)
		}
		js, _ := m.MarshalJSON()
		var j Money
		if err := j.UnmarshalJSON(js); err != nil || !j.Equal(m) {
			t.Fatalf("JSON round trip %s: %v, %v", js, j, err)
		}
	})
}
