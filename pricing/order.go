package pricing

import (
	"math/bits"
	"strings"

	"github.com/marketkit/marketkit/internal/enum"
)

// DiscountKind says how a Discount computes its amount. The zero
// DiscountKind is invalid. Its text form (String, MarshalText, AppendText,
// ParseDiscountKind) is "percent" or "amount".
type DiscountKind uint8

const (
	// DiscountPercent takes Discount.Percent of the amount it applies to,
	// rounded to the currency's digits with the order's rounding mode.
	DiscountPercent DiscountKind = iota + 1
	// DiscountAmount takes a fixed Discount.Amount, capped at the amount it
	// applies to.
	DiscountAmount
)

var discountKinds = enum.New("DiscountKind", DiscountPercent, "percent", "amount")

// String returns "percent" or "amount", or "DiscountKind(N)" for an
// invalid kind.
func (k DiscountKind) String() string { return discountKinds.String(k) }

// IsValid reports whether k is DiscountPercent or DiscountAmount.
func (k DiscountKind) IsValid() bool { return discountKinds.IsValid(k) }

// ParseDiscountKind parses "percent" or "amount".
func ParseDiscountKind(s string) (DiscountKind, error) {
	if k, ok := discountKinds.Parse(s); ok {
		return k, nil
	}
	return 0, newError("ParseDiscountKind", "kind", s, ErrSyntax, "want one of "+strings.Join(discountKinds.All(), ", "))
}

// AppendText implements encoding.TextAppender; an invalid kind is an error.
func (k DiscountKind) AppendText(b []byte) ([]byte, error) {
	if b, ok := discountKinds.AppendText(b, k); ok {
		return b, nil
	}
	return b, newError("DiscountKind.AppendText", "kind", k.String(), ErrInvalid, "not a discount kind")
}

// MarshalText implements encoding.TextMarshaler; an invalid kind is an error.
func (k DiscountKind) MarshalText() ([]byte, error) { return k.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler with ParseDiscountKind.
func (k *DiscountKind) UnmarshalText(b []byte) error {
	v, err := ParseDiscountKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// Discount is a percentage or fixed-amount reduction of a line or of a
// whole order. Build one with PercentOff or AmountOff. The zero Discount
// is invalid (its Kind is not set).
type Discount struct {
	// Code identifies the discount in explanations (a promotion code or a
	// label).
	Code string
	// Kind is DiscountPercent or DiscountAmount.
	Kind DiscountKind
	// Percent is the percentage for DiscountPercent (0 % to 100 %).
	Percent Percent
	// Amount is the amount for DiscountAmount: required (the zero Money
	// is an error, as for a missing price), not negative, in the order's
	// currency and in its minor units.
	Amount Money
}

// PercentOff returns a discount of p of the amount it applies to:
// PercentOff("WELCOME10", pricing.MustParsePercent("10")) takes 10 %.
func PercentOff(code string, p Percent) Discount {
	return Discount{Code: code, Kind: DiscountPercent, Percent: p}
}

// AmountOff returns a discount of the fixed amount a, capped at the amount
// it applies to.
func AmountOff(code string, a Money) Discount {
	return Discount{Code: code, Kind: DiscountAmount, Amount: a}
}

// Item is an order line as the caller gives it.
type Item struct {
	SKU string
	// TaxClass is the host's tax class of the product ("standard",
	// "reduced", "books", …), passed through to Line for package tax.
	TaxClass string
	// Quantity must not be negative.
	Quantity int64
	// UnitPrice is required: the zero Money is not a price (an item
	// without one is an error naming items[i].unit_price; a free item has
	// the price 0 in the order's currency). It must not be negative and
	// must be in the order's currency. It may have more digits than the
	// currency (0.125 EUR); the line subtotal is rounded to the currency's
	// digits.
	UnitPrice Money
	// Discounts apply to this line, in slice order (the stacking order):
	// each one to what is left after the previous ones.
	Discounts []Discount
}

// Order is what Quote prices: items, order discounts and the rounding mode.
type Order struct {
	// Currency is the ISO 4217 code of every price in the order.
	Currency string
	Items    []Item
	// Discounts apply to the order total after line discounts, in slice
	// order (the stacking order); their sum is allocated to the lines in
	// proportion to the line totals (see Money.AppendAllocation).
	Discounts []Discount
	// Rounding rounds line subtotals with extra digits and percentage
	// discounts to the currency's digits. The zero value is RoundHalfEven.
	Rounding RoundingMode
}

// Line is a priced order line, ready for package tax: Total is the taxable
// base (after all discounts), TaxClass the product's tax class.
type Line struct {
	// SKU, TaxClass, Quantity and UnitPrice are copied from the Item.
	SKU       string
	TaxClass  string
	Quantity  int64
	UnitPrice Money
	// Subtotal is UnitPrice × Quantity rounded to the currency's digits.
	Subtotal Money
	// LineDiscount is the sum of the line's own discounts (≤ Subtotal).
	LineDiscount Money
	// OrderDiscount is the line's share of the order discounts
	// (≤ Subtotal − LineDiscount).
	OrderDiscount Money
	// Total is Subtotal − LineDiscount − OrderDiscount, never negative.
	Total Money
}

// Discount returns the line's total discount (line and order share).
func (l *Line) Discount() Money {
	d, _ := l.LineDiscount.Add(l.OrderDiscount)
	return d
}

// AppliedDiscount is an order discount and the amount it took. Kind and
// Percent repeat the discount's own, so a receipt can print "10 %" next to
// the amount without going back to Order.Discounts.
type AppliedDiscount struct {
	// Code is the discount's Code.
	Code string
	// Amount is what the discount took from the order, in the order's
	// currency and minor units. For DiscountAmount it is the discount's
	// Amount capped at what was left of the order; for DiscountPercent it
	// is Percent of what was left, rounded with the order's rounding mode.
	Amount Money
	// Kind is the discount's Kind: DiscountPercent or DiscountAmount.
	Kind DiscountKind
	// Percent is the discount's Percent when Kind is DiscountPercent, and
	// 0 % when Kind is DiscountAmount.
	Percent Percent
}

// Quote is a priced order.
type Quote struct {
	// Currency is the order's ISO 4217 code.
	Currency string
	// Lines holds one priced Line per Item, in the order of Order.Items.
	Lines []Line
	// Subtotal is the sum of the line subtotals.
	Subtotal Money
	// LineDiscounts is the sum of the line discounts.
	LineDiscounts Money
	// OrderDiscounts lists the order discounts in stacking order with the
	// amount each took (and each one's kind and percentage);
	// OrderDiscount is the sum of the amounts.
	OrderDiscounts []AppliedDiscount
	OrderDiscount  Money
	// Total is Subtotal − LineDiscounts − OrderDiscount, which is also the
	// sum of the line totals.
	Total Money
}

// Quote prices the order. It returns an *Error naming the field (for
// example "items[2].quantity") for invalid input and ErrRange when a total
// does not fit an int64 count of minor units (beyond ±9.2×10^16 EUR).
func (o *Order) Quote() (*Quote, error) {
	q := new(Quote)
	if err := o.QuoteInto(q); err != nil {
		return nil, err
	}
	return q, nil
}

// QuoteInto is Quote writing into q, reusing the capacity of q.Lines and
// q.OrderDiscounts: a reused Quote prices orders of up to 64 items without
// allocating. On error the contents of q are unspecified.
func (o *Order) QuoteInto(q *Quote) error {
	const op = "Quote"
	if o == nil || q == nil {
		return newError(op, "order", "nil", ErrInvalid, "a nil *Order or *Quote")
	}
	cur, digits, err := currency(op, o.Currency)
	if err != nil {
		return err
	}
	if err := checkMode(op, o.Rounding); err != nil {
		return err
	}
	tmpl := Money{cur: cur, scale: int32(digits)}
	money := func(minor int64) Money {
		return Money{coef: minor, scale: int32(digits), cur: cur}
	}

	n := len(o.Items)
	lines := q.Lines[:0]
	if cap(lines) < n {
		lines = make([]Line, 0, n)
	}
	lines = lines[:n]
	var wbuf [64]uint64
	w := scratch(wbuf[:], n)

	// Pass 1: line subtotals and line discounts, in minor units.
	var sbuf [2 * 64]int64
	subs := scratch(sbuf[:], 2*n)
	rests := subs[n:]
	subs = subs[:n]
	var subtotal, lineDisc, afterLines int64
	for i := range o.Items {
		it := &o.Items[i]
		if it.Quantity < 0 {
			return newError(op, itemField(i, "quantity"), itoa(it.Quantity), ErrInvalid, "must not be negative")
		}
		if it.UnitPrice.cur != cur {
			if it.UnitPrice.cur == 0 {
				return newError(op, itemField(i, "unit_price"), "", ErrNoPrice, "missing: the zero Money is not a price (a free item costs 0 "+tmpl.code()+")")
			}
			return mismatch(op, itemField(i, "unit_price"), tmpl.code(), it.UnitPrice.code())
		}
		if it.UnitPrice.Sign() < 0 {
			return newError(op, itemField(i, "unit_price"), it.UnitPrice.String(), ErrInvalid, "must not be negative")
		}
		sub, ok := it.UnitPrice.Minor()
		if ok && it.UnitPrice.cur.digits() == digits {
			sub, ok = mul64(sub, it.Quantity)
		} else {
			ok = false
		}
		if !ok {
			unit := it.UnitPrice
			unit.cur = cur
			sub, ok = unit.MulInt(it.Quantity).roundStep(step{k: 1, t: int32(digits)}, o.Rounding).Minor()
			if !ok {
				return newError(op, itemField(i, "subtotal"), unit.MulInt(it.Quantity).String(), ErrRange, "beyond ±9.2×10^18 minor units")
			}
		}
		rest := sub
		for j := range it.Discounts {
			d, err := discountMinor(&it.Discounts[j], rest, cur, o.Rounding, i, j)
			if err != nil {
				return err
			}
			rest -= d
		}
		if subtotal, ok = add64(subtotal, sub); !ok {
			return newError(op, "subtotal", "items[0:"+itoa(int64(i+1))+"]", ErrRange, "the sum is beyond ±9.2×10^18 minor units")
		}
		lineDisc += sub - rest // ≤ subtotal, cannot overflow
		afterLines += rest
		w[i] = uint64(rest)
		subs[i], rests[i] = sub, rest
	}

	// Pass 2: order discounts in stacking order.
	applied := q.OrderDiscounts[:0]
	rest := afterLines
	for j := range o.Discounts {
		d, err := discountMinor(&o.Discounts[j], rest, cur, o.Rounding, -1, j)
		if err != nil {
			return err
		}
		rest -= d
		a := AppliedDiscount{Code: o.Discounts[j].Code, Amount: money(d), Kind: o.Discounts[j].Kind}
		if a.Kind == DiscountPercent {
			a.Percent = o.Discounts[j].Percent
		}
		applied = append(applied, a)
	}
	orderDisc := afterLines - rest

	// Pass 3: allocate the order discount and write the lines.
	var shbuf [64]uint64
	shares := scratch(shbuf[:], n)
	if orderDisc > 0 {
		allocUnits(shares, uint64(orderDisc), w, uint64(afterLines))
	}
	for i := range lines {
		it := &o.Items[i]
		share := int64(shares[i])
		total := money(rests[i] - share)
		unit := it.UnitPrice
		unit.cur = cur
		l := &lines[i]
		// Field by field: a composite literal here is built on the stack
		// and copied with write barriers, a fifth of the quote's time.
		l.SKU, l.TaxClass, l.Quantity, l.UnitPrice = it.SKU, it.TaxClass, it.Quantity, unit
		l.Subtotal, l.LineDiscount, l.OrderDiscount = money(subs[i]), money(subs[i]-rests[i]), money(share)
		l.Total = total
	}

	*q = Quote{
		Currency:       tmpl.code(),
		Lines:          lines,
		Subtotal:       money(subtotal),
		LineDiscounts:  money(lineDisc),
		OrderDiscounts: applied,
		OrderDiscount:  money(orderDisc),
		Total:          money(rest),
	}
	return nil
}

func itemField(i int, name string) string { return "items[" + itoa(int64(i)) + "]." + name }

// discountMinor returns the amount of d applied to base (minor units,
// ≥ 0), capped at base.
func discountMinor(d *Discount, base int64, cur curID, mode RoundingMode, item, j int) (int64, error) {
	const op = "Quote"
	field := func(name string) string {
		f := "discounts[" + itoa(int64(j)) + "]." + name
		if item >= 0 {
			f = "items[" + itoa(int64(item)) + "]." + f
		}
		return f
	}
	var amt int64
	switch d.Kind {
	case DiscountPercent:
		p := d.Percent
		if p.v < 0 || p.v > percentOne {
			return 0, newError(op, field("percent"), itoa(int64(p.v)), ErrRange, "not a percentage")
		}
		// Exact: round(base × units / 10^6) in one step, in 128 bits.
		hi, lo := bits.Mul64(uint64(base), uint64(p.v))
		r, ok := divRound(hi, lo, 0, percentOne, false, mode)
		if !ok || r > uint64(base) { // unreachable: the result is at most base
			return 0, newError(op, field("percent"), p.String(), ErrRange, "the discount does not fit")
		}
		amt = int64(r)
	case DiscountAmount:
		if d.Amount.cur == 0 {
			return 0, newError(op, field("amount"), "", ErrInvalid, "missing: the zero Money is not an amount (no discount is 0 "+cur.code()+")")
		}
		if d.Amount.cur != cur {
			return 0, mismatch(op, field("amount"), cur.code(), d.Amount.code())
		}
		v, ok := d.Amount.Minor()
		if !ok {
			return 0, newError(op, field("amount"), d.Amount.String(), ErrNotRounded, "more digits than the currency's "+itoa(int64(cur.digits())))
		}
		if v < 0 {
			return 0, newError(op, field("amount"), d.Amount.String(), ErrInvalid, "must not be negative")
		}
		amt = v
	default:
		return 0, newError(op, field("kind"), d.Kind.String(), ErrInvalid, "not a discount kind: build discounts with PercentOff or AmountOff")
	}
	return min(amt, base), nil
}
