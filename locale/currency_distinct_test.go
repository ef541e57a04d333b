package locale

import (
	"testing"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
)

// TestTwoCurrenciesNeverFormatAlike checks, for every modern locale and
// every pair of currencies with the same digits, that the same amount
// formats differently with the default (symbol) display: a buyer can
// always tell which currency a price is in (issue 9 item 15: es-MX
// printed 42 USD and 42 MXN both as $42.00).
func TestTwoCurrenciesNeverFormatAlike(t *testing.T) {
	amount := decimal.NewFromInt(42)
	codes := Currencies()
	collisions := 0
	for _, id := range modernLocaleIDs {
		f, err := NewFormatter(language.MustParse(id), nil)
		if err != nil {
			t.Fatal(err)
		}
		seen := make(map[string]string, len(codes))
		for _, code := range codes {
			s, err := f.Currency(amount, code)
			if err != nil {
				t.Fatal(err)
			}
			c, _ := CurrencyInfo(code)
			key := s // the digits are part of the text: 42.00 and 42 differ
			if other, dup := seen[key]; dup {
				collisions++
				if collisions <= 20 {
					t.Errorf("%s: %s and %s both format as %q (digits %d)", id, other, code, s, c.Digits)
				}
				continue
			}
			seen[key] = code
		}
	}
	if collisions > 0 {
		t.Errorf("%d collisions", collisions)
	}
}

// TestCLDRSymbolIsTheCode pins the cases of issue 9 item 15: where CLDR's
// symbol of a currency in a locale is its ISO code, the code is shown.
func TestCLDRSymbolIsTheCode(t *testing.T) {
	tests := []struct{ tag, code, want string }{
		{"es-MX", "USD", "USD\u00a042.00"},
		{"es-MX", "MXN", "$42.00"},
		{"fr-CH", "JPY", "42\u00a0JPY"},
		{"fr-CH", "CHF", "42.00\u00a0CHF"},
		{"de-CH", "EUR", "EUR\u00a042.00"},
		{"en-AU", "USD", "USD\u00a042.00"},
		{"en-AU", "AUD", "$42.00"},
	}
	for _, tt := range tests {
		t.Run(tt.tag+"/"+tt.code, func(t *testing.T) {
			f := mustFormatter(t, tt.tag, nil)
			got, err := f.Currency(decimal.NewFromInt(42), tt.code)
			if err != nil || got != tt.want {
				t.Errorf("Currency(42, %s) = %q, %v; want %q", tt.code, got, err, tt.want)
			}
		})
	}
}
