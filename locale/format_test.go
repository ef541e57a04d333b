package locale

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
)

func mustFormatter(t testing.TB, tag string, opts *FormatOptions) *Formatter {
	t.Helper()
	f, err := NewFormatter(language.MustParse(tag), opts)
	if err != nil {
		t.Fatalf("NewFormatter(%s): %v", tag, err)
	}
	return f
}

func TestNumber(t *testing.T) {
	tests := []struct {
		name, tag, in string
		opts          *FormatOptions
		want          string
	}{
		{"en grouping", "en", "1234567.891", nil, "1,234,567.891"},
		{"en max 3 digits half-even", "en", "0.12345", nil, "0.123"},
		{"en tie to even", "en", "0.0125", nil, "0.012"},
		{"en trailing zeros dropped", "en", "2.50", nil, "2.5"},
		{"en negative", "en", "-1234.5", nil, "-1,234.5"},
		{"en zero", "en", "0", nil, "0"},
		{"de separators", "de", "1234567.891", nil, "1.234.567,891"},
		{"de-CH apostrophe", "de-CH", "1234567.5", nil, "1'234'567.5"},
		{"fr narrow nbsp", "fr", "1234567.5", nil, "1\u202f234\u202f567,5"},
		{"en-IN lakh", "en-IN", "1234567.891", nil, "12,34,567.891"},
		{"hi-IN lakh", "hi-IN", "123456789", nil, "12,34,56,789"},
		{"es min grouping 2: 4 digits ungrouped", "es", "1234", nil, "1234"},
		{"es min grouping 2: 5 digits grouped", "es", "12345", nil, "12.345"},
		{"pl min grouping 2", "pl", "1234.5", nil, "1234,5"},
		{"ar-EG arab digits", "ar-EG", "1234567.891", nil, "١٬٢٣٤٬٥٦٧٫٨٩١"},
		{"ar-EG negative", "ar-EG", "-12", nil, "\u061c-١٢"},
		{"fa-IR arabext digits", "fa-IR", "1234.5", nil, "۱٬۲۳۴٫۵"},
		{"bn beng digits", "bn", "1234567", nil, "১২,৩৪,৫৬৭"},
		{"mr deva digits", "mr", "1234", nil, "१,२३४"},
		{"my mymr digits", "my", "1234", nil, "၁,၂၃၄"},
		{"fixed digits", "en", "1.5", &FormatOptions{Fraction: Fraction(2, 2)}, "1.50"},
		{"no fraction, half-up", "en", "2.5", &FormatOptions{Fraction: Fraction(0, 0), Rounding: RoundHalfUp}, "3"},
		{"no fraction, half-even", "en", "2.5", &FormatOptions{Fraction: Fraction(0, 0)}, "2"},
		{"no grouping", "en", "1234567", &FormatOptions{NoGrouping: true}, "1234567"},
		{"huge coefficient", "en", "123456789012345678901234567890.5", nil, "123,456,789,012,345,678,901,234,567,890.5"},
		{"carry into new digit", "en", "999.9999", nil, "1,000"},
		{"exponent positive", "en", "12e5", nil, "1,200,000"},
		{"tiny", "en", "1e-30", nil, "0"},
		{"tiny negative keeps sign", "en", "-1e-30", nil, "-0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := mustFormatter(t, tt.tag, tt.opts)
			got, err := f.Number(decimal.RequireFromString(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Number(%s) in %s = %q, want %q", tt.in, tt.tag, got, tt.want)
			}
		})
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		name, tag, in string
		opts          *FormatOptions
		want          string
	}{
		{"en", "en", "0.19", nil, "19%"},
		{"de nbsp", "de", "0.19", nil, "19\u00a0%"},
		{"fr nbsp", "fr", "0.19", nil, "19\u00a0%"},
		{"tr prefix", "tr", "0.19", nil, "%19"},
		{"ar-EG", "ar-EG", "0.19", nil, "١٩٪\u061c"},
		{"fa", "fa", "0.19", nil, "۱۹٪"},
		{"rounded half-even", "en", "0.125", nil, "12%"},
		{"fraction digits", "de", "0.195", &FormatOptions{Fraction: Fraction(1, 1)}, "19,5\u00a0%"},
		{"negative", "en", "-0.05", nil, "-5%"},
		{"large", "en-IN", "12345.67", nil, "12,34,567%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := mustFormatter(t, tt.tag, tt.opts)
			got, err := f.Percent(decimal.RequireFromString(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Percent(%s) in %s = %q, want %q", tt.in, tt.tag, got, tt.want)
			}
		})
	}
}

// TestPercentFraction covers FormatOptions.PercentFraction: VAT-style
// rates keep their fraction digits in every locale's own separators and
// digits, it takes precedence over Fraction, and out-of-range requests
// are clamped by FractionDigits exactly as for Fraction.
func TestPercentFraction(t *testing.T) {
	upTo2 := Fraction(0, 2)
	tests := []struct {
		name, tag, in string
		opts          *FormatOptions
		want          string
	}{
		{"de-DE 8.1", "de-DE", "0.081", &FormatOptions{PercentFraction: upTo2}, "8,1\u00a0%"},
		{"en-US 8.1", "en-US", "0.081", &FormatOptions{PercentFraction: upTo2}, "8.1%"},
		{"ar-EG native digits", "ar-EG", "0.081", &FormatOptions{PercentFraction: upTo2}, "٨٫١٪\u061c"},
		{"ar-EG-u-nu-latn", "ar-EG-u-nu-latn", "0.081", &FormatOptions{PercentFraction: upTo2}, "8.1\u200e%\u200e"},
		{"fr-CH no space", "fr-CH", "0.081", &FormatOptions{PercentFraction: upTo2}, "8,1%"},
		{"fr-CH 2.6", "fr-CH", "0.026", &FormatOptions{PercentFraction: upTo2}, "2,6%"},
		{"de-CH 8.1", "de-CH", "0.081", &FormatOptions{PercentFraction: upTo2}, "8.1%"},
		{"tr prefix", "tr", "0.081", &FormatOptions{PercentFraction: upTo2}, "%8,1"},
		{"whole rate drops zeros", "en-US", "0.19", &FormatOptions{PercentFraction: upTo2}, "19%"},
		{"fixed two digits", "en-US", "0.19", &FormatOptions{PercentFraction: Fraction(2, 2)}, "19.00%"},
		{"QC 9.975 in full", "fr-CA", "0.09975", &FormatOptions{PercentFraction: Fraction(0, 3)}, "9,975\u00a0%"},
		{"rounded half-even", "en-US", "0.09975", &FormatOptions{PercentFraction: upTo2}, "9.98%"},
		{"rounded with mode", "en-US", "0.09975", &FormatOptions{PercentFraction: upTo2, Rounding: RoundDown}, "9.97%"},
		{"negative", "en-US", "-0.0775", &FormatOptions{PercentFraction: upTo2}, "-7.75%"},
		{"zero value is CLDR default", "de-DE", "0.081", &FormatOptions{}, "8\u00a0%"},
		{"zero value keeps Fraction", "de-DE", "0.081", &FormatOptions{Fraction: Fraction(2, 2)}, "8,10\u00a0%"},
		{"precedence over Fraction", "de-DE", "0.081", &FormatOptions{Fraction: Fraction(2, 2), PercentFraction: Fraction(0, 1)}, "8,1\u00a0%"},
		{"none over Fraction", "en-US", "0.081", &FormatOptions{Fraction: Fraction(2, 2), PercentFraction: Fraction(0, 0)}, "8%"},
		{"min above max clamps to max", "en-US", "0.081", &FormatOptions{PercentFraction: Fraction(3, 1)}, "8.1%"},
		{"negative range clamps to none", "en-US", "0.081", &FormatOptions{PercentFraction: Fraction(-2, -1)}, "8%"},
		{"max clamps to MaxFractionDigits", "en-US", "0.0000000000000000000000000000000123", &FormatOptions{PercentFraction: Fraction(0, 99)}, "0.000000000000000000000000000001%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := mustFormatter(t, tt.tag, tt.opts)
			got, err := f.Percent(decimal.RequireFromString(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Percent(%s) in %s mismatch (-want +got):\n%s", tt.in, tt.tag, diff)
			}
		})
	}
}

// TestPercentFractionLeavesMoneyAndNumbers checks that PercentFraction
// changes percentages only: Number and Currency give the same bytes as
// a Formatter without it, with and without Fraction.
func TestPercentFractionLeavesMoneyAndNumbers(t *testing.T) {
	amounts := []string{"0", "0.081", "1234.5", "-1234.5678", "0.0005", "1234567.891"}
	for _, tag := range []string{"de-DE", "de-CH", "en-US", "ar-EG", "fr-CH", "ja-JP", "en-IN"} {
		for _, base := range []FormatOptions{{}, {Fraction: Fraction(1, 4)}, {Style: StyleAccounting, Display: DisplayCode, Rounding: RoundHalfUp}} {
			with := base
			with.PercentFraction = Fraction(2, 2)
			ref, f := mustFormatter(t, tag, &base), mustFormatter(t, tag, &with)
			for _, in := range amounts {
				d := decimal.RequireFromString(in)
				for _, code := range []string{"EUR", "CHF", "JPY", "BHD"} {
					want, errW := ref.Currency(d, code)
					got, errG := f.Currency(d, code)
					if got != want || errG != nil || errW != nil {
						t.Errorf("%s %+v Currency(%s, %s) = %q, %v; without PercentFraction %q, %v", tag, base, in, code, got, errG, want, errW)
					}
				}
				want, errW := ref.Number(d)
				got, errG := f.Number(d)
				if got != want || errG != nil || errW != nil {
					t.Errorf("%s %+v Number(%s) = %q, %v; without PercentFraction %q, %v", tag, base, in, got, errG, want, errW)
				}
			}
			// The percent output itself must differ where the digits matter,
			// or the formatter under test would not use PercentFraction.
			p, _ := f.Percent(decimal.RequireFromString("0.09975"))
			if rp, _ := ref.Percent(decimal.RequireFromString("0.09975")); p == rp {
				t.Errorf("%s %+v: Percent(0.09975) = %q with and without PercentFraction", tag, base, p)
			}
		}
	}
}

func TestCurrency(t *testing.T) {
	tests := []struct {
		name, tag, in, code string
		opts                *FormatOptions
		want                string
	}{
		{"de EUR", "de-DE", "1234.5", "EUR", nil, "1.234,50\u00a0€"},
		{"en-US USD", "en-US", "1234.5", "USD", nil, "$1,234.50"},
		{"en-US negative", "en-US", "-1234.5", "USD", nil, "-$1,234.50"},
		{"en-US accounting", "en-US", "-1234.5", "USD", &FormatOptions{Style: StyleAccounting}, "($1,234.50)"},
		{"ja JPY half-even", "ja-JP", "1234.5", "JPY", nil, "￥1,234"},
		{"ja JPY half-up", "ja-JP", "1234.5", "JPY", &FormatOptions{Rounding: RoundHalfUp}, "￥1,235"},
		{"ar-EG EGP", "ar-EG", "1234.56", "EGP", nil, "\u200f١٬٢٣٤٫٥٦\u00a0ج.م.\u200f"},
		{"lower-case code", "en", "1", "eur", nil, "€1.00"},
		{"BHD 3 digits", "en", "1.2345", "BHD", nil, "BHD\u00a01.234"},
		{"code display", "en", "5", "USD", &FormatOptions{Display: DisplayCode}, "USD\u00a05.00"},
		{"code display suffix", "de", "5", "USD", &FormatOptions{Display: DisplayCode}, "5,00\u00a0USD"},
		{"symbol display en-CA USD", "en-CA", "5", "USD", nil, "US$5.00"},
		{"narrow display en-CA USD", "en-CA", "5", "USD", &FormatOptions{Display: DisplayNarrowSymbol}, "$5.00"},
		{"narrow display en AUD", "en", "5", "AUD", &FormatOptions{Display: DisplayNarrowSymbol}, "$5.00"},
		{"symbol display en AUD", "en", "5", "AUD", nil, "A$5.00"},
		{"none display", "de", "5", "EUR", &FormatOptions{Display: DisplayNone}, "5,00"},
		{"de-CH prefix with space", "de-CH", "-5", "CHF", nil, "CHF-5.00"},
		{"de-AT", "de-AT", "1234.5", "EUR", nil, "€\u00a01.234,50"},
		{"en-IN INR lakh", "en-IN", "1234567.5", "INR", nil, "₹12,34,567.50"},
		{"hi-IN accounting keeps lakh", "hi-IN", "-1234567.5", "INR", &FormatOptions{Style: StyleAccounting}, "-₹12,34,567.50"},
		{"fraction override", "en", "5", "USD", &FormatOptions{Fraction: Fraction(0, 2)}, "$5"},
		{"round down", "en", "5.999", "USD", &FormatOptions{Rounding: RoundDown}, "$5.99"},
		{"round up", "en", "5.001", "USD", &FormatOptions{Rounding: RoundUp}, "$5.01"},
		{"round ceiling negative", "en", "-5.009", "USD", &FormatOptions{Rounding: RoundCeiling}, "-$5.00"},
		{"round floor negative", "en", "-5.001", "USD", &FormatOptions{Rounding: RoundFloor}, "-$5.01"},
		{"round floor positive", "en", "5.009", "USD", &FormatOptions{Rounding: RoundFloor}, "$5.00"},
		{"round half-down tie", "en", "5.005", "USD", &FormatOptions{Rounding: RoundHalfDown}, "$5.00"},
		{"tiny rounds up", "en", "0.0000001", "USD", &FormatOptions{Rounding: RoundUp}, "$0.01"},
		{"negative rounding to zero keeps sign", "en", "-0.001", "USD", nil, "-$0.00"},
		{"fallback to de for de-XX", "de-LU", "5", "EUR", nil, "5,00\u00a0€"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := mustFormatter(t, tt.tag, tt.opts)
			got, err := f.Currency(decimal.RequireFromString(tt.in), tt.code)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Currency(%s, %s) in %s = %q, want %q", tt.in, tt.code, tt.tag, got, tt.want)
			}
		})
	}
}

func TestCurrencyErrors(t *testing.T) {
	f := mustFormatter(t, "en", nil)
	for _, code := range []string{"", "EU", "EURO", "XXX", "ZZZ", "€", "E1R", "usd\x00"} {
		t.Run(fmt.Sprintf("%q", code), func(t *testing.T) {
			got, err := f.Currency(decimal.NewFromInt(1), code)
			if got != "" {
				t.Errorf("got %q with an error", got)
			}
			if !errors.Is(err, ErrUnknownCurrency) {
				t.Fatalf("err = %v, want ErrUnknownCurrency", err)
			}
			var e *Error
			if !errors.As(err, &e) || e.Value != code || e.Field != "code" || e.Op != "Currency" {
				t.Fatalf("err = %#v, want *Error{Op: Currency, Field: code, Value: %q}", err, code)
			}
			if want := fmt.Sprintf("locale: Currency: code %q: unknown currency code", code); err.Error() != want {
				t.Errorf("message %q, want %q", err, want)
			}
			dst := []byte("keep")
			out, err := f.AppendCurrency(dst, decimal.NewFromInt(1), code)
			if err == nil || string(out) != "keep" {
				t.Errorf("AppendCurrency changed dst to %q (err %v)", out, err)
			}
		})
	}
}

func TestOutOfRange(t *testing.T) {
	f := mustFormatter(t, "en", nil)
	huge := decimal.New(1, MaxIntegerDigits)
	for name, call := range map[string]func() error{
		"Number":   func() error { _, err := f.Number(huge); return err },
		"Percent":  func() error { _, err := f.Percent(decimal.New(1, MaxIntegerDigits-1)); return err },
		"Currency": func() error { _, err := f.Currency(huge, "EUR"); return err },
		"Big": func() error {
			_, err := f.Number(decimal.RequireFromString("1" + strings.Repeat("0", 1200) + ".5"))
			return err
		},
	} {
		t.Run(name, func(t *testing.T) {
			err := call()
			var re *Error
			if !errors.Is(err, ErrOutOfRange) || !errors.As(err, &re) || re.Op != name && name != "Big" {
				t.Fatalf("err = %v, want an *Error of %s wrapping ErrOutOfRange", err, name)
			}
			if !strings.HasSuffix(err.Error(), ": out of range: more than 1000 integer digits") || len(err.Error()) > 120 {
				t.Errorf("message %q", err)
			}
		})
	}
	// The largest allowed number still formats.
	s, err := f.Number(decimal.New(9, MaxIntegerDigits-1))
	if err != nil || len(strings.ReplaceAll(s, ",", "")) != MaxIntegerDigits {
		t.Errorf("Number(9e%d) = %d chars, %v", MaxIntegerDigits-1, len(s), err)
	}
}

func TestNewFormatterErrors(t *testing.T) {
	tests := []struct {
		name   string
		tag    language.Tag
		opts   *FormatOptions
		target error
	}{
		{"und", language.Und, nil, ErrUnsupportedLocale},
		{"no CLDR data", language.MustParse("tlh"), nil, ErrUnsupportedLocale},
		{"style", language.English, &FormatOptions{Style: 9}, ErrInvalidOption},
		{"display", language.English, &FormatOptions{Display: 9}, ErrInvalidOption},
		{"rounding", language.English, &FormatOptions{Rounding: 99}, ErrInvalidOption},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := NewFormatter(tt.tag, tt.opts)
			if f != nil || !errors.Is(err, tt.target) {
				t.Fatalf("NewFormatter = %v, %v; want nil, %v", f, err, tt.target)
			}
		})
	}
	_, err := NewFormatter(language.English, &FormatOptions{Display: 7})
	if want := `locale: NewFormatter: FormatOptions.Display "Display(7)": invalid option`; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
	_, err = NewFormatter(language.MustParse("tlh"), nil)
	if want := `locale: NewFormatter: locale "tlh": unsupported locale: CLDR has no modern number and date data for it`; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

// TestFormatterResolution checks that a tag uses the data of the most
// specific locale of its CLDR chain: es-MX inherits es-419's grouping,
// de-LU has none of its own and uses de, sr-Latn-RS uses sr-Latn.
func TestFormatterResolution(t *testing.T) {
	tests := []struct{ tag, code, want string }{
		{"de-DE", "EUR", "1.234,50\u00a0€"},
		{"de-LU", "EUR", "1.234,50\u00a0€"},
		{"de-CH-u-nu-latn", "CHF", "CHF\u00a01'234.50"},
		{"es-MX", "MXN", "$1,234.50"},
		{"es", "EUR", "1234,50\u00a0€"},
		{"pt-AO", "AOA", "1\u00a0234,50\u00a0Kz"},
		{"en-US", "USD", "$1,234.50"},
		{"en-AU", "USD", "USD\u00a01,234.50"}, // CLDR's symbol is the code (bojanz: US$)
		{"sr-Latn-RS", "RSD", "1.234,50\u00a0RSD"},
		{"zh-Hant-HK", "HKD", "HK$1,234.50"},
		{"de-Latn-DE", "EUR", "1.234,50\u00a0€"}, // the likely script spelled out
		{"ja-Jpan-JP", "JPY", "￥1,234"},
		{"fr-Latn", "EUR", "1\u202f234,50\u00a0€"},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			f := mustFormatter(t, tt.tag, nil)
			got, err := f.Currency(decimal.RequireFromString("1234.5"), tt.code)
			if err != nil || got != tt.want {
				t.Errorf("Currency(1234.5, %s) = %q, %v; want %q", tt.code, got, err, tt.want)
			}
			if f.Tag() != language.MustParse(tt.tag) {
				t.Errorf("Tag() = %v", f.Tag())
			}
		})
	}
}

func TestFractionDigitsClamp(t *testing.T) {
	tests := []struct {
		min, max         int
		wantMin, wantMax uint8
	}{
		{0, 3, 0, 3},
		{3, 1, 1, 1},
		{-1, -5, 0, 0},
		{2, 99, 2, MaxFractionDigits},
	}
	for _, tt := range tests {
		d := Fraction(tt.min, tt.max)
		if d.min != tt.wantMin || d.max != tt.wantMax || !d.set {
			t.Errorf("Fraction(%d, %d) = %+v", tt.min, tt.max, d)
		}
	}
}

// TestFormatterConcurrent shares one Formatter between goroutines; run
// under -race it proves the Formatter is immutable after NewFormatter.
func TestFormatterConcurrent(t *testing.T) {
	f := mustFormatter(t, "ar-EG", nil)
	want, _ := f.Currency(decimal.RequireFromString("1234.5"), "EGP")
	wantDate := f.Date(fixedTime, DateFull)
	wantCountry, _ := f.CountryName("CH")
	wantLang, _ := f.LanguageName(language.MustParse("fr-BE"))
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Go(func() {
			buf := make([]byte, 0, 64)
			for range 200 {
				b, err := f.AppendCurrency(buf[:0], decimal.RequireFromString("1234.5"), "EGP")
				if err != nil || string(b) != want {
					errs <- fmt.Sprintf("AppendCurrency = %q, %v", b, err)
					return
				}
				if d := f.Date(fixedTime, DateFull); d != wantDate {
					errs <- "Date = " + d
					return
				}
				if n, _ := f.CountryName("CH"); n != wantCountry {
					errs <- "CountryName = " + n
					return
				}
				if n, _ := f.LanguageName(language.MustParse("fr-BE")); n != wantLang {
					errs <- "LanguageName = " + n
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

var sinkString string

// TestZeroAllocs pins the allocation-free paths.
func TestZeroAllocs(t *testing.T) {
	amount := decimal.RequireFromString("1234.56")
	buf := make([]byte, 0, 128)
	// en-DE EUR has a CLDR currency-specific pattern, hr HRK is historical.
	for _, tc := range []struct{ tag, code string }{{"de-DE", "EUR"}, {"en-US", "USD"}, {"ja-JP", "JPY"}, {"ar-EG", "EGP"}, {"en-DE", "EUR"}, {"hr", "HRK"}} {
		f := mustFormatter(t, tc.tag, nil)
		checks := map[string]func(){
			"AppendCurrency":      func() { buf, _ = f.AppendCurrency(buf[:0], amount, tc.code) },
			"AppendCurrencyFixed": func() { buf, _ = f.AppendCurrencyFixed(buf[:0], 123456, -2, tc.code) },
			"AppendNumber":        func() { buf, _ = f.AppendNumber(buf[:0], amount) },
			"AppendPercent":       func() { buf, _ = f.AppendPercent(buf[:0], amount) },
			"AppendDate":          func() { buf = f.AppendDate(buf[:0], fixedTime, DateFull) },
		}
		for name, fn := range checks {
			if n := testing.AllocsPerRun(100, fn); n != 0 {
				t.Errorf("%s %s: %v allocs, want 0", tc.tag, name, n)
			}
		}
		if n := testing.AllocsPerRun(100, func() { sinkString, _ = f.Currency(amount, tc.code) }); n != 1 {
			t.Errorf("%s Currency: %v allocs, want 1", tc.tag, n)
		}
		if n := testing.AllocsPerRun(100, func() { sinkString = f.Date(fixedTime, DateLong) }); n != 1 {
			t.Errorf("%s Date: %v allocs, want 1", tc.tag, n)
		}
	}
}

// TestPercentFractionAllocs pins AppendPercent at 0 allocations when
// PercentFraction adds fraction digits, rounding included.
func TestPercentFractionAllocs(t *testing.T) {
	buf := make([]byte, 0, 128)
	for _, tag := range []string{"de-DE", "en-US", "ar-EG", "fr-CH"} {
		f := mustFormatter(t, tag, &FormatOptions{PercentFraction: Fraction(0, 3)})
		for _, in := range []string{"0.081", "0.09975", "-0.0000125", "1234.56789"} {
			d := decimal.RequireFromString(in)
			if n := testing.AllocsPerRun(100, func() { buf, _ = f.AppendPercent(buf[:0], d) }); n != 0 {
				t.Errorf("%s AppendPercent(%s): %v allocs, want 0", tag, in, n)
			}
		}
	}
}

func TestAppendCurrencyFixed(t *testing.T) {
	f := mustFormatter(t, "de", nil)
	tests := []struct {
		value int64
		exp   int32
		code  string
	}{
		{123456, -2, "EUR"}, {-5, 0, "EUR"}, {1, -9, "EUR"}, {-9223372036854775808, -2, "EUR"},
		{9223372036854775807, 3, "JPY"}, {125, -2, "JPY"}, {0, 0, "BHD"},
	}
	for _, tt := range tests {
		got, err := f.AppendCurrencyFixed(nil, tt.value, tt.exp, tt.code)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := f.Currency(decimal.New(tt.value, tt.exp), tt.code)
		if diff := cmp.Diff(want, string(got)); diff != "" {
			t.Errorf("AppendCurrencyFixed(%d, %d, %s) mismatch (-Currency +Fixed):\n%s", tt.value, tt.exp, tt.code, diff)
		}
	}
	if _, err := f.AppendCurrencyFixed(nil, 1, 0, "NOPE"); !errors.Is(err, ErrUnknownCurrency) {
		t.Errorf("err = %v", err)
	}
}

// TestNumberTablesConsistent checks the generated tables: every pattern
// compiles, every listed locale is a modern CLDR locale with a chain that
// resolves, the tables are sorted, and every modern locale formats.
func TestNumberTablesConsistent(t *testing.T) {
	for i, r := range numberRecords {
		syms := patternSyms{plus: r.plus, minus: r.minus, percent: r.percent}
		for _, p := range []string{r.decimalPattern, r.percentPattern, r.currencyPattern, r.accountingPattern} {
			if _, err := compilePattern(p, syms, false); err != nil {
				t.Errorf("numberRecords[%d]: %v", i, err)
			}
		}
		if n := len([]rune(r.digits)); n != 10 {
			t.Errorf("numberRecords[%d] has %d digits", i, n)
		}
	}
	for i, r := range dateRecords {
		for _, p := range r.patterns {
			if _, err := compileDatePattern(p); err != nil {
				t.Errorf("dateRecords[%d]: %v", i, err)
			}
		}
		for _, l := range []struct {
			idx uint16
			n   int
		}{{r.monthsWide, 12}, {r.monthsAbbr, 12}, {r.daysWide, 7}, {r.daysAbbr, 7}, {r.daysStandWide, 7}, {r.eras, 2}} {
			if n := strings.Count(dateNameLists[l.idx], "|") + 1; n != l.n {
				t.Errorf("dateRecords[%d]: name list %d has %d names, want %d", i, l.idx, n, l.n)
			}
		}
	}
	all := append(symbolBase[:len(symbolBase):len(symbolBase)], symbolOverrides[:]...)
	for _, o := range all {
		first := func(s string) bool { r, _ := utf8.DecodeRuneInString(s); return unicode.IsLetter(r) }
		last := func(s string) bool { r, _ := utf8.DecodeLastRuneInString(s); return unicode.IsLetter(r) }
		want := uint8(0)
		for bit, ok := range map[uint8]bool{symFirstLetter: first(o.sym), symLastLetter: last(o.sym), narrowFirstLetter: first(o.narrow), narrowLastLetter: last(o.narrow)} {
			if ok {
				want |= bit
			}
		}
		if o.flags != want || o.sym == "" || o.narrow == "" || int(o.cur) >= numCurrencies {
			t.Errorf("symbol %+v: flags want %d", o, want)
		}
	}
	for i := 1; i < len(numberLocales); i++ {
		if numberLocales[i-1].id >= numberLocales[i].id {
			t.Errorf("numberLocales not sorted at %s", numberLocales[i].id)
		}
	}
	for i := 1; i < len(dateLocales); i++ {
		if dateLocales[i-1].id >= dateLocales[i].id {
			t.Errorf("dateLocales not sorted at %s", dateLocales[i].id)
		}
	}
	modern := map[string]bool{}
	for _, id := range modernLocaleIDs {
		modern[id] = true
	}
	for _, l := range numberLocales {
		if !modern[l.id] {
			t.Errorf("numberLocales has non-modern %s", l.id)
		}
		if l.lo > l.hi || int(l.hi) > len(symbolOverrides) {
			t.Errorf("%s: bad symbol range %d:%d", l.id, l.lo, l.hi)
		}
		// Every parent in the chain is a CLDR locale we know, or root.
		for p := parentID(l.id); p != ""; p = parentID(p) {
			if !modern[p] {
				t.Errorf("%s: parent %s is not a modern locale", l.id, p)
			}
		}
	}
	for _, l := range numberLocales {
		if l.latn >= 0 && numberRecords[l.latn].digits != "0123456789" {
			t.Errorf("%s: Latin-digit record %d has digits %q", l.id, l.latn, numberRecords[l.latn].digits)
		}
		if l.latn < -2 || int(l.latn) >= len(numberRecords) || l.rec < -1 || int(l.rec) >= len(numberRecords) {
			t.Errorf("%s: record indices %d, %d out of range", l.id, l.rec, l.latn)
		}
	}
	for _, id := range modernLocaleIDs {
		// -u-nu-latn gives Latin digits everywhere.
		f, err := NewFormatter(language.MustParse(id+"-u-nu-latn"), nil)
		if err != nil || !f.latin {
			t.Errorf("%s-u-nu-latn: latin %v, %v", id, f != nil && f.latin, err)
		}
	}
	for _, l := range dateLocales {
		if !modern[l.id] {
			t.Errorf("dateLocales has non-modern %s", l.id)
		}
	}
	for _, id := range modernLocaleIDs {
		tag, err := language.Parse(id)
		if err != nil {
			t.Errorf("%s: %v", id, err)
			continue
		}
		if _, err := NewFormatter(tag, nil); err != nil {
			t.Errorf("%s: %v", id, err)
		}
	}
}

// TestLookupCurrency checks the formatter's hash lookup against the
// binary search of CurrencyInfo for every code, its lower-case form and
// every other three-letter code.
func TestLookupCurrency(t *testing.T) {
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			for c := 'A'; c <= 'Z'; c++ {
				code := string([]rune{a, b, c})
				i, ok := lookupCurrency(code)
				j, ok2 := currencyIndex(code)
				if ok != ok2 || i != j {
					t.Fatalf("lookupCurrency(%s) = %d, %v; currencyIndex = %d, %v", code, i, ok, j, ok2)
				}
			}
		}
	}
	for _, code := range Currencies() {
		if i, ok := lookupCurrency(strings.ToLower(code)); !ok || currencyCodes[i*3:i*3+3] != code {
			t.Errorf("lookupCurrency(%s) = %d, %v", strings.ToLower(code), i, ok)
		}
	}
	for _, code := range []string{"", "U", "USDX", "U$D", "usd\x00"} {
		if _, ok := lookupCurrency(code); ok {
			t.Errorf("lookupCurrency(%q) found", code)
		}
	}
}

func TestCurrencySymbol(t *testing.T) {
	tests := []struct {
		tag, code string
		display   Display
		want      string
		ok        bool
	}{
		{"en-CA", "USD", DisplaySymbol, "US$", true},
		{"en-CA", "usd", DisplayNarrowSymbol, "$", true},
		{"de", "CHF", DisplayCode, "CHF", true},
		{"de-CH", "EUR", DisplaySymbol, "EUR", true}, // CLDR's symbol is the code
		{"de-CH", "EUR", DisplayNarrowSymbol, "EUR", true},
		{"sq", "XCG", DisplaySymbol, "XCG", true}, // CLDR says "ANG", ANG's code
		{"sq", "ANG", DisplaySymbol, "ANG", true},
		{"es-MX", "USD", DisplaySymbol, "USD", true},
		{"es-MX", "MXN", DisplaySymbol, "$", true},
		{"ja", "JPY", DisplaySymbol, "￥", true},
		{"en", "EUR", DisplayNone, "", true},
		{"en", "EURO", DisplaySymbol, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.tag+"/"+tt.code, func(t *testing.T) {
			f := mustFormatter(t, tt.tag, &FormatOptions{Display: tt.display})
			got, ok := f.CurrencySymbol(tt.code)
			if got != tt.want || ok != tt.ok {
				t.Errorf("CurrencySymbol(%s) = %q, %v; want %q, %v", tt.code, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestAppendKeepsPrefix checks the Append forms append: the bytes already
// in dst stay, and the result equals the string form after them.
func TestAppendKeepsPrefix(t *testing.T) {
	f := mustFormatter(t, "fa-IR", &FormatOptions{})
	g := mustFormatter(t, "fa-IR", nil)
	d := decimal.RequireFromString("-98765.4321")
	c, _ := g.Currency(d, "IRR")
	n, _ := g.Number(d)
	p, _ := g.Percent(d)
	for name, got := range map[string]func() ([]byte, error){
		"AppendCurrency": func() ([]byte, error) { return f.AppendCurrency([]byte("price: "), d, "IRR") },
		"AppendNumber":   func() ([]byte, error) { return f.AppendNumber([]byte("price: "), d) },
		"AppendPercent":  func() ([]byte, error) { return f.AppendPercent([]byte("price: "), d) },
	} {
		want := map[string]string{"AppendCurrency": c, "AppendNumber": n, "AppendPercent": p}[name]
		b, err := got()
		if err != nil || string(b) != "price: "+want {
			t.Errorf("%s = %q, %v; want %q (zero FormatOptions must equal nil)", name, b, err, "price: "+want)
		}
	}
}

// TestLatinDigitsExtension checks -u-nu-latn: Latin digits with the
// locale's CLDR Latin-system separators and patterns (numbers.json
// symbols-numberSystem-latn), in numbers, currency amounts and dates, and
// no change where the default digits are Latin already.
func TestLatinDigitsExtension(t *testing.T) {
	d := decimal.RequireFromString("-1234.5")
	tests := []struct {
		tag, code             string
		number, currency, day string
	}{
		{"ar-EG-u-nu-latn", "EGP", "\u200e-1,234.5", "\u200f\u200e-1,234.50\u00a0ج.م.\u200f", "02\u200f/01\u200f/2026"},
		{"fa-IR-u-nu-latn", "IRR", "\u200e\u22121,234.5", "\u200e\u2212\u200eریال\u00a01,234.50", "2 ژانویه 2026"},
		{"bn-u-nu-latn", "BDT", "-1,234.5", "-1,234.50৳", "2 জানু, 2026"},
		{"de-u-nu-latn", "EUR", "-1.234,5", "-1.234,50\u00a0€", "02.01.2026"},
		{"ar-EG", "EGP", "\u061c-١٬٢٣٤٫٥", "\u061c-\u200f١٬٢٣٤٫٥٠\u00a0ج.م.\u200f", "٠٢\u200f/٠١\u200f/٢٠٢٦"},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			f := mustFormatter(t, tt.tag, nil)
			n, _ := f.Number(d)
			c, _ := f.Currency(d, tt.code)
			day := f.Date(fixedTime, DateMedium)
			if n != tt.number || c != tt.currency {
				t.Errorf("Number = %q, Currency = %q; want %q, %q", n, c, tt.number, tt.currency)
			}
			if day != tt.day {
				t.Errorf("Date(medium) = %q, want %q", day, tt.day)
			}
		})
	}
}

// TestNineteenDigitCoefficients checks that coefficients of 19 digits,
// including those above MaxInt64, format like the same numbers written
// with a 20-digit coefficient (which take the big-number path), and
// without allocating.
func TestNineteenDigitCoefficients(t *testing.T) {
	f := mustFormatter(t, "en", &FormatOptions{Fraction: Fraction(0, 30)})
	tests := []struct{ name, in, want string }{
		{"max int64", "9223372036854775807", "9,223,372,036,854,775,807"},
		{"above max int64", "9999999999999999999", "9,999,999,999,999,999,999"},
		{"negative above max int64", "-9999999999999999.999", "-9,999,999,999,999,999.999"},
		{"min int64", "-9223372036854775808", "-9,223,372,036,854,775,808"},
		{"tiny", "0.1234567890123456789", "0.1234567890123456789"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decimal.RequireFromString(tt.in)
			if d.NumDigits() != 19 {
				t.Fatalf("%s has %d digits, want 19", tt.in, d.NumDigits())
			}
			got, err := f.Number(d)
			if err != nil || got != tt.want {
				t.Errorf("Number(%s) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
			wide := decimal.New(0, 0).Add(d.Mul(decimal.New(10, 0))).Shift(-1) // 20-digit coefficient
			if wide.NumDigits() != 20 {
				t.Fatalf("%s widened has %d digits, want 20", wide, wide.NumDigits())
			}
			ref, err := f.Number(wide)
			if err != nil || ref != got {
				t.Errorf("Number(%s) = %q, the 20-digit form gives %q, %v", tt.in, got, ref, err)
			}
			buf := make([]byte, 0, 128)
			if n := testing.AllocsPerRun(50, func() { buf, _ = f.AppendNumber(buf[:0], d) }); n != 0 {
				t.Errorf("AppendNumber(%s): %v allocs, want 0", tt.in, n)
			}
			if n := testing.AllocsPerRun(50, func() { buf, _ = f.AppendCurrency(buf[:0], d, "USD") }); n != 0 {
				t.Errorf("AppendCurrency(%s): %v allocs, want 0", tt.in, n)
			}
		})
	}
}

// TestAppendCurrencyFixedAllocs pins the documented allocation-free range
// of AppendCurrencyFixed: every value, exponents -30 to 30, the
// currency's digits.
func TestAppendCurrencyFixedAllocs(t *testing.T) {
	buf := make([]byte, 0, 256)
	for _, tag := range []string{"de", "ar-EG", "en-IN"} {
		f := mustFormatter(t, tag, nil)
		for _, code := range []string{"EUR", "JPY", "BHD"} {
			for _, e := range []int32{-30, -19, -2, 0, 18, 30} {
				for _, v := range []int64{math.MinInt64, math.MaxInt64, 0, -1, 123456} {
					if n := testing.AllocsPerRun(20, func() { buf, _ = f.AppendCurrencyFixed(buf[:0], v, e, code) }); n != 0 {
						t.Errorf("%s AppendCurrencyFixed(%d, %d, %s): %v allocs, want 0", tag, v, e, code, n)
					}
				}
			}
		}
	}
}

// TestZeroFormatter checks that the zero Formatter reports its missing
// data instead of formatting numbers as empty strings.
func TestZeroFormatter(t *testing.T) {
	var f Formatter
	d := decimal.RequireFromString("1234.5")
	checks := []struct {
		name string
		fn   func() (string, error)
	}{
		{"Currency", func() (string, error) { return f.Currency(d, "USD") }},
		{"Number", func() (string, error) { return f.Number(d) }},
		{"Percent", func() (string, error) { return f.Percent(d) }},
		{"AppendCurrencyFixed", func() (string, error) {
			b, err := f.AppendCurrencyFixed([]byte("x"), 1, 0, "USD")
			return string(b), err
		}},
	}
	for _, c := range checks {
		got, err := c.fn()
		var le *Error
		if !errors.Is(err, ErrUnsupportedLocale) || !errors.As(err, &le) || le.Op != c.name {
			t.Errorf("zero Formatter %s = %q, %v; want an *Error of %s", c.name, got, err, c.name)
		}
		if got != "" && got != "x" {
			t.Errorf("zero Formatter %s wrote %q", c.name, got)
		}
	}
	if got := f.Date(fixedTime, DateFull); got != "" {
		t.Errorf("zero Formatter Date = %q, want empty", got)
	}
	if got, ok := f.CountryName("DE"); ok || got != "" {
		t.Errorf("zero Formatter CountryName = %q, %v; want \"\", false", got, ok)
	}
}
