package locale_test

import (
	"errors"
	"flag"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/marketkit/marketkit/locale"
)

// factsFormat writes the decimal string v (optional '-', digits, optional
// '.' and digits) with nf and the digits of facts, rounding half-even,
// as NumberFormat documents: an implementation that reads the facts only.
func factsFormat(facts locale.NumberFacts, nf locale.NumberFormat, v string) string {
	neg := strings.HasPrefix(v, "-")
	v = strings.TrimPrefix(v, "-")
	ip, fp, _ := strings.Cut(v, ".")
	// Round half-even to MaxFractionDigits.
	digits := []byte(ip + fp)
	keep := len(ip) + nf.MaxFractionDigits
	for len(digits) < keep {
		digits = append(digits, '0')
	}
	if keep < len(digits) {
		first, rest := digits[keep], strings.Trim(string(digits[keep+1:]), "0") != ""
		kept := append([]byte("0"), digits[:keep]...)
		lastOdd := (kept[len(kept)-1]-'0')%2 == 1
		if first > '5' || first == '5' && (rest || lastOdd) {
			i := len(kept) - 1
			for kept[i] == '9' {
				kept[i] = '0'
				i--
			}
			kept[i]++
		}
		digits = kept
	}
	intDigits := string(digits[:len(digits)-nf.MaxFractionDigits])
	frac := string(digits[len(digits)-nf.MaxFractionDigits:])
	intDigits = strings.TrimLeft(intDigits, "0")
	for len(intDigits) < nf.MinIntegerDigits {
		intDigits = "0" + intDigits
	}
	for len(frac) > nf.MinFractionDigits && frac[len(frac)-1] == '0' {
		frac = frac[:len(frac)-1]
	}
	var b strings.Builder
	a := nf.Positive
	if neg {
		a = nf.Negative
	}
	b.WriteString(a.Prefix)
	native := func(s string) {
		for _, c := range []byte(s) {
			b.WriteString(facts.Digits[c-'0'])
		}
	}
	if facts.Grouping && nf.PrimaryGroup > 0 && len(intDigits) >= nf.PrimaryGroup+nf.MinGroupingDigits {
		head, tail := intDigits[:len(intDigits)-nf.PrimaryGroup], intDigits[len(intDigits)-nf.PrimaryGroup:]
		var groups []string
		for len(head) > nf.SecondaryGroup {
			groups = append([]string{head[len(head)-nf.SecondaryGroup:]}, groups...)
			head = head[:len(head)-nf.SecondaryGroup]
		}
		groups = append(append([]string{head}, groups...), tail)
		for i, g := range groups {
			if i > 0 {
				b.WriteString(nf.Group)
			}
			native(g)
		}
	} else {
		native(intDigits)
	}
	if frac != "" {
		b.WriteString(nf.Decimal)
		native(frac)
	}
	b.WriteString(a.Suffix)
	return b.String()
}

var factsAmounts = []string{"0", "1", "-1", "1234.5", "-1234.567", "0.005", "0.015", "-0.001", "999.995", "12345678.9", "1000000", "1234"}

func TestCurrencyFormatMatchesFormatter(t *testing.T) {
	locales := []string{"en", "en-US", "de", "de-CH", "fr-CH", "fr", "en-IN", "hi", "ar-EG", "fa", "es", "pl", "nl", "ja", "en-DE", "pt-PT", "sv", "nb", "bn", "es-MX", "he", "my"}
	currencies := []string{"EUR", "USD", "CHF", "JPY", "INR", "BHD", "PTE", "SEK", "MXN"}
	for _, l := range locales {
		for _, st := range []locale.Style{locale.StyleStandard, locale.StyleAccounting} {
			for _, d := range []locale.Display{locale.DisplaySymbol, locale.DisplayNarrowSymbol, locale.DisplayCode, locale.DisplayNone} {
				f, err := locale.NewFormatter(locale.MustParse(l), &locale.FormatOptions{Style: st, Display: d})
				if err != nil {
					t.Fatal(err)
				}
				facts := f.NumberFacts()
				for _, code := range currencies {
					nf, ok := f.CurrencyFormat(code)
					if !ok {
						t.Fatalf("%s: CurrencyFormat(%s) not found", l, code)
					}
					for _, v := range factsAmounts {
						want, err := f.Currency(decimal.RequireFromString(v), code)
						if err != nil {
							t.Fatal(err)
						}
						if got := factsFormat(facts, nf, v); got != want {
							t.Errorf("%s %v %v %s %s: facts give %q, Formatter %q", l, st, d, code, v, got, want)
						}
					}
				}
				for _, v := range factsAmounts {
					want, _ := f.Number(decimal.RequireFromString(v))
					if got := factsFormat(facts, facts.Decimal, v); got != want {
						t.Errorf("%s Number(%s): facts give %q, Formatter %q", l, v, got, want)
					}
				}
			}
		}
	}
}

func TestCurrencyFormatUnknown(t *testing.T) {
	f, _ := locale.NewFormatter(locale.MustParse("en"), nil)
	if _, ok := f.CurrencyFormat("EURO"); ok {
		t.Error("CurrencyFormat(EURO) ok")
	}
	if _, _, ok := f.CurrencySymbols("XXXX"); ok {
		t.Error("CurrencySymbols(XXXX) ok")
	}
	var zero locale.Formatter
	if _, ok := zero.CurrencyFormat("EUR"); ok {
		t.Error("zero Formatter: CurrencyFormat ok")
	}
	if diff := cmp.Diff(locale.NumberFacts{Grouping: true}, zero.NumberFacts()); diff != "" {
		t.Errorf("zero Formatter NumberFacts (-want +got):\n%s", diff)
	}
}

func TestCurrencySymbols(t *testing.T) {
	tests := []struct{ loc, code, sym, narrow string }{
		{"en-CA", "USD", "US$", "$"},
		{"en", "USD", "$", "$"},
		{"de", "EUR", "€", "€"},
		{"de-CH", "CHF", "CHF", "CHF"},
	}
	for _, tt := range tests {
		f, _ := locale.NewFormatter(locale.MustParse(tt.loc), &locale.FormatOptions{Display: locale.DisplayCode})
		sym, narrow, ok := f.CurrencySymbols(tt.code)
		if diff := cmp.Diff([]any{tt.sym, tt.narrow, true}, []any{sym, narrow, ok}); diff != "" {
			t.Errorf("%s CurrencySymbols(%s) (-want +got):\n%s", tt.loc, tt.code, diff)
		}
	}
}

// factsDate interprets a CLDR date pattern with DateFacts as its doc says.
func factsDate(facts locale.NumberFacts, d locale.DateFacts, t time.Time, style locale.DateStyle) string {
	p := d.Patterns[style]
	y, m, day := t.Date()
	era := 1
	if y <= 0 {
		era, y = 0, 1-y
	}
	num := func(n, w int) string {
		s := strings.Repeat("0", max(0, w-len(itoa(n)))) + itoa(n)
		var b strings.Builder
		for _, c := range []byte(s) {
			b.WriteString(facts.Digits[c-'0'])
		}
		return b.String()
	}
	var b strings.Builder
	for i := 0; i < len(p); {
		c := p[i]
		switch {
		case c == '\'':
			j := strings.IndexByte(p[i+1:], '\'')
			if j == 0 {
				b.WriteByte('\'')
			} else {
				b.WriteString(p[i+1 : i+1+j])
			}
			i += j + 2
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			n := 1
			for i+n < len(p) && p[i+n] == c {
				n++
			}
			switch c {
			case 'y':
				if n == 2 {
					b.WriteString(num(y%100, 2))
				} else {
					b.WriteString(num(y, n))
				}
			case 'M', 'L':
				switch {
				case n <= 2:
					b.WriteString(num(int(m), n))
				case n == 3:
					b.WriteString(d.MonthsAbbreviated[m-1])
				default:
					b.WriteString(d.MonthsWide[m-1])
				}
			case 'd':
				b.WriteString(num(day, n))
			case 'E':
				if n >= 4 {
					b.WriteString(d.WeekdaysWide[t.Weekday()])
				} else {
					b.WriteString(d.WeekdaysAbbreviated[t.Weekday()])
				}
			case 'c':
				b.WriteString(d.WeekdaysStandaloneWide[t.Weekday()])
			case 'G':
				b.WriteString(d.Eras[era])
			}
			i += n
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

func TestDateFactsMatchFormatter(t *testing.T) {
	dates := []time.Time{
		time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(1999, 7, 4, 0, 0, 0, 0, time.UTC),
		time.Date(2005, 3, 6, 0, 0, 0, 0, time.UTC),
	}
	for _, l := range []string{"en", "en-US", "de", "de-CH", "fr", "ja", "ar-EG", "fa", "hi", "es-US", "nb", "sv", "zh-Hant", "ko", "ru", "bn"} {
		f, err := locale.NewFormatter(locale.MustParse(l), nil)
		if err != nil {
			t.Fatal(err)
		}
		nf, df := f.NumberFacts(), f.DateFacts()
		for _, d := range dates {
			for st := locale.DateShort; st <= locale.DateFull; st++ {
				if got, want := factsDate(nf, df, d, st), f.Date(d, st); got != want {
					t.Errorf("%s %v %v: facts give %q (pattern %q), Formatter %q", l, st, d.Format(time.DateOnly), got, df.Patterns[st], want)
				}
			}
		}
	}
}

// CurrencyFormat hands a client the format of one currency as the
// Formatter resolved it: the symbol and its spacing are already in the
// affixes, and the grouping sizes say how to split the digits (Indian
// grouping in en-IN).
func ExampleFormatter_CurrencyFormat() {
	f, err := locale.NewFormatter(locale.MustParse("en-IN"), &locale.FormatOptions{Display: locale.DisplayCode})
	if err != nil {
		fmt.Println(err)
		return
	}
	nf, _ := f.CurrencyFormat("INR")
	fmt.Printf("%q %q %d,%d %q %q\n", nf.Positive.Prefix, nf.Negative.Prefix, nf.SecondaryGroup, nf.PrimaryGroup, nf.Group, nf.Decimal)
	s, _ := f.Currency(decimal.RequireFromString("-1234567.5"), "INR")
	fmt.Printf("%q\n", s)
	// Output:
	// "INR\u00a0" "-INR\u00a0" 2,3 "," "."
	// "-INR\u00a012,34,567.50"
}

// DateFacts gives the CLDR pattern of each style and the names it uses.
func ExampleFormatter_DateFacts() {
	f, _ := locale.NewFormatter(locale.MustParse("de-CH"), nil)
	d := f.DateFacts()
	fmt.Println(d.Patterns[locale.DateLong], "|", d.MonthsWide[0], "|", f.Date(time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), locale.DateLong))
	// Output:
	// d. MMMM y | Januar | 2. Januar 2026
}

// TestFactsEveryLocaleLong (with -long) repeats the comparison for the
// default locale of every country and every currency the package knows.
func TestFactsEveryLocaleLong(t *testing.T) {
	if fl := flag.Lookup("long"); fl == nil || fl.Value.String() != "true" {
		t.Skip("exhaustive: run with -long")
	}
	seen := map[string]bool{}
	n := 0
	for _, cc := range locale.Countries() {
		c, _ := locale.CountryInfo(cc)
		tag := c.DefaultLocale
		if seen[tag.String()] {
			continue
		}
		seen[tag.String()] = true
		for _, st := range []locale.Style{locale.StyleStandard, locale.StyleAccounting} {
			for _, d := range []locale.Display{locale.DisplaySymbol, locale.DisplayNarrowSymbol, locale.DisplayCode, locale.DisplayNone} {
				f, err := locale.NewFormatter(tag, &locale.FormatOptions{Style: st, Display: d})
				if errors.Is(err, locale.ErrUnsupportedLocale) {
					delete(seen, tag.String()) // a country default without modern CLDR data
					continue
				}
				if err != nil {
					t.Fatalf("%s: %v", tag, err)
				}
				facts := f.NumberFacts()
				for _, code := range locale.Currencies() {
					nf, ok := f.CurrencyFormat(code)
					if !ok {
						t.Fatalf("%s: CurrencyFormat(%s) not found", tag, code)
					}
					for _, v := range factsAmounts {
						want, _ := f.Currency(decimal.RequireFromString(v), code)
						if got := factsFormat(facts, nf, v); got != want {
							t.Fatalf("%s %v %v %s %s: facts give %q, Formatter %q", tag, st, d, code, v, got, want)
						}
						n++
					}
				}
			}
		}
	}
	t.Logf("%d locales, %d amounts formatted from the facts", len(seen), n)
}
