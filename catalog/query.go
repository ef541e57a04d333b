package catalog

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/internal/enum"
	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/pricing"
)

// Limits on query input, which usually comes from a request. A query over
// a limit is an error wrapping ErrTooLarge that names the parameter.
const (
	DefaultLimit      = 24   // the page size when Query.Limit is 0
	MaxLimit          = 100  // the largest page size
	MaxQueryTextBytes = 256  // Query.Text
	MaxQueryTokens    = 8    // words in Query.Text
	MaxFilters        = 16   // attributes in Query.Filters
	MaxFilterValues   = 32   // values of one Filter
	MaxFacets         = 16   // attributes in Query.Facets
	MaxCursorBytes    = 512  // Query.Cursor
	MaxParamBytes     = 8192 // all the parameters ParseQuery reads, keys and values together
)

// SortKey orders a listing.
type SortKey uint8

// The sort orders. Ties are broken by catalog order, so every order is
// total and pages never overlap.
const (
	SortRank      SortKey = iota // "rank": Product.Rank, highest first (the zero SortKey)
	SortPrice                    // "price": display price, lowest first
	SortPriceDesc                // "price-desc": display price, highest first
	SortName                     // "name": name collated for the query's locale
	SortNewest                   // "newest": Product.Created, latest first
)

var sortNames = enum.New[SortKey]("SortKey", SortRank, "rank", "price", "price-desc", "name", "newest")

// String returns the sort's name, e.g. "price".
func (k SortKey) String() string { return sortNames.String(k) }

// IsValid reports whether k is a defined sort.
func (k SortKey) IsValid() bool { return sortNames.IsValid(k) }

// AppendText appends the sort's name to b; an invalid SortKey is an
// error.
func (k SortKey) AppendText(b []byte) ([]byte, error) {
	out, ok := sortNames.AppendText(b, k)
	if !ok {
		return b, &Error{Op: "SortKey.AppendText", Field: "sort", Value: k.String(), Err: because(ErrInvalid, "unknown sort")}
	}
	return out, nil
}

// MarshalText returns the sort's name; an invalid SortKey is an error.
func (k SortKey) MarshalText() ([]byte, error) { return k.AppendText(nil) }

// UnmarshalText parses a sort name.
func (k *SortKey) UnmarshalText(b []byte) error {
	v, err := ParseSortKey(string(b))
	if err == nil {
		*k = v
	}
	return err
}

// ParseSortKey parses "rank", "price", "price-desc", "name" or "newest".
func ParseSortKey(s string) (SortKey, error) {
	v, ok := sortNames.Parse(s)
	if !ok {
		return 0, &Error{Op: "ParseSortKey", Field: "sort", Value: s, Err: because(ErrInvalid, "want one of "+strings.Join(sortNames.All(), ", "))}
	}
	return v, nil
}

// Filter selects products with any of Values for Attribute. The value of a
// Boolean attribute is "true" or "false", of a Number attribute its decimal
// text ("0.35"), of an Enum attribute a value ID, of a Text attribute the
// text itself.
type Filter struct {
	Attribute string
	Values    []string
}

// Query is one listing request against an Index. Only Market is required.
type Query struct {
	Market string
	// Locale selects the text, the collation and the labels; it must be
	// one of the market's locales. language.Und means the market's default.
	Locale language.Tag
	// Category keeps products in that category or any descendant.
	Category string
	// Filters are ANDed with each other; a Filter's values are ORed.
	Filters []Filter
	// MinPrice and MaxPrice bound the display price, both inclusive, in
	// the market's currency. The zero Money (no currency) leaves a side
	// unbounded.
	MinPrice, MaxPrice pricing.Money
	// Text keeps products whose name or description in the query's locale
	// contains every word of Text, compared case- and accent-folded
	// ("Tasse" matches "tasse", "Kaffee" does not match "Kaffeetasse").
	Text   string
	Sort   SortKey
	Limit  int    // the page size: 0 means DefaultLimit; at most MaxLimit
	Cursor string // Result.Next of the previous page, or "" for the first page
	// Facets lists the attributes (Enum or Boolean) to count. Counts are
	// disjunctive: a filtered attribute's own counts ignore its filter.
	Facets []string
	// At is the time sale windows are checked at; the zero Time means now.
	At time.Time
}

// Result is one page of a listing.
type Result struct {
	Version string // the catalog version that answered
	Market  string
	Locale  language.Tag // the locale used
	Total   int          // products matching the query, on every page
	Items   []Item
	// Next is the cursor of the next page, or "" on the last page.
	Next   string
	Facets []Facet
}

// Item is one product of a listing.
type Item struct {
	ID         string
	Name       string       // the name for the query's locale
	NameLocale language.Tag // the locale that served Name
	Slug       string
	Price      pricing.Money // the display price in the market's currency
}

// Facet counts the matching products per value of one attribute.
type Facet struct {
	Attribute string
	Label     string // the attribute's label for the query's locale
	Values    []FacetValue
}

// FacetValue is one value of a Facet.
type FacetValue struct {
	Value    string // the value ID, or "true"/"false"
	Label    string // the value's label for the query's locale (the value itself for booleans)
	Count    int    // matching products with this value, ignoring this facet's own filter
	Selected bool   // the query filters on this value
}

// ParseQuery reads a query from URL parameters (without the market, which
// usually comes from the path):
//
//	category=mugs
//	f.color=red,blue   (a filter; repeat the parameter or separate values by commas)
//	min=10.00 max=50   (prices in currency)
//	q=tasse            (text)
//	sort=price         (rank, price, price-desc, name, newest)
//	limit=24  cursor=…  facets=color,material  locale=de-CH
//
// Unknown parameters, repeated single-valued parameters and values over the
// documented limits are errors naming the parameter; nothing is ignored.
func ParseQuery(v url.Values, currency string) (Query, error) {
	var q Query
	fail := func(field, value string, err error) (Query, error) {
		return Query{}, &Error{Op: "ParseQuery", Field: field, Value: value, Err: err}
	}
	size := 0
	for k, vals := range v {
		size += len(k)
		for _, s := range vals {
			size += len(s) + 1
		}
	}
	if size > MaxParamBytes {
		return fail("parameters", strconv.Itoa(size)+" bytes", because(ErrTooLarge, "more than MaxParamBytes"))
	}
	if _, ok := locale.CurrencyInfo(currency); !ok && currency != "" {
		return fail("currency", currency, because(locale.ErrUnknownCurrency, "not an ISO 4217 currency"))
	}
	single := func(k string) (string, bool, error) {
		vals := v[k]
		if len(vals) == 0 {
			return "", false, nil
		}
		if len(vals) > 1 {
			return "", false, &Error{Op: "ParseQuery", Field: k, Value: strings.Join(vals, ","), Err: because(ErrDuplicate, "parameter given more than once")}
		}
		return vals[0], true, nil
	}
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range v {
			if !yield(k) {
				return
			}
		}
	})
	for _, k := range keys {
		if k == "" {
			return fail("parameters", strings.Join(v[k], ","), because(ErrInvalid, "a parameter without a name"))
		}
		if attr, ok := strings.CutPrefix(k, "f."); ok {
			if err := checkID(attr); err != nil {
				return fail(k, attr, err)
			}
			var vals []string
			for _, s := range v[k] {
				vals = append(vals, strings.Split(s, ",")...)
			}
			if len(vals) > MaxFilterValues {
				return fail(k, strconv.Itoa(len(vals))+" values", because(ErrTooLarge, "more than MaxFilterValues values"))
			}
			q.Filters = append(q.Filters, Filter{Attribute: attr, Values: vals})
			if len(q.Filters) > MaxFilters {
				return fail(k, attr, because(ErrTooLarge, "more than MaxFilters filters"))
			}
			continue
		}
		s, _, err := single(k)
		if err != nil {
			return Query{}, err
		}
		switch k {
		case "category":
			if err := checkID(s); err != nil {
				return fail(k, s, err)
			}
			q.Category = s
		case "min", "max":
			if currency == "" {
				return fail(k, s, because(ErrMissing, "a price bound needs the market currency"))
			}
			m, err := pricing.ParseMoney(s, currency)
			if err != nil {
				return fail(k, s, because(ErrSyntax, "want a decimal amount such as 19.90"))
			}
			if k == "min" {
				q.MinPrice = m
			} else {
				q.MaxPrice = m
			}
		case "q":
			if len(s) > MaxQueryTextBytes {
				return fail(k, s, because(ErrTooLarge, "longer than MaxQueryTextBytes"))
			}
			q.Text = s
		case "sort":
			if q.Sort, err = ParseSortKey(s); err != nil {
				return fail(k, s, because(ErrInvalid, "want one of "+strings.Join(sortNames.All(), ", ")))
			}
		case "limit":
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 || n > MaxLimit {
				return fail(k, s, because(ErrInvalid, "want a number from 1 to "+strconv.Itoa(MaxLimit)))
			}
			q.Limit = n
		case "cursor":
			if len(s) > MaxCursorBytes {
				return fail(k, s, because(ErrTooLarge, "longer than MaxCursorBytes"))
			}
			q.Cursor = s
		case "facets":
			for _, a := range strings.Split(s, ",") {
				if err := checkID(a); err != nil {
					return fail(k, a, err)
				}
				q.Facets = append(q.Facets, a)
			}
			if len(q.Facets) > MaxFacets {
				return fail(k, s, because(ErrTooLarge, "more than MaxFacets facets"))
			}
		case "locale":
			t, err := locale.Parse(s)
			if err != nil {
				return fail(k, s, because(ErrInvalid, "not a BCP 47 language tag"))
			}
			q.Locale = t
		default:
			return fail("parameter", k, because(ErrInvalid, "unknown parameter"))
		}
	}
	return q, nil
}

// Values writes q back as URL parameters, the inverse of ParseQuery
// (without Market and At).
func (q Query) Values() url.Values {
	v := url.Values{}
	if q.Category != "" {
		v.Set("category", q.Category)
	}
	for _, f := range q.Filters {
		v.Add("f."+f.Attribute, strings.Join(f.Values, ","))
	}
	if q.MinPrice.Currency() != "" {
		v.Set("min", q.MinPrice.Amount())
	}
	if q.MaxPrice.Currency() != "" {
		v.Set("max", q.MaxPrice.Amount())
	}
	if q.Text != "" {
		v.Set("q", q.Text)
	}
	if q.Sort != SortRank {
		v.Set("sort", q.Sort.String())
	}
	if q.Limit != 0 {
		v.Set("limit", strconv.Itoa(q.Limit))
	}
	if q.Cursor != "" {
		v.Set("cursor", q.Cursor)
	}
	if len(q.Facets) > 0 {
		v.Set("facets", strings.Join(q.Facets, ","))
	}
	if q.Locale != language.Und {
		v.Set("locale", q.Locale.String())
	}
	return v
}
