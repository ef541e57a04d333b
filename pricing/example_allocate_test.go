package pricing_test

import (
	"fmt"

	"github.com/marketkit/marketkit/pricing"
)

func ExampleMoney_Allocate() {
	// 100.00 EUR split 1:1:1; the leftover cent goes to the largest
	// remainder, and between equal remainders to the earlier part.
	parts, _ := pricing.MustParseMoney("100.00", "EUR").Allocate(1, 1, 1)
	fmt.Println(parts)
	// A refund splits the same way, negated.
	parts, _ = pricing.MustParseMoney("-100.00", "EUR").Allocate(1, 1, 1)
	fmt.Println(parts)
	// Output:
	// [33.34 EUR 33.33 EUR 33.33 EUR]
	// [-33.34 EUR -33.33 EUR -33.33 EUR]
}

func ExampleMoney_SplitIn() {
	// A cash payment of 10.00 CHF shared by three people, in 0.05 steps.
	parts, _ := pricing.MustParseMoney("10.00", "CHF").SplitIn(3, pricing.CashUnit)
	fmt.Println(parts)
	// Output: [3.35 CHF 3.35 CHF 3.30 CHF]
}
