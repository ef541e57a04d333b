package catalog

import (
	"bytes"
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/RoaringBitmap/roaring/v2"
	gocmp "github.com/google/go-cmp/cmp"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// The build kernels (sortKeys, the interner, the fixed-width orders) must
// give exactly what the plain formulations below give: a comparison sort
// and a map of growing lists, as NewIndex computed them before.

func plainKeyOrder(keys [][]byte) []uint32 {
	ord := make([]uint32, len(keys))
	for i := range ord {
		ord[i] = uint32(i)
	}
	slices.SortFunc(ord, func(a, b uint32) int {
		if r := bytes.Compare(keys[a], keys[b]); r != 0 {
			return r
		}
		return cmp.Compare(a, b)
	})
	return ord
}

func arenaOf(keys [][]byte) *keyArena {
	a := &keyArena{offs: make([]int, len(keys)+1)}
	for i, k := range keys {
		a.bytes = append(a.bytes, k...)
		a.offs[i+1] = len(a.bytes)
	}
	return a
}

// TestSortKeys: random keys over a tiny alphabet with zero bytes, shared
// prefixes, keys that are prefixes of others, equal keys and keys ending
// at and around the 8-byte chunk boundaries.
func TestSortKeys(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 300 {
		n := r.IntN(400)
		if round%50 == 0 {
			n = 5000
		}
		alphabet := 1 + r.IntN(4)
		prefix := make([]byte, r.IntN(30))
		for i := range prefix {
			prefix[i] = byte(r.IntN(alphabet))
		}
		keys := make([][]byte, n)
		for i := range keys {
			k := slices.Clone(prefix[:r.IntN(len(prefix)+1)])
			for range r.IntN(20) {
				k = append(k, byte(r.IntN(alphabet)))
			}
			if i > 0 && r.IntN(8) == 0 {
				k = slices.Clone(keys[r.IntN(i)]) // a duplicate
			}
			keys[i] = k
		}
		want := plainKeyOrder(keys)
		if diff := gocmp.Diff(want, sortKeys(arenaOf(keys), n)); diff != "" {
			t.Fatalf("round %d (%d keys, alphabet %d): order (-want +got):\n%s", round, n, alphabet, diff)
		}
	}
}

func TestSortKeysEdges(t *testing.T) {
	keys := [][]byte{
		{}, {0}, {0, 0}, []byte("ab"), []byte("ab\x00"), []byte("ab\x00\x00\x00\x00\x00\x00"),
		[]byte("ab\x00\x00\x00\x00\x00\x00\x00"), []byte("abcdefgh"), []byte("abcdefgh\x00"), []byte("abcdefgi"),
		[]byte("abcdefg"), {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, {0xff}, {}, []byte("ab"),
	}
	// Repeat them so that the runs are longer than smallRun.
	var all [][]byte
	for range 5 {
		all = append(all, keys...)
	}
	if diff := gocmp.Diff(plainKeyOrder(all), sortKeys(arenaOf(all), len(all))); diff != "" {
		t.Fatalf("order (-want +got):\n%s", diff)
	}
}

func TestInterner(t *testing.T) {
	in := newInterner(0)
	want := map[string]uint32{}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		s := fmt.Sprint(r.IntN(5000))
		if r.IntN(10) == 0 {
			s = ""
		}
		k := in.intern([]byte(s))
		if w, ok := want[s]; ok && w != k {
			t.Fatalf("intern(%q) = %d, was %d", s, k, w)
		} else if !ok {
			if int(k) != len(want) {
				t.Fatalf("intern(%q) = %d, want the next index %d", s, k, len(want))
			}
			want[s] = k
		}
		if got := string(in.bytesOf(k)); got != s {
			t.Fatalf("bytesOf(%d) = %q, want %q", k, got, s)
		}
	}
}

// buildWorld is a catalog with the content the build kernels see: names
// and descriptions in three locales, some missing, duplicate names,
// accents and case, equal ranks and creation times, and host times with
// and without a monotonic clock reading.
func buildWorld(t *testing.T, n int, monotonic bool) *Index {
	t.Helper()
	words := []string{"Tasse", "tasse", "TASSE", "Öl", "ol", "öl", "café", "cafe", "Straße", "strasse", "ängel", "Äpple", "x", "a-1", "ǆ", "ﬁ", "日本", "Ærø"}
	tags := []language.Tag{language.English, language.German, language.Swedish}
	r := rand.New(rand.NewPCG(5, 6))
	base := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	d := Data{Version: "v", Categories: []Category{{ID: "c"}}}
	for i := range n {
		p := Product{ID: fmt.Sprintf("p%d", i), Category: "c", TaxClass: "standard", Rank: int64(r.IntN(5)) - 2,
			Created: base.Add(time.Duration(r.IntN(4)) * time.Nanosecond * 500_000_000), Content: map[language.Tag]Content{}}
		if i%97 == 0 {
			p.Rank = [2]int64{-1 << 63, 1<<63 - 1}[i%2]
		}
		if monotonic && i%3 == 0 {
			p.Created = time.Now().Add(time.Duration(r.IntN(3)) * time.Second)
		}
		for li, tag := range tags {
			if li > 0 && r.IntN(3) == 0 {
				continue
			}
			name := words[r.IntN(len(words))] + " " + words[r.IntN(len(words))]
			if r.IntN(4) == 0 {
				name += fmt.Sprint(" ", r.IntN(n))
			}
			ct := Content{Name: name}
			if r.IntN(2) == 0 {
				ct.Description = words[r.IntN(len(words))] + ", " + words[r.IntN(len(words))] + " " + words[r.IntN(len(words))]
			}
			if li > 0 && r.IntN(4) == 0 {
				ct.Name = ""
				if ct.Description == "" {
					ct.Description = "only"
				}
			}
			p.Content[tag] = ct
		}
		d.Products = append(d.Products, p)
	}
	c, err := New(d, &Options{LastResort: language.English})
	if err != nil {
		t.Fatal(err)
	}
	ix := &Index{cat: c}
	return ix
}

// The former buildTokens, buildNames and orderBy, as the oracle.
func plainTokens(ix *Index, chain []language.Tag) (map[string]*roaring.Bitmap, map[string]uint32) {
	f := newFolder()
	lists := map[string][]uint32{}
	var order []string
	for _, p := range ix.cat.products {
		var seen []string
		name, _ := p.name(chain)
		desc := ""
		for _, t := range chain {
			if ct, ok := p.Content[t]; ok && ct.Description != "" {
				desc = ct.Description
				break
			}
		}
		for _, s := range [2]string{name, desc} {
			f.tokens(s, func(tok []byte) {
				k := string(tok)
				if slices.Contains(seen, k) {
					return
				}
				seen = append(seen, k)
				if _, ok := lists[k]; !ok {
					order = append(order, k)
				}
				lists[k] = append(lists[k], p.idx)
			})
		}
	}
	out, single := map[string]*roaring.Bitmap{}, map[string]uint32{}
	for _, k := range order {
		if len(lists[k]) == 1 {
			single[k] = lists[k][0]
			continue
		}
		b := roaring.New()
		b.AddMany(lists[k])
		out[k] = b
	}
	return out, single
}

func plainNames(ix *Index, chain []language.Tag, coll language.Tag) []uint32 {
	col := collate.New(coll)
	var buf collate.Buffer
	keys := make([][]byte, len(ix.cat.products))
	for i, p := range ix.cat.products {
		name, _ := p.name(chain)
		keys[i] = slices.Clone(col.KeyFromString(&buf, name))
		buf.Reset()
	}
	return plainKeyOrder(keys)
}

func TestBuildKernelsMatchPlain(t *testing.T) {
	bitmaps := gocmp.Comparer(func(a, b *roaring.Bitmap) bool { return a.Equals(b) })
	for _, monotonic := range []bool{false, true} {
		ix := buildWorld(t, 3000, monotonic)
		chains := [][]language.Tag{
			{language.English}, {language.German, language.English}, {language.Swedish, language.English},
			{language.Swedish, language.German, language.English}, {},
		}
		for _, chain := range chains {
			name := fmt.Sprint(chain, "/monotonic=", monotonic)
			tok, single := ix.buildTokens(chain)
			wantTok, wantSingle := plainTokens(ix, chain)
			if diff := gocmp.Diff(wantTok, tok, bitmaps); diff != "" {
				t.Errorf("%s: tokens (-want +got):\n%s", name, diff)
			}
			if diff := gocmp.Diff(wantSingle, single); diff != "" {
				t.Errorf("%s: single (-want +got):\n%s", name, diff)
			}
			for _, coll := range []language.Tag{language.English, language.German, language.Swedish} {
				ord, pos := ix.buildNames(chain, coll)
				if diff := gocmp.Diff(plainNames(ix, chain, coll), ord); diff != "" {
					t.Errorf("%s/%v: name order (-want +got):\n%s", name, coll, diff)
				}
				if diff := gocmp.Diff(positions(ord), pos); diff != "" {
					t.Errorf("%s/%v: positions (-want +got):\n%s", name, coll, diff)
				}
			}
		}
		ord, _ := ix.rankOrder()
		want, _ := ix.orderBy(func(a, b *product) int { return cmp.Compare(b.Rank, a.Rank) })
		if diff := gocmp.Diff(want, ord); diff != "" {
			t.Errorf("monotonic=%v: rank order (-want +got):\n%s", monotonic, diff)
		}
		ord, _ = ix.newestOrder()
		want, _ = ix.orderBy(func(a, b *product) int { return b.Created.Compare(a.Created) })
		if diff := gocmp.Diff(want, ord); diff != "" {
			t.Errorf("monotonic=%v: newest order (-want +got):\n%s", monotonic, diff)
		}
	}
}

func TestSortByPrice(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, c := range []struct {
		n  int
		hi int64
	}{{0, 1}, {1, 1}, {255, 10}, {256, 1}, {300, 1}, {1000, 5}, {5000, 100_000}, {5000, 1 << 40}, {3000, 1<<63 - 1}} {
		ps := make([]pricePair, c.n)
		id := uint32(0)
		for i := range ps {
			id += 1 + uint32(r.IntN(3))
			ps[i] = pricePair{id: id, price: r.Int64N(c.hi)}
			if i%10 == 0 {
				ps[i].price = c.hi - 1
			}
		}
		want := slices.Clone(ps)
		slices.SortFunc(want, func(a, b pricePair) int {
			if r := cmp.Compare(a.price, b.price); r != 0 {
				return r
			}
			return cmp.Compare(a.id, b.id)
		})
		got := sortByPrice(ps, make([]pricePair, len(ps)))
		if diff := gocmp.Diff(want, got, gocmp.AllowUnexported(pricePair{})); diff != "" {
			t.Errorf("%d prices below %d (-want +got):\n%s", c.n, c.hi, diff)
		}
	}
}
