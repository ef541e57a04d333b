package store

import (
	"errors"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/marketkit/marketkit/pricing"
)

// FuzzQuote quotes arbitrary carts (known and unknown SKUs, any quantity,
// shipping or not, an order discount) in de. A cart is refused with an
// *Error, never a panic; a quote keeps net + tax = gross on every line
// and in total, its lines sum to its totals, its texts are what the
// market's formatter writes, and QuoteInto (new and reused) gives the
// same quote as QuoteAt.
func FuzzQuote(f *testing.F) {
	s, _ := exampleStores(f, nil)
	de := mustStore(f, s, "de")
	fm := de.Formatter(de.def)
	skus := []string{"MUG-BLUE", "MUG-RED", "TEA-GREEN", "BOOK-GO", "SPOON", "KNIFE-CHEF", "SHIP-STD"}
	f.Add([]byte{0, 7, 2, 15}, "", true, uint8(10))         // two lines, shipping, 10 % off
	f.Add([]byte{1, 6, 3, 10, 4, 205}, "", false, uint8(0)) // three lines, a tier quantity
	f.Add([]byte{255, 6}, "NOPE", false, uint8(0))          // an unknown SKU
	f.Add([]byte{0, 5}, "", false, uint8(100))              // quantity 0
	f.Add([]byte{5, 6}, "", true, uint8(100))               // not sold in de, 100 % off
	f.Fuzz(func(t *testing.T, picks []byte, extra string, ship bool, pct uint8) {
		cart := de.NewCart()
		for i := 0; i+1 < len(picks) && len(cart.Lines) < 20; i += 2 {
			sku := extra
			if int(picks[i]) < 8*len(skus) {
				sku = skus[int(picks[i])%len(skus)]
			}
			cart.Lines = append(cart.Lines, CartLine{SKU: sku, Quantity: int64(picks[i+1]) - 5})
		}
		if ship {
			cart.Shipping = "SHIP-STD"
		}
		if p := int(pct) % 101; p != 0 {
			cart.Discounts = []pricing.Discount{pricing.PercentOff("FUZZ", pricing.MustParsePercent(strconv.Itoa(p)))}
		}
		q, err := de.QuoteAt(t.Context(), at, &cart, deAddress(), Customer{})
		var reused Quote
		rerr := de.QuoteInto(t.Context(), &reused, at, &cart, deAddress(), Customer{})
		if (err == nil) != (rerr == nil) {
			t.Fatalf("QuoteAt error %v, QuoteInto error %v", err, rerr)
		}
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Err == nil || err.Error() != rerr.Error() {
				t.Fatalf("error %v (%T), QuoteInto's %v: want the same *Error with a reason", err, err, rerr)
			}
			return
		}
		var net, tx, gross pricing.Money
		for i, l := range q.Lines {
			if sum, err := l.Net.Add(l.Tax); err != nil || !sum.Equal(l.Gross) {
				t.Errorf("line %d %s: %v + %v != %v", i, l.SKU, l.Net, l.Tax, l.Gross)
			}
			net, _ = net.Add(l.Net)
			tx, _ = tx.Add(l.Tax)
			gross, _ = gross.Add(l.Gross)
		}
		if sum, err := q.Net.Add(q.Tax); err != nil || !sum.Equal(q.Gross) {
			t.Errorf("totals: %v + %v != %v", q.Net, q.Tax, q.Gross)
		}
		if !net.Equal(q.Net) || !tx.Equal(q.Tax) || !gross.Equal(q.Gross) {
			t.Errorf("lines sum to %v/%v/%v, totals %v/%v/%v", net, tx, gross, q.Net, q.Tax, q.Gross)
		}
		if diff := cmp.Diff(formatterTexts(t, q, fm), quoteTexts(q)); diff != "" {
			t.Errorf("texts (-formatter +quote):\n%s", diff)
		}
		ignore := cmpopts.IgnoreFields(Quote{}, "by", "skus")
		if diff := cmp.Diff(q, &reused, cmpMoney, cmp.AllowUnexported(Quote{}), ignore); diff != "" {
			t.Errorf("QuoteInto (-QuoteAt +QuoteInto):\n%s", diff)
		}
		// Again into the same Quote: the recorded catalog facts are used.
		if err := de.QuoteInto(t.Context(), &reused, at, &cart, deAddress(), Customer{}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(q, &reused, cmpMoney, cmp.AllowUnexported(Quote{}), ignore); diff != "" {
			t.Errorf("QuoteInto again (-QuoteAt +QuoteInto):\n%s", diff)
		}
	})
}
