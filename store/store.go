package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/address"
	"github.com/marketkit/marketkit/catalog"
	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/tax"
)

// Errors of the Store.
var (
	// ErrWrongMarket: a cart of another market or currency was given to a
	// Store. Move it with MoveCart: a cart is never silently re-priced in
	// another currency.
	ErrWrongMarket = errors.New("cart belongs to another market")
	// ErrNotServed: an address outside the market's countries or
	// subdivisions.
	ErrNotServed = errors.New("address not served by this market")
)

// Limits on what a Store accepts from a request.
const (
	// MaxCartLines is the most lines a cart may have.
	MaxCartLines = 200
	// MaxQuantity is the largest quantity of one line.
	MaxQuantity = 1_000_000
)

// Inputs are the data a Store joins besides the configuration. Catalog
// and Prices are required; Tax nil means tax.Builtin().
type Inputs struct {
	Catalog *catalog.Catalog
	Prices  *PriceData
	Tax     *tax.Data
	// Index, when set, is a catalog index built for (at least) the
	// market; otherwise NewStore builds one for the market alone.
	Index *catalog.Index
	// At is the time host availability rules are evaluated at (as
	// catalog.IndexOptions.At); zero means now.
	At time.Time
}

// Store is one market's shop: its catalog listing, prices, taxes,
// address rules and formatting, built from one configuration version. It
// is immutable and safe for concurrent use. Its methods panic with
// "store: nil *Store" on a nil *Store.
type Store struct {
	cfg     *Config
	m       *Market
	cm      catalog.Market
	loc     *time.Location
	prices  *pricing.PriceList
	calc    *tax.BuiltinCalculator
	index   *catalog.Index
	cat     *catalog.Catalog
	def     language.Tag
	fmts    map[language.Tag]*locale.Formatter
	deff    *locale.Formatter // fmts[def], the formatter of Quote's texts
	zero    string            // a zero amount of the currency formatted by deff ("" if it failed)
	matcher *locale.Matcher
	home    tax.Address
	// taxStore is the market's seller for package tax, built once.
	taxStore tax.Store
	skus     map[string]skuInfo  // every SKU the catalog sells here
	byProd   map[string][]string // product ID → its SKUs, for products sold here
	addrs    *addrCache          // delivery addresses' tax locations, for Quote
	texts    *textCache          // texts of amounts and percentages, for Quote
}

type skuInfo struct {
	product  string
	taxClass string
	windowed bool // has a sale window: availability is checked at the time asked
	static   bool // available by the static rules (at build time)
}

// NewStore builds the Store of market id of cfg. Every problem is
// reported (joined).
func NewStore(cfg *Config, id string, in Inputs) (*Store, error) {
	const op = "NewStore"
	m, ok := cfg.Market(id)
	if !ok {
		return nil, &Error{Op: op, Field: "market", Value: id, Err: ErrUnknownMarket}
	}
	if in.Catalog == nil {
		return nil, &Error{Op: op, Field: "catalog", Err: because(ErrInvalid, "a catalog is required")}
	}
	s := &Store{cfg: cfg, m: m, cat: in.Catalog, fmts: map[language.Tag]*locale.Formatter{}, addrs: new(addrCache), texts: new(textCache)}
	var errs []error
	var err error
	if s.cm, err = cfg.CatalogMarket(id); err != nil {
		return nil, err
	}
	s.loc = s.cm.TimeZone
	s.def = s.cm.DefaultLocale
	tags := append([]language.Tag{s.def}, s.cm.Locales...)
	var supported []language.Tag
	for _, t := range tags {
		if _, done := s.fmts[t]; done {
			continue
		}
		f, err := locale.NewFormatter(t, nil)
		if err != nil {
			errs = append(errs, &Error{Op: op, Field: "markets." + id + ".locales", Value: t.String(), Err: err})
			continue
		}
		s.fmts[t] = f
		supported = append(supported, t)
	}
	if len(supported) > 0 {
		s.matcher = locale.NewMatcher(supported)
	}
	s.deff = s.fmts[s.def]
	if z, err := pricing.MoneyFromMinor(0, m.Currency); err == nil && s.deff != nil {
		if t, err := z.Format(s.deff); err == nil {
			s.zero = t
		}
	}
	if s.prices, err = in.Prices.PriceList(cfg, id); err != nil {
		errs = append(errs, err)
	}
	if s.calc, err = NewTaxCalculator(m, in.Tax); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	s.taxStore = m.TaxStore()
	s.home = tax.Address{Country: m.Countries[0]}
	for _, sub := range m.Subdivisions {
		if len(sub) > 3 && sub[:2] == s.home.Country {
			s.home.Region = sub
			break
		}
	}
	if s.home.Region == "" && m.Tax.Origin.Country == s.home.Country {
		s.home.Region, s.home.PostalCode = m.Tax.Origin.Region, m.Tax.Origin.PostalCode
	}

	at := in.At
	if at.IsZero() {
		at = time.Now()
	}
	rs := compileRules(m.Catalog, in.Catalog.Categories())
	s.skus = map[string]skuInfo{}
	s.byProd = map[string][]string{}
	for p := range in.Catalog.Products() {
		if !rs.allows(p.ID, p.Category) {
			continue
		}
		windowed := p.Availability.From != "" || p.Availability.Until != ""
		ok := windowed
		if !windowed {
			ok, err = in.Catalog.Available(p.ID, s.cm, at)
			if err != nil {
				return nil, &Error{Op: op, Field: "catalog", Value: p.ID, Err: err}
			}
		}
		if !ok {
			continue
		}
		ids := make([]string, len(p.Variants))
		for i, v := range p.Variants {
			s.skus[v.SKU] = skuInfo{product: p.ID, taxClass: p.TaxClass, windowed: windowed, static: !windowed}
			ids[i] = v.SKU
		}
		s.byProd[p.ID] = ids
	}
	s.index = in.Index
	if s.index == nil {
		s.index, err = catalog.NewIndex(in.Catalog, []catalog.Market{s.cm}, s.DisplayPrice, &catalog.IndexOptions{At: at, AllowUnpriced: true})
		if err != nil {
			return nil, &Error{Op: op, Field: "catalog", Err: err}
		}
	}
	return s, nil
}

// Market returns the market's configuration (shared: read-only).
func (s *Store) Market() *Market { s.check(); return s.m }

// ID returns the market ID.
func (s *Store) ID() string { return s.m.ID }

// Config returns the configuration version the Store was built from.
func (s *Store) Config() *Config { return s.cfg }

// Currency returns the market's currency.
func (s *Store) Currency() string { return s.m.Currency }

// Location returns the market's time zone.
func (s *Store) Location() *time.Location { return s.loc }

// PriceList returns the market's price list.
func (s *Store) PriceList() *pricing.PriceList { return s.prices }

// Index returns the catalog index the Store lists from.
func (s *Store) Index() *catalog.Index { return s.index }

// Locale picks the locale to show: the cookie or explicit choice if the
// market supports it, else the best match of the Accept-Language header,
// else the default locale.
func (s *Store) Locale(explicit, acceptLanguage string) language.Tag {
	s.check()
	if s.matcher == nil {
		return s.def
	}
	return s.matcher.Match(explicit, acceptLanguage)
}

// Formatter returns the formatter of a supported locale (the default
// locale's for language.Und or an unsupported one).
func (s *Store) Formatter(tag language.Tag) *locale.Formatter {
	s.check()
	if f, ok := s.fmts[tag]; ok {
		return f
	}
	return s.fmts[s.def]
}

// DisplayPrice is the catalog.PriceFunc of the market: the lowest price
// of a product's variants in its price list, now, for one unit and no
// customer group.
func (s *Store) DisplayPrice(market, id string) (pricing.Money, bool) {
	if market != s.m.ID {
		return pricing.Money{}, false
	}
	return lowestPrice(s.prices, s.byProd[id], time.Now())
}

func lowestPrice(pl *pricing.PriceList, skus []string, at time.Time) (pricing.Money, bool) {
	var best pricing.Money
	found := false
	for _, sku := range skus {
		pr, err := pl.Resolve(sku, pricing.Query{Quantity: 1, At: at})
		if err != nil {
			continue
		}
		if c, err := pr.Unit.Cmp(best); !found || (err == nil && c < 0) {
			best, found = pr.Unit, true
		}
	}
	return best, found
}

// sold reports whether sku is sold in the market at t.
func (s *Store) sold(sku string, at time.Time) (skuInfo, bool) {
	info, ok := s.skus[sku]
	if !ok {
		return info, false
	}
	return s.soldAs(info, at)
}

// soldAs is sold for a SKU whose facts are info.
func (s *Store) soldAs(info skuInfo, at time.Time) (skuInfo, bool) {
	if info.windowed {
		avail, err := s.cat.Available(info.product, s.cm, at)
		return info, err == nil && avail
	}
	return info, info.static
}

// Amount is an exact amount and its text in the locale it was formatted
// for.
type Amount struct {
	Money pricing.Money `json:"money"`
	Text  string        `json:"text"`
}

func (s *Store) amount(f *locale.Formatter, m pricing.Money) Amount {
	if m.Currency() == "" {
		return Amount{}
	}
	t, err := m.Format(f)
	if err != nil {
		t = m.String()
	}
	return Amount{Money: m, Text: t}
}

// ListItem is one product of a listing with its formatted prices.
type ListItem struct {
	catalog.Item
	// Display is the price as the market shows it (tax included when the
	// market's prices include tax), formatted.
	Display Amount
	// CompareAt is the "was" price, or the zero Amount.
	CompareAt Amount
}

// Listing is one page of a market's listing.
type Listing struct {
	Market, Version string
	Locale          language.Tag
	Total           int
	Items           []ListItem
	Next            string
	Facets          []catalog.Facet
	// PricesIncludeTax says whether Display prices include tax.
	PricesIncludeTax bool
}

// List runs a catalog query in the market and formats the page's prices
// in the query's locale. q.Market may be empty or the market's ID;
// q.Locale language.Und means the default locale.
func (s *Store) List(q catalog.Query) (*Listing, error) {
	s.check()
	if q.Market != "" && q.Market != s.m.ID {
		return nil, &Error{Op: "List", Field: "market", Value: q.Market, Err: ErrWrongMarket}
	}
	q.Market = s.m.ID
	if q.At.IsZero() {
		q.At = time.Now()
	}
	res, err := s.index.Search(q)
	if err != nil {
		return nil, err
	}
	f := s.Formatter(res.Locale)
	out := &Listing{Market: res.Market, Version: res.Version, Locale: res.Locale, Total: res.Total, Next: res.Next,
		Facets: res.Facets, PricesIncludeTax: s.m.Tax.PricesIncludeTax, Items: make([]ListItem, len(res.Items))}
	for i, it := range res.Items {
		li := ListItem{Item: it, Display: s.amount(f, it.Price)}
		if cmp, ok := s.compareAt(it.ID, it.Price, q.At); ok {
			li.CompareAt = s.amount(f, cmp)
		}
		out.Items[i] = li
	}
	return out, nil
}

// compareAt finds the "was" price of the variant whose price is the
// display price.
func (s *Store) compareAt(id string, price pricing.Money, at time.Time) (pricing.Money, bool) {
	for _, sku := range s.byProd[id] {
		pr, err := s.prices.Resolve(sku, pricing.Query{Quantity: 1, At: at})
		if err == nil && pr.Unit.Equal(price) && pr.CompareAt.Currency() != "" {
			return pr.CompareAt, true
		}
	}
	return pricing.Money{}, false
}

// Variant is one SKU of a product detail with its prices.
type Variant struct {
	SKU string
	// Display is the price as listed; Net and Gross are it without and
	// with tax for a consumer in the market's home country (the first
	// country; its first subdivision or the origin's region where tax
	// depends on it). Rates lists the percentages applied ("19%").
	Display, CompareAt, Net, Gross Amount
	Rates                          []string
}

// ProductDetail is a product as the market shows it.
type ProductDetail struct {
	ID       string
	Category string
	Locale   language.Tag
	catalog.Localized
	Variants         []Variant
	PricesIncludeTax bool
}

// Product returns the detail of a product sold in the market, in locale
// tag (language.Und: the default), priced at at. A product not sold here
// is an error wrapping ErrNotSold.
func (s *Store) Product(ctx context.Context, id string, tag language.Tag, at time.Time) (*ProductDetail, error) {
	s.check()
	const op = "Product"
	p, ok := s.cat.Product(id)
	if !ok || len(p.Variants) == 0 {
		return nil, &Error{Op: op, Field: "product", Value: id, Err: ErrNotSold}
	}
	if _, sold := s.sold(p.Variants[0].SKU, at); !sold {
		return nil, &Error{Op: op, Field: "product", Value: id, Err: ErrNotSold}
	}
	if _, ok := s.fmts[tag]; !ok {
		tag = s.def
	}
	loc, err := s.cat.Localize(id, tag)
	if err != nil {
		return nil, err
	}
	f := s.fmts[tag]
	d := &ProductDetail{ID: id, Category: p.Category, Locale: tag, Localized: loc, PricesIncludeTax: s.m.Tax.PricesIncludeTax}
	for _, v := range p.Variants {
		pr, err := s.prices.Resolve(v.SKU, pricing.Query{Quantity: 1, At: at})
		if err != nil {
			continue // a variant without a price is not offered
		}
		vv := Variant{SKU: v.SKU, Display: s.amount(f, pr.Unit), CompareAt: s.amount(f, pr.CompareAt)}
		order := pricing.Order{Currency: s.m.Currency, Rounding: s.m.Tax.Mode,
			Items: []pricing.Item{{SKU: v.SKU, TaxClass: p.TaxClass, Quantity: 1, UnitPrice: pr.Unit}}}
		q, err := order.Quote()
		if err != nil {
			return nil, &Error{Op: op, Field: "price", Value: v.SKU, Err: err}
		}
		var res tax.Result
		if err := s.calc.Calculate(ctx, taxRequest(s.m, locale.DateOf(at.In(s.loc)), s.home, Customer{}, q.Lines), &res); err != nil {
			return nil, &Error{Op: op, Field: "tax", Value: v.SKU, Err: err}
		}
		vv.Net, vv.Gross = s.amount(f, res.Net), s.amount(f, res.Gross)
		for _, lt := range res.Lines[0].Taxes {
			vv.Rates = append(vv.Rates, lt.Rate.Percent.String())
		}
		d.Variants = append(d.Variants, vv)
	}
	if len(d.Variants) == 0 {
		return nil, &Error{Op: op, Field: "product", Value: id, Err: because(ErrNotSold, "no variant has a price")}
	}
	return d, nil
}

// servedAddress converts an address to the tax address and checks that
// the market serves it.
func (s *Store) servedAddress(a address.Address) (tax.Address, error) {
	const op = "Quote"
	loc, err := s.addrs.taxLocation(a)
	if err != nil {
		return tax.Address{}, &Error{Op: op, Field: "address", Value: a.CountryCode, Err: err}
	}
	cc, region := loc.Country, loc.Region
	if !slices.Contains(s.m.Countries, cc) {
		return tax.Address{}, &Error{Op: op, Field: "address.country", Value: cc, Err: ErrNotServed}
	}
	restricted := false
	for _, sub := range s.m.Subdivisions {
		if len(sub) > 3 && sub[:2] == cc {
			restricted = true
			if sub == region {
				restricted = false
				break
			}
		}
	}
	if restricted {
		return tax.Address{}, &Error{Op: op, Field: "address.region", Value: region, Err: ErrNotServed}
	}
	return loc, nil
}

// String names the Store's market, as "store.Store(de)".
func (s *Store) String() string { s.check(); return fmt.Sprintf("store.Store(%s)", s.m.ID) }

// check panics with a clear message on a nil receiver (a programming
// error), before anything deeper dereferences it.
func (s *Store) check() {
	if s == nil {
		panic("store: nil *Store")
	}
}
