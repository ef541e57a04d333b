package catalog

import (
	"context"
	"sync/atomic"
)

// Source loads catalog versions: from a JSON Lines file, a host's
// database, a service. A store holds one and rebuilds its index when the
// version changes. Implementations must be safe for concurrent use, must
// return an error wrapping ctx.Err() once ctx is done, and must never
// return a Catalog that later changes (a Catalog is immutable anyway). The
// catalogtest package checks these rules.
type Source interface {
	// Version returns the identifier of the current catalog version, for
	// cheap polling; it equals Load's Catalog.Version while nothing changes.
	Version(ctx context.Context) (string, error)
	// Load returns the current catalog version.
	Load(ctx context.Context) (*Catalog, error)
}

// MemorySource is a Source that serves a Catalog held in memory; Set
// replaces it atomically. The zero MemorySource has no catalog: Load and
// Version fail with ErrNotFound until Set is called. A nil *MemorySource
// panics with "catalog: nil *MemorySource".
type MemorySource struct {
	cur atomic.Pointer[Catalog]
}

// NewMemorySource returns a MemorySource serving c.
func NewMemorySource(c *Catalog) *MemorySource {
	s := &MemorySource{}
	s.Set(c)
	return s
}

// Set makes c the current version (nil removes it).
func (s *MemorySource) Set(c *Catalog) { s.check(); s.cur.Store(c) }

func (s *MemorySource) check() {
	if s == nil {
		panic("catalog: nil *MemorySource")
	}
}

// Version implements Source.
func (s *MemorySource) Version(ctx context.Context) (string, error) {
	c, err := s.Load(ctx)
	if err != nil {
		return "", err
	}
	return c.Version(), nil
}

// Load implements Source.
func (s *MemorySource) Load(ctx context.Context) (*Catalog, error) {
	s.check()
	if err := ctx.Err(); err != nil {
		return nil, &Error{Op: "MemorySource.Load", Err: err}
	}
	c := s.cur.Load()
	if c == nil {
		return nil, &Error{Op: "MemorySource.Load", Field: "catalog", Err: because(ErrNotFound, "no catalog set")}
	}
	return c, nil
}

var _ Source = (*MemorySource)(nil)
