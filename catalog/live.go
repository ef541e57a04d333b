package catalog

import (
	"slices"
	"sync/atomic"
)

// Live publishes the current Index and keeps the previous ones for cursors
// still in use: a cursor from a retained index continues on that index (a
// consistent continuation of the same snapshot, never a duplicate); a
// cursor from an index no longer retained is an ErrCursorExpired error.
// Readers never block and never see half an index. The zero Live has no
// index; set Retain before the first Publish. A nil *Live panics with
// "catalog: nil *Live".
type Live struct {
	// Retain is how many previous indexes stay available for their
	// cursors; 0 means DefaultRetain, a negative value none.
	Retain int
	snap   atomic.Pointer[liveSnap]
}

// DefaultRetain is how many previous indexes a Live keeps by default.
const DefaultRetain = 2

type liveSnap struct {
	cur  *Index
	prev []*Index
}

// Publish makes ix the current index atomically. Searches already running
// finish on the index they started with.
func (l *Live) Publish(ix *Index) {
	l.check()
	ix.check()
	keep := l.Retain
	if keep == 0 {
		keep = DefaultRetain
	}
	keep = max(keep, 0)
	for {
		old := l.snap.Load()
		next := &liveSnap{cur: ix}
		if old != nil && old.cur != ix {
			next.prev = append([]*Index{old.cur}, old.prev...)
			next.prev = slices.DeleteFunc(next.prev, func(p *Index) bool { return p == ix })
			if len(next.prev) > keep {
				next.prev = next.prev[:keep]
			}
		} else if old != nil {
			next.prev = old.prev
		}
		if l.snap.CompareAndSwap(old, next) {
			return
		}
	}
}

// Index returns the current index, or nil before the first Publish.
func (l *Live) Index() *Index {
	l.check()
	if s := l.snap.Load(); s != nil {
		return s.cur
	}
	return nil
}

// Search runs q on the current index, or, for a cursor, on the retained
// index that issued it.
func (l *Live) Search(q Query) (Result, error) {
	l.check()
	s := l.snap.Load()
	if s == nil {
		return Result{}, &Error{Op: "Search", Field: "index", Value: "", Err: because(ErrNotFound, "no index published")}
	}
	ix := s.cur
	if q.Cursor != "" {
		c, err := decodeCursor(s.cur.key, q.Cursor)
		if err != nil {
			return Result{}, err
		}
		if c.build != ix.id {
			ix = nil
			for _, p := range s.prev {
				if p.id == c.build {
					ix = p
					break
				}
			}
			if ix == nil {
				return Result{}, &Error{Op: "Search", Field: "cursor", Value: q.Cursor, Err: because(ErrCursorExpired, "its index version is no longer retained; start again from the first page")}
			}
		}
	}
	return ix.Search(q)
}

func (l *Live) check() {
	if l == nil {
		panic("catalog: nil *Live")
	}
}
