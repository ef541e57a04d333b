package locale

import (
	"encoding"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/internal/round"
)

type textEnum interface {
	encoding.TextAppender
	encoding.TextMarshaler
	IsValid() bool
	String() string
}

// checkEnum checks the text methods of an enum over every value 0..255:
// the defined ones round-trip through text and Parse, the others are
// invalid, print as Type(N) and refuse to marshal.
func checkEnum[T ~uint8](t *testing.T, typeName string, want []string, parse func(string) (T, error), unmarshal func(*T, []byte) error) {
	t.Helper()
	var got []string
	for i := range 256 {
		v := T(i)
		e := any(v).(textEnum)
		b, err := e.MarshalText()
		if !e.IsValid() {
			if err == nil || !errors.Is(err, ErrInvalidOption) {
				t.Errorf("%s(%d).MarshalText() = %q, %v; want ErrInvalidOption", typeName, i, b, err)
			}
			if s, want := e.String(), typeName+"("+itoa(i)+")"; s != want {
				t.Errorf("String() = %q, want %q", s, want)
			}
			continue
		}
		got = append(got, string(b))
		if err != nil || string(b) != e.String() {
			t.Errorf("%s(%d): MarshalText %q, %v; String %q", typeName, i, b, err, e.String())
		}
		if p, err := parse(string(b)); err != nil || p != v {
			t.Errorf("Parse(%q) = %v, %v; want %d", b, p, err, i)
		}
		var u T
		if err := unmarshal(&u, b); err != nil || u != v {
			t.Errorf("UnmarshalText(%q) = %v, %v", b, u, err)
		}
		ab, err := e.AppendText([]byte("x:"))
		if err != nil || string(ab) != "x:"+string(b) {
			t.Errorf("AppendText = %q, %v", ab, err)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s names (-want +got):\n%s", typeName, diff)
	}
	for _, bad := range []string{"", " " + want[0], want[0] + " ", "X"} {
		if _, err := parse(bad); !errors.Is(err, ErrInvalidOption) {
			t.Errorf("Parse(%q) err = %v", bad, err)
		}
	}
}

func itoa(i int) string { return decimal.NewFromInt(int64(i)).String() }

func TestEnumText(t *testing.T) {
	checkEnum(t, "RoundingMode", []string{"half-even", "half-up", "half-down", "up", "down", "ceiling", "floor"},
		ParseRoundingMode, (*RoundingMode).UnmarshalText)
	checkEnum(t, "Style", []string{"standard", "accounting"}, ParseStyle, (*Style).UnmarshalText)
	checkEnum(t, "Display", []string{"symbol", "narrow-symbol", "code", "none"}, ParseDisplay, (*Display).UnmarshalText)
	checkEnum(t, "DateStyle", []string{"short", "medium", "long", "full"}, ParseDateStyle, (*DateStyle).UnmarshalText)
	checkEnum(t, "MeasurementSystem", []string{"metric", "us-customary", "imperial"}, ParseMeasurementSystem, (*MeasurementSystem).UnmarshalText)
}

// TestRoundingModeIsTheKernelMode pins the values: internal/round's
// modes and locale's are one numbering, so a conversion never changes a
// mode's meaning (the mismatch of issue 8: a pricing mode converted to
// locale's printed 2.341 as 2.35 under "down").
func TestRoundingModeIsTheKernelMode(t *testing.T) {
	pairs := []struct {
		l RoundingMode
		k round.Mode
	}{
		{RoundHalfEven, round.HalfEven}, {RoundHalfUp, round.HalfUp}, {RoundHalfDown, round.HalfDown},
		{RoundUp, round.Up}, {RoundDown, round.Down}, {RoundCeiling, round.Ceiling}, {RoundFloor, round.Floor},
	}
	if len(pairs) != round.NumModes || RoundHalfEven != 0 {
		t.Fatalf("%d modes, zero %v", len(pairs), RoundHalfEven)
	}
	for _, p := range pairs {
		if p.l.kernel() != p.k {
			t.Errorf("%v is kernel mode %d, want %d", p.l, p.l.kernel(), p.k)
		}
	}
	// Every mode, on both signs, formats as a direct application of its
	// definition.
	tests := []struct {
		mode     RoundingMode
		pos, neg string
	}{
		{RoundHalfEven, "$2.34", "-$2.34"},
		{RoundHalfUp, "$2.35", "-$2.35"},
		{RoundHalfDown, "$2.34", "-$2.34"},
		{RoundUp, "$2.35", "-$2.35"},
		{RoundDown, "$2.34", "-$2.34"},
		{RoundCeiling, "$2.35", "-$2.34"},
		{RoundFloor, "$2.34", "-$2.35"},
	}
	for _, tt := range tests {
		f, err := NewFormatter(language.AmericanEnglish, &FormatOptions{Rounding: tt.mode})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct{ in, want string }{{"2.345", tt.pos}, {"-2.345", tt.neg}} {
			if got, _ := f.Currency(decimal.RequireFromString(c.in), "USD"); got != c.want {
				t.Errorf("%v: %s USD = %q, want %q", tt.mode, c.in, got, c.want)
			}
		}
		// 2.341 under "down" is never 2.35.
		if got, _ := f.Currency(decimal.RequireFromString("2.341"), "USD"); tt.mode == RoundDown && got != "$2.34" {
			t.Errorf("down: 2.341 USD = %q", got)
		}
	}
}

// TestErrorsBoundTheirInput checks that no error echoes a huge input
// (issue 9 item 5): every message stays short and names the input's
// length instead.
func TestErrorsBoundTheirInput(t *testing.T) {
	huge := strings.Repeat("x", 1<<20)
	f := mustFormatter(t, "en", nil)
	var d Date
	var m RoundingMode
	calls := map[string]func() error{
		"Parse":                      func() error { _, err := Parse(huge); return err },
		"ParseDate":                  func() error { _, err := ParseDate(huge); return err },
		"Date.UnmarshalText":         func() error { return d.UnmarshalText([]byte(huge)) },
		"NormalizeCountry":           func() error { _, err := NormalizeCountry(huge); return err },
		"NormalizeCurrency":          func() error { _, err := NormalizeCurrency(huge); return err },
		"ParseRoundingMode":          func() error { _, err := ParseRoundingMode(huge); return err },
		"RoundingMode.UnmarshalText": func() error { return m.UnmarshalText([]byte(huge)) },
		"ParseDisplay":               func() error { _, err := ParseDisplay(huge); return err },
		"Currency":                   func() error { _, err := f.Currency(decimal.NewFromInt(1), huge); return err },
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			err := call()
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if len(msg) > 250 || !strings.Contains(msg, "(1048576 bytes)") || !strings.HasPrefix(msg, "locale: ") {
				t.Errorf("message of %d bytes: %.200q", len(msg), msg)
			}
		})
	}
	// The zero Error has a message too.
	if got := (&Error{}).Error(); got != `locale: "": invalid value` {
		t.Errorf("zero Error = %q", got)
	}
}
