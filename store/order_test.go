package store

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/marketkit/marketkit/address"
	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/tax"
)

// testQuote is a German quote: one line of 2 × 10.00 EUR less 2.00, and
// shipping 4.90, prices including 19 % VAT.
func testQuote() *Quote {
	eur := func(s string) pricing.Money { return pricing.MustParseMoney(s, "EUR") }
	vat := &tax.Rate{ID: "de_vat/standard/2021-01-01", Type: "de_vat", Percent: pricing.MustParsePercent("19")}
	out := &tax.Outcome{Kind: tax.Taxed, Rule: tax.RuleEUDomestic, Reason: "domestic sale"}
	return &Quote{
		Market: "de", Currency: "EUR", At: time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC), PricesIncludeTax: true,
		Lines: []QuoteLine{
			{SKU: "MUG", Quantity: 2, Unit: eur("10.00"), Subtotal: eur("20.00"), Discount: eur("2.00"),
				Net: eur("15.13"), Tax: eur("2.87"), Gross: eur("18.00"),
				Taxes: []tax.AppliedTax{{Rate: vat, Tax: eur("2.87")}}, Outcome: out},
			{SKU: "DHL", Quantity: 1, Shipping: true, Unit: eur("4.90"), Subtotal: eur("4.90"),
				Net: eur("4.12"), Tax: eur("0.78"), Gross: eur("4.90"),
				Taxes: []tax.AppliedTax{{Rate: vat, Tax: eur("0.78")}}, Outcome: out},
		},
		Discounts: []pricing.AppliedDiscount{{Code: "TEN", Amount: eur("2.00"), Kind: pricing.DiscountPercent, Percent: pricing.MustParsePercent("10")}},
		Rates:     []QuoteRate{{Rate: vat, Outcome: tax.Taxed, Percent: "19%", Base: eur("19.25"), Tax: eur("3.65")}},
		Subtotal:  eur("20.00"), Discount: eur("2.00"), Shipping: eur("4.90"),
		Net: eur("19.25"), Tax: eur("3.65"), Gross: eur("22.90"),
	}
}

func TestNewOrder(t *testing.T) {
	eur := func(s string) pricing.Money { return pricing.MustParseMoney(s, "EUR") }
	p19 := pricing.MustParsePercent("19")
	to := address.Address{CountryCode: "DE", Locality: "Berlin", PostalCode: "10115", Line1: "Invalidenstraße 116", Name: "Anna"}
	c := Checkout{IdempotencyKey: "k-1", ConfigVersion: "cfg-1", Customer: Customer{Email: "a@example.com"}, ShipTo: to, BillTo: to}
	got, err := NewOrder(testQuote(), c)
	if err != nil {
		t.Fatal(err)
	}
	want := &Order{
		MarketID: "de", IdempotencyKey: "k-1", ConfigVersion: "cfg-1", QuotedAt: time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC),
		Currency: "EUR", Customer: c.Customer, ShipTo: to, BillTo: to, PricesIncludeTax: true,
		Lines: []OrderLine{
			{SKU: "MUG", Quantity: 2, UnitPrice: eur("10.00"), Subtotal: eur("20.00"), Discount: eur("2.00"),
				Net: eur("15.13"), Tax: eur("2.87"), Gross: eur("18.00"),
				Taxes:   []LineTax{{RateID: "de_vat/standard/2021-01-01", Percent: p19, Amount: eur("2.87")}},
				Outcome: "taxed", OutcomeRule: "eu.domestic", OutcomeNote: "domestic sale"},
			{SKU: "DHL", Shipping: true, Quantity: 1, UnitPrice: eur("4.90"), Subtotal: eur("4.90"),
				Net: eur("4.12"), Tax: eur("0.78"), Gross: eur("4.90"),
				Taxes:   []LineTax{{RateID: "de_vat/standard/2021-01-01", Percent: p19, Amount: eur("0.78")}},
				Outcome: "taxed", OutcomeRule: "eu.domestic", OutcomeNote: "domestic sale"},
		},
		Discounts: []AppliedDiscount{{Code: "TEN", Percent: pricing.MustParsePercent("10"), Amount: eur("2.00")}},
		Taxes:     []RateTax{{RateID: "de_vat/standard/2021-01-01", Percent: p19, Outcome: "taxed", Base: eur("19.25"), Tax: eur("3.65")}},
		Subtotal:  eur("20.00"), Discount: eur("2.00"), Shipping: eur("4.90"),
		Net: eur("19.25"), Tax: eur("3.65"), Gross: eur("22.90"),
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("NewOrder (-want +got):\n%s", d)
	}

	// A quote whose arithmetic does not hold is refused, naming the field.
	tests := []struct {
		name, field string
		edit        func(q *Quote)
	}{
		{"shipping total", "shipping", func(q *Quote) { q.Shipping = pricing.MustParseMoney("5.00", "EUR") }},
		{"goods subtotal", "subtotal", func(q *Quote) { q.Subtotal = pricing.MustParseMoney("24.90", "EUR") }},
		{"line tax", "lines[0].tax", func(q *Quote) { q.Lines[0].Tax = pricing.MustParseMoney("2.86", "EUR") }},
		{"no key", "idempotency_key", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, cc := testQuote(), c
			if tt.edit != nil {
				tt.edit(q)
			} else {
				cc.IdempotencyKey = ""
			}
			_, err := NewOrder(q, cc)
			var se *Error
			if !errors.As(err, &se) || se.Field != tt.field || !errors.Is(err, ErrInvalid) {
				t.Errorf("error = %v; want ErrInvalid for field %q", err, tt.field)
			}
		})
	}
	if _, err := NewOrder(nil, c); !errors.Is(err, ErrInvalid) {
		t.Errorf("NewOrder(nil): %v", err)
	}
}

func TestOrderErrorText(t *testing.T) {
	o, _ := NewOrder(testQuote(), Checkout{IdempotencyKey: "k"})
	o.Currency = "EURO"
	err := o.Validate()
	if err == nil || err.Error() != `store: PlaceOrder: currency "EURO": `+errors.Unwrap(err).Error() {
		t.Errorf("error text %q", err)
	}
	o.Currency = "EUR"
	o.Lines[1].Gross = pricing.MustParseMoney("4.91", "EUR")
	if got, want := o.Validate().Error(), `store: PlaceOrder: lines[1].gross "4.91 EUR": invalid value: does not equal the sum of its parts 4.90 EUR`; got != want {
		t.Errorf("error text\n got %s\nwant %s", got, want)
	}
}

func ExampleNewOrder() {
	q := testQuote() // from Store.Quote in a real checkout
	o, err := NewOrder(q, Checkout{
		IdempotencyKey: "checkout-7f3a", // the same for every retry of this checkout
		ConfigVersion:  "cfg-1",
		Customer:       Customer{Email: "anna@example.com"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range o.Lines {
		fmt.Println(l.SKU, l.Shipping, l.Gross, l.Taxes[0].RateID, l.OutcomeRule)
	}
	fmt.Println(o.Net, "+", o.Tax, "=", o.Gross)
	// Output:
	// MUG false 18.00 EUR de_vat/standard/2021-01-01 eu.domestic
	// DHL true 4.90 EUR de_vat/standard/2021-01-01 eu.domestic
	// 19.25 EUR + 3.65 EUR = 22.90 EUR
}
