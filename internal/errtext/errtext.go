// Package errtext quotes untrusted input for error messages with a bound on
// its length, so that an error never echoes a megabyte of input.
package errtext

import (
	"strconv"
	"unicode/utf8"
)

// MaxEcho is the most bytes of an input that Quote shows.
const MaxEcho = 64

// Quote returns s quoted as by strconv.Quote; an input longer than MaxEcho
// bytes is cut at a rune boundary and followed by "…" and its length, as in
// "123456…"(1048576 bytes).
func Quote(s string) string {
	return string(AppendQuote(nil, s))
}

// AppendQuote appends Quote(s) to b.
func AppendQuote(b []byte, s string) []byte {
	if len(s) <= MaxEcho {
		return strconv.AppendQuote(b, s)
	}
	cut := MaxEcho
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	b = strconv.AppendQuote(b, s[:cut]+"…")
	b = append(b, '(')
	b = strconv.AppendInt(b, int64(len(s)), 10)
	return append(b, " bytes)"...)
}
