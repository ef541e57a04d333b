package store

import (
	"slices"
	"time"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/catalog"
	"github.com/marketkit/marketkit/locale"
)

// CatalogMarket returns market id as package catalog sees it: countries,
// subdivisions, the bool flags that are on (resolved market > group >
// default), the time zone, the locales and the currency.
func (c *Config) CatalogMarket(id string) (catalog.Market, error) {
	const op = "CatalogMarket"
	m, ok := c.Market(id)
	if !ok {
		return catalog.Market{}, &Error{Op: op, Field: "market", Value: id, Err: ErrUnknownMarket}
	}
	loc, err := m.Location()
	if err != nil {
		return catalog.Market{}, &Error{Op: op, Field: "markets." + id + ".time_zone", Value: m.TimeZone, Err: unwrapStore(err)}
	}
	def, err := locale.Parse(m.DefaultLocale)
	if err != nil {
		return catalog.Market{}, &Error{Op: op, Field: "markets." + id + ".default_locale", Value: m.DefaultLocale, Err: err}
	}
	tags := make([]language.Tag, 0, len(m.Locales))
	for i, s := range m.Locales {
		t, err := locale.Parse(s)
		if err != nil {
			return catalog.Market{}, &Error{Op: op, Field: "markets." + id + ".locales[" + itoa(i) + "]", Value: s, Err: err}
		}
		tags = append(tags, t)
	}
	var flags []string
	for _, name := range sortedKeys(c.Flags) {
		if c.Enabled(id, name) {
			flags = append(flags, name)
		}
	}
	return catalog.Market{
		ID:            id,
		Countries:     slices.Clone(m.Countries),
		Subdivisions:  slices.Clone(m.Subdivisions),
		Flags:         flags,
		TimeZone:      loc,
		DefaultLocale: def,
		Locales:       tags,
		Currency:      m.Currency,
	}, nil
}

// rules are a market's CatalogRules compiled against a catalog's category
// tree.
type rules struct {
	only, exclude map[string]bool // category IDs, with descendants
	products      map[string]bool
}

func compileRules(r CatalogRules, cats []catalog.Category) *rules {
	if len(r.Categories) == 0 && len(r.ExcludeCategories) == 0 && len(r.ExcludeProducts) == 0 {
		return nil
	}
	parent := make(map[string]string, len(cats))
	for _, c := range cats {
		parent[c.ID] = c.Parent
	}
	under := func(roots []string) map[string]bool {
		if len(roots) == 0 {
			return nil
		}
		set := map[string]bool{}
		for id := range parent {
			for x, n := id, 0; x != "" && n < 1000; x, n = parent[x], n+1 {
				if slices.Contains(roots, x) {
					set[id] = true
					break
				}
			}
		}
		return set
	}
	out := &rules{only: under(r.Categories), exclude: under(r.ExcludeCategories), products: map[string]bool{}}
	if len(r.Categories) > 0 && out.only == nil {
		out.only = map[string]bool{}
	}
	for _, p := range r.ExcludeProducts {
		out.products[p] = true
	}
	return out
}

// allows reports whether the rules let product id of category cat be sold.
func (r *rules) allows(id, cat string) bool {
	if r == nil {
		return true
	}
	if r.products[id] || r.exclude[cat] {
		return false
	}
	return r.only == nil || r.only[cat]
}

// catalogView is the CatalogView of a *catalog.Catalog.
type catalogView struct {
	cat   *catalog.Catalog
	cfg   *Config
	prods []catalog.Product
}

// NewCatalogView returns the CatalogView Check reads from cat for the
// markets of cfg: a product is available in a market when the catalog's
// availability rules allow it there (catalog.Catalog.Available) and the
// market's CatalogRules do not exclude it.
func NewCatalogView(cat *catalog.Catalog, cfg *Config) CatalogView {
	v := &catalogView{cat: cat, cfg: cfg}
	for p := range cat.Products() {
		v.prods = append(v.prods, p)
	}
	return v
}

func (v *catalogView) Products(m *Market, at time.Time, yield func(CheckedProduct) bool) error {
	cm, err := v.cfg.CatalogMarket(m.ID)
	if err != nil {
		return err
	}
	rs := compileRules(m.Catalog, v.cat.Categories())
	for i := range v.prods {
		p := &v.prods[i]
		if !rs.allows(p.ID, p.Category) {
			continue
		}
		ok, err := v.cat.Available(p.ID, cm, at)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		skus := make([]string, len(p.Variants))
		for j, vr := range p.Variants {
			skus[j] = vr.SKU
		}
		id := p.ID
		if !yield(CheckedProduct{ID: id, TaxClass: p.TaxClass, SKUs: skus, Missing: func(tag string) bool {
			t, err := locale.Parse(tag)
			return err != nil || !v.cat.HasTranslation(id, t)
		}}) {
			return nil
		}
	}
	return nil
}

func itoa(i int) string {
	return string(appendInt(nil, i))
}

func appendInt(b []byte, i int) []byte {
	if i >= 10 {
		b = appendInt(b, i/10)
	}
	return append(b, byte('0'+i%10))
}
