package shop

import (
	"net/url"

	"github.com/marketkit/marketkit/catalog"
	"github.com/marketkit/marketkit/store"
)

// A product page describes its product to search engines as schema.org
// JSON-LD: a Product with one Offer per variant the market prices. The
// values are typed Go structs that product.html writes inside
// <script type="application/ld+json">, which html/template treats as a
// JavaScript context: it marshals them with encoding/json and escapes
// <, >, &, U+2028 and U+2029 as \u sequences, so no product text can
// close the script element or open a comment (TestJSONLDHostile). Never
// template.JS.
//
// The price is the one the page shows, the Store's display price for
// the market (tax included where the market's prices include tax,
// excluded where they do not), as a plain decimal with the currency's
// digits ("24.90", "2490" for JPY), and the price specification says
// which of the two it is.

// productLD is a schema.org Product.
type productLD struct {
	Context     string    `json:"@context"`
	Type        string    `json:"@type"`
	Name        string    `json:"name"`
	Description string    `json:"description,omitempty"`
	ProductID   string    `json:"productID"`
	SKU         string    `json:"sku,omitempty"` // a product of one variant: its SKU
	Image       []string  `json:"image,omitempty"`
	URL         string    `json:"url,omitempty"`
	Offers      []offerLD `json:"offers"`
}

// offerLD is a schema.org Offer of one variant.
type offerLD struct {
	Type               string      `json:"@type"`
	SKU                string      `json:"sku"`
	Name               string      `json:"name,omitempty"`
	Price              string      `json:"price"`
	PriceCurrency      string      `json:"priceCurrency"`
	Availability       string      `json:"availability"`
	URL                string      `json:"url,omitempty"`
	PriceSpecification priceSpecLD `json:"priceSpecification"`
}

// priceSpecLD is a schema.org UnitPriceSpecification: the price again,
// with whether it includes VAT.
type priceSpecLD struct {
	Type                  string `json:"@type"`
	Price                 string `json:"price"`
	PriceCurrency         string `json:"priceCurrency"`
	ValueAddedTaxIncluded bool   `json:"valueAddedTaxIncluded"`
}

const schemaInStock = "https://schema.org/InStock"

// productJSONLD describes pd, the product page of prod, at its canonical
// URL; labels names each variant's SKU on the page. A product without a
// name in the page's language chain (a schema.org Product requires one)
// has no JSON-LD: nil.
func productJSONLD(pd *store.ProductDetail, prod catalog.Product, canonical string, labels map[string]string) *productLD {
	if pd.Name == "" {
		return nil
	}
	ld := &productLD{Context: "https://schema.org", Type: "Product", Name: pd.Name, Description: pd.Description,
		ProductID: pd.ID, URL: canonical, Offers: []offerLD{}}
	if len(pd.Variants) == 1 {
		ld.SKU = pd.Variants[0].SKU
	}
	ld.Image = absoluteMedia(prod)
	for _, v := range pd.Variants {
		m := v.Display.Money
		price := m.Amount()
		o := offerLD{Type: "Offer", SKU: v.SKU, Name: labels[v.SKU], Price: price, PriceCurrency: m.Currency(),
			Availability: schemaInStock, URL: canonical,
			PriceSpecification: priceSpecLD{Type: "UnitPriceSpecification", Price: price, PriceCurrency: m.Currency(), ValueAddedTaxIncluded: pd.PricesIncludeTax}}
		ld.Offers = append(ld.Offers, o)
	}
	return ld
}

// absoluteMedia returns the product's and its variants' media references
// that are absolute http(s) URLs, each once. The sample data's references
// are relative paths to files the example does not serve, so it lists
// none rather than URLs that would not answer.
func absoluteMedia(p catalog.Product) []string {
	var out []string
	seen := map[string]bool{}
	add := func(refs []string) {
		for _, ref := range refs {
			u, err := url.Parse(ref)
			if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || seen[ref] {
				continue
			}
			seen[ref] = true
			out = append(out, ref)
		}
	}
	add(p.Media)
	for _, v := range p.Variants {
		add(v.Media)
	}
	return out
}
