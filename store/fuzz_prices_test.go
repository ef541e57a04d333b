package store

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzDecodePrices: DecodePrices never panics on a price data file; what
// it rejects is a list of *Error values with a reason; what it accepts
// marshals to a document it accepts again as the same data (a round
// trip), so a price file written back by a tool reads the same.
func FuzzDecodePrices(f *testing.F) {
	if b, err := os.ReadFile("testdata/prices.json"); err == nil {
		f.Add(b)
	}
	for _, s := range []string{
		`{}`, `{"lists":{}}`, `{"lists":null}`, `{"lists":{"eur":null}}`,
		`{"lists":{"eur":{"currency":"EUR","entries":[{"sku":"A","price":{"amount":"1.00","currency":"EUR"}}]}}}`,
		`{"lists":{"eur":{"currency":"EUR","currency":"CHF","entries":[]}}}`,
		`{"lists":{"eur":{"currency":"EUR","entries":[{"sku":"A","price":{"amount":"1","AMOUNT":"1000","currency":"EUR"}}]}}}`,
		`{"lists":{"eur":{"curency":"EUR"}}}`, `[1]`, `"x"`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := DecodePrices(data)
		if err != nil {
			if d != nil {
				t.Fatal("price data and an error")
			}
			mustBeReasons(t, err)
			return
		}
		b, err := json.Marshal(d)
		if err != nil {
			// Money refuses to write what it could not read back
			// (issue 9 item 11); a decoded amount always reads back.
			t.Fatalf("accepted price data does not marshal: %v", err)
		}
		d2, err := DecodePrices(b)
		if err != nil {
			t.Fatalf("DecodePrices(Marshal(DecodePrices(x))) = %v\n%s", err, b)
		}
		b2, err := json.Marshal(d2)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(b), string(b2)); diff != "" {
			t.Fatalf("round trip changed the data (-first +second):\n%s", diff)
		}
	})
}
