package store

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/marketkit/marketkit/catalog"
	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/tax"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

var checkDate = locale.MustParseDate("2026-12-04")

func testCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	f, err := os.Open("testdata/catalog.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := catalog.ReadJSONL(f)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.New(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func testPrices(t testing.TB) *PriceData {
	t.Helper()
	b, err := os.ReadFile("testdata/prices.json")
	if err != nil {
		t.Fatal(err)
	}
	p, err := DecodePrices(b)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func decodeFile(t testing.TB, path string) *Config {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCheckExampleIsClean(t *testing.T) {
	c := decodeFile(t, "markets.json")
	r := Check(c, &CheckOptions{Date: checkDate, Prices: testPrices(t), Catalog: NewCatalogView(testCatalog(t), c)})
	if len(r.Problems) != 0 {
		var b bytes.Buffer
		r.WriteText(&b)
		t.Errorf("the example configuration has problems:\n%s", b.String())
	}
	if r.Markets != 5 || r.Products == 0 {
		t.Errorf("checked %d markets and %d products", r.Markets, r.Products)
	}
	if err := r.Err(); err != nil {
		t.Errorf("Err() = %v", err)
	}
}

// TestCheckGolden checks a configuration with one of each problem (at
// least) and compares the report with testdata/broken.golden.
func TestCheckGolden(t *testing.T) {
	c := decodeFile(t, "testdata/broken.json")
	r := Check(c, &CheckOptions{Date: checkDate, Prices: testPrices(t), Catalog: NewCatalogView(testCatalog(t), c)})
	var b bytes.Buffer
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "testdata/broken.golden", b.Bytes())

	// Every code Check documents appears, except unknown-address: the
	// address metadata covers every ISO 3166-1 country, so no valid
	// country lacks a format.
	var codes []string
	for _, p := range r.Problems {
		if !slices.Contains(codes, p.Code) {
			codes = append(codes, p.Code)
		}
	}
	for _, want := range []string{"market-id", "default-market", "unknown-country", "subdivision", "unknown-currency",
		"foreign-currency", "locale", "tax-origin", "no-tax-rate", "registration", "path", "path-overlap", "host",
		"group", "flag", "time-zone", "maintenance", "tax-class", "origin", "residency-shared", "database", "price-list",
		"no-price", "missing-translation", "fallback-translation"} {
		if !slices.Contains(codes, want) {
			t.Errorf("no %s problem in the report", want)
		}
	}
	// Each problem names its market, field and value; errors are
	// inspectable.
	for _, p := range r.Problems {
		if p.Field == "" || p.Message == "" || p.Err == nil {
			t.Errorf("incomplete problem %+v", p)
		}
		if p.Market != "" && !strings.HasPrefix(p.Field, "markets."+p.Market) {
			t.Errorf("problem of market %s has field %s", p.Market, p.Field)
		}
	}
	err := r.Err()
	if !errors.Is(err, locale.ErrUnknownCurrency) || !errors.Is(err, tax.ErrNoTaxRate) || !errors.Is(err, pricing.ErrNoPrice) {
		t.Errorf("Err() does not wrap the sentinels: %v", err)
	}
	if got := len(Errors(err)); got != r.Errors() {
		t.Errorf("Errors(Err()) = %d, report has %d errors", got, r.Errors())
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s (-want +got):\n%s", path, diff)
	}
}

// TestCheckNextRateChange: a rate the data ends without a successor is
// reported on the first day it no longer applies, not only on the
// check date.
func TestCheckNextRateChange(t *testing.T) {
	def := tax.BuiltinDefinition()
	found := false
	for i := range def.Types {
		if def.Types[i].ID != "de_vat" {
			continue
		}
		for j := range def.Types[i].Rates {
			r := &def.Types[i].Rates[j]
			if r.Category != tax.Reduced {
				continue
			}
			for k := range r.Amounts {
				if r.Amounts[k].To == "" {
					r.Amounts[k].To = "2027-06-30"
					found = true
				}
			}
		}
	}
	if !found {
		t.Fatal("no open-ended reduced rate of de_vat in the built-in definition")
	}
	data, err := tax.Build(def)
	if err != nil {
		t.Fatal(err)
	}
	c := decodeFile(t, "markets.json")
	r := Check(c, &CheckOptions{Date: checkDate, Tax: data})
	var got []string
	for _, p := range r.Problems {
		got = append(got, p.Market+" "+p.Code+" "+p.Value)
	}
	if len(got) == 0 {
		t.Fatal("no problem reported for a reduced rate that ends on 2027-06-30")
	}
	for _, g := range got {
		if !strings.Contains(g, "no-tax-rate") || !strings.Contains(g, "2027-07-01") {
			t.Errorf("unexpected problem %q", g)
		}
	}
	if !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "de no-tax-rate books in DE on 2027-07-01") }) {
		t.Errorf("market de's books in DE on 2027-07-01 not reported; got %q", got)
	}
}

func TestCheckNil(t *testing.T) {
	r := Check(nil, nil)
	if r.Errors() != 1 {
		t.Errorf("Check(nil) = %+v", r)
	}
}

// TestCheckFallbackPrices: in a market with a fallback list, a SKU is
// priced when its own list or the fallback prices it, and reported when
// neither does.
func TestCheckFallbackPrices(t *testing.T) {
	c := decodeFile(t, "markets.json")
	prices := testPrices(t)
	eur := prices.Lists["eur"]
	eur.Entries = slices.DeleteFunc(slices.Clone(eur.Entries), func(e pricing.PriceEntry) bool { return e.SKU == "SPOON" })
	prices.Lists["eur"] = eur
	r := Check(c, &CheckOptions{Date: checkDate, Prices: prices, Catalog: NewCatalogView(testCatalog(t), c)})
	var got []string
	for _, p := range r.Problems {
		got = append(got, p.Market+" "+p.Code+" "+p.Message)
	}
	want := []string{
		"at no-price pricing: no price: 1 available SKUs have no price in list eur: SPOON",
		"ch no-price pricing: no price: 1 available SKUs have no price in list chf: SPOON", // neither chf nor its fallback eur
		"de no-price pricing: no price: 1 available SKUs have no price in list eur: SPOON",
		"fr-be no-price pricing: no price: 1 available SKUs have no price in list eur: SPOON",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	// MUG-BLUE is in chf itself; TEA-GREEN is not sold in ch: no problem
	// for either, which the list above already shows.
}

// TestCatalogViewOtherConfig: a view answers only for the markets of the
// configuration it was built for.
func TestCatalogViewOtherConfig(t *testing.T) {
	c := decodeFile(t, "markets.json")
	other := c.Clone()
	delete(other.Markets, "de")
	view := NewCatalogView(testCatalog(t), other)
	err := view.Products(c.Markets["de"], at, func(CheckedProduct) bool { return true })
	if !errors.Is(err, ErrUnknownMarket) {
		t.Errorf("Products of a market the view does not know = %v, want ErrUnknownMarket", err)
	}
}
