package store

import (
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/marketkit/marketkit/address"
	"github.com/marketkit/marketkit/locale"
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

// quoteTexts lists every text a cart page shows of q: the totals, each
// line's unit price and gross, each rate's percentage, base and tax.
func quoteTexts(q *Quote) []string {
	out := make([]string, 0, 6+2*len(q.Lines)+3*len(q.Rates))
	out = append(out, q.Format(q.Subtotal), q.Format(q.Discount), q.Format(q.Shipping), q.Format(q.Net), q.Format(q.Tax), q.Format(q.Gross))
	for _, l := range q.Lines {
		out = append(out, q.Format(l.Unit), q.Format(l.Gross))
	}
	for _, r := range q.Rates {
		out = append(out, r.Percent, q.Format(r.Base), q.Format(r.Tax))
	}
	return out
}

// formatterTexts lists what quoteTexts lists, each amount written by f
// directly (the zero Money as the currency's zero): the oracle.
func formatterTexts(t *testing.T, q *Quote, f *locale.Formatter) []string {
	t.Helper()
	format := func(m pricing.Money) string {
		if m == (pricing.Money{}) {
			m = pricing.MustParseMoney("0", q.Currency)
		}
		s, err := m.Format(f)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	out := []string{format(q.Subtotal), format(q.Discount), format(q.Shipping), format(q.Net), format(q.Tax), format(q.Gross)}
	for _, l := range q.Lines {
		out = append(out, format(l.Unit), format(l.Gross))
	}
	for _, r := range q.Rates {
		pct := ""
		if r.Rate != nil {
			pct = r.Rate.Percent.String()
		}
		out = append(out, pct, format(r.Base), format(r.Tax))
	}
	return out
}

// TestTextCache: an amount's text comes from the cache only when the
// cached amount is the one asked; an entry for another amount in its slot
// (a collision, or another price) is replaced, and an entry for the
// identical amount is used as it is (which shows the test can fail).
func TestTextCache(t *testing.T) {
	s, _ := exampleStores(t, nil)
	de := mustStore(t, s, "de")
	cart := de.NewCart()
	cart.Lines = []CartLine{{SKU: "MUG-BLUE", Quantity: 2}}
	q, err := de.QuoteAt(t.Context(), at, &cart, deAddress(), Customer{})
	if err != nil {
		t.Fatal(err)
	}
	unit := q.Lines[0].Unit
	want, err := unit.Format(de.Formatter(de.def))
	if err != nil {
		t.Fatal(err)
	}
	slot := de.texts.moneySlot(unit)
	if slot == nil {
		t.Fatalf("%v has no slot", unit)
	}
	for _, other := range []pricing.Money{eur("1.00"), pricing.MustParseMoney("19.990", "EUR"), pricing.MustParseMoney("19.99", "USD")} {
		slot.Store(&moneyText{m: other, text: "WRONG"})
		for round := range 2 {
			if got := q.Format(unit); got != want {
				t.Errorf("%v cached in the slot, round %d: Format = %q, want %q", other, round, got, want)
			}
			if got := string(q.AppendFormat([]byte("x"), unit)); got != "x"+want {
				t.Errorf("%v cached in the slot, round %d: AppendFormat = %q, want %q", other, round, got, "x"+want)
			}
		}
	}
	slot.Store(&moneyText{m: unit, text: "CACHED"})
	if got := q.Format(unit); got != "CACHED" {
		t.Errorf("the cached text of the identical amount is not used: %q", got)
	}
	if got := string(q.AppendFormat(nil, unit)); got != "CACHED" {
		t.Errorf("AppendFormat does not use the cached text of the identical amount: %q", got)
	}
	p := q.Rates[0].Rate.Percent
	if got := de.texts.percentString(p); got != p.String() || got != q.Rates[0].Percent {
		t.Errorf("percent text %q, rate's %q, want %q", got, q.Rates[0].Percent, p.String())
	}
}

// TestQuoteIntoReusesTexts: a Quote reused for a sequence of carts (the
// same again, one line changed, lines removed, back) shows exactly what a
// new Quote of each cart shows, and what the formatter writes.
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
		if diff := cmp.Diff(want, &q, cmpMoney, cmp.AllowUnexported(Quote{}), cmpopts.IgnoreFields(Quote{}, "by", "skus")); diff != "" {
			t.Errorf("cart %d (-new +reused):\n%s", i, diff)
		}
		if diff := cmp.Diff(quoteTexts(want), quoteTexts(&q)); diff != "" {
			t.Errorf("cart %d texts (-new +reused):\n%s", i, diff)
		}
		if diff := cmp.Diff(formatterTexts(t, want, de.Formatter(de.def)), quoteTexts(&q)); diff != "" {
			t.Errorf("cart %d texts (-formatter +reused):\n%s", i, diff)
		}
	}
}

// TestQuoteTextsOfAnotherLocale: a Quote shows amounts with the formatter
// of the Store that made it last, never another market's — neither its
// formatter nor the texts it remembers, even for equal amounts; the same
// texts remembered by the Store itself are used (which shows the test can
// fail).
func TestQuoteTextsOfAnotherLocale(t *testing.T) {
	s, _ := exampleStores(t, nil)
	de, be := mustStore(t, s, "de"), mustStore(t, s, "fr-be")
	cart := be.NewCart()
	cart.Lines = []CartLine{{SKU: "MUG-BLUE", Quantity: 2}}
	to := address.Address{CountryCode: "BE", Name: "Jean Dupont", Line1: "Rue de la Loi 16", PostalCode: "1000", Locality: "Bruxelles"}
	want, err := be.QuoteAt(t.Context(), at, &cart, to, Customer{})
	if err != nil {
		t.Fatal(err)
	}
	wantTexts := formatterTexts(t, want, be.Formatter(be.def))
	forge := func(by *Store) {
		for _, m := range []pricing.Money{want.Subtotal, want.Discount, want.Net, want.Tax, want.Gross, want.Lines[0].Unit, want.Lines[0].Gross, want.Rates[0].Base, want.Rates[0].Tax} {
			if slot := by.texts.moneySlot(m); slot != nil {
				slot.Store(&moneyText{m: m, text: "WRONG"})
			}
		}
	}
	forge(de)
	// A Quote that de filled last, then be.
	deCart := de.NewCart()
	deCart.Lines = cart.Lines
	var q Quote
	if err := de.QuoteInto(t.Context(), &q, at, &deCart, deAddress(), Customer{}); err != nil {
		t.Fatal(err)
	}
	if q.Formatter() != de.Formatter(de.def) {
		t.Errorf("de's quote: formatter %p, want de's %p", q.Formatter(), de.Formatter(de.def))
	}
	if err := be.QuoteInto(t.Context(), &q, at, &cart, to, Customer{}); err != nil {
		t.Fatal(err)
	}
	if q.Formatter() != be.Formatter(be.def) || q.Formatter() == de.Formatter(de.def) {
		t.Errorf("be's quote: formatter %p, want be's %p", q.Formatter(), be.Formatter(be.def))
	}
	for name, got := range map[string]*Quote{"new": want, "reused": &q} {
		if diff := cmp.Diff(wantTexts, quoteTexts(got)); diff != "" {
			t.Errorf("%s quote: texts remembered by de used in fr-be (-formatter +quote):\n%s", name, diff)
		}
	}
	forge(be)
	if got := q.Format(q.Gross); got != "WRONG" {
		t.Errorf("fr-be's own texts not used: gross %q", got)
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
	if got := q.Format(q.Shipping); got != want || want == "" {
		t.Errorf("shipping text %q, want %q", got, want)
	}
	if got := string(q.AppendFormat(nil, q.Shipping)); got != want {
		t.Errorf("shipping AppendFormat %q, want %q", got, want)
	}
}

// TestQuoteWithoutStore: a Quote that no Store made (a literal, or one
// whose QuoteInto failed) writes its amounts as Money.String, the zero
// Money as its currency's zero, and has no formatter.
func TestQuoteWithoutStore(t *testing.T) {
	q := testQuote()
	if f := q.Formatter(); f != nil {
		t.Errorf("Formatter = %p, want nil", f)
	}
	got := []string{q.Format(q.Gross), string(q.AppendFormat([]byte("x"), q.Tax)), q.Format(pricing.Money{})}
	if diff := cmp.Diff([]string{"22.90 EUR", "x3.65 EUR", "0.00 EUR"}, got); diff != "" {
		t.Errorf("texts (-want +got):\n%s", diff)
	}
	s, _ := exampleStores(t, nil)
	de := mustStore(t, s, "de")
	cart := de.NewCart()
	cart.Lines = []CartLine{{SKU: "MUG-BLUE", Quantity: 1}}
	if err := de.QuoteInto(t.Context(), q, at, &cart, deAddress(), Customer{}); err != nil {
		t.Fatal(err)
	}
	if q.Formatter() != de.Formatter(de.def) {
		t.Fatal("a quote de filled has not de's formatter")
	}
	cart.Lines = append(cart.Lines, CartLine{SKU: "NOPE", Quantity: 1})
	if err := de.QuoteInto(t.Context(), q, at, &cart, deAddress(), Customer{}); !errors.Is(err, ErrNotSold) {
		t.Fatalf("QuoteInto = %v, want ErrNotSold", err)
	}
	if f := q.Formatter(); f != nil {
		t.Errorf("after a failed QuoteInto: Formatter = %p, want nil", f)
	}
}

// TestQuoteIntoRecordsOfAnotherStore: a QuoteInto that fails part-way
// leaves no catalog facts that the Store which filled the Quote before
// would take for its own: ch does not sell TEA-GREEN, de does, and a
// record of de's read by ch would make ch sell it.
func TestQuoteIntoRecordsOfAnotherStore(t *testing.T) {
	s, _ := exampleStores(t, &StoresOptions{Only: "ch"})
	ch := mustStore(t, s, "ch")
	s2, _ := exampleStores(t, nil)
	de := mustStore(t, s2, "de")
	chAddr := address.Address{CountryCode: "CH", Line1: "Bahnhofstrasse 1", PostalCode: "8001", Locality: "Zürich"}
	var q Quote
	chCart := ch.NewCart()
	chCart.Lines = []CartLine{{SKU: "MUG-BLUE", Quantity: 1}}
	if err := ch.QuoteInto(t.Context(), &q, at, &chCart, chAddr, Customer{}); err != nil {
		t.Fatal(err)
	}
	// de fails at its second line, after recording its first.
	bad := de.NewCart()
	bad.Lines = []CartLine{{SKU: "TEA-GREEN", Quantity: 1}, {SKU: "NOPE", Quantity: 1}}
	if err := de.QuoteInto(t.Context(), &q, at, &bad, deAddress(), Customer{}); !errors.Is(err, ErrNotSold) {
		t.Fatalf("de: QuoteInto = %v, want ErrNotSold", err)
	}
	chCart.Lines = []CartLine{{SKU: "TEA-GREEN", Quantity: 1}}
	if err := ch.QuoteInto(t.Context(), &q, at, &chCart, chAddr, Customer{}); !errors.Is(err, ErrNotSold) {
		t.Errorf("ch: QuoteInto of TEA-GREEN = %v, want ErrNotSold (a new Quote: %v)", err, func() error {
			_, err := ch.QuoteAt(t.Context(), at, &chCart, chAddr, Customer{})
			return err
		}())
	}
}

// TestTextCacheConcurrent: quotes of one Store shown from many goroutines
// at once (the Store's text cache written and read concurrently) show
// exactly what the formatter writes (run under -race; TestTextCache
// covers colliding slots).
func TestTextCacheConcurrent(t *testing.T) {
	s, _ := exampleStores(t, nil)
	de := mustStore(t, s, "de")
	f := de.Formatter(de.def)
	var quotes []*Quote
	var want [][]string
	for qty := int64(1); qty <= 8; qty++ {
		cart := de.NewCart()
		cart.Lines = []CartLine{{SKU: "MUG-BLUE", Quantity: qty}, {SKU: "TEA-GREEN", Quantity: 2 * qty}, {SKU: "BOOK-GO", Quantity: 1}}
		q, err := de.QuoteAt(t.Context(), at, &cart, deAddress(), Customer{})
		if err != nil {
			t.Fatal(err)
		}
		quotes, want = append(quotes, q), append(want, formatterTexts(t, q, f))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := range 8 {
		wg.Go(func() {
			var buf []byte
			for round := range 50 {
				i := (g + round) % len(quotes)
				q := quotes[i]
				got := quoteTexts(q)
				buf = appendQuoteTexts(buf[:0], q)
				if diff := cmp.Diff(want[i], got); diff != "" {
					errs <- diff
					return
				}
				if joined := strings.Join(got, ""); string(buf) != joined {
					errs <- "AppendFormat " + string(buf) + ", Format " + joined
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent texts:\n%s", e)
	}
}
