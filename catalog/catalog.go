package catalog

import (
	"iter"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/locale"
)

// Limits on catalog input. A value over a limit is an error wrapping
// ErrTooLarge that names the field.
const (
	MaxIDBytes          = 64       // product, category, attribute, value, market and flag IDs, SKUs, versions
	MaxNameBytes        = 512      // a product name, a label
	MaxDescriptionBytes = 64 << 10 // a product description
	MaxSlugBytes        = 256      // a slug
	MaxTextValueBytes   = 256      // a Text attribute value
	MaxMediaRefBytes    = 2048     // a media reference
	MaxCategoryDepth    = 32       // levels of the category tree
	MaxProducts         = 1 << 24  // products in one catalog (16,777,216)
	MaxVariants         = 1000     // variants of one product
	MaxEnumValues       = 10000    // values of one Enum attribute
)

// Options configures New. The zero Options (or nil) has no last-resort
// locale and no host rules.
type Options struct {
	// LastResort is the locale whose content fills a field that a
	// requested locale's whole fallback chain lacks (often the catalog's
	// source language, e.g. English). language.Und (the zero Tag) means no
	// last resort: such a field stays empty and is reported missing.
	LastResort language.Tag
	// Rules are host availability rules, checked in order after the
	// built-in ones.
	Rules []Rule
}

// Catalog is one checked, immutable catalog version. It is safe for
// concurrent use by multiple goroutines. Methods that return products or
// slices return fresh copies.
//
// A nil *Catalog panics with "catalog: nil *Catalog" on every method.
type Catalog struct {
	version    string
	products   []*product
	byID       map[string]*product
	cats       []*Category
	catByID    map[string]*Category
	attrs      []*attribute
	attrByID   map[string]*attribute
	lastResort language.Tag
	rules      []Rule
	chains     sync.Map // language.Tag → []language.Tag
	nChains    atomic.Int64
}

// maxCachedChains bounds the fallback chains a Catalog remembers.
const maxCachedChains = 1024

// product is a normalized product with its compiled rules.
type product struct {
	Product
	idx   uint32
	avail avail
}

// attribute is an attribute with its value index.
type attribute struct {
	Attribute
	valueIdx map[string]int
}

func (c *Catalog) check() {
	if c == nil {
		panic("catalog: nil *Catalog")
	}
}

// New checks d and builds a Catalog. Every problem found is reported, each
// as an *Error naming the record, its line (when from JSON Lines), the
// field and the value, in one *Errors; a Catalog is returned only when
// there is none. New deep-copies d: later changes to d do not affect the
// Catalog. Country codes are normalized to upper case.
func New(d Data, opts *Options) (*Catalog, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	var errs Errors
	add := func(kind, id string, line int, e *Error) {
		e.Op, e.Kind, e.ID, e.Line = "New", kind, id, line
		errs.add(e)
	}
	if err := checkVersion(d.Version); err != nil {
		errs.add(&Error{Op: "New", Field: "version", Value: d.Version, Err: err})
	}
	c := &Catalog{
		version:    d.Version,
		byID:       make(map[string]*product, len(d.Products)),
		catByID:    make(map[string]*Category, len(d.Categories)),
		attrByID:   make(map[string]*attribute, len(d.Attributes)),
		lastResort: o.LastResort,
		rules:      slices.Clone(o.Rules),
	}
	for i, r := range c.rules {
		if r == nil {
			errs.add(&Error{Op: "New", Field: "Options.Rules[" + strconv.Itoa(i) + "]", Value: "nil", Err: because(ErrInvalid, "nil rule")})
		}
	}
	// Categories.
	for _, cat := range d.Categories {
		if err := checkID(cat.ID); err != nil {
			add("category", cat.ID, cat.Line, &Error{Field: "id", Value: cat.ID, Err: err})
			continue
		}
		if _, dup := c.catByID[cat.ID]; dup {
			add("category", cat.ID, cat.Line, &Error{Field: "id", Value: cat.ID, Err: because(ErrDuplicate, "category defined twice")})
			continue
		}
		labels, e := checkLabels("labels", cat.Labels, MaxNameBytes)
		if e != nil {
			add("category", cat.ID, cat.Line, e)
			continue
		}
		cc := &Category{ID: cat.ID, Parent: cat.Parent, Labels: labels, Line: cat.Line}
		c.catByID[cat.ID] = cc
		c.cats = append(c.cats, cc)
	}
	for _, cat := range c.cats {
		if cat.Parent == "" {
			continue
		}
		if _, ok := c.catByID[cat.Parent]; !ok {
			add("category", cat.ID, cat.Line, &Error{Field: "parent", Value: cat.Parent, Err: because(ErrNotFound, "no such category")})
			cat.Parent = ""
			continue
		}
		depth, p := 0, cat.Parent
		for p != "" && p != cat.ID && depth <= MaxCategoryDepth {
			p = c.catByID[p].Parent
			depth++
		}
		if p == cat.ID {
			add("category", cat.ID, cat.Line, &Error{Field: "parent", Value: cat.Parent, Err: because(ErrInvalid, "the category is its own ancestor")})
		} else if depth > MaxCategoryDepth {
			add("category", cat.ID, cat.Line, &Error{Field: "parent", Value: cat.Parent, Err: because(ErrTooLarge, "the tree is deeper than MaxCategoryDepth")})
		}
	}
	// Attributes.
	for _, a := range d.Attributes {
		if e := c.addAttribute(a); e != nil {
			add("attribute", a.ID, a.Line, e)
		}
	}
	// Products.
	if len(d.Products) > MaxProducts {
		errs.add(&Error{Op: "New", Field: "products", Value: strconv.Itoa(len(d.Products)), Err: because(ErrTooLarge, "more than MaxProducts products")})
		d.Products = d.Products[:MaxProducts]
	}
	skus := make(map[string]string)
	for i := range d.Products {
		p, e := c.checkProduct(&d.Products[i], skus)
		if e != nil {
			add("product", d.Products[i].ID, d.Products[i].Line, e)
			continue
		}
		if _, dup := c.byID[p.ID]; dup {
			add("product", p.ID, p.Line, &Error{Field: "id", Value: p.ID, Err: because(ErrDuplicate, "product defined twice")})
			continue
		}
		p.idx = uint32(len(c.products))
		c.byID[p.ID] = p
		c.products = append(c.products, p)
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *Catalog) addAttribute(a Attribute) *Error {
	if err := checkID(a.ID); err != nil {
		return &Error{Field: "id", Value: a.ID, Err: err}
	}
	if _, dup := c.attrByID[a.ID]; dup {
		return &Error{Field: "id", Value: a.ID, Err: because(ErrDuplicate, "attribute defined twice")}
	}
	if !a.Kind.IsValid() {
		return &Error{Field: "kind", Value: a.Kind.String(), Err: because(ErrInvalid, "want one of text, number, boolean, enum")}
	}
	labels, e := checkLabels("labels", a.Labels, MaxNameBytes)
	if e != nil {
		return e
	}
	ca := &attribute{Attribute: Attribute{ID: a.ID, Kind: a.Kind, Labels: labels, Line: a.Line}, valueIdx: map[string]int{}}
	if a.Kind != Enum && len(a.Values) > 0 {
		return &Error{Field: "values", Value: a.Values[0].ID, Err: because(ErrInvalid, "only enum attributes list values")}
	}
	if a.Kind == Enum && len(a.Values) == 0 {
		return &Error{Field: "values", Value: "", Err: because(ErrMissing, "an enum attribute lists its values")}
	}
	if len(a.Values) > MaxEnumValues {
		return &Error{Field: "values", Value: strconv.Itoa(len(a.Values)), Err: because(ErrTooLarge, "more than MaxEnumValues values")}
	}
	for i, v := range a.Values {
		f := "values[" + strconv.Itoa(i) + "]"
		if err := checkID(v.ID); err != nil {
			return &Error{Field: f + ".id", Value: v.ID, Err: err}
		}
		if _, dup := ca.valueIdx[v.ID]; dup {
			return &Error{Field: f + ".id", Value: v.ID, Err: because(ErrDuplicate, "value listed twice")}
		}
		vl, e := checkLabels(f+".labels", v.Labels, MaxNameBytes)
		if e != nil {
			return e
		}
		ca.valueIdx[v.ID] = len(ca.Values)
		ca.Values = append(ca.Values, EnumValue{ID: v.ID, Labels: vl})
	}
	c.attrByID[a.ID] = ca
	c.attrs = append(c.attrs, ca)
	return nil
}

func (c *Catalog) checkProduct(in *Product, skus map[string]string) (*product, *Error) {
	if err := checkID(in.ID); err != nil {
		return nil, &Error{Field: "id", Value: in.ID, Err: err}
	}
	p := &product{Product: Product{ID: in.ID, Category: in.Category, TaxClass: in.TaxClass, Created: in.Created, Rank: in.Rank, Line: in.Line}}
	if in.Category != "" {
		if _, ok := c.catByID[in.Category]; !ok {
			return nil, &Error{Field: "category", Value: in.Category, Err: because(ErrNotFound, "no such category")}
		}
	}
	if in.TaxClass == "" {
		return nil, &Error{Field: "tax_class", Value: "", Err: because(ErrMissing, "every product needs a tax class")}
	}
	if err := checkID(in.TaxClass); err != nil {
		return nil, &Error{Field: "tax_class", Value: in.TaxClass, Err: err}
	}
	var e *Error
	if p.Attributes, e = c.checkValues("attributes", in.Attributes); e != nil {
		return nil, e
	}
	if p.Media, e = checkMedia("media", in.Media); e != nil {
		return nil, e
	}
	if len(in.Variants) > MaxVariants {
		return nil, &Error{Field: "variants", Value: strconv.Itoa(len(in.Variants)), Err: because(ErrTooLarge, "more than MaxVariants variants")}
	}
	for i, v := range in.Variants {
		f := "variants[" + strconv.Itoa(i) + "]"
		if err := checkID(v.SKU); err != nil {
			return nil, &Error{Field: f + ".sku", Value: v.SKU, Err: err}
		}
		if owner, dup := skus[v.SKU]; dup {
			return nil, &Error{Field: f + ".sku", Value: v.SKU, Err: because(ErrDuplicate, "SKU already used by product "+strconv.Quote(owner))}
		}
		nv := Variant{SKU: v.SKU}
		if nv.Attributes, e = c.checkValues(f+".attributes", v.Attributes); e != nil {
			return nil, e
		}
		if nv.Media, e = checkMedia(f+".media", v.Media); e != nil {
			return nil, e
		}
		p.Variants = append(p.Variants, nv)
	}
	for _, v := range p.Variants {
		skus[v.SKU] = p.ID
	}
	if len(in.Content) == 0 {
		return nil, &Error{Field: "content", Value: "", Err: because(ErrMissing, "a product needs a name in at least one locale")}
	}
	p.Content = make(map[language.Tag]Content, len(in.Content))
	named := false
	for _, tag := range sortedTags(in.Content) {
		ct := in.Content[tag]
		f := "content." + tag.String()
		if tag == language.Und {
			return nil, &Error{Field: f, Value: "und", Err: because(ErrInvalid, "content needs a locale")}
		}
		if err := checkText(ct.Name, MaxNameBytes, false); err != nil {
			return nil, &Error{Field: f + ".name", Value: ct.Name, Err: err}
		}
		if err := checkText(ct.Description, MaxDescriptionBytes, true); err != nil {
			return nil, &Error{Field: f + ".description", Value: ct.Description, Err: err}
		}
		if err := checkSlug(ct.Slug); err != nil {
			return nil, &Error{Field: f + ".slug", Value: ct.Slug, Err: err}
		}
		named = named || ct.Name != ""
		p.Content[tag] = ct
	}
	if !named {
		return nil, &Error{Field: "content", Value: "", Err: because(ErrMissing, "a product needs a name in at least one locale")}
	}
	p.Availability = cloneAvailability(in.Availability)
	if p.avail, e = compileAvail(in.Availability); e != nil {
		return nil, e
	}
	p.Availability.Countries = slices.Clone(p.avail.countries)
	p.Availability.ExcludeCountries = slices.Clone(p.avail.excludeCountries)
	return p, nil
}

func (c *Catalog) checkValues(field string, in map[string]Value) (map[string]Value, *Error) {
	if len(in) == 0 {
		return nil, nil
	}
	out := make(map[string]Value, len(in))
	for _, id := range slices.Sorted(maps.Keys(in)) {
		v := in[id]
		f := field + "." + id
		a, ok := c.attrByID[id]
		if !ok {
			return nil, &Error{Field: f, Value: id, Err: because(ErrNotFound, "no such attribute")}
		}
		if v.Kind != a.Kind {
			return nil, &Error{Field: f, Value: v.Kind.String(), Err: because(ErrInvalid, "attribute "+strconv.Quote(id)+" is of kind "+a.Kind.String())}
		}
		nv := Value{Kind: v.Kind}
		switch v.Kind {
		case Text:
			if v.Text == "" {
				return nil, &Error{Field: f, Value: "", Err: because(ErrMissing, "empty text value")}
			}
			if err := checkText(v.Text, MaxTextValueBytes, false); err != nil {
				return nil, &Error{Field: f, Value: v.Text, Err: err}
			}
			nv.Text = v.Text
		case Number:
			nv.Number = v.Number
		case Boolean:
			nv.Bool = v.Bool
		case Enum:
			if len(v.Enum) == 0 {
				return nil, &Error{Field: f, Value: "", Err: because(ErrMissing, "an enum value lists at least one value")}
			}
			for i, e := range v.Enum {
				if _, ok := a.valueIdx[e]; !ok {
					return nil, &Error{Field: f + "[" + strconv.Itoa(i) + "]", Value: e, Err: because(ErrNotFound, "no such value of attribute "+strconv.Quote(id))}
				}
				if slices.Contains(v.Enum[:i], e) {
					return nil, &Error{Field: f + "[" + strconv.Itoa(i) + "]", Value: e, Err: because(ErrDuplicate, "value listed twice")}
				}
			}
			nv.Enum = slices.Clone(v.Enum)
		}
		if (v.Kind != Text && v.Text != "") || (v.Kind != Number && !v.Number.IsZero()) ||
			(v.Kind != Boolean && v.Bool) || (v.Kind != Enum && len(v.Enum) > 0) {
			return nil, &Error{Field: f, Value: v.Kind.String(), Err: because(ErrInvalid, "a field of another kind is set")}
		}
		out[id] = nv
	}
	return out, nil
}

// checkID checks an identifier: 1 to MaxIDBytes bytes of ASCII letters,
// digits and . _ - : /, starting with a letter or digit.
func checkID(s string) error {
	if s == "" {
		return because(ErrMissing, "empty identifier")
	}
	if len(s) > MaxIDBytes {
		return because(ErrTooLarge, "identifier longer than MaxIDBytes")
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case i > 0 && (c == '.' || c == '_' || c == '-' || c == ':' || c == '/'):
		default:
			return because(ErrInvalid, "an identifier holds ASCII letters, digits and . _ - : / and starts with a letter or digit")
		}
	}
	return nil
}

func checkVersion(s string) error {
	if s == "" {
		return because(ErrMissing, "a catalog needs a version")
	}
	if len(s) > MaxIDBytes {
		return because(ErrTooLarge, "version longer than MaxIDBytes")
	}
	for _, r := range s {
		if r < 0x21 || r > 0x7e {
			return because(ErrInvalid, "a version holds printable ASCII without spaces")
		}
	}
	return nil
}

// checkText checks display text: valid UTF-8, no control characters
// (newlines and tabs are allowed in long text), at most max bytes.
func checkText(s string, max int, long bool) error {
	if len(s) > max {
		return because(ErrTooLarge, "longer than "+strconv.Itoa(max)+" bytes")
	}
	if !utf8.ValidString(s) {
		return because(ErrInvalid, "not valid UTF-8")
	}
	for _, r := range s {
		if unicode.IsControl(r) && !(long && (r == '\n' || r == '\t' || r == '\r')) {
			return because(ErrInvalid, "control character "+strconv.QuoteRune(r))
		}
	}
	return nil
}

func checkSlug(s string) error {
	if err := checkText(s, MaxSlugBytes, false); err != nil {
		return err
	}
	for _, r := range s {
		if unicode.IsSpace(r) || strings.ContainsRune("/?#%\\", r) {
			return because(ErrInvalid, "a slug has no spaces or / ? # % \\")
		}
	}
	return nil
}

func checkMedia(field string, in []string) ([]string, *Error) {
	for i, m := range in {
		f := field + "[" + strconv.Itoa(i) + "]"
		if m == "" {
			return nil, &Error{Field: f, Value: "", Err: because(ErrMissing, "empty media reference")}
		}
		if err := checkText(m, MaxMediaRefBytes, false); err != nil {
			return nil, &Error{Field: f, Value: m, Err: err}
		}
	}
	return slices.Clone(in), nil
}

func checkLabels(field string, in map[language.Tag]string, max int) (map[language.Tag]string, *Error) {
	if len(in) == 0 {
		return nil, nil
	}
	out := make(map[language.Tag]string, len(in))
	for _, tag := range sortedTags(in) {
		f := field + "." + tag.String()
		if tag == language.Und {
			return nil, &Error{Field: f, Value: "und", Err: because(ErrInvalid, "a label needs a locale")}
		}
		if err := checkText(in[tag], max, false); err != nil {
			return nil, &Error{Field: f, Value: in[tag], Err: err}
		}
		if in[tag] == "" {
			return nil, &Error{Field: f, Value: "", Err: because(ErrMissing, "empty label")}
		}
		out[tag] = in[tag]
	}
	return out, nil
}

func sortedTags[V any](m map[language.Tag]V) []language.Tag {
	tags := slices.Collect(maps.Keys(m))
	slices.SortFunc(tags, func(a, b language.Tag) int { return strings.Compare(a.String(), b.String()) })
	return tags
}

func cloneAvailability(a Availability) Availability {
	return Availability{
		Markets: slices.Clone(a.Markets), ExcludeMarkets: slices.Clone(a.ExcludeMarkets),
		Countries: slices.Clone(a.Countries), ExcludeCountries: slices.Clone(a.ExcludeCountries),
		RequireFlags: slices.Clone(a.RequireFlags), ForbidFlags: slices.Clone(a.ForbidFlags),
		From: a.From, Until: a.Until,
	}
}

func cloneValues(m map[string]Value) map[string]Value {
	if m == nil {
		return nil
	}
	out := make(map[string]Value, len(m))
	for k, v := range m {
		v.Enum = slices.Clone(v.Enum)
		out[k] = v
	}
	return out
}

func cloneProduct(p *Product) Product {
	out := *p
	out.Attributes = cloneValues(p.Attributes)
	out.Media = slices.Clone(p.Media)
	out.Content = maps.Clone(p.Content)
	out.Availability = cloneAvailability(p.Availability)
	out.Variants = make([]Variant, len(p.Variants))
	for i, v := range p.Variants {
		out.Variants[i] = Variant{SKU: v.SKU, Attributes: cloneValues(v.Attributes), Media: slices.Clone(v.Media)}
	}
	if len(p.Variants) == 0 {
		out.Variants = nil
	}
	return out
}

// Version returns the catalog version.
func (c *Catalog) Version() string { c.check(); return c.version }

// Len returns the number of products.
func (c *Catalog) Len() int { c.check(); return len(c.products) }

// Product returns a copy of product id.
func (c *Catalog) Product(id string) (Product, bool) {
	c.check()
	p, ok := c.byID[id]
	if !ok {
		return Product{}, false
	}
	return cloneProduct(&p.Product), true
}

// Products returns every product (each a fresh copy) in catalog order.
func (c *Catalog) Products() iter.Seq[Product] {
	c.check()
	return func(yield func(Product) bool) {
		for _, p := range c.products {
			if !yield(cloneProduct(&p.Product)) {
				return
			}
		}
	}
}

// IDs returns the product IDs in catalog order.
func (c *Catalog) IDs() []string {
	c.check()
	out := make([]string, len(c.products))
	for i, p := range c.products {
		out[i] = p.ID
	}
	return out
}

// TaxClass returns product id's tax class; ok is false for an unknown
// product.
func (c *Catalog) TaxClass(id string) (class string, ok bool) {
	c.check()
	p, ok := c.byID[id]
	if !ok {
		return "", false
	}
	return p.TaxClass, true
}

// Categories returns the categories in input order (copies).
func (c *Catalog) Categories() []Category {
	c.check()
	out := make([]Category, len(c.cats))
	for i, cat := range c.cats {
		out[i] = *cat
		out[i].Labels = maps.Clone(cat.Labels)
	}
	return out
}

// Attributes returns the attribute definitions in input order (copies).
func (c *Catalog) Attributes() []Attribute {
	c.check()
	out := make([]Attribute, len(c.attrs))
	for i, a := range c.attrs {
		out[i] = cloneAttribute(&a.Attribute)
	}
	return out
}

func cloneAttribute(a *Attribute) Attribute {
	out := *a
	out.Labels = maps.Clone(a.Labels)
	out.Values = make([]EnumValue, len(a.Values))
	for i, v := range a.Values {
		out.Values[i] = EnumValue{ID: v.ID, Labels: maps.Clone(v.Labels)}
	}
	if len(a.Values) == 0 {
		out.Values = nil
	}
	return out
}

// Data returns the catalog's content as Data (a deep copy), normalized as
// New normalizes it: New(c.Data(), opts) builds an equal catalog.
func (c *Catalog) Data() Data {
	c.check()
	d := Data{Version: c.version, Categories: c.Categories(), Attributes: c.Attributes()}
	d.Products = make([]Product, len(c.products))
	for i, p := range c.products {
		d.Products[i] = cloneProduct(&p.Product)
	}
	return d
}

// LastResort returns the catalog's last-resort locale (language.Und for
// none).
func (c *Catalog) LastResort() language.Tag { c.check(); return c.lastResort }

// chain returns the lookup order for tag: its locale.Chain, then the last
// resort's chain. The result is shared: callers must not modify it.
func (c *Catalog) chain(tag language.Tag) []language.Tag {
	if v, ok := c.chains.Load(tag); ok {
		return v.([]language.Tag)
	}
	ch := locale.Chain(tag)
	if c.lastResort != language.Und {
		for _, t := range locale.Chain(c.lastResort) {
			if !slices.Contains(ch, t) {
				ch = append(ch, t)
			}
		}
	}
	ch = slices.Clip(ch)
	if c.nChains.Add(1) <= maxCachedChains { // tags can come from requests: bound the cache
		c.chains.Store(tag, ch)
	}
	return ch
}

// ownChainLen returns how many tags of c.chain(tag) belong to tag itself
// (not to the last resort).
func ownChainLen(tag language.Tag) int { return len(locale.Chain(tag)) }
