package tax

import (
	"encoding"
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/marketkit/marketkit/pricing"
)

// textEnum is one of the package's configuration enums, seen through its
// text methods.
type textEnum interface {
	encoding.TextMarshaler
	String() string
}

func TestEnumText(t *testing.T) {
	tests := []struct {
		name string
		v    textEnum
		want string
	}{
		{"per line", PerLine, "per-line"},
		{"per unit", PerUnit, "per-unit"},
		{"per order per rate", PerOrderPerRate, "per-order-per-rate"},
		{"keep gross", KeepGross, "keep-gross"},
		{"keep net", KeepNet, "keep-net"},
		{"keep gross always", KeepGrossAlways, "keep-gross-always"},
		{"goods", Goods, "goods"},
		{"digital", Digital, "digital"},
		{"service", Service, "service"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.v.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
			b, err := tt.v.MarshalText()
			if err != nil || string(b) != tt.want {
				t.Errorf("MarshalText() = %q, %v, want %q", b, err, tt.want)
			}
		})
	}
}

func TestEnumTextUndefined(t *testing.T) {
	tests := []struct {
		name      string
		v         textEnum
		wantStr   string
		wantField string
	}{
		{"rounding", Rounding(3), "Rounding(3)", "rounding"},
		{"cross-border", CrossBorder(200), "CrossBorder(200)", "cross_border"},
		{"supply", Supply(3), "Supply(3)", "supply"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.v.String(); got != tt.wantStr {
				t.Errorf("String() = %q, want %q", got, tt.wantStr)
			}
			b, err := tt.v.MarshalText()
			if b != nil || !errors.Is(err, ErrInvalidInput) {
				t.Fatalf("MarshalText() = %q, %v, want ErrInvalidInput", b, err)
			}
			var fe *Error
			if !errors.As(err, &fe) || fe.Field != tt.wantField || fe.Value != tt.wantStr {
				t.Errorf("MarshalText() error = %v, want a *Error %s %q", err, tt.wantField, tt.wantStr)
			}
		})
	}
}

func TestEnumUnmarshalTextErrors(t *testing.T) {
	tests := []struct {
		name      string
		dst       encoding.TextUnmarshaler
		in        string
		wantField string
	}{
		{"rounding empty", new(Rounding), "", "rounding"},
		{"rounding upper case", new(Rounding), "PER-LINE", "rounding"},
		{"rounding Go name", new(Rounding), "PerOrderPerRate", "rounding"},
		{"rounding number", new(Rounding), "1", "rounding"},
		{"cross-border underscore", new(CrossBorder), "keep_net", "cross_border"},
		{"cross-border trailing space", new(CrossBorder), "keep-net ", "cross_border"},
		{"supply plural", new(Supply), "services", "supply"},
		{"supply category name", new(Supply), "standard", "supply"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.dst.UnmarshalText([]byte(tt.in))
			if !errors.Is(err, ErrInvalidInput) {
				t.Fatalf("UnmarshalText(%q) = %v, want ErrInvalidInput", tt.in, err)
			}
			var fe *Error
			if !errors.As(err, &fe) || fe.Field != tt.wantField || fe.Value != tt.in {
				t.Errorf("UnmarshalText(%q) error = %v, want a *Error %s %q", tt.in, err, tt.wantField, tt.in)
			}
		})
	}

	t.Run("destination unchanged", func(t *testing.T) {
		r, c, s := PerUnit, KeepNet, Digital
		_ = r.UnmarshalText([]byte("bogus"))
		_ = c.UnmarshalText([]byte("bogus"))
		_ = s.UnmarshalText([]byte("bogus"))
		if r != PerUnit || c != KeepNet || s != Digital {
			t.Errorf("after failed UnmarshalText: %v %v %v, want per-unit keep-net digital", r, c, s)
		}
	})
}

// TestEnumTextRoundTrip checks every defined value of every enum:
// UnmarshalText(MarshalText(v)) == v, and names are unique.
func TestEnumTextRoundTrip(t *testing.T) {
	seen := map[string]bool{}
	check := func(name string) {
		if seen[name] {
			t.Errorf("name %q used twice", name)
		}
		seen[name] = true
	}
	for r := PerLine; r <= PerOrderPerRate; r++ {
		b, err := r.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		check("rounding " + string(b))
		var got Rounding = 255
		if err := got.UnmarshalText(b); err != nil || got != r {
			t.Errorf("Rounding round trip of %d via %q = %d, %v", r, b, got, err)
		}
	}
	for c := KeepGross; c <= KeepGrossAlways; c++ {
		b, err := c.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		check("cross-border " + string(b))
		var got CrossBorder = 255
		if err := got.UnmarshalText(b); err != nil || got != c {
			t.Errorf("CrossBorder round trip of %d via %q = %d, %v", c, b, got, err)
		}
	}
	for s := Goods; s <= Service; s++ {
		b, err := s.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		check("supply " + string(b))
		var got Supply = 255
		if err := got.UnmarshalText(b); err != nil || got != s {
			t.Errorf("Supply round trip of %d via %q = %d, %v", s, b, got, err)
		}
	}
	if len(seen) != 9 {
		t.Errorf("checked %d names, want 9", len(seen))
	}
}

// TestPolicyJSON shows a policy and class rules stored as configuration.
func TestPolicyJSON(t *testing.T) {
	type config struct {
		Policy  Policy
		Classes []ClassRule
	}
	in := config{
		Policy:  Policy{PricesIncludeTax: true, Rounding: PerOrderPerRate, Mode: pricing.RoundDown, CrossBorder: KeepGrossAlways},
		Classes: []ClassRule{{Class: "ebook", Country: "DE", Category: Reduced, Supply: Digital}},
	}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"Policy":{"PricesIncludeTax":true,"Rounding":"per-order-per-rate","Mode":"down","CrossBorder":"keep-gross-always"},` +
		`"Classes":[{"Class":"ebook","Country":"DE","Category":"reduced","Supply":"digital"}]}`
	if string(b) != want {
		t.Errorf("json.Marshal = %s, want %s", b, want)
	}
	var out config
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, out); diff != "" {
		t.Errorf("JSON round trip (-want +got):\n%s", diff)
	}

	err = json.Unmarshal([]byte(`{"Policy":{"Rounding":"per-invoice"}}`), &out)
	var fe *Error
	if !errors.As(err, &fe) || fe.Field != "rounding" || fe.Value != "per-invoice" || !errors.Is(err, ErrInvalidInput) {
		t.Errorf("json.Unmarshal of an unknown rounding = %v, want a *Error rounding %q", err, "per-invoice")
	}
}
