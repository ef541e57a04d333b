package tax

import (
	"context"
	"sync"
	"time"
)

// Verification is the answer of an online check (VIES, HMRC, the Swiss UID
// register) for one VAT number, recorded so that an invoice can show when
// and how the customer's number was verified.
type Verification struct {
	Number    VATNumber
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
// must honour ctx and return an error wrapping ErrVerifierUnavailable when
// the service cannot answer (a definite "not registered" is Valid == false
// and a nil error). The package ships no network implementation; tests use
// fakes.
type Verifier interface {
	Verify(ctx context.Context, n VATNumber) (Verification, error)
}

// VerifierFunc adapts a function to Verifier.
type VerifierFunc func(ctx context.Context, n VATNumber) (Verification, error)

// Verify calls f.
func (f VerifierFunc) Verify(ctx context.Context, n VATNumber) (Verification, error) {
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
type CachingVerifier struct {
	next Verifier
	opt  CacheOptions
	mu   sync.Mutex
	m    map[string]Verification
}

// NewCachingVerifier returns a CachingVerifier in front of next.
func NewCachingVerifier(next Verifier, opt *CacheOptions) *CachingVerifier {
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
	return &CachingVerifier{next: next, opt: o, m: make(map[string]Verification)}
}

// Verify returns a fresh cached answer, or asks the wrapped Verifier and
// caches its answer. When the wrapped Verifier fails and an expired entry
// younger than MaxStale exists, that entry is returned with Stale set.
func (c *CachingVerifier) Verify(ctx context.Context, n VATNumber) (Verification, error) {
	key := n.String()
	now := c.opt.Now()
	c.mu.Lock()
	v, ok := c.m[key]
	c.mu.Unlock()
	if ok && now.Sub(v.CheckedAt) < c.ttl(v) {
		v.Cached = true
		return v, nil
	}
	fresh, err := c.next.Verify(ctx, n)
	if err != nil {
		if ok && c.opt.MaxStale > 0 && now.Sub(v.CheckedAt) < c.ttl(v)+c.opt.MaxStale {
			v.Cached, v.Stale = true, true
			return v, nil
		}
		return Verification{}, err
	}
	if fresh.CheckedAt.IsZero() {
		fresh.CheckedAt = now
	}
	fresh.Number = n
	c.mu.Lock()
	if len(c.m) >= c.opt.MaxEntries {
		c.evictOldest()
	}
	c.m[key] = fresh
	c.mu.Unlock()
	return fresh, nil
}

func (c *CachingVerifier) ttl(v Verification) time.Duration {
	if v.Valid {
		return c.opt.TTL
	}
	return c.opt.NegativeTTL
}

// evictOldest drops the oldest entry; c.mu is held.
func (c *CachingVerifier) evictOldest() {
	var oldest string
	var t time.Time
	for k, v := range c.m {
		if oldest == "" || v.CheckedAt.Before(t) {
			oldest, t = k, v.CheckedAt
		}
	}
	delete(c.m, oldest)
}
