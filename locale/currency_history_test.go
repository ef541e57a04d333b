package locale

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
)

// TestHistoricalCurrencies checks that currencies that stopped being
// legal tender recently are known, marked historical with CLDR's end date,
// and format for stored invoices (issue 9 item 16).
func TestHistoricalCurrencies(t *testing.T) {
	tests := []struct {
		code, until string
		digits      int
		tag, amount string
		want        string
	}{
		{"HRK", "2023-01-14", 2, "hr", "-1234.56", "−1.234,56\u00a0kn"},
		{"BGN", "2026-01-31", 2, "bg", "1234.56", "1234,56\u00a0лв."},
		{"DEM", "2002-05-15", 2, "de", "1234.56", "1.234,56\u00a0DM"},
		{"ITL", "2002-02-28", 0, "it", "1234.56", "ITL\u00a01235"},
		{"LTL", "2014-12-31", 2, "lt", "1234.56", "1\u00a0234,56\u00a0LTL"},
		{"VEF", "2018-08-20", 2, "es-VE", "1234.56", "Bs.1.234,56"},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			c, ok := CurrencyInfo(tt.code)
			if !ok {
				t.Fatalf("CurrencyInfo(%s) unknown", tt.code)
			}
			if !c.Historical() || c.Until.String() != tt.until || c.Digits != tt.digits {
				t.Errorf("CurrencyInfo(%s) = %+v (Until %s), want historical until %s with %d digits", tt.code, c, c.Until, tt.until, tt.digits)
			}
			if _, err := NormalizeCurrency(tt.code); err != nil {
				t.Errorf("NormalizeCurrency(%s): %v", tt.code, err)
			}
			f := mustFormatter(t, tt.tag, nil)
			got, err := f.Currency(decimal.RequireFromString(tt.amount), tt.code)
			if err != nil || got != tt.want {
				t.Errorf("%s: Currency(%s, %s) = %q, %v; want %q", tt.tag, tt.amount, tt.code, got, err, tt.want)
			}
			if name, ok := mustFormatter(t, "en", nil).CurrencyName(tt.code); !ok || name == "" {
				t.Errorf("CurrencyName(%s) = %q, %v", tt.code, name, ok)
			}
		})
	}
	// Current currencies are not historical; none of the current ISO list
	// has an end date.
	for _, code := range []string{"EUR", "USD", "CHF", "XCG", "VES"} {
		if c, ok := CurrencyInfo(code); !ok || c.Historical() || !c.Until.IsZero() {
			t.Errorf("CurrencyInfo(%s) = %+v, %v; want current", code, c, ok)
		}
	}
	// No country's currency is historical.
	var stale []string
	for _, cc := range Countries() {
		c, _ := CountryInfo(cc)
		if cur, ok := CurrencyInfo(c.Currency); ok && cur.Historical() {
			stale = append(stale, cc+":"+c.Currency)
		}
	}
	if diff := cmp.Diff([]string(nil), stale); diff != "" {
		t.Errorf("countries with a historical currency (-want +got):\n%s", diff)
	}
}

// TestCurrencySpecificFormats checks CLDR's currency-specific patterns and
// separators (currencies.json pattern, decimal, group), which replace the
// locale's standard currency pattern for one currency (issue 9 item 17).
func TestCurrencySpecificFormats(t *testing.T) {
	tests := []struct {
		name, tag, code string
		opts            *FormatOptions
		want            string
	}{
		{"en-DE EUR has its own pattern", "en-DE", "EUR", nil, "-€1.234,56"},
		{"en-DE USD keeps the locale's", "en-DE", "USD", nil, "-1.234,56\u00a0US$"},
		{"en-DE EUR accounting keeps the accounting pattern", "en-DE", "EUR", &FormatOptions{Style: StyleAccounting}, "-1.234,56\u00a0€"},
		{"en-AT EUR", "en-AT", "EUR", nil, "-€\u00a01.234,56"},
		{"pt-PT PTE: the cifrão as decimal separator", "pt-PT", "PTE", nil, "-1234$56\u00a0\u200b"},
		{"pt-PT EUR keeps the comma", "pt-PT", "EUR", nil, "-1234,56\u00a0€"},
		{"ca ESP", "ca", "ESP", nil, "-₧\u00a01.235"},
		{"gl ESP: its own grouping", "gl", "ESP", nil, "-1\u202f235\u00a0₧"},
		{"el GRD", "el", "GRD", nil, "-1.234,56\u00a0Δρχ"},
		{"tr TRY (CLDR 48: the same as tr's standard)", "tr", "TRY", &FormatOptions{Display: DisplayCode}, "-TRY\u00a01.234,56"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := NewFormatter(language.MustParse(tt.tag), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			got, err := f.Currency(decimal.RequireFromString("-1234.56"), tt.code)
			if err != nil || got != tt.want {
				t.Errorf("Currency(-1234.56, %s) = %q, %v; want %q", tt.code, got, err, tt.want)
			}
		})
	}
}
