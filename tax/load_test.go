package tax

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestLoadJSONRoundTrip(t *testing.T) {
	b, err := json.Marshal(BuiltinDefinition())
	if err != nil {
		t.Fatal(err)
	}
	d, err := LoadJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Types()) != len(Builtin().Types()) || len(d.Zones()) != len(Builtin().Zones()) {
		t.Fatalf("types/zones %d/%d, want %d/%d", len(d.Types()), len(d.Zones()), len(Builtin().Types()), len(Builtin().Zones()))
	}
	for _, ty := range Builtin().Types() {
		for c := Category(1); c < numCategories; c++ {
			for _, a := range ty.Rates(c) {
				got, err := d.Lookup(ty.ID(), c, a.From)
				if err != nil || got != a {
					t.Errorf("%s: got %+v, %v; want %+v", a.ID, got, err, a)
				}
			}
		}
	}
}

const minimalJSON = `{"version":"t","sources":[{"id":"s","citation":"c http://x"}],
 "zones":[{"id":"x","members":[{"country":"XX"}]}],
 "types":[{"id":"x_vat","kind":"vat","country":"XX","zone":"x","rates":[
   {"category":"standard","amounts":[{"percent":"10","from":"2000-01-01","to":"2019-12-31","source":"s"},{"percent":"12","from":"2020-01-01","source":"s"}]}]}]}`

func TestLoadJSONErrors(t *testing.T) {
	if _, err := LoadJSON(strings.NewReader(minimalJSON)); err != nil {
		t.Fatalf("minimal: %v", err)
	}
	tests := []struct {
		name, old, new, field string
	}{
		{"overlap", `"from":"2020-01-01"`, `"from":"2019-12-31"`, "amounts"},
		{"bad percent", `"percent":"12"`, `"percent":"12.5.1"`, "percent"},
		{"percent too precise", `"percent":"12"`, `"percent":"12.00001"`, "percent"},
		{"unknown source", `"source":"s"}]}]}]}`, `"source":"nope"}]}]}]}`, "source"},
		{"unknown zone", `"zone":"x","rates"`, `"zone":"y","rates"`, "zone"},
		{"bad country", `"country":"XX"}]`, `"country":"X1"}]`, "country"},
		{"no standard", `"category":"standard"`, `"category":"reduced"`, "rates"},
		{"unknown category", `"category":"standard"`, `"category":"luxury"`, "json"},
		{"unknown field", `"version":"t"`, `"versio":"t"`, "json"},
		{"to before from", `"to":"2019-12-31"`, `"to":"1999-12-31"`, "to"},
		{"bad date", `"from":"2000-01-01"`, `"from":"2000-02-30"`, "from"},
		{"bad kind", `"kind":"vat"`, `"kind":"tva"`, "json"},
		{"duplicate type", `"types":[{`, `"types":[{"id":"x_vat","kind":"vat","country":"XX","zone":"x","rates":[{"category":"standard","amounts":[{"percent":"1","from":"2000-01-01","source":"s"}]}]},{`, "id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := strings.Replace(minimalJSON, tt.old, tt.new, 1)
			if in == minimalJSON {
				t.Fatalf("replacement %q not found", tt.old)
			}
			_, err := LoadJSON(strings.NewReader(in))
			if !errors.Is(err, ErrInvalidData) && !errors.Is(err, ErrUnknownCategory) {
				t.Fatalf("err = %v, want ErrInvalidData", err)
			}
			var fe *Error
			if !errors.As(err, &fe) || !strings.Contains(fe.Field, tt.field) {
				t.Errorf("err = %v, want a Error on %q", err, tt.field)
			}
		})
	}
}

func FuzzLoadJSON(f *testing.F) {
	f.Add([]byte(minimalJSON))
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"zones":[{"id":"a","members":[{"zone":"a"}]}]}`)) // self reference
	f.Add([]byte(`{"zones":[{"id":"a","members":[{"country":"AA","postal_codes":["9:1"]}]}]}`))
	// Nested zones that reference the previous one twice (issue 9: 22
	// deep took a second and 322 MiB).
	nested := `{"sources":[{"id":"s","citation":"c"}],"zones":[{"id":"z0","members":[{"country":"DE"}]}`
	for i := 1; i < 30; i++ {
		nested += fmt.Sprintf(`,{"id":"z%d","members":[{"zone":"z%d"},{"zone":"z%d"}]}`, i, i-1, i-1)
	}
	f.Add([]byte(nested + `]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		// Bounded work per input: time and memory grow with the input
		// size, not exponentially with its nesting.
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		d, err := LoadJSON(bytes.NewReader(b))
		el := time.Since(start)
		runtime.ReadMemStats(&after)
		if el > 2*time.Second {
			t.Fatalf("LoadJSON of %d bytes took %v", len(b), el)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20+uint64(256*len(b)) {
			t.Fatalf("LoadJSON of %d bytes allocated %d bytes", len(b), alloc)
		}
		if err != nil {
			if !errors.Is(err, ErrInvalidData) && !errors.Is(err, ErrUnknownCategory) && !errors.Is(err, ErrInvalidInput) {
				t.Fatalf("error without sentinel: %v", err)
			}
			return
		}
		// Invariants of built data: standard rates exist, amounts sorted,
		// no overlap, lookups by each amount's From find that amount.
		for _, ty := range d.Types() {
			if len(ty.Rates(Standard)) == 0 {
				t.Fatalf("%s: no standard rate", ty.ID())
			}
			for c := Category(1); c < numCategories; c++ {
				as := ty.Rates(c)
				for i, a := range as {
					if i > 0 && (as[i-1].To.IsZero() || !as[i-1].To.Before(a.From)) {
						t.Fatalf("%s: overlap", a.ID)
					}
					got, err := ty.Rate(c, a.From)
					if err != nil || got != a {
						t.Fatalf("lookup %s = %+v, %v", a.ID, got, err)
					}
				}
			}
			ty.Zone().Contains(Address{Country: "AA", Region: "X", PostalCode: "12345"})
		}
	})
}

// TestRatePercentsParse: rates in a definition are pricing percentages;
// anything else is an *Error naming the field.
func TestRatePercentsParse(t *testing.T) {
	for _, tt := range []struct{ in, out string }{{"19", "19%"}, {"25.5", "25.5%"}, {"9.975", "9.975%"}, {"0", "0%"}, {"07.50", "7.5%"}, {"100", "100%"}} {
		d, err := LoadJSON(strings.NewReader(strings.Replace(minimalJSON, `"percent":"12"`, `"percent":"`+tt.in+`"`, 1)))
		if err != nil {
			t.Fatalf("%q: %v", tt.in, err)
		}
		a, _ := d.Lookup("x_vat", Standard, MustDate("2020-01-01"))
		if a.Percent.String() != tt.out {
			t.Errorf("percent %q = %v, want %s", tt.in, a.Percent, tt.out)
		}
	}
	for _, in := range []string{"", ".5", "-1", "1e2", "100.0001", "1.23456", "1,5", "12a"} {
		_, err := LoadJSON(strings.NewReader(strings.Replace(minimalJSON, `"percent":"12"`, `"percent":"`+in+`"`, 1)))
		var e *Error
		if !errors.As(err, &e) || !errors.Is(err, ErrInvalidData) || !strings.HasSuffix(e.Field, ".percent") {
			t.Errorf("percent %q: err = %v, want an *Error for …percent", in, err)
		}
	}
}

func TestDate(t *testing.T) {
	for _, in := range []string{"2024-02-29", "2019-01-01", "9999-12-31"} {
		d, err := ParseDate(in)
		if err != nil || d.String() != in {
			t.Errorf("ParseDate(%q) = %v, %v", in, d, err)
		}
	}
	for _, in := range []string{"2023-02-29", "2019-13-01", "2019-1-01", "0000-01-01", "2019-01-00", "abcd-ef-gh", ""} {
		if _, err := ParseDate(in); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("ParseDate(%q) err = %v, want ErrInvalidInput", in, err)
		}
	}
	if got, _ := MustDate("2024-12-31").AddDays(1); got.String() != "2025-01-01" {
		t.Errorf("AddDays = %s", got)
	}
}
