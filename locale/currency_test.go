package locale

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCurrencyInfo(t *testing.T) {
	tests := []struct {
		in   string
		want Currency
		ok   bool
	}{
		{"EUR", Currency{Code: "EUR", Numeric: 978, Digits: 2, CashDigits: 2, CashIncrement: 1}, true},
		{"eur", Currency{Code: "EUR", Numeric: 978, Digits: 2, CashDigits: 2, CashIncrement: 1}, true},
		{"JPY", Currency{Code: "JPY", Numeric: 392, Digits: 0, CashDigits: 0, CashIncrement: 1}, true},
		{"BHD", Currency{Code: "BHD", Numeric: 48, Digits: 3, CashDigits: 3, CashIncrement: 1}, true},
		{"CHF", Currency{Code: "CHF", Numeric: 756, Digits: 2, CashDigits: 2, CashIncrement: 5}, true},
		{"CAD", Currency{Code: "CAD", Numeric: 124, Digits: 2, CashDigits: 2, CashIncrement: 5}, true},
		{"DKK", Currency{Code: "DKK", Numeric: 208, Digits: 2, CashDigits: 2, CashIncrement: 50}, true},
		{"SEK", Currency{Code: "SEK", Numeric: 752, Digits: 2, CashDigits: 0, CashIncrement: 1}, true},
		{"NOK", Currency{Code: "NOK", Numeric: 578, Digits: 2, CashDigits: 0, CashIncrement: 1}, true},
		{"XXX", Currency{}, false},
		{"EU", Currency{}, false},
		{"EURO", Currency{}, false},
		{"", Currency{}, false},
		{"E\x00R", Currency{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := CurrencyInfo(tt.in)
			if ok != tt.ok {
				t.Fatalf("CurrencyInfo(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("CurrencyInfo(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestCurrenciesSortedAndKnown(t *testing.T) {
	codes := Currencies()
	if len(codes) < 150 {
		t.Fatalf("Currencies() has %d codes, want at least 150", len(codes))
	}
	for i, c := range codes {
		if i > 0 && codes[i-1] >= c {
			t.Errorf("Currencies() not sorted at %d: %q >= %q", i, codes[i-1], c)
		}
		info, ok := CurrencyInfo(c)
		if !ok || info.Code != c {
			t.Errorf("CurrencyInfo(%q) = %+v, %v", c, info, ok)
		}
		if info.CashDigits > info.Digits || info.CashIncrement < 1 {
			t.Errorf("%s: cash digits %d, increment %d, digits %d", c, info.CashDigits, info.CashIncrement, info.Digits)
		}
	}
}

func TestCurrencyInfoAllocs(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { _, _ = CurrencyInfo("chf") }); n != 0 {
		t.Errorf("CurrencyInfo allocs = %v, want 0", n)
	}
}
