package pricing

import (
	"encoding/json"
	"errors"
	"math/big"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/marketkit/marketkit/locale"
)

// The fuzz targets of this file check values against oracles written
// without the package's arithmetic: exact math/big rationals and the
// documented rules, restated plainly.

// ratMinor returns x (a rational amount) in minor units of digits, which
// must be exact.
func ratMinor(t *testing.T, x *big.Rat, digits int) int64 {
	t.Helper()
	y := new(big.Rat).Mul(x, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(digits)), nil)))
	if !y.IsInt() || !y.Num().IsInt64() {
		t.Fatalf("%v is not a whole number of minor units", x)
	}
	return y.Num().Int64()
}

// oracleQuote prices an order by the documented rules on big rationals:
// subtotal = round(unit × quantity); each discount, in stacking order,
// takes min(percent × rest rounded, rest) or min(amount, rest); the order
// discount is shared in proportion to the lines' rests by largest
// remainder, the earlier line first on a tie. It returns each line's
// subtotal, line discount, share and total, in minor units.
func oracleQuote(t *testing.T, o *Order, digits int) (lines [][4]int64, orderDisc []int64) {
	t.Helper()
	take := func(d Discount, rest int64) int64 {
		var amt int64
		switch d.Kind {
		case DiscountPercent:
			x := new(big.Rat).Mul(big.NewRat(rest, 1), big.NewRat(d.Percent.Units(), 1_000_000))
			amt = ratMinor(t, oracleRound(x, 0, o.Rounding), 0)
		case DiscountAmount:
			amt = ratMinor(t, moneyRat(d.Amount), digits)
		}
		return min(amt, rest)
	}
	var rests []int64
	var after int64
	for _, it := range o.Items {
		x := new(big.Rat).Mul(moneyRat(it.UnitPrice), big.NewRat(it.Quantity, 1))
		sub := ratMinor(t, oracleRound(x, digits, o.Rounding), digits)
		rest := sub
		for _, d := range it.Discounts {
			rest -= take(d, rest)
		}
		lines = append(lines, [4]int64{sub, sub - rest, 0, 0})
		rests = append(rests, rest)
		after += rest
	}
	rest := after
	for _, d := range o.Discounts {
		a := take(d, rest)
		orderDisc = append(orderDisc, a)
		rest -= a
	}
	total := after - rest
	// Largest remainder: share_i = floor(total × rest_i / after) plus one
	// unit for the largest remainders.
	type rem struct {
		i int
		r *big.Int
	}
	var rems []rem
	given := int64(0)
	for i, r := range rests {
		if after == 0 {
			break
		}
		q, m := new(big.Int).QuoRem(new(big.Int).Mul(big.NewInt(total), big.NewInt(r)), big.NewInt(after), new(big.Int))
		lines[i][2] = q.Int64()
		given += q.Int64()
		if m.Sign() != 0 {
			rems = append(rems, rem{i, m})
		}
	}
	slices.SortStableFunc(rems, func(a, b rem) int { return b.r.Cmp(a.r) })
	for k := int64(0); k < total-given; k++ {
		lines[rems[k].i][2]++
	}
	for i := range lines {
		lines[i][3] = rests[i] - lines[i][2]
	}
	return lines, orderDisc
}

// FuzzQuote prices orders of up to 50 items, each with an optional
// line discount, and two order discounts, in EUR (2 digits, unit prices
// with up to 3) or JPY (0 digits), under every rounding mode, and compares
// every line and total with oracleQuote.
func FuzzQuote(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, uint16(500), uint8(10), uint8(3), false)
	f.Add([]byte{255, 255, 255, 1, 0, 200, 7, 7, 7, 9, 9, 9, 100, 50, 25, 12}, uint16(3), uint8(100), uint8(0), true)
	f.Add(make([]byte, 300), uint16(0), uint8(0), uint8(6), false)
	f.Fuzz(func(t *testing.T, data []byte, orderAmt uint16, orderPct uint8, mode uint8, jpy bool) {
		checkQuoteOracle(t, orderFromBytes(t, data, orderAmt, orderPct, mode, jpy))
	})
}

// orderFromBytes builds an order of up to 50 items from fuzz input: per
// item, a unit price of 3 bytes (in thousandths of EUR or tenths of JPY),
// a quantity and a discount selector; then a percentage and an amount off
// the order.
func orderFromBytes(t *testing.T, data []byte, orderAmt uint16, orderPct uint8, mode uint8, jpy bool) *Order {
	t.Helper()
	code, digits := "EUR", 2
	if jpy {
		code, digits = "JPY", 0
	}
	o := &Order{Currency: code, Rounding: RoundingMode(mode % 7)}
	for len(data) >= 5 && len(o.Items) < 50 {
		milli := int64(data[0])<<16 | int64(data[1])<<8 | int64(data[2])
		unit, err := NewFixed(milli, digits+1)
		if err != nil {
			t.Fatal(err)
		}
		price, _ := MoneyFromFixed(unit, code)
		it := Item{SKU: strconv.Itoa(len(o.Items)), Quantity: int64(data[3] % 20), UnitPrice: price}
		switch sel := data[4]; {
		case sel < 100:
			p, _ := NewPercent(int64(sel), 0) // 0..99 %
			it.Discounts = []Discount{PercentOff("L", p)}
		case sel < 150:
			p, _ := NewPercent(int64(sel)*1234%1_000_001, 4) // four decimals
			it.Discounts = []Discount{PercentOff("L4", p)}
		case sel < 200:
			a, _ := MoneyFromMinor(int64(sel-150)*37, code)
			it.Discounts = []Discount{AmountOff("A", a)}
		}
		o.Items = append(o.Items, it)
		data = data[5:]
	}
	amt, _ := MoneyFromMinor(int64(orderAmt), code)
	pct, _ := NewPercent(int64(orderPct%101), 0)
	o.Discounts = []Discount{PercentOff("P", pct), AmountOff("A", amt)}
	return o
}

// checkQuoteOracle quotes o and compares every line, discount and total
// with oracleQuote.
func checkQuoteOracle(t *testing.T, o *Order) {
	t.Helper()
	digits := 2
	if o.Currency == "JPY" {
		digits = 0
	}
	q, err := o.Quote()
	if err != nil {
		t.Fatalf("valid order rejected: %v", err)
	}
	lines, orderDisc := oracleQuote(t, o, digits)
	var sub, lineDisc, share, total int64
	for i, l := range q.Lines {
		got := [4]int64{ratMinor(t, moneyRat(l.Subtotal), digits), ratMinor(t, moneyRat(l.LineDiscount), digits),
			ratMinor(t, moneyRat(l.OrderDiscount), digits), ratMinor(t, moneyRat(l.Total), digits)}
		if got != lines[i] {
			t.Fatalf("line %d (%v × %d, %v, mode %v): got %v, oracle %v", i, o.Items[i].UnitPrice, o.Items[i].Quantity, o.Items[i].Discounts, o.Rounding, got, lines[i])
		}
		sub += got[0]
		lineDisc += got[1]
		share += got[2]
		total += got[3]
	}
	for j, a := range q.OrderDiscounts {
		if got := ratMinor(t, moneyRat(a.Amount), digits); got != orderDisc[j] {
			t.Fatalf("order discount %d: got %d, oracle %d", j, got, orderDisc[j])
		}
	}
	if ratMinor(t, moneyRat(q.Subtotal), digits) != sub || ratMinor(t, moneyRat(q.LineDiscounts), digits) != lineDisc ||
		ratMinor(t, moneyRat(q.OrderDiscount), digits) != share || ratMinor(t, moneyRat(q.Total), digits) != total {
		t.Fatalf("totals %v %v %v %v, lines sum to %d %d %d %d", q.Subtotal, q.LineDiscounts, q.OrderDiscount, q.Total, sub, lineDisc, share, total)
	}
}

// FuzzPriceList builds lists of up to 200 entries (so more than 64)
// from bytes: two SKUs, an optional group, tiers, optional windows in UTC,
// and checks NewPriceList and Resolve against a plain restatement of the
// resolution order: duplicates (same SKU, group and tier, no window) are
// rejected; otherwise the winner among the applicable entries is the
// group entry, then the higher tier, then the windowed one, then the
// later start, then the first listed.
func FuzzPriceList(f *testing.F) {
	f.Add([]byte{0, 0, 0, 10, 1, 1, 12, 3, 0, 2, 5, 40, 1, 3, 200, 9}, uint8(3), uint16(100), false)
	big := make([]byte, 4*150)
	for i := range big {
		big[i] = byte(i * 7)
	}
	f.Add(big, uint8(12), uint16(300), true)
	f.Fuzz(func(t *testing.T, data []byte, qty uint8, hour uint16, vip bool) {
		type spec struct {
			sku, group  string
			minQty      int64
			from, until int // hours after the epoch below; -1 for none
		}
		epoch := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
		var specs []spec
		var entries []PriceEntry
		for len(data) >= 4 && len(entries) < 200 {
			a, b, c, d := data[0], data[1], data[2], data[3]
			data = data[4:]
			s := spec{sku: string(rune('A' + a%2)), minQty: []int64{0, 1, 5, 10}[a/2%4], from: -1, until: -1}
			if a/8%2 == 1 {
				s.group = "vip"
			}
			e := PriceEntry{SKU: s.sku, Group: s.group, MinQuantity: s.minQty, Price: MustParseMoney(strconv.Itoa(int(d)+1), "EUR")}
			if b%3 != 0 {
				s.from = int(b)
				e.From = epoch.Add(time.Duration(s.from) * time.Hour).Format("2006-01-02T15:04")
			}
			if c%3 != 0 {
				s.until = s.from + 1 + int(c)
				if s.from < 0 {
					s.until = int(c) + 1
				}
				e.Until = epoch.Add(time.Duration(s.until) * time.Hour).Format("2006-01-02T15:04")
			}
			specs = append(specs, s)
			entries = append(entries, e)
		}
		tier := func(q int64) int64 {
			if q <= 1 {
				return 0
			}
			return q
		}
		dup := false
		for i := range specs {
			for j := range i {
				a, b := specs[i], specs[j]
				if a.sku == b.sku && a.group == b.group && tier(a.minQty) == tier(b.minQty) && a.from < 0 && a.until < 0 && b.from < 0 && b.until < 0 {
					dup = true
				}
			}
		}
		l, err := NewPriceList(PriceListConfig{Market: "x", Currency: "EUR", TimeZone: "UTC", Entries: entries})
		if dup != (err != nil) {
			t.Fatalf("duplicates %v, NewPriceList error %v", dup, err)
		}
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("duplicates reported as %v", err)
			}
			return
		}
		group := ""
		if vip {
			group = "vip"
		}
		at := epoch.Add(time.Duration(hour%300) * time.Hour)
		hours := int(hour % 300)
		q := int64(qty % 16)
		for _, sku := range []string{"A", "B"} {
			best := -1
			better := func(i, j int) bool { // is specs[i] more specific than specs[j]?
				a, b := specs[i], specs[j]
				if (a.group != "") != (b.group != "") {
					return a.group != ""
				}
				if tier(a.minQty) != tier(b.minQty) {
					return tier(a.minQty) > tier(b.minQty)
				}
				aw, bw := a.from >= 0 || a.until >= 0, b.from >= 0 || b.until >= 0
				if aw != bw {
					return aw
				}
				if a.from != b.from {
					return a.from > b.from
				}
				return i < j
			}
			for i, s := range specs {
				applies := s.sku == sku && (s.group == "" || s.group == group) && max(q, 1) >= tier(s.minQty) &&
					(s.from < 0 || hours >= s.from) && (s.until < 0 || hours < s.until)
				if applies && (best < 0 || better(i, best)) {
					best = i
				}
			}
			p, err := l.Resolve(sku, Query{Quantity: q, Group: group, At: at})
			if best < 0 {
				if !errors.Is(err, ErrNoPrice) {
					t.Fatalf("Resolve(%s) = %+v, %v; oracle: no price", sku, p, err)
				}
				continue
			}
			if err != nil || p.Entry != best || !p.Unit.Equal(entries[best].Price) {
				t.Fatalf("Resolve(%s, qty %d, %q, +%dh) = entries[%d] %v, %v; oracle entries[%d] %+v", sku, q, group, hours, p.Entry, p.Unit, err, best, specs[best])
			}
			// Explain tells the same story: the first applicable candidate
			// won, and it is the oracle's entry.
			x, err := l.Explain(sku, Query{Quantity: q, Group: group, At: at})
			if err != nil || x.Err != nil {
				t.Fatalf("Explain(%s): %v, %v", sku, err, x.Err)
			}
			for _, c := range x.Candidates {
				if c.Applies {
					if !c.Won || c.Entry != best {
						t.Fatalf("Explain(%s): first applicable candidate %+v, oracle entries[%d]", sku, c, best)
					}
					break
				}
			}
		}
	})
}

// FuzzUnmarshalMoney feeds request-like input to the JSON, text and SQL
// decoders (they must never panic, and what they accept must round trip),
// and computes amounts (minor units × a factor, twice,
// in a currency of 0, 2 or 3 digits, possibly rounded) and writes them in
// every stored form: each written form reads back equal, and a form is
// refused (ErrRange) exactly when the amount has more than 36 fraction or
// 60 integer digits, counted on the exact decimal.
func FuzzUnmarshalMoney(f *testing.F) {
	for _, s := range []string{`{"amount":"19.99","currency":"EUR"}`, `{"amount":19.99,"currency":"EUR"}`,
		`{"amount":"0","currency":""}`, `{"amount":"1","currency":"eur","x":1}`, `{"amount":"1","AMOUNT":"9","currency":"EUR"}`,
		`null`, `19.99 EUR`, `0`, `1e3 EUR`} {
		f.Add([]byte(s), int64(0), int64(0), uint8(0), int64(0), uint8(0), uint8(0), false)
	}
	f.Add([]byte{}, int64(1999), int64(19), uint8(2), int64(123456789), uint8(18), uint8(0), false)
	f.Add([]byte{}, int64(-5), int64(1), uint8(18), int64(3), uint8(18), uint8(2), false)
	f.Add([]byte{}, int64(9223372036854775807), int64(9223372036854775807), uint8(0), int64(9223372036854775807), uint8(0), uint8(1), true)
	f.Fuzz(func(t *testing.T, in []byte, minor, c1 int64, s1 uint8, c2 int64, s2 uint8, cur uint8, round bool) {
		decodeRoundTrip(t, in)
		code := []string{"JPY", "EUR", "BHD"}[cur%3]
		m, err := MoneyFromMinor(minor, code)
		if err != nil {
			t.Fatal(err)
		}
		f1, err1 := NewFixed(c1, int(s1%19))
		f2, err2 := NewFixed(c2, int(s2%19))
		if err1 != nil || err2 != nil {
			return
		}
		m = m.Mul(f1).Mul(f2)
		if round {
			m, _ = m.Round(RoundHalfEven)
		}
		// The oracle: the exact value's digits, from big.Rat.
		r := moneyRat(m)
		frac, intDigits := 0, 0
		for x := new(big.Rat).Set(r); !x.IsInt(); x.Mul(x, big.NewRat(10, 1)) {
			frac++
		}
		if n := new(big.Int).Quo(new(big.Int).Abs(r.Num()), r.Denom()); n.Sign() != 0 {
			intDigits = len(n.String())
		}
		storable := frac <= 36 && intDigits <= 60
		text, errT := m.MarshalText()
		js, errJ := json.Marshal(m)
		v, errV := m.Value()
		for name, err := range map[string]error{"MarshalText": errT, "MarshalJSON": errJ, "Value": errV} {
			if storable && err != nil {
				t.Fatalf("%s(%v) (%d fraction, %d integer digits): %v", name, m, frac, intDigits, err)
			}
			if !storable && !errors.Is(err, ErrRange) {
				t.Fatalf("%s(%v) (%d fraction, %d integer digits): err = %v, want ErrRange", name, m, frac, intDigits, err)
			}
		}
		if !storable {
			return
		}
		var a, b, c Money
		if err := a.UnmarshalText(text); err != nil || !a.Equal(m) {
			t.Fatalf("text %s → %v, %v; want %v", text, a, err, m)
		}
		if err := json.Unmarshal(js, &b); err != nil || !b.Equal(m) {
			t.Fatalf("JSON %s → %v, %v; want %v", js, b, err, m)
		}
		if err := c.Scan(v); err != nil || !c.Equal(m) {
			t.Fatalf("SQL %v → %v, %v; want %v", v, c, err, m)
		}
		if moneyRat(a).Cmp(r) != 0 {
			t.Fatalf("read back %v, exact %v", a, r)
		}
	})
}

// decodeRoundTrip checks that what the decoders accept writes and reads
// back equal.
func decodeRoundTrip(t *testing.T, b []byte) {
	var m Money
	if err := m.UnmarshalJSON(b); err == nil {
		out, err := m.MarshalJSON()
		var back Money
		if err != nil || back.UnmarshalJSON(out) != nil || !back.Equal(m) {
			t.Fatalf("JSON %s → %v → %s (%v) → %v", b, m, out, err, back)
		}
	}
	var n Money
	if err := n.UnmarshalText(b); err == nil {
		out, err := n.MarshalText()
		var back Money
		if err != nil || back.UnmarshalText(out) != nil || !back.Equal(n) {
			t.Fatalf("text %q → %v → %q (%v) → %v", b, n, out, err, back)
		}
	}
	var s Money
	if err := s.Scan(b); err == nil {
		v, err := s.Value()
		var back Money
		if err != nil || back.Scan(v) != nil || !back.Equal(s) {
			t.Fatalf("SQL %q → %v → %v (%v) → %v", b, s, v, err, back)
		}
	}
}

// FuzzRateTable converts with rates read from JSON and checks every
// conversion against the product computed on big rationals and rounded by
// oracleRound (not by the package's MulRound), for every mode.
func FuzzRateTable(f *testing.F) {
	f.Add("2026-11-25", `[{"from":"EUR","to":"CHF","rate":"0.9312"},{"from":"EUR","to":"JPY","rate":"162.37"}]`, int64(1999))
	f.Add("2026-01-01", `[{"from":"BHD","to":"JPY","rate":"0.000000000000000001"},{"from":"jpy","to":"bhd","rate":"999999999.999999999"}]`, int64(9223372036854775807))
	f.Add("2026-01-01", `[{"from":"KWD","to":"CLF","rate":"3.1415"}]`, int64(-7))
	f.Fuzz(func(t *testing.T, asOf, src string, minor int64) {
		d, err := locale.ParseDate(asOf)
		if err != nil {
			return
		}
		var rates []ExchangeRate
		if err := json.Unmarshal([]byte(src), &rates); err != nil || len(rates) > 16 {
			return
		}
		table, err := NewRateTable(d, rates)
		if err != nil {
			return
		}
		if table.AsOf() != d {
			t.Fatalf("AsOf %v, want %v", table.AsOf(), d)
		}
		for _, r := range rates {
			m, err := MoneyFromMinor(minor, r.From)
			if err != nil {
				t.Fatalf("%s accepted by NewRateTable: %v", r.From, err)
			}
			to, _ := locale.CurrencyInfo(r.To)
			exact := new(big.Rat).Mul(moneyRat(m), fixedRat(r.Rate))
			for mode := RoundHalfEven; mode <= RoundFloor; mode++ {
				got, err := table.Convert(m, r.To, mode)
				if err != nil {
					t.Fatalf("Convert(%v, %s, %v): %v", m, r.To, mode, err)
				}
				want := oracleRound(exact, to.Digits, mode)
				if moneyRat(got).Cmp(want) != 0 || got.Currency() != to.Code {
					t.Fatalf("Convert(%v, %s, %v) = %v, oracle %s %s", m, r.To, mode, got, want.FloatString(to.Digits), to.Code)
				}
			}
		}
	})
}
