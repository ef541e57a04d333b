package catalog_test

import (
	"slices"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/pricing"
)

func slicesSortFunc[T any](s []T, f func(a, b T) int) { slices.SortFunc(s, f) }

var cmpOpts = []cmp.Option{cmp.Comparer(func(a, b pricing.Fixed) bool { return a.Equal(b) }), cmp.Comparer(func(a, b language.Tag) bool { return a == b })}
