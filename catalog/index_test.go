package catalog_test

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/catalog"
	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/pricing"
)

func TestCursors(t *testing.T) {
	w := smallWorld()
	m := w.markets[3]
	q := catalog.Query{Market: m.ID, Sort: catalog.SortPrice, Limit: 7}
	res, err := w.ix.Search(q)
	if err != nil || res.Next == "" {
		t.Fatalf("first page: %v %q", err, res.Next)
	}
	bad := map[string]string{
		"truncated": res.Next[:len(res.Next)-1],
		"forged":    flip(res.Next, 5),
		"mac":       flip(res.Next, len(res.Next)-2),
		"garbage":   "!!!!",
		"empty mac": res.Next[:30],
		"too long":  strings.Repeat("A", catalog.MaxCursorBytes+1),
	}
	for name, c := range bad {
		t.Run(name, func(t *testing.T) {
			q := q
			q.Cursor = c
			if _, err := w.ix.Search(q); !errors.Is(err, catalog.ErrCursor) || errors.Is(err, catalog.ErrCursorExpired) {
				t.Fatalf("err = %v, want ErrCursor", err)
			}
		})
	}
	// Another query, or another market, refuses the cursor.
	for name, other := range map[string]catalog.Query{
		"category": {Market: m.ID, Sort: catalog.SortPrice, Category: "c1", Cursor: res.Next},
		"sort":     {Market: m.ID, Sort: catalog.SortName, Cursor: res.Next},
		"market":   {Market: w.markets[4].ID, Sort: catalog.SortPrice, Cursor: res.Next},
	} {
		if _, err := w.ix.Search(other); !errors.Is(err, catalog.ErrCursor) {
			t.Errorf("%s: err = %v, want ErrCursor", name, err)
		}
	}
	// A new index build: its own Search says expired, a Live continues the
	// old one.
	ix2, err := catalog.NewIndex(w.cat, w.markets, w.price, nil)
	if err != nil {
		t.Fatal(err)
	}
	q2 := q
	q2.Cursor = res.Next
	if _, err := ix2.Search(q2); !errors.Is(err, catalog.ErrCursorExpired) || !errors.Is(err, catalog.ErrCursor) {
		t.Fatalf("other build: err = %v, want ErrCursorExpired", err)
	}
	var live catalog.Live
	live.Publish(w.ix)
	live.Publish(ix2)
	page2, err := live.Search(q2)
	if err != nil {
		t.Fatalf("Live with the old index retained: %v", err)
	}
	direct, _ := w.ix.Search(q2)
	if diff := cmp.Diff(direct.Items, page2.Items, cmpOpts...); diff != "" {
		t.Errorf("Live continuation differs from the issuing index (-want +got):\n%s", diff)
	}
	for range catalog.DefaultRetain {
		ix3, _ := catalog.NewIndex(w.cat, w.markets, w.price, nil)
		live.Publish(ix3)
	}
	if _, err := live.Search(q2); !errors.Is(err, catalog.ErrCursorExpired) {
		t.Fatalf("after the old index left: err = %v, want ErrCursorExpired", err)
	}
}

func flip(s string, i int) string {
	b := []byte(s)
	if b[i] == 'A' {
		b[i] = 'B'
	} else {
		b[i] = 'A'
	}
	return string(b)
}

// Readers keep searching while new indexes are published.
func TestLiveConcurrent(t *testing.T) {
	w := smallWorld()
	var live catalog.Live
	live.Publish(w.ix)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 4 {
		wg.Go(func() {
			q := catalog.Query{Market: w.markets[0].ID, Sort: catalog.SortName, Limit: 10}
			for {
				select {
				case <-stop:
					return
				default:
				}
				res, err := live.Search(q)
				if err != nil {
					t.Error(err)
					return
				}
				q.Cursor = res.Next
			}
		})
	}
	for range 3 {
		ix, err := catalog.NewIndex(w.cat, w.markets[:4], w.price, nil)
		if err != nil {
			t.Fatal(err)
		}
		live.Publish(ix)
	}
	close(stop)
	wg.Wait()
}

func TestAvailability(t *testing.T) {
	zone, _ := time.LoadLocation("America/New_York")
	east := catalog.Market{ID: "us-east", Countries: []string{"us"}, Subdivisions: []string{"US-NY", "us-nj"}, TimeZone: zone,
		DefaultLocale: language.AmericanEnglish, Currency: "USD", Flags: []string{"alcohol"}}
	all := catalog.Market{ID: "us", Countries: []string{"US"}, DefaultLocale: language.AmericanEnglish, Currency: "usd"}
	at := time.Date(2026, 11, 27, 8, 0, 0, 0, zone)
	tests := []struct {
		name string
		a    catalog.Availability
		m    catalog.Market
		want string
	}{
		{"default", catalog.Availability{}, east, "available (default)"},
		{"excluded market", catalog.Availability{ExcludeMarkets: []string{"us-east"}}, east, `unavailable (exclude-markets): exclude_markets lists market "us-east"`},
		{"not included", catalog.Availability{Markets: []string{"us"}}, east, `unavailable (markets): markets does not list market "us-east"`},
		{"subdivision excluded", catalog.Availability{ExcludeCountries: []string{"US-NJ"}}, east, `unavailable (exclude-countries): market "us-east" serves US-NJ, which exclude_countries excludes (US-NJ)`},
		{"part of a whole country excluded", catalog.Availability{ExcludeCountries: []string{"us-ny"}}, all, `unavailable (exclude-countries): market "us" serves US, which exclude_countries excludes (US-NY)`},
		{"country covers subdivisions", catalog.Availability{Countries: []string{"US"}}, east, "available (default)"},
		{"one subdivision does not cover the market", catalog.Availability{Countries: []string{"US-NY"}}, east, `unavailable (countries): market "us-east" serves US-NJ, which countries does not cover (US-NY)`},
		{"forbidden flag", catalog.Availability{ForbidFlags: []string{"alcohol"}}, east, `unavailable (forbid-flags): market "us-east" has flag "alcohol", which forbid_flags lists`},
		{"required flag", catalog.Availability{RequireFlags: []string{"alcohol"}}, all, `unavailable (require-flags): market "us" lacks flag "alcohol", which require_flags lists`},
		{"before the window (market zone)", catalog.Availability{From: "2026-11-27T09:00"}, east, `unavailable (sale-window): not on sale before 2026-11-27 09:00 EST in market "us-east"`},
		{"in the window", catalog.Availability{From: "2026-11-27T08:00", Until: "2026-11-27"}, east, "available (default)"},
		{"after the window", catalog.Availability{Until: "2026-11-26"}, east, `unavailable (sale-window): sale ended 2026-11-27 00:00 EST in market "us-east"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := catalog.New(catalog.Data{Version: "v", Products: []catalog.Product{{ID: "p", TaxClass: "standard",
				Content: map[language.Tag]catalog.Content{language.English: {Name: "P"}}, Availability: tt.a}}}, nil)
			if err != nil {
				t.Fatal(err)
			}
			d, err := c.ExplainAvailability("p", tt.m, at)
			if err != nil {
				t.Fatal(err)
			}
			if got := d.String(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			ok, _ := c.Available("p", tt.m, at)
			if ok != d.Available {
				t.Errorf("Available = %v, Explain says %v", ok, d.Available)
			}
		})
	}
}

type noMugsOnSunday struct{}

func (noMugsOnSunday) Name() string { return "no-mugs-on-sunday" }
func (noMugsOnSunday) Allow(p catalog.ProductInfo, m catalog.Market, at time.Time) (bool, string) {
	if p.InCategory("mugs") && at.Weekday() == time.Sunday {
		return false, "no mugs on Sunday"
	}
	return true, ""
}

func TestHostRuleAndIndexWindows(t *testing.T) {
	d := loadSample().Data()
	c, err := catalog.New(d, &catalog.Options{LastResort: language.English, Rules: []catalog.Rule{noMugsOnSunday{}}})
	if err != nil {
		t.Fatal(err)
	}
	sunday := time.Date(2026, 12, 6, 12, 0, 0, 0, zurich)
	dec, _ := c.ExplainAvailability("mug-classic", marketCH, sunday)
	if got, want := dec.String(), `unavailable (host "no-mugs-on-sunday"): no mugs on Sunday`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	// The index checks sale windows per query, in the market's zone.
	ix, err := catalog.NewIndex(loadSample(), []catalog.Market{marketCH}, examplePrice, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		at   time.Time
		want bool
	}{
		{time.Date(2026, 11, 14, 23, 59, 0, 0, zurich), false},
		{time.Date(2026, 11, 15, 0, 0, 0, 0, zurich), true},
		{time.Date(2026, 12, 26, 23, 59, 0, 0, zurich), true},
		{time.Date(2026, 12, 27, 0, 0, 0, 0, zurich), false},
	} {
		res, err := ix.Search(catalog.Query{Market: "ch", Text: "Weihnachtstasse", At: tc.at})
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Total == 1; got != tc.want {
			t.Errorf("at %v: listed = %v, want %v", tc.at, got, tc.want)
		}
	}
}

func TestLocalize(t *testing.T) {
	c := loadSample()
	l, err := c.Localize("mug-classic", language.MustParse("de-CH"))
	if err != nil {
		t.Fatal(err)
	}
	want := "name: de (fallback from de-CH)\ndescription: en (last resort)\nslug: de (fallback from de-CH)"
	if got := l.Explain(); got != want {
		t.Errorf("Explain:\n%s\nwant\n%s", got, want)
	}
	if l.Name != "Klassische Tasse" || l.Description != "A stoneware mug." {
		t.Errorf("Localize = %+v", l)
	}
	if !c.HasTranslation("mug-classic", language.MustParse("de-CH")) || c.HasTranslation("mug-espresso", language.MustParse("de-CH")) {
		t.Error("HasTranslation wrong")
	}
	miss, err := c.MissingContent(marketNO)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range miss {
		if m.Kind == "product" && m.Field == catalog.FieldName {
			names = append(names, m.ID+"←"+m.ServedBy.String())
		}
	}
	// Norway may sell everything but the knife and the wine; nb lacks these names.
	if diff := cmp.Diff([]string{"mug-classic←en", "mug-espresso←en"}, names); diff != "" {
		t.Errorf("missing names (-want +got):\n%s", diff)
	}
}

func TestNewIndexErrors(t *testing.T) {
	c := loadSample()
	_, err := catalog.NewIndex(c, []catalog.Market{marketCH}, func(m, id string) (pricing.Money, bool) {
		if id == "mug-travel" {
			return pricing.Money{}, false
		}
		if id == "wine-red" {
			return pricing.MustParseMoney("18.50", "EUR"), true
		}
		return examplePrice(m, id)
	}, nil)
	for _, want := range []error{catalog.ErrNoPrice, pricing.ErrCurrencyMismatch} {
		if !errors.Is(err, want) {
			t.Errorf("err = %v, want %v", err, want)
		}
	}
	bad := marketCH
	bad.Currency = "XYZ"
	if _, err := catalog.NewIndex(c, []catalog.Market{bad}, examplePrice, nil); !errors.Is(err, locale.ErrUnknownCurrency) {
		t.Errorf("err = %v, want ErrUnknownCurrency", err)
	}
	bad = marketCH
	bad.Countries = []string{" CH"}
	if _, err := catalog.NewIndex(c, []catalog.Market{bad}, examplePrice, nil); !errors.Is(err, locale.ErrUnknownCountry) || !strings.Contains(err.Error(), `countries[0] " CH"`) {
		t.Errorf("err = %v, want ErrUnknownCountry naming the country", err)
	}
}

// The forward-index facet counts equal one AndCardinality per value.
func TestFacetsAgreeWithAndCardinality(t *testing.T) {
	w := smallWorld()
	for i, q := range []catalog.Query{
		{Market: w.markets[0].ID, Facets: []string{"color", "size", "material", "brand", "eco"}},
		{Market: w.markets[1].ID, Category: "c2", Filters: []catalog.Filter{{Attribute: "size", Values: []string{"s1", "s2"}}, {Attribute: "eco", Values: []string{"true"}}},
			Facets: []string{"color", "size", "eco"}},
	} {
		res, err := w.ix.Search(q)
		if err != nil {
			t.Fatal(err)
		}
		want, err := catalog.AndCardinalityFacets(w.ix, q)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]map[string]int{}
		for _, f := range res.Facets {
			got[f.Attribute] = map[string]int{}
			for _, v := range f.Values {
				if v.Count > 0 {
					got[f.Attribute][v.Value] = v.Count
				}
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("query %d (-AndCardinality +forward):\n%s", i, diff)
		}
	}
}

func TestEnumText(t *testing.T) {
	for _, k := range []catalog.RuleKind{catalog.RuleExcludeMarkets, catalog.RuleHost, catalog.RuleDefault} {
		b, err := k.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back catalog.RuleKind
		if err := back.UnmarshalText(b); err != nil || back != k {
			t.Errorf("RuleKind %v round trip = %v, %v", k, back, err)
		}
	}
	for _, k := range []catalog.SortKey{catalog.SortRank, catalog.SortPrice, catalog.SortPriceDesc, catalog.SortName, catalog.SortNewest} {
		b, err := k.AppendText([]byte("x"))
		if err != nil || string(b) != "x"+k.String() {
			t.Errorf("SortKey %v AppendText = %q, %v", k, b, err)
		}
		if back, err := catalog.ParseSortKey(k.String()); err != nil || back != k {
			t.Errorf("ParseSortKey(%q) = %v, %v", k.String(), back, err)
		}
	}
	if _, err := catalog.SortKey(9).MarshalText(); !errors.Is(err, catalog.ErrInvalid) {
		t.Errorf("invalid SortKey marshals: %v", err)
	}
	if _, err := catalog.ParseRuleKind("Exclude-Countries"); !errors.Is(err, catalog.ErrInvalid) {
		t.Errorf("ParseRuleKind accepts another case: %v", err)
	}
	if got := catalog.AttributeKind(0).String(); got != "AttributeKind(0)" {
		t.Errorf("zero AttributeKind = %q", got)
	}
}

func TestNilPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"catalog: nil *Catalog":      func() { (*catalog.Catalog)(nil).Len() },
		"catalog: nil *Index":        func() { _, _ = (*catalog.Index)(nil).Search(catalog.Query{}) },
		"catalog: nil *Live":         func() { (*catalog.Live)(nil).Index() },
		"catalog: nil *MemorySource": func() { _, _ = (*catalog.MemorySource)(nil).Load(t.Context()) },
	} {
		func() {
			defer func() {
				if r := recover(); r != name {
					t.Errorf("panic = %v, want %q", r, name)
				}
			}()
			f()
		}()
	}
}

// MarketView gives the same answers as Catalog.Available.
func TestMarketView(t *testing.T) {
	c := loadSample()
	at := time.Date(2026, 12, 1, 12, 0, 0, 0, oslo)
	for _, m := range []catalog.Market{marketCH, marketNO} {
		v, err := c.ForMarket(m)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, id := range c.IDs() {
			ok, err := c.Available(id, m, at)
			if err != nil {
				t.Fatal(err)
			}
			got, err := v.Available(id, at)
			if err != nil || got != ok {
				t.Errorf("%s %s: view %v, catalog %v (%v)", m.ID, id, got, ok, err)
			}
			if ok {
				want = append(want, id)
			}
		}
		if diff := cmp.Diff(want, v.AvailableIDs(at)); diff != "" {
			t.Errorf("%s AvailableIDs (-want +got):\n%s", m.ID, diff)
		}
	}
	if _, err := c.ForMarket(catalog.Market{ID: "x"}); !errors.Is(err, catalog.ErrMissing) {
		t.Errorf("ForMarket(no countries) = %v", err)
	}
}
