package web

import "github.com/marketkit/marketkit/store/web/internal/safepath"

// MaxLocalPathLength is the longest redirect target LocalPath accepts, in bytes.
const MaxLocalPathLength = safepath.MaxLength

// LocalPath reports whether s is safe to redirect to on the same site: a
// path-absolute reference ("/de/cart?x=1") that every browser resolves to
// the current origin. It is the one check every redirect target of this
// package passes through (http.Redirect itself passes "//evil.example"
// and "/\evil.example" through untouched, and browsers read both as
// another host).
//
// s must start with one "/"; it must be printable ASCII (non-ASCII
// characters percent-encoded), at most MaxLocalPathLength bytes, without
// a backslash, an empty path segment ("//") or a "." or ".." segment. Its
// path must not hold a percent-encoded slash, backslash, dot, percent
// sign, space or control character (%2F, %5C, %2E, %25, %09, …), nor its
// query or fragment an encoded control character: browsers drop tabs and
// newlines and read "\" as "/", and servers and frameworks decode once
// more than they should, so each of these turns a path into a host
// somewhere.
func LocalPath(s string) bool { return safepath.Local(s) }
