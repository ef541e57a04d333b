package enum

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

type color uint8

var colors = New[color]("Color", 1, "red", "", "blue")

func TestNames(t *testing.T) {
	tests := []struct {
		v     color
		valid bool
		str   string
	}{
		{0, false, "Color(0)"},
		{1, true, "red"},
		{2, false, "Color(2)"},
		{3, true, "blue"},
		{4, false, "Color(4)"},
		{255, false, "Color(255)"},
	}
	for _, tt := range tests {
		if got := colors.IsValid(tt.v); got != tt.valid {
			t.Errorf("IsValid(%d) = %v, want %v", tt.v, got, tt.valid)
		}
		if got := colors.String(tt.v); got != tt.str {
			t.Errorf("String(%d) = %q, want %q", tt.v, got, tt.str)
		}
		b, ok := colors.AppendText([]byte("x"), tt.v)
		if ok != tt.valid {
			t.Errorf("AppendText(%d) ok = %v, want %v", tt.v, ok, tt.valid)
		}
		if want := "x"; !ok && string(b) != want {
			t.Errorf("AppendText(%d) changed the buffer to %q", tt.v, b)
		}
		if ok {
			if string(b) != "x"+tt.str {
				t.Errorf("AppendText(%d) = %q, want %q", tt.v, b, "x"+tt.str)
			}
			back, ok := colors.Parse(tt.str)
			if !ok || back != tt.v {
				t.Errorf("Parse(%q) = %d, %v; want %d, true", tt.str, back, ok, tt.v)
			}
		}
	}
	for _, s := range []string{"", "Red", "red ", "Color(1)", "green"} {
		if v, ok := colors.Parse(s); ok {
			t.Errorf("Parse(%q) = %d, true; want false", s, v)
		}
	}
	if diff := cmp.Diff([]string{"red", "blue"}, colors.All()); diff != "" {
		t.Errorf("All() (-want +got):\n%s", diff)
	}
}
