package shop_test

import (
	"fmt"

	"github.com/marketkit/marketkit/examples/internal/shop"
	"github.com/marketkit/marketkit/examples/storefront/data"
	"github.com/marketkit/marketkit/store"
)

// An isolated instance serves its own market whatever the fleet's file
// says (its origin there is the instance itself); an operator switch
// closes a market now.
func ExampleOverride() {
	cfg, err := store.Decode(data.Markets())
	if err != nil {
		panic(err)
	}
	if err := shop.Override(cfg, map[string]string{"ch": "http://ch.internal:8080"}, []string{"jp"}); err != nil {
		panic(err)
	}
	ch, _ := cfg.Market("ch")
	jp, _ := cfg.Market("jp")
	fmt.Println(ch.Origin, ch.Local(), jp.Maintenance.Now)
	fmt.Println(shop.Override(cfg, nil, []string{"xx"}) != nil)
	// Output:
	// http://ch.internal:8080 false true
	// true
}
