package metadata

import (
	"errors"
	"strings"

	"github.com/marketkit/marketkit/internal/errtext"
)

// Sentinel errors. Every error of the package is an *Error wrapping one of
// these or an error of package store (a configuration that fails
// store.Decode or store.Check).
var (
	// ErrNotFound: a market or locale that the configuration does not
	// have.
	ErrNotFound = errors.New("not found")
	// ErrRejected: a configuration that was not published because it does
	// not decode or has Check errors; the previous version stays.
	ErrRejected = errors.New("configuration rejected")
)

// Error is the package's typed error, with the library's layout
// `metadata: Op: field "value": reason`. A zero Error prints without
// panicking.
type Error struct {
	Op    string // the function, e.g. "Publish"
	Field string // the JSON path or argument
	Value string // the offending value, verbatim (quoted and cut in the message)
	Err   error  // the reason
}

// Error returns the message described on Error.
func (e *Error) Error() string {
	if e == nil {
		return "metadata: <nil>"
	}
	var b strings.Builder
	b.WriteString("metadata: ")
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteByte(' ')
	}
	if e.Field != "" || e.Value != "" {
		b.WriteString(errtext.Quote(e.Value))
		b.WriteString(": ")
	}
	if e.Err != nil {
		b.WriteString(strings.TrimPrefix(e.Err.Error(), "metadata: "))
	} else {
		b.WriteString("error")
	}
	return b.String()
}

// Unwrap returns the reason.
func (e *Error) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}
