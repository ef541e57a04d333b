package pricing

import (
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/marketkit/marketkit/internal/enum"
	"github.com/marketkit/marketkit/locale"
)

// PriceEntry is one price of a SKU in a price list, with the conditions
// under which it applies. An entry without conditions is the base price.
type PriceEntry struct {
	SKU string `json:"sku"`
	// Price is the price per unit, in the list's currency.
	Price Money `json:"price"`
	// CompareAt is an optional "was" price shown struck through; the zero
	// Money means none. It must be above Price.
	CompareAt Money `json:"compare_at"`
	// Group restricts the entry to one customer group ("" is everyone).
	Group string `json:"group,omitempty"`
	// MinQuantity makes the entry a quantity tier: it applies from this
	// quantity on (0 and 1 mean any quantity).
	MinQuantity int64 `json:"min_quantity,omitempty"`
	// From and Until bound a validity window, as wall-clock times in the
	// list's time zone: "2006-01-02T15:04:05", "2006-01-02T15:04" or
	// "2006-01-02" (midnight). From is inclusive, Until exclusive; ""
	// leaves that side open. At a daylight-saving change, a wall time
	// that occurs twice means its first occurrence and one that is
	// skipped is moved forward by the gap (RFC 5545). From must be
	// before Until.
	From  string `json:"from,omitempty"`
	Until string `json:"until,omitempty"`
}

// PriceListConfig describes a price list.
type PriceListConfig struct {
	// Market is the ID of the market the list belongs to.
	Market string `json:"market"`
	// Currency is the ISO 4217 code of every price in the list.
	Currency string `json:"currency"`
	// TimeZone is the market's IANA time zone ("Europe/Berlin"); validity
	// windows are wall-clock times in it. "Local" is rejected: a market's
	// prices must not depend on the server's zone.
	TimeZone string       `json:"time_zone"`
	Entries  []PriceEntry `json:"entries"`
	// Fallback, if set, prices SKUs the list has no entry for.
	Fallback *Fallback `json:"-"`
}

// Fallback derives prices from another market's list by conversion.
type Fallback struct {
	// List is the list to take prices from.
	List *PriceList
	// Rates must hold the rate from List's currency to this list's.
	Rates *RateTable
	// Rounding rounds the converted amount to the currency's digits; the
	// zero value is RoundHalfEven.
	Rounding RoundingMode
	// Ending is the market's price-ending rule, applied after rounding.
	Ending EndingRule
}

// Source says which kind of entry priced a SKU.
type Source uint8

// The sources: the four kinds of entry, from least to most specific (see
// the resolution order of [PriceList]), then SourceConverted for a price
// taken from the fallback list, which keeps the Source of the entry it was
// converted from in Price.Origin.
const (
	SourceBase Source = iota + 1
	SourceWindow
	SourceTier
	SourceGroup
	SourceConverted
)

var sourceNames = enum.New("Source", SourceBase, "base", "window", "tier", "group", "converted")

// String returns "base", "window", "tier", "group" or "converted", or
// "Source(N)" for an invalid value.
func (s Source) String() string { return sourceNames.String(s) }

// IsValid reports whether s is one of the sources.
func (s Source) IsValid() bool { return sourceNames.IsValid(s) }

// ParseSource parses a name returned by String.
func ParseSource(text string) (Source, error) {
	if s, ok := sourceNames.Parse(text); ok {
		return s, nil
	}
	return 0, newError("ParseSource", "source", text, ErrSyntax, "want one of "+strings.Join(sourceNames.All(), ", "))
}

// AppendText implements encoding.TextAppender; an invalid Source is an
// error.
func (s Source) AppendText(b []byte) ([]byte, error) {
	if b, ok := sourceNames.AppendText(b, s); ok {
		return b, nil
	}
	return b, newError("Source.AppendText", "source", s.String(), ErrInvalid, "not a source")
}

// MarshalText implements encoding.TextMarshaler; an invalid Source is an
// error.
func (s Source) MarshalText() ([]byte, error) { return s.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler with ParseSource.
func (s *Source) UnmarshalText(b []byte) error {
	v, err := ParseSource(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Query is what a price depends on besides the SKU.
type Query struct {
	// Quantity selects quantity tiers; 0 counts as 1.
	Quantity int64
	// Group is the customer's group ("" for none).
	Group string
	// At is the moment to price for; it must be set.
	At time.Time
}

// Price is a resolved price.
type Price struct {
	// SKU and Market are the SKU asked for and the list's market.
	SKU    string
	Market string
	// Unit is the price per unit.
	Unit Money
	// CompareAt is the "was" price, or the zero Money. A converted
	// "was" price that the rounding and ending rule brought down to the
	// converted price or below is dropped (the zero Money).
	CompareAt Money
	// Source is the kind of entry that won; SourceConverted when the price
	// came from the fallback list, whose entry kind is then in Origin.
	Source Source
	Origin Source
	// Entry is the index of the winning entry in its list's Entries (the
	// fallback list's for a converted price).
	Entry int
	// Rate and AsOf describe the conversion of a converted price.
	Rate Fixed
	AsOf locale.Date
}

// PriceList holds the prices of one market in one currency. It is
// immutable after NewPriceList and safe for concurrent use.
//
// # Resolution order
//
// Among the entries of a SKU that apply to a query (customer group equal to
// the query's, quantity at least MinQuantity, At inside the window), the
// most specific wins, in this order:
//
//  1. customer group: an entry for the query's group beats any other;
//  2. quantity tier: a higher MinQuantity beats a lower one;
//  3. validity window: an entry with a window beats one without;
//  4. base: the entry without conditions.
//
// Between two applicable windowed entries that tie on 1–3, the one that
// started later wins (the most recent sale), then the one listed first.
// Two entries that tie on everything and have no window are rejected by
// NewPriceList. When no entry applies, the Fallback (if any) is tried;
// otherwise the result is a *NoPriceError.
//
// Its methods must be called on a list from NewPriceList: a nil
// *PriceList is a programming error, and they panic with the message
// "pricing: nil *PriceList" (as the standard library does for nil
// receivers), never deeper inside.
type PriceList struct {
	market   string
	cur      curID
	loc      *time.Location
	skus     map[string][]entry
	fallback *Fallback
	conv     Converter
}

type entry struct {
	index       int
	group       string
	minQty      int64
	from, until time.Time
	fromN       int64 // from and until in Unix nanoseconds
	untilN      int64
	hasFrom     bool
	hasUntil    bool
	price       Money
	compareAt   Money
}

func (e *entry) windowed() bool { return e.hasFrom || e.hasUntil }

func (e *entry) source() Source {
	switch {
	case e.group != "":
		return SourceGroup
	case e.minQty > 1:
		return SourceTier
	case e.windowed():
		return SourceWindow
	}
	return SourceBase
}

// moreSpecific orders entries by the resolution order.
func moreSpecific(a, b *entry) int {
	if (a.group != "") != (b.group != "") {
		if a.group != "" {
			return -1
		}
		return 1
	}
	if a.minQty != b.minQty {
		if a.minQty > b.minQty {
			return -1
		}
		return 1
	}
	if a.windowed() != b.windowed() {
		if a.windowed() {
			return -1
		}
		return 1
	}
	if c := b.from.Compare(a.from); c != 0 {
		return c
	}
	return a.index - b.index
}

const windowSyntax = "want a wall time like 2026-11-27, 2026-11-27T08:00 or 2026-11-27T08:00:00"

var windowLayouts = []string{"2006-01-02T15:04:05", "2006-01-02T15:04", time.DateOnly}

func parseWall(s string, loc *time.Location) (time.Time, bool) {
	// The layouts have different lengths: pick the one that can match
	// rather than trying each (a failed time.Parse allocates its error).
	for _, l := range windowLayouts {
		if len(l) != len(s) && !(len(l) == 19 && len(s) > 19) { // fractional seconds follow the seconds
			continue
		}
		if w, err := time.Parse(l, s); err == nil {
			return wallIn(w, loc), true
		}
	}
	return time.Time{}, false
}

// wallIn returns the instant at which clocks in loc show the wall time w
// (given in UTC), by the rule of RFC 5545 and java.time: a wall time that
// occurs twice (clocks going back) is the first occurrence, and one that
// does not occur (clocks going forward) is read with the offset in effect
// before the change, which moves it forward by the gap (02:30 on the
// night Berlin springs forward is 03:30 CEST). time.Date leaves both
// cases unspecified.
func wallIn(w time.Time, loc *time.Location) time.Time {
	u := w.Unix()
	_, before := time.Unix(u-86400, 0).In(loc).Zone()
	_, after := time.Unix(u+86400, 0).In(loc).Zone()
	var best time.Time
	for _, off := range [2]int{before, after} {
		t := time.Unix(u-int64(off), int64(w.Nanosecond())).In(loc)
		y, m, d := t.Date()
		hh, mm, ss := t.Clock()
		wy, wm, wd := w.Date()
		wh, wmi, ws := w.Clock()
		if y == wy && m == wm && d == wd && hh == wh && mm == wmi && ss == ws && (best.IsZero() || t.Before(best)) {
			best = t
		}
	}
	if best.IsZero() {
		best = time.Unix(u-int64(before), int64(w.Nanosecond())).In(loc)
	}
	return best
}

// Limits of NewPriceList: at most maxEntries entries, and at most
// maxReported problems listed in its error (then one more error counts the
// rest).
const (
	maxEntries  = 1_000_000
	maxReported = 20
)

// problems collects NewPriceList's errors up to maxReported.
type problems struct {
	errs []error
	more int
}

func (p *problems) add(err error) {
	if len(p.errs) < maxReported {
		p.errs = append(p.errs, err)
	} else {
		p.more++
	}
}

func (p *problems) err(op string) error {
	if len(p.errs) == 0 {
		return nil
	}
	if p.more > 0 {
		p.errs = append(p.errs, newError(op, "entries", itoa(int64(p.more)), ErrInvalid,
			itoa(int64(p.more))+" more problems not listed (the first "+itoa(maxReported)+" are)"))
	}
	return errors.Join(p.errs...)
}

// entryField returns a function that names a field of entries[i]; the
// name is built only when a problem is reported.
func entryField(i int) func(string) string {
	return func(name string) string { return "entries[" + itoa(int64(i)) + "]" + name }
}

// dupKey identifies the entries that may not repeat: same SKU, group and
// tier, and no window.
type dupKey struct {
	sku, group string
	minQty     int64
}

// NewPriceList validates cfg and builds the list. Every problem is
// reported, up to 20 (errors.Join of *Error values naming the field, such
// as "entries[3].until"; beyond 20, one more *Error counts the rest).
// Entries without a window that tie on SKU, group and tier are one problem
// per group of duplicates, naming the first entry and the others. A list
// holds at most 1,000,000 entries (ErrRange). The work is O(n log n) in
// the number of entries.
func NewPriceList(cfg PriceListConfig) (*PriceList, error) {
	const op = "NewPriceList"
	var errs problems
	cur, _, err := currency(op, cfg.Currency)
	if err != nil {
		return nil, err
	}
	if len(cfg.Entries) > maxEntries {
		return nil, newError(op, "entries", itoa(int64(len(cfg.Entries))), ErrRange, "more than "+itoa(maxEntries)+" entries")
	}
	if cfg.Market == "" {
		errs.add(newError(op, "market", "", ErrInvalid, "missing market ID"))
	}
	loc, err := time.LoadLocation(cfg.TimeZone)
	// "" and "Local" would make windows depend on the server's zone.
	if err != nil || cfg.TimeZone == "" || cfg.TimeZone == "Local" {
		return nil, newError(op, "time_zone", cfg.TimeZone, ErrInvalid, "want an IANA time zone like Europe/Berlin (not empty, not Local)")
	}
	l := &PriceList{market: cfg.Market, cur: cur, loc: loc, skus: make(map[string][]entry)}
	dups := make(map[dupKey][]int) // entries without a window, by key
	for i := range cfg.Entries {
		pe := &cfg.Entries[i]
		f := entryField(i) // built only for a message
		e := entry{index: i, group: pe.Group, minQty: pe.MinQuantity, price: pe.Price, compareAt: pe.CompareAt}
		if pe.SKU == "" {
			errs.add(newError(op, f(".sku"), "", ErrInvalid, "missing SKU"))
		}
		if pe.Price.cur != cur {
			errs.add(newError(op, f(".price"), pe.Price.String(), ErrCurrencyMismatch, "want "+cfg.Currency+" (the zero Money is not a price)"))
		} else if pe.Price.Sign() < 0 {
			errs.add(newError(op, f(".price"), pe.Price.String(), ErrInvalid, "must not be negative"))
		}
		if !(pe.CompareAt.cur == 0 && pe.CompareAt.IsZero()) {
			if pe.CompareAt.cur != cur {
				errs.add(newError(op, f(".compare_at"), pe.CompareAt.String(), ErrCurrencyMismatch, "want "+cfg.Currency))
			} else if pe.CompareAt.Sign() <= 0 || (pe.Price.cur == cur && pe.CompareAt.cmp(pe.Price) <= 0) {
				// A "was" price at or below the price would be shown
				// struck through next to a price that is not lower.
				errs.add(newError(op, f(".compare_at"), pe.CompareAt.String(), ErrInvalid, "a \"was\" price must be above the price"))
			}
		}
		if pe.MinQuantity < 0 {
			errs.add(newError(op, f(".min_quantity"), itoa(pe.MinQuantity), ErrInvalid, "must not be negative"))
		}
		if pe.From != "" {
			if e.from, e.hasFrom = parseWall(pe.From, loc); !e.hasFrom {
				errs.add(newError(op, f(".from"), pe.From, ErrSyntax, windowSyntax))
			}
		}
		if pe.Until != "" {
			if e.until, e.hasUntil = parseWall(pe.Until, loc); !e.hasUntil {
				errs.add(newError(op, f(".until"), pe.Until, ErrSyntax, windowSyntax))
			}
		}
		if e.hasFrom && (e.from.Year() < 1700 || e.from.Year() > 2200) {
			errs.add(newError(op, f(".from"), pe.From, ErrRange, "outside the years 1700..2200"))
		}
		if e.hasUntil && (e.until.Year() < 1700 || e.until.Year() > 2200) {
			errs.add(newError(op, f(".until"), pe.Until, ErrRange, "outside the years 1700..2200"))
		}
		e.fromN, e.untilN = e.from.UnixNano(), e.until.UnixNano()
		if e.hasFrom && e.hasUntil && !e.from.Before(e.until) {
			errs.add(newError(op, f(".until"), pe.Until, ErrInvalid, "must be after from ("+pe.From+")"))
		}
		if e.minQty <= 1 {
			e.minQty = 0
		}
		if !e.windowed() {
			k := dupKey{pe.SKU, e.group, e.minQty}
			dups[k] = append(dups[k], i)
		}
		l.skus[pe.SKU] = append(l.skus[pe.SKU], e)
	}
	// One problem per group of duplicates, in the order of the group's
	// second entry.
	var groups [][]int
	for _, idx := range dups {
		if len(idx) > 1 {
			groups = append(groups, idx)
		}
	}
	slices.SortFunc(groups, func(a, b []int) int { return a[1] - b[1] })
	for _, g := range groups {
		errs.add(duplicateError(op, cfg.Entries[g[0]].SKU, g))
	}
	for _, es := range l.skus {
		slices.SortFunc(es, func(a, b entry) int { return moreSpecific(&a, &b) })
	}
	if fb := cfg.Fallback; fb != nil {
		if fb.List == nil || fb.Rates == nil {
			errs.add(newError(op, "fallback", "", ErrInvalid, "missing list or rates"))
		} else {
			conv, err := fb.Rates.Converter(Money{cur: fb.List.cur}.code(), cfg.Currency, fb.Rounding, fb.Ending)
			if err != nil {
				errs.add(err)
			}
			fbc := *fb // a copy: the caller may reuse its Fallback
			fbc.Ending.Bands = slices.Clone(fb.Ending.Bands)
			l.fallback, l.conv = &fbc, conv
		}
	}
	if err := errs.err(op); err != nil {
		return nil, err
	}
	return l, nil
}

// duplicateError reports the entries idx (at least two, ascending) that
// tie on SKU, group and tier without a window: the message names the
// second entry, the first, and up to five others.
func duplicateError(op, sku string, idx []int) error {
	reason := "duplicates entries[" + itoa(int64(idx[0])) + "] (same SKU, group and tier, no window)"
	if rest := idx[2:]; len(rest) > 0 {
		reason += "; so do"
		for k, i := range rest {
			if k == 5 {
				reason += " and " + itoa(int64(len(rest)-5)) + " more"
				break
			}
			reason += " entries[" + itoa(int64(i)) + "]"
		}
	}
	return newError(op, "entries["+itoa(int64(idx[1]))+"]", sku, ErrInvalid, reason)
}

// nilPriceList is the panic message of a nil *PriceList.
const nilPriceList = "pricing: nil *PriceList"

// Market returns the market ID.
func (l *PriceList) Market() string {
	if l == nil {
		panic(nilPriceList)
	}
	return l.market
}

// Currency returns the list's ISO 4217 code.
func (l *PriceList) Currency() string {
	if l == nil {
		panic(nilPriceList)
	}
	return Money{cur: l.cur}.code()
}

// Location returns the market's time zone.
func (l *PriceList) Location() *time.Location {
	if l == nil {
		panic(nilPriceList)
	}
	return l.loc
}

func (e *entry) applies(q *Query, at int64) bool {
	if e.group != "" && e.group != q.Group {
		return false
	}
	if q.Quantity < e.minQty {
		return false
	}
	if e.hasFrom && at < e.fromN {
		return false
	}
	if e.hasUntil && at >= e.untilN {
		return false
	}
	return true
}

func (l *PriceList) checkQuery(op string, q *Query) error {
	if q.At.IsZero() {
		return newError(op, "at", "0001-01-01", ErrInvalid, "the zero time: set Query.At")
	}
	// Keep At where UnixNano is defined (years 1700 to 2200).
	if sec := q.At.Unix(); sec < -8_520_336_000 || sec > 7_258_118_400 {
		return newError(op, "at", q.At.Format(time.RFC3339), ErrRange, "outside the years 1700..2200")
	}
	if q.Quantity < 0 {
		return newError(op, "quantity", itoa(q.Quantity), ErrInvalid, "must not be negative")
	}
	if q.Quantity == 0 {
		q.Quantity = 1
	}
	return nil
}

// Resolve returns the price of sku for the query, by the resolution order
// of PriceList. It returns a *NoPriceError (ErrNoPrice) when no entry
// applies and the fallback cannot price it either, never a zero price. It
// does not allocate on the list's own entries.
func (l *PriceList) Resolve(sku string, q Query) (Price, error) {
	if l == nil {
		panic(nilPriceList)
	}
	var p Price
	if err := l.checkQuery("Resolve", &q); err != nil {
		return p, err
	}
	err := l.resolve(sku, &q, &p)
	return p, err
}

// resolve writes the price into p (left zero on error).
func (l *PriceList) resolve(sku string, q *Query, p *Price) error {
	es := l.skus[sku]
	at := q.At.UnixNano()
	for i := range es {
		e := &es[i]
		if e.applies(q, at) {
			s := e.source()
			p.SKU, p.Market, p.Unit, p.CompareAt = sku, l.market, e.price, e.compareAt
			p.Source, p.Origin, p.Entry = s, s, e.index
			return nil
		}
	}
	if l.fallback == nil {
		return &NoPriceError{Op: "Resolve", Field: "sku", Value: sku, Market: l.market}
	}
	var fp Price
	if err := l.fallback.List.resolve(sku, q, &fp); err != nil {
		var np *NoPriceError
		if errors.As(err, &np) {
			return &NoPriceError{Op: "Resolve", Field: "sku", Value: sku, Market: l.market, Err: err}
		}
		return err
	}
	unit, err := l.conv.Convert(fp.Unit)
	if err != nil {
		return &NoPriceError{Op: "Resolve", Field: "sku", Value: sku, Market: l.market, Err: err}
	}
	var was Money
	if !fp.CompareAt.IsZero() {
		if was, err = l.conv.Convert(fp.CompareAt); err != nil {
			return &NoPriceError{Op: "Resolve", Field: "sku", Value: sku, Market: l.market, Err: err}
		}
		if was.cmp(unit) <= 0 {
			// Rounding and the ending rule brought the "was" price down
			// to the price: showing it struck through would be false.
			was = Money{}
		}
	}
	*p = Price{SKU: sku, Market: l.market, Unit: unit, CompareAt: was, Source: SourceConverted,
		Origin: fp.Origin, Entry: fp.Entry, Rate: l.conv.rate, AsOf: l.conv.asOf}
	return nil
}

// Candidate is one entry considered by Explain.
type Candidate struct {
	// Entry is the index in the list's Entries.
	Entry int
	// Source is the kind of entry (base, window, tier or group).
	Source Source
	// Price is the entry's price per unit.
	Price Money
	// Applies reports whether the entry applies to the query; Won whether
	// it priced the SKU. Reason says why not, or why it won or lost.
	Applies bool
	Won     bool
	Reason  string
}

// Explanation tells which entry priced a SKU and why.
type Explanation struct {
	// Price is the price Resolve returns; meaningful only when Err is nil.
	Price Price
	// Err is the resolution error, if no price applies.
	Err error
	// Candidates lists the list's entries for the SKU, most specific first.
	Candidates []Candidate
	// Fallback explains the fallback list's choice for a converted price.
	Fallback *Explanation
}

// String renders the explanation, one line per candidate.
func (x *Explanation) String() string {
	var b strings.Builder
	if x.Err != nil {
		b.WriteString("no price: " + x.Err.Error() + "\n")
	} else {
		b.WriteString(x.Price.SKU + " in " + x.Price.Market + ": " + x.Price.Unit.String() + " (" + x.Price.Source.String() + ")\n")
	}
	for _, c := range x.Candidates {
		mark := "  "
		if c.Won {
			mark = "✓ "
		}
		b.WriteString(mark + "entries[" + itoa(int64(c.Entry)) + "] " + c.Source.String() + " " + c.Price.String() + ": " + c.Reason + "\n")
	}
	if x.Fallback != nil {
		b.WriteString("fallback " + x.Fallback.Price.Market + ", rate " + x.Price.Rate.String() + " as of " + x.Price.AsOf.String() + ":\n")
		for _, line := range strings.SplitAfter(strings.TrimSuffix(x.Fallback.String(), "\n"), "\n") {
			b.WriteString("  " + line)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// Explain resolves like Resolve and reports every candidate entry with the
// reason it applied, won or lost. It allocates; use it for debugging and
// support tools, not on the hot path.
func (l *PriceList) Explain(sku string, q Query) (*Explanation, error) {
	if l == nil {
		panic(nilPriceList)
	}
	if err := l.checkQuery("Explain", &q); err != nil {
		return nil, err
	}
	x := &Explanation{}
	x.Err = l.resolve(sku, &q, &x.Price)
	won := false
	for _, e := range l.skus[sku] {
		c := Candidate{Entry: e.index, Source: e.source(), Price: e.price}
		switch {
		case e.group != "" && e.group != q.Group:
			c.Reason = "customer group " + e.group + " does not match " + quoteOrNone(q.Group)
		case q.Quantity < e.minQty:
			c.Reason = "quantity " + itoa(q.Quantity) + " is below the tier minimum " + itoa(e.minQty)
		case e.hasFrom && q.At.Before(e.from):
			c.Reason = "window starts " + e.from.Format(time.RFC3339) + ", after " + q.At.In(l.loc).Format(time.RFC3339)
		case e.hasUntil && !q.At.Before(e.until):
			c.Reason = "window ended " + e.until.Format(time.RFC3339) + ", at or before " + q.At.In(l.loc).Format(time.RFC3339)
		default:
			c.Applies = true
			if !won {
				c.Won, won = true, true
				c.Reason = "applies and is the most specific (" + c.Source.String() + ")"
			} else {
				c.Reason = "applies but a more specific entry won"
			}
		}
		x.Candidates = append(x.Candidates, c)
	}
	if !won && l.fallback != nil && x.Err == nil {
		fx, err := l.fallback.List.Explain(sku, q)
		if err == nil {
			x.Fallback = fx
		}
	}
	return x, nil
}

func quoteOrNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}
