package store

import (
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/marketkit/marketkit/address"
	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/tax"
)

// TestAddrCache: the cached tax location is TaxLocation's for every
// address, whether it is asked first, again, or after another address
// took its slot; errors are returned each time and never remembered.
func TestAddrCache(t *testing.T) {
	var c addrCache
	addrs := []address.Address{
		{CountryCode: "de", PostalCode: "10115", Locality: "Berlin", Line1: "Invalidenstr. 1"},
		{CountryCode: "DE", PostalCode: "10115", Locality: "Berlin", Line1: "Invalidenstr. 1"},
		{CountryCode: "US", AdministrativeArea: "ny", PostalCode: "10001", Locality: "New York", Line1: "1 Main St"},
		{CountryCode: "US", AdministrativeArea: "CA", PostalCode: "10001", Locality: "New York", Line1: "1 Main St"},
		{CountryCode: "US", AdministrativeArea: "NY", PostalCode: "1000", Locality: "New York", Line1: "1 Main St"},
		{CountryCode: "XX", PostalCode: "1"},
	}
	for i := range addrCacheSize + 3 { // more addresses than slots: some share one
		addrs = append(addrs, address.Address{CountryCode: "DE", PostalCode: "10115", Line1: "Str. " + itoa(i), Locality: "Berlin"})
	}
	for round := range 3 {
		for _, a := range addrs {
			cc, region, postal, werr := a.TaxLocation()
			got, err := c.taxLocation(a)
			if (err != nil) != (werr != nil) || (err != nil && err.Error() != werr.Error()) {
				t.Fatalf("round %d %+v: error %v, want %v", round, a, err, werr)
			}
			if werr != nil {
				var fe *address.FieldError
				if !errors.As(err, &fe) {
					t.Errorf("round %d %+v: error %T, want *address.FieldError", round, a, err)
				}
				continue
			}
			if diff := cmp.Diff(tax.Address{Country: cc, Region: region, PostalCode: postal}, got); diff != "" {
				t.Errorf("round %d %+v (-TaxLocation +cached):\n%s", round, a, diff)
			}
		}
	}
}

// TestUnitCache: a unit price's text comes from the cache only when the
// cached amount is the line's own; an entry for another amount in the
// SKU's slot (a collision, or another price of the SKU) is replaced.
func TestUnitCache(t *testing.T) {
	s, _ := exampleStores(t, nil)
	de := mustStore(t, s, "de")
	cart := de.NewCart()
	cart.Lines = []CartLine{{SKU: "MUG-BLUE", Quantity: 2}}
	de.units.slot("MUG-BLUE").Store(&unitEntry{m: eur("1.00"), text: "WRONG"})
	for round := range 2 {
		q, err := de.QuoteAt(t.Context(), at, &cart, deAddress(), Customer{})
		if err != nil {
			t.Fatal(err)
		}
		want, err := q.Lines[0].Unit.Format(de.Formatter(de.def))
		if err != nil {
			t.Fatal(err)
		}
		if got := q.Lines[0].Text.Unit; got != want {
			t.Errorf("round %d: unit text %q, want %q", round, got, want)
		}
	}
}

// TestQuoteIntoReusesTexts: a Quote reused for a sequence of carts (the
// same again, one line changed, lines removed, back) shows exactly what a
// new Quote of each cart shows.
func TestQuoteIntoReusesTexts(t *testing.T) {
	s, _ := exampleStores(t, nil)
	de := mustStore(t, s, "de")
	base := de.NewCart()
	base.Lines = []CartLine{{SKU: "MUG-BLUE", Quantity: 2}, {SKU: "TEA-GREEN", Quantity: 10}, {SKU: "BOOK-GO", Quantity: 1}}
	base.Shipping = "SHIP-STD"
	changed := base
	changed.Lines = slices.Clone(base.Lines)
	changed.Lines[1].Quantity = 3
	fewer := base
	fewer.Lines = base.Lines[2:]
	fewer.Shipping = ""
	var q Quote
	for i, c := range []*Cart{&base, &base, &changed, &fewer, &base, &changed} {
		want, err := de.QuoteAt(t.Context(), at, c, deAddress(), Customer{})
		if err != nil {
			t.Fatal(err)
		}
		if err := de.QuoteInto(t.Context(), &q, at, c, deAddress(), Customer{}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, &q, cmpMoney, cmp.AllowUnexported(Quote{}), cmpopts.IgnoreFields(Quote{}, "shown", "spare", "shownBy", "skus", "skusBy")); diff != "" {
			t.Errorf("cart %d (-new +reused):\n%s", i, diff)
		}
	}
}

// TestQuoteIntoTextsOfAnotherLocale: texts recorded by another market's
// formatter are never reused, even for equal amounts; the same record
// under the market's own formatter is (which shows the test can fail).
func TestQuoteIntoTextsOfAnotherLocale(t *testing.T) {
	s, _ := exampleStores(t, nil)
	de, be := mustStore(t, s, "de"), mustStore(t, s, "fr-be")
	cart := be.NewCart()
	cart.Lines = []CartLine{{SKU: "MUG-BLUE", Quantity: 2}}
	to := address.Address{CountryCode: "BE", Name: "Jean Dupont", Line1: "Rue de la Loi 16", PostalCode: "1000", Locality: "Bruxelles"}
	want, err := be.QuoteAt(t.Context(), at, &cart, to, Customer{})
	if err != nil {
		t.Fatal(err)
	}
	forged := func(by *Store) *Quote {
		q := &Quote{shownBy: by.fmts[by.def]}
		for _, v := range appendTexts(nil, want) {
			v.s = "WRONG"
			q.shown = append(q.shown, v)
		}
		return q
	}
	q := forged(de)
	if err := be.QuoteInto(t.Context(), q, at, &cart, to, Customer{}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, q, cmpMoney, cmp.AllowUnexported(Quote{}), cmpopts.IgnoreFields(Quote{}, "shown", "spare", "shownBy", "skus", "skusBy")); diff != "" {
		t.Errorf("texts recorded by de reused in fr-be (-new +reused):\n%s", diff)
	}
	q = forged(be)
	if err := be.QuoteInto(t.Context(), q, at, &cart, to, Customer{}); err != nil {
		t.Fatal(err)
	}
	if q.Text.Gross != "WRONG" {
		t.Errorf("fr-be's own record not reused: gross %q", q.Text.Gross)
	}
}

// TestQuoteZeroText: an amount with no value (no shipping line) shows the
// currency's zero as the formatter writes it.
func TestQuoteZeroText(t *testing.T) {
	s, _ := exampleStores(t, nil)
	for _, id := range []string{"de", "fr-be", "us-east"} {
		st := mustStore(t, s, id)
		f := st.Formatter(st.def)
		zero, err := pricing.MoneyFromMinor(0, st.Currency())
		if err != nil {
			t.Fatal(err)
		}
		want, err := zero.Format(f)
		if err != nil {
			t.Fatal(err)
		}
		if st.zero != want {
			t.Errorf("%s: zero text %q, want %q", id, st.zero, want)
		}
	}
	de := mustStore(t, s, "de")
	cart := de.NewCart()
	cart.Lines = []CartLine{{SKU: "MUG-BLUE", Quantity: 1}}
	q, err := de.QuoteAt(t.Context(), at, &cart, deAddress(), Customer{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := pricing.MustParseMoney("0", "EUR").Format(de.Formatter(de.def))
	if err != nil {
		t.Fatal(err)
	}
	if q.Text.Shipping != want || want == "" {
		t.Errorf("shipping text %q, want %q", q.Text.Shipping, want)
	}
}
