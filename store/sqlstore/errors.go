package sqlstore

import (
	"errors"
	"strings"

	"github.com/marketkit/marketkit/internal/errtext"
)

// Sentinel errors of the package. Errors about orders and identities are
// *store.Error values wrapping the sentinels of package store
// (store.ErrInvalid, store.ErrOrderNotFound, …); the errors below are about
// databases, schemas and backups and come wrapped in an *Error.
var (
	// ErrDSN: a data source name that cannot be used (unknown scheme,
	// an in-memory SQLite database, a malformed template).
	ErrDSN = errors.New("invalid data source name")
	// ErrSchemaTooNew: the database was migrated by a newer version of
	// this package; the code refuses to run against a schema it does not
	// know.
	ErrSchemaTooNew = errors.New("database schema newer than this program")
	// ErrSchemaMismatch: an applied migration's name differs from this
	// program's migration of the same version.
	ErrSchemaMismatch = errors.New("database schema does not match this program")
	// ErrResidency: two markets with different data-residency tags would
	// share one database, or a database recorded with one tag was opened
	// with another.
	ErrResidency = errors.New("data-residency tags differ")
	// ErrBackup: a backup could not be taken, verified or restored.
	ErrBackup = errors.New("backup failed")
	// ErrNoTool: an external program (pg_dump, pg_restore) is missing.
	ErrNoTool = errors.New("external program not found")
)

// Error is the package's typed error: `sqlstore: Op: field "value": reason`.
// A zero Error prints without panicking.
type Error struct {
	Op    string // e.g. "Open", "Backup"
	Field string // e.g. "dsn", "dir"
	Value string // the offending value (a DSN with its password removed)
	Err   error  // the reason: a sentinel of this package, wrapping the cause
}

// Error returns the message described on Error.
func (e *Error) Error() string {
	if e == nil {
		return "sqlstore: <nil>"
	}
	var b strings.Builder
	b.WriteString("sqlstore: ")
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
		b.WriteString(e.Err.Error())
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

// cause joins a sentinel and an underlying error so that errors.Is matches
// both and the message reads "sentinel: cause".
type cause struct {
	sentinel error
	err      error
	detail   string
}

func (c *cause) Error() string {
	s := c.sentinel.Error()
	if c.detail != "" {
		s += ": " + c.detail
	}
	if c.err != nil {
		s += ": " + c.err.Error()
	}
	return s
}

func (c *cause) Unwrap() []error {
	if c.err == nil {
		return []error{c.sentinel}
	}
	return []error{c.sentinel, c.err}
}

func newErr(op, field, value string, sentinel error, detail string, err error) *Error {
	return &Error{Op: op, Field: field, Value: value, Err: &cause{sentinel: sentinel, err: err, detail: detail}}
}
