package pricing

import (
	"testing"

	"github.com/marketkit/marketkit/locale"
	"github.com/shopspring/decimal"
)

// Each benchmark of a Money operation has a baseline doing the same
// arithmetic with plain shopspring/decimal, in the same run.

var (
	sinkMoney  Money
	sinkMoneys []Money
	sinkPrice  Price
	sinkDecs   []decimal.Decimal
)

var (
	benchA, benchB = MustParseMoney("19.99", "EUR"), MustParseMoney("5.01", "EUR")
	benchRate      = MustParseFixed("1.19")
	benchTie       = MustParseMoney("12.345", "EUR")
	decA, decB     = decimal.RequireFromString("19.99"), decimal.RequireFromString("5.01")
	decRate        = decimal.RequireFromString("1.19")
	decTie         = decimal.RequireFromString("12.345")
)

func BenchmarkAdd(b *testing.B) {
	b.Run("Money", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkMoney, _ = benchA.Add(benchB)
		}
	})
	b.Run("BaselineShopspring", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkDec = decA.Add(decB)
		}
	})
}

func BenchmarkMul(b *testing.B) {
	b.Run("Money", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkMoney = benchA.Mul(benchRate)
		}
	})
	b.Run("MoneyMulRound", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkMoney, _ = benchA.MulRound(benchRate, 2, RoundHalfUp)
		}
	})
	b.Run("BaselineShopspring", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkDec = decA.Mul(decRate)
		}
	})
	b.Run("BaselineShopspringMulRound", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkDec = decA.Mul(decRate).Round(2)
		}
	})
}

func BenchmarkRound(b *testing.B) {
	b.Run("Money", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkMoney, _ = benchTie.Round(RoundHalfUp)
		}
	})
	b.Run("MoneyHalfEven", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkMoney, _ = benchTie.Round(RoundHalfEven)
		}
	})
	b.Run("BaselineShopspring", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkDec = decTie.Round(2)
		}
	})
	b.Run("BaselineShopspringBank", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkDec = decTie.RoundBank(2)
		}
	})
}

// shopAllocate3 splits d (at 2 digits) into three parts in cents, by the
// same largest-remainder rule, with shopspring.
func shopAllocate3(d decimal.Decimal, dst []decimal.Decimal) []decimal.Decimal {
	dst = dst[:0]
	three := decimal.NewFromInt(3)
	cent := decimal.New(1, -2)
	share := d.DivRound(three, 16).RoundDown(2)
	left := d.Sub(share.Mul(three))
	for range 3 {
		p := share
		if left.IsPositive() {
			p = p.Add(cent)
			left = left.Sub(cent)
		}
		dst = append(dst, p)
	}
	return dst
}

func BenchmarkAllocate3(b *testing.B) {
	m := MustParseMoney("100.00", "EUR")
	d := decimal.RequireFromString("100.00")
	thirds := []Fixed{FixedFromInt(1), FixedFromInt(1), FixedFromInt(1)}
	b.Run("Money", func(b *testing.B) {
		dst := make([]Money, 0, 3)
		b.ReportAllocs()
		for b.Loop() {
			dst, _ = m.AppendAllocation(dst[:0], thirds, MinorUnit)
		}
		sinkMoneys = dst
	})
	b.Run("MoneySplit", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkMoneys, _ = m.Split(3)
		}
	})
	b.Run("BaselineShopspring", func(b *testing.B) {
		dst := make([]decimal.Decimal, 0, 3)
		b.ReportAllocs()
		for b.Loop() {
			dst = shopAllocate3(d, dst)
		}
		sinkDecs = dst
	})
}

// shopEntry and shopResolve are the price-list baseline: the same entries
// and resolution order with decimal.Decimal prices.
type shopEntry struct {
	price       decimal.Decimal
	group       string
	minQty      int64
	from, until int64 // Unix seconds, 0 = open
}

func shopResolve(m map[string][]shopEntry, sku string, qty int64, group string, at int64) (decimal.Decimal, bool) {
	for _, e := range m[sku] { // sorted most specific first
		if (e.group == "" || e.group == group) && qty >= e.minQty &&
			(e.from == 0 || at >= e.from) && (e.until == 0 || at < e.until) {
			return e.price, true
		}
	}
	return decimal.Decimal{}, false
}

func BenchmarkResolve(b *testing.B) {
	l := testList(b)
	q := Query{Quantity: 10, At: berlin(b, "2026-11-27T10:00")}
	win := Query{Quantity: 1, At: berlin(b, "2026-11-27T10:00")}
	b.Run("TierAndWindow", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkPrice, _ = l.Resolve("MUG", q)
		}
	})
	b.Run("Window", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkPrice, _ = l.Resolve("MUG", win)
		}
	})
	from, until := berlin(b, "2026-11-27T00:00").Unix(), berlin(b, "2026-11-30T00:00").Unix()
	sm := map[string][]shopEntry{"MUG": {
		{price: decimal.RequireFromString("8.00"), group: "wholesale"},
		{price: decimal.RequireFromString("10.00"), minQty: 50},
		{price: decimal.RequireFromString("11.00"), minQty: 10},
		{price: decimal.RequireFromString("8.50"), from: berlin(b, "2026-11-28T12:00").Unix()},
		{price: decimal.RequireFromString("9.00"), from: from, until: until},
		{price: decimal.RequireFromString("12.00")},
	}}
	at := q.At.Unix()
	b.Run("BaselineShopspring", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkDec, _ = shopResolve(sm, "MUG", 10, "", at)
		}
	})
}

var (
	benchRates = func() *RateTable {
		t, err := NewRateTable(locale.MustParseDate("2026-11-25"), []ExchangeRate{{From: "EUR", To: "CHF", Rate: MustParseFixed("0.9312")}})
		if err != nil {
			panic(err)
		}
		return t
	}()
	decCHF  = decimal.RequireFromString("0.9312")
	dec099  = decimal.RequireFromString("0.99")
	benchTo = MustParseMoney("23.45", "EUR")
	decTo   = decimal.RequireFromString("23.45")
)

// shopConvert99 converts with shopspring: × rate, round half up to cents,
// then up to the next .99.
func shopConvert99(d decimal.Decimal) decimal.Decimal {
	p := d.Mul(decCHF).Round(2)
	return p.Sub(dec099).Ceil().Add(dec099)
}

func BenchmarkConvert(b *testing.B) {
	c, err := benchRates.Converter("EUR", "CHF", RoundHalfUp, CharmEnding(MustParseFixed("0.99")))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("ConverterCharm99", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkMoney, _ = c.Convert(benchTo)
		}
	})
	b.Run("BaselineShopspring", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkDec = shopConvert99(decTo)
		}
	})
}

// i64Convert99 is the bulk baseline in int64 cents: × 9312 / 10000 half
// up, then up to the next .99.
func i64Convert99(cents int64) int64 {
	p := (cents*9312 + 5000) / 10000
	k := (p - 99 + 99) / 100 // ceil((p − 99) / 100) for p ≥ 0
	if p < 99 {
		k = 0
	}
	return k*100 + 99
}

const bulkN = 1_000_000

// BenchmarkBulkReprice derives 1,000,000 CHF prices from EUR prices by
// conversion and a .99 ending rule; each op is the whole million, so
// ns/op ÷ 10^6 is the time per price. (No ReportMetric: it takes a float,
// and this package has none.)
func BenchmarkBulkReprice(b *testing.B) {
	c, err := benchRates.Converter("EUR", "CHF", RoundHalfUp, CharmEnding(MustParseFixed("0.99")))
	if err != nil {
		b.Fatal(err)
	}
	src := make([]Money, bulkN)
	cents := make([]int64, bulkN)
	for i := range src {
		cents[i] = int64(100 + i*7%100000)
		src[i], _ = MoneyFromMinor(cents[i], "EUR")
	}
	b.Run("Converter", func(b *testing.B) {
		dst := make([]Money, bulkN)
		b.ReportAllocs()
		for b.Loop() {
			for i, m := range src {
				dst[i], _ = c.Convert(m)
			}
		}
		sinkMoneys = dst
	})
	b.Run("BaselineInt64", func(b *testing.B) {
		dst := make([]int64, bulkN)
		b.ReportAllocs()
		for b.Loop() {
			for i, v := range cents {
				dst[i] = i64Convert99(v)
			}
		}
		sinkI64 = dst[0]
	})
}

func TestBulkBaselineAgrees(t *testing.T) {
	c, err := benchRates.Converter("EUR", "CHF", RoundHalfUp, CharmEnding(MustParseFixed("0.99")))
	if err != nil {
		t.Fatal(err)
	}
	for _, cents := range []int64{1, 50, 100, 2345, 99999, 100000, 123457} {
		m, _ := MoneyFromMinor(cents, "EUR")
		got, err := c.Convert(m)
		if err != nil {
			t.Fatal(err)
		}
		g, _ := got.Minor()
		if want := i64Convert99(cents); g != want {
			t.Errorf("%d cents: Converter %d, int64 baseline %d", cents, g, want)
		}
		if d := shopConvert99(m.Decimal()); !d.Equal(got.Decimal()) {
			t.Errorf("%d cents: Converter %v, shopspring %v", cents, got, d)
		}
	}
}
