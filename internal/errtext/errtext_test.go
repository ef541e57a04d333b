package errtext

import (
	"strings"
	"testing"
)

func TestQuote(t *testing.T) {
	long := strings.Repeat("a", 1<<20)
	tests := []struct{ name, in, want string }{
		{"empty", "", `""`},
		{"short", "1,5", `"1,5"`},
		{"exactly max", strings.Repeat("b", MaxEcho), `"` + strings.Repeat("b", MaxEcho) + `"`},
		{"long", long, `"` + strings.Repeat("a", MaxEcho) + `…"(1048576 bytes)`},
		{"cut inside a rune", strings.Repeat("a", MaxEcho-1) + "ééé", `"` + strings.Repeat("a", MaxEcho-1) + `…"(69 bytes)`},
		{"control characters", "a\nb", `"a\nb"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Quote(tt.in); got != tt.want {
				t.Errorf("Quote = %s, want %s", got, tt.want)
			}
		})
	}
}
