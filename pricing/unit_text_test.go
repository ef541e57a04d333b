package pricing

import (
	"encoding"
	"errors"
	"testing"
)

var (
	_ encoding.TextAppender    = Unit(0)
	_ encoding.TextUnmarshaler = (*Unit)(nil)
)

func TestUnitText(t *testing.T) {
	for _, u := range []Unit{MinorUnit, CashUnit} {
		b, err := u.MarshalText()
		if err != nil {
			t.Fatalf("%v: %v", u, err)
		}
		var back Unit
		if err := back.UnmarshalText(b); err != nil || back != u {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", b, back, err, u)
		}
	}
	if _, err := Unit(7).MarshalText(); !errors.Is(err, ErrInvalid) {
		t.Errorf("MarshalText(Unit(7)) error = %v", err)
	}
	for _, in := range []string{"", "Minor", "cash ", "Unit(0)"} {
		if _, err := ParseUnit(in); !errors.Is(err, ErrInvalid) {
			t.Errorf("ParseUnit(%q) error = %v, want ErrInvalid", in, err)
		}
	}
}

func TestNilErrorsUnwrap(t *testing.T) {
	var e *Error
	var n *NoPriceError
	// errors.Is walks Unwrap; a typed nil must not panic on the way.
	if errors.Is(e, ErrInvalid) || errors.Is(n, ErrNoPrice) {
		t.Error("a nil error pointer matched a sentinel")
	}
	if e.Unwrap() != nil || n.Unwrap() != nil {
		t.Error("Unwrap of a nil pointer returned something")
	}
}
