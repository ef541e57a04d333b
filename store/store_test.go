package store

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"slices"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/address"
	"github.com/marketkit/marketkit/catalog"
	"github.com/marketkit/marketkit/pricing"
)

// at is the time the store tests price at: Friday 4 December 2026, noon UTC.
var at = time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)

// testFS lays the test catalog and price lists out as FSLoader reads them.
func testFS(t testing.TB) fstest.MapFS {
	t.Helper()
	cat, err := os.ReadFile("testdata/catalog.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"catalog.jsonl": {Data: cat}}
	for name, l := range testPrices(t).Lists {
		b, err := json.Marshal(l)
		if err != nil {
			t.Fatal(err)
		}
		fsys["prices/"+name+".json"] = &fstest.MapFile{Data: b}
	}
	return fsys
}

func exampleStores(t testing.TB, opts *StoresOptions) (*Stores, *Config) {
	t.Helper()
	cfg := decodeFile(t, "markets.json")
	if opts == nil {
		opts = &StoresOptions{}
	}
	opts.At = at
	s, err := NewStores(t.Context(), cfg, FSLoader(testFS(t)), opts)
	if err != nil {
		t.Fatal(err)
	}
	return s, cfg
}

func mustStore(t testing.TB, s *Stores, id string) *Store {
	t.Helper()
	st, ok := s.Store(id)
	if !ok {
		t.Fatalf("no store %s among %v", id, s.IDs())
	}
	return st
}

func eur(s string) pricing.Money { return pricing.MustParseMoney(s, "EUR") }

func TestStoreList(t *testing.T) {
	s, _ := exampleStores(t, nil)
	de := mustStore(t, s, "de")
	l, err := de.List(catalog.Query{Category: "mugs", Sort: catalog.SortKey(0), At: at, Locale: language.MustParse("de-DE")})
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ ID, Name, Display, CompareAt string }
	var got []row
	for _, it := range l.Items {
		got = append(got, row{it.ID, it.Name, it.Display.Text, it.CompareAt.Text})
	}
	slices.SortFunc(got, func(a, b row) int { return cmpString(a.ID, b.ID) })
	want := []row{
		{"mug-blue", "Blaue Tasse", "19,99\u00a0€", "24,99\u00a0€"},
		{"mug-red", "Rote Tasse", "19,99\u00a0€", ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("listing (-want +got):\n%s", diff)
	}
	if !l.PricesIncludeTax || l.Total != 2 {
		t.Errorf("listing = %+v", l)
	}
	if _, err := de.List(catalog.Query{Market: "ch"}); !errors.Is(err, ErrWrongMarket) {
		t.Errorf("List of another market = %v, want ErrWrongMarket", err)
	}
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

func TestStoreProduct(t *testing.T) {
	s, _ := exampleStores(t, nil)
	de := mustStore(t, s, "de")
	d, err := de.Product(t.Context(), "mug-blue", language.MustParse("de-DE"), at)
	if err != nil {
		t.Fatal(err)
	}
	v := d.Variants[0]
	got := []string{d.Name, v.Display.Text, v.CompareAt.Text, v.Net.Text, v.Gross.Text}
	// 19.99 gross at 19 %: tax 19.99 × 19/119 = 3.19 (half-up), net 16.80.
	want := []string{"Blaue Tasse", "19,99\u00a0€", "24,99\u00a0€", "16,80\u00a0€", "19,99\u00a0€"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("detail (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"19%"}, v.Rates); diff != "" {
		t.Errorf("rates (-want +got):\n%s", diff)
	}
	us := mustStore(t, s, "us-east")
	d, err = us.Product(t.Context(), "mug-blue", language.Und, at)
	if err != nil {
		t.Fatal(err)
	}
	// US prices exclude tax: NY state rate 4 % on 21.00 = 0.84.
	if got := []string{d.Variants[0].Display.Text, d.Variants[0].Net.Text, d.Variants[0].Gross.Text}; !slices.Equal(got, []string{"$21.00", "$21.00", "$21.84"}) {
		t.Errorf("us-east detail = %q", got)
	}
	if _, err := mustStore(t, s, "de").Product(t.Context(), "knife-chef", language.Und, at); !errors.Is(err, ErrNotSold) {
		t.Errorf("a product not sold in de: %v", err)
	}
}

func deAddress() address.Address {
	return address.Address{CountryCode: "DE", Name: "Erika Mustermann", Line1: "Hauptstr. 1", PostalCode: "10115", Locality: "Berlin"}
}

func TestQuote(t *testing.T) {
	s, _ := exampleStores(t, nil)
	de := mustStore(t, s, "de")
	cart := de.NewCart()
	cart.Lines = []CartLine{{SKU: "MUG-BLUE", Quantity: 2}, {SKU: "TEA-GREEN", Quantity: 10}}
	cart.Shipping = "SHIP-STD"
	cart.Discounts = []pricing.Discount{pricing.PercentOff("WELCOME10", pricing.MustParsePercent("10"))}
	q, err := de.QuoteAt(t.Context(), at, &cart, deAddress(), Customer{Email: "erika@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	// Goods: 2 × 19.99 = 39.98 and 10 × 4.49 (tier) = 44.90; subtotal 84.88,
	// 10 % off = 8.49 (half-up), allocated 4.00 / 4.49 to the lines →
	// 35.98 at 19 % and 40.41 at 7 %; shipping 4.90 at 19 %.
	// Tax (prices include tax, per line, half-up): 35.98×19/119 = 5.74,
	// 40.41×7/107 = 2.64, 4.90×19/119 = 0.78.
	type line struct{ SKU, Gross, Tax string }
	var got []line
	for _, l := range q.Lines {
		got = append(got, line{l.SKU, l.Gross.String(), l.Tax.String()})
	}
	want := []line{{"MUG-BLUE", "35.98 EUR", "5.74 EUR"}, {"TEA-GREEN", "40.41 EUR", "2.64 EUR"}, {"SHIP-STD", "4.90 EUR", "0.78 EUR"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
	totals := []string{q.Subtotal.String(), q.Discount.String(), q.Shipping.String(), q.Net.String(), q.Tax.String(), q.Gross.String()}
	if diff := cmp.Diff([]string{"84.88 EUR", "8.49 EUR", "4.90 EUR", "72.13 EUR", "9.16 EUR", "81.29 EUR"}, totals); diff != "" {
		t.Errorf("totals (-want +got):\n%s", diff)
	}
	text := []string{q.Format(q.Subtotal), q.Format(q.Discount), q.Format(q.Shipping), q.Format(q.Net), q.Format(q.Tax), q.Format(q.Gross)}
	if diff := cmp.Diff([]string{"84,88\u00a0€", "8,49\u00a0€", "4,90\u00a0€", "72,13\u00a0€", "9,16\u00a0€", "81,29\u00a0€"}, text); diff != "" {
		t.Errorf("formatted totals (-want +got):\n%s", diff)
	}
	type rate struct{ Percent, Base, Tax string }
	var rates []rate
	for _, r := range q.Rates {
		rates = append(rates, rate{r.Percent, r.Base.String(), r.Tax.String()})
	}
	if diff := cmp.Diff([]rate{{"19%", "34.36 EUR", "6.52 EUR"}, {"7%", "37.77 EUR", "2.64 EUR"}}, rates); diff != "" {
		t.Errorf("per-rate breakdown (-want +got):\n%s", diff)
	}
	// Invariants: net + tax = gross per line and in total; the lines sum
	// to the totals.
	var net, tx, gross pricing.Money
	for _, l := range q.Lines {
		if sum, _ := l.Net.Add(l.Tax); !sum.Equal(l.Gross) {
			t.Errorf("line %s: %v + %v != %v", l.SKU, l.Net, l.Tax, l.Gross)
		}
		net, _ = net.Add(l.Net)
		tx, _ = tx.Add(l.Tax)
		gross, _ = gross.Add(l.Gross)
	}
	if !net.Equal(q.Net) || !tx.Equal(q.Tax) || !gross.Equal(q.Gross) {
		t.Errorf("lines sum to %v/%v/%v, totals %v/%v/%v", net, tx, gross, q.Net, q.Tax, q.Gross)
	}
}

func TestQuoteRefuses(t *testing.T) {
	s, _ := exampleStores(t, nil)
	de, at_ := mustStore(t, s, "de"), mustStore(t, s, "at")
	atCart := at_.NewCart()
	atCart.Lines = []CartLine{{SKU: "MUG-BLUE", Quantity: 1}}
	tests := []struct {
		name string
		cart Cart
		to   address.Address
		want error
	}{
		{"another market's cart", atCart, deAddress(), ErrWrongMarket},
		{"same market, other currency", Cart{Market: "de", Currency: "CHF", Lines: atCart.Lines}, deAddress(), ErrWrongMarket},
		{"address outside the market", Cart{Market: "de", Currency: "EUR", Lines: atCart.Lines},
			address.Address{CountryCode: "FR", Line1: "1 rue de Rivoli", PostalCode: "75001", Locality: "Paris"}, ErrNotServed},
		{"SKU not sold here", Cart{Market: "de", Currency: "EUR", Lines: []CartLine{{SKU: "KNIFE-CHEF", Quantity: 1}}}, deAddress(), ErrNotSold},
		{"unknown SKU", Cart{Market: "de", Currency: "EUR", Lines: []CartLine{{SKU: "NOPE", Quantity: 1}}}, deAddress(), ErrNotSold},
		{"zero quantity", Cart{Market: "de", Currency: "EUR", Lines: []CartLine{{SKU: "MUG-BLUE", Quantity: 0}}}, deAddress(), ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := de.QuoteAt(t.Context(), at, &tt.cart, tt.to, Customer{})
			if !errors.Is(err, tt.want) {
				t.Errorf("Quote = %v, %v; want %v", q, err, tt.want)
			}
		})
	}
}

// TestMoveCart: moving a cart re-prices every line in the new currency
// and reports what is not sold there; nothing is carried over silently.
func TestMoveCart(t *testing.T) {
	s, _ := exampleStores(t, &StoresOptions{Only: "ch"})
	ch := mustStore(t, s, "ch")
	s2, _ := exampleStores(t, nil)
	de := mustStore(t, s2, "de")
	cart := de.NewCart()
	cart.Lines = []CartLine{{SKU: "MUG-BLUE", Quantity: 1}, {SKU: "TEA-GREEN", Quantity: 2}, {SKU: "SPOON", Quantity: 3}}
	cart.Shipping = "SHIP-STD"
	cart.Discounts = []pricing.Discount{pricing.AmountOff("FIVE", eur("5.00"))}
	moved, report, err := ch.MoveCart(cart, de, at)
	if err != nil {
		t.Fatal(err)
	}
	type change struct {
		SKU      string
		Sold     bool
		From, To string
	}
	var got []change
	for _, l := range report.Lines {
		got = append(got, change{l.SKU, l.Sold, l.From.String(), l.To.String()})
	}
	want := []change{
		{"MUG-BLUE", true, "19.99 EUR", "21.90 CHF"},
		{"TEA-GREEN", false, "4.99 EUR", "0"},
		// From the EUR list: 5.00 × 0.9312 = 4.656 → 4.66 → ending .90 up → 4.90 CHF.
		{"SPOON", true, "5.00 EUR", "4.90 CHF"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("move report (-want +got):\n%s", diff)
	}
	if moved.Market != "ch" || moved.Currency != "CHF" || len(moved.Lines) != 2 || moved.Shipping != "SHIP-STD" || len(moved.Discounts) != 0 {
		t.Errorf("moved cart = %+v", moved)
	}
	if report.Removed != 1 || report.DiscountsDropped != 1 {
		t.Errorf("report = %+v", report)
	}
	// The moved cart quotes in CHF; the original is still refused by ch.
	chAddr := address.Address{CountryCode: "CH", Line1: "Bahnhofstrasse 1", PostalCode: "8001", Locality: "Zürich"}
	if q, err := ch.QuoteAt(t.Context(), at, &moved, chAddr, Customer{}); err != nil || q.Currency != "CHF" {
		t.Errorf("quote of the moved cart = %v, %v", q, err)
	}
	if _, err := ch.QuoteAt(t.Context(), at, &cart, chAddr, Customer{}); !errors.Is(err, ErrWrongMarket) {
		t.Errorf("quote of the unmoved cart = %v, want ErrWrongMarket", err)
	}
}

// recordingFS records every file opened.
type recordingFS struct {
	fs.FS
	mu     sync.Mutex
	opened []string
}

func (r *recordingFS) Open(name string) (fs.File, error) {
	r.mu.Lock()
	r.opened = append(r.opened, name)
	r.mu.Unlock()
	return r.FS.Open(name)
}

func (r *recordingFS) files() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := slices.Clone(r.opened)
	slices.Sort(out)
	return slices.Compact(out)
}

// TestTopologies: one configuration, two topologies. The shared process
// builds every local market; an isolated instance builds one and opens
// only the files its market names.
func TestTopologies(t *testing.T) {
	cfg := decodeFile(t, "markets.json")
	rec := &recordingFS{FS: testFS(t)}
	shared, err := NewStores(t.Context(), cfg, FSLoader(rec), &StoresOptions{At: at})
	if err != nil {
		t.Fatal(err)
	}
	// ch has an origin: the shared process forwards it.
	if diff := cmp.Diff([]string{"at", "de", "fr-be", "us-east"}, shared.IDs()); diff != "" {
		t.Errorf("shared markets (-want +got):\n%s", diff)
	}
	tests := []struct {
		market string
		files  []string
	}{
		{"de", []string{"catalog.jsonl", "prices/eur.json"}},
		{"ch", []string{"catalog.jsonl", "prices/chf.json", "prices/eur.json"}}, // eur is ch's own fallback list
		{"us-east", []string{"catalog.jsonl", "prices/usd.json"}},
	}
	for _, tt := range tests {
		t.Run(tt.market, func(t *testing.T) {
			rec := &recordingFS{FS: testFS(t)}
			iso, err := NewStores(t.Context(), cfg, FSLoader(rec), &StoresOptions{Only: tt.market, At: at})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]string{tt.market}, iso.IDs()); diff != "" {
				t.Errorf("isolated markets (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.files, rec.files()); diff != "" {
				t.Errorf("files opened (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := NewStores(t.Context(), cfg, FSLoader(rec), &StoresOptions{Only: "xx"}); !errors.Is(err, ErrUnknownMarket) {
		t.Errorf("Only unknown market: %v", err)
	}
}

// TestStoresUpdate: a new version rebuilds only the markets whose inputs
// changed; a Store taken before the update keeps working on its version;
// a failing update installs nothing.
func TestStoresUpdate(t *testing.T) {
	fsys := testFS(t)
	cfg := decodeFile(t, "markets.json")
	s, err := NewStores(t.Context(), cfg, FSLoader(fsys), &StoresOptions{At: at})
	if err != nil {
		t.Fatal(err)
	}
	deBefore, atBefore := mustStore(t, s, "de"), mustStore(t, s, "at")

	next := cfg.Clone()
	next.Version = "example-2"
	next.Markets["at"].Flags = map[string]FlagValue{"max_cart_lines": IntFlag(20)}
	rebuilt, err := s.Update(t.Context(), next)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"at"}, rebuilt); diff != "" {
		t.Errorf("rebuilt (-want +got):\n%s", diff)
	}
	if mustStore(t, s, "de") != deBefore {
		t.Error("de was rebuilt although nothing of it changed")
	}
	if mustStore(t, s, "at") == atBefore {
		t.Error("at was not rebuilt")
	}
	if s.Config().Version != "example-2" {
		t.Errorf("config version %s", s.Config().Version)
	}
	// A request that took the old at Store finishes on it.
	cart := atBefore.NewCart()
	cart.Lines = []CartLine{{SKU: "MUG-BLUE", Quantity: 1}}
	atAddr := address.Address{CountryCode: "AT", Line1: "Ring 1", PostalCode: "1010", Locality: "Wien"}
	if _, err := atBefore.QuoteAt(t.Context(), at, &cart, atAddr, Customer{}); err != nil {
		t.Errorf("old store after update: %v", err)
	}

	// A price change rebuilds the markets of that list only.
	fsys["prices/usd.json"] = &fstest.MapFile{Data: []byte(`{"currency":"USD","entries":[{"sku":"MUG-BLUE","price":{"amount":"22.00","currency":"USD"}}]}`)}
	rebuilt, err = s.Update(t.Context(), next)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"us-east"}, rebuilt); diff != "" {
		t.Errorf("rebuilt after a USD price change (-want +got):\n%s", diff)
	}

	// A broken price file: the update fails and the previous version stays.
	fsys["prices/eur.json"] = &fstest.MapFile{Data: []byte(`{"currency":"EUR","entries":[{"sku":"MUG-BLUE","prize":{}}]}`)}
	bad := next.Clone()
	bad.Version = "example-3"
	if _, err := s.Update(t.Context(), bad); !errors.Is(err, ErrUnknownField) {
		t.Errorf("update with a broken price file = %v, want ErrUnknownField", err)
	}
	if s.Config().Version != "example-2" {
		t.Errorf("a failed update installed version %s", s.Config().Version)
	}
}

func TestNilReceivers(t *testing.T) {
	for name, f := range map[string]func(){
		"*Store":  func() { var s *Store; s.List(catalog.Query{}) },
		"*Stores": func() { var s *Stores; s.Store("de") },
		"*Cache":  func() { var c *Cache; c.Config() },
	} {
		func() {
			defer func() {
				if r := recover(); r != "store: nil "+name {
					t.Errorf("nil %s: panic %v", name, r)
				}
			}()
			f()
		}()
	}
}

// TestQuoteIntoReuse: a reused Quote gives the same result as a new one
// and does not allocate, for the same cart or carts in turn; its texts,
// appended to a buffer, do not allocate either.
func TestQuoteIntoReuse(t *testing.T) {
	s, _ := exampleStores(t, nil)
	de := mustStore(t, s, "de")
	cart := de.NewCart()
	cart.Lines = []CartLine{{SKU: "MUG-BLUE", Quantity: 2}, {SKU: "TEA-GREEN", Quantity: 10}, {SKU: "BOOK-GO", Quantity: 1}}
	cart.Shipping = "SHIP-STD"
	cart.Discounts = []pricing.Discount{pricing.PercentOff("WELCOME10", pricing.MustParsePercent("10"))}
	want, err := de.QuoteAt(t.Context(), at, &cart, deAddress(), Customer{})
	if err != nil {
		t.Fatal(err)
	}
	var q Quote
	other := de.NewCart()
	other.Lines = []CartLine{{SKU: "SPOON", Quantity: 1}}
	for _, c := range []*Cart{&other, &cart} {
		if err := de.QuoteInto(t.Context(), &q, at, c, deAddress(), Customer{}); err != nil {
			t.Fatal(err)
		}
	}
	if diff := cmp.Diff(want, &q, cmpMoney, cmp.AllowUnexported(Quote{}), cmpopts.IgnoreFields(Quote{}, "by", "skus")); diff != "" {
		t.Errorf("reused quote (-new +reused):\n%s", diff)
	}
	if q.by != de || want.by != de {
		t.Errorf("quotes made by %p and %p, want de %p", want.by, q.by, de)
	}
	if raceEnabled {
		return
	}
	n := testing.AllocsPerRun(50, func() {
		if err := de.QuoteInto(t.Context(), &q, at, &cart, deAddress(), Customer{}); err != nil {
			t.Fatal(err)
		}
	})
	if n != 0 {
		t.Errorf("QuoteInto of the same cart with a reused Quote allocates %v times, want 0 (every text is the one shown before)", n)
	}
	changed := cart
	changed.Lines = slices.Clone(cart.Lines)
	changed.Lines[0].Quantity++
	i := 0
	n = testing.AllocsPerRun(50, func() {
		c := &cart
		if i++; i%2 == 0 {
			c = &changed
		}
		if err := de.QuoteInto(t.Context(), &q, at, c, deAddress(), Customer{}); err != nil {
			t.Fatal(err)
		}
	})
	if n != 0 {
		t.Errorf("QuoteInto of alternating carts with a reused Quote allocates %v times, want 0 (texts are written on demand)", n)
	}
	// Every text a cart page shows, appended to a reused buffer: once the
	// Store remembers them, no allocation.
	var buf []byte
	texts := func() {
		buf = buf[:0]
		for _, m := range []pricing.Money{q.Subtotal, q.Discount, q.Shipping, q.Net, q.Tax, q.Gross} {
			buf = q.AppendFormat(buf, m)
		}
		for i := range q.Lines {
			buf = q.AppendFormat(q.AppendFormat(buf, q.Lines[i].Unit), q.Lines[i].Gross)
		}
		for i := range q.Rates {
			buf = q.AppendFormat(q.AppendFormat(append(buf, q.Rates[i].Percent...), q.Rates[i].Base), q.Rates[i].Tax)
		}
	}
	texts()
	if n := testing.AllocsPerRun(50, texts); n != 0 {
		t.Errorf("AppendFormat of every text into a reused buffer allocates %v times, want 0", n)
	}
	quoteTexts(&q)                                                        // the Store remembers them all
	if n := testing.AllocsPerRun(50, func() { quoteTexts(&q) }); n != 1 { // the slice of quoteTexts
		t.Errorf("Format of every remembered text allocates %v times, want 1 (quoteTexts's slice)", n)
	}
}

// TestCacheDrivesStores: a new configuration version served by the cache
// reaches the Stores through Watch, rebuilding the market it changed.
func TestCacheDrivesStores(t *testing.T) {
	cfg := decodeFile(t, "markets.json")
	var mu sync.Mutex
	doc, _ := json.Marshal(cfg)
	src := SourceFunc(func(ctx context.Context, etag string) (Document, error) {
		mu.Lock()
		defer mu.Unlock()
		return Document{Data: doc, ETag: contentTag(doc)}, nil
	})
	cache, err := NewCache(t.Context(), src, &CacheOptions{TTL: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	defer cache.Close()
	stores, err := NewStores(t.Context(), cache.Config(), FSLoader(testFS(t)), &StoresOptions{At: at})
	if err != nil {
		t.Fatal(err)
	}
	var rebuilt []string
	stop := cache.Watch(func(_, cfg *Config) {
		r, err := stores.Update(context.Background(), cfg)
		if err != nil {
			t.Error(err)
		}
		rebuilt = append(rebuilt, r...)
	})
	next := cfg.Clone()
	next.Version = "example-2"
	next.Markets["fr-be"].Locales = []string{"fr-BE", "nl-BE", "en-BE"}
	mu.Lock()
	doc, _ = json.Marshal(next)
	mu.Unlock()
	if err := cache.Refresh(t.Context()); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"fr-be"}, rebuilt); diff != "" {
		t.Errorf("rebuilt (-want +got):\n%s", diff)
	}
	if stores.Config().Version != "example-2" {
		t.Errorf("stores serve %s", stores.Config().Version)
	}
	stop()
	next.Version = "example-3"
	mu.Lock()
	doc, _ = json.Marshal(next)
	mu.Unlock()
	if err := cache.Refresh(t.Context()); err != nil {
		t.Fatal(err)
	}
	if stores.Config().Version != "example-2" {
		t.Error("a stopped watcher was still called")
	}
}

// TestFallbackLocale: a market's fallback_locale fills the names its
// locales lack (it was checked but not applied: es-US pages listed
// products without names), per market, so two markets sharing one
// catalog file can fall back differently.
func TestFallbackLocale(t *testing.T) {
	for _, tt := range []struct {
		fallback string
		want     []string
	}{
		{"en", []string{"Blue mug", "Red mug"}},
		{"fr", []string{"Tasse bleue", "Tasse rouge"}},
	} {
		cfg := decodeFile(t, "markets.json")
		m := cfg.Markets["at"]
		m.Locales = append(m.Locales, "pl-AT") // no Polish content in the catalog
		m.FallbackLocale = tt.fallback
		if r := Check(cfg, &CheckOptions{Date: checkDate, Prices: testPrices(t), Catalog: NewCatalogView(testCatalog(t), cfg)}); r.Err() != nil {
			t.Fatalf("fallback %s: %v", tt.fallback, r.Err())
		}
		s, err := NewStores(t.Context(), cfg, FSLoader(testFS(t)), &StoresOptions{At: at})
		if err != nil {
			t.Fatal(err)
		}
		names := func(id, tag string) []string {
			l, err := mustStore(t, s, id).List(catalog.Query{Category: "mugs", At: at, Locale: language.MustParse(tag)})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, it := range l.Items {
				got = append(got, it.Name)
			}
			slices.Sort(got)
			return got
		}
		if diff := cmp.Diff(tt.want, names("at", "pl-AT")); diff != "" {
			t.Errorf("fallback %s: at in pl-AT (-want +got):\n%s", tt.fallback, diff)
		}
		// de shares the catalog file but keeps its own fallback (en), and
		// its own languages are untouched.
		if diff := cmp.Diff([]string{"Blaue Tasse", "Rote Tasse"}, names("de", "de-DE")); diff != "" {
			t.Errorf("fallback %s: de in de-DE (-want +got):\n%s", tt.fallback, diff)
		}
	}
}
