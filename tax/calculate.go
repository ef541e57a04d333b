package tax

import (
	"context"
	"errors"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/marketkit/marketkit/internal/errtext"
	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/tax/vat"
)

// lineWork is the per-line scratch of a calculation. It holds no pointers
// (the classification lives in Result.cls) so that filling it is cheap.
type lineWork struct {
	g     int64 // entered line total (minor units)
	n     int64 // net
	gross int64
	tax   [maxTypes]int64
	ci    int // index of the line's classInfo in Result.cls
	// PerOrderPerRate: the base the rate applies to and its divisor.
	base int64
	div  uint64
	rem  [maxTypes]uint64
	bk   [maxTypes]int32 // bucket of each rate
}

// classInfo is the classification of one product tax class within a
// calculation: the resolution of its supply kind, its category, the
// amounts in force and the origin category.
type classInfo struct {
	class     string
	supply    Supply
	out       *resolution
	k         int // number of taxes
	cat       Category
	originCat Category // category at the origin (inclusive prices), 0 if unknown or unneeded
	amt       [maxTypes]*Rate
	row       [maxTypes]int // 1 + index in Result.Rates of each amount (row[0]: the untaxed row when k == 0); 0 until emitted
}

type bucket struct {
	id    string
	pct   int64
	div   uint64
	sum   int64
	tax   int64
	given int64 // Σ floors of the lines' shares
	line  int   // first line, for deterministic order
}

type rateMinor struct{ base, tax int64 }

// ctxCheckLines is how many lines Calculate computes between two checks
// of its context.
const ctxCheckLines = 512

// Calculate implements Calculator. It resolves the taxes once per supply
// kind through the chain (EU, Canada, default), maps each line's class to
// a category, looks up the rates in force on req.Date and computes net,
// tax and gross in exact int64 minor units with one rounding per
// rounding point (Policy.Rounding, Policy.Mode). Reusing res makes it
// allocation-free. The work is linear in the number of lines (n log n for
// PerOrderPerRate), and ctx is checked every 512 lines: a cancelled or
// expired context returns its error, never a partial result with a nil
// error. A nil ctx, req or res is an [*Error] wrapping ErrInvalidInput.
//
// Codes follow the library's one rule: country codes (addresses, class
// rules, registrations) and region codes in any ASCII case, read as upper
// case; surrounding spaces or anything else is an error naming the field
// and the value, never trimmed or ignored. The amounts tax reads
// from a line — Total and UnitPrice (which may be the zero Money) — must
// be in the currency of the first line's Total.
func (c *BuiltinCalculator) Calculate(ctx context.Context, req *Request, res *Result) error {
	if err := c.calculate(ctx, req, res); err != nil {
		return withOp(err, "Calculate")
	}
	return nil
}

func (c *BuiltinCalculator) calculate(ctx context.Context, in *Request, res *Result) error {
	if ctx == nil {
		return fieldErr(ErrInvalidInput, "ctx", "", "nil context")
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if in == nil || res == nil {
		return fieldErr(ErrInvalidInput, "request", "", "nil request or result")
	}
	d := c.dataOrBuiltin()
	// Work on a copy whose codes are normalized; the caller's request is
	// never modified.
	r := *in
	req := &r
	p := &req.Policy
	switch {
	case req.Date.IsZero():
		return fieldErr(ErrInvalidInput, "date", "", "zero date")
	case !validMode(p.Mode):
		return fieldErr(ErrInvalidInput, "policy.mode", p.Mode.String(), "not a rounding mode")
	case !p.Rounding.IsValid():
		return fieldErr(ErrInvalidInput, "policy.rounding", p.Rounding.String(), "")
	case !p.CrossBorder.IsValid():
		return fieldErr(ErrInvalidInput, "policy.cross_border", p.CrossBorder.String(), "")
	}
	if err := normAddress(&req.Store.Origin, "store.origin"); err != nil {
		return err
	}
	if err := normAddress(&req.Customer.Address, "customer.address"); err != nil {
		return err
	}
	if err := checkRegistrations(d, req.Store.Registrations); err != nil {
		return err
	}
	// vatCountry is the country of the business customer's VAT number
	// ("" for consumers).
	vatCountry := ""
	if req.Customer.Business && req.Customer.VATNumber != "" {
		pfx, err := vat.Validate(req.Customer.VATNumber)
		if err != nil {
			return &Error{Field: "customer.vat_number", Value: req.Customer.VATNumber, Err: err, Reason: vatReason(err)}
		}
		vatCountry = vat.PrefixCountry(pfx)
		if pfx == "XI" {
			vatCountry = "XI" // Northern Ireland: an EU number for goods
		}
	}
	if regionRequired(d, req.Customer.Address) {
		return fieldErr(ErrUnknownCountry, "customer.address.region", req.Customer.Address.Region,
			"no tax zone of "+req.Customer.Address.Country+" contains this subdivision (required there)")
	}
	var ob [maxTypes]*Type
	origin := ob[:0]
	for _, t := range d.typesIn(req.Store.Origin.Country) {
		if t.zone.Contains(req.Store.Origin) {
			if len(origin) == maxTypes {
				return fieldErr(ErrInvalidData, "store.origin", req.Store.Origin.Country, "more than "+itoa(maxTypes)+" taxes apply")
			}
			origin = append(origin, t)
		}
	}
	if len(origin) == 0 {
		if regionRequired(d, req.Store.Origin) {
			return fieldErr(ErrUnknownCountry, "store.origin.region", req.Store.Origin.Region,
				"no tax zone of "+req.Store.Origin.Country+" contains this subdivision (required there)")
		}
		return fieldErr(ErrUnknownCountry, "store.origin.country", req.Store.Origin.Country, "no tax data for the store's origin")
	}

	res.Lines, res.Rates, res.taxes, res.work = res.Lines[:0], res.Rates[:0], res.taxes[:0], res.work[:0]
	if len(req.Lines) == 0 {
		res.Currency, res.Net, res.Tax, res.Gross = "", pricing.Money{}, pricing.Money{}, pricing.Money{}
		return nil
	}
	cur := req.Lines[0].Total.Currency()
	if err := res.begin(cur, len(req.Lines)); err != nil {
		return err
	}
	perOrder := p.Rounding == PerOrderPerRate
	var done [3]bool
	for i := range req.Lines {
		if i%ctxCheckLines == ctxCheckLines-1 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		l := &req.Lines[i]
		if err := lineCurrencies(l, i, cur, res.zero); err != nil {
			return err
		}
		g, ok := l.Total.Minor()
		if !ok || g < 0 {
			return fieldErr(ErrInvalidInput, lineField(i, "total"), l.Total.Amount(), "want a non-negative amount in minor units")
		}
		// Lines of a class seen before share its classification.
		cix := res.classIndex(l.TaxClass)
		if cix < 0 {
			if len(res.cls) == MaxClasses {
				return fieldErr(ErrInvalidInput, lineField(i, "tax_class"), l.TaxClass,
					"more than "+itoa(MaxClasses)+" distinct tax classes in one request")
			}
			sup := c.supplyOf(l.TaxClass, req.Customer.Address.Country, req.Store.Origin.Country)
			if !done[sup] {
				res.rs[sup] = c.resolve(d, req, sup, vatCountry, origin)
				done[sup] = true
				if res.rs[sup].overflow {
					return fieldErr(ErrInvalidData, "customer.address", req.Customer.Address.Country, "more than "+itoa(maxTypes)+" taxes apply")
				}
			}
			res.cls = append(res.cls, classInfo{class: l.TaxClass, supply: sup, out: &res.rs[sup]})
			cix = len(res.cls) - 1
			if err := c.lineAmounts(d, req, i, &res.cls[cix], origin); err != nil {
				return err
			}
		}
		// Reuse the scratch line without zeroing it: every field read later
		// is set here or in computeLine.
		n := len(res.work)
		if n < cap(res.work) {
			res.work = res.work[:n+1]
		} else {
			res.work = append(res.work, lineWork{})
		}
		w := &res.work[n]
		w.g, w.ci = g, cix
		ci := &res.cls[cix]
		if err := computeLine(req, i, w, ci, origin); err != nil {
			return err
		}
		if !perOrder {
			if err := res.emit(req, i, w); err != nil {
				return err
			}
		}
	}
	if perOrder {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := res.perOrder(p.Mode); err != nil {
			return err
		}
		for i := range res.work {
			if err := res.emit(req, i, &res.work[i]); err != nil {
				return err
			}
		}
	}
	res.end()
	return nil
}

// vatReason is the reason part of a *vat.Error's message (after its
// quoted value), so that the tax error does not repeat the value.
func vatReason(err error) string {
	var ve *vat.Error
	if !errors.As(err, &ve) {
		return err.Error()
	}
	head := "vat: " + ve.Op + ": " + ve.Field + " " + errtext.Quote(ve.Value) + ": "
	return strings.TrimPrefix(ve.Error(), head)
}

// MaxClasses is the most distinct product tax classes one request may
// use; more is an error (it bounds the per-line class lookup).
const MaxClasses = 64

// classIndex returns the index in res.cls of class, or -1.
func (res *Result) classIndex(class string) int {
	for x := range res.cls {
		if res.cls[x].class == class {
			return x
		}
	}
	return -1
}

// lineCurrencies checks that the amounts of line i that tax reads — the
// total and the unit price — are in cur, whose zero is zero (the unit
// price may be the zero Money, which has no currency). Adding zero is
// pricing's cheapest currency check: no code is looked up, a mismatch
// fails. Subtotal and the discounts are not read by tax.
func lineCurrencies(l *pricing.Line, i int, cur string, zero pricing.Money) error {
	if _, err := l.Total.Add(zero); err != nil || l.Total.IsZero() && l.Total.Currency() != cur {
		return fieldErr(ErrInvalidInput, lineField(i, "total.currency"), l.Total.Currency(), "differs from the request's currency "+cur)
	}
	if _, err := l.UnitPrice.Add(zero); err != nil {
		return fieldErr(ErrInvalidInput, lineField(i, "unit_price.currency"), l.UnitPrice.Currency(), "differs from the request's currency "+cur)
	}
	return nil
}

func lineField(i int, f string) string { return "lines[" + strconv.Itoa(i) + "]." + f }

// lineAmounts maps the class to categories and looks up the destination
// (and, when needed, origin) amounts.
func (c *BuiltinCalculator) lineAmounts(d *Data, req *Request, i int, w *classInfo, origin []*Type) error {
	l := &req.Lines[i]
	r := w.out
	if r.outcome.Kind == Taxed {
		cat, ok := c.classify(l.TaxClass, r.country)
		if !ok {
			return fieldErr(ErrUnknownCategory, lineField(i, "tax_class"), l.TaxClass, "no category for country "+r.country)
		}
		w.cat = cat
		for k := 0; k < r.n; k++ {
			a, ok := r.types[k].amountPtr(cat, req.Date)
			if !ok {
				_, err := r.types[k].Rate(cat, req.Date)
				return lookupFieldErr(i, l.TaxClass, err)
			}
			w.amt[k] = a
		}
		w.k = r.n
	} else if cat, ok := c.classify(l.TaxClass, r.country); ok {
		w.cat = cat // recorded on the line (an invoice shows it), no rate needed
	}
	// The origin category is needed only to remove origin tax from an
	// inclusive price (untaxed outcome unless KeepGrossAlways, or KeepNet).
	cb := req.Policy.CrossBorder
	if req.Policy.PricesIncludeTax && (r.outcome.Kind != Taxed && cb != KeepGrossAlways || cb == KeepNet) {
		if oc, ok := c.classify(l.TaxClass, origin[0].country); ok {
			w.originCat = oc
		}
	}
	return nil
}

func lookupFieldErr(i int, class string, err error) error {
	sentinel := ErrUnknownCategory
	if errors.Is(err, ErrNoTaxRate) {
		sentinel = ErrNoTaxRate
	}
	var le *LookupError
	reason := err.Error()
	if errors.As(err, &le) {
		reason = "type " + le.Value
		if le.Category != 0 {
			reason += " category " + le.Category.String()
		}
		if !le.Date.IsZero() {
			reason += " on " + le.Date.String()
		}
	}
	return &Error{Field: lineField(i, "tax_class"), Value: class, Err: sentinel, Reason: reason}
}

// originStrip returns the origin tax contained in the gross amount x of a
// line (inclusive prices), rounded once.
func originStrip(req *Request, i int, x int64, origin []*Type, c Category) (int64, error) {
	var sum int64
	for _, t := range origin {
		a, err := t.Rate(c, req.Date)
		if err != nil {
			return 0, lookupFieldErr(i, req.Lines[i].TaxClass, err)
		}
		sum += a.Percent.Units()
	}
	// One rounding of the whole origin share: rounding each tax separately
	// could remove more than the price with round-up modes.
	tax, ok := mulDivRound(x, uint64(sum), uint64(one+sum), req.Policy.Mode)
	if !ok {
		return 0, fieldErr(ErrOverflow, lineField(i, "total"), req.Lines[i].Total.Amount(), "")
	}
	return tax, nil
}

// splitInclusive sets taxes[k] to the tax of rate pcts[k] contained in the
// gross amount x ≥ 0 (the rates are not compounded: tax_k = x·r_k/(1+Σr)).
// A single rate is rounded once with mode. Several rates share one
// rounding of their total, split by largest remainder (each tax is the
// floor or the ceiling of its exact value), so that the taxes never exceed
// x — rounding each up separately could (1 cent at GST + QST).
func splitInclusive(x int64, pcts *[maxTypes]int64, n int, sum int64, mode pricing.RoundingMode, taxes *[maxTypes]int64) bool {
	den := uint64(one + sum)
	if n == 1 {
		t, ok := mulDivRound(x, uint64(pcts[0]), den, mode)
		taxes[0] = t
		return ok
	}
	total, ok := mulDivRound(x, uint64(sum), den, mode)
	if !ok {
		return false
	}
	var rem [maxTypes]uint64
	given := int64(0)
	for k := 0; k < n; k++ {
		hi, lo := bits.Mul64(uint64(x), uint64(pcts[k]))
		q, r := bits.Div64(hi, lo, den) // q ≤ total: no overflow
		taxes[k], rem[k] = int64(q), r
		given += int64(q)
	}
	for left := total - given; left > 0; left-- {
		best := -1
		for k := 0; k < n; k++ {
			if rem[k] > 0 && (best < 0 || rem[k] > rem[best]) {
				best = k
			}
		}
		if best < 0 {
			break
		}
		taxes[best]++
		rem[best] = 0
	}
	return true
}

// sameAsOrigin reports whether the destination amounts are the origin's.
func sameAsOrigin(w *classInfo, origin []*Type) bool {
	if w.k != len(origin) {
		return false
	}
	for k := 0; k < w.k; k++ {
		if w.amt[k].Type != origin[k].id {
			return false
		}
	}
	return true
}

// piece computes net, taxes and gross of one amount x (a line total, a
// unit price or a discount) under the policy; x is gross for inclusive
// prices. The taxes are rounded once each.
func piece(req *Request, i int, w *classInfo, origin []*Type, x int64, taxes *[maxTypes]int64) (net, gross int64, err error) {
	p := &req.Policy
	mode := p.Mode
	ovf := func() error { return fieldErr(ErrOverflow, lineField(i, "total"), req.Lines[i].Total.Amount(), "") }
	taxed := w.out.outcome.Kind == Taxed
	*taxes = [maxTypes]int64{}
	if !p.PricesIncludeTax {
		gross, ok := addExclusive(x, w, mode, taxes)
		if !ok {
			return 0, 0, ovf()
		}
		return x, gross, nil
	}
	if taxed && (p.CrossBorder != KeepNet || sameAsOrigin(w, origin)) || !taxed && p.CrossBorder == KeepGrossAlways {
		if w.k == 0 {
			return x, x, nil
		}
		if w.k == 1 { // the common case, without the split
			pct := uint64(w.amt[0].Percent.Units())
			t, ok := mulDivRound(x, pct, uint64(one)+pct, mode)
			if !ok {
				return 0, 0, ovf()
			}
			taxes[0] = t
			return x - t, x, nil
		}
		var sum int64
		var pcts [maxTypes]int64
		for k := 0; k < w.k; k++ {
			pcts[k] = w.amt[k].Percent.Units()
			sum += pcts[k]
		}
		if !splitInclusive(x, &pcts, w.k, sum, mode, taxes) {
			return 0, 0, ovf()
		}
		net = x
		for k := 0; k < w.k; k++ {
			net -= taxes[k]
		}
		return net, x, nil
	}
	// Strip the origin tax, then add the destination tax (none when not
	// taxed).
	oc := w.originCat
	if oc == 0 {
		return 0, 0, fieldErr(ErrUnknownCategory, lineField(i, "tax_class"), req.Lines[i].TaxClass, "no category for origin country "+origin[0].country)
	}
	strip, err := originStrip(req, i, x, origin, oc)
	if err != nil {
		return 0, 0, err
	}
	net = x - strip
	gross, ok := addExclusive(net, w, mode, taxes)
	if !ok {
		return 0, 0, ovf()
	}
	return net, gross, nil
}

// addExclusive sets the taxes of the net amount n (each rounded once) and
// returns n plus the taxes; false on overflow.
func addExclusive(n int64, w *classInfo, mode pricing.RoundingMode, taxes *[maxTypes]int64) (int64, bool) {
	gross := n
	for k := 0; k < w.k; k++ {
		t, ok := mulDivRound(n, uint64(w.amt[k].Percent.Units()), one, mode)
		if !ok {
			return 0, false
		}
		taxes[k] = t
		if gross, ok = addOK(gross, t); !ok {
			return 0, false
		}
	}
	return gross, true
}

// computeLine fills net, taxes and gross of line i under the rounding
// strategy (PerOrderPerRate: the per-line values are provisional).
func computeLine(req *Request, i int, w *lineWork, ci *classInfo, origin []*Type) error {
	p := &req.Policy
	l := &req.Lines[i]
	switch p.Rounding {
	case PerUnit:
		u, ok := l.UnitPrice.Minor()
		if !ok || u < 0 || l.Quantity < 0 {
			return fieldErr(ErrInvalidInput, lineField(i, "unit_price"), l.UnitPrice.Amount(),
				"per-unit rounding needs a non-negative unit price with at most the currency's digits")
		}
		sub, ok := mulOK(u, l.Quantity)
		if !ok {
			return fieldErr(ErrOverflow, lineField(i, "quantity"), strconv.FormatInt(l.Quantity, 10), "")
		}
		disc := sub - w.g
		if disc < 0 {
			return fieldErr(ErrInvalidInput, lineField(i, "total"), l.Total.Amount(), "exceeds unit price × quantity")
		}
		var ut, dt [maxTypes]int64
		un, ug, err := piece(req, i, ci, origin, u, &ut)
		if err != nil {
			return err
		}
		dn, dg, err := piece(req, i, ci, origin, disc, &dt)
		if err != nil {
			return err
		}
		ovf := func() error {
			return fieldErr(ErrOverflow, lineField(i, "quantity"), strconv.FormatInt(l.Quantity, 10), "")
		}
		n1, ok1 := mulOK(un, l.Quantity)
		g1, ok2 := mulOK(ug, l.Quantity)
		if !ok1 || !ok2 {
			return ovf()
		}
		w.n, w.gross = n1-dn, g1-dg
		// An inclusive price never has a net above it: when the
		// discount's origin tax, rounded on its own, exceeds the units'
		// (1-cent units whose tax rounds to 0), the line is rounded per
		// line instead.
		neg := w.n < 0 || p.PricesIncludeTax && w.n > w.g
		for k := 0; k < ci.k; k++ {
			t, ok := mulOK(ut[k], l.Quantity)
			if !ok {
				return ovf()
			}
			w.tax[k] = t - dt[k]
			neg = neg || w.tax[k] < 0
		}
		if neg {
			// The discount's tax, rounded on its own, exceeds the tax of
			// the units (0.01 units whose tax rounds to 0): round this
			// line per line instead of reporting a negative tax.
			n, g, err := piece(req, i, ci, origin, w.g, &w.tax)
			if err != nil {
				return err
			}
			w.n, w.gross = n, g
		}
	default:
		n, g, err := piece(req, i, ci, origin, w.g, &w.tax)
		if err != nil {
			return err
		}
		w.n, w.gross = n, g
		if p.Rounding == PerOrderPerRate && ci.k > 0 {
			// The base the rates apply to: the kept gross, or the net.
			if p.PricesIncludeTax && g == w.g && (p.CrossBorder != KeepNet || sameAsOrigin(ci, origin)) {
				var sum int64
				for k := 0; k < ci.k; k++ {
					sum += ci.amt[k].Percent.Units()
				}
				w.base, w.div = w.g, uint64(one+sum)
			} else {
				w.base, w.div = n, one
			}
		}
	}
	return nil
}

// perOrder replaces the per-line taxes by one rounding per rate for the
// order, allocated to the lines by largest remainder. It first sets every
// rate's share of every line to its floor, then gives each rate's
// leftover units to its lines in order of decreasing remainder (ties: the
// earlier line), so that the "never above the price" guard of a kept
// gross with several taxes reads the final floors of every rate, never a
// provisional per-line tax. The work is O(n log n) in the lines.
func (res *Result) perOrder(mode pricing.RoundingMode) error {
	var bs [8]bucket
	buckets := bs[:0]
	for i := range res.work {
		w := &res.work[i]
		ci := &res.cls[w.ci]
		for k := 0; k < ci.k; k++ {
			j := w.bucket(buckets, ci.amt[k].ID)
			if j < 0 {
				buckets = append(buckets, bucket{id: ci.amt[k].ID, pct: ci.amt[k].Percent.Units(), div: w.div, line: i})
				j = len(buckets) - 1
			}
			s, ok := addOK(buckets[j].sum, w.base)
			if !ok {
				return fieldErr(ErrOverflow, "lines", "", "order total")
			}
			buckets[j].sum = s
			w.bk[k] = int32(j)
			// The floor of the line's exact share, and its remainder.
			hi, lo := bits.Mul64(uint64(w.base), uint64(buckets[j].pct))
			q, r := bits.Div64(hi, lo, w.div) // q ≤ base·pct/div ≤ the order's tax: no overflow
			w.rem[k] = r
			w.tax[k] = int64(q)
			buckets[j].given += int64(q)
		}
	}
	for j := range buckets {
		b := &buckets[j]
		t, ok := mulDivRound(b.sum, uint64(b.pct), b.div, mode)
		if !ok {
			return fieldErr(ErrOverflow, "lines", "", "order tax")
		}
		b.tax = t
	}
	// Leftover units per bucket (t ≥ Σ floors, and t ≤ Σ ceilings whatever
	// the mode) go to the largest remainders, one per line and rate.
	order := res.order[:0]
	for j := range buckets {
		b := &buckets[j]
		left := b.tax - b.given
		if left <= 0 {
			continue
		}
		order = order[:0]
		for i := range res.work {
			w := &res.work[i]
			ci := &res.cls[w.ci]
			for k := 0; k < ci.k; k++ {
				if int(w.bk[k]) == j && w.rem[k] != 0 {
					order = append(order, int32(i)<<2|int32(k))
				}
			}
		}
		slices.SortFunc(order, func(x, y int32) int {
			rx, ry := res.work[x>>2].rem[x&3], res.work[y>>2].rem[y&3]
			switch {
			case rx > ry:
				return -1
			case rx < ry:
				return 1
			}
			return int(x - y)
		})
		for _, o := range order {
			if left == 0 {
				break
			}
			w := &res.work[o>>2]
			ci := &res.cls[w.ci]
			if w.div != one && ci.k > 1 && lineTaxSum(w, ci.k) >= w.g {
				continue // several taxes in a kept gross: never above the price
			}
			w.tax[o&3]++
			left--
		}
	}
	res.order = order
	for i := range res.work {
		w := &res.work[i]
		ci := &res.cls[w.ci]
		if ci.k == 0 {
			continue
		}
		var sum int64
		for k := 0; k < ci.k; k++ {
			sum += w.tax[k]
		}
		if w.div != one { // gross kept
			w.n = w.g - sum
			w.gross = w.g
		} else {
			w.gross = w.n + sum
		}
	}
	return nil
}

// bucket returns the index in bs of the bucket of rate id with w's
// divisor, or -1.
func (w *lineWork) bucket(bs []bucket, id string) int {
	for j := range bs {
		if bs[j].id == id && bs[j].div == w.div {
			return j
		}
	}
	return -1
}

// begin prepares res for n lines in currency cur.
func (res *Result) begin(cur string, n int) error {
	if res.unitCur != cur || cur == "" {
		u, err := pricing.MoneyFromMinor(1, cur)
		if err != nil {
			return fieldErr(ErrUnknownCurrency, "lines[0].total.currency", cur, "not an ISO 4217 code pricing knows")
		}
		res.unit, res.zero, res.unitCur = u, u.MulInt(0), cur
	}
	res.Currency = cur
	if cap(res.Lines) < n {
		res.Lines = make([]LineResult, n)
	}
	res.Lines = res.Lines[:n]
	if cap(res.taxes) < n*maxTypes {
		res.taxes = make([]AppliedTax, n*maxTypes)
	}
	res.taxes = res.taxes[:n*maxTypes]
	res.rateMinor = res.rateMinor[:0]
	res.tot = totalsMinor{}
	res.cls = res.cls[:0]
	return nil
}

func (res *Result) money(x int64) pricing.Money {
	if x == 0 {
		return res.zero
	}
	return res.unit.MulInt(x)
}

// emit writes line i from its final scratch values and adds it to the
// breakdown and the totals.
func (res *Result) emit(req *Request, i int, w *lineWork) error {
	ci := &res.cls[w.ci]
	var lineTax int64
	for k := 0; k < ci.k; k++ {
		lineTax += w.tax[k]
	}
	if w.n+lineTax != w.gross {
		return fieldErr(ErrOverflow, lineField(i, "total"), "", "internal invariant net + tax = gross failed")
	}
	lr := &res.Lines[i]
	lr.Index, lr.Category, lr.Supply = i, ci.cat, ci.supply
	// The entered total is reused for the side that kept it (no
	// conversion on the common path).
	switch total := &req.Lines[i].Total; {
	case w.gross == w.g:
		lr.Net, lr.Gross = res.money(w.n), *total
	case w.n == w.g:
		lr.Net, lr.Gross = *total, res.money(w.gross)
	default:
		lr.Net, lr.Gross = res.money(w.n), res.money(w.gross)
	}
	lr.Tax = res.money(lineTax)
	lr.Outcome = &ci.out.outcome
	off := i * maxTypes
	lr.Taxes = res.taxes[off : off+ci.k : off+ci.k]
	for k := 0; k < ci.k; k++ {
		a := ci.amt[k]
		at := &res.taxes[off+k]
		at.Rate = a
		if ci.k == 1 {
			at.Tax = lr.Tax
		} else {
			at.Tax = res.money(w.tax[k])
		}
		j := ci.row[k] - 1
		if j < 0 {
			if j = findRate(res.Rates, a, Taxed); j < 0 {
				res.Rates = append(res.Rates, RateTotal{Rate: a, Outcome: Taxed})
				res.rateMinor = append(res.rateMinor, rateMinor{})
				j = len(res.Rates) - 1
			}
			ci.row[k] = j + 1
		}
		res.rateMinor[j].base += w.n
		res.rateMinor[j].tax += w.tax[k]
	}
	if ci.k == 0 {
		j := ci.row[0] - 1
		if j < 0 {
			if j = findRate(res.Rates, nil, ci.out.outcome.Kind); j < 0 {
				res.Rates = append(res.Rates, RateTotal{Outcome: ci.out.outcome.Kind})
				res.rateMinor = append(res.rateMinor, rateMinor{})
				j = len(res.Rates) - 1
			}
			ci.row[0] = j + 1
		}
		res.rateMinor[j].base += w.n
	}
	var ok1, ok2, ok3 bool
	res.tot.net, ok1 = addOK(res.tot.net, w.n)
	res.tot.tax, ok2 = addOK(res.tot.tax, lineTax)
	res.tot.gross, ok3 = addOK(res.tot.gross, w.gross)
	if !ok1 || !ok2 || !ok3 {
		return fieldErr(ErrOverflow, "lines", "", "order total")
	}
	return nil
}

// end converts the breakdown and the totals to Money.
func (res *Result) end() {
	for j := range res.Rates {
		res.Rates[j].Base = res.money(res.rateMinor[j].base)
		res.Rates[j].Tax = res.money(res.rateMinor[j].tax)
	}
	res.Net, res.Tax, res.Gross = res.money(res.tot.net), res.money(res.tot.tax), res.money(res.tot.gross)
}

// findRate returns the breakdown row of amount a (nil: untaxed rows by
// outcome).
func findRate(rs []RateTotal, a *Rate, k OutcomeKind) int {
	for j := range rs {
		if rs[j].Outcome == k && rs[j].Rate == a {
			return j
		}
	}
	return -1
}

// regionRequired reports whether a's country is divided into tax zones by
// subdivision (CA, US) and no zone contains a: a missing or unknown region
// must not silently mean "no tax".
func regionRequired(d *Data, a Address) bool {
	if ci, ok := cidx(a.Country); !ok || !d.byRegion[ci] {
		return false
	}
	for _, t := range d.typesIn(a.Country) {
		if t.zone.Contains(a) {
			return false
		}
	}
	return true
}

func lineTaxSum(w *lineWork, n int) int64 {
	var s int64
	for k := 0; k < n; k++ {
		s += w.tax[k]
	}
	return s
}
