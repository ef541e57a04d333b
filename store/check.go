package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/address"
	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/tax"
)

// CheckOptions are the data a configuration is checked against. The zero
// value (or nil) checks the configuration alone against the built-in tax
// data, on today's date.
type CheckOptions struct {
	// Catalog, when set, is checked for products available in a market
	// without a price there and for translations missing in a market's
	// default locale; its tax classes are the ones checked for rates.
	Catalog CatalogView
	// Prices, when set, must hold every market's price list (and
	// fallback list); each is built as the market would build it.
	Prices *PriceData
	// Tax is the rate data; nil means tax.Builtin().
	Tax *tax.Data
	// Date is the civil date rates are checked on (and the date of the
	// next rate change the data knows of after it), and the day, at
	// midnight in each market's time zone, that availability and prices
	// are checked for; zero means today in each market's time zone.
	Date locale.Date
}

// CatalogView is what Check needs from a catalog: for one market, the
// products available in it (ID, tax class, SKUs) and which of them lack
// a name in a locale. Build one from a catalog with NewCatalogView.
type CatalogView interface {
	// Products calls yield for each product available in market m at t.
	Products(m *Market, at time.Time, yield func(p CheckedProduct) bool) error
}

// CheckedProduct is one available product as Check sees it. Its slices
// are read only.
type CheckedProduct struct {
	// Index numbers the view's products densely from 0, the same number
	// for the same product in every market (Check memoizes by it).
	Index    int
	ID       string
	TaxClass string
	SKUs     []string
	// Texts are the locales in which the product has a name of its own;
	// a market's default locale is served when it or a locale of its
	// fallback chain (de-CH → de) is among them.
	Texts []language.Tag
}

// Problem is one finding of Check.
type Problem struct {
	Severity Severity `json:"severity"`
	// Code names the kind of problem ("unknown-currency"); stable, for
	// scripts and tests.
	Code string `json:"code"`
	// Market is the market's ID, or "" for the document as a whole.
	Market string `json:"market,omitempty"`
	// Field is the JSON path of the offending setting
	// ("markets.de.currency").
	Field string `json:"field"`
	// Value is the offending value as written.
	Value string `json:"value"`
	// Message says what is wrong, for people.
	Message string `json:"message"`
	// Err is the underlying error, for errors.Is (not in the JSON).
	Err error `json:"-"`
}

// Report is the result of Check: every problem, sorted by market, field
// and code.
type Report struct {
	// Markets is the number of markets checked.
	Markets int `json:"markets"`
	// Products is the number of (market, product) pairs checked.
	Products int `json:"products"`
	// Date is the date rates were checked on ("" when each market's own
	// today).
	Date     string    `json:"date,omitempty"`
	Problems []Problem `json:"problems"`
}

// Errors returns the number of problems of SeverityError.
func (r *Report) Errors() int { return r.count(SeverityError) }

// Warnings returns the number of problems of SeverityWarning.
func (r *Report) Warnings() int { return r.count(SeverityWarning) }

func (r *Report) count(s Severity) int {
	n := 0
	for _, p := range r.Problems {
		if p.Severity == s {
			n++
		}
	}
	return n
}

// Err returns nil when the report has no errors (warnings do not count),
// and otherwise the errors joined: each an *Error with Op "Check", the
// field path and value, wrapping the problem's reason.
func (r *Report) Err() error {
	var errs []error
	for _, p := range r.Problems {
		if p.Severity == SeverityError {
			errs = append(errs, &Error{Op: "Check", Field: p.Field, Value: p.Value, Err: p.Err})
		}
	}
	return errors.Join(errs...)
}

// WriteText writes the report for people: one line per problem,
//
//	error   markets.de.currency "EURO": unknown-currency: not an ISO 4217 currency
//
// and a summary line.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	for _, p := range r.Problems {
		fmt.Fprintf(&b, "%-7s %s %s: %s: %s\n", p.Severity, p.Field, strconv.Quote(p.Value), p.Code, p.Message)
	}
	fmt.Fprintf(&b, "%d markets, %d products checked: %d errors, %d warnings\n", r.Markets, r.Products, r.Errors(), r.Warnings())
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// checker accumulates problems.
type checker struct {
	c    *Config
	opts CheckOptions
	data *tax.Data
	r    *Report
	memo *checkMemo
	// priced memoizes, per time-independent price list, whether each
	// catalog product (by CheckedProduct.Index) has a price: 1 yes, 2 no.
	// Each worker has its own, so it needs no lock.
	priced map[*pricing.PriceList][]int8
}

// checkMemo is shared by the markets of one Check, checked concurrently.
type checkMemo struct {
	lists *listMemo
}

func (k *checker) add(sev Severity, code, market, field, value string, err error) {
	msg := ""
	if err != nil {
		msg = strings.TrimPrefix(err.Error(), "store: ")
	}
	k.r.Problems = append(k.r.Problems, Problem{Severity: sev, Code: code, Market: market, Field: field, Value: value, Message: msg, Err: err})
}

func (k *checker) errf(code, market, field, value string, sentinel error, format string, args ...any) {
	k.add(SeverityError, code, market, field, value, because(sentinel, fmt.Sprintf(format, args...)))
}

func (k *checker) warnf(code, market, field, value string, sentinel error, format string, args ...any) {
	k.add(SeverityWarning, code, market, field, value, because(sentinel, fmt.Sprintf(format, args...)))
}

// Check verifies a configuration against the catalog, the prices and the
// tax data and reports every problem at once, each with the market, the
// field path and the value. It never stops at the first problem and never
// panics, whatever the configuration holds. A nil c is one problem.
//
// The checks, by code (E error, W warning):
//
//	market-id            E  an ID that is not 1–32 of [a-z0-9-] starting with a letter
//	default-market       E  default_market missing (with several markets) or unknown
//	unknown-country      E  a country that is not ISO 3166-1 alpha-2
//	subdivision          E  a subdivision that is not ISO 3166-2 of one of the market's countries
//	unknown-currency     E  a currency that is not ISO 4217
//	historical-currency  E  a currency no longer legal tender (HRK, BGN, DEM…: known for old invoices only)
//	foreign-currency     W  a currency legal tender in none of the market's countries
//	locale               E  a locale that does not parse or cannot be formatted; default not among locales
//	unknown-address      W  a country without an address format (a generic one is used)
//	tax-origin           E  an origin country unknown to the tax data
//	no-tax-rate          E  no tax rate for a product tax class in a country (or subdivision) on the
//	                        check date, or on the next rate change the data knows of
//	registration         E  a registration that names no country, zone or tax type of the tax data, nor "EU"
//	tax-class            E  a class rule with an unknown country
//	path                 E  a malformed path prefix
//	path-overlap         E  two markets with the same prefix, or one under the other (/de and /de/x)
//	host                 E  a malformed host, or two markets on one host with one path
//	group                E  an unknown group
//	flag                 E  an undeclared flag, or a value of the wrong type
//	time-zone            E  an unknown or missing time zone
//	maintenance          E  a window that never starts (no days, zero length) or windows that never end
//	origin               E  an origin that is not an absolute http(s) URL without query or fragment
//	residency-shared     E  markets with different residency tags sharing a database or an origin
//	database             W  no database DSN for a market; E a backup policy without schedule, keep or destination
//	price-list           E  a price list missing, in another currency or invalid; a fallback unusable
//	no-price             E  a product available in a market with no price there
//	missing-translation  E  a product with no name in one of a market's locales, its CLDR chain or the
//	                        market's fallback_locale (it would be listed without a name)
//	fallback-translation W  products named in a market locale only through the market's fallback_locale
func Check(c *Config, opts *CheckOptions) *Report {
	k := &checker{c: c, r: &Report{Problems: []Problem{}},
		memo: &checkMemo{lists: newListMemo()}}
	if opts != nil {
		k.opts = *opts
	}
	k.data = k.opts.Tax
	if k.data == nil {
		k.data = tax.Builtin()
	}
	if !k.opts.Date.IsZero() {
		k.r.Date = k.opts.Date.String()
	}
	if c == nil {
		k.errf("document", "", "document", "", ErrInvalid, "no configuration")
		return k.r
	}
	ids := c.MarketIDs()
	k.r.Markets = len(ids)
	k.document(ids)
	// Markets are checked concurrently, each into its own report, merged
	// in market order (the sort below makes the order irrelevant anyway).
	subs := make([]*checker, len(ids))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(ids)) {
		wg.Go(func() {
			priced := map[*pricing.PriceList][]int8{} // this worker's
			for i := range next {
				sub := &checker{c: c, opts: k.opts, data: k.data, memo: k.memo, priced: priced, r: &Report{}}
				if m := c.Markets[ids[i]]; m == nil {
					sub.errf("market-id", ids[i], "markets."+ids[i], "null", ErrInvalid, "a market must be an object")
				} else {
					sub.market(ids[i], m)
				}
				subs[i] = sub
			}
		})
	}
	for i := range ids {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, sub := range subs {
		k.r.Problems = append(k.r.Problems, sub.r.Problems...)
		k.r.Products += sub.r.Products
	}
	k.paths(ids)
	k.residency(ids)
	slices.SortStableFunc(k.r.Problems, func(a, b Problem) int {
		if c := strings.Compare(a.Market, b.Market); c != 0 {
			return c
		}
		if c := strings.Compare(a.Field, b.Field); c != 0 {
			return c
		}
		if c := strings.Compare(a.Code, b.Code); c != 0 {
			return c
		}
		return strings.Compare(a.Value, b.Value)
	})
	return k.r
}

func validID(id string) bool {
	if len(id) == 0 || len(id) > 32 || id[0] < 'a' || id[0] > 'z' {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

func (k *checker) document(ids []string) {
	c := k.c
	if len(ids) == 0 {
		k.errf("market-id", "", "markets", "", ErrInvalid, "no markets")
	}
	switch {
	case c.DefaultMarket == "" && len(ids) > 1:
		k.errf("default-market", "", "default_market", "", ErrInvalid, "required with more than one market")
	case c.DefaultMarket != "":
		if _, ok := c.Market(c.DefaultMarket); !ok {
			k.errf("default-market", "", "default_market", c.DefaultMarket, ErrUnknownMarket, "no market has this ID")
		}
	}
	for _, name := range sortedKeys(c.Flags) {
		d := c.Flags[name]
		f := "flags." + name
		if !validFlagName(name) {
			k.errf("flag", "", f, name, ErrInvalid, "a flag name is 1–64 of [a-z0-9_-]")
		}
		if !d.Type.IsValid() {
			k.errf("flag", "", f+".type", d.Type.String(), ErrInvalid, `want "bool", "int" or "string"`)
		} else if d.Default.Type() != d.Type {
			k.errf("flag", "", f+".default", d.Default.String(), ErrType, "the default of flag %s must be of type %s", name, d.Type)
		}
	}
	for _, g := range sortedKeys(c.Groups) {
		k.flags("", "groups."+g+".flags", c.Groups[g].Flags)
	}
	k.database("", "database", c.Database)
}

func validFlagName(s string) bool {
	if len(s) == 0 || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func (k *checker) flags(market, field string, set map[string]FlagValue) {
	for _, name := range sortedKeys(set) {
		v := set[name]
		d, ok := k.c.Flags[name]
		switch {
		case !ok:
			k.errf("flag", market, field+"."+name, name, ErrInvalid, "flag not declared in flags")
		case d.Type.IsValid() && v.Type() != d.Type:
			k.errf("flag", market, field+"."+name, v.String(), ErrType, "flag %s is of type %s", name, d.Type)
		}
	}
}

func (k *checker) database(market, field string, db Database) {
	if b := db.Backup; b != nil {
		if n := len(strings.Fields(b.Schedule)); n != 5 {
			k.errf("database", market, field+".backup.schedule", b.Schedule, ErrInvalid, "want a five-field cron expression")
		}
		if b.Keep < 1 {
			k.errf("database", market, field+".backup.keep", strconv.Itoa(b.Keep), ErrInvalid, "keep at least one backup")
		}
		if b.Destination == "" {
			k.errf("database", market, field+".backup.destination", "", ErrInvalid, "no destination")
		}
	}
}

func (k *checker) market(id string, m *Market) {
	p := "markets." + id
	if !validID(id) {
		k.errf("market-id", id, p, id, ErrInvalid, "an ID is 1–32 of [a-z0-9-] starting with a letter")
	}
	if m.Group != "" {
		if _, ok := k.c.Groups[m.Group]; !ok {
			k.errf("group", id, p+".group", m.Group, ErrInvalid, "no such group")
		}
	}
	k.flags(id, p+".flags", m.Flags)

	// Countries and subdivisions.
	if len(m.Countries) == 0 {
		k.errf("unknown-country", id, p+".countries", "", ErrInvalid, "a market serves at least one country")
	}
	var countries []string
	for i, cc := range m.Countries {
		f := p + ".countries[" + strconv.Itoa(i) + "]"
		if _, ok := locale.CountryInfo(cc); !ok || len(cc) != 2 {
			k.errf("unknown-country", id, f, cc, locale.ErrUnknownCountry, "not an ISO 3166-1 alpha-2 country code")
			continue
		}
		if slices.Contains(countries, cc) {
			k.errf("unknown-country", id, f, cc, ErrInvalid, "listed twice")
			continue
		}
		countries = append(countries, cc)
		if !address.HasMetadata(cc) {
			k.warnf("unknown-address", id, f, cc, ErrInvalid, "no address format for %s: addresses are formatted generically and postal codes are not validated", cc)
		}
	}
	for i, s := range m.Subdivisions {
		f := p + ".subdivisions[" + strconv.Itoa(i) + "]"
		cc, key, ok := strings.Cut(s, "-")
		if !ok || !slices.Contains(countries, cc) {
			k.errf("subdivision", id, f, s, ErrInvalid, "not an ISO 3166-2 code of one of the market's countries")
			continue
		}
		if !knownSubdivision(cc, key) {
			k.errf("subdivision", id, f, s, ErrInvalid, "unknown subdivision of %s", cc)
		}
	}

	// Currency.
	cur, curOK := locale.CurrencyInfo(m.Currency)
	if !curOK || len(m.Currency) != 3 {
		k.errf("unknown-currency", id, p+".currency", m.Currency, locale.ErrUnknownCurrency, "not an ISO 4217 currency code")
		curOK = false
	} else if cur.Historical() {
		// locale formats historical currencies for old invoices; a
		// market cannot sell in one.
		k.errf("historical-currency", id, p+".currency", m.Currency, locale.ErrUnknownCurrency,
			"%s is no longer legal tender (until %s): a market sells in a current currency", cur.Code, cur.Until)
		curOK = false
	} else {
		used := false
		for _, cc := range countries {
			if ci, _ := locale.CountryInfo(cc); ci.Currency == cur.Code {
				used = true
			}
		}
		if !used && len(countries) > 0 {
			k.warnf("foreign-currency", id, p+".currency", m.Currency, ErrInvalid, "%s is legal tender in none of %s", cur.Code, strings.Join(countries, ", "))
		}
	}

	// Locales.
	k.locales(id, p, m)

	// Time zone.
	loc, err := m.Location()
	if err != nil {
		k.add(SeverityError, "time-zone", id, p+".time_zone", m.TimeZone, unwrapStore(err))
		loc = nil
	}

	// Maintenance.
	k.maintenance(id, p, m)

	// Origin.
	if m.Origin != "" {
		if u, err := url.Parse(m.Origin); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			k.errf("origin", id, p+".origin", m.Origin, ErrInvalid, "want an absolute http(s) URL without user, query or fragment")
		}
	}

	// Database.
	if db, _ := k.c.DatabaseOf(id); db.DSN == "" {
		k.warnf("database", id, p+".database.dsn", "", ErrInvalid, "no database DSN here or in database.dsn")
	}
	k.database(id, p+".database", m.Database)

	// Prices and catalog, then tax for the classes the market sells. A
	// market whose countries or subdivisions are wrong is not matched
	// against the catalog: those problems are reported already.
	geoOK := !slices.ContainsFunc(k.r.Problems, func(pr Problem) bool {
		return pr.Market == id && (pr.Code == "unknown-country" || pr.Code == "subdivision" || pr.Code == "market-id")
	})
	if !geoOK {
		loc = nil
	}
	classes := k.pricesAndCatalog(id, p, m, loc)
	k.tax(id, p, m, countries, curOK, loc, classes)
}

func knownSubdivision(cc, key string) bool {
	code := cc + "-" + key
	for _, s := range address.Subdivisions(cc, locale.MustParse("en")) {
		if iso, ok := address.SubdivisionCode(cc, s.Key); ok && iso == code {
			return true
		}
	}
	return false
}

func (k *checker) locales(id, p string, m *Market) {
	var tags []string
	for i, s := range m.Locales {
		f := p + ".locales[" + strconv.Itoa(i) + "]"
		if k.formattable(id, f, s) {
			tags = append(tags, canonicalTag(s))
		}
	}
	if len(m.Locales) == 0 {
		k.errf("locale", id, p+".locales", "", ErrInvalid, "a market supports at least one locale")
	}
	if m.DefaultLocale == "" {
		k.errf("locale", id, p+".default_locale", "", ErrInvalid, "required")
	} else if k.formattable(id, p+".default_locale", m.DefaultLocale) && !slices.Contains(tags, canonicalTag(m.DefaultLocale)) && len(tags) > 0 {
		k.errf("locale", id, p+".default_locale", m.DefaultLocale, ErrInvalid, "not among the market's locales")
	}
	if m.FallbackLocale != "" {
		k.formattable(id, p+".fallback_locale", m.FallbackLocale)
	}
}

func canonicalTag(s string) string {
	t, err := locale.Parse(s)
	if err != nil {
		return s
	}
	return t.String()
}

func (k *checker) formattable(id, field, s string) bool {
	t, err := locale.Parse(s)
	if err != nil {
		k.add(SeverityError, "locale", id, field, s, err)
		return false
	}
	if _, err := locale.NewFormatter(t, nil); err != nil {
		k.add(SeverityError, "locale", id, field, s, err)
		return false
	}
	return true
}

func (k *checker) maintenance(id, p string, m *Market) {
	var week [7 * 1440]bool
	for i, w := range m.Maintenance.Windows {
		f := p + ".maintenance.windows[" + strconv.Itoa(i) + "]"
		if len(w.Days) == 0 {
			k.errf("maintenance", id, f+".days", "", ErrInvalid, "a window without days never starts")
			continue
		}
		if w.From == w.Until {
			k.errf("maintenance", id, f+".until", w.Until.String(), ErrInvalid, "a window that ends when it starts never starts (write 00:00 to 24:00 for a whole day)")
			continue
		}
		dur := w.duration()
		for _, d := range w.Days {
			start := int(d)*1440 + int(w.From)
			for x := range dur {
				week[(start+x)%len(week)] = true
			}
		}
	}
	if len(m.Maintenance.Windows) > 0 && !slices.Contains(week[:], false) {
		k.errf("maintenance", id, p+".maintenance.windows", strconv.Itoa(len(m.Maintenance.Windows))+" windows", ErrInvalid, "the windows cover the whole week: maintenance never ends")
	}
}

// paths checks path prefixes and hosts across markets.
func (k *checker) paths(ids []string) {
	type entry struct{ id, path, host string }
	var es []entry
	for _, id := range ids {
		m := k.c.Markets[id]
		if m == nil {
			continue
		}
		f := "markets." + id + ".path"
		if !validPath(m.Path) {
			k.errf("path", id, f, m.Path, ErrInvalid, `want "/" and segments of [a-z0-9-], no trailing slash ("/de", "/fr-be")`)
			continue
		}
		if m.Host != "" && !validHost(m.Host) {
			k.errf("host", id, "markets."+id+".host", m.Host, ErrInvalid, "want a lower-case host name without port or path")
		}
		es = append(es, entry{id, m.Path, m.Host})
	}
	for i := range es {
		for j := range es {
			if i == j {
				continue
			}
			a, b := es[i], es[j]
			if a.host != b.host && a.host != "" && b.host != "" {
				continue // different hosts: independent path spaces
			}
			switch {
			case a.path == b.path && a.host == b.host && i < j:
				what := "path"
				if a.host != "" {
					what = "host and path"
				}
				k.errf("path-overlap", b.id, "markets."+b.id+".path", b.path, ErrInvalid, "market %s has the same %s", a.id, what)
			case a.path != b.path && strings.HasPrefix(b.path, a.path+"/") && (a.host == b.host || a.host == "" || b.host == ""):
				k.errf("path-overlap", b.id, "markets."+b.id+".path", b.path, ErrInvalid, "under market %s's prefix %s: a prefix must not contain another", a.id, a.path)
			}
		}
	}
}

func validPath(s string) bool {
	if len(s) < 2 || s[0] != '/' || s[len(s)-1] == '/' || len(s) > 200 {
		return false
	}
	for _, seg := range strings.Split(s[1:], "/") {
		if seg == "" {
			return false
		}
		for i := 0; i < len(seg); i++ {
			c := seg[i]
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
		}
	}
	return true
}

func validHost(s string) bool {
	if len(s) == 0 || len(s) > 253 {
		return false
	}
	for _, label := range strings.Split(s, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
		}
	}
	return true
}

// residency: markets with different tags never share a database or an
// origin.
func (k *checker) residency(ids []string) {
	type owner struct{ id, tag string }
	dbs := map[string]owner{}
	origins := map[string]owner{}
	for _, id := range ids {
		m := k.c.Markets[id]
		if m == nil {
			continue
		}
		if db, _ := k.c.DatabaseOf(id); db.DSN != "" {
			if o, ok := dbs[db.DSN]; ok && o.tag != m.Residency {
				k.errf("residency-shared", id, "markets."+id+".database.dsn", db.DSN, ErrInvalid,
					"market %s (residency %q) uses the same database with residency %q", o.id, o.tag, m.Residency)
			} else if !ok {
				dbs[db.DSN] = owner{id, m.Residency}
			}
		}
		if m.Origin != "" {
			o := strings.TrimRight(m.Origin, "/")
			if prev, ok := origins[o]; ok && prev.tag != m.Residency {
				k.errf("residency-shared", id, "markets."+id+".origin", m.Origin, ErrInvalid,
					"market %s (residency %q) is served by the same instance with residency %q", prev.id, prev.tag, m.Residency)
			} else if !ok {
				origins[o] = owner{id, m.Residency}
			}
		}
	}
}

// tax checks the origin, the registrations, the class rules and that a
// rate exists for every tax class in every country on the check date and
// on the next rate change.
func (k *checker) tax(id, p string, m *Market, countries []string, curOK bool, loc *time.Location, classes []string) {
	t := m.Tax
	tp := p + ".tax"
	originOK := true
	if t.Origin.Country == "" {
		k.errf("tax-origin", id, tp+".origin.country", "", ErrInvalid, "required")
		originOK = false
	} else if !k.data.HasCountry(t.Origin.Country) {
		k.errf("tax-origin", id, tp+".origin.country", t.Origin.Country, locale.ErrUnknownCountry, "the tax data has no tax for this country")
		originOK = false
	}
	for i, r := range t.Registrations {
		if !k.registrationKnown(r) {
			k.errf("registration", id, tp+".registrations["+strconv.Itoa(i)+"]", r, ErrInvalid,
				`names no country, zone or tax type of the tax data (nor "EU")`)
		}
	}
	classErr := false
	for i, cl := range t.Classes {
		if cl.Country != "" {
			if _, ok := locale.CountryInfo(cl.Country); !ok {
				classErr = true
				k.errf("tax-class", id, tp+".classes["+strconv.Itoa(i)+"].country", cl.Country, locale.ErrUnknownCountry, "not an ISO 3166-1 alpha-2 country code")
			}
		}
		if cl.Class == "" {
			classErr = true
			k.errf("tax-class", id, tp+".classes["+strconv.Itoa(i)+"].class", "", ErrInvalid, "required")
		}
	}
	if !curOK || !originOK || loc == nil {
		return // the rate checks need a currency, an origin and a date
	}
	calc, err := NewTaxCalculator(m, k.data)
	if err != nil {
		if !classErr {
			k.add(SeverityError, "tax-class", id, tp+".classes", "", err)
		}
		return
	}
	day := k.today(loc)
	for _, cc := range countries {
		regions := k.regionsOf(m, cc, calc, day)
		dates := []tax.Date{day}
		if next, ok := k.nextChange(cc, day); ok {
			dates = append(dates, next)
		}
		for _, cl := range classes {
			for _, rg := range regions {
				for di, d := range dates {
					if err := probeTax(calc, m, d, cc, rg, cl); err != nil {
						where := cc
						if rg != "" {
							where = rg
						}
						when := "on " + d.String()
						if di > 0 {
							when += ", the next rate change the data knows of"
						}
						label := cl
						if label == "" {
							label = "standard"
						}
						k.add(SeverityError, "no-tax-rate", id, tp, label+" in "+where+" on "+d.String(),
							fmt.Errorf("%w: class %q in %s %s: %w", tax.ErrNoTaxRate, label, where, when, err))
						break
					}
				}
			}
		}
	}
}

func (k *checker) registrationKnown(r string) bool {
	if r == tax.TagEU {
		return true
	}
	if k.data.HasCountry(strings.ToUpper(r)) && len(r) == 2 {
		return true
	}
	if _, ok := k.data.Zone(r); ok {
		return true
	}
	_, ok := k.data.Type(r)
	return ok
}

func (k *checker) today(loc *time.Location) tax.Date {
	if !k.opts.Date.IsZero() {
		return k.opts.Date
	}
	return locale.DateOf(time.Now().In(loc))
}

func (k *checker) checkTime(loc *time.Location) time.Time {
	if !k.opts.Date.IsZero() {
		return k.opts.Date.In(loc)
	}
	return time.Now().In(loc)
}

// regionsOf returns the subdivisions to probe in country cc: the market's
// own subdivisions of cc; or, when the tax of cc depends on the region
// (a probe without one fails on customer.address.region: US, CA), every
// subdivision of cc; or "" alone.
func (k *checker) regionsOf(m *Market, cc string, calc tax.Calculator, day tax.Date) []string {
	var out []string
	own := false
	for _, s := range m.Subdivisions {
		if key, ok := strings.CutPrefix(s, cc+"-"); ok {
			own = true
			if knownSubdivision(cc, key) {
				out = append(out, s)
			}
		}
	}
	if own {
		return out // the unknown ones are reported as such
	}
	var te *tax.Error
	if err := probeTax(calc, m, day, cc, "", ""); err == nil || !errors.As(err, &te) || te.Field != "customer.address.region" {
		return []string{""}
	}
	for _, s := range address.Subdivisions(cc, locale.MustParse("en")) {
		if iso, ok := address.SubdivisionCode(cc, s.Key); ok {
			out = append(out, iso)
		}
	}
	if len(out) == 0 {
		return []string{""}
	}
	return out
}

// nextChange returns the first date after day on which an amount of a tax
// of country cc starts or ends.
func (k *checker) nextChange(cc string, day tax.Date) (tax.Date, bool) {
	var best tax.Date
	found := false
	consider := func(d tax.Date) {
		if !d.IsZero() && d.After(day) && (!found || d.Before(best)) {
			best, found = d, true
		}
	}
	for _, tt := range k.data.Types() {
		if tt.Country() != cc && !tt.Zone().HasCountry(cc) {
			continue
		}
		for c := tax.Standard; c <= tax.Increased; c++ {
			for _, a := range tt.Rates(c) {
				consider(a.From)
				if next, ok := a.To.AddDays(1); ok {
					consider(next)
				}
			}
		}
	}
	return best, found
}

// probeTax prices one line of class cl for a consumer in cc/region on d.
func probeTax(calc tax.Calculator, m *Market, d tax.Date, cc, region, cl string) error {
	unit, err := pricing.MoneyFromMinor(10000, m.Currency)
	if err != nil {
		return err
	}
	order := pricing.Order{Currency: m.Currency, Rounding: m.Tax.Mode,
		Items: []pricing.Item{{SKU: "probe", TaxClass: cl, Quantity: 1, UnitPrice: unit}}}
	q, err := order.Quote()
	if err != nil {
		return err
	}
	req := taxRequest(m, d, tax.Address{Country: cc, Region: region}, Customer{}, q.Lines)
	var res tax.Result
	return calc.Calculate(context.Background(), req, &res)
}

// maxListed is how many product IDs or SKUs a problem about many
// products names.
const maxListed = 5

// pricesAndCatalog builds the market's price list and checks every
// available product against it and for its default-locale text. It
// returns the tax classes to check: those of the products available in
// the market, or, without a catalog, the standard class and the classes
// the market's rules name.
func (k *checker) pricesAndCatalog(id, p string, m *Market, loc *time.Location) []string {
	var pl *pricing.PriceList
	var pls []*pricing.PriceList // lists one of which must price each SKU; default: pl
	timeless := false            // the list's answers do not depend on the time
	if k.opts.Prices != nil {
		var err error
		pl, err = k.opts.Prices.priceList(k.c, id, k.memo.lists)
		if ld, ok := k.opts.Prices.Lists[m.PriceList()]; ok && !ld.windowed() {
			timeless = true
			if fb := m.Prices.Fallback; fb != nil {
				if fd, ok := k.opts.Prices.Lists[fb.List]; ok && fd.windowed() {
					timeless = false
				}
			}
		}
		// A time-independent converted price exists exactly when the
		// market's own list or its fallback list prices the SKU (the rate
		// and ending rule were validated when pl was built): ask the two
		// shared lists, whose answers are memoized across markets, rather
		// than converting every price.
		if err == nil && timeless && m.Prices.Fallback != nil {
			own, err1 := k.memo.lists.build(id, m.PriceList(), k.opts.Prices.Lists[m.PriceList()], m.TimeZone)
			fb, err2 := k.memo.lists.build(id, m.Prices.Fallback.List, k.opts.Prices.Lists[m.Prices.Fallback.List], m.TimeZone)
			if err1 == nil && err2 == nil {
				pls = []*pricing.PriceList{own, fb}
			}
		}
		if err != nil {
			for _, e := range Errors(err) {
				k.add(SeverityError, "price-list", id, e.Field, e.Value, e.Err)
			}
			if len(Errors(err)) == 0 {
				k.add(SeverityError, "price-list", id, p+".prices", m.PriceList(), err)
			}
		}
	}
	if k.opts.Catalog == nil || loc == nil {
		classes := map[string]bool{"": true}
		for _, cl := range m.Tax.Classes {
			classes[cl.Class] = true
		}
		return sortedKeys(classes)
	}
	at := k.checkTime(loc)
	// Every locale of the market is checked through the chain a page uses:
	// the locale's own CLDR chain, then the fallback locale's.
	type texts struct {
		field, tag string
		own        []language.Tag // the locale's CLDR chain
		missing    []string       // no name at all: the page would show none
		nMissing   int
		fallback   []string // a name only from the fallback locale
		nFallback  int
	}
	var fbChain []language.Tag
	if fb, err := locale.Parse(m.FallbackLocale); err == nil && m.FallbackLocale != "" {
		fbChain = locale.Chain(fb)
	}
	var checks []*texts
	for i, s := range m.Locales {
		t, err := locale.Parse(s)
		if err != nil {
			continue // reported by locales
		}
		checks = append(checks, &texts{field: p + ".locales[" + strconv.Itoa(i) + "]", tag: s, own: locale.Chain(t)})
	}
	classes := map[string]bool{}
	var unpriced []string
	nUnpriced := 0
	q := pricing.Query{Quantity: 1, At: at}
	has := func(texts, chain []language.Tag) bool {
		return slices.ContainsFunc(texts, func(t language.Tag) bool { return slices.Contains(chain, t) })
	}
	err := k.opts.Catalog.Products(m, at, func(cp CheckedProduct) bool {
		k.r.Products++
		classes[cp.TaxClass] = true
		for _, c := range checks {
			switch {
			case has(cp.Texts, c.own):
			case has(cp.Texts, fbChain):
				if c.nFallback++; len(c.fallback) < maxListed {
					c.fallback = append(c.fallback, cp.ID)
				}
			default:
				if c.nMissing++; len(c.missing) < maxListed {
					c.missing = append(c.missing, cp.ID)
				}
			}
		}
		if pl != nil {
			for _, sku := range cp.SKUs {
				priced := false
				if pls != nil {
					priced = k.hasPrice(pls[0], true, cp, sku, q) || k.hasPrice(pls[1], true, cp, sku, q)
				} else {
					priced = k.hasPrice(pl, timeless, cp, sku, q)
				}
				if !priced {
					if nUnpriced++; len(unpriced) < maxListed {
						unpriced = append(unpriced, sku)
					}
				}
			}
		}
		return true
	})
	if err != nil {
		k.add(SeverityError, "catalog", id, p+".catalog", "", err)
	}
	if nUnpriced > 0 {
		k.add(SeverityError, "no-price", id, p+".prices.list", m.PriceList(),
			fmt.Errorf("%w: %d available SKUs have no price in list %s: %s", pricing.ErrNoPrice, nUnpriced, m.PriceList(), listed(unpriced, nUnpriced)))
	}
	for _, c := range checks {
		if c.nMissing > 0 {
			where := " or its fallback chain (no fallback_locale)"
			if m.FallbackLocale != "" {
				where = ", its fallback chain or the fallback locale " + m.FallbackLocale
			}
			k.errf("missing-translation", id, c.field, c.tag, ErrInvalid,
				"%d available products have no name in %s%s, so they would be listed without one: %s", c.nMissing, c.tag, where, listed(c.missing, c.nMissing))
		}
		if c.nFallback > 0 {
			k.warnf("fallback-translation", id, c.field, c.tag, ErrInvalid,
				"%d available products have no name in %s or its fallback chain and are shown in the fallback locale %s: %s", c.nFallback, c.tag, m.FallbackLocale, listed(c.fallback, c.nFallback))
		}
	}
	return sortedKeys(classes)
}

// hasPrice resolves sku in pl, memoized per product for lists whose
// answers do not depend on the time (a product with one SKU).
func (k *checker) hasPrice(pl *pricing.PriceList, timeless bool, cp CheckedProduct, sku string, q pricing.Query) bool {
	if !timeless || len(cp.SKUs) != 1 || cp.Index < 0 {
		_, err := pl.Resolve(sku, q)
		return err == nil
	}
	if k.priced == nil {
		k.priced = map[*pricing.PriceList][]int8{}
	}
	memo := k.priced[pl]
	if cp.Index >= len(memo) {
		memo = append(memo, make([]int8, cp.Index+1-len(memo)+len(memo)/2)...)
		k.priced[pl] = memo
	}
	if memo[cp.Index] == 0 {
		memo[cp.Index] = 2
		if _, err := pl.Resolve(sku, q); err == nil {
			memo[cp.Index] = 1
		}
	}
	return memo[cp.Index] == 1
}

func listed(ids []string, n int) string {
	s := strings.Join(ids, ", ")
	if n > len(ids) {
		s += fmt.Sprintf(" and %d more", n-len(ids))
	}
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
