package sqlstore

import (
	"errors"
	"testing"
)

func TestEngineText(t *testing.T) {
	for _, tc := range []struct {
		e    Engine
		name string
	}{{SQLite, "sqlite"}, {PostgreSQL, "postgresql"}} {
		if !tc.e.IsValid() || tc.e.String() != tc.name {
			t.Errorf("%d: IsValid %v, String %q; want true, %q", tc.e, tc.e.IsValid(), tc.e.String(), tc.name)
		}
		b, err := tc.e.AppendText([]byte("x"))
		if err != nil || string(b) != "x"+tc.name {
			t.Errorf("%v: AppendText = %q, %v", tc.e, b, err)
		}
		var back Engine
		if err := back.UnmarshalText([]byte(tc.name)); err != nil || back != tc.e {
			t.Errorf("UnmarshalText(%q) = %v, %v", tc.name, back, err)
		}
	}
	for _, e := range []Engine{0, 3, 255} {
		if e.IsValid() {
			t.Errorf("Engine(%d) is valid", e)
		}
		if _, err := e.MarshalText(); err == nil {
			t.Errorf("MarshalText of Engine(%d) succeeded", e)
		}
	}
	if got := Engine(0).String(); got != "Engine(0)" {
		t.Errorf("Engine(0).String() = %q", got)
	}
	for _, in := range []string{"", "SQLite", "postgres", "sqlite3"} {
		if _, err := ParseEngine(in); !errors.Is(err, ErrDSN) {
			t.Errorf("ParseEngine(%q) error = %v, want ErrDSN", in, err)
		}
	}
}
