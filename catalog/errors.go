package catalog

import (
	"errors"
	"strconv"
	"strings"

	"github.com/marketkit/marketkit/internal/errtext"
	"github.com/marketkit/marketkit/locale"
)

// Sentinel errors. Every error returned by this package wraps one of them
// (or a sentinel of package locale or pricing: locale.ErrUnknownCountry,
// locale.ErrUnknownCurrency, pricing.ErrCurrencyMismatch), so
// callers can test the category with errors.Is; *Error carries the details.
var (
	// ErrSyntax reports input that is not well-formed: a JSON Lines record
	// that is not one JSON object, a malformed date, a cursor that is not
	// base64.
	ErrSyntax = errors.New("catalog: invalid syntax")
	// ErrInvalid reports a well-formed value that breaks a rule: an
	// identifier with a forbidden character, a value of the wrong kind for
	// its attribute, a sale window that ends before it starts.
	ErrInvalid = errors.New("catalog: invalid value")
	// ErrMissing reports a required field that is absent or empty.
	ErrMissing = errors.New("catalog: missing value")
	// ErrDuplicate reports an identifier, SKU or JSON key given twice.
	ErrDuplicate = errors.New("catalog: duplicate")
	// ErrNotFound reports a reference to something that does not exist: an
	// unknown product, category, attribute, attribute value or market.
	ErrNotFound = errors.New("catalog: not found")
	// ErrTooLarge reports an input over one of the documented limits
	// (MaxLineBytes, MaxQueryTextBytes, …).
	ErrTooLarge = errors.New("catalog: input too large")
	// ErrCursor reports a cursor that is malformed, truncated, forged, or
	// used with a different query or market than the one that produced it.
	ErrCursor = errors.New("catalog: invalid cursor")
	// ErrCursorExpired reports a well-formed, authentic cursor from an index
	// version that is no longer retained: start again from the first page.
	// It also matches ErrCursor.
	ErrCursorExpired = &expiredError{}
	// ErrNoPrice reports an available product without a display price in
	// a market when an index is built (see IndexOptions.AllowUnpriced).
	ErrNoPrice = errors.New("catalog: no price")
)

type expiredError struct{}

func (*expiredError) Error() string        { return "catalog: cursor expired" }
func (*expiredError) Is(target error) bool { return target == ErrCursor }

// Error is the typed error of this package. It names the operation, the
// offending field and its value, and wraps the reason: a sentinel of this
// package (ErrInvalid, ErrNotFound, …), of package locale
// (locale.ErrUnknownCurrency) or of package pricing.
//
// Its message has the layout `catalog: Op: field "value": reason`, with the
// line number first for JSON Lines input:
//
//	catalog: ReadJSONL: line 7: product "mug-1" attributes.color "teal": not found: no such value of attribute "color"
//
// Value is quoted and, past 64 bytes, truncated (internal/errtext).
type Error struct {
	Op    string // the function or method, e.g. "ReadJSONL", "New", "Search"
	Line  int    // the 1-based line of JSON Lines input, or 0
	ID    string // the record the field belongs to, e.g. a product ID, or ""
	Kind  string // the kind of that record: "product", "category", "attribute", "market", or ""
	Field string // the offending field, as a JSON path: "content.de.name", "availability.countries[2]"
	Value string // the offending value, as text
	Err   error  // the reason, wrapping a sentinel
}

// Error returns the message described on the type; the zero Error gives
// "catalog: error".
func (e *Error) Error() string {
	if e == nil {
		return "catalog: <nil>"
	}
	var b strings.Builder
	b.WriteString("catalog: ")
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	if e.Line > 0 {
		b.WriteString("line ")
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteString(": ")
	}
	if e.Kind != "" || e.ID != "" {
		if e.Kind != "" {
			b.WriteString(e.Kind)
			b.WriteByte(' ')
		}
		b.WriteString(errtext.Quote(e.ID))
		b.WriteByte(' ')
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteByte(' ')
		b.WriteString(errtext.Quote(e.Value))
		b.WriteString(": ")
	}
	if e.Err == nil {
		b.WriteString("error")
	} else {
		msg := e.Err.Error()
		for _, p := range [...]string{"catalog: ", "locale: ", "pricing: "} {
			msg = strings.TrimPrefix(msg, p)
		}
		b.WriteString(msg)
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

// reason is a sentinel with a sentence of detail: its message is the
// sentinel's followed by ": " and the detail.
type reason struct {
	sentinel error
	detail   string
}

func (r *reason) Error() string {
	if r.detail == "" {
		return r.sentinel.Error()
	}
	return r.sentinel.Error() + ": " + r.detail
}

func (r *reason) Unwrap() error { return r.sentinel }

// because returns sentinel with detail.
func because(sentinel error, detail string) error {
	return &reason{sentinel: sentinel, detail: detail}
}

// Errors is a list of errors, each an *Error, returned when input holds
// several problems (ReadJSONL, New, NewIndex). errors.Is and errors.As see
// every one of them.
type Errors struct {
	// List holds the errors in input order, at most MaxErrors of them.
	List []*Error
	// More counts the errors found beyond MaxErrors, which are not kept.
	More int
}

// MaxErrors is the most errors an Errors keeps; the rest are counted in
// Errors.More, never dropped silently.
const MaxErrors = 1000

// Error lists up to ten errors, one per line, and how many more there are.
func (e *Errors) Error() string {
	if e == nil || len(e.List) == 0 {
		return "catalog: no errors"
	}
	var b strings.Builder
	n := len(e.List) + e.More
	if n == 1 {
		return e.List[0].Error()
	}
	b.WriteString("catalog: ")
	b.WriteString(strconv.Itoa(n))
	b.WriteString(" errors:")
	for i, err := range e.List {
		if i == 10 {
			b.WriteString("\n\t… and ")
			b.WriteString(strconv.Itoa(n - 10))
			b.WriteString(" more")
			break
		}
		b.WriteString("\n\t")
		b.WriteString(err.Error())
	}
	return b.String()
}

// Unwrap returns the kept errors, for errors.Is and errors.As.
func (e *Errors) Unwrap() []error {
	if e == nil {
		return nil
	}
	out := make([]error, len(e.List))
	for i, err := range e.List {
		out[i] = err
	}
	return out
}

func (e *Errors) add(err *Error) {
	if len(e.List) < MaxErrors {
		e.List = append(e.List, err)
	} else {
		e.More++
	}
}

func (e *Errors) len() int { return len(e.List) + e.More }

// err returns e as an error, or nil when it holds none.
func (e *Errors) err() error {
	if e.len() == 0 {
		return nil
	}
	return e
}

// errUnknownCountry is what an unknown or malformed country code wraps:
// the library's shared sentinel.
var errUnknownCountry = locale.ErrUnknownCountry
