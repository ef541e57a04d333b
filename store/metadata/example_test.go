package metadata_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"

	"github.com/marketkit/marketkit/store"
	"github.com/marketkit/marketkit/store/metadata"
)

// A Server on the embedded example configuration: the facts of the Swiss
// market in Swiss French, then the same request made conditional.
func ExampleServer() {
	s, err := metadata.New(store.ExampleConfig(), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	ts := httptest.NewServer(s)
	defer ts.Close()

	resp, err := http.Get(ts.URL + metadata.FactsPath("ch", "fr-CH"))
	if err != nil {
		fmt.Println(err)
		return
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var f metadata.Facts
	if err := json.Unmarshal(body, &f); err != nil {
		fmt.Println(err)
		return
	}
	std := f.CurrencyFormats["standard"]["symbol"]
	fmt.Println(resp.Status, resp.Header.Get("Cache-Control"))
	fmt.Printf("%s: cash %s, %q … %q, grouping %q, decimal %q\n", f.Currency.Code, f.Currency.CashIncrement, std.Positive.Prefix, std.Positive.Suffix, std.Group, std.Decimal)
	fmt.Println(f.Dates.Patterns["long"], f.Countries[0].FirstDayOfWeek, f.Countries[0].Phone.Example.International)

	req, _ := http.NewRequest("GET", ts.URL+metadata.FactsPath("ch", "fr-CH"), nil)
	req.Header.Set("If-None-Match", resp.Header.Get("ETag"))
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	resp.Body.Close()
	fmt.Println(resp.Status)
	// Output:
	// 200 OK public, max-age=60, stale-while-revalidate=600, stale-if-error=86400
	// CHF: cash 0.05, "" … "\u00a0CHF", grouping "\u202f", decimal "."
	// d MMMM y monday +41 78 123 45 67
	// 304 Not Modified
}

// A configuration that fails store.Check is refused with every problem,
// and the version being served stays.
func ExampleServer_Publish() {
	s, err := metadata.New(store.ExampleConfig(), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	before, _ := s.Current()
	err = s.Publish([]byte(`{"version": "broken", "markets": {"de": {"path": "/de", "countries": ["DE"], "currency": "EURO",
		"default_locale": "de-DE", "locales": ["de-DE"], "tax": {"mode": "half-up", "origin": {"country": "DE"}}, "time_zone": "Europe/Berlin"}}}`))
	fmt.Println(errors.Is(err, metadata.ErrRejected))
	for _, e := range store.Errors(err) {
		fmt.Println(e.Field, e.Value)
	}
	after, _ := s.Current()
	fmt.Println(before == after, after)
	// Output:
	// true
	// markets.de.currency EURO
	// true example-1
}

// The index lists every document with its ETag: one request tells a
// client what changed.
func ExampleIndex() {
	s, _ := metadata.New(store.ExampleConfig(), nil)
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest("GET", metadata.PathIndex, nil))
	var idx metadata.Index
	json.Unmarshal(w.Body.Bytes(), &idx)
	fmt.Println(idx.SchemaVersion, idx.ConfigVersion, idx.Config.Href)
	for _, m := range idx.Markets {
		for _, l := range m.Locales {
			fmt.Println(l.Href)
		}
	}
	// Output:
	// 1 example-1 /v1/config
	// /v1/markets/at/de-AT
	// /v1/markets/ch/de-CH
	// /v1/markets/ch/fr-CH
	// /v1/markets/ch/it-CH
	// /v1/markets/de/de-DE
	// /v1/markets/de/en-DE
	// /v1/markets/fr-be/fr-BE
	// /v1/markets/fr-be/nl-BE
	// /v1/markets/us-east/en-US
	// /v1/markets/us-east/es-US
}

// BuildFacts computes one document without a server, for a Go client or
// a build step.
func ExampleBuildFacts() {
	cfg, err := store.Decode(store.ExampleConfig())
	if err != nil {
		fmt.Println(err)
		return
	}
	f, err := metadata.BuildFacts(cfg, "us-east", "es-US")
	if err != nil {
		fmt.Println(err)
		return
	}
	acc := f.CurrencyFormats["accounting"]["symbol"]
	fmt.Println(f.Currency.Code, f.Tax.PricesIncludeTax, f.Countries[0].MeasurementSystem)
	fmt.Printf("%q %q\n", acc.Negative.Prefix, acc.Negative.Suffix)
	fmt.Println(f.Countries[0].Address.RequiredFields)
	// Output:
	// USD false us-customary
	// "-$" ""
	// [address-lines locality administrative-area postal-code]
}
