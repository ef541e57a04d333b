package peercompare

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"testing/fstest"
	"time"
)

// Shape of the peer's catalog (shared/reference/peers/vendure/RESULTS.md).
const (
	Categories = 20 // collections of exactly Products/Categories products each
	Brands     = 10
	Colors     = 8
)

// materials are the peer's description words; "steel" is what its term
// case searches for.
var materials = []string{"steel", "oak", "linen", "wool", "glass", "cotton", "clay", "brass"}

var nouns = []string{"Lamp", "Chair", "Table", "Mug", "Bowl", "Shelf", "Vase", "Rug", "Clock", "Stool"}
var adjectives = []string{"Classic", "Modern", "Rustic", "Compact", "Grand", "Nordic", "Urban", "Quiet"}

// Config returns the market configuration: the storefront's us-east (USD,
// prices net of tax) and de (EUR, prices include tax) markets, nothing
// else, with their orders in dir.
func Config(dir string) []byte {
	return fmt.Appendf(nil, `{
  "version": "peer-10k",
  "default_market": "de",
  "database": {"dsn": %q},
  "groups": {
    "eu": {"name": "European Union", "root": "redirect"},
    "na": {"name": "North America", "root": "suggest"}
  },
  "markets": {
    "de": {
      "name": "Deutschland", "path": "/de", "group": "eu", "countries": ["DE"], "currency": "EUR",
      "default_locale": "de-DE", "locales": ["de-DE", "en-DE"], "fallback_locale": "en",
      "time_zone": "Europe/Berlin", "residency": "eu", "prices": {"list": "eur"},
      "tax": {"mode": "half-up", "prices_include_tax": true, "origin": {"country": "DE", "postal_code": "10115"}}
    },
    "us-east": {
      "name": "United States (East)", "path": "/us-east", "group": "na", "countries": ["US"], "currency": "USD",
      "subdivisions": ["US-NY"], "default_locale": "en-US", "locales": ["en-US"], "fallback_locale": "en",
      "time_zone": "America/New_York", "residency": "us", "prices": {"list": "usd"},
      "tax": {"mode": "half-up", "prices_include_tax": false, "origin": {"country": "US", "postal_code": "10001", "region": "US-NY"}}
    }
  }
}
`, dir+"/{market}.db")
}

// Generate returns the data tree the storefront reads (catalog.jsonl and
// prices/usd.json, prices/eur.json) for n products, the same for the same
// n: product i is in category i mod 20, so each category holds n/20
// products; brand and colour are drawn at random; the USD net price is
// 1.00 to 1000.00 and the EUR gross price 0.9 × the USD gross at the
// peer's 20 % rate, rounded to the cent.
func Generate(n int) fs.FS {
	fsys, _ := generate(n)
	return fsys
}

// product is what the generator decided about one product: the oracle
// the test checks the pages against.
type product struct {
	id, category, brand, color, material string
	usd, eur                             int64 // cents: USD net, EUR gross
}

func generate(n int) (fs.FS, []product) {
	products := make([]product, 0, n)
	rng := rand.New(rand.NewPCG(10_000, uint64(n)))
	var cat bytes.Buffer
	enc := json.NewEncoder(&cat)
	line := func(v any) {
		if err := enc.Encode(v); err != nil {
			panic(err) // only maps and strings: cannot fail
		}
	}
	labels := func(en, de string) map[string]string { return map[string]string{"en": en, "de": de} }
	line(map[string]any{"type": "catalog", "version": fmt.Sprintf("peer-%d", n)})
	for c := 1; c <= Categories; c++ {
		line(map[string]any{"type": "category", "id": category(c), "labels": labels(fmt.Sprintf("Category %02d", c), fmt.Sprintf("Kategorie %02d", c))})
	}
	enum := func(id, en, de string, ids []string) {
		var vals []map[string]any
		for _, v := range ids {
			vals = append(vals, map[string]any{"id": v, "labels": labels(v, v)})
		}
		line(map[string]any{"type": "attribute", "id": id, "kind": "enum", "labels": labels(en, de), "values": vals})
	}
	enum("brand", "Brand", "Marke", seq("brand", Brands))
	enum("color", "Colour", "Farbe", seq("color", Colors))
	enum("material", "Material", "Material", materials)
	line(map[string]any{"type": "attribute", "id": "organic", "kind": "boolean", "labels": labels("Organic", "Bio")})

	var usd, eur bytes.Buffer
	usd.WriteString(`{"currency": "USD", "entries": [`)
	eur.WriteString(`{"currency": "EUR", "entries": [`)
	created := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	for i := range n {
		id := fmt.Sprintf("p%05d", i+1)
		sku := fmt.Sprintf("P%05d", i+1)
		material := materials[rng.IntN(len(materials))]
		name := fmt.Sprintf("%s %s %d", adjectives[rng.IntN(len(adjectives))], nouns[rng.IntN(len(nouns))], i+1)
		desc := fmt.Sprintf("A %s piece of %s, made to last and easy to care for.", material, nouns[rng.IntN(len(nouns))])
		brand, color := fmt.Sprintf("brand-%02d", rng.IntN(Brands)+1), fmt.Sprintf("color-%02d", rng.IntN(Colors)+1)
		line(map[string]any{
			"type": "product", "id": id, "category": category(i%Categories + 1), "tax_class": "standard", "rank": rng.IntN(1000),
			"created": created.Add(time.Duration(i) * time.Minute).Format(time.RFC3339),
			"attributes": map[string]any{
				"brand": []string{brand}, "color": []string{color},
				"material": []string{material}, "organic": rng.IntN(4) == 0,
			},
			"content": map[string]any{
				"en": map[string]string{"name": name, "description": desc, "slug": id},
				"de": map[string]string{"name": name, "description": desc, "slug": id},
			},
			"variants": []map[string]any{{"sku": sku}},
		})
		cents := 100 + rng.Int64N(99_901) // 1.00 … 1000.00
		// EUR gross = 0.9 × USD gross = 0.9 × 1.2 × net = 1.08 × net, half up.
		eurCents := (cents*108 + 50) / 100
		products = append(products, product{id: id, category: category(i%Categories + 1), brand: brand, color: color, material: material, usd: cents, eur: eurCents})
		sep := ","
		if i == 0 {
			sep = ""
		}
		fmt.Fprintf(&usd, "%s\n{\"sku\":%q,\"price\":{\"amount\":\"%d.%02d\",\"currency\":\"USD\"}}", sep, sku, cents/100, cents%100)
		fmt.Fprintf(&eur, "%s\n{\"sku\":%q,\"price\":{\"amount\":\"%d.%02d\",\"currency\":\"EUR\"}}", sep, sku, eurCents/100, eurCents%100)
	}
	usd.WriteString("\n]}\n")
	eur.WriteString("\n]}\n")
	return fstest.MapFS{
		"catalog.jsonl":   {Data: cat.Bytes()},
		"prices/usd.json": {Data: usd.Bytes()},
		"prices/eur.json": {Data: eur.Bytes()},
	}, products
}

func category(c int) string { return fmt.Sprintf("category-%02d", c) }

func seq(prefix string, n int) []string {
	s := make([]string, n)
	for i := range s {
		s[i] = fmt.Sprintf("%s-%02d", prefix, i+1)
	}
	return s
}
