package catalog

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"hash/maphash"
	"slices"
)

// This file holds the allocation-lean kernels of NewIndex: sorting
// collation keys, interning tokens and sorting by fixed-width keys. Each
// produces exactly the order or the postings the plain formulation would
// (a comparison sort over the products, a map from token to a growing
// list); they differ only in memory traffic, which is what decides the
// build time once the catalog no longer fits in the caches.

// keyArena holds one byte key per product: key i is
// bytes[offs[i]:offs[i+1]].
type keyArena struct {
	bytes []byte
	offs  []int
}

func (a *keyArena) key(i uint32) []byte { return a.bytes[a.offs[i]:a.offs[i+1]] }

// chunk returns the 8 bytes of key i at off, big-endian, zero-padded past
// the key's end.
func (a *keyArena) chunk(i uint32, off int) uint64 {
	k := a.key(i)
	if off >= len(k) {
		return 0
	}
	k = k[off:]
	if len(k) >= 8 {
		return binary.BigEndian.Uint64(k)
	}
	var b [8]byte
	copy(b[:], k)
	return binary.BigEndian.Uint64(b[:])
}

// keyEnt is one product during the key sort: the chunk of its key at the
// current depth, and its index.
type keyEnt struct {
	chunk uint64
	id    uint32
}

// smallRun is the run length under which sortKeys compares whole keys
// instead of loading the next chunk.
const smallRun = 16

// sortKeys returns the indexes 0..n-1 ordered by key (bytes.Compare),
// ties by index: the order of
//
//	slices.SortFunc(ord, func(a, b uint32) int { bytes.Compare(key(a), key(b)) or cmp.Compare(a, b) })
//
// computed as a most-significant-digit sort on 8-byte chunks, so that
// almost all comparisons are of two integers held in the slice being
// sorted rather than of two keys somewhere in memory.
//
// Why the chunk order agrees with the key order: among keys whose
// zero-padded bytes before off are equal, let i be the first position in
// [off, off+8) where the padded chunks differ, the first one lower. If it
// has a real byte there, so has the second (a padding zero is never
// greater), and the real prefixes before i are equal: the first key is
// smaller. If it has padding there, it ended before i, the second key
// goes on with the same bytes and then a non-zero one: the first key is
// a proper prefix of the second, again smaller. Equal chunks decide
// nothing and the run is ordered by the next chunk, and when every key of
// a run has ended (padding cannot tell "ab" from "ab\x00"), or the run is
// short, by a comparison of the whole keys and then the index.
func sortKeys(a *keyArena, n int) []uint32 {
	ents := make([]keyEnt, n)
	for i := range ents {
		ents[i] = keyEnt{id: uint32(i)}
	}
	sortKeyRun(a, ents, 0)
	ord := make([]uint32, n)
	for i, e := range ents {
		ord[i] = e.id
	}
	return ord
}

func sortKeyRun(a *keyArena, ents []keyEnt, off int) {
	full := func(x, y keyEnt) int {
		if r := bytes.Compare(a.key(x.id), a.key(y.id)); r != 0 {
			return r
		}
		return cmp.Compare(x.id, y.id)
	}
	if len(ents) <= smallRun {
		slices.SortFunc(ents, full)
		return
	}
	ended := true
	for i := range ents {
		ents[i].chunk = a.chunk(ents[i].id, off)
		if len(a.key(ents[i].id)) > off+8 {
			ended = false
		}
	}
	if ended {
		slices.SortFunc(ents, full)
		return
	}
	slices.SortFunc(ents, func(x, y keyEnt) int { return cmp.Compare(x.chunk, y.chunk) })
	for i := 0; i < len(ents); {
		j := i + 1
		for j < len(ents) && ents[j].chunk == ents[i].chunk {
			j++
		}
		if j-i > 1 {
			sortKeyRun(a, ents[i:j], off+8)
		}
		i = j
	}
}

// orderEnt is one product in a fixed-width sort: two keys and the index.
type orderEnt struct {
	a  int64
	b  int32
	id uint32
}

// sortOrder returns the product indexes ordered by (a, b, index).
func sortOrder(ents []orderEnt) []uint32 {
	slices.SortFunc(ents, func(x, y orderEnt) int {
		if x.a != y.a {
			return cmp.Compare(x.a, y.a)
		}
		if x.b != y.b {
			return cmp.Compare(x.b, y.b)
		}
		return cmp.Compare(x.id, y.id)
	})
	ord := make([]uint32, len(ents))
	for i, e := range ents {
		ord[i] = e.id
	}
	return ord
}

// positions inverts an order: pos[ord[i]] = i.
func positions(ord []uint32) []uint32 {
	pos := make([]uint32, len(ord))
	for i, id := range ord {
		pos[id] = uint32(i)
	}
	return pos
}

// interner numbers distinct byte strings in order of first appearance
// without allocating per string: the bytes go to one arena, the table is
// open addressing on a hash of the bytes.
type interner struct {
	seed  maphash.Seed
	arena []byte
	offs  []int // string k is arena[offs[k]:offs[k+1]]
	slots []internSlot
	mask  uint64
}

type internSlot struct {
	hash uint64
	k    uint32 // string index + 1; 0 is an empty slot
}

func newInterner(sizeHint int) *interner {
	n := 64
	for n < 2*sizeHint {
		n *= 2
	}
	return &interner{seed: maphash.MakeSeed(), offs: make([]int, 1, sizeHint+1), slots: make([]internSlot, n), mask: uint64(n - 1)}
}

func (t *interner) len() int { return len(t.offs) - 1 }

func (t *interner) bytesOf(k uint32) []byte { return t.arena[t.offs[k]:t.offs[k+1]] }

// intern returns the index of s, adding it if new.
func (t *interner) intern(s []byte) uint32 {
	h := maphash.Bytes(t.seed, s)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		sl := &t.slots[i]
		if sl.k == 0 {
			k := uint32(t.len())
			t.arena = append(t.arena, s...)
			t.offs = append(t.offs, len(t.arena))
			*sl = internSlot{hash: h, k: k + 1}
			if 2*t.len() > len(t.slots) {
				t.grow()
			}
			return k
		}
		if sl.hash == h && bytes.Equal(t.bytesOf(sl.k-1), s) {
			return sl.k - 1
		}
	}
}

func (t *interner) grow() {
	slots := make([]internSlot, 2*len(t.slots))
	mask := uint64(len(slots) - 1)
	for _, sl := range t.slots {
		if sl.k == 0 {
			continue
		}
		i := sl.hash & mask
		for slots[i].k != 0 {
			i = (i + 1) & mask
		}
		slots[i] = sl
	}
	t.slots, t.mask = slots, mask
}

// pricePair is one available product of a market and its price in minor
// units.
type pricePair struct {
	id    uint32
	price int64
}

// radixBits is the digit width of sortByPrice.
const radixBits = 11

// sortByPrice sorts ps, which is in id order, by price and then id, and
// returns the sorted slice: ps or scratch (of the same length), which
// the sort uses in turn. It is a stable least-significant-digit radix
// sort on the prices (never negative: checkPrice refuses those), so
// equal prices keep id order, with one pass per 11 bits of the highest
// price, skipping digits that all prices share.
func sortByPrice(ps, scratch []pricePair) []pricePair {
	if len(ps) < 256 {
		slices.SortStableFunc(ps, func(a, b pricePair) int { return cmp.Compare(a.price, b.price) })
		return ps
	}
	var hi int64
	for _, p := range ps {
		hi = max(hi, p.price)
	}
	var count [1 << radixBits]int
	for shift := 0; shift < 64 && hi>>shift != 0; shift += radixBits {
		clear(count[:])
		for _, p := range ps {
			count[p.price>>shift&(1<<radixBits-1)]++
		}
		if count[ps[0].price>>shift&(1<<radixBits-1)] == len(ps) {
			continue // one digit for all
		}
		sum := 0
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for _, p := range ps {
			d := p.price >> shift & (1<<radixBits - 1)
			scratch[count[d]] = p
			count[d]++
		}
		ps, scratch = scratch, ps
	}
	return ps
}
