package vat

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeRegister is a hand-written fake VIES: it knows a set of numbers and
// can be switched to "unavailable".
type fakeRegister struct {
	known map[string]string
	down  atomic.Bool
	calls atomic.Int64
	clock func() time.Time
}

func (f *fakeRegister) Verify(ctx context.Context, n Number) (Verification, error) {
	f.calls.Add(1)
	if err := ctx.Err(); err != nil {
		return Verification{}, err
	}
	if f.down.Load() {
		return Verification{}, fmt.Errorf("fake vies: MS_UNAVAILABLE: %w", ErrUnavailable)
	}
	name, ok := f.known[n.String()]
	return Verification{Number: n, Valid: ok, Name: name, Service: "fake-vies", Reference: "REF-" + n.Number, CheckedAt: f.clock()}, nil
}

func TestCachingVerifier(t *testing.T) {
	now := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	reg := &fakeRegister{known: map[string]string{"DE136695976": "Muster GmbH"}, clock: clock}
	c := NewCachingVerifier(reg, &CacheOptions{TTL: time.Hour, NegativeTTL: time.Minute, MaxStale: 2 * time.Hour, Now: clock})
	ctx := context.Background()
	de, _ := Parse("DE136695976")
	fr, _ := Parse("FR40303265045")

	v, err := c.Verify(ctx, de)
	if err != nil || !v.Valid || v.Cached || v.Service != "fake-vies" || !v.CheckedAt.Equal(now) || v.Name != "Muster GmbH" {
		t.Fatalf("first = %+v, %v", v, err)
	}
	v, _ = c.Verify(ctx, de)
	if !v.Cached || reg.calls.Load() != 1 {
		t.Fatalf("second not cached: %+v, calls %d", v, reg.calls.Load())
	}
	// Negative answers are cached for the shorter NegativeTTL.
	if v, _ := c.Verify(ctx, fr); v.Valid {
		t.Fatal("FR valid in fake")
	}
	now = now.Add(2 * time.Minute)
	c.Verify(ctx, fr)
	if reg.calls.Load() != 3 {
		t.Fatalf("negative entry not expired: calls %d", reg.calls.Load())
	}
	// Expired positive entry + service down: stale answer within MaxStale.
	now = now.Add(90 * time.Minute)
	reg.down.Store(true)
	v, err = c.Verify(ctx, de)
	if err != nil || !v.Stale || !v.Cached || !v.Valid {
		t.Fatalf("stale = %+v, %v", v, err)
	}
	// Beyond MaxStale the error surfaces.
	now = now.Add(3 * time.Hour)
	if _, err := c.Verify(ctx, de); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("err = %v, want ErrUnavailable", err)
	}
	// Errors are not cached: the service comes back and answers.
	reg.down.Store(false)
	if v, err := c.Verify(ctx, de); err != nil || v.Cached || !v.CheckedAt.Equal(now) {
		t.Fatalf("after recovery = %+v, %v", v, err)
	}
}

func TestCachingVerifierEvicts(t *testing.T) {
	now := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	reg := &fakeRegister{known: map[string]string{}, clock: func() time.Time { return now }}
	c := NewCachingVerifier(reg, &CacheOptions{MaxEntries: 2, Now: func() time.Time { return now }})
	for _, s := range []string{"DE136695976", "FR40303265045", "ATU13585627"} {
		n, _ := Parse(s)
		c.Verify(context.Background(), n)
		now = now.Add(time.Second)
	}
	if len(c.m) != 2 {
		t.Fatalf("entries = %d, want 2", len(c.m))
	}
	if _, ok := c.m["DE136695976"]; ok {
		t.Error("oldest entry not evicted")
	}
}

func TestCachingVerifierConcurrent(t *testing.T) {
	reg := &fakeRegister{known: map[string]string{"DE136695976": "x"}, clock: time.Now}
	c := NewCachingVerifier(reg, nil)
	nums := []string{"DE136695976", "FR40303265045", "ATU13585627", "NL004495445B01"}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				n, _ := Parse(nums[(g+i)%len(nums)])
				v, err := c.Verify(context.Background(), n)
				if err != nil || v.Valid != (n.String() == "DE136695976") {
					t.Errorf("Verify(%s) = %+v, %v", n, v, err)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// Issue 9 item 9: an answer whose CheckedAt lies in the future (a service
// with a wrong clock) was cached far past its TTL and never evicted; the
// TTL now counts from the local time of receipt.
func TestCachingVerifierFutureCheckedAt(t *testing.T) {
	now := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	var calls atomic.Int64
	next := VerifierFunc(func(ctx context.Context, n Number) (Verification, error) {
		calls.Add(1)
		return Verification{Valid: true, Service: "skewed", CheckedAt: now.AddDate(1, 0, 0)}, nil
	})
	c := NewCachingVerifier(next, &CacheOptions{TTL: time.Hour, MaxEntries: 2, Now: func() time.Time { return now }})
	de, _ := Parse("DE136695976")
	v, err := c.Verify(context.Background(), de)
	if err != nil || !v.CheckedAt.Equal(now) {
		t.Fatalf("Verify = %+v, %v; want CheckedAt clamped to now", v, err)
	}
	now = now.Add(2 * time.Hour) // past the TTL: ask again
	if _, err := c.Verify(context.Background(), de); err != nil || calls.Load() != 2 {
		t.Errorf("after the TTL: calls = %d, err = %v; want a fresh request", calls.Load(), err)
	}
	// The entry whose service clock ran a year ahead is still the oldest by
	// receipt, so it is the one evicted (before, it was never evicted).
	fr, _ := Parse("FR40303265045")
	it, _ := Parse("IT00743110157")
	now = now.Add(time.Second)
	c.Verify(context.Background(), fr)
	now = now.Add(time.Second)
	c.Verify(context.Background(), it)
	c.mu.Lock()
	_, hasDE := c.m[de.String()]
	n := len(c.m)
	c.mu.Unlock()
	if n != 2 || hasDE {
		t.Errorf("entries = %d (de kept: %v), want 2 without the oldest, de", n, hasDE)
	}
}

// Issue 9 item 9: evictOldest used "" as "none found", which is also the
// zero Number's key, so an entry under "" could never be evicted.
func TestCachingVerifierEvictsZeroNumberKey(t *testing.T) {
	now := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	next := VerifierFunc(func(ctx context.Context, n Number) (Verification, error) {
		return Verification{Valid: false}, nil
	})
	c := NewCachingVerifier(next, &CacheOptions{MaxEntries: 1, Now: func() time.Time { return now }})
	c.Verify(context.Background(), Number{}) // key ""
	now = now.Add(time.Second)
	de, _ := Parse("DE136695976")
	c.Verify(context.Background(), de)
	c.mu.Lock()
	_, hasZero := c.m[""]
	n := len(c.m)
	c.mu.Unlock()
	if n != 1 || hasZero {
		t.Errorf("entries = %d (zero key kept: %v), want only DE136695976", n, hasZero)
	}
}

// Issue 9 item 14: NewCachingVerifier(nil, nil) panics at once with a
// clear message instead of failing on the first Verify.
func TestNewCachingVerifierNil(t *testing.T) {
	defer func() {
		if r := recover(); r != "vat: NewCachingVerifier: nil Verifier" {
			t.Errorf("recover() = %v", r)
		}
	}()
	NewCachingVerifier(nil, nil)
}

func TestErrorZeroValues(t *testing.T) {
	for _, e := range []*Error{nil, {}, {Reason: ReasonChecksum}} {
		if s := e.Error(); s == "" {
			t.Errorf("%#v.Error() is empty", e)
		}
	}
	if got, want := Reason(0).String(), "Reason(0)"; got != want {
		t.Errorf("Reason(0) = %q, want %q", got, want)
	}
}
