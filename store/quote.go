package store

import (
	"context"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/marketkit/marketkit/address"
	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/tax"
)

// Cart is what a customer is buying in one market. A cart belongs to one
// market and currency: a Store refuses a cart of another (ErrWrongMarket),
// and MoveCart is the explicit step that re-prices it for another market.
type Cart struct {
	Market   string     `json:"market"`
	Currency string     `json:"currency"`
	Lines    []CartLine `json:"lines"`
	// Shipping is the SKU of the shipping method, priced from the market's
	// price list and quoted as a line, taxed at the standard rate unless
	// the market's class rules map the class ShippingClass; empty for none.
	Shipping string `json:"shipping,omitempty"`
	// Group is the customer group for group prices ("" for none).
	Group string `json:"group,omitempty"`
	// Discounts are the order discounts, in stacking order (the host
	// resolves promotion codes to them).
	Discounts []pricing.Discount `json:"-"`
}

// CartLine is one line of a cart.
type CartLine struct {
	SKU      string `json:"sku"`
	Quantity int64  `json:"quantity"`
	// Discounts are the line's own discounts.
	Discounts []pricing.Discount `json:"-"`
}

// ShippingClass is the tax class of the shipping line when the market's
// tax class rules name it; otherwise shipping is taxed at the standard
// rate.
const ShippingClass = "shipping"

func shippingClass(m *Market) string {
	for _, c := range m.Tax.Classes {
		if c.Class == ShippingClass {
			return ShippingClass
		}
	}
	return ""
}

// NewCart returns an empty cart of the market.
func (s *Store) NewCart() Cart { return Cart{Market: s.m.ID, Currency: s.m.Currency} }

// QuoteLine is one priced and taxed line of a Quote. Its amounts are
// exact; [Quote.Format] writes any of them as the quote shows amounts.
type QuoteLine struct {
	SKU       string
	Product   string // the product ID; empty for the shipping line
	Quantity  int64
	Shipping  bool // the shipping line
	Unit      pricing.Money
	CompareAt pricing.Money
	// Subtotal is Unit × Quantity; Discount the line's own discounts and
	// its share of the order discounts; Net + Tax = Gross.
	Subtotal, Discount, Net, Tax, Gross pricing.Money
	// Taxes are the taxes applied, with the rate of each.
	Taxes []tax.AppliedTax
	// Outcome is the rule that decided the line's taxation. Lines decided
	// by the same rule share one Outcome.
	Outcome *tax.Outcome
}

// QuoteRate is one row of the per-rate tax breakdown.
type QuoteRate struct {
	// Rate is the rate (nil for untaxed lines grouped by Outcome).
	Rate    *tax.Rate
	Outcome tax.OutcomeKind
	// Percent is Rate.Percent as text, "19%" (pricing.Percent.String, the
	// same in every locale); empty for untaxed rows.
	Percent string
	Base    pricing.Money
	Tax     pricing.Money
}

// Quote is a priced, taxed cart: lines (shipping as a line), the order
// discounts, the per-rate breakdown and the totals. The amounts are exact;
// their texts are written on demand, by [Quote.Format] and
// [Quote.AppendFormat], with the formatter of the Store that made the
// quote.
type Quote struct {
	Market   string
	Currency string
	At       time.Time
	// PricesIncludeTax says whether the line prices were gross.
	PricesIncludeTax bool
	Lines            []QuoteLine
	Discounts        []pricing.AppliedDiscount
	Rates            []QuoteRate
	// Subtotal is the sum of the goods' subtotals (without shipping);
	// Discount all discounts; Shipping the shipping line's gross; Net +
	// Tax = Gross, the amount to pay.
	Subtotal, Discount, Shipping, Net, Tax, Gross pricing.Money

	// by is the Store that made the quote: its default formatter writes
	// the texts. Nil for a Quote no Store made, or one whose last
	// QuoteInto failed.
	by       *Store
	taxes    []tax.AppliedTax // backing array of the lines' Taxes
	outcomes []tax.Outcome    // backing array of the lines' Outcome
	// skus records the lines' catalog facts as the Store by found them
	// (QuoteInto only), so that the next QuoteInto by that Store for a
	// cart with the same SKU at the same place does not look it up again.
	skus []skuRec
}

// skuRec is a line's SKU and what the Store's catalog says of it.
type skuRec struct {
	sku  string
	info skuInfo
}

// Formatter returns the formatter of the quote's texts: that of the
// default locale of the market whose Store made q; nil for a Quote that
// no Store made.
func (q *Quote) Formatter() *locale.Formatter {
	if q.by == nil {
		return nil
	}
	return q.by.deff
}

// Format returns m as the quote shows amounts: written by [Quote.Formatter],
// never another locale's formatter, with the zero Money (a total that has
// no value, such as Shipping without a shipping line) shown as the
// currency's zero, "0,00 €". Texts are written when asked, not when the
// quote is made; the Store remembers the text of recently shown amounts,
// so that showing one again does not allocate. An amount the formatter
// cannot write, and every amount of a Quote no Store made, is written as
// m.String() ("19.99 EUR").
func (q *Quote) Format(m pricing.Money) string {
	s := q.by
	if s == nil || s.deff == nil {
		if m == (pricing.Money{}) && q.Currency != "" {
			m, _ = pricing.MoneyFromMinor(0, q.Currency)
		}
		return m.String()
	}
	if m == (pricing.Money{}) && s.zero != "" {
		return s.zero // formatted by NewStore
	}
	slot := s.texts.moneySlot(m)
	if slot != nil {
		if e := slot.Load(); e != nil && e.m == m {
			return e.text
		}
	}
	var buf [64]byte
	t := string(s.appendMoney(buf[:0], m))
	if slot != nil {
		slot.Store(&moneyText{m: m, text: t})
	}
	return t
}

// AppendFormat appends Format(m) to b and returns the extended buffer. It
// does not allocate when b has room (an amount beyond an int64 of minor
// units aside).
func (q *Quote) AppendFormat(b []byte, m pricing.Money) []byte {
	s := q.by
	if s == nil || s.deff == nil {
		return append(b, q.Format(m)...)
	}
	if m == (pricing.Money{}) && s.zero != "" {
		return append(b, s.zero...)
	}
	if slot := s.texts.moneySlot(m); slot != nil {
		if e := slot.Load(); e != nil && e.m == m {
			return append(b, e.text...)
		}
	}
	return s.appendMoney(b, m)
}

// appendMoney appends m written by the default formatter, or m.String()
// if it cannot write m; the zero Money is the currency's zero.
func (s *Store) appendMoney(b []byte, m pricing.Money) []byte {
	if m == (pricing.Money{}) {
		m, _ = pricing.MoneyFromMinor(0, s.m.Currency)
	}
	if out, err := m.AppendFormat(b, s.deff); err == nil {
		return out
	}
	return append(b, m.String()...)
}

// Quote prices and taxes a cart for delivery to an address, now, in the
// market's default locale. See QuoteAt.
func (s *Store) Quote(ctx context.Context, cart *Cart, to address.Address, c Customer) (*Quote, error) {
	return s.QuoteAt(ctx, time.Now(), cart, to, c)
}

// QuoteAt prices and taxes cart at time at for delivery to the address:
// every line at its price-list price (tier, group, sale window), the line
// and order discounts, the shipping line, the taxes of the market's
// policy for this customer (a VAT number makes a business customer) and
// the totals; [Quote.Format] writes them in the market's default locale.
// A cart of another market or currency is ErrWrongMarket; a SKU not sold
// here, or sold but without a price, is ErrNotSold naming the line; an
// address outside the market is ErrNotServed.
func (s *Store) QuoteAt(ctx context.Context, at time.Time, cart *Cart, to address.Address, c Customer) (*Quote, error) {
	q := newQuote(cart)
	if err := s.quoteInto(ctx, q, at, cart, to, c, false); err != nil {
		return nil, err
	}
	return q, nil
}

// quoteMem is a new Quote with room for what nearly every cart has, one
// tax outcome and two rates, allocated at once. A cart with more appends
// beyond it.
type quoteMem struct {
	q        Quote
	outcomes [1]tax.Outcome
	rates    [2]QuoteRate
}

// newQuote returns a new Quote with room for the lines of cart (shipping
// included): with its lines and their taxes, three allocations (a
// fourth for order discounts).
// An empty or refused cart gets a plain Quote (nil slices, as QuoteInto
// leaves them).
func newQuote(cart *Cart) *Quote {
	if cart == nil || len(cart.Lines) > MaxCartLines {
		return new(Quote)
	}
	n := len(cart.Lines)
	if cart.Shipping != "" {
		n++
	}
	if n == 0 {
		return new(Quote)
	}
	m := new(quoteMem)
	q := &m.q
	q.outcomes, q.Rates = m.outcomes[:0], m.rates[:0]
	q.Lines = make([]QuoteLine, 0, n)
	return q
}

// QuoteInto is QuoteAt writing into q and reusing the capacity of its
// slices (lines, discounts, rates and the lines' taxes and outcomes): a
// quote reused for carts of similar size does not allocate. The previous
// contents of q, including the slices it handed out, are overwritten; on
// error q is unspecified.
func (s *Store) QuoteInto(ctx context.Context, q *Quote, at time.Time, cart *Cart, to address.Address, c Customer) error {
	return s.quoteInto(ctx, q, at, cart, to, c, true)
}

// quoteInto is QuoteInto; record keeps the lines' catalog facts in q for
// the next call (QuoteAt's new Quote does not).
func (s *Store) quoteInto(ctx context.Context, q *Quote, at time.Time, cart *Cart, to address.Address, c Customer, record bool) error {
	s.check()
	const op = "Quote"
	if cart == nil {
		return &Error{Op: op, Field: "cart", Err: because(ErrInvalid, "nil cart")}
	}
	if cart.Market != s.m.ID {
		return &Error{Op: op, Field: "cart.market", Value: cart.Market, Err: because(ErrWrongMarket, "this is market "+s.m.ID+"; use MoveCart")}
	}
	if cart.Currency != s.m.Currency {
		return &Error{Op: op, Field: "cart.currency", Value: cart.Currency, Err: because(ErrWrongMarket, "market "+s.m.ID+" sells in "+s.m.Currency+"; use MoveCart")}
	}
	if len(cart.Lines) > MaxCartLines {
		return &Error{Op: op, Field: "cart.lines", Value: strconv.Itoa(len(cart.Lines)), Err: ErrTooLarge}
	}
	addr, err := s.servedAddress(to)
	if err != nil {
		return err
	}
	n := len(cart.Lines)
	if cart.Shipping != "" {
		n++
	}
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	var known []skuRec // the lines' facts recorded by this Store
	if q.by == s {
		known = q.skus
	}
	// Until it succeeds, q belongs to no Store: the records written below
	// in place of another Store's must never be read as that Store's.
	q.by = nil
	recs := q.skus[:0] // overwritten in place: known[i] is read before recs[i] is written
	items := sc.items[:0]
	lines := slices.Grow(q.Lines[:0], n)
	for i, l := range cart.Lines {
		if l.Quantity <= 0 || l.Quantity > MaxQuantity {
			return &Error{Op: op, Field: lineField(i, "quantity"), Value: strconv.FormatInt(l.Quantity, 10), Err: because(ErrInvalid, "want 1 to 1000000")}
		}
		var info skuInfo
		var ok bool
		if i < len(known) && known[i].sku == l.SKU {
			info, ok = s.soldAs(known[i].info, at)
		} else {
			info, ok = s.sold(l.SKU, at)
		}
		if record && ok {
			recs = append(recs, skuRec{sku: l.SKU, info: info})
		}
		if !ok {
			return &Error{Op: op, Field: lineField(i, "sku"), Value: l.SKU, Err: ErrNotSold}
		}
		pr, err := s.prices.Resolve(l.SKU, pricing.Query{Quantity: l.Quantity, Group: cart.Group, At: at})
		if err != nil {
			return &Error{Op: op, Field: lineField(i, "sku"), Value: l.SKU, Err: because(ErrNotSold, err.Error())}
		}
		items = append(items, pricing.Item{SKU: l.SKU, TaxClass: info.taxClass, Quantity: l.Quantity, UnitPrice: pr.Unit, Discounts: l.Discounts})
		lines = appendLine(lines, l.SKU, info.product, l.Quantity, false, pr.Unit, pr.CompareAt)
	}
	sc.items = items
	// Order discounts apply to the goods only: price them first, then add
	// the shipping line undiscounted.
	order := pricing.Order{Currency: s.m.Currency, Items: items, Discounts: cart.Discounts, Rounding: s.m.Tax.Mode}
	pq := &sc.goods
	if err := order.QuoteInto(pq); err != nil {
		return &Error{Op: op, Field: "cart", Err: err}
	}
	// Field by field, not a new Quote{…} copied over q: copying a struct
	// with pointers into the heap costs a bulk write barrier while the
	// collector runs. Lines, Rates, Net, Tax, Gross, taxes, outcomes and
	// by are written below; TestQuoteIntoReusesTexts checks that a reused
	// Quote equals a new one, field by field.
	q.Market, q.Currency, q.At, q.PricesIncludeTax = s.m.ID, s.m.Currency, at, s.m.Tax.PricesIncludeTax
	q.skus = recs
	q.Discounts = append(q.Discounts[:0], pq.OrderDiscounts...)
	q.Subtotal, q.Shipping = pq.Subtotal, pricing.Money{}
	q.Discount, _ = pq.LineDiscounts.Add(pq.OrderDiscount)
	tlines := pq.Lines // the scratch quote's: appending the shipping line is safe
	if cart.Shipping != "" {
		pr, err := s.prices.Resolve(cart.Shipping, pricing.Query{Quantity: 1, Group: cart.Group, At: at})
		if err != nil {
			return &Error{Op: op, Field: "cart.shipping", Value: cart.Shipping, Err: because(ErrNotSold, err.Error())}
		}
		sc.ship[0] = pricing.Item{SKU: cart.Shipping, TaxClass: shippingClass(s.m), Quantity: 1, UnitPrice: pr.Unit}
		ship := pricing.Order{Currency: s.m.Currency, Rounding: s.m.Tax.Mode, Items: sc.ship[:]}
		if err := ship.QuoteInto(&sc.shipQ); err != nil {
			return &Error{Op: op, Field: "cart.shipping", Value: cart.Shipping, Err: err}
		}
		tlines = append(tlines, sc.shipQ.Lines[0])
		lines = appendLine(lines, cart.Shipping, "", 1, true, pr.Unit, pricing.Money{})
	}
	pq.Lines = tlines[:len(pq.Lines)]
	res := &sc.res
	req := &sc.req
	*req = tax.Request{Date: locale.DateOf(at.In(s.loc)), Store: s.taxStore,
		Customer: tax.Customer{Address: addr, Business: c.VATNumber != "", VATNumber: c.VATNumber},
		Policy:   s.m.TaxPolicy(), Lines: tlines}
	if err := s.calc.Calculate(ctx, req, res); err != nil {
		return &Error{Op: op, Field: "tax", Err: err}
	}
	// The result's lines point to one Outcome per rule: the quote keeps
	// one copy of each run of equal pointers (typically one in all).
	nTaxes, nOutcomes := 0, 0
	var last *tax.Outcome
	for i := range res.Lines {
		nTaxes += len(res.Lines[i].Taxes)
		if o := res.Lines[i].Outcome; o != nil && o != last {
			nOutcomes, last = nOutcomes+1, o
		}
	}
	taxes := slices.Grow(q.taxes[:0], nTaxes)
	outcomes := slices.Grow(q.outcomes[:0], nOutcomes)
	last = nil
	for i := range lines {
		pl, tl := &tlines[i], &res.Lines[i]
		ql := &lines[i]
		ql.Subtotal, ql.Discount = pl.Subtotal, pl.Discount()
		ql.Net, ql.Tax, ql.Gross = tl.Net, tl.Tax, tl.Gross
		start := len(taxes)
		taxes = append(taxes, tl.Taxes...)
		ql.Taxes = taxes[start:len(taxes):len(taxes)]
		ql.Outcome = nil
		if o := tl.Outcome; o != nil {
			if o != last {
				outcomes, last = append(outcomes, *o), o
			}
			ql.Outcome = &outcomes[len(outcomes)-1]
		}
		if ql.Shipping {
			q.Shipping = tl.Gross
		}
	}
	q.Lines = lines
	q.Net, q.Tax, q.Gross = res.Net, res.Tax, res.Gross
	q.taxes, q.outcomes = taxes, outcomes
	q.Rates = slices.Grow(q.Rates[:0], len(res.Rates))[:len(res.Rates)]
	for i, r := range res.Rates {
		qr := QuoteRate{Rate: r.Rate, Outcome: r.Outcome, Base: r.Base, Tax: r.Tax}
		if r.Rate != nil {
			qr.Percent = s.texts.percentString(r.Rate.Percent)
		}
		q.Rates[i] = qr
	}
	q.by = s
	return nil
}

// appendLine appends a line with the fields known before the taxes to
// lines, which has room for it; the caller writes the others (Subtotal,
// Discount, Net, Tax, Gross, Taxes, Outcome). Field by field, for the
// reason given in quoteInto.
func appendLine(lines []QuoteLine, sku, product string, qty int64, shipping bool, unit, compareAt pricing.Money) []QuoteLine {
	lines = lines[:len(lines)+1]
	l := &lines[len(lines)-1]
	l.SKU, l.Product, l.Quantity, l.Shipping, l.Unit, l.CompareAt = sku, product, qty, shipping, unit, compareAt
	return lines
}

// scratch holds the per-call buffers of QuoteAt, pooled so that a quote
// allocates only what it returns.
type scratch struct {
	items []pricing.Item
	goods pricing.Quote
	ship  [1]pricing.Item
	shipQ pricing.Quote
	req   tax.Request
	res   tax.Result
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func lineField(i int, f string) string { return "cart.lines[" + strconv.Itoa(i) + "]." + f }

// LineChange says what happened to one cart line when a cart moved.
type LineChange struct {
	SKU      string
	Quantity int64
	// Sold is false when the destination market does not sell the SKU
	// (or has no price for it): the line was removed.
	Sold bool
	// From is the unit price in the origin market (zero when the origin
	// had none), To the unit price in the destination.
	From, To pricing.Money
	// Reason explains a removal.
	Reason string
}

// CartMove is the report of MoveCart.
type CartMove struct {
	From, To         string // market IDs
	FromCur, ToCur   string // currencies
	Lines            []LineChange
	Removed          int // lines not sold in the destination
	ShippingRemoved  bool
	DiscountsDropped int // order and line discounts: they belong to the origin market's promotions
}

// MoveCart re-prices a cart of market `from` for this Store's market: every
// line is priced from this market's list, in its currency, and lines this
// market does not sell are removed; the report lists each line's old and
// new unit price and every removal. Discounts are dropped (promotions are
// per market: the host re-applies this market's). It never carries a price
// or a currency over.
func (s *Store) MoveCart(cart Cart, from *Store, at time.Time) (Cart, CartMove, error) {
	s.check()
	const op = "MoveCart"
	if from == nil || cart.Market != from.m.ID || cart.Currency != from.m.Currency {
		v := cart.Market
		return Cart{}, CartMove{}, &Error{Op: op, Field: "cart.market", Value: v, Err: because(ErrWrongMarket, "the cart does not belong to the origin store")}
	}
	if len(cart.Lines) > MaxCartLines {
		return Cart{}, CartMove{}, &Error{Op: op, Field: "cart.lines", Value: strconv.Itoa(len(cart.Lines)), Err: ErrTooLarge}
	}
	out := Cart{Market: s.m.ID, Currency: s.m.Currency, Group: cart.Group}
	mv := CartMove{From: from.m.ID, To: s.m.ID, FromCur: from.m.Currency, ToCur: s.m.Currency}
	mv.DiscountsDropped = len(cart.Discounts)
	for _, l := range cart.Lines {
		mv.DiscountsDropped += len(l.Discounts)
		ch := LineChange{SKU: l.SKU, Quantity: l.Quantity}
		if pr, err := from.prices.Resolve(l.SKU, pricing.Query{Quantity: l.Quantity, Group: cart.Group, At: at}); err == nil {
			ch.From = pr.Unit
		}
		if _, ok := s.sold(l.SKU, at); !ok {
			ch.Reason = "not sold in " + s.m.ID
		} else if pr, err := s.prices.Resolve(l.SKU, pricing.Query{Quantity: l.Quantity, Group: cart.Group, At: at}); err != nil {
			ch.Reason = "no price in " + s.m.ID
		} else {
			ch.Sold, ch.To = true, pr.Unit
			out.Lines = append(out.Lines, CartLine{SKU: l.SKU, Quantity: l.Quantity})
		}
		if !ch.Sold {
			mv.Removed++
		}
		mv.Lines = append(mv.Lines, ch)
	}
	if cart.Shipping != "" {
		if _, err := s.prices.Resolve(cart.Shipping, pricing.Query{Quantity: 1, At: at}); err == nil {
			out.Shipping = cart.Shipping
		} else {
			mv.ShippingRemoved = true
		}
	}
	return out, mv, nil
}
