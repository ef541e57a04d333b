package pricing

import (
	"math/big"
	"math/bits"
)

// DiscountKind says how a Discount computes its amount.
type DiscountKind uint8

const (
	// PercentOff takes Percent % of the amount it applies to, rounded to the
	// currency's digits with the order's rounding mode.
	PercentOff DiscountKind = iota + 1
	// AmountOff takes a fixed Amount, capped at the amount it applies to.
	AmountOff
)

// Discount is a percentage or fixed-amount reduction of a line or of a
// whole order. The zero Discount is invalid.
type Discount struct {
	// Code identifies the discount in explanations (a promotion code or a
	// label).
	Code string
	// Kind is PercentOff or AmountOff.
	Kind DiscountKind
	// Percent is the percentage for PercentOff, in 0..100 (10 is 10 %).
	Percent Fixed
	// Amount is the amount for AmountOff: not negative, in the order's
	// currency and in its minor units.
	Amount Money
}

// Percent returns a PercentOff discount of p percent.
func Percent(code string, p Fixed) Discount {
	return Discount{Code: code, Kind: PercentOff, Percent: p}
}

// Amount returns an AmountOff discount of a.
func Amount(code string, a Money) Discount {
	return Discount{Code: code, Kind: AmountOff, Amount: a}
}

// Item is an order line as the caller gives it.
type Item struct {
	SKU string
	// TaxCategory is passed through to Line for package tax.
	TaxCategory string
	// Quantity must not be negative.
	Quantity int64
	// UnitPrice must not be negative and must be in the order's currency.
	// It may have more digits than the currency (0.125 EUR); the line
	// subtotal is rounded to the currency's digits.
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
	// discounts to the currency's digits. It must be set.
	Rounding RoundingMode
}

// Line is a priced order line, ready for package tax: Total is the taxable
// base (after all discounts); Net, Tax and Gross are filled by ApplyTax.
type Line struct {
	// SKU, TaxCategory, Quantity and UnitPrice are copied from the Item.
	SKU         string
	TaxCategory string
	Quantity    int64
	UnitPrice   Money
	// Subtotal is UnitPrice × Quantity rounded to the currency's digits.
	Subtotal Money
	// LineDiscount is the sum of the line's own discounts (≤ Subtotal).
	LineDiscount Money
	// OrderDiscount is the line's share of the order discounts
	// (≤ Subtotal − LineDiscount).
	OrderDiscount Money
	// Total is Subtotal − LineDiscount − OrderDiscount, never negative.
	Total Money
	// Net, Tax and Gross: until ApplyTax is called, Net and Gross equal
	// Total and Tax is zero. Net + Tax = Gross always holds exactly.
	Net, Tax, Gross Money
}

// Discount returns the line's total discount (line and order share).
func (l *Line) Discount() Money {
	d, _ := l.LineDiscount.Add(l.OrderDiscount)
	return d
}

// ApplyTax records the tax on the line. When included is false the prices
// exclude tax: Net = Total and Gross = Total + tax. When included is true
// the prices include it: Gross = Total and Net = Total − tax.
func (l *Line) ApplyTax(tax Money, included bool) error {
	var err error
	if included {
		l.Gross = l.Total
		l.Net, err = l.Total.Sub(tax)
	} else {
		l.Net = l.Total
		l.Gross, err = l.Total.Add(tax)
	}
	if err != nil {
		return err
	}
	l.Tax = tax
	return nil
}

// AppliedDiscount is an order discount and the amount it took. Kind and
// Percent repeat the discount's own, so a receipt can print "10 %" next to
// the amount without going back to Order.Discounts.
type AppliedDiscount struct {
	// Code is the discount's Code.
	Code string
	// Amount is what the discount took from the order, in the order's
	// currency and minor units. For AmountOff it is the discount's Amount
	// capped at what was left of the order; for PercentOff it is Percent %
	// of what was left, rounded with the order's rounding mode.
	Amount Money
	// Kind is the discount's Kind: PercentOff or AmountOff.
	Kind DiscountKind
	// Percent is the discount's Percent (10 is 10 %) when Kind is
	// PercentOff, and zero when Kind is AmountOff.
	Percent Fixed
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
		return newError(op, "order", "nil", ErrInvalid)
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
			return newError(op, "items["+itoa(int64(i))+"].quantity", itoa(it.Quantity), ErrInvalid)
		}
		if it.UnitPrice.cur != cur && !(it.UnitPrice.cur == 0 && it.UnitPrice.IsZero()) {
			return &MismatchError{Op: op + " items[" + itoa(int64(i)) + "].unit_price", A: tmpl.code(), B: it.UnitPrice.code()}
		}
		if it.UnitPrice.Sign() < 0 {
			return newError(op, "items["+itoa(int64(i))+"].unit_price", it.UnitPrice.String(), ErrInvalid)
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
				return newError(op, "items["+itoa(int64(i))+"].subtotal", unit.MulInt(it.Quantity).String(), ErrRange)
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
			return newError(op, "subtotal", "items[0:"+itoa(int64(i+1))+"]", ErrRange)
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
		if a.Kind == PercentOff {
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
		l.SKU, l.TaxCategory, l.Quantity, l.UnitPrice = it.SKU, it.TaxCategory, it.Quantity, unit
		l.Subtotal, l.LineDiscount, l.OrderDiscount = money(subs[i]), money(subs[i]-rests[i]), money(share)
		l.Total, l.Net, l.Tax, l.Gross = total, total, money(0), total
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
	case PercentOff:
		p := d.Percent
		if p.coef < 0 || p.Cmp(Fixed{coef: 100}) > 0 {
			return 0, newError(op, field("percent"), p.String(), ErrInvalid)
		}
		// Exact: round(base × coef / (100 × 10^scale)) in one step, in
		// 128 bits when 100 × 10^scale fits 64 bits, on big integers
		// otherwise.
		hi, lo := bits.Mul64(uint64(base), uint64(p.coef))
		h, den := bits.Mul64(100, pow10[p.scale])
		r, ok := uint64(0), false
		if h == 0 {
			r, ok = divRound(hi, lo, 0, den, false, mode)
		}
		if !ok {
			b := bigDivRound(new(big.Int).Mul(big.NewInt(base), big.NewInt(p.coef)), -p.scale, big.NewInt(100), mode)
			if !b.IsInt64() {
				return 0, newError(op, field("percent"), p.String(), ErrRange)
			}
			r = uint64(b.Int64())
		}
		amt = int64(r)
	case AmountOff:
		if d.Amount.cur != cur && !(d.Amount.cur == 0 && d.Amount.IsZero()) {
			return 0, &MismatchError{Op: op + " " + field("amount"), A: Money{cur: cur}.code(), B: d.Amount.code()}
		}
		v, ok := d.Amount.Minor()
		if !ok {
			return 0, newError(op, field("amount"), d.Amount.String(), ErrNotRounded)
		}
		if v < 0 {
			return 0, newError(op, field("amount"), d.Amount.String(), ErrInvalid)
		}
		amt = v
	default:
		return 0, newError(op, field("kind"), itoa(int64(d.Kind)), ErrInvalid)
	}
	return min(amt, base), nil
}
