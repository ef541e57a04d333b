package catalog_test

import (
	"flag"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/catalog"
	"github.com/marketkit/marketkit/pricing"
)

var long = flag.Bool("long", false, "run the exhaustive tests and the 1,000,000-product benchmarks")

type benchWorld struct {
	*world
	ix *catalog.Index
}

var worlds sync.Map // "n/density" → *benchWorld

func getWorld(b *testing.B, n int, density float64) *benchWorld {
	key := fmt.Sprint(n, "/", density)
	if v, ok := worlds.Load(key); ok {
		return v.(*benchWorld)
	}
	w := generateWith(n, 88, density, 1, n <= 100_000)
	ix, err := catalog.NewIndex(w.cat, w.markets, w.price, nil)
	if err != nil {
		b.Fatal(err)
	}
	bw := &benchWorld{world: w, ix: ix}
	worlds.Store(key, bw)
	return bw
}

type size struct {
	name    string
	n       int
	density float64
}

func sizes() []size {
	s := []size{{"10k/sparse", 10_000, 0.05}, {"10k/dense", 10_000, 0.5}, {"100k/sparse", 100_000, 0.05}, {"100k/dense", 100_000, 0.5}}
	if *long {
		s = append(s, size{"1M/sparse", 1_000_000, 0.05}, size{"1M/dense", 1_000_000, 0.5})
	}
	return s
}

var sinkResult catalog.Result
var sinkIDs []string

// The headline query: market + category + one attribute + price range,
// sorted by price, first page of 24.
func headline(w *benchWorld) catalog.Query {
	m := w.markets[1]
	return catalog.Query{Market: m.ID, Category: "c1", Filters: []catalog.Filter{{Attribute: "color", Values: []string{"c3"}}},
		MinPrice: mustMinor(20000, m.Currency), MaxPrice: mustMinor(60000, m.Currency), Sort: catalog.SortPrice, Limit: 24,
		At: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
}

func mustMinor(n int64, cur string) pricing.Money {
	m, err := pricing.MoneyFromMinor(n, cur)
	if err != nil {
		panic(err)
	}
	return m
}

// loop runs f as the benchmark body, reporting allocations and the
// process CPU time per operation (cpu-ns/op), which a shared machine
// disturbs less than the wall time.
func loop(b *testing.B, f func()) {
	b.ReportAllocs()
	var c0 time.Duration
	first := true
	for b.Loop() { // the first call resets the timer, after any setup
		if first {
			c0, first = cpuNow(), false
		}
		f()
	}
	b.ReportMetric(float64(cpuNow()-c0)/float64(b.N), "cpu-ns/op")
}

// BenchmarkSearch: the headline query through the index, and the naive
// scan over the product slice (the baseline) in the same run.
func BenchmarkSearch(b *testing.B) {
	for _, s := range sizes() {
		b.Run(s.name+"/index", func(b *testing.B) {
			w := getWorld(b, s.n, s.density)
			q := headline(w)
			loop(b, func() { sinkResult = mustSearch(b, w.ix, q) })
		})
		b.Run(s.name+"/naive", func(b *testing.B) {
			if s.n > 100_000 {
				b.Skip("the naive baseline is measured up to 100,000 products")
			}
			w := getWorld(b, s.n, s.density)
			q := headline(w)
			lo, _ := q.MinPrice.Minor()
			hi, _ := q.MaxPrice.Minor()
			loop(b, func() { sinkIDs = w.naiveSearch(q.Market, q.Category, q.Filters, lo, hi, 24) })
		})
	}
}

// BenchmarkSearchText: the headline query with a text term.
func BenchmarkSearchText(b *testing.B) {
	for _, s := range sizes() {
		b.Run(s.name, func(b *testing.B) {
			w := getWorld(b, s.n, s.density)
			q := headline(w)
			q.Text = "Tasse"
			loop(b, func() { sinkResult = mustSearch(b, w.ix, q) })
		})
	}
}

// BenchmarkFacets: disjunctive counts of the 5 attributes for a result of
// about 10,000 products (100k dense: market × root category).
func BenchmarkFacets(b *testing.B) {
	w := getWorld(b, 100_000, 0.5)
	q := catalog.Query{Market: w.markets[1].ID, Category: "c1", Filters: []catalog.Filter{{Attribute: "size", Values: []string{"s1", "s2", "s3", "s4", "s5"}}},
		Facets: []string{"color", "size", "material", "brand", "eco"}, Limit: 24}
	res, err := w.ix.Search(q)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("result size %d", res.Total)
	b.Run("100k/dense/facets", func(b *testing.B) {
		loop(b, func() { sinkResult = mustSearch(b, w.ix, q) })
	})
	b.Run("100k/dense/AndCardinality-per-value", func(b *testing.B) {
		loop(b, func() {
			if _, err := catalog.AndCardinalityFacets(w.ix, q); err != nil {
				b.Fatal(err)
			}
		})
	})
	q.Facets = nil
	b.Run("100k/dense/no-facets", func(b *testing.B) {
		loop(b, func() { sinkResult = mustSearch(b, w.ix, q) })
	})
}

// BenchmarkNameSort: collated name sort in de and sv (markets 0 and 1 of
// the generator default to de-DE and sv-SE).
func BenchmarkNameSort(b *testing.B) {
	w := getWorld(b, 100_000, 0.5)
	for _, c := range []struct {
		name   string
		market int
		tag    language.Tag
	}{{"de", 0, language.MustParse("de-DE")}, {"sv", 1, language.MustParse("sv-SE")}} {
		q := catalog.Query{Market: w.markets[c.market].ID, Locale: c.tag, Category: "c1", Sort: catalog.SortName, Limit: 24}
		b.Run("100k/dense/"+c.name, func(b *testing.B) {
			loop(b, func() { sinkResult = mustSearch(b, w.ix, q) })
		})
	}
}

// BenchmarkBuild: the index for 88 markets over the same generated
// catalogs; reports the wall and CPU time of one build, the index heap
// (measured after GC) and bytes per product per market and per available
// pair.
func BenchmarkBuild(b *testing.B) {
	for _, s := range sizes() {
		b.Run(s.name, func(b *testing.B) {
			w := getWorld(b, s.n, s.density)
			b.ReportAllocs()
			var heap, cpu float64
			var st catalog.IndexStats
			for b.Loop() {
				b.StopTimer()
				runtime.GC()
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				c0 := cpuNow()
				b.StartTimer()
				ix, err := catalog.NewIndex(w.cat, w.markets, w.price, nil)
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				cpu = (cpuNow() - c0).Seconds()
				runtime.GC()
				runtime.ReadMemStats(&after)
				heap = float64(after.HeapAlloc) - float64(before.HeapAlloc)
				st = ix.Stats()
				runtime.KeepAlive(ix)
				b.StartTimer()
			}
			b.ReportMetric(cpu, "cpu-s/build")
			b.ReportMetric(heap/1e6, "heap-MB")
			b.ReportMetric(heap/float64(s.n*88), "B/product/market")
			b.ReportMetric(heap/float64(st.Pairs), "B/pair")
		})
	}
}

func mustSearch(b *testing.B, ix *catalog.Index, q catalog.Query) catalog.Result {
	res, err := ix.Search(q)
	if err != nil {
		b.Fatal(err)
	}
	return res
}
