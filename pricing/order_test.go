package pricing

import (
	"errors"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/marketkit/marketkit/locale"
)

func eur(s string) Money { return MustParseMoney(s, "EUR") }

func TestQuote(t *testing.T) {
	o := Order{
		Currency: "EUR",
		Rounding: RoundHalfUp,
		Items: []Item{
			{SKU: "A", TaxClass: "standard", Quantity: 2, UnitPrice: eur("19.99")},
			{SKU: "B", TaxClass: "reduced", Quantity: 3, UnitPrice: eur("5.49"),
				Discounts: []Discount{PercentOff("B10", MustParsePercent("10"))}},
			{SKU: "C", Quantity: 3, UnitPrice: eur("0.333")},
		},
		Discounts: []Discount{AmountOff("FIVE", eur("5")), PercentOff("TEN", MustParsePercent("10"))},
	}
	q, err := o.Quote()
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ SKU, Tax, Sub, LineDisc, OrderDisc, Total string }
	var got []row
	for _, l := range q.Lines {
		got = append(got, row{l.SKU, l.TaxClass, l.Subtotal.Amount(), l.LineDiscount.Amount(), l.OrderDiscount.Amount(), l.Total.Amount()})
	}
	want := []row{
		{"A", "standard", "39.98", "0.00", "7.22", "32.76"},
		{"B", "reduced", "16.47", "1.65", "2.68", "12.14"},
		{"C", "", "1.00", "0.00", "0.18", "0.82"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
	totals := []string{q.Subtotal.String(), q.LineDiscounts.String(), q.OrderDiscount.String(), q.Total.String()}
	if diff := cmp.Diff([]string{"57.45 EUR", "1.65 EUR", "10.08 EUR", "45.72 EUR"}, totals); diff != "" {
		t.Errorf("totals (-want +got):\n%s", diff)
	}
	wantApplied := []AppliedDiscount{
		{Code: "FIVE", Amount: eur("5.00"), Kind: DiscountAmount},
		{Code: "TEN", Amount: eur("5.08"), Kind: DiscountPercent, Percent: MustParsePercent("10")},
	}
	if diff := cmp.Diff(wantApplied, q.OrderDiscounts); diff != "" {
		t.Errorf("applied (-want +got):\n%s", diff)
	}
}

// TestQuoteAppliedDiscounts checks that each applied order discount carries
// the discount's code, kind and (for PercentOff only) percentage next to the
// amount it took, also when the amount is capped or zero.
func TestQuoteAppliedDiscounts(t *testing.T) {
	items := []Item{{SKU: "A", Quantity: 2, UnitPrice: eur("10.00")}}
	tests := []struct {
		name      string
		discounts []Discount
		want      []AppliedDiscount
	}{
		{"percent", []Discount{PercentOff("TEN", MustParsePercent("10"))},
			[]AppliedDiscount{{Code: "TEN", Amount: eur("2.00"), Kind: DiscountPercent, Percent: MustParsePercent("10")}}},
		{"fractional percent", []Discount{PercentOff("P", MustParsePercent("12.5"))},
			[]AppliedDiscount{{Code: "P", Amount: eur("2.50"), Kind: DiscountPercent, Percent: MustParsePercent("12.5")}}},
		{"amount", []Discount{AmountOff("FIVE", eur("5.00"))},
			[]AppliedDiscount{{Code: "FIVE", Amount: eur("5.00"), Kind: DiscountAmount}}},
		{"amount capped at what is left", []Discount{AmountOff("BIG", eur("50.00"))},
			[]AppliedDiscount{{Code: "BIG", Amount: eur("20.00"), Kind: DiscountAmount}}},
		// A Percent set on an AmountOff discount is not used, so it is not reported.
		{"amount with a stray percent", []Discount{{Code: "X", Kind: DiscountAmount, Amount: eur("1.00"), Percent: MustParsePercent("30")}},
			[]AppliedDiscount{{Code: "X", Amount: eur("1.00"), Kind: DiscountAmount}}},
		{"stacked, the second takes nothing", []Discount{PercentOff("ALL", MustParsePercent("100")), PercentOff("TEN", MustParsePercent("10"))},
			[]AppliedDiscount{
				{Code: "ALL", Amount: eur("20.00"), Kind: DiscountPercent, Percent: MustParsePercent("100")},
				{Code: "TEN", Amount: eur("0.00"), Kind: DiscountPercent, Percent: MustParsePercent("10")},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := Order{Currency: "EUR", Rounding: RoundHalfUp, Items: items, Discounts: tt.discounts}
			q, err := o.Quote()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, q.OrderDiscounts); diff != "" {
				t.Errorf("applied (-want +got):\n%s", diff)
			}
			// A reused Quote gets the same, not stale fields.
			q2 := &Quote{OrderDiscounts: []AppliedDiscount{{Code: "OLD", Kind: DiscountPercent, Percent: MustParsePercent("99")}}}
			if err := o.QuoteInto(q2); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, q2.OrderDiscounts); diff != "" {
				t.Errorf("QuoteInto applied (-want +got):\n%s", diff)
			}
		})
	}
}

func TestQuoteCaps(t *testing.T) {
	o := Order{
		Currency: "EUR", Rounding: RoundHalfEven,
		Items: []Item{{SKU: "A", Quantity: 1, UnitPrice: eur("10.00"),
			Discounts: []Discount{AmountOff("BIG", eur("25.00")), PercentOff("P", MustParsePercent("50"))}}},
		Discounts: []Discount{AmountOff("MORE", eur("1.00"))},
	}
	q, err := o.Quote()
	if err != nil {
		t.Fatal(err)
	}
	l := q.Lines[0]
	if l.LineDiscount.Amount() != "10.00" || !l.Total.IsZero() || !q.OrderDiscount.IsZero() || !q.Total.IsZero() {
		t.Errorf("capped line: %+v, order discount %v, total %v", l, q.OrderDiscount, q.Total)
	}
}

func TestQuoteErrors(t *testing.T) {
	base := func() Order {
		return Order{Currency: "EUR", Rounding: RoundHalfUp, Items: []Item{{SKU: "A", Quantity: 1, UnitPrice: eur("1")}, {SKU: "B", Quantity: 1, UnitPrice: eur("2")}}}
	}
	tests := []struct {
		name   string
		mutate func(*Order)
		want   error
		field  string
		msg    string
	}{
		{"currency", func(o *Order) { o.Currency = "EURO" }, locale.ErrUnknownCurrency, "currency",
			`pricing: Quote: currency "EURO": unknown currency code: not an ISO 4217 currency code`},
		{"mode", func(o *Order) { o.Rounding = 99 }, ErrRoundingMode, "mode", ""},
		{"quantity", func(o *Order) { o.Items[1].Quantity = -1 }, ErrInvalid, "items[1].quantity",
			`pricing: Quote: items[1].quantity "-1": must not be negative`},
		{"missing price", func(o *Order) { o.Items[0].UnitPrice = Money{} }, ErrNoPrice, "items[0].unit_price",
			`pricing: Quote: items[0].unit_price "": no price: missing: the zero Money is not a price (a free item costs 0 EUR)`},
		{"missing price, quantity 2", func(o *Order) { o.Items = []Item{{SKU: "A", Quantity: 2}} }, ErrNoPrice, "items[0].unit_price", ""},
		{"negative price", func(o *Order) { o.Items[0].UnitPrice = eur("-1") }, ErrInvalid, "items[0].unit_price",
			`pricing: Quote: items[0].unit_price "-1.00 EUR": must not be negative`},
		{"price currency", func(o *Order) { o.Items[0].UnitPrice = MustParseMoney("1", "USD") }, ErrCurrencyMismatch, "",
			`pricing: Quote: items[0].unit_price "USD": currency mismatch: want EUR`},
		{"percent > 100", func(o *Order) { o.Discounts = []Discount{PercentOff("X", Percent{v: percentOne + 1})} }, ErrRange, "discounts[0].percent", ""},
		{"negative amount", func(o *Order) { o.Items[0].Discounts = []Discount{AmountOff("X", eur("-1"))} }, ErrInvalid, "items[0].discounts[0].amount",
			`pricing: Quote: items[0].discounts[0].amount "-1.00 EUR": must not be negative`},
		{"missing amount", func(o *Order) { o.Discounts = []Discount{AmountOff("FIVER", Money{})} }, ErrInvalid, "discounts[0].amount",
			`pricing: Quote: discounts[0].amount "": missing: the zero Money is not an amount (no discount is 0 EUR)`},
		{"unrounded amount", func(o *Order) { o.Discounts = []Discount{AmountOff("X", eur("0.001"))} }, ErrNotRounded, "discounts[0].amount", ""},
		{"zero kind", func(o *Order) { o.Discounts = []Discount{{Code: "X"}} }, ErrInvalid, "discounts[0].kind",
			`pricing: Quote: discounts[0].kind "DiscountKind(0)": not a discount kind: build discounts with PercentOff or AmountOff`},
		{"overflow", func(o *Order) { o.Items[0].Quantity = 1 << 62; o.Items[0].UnitPrice = eur("100") }, ErrRange, "items[0].subtotal", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := base()
			tt.mutate(&o)
			_, err := o.Quote()
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			var e *Error
			if tt.field != "" && (!errors.As(err, &e) || e.Field != tt.field) {
				t.Errorf("err = %v, want field %q", err, tt.field)
			}
			if tt.msg != "" && err.Error() != tt.msg {
				t.Errorf("message:\n got %s\nwant %s", err, tt.msg)
			}
		})
	}
}

// TestPercentOffTakesAPercent pins the removal of the 0.1 % trap: the old
// Percent("X", MustParseFixed("0.1")) took 0.1 % off where 10 % was meant.
// PercentOff takes a Percent, which no Fixed converts to, so a fraction
// cannot be passed by mistake; the fraction 0.1 must go through
// PercentFromFraction and is then 10 %.
func TestPercentOffTakesAPercent(t *testing.T) {
	ft := reflect.TypeFor[func(string, Percent) Discount]()
	if got := reflect.TypeOf(PercentOff); got != ft {
		t.Fatalf("PercentOff is %v, want %v", got, ft)
	}
	if reflect.TypeFor[Fixed]().ConvertibleTo(reflect.TypeFor[Percent]()) {
		t.Fatal("a Fixed converts to a Percent")
	}
	if f, _ := reflect.TypeFor[Discount]().FieldByName("Percent"); f.Type != reflect.TypeFor[Percent]() {
		t.Fatalf("Discount.Percent is %v", f.Type)
	}
	tenth, err := PercentFromFraction(MustParseFixed("0.1"))
	if err != nil {
		t.Fatal(err)
	}
	o := Order{Currency: "EUR", Rounding: RoundHalfUp, Items: []Item{{SKU: "A", Quantity: 1, UnitPrice: eur("100.00")}}}
	for _, tt := range []struct {
		p    Percent
		want string
	}{{tenth, "90.00"}, {MustParsePercent("10"), "90.00"}, {MustParsePercent("0.1"), "99.90"}} {
		o.Discounts = []Discount{PercentOff("X", tt.p)}
		q, err := o.Quote()
		if err != nil {
			t.Fatal(err)
		}
		if q.Total.Amount() != tt.want {
			t.Errorf("%v off 100.00 = %v, want %s", tt.p, q.Total, tt.want)
		}
	}
}

func TestQuoteIntoNoAllocs(t *testing.T) {
	o := cartOrder()
	var q Quote
	if err := o.QuoteInto(&q); err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(100, func() { _ = o.QuoteInto(&q) }); n != 0 {
		t.Errorf("QuoteInto: %v allocs, want 0", n)
	}
}

// checkQuote checks the order invariants.
func checkQuote(t *testing.T, o *Order) *Quote {
	t.Helper()
	q, err := o.Quote()
	if err != nil {
		return nil
	}
	var sub, disc, total, lineDisc, after Money
	for i, l := range q.Lines {
		if l.LineDiscount.cmp(l.Subtotal) > 0 || l.LineDiscount.Sign() < 0 {
			t.Fatalf("line %d: discount %v exceeds subtotal %v", i, l.LineDiscount, l.Subtotal)
		}
		rest, _ := l.Subtotal.Sub(l.LineDiscount)
		if l.OrderDiscount.cmp(rest) > 0 || l.OrderDiscount.Sign() < 0 {
			t.Fatalf("line %d: order share %v exceeds %v", i, l.OrderDiscount, rest)
		}
		tl, _ := rest.Sub(l.OrderDiscount)
		if !tl.Equal(l.Total) || l.Total.Sign() < 0 {
			t.Fatalf("line %d: total %v, want %v", i, l.Total, tl)
		}
		sub, _ = sub.Add(l.Subtotal)
		total, _ = total.Add(l.Total)
		lineDisc, _ = lineDisc.Add(l.LineDiscount)
		disc, _ = disc.Add(l.OrderDiscount)
		after, _ = after.Add(rest)
	}
	if len(q.OrderDiscounts) != len(o.Discounts) {
		t.Fatalf("%d applied discounts for %d order discounts", len(q.OrderDiscounts), len(o.Discounts))
	}
	for j, a := range q.OrderDiscounts {
		d := o.Discounts[j]
		var pct Percent // only a percentage discount reports its percentage
		if d.Kind == DiscountPercent {
			pct = d.Percent
		}
		if a.Code != d.Code || a.Kind != d.Kind || a.Percent != pct {
			t.Fatalf("applied discount %d = %+v for %+v", j, a, d)
		}
	}
	if len(q.Lines) > 0 {
		if !sub.Equal(q.Subtotal) || !total.Equal(q.Total) || !disc.Equal(q.OrderDiscount) || !lineDisc.Equal(q.LineDiscounts) {
			t.Fatalf("sums: subtotal %v/%v total %v/%v discount %v/%v", sub, q.Subtotal, total, q.Total, disc, q.OrderDiscount)
		}
		if q.OrderDiscount.cmp(after) > 0 {
			t.Fatalf("order discount %v exceeds %v", q.OrderDiscount, after)
		}
	}
	return q
}

// TestQuoteZeroRoundingIsHalfEven: the zero Order.Rounding is RoundHalfEven
// (contracts item 1), not an error: 0.125 EUR × 1 rounds to 0.12 and
// 0.135 EUR to 0.14; a 12.5 % discount of 0.20 EUR is 0.025, which rounds
// to 0.02.
func TestQuoteZeroRoundingIsHalfEven(t *testing.T) {
	o := Order{Currency: "EUR", Items: []Item{
		{SKU: "A", Quantity: 1, UnitPrice: eur("0.125")},
		{SKU: "B", Quantity: 1, UnitPrice: eur("0.135")},
		{SKU: "C", Quantity: 1, UnitPrice: eur("0.20"), Discounts: []Discount{PercentOff("P", MustParsePercent("12.5"))}},
	}}
	q, err := o.Quote()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range q.Lines {
		got = append(got, l.Total.Amount())
	}
	if diff := cmp.Diff([]string{"0.12", "0.14", "0.18"}, got); diff != "" {
		t.Errorf("totals (-want +got):\n%s", diff)
	}
}
