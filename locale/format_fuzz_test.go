package locale

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
)

// fuzzFormatter picks a modern locale and options from fuzz inputs.
func fuzzFormatter(t *testing.T, loc uint16, opt uint8) *Formatter {
	id := modernLocaleIDs[int(loc)%len(modernLocaleIDs)]
	opts := &FormatOptions{
		Style:    Style(opt & 1),
		Display:  Display(opt >> 1 & 3),
		Rounding: RoundingMode(int(opt>>3) % 7),
	}
	f, err := NewFormatter(language.MustParse(id), opts)
	if err != nil {
		t.Fatalf("%s %+v: %v", id, opts, err)
	}
	return f
}

// roundLike rounds d to digits fraction digits with mode, using
// shopspring/decimal's own rounding as the independent reference.
func roundLike(d decimal.Decimal, digits int32, mode RoundingMode) decimal.Decimal {
	switch mode {
	case RoundHalfUp:
		return d.Round(digits)
	case RoundHalfDown:
		trunc := d.Truncate(digits)
		if d.Sub(trunc).Abs().Equal(decimal.New(5, -digits-1)) {
			return trunc
		}
		return d.Round(digits)
	case RoundUp:
		return d.RoundUp(digits)
	case RoundDown:
		return d.RoundDown(digits)
	case RoundCeiling:
		return d.RoundCeil(digits)
	case RoundFloor:
		return d.RoundFloor(digits)
	}
	return d.RoundBank(digits)
}

// parseBack reads a number written by a Latin-digit formatter with the
// given decimal separator and minus sign: it keeps the ASCII digits and the
// separator, and reads a minus sign or an opening parenthesis as negative.
func parseBack(t *testing.T, s, decimalSep, minus string) decimal.Decimal {
	neg := strings.Contains(s, minus) || strings.Contains(s, "(")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], decimalSep) {
			b.WriteByte('.')
			i += len(decimalSep)
			continue
		}
		if c := s[i]; '0' <= c && c <= '9' {
			b.WriteByte(c)
		}
		i++
	}
	d, err := decimal.NewFromString(b.String())
	if err != nil {
		t.Fatalf("cannot parse %q back (read %q): %v", s, b.String(), err)
	}
	return d
}

// saneForReference says whether shopspring can round d quickly: the
// reference rounding rescales, which is slow for extreme exponents.
func saneForReference(d decimal.Decimal) bool {
	return d.Exponent() > -60 && d.Exponent() < 60 && d.NumDigits() < 60
}

// FuzzCurrency formats arbitrary decimal strings in arbitrary currency
// codes, locales and options: no panic; unknown codes and huge numbers are
// typed errors; and with the currency hidden, a Latin-digit locale's
// output parses back to the amount rounded by shopspring/decimal.
func FuzzCurrency(f *testing.F) {
	f.Add("1234.565", "EUR", uint16(0), uint8(0))
	f.Add("-0.005", "usd", uint16(100), uint8(3))
	f.Add("1e-40", "JPY", uint16(200), uint8(0x18))
	f.Add("99999999999999999999999.999", "BHD", uint16(7), uint8(1))
	f.Add("1e999999", "EUR", uint16(3), uint8(0))
	f.Add("12", "XYZ", uint16(9), uint8(0))
	at := func(id string) uint16 { return uint16(slices.Index(modernLocaleIDs, id)) }
	f.Add("-1234.56", "PTE", at("pt-PT"), uint8(0)) // a currency-specific decimal separator ("$")
	f.Add("-1234.56", "EUR", at("en-DE"), uint8(1)) // a currency-specific pattern, accounting
	f.Add("-1234.56", "HRK", at("hr"), uint8(0))    // a historical currency
	f.Fuzz(func(t *testing.T, amount, code string, loc uint16, opt uint8) {
		d, err := decimal.NewFromString(amount)
		if err != nil {
			return // not a decimal: nothing of ours to test
		}
		fm := fuzzFormatter(t, loc, opt)
		out, err := fm.Currency(d, code)
		_, known := CurrencyInfo(code)
		switch {
		case !known:
			if !errors.Is(err, ErrUnknownCurrency) {
				t.Fatalf("Currency(%s, %q) = %q, %v; want ErrUnknownCurrency", amount, code, out, err)
			}
			return
		case err != nil:
			if !errors.Is(err, ErrOutOfRange) {
				t.Fatalf("Currency(%s, %q): %v", amount, code, err)
			}
			return
		}
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 %q", out)
		}
		if !fm.latin || !saneForReference(d) {
			return
		}
		hidden := *fm
		hidden.opts.Display = DisplayNone
		plain, err := NewFormatter(fm.tag, &hidden.opts)
		if err != nil {
			t.Fatal(err)
		}
		out, err = plain.Currency(d, code)
		if err != nil {
			t.Fatal(err)
		}
		c, _ := CurrencyInfo(code)
		want := roundLike(d, int32(c.Digits), fm.opts.Rounding)
		i, _ := lookupCurrency(code)
		nf := plain.curFormat(i) // the currency's CLDR format where it has one (PTE's "$" decimal)
		got := parseBack(t, out, nf.decimal, currencyMinus(nf))
		if !got.Equal(want) {
			t.Fatalf("Currency(%s, %s) = %q reads back as %s, want %s (%v)", amount, code, out, got, want, fm.opts.Rounding)
		}
	})
}

// currencyMinus returns the text that marks a negative currency amount
// in nf: what its negative pattern puts before the number that the
// positive one does not, or "-" for the accounting parentheses.
func currencyMinus(nf *numFormat) string {
	neg := strings.TrimSuffix(nf.neg.prefix, nf.pos.prefix)
	if neg == "" || strings.Contains(neg, "(") {
		return "-"
	}
	return neg
}

// FuzzNumber formats arbitrary decimal strings as numbers and
// percentages (with the CLDR digits and with PercentFraction 0 to 2): no
// panic, only range errors, and Latin-digit output parses back to the
// half-even rounded value.
func FuzzNumber(f *testing.F) {
	f.Add("1234567.891", uint16(0))
	f.Add("-0.0005", uint16(50))
	f.Add("0.19", uint16(120))
	f.Add("1e1001", uint16(3))
	f.Fuzz(func(t *testing.T, s string, loc uint16) {
		d, err := decimal.NewFromString(s)
		if err != nil {
			return
		}
		fm := fuzzFormatter(t, loc, 0)
		fp, err := NewFormatter(fm.tag, &FormatOptions{PercentFraction: Fraction(0, 2)})
		if err != nil {
			t.Fatal(err)
		}
		n, errN := fm.Number(d)
		p, errP := fm.Percent(d)
		p2, errP2 := fp.Percent(d)
		for _, err := range []error{errN, errP, errP2} {
			if err != nil && !errors.Is(err, ErrOutOfRange) {
				t.Fatalf("%s: %v", s, err)
			}
		}
		if errN != nil || errP != nil || errP2 != nil || !fm.latin || !saneForReference(d) {
			return
		}
		minus := strings.TrimSuffix(fm.num.neg.prefix, fm.num.pos.prefix)
		if got, want := parseBack(t, n, fm.num.decimal, minus), d.RoundBank(3); !got.Equal(want) {
			t.Fatalf("Number(%s) = %q reads back as %s, want %s", s, n, got, want)
		}
		pminus := strings.TrimSuffix(fm.pct.neg.prefix, fm.pct.pos.prefix)
		if got, want := parseBack(t, p, fm.pct.decimal, pminus), d.Shift(2).RoundBank(0); !got.Equal(want) {
			t.Fatalf("Percent(%s) = %q reads back as %s, want %s", s, p, got, want)
		}
		if got, want := parseBack(t, p2, fp.pct.decimal, pminus), d.Shift(2).RoundBank(2); !got.Equal(want) {
			t.Fatalf("Percent(%s) with PercentFraction(0, 2) = %q reads back as %s, want %s", s, p2, got, want)
		}
	})
}

// FuzzDate formats arbitrary instants in arbitrary zones, locales and
// styles: no panic, valid UTF-8, Date equals AppendDate, and in en-US the
// output equals time.Format with the equivalent layout for years 1–9999.
func FuzzDate(f *testing.F) {
	f.Add(int64(1767398400), int32(0), uint16(0), uint8(0))
	f.Add(int64(-62135596800), int32(-3600), uint16(77), uint8(3))
	f.Add(int64(253402300799), int32(50400), uint16(300), uint8(2))
	f.Add(int64(-1<<62), int32(0), uint16(5), uint8(1))
	f.Fuzz(func(t *testing.T, sec int64, offset int32, loc uint16, style uint8) {
		tm := time.Unix(sec, 0).In(time.FixedZone("", int(offset%(18*3600))))
		fm := fuzzFormatter(t, loc, 0)
		ds := DateStyle(style % 5)
		got := fm.Date(tm, ds)
		if !utf8.ValidString(got) || got == "" {
			t.Fatalf("Date(%v, %s) = %q", tm, ds, got)
		}
		if app := string(fm.AppendDate([]byte("x"), tm, ds)); app != "x"+got {
			t.Fatalf("AppendDate = %q, Date = %q", app, got)
		}
		if y := tm.Year(); y >= 1 && y <= 9999 && ds <= DateFull {
			en, _ := NewFormatter(language.AmericanEnglish, nil)
			if got, want := en.Date(tm, ds), tm.Format(dateLayouts[ds]); got != want {
				t.Fatalf("en-US Date(%v, %s) = %q, time.Format = %q", tm, ds, got, want)
			}
		}
	})
}
