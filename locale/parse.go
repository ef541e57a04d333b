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

// ErrInvalidTag reports a string that is not a well-formed BCP 47 language
// tag, or one longer than MaxTagLength. Parse returns a *TagError wrapping
// it.
var ErrInvalidTag = errors.New("locale: invalid language tag")

// TagError reports a string that could not be parsed as a language tag.
// It wraps ErrInvalidTag.
type TagError struct {
	Value  string // the input as given
	Reason string // why it was rejected, e.g. "longer than 100 bytes"
}

// Error returns a message such as `locale: invalid language tag "e n": tag
// is not well-formed`. Values longer than MaxTagLength are shortened in the message.
func (e *TagError) Error() string {
	v := e.Value
	if len(v) > MaxTagLength {
		v = v[:MaxTagLength] + "…"
	}
	return fmt.Sprintf("locale: invalid language tag %q: %s", v, e.Reason)
}

// Unwrap returns ErrInvalidTag.
func (e *TagError) Unwrap() error { return ErrInvalidTag }

// Parse parses a BCP 47 language tag and returns it canonicalized the way
// golang.org/x/text/language.Parse does (case normalized, deprecated and
// legacy codes replaced: "iw" → "he", "de_ch" → "de-CH"). Surrounding
// spaces are trimmed. A string that is empty, longer than MaxTagLength,
// not well-formed or with an unknown language, script or region subtag
// returns language.Und and a *TagError wrapping ErrInvalidTag. Parse never
// panics.
func Parse(s string) (language.Tag, error) {
	in := s
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return language.Und, &TagError{Value: in, Reason: "empty"}
	case len(s) > MaxTagLength:
		return language.Und, &TagError{Value: in, Reason: fmt.Sprintf("longer than %d bytes", MaxTagLength)}
	}
	t, err := language.Parse(s)
	if err != nil {
		return language.Und, &TagError{Value: in, Reason: reason(err)}
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
