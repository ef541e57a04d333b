package pricing

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
		Discounts: []Discount{Percent("TEN", MustParseFixed("10"))}}
	for _, s := range cartSpec {
		o.Items = append(o.Items, Item{SKU: s.unit, Quantity: s.qty, UnitPrice: MustParseMoney(s.unit, "EUR")})
	}
	return o
}
