package main

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/marketkit/marketkit/address"
	"github.com/marketkit/marketkit/address/phone"
	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/tax"
)

var update = flag.Bool("update", false, "rewrite testdata/checkout.golden")

// blackFriday is the instant main uses.
var blackFriday = time.Date(2026, time.November, 27, 10, 0, 0, 0, time.UTC)

func TestRenderGolden(t *testing.T) {
	var out bytes.Buffer
	if err := render(&out, blackFriday); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "checkout.golden")
	if *update {
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), out.String()); diff != "" {
		t.Errorf("render output (-want +got):\n%s", diff)
	}
}

// TestInvariants checks what every checkout must hold, in every market and
// also a week before the sale (other prices, same rules).
func TestInvariants(t *testing.T) {
	for _, at := range []time.Time{blackFriday, blackFriday.AddDate(0, 0, -7)} {
		for i := range markets {
			m := &markets[i]
			t.Run(m.ID+"/"+at.Format("2006-01-02"), func(t *testing.T) {
				c, err := checkout(m, at)
				if err != nil {
					t.Fatal(err)
				}
				checkInvariants(t, m, c)
			})
		}
	}
}

func checkInvariants(t *testing.T, m *market, c *checkoutResult) {
	t.Helper()
	sum := func(name string, f func(i int) pricing.Money, n int) pricing.Money {
		var s pricing.Money
		for i := range n {
			var err error
			if s, err = s.Add(f(i)); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		return s
	}
	equal := func(what string, got, want pricing.Money) {
		t.Helper()
		if !got.Equal(want) {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}
	q, res := c.Quote, &c.Tax
	if len(res.Lines) != len(q.Lines) {
		t.Fatalf("%d tax lines for %d order lines", len(res.Lines), len(q.Lines))
	}
	for i, l := range res.Lines {
		netTax, err := l.Net.Add(l.Tax)
		if err != nil {
			t.Fatal(err)
		}
		equal("line "+q.Lines[i].SKU+" net + tax", netTax, l.Gross)
		if l.Tax.IsZero() {
			t.Errorf("line %s: no tax (outcome %v)", q.Lines[i].SKU, l.Outcome.Kind)
		}
	}
	n := len(res.Lines)
	equal("sum of line gross", sum("gross", func(i int) pricing.Money { return res.Lines[i].Gross }, n), res.Gross)
	equal("sum of line tax", sum("tax", func(i int) pricing.Money { return res.Lines[i].Tax }, n), res.Tax)
	equal("sum of rate tax", sum("rates", func(i int) pricing.Money { return res.Rates[i].Tax }, len(res.Rates)), res.Tax)
	netTax, err := res.Net.Add(res.Tax)
	if err != nil {
		t.Fatal(err)
	}
	equal("net + tax", netTax, res.Gross)

	// The order discount is taken once, from the line totals.
	equal("sum of line totals", sum("totals", func(i int) pricing.Money { return q.Lines[i].Total }, len(q.Lines)), q.Total)
	afterDiscount, err := q.Subtotal.Sub(q.OrderDiscount)
	if err != nil {
		t.Fatal(err)
	}
	equal("subtotal − order discount", afterDiscount, q.Total)
	if q.OrderDiscount.IsZero() {
		t.Error("order discount is zero")
	}
	// Inclusive prices: the customer pays the order total; exclusive: tax comes on top.
	if m.Policy.PricesIncludeTax {
		equal("gross (prices include tax)", res.Gross, q.Total)
	} else {
		equal("net (prices exclude tax)", res.Net, q.Total)
	}
}

// TestNotRegistered shows why the store lists its registrations: without
// them a Berlin store's sale to New York is an export, and no sales tax is
// charged.
func TestNotRegistered(t *testing.T) {
	m := markets[2]
	if m.ID != "us" {
		t.Fatalf("markets[2] is %s, want us", m.ID)
	}
	m.Store = tax.Store{Origin: store.Origin}
	c, err := checkout(&m, blackFriday)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Tax.Tax.IsZero() {
		t.Errorf("tax = %v, want none without a registration", c.Tax.Tax)
	}
	if k := c.Tax.Lines[0].Outcome.Kind; k != tax.Export {
		t.Errorf("outcome = %v, want export", k)
	}
	var out bytes.Buffer
	if err := c.print(&out); err != nil {
		t.Fatal(err)
	}
	if want := "export: no tax on $73.08\n"; !strings.Contains(out.String(), want) {
		t.Errorf("print output lacks %q:\n%s", want, out.String())
	}
}

func TestErrors(t *testing.T) {
	de := func(edit func(m *market)) *market {
		m := markets[0]
		m.Order.Items = append([]pricing.Item(nil), m.Order.Items...)
		edit(&m)
		return &m
	}
	tests := []struct {
		name   string
		market *market
		is     error  // errors.Is target
		msg    string // substring of the message
	}{
		{"postal code", de(func(m *market) { m.Order.Customer.PostalCode = "5114" }),
			address.ErrInvalidPostalCode, `market de: customer address:`},
		{"missing city", de(func(m *market) { m.Order.Customer.Locality = " " }),
			address.ErrRequired, `market de: customer address:`},
		{"phone", de(func(m *market) { m.Order.Phone = "0221 1" }),
			phone.ErrInvalid, `market de: customer phone:`},
		{"unpriced SKU", de(func(m *market) { m.Order.Items[0].SKU = "SPOON" }),
			pricing.ErrNoPrice, `sku "SPOON": no price in market "de"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := checkout(tt.market, blackFriday)
			if !errors.Is(err, tt.is) {
				t.Fatalf("checkout error = %v, want errors.Is %v", err, tt.is)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("checkout error = %q, want it to contain %q", err, tt.msg)
			}
		})
	}

	t.Run("field error", func(t *testing.T) {
		_, err := checkout(de(func(m *market) { m.Order.Customer.PostalCode = "5114" }), blackFriday)
		var fe *address.FieldError
		if !errors.As(err, &fe) || fe.Field != address.FieldPostalCode.String() || fe.Value != "5114" {
			t.Fatalf("checkout error = %v, want a *address.FieldError for postal_code 5114", err)
		}
	})

	t.Run("unknown market", func(t *testing.T) {
		var out bytes.Buffer
		err := render(&out, blackFriday, "de", "fr")
		want := `unknown market "fr" (known: de, ch, us, jp)`
		if err == nil || err.Error() != want {
			t.Fatalf("render(de, fr) error = %v, want %s", err, want)
		}
	})
}
