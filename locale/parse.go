package locale

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// MaxTagLength is the longest language tag Parse accepts, in bytes. Real
// tags are short (de-CH, zh-Hant-TW, en-US-u-ca-gregory); the bound keeps
// request input from costing more than a few microseconds.
const MaxTagLength = 100

// Parse parses a BCP 47 language tag and returns it canonicalized the way
// golang.org/x/text/language.Parse does (case normalized, deprecated and
// legacy codes replaced: "iw" → "he", "de_ch" → "de-CH"). Surrounding
// spaces are trimmed. A string that is empty, longer than MaxTagLength,
// not well-formed or with an unknown language, script or region subtag
// returns language.Und and an *Error wrapping ErrInvalidTag. Parse never
// panics.
func Parse(s string) (language.Tag, error) {
	in := s
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return language.Und, newError("Parse", "tag", in, ErrInvalidTag, "empty")
	case len(s) > MaxTagLength:
		return language.Und, newError("Parse", "tag", in, ErrInvalidTag, fmt.Sprintf("longer than %d bytes", MaxTagLength))
	}
	t, err := language.Parse(s)
	if err != nil {
		return language.Und, newError("Parse", "tag", in, ErrInvalidTag, reason(err))
	}
	return t, nil
}

// MustParse is like Parse but panics on error. It is meant for tags
// written in the source code and in tests, never for request input.
func MustParse(s string) language.Tag {
	t, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return t
}

// reason turns an x/text error into a short reason without its package
// prefix.
func reason(err error) string {
	var ve interface{ Subtag() string }
	if errors.As(err, &ve) {
		return fmt.Sprintf("unknown subtag %q", ve.Subtag())
	}
	return strings.TrimPrefix(err.Error(), "language: ")
}
