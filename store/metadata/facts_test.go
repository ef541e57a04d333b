package metadata_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/marketkit/marketkit/store"
	"github.com/marketkit/marketkit/store/metadata"
)

// TestFactsResolved pins the facts that come from the configuration
// rather than CLDR: flags resolved market > group > default, the tax
// display policy, the market's subdivisions, and per-country facts.
func TestFactsResolved(t *testing.T) {
	cfg, err := store.Decode(storefront(t))
	if err != nil {
		t.Fatal(err)
	}
	type summary struct {
		Flags            map[string]any
		PricesIncludeTax bool
		Cash             string
		Countries        []string
		FirstDay         string
		Measurement      string
		CallingCode      int
		Subdivisions     []string
		Labels           string
	}
	tests := []struct {
		id, loc string
		want    summary
	}{
		{"at", "de-AT", summary{Flags: map[string]any{"gift_wrap": true, "sells_food": true}, PricesIncludeTax: true, Cash: "0.01",
			Countries: []string{"AT"}, FirstDay: "monday", Measurement: "metric", CallingCode: 43, Subdivisions: []string{}, Labels: "de"}},
		{"no", "nb-NO", summary{Flags: map[string]any{"gift_wrap": false, "sells_food": false}, PricesIncludeTax: true, Cash: "1",
			Countries: []string{"NO"}, FirstDay: "monday", Measurement: "metric", CallingCode: 47, Subdivisions: []string{}, Labels: "en"}},
		{"ch", "it-CH", summary{Flags: map[string]any{"gift_wrap": false, "sells_food": true}, PricesIncludeTax: true, Cash: "0.05",
			Countries: []string{"CH", "LI"}, FirstDay: "monday", Measurement: "metric", CallingCode: 41, Subdivisions: []string{}, Labels: "it"}},
		{"us-west", "es-US", summary{Flags: map[string]any{"gift_wrap": false, "sells_food": true}, PricesIncludeTax: false, Cash: "0.01",
			Countries: []string{"US"}, FirstDay: "sunday", Measurement: "us-customary", CallingCode: 1,
			Subdivisions: []string{"US-AZ", "US-CA", "US-NV", "US-OR", "US-WA"}, Labels: "es"}},
	}
	for _, tt := range tests {
		t.Run(tt.id+"/"+tt.loc, func(t *testing.T) {
			f, err := metadata.BuildFacts(cfg, tt.id, tt.loc)
			if err != nil {
				t.Fatal(err)
			}
			got := summary{Flags: f.Flags, PricesIncludeTax: f.Tax.PricesIncludeTax, Cash: f.Currency.CashIncrement,
				FirstDay: f.Countries[0].FirstDayOfWeek, Measurement: f.Countries[0].MeasurementSystem,
				CallingCode: f.Countries[0].Phone.CallingCode, Subdivisions: []string{}, Labels: f.Countries[0].Address.Language}
			for _, c := range f.Countries {
				got.Countries = append(got.Countries, c.Code)
			}
			for _, s := range f.Countries[0].Address.Subdivisions {
				got.Subdivisions = append(got.Subdivisions, s.ISOCode)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("BuildFacts(%s, %s) (-want +got):\n%s", tt.id, tt.loc, diff)
			}
		})
	}
}
