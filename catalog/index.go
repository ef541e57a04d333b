package catalog

import (
	"sync/atomic"
	"time"

	"github.com/marketkit/marketkit/pricing"
)

// PriceFunc returns the display price of product id in market, in the
// market's currency and rounded to its digits (package pricing resolves
// it, e.g. from the cheapest variant's PriceList entry); ok is false when
// there is none. NewIndex calls it from several goroutines at once.
type PriceFunc func(market, id string) (price pricing.Money, ok bool)

// IndexOptions configures NewIndex. The zero IndexOptions (or nil) is the
// default.
type IndexOptions struct {
	// At is the time host Rules are evaluated at; the zero Time means now.
	// Sale windows are checked per query (Query.At), not here.
	At time.Time
	// AllowUnpriced leaves available products without a price out of the
	// market's listing (Index.Unpriced reports them) instead of failing
	// with ErrNoPrice.
	AllowUnpriced bool
	// CursorKey authenticates cursors (HMAC-SHA256). Instances that serve
	// the same listings behind a load balancer share one key of at least
	// 16 bytes; nil means a random key per process.
	CursorKey []byte
	// Workers bounds the goroutines of the build; 0 means GOMAXPROCS.
	Workers int
}

// Index is an immutable search index over one catalog version for a set
// of markets. It is safe for concurrent use; queries never block each
// other or a build. Build a new Index for a new catalog version or new
// prices, and publish it through a Live.
type Index struct {
	cat     *Catalog
	id      uint64 // a random build identifier, bound into cursors
	built   time.Time
	markets map[string]*marketIndex
	order   []string // market IDs in input order
}

// Live publishes the current Index and keeps the previous ones for cursors
// still in use: a cursor from a retained index continues on that index (a
// consistent continuation, never a duplicate); a cursor from an index no
// longer retained is an ErrCursorExpired error. Readers never block. The
// zero Live has no index and retains DefaultRetain previous indexes.
type Live struct {
	snap   atomic.Pointer[liveSnap]
	Retain int // previous indexes kept for their cursors; 0 means DefaultRetain
}

// DefaultRetain is how many previous indexes a Live keeps by default.
const DefaultRetain = 2

type liveSnap struct {
	cur  *Index
	prev []*Index
}

type marketIndex struct{}

// NewIndex builds the index of catalog c for markets, with each market's
// display prices from prices. Every market is checked (Market.Validate);
// an available product without a price, or with a price in another
// currency, is an error naming the product and the market (wrapping
// ErrNoPrice or pricing.ErrCurrencyMismatch) unless
// IndexOptions.AllowUnpriced.
func NewIndex(c *Catalog, markets []Market, prices PriceFunc, opts *IndexOptions) (*Index, error) {
	return nil, &Error{Op: "NewIndex", Err: because(ErrInvalid, "not implemented yet")}
}

// Search runs q. See Query for the parameters and their limits.
func (ix *Index) Search(q Query) (Result, error) {
	return Result{}, &Error{Op: "Search", Err: because(ErrInvalid, "not implemented yet")}
}
