package pricing

import (
	"encoding/json"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/marketkit/marketkit/locale"
	"github.com/shopspring/decimal"
)

func TestParseMoney(t *testing.T) {
	tests := []struct {
		name, amount, code string
		want               string // String() of the result
		err                error
	}{
		{"cents", "19.99", "EUR", "19.99 EUR", nil},
		{"padded", "5", "EUR", "5.00 EUR", nil},
		{"trailing zeros kept to digits", "5.500", "EUR", "5.50 EUR", nil},
		{"extra digits kept", "0.125", "EUR", "0.125 EUR", nil},
		{"negative", "-3.5", "USD", "-3.50 USD", nil},
		{"plus sign", "+3", "JPY", "3 JPY", nil},
		{"lower-case code", "1", "eur", "1.00 EUR", nil},
		{"three digits", "1.5", "BHD", "1.500 BHD", nil},
		{"wide", "123456789012345678901234567890.12", "EUR", "123456789012345678901234567890.12 EUR", nil},
		{"wide negative", "-99999999999999999999", "JPY", "-99999999999999999999 JPY", nil},
		{"empty", "", "EUR", "", ErrSyntax},
		{"comma", "1,50", "EUR", "", ErrSyntax},
		{"group", "1,000.00", "EUR", "", ErrSyntax},
		{"exponent", "1e3", "EUR", "", ErrSyntax},
		{"space", " 1", "EUR", "", ErrSyntax},
		{"lone dot", ".5", "EUR", "", ErrSyntax},
		{"trailing dot", "5.", "EUR", "", ErrSyntax},
		{"two dots", "1.2.3", "EUR", "", ErrSyntax},
		{"sign only", "-", "EUR", "", ErrSyntax},
		{"too long", strings.Repeat("1", 101), "EUR", "", ErrRange},
		{"too many integer digits", strings.Repeat("1", 61), "EUR", "", ErrRange},
		{"leading zeros do not count", strings.Repeat("0", 40) + strings.Repeat("9", 60), "EUR", strings.Repeat("9", 60) + ".00 EUR", nil},
		{"too many fraction digits", "0." + strings.Repeat("1", 37), "EUR", "", ErrRange},
		{"unknown currency", "1", "XYZ", "", locale.ErrUnknownCurrency},
		{"bad currency", "1", "EURO", "", locale.ErrUnknownCurrency},
		{"empty currency", "1", "", "", locale.ErrUnknownCurrency},
		{"currency with a space", "1", " EUR", "", locale.ErrUnknownCurrency},
		{"currency with a trailing space", "1", "EUR ", "", locale.ErrUnknownCurrency},
		{"lower-case currency", "1", "eur", "1.00 EUR", nil},
		{"mixed-case currency", "1", "eUr", "1.00 EUR", nil},
		{"historical currency", "1", "BGN", "1.00 BGN", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ParseMoney(tt.amount, tt.code)
			if !errors.Is(err, tt.err) {
				t.Fatalf("ParseMoney(%q, %q) error = %v, want %v", tt.amount, tt.code, err, tt.err)
			}
			if err != nil {
				var e *Error
				if !errors.As(err, &e) || (e.Value != tt.amount && e.Value != tt.code) {
					t.Errorf("error %v does not name the value", err)
				}
				return
			}
			if got := m.String(); got != tt.want {
				t.Errorf("ParseMoney(%q, %q) = %q, want %q", tt.amount, tt.code, got, tt.want)
			}
			back, err := ParseMoneyText(m.String())
			if err != nil || !back.Equal(m) {
				t.Errorf("round trip of %v: %v, %v", m, back, err)
			}
		})
	}
}

// TestErrorMessages pins the layout `pricing: Op: field "value": reason`
// with a reason in every message, and that hostile input is never echoed
// whole (issue 9: a 1 MiB amount was copied into the message).
func TestErrorMessages(t *testing.T) {
	huge := strings.Repeat("9", 1<<20)
	tests := []struct {
		name string
		err  func() error
		want string
	}{
		{"syntax", func() error { _, err := ParseMoney("1,5", "EUR"); return err },
			`pricing: ParseMoney: amount "1,5": invalid syntax: want digits with an optional sign and point, like -12.50`},
		{"currency", func() error { _, err := ParseMoney("1", "usdx"); return err },
			`pricing: ParseMoney: currency "usdx": unknown currency code: not an ISO 4217 currency code`},
		{"empty currency", func() error { _, err := ParseMoney("1", ""); return err },
			`pricing: ParseMoney: currency "": unknown currency code: missing currency code`},
		{"mismatch", func() error { _, err := MustParseMoney("1", "EUR").Add(MustParseMoney("1", "USD")); return err },
			`pricing: Add: currency "USD": currency mismatch: want EUR`},
		{"1 MiB amount", func() error { _, err := ParseMoney(huge, "EUR"); return err },
			`pricing: ParseMoney: amount "` + huge[:64] + `…"(1048576 bytes): value out of range: longer than 100 bytes, or more than 60 integer or 36 fraction digits`},
		{"1 MiB currency", func() error { _, err := ParseMoney("1", huge); return err },
			`pricing: ParseMoney: currency "` + huge[:64] + `…"(1048576 bytes): unknown currency code: not an ISO 4217 currency code`},
		{"1 MiB JSON", func() error {
			var m Money
			return m.UnmarshalJSON([]byte(`{"amount":"` + huge + `","currency":"EUR"}`))
		},
			`pricing: Money.UnmarshalJSON: json "{\"amount\":\"` + huge[:53] + `…"(1048606 bytes): value out of range: longer than 1024 bytes`},
		{"long JSON amount", func() error {
			var m Money
			return m.UnmarshalJSON([]byte(`{"amount":"` + huge[:500] + `","currency":"EUR"}`))
		},
			`pricing: Money.UnmarshalJSON: amount "` + huge[:64] + `…"(500 bytes): value out of range: longer than 100 bytes, or more than 60 integer or 36 fraction digits`},
		{"1 MiB text", func() error { _, err := ParseMoneyText(huge); return err },
			`pricing: ParseMoneyText: money "` + huge[:64] + `…"(1048576 bytes): invalid syntax: want an amount, one space and a currency code, like "19.99 EUR"`},
		{"1 MiB percent", func() error { _, err := ParsePercent(huge); return err },
			`pricing: ParsePercent: percent "` + huge[:64] + `…"(1048576 bytes): value out of range: longer than 32 bytes`},
		{"zero Error", func() error { return &Error{} }, `pricing: "": `},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.err()
			if err == nil {
				t.Fatal("no error")
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("message:\n got %s\nwant %s", got, tt.want)
			}
			if len(err.Error()) > 400 {
				t.Errorf("message of %d bytes", len(err.Error()))
			}
		})
	}
	_, err := MustParseMoney("1", "EUR").Add(MustParseMoney("1", "USD"))
	var me *MismatchError
	if !errors.As(err, &me) || me.Want != "EUR" || me.Value != "USD" || !errors.Is(err, ErrCurrencyMismatch) {
		t.Errorf("Add mismatch error = %#v", err)
	}
	for _, e := range []error{&Error{}, &MismatchError{}, &NoPriceError{}, (*Error)(nil), (*MismatchError)(nil), (*NoPriceError)(nil)} {
		_ = e.Error() // must not panic
	}
}

func TestMoneyFromMinor(t *testing.T) {
	tests := []struct {
		name  string
		units int64
		code  string
		want  string
	}{
		{"EUR", 1999, "EUR", "19.99 EUR"},
		{"JPY", 500, "JPY", "500 JPY"},
		{"BHD", -1, "BHD", "-0.001 BHD"},
		{"min int64", -1 << 63, "EUR", "-92233720368547758.08 EUR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := MoneyFromMinor(tt.units, tt.code)
			if err != nil {
				t.Fatal(err)
			}
			if got := m.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if u, ok := m.Minor(); !ok || u != tt.units {
				t.Errorf("Minor() = %d, %v; want %d", u, ok, tt.units)
			}
		})
	}
	if _, err := MoneyFromMinor(1, "ABC"); !errors.Is(err, locale.ErrUnknownCurrency) {
		t.Errorf("unknown code: err = %v", err)
	}
}

func TestMoneyFromDecimal(t *testing.T) {
	for _, s := range []string{"19.99", "-0.001", "1e5", "123456789012345678901234567890", "1.000000000000000000000000001"} {
		d := decimal.RequireFromString(s)
		m, err := MoneyFromDecimal(d, "EUR")
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		if !m.Decimal().Equal(d) {
			t.Errorf("MoneyFromDecimal(%s).Decimal() = %s", s, m.Decimal())
		}
	}
	if _, err := MoneyFromDecimal(decimal.New(1, 1000), "EUR"); !errors.Is(err, ErrRange) {
		t.Errorf("huge exponent: err = %v", err)
	}
}

func TestAddSubZeroIdentity(t *testing.T) {
	a := MustParseMoney("19.99", "EUR")
	var zero Money
	for _, tc := range []struct {
		name string
		got  func() (Money, error)
		want Money
	}{
		{"zero+a", func() (Money, error) { return zero.Add(a) }, a},
		{"a+zero", func() (Money, error) { return a.Add(zero) }, a},
		{"a-zero", func() (Money, error) { return a.Sub(zero) }, a},
		{"zero-a", func() (Money, error) { return zero.Sub(a) }, a.Neg()},
		{"a+a", func() (Money, error) { return a.Add(a) }, MustParseMoney("39.98", "EUR")},
		{"scales", func() (Money, error) { return a.Add(MustParseMoney("0.001", "EUR")) }, MustParseMoney("19.991", "EUR")},
		{"overflow to wide", func() (Money, error) {
			return MustParseMoney("9223372036854775807", "JPY").Add(MustParseMoney("1", "JPY"))
		}, MustParseMoney("9223372036854775808", "JPY")},
		{"wide back to narrow", func() (Money, error) {
			return MustParseMoney("9223372036854775808", "JPY").Sub(MustParseMoney("1", "JPY"))
		}, MustParseMoney("9223372036854775807", "JPY")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.got()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	var sum Money
	for _, s := range []string{"1.10", "2.20", "3.30"} {
		var err error
		if sum, err = sum.Add(MustParseMoney(s, "EUR")); err != nil {
			t.Fatal(err)
		}
	}
	if want := MustParseMoney("6.60", "EUR"); !sum.Equal(want) {
		t.Errorf("sum = %v, want %v", sum, want)
	}
}

func TestCmpEqual(t *testing.T) {
	a, b := MustParseMoney("1.5", "EUR"), MustParseMoney("1.50", "EUR")
	if !a.Equal(b) {
		t.Error("1.5 EUR != 1.50 EUR")
	}
	if c, err := a.Cmp(MustParseMoney("1.51", "EUR")); err != nil || c != -1 {
		t.Errorf("Cmp = %d, %v", c, err)
	}
	if c, err := (Money{}).Cmp(a); err != nil || c != -1 {
		t.Errorf("zero Cmp = %d, %v", c, err)
	}
	if _, err := a.Cmp(MustParseMoney("1", "USD")); !errors.Is(err, ErrCurrencyMismatch) {
		t.Errorf("Cmp mismatch err = %v", err)
	}
	if a.Equal(MustParseMoney("1.5", "USD")) {
		t.Error("EUR equals USD")
	}
	if (Money{}).Equal(MustParseMoney("0", "EUR")) {
		t.Error("zero Money equals 0 EUR")
	}
}

func TestRound(t *testing.T) {
	modes := []RoundingMode{RoundHalfUp, RoundHalfEven, RoundHalfDown, RoundUp, RoundDown, RoundCeiling, RoundFloor}
	// Expected results per mode, in the order of modes.
	tests := []struct {
		in   string
		want [7]string
	}{
		{"0.285", [7]string{"0.29", "0.28", "0.28", "0.29", "0.28", "0.29", "0.28"}},
		{"-0.285", [7]string{"-0.29", "-0.28", "-0.28", "-0.29", "-0.28", "-0.28", "-0.29"}},
		{"0.275", [7]string{"0.28", "0.28", "0.27", "0.28", "0.27", "0.28", "0.27"}},
		{"1.2851", [7]string{"1.29", "1.29", "1.29", "1.29", "1.28", "1.29", "1.28"}},
		{"1.2849", [7]string{"1.28", "1.28", "1.28", "1.29", "1.28", "1.29", "1.28"}},
		{"-1.2849", [7]string{"-1.28", "-1.28", "-1.28", "-1.29", "-1.28", "-1.28", "-1.29"}},
		{"2", [7]string{"2.00", "2.00", "2.00", "2.00", "2.00", "2.00", "2.00"}},
		{"-0.001", [7]string{"0.00", "0.00", "0.00", "-0.01", "0.00", "0.00", "-0.01"}},
		{"99999999999999999999999.995", [7]string{"100000000000000000000000.00", "100000000000000000000000.00", "99999999999999999999999.99", "100000000000000000000000.00", "99999999999999999999999.99", "100000000000000000000000.00", "99999999999999999999999.99"}},
	}
	for _, tt := range tests {
		for i, mode := range modes {
			t.Run(tt.in+"/"+mode.String(), func(t *testing.T) {
				got, err := MustParseMoney(tt.in, "EUR").Round(mode)
				if err != nil {
					t.Fatal(err)
				}
				if got.Amount() != tt.want[i] {
					t.Errorf("Round(%s, %v) = %s, want %s", tt.in, mode, got.Amount(), tt.want[i])
				}
			})
		}
	}
	if _, err := MustParseMoney("1", "EUR").Round(99); !errors.Is(err, ErrRoundingMode) {
		t.Errorf("zero mode: err = %v", err)
	}
	if _, err := MustParseMoney("1", "EUR").RoundTo(19, RoundHalfUp); !errors.Is(err, ErrRange) {
		t.Errorf("digits 19: err = %v", err)
	}
}

func TestRoundTo(t *testing.T) {
	tests := []struct {
		name, in string
		digits   int
		mode     RoundingMode
		want     string
	}{
		{"JPY whole", "1234.5", 0, RoundHalfEven, "1234"},
		{"tens", "1234.5", -1, RoundHalfUp, "1230"},
		{"hundreds up", "1201", -2, RoundUp, "1300"},
		{"hundreds half", "1250", -2, RoundHalfEven, "1200"},
		{"more digits", "1.23456", 4, RoundHalfUp, "1.2346"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := MustParseMoney(tt.in, "JPY").RoundTo(tt.digits, tt.mode)
			if err != nil {
				t.Fatal(err)
			}
			if got.Amount() != tt.want {
				t.Errorf("got %s, want %s", got.Amount(), tt.want)
			}
		})
	}
}

func TestRoundCash(t *testing.T) {
	tests := []struct {
		name, amount, code string
		mode               RoundingMode
		want               string
	}{
		{"CHF 0.05 down", "1.02", "CHF", RoundHalfUp, "1.00 CHF"},
		{"CHF 0.05 tie", "1.025", "CHF", RoundHalfUp, "1.05 CHF"},
		{"CHF 0.05 up", "1.03", "CHF", RoundHalfUp, "1.05 CHF"},
		{"CHF half-even tie", "1.075", "CHF", RoundHalfEven, "1.10 CHF"},
		{"CAD", "4.97", "CAD", RoundHalfUp, "4.95 CAD"},
		{"DKK 0.50", "10.26", "DKK", RoundHalfUp, "10.50 DKK"},
		{"DKK 0.50 down", "10.24", "DKK", RoundHalfUp, "10.00 DKK"},
		{"SEK whole", "10.49", "SEK", RoundHalfUp, "10.00 SEK"},
		{"SEK whole up", "10.50", "SEK", RoundHalfUp, "11.00 SEK"},
		{"NOK negative", "-10.50", "NOK", RoundHalfUp, "-11.00 NOK"},
		{"EUR to cents", "10.555", "EUR", RoundHalfUp, "10.56 EUR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := MustParseMoney(tt.amount, tt.code).RoundCash(tt.mode)
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != tt.want {
				t.Errorf("RoundCash(%s %s) = %v, want %s", tt.amount, tt.code, got, tt.want)
			}
		})
	}
	if got := MustParseMoney("1", "DKK").CashIncrement().String(); got != "0.50 DKK" {
		t.Errorf("DKK cash increment = %s", got)
	}
}

func TestMulDiv(t *testing.T) {
	eur := func(s string) Money { return MustParseMoney(s, "EUR") }
	fx := MustParseFixed
	tests := []struct {
		name string
		got  func() (Money, error)
		want string
	}{
		{"Mul exact", func() (Money, error) { return eur("19.99").Mul(fx("0.19")), nil }, "3.7981"},
		{"MulInt", func() (Money, error) { return eur("5.49").MulInt(3), nil }, "16.47"},
		{"MulRound half-up tie", func() (Money, error) { return eur("1.50").MulRound(fx("0.19"), 2, RoundHalfUp) }, "0.29"},
		{"MulRound half-even tie", func() (Money, error) { return eur("1.50").MulRound(fx("0.19"), 2, RoundHalfEven) }, "0.28"},
		{"Div thirds", func() (Money, error) { return eur("100").Div(fx("3"), 2, RoundHalfUp) }, "33.33"},
		{"Div negative floor", func() (Money, error) { return eur("-100").Div(fx("3"), 2, RoundFloor) }, "-33.34"},
		{"Div by fraction", func() (Money, error) { return eur("10").Div(fx("0.3"), 3, RoundDown) }, "33.333"},
		{"tax in gross 19%", func() (Money, error) { return eur("119.00").MulDiv(fx("0.19"), fx("1.19"), 2, RoundHalfUp) }, "19.00"},
		{"tax in gross 7%", func() (Money, error) { return eur("9.99").MulDiv(fx("0.07"), fx("1.07"), 2, RoundHalfUp) }, "0.65"},
		{"MulDiv negative divisor", func() (Money, error) { return eur("10").MulDiv(fx("1"), fx("-4"), 2, RoundHalfUp) }, "-2.50"},
		{"wide Div", func() (Money, error) { return eur("100000000000000000000000").Div(fx("3"), 2, RoundHalfUp) }, "33333333333333333333333.33"},
		{"wide MulRound", func() (Money, error) {
			return eur("92233720368547758.07").MulRound(fx("1.5"), 2, RoundHalfUp)
		}, "138350580552821637.11"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.got()
			if err != nil {
				t.Fatal(err)
			}
			if got.Amount() != tt.want {
				t.Errorf("got %s, want %s", got.Amount(), tt.want)
			}
		})
	}
	if _, err := eur("1").Div(Fixed{}, 2, RoundHalfUp); !errors.Is(err, ErrDivisionByZero) {
		t.Errorf("Div by zero: err = %v", err)
	}
}

func TestFixed(t *testing.T) {
	tests := []struct {
		in   string
		want string
		err  error
	}{
		{"0.19", "0.19", nil},
		{"-12.5", "-12.5", nil},
		{"9223372036854775807", "9223372036854775807", nil},
		{"9223372036854775808", "", ErrRange},
		{"0.0000000000000000001", "", ErrRange},
		{"1e2", "", ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			f, err := ParseFixed(tt.in)
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if err == nil && f.String() != tt.want {
				t.Errorf("got %s, want %s", f, tt.want)
			}
		})
	}
	one := FixedFromInt(1)
	r := MustParseFixed("0.19")
	if s, err := one.Add(r); err != nil || s.String() != "1.19" {
		t.Errorf("1 + 0.19 = %v, %v", s, err)
	}
	if p, err := r.Mul(r); err != nil || p.String() != "0.0361" {
		t.Errorf("0.19² = %v, %v", p, err)
	}
	if c := MustParseFixed("0.5").Cmp(MustParseFixed("0.50")); c != 0 {
		t.Errorf("Cmp = %d", c)
	}
	f, err := FixedFromDecimal(decimal.RequireFromString("0.077"))
	if err != nil || f.String() != "0.077" {
		t.Errorf("FixedFromDecimal = %v, %v", f, err)
	}
}

func TestZeroAllocs(t *testing.T) {
	a, b := MustParseMoney("19.99", "EUR"), MustParseMoney("5.01", "EUR")
	rate, one := MustParseFixed("0.19"), MustParseFixed("1.19")
	buf := make([]byte, 0, 64)
	parts := make([]Money, 0, 3)
	thirds := []Fixed{FixedFromInt(1), FixedFromInt(1), FixedFromInt(1)}
	var sink Money
	cases := map[string]func(){
		"Add":       func() { sink, _ = a.Add(b) },
		"Sub":       func() { sink, _ = a.Sub(b) },
		"Mul":       func() { sink = a.Mul(rate) },
		"MulInt":    func() { sink = a.MulInt(7) },
		"Round":     func() { sink, _ = a.Mul(rate).Round(RoundHalfEven) },
		"RoundCash": func() { sink, _ = a.RoundCash(RoundHalfUp) },
		"MulRound":  func() { sink, _ = a.MulRound(rate, 2, RoundHalfUp) },
		"MulDiv":    func() { sink, _ = a.MulDiv(rate, one, 2, RoundHalfUp) },
		"Cmp":       func() { _, _ = a.Cmp(b) },
		"Parse":     func() { sink, _ = ParseMoney("1234.56", "EUR") },
		"Append":    func() { buf = a.AppendAmount(buf[:0]) },
		"Allocate":  func() { parts, _ = a.AppendAllocation(parts[:0], thirds, MinorUnit) },
		"Cash":      func() { parts, _ = a.AppendAllocation(parts[:0], thirds, CashUnit) },
		"Div":       func() { sink, _ = a.Div(one, 2, RoundHalfEven) },
		"RoundTo":   func() { sink, _ = a.RoundTo(-1, RoundFloor) },
		"Neg":       func() { sink = a.Neg().Abs() },
		"Minor":     func() { _, _ = a.Minor() },
		"Equal":     func() { _ = a.Equal(b) },
		"Ending":    func() { sink, _ = bandRule.Apply(a) },
		"Fixed":     func() { f, _ := rate.Mul(one); f, _ = f.Add(rate); _ = f.Cmp(one) },
		"ParseFix":  func() { _, _ = ParseFixed("0.19") },
	}
	for name, fn := range cases {
		if n := testing.AllocsPerRun(100, fn); n != 0 {
			t.Errorf("%s: %v allocs, want 0", name, n)
		}
	}
	_ = sink
}

// TestNoFloats walks the package's Go files (tests included) and fails on
// any use of float32 or float64.
func TestNoFloats(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 5 {
		t.Fatalf("found only %d files", len(files))
	}
	fset := token.NewFileSet()
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				if n.Name == "float32" || n.Name == "float64" {
					t.Errorf("%s: float type %s", fset.Position(n.Pos()), n.Name)
				}
			case *ast.BasicLit:
				if n.Kind == token.FLOAT {
					t.Errorf("%s: float literal %s", fset.Position(n.Pos()), n.Value)
				}
			}
			return true
		})
	}
}

// TestStoredFormsReadBack (issue 9 item 11): Mul and MulDecimal keep every
// digit, so a product can have more than the 36 fraction or 60 integer
// digits the parsers read. Whatever the package writes for storage
// (AppendText, MarshalText, MarshalJSON, Value) it reads back; it refuses
// to write the rest with ErrRange, and a rounded amount is written again.
func TestStoredFormsReadBack(t *testing.T) {
	f := MustParseFixed("0.123456789012345678")
	big60 := MustParseMoney(strings.Repeat("9", 60), "EUR")
	tests := []struct {
		name string
		m    Money
		ok   bool // written as it is; otherwise refused, and written once rounded unless too large
	}{
		{"two decimals", MustParseMoney("19.99", "EUR"), true},
		{"36 fraction digits", MustParseMoney("0."+strings.Repeat("1", 36), "EUR"), true},
		{"one Mul: 20 fraction digits", MustParseMoney("19.99", "EUR").Mul(f), true},
		{"two Muls: 38 fraction digits", MustParseMoney("19.99", "EUR").Mul(f).Mul(f), false},
		{"60 integer digits", big60, true},
		{"61 integer digits", big60.MulInt(10), false},
		{"MulDecimal: 40 fraction digits", mustMulDecimal(t, MustParseMoney("1.01", "EUR"), "1.0000000000000000000000000000000000001"), false},
		{"trailing zeros beyond 36 digits", MustParseMoney("0.5", "EUR").Mul(MustParseFixed("2.000000000000000000")).Mul(MustParseFixed("1.000000000000000000")), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, errText := tt.m.MarshalText()
			js, errJSON := json.Marshal(tt.m)
			v, errValue := tt.m.Value()
			app, errApp := tt.m.AppendText([]byte("x"))
			if !tt.ok {
				for name, err := range map[string]error{"MarshalText": errText, "MarshalJSON": errJSON, "Value": errValue, "AppendText": errApp} {
					if !errors.Is(err, ErrRange) {
						t.Errorf("%s of %s: err = %v, want ErrRange", name, tt.m, err)
					}
				}
				if string(app) != "x" {
					t.Errorf("AppendText wrote %q on error", app)
				}
				if tt.m.Compare(big60) > 0 {
					return // too large even when rounded
				}
				// Rounded, it is written and read back.
				r, _ := tt.m.Round(RoundHalfEven)
				tt.m = r
				text, errText = r.MarshalText()
				js, errJSON = json.Marshal(r)
				v, errValue = r.Value()
			}
			if errText != nil || errJSON != nil || errValue != nil {
				t.Fatalf("write: %v, %v, %v", errText, errJSON, errValue)
			}
			var a, b, c Money
			if err := a.UnmarshalText(text); err != nil || !a.Equal(tt.m) {
				t.Errorf("text %s read back as %v, %v", text, a, err)
			}
			if err := json.Unmarshal(js, &b); err != nil || !b.Equal(tt.m) {
				t.Errorf("JSON %s read back as %v, %v", js, b, err)
			}
			if err := c.Scan(v); err != nil || !c.Equal(tt.m) {
				t.Errorf("SQL %v read back as %v, %v", v, c, err)
			}
		})
	}
}

func mustMulDecimal(t *testing.T, m Money, d string) Money {
	t.Helper()
	r, err := m.MulDecimal(decimal.RequireFromString(d))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestUnmarshalJSONKeys (issue 9 item 13): encoding/json matches keys
// case-insensitively and lets the last of a repeated key win, even with
// DisallowUnknownFields, so {"amount":"1","AMOUNT":"1000"} was 1000 EUR to
// us and 1 EUR to a proxy reading the first key. Keys are now exact and
// unique.
func TestUnmarshalJSONKeys(t *testing.T) {
	tests := []struct {
		name, in, want, reason string
	}{
		{"plain", `{"amount":"19.99","currency":"EUR"}`, "19.99 EUR", ""},
		{"order of keys", `{"currency":"eur","amount":"1"}`, "1.00 EUR", ""},
		{"spaces", ` { "amount" : "1" , "currency" : "EUR" } `, "1.00 EUR", ""},
		{"zero Money", `{"amount":"0","currency":""}`, "0", ""},
		{"zero without currency key", `{"amount":"0"}`, "0", ""},
		{"upper-case key", `{"amount":"1","AMOUNT":"1000","currency":"EUR"}`, "", `json "AMOUNT": invalid syntax: unknown key`},
		{"capitalized key only", `{"Amount":"1000","currency":"EUR"}`, "", `json "Amount": invalid syntax: unknown key`},
		{"repeated key", `{"amount":"1","amount":"1000","currency":"EUR"}`, "", `json "amount": invalid syntax: repeated key`},
		{"repeated currency", `{"amount":"1","currency":"EUR","currency":"USD"}`, "", `json "currency": invalid syntax: repeated key`},
		{"unknown key", `{"amount":"1","currency":"EUR","note":"x"}`, "", `json "note": invalid syntax: unknown key`},
		{"number amount", `{"amount":1.5,"currency":"EUR"}`, "", `amount "{\"amount\":1.5,\"currency\":\"EUR\"}": invalid syntax: want a JSON string`},
		{"missing amount", `{"currency":"EUR"}`, "", `amount "": invalid syntax: missing key`},
		{"trailing data", `{"amount":"1","currency":"EUR"}{}`, "", "data after the object"},
		{"array", `["1","EUR"]`, "", "invalid syntax: want {"},
		{"truncated", `{"amount":"1"`, "", "invalid syntax: want {"},
		{"non-zero without currency", `{"amount":"5","currency":""}`, "", `currency "": unknown currency code: missing currency code for a non-zero amount`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m Money
			err := m.UnmarshalJSON([]byte(tt.in))
			if tt.reason == "" {
				if err != nil || m.String() != tt.want {
					t.Fatalf("UnmarshalJSON(%s) = %v, %v; want %s", tt.in, m, err, tt.want)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.reason) {
				t.Fatalf("UnmarshalJSON(%s) err = %v, want %q", tt.in, err, tt.reason)
			}
			// Also through encoding/json with DisallowUnknownFields.
			var wrap struct{ Price Money }
			dec := json.NewDecoder(strings.NewReader(`{"Price":` + tt.in + `}`))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&wrap); err == nil {
				t.Errorf("json.Decoder accepted %s as %v", tt.in, wrap.Price)
			}
		})
	}
}
