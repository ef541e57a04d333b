package pricing

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

// cartSpec is the 10-line cart of the performance baselines
// (/work/shared/reference/perf-baselines.md §4): unit price and quantity.
var cartSpec = []struct {
	unit string
	qty  int64
}{
	{"19.99", 1}, {"5.49", 3}, {"0.75", 2}, {"129.00", 1}, {"2.35", 10},
	{"49.95", 2}, {"0.99", 7}, {"12.50", 4}, {"1099.99", 1}, {"3.33", 5},
}

// cartOrder is the 10-line cart with one 10 % order discount.
func cartOrder() *Order {
	o := &Order{Currency: "EUR", Rounding: RoundHalfUp,
		Discounts: []Discount{PercentOff("TEN", MustParsePercent("10"))}}
	for _, s := range cartSpec {
		o.Items = append(o.Items, Item{SKU: s.unit, Quantity: s.qty, UnitPrice: MustParseMoney(s.unit, "EUR")})
	}
	return o
}

// ---- baseline A: the same arithmetic written directly with shopspring ----

type shopLine struct {
	unit decimal.Decimal
	qty  int64
}

var shopTen = decimal.RequireFromString("0.10")

// shopCart prices the cart like Quote: line subtotals, a 10 % order
// discount rounded half up, allocated to the lines by largest remainder,
// line totals and the order total.
func shopCart(lines []shopLine, shares, totals []decimal.Decimal) (sub, disc, total decimal.Decimal) {
	subs := totals
	for i, l := range lines {
		subs[i] = l.unit.Mul(decimal.NewFromInt(l.qty))
		sub = sub.Add(subs[i])
	}
	disc = sub.Mul(shopTen).Round(2)
	// Largest remainder in cents.
	cent := decimal.New(1, -2)
	given := decimal.Zero
	rems := make([]decimal.Decimal, len(lines))
	for i := range lines {
		exact := disc.Mul(subs[i]).DivRound(sub, 16)
		shares[i] = exact.RoundDown(2)
		rems[i] = exact.Sub(shares[i])
		given = given.Add(shares[i])
	}
	for left := disc.Sub(given); left.IsPositive(); left = left.Sub(cent) {
		best := -1
		for i := range rems {
			if best < 0 || rems[i].GreaterThan(rems[best]) {
				best = i
			}
		}
		shares[best] = shares[best].Add(cent)
		rems[best] = decimal.Zero.Sub(cent)
	}
	for i := range lines {
		totals[i] = subs[i].Sub(shares[i])
		total = total.Add(totals[i])
	}
	return sub, disc, total
}

// ---- baseline B: hand-written int64 minor units ----

type i64Line struct{ unit, qty int64 }

func i64Cart(lines []i64Line, shares, totals []int64) (sub, disc, total int64) {
	for i, l := range lines {
		totals[i] = l.unit * l.qty
		sub += totals[i]
	}
	disc = (sub*10 + 50) / 100
	var rems [16]int64
	given := int64(0)
	for i := range lines {
		n := disc * totals[i]
		shares[i] = n / sub
		rems[i] = n % sub
		given += shares[i]
	}
	for left := disc - given; left > 0; left-- {
		best := 0
		for i := 1; i < len(lines); i++ {
			if rems[i] > rems[best] {
				best = i
			}
		}
		shares[best]++
		rems[best] = -1
	}
	for i := range lines {
		totals[i] -= shares[i]
		total += totals[i]
	}
	return sub, disc, total
}

func cartBaselines() ([]shopLine, []i64Line) {
	var s []shopLine
	var n []i64Line
	for _, c := range cartSpec {
		d := decimal.RequireFromString(c.unit)
		s = append(s, shopLine{d, c.qty})
		n = append(n, i64Line{d.Shift(2).IntPart(), c.qty})
	}
	return s, n
}

func TestCartBaselinesAgree(t *testing.T) {
	var q Quote
	if err := cartOrder().QuoteInto(&q); err != nil {
		t.Fatal(err)
	}
	sl, nl := cartBaselines()
	shares, totals := make([]decimal.Decimal, 10), make([]decimal.Decimal, 10)
	ss, sd, st := shopCart(sl, shares, totals)
	is, itot := make([]int64, 10), make([]int64, 10)
	ns, nd, nt := i64Cart(nl, is, itot)
	want := []string{q.Subtotal.Amount(), q.OrderDiscount.Amount(), q.Total.Amount()}
	if diff := cmp.Diff(want, []string{ss.StringFixed(2), sd.StringFixed(2), st.StringFixed(2)}); diff != "" {
		t.Errorf("shopspring baseline (-quote +shopspring):\n%s", diff)
	}
	if diff := cmp.Diff(want, []string{fmtMinor(ns), fmtMinor(nd), fmtMinor(nt)}); diff != "" {
		t.Errorf("int64 baseline (-quote +int64):\n%s", diff)
	}
	for i, l := range q.Lines {
		if l.OrderDiscount.Amount() != shares[i].StringFixed(2) || l.OrderDiscount.Amount() != fmtMinor(is[i]) {
			t.Errorf("line %d share: quote %v, shopspring %v, int64 %d", i, l.OrderDiscount, shares[i], is[i])
		}
	}
}

func fmtMinor(n int64) string { return string(appendCoef(nil, n, 2)) }

var (
	sinkQuote Quote
	sinkDec   decimal.Decimal
	sinkI64   int64
)

// BenchmarkCart10 prices the 10-line cart with a 10 % order discount:
// Quote against baseline A (shopspring) and baseline B (int64 minor units).
func BenchmarkCart10(b *testing.B) {
	o := cartOrder()
	sl, nl := cartBaselines()
	b.Run("Quote", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := o.QuoteInto(&sinkQuote); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("BaselineA_shopspring", func(b *testing.B) {
		shares, totals := make([]decimal.Decimal, 10), make([]decimal.Decimal, 10)
		b.ReportAllocs()
		for b.Loop() {
			_, _, sinkDec = shopCart(sl, shares, totals)
		}
	})
	b.Run("BaselineB_int64", func(b *testing.B) {
		shares, totals := make([]int64, 10), make([]int64, 10)
		b.ReportAllocs()
		for b.Loop() {
			_, _, sinkI64 = i64Cart(nl, shares, totals)
		}
	})
}

// The 10-line VAT cart of perf-baselines.md §4 written with Money: net =
// unit × qty; VAT = round_half_up(net × 19 %, 2) per line; sums. The
// baselines are the reference's shopspring and int64 implementations.
var vat19 = MustParseFixed("0.19")

func moneyVATCart(units []Money, qty []int64) (net, vat, gross Money, err error) {
	for i, u := range units {
		n := u.MulInt(qty[i])
		v, err := n.MulRound(vat19, 2, RoundHalfUp)
		if err != nil {
			return net, vat, gross, err
		}
		if net, err = net.Add(n); err != nil {
			return net, vat, gross, err
		}
		if vat, err = vat.Add(v); err != nil {
			return net, vat, gross, err
		}
	}
	gross, err = net.Add(vat)
	return net, vat, gross, err
}

var shopVAT = decimal.RequireFromString("0.19")

func shopVATCart(lines []shopLine) (net, vat, gross decimal.Decimal) {
	for _, l := range lines {
		n := l.unit.Mul(decimal.NewFromInt(l.qty))
		v := n.Mul(shopVAT).Round(2)
		net = net.Add(n)
		vat = vat.Add(v)
	}
	return net, vat, net.Add(vat)
}

func i64VATCart(lines []i64Line) (net, vat, gross int64) {
	for _, l := range lines {
		n := l.unit * l.qty
		v := (n*1900 + 5000) / 10000 // half up; amounts are positive
		net += n
		vat += v
	}
	return net, vat, net + vat
}

func vatCartInputs() ([]Money, []int64) {
	var us []Money
	var qs []int64
	for _, c := range cartSpec {
		us = append(us, MustParseMoney(c.unit, "EUR"))
		qs = append(qs, c.qty)
	}
	return us, qs
}

func TestVATCartAgrees(t *testing.T) {
	us, qs := vatCartInputs()
	n, v, g, err := moneyVATCart(us, qs)
	if err != nil {
		t.Fatal(err)
	}
	got := []string{n.Amount(), v.Amount(), g.Amount()}
	// perf-baselines.md §4: every implementation gives these totals.
	if diff := cmp.Diff([]string{"1463.93", "278.16", "1742.09"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	sl, nl := cartBaselines()
	sn, sv, sg := shopVATCart(sl)
	in, iv, ig := i64VATCart(nl)
	if diff := cmp.Diff(got, []string{sn.StringFixed(2), sv.StringFixed(2), sg.StringFixed(2)}); diff != "" {
		t.Errorf("shopspring (-money +shopspring):\n%s", diff)
	}
	if diff := cmp.Diff(got, []string{fmtMinor(in), fmtMinor(iv), fmtMinor(ig)}); diff != "" {
		t.Errorf("int64 (-money +int64):\n%s", diff)
	}
	if a := testing.AllocsPerRun(100, func() { _, _, _, _ = moneyVATCart(us, qs) }); a != 0 {
		t.Errorf("moneyVATCart: %v allocs", a)
	}
}

// BenchmarkVATCart10 is the reference cart of perf-baselines.md §4 with
// Money arithmetic, against shopspring and int64 in the same run.
func BenchmarkVATCart10(b *testing.B) {
	us, qs := vatCartInputs()
	sl, nl := cartBaselines()
	b.Run("Money", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkMoney, _, _, _ = moneyVATCart(us, qs)
		}
	})
	b.Run("BaselineShopspring", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkDec, _, _ = shopVATCart(sl)
		}
	})
	b.Run("BaselineInt64", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkI64, _, _ = i64VATCart(nl)
		}
	})
}
