package vat

import (
	"context"
	"sync"
	"time"
)

// Verification is the answer of an online check (VIES, HMRC, the Swiss UID
// register) for one VAT number, recorded so that an invoice can show when
// and how the customer's number was verified.
type Verification struct {
	Number    Number
	Valid     bool      // the register knows the number as active
	Name      string    // registered name, when the service returns it
	Address   string    // registered address, when the service returns it
	Service   string    // which service answered ("vies", "hmrc", …)
	Reference string    // the service's consultation/request number, if any
	CheckedAt time.Time // when the service answered
	Cached    bool      // served from a cache rather than a fresh request
	Stale     bool      // served from an expired cache entry because the service failed
}

// Verifier checks a VAT number against an online register. Implementations
// must honour ctx and return an error wrapping ErrUnavailable when
// the service cannot answer (a definite "not registered" is Valid == false
// and a nil error). The package ships no network implementation; tests use
// fakes.
type Verifier interface {
	Verify(ctx context.Context, n Number) (Verification, error)
}

// VerifierFunc adapts a function to Verifier.
type VerifierFunc func(ctx context.Context, n Number) (Verification, error)

// Verify calls f.
func (f VerifierFunc) Verify(ctx context.Context, n Number) (Verification, error) {
	return f(ctx, n)
}

// CacheOptions configures NewCachingVerifier. The zero value (or nil) means
// the defaults.
type CacheOptions struct {
	TTL         time.Duration    // how long a valid answer is reused; default 24 h
	NegativeTTL time.Duration    // how long an invalid answer is reused; default 1 h
	MaxStale    time.Duration    // how long an expired entry may be served when the service fails; default 0 (never)
	MaxEntries  int              // entries kept; default 10 000 (oldest evicted)
	Now         func() time.Time // clock; default time.Now
}

// CachingVerifier wraps a Verifier with an in-memory cache. Errors are
// never cached. It is safe for concurrent use.
//
// An entry's age is measured from when this process received the answer,
// not from the service's CheckedAt: a CheckedAt in the future (a service
// with a wrong clock) cannot keep an answer beyond its TTL, and it is
// replaced by the local time of receipt in the cached answer.
type CachingVerifier struct {
	next Verifier
	opt  CacheOptions
	mu   sync.Mutex
	m    map[string]entry
}

type entry struct {
	v  Verification
	at time.Time // local time of receipt, the base of the TTL
}

// NewCachingVerifier returns a CachingVerifier in front of next. A nil
// next is a programming error: NewCachingVerifier panics with
// "vat: NewCachingVerifier: nil Verifier", like the standard library does
// for nil handlers, rather than failing on the first Verify.
func NewCachingVerifier(next Verifier, opt *CacheOptions) *CachingVerifier {
	if next == nil {
		panic("vat: NewCachingVerifier: nil Verifier")
	}
	var o CacheOptions
	if opt != nil {
		o = *opt
	}
	if o.TTL <= 0 {
		o.TTL = 24 * time.Hour
	}
	if o.NegativeTTL <= 0 {
		o.NegativeTTL = time.Hour
	}
	if o.MaxEntries <= 0 {
		o.MaxEntries = 10_000
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return &CachingVerifier{next: next, opt: o, m: make(map[string]entry)}
}

// Verify returns a fresh cached answer, or asks the wrapped Verifier and
// caches its answer. When the wrapped Verifier fails and an expired entry
// younger than its TTL plus MaxStale exists, that entry is returned with
// Stale set.
//
// A nil *CachingVerifier is a programming error: Verify panics with
// "vat: nil *CachingVerifier".
func (c *CachingVerifier) Verify(ctx context.Context, n Number) (Verification, error) {
	if c == nil {
		panic("vat: nil *CachingVerifier")
	}
	key := n.String()
	now := c.opt.Now()
	c.mu.Lock()
	e, ok := c.m[key]
	c.mu.Unlock()
	age := now.Sub(e.at)
	if ok && age >= 0 && age < c.ttl(e.v) {
		e.v.Cached = true
		return e.v, nil
	}
	fresh, err := c.next.Verify(ctx, n)
	if err != nil {
		if ok && c.opt.MaxStale > 0 && age >= 0 && age < c.ttl(e.v)+c.opt.MaxStale {
			e.v.Cached, e.v.Stale = true, true
			return e.v, nil
		}
		return Verification{}, err
	}
	if fresh.CheckedAt.IsZero() || fresh.CheckedAt.After(now) {
		fresh.CheckedAt = now
	}
	fresh.Number = n
	c.mu.Lock()
	if _, exists := c.m[key]; !exists && len(c.m) >= c.opt.MaxEntries {
		c.evictOldest()
	}
	c.m[key] = entry{v: fresh, at: now}
	c.mu.Unlock()
	return fresh, nil
}

func (c *CachingVerifier) ttl(v Verification) time.Duration {
	if v.Valid {
		return c.opt.TTL
	}
	return c.opt.NegativeTTL
}

// evictOldest drops the entry received first; c.mu is held.
func (c *CachingVerifier) evictOldest() {
	var oldest string
	var t time.Time
	found := false
	for k, e := range c.m {
		if !found || e.at.Before(t) {
			oldest, t, found = k, e.at, true
		}
	}
	if found {
		delete(c.m, oldest)
	}
}
