// Package enum holds the one implementation of the text methods that every
// enumerated type of marketkit shares: String, IsValid, Parse, AppendText,
// MarshalText and UnmarshalText all read one table of names.
//
// The convention (see the root package's Conventions section): names are
// lower-case words joined by hyphens ("half-even", "reverse-charge"); String
// returns the name, or "Type(N)" for a value outside the table; MarshalText
// and AppendText refuse such a value; Parse accepts exactly the names, case
// sensitively, and nothing else.
package enum

import "strconv"

// Names is the table of text names of an enumerated type T whose valid
// values are First, First+1, … First+len(names)-1. An empty name marks a
// value inside that range that is not valid.
type Names[T ~uint8] struct {
	typeName string
	first    T
	names    []string
}

// New returns the table for type typeName (used in "typeName(N)" for
// unknown values) whose first valid value is first.
func New[T ~uint8](typeName string, first T, names ...string) Names[T] {
	return Names[T]{typeName: typeName, first: first, names: names}
}

// IsValid reports whether v has a name.
func (n Names[T]) IsValid(v T) bool {
	return v >= n.first && int(v-n.first) < len(n.names) && n.names[v-n.first] != ""
}

// String returns v's name, or "Type(N)" when v has none.
func (n Names[T]) String(v T) string {
	if n.IsValid(v) {
		return n.names[v-n.first]
	}
	return n.typeName + "(" + strconv.Itoa(int(v)) + ")"
}

// AppendText appends v's name to b; ok is false (and b unchanged) when v
// has no name.
func (n Names[T]) AppendText(b []byte, v T) (_ []byte, ok bool) {
	if !n.IsValid(v) {
		return b, false
	}
	return append(b, n.names[v-n.first]...), true
}

// Parse returns the value named s; ok is false when no value has that name.
func (n Names[T]) Parse(s string) (_ T, ok bool) {
	for i, name := range n.names {
		if name != "" && name == s {
			return n.first + T(i), true
		}
	}
	return 0, false
}

// All returns the names in value order, without the empty ones, as a new
// slice (for error messages that list what would have matched).
func (n Names[T]) All() []string {
	out := make([]string, 0, len(n.names))
	for _, name := range n.names {
		if name != "" {
			out = append(out, name)
		}
	}
	return out
}
