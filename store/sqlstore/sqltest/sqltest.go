// Package sqltest is the conformance suite of store.OrderStore and
// store.IdentityStore: Run checks an implementation against the contract
// the interfaces document (idempotent placement, exact round trips,
// bounded paging, single-use nonces). package sqlstore runs it against
// SQLite and PostgreSQL; any other implementation can run it too.
package sqltest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/marketkit/marketkit/address"
	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/store"
)

// Stores is what the suite tests.
type Stores interface {
	store.OrderStore
	store.IdentityStore
}

// NewOrder returns a valid order of market with the key: n lines (at
// least 1) of a product at 19.99 EUR less 10 % on the first line, with
// 19 % German VAT excluded from the prices, and the per-rate breakdown.
// Different keys give different bodies only through the key.
func NewOrder(market, key string, n int) *store.Order {
	n = max(n, 1)
	eur := func(minor int64) pricing.Money {
		m, err := pricing.MoneyFromMinor(minor, "EUR")
		if err != nil {
			panic(err) // EUR is always known
		}
		return m
	}
	o := &store.Order{
		MarketID:       market,
		IdempotencyKey: key,
		ConfigVersion:  "cfg-42",
		Currency:       "EUR",
		Customer:       store.Customer{ID: "c-1", Email: "anna@example.com", Phone: "+4930123456"},
		ShipTo: address.Address{CountryCode: "DE", Locality: "Berlin", PostalCode: "10115",
			Line1: "Invalidenstraße 116", Name: "Anna Müller"},
		QuotedAt: time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC),
	}
	o.BillTo = o.ShipTo
	pct := func(s string) pricing.Percent {
		p, err := pricing.ParsePercent(s)
		if err != nil {
			panic(err) // constant input
		}
		return p
	}
	var sub, disc, net, tax, gross int64
	for i := range n {
		q := int64(i%3 + 1)
		s := 1999 * q
		var d int64
		var ds []store.AppliedDiscount
		if i == 0 {
			d = (s + 5) / 10 // 10 %, half-up to the cent
			ds = []store.AppliedDiscount{{Code: "WELCOME10", Percent: pct("10"), Amount: eur(d)}}
		}
		ln := s - d
		lt := (ln*19 + 50) / 100
		o.Lines = append(o.Lines, store.OrderLine{
			SKU: "SKU-" + strconv.Itoa(i), Quantity: q,
			UnitPrice: eur(1999), Subtotal: eur(s), Discount: eur(d), Discounts: ds,
			Net: eur(ln), Tax: eur(lt), Gross: eur(ln + lt),
			Taxes:   []store.LineTax{{RateID: "de_vat/standard/2021-01-01", Percent: pct("19"), Amount: eur(lt)}},
			Outcome: "taxed", OutcomeRule: "eu.domestic",
		})
		sub, disc, net, tax, gross = sub+s, disc+d, net+ln, tax+lt, gross+ln+lt
	}
	o.Taxes = []store.RateTax{{RateID: "de_vat/standard/2021-01-01", Percent: pct("19"), Outcome: "taxed", Base: eur(net), Tax: eur(tax)}}
	o.Subtotal, o.Discount, o.Net, o.Tax, o.Gross = eur(sub), eur(disc), eur(net), eur(tax), eur(gross)
	return o
}

// Run runs the suite. open returns a fresh, empty store serving the
// markets "de" and "fr" (at least); it is called once per subtest.
func Run(t *testing.T, open func(t *testing.T) Stores) {
	ctx := context.Background()
	t.Run("PlaceAndRead", func(t *testing.T) {
		s := open(t)
		in := NewOrder("de", "k-1", 3)
		got, err := s.PlaceOrder(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if got.ID == "" || got.CreatedAt.IsZero() || got.CreatedAt.Location() != time.UTC {
			t.Fatalf("PlaceOrder set ID %q CreatedAt %v; want both set, in UTC", got.ID, got.CreatedAt)
		}
		if in.ID != "" {
			t.Errorf("PlaceOrder modified its argument (ID %q)", in.ID)
		}
		// The result is the caller's: changing the argument afterwards
		// does not change it.
		in.Lines[0].SKU = "CHANGED"
		if got.Lines[0].SKU == "CHANGED" {
			t.Error("the placed order shares its lines with the argument")
		}
		in.Lines[0].SKU = NewOrder("de", "k-1", 3).Lines[0].SKU
		want := *in
		want.ID, want.CreatedAt = got.ID, got.CreatedAt
		if d := cmp.Diff(&want, got); d != "" {
			t.Errorf("PlaceOrder returned (-want +got):\n%s", d)
		}
		back, err := s.Order(ctx, "de", got.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(got, back); d != "" {
			t.Errorf("Order read back (-placed +read):\n%s", d)
		}
		if _, err := s.Order(ctx, "de", "no-such-id"); !errors.Is(err, store.ErrOrderNotFound) {
			t.Errorf("Order(unknown) error = %v, want ErrOrderNotFound", err)
		}
		if _, err := s.Order(ctx, "fr", got.ID); !errors.Is(err, store.ErrOrderNotFound) {
			t.Errorf("Order(other market) error = %v, want ErrOrderNotFound", err)
		}
	})
	t.Run("Idempotent", func(t *testing.T) {
		s := open(t)
		first, err := s.PlaceOrder(ctx, NewOrder("de", "k-1", 2))
		if err != nil {
			t.Fatal(err)
		}
		again, err := s.PlaceOrder(ctx, NewOrder("de", "k-1", 2))
		if err != nil {
			t.Fatalf("second placement with the same key and body: %v", err)
		}
		if d := cmp.Diff(first, again); d != "" {
			t.Errorf("retry returned another order (-first +retry):\n%s", d)
		}
		// A retry that re-quoted (new quote time, reloaded configuration)
		// is the same order.
		requoted := NewOrder("de", "k-1", 2)
		requoted.QuotedAt, requoted.ConfigVersion = requoted.QuotedAt.Add(time.Minute), "cfg-43"
		third, err := s.PlaceOrder(ctx, requoted)
		if err != nil {
			t.Fatalf("retry with a new quote time: %v", err)
		}
		if d := cmp.Diff(first, third); d != "" {
			t.Errorf("re-quoted retry returned another order (-first +retry):\n%s", d)
		}
		changed := NewOrder("de", "k-1", 3)
		_, err = s.PlaceOrder(ctx, changed)
		if !errors.Is(err, store.ErrIdempotencyConflict) {
			t.Errorf("same key, other body: error = %v, want ErrIdempotencyConflict", err)
		}
		// The same key in another market is another order.
		fr, err := s.PlaceOrder(ctx, NewOrder("fr", "k-1", 2))
		if err != nil {
			t.Fatal(err)
		}
		if fr.ID == first.ID {
			t.Errorf("market fr got the order ID of market de")
		}
		for m, want := range map[string]int64{"de": 1, "fr": 1} {
			if n, err := s.CountOrders(ctx, m); err != nil || n != want {
				t.Errorf("CountOrders(%s) = %d, %v; want %d", m, n, err, want)
			}
		}
	})
	t.Run("IdempotentConcurrent", func(t *testing.T) {
		s := open(t)
		const n = 8
		ids := make([]string, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				o, err := s.PlaceOrder(ctx, NewOrder("de", "same", 1))
				errs[i] = err
				if err == nil {
					ids[i] = o.ID
				}
			})
		}
		wg.Wait()
		for i := range n {
			if errs[i] != nil {
				t.Fatalf("placement %d: %v", i, errs[i])
			}
			if ids[i] != ids[0] {
				t.Errorf("placement %d got order %s, placement 0 got %s", i, ids[i], ids[0])
			}
		}
		if c, err := s.CountOrders(ctx, "de"); err != nil || c != 1 {
			t.Errorf("CountOrders = %d, %v; want 1", c, err)
		}
	})
	t.Run("Invalid", func(t *testing.T) {
		s := open(t)
		tests := []struct {
			name, field string
			edit        func(o *store.Order)
		}{
			{"no key", "idempotency_key", func(o *store.Order) { o.IdempotencyKey = "" }},
			{"no market", "market", func(o *store.Order) { o.MarketID = "" }},
			{"no lines", "lines", func(o *store.Order) { o.Lines = nil }},
			{"bad currency", "currency", func(o *store.Order) { o.Currency = "EURO" }},
			{"zero quantity", "lines[1].quantity", func(o *store.Order) { o.Lines[1].Quantity = 0 }},
			{"gross off by a cent", "lines[0].gross", func(o *store.Order) {
				o.Lines[0].Gross, _ = o.Lines[0].Gross.Add(pricing.MustParseMoney("0.01", "EUR"))
			}},
			{"total tax off", "tax", func(o *store.Order) { o.Tax = pricing.MustParseMoney("0.01", "EUR") }},
			{"amount in another currency", "lines[0].unit_price", func(o *store.Order) {
				o.Lines[0].UnitPrice = pricing.MustParseMoney("19.99", "USD")
			}},
			{"discount total off", "discount", func(o *store.Order) { o.Discount = pricing.MustParseMoney("0.01", "EUR") }},
			{"tax without a rate", "lines[0].taxes[0].rate_id", func(o *store.Order) { o.Lines[0].Taxes[0].RateID = "" }},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				o := NewOrder("de", "k-"+tt.name, 2)
				tt.edit(o)
				_, err := s.PlaceOrder(ctx, o)
				var se *store.Error
				if !errors.As(err, &se) || se.Field != tt.field {
					t.Fatalf("error = %v; want a *store.Error for field %q", err, tt.field)
				}
			})
		}
		if n, err := s.CountOrders(ctx, "de"); err != nil || n != 0 {
			t.Errorf("invalid orders were stored: CountOrders = %d, %v", n, err)
		}
	})
	t.Run("List", func(t *testing.T) {
		s := open(t)
		var placed []string
		for i := range 5 {
			o, err := s.PlaceOrder(ctx, NewOrder("de", "k-"+strconv.Itoa(i), 1))
			if err != nil {
				t.Fatal(err)
			}
			placed = append(placed, o.ID)
		}
		if _, err := s.PlaceOrder(ctx, NewOrder("fr", "k-fr", 1)); err != nil {
			t.Fatal(err)
		}
		var pages [][]string
		cur := ""
		for range 10 {
			os, next, err := s.ListOrders(ctx, "de", cur, 2)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, o := range os {
				ids = append(ids, o.ID)
			}
			pages = append(pages, ids)
			if next == "" {
				break
			}
			cur = next
		}
		var all []string
		for _, p := range pages {
			all = append(all, p...)
		}
		// Orders are listed by creation time; two placed in the same
		// microsecond are ordered by ID, so compare as sets and sizes.
		if len(pages) != 3 || len(pages[0]) != 2 || len(pages[2]) != 1 {
			t.Errorf("pages of 2 over 5 orders = %v", pages)
		}
		if d := cmp.Diff(sorted(placed), sorted(all)); d != "" {
			t.Errorf("listed orders (-placed +listed):\n%s", d)
		}
		for _, bad := range []int{0, -1, store.MaxListOrders + 1} {
			if _, _, err := s.ListOrders(ctx, "de", "", bad); !errors.Is(err, store.ErrInvalid) {
				t.Errorf("ListOrders(limit %d) error = %v, want ErrInvalid", bad, err)
			}
		}
		if _, _, err := s.ListOrders(ctx, "de", "garbage", 2); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("ListOrders(bad cursor) error = %v, want ErrInvalid", err)
		}
	})
	t.Run("Identity", func(t *testing.T) {
		s := open(t)
		in := store.Identity{Issuer: "https://id.example.com", Subject: "u-1", CustomerID: "c-1", Email: "a@example.com", MarketID: "de"}
		got, err := s.SaveIdentity(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if got.CreatedAt.IsZero() {
			t.Error("SaveIdentity did not set CreatedAt")
		}
		in.CreatedAt = got.CreatedAt
		if d := cmp.Diff(in, got); d != "" {
			t.Errorf("SaveIdentity (-want +got):\n%s", d)
		}
		upd := in
		upd.Email, upd.MarketID, upd.CreatedAt = "b@example.com", "fr", time.Time{}
		got2, err := s.SaveIdentity(ctx, upd)
		if err != nil {
			t.Fatal(err)
		}
		want := in
		want.Email = "b@example.com" // MarketID and CreatedAt keep their first values
		if d := cmp.Diff(want, got2); d != "" {
			t.Errorf("SaveIdentity update (-want +got):\n%s", d)
		}
		read, err := s.Identity(ctx, in.Issuer, in.Subject)
		if err != nil || !cmp.Equal(want, read) {
			t.Errorf("Identity = %+v, %v; want %+v", read, err, want)
		}
		if _, err := s.Identity(ctx, in.Issuer, "u-2"); !errors.Is(err, store.ErrIdentityNotFound) {
			t.Errorf("Identity(unknown) error = %v, want ErrIdentityNotFound", err)
		}
		if _, err := s.SaveIdentity(ctx, store.Identity{Issuer: "x", MarketID: "de"}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("SaveIdentity(no subject) error = %v, want ErrInvalid", err)
		}
	})
	t.Run("Nonce", func(t *testing.T) {
		s := open(t)
		exp := time.Now().Add(time.Minute)
		if err := s.UseNonce(ctx, "n-1", exp); err != nil {
			t.Fatal(err)
		}
		if err := s.UseNonce(ctx, "n-1", exp); !errors.Is(err, store.ErrNonceUsed) {
			t.Errorf("second use: error = %v, want ErrNonceUsed", err)
		}
		if err := s.UseNonce(ctx, "n-2", exp); err != nil {
			t.Errorf("another nonce: %v", err)
		}
		if err := s.UseNonce(ctx, "n-3", time.Now().Add(-time.Second)); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("expired nonce: error = %v, want ErrInvalid", err)
		}
		var wg sync.WaitGroup
		results := make([]error, 6)
		for i := range results {
			wg.Go(func() { results[i] = s.UseNonce(ctx, "race", exp) })
		}
		wg.Wait()
		wins := 0
		for _, err := range results {
			switch {
			case err == nil:
				wins++
			case !errors.Is(err, store.ErrNonceUsed):
				t.Errorf("concurrent use: %v", err)
			}
		}
		if wins != 1 {
			t.Errorf("a nonce presented 6 times at once was accepted %d times, want 1", wins)
		}
	})
}

func sorted(s []string) []string {
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}

// Describe is a compact form of an order for test failure messages.
func Describe(o *store.Order) string {
	return fmt.Sprintf("%s/%s key=%s gross=%s lines=%d", o.MarketID, o.ID, o.IdempotencyKey, o.Gross, len(o.Lines))
}
