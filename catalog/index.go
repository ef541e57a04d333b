package catalog

import (
	"cmp"
	"crypto/rand"
	"encoding/binary"
	"math/bits"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/RoaringBitmap/roaring/v2"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/pricing"
)

// PriceFunc returns the display price of product id in market, in the
// market's currency and rounded to its digits (package pricing resolves
// it, e.g. from the cheapest variant's PriceList entry); ok is false when
// there is none. NewIndex calls it from several goroutines at once.
type PriceFunc func(market, id string) (price pricing.Money, ok bool)

// IndexOptions configures NewIndex. The zero IndexOptions (or nil) is the
// default.
type IndexOptions struct {
	// At is the time host Rules are evaluated at; the zero Time means now.
	// Sale windows are checked per query (Query.At), not here.
	At time.Time
	// AllowUnpriced leaves available products without a price out of the
	// market's listing (Index.Unpriced reports them) instead of failing
	// with ErrNoPrice.
	AllowUnpriced bool
	// CursorKey authenticates cursors (HMAC-SHA256). Instances that serve
	// the same listings behind a load balancer share one key of at least
	// 16 bytes; nil means a random key per process.
	CursorKey []byte
	// Workers bounds the goroutines of the build; 0 means GOMAXPROCS.
	Workers int
}

// Index is an immutable search index over one catalog version for a set
// of markets. It is safe for concurrent use; queries never block each
// other or a build. Build a new Index for a new catalog version or new
// prices, and publish it through a Live.
//
// A nil *Index panics with "catalog: nil *Index" on every method.
type Index struct {
	cat     *Catalog
	id      uint64 // a random build identifier, bound into cursors
	key     []byte
	built   time.Time
	n       int
	markets map[string]*marketIndex
	mOrder  []string

	catPost  map[string]*roaring.Bitmap            // category (with descendants) → products
	attrPost map[string]map[string]*roaring.Bitmap // attribute → value → products
	fwd      map[string]*forward                   // enum and boolean attributes: product → value indexes, for facets

	rankPos, newestPos []uint32 // position of each product in the rank and newest orders
	rankOrd, newestOrd []uint32 // product at each position

	texts  map[string]*textGroup // by effective chain
	names  map[string]*nameGroup // by effective chain and collation
	tagSet map[language.Tag]bool // locales of product content

	unpriced map[string][]string
	stats    IndexStats
}

// textGroup holds the token postings of one content resolution chain.
type textGroup struct {
	chain  []language.Tag
	tokens map[string]*roaring.Bitmap
	single map[string]uint32 // words of exactly one product
}

// nameGroup holds the collated name order of one chain and collation.
type nameGroup struct {
	chain []language.Tag
	pos   []uint32
	ord   []uint32
}

// forward lists each product's values of one attribute (CSR layout):
// product i has vals[off[i]:off[i+1]], indexes into the attribute's
// Values (for a boolean: 0 true, 1 false).
type forward struct {
	off  []uint32
	vals []uint16
}

// marketIndex is one market's part of the index.
type marketIndex struct {
	m        *market
	avail    *roaring.Bitmap // products for sale (sale windows checked per query)
	rank     rankBits        // the same set, for id → position in price order
	byRank   []uint32        // price position of the k-th available product (id order)
	ord      []uint32        // product at each price position
	prices   []int64         // minor units at each price position
	windowed []windowed      // products with a sale window, by id
	locales  map[language.Tag]*marketLocale
	excluded atomic.Pointer[exclusion]
}

type marketLocale struct {
	tag   language.Tag
	text  *textGroup
	names *nameGroup
}

type windowed struct {
	id          uint32
	from, until int64 // Unix seconds, until exclusive
}

// exclusion caches the products outside their sale window for times in
// [from, until).
type exclusion struct {
	from, until int64
	set         *roaring.Bitmap
}

// rankBits is a bitset with a running count per word: rank(id) counts
// the set bits below id with one memory access (the bits and the count of
// a word share a cache line) and a popcount.
type rankBits struct {
	words []rankWord
}

type rankWord struct {
	bits   uint64
	before uint32 // set bits in the words before this one
}

func newRankBits(n int, ids []uint32) rankBits {
	r := rankBits{words: make([]rankWord, (n+63)/64)}
	for _, id := range ids {
		r.words[id>>6].bits |= 1 << (id & 63)
	}
	var c uint32
	for i := range r.words {
		r.words[i].before = c
		c += uint32(bits.OnesCount64(r.words[i].bits))
	}
	return r
}

func (r *rankBits) rank(id uint32) uint32 {
	w := &r.words[id>>6]
	return w.before + uint32(bits.OnesCount64(w.bits&(1<<(id&63)-1)))
}

// IndexStats describes a built index.
type IndexStats struct {
	Products int // products in the catalog
	Markets  int
	Pairs    int // (product, market) pairs for sale, before sale windows
	// Bytes estimates the index's memory: bitmaps, arrays and postings.
	Bytes int64
	// Build is the time NewIndex took.
	Build time.Duration
}

var processKey = sync.OnceValue(func() []byte {
	k := make([]byte, 32)
	_, _ = rand.Read(k) // crypto/rand.Read never fails (Go 1.24+)
	return k
})

// NewIndex builds the index of catalog c for markets, with each market's
// display prices from prices. Every market is checked (Market.Validate);
// an available product without a price, or with a price in another
// currency, is an error naming the product and the market (wrapping
// ErrNoPrice or pricing.ErrCurrencyMismatch) unless
// IndexOptions.AllowUnpriced leaves it out. All problems are reported in
// one *Errors.
func NewIndex(c *Catalog, markets []Market, prices PriceFunc, opts *IndexOptions) (*Index, error) {
	c.check()
	start := time.Now()
	var o IndexOptions
	if opts != nil {
		o = *opts
	}
	const op = "NewIndex"
	if prices == nil {
		return nil, &Error{Op: op, Field: "prices", Value: "nil", Err: because(ErrMissing, "a PriceFunc is required")}
	}
	key := o.CursorKey
	if key == nil {
		key = processKey()
	} else if len(key) < 16 {
		return nil, &Error{Op: op, Field: "CursorKey", Value: strconv.Itoa(len(key)) + " bytes", Err: because(ErrInvalid, "a cursor key has at least 16 bytes")}
	}
	at := o.At
	if at.IsZero() {
		at = now()
	}
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var errs Errors
	ms := make([]*market, 0, len(markets))
	seen := map[string]bool{}
	for _, m := range markets {
		cm, err := compileMarket(op, m)
		if err != nil {
			errs.add(err.(*Error))
			continue
		}
		if seen[cm.ID] {
			errs.add(&Error{Op: op, Kind: "market", ID: cm.ID, Field: "id", Value: cm.ID, Err: because(ErrDuplicate, "market listed twice")})
			continue
		}
		seen[cm.ID] = true
		ms = append(ms, cm)
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	var idb [8]byte
	_, _ = rand.Read(idb[:])
	ix := &Index{
		cat: c, id: binary.LittleEndian.Uint64(idb[:]), key: slices.Clone(key), built: start, n: len(c.products),
		markets: make(map[string]*marketIndex, len(ms)), unpriced: map[string][]string{},
		texts: map[string]*textGroup{}, names: map[string]*nameGroup{}, tagSet: map[language.Tag]bool{},
	}
	for _, p := range c.products {
		for t := range p.Content {
			ix.tagSet[t] = true
		}
	}

	// Stage 3, beside stages 1 and 2: the catalog-wide postings and orders.
	var global sync.WaitGroup
	global.Go(func() {
		ix.buildPostings()
		ix.rankOrd, ix.rankPos = ix.rankOrder()
		ix.newestOrd, ix.newestPos = ix.newestOrder()
	})
	defer global.Wait()

	// Stage 1: availability and prices, products in chunks.
	type chunkOut struct {
		pairs [][]pricePair
		win   [][]windowed
		errs  Errors
		unpr  [][]string
	}
	nChunks := max(1, min(workers*4, (len(c.products)+4095)/4096))
	outs := make([]chunkOut, nChunks)
	mIdx := make(map[string]int, len(ms))
	for i, m := range ms {
		mIdx[m.ID] = i
	}
	parallel(workers, nChunks, func(_, ci int) {
		lo, hi := ci*len(c.products)/nChunks, (ci+1)*len(c.products)/nChunks
		out := &outs[ci]
		out.pairs = make([][]pricePair, len(ms))
		out.win = make([][]windowed, len(ms))
		out.unpr = make([][]string, len(ms))
		// Pass 1: the markets each product is available in, as a bitset
		// (words per product), and the pairs per market, so that pass 2
		// appends to slices of the right size.
		words := (len(ms) + 63) / 64
		sel := make([]uint64, (hi-lo)*words)
		count := make([]int, len(ms))
		only := make([]bool, len(ms))
		for pi, p := range c.products[lo:hi] {
			a := &p.avail
			simple := len(a.excludeMarkets) == 0 && len(a.countries) == 0 && len(a.excludeCountries) == 0 &&
				len(a.require) == 0 && len(a.forbid) == 0
			if simple && len(a.markets) > 0 {
				clear(only)
				for _, id := range a.markets {
					if i, ok := mIdx[id]; ok {
						only[i] = true
					}
				}
			}
			set := sel[pi*words : (pi+1)*words]
			for mi, m := range ms {
				if simple {
					if len(a.markets) > 0 && !only[mi] {
						continue
					}
				} else if ok, _, _ := a.static(m); !ok {
					continue
				}
				if len(c.rules) > 0 {
					if _, ok := c.hostDecide(p, m, at); !ok {
						continue
					}
				}
				set[mi/64] |= 1 << (mi % 64)
				count[mi]++
			}
		}
		for mi, n := range count {
			out.pairs[mi] = make([]pricePair, 0, n)
		}
		// Pass 2: the prices, market by market in input order for each
		// product.
		for pi, p := range c.products[lo:hi] {
			a := &p.avail
			for wi, w := range sel[pi*words : (pi+1)*words] {
				for ; w != 0; w &= w - 1 {
					mi := wi*64 + bits.TrailingZeros64(w)
					m := ms[mi]
					price, ok := prices(m.ID, p.ID)
					if !ok {
						if o.AllowUnpriced {
							out.unpr[mi] = append(out.unpr[mi], p.ID)
						} else {
							out.errs.add(&Error{Op: op, Kind: "product", ID: p.ID, Field: "price in market " + m.ID, Value: "", Err: because(ErrNoPrice, "the product is available but has no display price")})
						}
						continue
					}
					minor, e := checkPrice(price, m.Currency)
					if e != nil {
						e.Op, e.Kind, e.ID = op, "product", p.ID
						e.Field = "price in market " + m.ID
						out.errs.add(e)
						continue
					}
					out.pairs[mi] = append(out.pairs[mi], pricePair{p.idx, minor})
					if a.hasWindow() {
						from, until := a.win.bounds(m.TimeZone)
						out.win[mi] = append(out.win[mi], windowed{p.idx, from, until})
					}
				}
			}
		}
	})
	for i := range outs {
		for _, e := range outs[i].errs.List {
			errs.add(e)
		}
		errs.More += outs[i].errs.More
	}
	if err := errs.err(); err != nil {
		return nil, err
	}

	// Stage 2: per market, the price order and the bitmaps.
	mis := make([]*marketIndex, len(ms))
	unprs := make([][]string, len(ms))
	pairBufs := make([][2][]pricePair, workers)
	idBufs := make([][]uint32, workers)
	parallel(workers, len(ms), func(w, mi int) {
		m := ms[mi]
		n := 0
		for i := range outs {
			n += len(outs[i].pairs[mi])
		}
		bufs := &pairBufs[w] // this worker's scratch
		all := slices.Grow(bufs[0][:0], n)
		var win []windowed
		var unpr []string
		for i := range outs {
			all = append(all, outs[i].pairs[mi]...)
			win = append(win, outs[i].win[mi]...)
			unpr = append(unpr, outs[i].unpr[mi]...)
		}
		ids := slices.Grow(idBufs[w][:0], len(all))[:len(all)] // this worker's scratch
		idBufs[w] = ids
		for i, pr := range all {
			ids[i] = pr.id
		}
		mx := &marketIndex{m: m, avail: roaring.New(), windowed: win, locales: map[language.Tag]*marketLocale{}}
		mx.avail.AddMany(ids)
		mx.avail.RunOptimize()
		mx.rank = newRankBits(len(c.products), ids)
		// Sort by price, then id; all is in id order.
		bufs[0], bufs[1] = all, slices.Grow(bufs[1][:0], n)[:n]
		all = sortByPrice(all, bufs[1])
		mx.ord = make([]uint32, len(all))
		mx.prices = make([]int64, len(all))
		mx.byRank = make([]uint32, len(all))
		for pos, pr := range all {
			mx.ord[pos] = pr.id
			mx.prices[pos] = pr.price
			mx.byRank[mx.rank.rank(pr.id)] = uint32(pos)
		}
		mis[mi] = mx
		unprs[mi] = unpr
	})
	for i, m := range ms {
		if len(unprs[i]) > 0 {
			ix.unpriced[m.ID] = unprs[i]
		}
		ix.markets[m.ID] = mis[i]
		ix.mOrder = append(ix.mOrder, m.ID)
		ix.stats.Pairs += len(mis[i].ord)
	}

	// Stage 4: text and collation groups per market locale.
	type groupJob struct {
		key   string
		chain []language.Tag
		coll  language.Tag
		text  bool
	}
	var jobs []groupJob
	for _, mx := range mis {
		for _, tag := range mx.m.Locales {
			chain := ix.effectiveChain(tag)
			ck := chainKey(chain)
			if _, ok := ix.texts[ck]; !ok {
				ix.texts[ck] = &textGroup{chain: chain}
				jobs = append(jobs, groupJob{key: ck, chain: chain, text: true})
			}
			coll := collationTag(tag)
			nk := ck + "|" + coll.String()
			if _, ok := ix.names[nk]; !ok {
				ix.names[nk] = &nameGroup{chain: chain}
				jobs = append(jobs, groupJob{key: nk, chain: chain, coll: coll})
			}
			mx.locales[tag] = &marketLocale{tag: tag, text: ix.texts[ck], names: ix.names[nk]}
		}
	}
	parallel(workers, len(jobs), func(_, j int) {
		job := jobs[j]
		if job.text {
			g := ix.texts[job.key]
			g.tokens, g.single = ix.buildTokens(job.chain)
		} else {
			g := ix.names[job.key]
			g.ord, g.pos = ix.buildNames(job.chain, job.coll)
		}
	})
	global.Wait()
	ix.stats.Products = len(c.products)
	ix.stats.Markets = len(ms)
	ix.stats.Bytes = ix.size()
	ix.stats.Build = time.Since(start)
	return ix, nil
}

// checkPrice returns a price's minor units, or an error when it is in
// another currency, not rounded to the currency's digits, or negative.
func checkPrice(p pricing.Money, currency string) (int64, *Error) {
	if p.Currency() != currency {
		return 0, &Error{Value: p.String(), Err: because(pricing.ErrCurrencyMismatch, "the market's currency is "+currency)}
	}
	minor, ok := p.Minor()
	if !ok {
		return 0, &Error{Value: p.String(), Err: because(ErrInvalid, "not rounded to the currency's digits")}
	}
	if minor < 0 {
		return 0, &Error{Value: p.String(), Err: because(ErrInvalid, "a negative price")}
	}
	return minor, nil
}

// parallel runs f(w, 0..n-1) on up to workers goroutines; w in
// [0, workers) identifies the goroutine, for its scratch buffers.
func parallel(workers, n int, f func(w, i int)) {
	if workers <= 1 || n <= 1 {
		for i := range n {
			f(0, i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range min(workers, n) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(w, i)
			}
		})
	}
	wg.Wait()
}

// effectiveChain is the catalog chain of tag restricted to the locales
// the products' content uses.
func (ix *Index) effectiveChain(tag language.Tag) []language.Tag {
	var out []language.Tag
	for _, t := range ix.cat.chain(tag) {
		if ix.tagSet[t] {
			out = append(out, t)
		}
	}
	return out
}

func chainKey(chain []language.Tag) string {
	var b strings.Builder
	for i, t := range chain {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(t.String())
	}
	return b.String()
}

// collationTag is the locale whose collation orders names for tag: its
// language and script (region variants of collation are rare).
func collationTag(tag language.Tag) language.Tag {
	base, _ := tag.Base()
	script, conf := tag.Script()
	if conf == language.Exact {
		t, _ := language.Compose(base, script)
		return t
	}
	t, _ := language.Compose(base)
	return t
}

func (ix *Index) buildPostings() {
	c := ix.cat
	catLists := map[string][]uint32{}
	for _, p := range c.products {
		for cid := p.Category; cid != ""; cid = c.catByID[cid].Parent {
			catLists[cid] = append(catLists[cid], p.idx)
		}
	}
	ix.catPost = make(map[string]*roaring.Bitmap, len(c.cats))
	for _, cat := range c.cats {
		b := roaring.New()
		b.AddMany(catLists[cat.ID])
		b.RunOptimize()
		ix.catPost[cat.ID] = b
	}
	ix.fwd = map[string]*forward{}
	for _, a := range c.attrs {
		if a.Kind != Enum && a.Kind != Boolean {
			continue
		}
		fw := &forward{off: make([]uint32, len(c.products)+1)}
		var idx []uint16
		for i, p := range c.products {
			idx = idx[:0]
			add := func(v Value) {
				switch v.Kind {
				case Enum:
					for _, e := range v.Enum {
						if k := uint16(a.valueIdx[e]); !slices.Contains(idx, k) {
							idx = append(idx, k)
						}
					}
				case Boolean:
					k := uint16(1)
					if v.Bool {
						k = 0
					}
					if !slices.Contains(idx, k) {
						idx = append(idx, k)
					}
				}
			}
			if v, ok := p.Attributes[a.ID]; ok {
				add(v)
			}
			for _, vr := range p.Variants {
				if v, ok := vr.Attributes[a.ID]; ok {
					add(v)
				}
			}
			fw.vals = append(fw.vals, idx...)
			fw.off[i+1] = uint32(len(fw.vals))
		}
		fw.vals = slices.Clip(fw.vals)
		ix.fwd[a.ID] = fw
	}
	// Postings: enum and boolean values from the forward index, text and
	// number values through their keys.
	ix.attrPost = make(map[string]map[string]*roaring.Bitmap, len(c.attrs))
	newBitmap := func(ids []uint32) *roaring.Bitmap {
		b := roaring.New()
		b.AddMany(ids)
		b.RunOptimize()
		return b
	}
	for _, a := range c.attrs {
		m := map[string]*roaring.Bitmap{}
		if fw, ok := ix.fwd[a.ID]; ok {
			n := 2
			if a.Kind == Enum {
				n = len(a.Values)
			}
			lists := make([][]uint32, n)
			for i := range c.products {
				for _, v := range fw.vals[fw.off[i]:fw.off[i+1]] {
					lists[v] = append(lists[v], uint32(i))
				}
			}
			for k, ids := range lists {
				if len(ids) == 0 {
					continue
				}
				key := "true"
				switch {
				case a.Kind == Enum:
					key = a.Values[k].ID
				case k == 1:
					key = "false"
				}
				m[key] = newBitmap(ids)
			}
		} else {
			lists := map[string][]uint32{}
			var seen []string
			for _, p := range c.products {
				seen = seen[:0]
				add := func(v Value) {
					for _, s := range valueKeys(v) {
						if !slices.Contains(seen, s) {
							seen = append(seen, s)
							lists[s] = append(lists[s], p.idx)
						}
					}
				}
				if v, ok := p.Attributes[a.ID]; ok {
					add(v)
				}
				for _, vr := range p.Variants {
					if v, ok := vr.Attributes[a.ID]; ok {
						add(v)
					}
				}
			}
			for k, ids := range lists {
				m[k] = newBitmap(ids)
			}
		}
		ix.attrPost[a.ID] = m
	}
}

// valueKeys returns the posting keys of a value: value IDs, "true"/"false",
// the decimal text of a number, the text.
func valueKeys(v Value) []string {
	switch v.Kind {
	case Enum:
		return v.Enum
	case Boolean:
		return []string{strconv.FormatBool(v.Bool)}
	case Number:
		return []string{canonNumber(v.Number)}
	case Text:
		return []string{v.Text}
	}
	return nil
}

// canonNumber is a number's text without trailing fraction zeros, so
// "0.30" and "0.3" are one value.
func canonNumber(f pricing.Fixed) string {
	s := f.String()
	if strings.Contains(s, ".") {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// rankOrder orders the products by rank, higher first, then in catalog
// order. ^x is -x-1: it reverses the order of int64 without overflow.
func (ix *Index) rankOrder() (ord, pos []uint32) {
	ents := make([]orderEnt, len(ix.cat.products))
	for i, p := range ix.cat.products {
		ents[i] = orderEnt{a: ^p.Rank, id: uint32(i)}
	}
	ord = sortOrder(ents)
	return ord, positions(ord)
}

// newestOrder orders the products by Created, later first (as
// time.Time.Compare says), then in catalog order. Times without a
// monotonic clock reading compare by Unix second and nanosecond, which
// sortOrder sorts as integers; when a host put a reading in (time.Now()),
// Compare may use it, and so does this order, by comparing Times.
func (ix *Index) newestOrder() (ord, pos []uint32) {
	ps := ix.cat.products
	for _, p := range ps {
		if p.Created != p.Created.Round(0) { // a monotonic clock reading
			return ix.orderBy(func(a, b *product) int { return b.Created.Compare(a.Created) })
		}
	}
	ents := make([]orderEnt, len(ps))
	for i, p := range ps {
		ents[i] = orderEnt{a: ^p.Created.Unix(), b: ^int32(p.Created.Nanosecond()), id: uint32(i)}
	}
	ord = sortOrder(ents)
	return ord, positions(ord)
}

// orderBy sorts the products by cmpf, then catalog order, and returns the
// order and each product's position.
func (ix *Index) orderBy(cmpf func(a, b *product) int) (ord, pos []uint32) {
	ps := ix.cat.products
	ord = make([]uint32, len(ps))
	for i := range ord {
		ord[i] = uint32(i)
	}
	slices.SortFunc(ord, func(a, b uint32) int {
		if r := cmpf(ps[a], ps[b]); r != 0 {
			return r
		}
		return cmp.Compare(a, b)
	})
	return ord, positions(ord)
}

// content returns product p's name and description in chain: each the
// first non-empty one along the chain, as p.name and Localize resolve
// them.
func content(p *product, chain []language.Tag) (name, desc string) {
	for _, t := range chain {
		ct, ok := p.Content[t]
		if !ok {
			continue
		}
		if name == "" {
			name = ct.Name
		}
		if desc == "" {
			desc = ct.Description
		}
		if name != "" && desc != "" {
			break
		}
	}
	return name, desc
}

// buildTokens returns the postings of the folded tokens of each product's
// name and description in chain: a bitmap per token of two or more
// products, and the product of each token of exactly one.
//
// Tokens are numbered by an interner (no allocation per token or per
// product); the postings are laid out in one array by counting first, so
// no list grows. The map keys are substrings of one string holding every
// distinct token.
func (ix *Index) buildTokens(chain []language.Tag) (map[string]*roaring.Bitmap, map[string]uint32) {
	ps := ix.cat.products
	f := newFolder()
	in := newInterner(len(ps))
	// seq lists each product's distinct tokens, product after product.
	seq := make([]uint32, 0, 4*len(ps))
	var count []uint32 // products per token
	var last []uint32  // the last product (idx+1) that had the token
	pOff := make([]int, len(ps)+1)
	for pi, p := range ps {
		name, desc := content(p, chain)
		for _, s := range [2]string{name, desc} {
			f.tokens(s, func(tok []byte) {
				k := in.intern(tok)
				if int(k) == len(count) {
					count = append(count, 0)
					last = append(last, 0)
				}
				if last[k] == p.idx+1 {
					return
				}
				last[k] = p.idx + 1
				count[k]++
				seq = append(seq, k)
			})
		}
		pOff[pi+1] = len(seq)
	}
	// Postings of token k: ids[start[k]:start[k+1]], in catalog order.
	start := make([]int, len(count)+1)
	nSingle := 0
	for k, c := range count {
		start[k+1] = start[k] + int(c)
		if c == 1 {
			nSingle++
		}
	}
	ids := make([]uint32, len(seq))
	fill := slices.Clone(start[:len(count)])
	for pi, p := range ps {
		for _, k := range seq[pOff[pi]:pOff[pi+1]] {
			ids[fill[k]] = p.idx
			fill[k]++
		}
	}
	all := string(in.arena)
	key := func(k int) string { return all[in.offs[k]:in.offs[k+1]] }
	// A word of one product (a model number) is kept as that product's
	// index, not as a bitmap.
	out := make(map[string]*roaring.Bitmap, len(count)-nSingle)
	single := make(map[string]uint32, nSingle)
	for k := range count {
		l := ids[start[k]:start[k+1]]
		if len(l) == 1 {
			single[key(k)] = l[0]
			continue
		}
		b := roaring.New()
		b.AddMany(l)
		out[key(k)] = b
	}
	return out, single
}

// buildNames returns the products ordered by the collation key of their
// name in chain (ties in catalog order), and each product's position.
func (ix *Index) buildNames(chain []language.Tag, coll language.Tag) (ord, pos []uint32) {
	col := collate.New(coll)
	ps := ix.cat.products
	var buf collate.Buffer
	keys := keyArena{offs: make([]int, len(ps)+1)}
	const sample = 256
	for i, p := range ps {
		name, _ := p.name(chain)
		k := col.KeyFromString(&buf, name)
		if i == sample && len(ps) > 2*sample {
			// Size the arena from the keys so far, with a margin.
			keys.bytes = slices.Grow(keys.bytes, len(keys.bytes)*(len(ps)-sample)/sample*9/8)
		}
		keys.bytes = append(keys.bytes, k...)
		keys.offs[i+1] = len(keys.bytes)
		buf.Reset()
	}
	ord = sortKeys(&keys, len(ps))
	return ord, positions(ord)
}

func (ix *Index) size() int64 {
	var n int64
	bm := func(b *roaring.Bitmap) { n += int64(b.GetSizeInBytes()) + 48 }
	for _, b := range ix.catPost {
		bm(b)
	}
	for _, vals := range ix.attrPost {
		for k, b := range vals {
			bm(b)
			n += int64(len(k)) + 16
		}
	}
	for _, g := range ix.texts {
		n += int64(len(g.single)) * 40
		for k, b := range g.tokens {
			bm(b)
			n += int64(len(k)) + 16
		}
	}
	for _, fw := range ix.fwd {
		n += int64(len(fw.off))*4 + int64(len(fw.vals))*2
	}
	for _, g := range ix.names {
		n += int64(len(g.ord)+len(g.pos)) * 4
	}
	n += int64(len(ix.rankOrd)+len(ix.rankPos)+len(ix.newestOrd)+len(ix.newestPos)) * 4
	for _, mx := range ix.markets {
		bm(mx.avail)
		n += int64(len(mx.rank.words)) * 16
		n += int64(len(mx.byRank)+len(mx.ord))*4 + int64(len(mx.prices))*8 + int64(len(mx.windowed))*24
	}
	return n
}

// Catalog returns the catalog the index was built from.
func (ix *Index) Catalog() *Catalog { ix.check(); return ix.cat }

// Version returns the catalog version.
func (ix *Index) Version() string { ix.check(); return ix.cat.version }

// Markets returns the IDs of the indexed markets, in input order.
func (ix *Index) Markets() []string { ix.check(); return slices.Clone(ix.mOrder) }

// Stats describes the index.
func (ix *Index) Stats() IndexStats { ix.check(); return ix.stats }

// Unpriced returns the products left out of market's listing for lack of
// a price (IndexOptions.AllowUnpriced), in catalog order.
func (ix *Index) Unpriced(market string) []string {
	ix.check()
	return slices.Clone(ix.unpriced[market])
}

func (ix *Index) check() {
	if ix == nil {
		panic("catalog: nil *Index")
	}
}
