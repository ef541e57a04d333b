package pricing

import (
	"testing"
	"time"
)

var (
	sinkFixed Fixed
	sinkList  *PriceList
)

// BenchmarkParsePercent: a tax rate or discount read from text, then its
// fraction; the baseline parses the same digits as a Fixed.
func BenchmarkParsePercent(b *testing.B) {
	b.Run("ParsePercent", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			p, _ := ParsePercent("9.975%")
			sinkFixed = p.Fraction()
		}
	})
	b.Run("BaselineParseFixed", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkFixed, _ = ParseFixed("9.975")
		}
	})
}

// BenchmarkNewPriceList loads 20,000 windowed entries of one SKU (issue 9
// item 2: 2 s before, quadratic); the baseline parses the same wall times
// with time.ParseInLocation, the part of the work that is not the list's.
func BenchmarkNewPriceList(b *testing.B) {
	const n = 20000
	entries := make([]PriceEntry, n)
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range entries {
		from := day.Add(time.Duration(i) * time.Minute)
		entries[i] = PriceEntry{SKU: "MUG", Price: MustParseMoney("1.00", "EUR"),
			From: from.Format("2006-01-02T15:04"), Until: from.Add(time.Hour).Format("2006-01-02T15:04")}
	}
	cfg := PriceListConfig{Market: "de", Currency: "EUR", TimeZone: "Europe/Berlin", Entries: entries}
	b.Run("Windows20000", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			l, err := NewPriceList(cfg)
			if err != nil {
				b.Fatal(err)
			}
			sinkList = l
		}
	})
	b.Run("BaselineParseWallTimes", func(b *testing.B) {
		loc, _ := time.LoadLocation("Europe/Berlin")
		b.ReportAllocs()
		for b.Loop() {
			for i := range entries {
				f, _ := time.ParseInLocation("2006-01-02T15:04", entries[i].From, loc)
				u, _ := time.ParseInLocation("2006-01-02T15:04", entries[i].Until, loc)
				if u.Before(f) {
					b.Fatal("window")
				}
			}
		}
	})
}
