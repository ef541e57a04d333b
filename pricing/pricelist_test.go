package pricing

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/marketkit/marketkit/locale"
)

func testList(t testing.TB) *PriceList {
	t.Helper()
	l, err := NewPriceList(PriceListConfig{
		Market: "de", Currency: "EUR", TimeZone: "Europe/Berlin",
		Entries: []PriceEntry{
			{SKU: "MUG", Price: eur("12.00")},
			{SKU: "MUG", Price: eur("11.00"), MinQuantity: 10},
			{SKU: "MUG", Price: eur("10.00"), MinQuantity: 50},
			{SKU: "MUG", Price: eur("9.00"), CompareAt: eur("12.00"), From: "2026-11-27", Until: "2026-11-30T00:00"},
			{SKU: "MUG", Price: eur("8.00"), Group: "wholesale"},
			{SKU: "MUG", Price: eur("8.50"), From: "2026-11-28T12:00"},
			{SKU: "TEE", Price: eur("20.00"), Group: "staff"},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func berlin(t testing.TB, s string) time.Time {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	v, err := time.ParseInLocation("2006-01-02T15:04", s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestResolve(t *testing.T) {
	l := testList(t)
	tests := []struct {
		name  string
		sku   string
		q     Query
		price string
		src   Source
		entry int
	}{
		{"base", "MUG", Query{Quantity: 1, At: berlin(t, "2026-11-20T10:00")}, "12.00", SourceBase, 0},
		{"quantity 0 is 1", "MUG", Query{At: berlin(t, "2026-11-20T10:00")}, "12.00", SourceBase, 0},
		{"tier 10", "MUG", Query{Quantity: 10, At: berlin(t, "2026-11-20T10:00")}, "11.00", SourceTier, 1},
		{"tier 50", "MUG", Query{Quantity: 99, At: berlin(t, "2026-11-20T10:00")}, "10.00", SourceTier, 2},
		{"window starts at local midnight", "MUG", Query{At: berlin(t, "2026-11-27T00:00")}, "9.00", SourceWindow, 3},
		{"before window (UTC would say inside)", "MUG", Query{At: berlin(t, "2026-11-26T23:59")}, "12.00", SourceBase, 0},
		{"later window wins overlap", "MUG", Query{At: berlin(t, "2026-11-28T12:00")}, "8.50", SourceWindow, 5},
		{"window ends exclusive", "MUG", Query{At: berlin(t, "2026-11-30T00:00")}, "8.50", SourceWindow, 5},
		{"tier beats window", "MUG", Query{Quantity: 10, At: berlin(t, "2026-11-27T10:00")}, "11.00", SourceTier, 1},
		{"group beats tier and window", "MUG", Query{Quantity: 50, Group: "wholesale", At: berlin(t, "2026-11-27T10:00")}, "8.00", SourceGroup, 4},
		{"group only", "TEE", Query{Group: "staff", At: berlin(t, "2026-11-27T10:00")}, "20.00", SourceGroup, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := l.Resolve(tt.sku, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if p.Unit.Amount() != tt.price || p.Source != tt.src || p.Entry != tt.entry || p.Market != "de" {
				t.Errorf("got %v %v entry %d, want %s %v entry %d", p.Unit, p.Source, p.Entry, tt.price, tt.src, tt.entry)
			}
		})
	}
	p, _ := l.Resolve("MUG", Query{At: berlin(t, "2026-11-27T10:00")})
	if p.CompareAt.Amount() != "12.00" {
		t.Errorf("compare-at = %v", p.CompareAt)
	}
}

func TestResolveNoPrice(t *testing.T) {
	l := testList(t)
	for _, tc := range []struct{ sku, group string }{{"NOPE", ""}, {"TEE", ""}, {"TEE", "other"}} {
		_, err := l.Resolve(tc.sku, Query{Group: tc.group, At: berlin(t, "2026-11-27T10:00")})
		var np *NoPriceError
		if !errors.Is(err, ErrNoPrice) || !errors.As(err, &np) || np.Value != tc.sku || np.Market != "de" {
			t.Errorf("Resolve(%q) err = %v", tc.sku, err)
		}
	}
	if _, err := l.Resolve("MUG", Query{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("zero At: err = %v", err)
	}
}

func TestExplain(t *testing.T) {
	l := testList(t)
	x, err := l.Explain("MUG", Query{Quantity: 10, At: berlin(t, "2026-11-27T10:00")})
	if err != nil {
		t.Fatal(err)
	}
	got := x.String()
	want := `MUG in de: 11.00 EUR (tier)
  entries[4] group 8.00 EUR: customer group wholesale does not match (none)
  entries[2] tier 10.00 EUR: quantity 10 is below the tier minimum 50
✓ entries[1] tier 11.00 EUR: applies and is the most specific (tier)
  entries[5] window 8.50 EUR: window starts 2026-11-28T12:00:00+01:00, after 2026-11-27T10:00:00+01:00
  entries[3] window 9.00 EUR: applies but a more specific entry won
  entries[0] base 12.00 EUR: applies but a more specific entry won
`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Explain (-want +got):\n%s", diff)
	}
}

func TestNewPriceListErrors(t *testing.T) {
	_, err := NewPriceList(PriceListConfig{
		Market: "de", Currency: "EUR", TimeZone: "Europe/Berlin",
		Entries: []PriceEntry{
			{SKU: "", Price: eur("1")},
			{SKU: "A", Price: MustParseMoney("1", "USD")},
			{SKU: "A", Price: eur("-1")},
			{SKU: "A", Price: eur("1"), From: "27.11.2026"},
			{SKU: "A", Price: eur("1"), From: "2026-11-30", Until: "2026-11-27"},
			{SKU: "B", Price: eur("1")},
			{SKU: "B", Price: eur("2")},
			{SKU: "C", Price: eur("1"), MinQuantity: -2},
		},
	})
	for _, field := range []string{"entries[0].sku", "entries[1].price", "entries[2].price", "entries[3].from", "entries[4].until", "entries[6]", "entries[7].min_quantity"} {
		if err == nil || !strings.Contains(err.Error(), field+" ") {
			t.Errorf("error does not name %s: %v", field, err)
		}
	}
	if _, err := NewPriceList(PriceListConfig{Market: "de", Currency: "EUR", TimeZone: "Mars/Olympus"}); !errors.Is(err, ErrInvalid) {
		t.Errorf("bad zone: %v", err)
	}
}

func TestFallbackConversion(t *testing.T) {
	de := testList(t)
	rates, err := NewRateTable(locale.MustParseDate("2026-11-25"), []ExchangeRate{
		{From: "EUR", To: "CHF", Rate: MustParseFixed("0.9312")},
		{From: "EUR", To: "JPY", Rate: MustParseFixed("162.37")},
	})
	if err != nil {
		t.Fatal(err)
	}
	ch, err := NewPriceList(PriceListConfig{
		Market: "ch", Currency: "CHF", TimeZone: "Europe/Zurich",
		Entries:  []PriceEntry{{SKU: "TEE", Price: MustParseMoney("19.90", "CHF")}},
		Fallback: &Fallback{List: de, Rates: rates, Rounding: RoundHalfUp, Ending: CharmEnding(MustParseFixed("0.90"))},
	})
	if err != nil {
		t.Fatal(err)
	}
	p, err := ch.Resolve("MUG", Query{At: berlin(t, "2026-11-27T10:00")})
	if err != nil {
		t.Fatal(err)
	}
	// 9.00 EUR × 0.9312 = 8.3808 → 8.38 CHF → up to .90: 8.90; compare-at 12.00 × 0.9312 = 11.1744 → 11.17 → 11.90.
	if p.Unit.String() != "8.90 CHF" || p.CompareAt.String() != "11.90 CHF" || p.Source != SourceConverted || p.Origin != SourceWindow || p.Market != "ch" {
		t.Errorf("converted price = %+v", p)
	}
	if p.Rate.String() != "0.9312" || p.AsOf.String() != "2026-11-25" {
		t.Errorf("rate %v as of %v", p.Rate, p.AsOf)
	}
	if p, err := ch.Resolve("TEE", Query{At: berlin(t, "2026-11-27T10:00")}); err != nil || p.Unit.String() != "19.90 CHF" || p.Source != SourceBase {
		t.Errorf("own price = %+v, %v", p, err)
	}
	_, err = ch.Resolve("NOPE", Query{At: berlin(t, "2026-11-27T10:00")})
	var np *NoPriceError
	if !errors.As(err, &np) || np.Market != "ch" || np.Value != "NOPE" {
		t.Errorf("missing SKU: %v", err)
	}
	x, err := ch.Explain("MUG", Query{At: berlin(t, "2026-11-27T10:00")})
	if err != nil || x.Fallback == nil || !strings.Contains(x.String(), "fallback de, rate 0.9312 as of 2026-11-25") {
		t.Errorf("Explain fallback:\n%v %v", x, err)
	}
	// A missing rate is caught when the list is built.
	_, err = NewPriceList(PriceListConfig{Market: "us", Currency: "USD", TimeZone: "America/New_York",
		Fallback: &Fallback{List: de, Rates: rates, Rounding: RoundHalfUp}})
	if !errors.Is(err, ErrNoExchangeRate) {
		t.Errorf("missing rate: %v", err)
	}
}

func TestPriceListConcurrent(t *testing.T) {
	l := testList(t)
	at := berlin(t, "2026-11-27T10:00")
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				p, err := l.Resolve("MUG", Query{Quantity: int64(i%60 + g), At: at})
				if err != nil {
					t.Error(err)
					return
				}
				if p.Unit.Sign() <= 0 {
					t.Errorf("price %v", p.Unit)
				}
				if i%50 == 0 {
					if _, err := l.Explain("MUG", Query{At: at}); err != nil {
						t.Error(err)
					}
				}
			}
		})
	}
	wg.Wait()
}

func TestResolveNoAllocs(t *testing.T) {
	l := testList(t)
	q := Query{Quantity: 10, At: berlin(t, "2026-11-27T10:00")}
	if n := testing.AllocsPerRun(100, func() { _, _ = l.Resolve("MUG", q) }); n != 0 {
		t.Errorf("Resolve: %v allocs", n)
	}
}

func TestFallbackConcurrent(t *testing.T) {
	de := testList(t)
	rates, err := NewRateTable(locale.MustParseDate("2026-11-25"), []ExchangeRate{{From: "EUR", To: "CHF", Rate: MustParseFixed("0.9312")}})
	if err != nil {
		t.Fatal(err)
	}
	ch, err := NewPriceList(PriceListConfig{Market: "ch", Currency: "CHF", TimeZone: "Europe/Zurich",
		Fallback: &Fallback{List: de, Rates: rates, Rounding: RoundHalfUp, Ending: bandRule}})
	if err != nil {
		t.Fatal(err)
	}
	at := berlin(t, "2026-11-27T10:00")
	want, err := ch.Resolve("MUG", Query{At: at})
	if err != nil {
		t.Fatal(err)
	}
	toCHF, err := rates.Converter("EUR", "CHF", RoundHalfUp, CharmEnding(MustParseFixed("0.99")))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 300 {
				if m, err := toCHF.Convert(eur("19.99")); err != nil || m.String() != "18.99 CHF" {
					t.Errorf("Converter.Convert = %v, %v", m, err)
					return
				}
				p, err := ch.Resolve("MUG", Query{At: at})
				if err != nil || !p.Unit.Equal(want.Unit) {
					t.Errorf("Resolve = %v, %v", p.Unit, err)
					return
				}
				if m, err := rates.Convert(eur("10.00"), "CHF", RoundHalfUp); err != nil || m.String() != "9.31 CHF" {
					t.Errorf("Convert = %v, %v", m, err)
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestNewPriceListDuplicateGroups (issue 9): n duplicates of one base
// entry were n(n−1)/2 errors (2,000 duplicates: 0.5 s, 383 MiB, a 160 MB
// message). Now a group of duplicates is one error naming its first
// entries, and at most 20 problems are listed, then a count of the rest.
func TestNewPriceListDuplicateGroups(t *testing.T) {
	entries := make([]PriceEntry, 2000)
	for i := range entries {
		entries[i] = PriceEntry{SKU: "MUG", Price: eur("1.00")}
	}
	entries = append(entries, PriceEntry{SKU: "TEE", Price: eur("2.00"), Group: "staff"}, PriceEntry{SKU: "TEE", Price: eur("3.00"), Group: "staff"})
	_, err := NewPriceList(PriceListConfig{Market: "de", Currency: "EUR", TimeZone: "Europe/Berlin", Entries: entries})
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("err = %v", err)
	}
	want := `pricing: NewPriceList: entries[1] "MUG": duplicates entries[0] (same SKU, group and tier, no window); so do entries[2] entries[3] entries[4] entries[5] entries[6] and 1993 more` + "\n" +
		`pricing: NewPriceList: entries[2001] "TEE": duplicates entries[2000] (same SKU, group and tier, no window)`
	if err.Error() != want {
		t.Errorf("message:\n got %s\nwant %s", err, want)
	}

	// 100 entries without a SKU, half of them with a malformed From (so
	// without a window, and duplicates of each other): 151 problems, 20
	// listed, then one error for the 131 others.
	entries = make([]PriceEntry, 100)
	for i := range entries {
		entries[i] = PriceEntry{Price: eur("1.00"), From: "2026-01-01T00:" + strings.Repeat("0", i%2+1)}
	}
	_, err = NewPriceList(PriceListConfig{Market: "de", Currency: "EUR", TimeZone: "Europe/Berlin", Entries: entries})
	var joined interface{ Unwrap() []error }
	if !errors.As(err, &joined) {
		t.Fatalf("err = %v, want a joined error", err)
	}
	errs := joined.Unwrap()
	if len(errs) != 21 {
		t.Fatalf("%d errors, want 20 and a count", len(errs))
	}
	if got, want := errs[20].Error(), `pricing: NewPriceList: entries "131": 131 more problems not listed (the first 20 are)`; got != want {
		t.Errorf("last error:\n got %s\nwant %s", got, want)
	}
}

// TestNewPriceListManyWindowsOfOneSKU (issue 9): 20,000 windowed entries
// of one SKU took 2 s to load (6.9 s on the session machine) because each
// entry was compared with every earlier one. The work is now O(n log n):
// about 30 ms here, 0.3 s under the race detector; the bound of 3 s fails
// the quadratic code with either.
func TestNewPriceListManyWindowsOfOneSKU(t *testing.T) {
	const n = 20000
	entries := make([]PriceEntry, n)
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range entries {
		from := day.Add(time.Duration(i) * time.Minute)
		entries[i] = PriceEntry{SKU: "MUG", Price: eur("1.00"),
			From: from.Format("2006-01-02T15:04"), Until: from.Add(time.Hour).Format("2006-01-02T15:04")}
	}
	start := time.Now()
	l, err := NewPriceList(PriceListConfig{Market: "de", Currency: "EUR", TimeZone: "Europe/Berlin", Entries: entries})
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d windowed entries of one SKU: %v", n, took)
	if took > 3*time.Second {
		t.Errorf("NewPriceList took %v for %d entries of one SKU", took, n)
	}
	// The latest start among the applicable windows wins.
	p, err := l.Resolve("MUG", Query{At: berlin(t, "2026-01-01T02:30")})
	if err != nil || p.Entry != 150 {
		t.Fatalf("Resolve = entry %d, %v; want entry 150 (the window from 02:30)", p.Entry, err)
	}
}

// TestNilReceivers (issue 9, contracts item 8): the methods of a nil
// *PriceList or *RateTable panic at once with a message naming the type,
// never with a nil dereference deep inside; a Fallback with a nil list or
// table is an error of NewPriceList, not a panic later.
func TestNilReceivers(t *testing.T) {
	var l *PriceList
	var r *RateTable
	q := Query{At: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	tests := []struct {
		name, want string
		call       func()
	}{
		{"PriceList.Resolve", "pricing: nil *PriceList", func() { _, _ = l.Resolve("A", q) }},
		{"PriceList.Explain", "pricing: nil *PriceList", func() { _, _ = l.Explain("A", q) }},
		{"PriceList.Market", "pricing: nil *PriceList", func() { _ = l.Market() }},
		{"PriceList.Currency", "pricing: nil *PriceList", func() { _ = l.Currency() }},
		{"PriceList.Location", "pricing: nil *PriceList", func() { _ = l.Location() }},
		{"RateTable.Convert", "pricing: nil *RateTable", func() { _, _ = r.Convert(eur("1"), "CHF", RoundHalfUp) }},
		{"RateTable.Converter", "pricing: nil *RateTable", func() { _, _ = r.Converter("EUR", "CHF", RoundHalfUp, EndingRule{}) }},
		{"RateTable.Rate", "pricing: nil *RateTable", func() { _, _ = r.Rate("EUR", "CHF") }},
		{"RateTable.AsOf", "pricing: nil *RateTable", func() { _ = r.AsOf() }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if got := recover(); got != tt.want {
					t.Errorf("panic %v, want %q", got, tt.want)
				}
			}()
			tt.call()
		})
	}
	_, err := NewPriceList(PriceListConfig{Market: "ch", Currency: "CHF", TimeZone: "Europe/Zurich", Fallback: &Fallback{}})
	if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "fallback") {
		t.Errorf("nil fallback list: %v", err)
	}
}

// TestWallTimeLayouts: the three layouts of PriceEntry.From/Until, and
// fractional seconds as time.Parse reads them, still parse after the
// layout is picked by length.
func TestWallTimeLayouts(t *testing.T) {
	loc, _ := time.LoadLocation("Europe/Berlin")
	for _, tt := range []struct {
		in   string
		want string
		ok   bool
	}{
		{"2026-11-27", "2026-11-27T00:00:00+01:00", true},
		{"2026-11-27T08:30", "2026-11-27T08:30:00+01:00", true},
		{"2026-11-27T08:30:15", "2026-11-27T08:30:15+01:00", true},
		{"2026-11-27T08:30:15.5", "2026-11-27T08:30:15.5+01:00", true},
		{"2026-11-27T08", "", false},
		{"27.11.2026", "", false},
		{"2026-11-27 08:30", "", false},
	} {
		w, ok := parseWall(tt.in, loc)
		if ok != tt.ok || (ok && w.Format(time.RFC3339Nano) != tt.want) {
			t.Errorf("parseWall(%q) = %v, %v; want %s, %v", tt.in, w.Format(time.RFC3339Nano), ok, tt.want, tt.ok)
		}
	}
}
