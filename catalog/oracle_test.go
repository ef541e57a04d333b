package catalog_test

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/catalog"
)

var smallWorld = func() func() *benchWorld {
	var w *benchWorld
	return func() *benchWorld {
		if w == nil {
			g := generate(2000, 12, 0.4, 3)
			ix, err := catalog.NewIndex(g.cat, g.markets, g.price, nil)
			if err != nil {
				panic(err)
			}
			w = &benchWorld{world: g, ix: ix}
		}
		return w
	}
}()

// fold is the test's own folding: lower case, accents off, ß → ss.
func fold(s string) []string {
	repl := strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "å", "a", "é", "e", "è", "e", "ê", "e", "ß", "ss",
		"Ä", "a", "Ö", "o", "Ü", "u", "Å", "a", "É", "e")
	s = strings.ToLower(repl.Replace(s))
	return strings.FieldsFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') })
}

// resolve is the test's own content resolution for the generator's
// locales (en, de, sv; last resort en).
func resolve(m map[language.Tag]string, tag language.Tag) string {
	base, _ := tag.Base()
	for _, t := range []language.Tag{language.Make(base.String()), language.English} {
		if s, ok := m[t]; ok && s != "" {
			return s
		}
	}
	return ""
}

// TestSearchAgainstScan compares random queries, paged to the end, with a
// plain scan of the generated data: the same products in the same order,
// the same totals, no duplicates across pages, the same disjunctive facet
// counts.
func TestSearchAgainstScan(t *testing.T) {
	w := smallWorld()
	r := rand.New(rand.NewPCG(9, 9))
	n := 60
	if *long {
		n = 3000
	}
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for qi := range n {
		m := w.markets[r.IntN(len(w.markets))]
		q := catalog.Query{Market: m.ID, Sort: catalog.SortKey(r.IntN(5)), Limit: 5 + r.IntN(40), At: at}
		tag := m.DefaultLocale
		if r.IntN(3) == 0 {
			tag = language.English
			q.Locale = tag
		}
		if r.IntN(2) == 0 {
			q.Category = w.data.Categories[r.IntN(len(w.data.Categories))].ID
		}
		for _, a := range genAttrs {
			if r.IntN(3) == 0 {
				f := catalog.Filter{Attribute: a.id}
				for range 1 + r.IntN(3) {
					f.Values = append(f.Values, a.id[:1]+string(rune('0'+r.IntN(min(a.values, 10)))))
				}
				q.Filters = append(q.Filters, f)
			}
		}
		var lo, hi int64 = 0, 1 << 62
		if r.IntN(2) == 0 {
			lo = int64(r.IntN(60000))
			hi = lo + int64(r.IntN(60000))
			q.MinPrice, q.MaxPrice = mustMinor(lo, m.Currency), mustMinor(hi, m.Currency)
		}
		switch r.IntN(6) {
		case 0:
			q.Text = genWords[r.IntN(len(genWords))]
		case 1: // a word of one product only: its number
			q.Text = strconv.Itoa(r.IntN(len(w.naive)))
		case 2:
			q.Text = genWords[r.IntN(len(genWords))] + " " + strconv.Itoa(r.IntN(len(w.naive)))
		}
		if r.IntN(2) == 0 {
			q.Facets = []string{"color", "size", "eco"}
		}
		// Expected: scan.
		var want []int
		matches := func(p *naiveProduct, skip string) bool {
			if !p.markets[m.ID] || (q.Category != "" && !w.inCategory(p.category, q.Category)) {
				return false
			}
			if pr := p.price[m.ID]; pr < lo || pr > hi {
				return false
			}
			for _, f := range q.Filters {
				if f.Attribute == skip {
					continue
				}
				if !slices.ContainsFunc(p.attrs[f.Attribute], func(v string) bool { return slices.Contains(f.Values, v) }) {
					return false
				}
			}
			if q.Text != "" {
				text := fold(resolve(p.name, tag) + " " + resolve(p.desc, tag))
				for _, tok := range fold(q.Text) {
					if !slices.Contains(text, tok) {
						return false
					}
				}
			}
			return true
		}
		for i := range w.naive {
			if matches(&w.naive[i], "") {
				want = append(want, i)
			}
		}
		col := collate.New(tag)
		keys := map[int][]byte{}
		if q.Sort == catalog.SortName {
			for _, k := range want {
				keys[k] = col.KeyFromString(&collate.Buffer{}, resolve(w.naive[k].name, tag))
			}
		}
		slices.SortStableFunc(want, func(a, b int) int {
			pa, pb := &w.naive[a], &w.naive[b]
			switch q.Sort {
			case catalog.SortPrice:
				return cmpInt(pa.price[m.ID], pb.price[m.ID])
			case catalog.SortPriceDesc:
				if c := cmpInt(pb.price[m.ID], pa.price[m.ID]); c != 0 {
					return c
				}
				return b - a
			case catalog.SortName:
				return bytes.Compare(keys[a], keys[b])
			case catalog.SortNewest:
				return pb.created.Compare(pa.created)
			default:
				return cmpInt(pb.rank, pa.rank)
			}
		})
		wantIDs := make([]string, len(want)) // never nil
		for i, k := range want {
			wantIDs[i] = w.naive[k].id
		}
		// Got: every page.
		got := []string{}
		var first catalog.Result
		for page := 0; ; page++ {
			res, err := w.ix.Search(q)
			if err != nil {
				t.Fatalf("query %d page %d %+v: %v", qi, page, q, err)
			}
			if page == 0 {
				first = res
			}
			if res.Total != len(want) {
				t.Fatalf("query %d page %d: Total = %d, want %d", qi, page, res.Total, len(want))
			}
			for _, it := range res.Items {
				got = append(got, it.ID)
			}
			if res.Next == "" {
				break
			}
			if page > len(want) {
				t.Fatalf("query %d: more pages than products", qi)
			}
			q.Cursor = res.Next
		}
		if diff := cmp.Diff(wantIDs, got); diff != "" {
			t.Fatalf("query %d %+v (-want +got):\n%s", qi, q, diff)
		}
		// Facets: counts ignore the facet's own filter.
		for _, f := range first.Facets {
			wantCounts := map[string]int{}
			for i := range w.naive {
				p := &w.naive[i]
				if matches(p, f.Attribute) {
					for _, v := range p.attrs[f.Attribute] {
						wantCounts[v]++
					}
				}
			}
			gotCounts := map[string]int{}
			for _, v := range f.Values {
				if v.Count > 0 {
					gotCounts[v.Value] = v.Count
				}
			}
			if diff := cmp.Diff(wantCounts, gotCounts); diff != "" {
				t.Fatalf("query %d facet %s (-want +got):\n%s", qi, f.Attribute, diff)
			}
		}
	}
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
