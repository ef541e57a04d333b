package catalog

import "github.com/RoaringBitmap/roaring/v2"

// AndCardinalityFacets counts q's facets with one roaring AndCardinality
// per value: the approach the forward index replaced, kept as the baseline
// of BenchmarkFacets and as a second oracle. It supports queries without
// text, price range or sale windows.
func AndCardinalityFacets(ix *Index, q Query) (map[string]map[string]int, error) {
	p, err := ix.plan(&q)
	if err != nil {
		return nil, err
	}
	base := p.mx.avail
	if p.cat != nil {
		base = roaring.And(base, p.cat)
	}
	out := map[string]map[string]int{}
	for _, a := range p.facets {
		sets := []*roaring.Bitmap{base}
		for _, f := range p.filters {
			if f.attr != a {
				sets = append(sets, f.set)
			}
		}
		against := base
		if len(sets) > 1 {
			against = and(sets)
		}
		counts := map[string]int{}
		for v, post := range ix.attrPost[a.ID] {
			if n := int(against.AndCardinality(post)); n > 0 {
				counts[v] = n
			}
		}
		out[a.ID] = counts
	}
	return out, nil
}
