package handoff

import (
	"context"
	"sync"
	"time"
)

// ReplayStore remembers consumed nonces until their tokens expire, which
// is what makes a token single-use: signature checks alone accept a
// valid token again and again until it expires. In a fleet, the
// receiving market's store (its database, or a shared one) implements
// it; the in-memory default fits one process.
type ReplayStore interface {
	// Consume marks nonce as used until expires. It reports fresh ==
	// false when the nonce was already consumed. It must be atomic: of
	// two concurrent calls with one nonce, at most one is fresh.
	Consume(ctx context.Context, nonce string, expires time.Time) (fresh bool, err error)
}

// MemoryReplayStore is the in-memory ReplayStore: a map of nonces to
// expiry, swept of expired entries when full, and failing closed (an
// error, so the hand-off falls back to the sign-in page) when more than
// its capacity of unexpired nonces are held. Safe for concurrent use.
type MemoryReplayStore struct {
	mu    sync.Mutex
	max   int
	seen  map[string]time.Time
	nowFn func() time.Time
}

// NewMemoryReplayStore returns a store holding at most capacity
// unexpired nonces (0 means 100 000, about 10 MB).
func NewMemoryReplayStore(capacity int) *MemoryReplayStore {
	if capacity <= 0 {
		capacity = 100_000
	}
	return &MemoryReplayStore{max: capacity, seen: make(map[string]time.Time), nowFn: time.Now}
}

// Consume implements ReplayStore.
func (s *MemoryReplayStore) Consume(_ context.Context, nonce string, expires time.Time) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.nowFn()
	if exp, ok := s.seen[nonce]; ok && now.Before(exp) {
		return false, nil
	}
	if len(s.seen) >= s.max {
		for n, exp := range s.seen {
			if !now.Before(exp) {
				delete(s.seen, n)
			}
		}
		if len(s.seen) >= s.max {
			return false, &Error{Op: "MemoryReplayStore.Consume", Field: "nonce", Value: nonce, Reason: "store full", Err: ErrReplayed}
		}
	}
	// Keep the nonce a little past expiry, for the clock skew Verify allows.
	s.seen[nonce] = expires.Add(MaxSkew)
	return true, nil
}
