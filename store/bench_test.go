package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/address"
	"github.com/marketkit/marketkit/catalog"
	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/tax"
)

// fleetMarkets is the 88-market configuration of the benchmarks: the 27
// EU member states, ten other countries with national tax data and one
// market per US state (51 with DC, which the tax data lacks: one
// no-tax-rate problem per class).
func fleetConfig() []byte {
	eu := strings.Fields("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE")
	other := strings.Fields("GB CH NO IS AU NZ SG JP ZA IN")
	var b strings.Builder
	b.WriteString(`{"version":"bench","default_market":"de","flags":{"gift_wrap":{"type":"bool","default":false}},"database":{"dsn":"data/{market}.db"},"groups":{"eu":{"root":"suggest"}},"markets":{`)
	n := 0
	add := func(id, cc, sub, cur, loc, tz, group string, incl bool, origin string) {
		if n > 0 {
			b.WriteByte(',')
		}
		n++
		subs := ""
		if sub != "" {
			subs = `,"subdivisions":["` + sub + `"]`
		}
		g := ""
		if group != "" {
			g = `"group":"` + group + `",`
		}
		fmt.Fprintf(&b, `"%s":{%s"path":"/%s","countries":["%s"]%s,"currency":"%s","prices":%s,"default_locale":"%s","locales":["%s","en"],"fallback_locale":"en",`+
			`"tax":{"prices_include_tax":%t,"mode":"half-up","origin":%s,"classes":[{"class":"books","category":"reduced"}]},"time_zone":"%s","residency":"%s"}`,
			id, g, id, cc, subs, cur, benchPrices(cur), loc, loc, incl, origin, tz, strings.ToLower(cc))
	}
	for _, cc := range append(eu, other...) {
		c, _ := locale.CountryInfo(cc)
		tz := c.TimeZones()[0]
		group := ""
		if strings.Contains(strings.Join(eu, " "), cc) {
			group = "eu"
		}
		origin := `{"country":"DE","postal_code":"10115"}`
		if group == "" {
			origin = fmt.Sprintf(`{"country":"%s"}`, cc)
		}
		add(strings.ToLower(cc), cc, "", c.Currency, c.DefaultLocale.String(), tz, group, true, origin)
	}
	for _, s := range address.Subdivisions("US", language.English) {
		iso, ok := address.SubdivisionCode("US", s.Key)
		if !ok || n >= 88 {
			continue
		}
		if strings.Contains("US-AS US-GU US-MP US-PR US-VI US-UM", iso) {
			continue
		}
		add("us-"+strings.ToLower(iso[3:]), "US", iso, "USD", "en-US", "America/New_York", "", false, `{"country":"US","region":"`+iso+`"}`)
	}
	b.WriteString("}}")
	return []byte(b.String())
}

// pricedCurrencies are the currencies the benchmark's price data lists
// every product in; the other markets convert from the EUR list (a
// fallback with a rate and a .90 price ending), as a shop that prices in
// four currencies and converts for the rest does.
var pricedCurrencies = []string{"EUR", "USD", "GBP", "CHF"}

func benchPrices(cur string) string {
	if slices.Contains(pricedCurrencies, cur) {
		return `{"list":"` + strings.ToLower(cur) + `"}`
	}
	rate := "10"
	if c, ok := locale.CurrencyInfo(cur); ok && c.Digits == 0 {
		rate = "160"
	}
	return `{"list":"` + strings.ToLower(cur) + `","fallback":{"list":"eur","rate":"` + rate + `","as_of":"2026-12-01","rounding":"half-up"}}`
}

// fleetCatalog generates n products (one variant each, 3 locales, 5
// attributes' worth of categories and classes), each available in a
// random subset of markets by exclusion, and price data for every
// currency of cfg.
func fleetCatalog(tb testing.TB, cfg *Config, n int) (*catalog.Catalog, *PriceData) {
	tb.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	cats := []catalog.Category{{ID: "root"}}
	for i := range 20 {
		cats = append(cats, catalog.Category{ID: fmt.Sprintf("c%d", i), Parent: "root"})
	}
	ids := cfg.MarketIDs()
	d := catalog.Data{Version: "bench-1", Categories: cats}
	en, de, fr := language.English, language.German, language.French
	classes := []string{"standard", "standard", "standard", "books"}
	for i := range n {
		p := catalog.Product{
			ID: fmt.Sprintf("p%06d", i), Category: cats[1+r.IntN(20)].ID, TaxClass: classes[r.IntN(len(classes))],
			Created:  time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute),
			Rank:     int64(r.IntN(1000)),
			Variants: []catalog.Variant{{SKU: fmt.Sprintf("SKU-%06d", i)}},
			Content: map[language.Tag]catalog.Content{
				en: {Name: fmt.Sprintf("Product %d", i), Slug: fmt.Sprintf("product-%d", i)},
				de: {Name: fmt.Sprintf("Produkt %d", i), Slug: fmt.Sprintf("produkt-%d", i)},
				fr: {Name: fmt.Sprintf("Produit %d", i), Slug: fmt.Sprintf("produit-%d", i)},
			},
		}
		for range r.IntN(4) {
			if x := ids[r.IntN(len(ids))]; !slices.Contains(p.Availability.ExcludeMarkets, x) {
				p.Availability.ExcludeMarkets = append(p.Availability.ExcludeMarkets, x)
			}
		}
		d.Products = append(d.Products, p)
	}
	cat, err := catalog.New(d, &catalog.Options{LastResort: en})
	if err != nil {
		tb.Fatal(err)
	}
	pd := &PriceData{Lists: map[string]PriceListData{}}
	for _, id := range ids {
		m := cfg.Markets[id]
		if _, done := pd.Lists[m.PriceList()]; done {
			continue
		}
		digits := 2
		if c, ok := locale.CurrencyInfo(m.Currency); ok {
			digits = c.Digits
		}
		ld := PriceListData{Currency: m.Currency, Entries: make([]pricing.PriceEntry, n)}
		if !slices.Contains(pricedCurrencies, m.Currency) {
			ld.Entries = nil
		}
		for i := range len(ld.Entries) {
			minor := int64(500 + i%10000)
			for range 2 - digits {
				minor *= 10
			}
			price, err := pricing.MoneyFromMinor(minor, m.Currency)
			if err != nil {
				tb.Fatal(err)
			}
			ld.Entries[i] = pricing.PriceEntry{SKU: fmt.Sprintf("SKU-%06d", i), Price: price}
		}
		pd.Lists[m.PriceList()] = ld
	}
	return cat, pd
}

// benchCheck is the configuration-only check of the 88 markets against
// the catalog and prices: what "marketkit check" does at a launch.
func BenchmarkCheck88Markets100k(b *testing.B) {
	raw := fleetConfig()
	cfg, err := Decode(raw)
	if err != nil {
		b.Fatal(err)
	}
	cat, pd := fleetCatalog(b, cfg, benchProducts)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	var r *Report
	for b.Loop() {
		c, err := Decode(raw)
		if err != nil {
			b.Fatal(err)
		}
		r = Check(c, &CheckOptions{Date: checkDate, Prices: pd, Catalog: NewCatalogView(cat, c)})
	}
	b.StopTimer()
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(r.Markets), "markets")
	b.ReportMetric(float64(r.Products), "pairs")
	b.ReportMetric(float64(len(r.Problems)), "problems")
	b.ReportMetric(float64(after.HeapAlloc)/(1<<20), "heapMiB")
}

var _ = context.Background

var benchProducts = 100_000
var _ sync.Mutex
var _ = tax.Builtin

// reportCPU adds the process CPU time per operation since cpu0: on the
// shared machine wall time also counts the time spent waiting for a core.
func reportCPU(b *testing.B, cpu0 time.Duration) {
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

func init() {
	if s := os.Getenv("MARKETKIT_BENCH_PRODUCTS"); s != "" {
		if n, err := strconv.Atoi(s); err == nil {
			benchProducts = n
		}
	}
}

// BenchmarkConfigRead is the request path's configuration read; the
// baseline is a bare atomic pointer load.
func BenchmarkConfigRead(b *testing.B) {
	c, err := NewCache(context.Background(), DefaultSource(), &CacheOptions{TTL: time.Hour})
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	b.Run("Cache.Config", func(b *testing.B) {
		b.ReportAllocs()
		var sink *Config
		for b.Loop() {
			sink = c.Config()
		}
		_ = sink
	})
	b.Run("baseline=atomic.Pointer.Load", func(b *testing.B) {
		var p atomic.Pointer[Config]
		p.Store(c.Config())
		b.ReportAllocs()
		var sink *Config
		for b.Loop() {
			sink = p.Load()
		}
		_ = sink
	})
}

// benchStores builds the de Store over a generated catalog of n products.
func benchStore(b *testing.B, n int) (*Store, *catalog.Catalog) {
	b.Helper()
	cfg, err := Decode(ExampleConfig())
	if err != nil {
		b.Fatal(err)
	}
	cat, _ := fleetCatalog(b, cfg, n)
	pd := &PriceData{Lists: map[string]PriceListData{}}
	ld := PriceListData{Currency: "EUR"}
	for i := range n {
		m, _ := pricing.MoneyFromMinor(int64(500+i%10000), "EUR")
		e := pricing.PriceEntry{SKU: fmt.Sprintf("SKU-%06d", i), Price: m}
		if i%3 == 0 {
			e.CompareAt, _ = pricing.MoneyFromMinor(int64(900+i%10000), "EUR")
		}
		ld.Entries = append(ld.Entries, e)
	}
	pd.Lists["eur"] = ld
	st, err := NewStore(cfg, "de", Inputs{Catalog: cat, Prices: pd, At: at})
	if err != nil {
		b.Fatal(err)
	}
	return st, cat
}

// BenchmarkListing is the first page of 24 of a category sorted by price
// with formatted display and compare-at prices, at 100,000 products; the
// baseline is the catalog index search alone.
func BenchmarkListing(b *testing.B) {
	st, _ := benchStore(b, 100_000)
	q := catalog.Query{Category: "c3", Sort: mustSort(b, "price"), Limit: 24, At: at, Locale: language.MustParse("de-DE")}
	b.Run("Store.List", func(b *testing.B) {
		b.ReportAllocs()
		cpu0 := cpuTime()
		defer func() { reportCPU(b, cpu0) }()
		for b.Loop() {
			l, err := st.List(q)
			if err != nil || len(l.Items) != 24 {
				b.Fatal(err)
			}
		}
	})
	b.Run("baseline=Index.Search", func(b *testing.B) {
		qq := q
		qq.Market = "de"
		b.ReportAllocs()
		cpu0 := cpuTime()
		defer func() { reportCPU(b, cpu0) }()
		for b.Loop() {
			r, err := st.Index().Search(qq)
			if err != nil || len(r.Items) != 24 {
				b.Fatal(err)
			}
		}
	})
}

// floorSink keeps the floor benchmark's quotes on the heap, as QuoteAt's
// are.
var floorSink *Quote

// appendQuoteTexts appends every text a cart page shows of q: the totals,
// each line's unit price and gross, each rate's percentage, base and tax.
func appendQuoteTexts(b []byte, q *Quote) []byte {
	for _, m := range [...]pricing.Money{q.Subtotal, q.Discount, q.Shipping, q.Net, q.Tax, q.Gross} {
		b = q.AppendFormat(b, m)
	}
	for i := range q.Lines {
		b = q.AppendFormat(q.AppendFormat(b, q.Lines[i].Unit), q.Lines[i].Gross)
	}
	for i := range q.Rates {
		b = q.AppendFormat(q.AppendFormat(append(b, q.Rates[i].Percent...), q.Rates[i].Base), q.Rates[i].Tax)
	}
	return b
}

func mustSort(b *testing.B, s string) catalog.SortKey {
	k, err := catalog.ParseSortKey(s)
	if err != nil {
		b.Fatal(err)
	}
	return k
}

// BenchmarkQuote10 quotes a 10-line cart (de, prices include tax, two
// rates, a 10 % order discount, no shipping) beside the two baselines it
// is built on, in the same run: pricing's 10-line QuoteInto and tax's
// 10-line Calculate with a reused Result. A Quote's texts are written on
// demand: the +texts variants add every text a cart page shows (totals,
// lines, rates) appended to a reused buffer.
func BenchmarkQuote10(b *testing.B) {
	st, _ := benchStore(b, 1000)
	cart := st.NewCart()
	for i := 0; len(cart.Lines) < 10; i++ {
		sku := fmt.Sprintf("SKU-%06d", i*7)
		if _, ok := st.sold(sku, at); ok {
			cart.Lines = append(cart.Lines, CartLine{SKU: sku, Quantity: int64(1 + i%3)})
		}
	}
	cart.Discounts = []pricing.Discount{pricing.PercentOff("TEN", pricing.MustParsePercent("10"))}
	to := deAddress()
	ctx := context.Background()
	q, err := st.QuoteAt(ctx, at, &cart, to, Customer{})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("Store.Quote", func(b *testing.B) {
		b.ReportAllocs()
		cpu0 := cpuTime()
		defer func() { reportCPU(b, cpu0) }()
		for b.Loop() {
			if _, err := st.QuoteAt(ctx, at, &cart, to, Customer{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	// A cart page shows every total, each line's unit price and gross
	// and each rate's row: the texts, written on demand into one buffer.
	var buf []byte
	b.Run("Store.Quote+texts", func(b *testing.B) {
		b.ReportAllocs()
		cpu0 := cpuTime()
		defer func() { reportCPU(b, cpu0) }()
		for b.Loop() {
			q, err := st.QuoteAt(ctx, at, &cart, to, Customer{})
			if err != nil {
				b.Fatal(err)
			}
			buf = appendQuoteTexts(buf[:0], q)
		}
	})
	b.Run("Store.QuoteInto(reused)", func(b *testing.B) {
		b.ReportAllocs()
		cpu0 := cpuTime()
		defer func() { reportCPU(b, cpu0) }()
		var q Quote
		for b.Loop() {
			if err := st.QuoteInto(ctx, &q, at, &cart, to, Customer{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Store.QuoteInto(reused)+texts", func(b *testing.B) {
		b.ReportAllocs()
		cpu0 := cpuTime()
		defer func() { reportCPU(b, cpu0) }()
		var q Quote
		for b.Loop() {
			if err := st.QuoteInto(ctx, &q, at, &cart, to, Customer{}); err != nil {
				b.Fatal(err)
			}
			buf = appendQuoteTexts(buf[:0], &q)
		}
	})
	// The same Quote for two carts in turn: no total or line gross is the
	// one the Quote showed before (texts are written on demand, so this
	// measures the reuse of the Quote's memory and catalog facts alone).
	other := cart
	other.Lines = slices.Clone(cart.Lines)
	for i := range other.Lines {
		other.Lines[i].Quantity++
	}
	b.Run("Store.QuoteInto(alternating)", func(b *testing.B) {
		b.ReportAllocs()
		cpu0 := cpuTime()
		defer func() { reportCPU(b, cpu0) }()
		var q Quote
		carts := [2]*Cart{&cart, &other}
		i := 0
		for b.Loop() {
			if err := st.QuoteInto(ctx, &q, at, carts[i&1], to, Customer{}); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	// The floor of a new Quote: allocating what QuoteAt returns for this
	// cart (the quote, its lines, their taxes, the order discounts) and
	// copying the finished values in, with no pricing or tax work.
	b.Run("floor=new Quote memory", func(b *testing.B) {
		b.ReportAllocs()
		cpu0 := cpuTime()
		defer func() { reportCPU(b, cpu0) }()
		for b.Loop() {
			nq := newQuote(&cart)
			nq.Lines = append(nq.Lines, q.Lines...)
			taxes := append(make([]tax.AppliedTax, 0, len(q.taxes)), q.taxes...)
			k := 0
			for i := range nq.Lines {
				n := k + len(nq.Lines[i].Taxes)
				nq.Lines[i].Taxes, k = taxes[k:n:n], n
			}
			nq.Discounts = append(nq.Discounts, q.Discounts...)
			nq.Rates = append(nq.Rates, q.Rates...)
			floorSink = nq
		}
	})
	items := make([]pricing.Item, len(q.Lines))
	for i, l := range q.Lines {
		items[i] = pricing.Item{SKU: l.SKU, TaxClass: "standard", Quantity: l.Quantity, UnitPrice: l.Unit}
	}
	order := pricing.Order{Currency: "EUR", Items: items, Discounts: cart.Discounts, Rounding: pricing.RoundHalfUp}
	var pq pricing.Quote
	b.Run("baseline=pricing.Order.QuoteInto", func(b *testing.B) {
		b.ReportAllocs()
		cpu0 := cpuTime()
		defer func() { reportCPU(b, cpu0) }()
		for b.Loop() {
			if err := order.QuoteInto(&pq); err != nil {
				b.Fatal(err)
			}
		}
	})
	if err := order.QuoteInto(&pq); err != nil {
		b.Fatal(err)
	}
	req := taxRequest(st.Market(), locale.DateOf(at), tax.Address{Country: "DE", PostalCode: "10115"}, Customer{}, pq.Lines)
	var res tax.Result
	b.Run("baseline=tax.Calculate", func(b *testing.B) {
		b.ReportAllocs()
		cpu0 := cpuTime()
		defer func() { reportCPU(b, cpu0) }()
		for b.Loop() {
			if err := st.calc.Calculate(ctx, req, &res); err != nil {
				b.Fatal(err)
			}
		}
	})
}
