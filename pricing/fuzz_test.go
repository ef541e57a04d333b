package pricing

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/marketkit/marketkit/locale"
	"github.com/shopspring/decimal"
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
			// Explain tells the same story: the entry that won is the one
			// Resolve returned, and it is the first that applies.
			x, err := l.Explain(e.SKU, Query{Quantity: qty % 1000, Group: e.Group, At: time.Unix(at%4_000_000_000, 0)})
			if err != nil || x.Err != nil || !x.Price.Unit.Equal(p.Unit) {
				t.Fatalf("Explain(%q) = %v, %v; Resolve %+v", e.SKU, x, err, p)
			}
			for _, c := range x.Candidates {
				if c.Applies {
					if !c.Won || c.Entry != p.Entry {
						t.Fatalf("Explain(%q): first applicable candidate %+v, Resolve chose entries[%d]", e.SKU, c, p.Entry)
					}
					break
				}
			}
		}
	})
}

// FuzzParseFixed checks ParseFixed against shopspring and the text round
// trip of what it accepts.
func FuzzParseFixed(f *testing.F) {
	for _, s := range []string{"0.19", "-12.5", "+1", "9223372036854775807", "0.000000000000000001",
		"0.0000000000000000001", "1e3", "NaN", " 1", "00.50", "-0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		x, err := ParseFixed(s)
		if err != nil {
			if !errors.Is(err, ErrSyntax) && !errors.Is(err, ErrRange) {
				t.Fatalf("ParseFixed(%q): %v", s, err)
			}
			return
		}
		d, derr := decimal.NewFromString(s)
		if derr != nil || !x.Decimal().Equal(d) {
			t.Fatalf("ParseFixed(%q) = %v, shopspring %v (%v)", s, x, d, derr)
		}
		var back Fixed
		if err := back.UnmarshalText([]byte(x.String())); err != nil || back != x {
			t.Fatalf("round trip %q → %v → %v, %v", s, x, back, err)
		}
	})
}

// FuzzRateTable loads exchange rates from JSON, as from a file, and
// converts with every listed direction: no panics, and a conversion is the
// listed rate times the amount, rounded once.
func FuzzRateTable(f *testing.F) {
	f.Add("2026-11-25", `[{"from":"EUR","to":"CHF","rate":"0.9312"},{"from":"EUR","to":"JPY","rate":"162.37"}]`, int64(1999))
	f.Add("2026-02-30", `[{"from":"eur","to":"EUR","rate":"1"},{"from":"EUR","to":"USD","rate":"-1"}]`, int64(-5))
	f.Add("2026-01-01", `[{"from":"BHD","to":"JPY","rate":"0.000000000000000001"}]`, int64(9223372036854775807))
	f.Fuzz(func(t *testing.T, asOf, src string, minor int64) {
		var rates []ExchangeRate
		if err := json.Unmarshal([]byte(src), &rates); err != nil || len(rates) > 16 {
			return
		}
		d, err := locale.ParseDate(asOf)
		if err != nil {
			return
		}
		table, err := NewRateTable(d, rates)
		if err != nil {
			return
		}
		for _, r := range rates {
			m, err := MoneyFromMinor(minor, r.From)
			if err != nil {
				t.Fatalf("%s accepted by NewRateTable: %v", r.From, err)
			}
			for mode := RoundHalfUp; mode <= RoundFloor; mode++ {
				got, err := table.Convert(m, r.To, mode)
				if err != nil {
					t.Fatalf("Convert(%v, %s, %v): %v", m, r.To, mode, err)
				}
				want, _ := m.MulRound(r.Rate, got.Digits(), mode)
				if !got.Decimal().Equal(want.Decimal()) || !strings.EqualFold(got.Currency(), r.To) {
					t.Fatalf("Convert(%v, %s, %v) = %v, want %v", m, r.To, mode, got, want)
				}
			}
		}
	})
}
