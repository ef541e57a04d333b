package shop

import (
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"net/mail"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/address"
	"github.com/marketkit/marketkit/address/phone"
	"github.com/marketkit/marketkit/catalog"
	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/store"
	"github.com/marketkit/marketkit/store/web"
)

// Limits on what a page request may carry.
const (
	// listingLimit is the page size of a listing.
	listingLimit = 12
	// maxFormBytes bounds a POSTed form (cart and checkout).
	maxFormBytes = 16 << 10
	// maxEmailLength bounds an email address (RFC 5321's path limit).
	maxEmailLength = 254
)

// facets are the attributes a listing counts.
var facets = []string{"color", "material", "brand", "organic"}

// page is what every template receives.
type page struct {
	T          texts
	Lang       string
	Title      string
	MarketID   string
	MarketName string
	Home       string // "/ch/fr/"
	Base       string // Home without its trailing slash: links are Base + "/p/…"
	Return     string // the current page, for the switcher
	// Switcher is the switcher's labels, selects and button, rendered by
	// the "switcher" fragment (cached per configuration, market and
	// locale).
	Switcher template.HTML
	// AltHTML is the canonical and hreflang links, rendered by the
	// "alternates" fragment (cached per configuration, market, locale
	// and page).
	AltHTML   template.HTML
	CartCount int64
	Suggest   *option // the detected market on the root page
	Status    int
	Data      any
}

type option struct {
	Value, Name, URL string
	Selected         bool
}

// languageNames are the languages of the switcher, in their own names.
var languageNames = map[string]string{
	"de": "Deutsch", "en": "English", "es": "Español", "fr": "Français", "it": "Italiano",
	"ja": "日本語", "nb": "Norsk bokmål", "nl": "Nederlands", "sv": "Svenska",
}

// newPage fills the parts of a page every market page has.
func (s *Server) newPage(r *http.Request, sel *web.Selection, title string) *page {
	tag := sel.Locale()
	p := &page{T: textsFor(tag), Lang: tag.String(), Title: title, MarketID: sel.MarketID(), Home: sel.Home(), Status: http.StatusOK}
	p.Base = strings.TrimSuffix(p.Home, "/")
	p.Return = r.URL.EscapedPath()
	if r.URL.RawQuery != "" {
		p.Return += "?" + r.URL.RawQuery
	}
	cfg := s.opts.Config()
	if m, ok := cfg.Market(p.MarketID); ok {
		p.MarketName = m.Name
	}
	if p.MarketName == "" {
		p.MarketName = p.MarketID
	}
	site := sel.Site()
	p.Switcher = s.fragment(fragKey{site: site, kind: "switcher", market: p.MarketID, tag: tag}, "switcher", func() any {
		markets, langs := s.switcherOptions(site, p.MarketID, tag)
		return struct {
			T                  texts
			Markets, Languages []option
		}{p.T, markets, langs}
	})
	return p
}

// switcherOptions lists the switcher's markets (every market, in
// configuration order) and languages (every market's, by base language).
func (s *Server) switcherOptions(site *web.Site, current string, tag language.Tag) (markets, langs []option) {
	cfg := s.opts.Config()
	seen := map[string]bool{}
	for _, id := range site.Markets() {
		m, ok := cfg.Market(id)
		if !ok {
			continue
		}
		name := m.Name
		if name == "" {
			name = id
		}
		markets = append(markets, option{Value: id, Name: name, Selected: id == current})
		for _, l := range m.Locales {
			if t, err := language.Parse(l); err == nil {
				b, _ := t.Base()
				seen[b.String()] = true
			}
		}
	}
	cur, _ := tag.Base()
	for _, l := range slices.Sorted(mapsKeys(seen)) {
		name := languageNames[l]
		if name == "" {
			name = l
		}
		langs = append(langs, option{Value: l, Name: name, Selected: l == cur.String()})
	}
	return markets, langs
}

func mapsKeys(m map[string]bool) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// withCart sets the cart badge.
func (s *Server) withCart(p *page, r *http.Request, market string) {
	for _, l := range s.cart.read(r, market) {
		p.CartCount += l.Qty
	}
}

// alternates sets the canonical and hreflang links of a market page.
func (s *Server) alternates(p *page, sel *web.Selection, rel, product string) {
	key := fragKey{site: sel.Site(), kind: "alternates", market: sel.MarketID(), tag: sel.Locale(), page: rel}
	p.AltHTML = s.fragment(key, "alternates", func() any {
		var sells func(string) bool
		if product != "" {
			t := s.sells()
			sells = func(m string) bool { return t.sells[m][product] }
		}
		a, err := sel.Alternates(rel, sells)
		if err != nil {
			return nil
		}
		return &a
	})
}

func allowed(w http.ResponseWriter, r *http.Request, methods ...string) bool {
	if slices.Contains(methods, r.Method) || (r.Method == http.MethodHead && slices.Contains(methods, http.MethodGet)) {
		return true
	}
	w.Header().Set("Allow", strings.Join(methods, ", "))
	http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	return false
}

// --- listing ---

type listingData struct {
	Heading    string
	Categories template.HTML // the "links" fragment
	Sorts      template.HTML // the "options" fragment
	Facets     []facetView
	FacetsHTML template.HTML // Facets, by writeFacets
	ItemsHTML  template.HTML // Items, by writeItems
	Min, Max   string
	Text       string
	Total      string
	Items      []itemView
	NextURL    string
	FirstURL   string
	ClearURL   string
	Action     string
	Note       string
}

type facetView struct {
	Attr, Label string
	Values      []facetValueView
}

type facetValueView struct {
	ID, Name, Value, Label string
	Count                  int
	Checked                bool
}

type itemView struct {
	Name, URL, Price, Was string
}

func (s *Server) serveListing(w http.ResponseWriter, r *http.Request, sel *web.Selection, st *store.Store, cat string) {
	if !allowed(w, r, http.MethodGet) {
		return
	}
	tag := sel.Locale()
	t := textsFor(tag)
	cg := st.Index().Catalog()
	v := url.Values{}
	for k, vals := range r.URL.Query() {
		for _, x := range vals {
			if x != "" && k != "lang" {
				v.Add(k, x)
			}
		}
	}
	heading := t.T("home")
	if cat != "" {
		label, ok := categoryHeading(cg, cat, tag)
		if !ok || strings.Contains(cat, "/") {
			s.notFound(w, r, sel)
			return
		}
		heading = label
		v.Del("category")
	}
	q, err := catalog.ParseQuery(v, st.Currency())
	if err != nil {
		s.badRequest(w, r, sel, err)
		return
	}
	q.Market, q.Locale, q.Facets, q.Category, q.At = st.ID(), tag, facets, cat, s.now()
	if q.Limit == 0 {
		q.Limit = listingLimit
	}
	ls, err := st.List(q)
	if err != nil {
		s.badRequest(w, r, sel, err)
		return
	}
	p := s.newPage(r, sel, heading)
	s.withCart(p, r, st.ID())
	rel := "/"
	if cat != "" {
		rel = "/c/" + cat
	}
	s.alternates(p, sel, rel, "")
	d := &listingData{Heading: heading, Action: p.Base + rel, ClearURL: p.Base + rel, Text: v.Get("q"), Min: v.Get("min"), Max: v.Get("max")}
	d.Total = t.T("results", ls.Total)
	if ls.PricesIncludeTax {
		d.Note = t.T("pricesincl")
	} else {
		d.Note = t.T("pricesexcl")
	}
	d.Categories = s.fragment(fragKey{site: sel.Site(), kind: "cats", market: st.ID(), tag: tag, page: cat}, "links", func() any {
		cats := []option{{Name: t.T("home"), URL: p.Base + "/", Selected: cat == ""}}
		for _, c := range cg.Categories() {
			label, _, _ := cg.CategoryLabel(c.ID, tag)
			if c.Parent != "" {
				label = "– " + label
			}
			cats = append(cats, option{Value: c.ID, Name: label, URL: p.Base + "/c/" + c.ID, Selected: c.ID == cat})
		}
		return cats
	})
	d.Sorts = s.fragment(fragKey{site: sel.Site(), kind: "sorts", tag: tag, page: q.Sort.String()}, "options", func() any {
		var sorts []option
		for _, k := range []catalog.SortKey{catalog.SortRank, catalog.SortPrice, catalog.SortPriceDesc, catalog.SortName, catalog.SortNewest} {
			sorts = append(sorts, option{Value: k.String(), Name: t.T("sort." + k.String()), Selected: k == q.Sort})
		}
		return sorts
	})
	for _, f := range ls.Facets {
		fv := facetView{Attr: f.Attribute, Label: f.Label}
		for _, x := range f.Values {
			label := x.Label
			if x.Value == "true" || x.Value == "false" {
				label = t.T("bool." + x.Value)
			}
			fv.Values = append(fv.Values, facetValueView{ID: "f-" + f.Attribute + "-" + x.Value, Name: "f." + f.Attribute,
				Value: x.Value, Label: label, Count: x.Count, Checked: x.Selected})
		}
		d.Facets = append(d.Facets, fv)
	}
	for _, it := range ls.Items {
		iv := itemView{Name: it.Name, URL: p.Base + "/p/" + it.ID, Price: it.Display.Text}
		if !it.CompareAt.Money.IsZero() {
			iv.Was = it.CompareAt.Text
		}
		d.Items = append(d.Items, iv)
	}
	var mb strings.Builder
	mb.Grow(6 << 10)
	d.FacetsHTML = writeFacets(&mb, d.Facets)
	mb = strings.Builder{}
	mb.Grow(3 << 10)
	d.ItemsHTML = writeItems(&mb, d.Items)
	if ls.Next != "" {
		nv := cloneValues(v)
		nv.Set("cursor", ls.Next)
		d.NextURL = p.Base + rel + "?" + nv.Encode()
	}
	if v.Has("cursor") {
		fv := cloneValues(v)
		fv.Del("cursor")
		d.FirstURL = p.Base + rel
		if enc := fv.Encode(); enc != "" {
			d.FirstURL += "?" + enc
		}
	}
	p.Data = d
	s.render(w, r, "listing", p)
}

// categoryHeading returns the label of category id in tag's language;
// ok is false only for a category the catalog does not have. A category
// without a label in tag's chain (a market language the catalog data
// does not cover) is still a page: headed by its English label, or its
// ID.
func categoryHeading(cg *catalog.Catalog, id string, tag language.Tag) (string, bool) {
	if label, _, ok := cg.CategoryLabel(id, tag); ok {
		return label, true
	}
	for _, c := range cg.Categories() {
		if c.ID == id {
			if label, _, ok := cg.CategoryLabel(id, language.English); ok {
				return label, true
			}
			return id, true
		}
	}
	return "", false
}

func cloneValues(v url.Values) url.Values {
	c := make(url.Values, len(v))
	for k, x := range v {
		c[k] = slices.Clone(x)
	}
	return c
}

// --- product ---

type productData struct {
	Name, Description string
	Variants          []variantView
	Include           bool
	AddURL            string
	// JSONLD is the page's schema.org Product, written by html/template
	// as JSON inside its script element (jsonld.go).
	JSONLD *productLD
}

type variantView struct {
	SKU, Label, Price, Was, Net, Gross, TaxNote string
}

func (s *Server) serveProduct(w http.ResponseWriter, r *http.Request, sel *web.Selection, st *store.Store, id string) {
	if !allowed(w, r, http.MethodGet) {
		return
	}
	if id == "" || len(id) > catalog.MaxIDBytes || strings.Contains(id, "/") {
		s.notFound(w, r, sel)
		return
	}
	tag := sel.Locale()
	t := textsFor(tag)
	pd, err := st.Product(r.Context(), id, tag, s.now())
	if errors.Is(err, store.ErrNotSold) || errors.Is(err, catalog.ErrNotFound) {
		s.notFoundMsg(w, r, sel, t.T("notsold"))
		return
	}
	if err != nil {
		s.serverError(w, r, sel, err)
		return
	}
	p := s.newPage(r, sel, pd.Name)
	s.withCart(p, r, st.ID())
	s.alternates(p, sel, "/p/"+id, id)
	d := &productData{Name: pd.Name, Description: pd.Description, Include: pd.PricesIncludeTax, AddURL: p.Base + "/cart"}
	cg := st.Index().Catalog()
	prod, _ := cg.Product(id)
	labels := make(map[string]string, len(pd.Variants))
	for _, v := range pd.Variants {
		vv := variantView{SKU: v.SKU, Label: variantLabel(cg, prod, v.SKU, tag), Price: v.Display.Text, Net: v.Net.Text, Gross: v.Gross.Text}
		if !v.CompareAt.Money.IsZero() {
			vv.Was = v.CompareAt.Text
		}
		rates := s.localPercents(v.Rates, tag)
		if pd.PricesIncludeTax {
			vv.TaxNote = t.T("incl", rates)
		} else {
			vv.TaxNote = t.T("excl", rates)
		}
		d.Variants = append(d.Variants, vv)
		labels[v.SKU] = vv.Label
	}
	d.JSONLD = productJSONLD(pd, prod, s.canonicalURL(sel, "/p/"+id), labels)
	p.Data = d
	s.render(w, r, "product", p)
}

// variantLabel names a variant by its enum attributes in the page's
// language ("Rouge"), or its SKU.
func variantLabel(cg *catalog.Catalog, p catalog.Product, sku string, tag language.Tag) string {
	for _, v := range p.Variants {
		if v.SKU != sku {
			continue
		}
		var parts []string
		for _, attr := range slices.Sorted(func(yield func(string) bool) {
			for k := range v.Attributes {
				if !yield(k) {
					return
				}
			}
		}) {
			for _, e := range v.Attributes[attr].Enum {
				if l, _, ok := cg.ValueLabel(attr, e, tag); ok {
					parts = append(parts, l)
				}
			}
		}
		if len(parts) > 0 {
			return strings.Join(parts, ", ")
		}
	}
	return sku
}

// --- cart ---

type cartData struct {
	Lines       []cartLineView
	Subtotal    string
	Total       string
	Include     bool
	Error       string
	CheckoutURL string
	Action      string
}

type cartLineView struct {
	SKU, Name, Unit, Subtotal, QtyName string
	Qty                                int64
}

// homeAddress is the address a cart is quoted at before checkout: the
// seller's tax origin, which every market serves. Where the country
// requires a subdivision the origin does not name (Japan's prefecture,
// Australia's state), it is the one whose postal codes hold the origin's.
func (s *Server) homeAddress(st *store.Store) address.Address {
	if h, ok := s.homes.Load(st.ID()); ok && h.(home).st == st {
		return h.(home).a
	}
	o := st.Market().Tax.Origin
	a := address.Normalize(address.Address{CountryCode: o.Country, AdministrativeArea: o.Region, PostalCode: o.PostalCode})
	if _, _, _, err := a.TaxLocation(); err != nil {
		// An origin postal code the post would not accept ("1012" for
		// "1012 AB"): quote at the country's example code instead.
		if form, err := address.Form(a.CountryCode, language.Und); err == nil && len(form.PostalCodeExamples) > 0 {
			b := a
			b.PostalCode = form.PostalCodeExamples[0]
			if _, _, _, err := b.TaxLocation(); err == nil {
				a = b
			}
		}
	}
	if _, _, _, err := a.TaxLocation(); err != nil && a.AdministrativeArea == "" {
		for _, sd := range address.Subdivisions(a.CountryCode, language.Und) {
			b := a
			b.AdministrativeArea = sd.Key
			if _, region, _, err := b.TaxLocation(); err == nil && region != "" && servesRegion(st.Market(), region) {
				a = b
				break
			}
		}
	}
	s.homes.Store(st.ID(), home{st, a})
	return a
}

// home is a market's home address, for the Store it was computed for (a
// new configuration version builds a new Store, which replaces it).
type home struct {
	st *store.Store
	a  address.Address
}

// servesRegion reports whether market m serves region (an ISO 3166-2
// code): every region of its countries unless it lists subdivisions.
func servesRegion(m *store.Market, region string) bool {
	if len(m.Subdivisions) == 0 {
		return true
	}
	return slices.Contains(m.Subdivisions, region)
}

func (s *Server) serveCart(w http.ResponseWriter, r *http.Request, sel *web.Selection, st *store.Store) {
	if !allowed(w, r, http.MethodGet, http.MethodPost) {
		return
	}
	lines := s.cart.read(r, st.ID())
	base := strings.TrimSuffix(sel.Home(), "/")
	if r.Method == http.MethodPost {
		r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
		if err := r.ParseForm(); err != nil {
			http.Error(w, "bad form", http.StatusBadRequest)
			return
		}
		next := slices.Clone(lines)
		switch r.PostForm.Get("action") {
		case "add":
			qty, err := strconv.ParseInt(r.PostForm.Get("qty"), 10, 64)
			sku := r.PostForm.Get("sku")
			if err != nil || qty < 1 || qty > maxLineQuantity || sku == "" || len(sku) > store.MaxKeyLength {
				s.badRequest(w, r, sel, errors.New("quantity must be 1 to 99"))
				return
			}
			next = addLine(next, sku, qty)
		case "update":
			next = next[:0]
			for _, l := range lines {
				qty, err := strconv.ParseInt(r.PostForm.Get("qty."+l.SKU), 10, 64)
				if err != nil || qty < 0 || qty > maxLineQuantity {
					qty = l.Qty
				}
				if r.PostForm.Get("remove") == l.SKU {
					qty = 0
				}
				if qty > 0 {
					next = append(next, cartLine{SKU: l.SKU, Qty: qty})
				}
			}
		default:
			s.badRequest(w, r, sel, errors.New("unknown cart action"))
			return
		}
		if len(next) > maxCartLines {
			s.badRequest(w, r, sel, errors.New("the cart is full"))
			return
		}
		c := storeCart(st, next)
		if len(next) > 0 {
			if _, err := st.QuoteAt(r.Context(), s.now(), &c, s.homeAddress(st), store.Customer{}); err != nil {
				s.badRequest(w, r, sel, err) // a SKU not sold here never enters the cart
				return
			}
		}
		if err := s.cart.write(w, r, st.ID(), cookiePath(sel), next); err != nil {
			s.serverError(w, r, sel, err)
			return
		}
		http.Redirect(w, r, base+"/cart", http.StatusSeeOther)
		return
	}
	t := textsFor(sel.Locale())
	p := s.newPage(r, sel, t.T("cart"))
	s.withCart(p, r, st.ID())
	d := &cartData{CheckoutURL: base + "/checkout", Action: base + "/cart"}
	if len(lines) > 0 {
		c := storeCart(st, lines)
		q, err := st.QuoteAt(r.Context(), s.now(), &c, s.homeAddress(st), store.Customer{})
		if err != nil {
			// The market no longer sells a line (a new configuration or
			// catalog): drop the cart rather than show wrong prices.
			_ = s.cart.write(w, r, st.ID(), cookiePath(sel), nil)
			d.Error = err.Error()
		} else {
			d.Include = q.PricesIncludeTax
			f := st.Formatter(sel.Locale())
			d.Subtotal, d.Total = formatMoney(f, q.Subtotal, q.Currency), formatMoney(f, q.Gross, q.Currency)
			s.fillLines(&d.Lines, q, st, sel.Locale())
		}
	}
	p.Data = d
	s.render(w, r, "cart", p)
}

func (s *Server) fillLines(dst *[]cartLineView, q *store.Quote, st *store.Store, tag language.Tag) {
	cg := st.Index().Catalog()
	f := st.Formatter(tag)
	for _, l := range q.Lines {
		if l.Shipping {
			continue
		}
		name := l.SKU
		if loc, err := cg.Localize(l.Product, tag); err == nil {
			name = loc.Name
			if prod, ok := cg.Product(l.Product); ok && len(prod.Variants) > 1 {
				name += " (" + variantLabel(cg, prod, l.SKU, tag) + ")"
			}
		}
		*dst = append(*dst, cartLineView{SKU: l.SKU, Name: name, Unit: formatMoney(f, l.Unit, q.Currency), Subtotal: formatMoney(f, l.Subtotal, q.Currency), Qty: l.Quantity, QtyName: "qty." + l.SKU})
	}
}

func cookiePath(sel *web.Selection) string { return sel.Market().CookiePath() }

// --- checkout ---

type checkoutData struct {
	Action    string
	Key       string
	Email     fieldView
	Phone     fieldView
	Country   fieldView
	Countries []option
	Rows      [][]fieldView
	HasErrors bool
	Quote     *quoteView
	FormError string
}

type fieldView struct {
	ID, Name, Label, Value, Error, Type, Autocomplete, Hint string
	Required                                                bool
	Options                                                 []option
}

type quoteView struct {
	Lines                               []cartLineView
	Subtotal, Shipping, Net, Tax, Total string
	Include                             bool
	Rates                               []rateView
}

type rateView struct{ Name, Percent, Base, Tax string }

var autocomplete = map[address.Field]string{
	address.FieldName: "name", address.FieldOrganization: "organization", address.FieldAddressLines: "address-line1",
	address.FieldLocality: "address-level2", address.FieldDependentLocality: "address-level3",
	address.FieldAdministrativeArea: "address-level1", address.FieldPostalCode: "postal-code",
}

func (s *Server) serveCheckout(w http.ResponseWriter, r *http.Request, sel *web.Selection, st *store.Store) {
	if !allowed(w, r, http.MethodGet, http.MethodPost) {
		return
	}
	base := strings.TrimSuffix(sel.Home(), "/")
	lines := s.cart.read(r, st.ID())
	if len(lines) == 0 {
		http.Redirect(w, r, base+"/cart", http.StatusSeeOther)
		return
	}
	tag := sel.Locale()
	t := textsFor(tag)
	m := st.Market()
	form := url.Values{}
	if r.Method == http.MethodPost {
		r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
		if err := r.ParseForm(); err != nil {
			http.Error(w, "bad form", http.StatusBadRequest)
			return
		}
		form = r.PostForm
	}
	country := form.Get("country")
	if !slices.Contains(m.Countries, country) {
		country = m.Countries[0]
	}
	key := form.Get("key")
	if len(key) != 32 || strings.Trim(key, "0123456789abcdef") != "" {
		key = newKey()
	}
	d := &checkoutData{Action: base + "/checkout", Key: key}
	posted := r.Method == http.MethodPost
	errs := map[string]string{}

	a := address.Address{
		CountryCode: country, Name: form.Get("name"), Organization: form.Get("organization"),
		Line1: form.Get("address-lines"), Line2: form.Get("address-line2"), Locality: form.Get("locality"),
		DependentLocality: form.Get("dependent-locality"), AdministrativeArea: form.Get("administrative-area"),
		PostalCode: form.Get("postal-code"), SortingCode: form.Get("sorting-code"),
	}
	a = address.Normalize(a)
	var customer store.Customer
	if posted {
		if err := address.Validate(a); err != nil {
			var ve *address.ValidationError
			if errors.As(err, &ve) {
				for _, fe := range ve.Errors {
					if _, dup := errs[fe.Field]; !dup {
						errs[fe.Field] = fieldMessage(t, fe)
					}
				}
			} else {
				d.FormError = err.Error()
			}
		}
		email := strings.TrimSpace(form.Get("email"))
		if e, err := mail.ParseAddress(email); err != nil || len(email) > maxEmailLength || e.Address != email || !strings.Contains(email[strings.LastIndexByte(email, '@')+1:], ".") {
			errs["email"] = t.T("err.email")
		}
		customer.Email = email
		if ph := strings.TrimSpace(form.Get("phone")); ph != "" {
			n, err := phone.ParseValid(ph, country)
			if err != nil {
				errs["phone"] = t.T("err.phone")
			} else {
				customer.Phone = n.E164()
			}
		}
	}
	quoteAt := s.homeAddress(st)
	if posted && len(errs) == 0 && d.FormError == "" {
		quoteAt = a
	}
	cart := storeCart(st, lines)
	q, err := st.QuoteAt(r.Context(), s.now(), &cart, quoteAt, customer)
	if errors.Is(err, store.ErrNotServed) {
		errs["administrative-area"] = t.T("err.served")
		q, err = st.QuoteAt(r.Context(), s.now(), &cart, s.homeAddress(st), customer)
	}
	if err != nil {
		s.badRequest(w, r, sel, err)
		return
	}
	d.HasErrors = len(errs) > 0 || d.FormError != ""
	if posted && !d.HasErrors && form.Get("action") == "place" {
		o, err := store.NewOrder(q, store.Checkout{IdempotencyKey: key, ConfigVersion: st.Config().Hash(), Customer: customer, ShipTo: a, BillTo: a})
		if err != nil {
			s.serverError(w, r, sel, err)
			return
		}
		ctx, cancel := contextWithoutCancel(r.Context())
		defer cancel()
		placed, err := s.opts.Orders.PlaceOrder(ctx, o)
		if err != nil {
			s.serverError(w, r, sel, err)
			return
		}
		_ = s.cart.write(w, r, st.ID(), cookiePath(sel), nil)
		if err := s.orders.add(w, r, st.ID(), cookiePath(sel), placed.ID, s.now()); err != nil {
			// The order is placed; only its page in this browser is lost.
			s.log.LogAttrs(r.Context(), slog.LevelError, "order cookie", slogErr(err), slogStr("order", placed.ID))
		}
		http.Redirect(w, r, base+"/orders/"+url.PathEscape(placed.ID), http.StatusSeeOther)
		return
	}

	d.Email = fieldView{ID: "email", Name: "email", Label: t.T("email"), Value: form.Get("email"), Error: errs["email"], Type: "email", Autocomplete: "email", Required: true}
	d.Phone = fieldView{ID: "phone", Name: "phone", Label: t.T("phone"), Value: form.Get("phone"), Error: errs["phone"], Type: "tel", Autocomplete: "tel"}
	cf := s.percentFormatter(tag)
	d.Country = fieldView{ID: "country", Name: "country", Label: t.T("country"), Error: errs["country"], Required: true, Autocomplete: "country"}
	for _, c := range m.Countries {
		name := c
		if cf != nil {
			if n, ok := cf.CountryName(c); ok {
				name = n
			}
		}
		d.Country.Options = append(d.Country.Options, option{Value: c, Name: name, Selected: c == country})
	}
	layout, err := address.Form(country, tag)
	if err != nil {
		// The country is one of the market's, which Check accepted.
		s.serverError(w, r, sel, err)
		return
	}
	for _, row := range layout.Rows {
		var fr []fieldView
		for _, f := range row {
			name := f.Field.String()
			fv := fieldView{ID: "addr-" + name, Name: name, Label: f.Label, Value: form.Get(name), Error: errs[name], Type: "text",
				Autocomplete: autocomplete[f.Field], Required: f.Required}
			if f.Field == address.FieldPostalCode && len(layout.PostalCodeExamples) > 0 {
				fv.Hint = layout.PostalCodeExamples[0]
			}
			if f.Field == address.FieldAdministrativeArea && len(layout.Subdivisions) > 0 {
				fv.Options = append(fv.Options, option{Value: "", Name: "—"})
				for _, sd := range layout.Subdivisions {
					fv.Options = append(fv.Options, option{Value: sd.Key, Name: sd.Name, Selected: sd.Key == a.AdministrativeArea})
				}
			}
			fr = append(fr, fv)
			if f.Field == address.FieldAddressLines {
				fr = append(fr, fieldView{ID: "addr-address-line2", Name: "address-line2", Label: f.Label + " 2", Value: form.Get("address-line2"), Type: "text", Autocomplete: "address-line2"})
			}
		}
		d.Rows = append(d.Rows, fr)
	}
	// A problem with a field this country's form does not show (a
	// locality sent to a Japanese form) is reported above the form.
	shown := map[string]bool{"email": true, "phone": true, "country": true}
	for _, row := range d.Rows {
		for _, f := range row {
			shown[f.Name] = true
		}
	}
	for _, name := range slices.Sorted(mapsKeys(boolKeys(errs))) {
		if !shown[name] {
			d.FormError = strings.TrimSpace(d.FormError + " " + name + ": " + errs[name])
		}
	}
	d.Quote = s.quoteView(q, st, tag)
	p := s.newPage(r, sel, t.T("checkout"))
	s.withCart(p, r, st.ID())
	if d.HasErrors {
		p.Status = http.StatusUnprocessableEntity
	}
	p.Data = d
	s.render(w, r, "checkout", p)
}

// fieldMessage is the message shown beside an address field.
func fieldMessage(t texts, fe *address.FieldError) string {
	switch {
	case errors.Is(fe, address.ErrRequired):
		return t.T("err.required")
	case errors.Is(fe, address.ErrInvalidPostalCode):
		if fe.Example != "" {
			return t.T("err.postal", fe.Example)
		}
		return t.T("err.postal0")
	case errors.Is(fe, address.ErrUnknownSubdivision):
		return t.T("err.subdivision")
	}
	return t.T("err.invalid")
}

func (s *Server) quoteView(q *store.Quote, st *store.Store, tag language.Tag) *quoteView {
	mf := st.Formatter(tag)
	money := func(m pricing.Money) string { return formatMoney(mf, m, q.Currency) }
	v := &quoteView{Subtotal: money(q.Subtotal), Shipping: money(q.Shipping), Net: money(q.Net), Tax: money(q.Tax), Total: money(q.Gross), Include: q.PricesIncludeTax}
	s.fillLines(&v.Lines, q, st, tag)
	f := s.percentFormatter(tag)
	for _, r := range q.Rates {
		rv := rateView{Name: textsFor(tag).T("tax"), Percent: r.Percent, Base: money(r.Base), Tax: money(r.Tax)}
		if r.Rate != nil && f != nil {
			if txt, err := r.Rate.Percent.Format(f); err == nil {
				rv.Percent = txt
			}
		}
		v.Rates = append(v.Rates, rv)
	}
	return v
}

// --- order confirmation ---

type orderData struct {
	Heading                   string
	ID, Email, Phone, Address string
	Lines                     []cartLineView
	Subtotal, Net, Tax, Total string
	Include                   bool
	Rates                     []rateView
	Currency                  string
}

func (s *Server) serveOrder(w http.ResponseWriter, r *http.Request, sel *web.Selection, st *store.Store, id string) {
	if !allowed(w, r, http.MethodGet) {
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	// Private: only the browser that placed the order sees it (orders.go);
	// to anyone else it does not exist. The cookie is checked before the
	// database, so the answer takes no longer for an order that exists.
	if !validOrderID(id) || !s.orders.lists(r, st.ID(), id, s.now()) {
		s.notFound(w, r, sel)
		return
	}
	o, err := s.opts.Orders.Order(r.Context(), st.ID(), id)
	if errors.Is(err, store.ErrOrderNotFound) {
		s.notFound(w, r, sel)
		return
	}
	if err != nil {
		s.serverError(w, r, sel, err)
		return
	}
	tag := sel.Locale()
	t := textsFor(tag)
	f := st.Formatter(tag)
	pf := s.percentFormatter(tag)
	money := func(m pricing.Money) string { return formatMoney(f, m, o.Currency) }
	d := &orderData{Heading: t.T("order", o.ID), ID: o.ID, Email: o.Customer.Email, Phone: o.Customer.Phone, Currency: o.Currency, Include: o.PricesIncludeTax,
		Subtotal: money(o.Subtotal), Net: money(o.Net), Tax: money(o.Tax), Total: money(o.Gross)}
	d.Address = address.Format(o.ShipTo, &address.FormatOptions{Style: address.MultiLine})
	cg := st.Index().Catalog()
	for _, l := range o.Lines {
		name := l.SKU
		if pid := productOf(cg, l.SKU); pid != "" {
			if loc, err := cg.Localize(pid, tag); err == nil {
				name = loc.Name
			}
		}
		d.Lines = append(d.Lines, cartLineView{SKU: l.SKU, Name: name, Qty: l.Quantity, Unit: money(l.UnitPrice), Subtotal: money(l.Gross)})
	}
	for _, rt := range o.Taxes {
		rv := rateView{Name: t.T("tax"), Percent: rt.Percent.String(), Base: money(rt.Base), Tax: money(rt.Tax)}
		if pf != nil && rt.RateID != "" {
			if txt, err := rt.Percent.Format(pf); err == nil {
				rv.Percent = txt
			}
		}
		d.Rates = append(d.Rates, rv)
	}
	p := s.newPage(r, sel, t.T("order", o.ID))
	s.withCart(p, r, st.ID())
	p.Data = d
	s.render(w, r, "order", p)
}

// productOf returns the product a SKU belongs to, or "".
func productOf(cg *catalog.Catalog, sku string) string {
	for p := range cg.Products() {
		for _, v := range p.Variants {
			if v.SKU == sku {
				return p.ID
			}
		}
	}
	return ""
}

// formatMoney formats an amount with the page's formatter; the zero Money
// (no currency) is zero in cur.
func formatMoney(f *locale.Formatter, m pricing.Money, cur string) string {
	if m.Currency() == "" {
		m, _ = pricing.MoneyFromMinor(0, cur)
	}
	txt, err := m.Format(f)
	if err != nil {
		return m.String()
	}
	return txt
}

// localPercents formats the store's rate texts ("8.1%") in the page's
// locale ("8,1 %"), joined for a line taxed twice (GST + QST).
func (s *Server) localPercents(rates []string, tag language.Tag) string {
	f := s.percentFormatter(tag)
	out := make([]string, 0, len(rates))
	for _, r := range rates {
		if p, err := pricing.ParsePercent(r); err == nil && f != nil {
			if txt, err := p.Format(f); err == nil {
				r = txt
			}
		}
		out = append(out, r)
	}
	return strings.Join(out, " + ")
}

// boolKeys is the key set of a map.
func boolKeys(m map[string]string) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}
