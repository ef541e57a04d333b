package pricing

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/marketkit/marketkit/locale"
	"golang.org/x/text/language"
)

func TestParsePercent(t *testing.T) {
	tests := []struct {
		in, str, fraction string
		units             int64
	}{
		{"19", "19%", "0.19", 190000},
		{"8.1", "8.1%", "0.081", 81000},
		{"9.975", "9.975%", "0.09975", 99750},
		{"0%", "0%", "0", 0},
		{"0", "0%", "0", 0},
		{"12.5%", "12.5%", "0.125", 125000},
		{"100", "100%", "1", 1000000},
		{"100.0000", "100%", "1", 1000000},
		{"0.0001", "0.0001%", "0.000001", 1},
		{"7.50000", "7.5%", "0.075", 75000},
		{"007", "7%", "0.07", 70000},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, err := ParsePercent(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := p.String(); got != tt.str {
				t.Errorf("String() = %q, want %q", got, tt.str)
			}
			if got := p.Fraction().String(); got != tt.fraction {
				t.Errorf("Fraction() = %s, want %s", got, tt.fraction)
			}
			if p.Units() != tt.units {
				t.Errorf("Units() = %d, want %d", p.Units(), tt.units)
			}
			if back, err := PercentFromFraction(p.Fraction()); err != nil || back != p {
				t.Errorf("PercentFromFraction(Fraction()) = %v, %v", back, err)
			}
		})
	}
	bad := []struct {
		in     string
		err    error
		reason string
	}{
		{"", ErrSyntax, "want a percentage"},
		{"%", ErrSyntax, "want a percentage"},
		{"-1", ErrSyntax, "want a percentage"},
		{"+5", ErrSyntax, "want a percentage"},
		{"8,1", ErrSyntax, "want a percentage"},
		{" 8", ErrSyntax, "want a percentage"},
		{"8 %", ErrSyntax, "want a percentage"},
		{"8%%", ErrSyntax, "want a percentage"},
		{"1e2", ErrSyntax, "want a percentage"},
		{".5", ErrSyntax, "want a percentage"},
		{"5.", ErrSyntax, "want a percentage"},
		{"0.00001", ErrRange, "more than four decimals"},
		{"100.0001", ErrRange, "above 100%"},
		{"101", ErrRange, "above 100%"},
		{"99999999999999999999", ErrRange, "above 100%"},
		{strings.Repeat("1", 33), ErrRange, "longer than 32 bytes"},
	}
	for _, tt := range bad {
		t.Run("bad "+tt.in, func(t *testing.T) {
			_, err := ParsePercent(tt.in)
			var e *Error
			if !errors.Is(err, tt.err) || !errors.As(err, &e) || e.Field != "percent" || e.Value != tt.in || !strings.Contains(e.Error(), tt.reason) {
				t.Errorf("ParsePercent(%q) = %v, want %v with %q", tt.in, err, tt.err, tt.reason)
			}
		})
	}
}

func TestNewPercentAndFraction(t *testing.T) {
	tests := []struct {
		coef  int64
		scale int
		want  string
	}{{19, 0, "19%"}, {81, 1, "8.1%"}, {9975, 3, "9.975%"}, {100, 0, "100%"}, {0, 0, "0%"}, {1000000, 6, "1%"}, {5, 4, "0.0005%"}}
	for _, tt := range tests {
		p, err := NewPercent(tt.coef, tt.scale)
		if err != nil || p.String() != tt.want {
			t.Errorf("NewPercent(%d, %d) = %v, %v; want %s", tt.coef, tt.scale, p, err, tt.want)
		}
	}
	for _, bad := range [][2]int64{{-1, 0}, {101, 0}, {1000001, 4}, {1, 5}, {1, -1}, {1, 19}} {
		if _, err := NewPercent(bad[0], int(bad[1])); !errors.Is(err, ErrRange) {
			t.Errorf("NewPercent(%d, %d) err = %v", bad[0], bad[1], err)
		}
	}
	for _, bad := range []string{"-0.1", "1.000001", "0.0000001", "2"} {
		if _, err := PercentFromFraction(MustParseFixed(bad)); !errors.Is(err, ErrRange) {
			t.Errorf("PercentFromFraction(%s) err = %v", bad, err)
		}
	}
	if p, err := PercentFromFraction(MustParseFixed("0.0810000")); err != nil || p.String() != "8.1%" {
		t.Errorf("PercentFromFraction(0.0810000) = %v, %v", p, err)
	}
}

func TestPercentTextJSONAndCompare(t *testing.T) {
	type rate struct {
		Name string  `json:"name"`
		Rate Percent `json:"rate"`
	}
	in := []rate{{"de", MustParsePercent("19")}, {"ch", MustParsePercent("8.1")}, {"qc", MustParsePercent("9.975")}, {"zero", Percent{}}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if want := `[{"name":"de","rate":"19%"},{"name":"ch","rate":"8.1%"},{"name":"qc","rate":"9.975%"},{"name":"zero","rate":"0%"}]`; string(b) != want {
		t.Errorf("JSON %s, want %s", b, want)
	}
	var out []rate
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, out); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	var p Percent
	if err := json.Unmarshal([]byte(`"8.1"`), &p); err != nil || p != MustParsePercent("8.1") {
		t.Errorf("without %%: %v, %v", p, err)
	}
	if err := json.Unmarshal([]byte(`8.1`), &p); err == nil {
		t.Error("a JSON number was accepted: a percentage is text, so 0.19 cannot be read as 0.19 %")
	}
	if err := p.UnmarshalText([]byte("120")); !errors.Is(err, ErrRange) || !strings.Contains(err.Error(), "Percent.UnmarshalText") {
		t.Errorf("UnmarshalText(120) = %v", err)
	}
	ps := []Percent{MustParsePercent("19"), MustParsePercent("8.1"), {}, MustParsePercent("100"), MustParsePercent("9.975")}
	slices.SortFunc(ps, Percent.Compare)
	var got []string
	for _, p := range ps {
		got = append(got, p.String())
	}
	if diff := cmp.Diff([]string{"0%", "8.1%", "9.975%", "19%", "100%"}, got); diff != "" {
		t.Errorf("sorted (-want +got):\n%s", diff)
	}
	if (Percent{}).IsZero() != true || MustParsePercent("0.0001").IsZero() {
		t.Error("IsZero")
	}
}

func TestPercentFormat(t *testing.T) {
	tests := []struct {
		tag  string
		p    string
		want string
	}{
		{"en", "8.1", "8.1%"},
		{"de", "8.1", "8,1\u00a0%"},
		{"de-CH", "19", "19%"},
		{"fr", "9.975", "9,975\u00a0%"},
	}
	for _, tt := range tests {
		f, err := locale.NewFormatter(language.MustParse(tt.tag), &locale.FormatOptions{PercentFraction: locale.Fraction(0, 4)})
		if err != nil {
			t.Fatal(err)
		}
		got, err := MustParsePercent(tt.p).Format(f)
		if err != nil || got != tt.want {
			t.Errorf("%s: Format(%s) = %q, %v; want %q", tt.tag, tt.p, got, err, tt.want)
		}
	}
	if _, err := MustParsePercent("1").Format(nil); !errors.Is(err, ErrInvalid) {
		t.Errorf("nil formatter: %v", err)
	}
}

func TestPercentNoAllocs(t *testing.T) {
	var p Percent
	var f Fixed
	buf := make([]byte, 0, 16)
	if n := testing.AllocsPerRun(100, func() {
		p, _ = ParsePercent("9.975%")
		f = p.Fraction()
		buf, _ = p.AppendText(buf[:0])
	}); n != 0 {
		t.Errorf("ParsePercent+Fraction+AppendText: %v allocs", n)
	}
	_ = f
}

// FuzzParsePercent: whatever ParsePercent accepts prints and parses back
// to the same value, its fraction is units/10^6, and a parse failure is an
// *Error naming the field.
func FuzzParsePercent(f *testing.F) {
	for _, s := range []string{"19", "8.1%", "0", "100", "100.00001", "9.975", "0.0001", "-1", "1e2", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePercent(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Field != "percent" {
				t.Fatalf("ParsePercent(%q): %v", s, err)
			}
			return
		}
		if p.Units() < 0 || p.Units() > 1_000_000 {
			t.Fatalf("ParsePercent(%q) = %d units", s, p.Units())
		}
		back, err := ParsePercent(p.String())
		if err != nil || back != p {
			t.Fatalf("ParsePercent(%q).String() = %q reads back as %v, %v", s, p, back, err)
		}
		units, _ := NewFixed(p.Units(), 6)
		if !p.Fraction().Equal(units) {
			t.Fatalf("Fraction %v, want %v", p.Fraction(), units)
		}
	})
}

// TestPercentFormatAllocs pins what AppendFormat documents: no allocation
// when dst has room.
func TestPercentFormatAllocs(t *testing.T) {
	f, err := locale.NewFormatter(language.German, &locale.FormatOptions{PercentFraction: locale.Fraction(0, 4)})
	if err != nil {
		t.Fatal(err)
	}
	p := MustParsePercent("8.1")
	buf := make([]byte, 0, 32)
	if n := testing.AllocsPerRun(100, func() { buf, _ = p.AppendFormat(buf[:0], f) }); n != 0 {
		t.Errorf("AppendFormat: %v allocs, want 0", n)
	}
}
