package catalog

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/marketkit/marketkit/internal/enum"
)

// Availability says in which markets a product is for sale. The zero
// Availability sells everywhere, always. The rules are checked in the order
// of the fields; the first that refuses decides (see RuleKind).
type Availability struct {
	// Markets, when not empty, lists the only market IDs that sell the
	// product.
	Markets []string
	// ExcludeMarkets lists market IDs that never sell it.
	ExcludeMarkets []string
	// Countries, when not empty, lists the countries ("CH") and
	// subdivisions ("US-NY") the product may be sold to: a market sells it
	// only if every region the market serves is covered (a market serving
	// all of US is not covered by "US-NY").
	Countries []string
	// ExcludeCountries lists countries and subdivisions the product may not
	// be sold to: a market that serves any part of one does not sell it
	// (excluding "US-NY" removes a market serving all of US).
	ExcludeCountries []string
	// RequireFlags lists market feature flags that must all be set.
	RequireFlags []string
	// ForbidFlags lists market feature flags none of which may be set.
	ForbidFlags []string
	// From and Until bound the sale window in each market's own time zone,
	// as "2026-11-27" or "2026-11-27T09:00" (seconds optional). From is
	// inclusive; a date-only Until includes that whole day, a date-time
	// Until is exclusive. Empty means unbounded.
	From, Until string
}

// RuleKind names the rule that decided an availability question.
type RuleKind uint8

// The rules, in the order they are checked.
const (
	RuleExcludeMarkets   RuleKind = iota + 1 // "exclude-markets": Availability.ExcludeMarkets lists the market
	RuleMarkets                              // "markets": Availability.Markets does not list the market
	RuleExcludeCountries                     // "exclude-countries": the market serves an excluded region
	RuleCountries                            // "countries": the market serves a region not in Availability.Countries
	RuleForbidFlags                          // "forbid-flags": the market has a forbidden flag
	RuleRequireFlags                         // "require-flags": the market lacks a required flag
	RuleSaleWindow                           // "sale-window": the time is outside From/Until in the market's zone
	RuleHost                                 // "host": a host Rule refused (Decision.Host names it)
	RuleDefault                              // "default": no rule refused; the product is available
)

var ruleNames = enum.New[RuleKind]("RuleKind", RuleExcludeMarkets,
	"exclude-markets", "markets", "exclude-countries", "countries", "forbid-flags",
	"require-flags", "sale-window", "host", "default")

// String returns the rule's name, e.g. "exclude-countries".
func (k RuleKind) String() string { return ruleNames.String(k) }

// IsValid reports whether k is a defined rule.
func (k RuleKind) IsValid() bool { return ruleNames.IsValid(k) }

// AppendText appends the rule's name to b; an invalid RuleKind is an
// error.
func (k RuleKind) AppendText(b []byte) ([]byte, error) {
	out, ok := ruleNames.AppendText(b, k)
	if !ok {
		return b, &Error{Op: "RuleKind.AppendText", Field: "rule", Value: k.String(), Err: because(ErrInvalid, "unknown rule")}
	}
	return out, nil
}

// MarshalText returns the rule's name; an invalid RuleKind is an error.
func (k RuleKind) MarshalText() ([]byte, error) { return k.AppendText(nil) }

// UnmarshalText parses a rule name.
func (k *RuleKind) UnmarshalText(b []byte) error {
	v, err := ParseRuleKind(string(b))
	if err == nil {
		*k = v
	}
	return err
}

// ParseRuleKind parses a rule name such as "exclude-countries".
func ParseRuleKind(s string) (RuleKind, error) {
	v, ok := ruleNames.Parse(s)
	if !ok {
		return 0, &Error{Op: "ParseRuleKind", Field: "rule", Value: s, Err: because(ErrInvalid, "want one of "+strings.Join(ruleNames.All(), ", "))}
	}
	return v, nil
}

// Decision is the answer to "is this product for sale in this market now?"
// with the rule that decided it.
type Decision struct {
	Available bool
	Rule      RuleKind
	Host      string // the host Rule's Name when Rule is RuleHost
	// Reason is a sentence for people: `market "no" serves NO, which
	// exclude_countries lists`.
	Reason string
}

// String returns "available (default)" or "unavailable (rule): reason".
func (d Decision) String() string {
	if d.Available {
		return "available (" + d.Rule.String() + ")"
	}
	r := d.Rule.String()
	if d.Rule == RuleHost {
		r += " " + strconv.Quote(d.Host)
	}
	return "unavailable (" + r + "): " + d.Reason
}

// Rule is a host-defined availability rule (an age restriction, a licence,
// an embargo list kept elsewhere), checked after the built-in rules. Rules
// must be safe for concurrent use and must not modify their arguments. An
// index evaluates them when it is built (IndexOptions.At), not per query.
type Rule interface {
	// Name identifies the rule in a Decision.
	Name() string
	// Allow reports whether p may be sold in m at time at; reason explains
	// a refusal.
	Allow(p ProductInfo, m Market, at time.Time) (ok bool, reason string)
}

// ProductInfo gives a host Rule read access to a product.
type ProductInfo struct {
	p *product
	c *Catalog
}

// ID returns the product ID.
func (pi ProductInfo) ID() string { return pi.p.ID }

// Category returns the product's category ID ("" for none).
func (pi ProductInfo) Category() string { return pi.p.Category }

// InCategory reports whether the product is in category id or one of its
// descendants.
func (pi ProductInfo) InCategory(id string) bool {
	for c := pi.p.Category; c != ""; c = pi.c.catByID[c].Parent {
		if c == id {
			return true
		}
	}
	return false
}

// TaxClass returns the product's tax class.
func (pi ProductInfo) TaxClass() string { return pi.p.TaxClass }

// Value returns the product's own value of attribute id (a copy).
func (pi ProductInfo) Value(id string) (Value, bool) {
	v, ok := pi.p.Attributes[id]
	v.Enum = slices.Clone(v.Enum)
	return v, ok
}

// window is a sale window as civil times; the zero civil is unbounded.
type window struct {
	from, until civil // until is exclusive
}

// civil is a wall-clock time without a zone.
type civil struct {
	set                bool
	y, mo, d, h, mi, s int
}

func (c civil) in(loc *time.Location) time.Time {
	return time.Date(c.y, time.Month(c.mo), c.d, c.h, c.mi, c.s, 0, loc)
}

// parseCivil parses "2006-01-02" or "2006-01-02T15:04[:05]". A date-only
// end bound moves to the start of the next day.
func parseCivil(s string, end bool) (civil, error) {
	if s == "" {
		return civil{}, nil
	}
	layouts := []string{"2006-01-02", "2006-01-02T15:04", "2006-01-02T15:04:05"}
	for i, l := range layouts {
		if len(s) != len(l) {
			continue
		}
		t, err := time.Parse(l, s)
		if err != nil {
			break
		}
		if i == 0 && end {
			t = t.AddDate(0, 0, 1)
		}
		return civil{set: true, y: t.Year(), mo: int(t.Month()), d: t.Day(), h: t.Hour(), mi: t.Minute(), s: t.Second()}, nil
	}
	return civil{}, because(ErrSyntax, `want a date "2026-11-27" or a date-time "2026-11-27T09:00"`)
}

// before reports whether a < b as wall-clock times.
func (c civil) before(o civil) bool {
	a := [6]int{c.y, c.mo, c.d, c.h, c.mi, c.s}
	b := [6]int{o.y, o.mo, o.d, o.h, o.mi, o.s}
	return slices.Compare(a[:], b[:]) < 0
}

// bounds returns the window's instants in loc as Unix seconds; an unbounded
// side is math.MinInt64 or MaxInt64.
func (w window) bounds(loc *time.Location) (from, until int64) {
	from, until = minInt64, maxInt64
	if w.from.set {
		from = w.from.in(loc).Unix()
	}
	if w.until.set {
		until = w.until.in(loc).Unix()
	}
	return from, until
}

const (
	minInt64 = -1 << 63
	maxInt64 = 1<<63 - 1
)

// avail is a product's checked availability.
type avail struct {
	markets, excludeMarkets     []string
	countries, excludeCountries []string
	require, forbid             []string
	win                         window
}

func (a *avail) hasWindow() bool { return a.win.from.set || a.win.until.set }

// compileAvail checks a product's Availability. Errors name field paths
// under "availability".
func compileAvail(a Availability) (avail, *Error) {
	var out avail
	ids := func(field string, in []string) ([]string, *Error) {
		var res []string
		for i, s := range in {
			f := field + "[" + strconv.Itoa(i) + "]"
			if err := checkID(s); err != nil {
				return nil, &Error{Field: f, Value: s, Err: err}
			}
			if slices.Contains(res, s) {
				return nil, &Error{Field: f, Value: s, Err: because(ErrDuplicate, "listed twice")}
			}
			res = append(res, s)
		}
		return res, nil
	}
	regions := func(field string, in []string) ([]string, *Error) {
		var res []string
		for i, s := range in {
			f := field + "[" + strconv.Itoa(i) + "]"
			r, err := normRegion(s)
			if err != nil {
				return nil, &Error{Field: f, Value: s, Err: err}
			}
			if slices.Contains(res, r) {
				return nil, &Error{Field: f, Value: s, Err: because(ErrDuplicate, "listed twice")}
			}
			res = append(res, r)
		}
		return res, nil
	}
	var err *Error
	if out.markets, err = ids("availability.markets", a.Markets); err != nil {
		return out, err
	}
	if out.excludeMarkets, err = ids("availability.exclude_markets", a.ExcludeMarkets); err != nil {
		return out, err
	}
	if out.countries, err = regions("availability.countries", a.Countries); err != nil {
		return out, err
	}
	if out.excludeCountries, err = regions("availability.exclude_countries", a.ExcludeCountries); err != nil {
		return out, err
	}
	if out.require, err = ids("availability.require_flags", a.RequireFlags); err != nil {
		return out, err
	}
	if out.forbid, err = ids("availability.forbid_flags", a.ForbidFlags); err != nil {
		return out, err
	}
	for _, f := range out.require {
		if slices.Contains(out.forbid, f) {
			return out, &Error{Field: "availability.forbid_flags", Value: f, Err: because(ErrInvalid, "the flag is also required")}
		}
	}
	var e error
	if out.win.from, e = parseCivil(a.From, false); e != nil {
		return out, &Error{Field: "availability.from", Value: a.From, Err: e}
	}
	if out.win.until, e = parseCivil(a.Until, true); e != nil {
		return out, &Error{Field: "availability.until", Value: a.Until, Err: e}
	}
	if out.win.from.set && out.win.until.set && !out.win.from.before(out.win.until) {
		return out, &Error{Field: "availability.until", Value: a.Until, Err: because(ErrInvalid, "the sale window ends before it starts")}
	}
	return out, nil
}

// covered reports whether region r is inside one of list.
func covered(r string, list []string) bool {
	for _, e := range list {
		if e == r || (len(r) > 2 && e == r[:2]) {
			return true
		}
	}
	return false
}

// overlap returns the first entry of list that shares territory with r.
func overlap(r string, list []string) (string, bool) {
	for _, e := range list {
		if e == r || (len(r) > 2 && e == r[:2]) || (len(r) == 2 && len(e) > 2 && e[:2] == r) {
			return e, true
		}
	}
	return "", false
}

// static decides the rules that do not depend on the time or the host,
// returning ok and the deciding rule with a reason when not ok.
func (a *avail) static(m *market) (bool, RuleKind, string) {
	if slices.Contains(a.excludeMarkets, m.ID) {
		return false, RuleExcludeMarkets, "exclude_markets lists market " + strconv.Quote(m.ID)
	}
	if len(a.markets) > 0 && !slices.Contains(a.markets, m.ID) {
		return false, RuleMarkets, "markets does not list market " + strconv.Quote(m.ID)
	}
	for _, r := range m.regions {
		if e, ok := overlap(r, a.excludeCountries); ok {
			return false, RuleExcludeCountries, "market " + strconv.Quote(m.ID) + " serves " + r + ", which exclude_countries excludes (" + e + ")"
		}
	}
	if len(a.countries) > 0 {
		for _, r := range m.regions {
			if !covered(r, a.countries) {
				return false, RuleCountries, "market " + strconv.Quote(m.ID) + " serves " + r + ", which countries does not cover (" + strings.Join(a.countries, ", ") + ")"
			}
		}
	}
	for _, f := range a.forbid {
		if m.flags[f] {
			return false, RuleForbidFlags, "market " + strconv.Quote(m.ID) + " has flag " + strconv.Quote(f) + ", which forbid_flags lists"
		}
	}
	for _, f := range a.require {
		if !m.flags[f] {
			return false, RuleRequireFlags, "market " + strconv.Quote(m.ID) + " lacks flag " + strconv.Quote(f) + ", which require_flags lists"
		}
	}
	return true, RuleDefault, ""
}

// inWindow decides the sale window at t in m's zone.
func (a *avail) inWindow(m *market, t time.Time) (bool, string) {
	if !a.hasWindow() {
		return true, ""
	}
	from, until := a.win.bounds(m.TimeZone)
	u := t.Unix()
	if u < from {
		return false, "not on sale before " + a.win.from.in(m.TimeZone).Format("2006-01-02 15:04 MST") + " in market " + strconv.Quote(m.ID)
	}
	if u >= until {
		return false, "sale ended " + a.win.until.in(m.TimeZone).Format("2006-01-02 15:04 MST") + " in market " + strconv.Quote(m.ID)
	}
	return true, ""
}

// decide runs every rule for p in m at t.
func (c *Catalog) decide(p *product, m *market, at time.Time) Decision {
	if ok, rule, why := p.avail.static(m); !ok {
		return Decision{Rule: rule, Reason: why}
	}
	if ok, why := p.avail.inWindow(m, at); !ok {
		return Decision{Rule: RuleSaleWindow, Reason: why}
	}
	if d, ok := c.hostDecide(p, m, at); !ok {
		return d
	}
	return Decision{Available: true, Rule: RuleDefault, Reason: "no rule refused"}
}

func (c *Catalog) hostDecide(p *product, m *market, at time.Time) (Decision, bool) {
	for _, r := range c.rules {
		if ok, why := r.Allow(ProductInfo{p: p, c: c}, m.Market, at); !ok {
			if why == "" {
				why = "refused by the host rule"
			}
			return Decision{Rule: RuleHost, Host: r.Name(), Reason: why}, false
		}
	}
	return Decision{}, true
}

// Available reports whether product id is for sale in market m at time at.
// An unknown product or an invalid market is an error.
func (c *Catalog) Available(id string, m Market, at time.Time) (bool, error) {
	d, err := c.ExplainAvailability(id, m, at)
	return d.Available, err
}

// ExplainAvailability answers Available and names the rule that decided:
// the first refusing rule in the order of RuleKind, or RuleDefault.
func (c *Catalog) ExplainAvailability(id string, m Market, at time.Time) (Decision, error) {
	cm, err := compileMarket("ExplainAvailability", m)
	if err != nil {
		return Decision{}, err
	}
	p, ok := c.byID[id]
	if !ok {
		return Decision{}, &Error{Op: "ExplainAvailability", Field: "product", Value: id, Err: because(ErrNotFound, "no such product")}
	}
	return c.decide(p, cm, at), nil
}

// MarketView answers availability questions for one market, checked
// once: use it for many products (a launch check over the whole catalog)
// instead of Catalog.Available, which checks the market on every call. It
// is immutable and safe for concurrent use.
type MarketView struct {
	c *Catalog
	m *market
}

// ForMarket checks m (as Market.Validate) and returns its view.
func (c *Catalog) ForMarket(m Market) (*MarketView, error) {
	c.check()
	cm, err := compileMarket("ForMarket", m)
	if err != nil {
		return nil, err
	}
	return &MarketView{c: c, m: cm}, nil
}

func (v *MarketView) check() {
	if v == nil {
		panic("catalog: nil *MarketView")
	}
}

// Available reports whether product id is for sale in the market at time
// at; an unknown product is an error wrapping ErrNotFound.
func (v *MarketView) Available(id string, at time.Time) (bool, error) {
	d, err := v.Explain(id, at)
	return d.Available, err
}

// Explain answers Available and names the deciding rule, as
// Catalog.ExplainAvailability.
func (v *MarketView) Explain(id string, at time.Time) (Decision, error) {
	v.check()
	p, ok := v.c.byID[id]
	if !ok {
		return Decision{}, &Error{Op: "MarketView.Explain", Field: "product", Value: id, Err: because(ErrNotFound, "no such product")}
	}
	return v.c.decide(p, v.m, at), nil
}

// AvailableIDs returns the IDs of the products for sale in the market at
// time at, in catalog order.
func (v *MarketView) AvailableIDs(at time.Time) []string {
	v.check()
	var out []string
	for _, p := range v.c.products {
		if v.c.decide(p, v.m, at).Available {
			out = append(out, p.ID)
		}
	}
	return out
}
