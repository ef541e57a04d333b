package store

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/marketkit/marketkit/address"
	"github.com/marketkit/marketkit/pricing"
)

// Sentinel errors of the persistence interfaces.
var (
	// ErrOrderNotFound: no order with that ID in that market.
	ErrOrderNotFound = errors.New("order not found")
	// ErrIdentityNotFound: no identity with that issuer and subject.
	ErrIdentityNotFound = errors.New("identity not found")
	// ErrIdempotencyConflict: an order was already placed with the same
	// idempotency key but a different body.
	ErrIdempotencyConflict = errors.New("idempotency key reused with a different order")
	// ErrMarketMismatch: a store bound to some markets was given an order
	// or a query for another one.
	ErrMarketMismatch = errors.New("market not served by this database")
	// ErrNonceUsed: a sign-in hand-off nonce was presented a second time.
	ErrNonceUsed = errors.New("nonce already used")
)

// Limits on what an Order may hold, so that a request can never make a
// store write an unbounded row.
const (
	MaxOrderLines     = 1000 // lines per order
	MaxKeyLength      = 200  // bytes of IdempotencyKey, IDs and codes
	MaxTextLength     = 1000 // bytes of any other text field
	MaxListOrders     = 1000 // orders per ListOrders page
	MaxTaxesPerLine   = 16
	MaxDiscountsOnOne = 64 // discounts per line or per order
)

// Order is a placed order: the quote exactly as the customer saw and
// accepted it, with everything needed to re-render the invoice later even
// after prices, rates or the configuration have changed. Amounts are
// pricing.Money (exact decimals with their currency; never floats), and
// every one of them is in Currency (the zero Money counts as zero in any
// currency). NewOrder builds one from a Quote.
//
// ID and CreatedAt are set by OrderStore.PlaceOrder. Every other field
// but ConfigVersion and QuotedAt is the order's body: two placements with
// the same IdempotencyKey must have equal bodies. (A retried checkout that
// re-quotes gets a new quote time, perhaps under a reloaded configuration,
// for the same order; it gets the first order back, with its values.)
type Order struct {
	ID             string    `json:"id,omitempty"`
	MarketID       string    `json:"market"`
	IdempotencyKey string    `json:"idempotency_key"`
	CreatedAt      time.Time `json:"created_at,omitzero"` // UTC, microseconds
	// ConfigVersion is the version of the market configuration that
	// priced the order (Config.Hash).
	ConfigVersion string `json:"config_version"`
	// QuotedAt is when the quote was priced (it decides the effective
	// prices and tax rates).
	QuotedAt time.Time `json:"quoted_at,omitzero"`
	// Currency is the ISO 4217 code of every amount (upper case).
	Currency string          `json:"currency"`
	Customer Customer        `json:"customer"`
	ShipTo   address.Address `json:"ship_to"`
	BillTo   address.Address `json:"bill_to"`
	// PricesIncludeTax says whether the line prices were gross.
	PricesIncludeTax bool        `json:"prices_include_tax"`
	Lines            []OrderLine `json:"lines"`
	// Discounts are the order-level discounts in stacking order.
	Discounts []AppliedDiscount `json:"discounts,omitempty"`
	// Taxes is the per-rate breakdown of the whole order.
	Taxes []RateTax `json:"taxes,omitempty"`
	// Subtotal is the sum of the goods' subtotals (shipping lines
	// excluded); Discount the sum of the lines' discounts; Shipping the
	// gross of the shipping lines; Net + Tax = Gross, the amount paid.
	Subtotal pricing.Money `json:"subtotal"`
	Discount pricing.Money `json:"discount"`
	Shipping pricing.Money `json:"shipping"`
	Net      pricing.Money `json:"net"`
	Tax      pricing.Money `json:"tax"`
	Gross    pricing.Money `json:"gross"`
}

// Customer identifies who placed an order.
type Customer struct {
	// ID is the customer's ID; empty for a guest checkout.
	ID    string `json:"id,omitempty"`
	Email string `json:"email"`
	Phone string `json:"phone,omitempty"` // E.164
	// VATNumber is the buyer's VAT number when the order is B2B.
	VATNumber string `json:"vat_number,omitempty"`
}

// OrderLine is one priced and taxed line.
type OrderLine struct {
	SKU string `json:"sku"`
	// Shipping marks the shipping line (its SKU is the shipping method).
	Shipping  bool          `json:"shipping,omitempty"`
	Quantity  int64         `json:"quantity"`
	UnitPrice pricing.Money `json:"unit_price"`
	// Subtotal is UnitPrice × Quantity, rounded to the currency.
	Subtotal pricing.Money `json:"subtotal"`
	// Discount is the line's own discounts and its share of the order
	// discounts; Discounts, when known, itemizes the line's own.
	Discount  pricing.Money     `json:"discount"`
	Discounts []AppliedDiscount `json:"discounts,omitempty"`
	// Net + Tax = Gross; Tax is the sum of Taxes.
	Net   pricing.Money `json:"net"`
	Tax   pricing.Money `json:"tax"`
	Gross pricing.Money `json:"gross"`
	Taxes []LineTax     `json:"taxes,omitempty"`
	// Outcome ("taxed", "reverse-charge", "export", "not-registered") and
	// OutcomeRule (e.g. "eu.distance-sale") record the rule that decided
	// the line's taxation; OutcomeNote is the text the invoice must carry.
	Outcome     string `json:"outcome,omitempty"`
	OutcomeRule string `json:"outcome_rule,omitempty"`
	OutcomeNote string `json:"outcome_note,omitempty"`
}

// AppliedDiscount is a discount and the amount it took.
type AppliedDiscount struct {
	Code string `json:"code"`
	// Percent is the percentage of a percentage discount, 0 % for a fixed
	// amount.
	Percent pricing.Percent `json:"percent"`
	Amount  pricing.Money   `json:"amount"`
}

// LineTax is one tax on one line.
type LineTax struct {
	// RateID is the stable ID of the rate used
	// ("de_vat/standard/2021-01-01").
	RateID  string          `json:"rate_id"`
	Percent pricing.Percent `json:"percent"`
	Amount  pricing.Money   `json:"amount"`
}

// RateTax is one row of the per-rate breakdown: the base the rate applied
// to and the tax. RateID is empty for untaxed lines, grouped by Outcome.
type RateTax struct {
	RateID  string          `json:"rate_id,omitempty"`
	Percent pricing.Percent `json:"percent"`
	Outcome string          `json:"outcome,omitempty"`
	Base    pricing.Money   `json:"base"`
	Tax     pricing.Money   `json:"tax"`
}

// Checkout is what a placed order adds to its quote.
type Checkout struct {
	IdempotencyKey string
	ConfigVersion  string
	Customer       Customer
	ShipTo, BillTo address.Address
}

// NewOrder returns the order that placing q stores: the quote's lines,
// discounts, taxes (with the IDs of the rates and of the rules that
// decided them) and totals as they are, with the checkout's key,
// customer, addresses and configuration version. It checks the result
// with Validate.
func NewOrder(q *Quote, c Checkout) (*Order, error) {
	if q == nil {
		return nil, &Error{Op: "NewOrder", Field: "quote", Value: "nil", Err: ErrInvalid}
	}
	o := &Order{
		MarketID: q.Market, IdempotencyKey: c.IdempotencyKey, ConfigVersion: c.ConfigVersion,
		QuotedAt: q.At.UTC().Truncate(time.Microsecond), Currency: q.Currency,
		Customer: c.Customer, ShipTo: c.ShipTo, BillTo: c.BillTo, PricesIncludeTax: q.PricesIncludeTax,
		Subtotal: q.Subtotal, Discount: q.Discount, Shipping: q.Shipping, Net: q.Net, Tax: q.Tax, Gross: q.Gross,
	}
	for _, d := range q.Discounts {
		o.Discounts = append(o.Discounts, AppliedDiscount{Code: d.Code, Percent: d.Percent, Amount: d.Amount})
	}
	for _, l := range q.Lines {
		ol := OrderLine{SKU: l.SKU, Shipping: l.Shipping, Quantity: l.Quantity, UnitPrice: l.Unit,
			Subtotal: l.Subtotal, Discount: l.Discount, Net: l.Net, Tax: l.Tax, Gross: l.Gross}
		for _, t := range l.Taxes {
			lt := LineTax{Amount: t.Tax}
			if t.Rate != nil {
				lt.RateID, lt.Percent = t.Rate.ID, t.Rate.Percent
			}
			ol.Taxes = append(ol.Taxes, lt)
		}
		if l.Outcome != nil {
			ol.Outcome, ol.OutcomeRule, ol.OutcomeNote = l.Outcome.Kind.String(), string(l.Outcome.Rule), l.Outcome.Reason
		}
		o.Lines = append(o.Lines, ol)
	}
	for _, r := range q.Rates {
		rt := RateTax{Outcome: r.Outcome.String(), Base: r.Base, Tax: r.Tax}
		if r.Rate != nil {
			rt.RateID, rt.Percent = r.Rate.ID, r.Rate.Percent
		}
		o.Taxes = append(o.Taxes, rt)
	}
	if err := o.Validate(); err != nil {
		return nil, err
	}
	return o, nil
}

// OrderStore keeps a market's placed orders. Package store/sqlstore
// implements it on database/sql (SQLite embedded by default, PostgreSQL
// through pgx), one database per market, and so does its Set for the
// markets of one process. Carts are not stored: a cart lives in a signed
// cookie held by the web layer and becomes an Order (NewOrder) only when
// the customer places it. Implementations are safe for concurrent use.
type OrderStore interface {
	// PlaceOrder validates o (see Order.Validate), stores it and returns
	// the stored order with ID and CreatedAt set. It is idempotent: a
	// second call with the same market and IdempotencyKey and an equal
	// body (see Order) returns the first order; a different body is an
	// error wrapping ErrIdempotencyConflict. When PlaceOrder returns nil the order is
	// durable.
	PlaceOrder(ctx context.Context, o *Order) (*Order, error)
	// Order returns one order; ErrOrderNotFound when it does not exist.
	Order(ctx context.Context, marketID, orderID string) (*Order, error)
	// ListOrders returns up to limit (1..MaxListOrders) orders of a
	// market, oldest first, starting after the cursor (empty: from the
	// start). next is the cursor of the following page, empty at the end.
	ListOrders(ctx context.Context, marketID, cursor string, limit int) (orders []*Order, next string, err error)
	// CountOrders returns the number of orders of a market.
	CountOrders(ctx context.Context, marketID string) (int64, error)
}

// Identity is a customer's sign-in identity, as far as the sign-in
// hand-off between markets needs it: who authenticated the customer
// (Issuer, Subject), which customer that is, and where they signed up.
// Passwords are not kept here.
type Identity struct {
	Issuer     string    `json:"issuer"`  // e.g. "https://accounts.example.com"
	Subject    string    `json:"subject"` // the issuer's stable user ID
	CustomerID string    `json:"customer_id"`
	Email      string    `json:"email"`
	MarketID   string    `json:"market"`     // the market where the identity was first seen
	CreatedAt  time.Time `json:"created_at"` // set by the store
}

// IdentityStore keeps sign-in identities and the single-use nonces of the
// sign-in hand-off. Implementations are safe for concurrent use.
type IdentityStore interface {
	// SaveIdentity stores id, or updates the CustomerID and Email of the
	// identity with the same Issuer and Subject (MarketID and CreatedAt
	// keep their first values). It returns the stored identity.
	SaveIdentity(ctx context.Context, id Identity) (Identity, error)
	// Identity returns the identity; ErrIdentityNotFound if absent.
	Identity(ctx context.Context, issuer, subject string) (Identity, error)
	// UseNonce records a hand-off nonce valid until expires. A nonce
	// presented twice before it expires is an error wrapping ErrNonceUsed.
	UseNonce(ctx context.Context, nonce string, expires time.Time) error
}

// Validate checks that the order is complete and consistent: market, key,
// currency and at least one line present; every amount in Currency; and
// the arithmetic of the quote holds exactly (per line Net + Tax = Gross
// and Tax = the sum of its taxes; the order's Net, Tax and Gross are the
// sums of the lines', and so are Subtotal (goods), Discount and Shipping
// (shipping lines' gross); the breakdown's tax sums to Tax). It returns an
// *Error naming the first offending field, wrapping ErrInvalid.
func (o *Order) Validate() error {
	const op = "PlaceOrder"
	bad := func(field, value, why string) error {
		return &Error{Op: op, Field: field, Value: value, Err: because(ErrInvalid, why)}
	}
	if o == nil {
		return bad("order", "nil", "no order")
	}
	for _, f := range [...]struct{ name, v string }{
		{"market", o.MarketID}, {"idempotency_key", o.IdempotencyKey},
	} {
		if f.v == "" {
			return bad(f.name, f.v, "required")
		}
		if len(f.v) > MaxKeyLength {
			return bad(f.name, f.v, "longer than "+strconv.Itoa(MaxKeyLength)+" bytes")
		}
	}
	if len(o.ConfigVersion) > MaxKeyLength {
		return bad("config_version", o.ConfigVersion, "longer than "+strconv.Itoa(MaxKeyLength)+" bytes")
	}
	cur := o.Currency
	if cur == "" {
		return bad("currency", cur, "required")
	}
	if _, err := pricing.MoneyFromMinor(0, cur); err != nil {
		return &Error{Op: op, Field: "currency", Value: cur, Err: err}
	}
	if len(o.Lines) == 0 {
		return bad("lines", "", "an order needs at least one line")
	}
	if len(o.Lines) > MaxOrderLines {
		return bad("lines", strconv.Itoa(len(o.Lines)), "more than "+strconv.Itoa(MaxOrderLines)+" lines")
	}
	money := func(field string, m pricing.Money) error {
		if m.Currency() != cur && !(m.Currency() == "" && m.IsZero()) {
			return bad(field, m.String(), "not in the order currency "+cur)
		}
		return nil
	}
	sum := func(field string, total pricing.Money, parts []pricing.Money) error {
		var s pricing.Money
		for _, p := range parts {
			var err error
			if s, err = s.Add(p); err != nil {
				return &Error{Op: op, Field: field, Value: p.String(), Err: err}
			}
		}
		if !s.Equal(total) {
			return bad(field, total.String(), "does not equal the sum of its parts "+s.String())
		}
		return nil
	}
	discounts := func(field string, ds []AppliedDiscount) error {
		if len(ds) > MaxDiscountsOnOne {
			return bad(field, strconv.Itoa(len(ds)), "too many discounts")
		}
		for i, d := range ds {
			f := field + "[" + strconv.Itoa(i) + "]"
			if len(d.Code) > MaxKeyLength {
				return bad(f+".code", d.Code, "too long")
			}
			if err := money(f+".amount", d.Amount); err != nil {
				return err
			}
		}
		return nil
	}
	for _, t := range [...]struct{ name, v string }{
		{"customer.id", o.Customer.ID}, {"customer.email", o.Customer.Email},
		{"customer.phone", o.Customer.Phone}, {"customer.vat_number", o.Customer.VATNumber},
	} {
		if len(t.v) > MaxTextLength {
			return bad(t.name, t.v, "too long")
		}
	}
	var nets, taxes, grosses, subs, discs, ships []pricing.Money
	for i, l := range o.Lines {
		f := "lines[" + strconv.Itoa(i) + "]"
		if l.SKU == "" || len(l.SKU) > MaxKeyLength {
			return bad(f+".sku", l.SKU, "required, at most "+strconv.Itoa(MaxKeyLength)+" bytes")
		}
		if l.Quantity <= 0 {
			return bad(f+".quantity", strconv.FormatInt(l.Quantity, 10), "must be positive")
		}
		for _, m := range [...]struct {
			name string
			v    pricing.Money
		}{{"unit_price", l.UnitPrice}, {"subtotal", l.Subtotal}, {"discount", l.Discount},
			{"net", l.Net}, {"tax", l.Tax}, {"gross", l.Gross}} {
			if err := money(f+"."+m.name, m.v); err != nil {
				return err
			}
		}
		if len(l.Outcome) > MaxKeyLength || len(l.OutcomeRule) > MaxKeyLength || len(l.OutcomeNote) > MaxTextLength {
			return bad(f+".outcome", l.OutcomeRule, "too long")
		}
		if err := discounts(f+".discounts", l.Discounts); err != nil {
			return err
		}
		if len(l.Taxes) > MaxTaxesPerLine {
			return bad(f+".taxes", strconv.Itoa(len(l.Taxes)), "too many taxes")
		}
		lt := make([]pricing.Money, 0, len(l.Taxes))
		for j, t := range l.Taxes {
			tf := f + ".taxes[" + strconv.Itoa(j) + "]"
			if t.RateID == "" || len(t.RateID) > MaxKeyLength {
				return bad(tf+".rate_id", t.RateID, "required")
			}
			if err := money(tf+".amount", t.Amount); err != nil {
				return err
			}
			lt = append(lt, t.Amount)
		}
		if len(l.Taxes) > 0 {
			if err := sum(f+".tax", l.Tax, lt); err != nil {
				return err
			}
		}
		if err := sum(f+".gross", l.Gross, []pricing.Money{l.Net, l.Tax}); err != nil {
			return err
		}
		nets, taxes, grosses, discs = append(nets, l.Net), append(taxes, l.Tax), append(grosses, l.Gross), append(discs, l.Discount)
		if l.Shipping {
			ships = append(ships, l.Gross)
		} else {
			subs = append(subs, l.Subtotal)
		}
	}
	if err := discounts("discounts", o.Discounts); err != nil {
		return err
	}
	var rt []pricing.Money
	for i, t := range o.Taxes {
		f := "taxes[" + strconv.Itoa(i) + "]"
		if len(t.RateID) > MaxKeyLength || len(t.Outcome) > MaxKeyLength {
			return bad(f+".rate_id", t.RateID, "too long")
		}
		for _, m := range [...]struct {
			name string
			v    pricing.Money
		}{{"base", t.Base}, {"tax", t.Tax}} {
			if err := money(f+"."+m.name, m.v); err != nil {
				return err
			}
		}
		rt = append(rt, t.Tax)
	}
	for _, m := range [...]struct {
		name string
		v    pricing.Money
	}{{"subtotal", o.Subtotal}, {"discount", o.Discount}, {"shipping", o.Shipping}, {"net", o.Net}, {"tax", o.Tax}, {"gross", o.Gross}} {
		if err := money(m.name, m.v); err != nil {
			return err
		}
	}
	if err := sum("subtotal", o.Subtotal, subs); err != nil {
		return err
	}
	if err := sum("discount", o.Discount, discs); err != nil {
		return err
	}
	if err := sum("shipping", o.Shipping, ships); err != nil {
		return err
	}
	if err := sum("net", o.Net, nets); err != nil {
		return err
	}
	if err := sum("tax", o.Tax, taxes); err != nil {
		return err
	}
	if err := sum("gross", o.Gross, grosses); err != nil {
		return err
	}
	if len(o.Taxes) > 0 {
		if err := sum("taxes", o.Tax, rt); err != nil {
			return err
		}
	}
	return nil
}
