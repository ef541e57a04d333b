package pricing

import (
	"encoding/json"
	"testing"
	"time"
)

// FuzzUnmarshalMoney feeds request-like input to the JSON, text and SQL
// decoders: they must never panic, and what they accept must round trip.
func FuzzUnmarshalMoney(f *testing.F) {
	for _, s := range []string{`{"amount":"19.99","currency":"EUR"}`, `{"amount":19.99,"currency":"EUR"}`,
		`{"amount":"0","currency":""}`, `{"amount":"1","currency":"eur","x":1}`, `null`, `19.99 EUR`, `0`, `1e3 EUR`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var m Money
		if err := m.UnmarshalJSON(b); err == nil {
			out, _ := m.MarshalJSON()
			var back Money
			if err := back.UnmarshalJSON(out); err != nil || !back.Equal(m) {
				t.Fatalf("JSON %s → %v → %s → %v, %v", b, m, out, back, err)
			}
		}
		var n Money
		if err := n.UnmarshalText(b); err == nil {
			out, _ := n.MarshalText()
			var back Money
			if err := back.UnmarshalText(out); err != nil || !back.Equal(n) {
				t.Fatalf("text %q → %v → %q → %v, %v", b, n, out, back, err)
			}
		}
		var s Money
		if err := s.Scan(b); err == nil {
			v, _ := s.Value()
			var back Money
			if err := back.Scan(v); err != nil || !back.Equal(s) {
				t.Fatalf("SQL %q → %v → %v → %v, %v", b, s, v, back, err)
			}
		}
	})
}

// FuzzPriceList loads price-list configuration from JSON, as it would come
// from a file, and resolves a SKU: no panics, and a resolved price is one of
// the list's entries.
func FuzzPriceList(f *testing.F) {
	f.Add(`{"market":"de","currency":"EUR","time_zone":"Europe/Berlin","entries":[
		{"sku":"A","price":{"amount":"12.00","currency":"EUR"}},
		{"sku":"A","price":{"amount":"9.00","currency":"EUR"},"from":"2026-11-27","until":"2026-11-30T00:00"},
		{"sku":"A","price":{"amount":"11.00","currency":"EUR"},"min_quantity":10}]}`, int64(10), int64(1795000000))
	f.Add(`{"market":"jp","currency":"JPY","time_zone":"Asia/Tokyo","entries":[{"sku":"A","price":{"amount":"500","currency":"JPY"},"group":"vip"}]}`, int64(1), int64(0))
	f.Fuzz(func(t *testing.T, src string, qty, at int64) {
		var cfg PriceListConfig
		if err := json.Unmarshal([]byte(src), &cfg); err != nil {
			return
		}
		if len(cfg.Entries) > 64 || len(cfg.TimeZone) > 40 {
			return
		}
		l, err := NewPriceList(cfg)
		if err != nil {
			return
		}
		for _, e := range cfg.Entries {
			p, err := l.Resolve(e.SKU, Query{Quantity: qty % 1000, Group: e.Group, At: time.Unix(at%4_000_000_000, 0)})
			if err != nil {
				continue
			}
			if p.Entry < 0 || p.Entry >= len(cfg.Entries) || !cfg.Entries[p.Entry].Price.Equal(p.Unit) {
				t.Fatalf("Resolve(%q) = %+v, not an entry of the list", e.SKU, p)
			}
		}
	})
}
