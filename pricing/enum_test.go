package pricing

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestEnumText checks the text methods of the package's enums (contracts
// item 5): hyphenated lower-case names, "Type(N)" for invalid values,
// AppendText/MarshalText refusing them, Parse accepting exactly the names.
func TestEnumText(t *testing.T) {
	type textEnum interface {
		String() string
		IsValid() bool
		AppendText([]byte) ([]byte, error)
	}
	tests := []struct {
		name  string
		v     textEnum
		want  string
		valid bool
	}{
		{"DiscountPercent", DiscountPercent, "percent", true},
		{"DiscountAmount", DiscountAmount, "amount", true},
		{"DiscountKind(0)", DiscountKind(0), "DiscountKind(0)", false},
		{"DiscountKind(9)", DiscountKind(9), "DiscountKind(9)", false},
		{"SourceBase", SourceBase, "base", true},
		{"SourceConverted", SourceConverted, "converted", true},
		{"Source(0)", Source(0), "Source(0)", false},
		{"Source(6)", Source(6), "Source(6)", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.v.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
			if got := tt.v.IsValid(); got != tt.valid {
				t.Errorf("IsValid() = %v", got)
			}
			b, err := tt.v.AppendText([]byte("x="))
			if tt.valid && (err != nil || string(b) != "x="+tt.want) {
				t.Errorf("AppendText = %q, %v", b, err)
			}
			if !tt.valid && (!errors.Is(err, ErrInvalid) || string(b) != "x=") {
				t.Errorf("AppendText of an invalid value = %q, %v", b, err)
			}
		})
	}
	for _, k := range []DiscountKind{DiscountPercent, DiscountAmount} {
		got, err := ParseDiscountKind(k.String())
		if err != nil || got != k {
			t.Errorf("ParseDiscountKind(%q) = %v, %v", k, got, err)
		}
	}
	for s := SourceBase; s <= SourceConverted; s++ {
		got, err := ParseSource(s.String())
		if err != nil || got != s {
			t.Errorf("ParseSource(%q) = %v, %v", s, got, err)
		}
	}
	for _, bad := range []string{"", "Percent", "percent ", "percent-off"} {
		if _, err := ParseDiscountKind(bad); !errors.Is(err, ErrSyntax) {
			t.Errorf("ParseDiscountKind(%q) err = %v", bad, err)
		}
	}
	if u := Unit(2); u.IsValid() || u.String() != "Unit(2)" || CashUnit.String() != "cash" {
		t.Errorf("Unit: %v %v", u.IsValid(), u)
	}
	// A Discount's kind and percentage survive JSON.
	d := PercentOff("TEN", MustParsePercent("10"))
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"Code":"TEN","Kind":"percent","Percent":"10%","Amount":{"amount":"0","currency":""}}`; string(b) != want {
		t.Errorf("JSON %s, want %s", b, want)
	}
	var back Discount
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(d, back); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}
