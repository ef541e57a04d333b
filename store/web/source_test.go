package web

import (
	"errors"
	"testing"
)

func TestSourceText(t *testing.T) {
	for s := FromPath; s <= FromDefault; s++ {
		b, err := s.MarshalText()
		if err != nil {
			t.Fatalf("%d: MarshalText: %v", s, err)
		}
		var back Source
		if err := back.UnmarshalText(b); err != nil || back != s {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", b, back, err, s)
		}
	}
	for _, in := range []string{"", "Cookie", "cookie ", "Source(3)", "geo-ip"} {
		if _, err := ParseSource(in); !errors.Is(err, ErrInvalidConfig) {
			t.Errorf("ParseSource(%q) error = %v, want ErrInvalidConfig", in, err)
		}
	}
	if got := Source(42).String(); got != "Source(42)" {
		t.Errorf("Source(42).String() = %q", got)
	}
	if _, err := Source(42).MarshalText(); err == nil {
		t.Error("MarshalText of an undefined Source succeeded")
	}
}
