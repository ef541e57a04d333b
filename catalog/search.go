package catalog

import (
	"hash/fnv"
	"math/bits"
	"slices"
	"sort"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/RoaringBitmap/roaring/v2"
	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/pricing"
)

// plan is a checked query.
type plan struct {
	mx      *marketIndex
	loc     *marketLocale
	cat     *roaring.Bitmap
	tokens  []string
	filters []planFilter
	facets  []*attribute
	lo, hi  int // price positions [lo, hi)
	ranged  bool
	limit   int
	sort    SortKey
	fp      uint64
	cur     *cursor
	at      int64
}

type planFilter struct {
	attr   *attribute
	values []string
	set    *roaring.Bitmap // the union of the values' postings
}

// Search runs q and returns one page. Invalid parameters are *Error values
// naming the parameter (wrapping ErrNotFound for an unknown market,
// category, attribute or value, ErrTooLarge over a limit, ErrCursor for a
// bad cursor, ErrCursorExpired for a cursor of another index build).
func (ix *Index) Search(q Query) (Result, error) {
	ix.check()
	p, err := ix.plan(&q)
	if err != nil {
		return Result{}, err
	}
	return ix.run(p), nil
}

func (ix *Index) plan(q *Query) (*plan, error) {
	fail := func(field, value string, err error) (*plan, error) {
		return nil, &Error{Op: "Search", Field: field, Value: value, Err: err}
	}
	mx, ok := ix.markets[q.Market]
	if !ok {
		return fail("market", q.Market, because(ErrNotFound, "no such market in the index"))
	}
	p := &plan{mx: mx, sort: q.Sort, limit: q.Limit}
	tag := q.Locale
	if tag == language.Und {
		tag = mx.m.DefaultLocale
	}
	if p.loc, ok = mx.locales[tag]; !ok {
		return fail("locale", tag.String(), because(ErrNotFound, "not a locale of market "+strconv.Quote(mx.m.ID)))
	}
	if !q.Sort.IsValid() {
		return fail("sort", q.Sort.String(), because(ErrInvalid, "unknown sort"))
	}
	switch {
	case q.Limit == 0:
		p.limit = DefaultLimit
	case q.Limit < 0:
		return fail("limit", strconv.Itoa(q.Limit), because(ErrInvalid, "a negative page size"))
	case q.Limit > MaxLimit:
		return fail("limit", strconv.Itoa(q.Limit), because(ErrTooLarge, "more than MaxLimit"))
	}
	h := fnv.New64a()
	w := func(s string) { h.Write([]byte(s)); h.Write([]byte{0}) }
	w(mx.m.ID)
	w(tag.String())
	w(q.Sort.String())
	if q.Category != "" {
		if p.cat, ok = ix.catPost[q.Category]; !ok {
			return fail("category", q.Category, because(ErrNotFound, "no such category"))
		}
	}
	w(q.Category)
	if len(q.Filters) > MaxFilters {
		return fail("filters", strconv.Itoa(len(q.Filters)), because(ErrTooLarge, "more than MaxFilters"))
	}
	for i, f := range q.Filters {
		field := "filters[" + strconv.Itoa(i) + "]"
		a, ok := ix.cat.attrByID[f.Attribute]
		if !ok {
			return fail(field+".attribute", f.Attribute, because(ErrNotFound, "no such attribute"))
		}
		if slices.ContainsFunc(p.filters, func(pf planFilter) bool { return pf.attr == a }) {
			return fail(field+".attribute", f.Attribute, because(ErrDuplicate, "attribute filtered twice; list its values in one filter"))
		}
		if len(f.Values) == 0 {
			return fail(field+".values", "", because(ErrMissing, "a filter lists at least one value"))
		}
		if len(f.Values) > MaxFilterValues {
			return fail(field+".values", strconv.Itoa(len(f.Values)), because(ErrTooLarge, "more than MaxFilterValues"))
		}
		pf := planFilter{attr: a}
		var sets []*roaring.Bitmap
		for j, v := range f.Values {
			key, err := filterKey(a, v)
			if err != nil {
				return fail(field+".values["+strconv.Itoa(j)+"]", v, err)
			}
			if slices.Contains(pf.values, key) {
				continue
			}
			pf.values = append(pf.values, key)
			if b, ok := ix.attrPost[a.ID][key]; ok {
				sets = append(sets, b)
			}
		}
		switch len(sets) {
		case 0:
			pf.set = roaring.New()
		case 1:
			pf.set = sets[0]
		default:
			pf.set = roaring.FastOr(sets...)
		}
		p.filters = append(p.filters, pf)
	}
	// The fingerprint sees filters in a canonical order.
	fs := slices.Clone(p.filters)
	slices.SortFunc(fs, func(a, b planFilter) int { return cmpString(a.attr.ID, b.attr.ID) })
	for _, f := range fs {
		w("f:" + f.attr.ID)
		vs := slices.Sorted(slices.Values(f.values))
		for _, v := range vs {
			w(v)
		}
	}
	if len(q.Facets) > MaxFacets {
		return fail("facets", strconv.Itoa(len(q.Facets)), because(ErrTooLarge, "more than MaxFacets"))
	}
	for i, id := range q.Facets {
		a, ok := ix.cat.attrByID[id]
		if !ok {
			return fail("facets["+strconv.Itoa(i)+"]", id, because(ErrNotFound, "no such attribute"))
		}
		if a.Kind != Enum && a.Kind != Boolean {
			return fail("facets["+strconv.Itoa(i)+"]", id, because(ErrInvalid, "facets count enum and boolean attributes only"))
		}
		if slices.Contains(p.facets, a) {
			return fail("facets["+strconv.Itoa(i)+"]", id, because(ErrDuplicate, "facet listed twice"))
		}
		p.facets = append(p.facets, a)
	}
	if len(q.Text) > MaxQueryTextBytes {
		return fail("text", q.Text, because(ErrTooLarge, "longer than MaxQueryTextBytes"))
	}
	if !utf8.ValidString(q.Text) {
		return fail("text", q.Text, because(ErrInvalid, "not valid UTF-8"))
	}
	var tooMany bool
	folder := newFolder()
	folder.tokens(q.Text, func(tok []byte) {
		if !slices.Contains(p.tokens, string(tok)) {
			if len(p.tokens) == MaxQueryTokens {
				tooMany = true
				return
			}
			p.tokens = append(p.tokens, string(tok))
		}
	})
	if tooMany {
		return fail("text", q.Text, because(ErrTooLarge, "more than MaxQueryTokens words"))
	}
	w("t")
	for _, t := range slices.Sorted(slices.Values(p.tokens)) {
		w(t)
	}
	// Price range.
	p.lo, p.hi = 0, len(mx.prices)
	bound := func(field string, m pricing.Money) (int64, bool, error) {
		if m.Currency() == "" {
			if !m.IsZero() {
				return 0, false, &Error{Op: "Search", Field: field, Value: m.String(), Err: because(ErrInvalid, "a price bound needs a currency")}
			}
			return 0, false, nil
		}
		if m.Currency() != mx.m.Currency {
			return 0, false, &Error{Op: "Search", Field: field, Value: m.String(), Err: because(pricing.ErrCurrencyMismatch, "the market's currency is "+mx.m.Currency)}
		}
		minor, ok := m.Minor()
		if !ok {
			return 0, false, &Error{Op: "Search", Field: field, Value: m.String(), Err: because(ErrInvalid, "more fraction digits than the currency has")}
		}
		return minor, true, nil
	}
	minP, hasMin, err := bound("min_price", q.MinPrice)
	if err != nil {
		return nil, err
	}
	maxP, hasMax, err := bound("max_price", q.MaxPrice)
	if err != nil {
		return nil, err
	}
	if hasMin && hasMax && minP > maxP {
		return fail("max_price", q.MaxPrice.String(), because(ErrInvalid, "below min_price"))
	}
	if hasMin {
		p.lo = sort.Search(len(mx.prices), func(i int) bool { return mx.prices[i] >= minP })
		w("min" + strconv.FormatInt(minP, 10))
	}
	if hasMax {
		p.hi = sort.Search(len(mx.prices), func(i int) bool { return mx.prices[i] > maxP })
		w("max" + strconv.FormatInt(maxP, 10))
	}
	p.ranged = hasMin || hasMax
	p.fp = h.Sum64()
	if q.Cursor != "" {
		c, err := decodeCursor(ix.key, q.Cursor)
		if err != nil {
			return nil, err
		}
		if c.build != ix.id {
			return fail("cursor", q.Cursor, because(ErrCursorExpired, "issued by another index version; start again from the first page"))
		}
		if c.fp != p.fp || c.sort != q.Sort || int64(c.pos) >= int64(p.domain()) {
			return fail("cursor", q.Cursor, because(ErrCursor, "issued for another query"))
		}
		p.cur = &c
	}
	at := q.At
	if at.IsZero() {
		at = now()
	}
	p.at = at.Unix()
	return p, nil
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// filterKey checks a filter value against its attribute and returns its
// posting key.
func filterKey(a *attribute, v string) (string, error) {
	switch a.Kind {
	case Enum:
		if _, ok := a.valueIdx[v]; !ok {
			return "", because(ErrNotFound, "no such value of attribute "+strconv.Quote(a.ID))
		}
		return v, nil
	case Boolean:
		if v != "true" && v != "false" {
			return "", because(ErrInvalid, "want true or false")
		}
		return v, nil
	case Number:
		f, err := pricing.ParseFixed(v)
		if err != nil {
			return "", because(ErrSyntax, "want a decimal number")
		}
		return canonNumber(f), nil
	default:
		if v == "" || len(v) > MaxTextValueBytes {
			return "", because(ErrInvalid, "want 1 to MaxTextValueBytes bytes")
		}
		return v, nil
	}
}

// domain is the number of positions of the plan's sort order.
func (p *plan) domain() int {
	if p.sort == SortPrice || p.sort == SortPriceDesc {
		return len(p.mx.ord)
	}
	return len(p.mx.rank.words) * 64
}

// exclusionAt returns the products outside their sale window at t (nil
// when none), cached until the next window boundary.
func (mx *marketIndex) exclusionAt(t int64) *roaring.Bitmap {
	if len(mx.windowed) == 0 {
		return nil
	}
	if e := mx.excluded.Load(); e != nil && t >= e.from && t < e.until {
		return e.set
	}
	from, until := int64(minInt64), int64(maxInt64)
	var ids []uint32
	for _, w := range mx.windowed {
		switch {
		case t < w.from:
			ids = append(ids, w.id)
			until = min(until, w.from)
		case t >= w.until:
			ids = append(ids, w.id)
			from = max(from, w.until)
		default:
			from = max(from, w.from)
			until = min(until, w.until)
		}
	}
	set := roaring.New()
	set.AddMany(ids)
	mx.excluded.Store(&exclusion{from: from, until: until, set: set})
	return set
}

// and intersects the sets, smallest first, into a new bitmap.
func and(sets []*roaring.Bitmap) *roaring.Bitmap {
	slices.SortFunc(sets, func(a, b *roaring.Bitmap) int {
		return int(int64(a.GetCardinality()) - int64(b.GetCardinality()))
	})
	r := roaring.And(sets[0], sets[1])
	for _, s := range sets[2:] {
		if r.IsEmpty() {
			break
		}
		r.And(s)
	}
	return r
}

// emptySet is a shared empty bitmap, never modified.
var emptySet = roaring.New()

var scratchPool = sync.Pool{New: func() any { return new([]uint64) }}

func (ix *Index) run(p *plan) Result {
	mx := p.mx
	res := Result{Version: ix.cat.version, Market: mx.m.ID, Locale: p.loc.tag}
	// The sets every part of the answer shares: market, category, text.
	common := []*roaring.Bitmap{mx.avail}
	if p.cat != nil {
		common = append(common, p.cat)
	}
	for _, t := range p.tokens {
		b, ok := p.loc.text.tokens[t]
		if !ok {
			if id, one := p.loc.text.single[t]; one {
				b = roaring.BitmapOf(id)
			} else {
				b = emptySet // no product has the word: nothing matches, facets count zero
			}
		}
		common = append(common, b)
	}
	excl := mx.exclusionAt(p.at)
	priceOf := func(id uint32) uint32 { return mx.byRank[mx.rank.rank(id)] }
	inRange := func(b *roaring.Bitmap) *roaring.Bitmap {
		if !p.ranged {
			return b
		}
		ids := make([]uint32, 0, 64)
		it := b.Iterator()
		for it.HasNext() {
			id := it.Next()
			if pos := int(priceOf(id)); pos >= p.lo && pos < p.hi {
				ids = append(ids, id)
			}
		}
		out := roaring.New()
		out.AddMany(ids)
		return out
	}
	build := func(sets []*roaring.Bitmap) *roaring.Bitmap {
		var r *roaring.Bitmap
		if len(sets) == 1 {
			r = sets[0].Clone()
		} else {
			r = and(sets)
		}
		if excl != nil {
			r.AndNot(excl)
		}
		return r
	}
	var base, r *roaring.Bitmap
	if len(p.facets) > 0 {
		base = inRange(build(common))
		sets := []*roaring.Bitmap{base}
		for _, f := range p.filters {
			sets = append(sets, f.set)
		}
		r = base
		if len(sets) > 1 {
			r = and(sets)
		}
	} else {
		sets := slices.Clone(common)
		for _, f := range p.filters {
			sets = append(sets, f.set)
		}
		r = build(sets)
	}
	// Positions in the sort order.
	sp := scratchPool.Get().(*[]uint64)
	defer scratchPool.Put(sp)
	words := (p.domain() + 63) / 64
	if cap(*sp) < words {
		*sp = make([]uint64, words)
	}
	bs := (*sp)[:words]
	var posOf func(id uint32) uint32
	var idAt func(pos uint32) uint32
	switch p.sort {
	case SortPrice, SortPriceDesc:
		posOf, idAt = priceOf, func(pos uint32) uint32 { return mx.ord[pos] }
	case SortName:
		g := p.loc.names
		posOf, idAt = func(id uint32) uint32 { return g.pos[id] }, func(pos uint32) uint32 { return g.ord[pos] }
	case SortNewest:
		posOf, idAt = func(id uint32) uint32 { return ix.newestPos[id] }, func(pos uint32) uint32 { return ix.newestOrd[pos] }
	default:
		posOf, idAt = func(id uint32) uint32 { return ix.rankPos[id] }, func(pos uint32) uint32 { return ix.rankOrd[pos] }
	}
	total := 0
	lowW, highW := words, -1
	checkRange := p.ranged && len(p.facets) == 0
	priceSort := p.sort == SortPrice || p.sort == SortPriceDesc
	var buf [256]uint32
	it := r.ManyIterator()
	for {
		n := it.NextMany(buf[:])
		if n == 0 {
			break
		}
		for _, id := range buf[:n] {
			var pos uint32
			if checkRange {
				pp := priceOf(id)
				if int(pp) < p.lo || int(pp) >= p.hi {
					continue
				}
				pos = pp
				if !priceSort {
					pos = posOf(id)
				}
			} else {
				pos = posOf(id)
			}
			w := int(pos >> 6)
			bs[w] |= 1 << (pos & 63)
			lowW, highW = min(lowW, w), max(highW, w)
			total++
		}
	}
	res.Total = total
	// Collect one more than the page to know whether there is a next page.
	var page []uint32
	if total > 0 {
		desc := p.sort == SortPriceDesc
		start := 0
		if desc {
			start = words*64 - 1
		}
		if p.cur != nil {
			start = int(p.cur.pos) + 1
			if desc {
				start = int(p.cur.pos) - 1
			}
		}
		page = scanBits(bs, lowW, highW, start, desc, p.limit+1)
		clear(bs[lowW : highW+1])
	}
	more := len(page) > p.limit
	if more {
		page = page[:p.limit]
	}
	res.Items = make([]Item, len(page))
	chain := p.loc.names.chain
	for i, pos := range page {
		id := idAt(pos)
		pr := ix.cat.products[id]
		name, from := pr.name(chain)
		price, _ := pricing.MoneyFromMinor(mx.prices[priceOf(id)], mx.m.Currency)
		res.Items[i] = Item{ID: pr.ID, Name: name, NameLocale: from, Slug: pr.slug(chain), Price: price}
	}
	if more {
		res.Next = encodeCursor(ix.key, cursor{build: ix.id, fp: p.fp, sort: p.sort, pos: page[len(page)-1]})
	}
	if len(p.facets) > 0 {
		res.Facets = ix.facets(p, base, r)
	}
	return res
}

// scanBits returns up to n set positions of bs from start, upward or
// downward, within the words [lowW, highW].
func scanBits(bs []uint64, lowW, highW, start int, desc bool, n int) []uint32 {
	out := make([]uint32, 0, n)
	if !desc {
		w := max(start>>6, lowW)
		if start>>6 > highW || start < 0 {
			return out
		}
		var word uint64
		if w == start>>6 {
			word = bs[w] &^ (1<<(uint(start)&63) - 1)
		} else {
			word = bs[w]
		}
		for {
			for word != 0 && len(out) < n {
				b := bits.TrailingZeros64(word)
				out = append(out, uint32(w<<6+b))
				word &= word - 1
			}
			w++
			if len(out) == n || w > highW {
				return out
			}
			word = bs[w]
		}
	}
	if start < 0 || start>>6 < lowW {
		return out
	}
	w := min(start>>6, highW)
	var word uint64
	if w == start>>6 {
		s := uint(start) & 63
		word = bs[w]
		if s < 63 {
			word &= (1 << (s + 1)) - 1
		}
	} else {
		word = bs[w]
	}
	for {
		for word != 0 && len(out) < n {
			b := 63 - bits.LeadingZeros64(word)
			out = append(out, uint32(w<<6+b))
			word &^= 1 << uint(b)
		}
		w--
		if len(out) == n || w < lowW {
			return out
		}
		word = bs[w]
	}
}

// facets counts each facet attribute's values in one pass over the
// result through the forward index; an attribute with a filter of its own
// is counted over the result without that filter (disjunctive counts).
func (ix *Index) facets(p *plan, base, r *roaring.Bitmap) []Facet {
	out := make([]Facet, len(p.facets))
	counts := make([][]int, len(p.facets))
	var plain []int // facets counted over r
	for fi, a := range p.facets {
		n := 2
		if a.Kind == Enum {
			n = len(a.Values)
		}
		counts[fi] = make([]int, n)
		filtered := -1
		for i, f := range p.filters {
			if f.attr == a {
				filtered = i
			}
		}
		if filtered < 0 {
			plain = append(plain, fi)
			continue
		}
		sets := []*roaring.Bitmap{base}
		for j, g := range p.filters {
			if j != filtered {
				sets = append(sets, g.set)
			}
		}
		against := base
		if len(sets) > 1 {
			against = and(sets)
		}
		ix.count(against, []*forward{ix.fwd[a.ID]}, [][]int{counts[fi]})
	}
	if len(plain) > 0 {
		fws := make([]*forward, len(plain))
		cs := make([][]int, len(plain))
		for k, fi := range plain {
			fws[k], cs[k] = ix.fwd[p.facets[fi].ID], counts[fi]
		}
		ix.count(r, fws, cs)
	}
	tag := p.loc.tag
	for fi, a := range p.facets {
		var selected []string
		for _, f := range p.filters {
			if f.attr == a {
				selected = f.values
			}
		}
		label, _ := ix.cat.label(a.Labels, tag)
		f := Facet{Attribute: a.ID, Label: label}
		for k, n := range counts[fi] {
			key, vl := "true", "true"
			if a.Kind == Boolean && k == 1 {
				key, vl = "false", "false"
			}
			if a.Kind == Enum {
				key, vl = a.Values[k].ID, a.Values[k].ID
				if l, _ := ix.cat.label(a.Values[k].Labels, tag); l != "" {
					vl = l
				}
			}
			sel := slices.Contains(selected, key)
			if n == 0 && !sel {
				continue
			}
			f.Values = append(f.Values, FacetValue{Value: key, Label: vl, Count: n, Selected: sel})
		}
		out[fi] = f
	}
	return out
}

// count adds, for each product of set, one to counts[k][v] for each value
// v of the product in fws[k].
func (ix *Index) count(set *roaring.Bitmap, fws []*forward, counts [][]int) {
	var buf [256]uint32
	it := set.ManyIterator()
	for {
		n := it.NextMany(buf[:])
		if n == 0 {
			return
		}
		for k, fw := range fws {
			c := counts[k]
			for _, id := range buf[:n] {
				for _, v := range fw.vals[fw.off[id]:fw.off[id+1]] {
					c[v]++
				}
			}
		}
	}
}
