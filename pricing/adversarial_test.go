package pricing

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/marketkit/marketkit/locale"
	"github.com/shopspring/decimal"
)

// Adversarial tests: boundaries of the int64 core, hostile input, and the
// corner cases that commerce systems keep getting wrong.

func TestAllocateMinInt64(t *testing.T) {
	m, err := MoneyFromMinor(math.MinInt64, "EUR")
	if err != nil {
		t.Fatal(err)
	}
	for _, ratios := range [][]int64{{1}, {1, 1}, {0, 1}, {3, 1, 0}} {
		parts, err := m.Allocate(ratios...)
		if err != nil {
			t.Fatalf("%v: %v", ratios, err)
		}
		var sum Money
		for i, p := range parts {
			if p.Sign() > 0 || p.Neg().Sign() < 0 {
				t.Errorf("%v: part %d = %v, negated %v", ratios, i, p, p.Neg())
			}
			if sum, err = sum.Add(p); err != nil {
				t.Fatal(err)
			}
		}
		if !sum.Equal(m) {
			t.Errorf("%v: parts sum to %v, want %v", ratios, sum, m)
		}
	}
}

func TestHostileDecimalExponent(t *testing.T) {
	// 10^2,000,000,000 must be neither computed nor printed.
	huge := decimal.New(1234567890123456789, 2_000_000_000)
	tiny := decimal.New(1234567890123456789, -2_000_000_000)
	checks := []struct {
		name string
		f    func(d decimal.Decimal) error
	}{
		{"FixedFromDecimal", func(d decimal.Decimal) error { _, err := FixedFromDecimal(d); return err }},
		{"MulDecimal", func(d decimal.Decimal) error { _, err := eur("1").MulDecimal(d); return err }},
		{"AllocateDecimal", func(d decimal.Decimal) error { _, err := eur("1").AllocateDecimal(d); return err }},
		{"MoneyFromDecimal", func(d decimal.Decimal) error { _, err := MoneyFromDecimal(d, "EUR"); return err }},
	}
	for _, c := range checks {
		for _, d := range []decimal.Decimal{huge, tiny} {
			err := c.f(d)
			if !errors.Is(err, ErrRange) {
				t.Errorf("%s(%s): %v, want ErrRange", c.name, decString(d), err)
			}
			if err != nil && len(err.Error()) > 200 {
				t.Errorf("%s: message of %d bytes", c.name, len(err.Error()))
			}
		}
	}
}

func TestRoundingTies(t *testing.T) {
	modes := []RoundingMode{RoundHalfUp, RoundHalfEven, RoundHalfDown, RoundUp, RoundDown, RoundCeiling, RoundFloor}
	tests := []struct {
		in     string
		digits int
		want   []string // in the order of modes
	}{
		{"0.285", 2, []string{"0.29", "0.28", "0.28", "0.29", "0.28", "0.29", "0.28"}},
		{"-0.285", 2, []string{"-0.29", "-0.28", "-0.28", "-0.29", "-0.28", "-0.28", "-0.29"}},
		{"0.275", 2, []string{"0.28", "0.28", "0.27", "0.28", "0.27", "0.28", "0.27"}},
		{"-0.275", 2, []string{"-0.28", "-0.28", "-0.27", "-0.28", "-0.27", "-0.27", "-0.28"}},
		{"-0.2851", 2, []string{"-0.29", "-0.29", "-0.29", "-0.29", "-0.28", "-0.28", "-0.29"}},
		{"25", -1, []string{"30", "20", "20", "30", "20", "30", "20"}},
		{"-25", -1, []string{"-30", "-20", "-20", "-30", "-20", "-20", "-30"}},
		{"-150", -2, []string{"-200", "-200", "-100", "-200", "-100", "-100", "-200"}},
		{"9223372036854775807", -18, []string{"9000000000000000000", "9000000000000000000", "9000000000000000000",
			"10000000000000000000", "9000000000000000000", "10000000000000000000", "9000000000000000000"}},
		{"-9223372036854775807", -18, []string{"-9000000000000000000", "-9000000000000000000", "-9000000000000000000",
			"-10000000000000000000", "-9000000000000000000", "-9000000000000000000", "-10000000000000000000"}},
		{"0.0000000000000000005", 18, []string{"0.000000000000000001", "0", "0", "0.000000000000000001", "0", "0.000000000000000001", "0"}},
		{"-0.0000000000000000015", 18, []string{"-0.000000000000000002", "-0.000000000000000002", "-0.000000000000000001",
			"-0.000000000000000002", "-0.000000000000000001", "-0.000000000000000001", "-0.000000000000000002"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			m := MustParseMoney(tt.in, "EUR")
			for i, mode := range modes {
				want := decimal.RequireFromString(tt.want[i])
				for _, x := range []Money{m, forceWide(m)} {
					got, err := x.RoundTo(tt.digits, mode)
					if err != nil {
						t.Fatal(err)
					}
					if !got.Decimal().Equal(want) {
						t.Errorf("RoundTo(%s, %d, %v) = %s, want %s", tt.in, tt.digits, mode, got.Decimal(), want)
					}
					if tt.digits >= 0 && got.scale != int32(tt.digits) {
						t.Errorf("RoundTo(%s, %d, %v) has scale %d", tt.in, tt.digits, mode, got.scale)
					}
				}
			}
		})
	}
	for _, d := range []int{19, -19, math.MaxInt32 + 1} {
		if _, err := eur("1").RoundTo(d, RoundHalfUp); !errors.Is(err, ErrRange) {
			t.Errorf("RoundTo(%d): %v", d, err)
		}
	}
	if _, err := eur("1").Round(99); !errors.Is(err, ErrRoundingMode) {
		t.Errorf("zero mode: %v", err)
	}
}

func TestRoundCashCurrencies(t *testing.T) {
	tests := []struct {
		code, in string
		mode     RoundingMode
		want     string
	}{
		{"CHF", "0.025", RoundHalfUp, "0.05"},
		{"CHF", "-0.025", RoundHalfUp, "-0.05"},
		{"CHF", "-0.025", RoundHalfEven, "0.00"},
		{"CHF", "-0.025", RoundHalfDown, "0.00"},
		{"CHF", "-0.026", RoundCeiling, "0.00"},
		{"CHF", "-0.024", RoundFloor, "-0.05"},
		{"CHF", "19.97", RoundHalfUp, "19.95"},
		{"CHF", "19.975", RoundHalfEven, "20.00"},
		{"CAD", "0.03", RoundHalfDown, "0.05"},
		{"DKK", "0.25", RoundHalfUp, "0.50"},
		{"DKK", "-0.75", RoundHalfEven, "-1.00"},
		{"DKK", "-0.75", RoundHalfDown, "-0.50"},
		{"DKK", "12.74", RoundHalfUp, "12.50"},
		{"SEK", "2.50", RoundHalfEven, "2.00"},
		{"SEK", "3.50", RoundHalfEven, "4.00"},
		{"NOK", "-2.50", RoundHalfUp, "-3.00"},
		{"NOK", "-2.01", RoundUp, "-3.00"},
		{"HUF", "12.49", RoundHalfUp, "10.00"},
		{"HUF", "12.50", RoundHalfUp, "15.00"},
		{"EUR", "0.005", RoundHalfUp, "0.01"},
		{"JPY", "-0.5", RoundHalfEven, "0"},
	}
	for _, tt := range tests {
		t.Run(tt.code+" "+tt.in+" "+tt.mode.String(), func(t *testing.T) {
			m := MustParseMoney(tt.in, tt.code)
			for _, x := range []Money{m, forceWide(m)} {
				got, err := x.RoundCash(tt.mode)
				if err != nil {
					t.Fatal(err)
				}
				if got.Amount() != tt.want || got.Currency() != tt.code {
					t.Errorf("RoundCash = %v, want %s %s", got, tt.want, tt.code)
				}
			}
		})
	}
	// The cash unit of every currency is a whole number of minor units,
	// which allocation in CashUnit relies on.
	for _, code := range locale.Currencies() {
		c, _ := locale.CurrencyInfo(code)
		if c.CashDigits > c.Digits {
			t.Errorf("%s: cash digits %d > digits %d", code, c.CashDigits, c.Digits)
		}
	}
}

func TestOverflowBoundaries(t *testing.T) {
	const max = "92233720368547758.07" // math.MaxInt64 cents
	tests := []struct {
		name string
		f    func() (Money, error)
		want string
	}{
		{"max + 0.01", func() (Money, error) { return eur(max).Add(eur("0.01")) }, "92233720368547758.08"},
		{"-max - 0.01", func() (Money, error) { return eur("-" + max).Sub(eur("0.01")) }, "-92233720368547758.08"},
		{"max + 0.001 mixed scale", func() (Money, error) { return eur(max).Add(eur("0.001")) }, "92233720368547758.071"},
		{"back to the fast path", func() (Money, error) {
			w, _ := eur(max).Add(eur("0.01"))
			return w.Sub(eur("0.02"))
		}, "92233720368547758.06"},
		{"neg of min cents", func() (Money, error) { m, _ := MoneyFromMinor(math.MinInt64, "EUR"); return m.Neg(), nil }, "92233720368547758.08"},
		{"MulInt overflow", func() (Money, error) { return eur(max).MulInt(-3), nil }, "-276701161105643274.21"},
		{"MulInt MinInt64", func() (Money, error) { return eur("1").MulInt(math.MinInt64), nil }, "-9223372036854775808.00"},
		{"Mul scale 18", func() (Money, error) {
			return eur("9223372036854775807").Mul(MustParseFixed("0.000000000000000001")), nil
		}, "9.223372036854775807"},
		{"MulDiv huge numerator", func() (Money, error) {
			return eur("9223372036854775807").MulDiv(MustParseFixed("9223372036854775807"), MustParseFixed("9223372036854775807"), 0, RoundHalfUp)
		}, "9223372036854775807.00"},
		{"MulDiv huge, rounded", func() (Money, error) {
			return eur(max).MulDiv(MustParseFixed("9.223372036854775807"), MustParseFixed("3"), 2, RoundHalfEven)
		}, "283568639100782052.82"},
		{"Div by tiny", func() (Money, error) {
			return eur("1").Div(MustParseFixed("0.000000000000000003"), 2, RoundHalfUp)
		}, "333333333333333333.33"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.f()
			if err != nil {
				t.Fatal(err)
			}
			if got.Amount() != tt.want {
				t.Errorf("got %s, want %s", got.Amount(), tt.want)
			}
		})
	}
	// shopspring agrees on the rounded MulDiv.
	d := decimal.RequireFromString(max).Mul(decimal.RequireFromString("9.223372036854775807")).Div(decimal.NewFromInt(3)).RoundBank(2)
	if d.String() != "283568639100782052.82" {
		t.Errorf("shopspring: %s", d)
	}
}

func TestHostileText(t *testing.T) {
	tests := []struct {
		name, in string
		err      error // nil: accepted
	}{
		{"exponent", "1e999999999", ErrSyntax},
		{"NaN", "NaN", ErrSyntax},
		{"Inf", "Inf", ErrSyntax},
		{"leading plus", "+5", nil},
		{"leading space", " 5", ErrSyntax},
		{"trailing space", "5 ", ErrSyntax},
		{"two signs", "--5", ErrSyntax},
		{"lone point", ".", ErrSyntax},
		{"no integer digits", ".5", ErrSyntax},
		{"no fraction digits", "5.", ErrSyntax},
		{"comma", "1,5", ErrSyntax},
		{"unicode digit", "١٢", ErrSyntax},
		{"long", strings.Repeat("9", 101), ErrRange},
		{"61 integer digits", strings.Repeat("9", 61), ErrRange},
		{"37 fraction digits", "0." + strings.Repeat("1", 37), ErrRange},
		{"leading zeros do not count", strings.Repeat("0", 40) + strings.Repeat("9", 60), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseMoney(tt.in, "EUR")
			if !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
				t.Fatalf("ParseMoney(%q): %v, want %v", tt.in, err, tt.err)
			}
			var e *Error
			if err != nil && (!errors.As(err, &e) || e.Field != "amount" || e.Value != tt.in) {
				t.Errorf("error does not name field and value: %#v", e)
			}
			var m Money
			js := `{"amount":` + string(mustJSON(t, tt.in)) + `,"currency":"EUR"}`
			if jerr := json.Unmarshal([]byte(js), &m); !errors.Is(jerr, tt.err) || (tt.err == nil) != (jerr == nil) {
				t.Errorf("JSON %s: %v", js, jerr)
			}
			if serr := m.Scan(tt.in + " EUR"); (tt.err == nil) != (serr == nil) {
				t.Errorf("Scan: %v", serr)
			}
		})
	}
	var m Money
	for _, in := range []string{`{"amount":19.99,"currency":"EUR"}`, `{"amount":"1","currency":"EUR","x":1}`,
		`{"amount":"1","currency":"eu"}`, `{"amount":"1"}`, `[]`, `"19.99 EUR"`} {
		if err := json.Unmarshal([]byte(in), &m); err == nil {
			t.Errorf("JSON %s accepted", in)
		}
	}
	for _, in := range []string{"19.99  EUR", "19.99 EUR ", "EUR 19.99", "19.99", ""} {
		if _, err := ParseMoneyText(in); !errors.Is(err, ErrSyntax) && !errors.Is(err, locale.ErrUnknownCurrency) {
			t.Errorf("ParseMoneyText(%q): %v", in, err)
		}
	}
	if err := m.Scan(int64(5)); !errors.Is(err, ErrSyntax) {
		t.Errorf("Scan(int64): %v", err)
	}
	// A long hostile body is cut in the error message without breaking
	// UTF-8.
	err := m.UnmarshalJSON([]byte(`{"amount":"` + strings.Repeat("€", 100)))
	if err == nil || !utf8.ValidString(err.Error()) || len(err.Error()) > 200 {
		t.Errorf("long body: %q", err)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestAllocateEdges(t *testing.T) {
	tests := []struct {
		name   string
		m      Money
		ratios []Fixed
		unit   Unit
		want   []string
		err    error
	}{
		{"all zero", eur("1.00"), []Fixed{{}, {}}, MinorUnit, nil, ErrRatio},
		{"negative ratio", eur("1.00"), []Fixed{FixedFromInt(2), FixedFromInt(-1)}, MinorUnit, nil, ErrRatio},
		{"no ratios", eur("1.00"), nil, MinorUnit, nil, ErrRatio},
		{"not rounded", eur("1.005"), []Fixed{FixedFromInt(1)}, MinorUnit, nil, ErrNotRounded},
		{"cash: not a multiple of 0.05", MustParseMoney("1.02", "CHF"), []Fixed{FixedFromInt(1)}, CashUnit, nil, ErrNotRounded},
		{"bad unit", eur("1"), []Fixed{FixedFromInt(1)}, Unit(9), nil, ErrInvalid},
		{"zeros around", eur("0.05"), []Fixed{{}, FixedFromInt(1), {}, FixedFromInt(1), {}}, MinorUnit,
			[]string{"0.00", "0.03", "0.00", "0.02", "0.00"}, nil},
		{"mixed scales", eur("1.00"), []Fixed{MustParseFixed("0.000000000000000001"), FixedFromInt(1)}, MinorUnit,
			[]string{"0.00", "1.00"}, nil},
		{"cash DKK negative", MustParseMoney("-10.00", "DKK"), []Fixed{FixedFromInt(1), FixedFromInt(1), FixedFromInt(1)}, CashUnit,
			[]string{"-3.50", "-3.50", "-3.00"}, nil},
		{"cash SEK", MustParseMoney("10", "SEK"), []Fixed{FixedFromInt(1), FixedFromInt(1), FixedFromInt(1)}, CashUnit,
			[]string{"4.00", "3.00", "3.00"}, nil},
		{"JPY by decimals", MustParseMoney("1000", "JPY"), []Fixed{MustParseFixed("0.3333"), MustParseFixed("0.3333"), MustParseFixed("0.3334")}, MinorUnit,
			[]string{"333", "333", "334"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.m.AppendAllocation(nil, tt.ratios, tt.unit)
			if !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if diff := cmp.Diff(tt.want, amounts(got), cmpEmpty); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	for _, n := range []int{0, -1, 1<<20 + 1, math.MinInt} {
		if _, err := eur("1").Split(n); !errors.Is(err, ErrRatio) {
			t.Errorf("Split(%d): %v", n, err)
		}
	}
	// Many parts: the sort-based remainder path keeps the earlier-wins tie break.
	parts, err := eur("1.00").Split(1000)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range parts {
		want := "0.00"
		if i < 100 {
			want = "0.01"
		}
		if p.Amount() != want {
			t.Fatalf("part %d = %s, want %s", i, p.Amount(), want)
		}
	}
}

var cmpEmpty = cmp.Comparer(func(a, b []string) bool { return len(a) == 0 && len(b) == 0 || cmp.Equal([]string(a), []string(b)) })

func TestEndingNeverZeroAndMonotone(t *testing.T) {
	down := EndingRule{Bands: []Ending{{Step: Fixed{coef: 1}, Round: RoundDown}}}
	tests := []struct {
		name string
		rule EndingRule
		in   Money
		want string
	}{
		{"whole down keeps a positive price", down, eur("0.50"), "1.00 EUR"},
		{"whole down", down, eur("1.50"), "1.00 EUR"},
		{"nearest 100 JPY of 40", NearestEnding(FixedFromInt(100)), MustParseMoney("40", "JPY"), "100 JPY"},
		{"nearest 100 JPY of 49 with extra digits", NearestEnding(FixedFromInt(100)), MustParseMoney("49.5", "JPY"), "100 JPY"},
		{"nearest 10 KRW", NearestEnding(FixedFromInt(10)), MustParseMoney("4", "KRW"), "10 KRW"},
		{"already at .99", bandRule, eur("9.99"), "9.99 EUR"},
		{"exactly 10", bandRule, eur("10.00"), "10.90 EUR"},
		{"just below 10 lifted", bandRule, eur("9.995"), "10.90 EUR"},
		{"already at .90", bandRule, eur("99.90"), "99.90 EUR"},
		{"just below 100 lifted", bandRule, eur("99.91"), "100.00 EUR"},
		{"exactly 100", bandRule, eur("100.00"), "100.00 EUR"},
		{"above 100", bandRule, eur("100.01"), "101.00 EUR"},
		{"negative unchanged", bandRule, eur("-5"), "-5.00 EUR"},
		{"zero unchanged", bandRule, eur("0"), "0.00 EUR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, m := range []Money{tt.in, forceWide(tt.in)} {
				got, err := tt.rule.Apply(m)
				if err != nil {
					t.Fatal(err)
				}
				if got.String() != tt.want {
					t.Errorf("Apply(%v) = %v, want %s", m, got, tt.want)
				}
			}
		})
	}
	// No price ends lower than a smaller one, on both sides of each band.
	prev := Money{}
	for c := int64(1); c <= 20000; c++ {
		m, _ := MoneyFromMinor(c, "EUR")
		got, err := bandRule.Apply(m)
		if err != nil {
			t.Fatal(err)
		}
		if d, _ := got.Cmp(prev); d < 0 {
			t.Fatalf("Apply(%v) = %v, below Apply of a smaller price (%v)", m, got, prev)
		}
		prev = got
	}
	// The converter's compiled fast path agrees with Apply.
	rates, err := NewRateTable(locale.MustParseDate("2026-01-01"), []ExchangeRate{{From: "EUR", To: "USD", Rate: FixedFromInt(1)}})
	if err != nil {
		t.Fatal(err)
	}
	conv, err := rates.Converter("EUR", "USD", RoundHalfUp, bandRule)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"9.995", "99.91", "0.01", "100"} {
		got, err := conv.Convert(eur(s))
		want, _ := bandRule.Apply(MustParseMoney(s, "USD").roundStep(step{k: 1, t: 2}, RoundHalfUp))
		if err != nil || !got.Equal(want) {
			t.Errorf("Convert(%s) = %v, %v; want %v", s, got, err, want)
		}
	}
}

func TestQuoteEdges(t *testing.T) {
	items := []Item{{SKU: "a", Quantity: 3, UnitPrice: eur("10.00")}, {SKU: "b", Quantity: 1, UnitPrice: eur("0.01")}}
	tests := []struct {
		name      string
		discounts []Discount
		total     string
		applied   []string
	}{
		{"100 %", []Discount{PercentOff("all", MustParsePercent("100"))}, "0.00", []string{"30.01"}},
		{"100 % then fixed", []Discount{PercentOff("all", MustParsePercent("100")), AmountOff("x", eur("5"))}, "0.00", []string{"30.01", "0.00"}},
		{"fixed beyond total", []Discount{AmountOff("x", eur("500"))}, "0.00", []string{"30.01"}},
		{"10 % then 5", []Discount{PercentOff("p", MustParsePercent("10")), AmountOff("x", eur("5"))}, "22.01", []string{"3.00", "5.00"}},
		{"5 then 10 %", []Discount{AmountOff("x", eur("5")), PercentOff("p", MustParsePercent("10"))}, "22.51", []string{"5.00", "2.50"}},
		{"percent with 4 decimals", []Discount{PercentOff("p", MustParsePercent("1.0001"))}, "29.71", []string{"0.30"}},
		{"percent with 4 decimals, rounds up", []Discount{PercentOff("p", MustParsePercent("1.6667"))}, "29.51", []string{"0.50"}},
		{"zero percent", []Discount{PercentOff("p", Percent{})}, "30.01", []string{"0.00"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := &Order{Currency: "EUR", Rounding: RoundHalfUp, Items: items, Discounts: tt.discounts}
			q := checkQuote(t, o)
			if q.Total.Amount() != tt.total {
				t.Errorf("total %v, want %s", q.Total, tt.total)
			}
			var got []string
			for _, a := range q.OrderDiscounts {
				got = append(got, a.Amount.Amount())
			}
			if diff := cmp.Diff(tt.applied, got); diff != "" {
				t.Errorf("applied (-want +got):\n%s", diff)
			}
			for i, l := range q.Lines {
				if l.Total.Sign() < 0 || l.OrderDiscount.Sign() < 0 {
					t.Errorf("line %d: %+v", i, l)
				}
			}
		})
	}
	bad := []struct {
		name  string
		o     *Order
		field string
		err   error
	}{
		{"nil order", nil, "order", ErrInvalid},
		{"fixed discount in USD", &Order{Currency: "EUR", Rounding: RoundHalfUp, Items: items,
			Discounts: []Discount{AmountOff("x", MustParseMoney("5", "USD"))}}, "", ErrCurrencyMismatch},
		{"line discount in USD", &Order{Currency: "EUR", Rounding: RoundHalfUp, Items: []Item{{SKU: "a", Quantity: 1, UnitPrice: eur("1"),
			Discounts: []Discount{AmountOff("x", MustParseMoney("1", "USD"))}}}}, "", ErrCurrencyMismatch},
		{"percent above 100", &Order{Currency: "EUR", Rounding: RoundHalfUp, Items: items,
			Discounts: []Discount{PercentOff("p", Percent{v: percentOne + 1})}}, "discounts[0].percent", ErrRange},
		{"negative percent", &Order{Currency: "EUR", Rounding: RoundHalfUp, Items: items,
			Discounts: []Discount{PercentOff("p", Percent{v: -1})}}, "discounts[0].percent", ErrRange},
		{"negative amount", &Order{Currency: "EUR", Rounding: RoundHalfUp, Items: items,
			Discounts: []Discount{AmountOff("x", eur("-1"))}}, "discounts[0].amount", ErrInvalid},
		{"zero discount", &Order{Currency: "EUR", Rounding: RoundHalfUp, Items: items,
			Discounts: []Discount{{}}}, "discounts[0].kind", ErrInvalid},
		{"unknown rounding mode", &Order{Currency: "EUR", Rounding: 99, Items: items}, "mode", ErrRoundingMode},
		{"unknown currency", &Order{Currency: "EURO", Rounding: RoundHalfUp}, "currency", locale.ErrUnknownCurrency},
		{"unit price in JPY", &Order{Currency: "EUR", Rounding: RoundHalfUp, Items: []Item{{Quantity: 1, UnitPrice: MustParseMoney("1", "JPY")}}}, "", ErrCurrencyMismatch},
		{"subtotal overflow", &Order{Currency: "EUR", Rounding: RoundHalfUp, Items: []Item{{Quantity: math.MaxInt64, UnitPrice: eur("10")}}}, "items[0].subtotal", ErrRange},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.o.Quote()
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			var e *Error
			if tt.field != "" && (!errors.As(err, &e) || e.Field != tt.field) {
				t.Errorf("error does not name %s: %v", tt.field, err)
			}
		})
	}
	o := &Order{Currency: "EUR", Rounding: RoundHalfUp}
	if err := o.QuoteInto(nil); !errors.Is(err, ErrInvalid) {
		t.Errorf("QuoteInto(nil): %v", err)
	}
}

func TestWindowsAtDSTChanges(t *testing.T) {
	l, err := NewPriceList(PriceListConfig{Market: "de", Currency: "EUR", TimeZone: "Europe/Berlin", Entries: []PriceEntry{
		{SKU: "a", Price: eur("10")},
		// 02:30 does not exist on 2026-03-29 and occurs twice on 2026-10-25.
		{SKU: "a", Price: eur("8"), From: "2026-03-29T02:30", Until: "2026-10-25T02:30"},
		{SKU: "b", Price: eur("10")},
		{SKU: "b", Price: eur("7"), From: "2026-10-25T02:00", Until: "2026-10-25T02:00:01"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		sku, at string // at in UTC
		want    string
	}{
		{"a", "2026-03-29T01:29:59Z", "10.00"}, // 03:29:59 CEST
		{"a", "2026-03-29T01:30:00Z", "8.00"},  // 03:30 CEST = 02:30 moved forward by the gap
		{"a", "2026-10-25T00:29:59Z", "8.00"},  // 02:29:59 CEST, first pass
		{"a", "2026-10-25T00:30:00Z", "10.00"}, // 02:30 CEST: the first occurrence ends the window
		{"a", "2026-10-25T01:29:59Z", "10.00"}, // 02:29:59 CET, second pass
		{"b", "2026-10-25T00:00:00Z", "7.00"},  // 02:00:00 CEST
		{"b", "2026-10-25T01:00:00Z", "10.00"}, // 02:00:00 CET, the second occurrence
	}
	for _, tt := range tests {
		at, _ := time.Parse(time.RFC3339, tt.at)
		p, err := l.Resolve(tt.sku, Query{At: at})
		if err != nil {
			t.Fatal(err)
		}
		if p.Unit.Amount() != tt.want {
			t.Errorf("%s at %s (%s): %v, want %s", tt.sku, tt.at, at.In(l.Location()), p.Unit, tt.want)
		}
		x, err := l.Explain(tt.sku, Query{At: at})
		if err != nil || !x.Price.Unit.Equal(p.Unit) || x.Candidates[0].Won != (p.Source == SourceWindow) {
			t.Errorf("Explain disagrees with Resolve at %s: %v", tt.at, x)
		}
	}
	_, err = NewPriceList(PriceListConfig{Market: "de", Currency: "EUR", TimeZone: "Europe/Berlin", Entries: []PriceEntry{
		{SKU: "a", Price: eur("8"), From: "2026-05-01", Until: "2026-05-01"},
	}})
	var e *Error
	if !errors.As(err, &e) || e.Field != "entries[0].until" || !errors.Is(err, ErrInvalid) {
		t.Errorf("From == Until: %v", err)
	}
}

func TestEveryCurrencyRoundTrips(t *testing.T) {
	// Money stores the ISO 4217 numeric code: every code must come back,
	// with its digits, through text and JSON.
	for _, code := range locale.Currencies() {
		c, _ := locale.CurrencyInfo(code)
		m, err := MoneyFromMinor(-12345, strings.ToLower(code))
		if err != nil {
			t.Errorf("%s: %v", code, err)
			continue
		}
		if m.Currency() != code || m.Digits() != c.Digits {
			t.Errorf("%s: Currency %q, Digits %d", code, m.Currency(), m.Digits())
		}
		back, err := ParseMoneyText(m.String())
		var j Money
		jerr := json.Unmarshal(mustJSON(t, m), &j)
		if err != nil || jerr != nil || !back.Equal(m) || !j.Equal(m) {
			t.Errorf("%s: %v → %v, %v / %v, %v", code, m, back, err, j, jerr)
		}
	}
}

func TestConvertedCompareAtNeverAtOrBelowPrice(t *testing.T) {
	base, err := NewPriceList(PriceListConfig{Market: "de", Currency: "EUR", TimeZone: "Europe/Berlin", Entries: []PriceEntry{
		{SKU: "close", Price: eur("9.50"), CompareAt: eur("9.60")},
		{SKU: "far", Price: eur("9.50"), CompareAt: eur("12.00")},
	}})
	if err != nil {
		t.Fatal(err)
	}
	rates, err := NewRateTable(locale.MustParseDate("2026-11-25"), []ExchangeRate{{From: "EUR", To: "CHF", Rate: MustParseFixed("1")}})
	if err != nil {
		t.Fatal(err)
	}
	ch, err := NewPriceList(PriceListConfig{Market: "ch", Currency: "CHF", TimeZone: "Europe/Zurich",
		Fallback: &Fallback{List: base, Rates: rates, Rounding: RoundHalfUp, Ending: CharmEnding(MustParseFixed("0.99"))}})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	for sku, want := range map[string]string{"close": "0", "far": "12.99 CHF"} {
		p, err := ch.Resolve(sku, Query{At: at})
		if err != nil {
			t.Fatal(err)
		}
		if p.Unit.String() != "9.99 CHF" || p.CompareAt.String() != want {
			t.Errorf("%s: unit %v, was %v; want 9.99 CHF, was %s", sku, p.Unit, p.CompareAt, want)
		}
	}
}

func TestDecodeEdges(t *testing.T) {
	z, err := MoneyFromDecimal(decimal.New(0, -40), "EUR")
	if err != nil || !z.IsZero() || z.Currency() != "EUR" {
		t.Errorf("zero with a small exponent: %v, %v", z, err)
	}
	var m Money
	if err := m.UnmarshalJSON([]byte(`{"amount":"1","currency":"EUR"}{"amount":"2","currency":"EUR"}`)); !errors.Is(err, ErrSyntax) {
		t.Errorf("trailing data: %v", err)
	}
	if err := m.UnmarshalJSON([]byte(" {\"amount\":\"1\",\"currency\":\"EUR\"}\n")); err != nil || m.String() != "1.00 EUR" {
		t.Errorf("surrounding space: %v, %v", m, err)
	}
}

func TestPriceListTimeZone(t *testing.T) {
	for _, tz := range []string{"", "Local", "Mars/Olympus", "../../etc/passwd", "Europe/Berlin\x00"} {
		_, err := NewPriceList(PriceListConfig{Market: "de", Currency: "EUR", TimeZone: tz})
		var e *Error
		if !errors.As(err, &e) || e.Field != "time_zone" || e.Value != tz || !errors.Is(err, ErrInvalid) {
			t.Errorf("TimeZone %q: %v", tz, err)
		}
	}
	if _, err := NewPriceList(PriceListConfig{Market: "x", Currency: "EUR", TimeZone: "UTC"}); err != nil {
		t.Errorf("UTC: %v", err)
	}
}

func TestWallTimesAtDSTChanges(t *testing.T) {
	tests := []struct {
		tz, wall string
		want     string // the instant, UTC
	}{
		// Chile springs forward at midnight: a window "from 2026-09-06"
		// starts at 01:00 that day, not at 23:00 the evening before (what
		// time.ParseInLocation returns).
		{"America/Santiago", "2026-09-06", "2026-09-06T04:00:00Z"},
		// Chile falls back at midnight: 23:30 happens twice; the first.
		{"America/Santiago", "2026-04-04T23:30", "2026-04-05T02:30:00Z"},
		// Lord Howe moves by 30 minutes.
		{"Australia/Lord_Howe", "2026-10-04T02:15", "2026-10-03T15:45:00Z"},
		{"Australia/Lord_Howe", "2026-04-05T01:45", "2026-04-04T14:45:00Z"},
		// Samoa skipped a whole day.
		{"Pacific/Apia", "2011-12-30", "2011-12-30T10:00:00Z"},
		{"Asia/Kolkata", "2026-01-01", "2025-12-31T18:30:00Z"},
		{"Europe/Berlin", "2026-10-25T02:30:15", "2026-10-25T00:30:15Z"},
	}
	for _, tt := range tests {
		loc, err := time.LoadLocation(tt.tz)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := parseWall(tt.wall, loc)
		if !ok || got.UTC().Format(time.RFC3339) != tt.want {
			t.Errorf("%s %s = %v (%v), want %s", tt.tz, tt.wall, got.UTC(), ok, tt.want)
		}
	}
}

func TestCompareAtAbovePrice(t *testing.T) {
	for _, was := range []string{"9.50", "9.00", "0"} {
		_, err := NewPriceList(PriceListConfig{Market: "de", Currency: "EUR", TimeZone: "Europe/Berlin", Entries: []PriceEntry{
			{SKU: "a", Price: eur("9.50"), CompareAt: eur(was)},
		}})
		var e *Error
		if !errors.As(err, &e) || e.Field != "entries[0].compare_at" || !errors.Is(err, ErrInvalid) {
			t.Errorf("compare_at %s with price 9.50: %v", was, err)
		}
	}
}
