package tax

import (
	"reflect"
	"testing"
)

// TestNilDataPanicsEarly checks that every method of a nil *Data panics
// with the documented message (contracts item 8, issue 9 item 14), not a
// nil dereference inside; a new method must be added here.
func TestNilDataPanicsEarly(t *testing.T) {
	var d *Data
	on := MustDate("2025-01-01")
	calls := map[string]func(){
		"CheckRegistration": func() { _ = d.CheckRegistration("DE") },
		"HasCountry":        func() { d.HasCountry("DE") },
		"Version":           func() { d.Version() },
		"Source":            func() { d.Source("s") },
		"Type":              func() { d.Type("de_vat") },
		"Types":             func() { d.Types() },
		"Zone":              func() { d.Zone("eu") },
		"Zones":             func() { d.Zones() },
		"Lookup":            func() { _, _ = d.Lookup("de_vat", Standard, on) },
	}
	if n := reflect.TypeFor[*Data]().NumMethod(); n != len(calls) {
		t.Errorf("*Data has %d methods, the test calls %d: add the new ones", n, len(calls))
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if got := recover(); got != "tax: nil *Data" {
					t.Errorf("panic = %#v, want \"tax: nil *Data\"", got)
				}
			}()
			call()
		})
	}
}
