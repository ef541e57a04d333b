package handoff

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	secretA = bytes.Repeat([]byte{0xA5}, 32)
	secretB = bytes.Repeat([]byte{0x5A}, 32)
	t0      = time.Date(2026, 12, 4, 20, 0, 0, 0, time.UTC)
)

func mustKeys(t testing.TB, cur Key, prev ...Key) *Keys {
	t.Helper()
	k, err := NewKeys(cur, prev...)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func issue(t testing.TB, k *Keys) string {
	t.Helper()
	tok, err := k.Issue("customer-42", "ch", "state-1", 30*time.Second, t0)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func TestVerifyValid(t *testing.T) {
	k := mustKeys(t, Key{ID: "2026-12", Secret: secretA})
	c, err := k.Verify(issue(t, k), "ch", "state-1", t0.Add(10*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if c.Subject != "customer-42" || c.Audience != "ch" || c.KeyID != "2026-12" || !c.IssuedAt.Equal(t0) ||
		!c.Expires.Equal(t0.Add(30*time.Second)) || len(c.Nonce) != 32 {
		t.Errorf("claims %+v", c)
	}
}

// sections are the byte ranges of each field in the decoded test token
// (key ID "2026-12", audience "ch", subject "customer-42").
var sections = []struct {
	name       string
	start, end int
}{
	{"version", 0, 1},
	{"kid length", 1, 2},
	{"kid", 2, 9},
	{"aud length", 9, 10},
	{"aud", 10, 12},
	{"sub length", 12, 14},
	{"sub", 14, 25},
	{"iat", 25, 33},
	{"exp", 33, 41},
	{"nonce", 41, 57},
	{"binding", 57, 89},
	{"mac", 89, 121},
}

// TestTamperEveryField flips each bit of every field in turn: no
// modified token verifies.
func TestTamperEveryField(t *testing.T) {
	k := mustKeys(t, Key{ID: "2026-12", Secret: secretA}, Key{ID: "2026-11", Secret: secretB})
	raw, _ := base64.RawURLEncoding.DecodeString(issue(t, k))
	if len(raw) != sections[len(sections)-1].end {
		t.Fatalf("token is %d bytes, sections assume %d", len(raw), sections[len(sections)-1].end)
	}
	for _, sec := range sections {
		t.Run(sec.name, func(t *testing.T) {
			for i := sec.start; i < sec.end; i++ {
				for bit := range 8 {
					m := bytes.Clone(raw)
					m[i] ^= 1 << bit
					_, err := k.Verify(base64.RawURLEncoding.EncodeToString(m), "ch", "state-1", t0.Add(time.Second))
					if err == nil {
						t.Fatalf("byte %d bit %d flipped: verified", i, bit)
					}
					if !errors.Is(err, ErrSignature) && !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrUnknownKey) {
						t.Fatalf("byte %d bit %d: %v", i, bit, err)
					}
				}
			}
		})
	}
}

// resign builds a token with chosen claims and a valid MAC, to test the
// checks that come after the signature.
func resign(t *testing.T, secret []byte, c Claims, state string) string {
	t.Helper()
	return encode(c, [16]byte{1, 2, 3}, sha256.Sum256([]byte(state)), secret)
}

func TestVerifyRefuses(t *testing.T) {
	k := mustKeys(t, Key{ID: "new", Secret: secretA}, Key{ID: "old", Secret: secretB})
	valid := Claims{Subject: "c", Audience: "ch", KeyID: "new", IssuedAt: t0, Expires: t0.Add(60 * time.Second)}
	with := func(f func(*Claims)) Claims { c := valid; f(&c); return c }
	other := bytes.Repeat([]byte{7}, 32)
	tests := []struct {
		name  string
		token string
		aud   string
		state string
		now   time.Time
		want  error
	}{
		{"expired", resign(t, secretA, valid, "s"), "ch", "s", t0.Add(60 * time.Second), ErrExpired},
		{"not yet valid", resign(t, secretA, valid, "s"), "ch", "s", t0.Add(-6 * time.Second), ErrNotYetValid},
		{"within skew", resign(t, secretA, valid, "s"), "ch", "s", t0.Add(-4 * time.Second), nil},
		{"lifetime over 60s", resign(t, secretA, with(func(c *Claims) { c.Expires = t0.Add(61 * time.Second) }), "s"), "ch", "s", t0, ErrMalformed},
		{"exp before iat", resign(t, secretA, with(func(c *Claims) { c.Expires = t0.Add(-time.Second) }), "s"), "ch", "s", t0, ErrMalformed},
		{"wrong audience", resign(t, secretA, valid, "s"), "de", "s", t0, ErrAudience},
		{"audience prefix", resign(t, secretA, with(func(c *Claims) { c.Audience = "c" }), "s"), "ch", "s", t0, ErrAudience},
		{"unknown key ID", resign(t, secretA, with(func(c *Claims) { c.KeyID = "gone" }), "s"), "ch", "s", t0, ErrUnknownKey},
		{"forged with another secret", resign(t, other, valid, "s"), "ch", "s", t0, ErrSignature},
		{"rotated: previous key still verifies", resign(t, secretB, with(func(c *Claims) { c.KeyID = "old" }), "s"), "ch", "s", t0, nil},
		{"previous key's ID with the new secret", resign(t, secretA, with(func(c *Claims) { c.KeyID = "old" }), "s"), "ch", "s", t0, ErrSignature},
		{"other browser's state", resign(t, secretA, valid, "s"), "ch", "t", t0, ErrState},
		{"no state cookie", resign(t, secretA, valid, ""), "ch", "", t0, ErrState},
		{"empty", "", "ch", "s", t0, ErrMalformed},
		{"garbage", "!!!not-base64!!!", "ch", "s", t0, ErrMalformed},
		{"padded base64", base64.URLEncoding.EncodeToString([]byte("x")), "ch", "s", t0, ErrMalformed},
		{"too long", strings.Repeat("A", MaxTokenLength+1), "ch", "s", t0, ErrMalformed},
		{"version 2", func() string {
			raw, _ := base64.RawURLEncoding.DecodeString(resign(t, secretA, valid, "s"))
			raw[0] = 2
			return base64.RawURLEncoding.EncodeToString(raw)
		}(), "ch", "s", t0, ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := k.Verify(tt.token, tt.aud, tt.state, tt.now)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Verify: %v", err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("Verify error %v, want %v", err, tt.want)
			}
		})
	}
}

func TestRotation(t *testing.T) {
	old := mustKeys(t, Key{ID: "k1", Secret: secretA})
	tok := issue(t, old)
	rotated := mustKeys(t, Key{ID: "k2", Secret: secretB}, Key{ID: "k1", Secret: secretA})
	if _, err := rotated.Verify(tok, "ch", "state-1", t0); err != nil {
		t.Errorf("token of the previous key after rotation: %v", err)
	}
	if c, _ := rotated.Verify(issue(t, rotated), "ch", "state-1", t0); c.KeyID != "k2" {
		t.Errorf("rotated keys sign with %q, want k2", c.KeyID)
	}
	retired := mustKeys(t, Key{ID: "k2", Secret: secretB})
	if _, err := retired.Verify(tok, "ch", "state-1", t0); !errors.Is(err, ErrUnknownKey) {
		t.Errorf("token of a retired key: %v", err)
	}
}

func TestTruncated(t *testing.T) {
	k := mustKeys(t, Key{ID: "2026-12", Secret: secretA})
	tok := issue(t, k)
	for n := range len(tok) {
		if _, err := k.Verify(tok[:n], "ch", "state-1", t0); err == nil {
			t.Fatalf("truncated to %d bytes: verified", n)
		}
	}
	if _, err := k.Verify(tok+"A", "ch", "state-1", t0); err == nil {
		t.Error("extended token verified")
	}
}

func TestIssueRefuses(t *testing.T) {
	k := mustKeys(t, Key{ID: "k", Secret: secretA})
	for _, c := range []struct {
		name, sub, aud, state string
		ttl                   time.Duration
	}{
		{"ttl over 60s", "c", "ch", "s", 61 * time.Second},
		{"zero ttl", "c", "ch", "s", 0},
		{"no subject", "", "ch", "s", time.Second},
		{"long subject", strings.Repeat("x", 257), "ch", "s", time.Second},
		{"no audience", "c", "", "s", time.Second},
		{"no state", "c", "ch", "", time.Second},
	} {
		if _, err := k.Issue(c.sub, c.aud, c.state, c.ttl, t0); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	for _, c := range []struct {
		name string
		cur  Key
		prev []Key
	}{
		{"short secret", Key{ID: "k", Secret: []byte("short")}, nil},
		{"empty ID", Key{ID: "", Secret: secretA}, nil},
		{"ID with space", Key{ID: "a b", Secret: secretA}, nil},
		{"duplicate ID", Key{ID: "k", Secret: secretA}, []Key{{ID: "k", Secret: secretB}}},
	} {
		if _, err := NewKeys(c.cur, c.prev...); !errors.Is(err, ErrInvalid) {
			t.Errorf("NewKeys %s: %v", c.name, err)
		}
	}
}

func TestNewKeysCopiesSecret(t *testing.T) {
	s := bytes.Clone(secretA)
	k := mustKeys(t, Key{ID: "k", Secret: s})
	tok := issue(t, k)
	s[0] ^= 0xFF
	if _, err := k.Verify(tok, "ch", "state-1", t0); err != nil {
		t.Errorf("changing the caller's secret changed the key: %v", err)
	}
}

func TestMemoryReplayStore(t *testing.T) {
	s := NewMemoryReplayStore(2)
	now := t0
	s.nowFn = func() time.Time { return now }
	ctx := context.Background()
	exp := t0.Add(30 * time.Second)
	if fresh, err := s.Consume(ctx, "n1", exp); !fresh || err != nil {
		t.Fatalf("first: %v %v", fresh, err)
	}
	if fresh, _ := s.Consume(ctx, "n1", exp); fresh {
		t.Fatal("replay accepted")
	}
	s.Consume(ctx, "n2", exp)
	if _, err := s.Consume(ctx, "n3", exp); err == nil {
		t.Fatal("full store accepted a nonce: it must fail closed")
	}
	now = exp.Add(MaxSkew)
	if fresh, err := s.Consume(ctx, "n3", exp.Add(time.Minute)); !fresh || err != nil {
		t.Fatalf("after expiry sweep: %v %v", fresh, err)
	}
}

func TestMemoryReplayStoreConcurrent(t *testing.T) {
	s := NewMemoryReplayStore(0)
	var wg sync.WaitGroup
	var mu sync.Mutex
	fresh := 0
	for range 16 {
		wg.Go(func() {
			ok, err := s.Consume(context.Background(), "same", time.Now().Add(time.Minute))
			if err != nil {
				t.Error(err)
			}
			if ok {
				mu.Lock()
				fresh++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if fresh != 1 {
		t.Errorf("%d concurrent consumers saw the nonce fresh, want 1", fresh)
	}
}

// FuzzVerify: garbage never verifies nor panics; a token that verifies
// is exactly the canonical encoding of its claims (no malleability).
func FuzzVerify(f *testing.F) {
	k := mustKeys(f, Key{ID: "2026-12", Secret: secretA})
	tok := issue(f, k)
	f.Add(tok)
	f.Add(tok[:len(tok)-1])
	f.Add("")
	f.Add("AQ")
	f.Add(strings.Repeat("_", 200))
	f.Fuzz(func(t *testing.T, s string) {
		c, err := k.Verify(s, "ch", "state-1", t0.Add(time.Second))
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Err == nil {
				t.Fatalf("error %v is not an *Error with a sentinel", err)
			}
			return
		}
		raw, _ := base64.RawURLEncoding.DecodeString(s)
		_, nonce, binding, _, _, _ := parse(raw)
		if again := encode(c, nonce, binding, secretA); again != s {
			t.Fatalf("verified token %q is not canonical (%q)", s, again)
		}
	})
}
