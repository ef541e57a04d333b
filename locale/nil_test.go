package locale

import (
	"reflect"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
)

// TestNilFormatterPanicsEarly checks that every method of a nil
// *Formatter panics with the documented message, not a nil dereference.
func TestNilFormatterPanicsEarly(t *testing.T) {
	var f *Formatter
	one := decimal.NewFromInt(1)
	calls := map[string]func(){
		"Tag":                 func() { f.Tag() },
		"Number":              func() { f.Number(one) },
		"AppendNumber":        func() { f.AppendNumber(nil, one) },
		"Percent":             func() { f.Percent(one) },
		"AppendPercent":       func() { f.AppendPercent(nil, one) },
		"Currency":            func() { f.Currency(one, "EUR") },
		"AppendCurrency":      func() { f.AppendCurrency(nil, one, "EUR") },
		"AppendCurrencyFixed": func() { f.AppendCurrencyFixed(nil, 1, 0, "EUR") },
		"CurrencySymbol":      func() { f.CurrencySymbol("EUR") },
		"Date":                func() { f.Date(time.Time{}, DateShort) },
		"AppendDate":          func() { f.AppendDate(nil, time.Time{}, DateShort) },
		"CountryName":         func() { f.CountryName("DE") },
		"LanguageName":        func() { f.LanguageName(language.German) },
		"CurrencyName":        func() { f.CurrencyName("EUR") },
		"NumberFacts":         func() { f.NumberFacts() },
		"CurrencyFormat":      func() { f.CurrencyFormat("EUR") },
		"CurrencySymbols":     func() { f.CurrencySymbols("EUR") },
		"DateFacts":           func() { f.DateFacts() },
	}
	if n := reflect.TypeFor[*Formatter]().NumMethod(); n != len(calls) {
		t.Errorf("*Formatter has %d methods, the test calls %d: add the new ones", n, len(calls))
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if got := recover(); got != "locale: nil *Formatter (make one with NewFormatter)" {
					t.Errorf("panic = %#v", got)
				}
			}()
			call()
		})
	}
}

func TestNilMatcherPanicsEarly(t *testing.T) {
	var m *Matcher
	for name, call := range map[string]func(){
		"Match":     func() { m.Match("", "de") },
		"Supported": func() { m.Supported() },
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if got := recover(); got != "locale: nil *Matcher (make one with NewMatcher)" {
					t.Errorf("panic = %#v", got)
				}
			}()
			call()
		})
	}
}
