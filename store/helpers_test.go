package store

import (
	"github.com/google/go-cmp/cmp"
	"github.com/marketkit/marketkit/pricing"
)

var cmpMoney = cmp.Options{
	cmp.Comparer(func(a, b pricing.Money) bool { return a.Equal(b) }),
	cmp.Comparer(func(a, b pricing.Fixed) bool { return a.Equal(b) }),
}
