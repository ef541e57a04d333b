package store_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing/fstest"
	"time"

	"github.com/marketkit/marketkit/address"
	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/store"
)

// A misspelt key is an error naming its path, never silently ignored.
func ExampleDecode() {
	_, err := store.Decode([]byte(`{"markets":{"de":{"path":"/de","curency":"EUR","countries":"DE"}}}`))
	for _, e := range store.Errors(err) {
		fmt.Println(e)
	}
	// Output:
	// store: Decode: markets.de.curency "curency": unknown field: did you mean "currency"?
	// store: Decode: markets.de.countries "DE": wrong type: want an array, got a string
}

// Check reports every problem of a new market at once.
func ExampleCheck() {
	cfg, err := store.Decode([]byte(`{"markets":{"se":{
		"path":"/se","countries":["SE"],"currency":"EUR","default_locale":"sv-SE","locales":["sv-SE"],
		"tax":{"mode":"half-up","origin":{"country":"SE"},"registrations":["NO_VAT"]},
		"time_zone":"Europe/Stockholm","origin":"ftp://se.example.com"}}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	r := store.Check(cfg, &store.CheckOptions{Date: locale.MustParseDate("2026-12-04")})
	r.WriteText(os.Stdout)
	// Output:
	// warning markets.se.currency "EUR": foreign-currency: invalid value: EUR is legal tender in none of SE
	// warning markets.se.database.dsn "": database: invalid value: no database DSN here or in database.dsn
	// error   markets.se.origin "ftp://se.example.com": origin: invalid value: want an absolute http(s) URL without user, query or fragment
	// error   markets.se.tax.registrations[0] "NO_VAT": registration: invalid value: names no country, zone or tax type of the tax data (nor "EU")
	// 1 markets, 0 products checked: 2 errors, 2 warnings
}

// Flags resolve market > group > declared default.
func ExampleConfig_Flag() {
	cfg, _ := store.Decode(store.ExampleConfig())
	for _, id := range []string{"at", "de", "us-east"} {
		lines, _ := cfg.Flag(id, "max_cart_lines")
		theme, _ := cfg.Flag(id, "checkout_theme")
		fmt.Println(id, lines, theme, cfg.Enabled(id, "gift_wrap"))
	}
	// Output:
	// at 50 "classic" true
	// de 100 "classic" true
	// us-east 100 "express" false
}

// A Cache serves the last good configuration and reports its health.
func ExampleNewCache() {
	c, err := store.NewCache(context.Background(), store.DefaultSource(), &store.CacheOptions{TTL: time.Hour})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer c.Close()
	cfg := c.Config() // one atomic load: use this *Config for the whole request
	h := c.Health()
	fmt.Println(cfg.Version, len(cfg.Markets), h.Version, h.Stale, h.LastError == "")
	// Output:
	// example-1 5 example-1 false true
}

// exampleData lays out the test catalog and price lists as FSLoader reads
// them: catalog.jsonl and prices/<list>.json.
func exampleData() fstest.MapFS {
	cat, _ := os.ReadFile("testdata/catalog.jsonl")
	raw, _ := os.ReadFile("testdata/prices.json")
	prices, _ := store.DecodePrices(raw)
	fsys := fstest.MapFS{"catalog.jsonl": {Data: cat}}
	for name, l := range prices.Lists {
		b, _ := json.Marshal(l)
		fsys["prices/"+name+".json"] = &fstest.MapFile{Data: b}
	}
	return fsys
}

// One configuration, every local market in one process; a cart quoted in
// one of them, then moved to another.
func ExampleStores() {
	ctx := context.Background()
	cfg, _ := store.Decode(store.ExampleConfig())
	at := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	stores, err := store.NewStores(ctx, cfg, store.FSLoader(exampleData()), &store.StoresOptions{At: at})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(stores.IDs()) // ch is served by its own instance (its origin)

	de, _ := stores.Store("de")
	cart := de.NewCart()
	cart.Lines = []store.CartLine{{SKU: "MUG-BLUE", Quantity: 2}, {SKU: "TEA-GREEN", Quantity: 10}}
	cart.Shipping = "SHIP-STD"
	cart.Discounts = []pricing.Discount{pricing.PercentOff("WELCOME10", pricing.MustParsePercent("10"))}
	to := address.Address{CountryCode: "DE", Name: "Erika Mustermann", Line1: "Hauptstr. 1", PostalCode: "10115", Locality: "Berlin"}
	q, err := de.QuoteAt(ctx, at, &cart, to, store.Customer{})
	if err != nil {
		fmt.Println(err)
		return
	}
	// The amounts use CLDR's no-break space before the euro sign; sp
	// shows it as a space here.
	sp := func(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }
	for _, l := range q.Lines {
		fmt.Printf("%-9s %2d × %-7s %s\n", l.SKU, l.Quantity, sp(q.Format(l.Unit)), sp(q.Format(l.Gross)))
	}
	for _, r := range q.Rates {
		fmt.Printf("VAT %-3s on %s: %s\n", r.Percent, sp(q.Format(r.Base)), sp(q.Format(r.Tax)))
	}
	fmt.Println("total", sp(q.Format(q.Gross)), "of which VAT", sp(q.Format(q.Tax)))

	at_, _ := stores.Store("at")
	moved, report, _ := at_.MoveCart(cart, de, at)
	fmt.Println(moved.Market, moved.Currency, len(moved.Lines), "lines,", report.Removed, "removed,", report.DiscountsDropped, "discount dropped")
	// Output:
	// [at de fr-be us-east]
	// MUG-BLUE   2 × 19,99 € 35,98 €
	// TEA-GREEN 10 × 4,49 €  40,41 €
	// SHIP-STD   1 × 4,90 €  4,90 €
	// VAT 19% on 34,36 €: 6,52 €
	// VAT 7%  on 37,77 €: 2,64 €
	// total 81,29 € of which VAT 9,16 €
	// at EUR 2 lines, 0 removed, 1 discount dropped
}
