package catalog_test

import (
	"errors"
	"fmt"
	"net/url"
	"time"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/catalog"
)

// Each field falls back on its own; Explain says which locale served it.
func ExampleCatalog_Localize() {
	c := loadSample()
	l, _ := c.Localize("mug-classic", language.MustParse("de-CH"))
	fmt.Println(l.Name)
	fmt.Println(l.Explain())
	// Output:
	// Klassische Tasse
	// name: de (fallback from de-CH)
	// description: en (last resort)
	// slug: de (fallback from de-CH)
}

// What Norway's locale lacks before launch.
func ExampleCatalog_MissingContent() {
	c := loadSample()
	missing, _ := c.MissingContent(marketNO)
	for _, m := range missing {
		if m.Field == catalog.FieldName {
			fmt.Println(m.Market, m.Locale, m.Kind, m.ID, "served by", m.ServedBy)
		}
	}
	// Output:
	// no nb-NO product mug-classic served by en
	// no nb-NO product mug-espresso served by en
}

// Pages continue on the index that issued their cursor, also after a new
// index is published; a tampered cursor is an error.
func ExampleLive() {
	c := loadSample()
	markets := []catalog.Market{marketCH}
	ix, _ := catalog.NewIndex(c, markets, examplePrice, nil)
	var live catalog.Live
	live.Publish(ix)

	q := catalog.Query{Market: "ch", Sort: catalog.SortPrice, Limit: 2,
		At: time.Date(2026, 10, 1, 12, 0, 0, 0, zurich)} // before the Christmas mug's sale window
	page, _ := live.Search(q)
	fmt.Println(page.Total, page.Items[0].ID, page.Items[1].ID)

	next, _ := catalog.NewIndex(c, markets, examplePrice, nil) // a new version arrives
	live.Publish(next)

	q.Cursor = page.Next
	page, _ = live.Search(q)
	fmt.Println(page.Items[0].ID, page.Items[1].ID)

	q.Cursor = page.Next[:len(page.Next)-4] + "AAAA"
	_, err := live.Search(q)
	fmt.Println(errors.Is(err, catalog.ErrCursor))
	// Output:
	// 5 mug-espresso mug-classic
	// wine-red mug-travel
	// true
}

// Query parameters from a request; unknown or oversized ones are errors.
func ExampleParseQuery() {
	v, _ := url.ParseQuery("category=mugs&f.color=red,blue&max=20&sort=price&facets=color")
	q, err := catalog.ParseQuery(v, "CHF")
	fmt.Println(q.Category, q.Filters, q.MaxPrice, q.Sort, q.Facets, err)

	v, _ = url.ParseQuery("colour=red")
	_, err = catalog.ParseQuery(v, "CHF")
	fmt.Println(err)
	// Output:
	// mugs [{color [red blue]}] 20.00 CHF price [color] <nil>
	// catalog: ParseQuery: parameter "colour": invalid value: unknown parameter
}
