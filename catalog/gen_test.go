package catalog_test

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/catalog"
	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/pricing"
)

// world is a generated catalog with markets and prices, plus a plain
// copy of the data for naive reference scans.
type world struct {
	data    catalog.Data
	cat     *catalog.Catalog
	markets []catalog.Market
	mIdx    map[string]int
	pIdx    map[string]int
	prices  [][]int64 // [market][product] minor units, -1 when not for sale
	naive   []naiveProduct
	parent  map[string]string
}

// naiveProduct is the "product slice" of the baseline: maps per product.
type naiveProduct struct {
	id       string
	category string
	attrs    map[string][]string
	markets  map[string]bool
	price    map[string]int64
	rank     int64
	created  time.Time
	name     map[language.Tag]string
	desc     map[language.Tag]string
}

var genWords = []string{"tasse", "Becher", "Kanne", "Öl", "glas", "Äpple", "smörgås", "Teller", "café", "crème", "Schüssel",
	"skål", "kopp", "mug", "bowl", "plate", "jug", "große", "Straße", "blå", "röd", "grün", "ecru", "noir", "weiß", "Zucker", "ängel", "Österreich"}

var genLocales = []language.Tag{language.English, language.German, language.Swedish}

// genAttrs are the 5 attributes: 4 enums and a boolean.
var genAttrs = []struct {
	id     string
	values int
}{{"color", 8}, {"size", 6}, {"material", 10}, {"brand", 50}}

func generate(n, nMarkets int, density float64, seed uint64) *world {
	return generateWith(n, nMarkets, density, seed, true)
}

// generateWith builds the world; without naive, the baseline's maps are
// not built (for 1,000,000 products).
func generateWith(n, nMarkets int, density float64, seed uint64, naive bool) *world {
	r := rand.New(rand.NewPCG(seed, 7))
	w := &world{mIdx: map[string]int{}, pIdx: make(map[string]int, n), parent: map[string]string{}}
	d := catalog.Data{Version: "gen-" + strconv.Itoa(n) + "-" + strconv.FormatUint(seed, 10)}
	// Categories: 4 roots × 5 × 5.
	var leaves []string
	for a := range 4 {
		root := fmt.Sprintf("c%d", a)
		d.Categories = append(d.Categories, catalog.Category{ID: root, Labels: map[language.Tag]string{language.English: root}})
		for b := range 5 {
			mid := fmt.Sprintf("%s-%d", root, b)
			d.Categories = append(d.Categories, catalog.Category{ID: mid, Parent: root})
			w.parent[mid] = root
			for c := range 5 {
				leaf := fmt.Sprintf("%s-%d", mid, c)
				d.Categories = append(d.Categories, catalog.Category{ID: leaf, Parent: mid})
				w.parent[leaf] = mid
				leaves = append(leaves, leaf)
			}
		}
	}
	for _, a := range genAttrs {
		attr := catalog.Attribute{ID: a.id, Kind: catalog.Enum, Labels: map[language.Tag]string{language.English: a.id}}
		for v := range a.values {
			attr.Values = append(attr.Values, catalog.EnumValue{ID: fmt.Sprintf("%s%d", a.id[:1], v)})
		}
		d.Attributes = append(d.Attributes, attr)
	}
	d.Attributes = append(d.Attributes, catalog.Attribute{ID: "eco", Kind: catalog.Boolean})
	// Markets.
	countries := locale.Countries()
	defaults := []language.Tag{language.MustParse("de-DE"), language.MustParse("sv-SE"), language.MustParse("en-US"), language.MustParse("fr-FR"), language.MustParse("de-CH")}
	for i := range nMarkets {
		cc := countries[(i*7)%len(countries)]
		info, _ := locale.CountryInfo(cc)
		cur := info.Currency
		if _, ok := locale.CurrencyInfo(cur); !ok || cur == "" {
			cur = "EUR"
		}
		m := catalog.Market{ID: fmt.Sprintf("m%02d", i), Countries: []string{cc}, DefaultLocale: defaults[i%len(defaults)],
			Locales: []language.Tag{language.English}, Currency: cur}
		if i%3 == 0 {
			m.Locales = append(m.Locales, language.Swedish)
		}
		w.mIdx[m.ID] = i
		w.markets = append(w.markets, m)
	}
	w.prices = make([][]int64, nMarkets)
	for i := range w.prices {
		w.prices[i] = make([]int64, n)
	}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	d.Products = make([]catalog.Product, n)
	if naive {
		w.naive = make([]naiveProduct, n)
	}
	for i := range n {
		id := fmt.Sprintf("p%07d", i)
		p := catalog.Product{ID: id, Category: leaves[r.IntN(len(leaves))], TaxClass: "standard",
			Created: base.Add(time.Duration(r.IntN(700*24)) * time.Hour), Rank: int64(r.IntN(1000)),
			Attributes: map[string]catalog.Value{}, Content: map[language.Tag]catalog.Content{}}
		np := naiveProduct{id: id, category: p.Category, attrs: map[string][]string{}, markets: map[string]bool{},
			price: map[string]int64{}, rank: p.Rank, created: p.Created, name: map[language.Tag]string{}, desc: map[language.Tag]string{}}
		for _, a := range genAttrs {
			vals := []string{fmt.Sprintf("%s%d", a.id[:1], r.IntN(a.values))}
			if r.IntN(4) == 0 {
				if v := fmt.Sprintf("%s%d", a.id[:1], r.IntN(a.values)); v != vals[0] {
					vals = append(vals, v)
				}
			}
			p.Attributes[a.id] = catalog.EnumValues(vals...)
			np.attrs[a.id] = vals
		}
		eco := r.IntN(3) == 0
		p.Attributes["eco"] = catalog.BoolValue(eco)
		np.attrs["eco"] = []string{strconv.FormatBool(eco)}
		for li, t := range genLocales {
			if li > 0 && r.IntN(5) == 0 {
				continue // some products lack a translation
			}
			name := genWords[r.IntN(len(genWords))] + " " + genWords[r.IntN(len(genWords))] + " " + strconv.Itoa(i)
			desc := genWords[r.IntN(len(genWords))] + " " + genWords[r.IntN(len(genWords))]
			p.Content[t] = catalog.Content{Name: name, Description: desc, Slug: "s" + strconv.Itoa(i)}
			np.name[t], np.desc[t] = name, desc
		}
		for mi, m := range w.markets {
			if r.Float64() < density {
				p.Availability.Markets = append(p.Availability.Markets, m.ID)
				np.markets[m.ID] = true
				pr := int64(100 + r.IntN(100000))
				w.prices[mi][i] = pr
				np.price[m.ID] = pr
			} else {
				w.prices[mi][i] = -1
			}
		}
		if len(p.Availability.Markets) == 0 { // "markets: []" would mean everywhere
			p.Availability.ExcludeMarkets = []string{w.markets[0].ID}
			p.Availability.Markets = nil
			for mi, m := range w.markets[1:] {
				pr := int64(100 + r.IntN(100000))
				w.prices[mi+1][i] = pr
				np.markets[m.ID] = true
				np.price[m.ID] = pr
			}
		}
		d.Products[i] = p
		w.pIdx[id] = i
		if naive {
			w.naive[i] = np
		}
	}
	w.data = d
	c, err := catalog.New(d, &catalog.Options{LastResort: language.English})
	if err != nil {
		panic(err)
	}
	w.cat = c
	if !naive {
		w.data = catalog.Data{} // free the input copy
	}
	return w
}

// price is the worlds' PriceFunc: a lookup in a per-market table, as a
// host's price list would be (IDs are "p" and the index).
func (w *world) price(market, id string) (pricing.Money, bool) {
	mi, ok := w.mIdx[market]
	if !ok || len(id) < 2 {
		return pricing.Money{}, false
	}
	pi, err := strconv.Atoi(id[1:])
	if err != nil || pi < 0 || pi >= len(w.prices[mi]) {
		return pricing.Money{}, false
	}
	pr := w.prices[mi][pi]
	if pr < 0 {
		return pricing.Money{}, false
	}
	m, err := pricing.MoneyFromMinor(pr, w.markets[mi].Currency)
	return m, err == nil
}

func (w *world) inCategory(cat, want string) bool {
	for c := cat; c != ""; c = w.parent[c] {
		if c == want {
			return true
		}
	}
	return false
}

// naiveSearch is the baseline: a scan over the product slice doing the
// same filtering, then a sort by price and the first page.
func (w *world) naiveSearch(market, category string, filters []catalog.Filter, lo, hi int64, limit int) []string {
	type hit struct {
		price int64
		i     int
	}
	var hits []hit
	for i := range w.naive {
		p := &w.naive[i]
		if !p.markets[market] {
			continue
		}
		if category != "" && !w.inCategory(p.category, category) {
			continue
		}
		ok := true
		for _, f := range filters {
			match := false
			for _, v := range p.attrs[f.Attribute] {
				for _, fv := range f.Values {
					if v == fv {
						match = true
					}
				}
			}
			if !match {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		pr := p.price[market]
		if pr < lo || pr > hi {
			continue
		}
		hits = append(hits, hit{pr, i})
	}
	sortHits := func(a, b hit) int {
		if a.price != b.price {
			return int(a.price - b.price)
		}
		return a.i - b.i
	}
	slicesSortFunc(hits, sortHits)
	out := make([]string, 0, limit)
	for _, h := range hits[:min(limit, len(hits))] {
		out = append(out, w.naive[h.i].id)
	}
	return out
}
