package store

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDecodeExample(t *testing.T) {
	c, err := Decode(ExampleConfig())
	if err != nil {
		t.Fatalf("Decode(markets.json): %v", err)
	}
	if got, want := len(c.Markets), 5; got != want {
		t.Errorf("markets = %d, want %d", got, want)
	}
	ch := c.Markets["ch"]
	if ch == nil || ch.ID != "ch" || ch.Currency != "CHF" || ch.Prices.Fallback == nil {
		t.Fatalf("markets.ch = %+v", ch)
	}
	if got := ch.Prices.Fallback.Rate.String(); got != "0.9312" {
		t.Errorf("fallback rate = %s", got)
	}
	if w := ch.Maintenance.Windows[0]; w.From.String() != "23:30" || w.Until.String() != "01:00" || w.Days[0] != Weekday(0) {
		t.Errorf("window = %+v", w)
	}
	if v, ok := c.Flags["max_cart_lines"].Default.Int(); !ok || v != 100 {
		t.Errorf("flag default = %v %v", v, ok)
	}
}

// TestDecodeRoundTrip: what Decode returns marshals to a document that
// decodes to the same configuration with the same hash.
func TestDecodeRoundTrip(t *testing.T) {
	c, err := Decode(ExampleConfig())
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	c2, err := Decode(b)
	if err != nil {
		t.Fatalf("Decode(Marshal(c)): %v\n%s", err, b)
	}
	if c.Hash() != c2.Hash() || c.Hash() == "" {
		t.Errorf("hash %s != %s", c.Hash(), c2.Hash())
	}
	if diff := cmp.Diff(c, c2, cmp.Comparer(func(a, b FlagValue) bool { return a == b }), cmpMoney); diff != "" {
		t.Errorf("round trip (-first +second):\n%s", diff)
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string // Error() of each reported error, in order
		is   error
	}{
		{
			name: "unknown field with suggestion",
			doc:  `{"markets":{"de":{"path":"/de","curency":"EUR"}}}`,
			want: []string{`store: Decode: markets.de.curency "curency": unknown field: did you mean "currency"?`},
			is:   ErrUnknownField,
		},
		{
			name: "case is not folded",
			doc:  `{"markets":{"de":{"Currency":"EUR"}}}`,
			want: []string{`store: Decode: markets.de.Currency "Currency": unknown field: did you mean "currency"?`},
			is:   ErrUnknownField,
		},
		{
			name: "duplicate key",
			doc:  `{"markets":{"de":{"currency":"EUR","currency":"CHF"}}}`,
			want: []string{`store: Decode: markets.de.currency "currency": duplicate key`},
			is:   ErrDuplicateKey,
		},
		{
			name: "duplicate market",
			doc:  `{"markets":{"de":{},"de":{}}}`,
			want: []string{`store: Decode: markets.de "de": duplicate key`},
			is:   ErrDuplicateKey,
		},
		{
			name: "every problem at once",
			doc: `{"markets":{"de":{"currency":19,"countries":"DE","tax":{"mode":"halfup","rounding":"per-order"}},
			       "at":{"maintenance":{"windows":[{"days":["mon"],"from":"25:00","until":"04:00"}]}}},"flags":{"x":{"type":"float","default":1.5}}}`,
			want: []string{
				`store: Decode: markets.de.currency "19": wrong type: want a string, got a number`,
				`store: Decode: markets.de.countries "DE": wrong type: want an array, got a string`,
				`store: Decode: markets.de.tax.mode "halfup": `,
				`store: Decode: markets.de.tax.rounding "per-order": `,
				`store: Decode: markets.at.maintenance.windows[0].days[0] "mon": invalid value: want one of "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"`,
				`store: Decode: markets.at.maintenance.windows[0].from "25:00": invalid value: want "HH:MM"`,
				`store: Decode: flags.x.type "float": invalid value: want one of "bool", "int", "string"`,
				`store: Decode: flags.x.default "1.5": wrong type: want a bool, an integer (int64) or a string`,
			},
		},
		{
			name: "null market",
			doc:  `{"markets":{"de":null}}`,
			want: []string{`store: Decode: markets.de "null": wrong type: null is not allowed here`},
			is:   ErrType,
		},
		{
			name: "syntax",
			doc:  `{"markets":{"de":{]}}`,
			want: []string{`store: Decode: offset "18": invalid JSON: invalid character ']'`},
			is:   ErrSyntax,
		},
		{
			name: "trailing data",
			doc:  `{"markets":{}} {}`,
			want: []string{`store: Decode: offset "16": invalid JSON: data after the top-level value`},
			is:   ErrSyntax,
		},
		{
			name: "not an object",
			doc:  `[]`,
			want: []string{`store: Decode: "[": wrong type: want an object, got an array`},
			is:   ErrType,
		},
		{
			name: "too deep",
			doc:  `{"markets":{"de":{"catalog":{"categories":` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}}}}`,
			is:   ErrTooLarge,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Decode([]byte(tt.doc))
			if err == nil {
				t.Fatalf("Decode = %+v, nil error", c)
			}
			if c != nil {
				t.Errorf("Decode returned a config with an error")
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.is)
			}
			if tt.want == nil {
				return
			}
			var got []string
			for _, e := range Errors(err) {
				got = append(got, e.Error())
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d errors, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("error %d:\n got %s\nwant %s…", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestDecodeNormalizesCodes(t *testing.T) {
	c, err := Decode([]byte(`{"markets":{"de":{"countries":["de"],"subdivisions":["us-ny"],"currency":"eur","tax":{"origin":{"country":"de"}}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	m := c.Markets["de"]
	got := []string{m.Countries[0], m.Subdivisions[0], m.Currency, m.Tax.Origin.Country}
	if diff := cmp.Diff([]string{"DE", "US-NY", "EUR", "DE"}, got); diff != "" {
		t.Errorf("codes (-want +got):\n%s", diff)
	}
	// Spaces are not trimmed: the value stays as written so that Check names it.
	c, err = Decode([]byte(`{"markets":{"de":{"currency":" eur"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Markets["de"].Currency; got != " eur" {
		t.Errorf("currency = %q, want it unchanged", got)
	}
}

func TestDecodeTooLarge(t *testing.T) {
	_, err := Decode(make([]byte, MaxConfigSize+1))
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
}

func TestErrorZeroValue(t *testing.T) {
	var e Error
	if got := e.Error(); got != "store: error" {
		t.Errorf("zero Error = %q", got)
	}
	var n *Error
	if got := n.Error(); got != "store: <nil>" {
		t.Errorf("nil Error = %q", got)
	}
}
