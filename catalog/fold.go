package catalog

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// maxTokenBytes bounds one indexed token; longer words are cut.
const maxTokenBytes = 64

// folder folds text for search: lower case (Unicode case folding, so "ß"
// is "ss"), accents removed ("é" is "e", "ü" is "u"), everything that is
// not a letter or a digit a separator. Letters without a decomposition
// stay ("ø", "æ", "ł"). A folder caches the folding of non-ASCII runes; it
// is not safe for concurrent use.
type folder struct {
	cache map[rune]string
	buf   []byte
}

func newFolder() *folder { return &folder{cache: map[rune]string{}} }

// foldRune returns the folded form of a non-ASCII rune ("" for a
// separator).
func (f *folder) foldRune(r rune) string {
	if s, ok := f.cache[r]; ok {
		return s
	}
	var b strings.Builder
	if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
		folded := cases.Fold().String(string(r))
		for _, d := range norm.NFKD.String(folded) {
			switch {
			case unicode.Is(unicode.Mn, d):
			case d < utf8.RuneSelf:
				if isAlnumASCII(byte(d)) {
					b.WriteByte(lowerASCII(byte(d)))
				}
			case unicode.IsLetter(d) || unicode.IsDigit(d):
				b.WriteString(strings.ToLower(string(d)))
			}
		}
	}
	s := b.String()
	if len(f.cache) < 4096 {
		f.cache[r] = s
	}
	return s
}

func isAlnumASCII(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// tokens calls yield with each folded token of s (the slice is reused
// between calls).
func (f *folder) tokens(s string, yield func(tok []byte)) {
	f.buf = f.buf[:0]
	flush := func() {
		if len(f.buf) > 0 {
			t := f.buf
			if len(t) > maxTokenBytes {
				t = t[:maxTokenBytes]
				for len(t) > 0 && !utf8.Valid(t) {
					t = t[:len(t)-1]
				}
			}
			yield(t)
			f.buf = f.buf[:0]
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if isAlnumASCII(c) {
				f.buf = append(f.buf, lowerASCII(c))
			} else {
				flush()
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if fr := f.foldRune(r); fr != "" {
			f.buf = append(f.buf, fr...)
		} else if !unicode.Is(unicode.Mn, r) {
			flush()
		}
	}
	flush()
}
