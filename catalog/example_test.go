package catalog_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/catalog"
	"github.com/marketkit/marketkit/pricing"
)

// The markets of the examples.
var (
	zurich, _ = time.LoadLocation("Europe/Zurich")
	oslo, _   = time.LoadLocation("Europe/Oslo")

	marketCH = catalog.Market{ID: "ch", Countries: []string{"CH", "LI"}, Flags: []string{"alcohol-licence"},
		TimeZone: zurich, DefaultLocale: language.MustParse("de-CH"),
		Locales: []language.Tag{language.MustParse("fr-CH"), language.MustParse("it-CH")}, Currency: "CHF"}
	marketNO = catalog.Market{ID: "no", Countries: []string{"NO"}, TimeZone: oslo,
		DefaultLocale: language.MustParse("nb-NO"), Currency: "NOK"}
)

// examplePrices are the markets' display prices (from package pricing in a
// real store).
var examplePrices = map[string]map[string]string{
	"ch": {"mug-classic": "14.90", "mug-espresso": "9.50", "mug-travel": "24.00", "knife-chef": "79.00", "wine-red": "18.50", "mug-xmas": "12.00"},
	"no": {"mug-classic": "149", "mug-espresso": "99", "mug-travel": "249", "knife-chef": "790", "wine-red": "199", "mug-xmas": "129"},
}

func examplePrice(market, id string) (pricing.Money, bool) {
	s, ok := examplePrices[market][id]
	if !ok {
		return pricing.Money{}, false
	}
	cur := map[string]string{"ch": "CHF", "no": "NOK"}[market]
	return pricing.MustParseMoney(s, cur), true
}

func loadSample() *catalog.Catalog {
	f, err := os.Open("testdata/sample.jsonl")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	d, err := catalog.ReadJSONL(f)
	if err != nil {
		panic(err)
	}
	c, err := catalog.New(d, &catalog.Options{LastResort: language.English})
	if err != nil {
		panic(err)
	}
	return c
}

// Load a small catalog from JSON Lines.
func ExampleReadJSONL() {
	f, _ := os.Open("testdata/sample.jsonl")
	defer f.Close()
	d, err := catalog.ReadJSONL(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := catalog.New(d, &catalog.Options{LastResort: language.English})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Version(), c.Len(), "products")

	// A bad line is reported with its number and field; the good ones are kept.
	in := `{"type":"catalog","version":"v1"}
{"type":"product","id":"p1","tax_class":"standard","content":{"en":{"name":"One"}}}
{"type":"product","id":"p2","tax_clas":"standard"}
`
	d, err = catalog.ReadJSONL(strings.NewReader(in))
	fmt.Println(len(d.Products), "good;", err)
	// Output:
	// 2026-12-04.1 6 products
	// 1 good; catalog: ReadJSONL: line 3: tax_clas "tax_clas": invalid value: unknown field
}

// List what is for sale in Switzerland, in French, sorted by price, with
// facets.
func ExampleIndex_Search() {
	c := loadSample()
	ix, err := catalog.NewIndex(c, []catalog.Market{marketCH, marketNO}, examplePrice, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := ix.Search(catalog.Query{
		Market: "ch", Locale: language.MustParse("fr-CH"), Sort: catalog.SortPrice,
		Facets: []string{"color", "dishwasher"},
		At:     time.Date(2026, 12, 1, 12, 0, 0, 0, zurich),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, it := range res.Items {
		fmt.Printf("%-18s %s\n", it.Name, it.Price)
	}
	for _, f := range res.Facets {
		fmt.Printf("%s:", f.Label)
		for _, v := range f.Values {
			fmt.Printf(" %s (%d)", v.Label, v.Count)
		}
		fmt.Println()
	}
	// Output:
	// Tasse à espresso   9.50 CHF
	// Tasse de Noël      12.00 CHF
	// Tasse classique    14.90 CHF
	// Vin rouge          18.50 CHF
	// Mug de voyage      24.00 CHF
	// Couteau de chef    79.00 CHF
	// Couleur: Rouge (2) Bleu (2) Blanc (2)
	// Va au lave-vaisselle: true (3) false (2)
}

// Explain why a product is not for sale in Norway.
func ExampleCatalog_ExplainAvailability() {
	c := loadSample()
	at := time.Date(2026, 12, 1, 12, 0, 0, 0, oslo)
	for _, id := range []string{"knife-chef", "wine-red", "mug-classic"} {
		d, err := c.ExplainAvailability(id, marketNO, at)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(id+":", d)
	}
	// Output:
	// knife-chef: unavailable (exclude-countries): market "no" serves NO, which exclude_countries excludes (NO)
	// wine-red: unavailable (require-flags): market "no" lacks flag "alcohol-licence", which require_flags lists
	// mug-classic: available (default)
}
