package locale

import (
	"testing"

	"github.com/bojanz/currency"
	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
)

// benchCases are the locale/currency pairs of the performance
// requirement. Run the pairs side by side with
//
//	go test -run '^$' -bench 'Currency|BojanzFormat' -benchmem ./locale
var benchCases = []struct{ tag, code string }{
	{"de-DE", "EUR"}, {"en-US", "USD"}, {"ja-JP", "JPY"}, {"ar-EG", "EGP"},
}

var (
	benchAmount = decimal.RequireFromString("1234.56")
	sinkBytes   []byte
)

func BenchmarkAppendCurrency(b *testing.B) {
	for _, bc := range benchCases {
		b.Run(bc.tag+"/"+bc.code, func(b *testing.B) {
			f := mustFormatter(b, bc.tag, nil)
			buf := make([]byte, 0, 64)
			b.ReportAllocs()
			for b.Loop() {
				buf, _ = f.AppendCurrency(buf[:0], benchAmount, bc.code)
			}
			sinkBytes = buf
		})
	}
}

func BenchmarkCurrency(b *testing.B) {
	for _, bc := range benchCases {
		b.Run(bc.tag+"/"+bc.code, func(b *testing.B) {
			f := mustFormatter(b, bc.tag, nil)
			b.ReportAllocs()
			for b.Loop() {
				sinkString, _ = f.Currency(benchAmount, bc.code)
			}
		})
	}
}

func BenchmarkAppendCurrencyFixed(b *testing.B) {
	for _, bc := range benchCases {
		b.Run(bc.tag+"/"+bc.code, func(b *testing.B) {
			f := mustFormatter(b, bc.tag, nil)
			buf := make([]byte, 0, 64)
			b.ReportAllocs()
			for b.Loop() {
				buf, _ = f.AppendCurrencyFixed(buf[:0], 123456, -2, bc.code)
			}
			sinkBytes = buf
		})
	}
}

// BenchmarkBojanzFormat is the baseline: bojanz/currency v1.4.2's
// Formatter.Format with a reused formatter and a prepared amount, set up
// as our default (half-even to the currency's digits).
func BenchmarkBojanzFormat(b *testing.B) {
	for _, bc := range benchCases {
		b.Run(bc.tag+"/"+bc.code, func(b *testing.B) {
			f := currency.NewFormatter(currency.NewLocale(bc.tag))
			f.MaxDigits = currency.DefaultDigits
			f.RoundingMode = currency.RoundHalfEven
			a, err := currency.NewAmount("1234.56", bc.code)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				sinkString = f.Format(a)
			}
		})
	}
}

func BenchmarkAppendNumber(b *testing.B) {
	for _, tag := range []string{"en-US", "de-DE", "en-IN", "ar-EG"} {
		b.Run(tag, func(b *testing.B) {
			f := mustFormatter(b, tag, nil)
			buf := make([]byte, 0, 64)
			d := decimal.RequireFromString("1234567.891")
			b.ReportAllocs()
			for b.Loop() {
				buf, _ = f.AppendNumber(buf[:0], d)
			}
			sinkBytes = buf
		})
	}
}

func BenchmarkAppendPercent(b *testing.B) {
	f := mustFormatter(b, "de-DE", nil)
	buf := make([]byte, 0, 64)
	d := decimal.RequireFromString("0.19")
	b.ReportAllocs()
	for b.Loop() {
		buf, _ = f.AppendPercent(buf[:0], d)
	}
	sinkBytes = buf
}

// BenchmarkAppendPercentFraction is BenchmarkAppendPercent (its baseline)
// with PercentFraction showing a VAT rate's fraction digits.
func BenchmarkAppendPercentFraction(b *testing.B) {
	f := mustFormatter(b, "de-DE", &FormatOptions{PercentFraction: Fraction(0, 2)})
	buf := make([]byte, 0, 64)
	d := decimal.RequireFromString("0.081")
	b.ReportAllocs()
	for b.Loop() {
		buf, _ = f.AppendPercent(buf[:0], d)
	}
	sinkBytes = buf
}

// dateLayouts are the time.Format layouts equivalent to the en-US CLDR
// date patterns, the baseline of BenchmarkAppendDate.
var dateLayouts = [...]string{
	DateShort:  "1/2/06",
	DateMedium: "Jan 2, 2006",
	DateLong:   "January 2, 2006",
	DateFull:   "Monday, January 2, 2006",
}

func TestDateLayoutsEquivalent(t *testing.T) {
	f := mustFormatter(t, "en-US", nil)
	for style, layout := range dateLayouts {
		if got, want := f.Date(fixedTime, DateStyle(style)), fixedTime.Format(layout); got != want {
			t.Errorf("%s: Date = %q, time.Format = %q", DateStyle(style), got, want)
		}
	}
}

func BenchmarkAppendDate(b *testing.B) {
	f := mustFormatter(b, "en-US", nil)
	for style := range dateLayouts {
		b.Run(DateStyle(style).String(), func(b *testing.B) {
			buf := make([]byte, 0, 64)
			b.ReportAllocs()
			for b.Loop() {
				buf = f.AppendDate(buf[:0], fixedTime, DateStyle(style))
			}
			sinkBytes = buf
		})
	}
}

// BenchmarkTimeAppendFormat is the baseline of BenchmarkAppendDate:
// time.Time.AppendFormat with the equivalent layout.
func BenchmarkTimeAppendFormat(b *testing.B) {
	for style, layout := range dateLayouts {
		b.Run(DateStyle(style).String(), func(b *testing.B) {
			buf := make([]byte, 0, 64)
			b.ReportAllocs()
			for b.Loop() {
				buf = fixedTime.AppendFormat(buf[:0], layout)
			}
			sinkBytes = buf
		})
	}
}

func BenchmarkDate(b *testing.B) {
	f := mustFormatter(b, "de-DE", nil)
	b.ReportAllocs()
	for b.Loop() {
		sinkString = f.Date(fixedTime, DateFull)
	}
}

// BenchmarkTimeFormat is the baseline of BenchmarkDate: time.Time.Format
// with a layout of the same shape.
func BenchmarkTimeFormat(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkString = fixedTime.Format("Monday, 2. January 2006")
	}
}

func BenchmarkNewFormatter(b *testing.B) {
	tag := language.MustParse("de-CH")
	b.ReportAllocs()
	for b.Loop() {
		f, err := NewFormatter(tag, nil)
		if err != nil {
			b.Fatal(err)
		}
		sinkFormatter = f
	}
}

var sinkFormatter *Formatter
