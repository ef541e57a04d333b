// Package safepath is the one same-site redirect check of store/web and
// store/web/handoff (exported as web.LocalPath).
package safepath

import (
	"net/url"
	"strings"
)

// MaxLength is the longest redirect target Local accepts, in bytes.
const MaxLength = 2048

// Local reports whether s is safe to redirect to on the same site: a
// path-absolute reference ("/de/cart?x=1") that every browser resolves to
// the current origin. It is the one check every redirect target of this
// package passes through (http.Redirect itself passes "//evil.example"
// and "/\evil.example" through untouched, and browsers read both as
// another host).
//
// s must start with one "/"; it must be printable ASCII (non-ASCII
// characters percent-encoded), at most MaxLength bytes, without
// a backslash, an empty path segment ("//") or a "." or ".." segment. Its
// path must not hold a percent-encoded slash, backslash, dot, percent
// sign, space or control character (%2F, %5C, %2E, %25, %09, …), nor its
// query or fragment an encoded control character: browsers drop tabs and
// newlines and read "\" as "/", and servers and frameworks decode once
// more than they should, so each of these turns a path into a host
// somewhere.
func Local(s string) bool {
	if len(s) < 1 || len(s) > MaxLength || s[0] != '/' {
		return false
	}
	pathEnd := len(s)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x21 || c > 0x7e || c == '\\':
			return false
		case c == '%':
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return false
			}
			v := unhex(s[i+1])<<4 | unhex(s[i+2])
			if v < 0x20 || v == 0x7f || (i < pathEnd && (v == ' ' || v == '/' || v == '\\' || v == '%' || v == '.')) {
				return false
			}
		case (c == '?' || c == '#') && pathEnd == len(s):
			pathEnd = i
		}
	}
	if !Clean(s[:pathEnd]) {
		return false
	}
	// Belt and braces: whatever the rules above let through must parse as
	// a reference without scheme, host or user.
	u, err := url.Parse(s)
	return err == nil && u.Scheme == "" && u.Host == "" && u.User == nil && u.Opaque == "" &&
		strings.HasPrefix(u.Path, "/") && !strings.HasPrefix(u.Path, "//")
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	default:
		return c - 'a' + 10
	}
}

// Clean reports whether p (starting with "/") has no empty, "." or ".."
// segment, except for one final empty segment (a trailing slash).
func Clean(p string) bool {
	start := 1
	for i := 1; i <= len(p); i++ {
		if i < len(p) && p[i] != '/' {
			continue
		}
		seg := p[start:i]
		switch {
		case seg == "." || seg == "..":
			return false
		case seg == "" && i < len(p):
			return false
		}
		start = i + 1
	}
	return true
}
