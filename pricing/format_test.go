package pricing

import (
	"errors"
	"testing"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/locale"
)

func TestFormat(t *testing.T) {
	tests := []struct {
		name, tag, amount, code, want string
	}{
		{"de EUR", "de-DE", "1234.5", "EUR", "1.234,50\u00a0€"},
		{"en-US USD negative", "en-US", "-1234.5", "USD", "-$1,234.50"},
		{"ja JPY", "ja-JP", "1234", "JPY", "￥1,234"},
		{"de-CH CHF after cash rounding", "de-CH", "10.02", "CHF", "CHF\u00a010.02"},
		{"wide amount", "en-US", "123456789012345678901.25", "USD", "$123,456,789,012,345,678,901.25"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := locale.NewFormatter(language.MustParse(tt.tag), nil)
			if err != nil {
				t.Fatal(err)
			}
			got, err := MustParseMoney(tt.amount, tt.code).Format(f)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Format = %q, want %q", got, tt.want)
			}
		})
	}
	f, _ := locale.NewFormatter(language.German, nil)
	if _, err := (Money{}).Format(f); !errors.Is(err, ErrInvalid) {
		t.Errorf("zero Money: %v", err)
	}
	m := MustParseMoney("19.99", "EUR")
	buf := make([]byte, 0, 64)
	if n := testing.AllocsPerRun(100, func() { buf, _ = m.AppendFormat(buf[:0], f) }); n != 0 {
		t.Errorf("AppendFormat: %v allocs", n)
	}
}

func BenchmarkFormat(b *testing.B) {
	f, err := locale.NewFormatter(language.German, nil)
	if err != nil {
		b.Fatal(err)
	}
	m := MustParseMoney("1234.56", "EUR")
	d := m.Decimal()
	buf := make([]byte, 0, 64)
	b.Run("MoneyAppendFormat", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			buf, _ = m.AppendFormat(buf[:0], f)
		}
	})
	b.Run("BaselineDecimalAppendCurrency", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			buf, _ = f.AppendCurrency(buf[:0], d, "EUR")
		}
	})
}

// TestOneRoundingType (issue 8): pricing's and locale's modes were two
// types with the same names and different values, so
// locale.RoundingMode(pricing.RoundDown) printed 2.341 USD as "$2.35".
// They are now one type: a pricing mode given to a formatter means the
// same there.
func TestOneRoundingType(t *testing.T) {
	tests := []struct {
		mode RoundingMode
		want string
	}{
		{RoundDown, "$2.34"}, {RoundUp, "$2.35"}, {RoundHalfEven, "$2.34"}, {RoundCeiling, "$2.35"}, {RoundFloor, "$2.34"},
	}
	for _, tt := range tests {
		f, err := locale.NewFormatter(language.AmericanEnglish, &locale.FormatOptions{Rounding: tt.mode})
		if err != nil {
			t.Fatal(err)
		}
		got, err := MustParseMoney("2.341", "USD").Format(f)
		if err != nil || got != tt.want {
			t.Errorf("%v: Format(2.341 USD) = %q, %v; want %q", tt.mode, got, err, tt.want)
		}
		r, _ := MustParseMoney("2.341", "USD").Round(tt.mode)
		if got := "$" + r.Amount(); got != tt.want {
			t.Errorf("%v: Round(2.341 USD) = %s, want %s", tt.mode, got, tt.want)
		}
	}
}
