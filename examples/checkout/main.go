// Command checkout prices, taxes and prints one order in each of four
// markets, the way a host application wires marketkit's packages together:
//
//   - pricing: a price list per market (quantity tiers, a sale window in the
//     market's time zone), an order with an order discount (Order.Quote);
//   - tax: the market's tax policy (prices with or without tax, rounding
//     point and mode) applied by tax.BuiltinCalculator;
//   - address and address/phone: the customer's address validated and printed
//     as a postal label, the phone number normalized;
//   - locale: every amount, date and percentage formatted for the market.
//
// The shop is one German company that ships every parcel from its warehouse in
// Berlin, so postal labels name the destination country in German. It is
// registered for Swiss VAT, New York sales tax and Japanese consumption tax.
//
//	go run ./examples/checkout          # de, ch, us and jp
//	go run ./examples/checkout ch jp    # some of them
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	_ "time/tzdata" // market time zones without depending on the host's zoneinfo

	"github.com/marketkit/marketkit/address"
	"github.com/marketkit/marketkit/address/phone"
	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/tax"
)

func main() {
	// A fixed instant (Black Friday 2026), so the output is the same on every run.
	at := time.Date(2026, time.November, 27, 10, 0, 0, 0, time.UTC)
	if err := render(os.Stdout, at, os.Args[1:]...); err != nil {
		fmt.Fprintln(os.Stderr, "checkout:", err)
		os.Exit(1)
	}
}

// render writes the checkout of each market in ids (every market when ids is
// empty) as it looks at the instant at.
func render(w io.Writer, at time.Time, ids ...string) error {
	if len(ids) == 0 {
		for _, m := range markets {
			ids = append(ids, m.ID)
		}
	}
	for _, id := range ids {
		m, err := findMarket(id)
		if err != nil {
			return err
		}
		c, err := checkout(m, at)
		if err != nil {
			return err
		}
		if err := c.print(w); err != nil {
			return fmt.Errorf("market %s: %w", m.ID, err)
		}
	}
	return nil
}

// findMarket returns the market with the given ID.
func findMarket(id string) (*market, error) {
	var known []string
	for i := range markets {
		if markets[i].ID == id {
			return &markets[i], nil
		}
		known = append(known, markets[i].ID)
	}
	return nil, fmt.Errorf("unknown market %q (known: %s)", id, strings.Join(known, ", "))
}

// order is the customer's cart.
type order struct {
	Items    []pricing.Item // SKU, TaxClass and Quantity; the price list sets UnitPrice
	Discount pricing.Discount
	Customer address.Address
	Phone    string // optional
	Cash     bool   // paid in cash: the total is rounded to the cash increment
}

// checkoutResult is one priced and taxed order, ready to print.
type checkoutResult struct {
	Market  *market
	At      time.Time // in the market's time zone
	Prices  []pricing.Price
	Quote   *pricing.Quote
	Tax     tax.Result
	Rates   *tax.Data // the rate data Tax was calculated with, for the tax names
	Address address.Address
	Phone   phone.Number // zero when the customer gave none
}

// checkout prices the market's order at the instant at and calculates its tax.
func checkout(m *market, at time.Time) (*checkoutResult, error) {
	// A host builds the price list and the formatters once per market at
	// start-up; the example builds them per call to stay short.
	list, err := pricing.NewPriceList(pricing.PriceListConfig{
		Market: m.ID, Currency: m.Currency, TimeZone: m.TimeZone, Entries: m.Prices,
	})
	if err != nil {
		return nil, fmt.Errorf("market %s: %w", m.ID, err)
	}
	c := &checkoutResult{Market: m, At: at.In(list.Location())}

	a := address.Normalize(m.Order.Customer)
	if err := address.Validate(a); err != nil {
		return nil, fmt.Errorf("market %s: customer address: %w", m.ID, err)
	}
	c.Address = a
	if m.Order.Phone != "" {
		if c.Phone, err = phone.ParseValid(m.Order.Phone, a.CountryCode); err != nil {
			return nil, fmt.Errorf("market %s: customer phone: %w", m.ID, err)
		}
	}

	o := pricing.Order{Currency: m.Currency, Rounding: m.Rounding, Discounts: []pricing.Discount{m.Order.Discount}}
	for _, it := range m.Order.Items {
		p, err := list.Resolve(it.SKU, pricing.Query{Quantity: it.Quantity, At: at})
		if err != nil {
			return nil, fmt.Errorf("market %s: %w", m.ID, err)
		}
		it.UnitPrice = p.Unit
		o.Items = append(o.Items, it)
		c.Prices = append(c.Prices, p)
	}
	if c.Quote, err = o.Quote(); err != nil {
		return nil, fmt.Errorf("market %s: %w", m.ID, err)
	}

	// address → tax in one call: TaxLocation gives the upper-case country,
	// the ISO 3166-2 region ("NY" → "US-NY", "東京都" → "JP-13") and the
	// canonical postal code.
	customer, err := tax.AddressOf(a)
	if err != nil {
		return nil, fmt.Errorf("market %s: customer address: %w", m.ID, err)
	}
	req := &tax.Request{
		Date:     tax.DateOf(at, list.Location()),
		Store:    m.Store,
		Customer: tax.Customer{Address: customer},
		Policy:   m.Policy,
		Lines:    c.Quote.Lines,
	}
	var calc tax.BuiltinCalculator // the zero value: built-in rates, tax classes are category names
	if err := calc.Calculate(context.Background(), req, &c.Tax); err != nil {
		return nil, fmt.Errorf("market %s: %w", m.ID, err)
	}
	c.Rates = calc.Data()
	return c, nil
}

// print writes the checkout with the market's formatters: money and dates
// in the market's locale, the label in the sender's.
func (c *checkoutResult) print(w io.Writer) error {
	m := c.Market
	// Percentages show no fraction digits by default (8.1 % would print as
	// 8 %); PercentFraction gives tax rates theirs and leaves money alone.
	f, err := locale.NewFormatter(m.Locale, &locale.FormatOptions{PercentFraction: locale.Fraction(0, 3)})
	if err != nil {
		return err
	}
	sender, err := locale.NewFormatter(senderLocale, nil)
	if err != nil {
		return err
	}
	var p printer
	money := func(x pricing.Money) string { return p.str(x.Format(f)) }
	// Tax rates and discounts are one type, pricing.Percent, which formats
	// itself through the locale.
	percent := func(x pricing.Percent) string { return p.str(x.Format(f)) }

	country, _ := f.CountryName(c.Address.CountryCode)
	p.printf(w, "== %s: %s, %s, %s, %s\n", m.ID, country, m.Locale, m.Currency, f.Date(c.At, locale.DateFull))
	p.printf(w, "  %-6s %3s  %-11s %12s  %-5s %12s\n", "item", "qty", "unit price", "subtotal", "tax", "to pay")
	for _, t := range c.Tax.Lines {
		l, price := c.Quote.Lines[t.Index], c.Prices[t.Index]
		var rates []string // one per tax: GST + QST in Québec
		for _, x := range t.Taxes {
			rates = append(rates, percent(x.Rate.Percent))
		}
		p.printf(w, "  %-6s %3d  %-11s %12s  %-5s %12s  %s", l.SKU, l.Quantity, money(l.UnitPrice),
			money(l.Subtotal), strings.Join(rates, "+"), money(t.Gross), price.Source)
		if !price.CompareAt.IsZero() {
			p.printf(w, ", was %s", money(price.CompareAt))
		}
		p.printf(w, "\n")
	}
	p.printf(w, "  subtotal %s\n", money(c.Quote.Subtotal))
	for _, d := range c.Quote.OrderDiscounts {
		p.printf(w, "  discount %s", d.Code)
		if d.Kind == pricing.DiscountPercent {
			p.printf(w, " %s", percent(d.Percent))
		}
		p.printf(w, ": %s\n", money(d.Amount.Neg()))
	}
	incl := "plus"
	if m.Policy.PricesIncludeTax {
		incl = "incl."
	}
	for _, r := range c.Tax.Rates {
		if r.Rate == nil { // untaxed lines: export, reverse charge, not registered
			p.printf(w, "  %s: no tax on %s\n", r.Outcome, money(r.Base))
			continue
		}
		name := r.Rate.Type
		if t, ok := c.Rates.Type(r.Rate.Type); ok {
			name = t.Name()
		}
		p.printf(w, "  %s %s %s on %s: %s\n", incl, percent(r.Rate.Percent), name, money(r.Base), money(r.Tax))
	}
	p.printf(w, "  net %s + tax %s = total %s (tax rounding %s, %s)\n",
		money(c.Tax.Net), money(c.Tax.Tax), money(c.Tax.Gross), m.Policy.Rounding, m.Policy.Mode)
	if m.Order.Cash {
		cash, err := c.Tax.Gross.RoundCash(pricing.RoundHalfUp)
		if err != nil {
			return err
		}
		p.printf(w, "  paid in cash: %s (to %s, half-up)\n", money(cash), money(cash.CashIncrement()))
	}
	p.printf(w, "  ship to:\n")
	label := address.Format(c.Address, &address.FormatOptions{Style: address.PostalLabel, Origin: senderCountry, CountryNames: sender})
	for line := range strings.Lines(label) {
		p.printf(w, "    %s\n", strings.TrimSuffix(line, "\n"))
	}
	if c.Phone.IsValid() {
		p.printf(w, "  phone %s (%s)\n", c.Phone.International(), c.Phone.E164())
	}
	return p.err
}

// printer keeps the first error of a sequence of writes and formatting calls.
type printer struct{ err error }

func (p *printer) str(s string, err error) string {
	if p.err == nil {
		p.err = err
	}
	return s
}

func (p *printer) printf(w io.Writer, format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(w, format, args...)
	}
}
