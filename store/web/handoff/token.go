package handoff

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"time"

	"github.com/marketkit/marketkit/internal/errtext"
)

// Limits. Tokens, subjects, audiences and key IDs beyond them are refused
// before any cryptographic work.
const (
	// MaxTTL is the longest lifetime of a token.
	MaxTTL = 60 * time.Second
	// MaxSkew is how far in the future a token's issue time may lie, for
	// clocks that disagree a little between instances.
	MaxSkew = 5 * time.Second
	// MaxTokenLength is the longest token accepted, in bytes.
	MaxTokenLength = 1024
	// MaxSubjectLength, MaxAudienceLength and MaxKeyIDLength bound the
	// claims, in bytes.
	MaxSubjectLength  = 256
	MaxAudienceLength = 255
	MaxKeyIDLength    = 32
	// MinSecretLength is the shortest HMAC secret accepted (256 bits).
	MinSecretLength = 32
)

// version1 is the first byte of every token of this format.
const version1 = 1

// macContext separates these MACs from any other use of the same key.
const macContext = "marketkit/handoff/v1\x00"

// Sentinel errors; every error of this package wraps one of them, inside
// an *Error naming the operation and field.
var (
	ErrMalformed   = errors.New("handoff: malformed token")
	ErrSignature   = errors.New("handoff: bad signature")
	ErrUnknownKey  = errors.New("handoff: unknown key ID")
	ErrExpired     = errors.New("handoff: token expired")
	ErrNotYetValid = errors.New("handoff: token not yet valid")
	ErrAudience    = errors.New("handoff: wrong audience")
	ErrReplayed    = errors.New("handoff: token already used")
	ErrState       = errors.New("handoff: state cookie missing or not the token's")
	ErrReturnTo    = errors.New("handoff: return_to not allowed")
	ErrInvalid     = errors.New("handoff: invalid argument")
)

// Error is the typed error of this package.
type Error struct {
	Op     string // e.g. "Keys.Verify"
	Field  string // e.g. "exp"
	Value  string // the offending input (the message shows at most 64 bytes)
	Reason string
	Err    error // one of the sentinels
}

// Error returns `handoff: Op: field "value": reason`. The zero Error and
// a nil *Error do not panic.
func (e *Error) Error() string {
	if e == nil {
		return "handoff: <nil>"
	}
	b := []byte("handoff: ")
	if e.Op != "" {
		b = append(b, e.Op...)
		b = append(b, ": "...)
	}
	if e.Field != "" {
		b = append(b, e.Field...)
		b = append(b, ' ')
	}
	b = errtext.AppendQuote(b, e.Value)
	b = append(b, ": "...)
	switch {
	case e.Reason != "":
		b = append(b, e.Reason...)
	case e.Err != nil:
		b = append(b, e.Err.Error()...)
	default:
		b = append(b, "invalid"...)
	}
	return string(b)
}

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// Key is one HMAC-SHA256 key: an ID (1 to MaxKeyIDLength printable ASCII
// bytes) that tokens carry, and a secret of at least MinSecretLength
// random bytes.
type Key struct {
	ID     string
	Secret []byte
}

// Keys signs with the current key and verifies with any of the keys it
// holds, so that keys rotate without failing tokens in flight: add the
// new key as current and keep the previous one for MaxTTL. A *Keys is
// immutable and safe for concurrent use; a nil *Keys panics with
// "handoff: nil *Keys".
type Keys struct {
	current Key
	byID    map[string][]byte
}

// NewKeys returns a key set signing with current and also verifying
// tokens of previous. Secrets are copied.
func NewKeys(current Key, previous ...Key) (*Keys, error) {
	k := &Keys{byID: make(map[string][]byte)}
	for i, key := range append([]Key{current}, previous...) {
		field := "current"
		if i > 0 {
			field = "previous"
		}
		if !validKeyID(key.ID) {
			return nil, &Error{Op: "NewKeys", Field: field + ".ID", Value: key.ID, Reason: "want 1 to 32 printable ASCII bytes", Err: ErrInvalid}
		}
		if len(key.Secret) < MinSecretLength {
			return nil, &Error{Op: "NewKeys", Field: field + ".Secret", Value: key.ID, Reason: "shorter than 32 bytes", Err: ErrInvalid}
		}
		if _, dup := k.byID[key.ID]; dup {
			return nil, &Error{Op: "NewKeys", Field: field + ".ID", Value: key.ID, Reason: "duplicate key ID", Err: ErrInvalid}
		}
		k.byID[key.ID] = append([]byte(nil), key.Secret...)
	}
	k.current = Key{ID: current.ID, Secret: k.byID[current.ID]}
	return k, nil
}

func (k *Keys) check() {
	if k == nil {
		panic("handoff: nil *Keys")
	}
}

func validKeyID(id string) bool {
	if id == "" || len(id) > MaxKeyIDLength {
		return false
	}
	for i := 0; i < len(id); i++ {
		if id[i] < 0x21 || id[i] > 0x7e {
			return false
		}
	}
	return true
}

// Claims are the verified contents of a token.
type Claims struct {
	Subject  string    // the customer, as the host's session code knows them
	Audience string    // the market ID or host the token is for
	IssuedAt time.Time // second precision
	Expires  time.Time // at most MaxTTL after IssuedAt
	Nonce    string    // 32 hex digits, consumed by the ReplayStore
	KeyID    string    // the key that signed it
}

// Issue returns a token for subject, valid for ttl (at most MaxTTL) from
// now, for the audience (the target market's ID or host) and bound to
// state, the value of the state cookie the target set in the browser
// (Receiver.Begin). The format: version 1 byte, key ID, audience and
// subject with length prefixes, issue and expiry Unix seconds, a 16-byte
// random nonce and the SHA-256 of state, followed by the HMAC-SHA256 of
// all of it under the current key, in unpadded base64url.
func (k *Keys) Issue(subject, audience, state string, ttl time.Duration, now time.Time) (string, error) {
	k.check()
	const op = "Keys.Issue"
	switch {
	case subject == "" || len(subject) > MaxSubjectLength:
		return "", &Error{Op: op, Field: "subject", Value: subject, Reason: "want 1 to 256 bytes", Err: ErrInvalid}
	case audience == "" || len(audience) > MaxAudienceLength:
		return "", &Error{Op: op, Field: "audience", Value: audience, Reason: "want 1 to 255 bytes", Err: ErrInvalid}
	case state == "":
		return "", &Error{Op: op, Field: "state", Value: "", Reason: "required: bind the token to the browser", Err: ErrInvalid}
	case ttl <= 0 || ttl > MaxTTL:
		return "", &Error{Op: op, Field: "ttl", Value: ttl.String(), Reason: "want more than 0 and at most 60s", Err: ErrInvalid}
	}
	c := Claims{Subject: subject, Audience: audience, KeyID: k.current.ID, IssuedAt: now.Truncate(time.Second)}
	c.Expires = c.IssuedAt.Add(ttl.Truncate(time.Second))
	if !c.Expires.After(c.IssuedAt) {
		c.Expires = c.IssuedAt.Add(time.Second)
	}
	var nonce [16]byte
	if _, err := rand.Read(nonce[:]); err != nil {
		return "", &Error{Op: op, Field: "nonce", Reason: "no randomness: " + err.Error(), Err: ErrInvalid}
	}
	c.Nonce = hex.EncodeToString(nonce[:])
	return encode(c, nonce, sha256.Sum256([]byte(state)), k.current.Secret), nil
}

// encode writes the token of c with the given nonce and state binding,
// signed with secret.
func encode(c Claims, nonce [16]byte, binding [32]byte, secret []byte) string {
	p := make([]byte, 0, 1+1+len(c.KeyID)+1+len(c.Audience)+2+len(c.Subject)+16+16+32+sha256.Size)
	p = append(p, version1, byte(len(c.KeyID)))
	p = append(p, c.KeyID...)
	p = append(p, byte(len(c.Audience)))
	p = append(p, c.Audience...)
	p = binary.BigEndian.AppendUint16(p, uint16(len(c.Subject)))
	p = append(p, c.Subject...)
	p = binary.BigEndian.AppendUint64(p, uint64(c.IssuedAt.Unix()))
	p = binary.BigEndian.AppendUint64(p, uint64(c.Expires.Unix()))
	p = append(p, nonce[:]...)
	p = append(p, binding[:]...)
	p = append(p, mac(secret, p)...)
	return base64.RawURLEncoding.EncodeToString(p)
}

func mac(secret, payload []byte) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(macContext))
	m.Write(payload)
	return m.Sum(nil)
}

// Verify checks a token without consuming it: its format, its key ID,
// its HMAC (compared in constant time), its times (issued at most MaxSkew
// in the future, not expired, at most MaxTTL long), its audience, and
// that it is bound to state (the browser's state cookie). A token that
// passes is still replayable until its nonce is consumed: Receiver does
// that. Errors wrap ErrMalformed, ErrUnknownKey, ErrSignature,
// ErrExpired, ErrNotYetValid, ErrAudience or ErrState.
func (k *Keys) Verify(token, audience, state string, now time.Time) (Claims, error) {
	k.check()
	const op = "Keys.Verify"
	fail := func(field, value, reason string, err error) (Claims, error) {
		return Claims{}, &Error{Op: op, Field: field, Value: value, Reason: reason, Err: err}
	}
	if len(token) > MaxTokenLength || len(token) == 0 {
		return fail("token", token, "want 1 to 1024 bytes", ErrMalformed)
	}
	raw, err := base64.RawURLEncoding.Strict().DecodeString(token)
	if err != nil {
		return fail("token", token, "not unpadded base64url", ErrMalformed)
	}
	c, nonce, binding, body, sum, ok := parse(raw)
	if !ok {
		return fail("token", token, "truncated or malformed", ErrMalformed)
	}
	secret, known := k.byID[c.KeyID]
	if !known {
		return fail("kid", c.KeyID, "not a key of this receiver", ErrUnknownKey)
	}
	if !hmac.Equal(mac(secret, body), sum) {
		return fail("token", token, "", ErrSignature)
	}
	c.Nonce = hex.EncodeToString(nonce[:])
	switch {
	case !c.Expires.After(c.IssuedAt) || c.Expires.Sub(c.IssuedAt) > MaxTTL:
		return fail("exp", c.Expires.UTC().Format(time.RFC3339), "lifetime over 60s or not after iat", ErrMalformed)
	case c.IssuedAt.After(now.Add(MaxSkew)):
		return fail("iat", c.IssuedAt.UTC().Format(time.RFC3339), "", ErrNotYetValid)
	case !now.Before(c.Expires):
		return fail("exp", c.Expires.UTC().Format(time.RFC3339), "", ErrExpired)
	case subtle.ConstantTimeCompare([]byte(c.Audience), []byte(audience)) != 1:
		return fail("aud", c.Audience, "", ErrAudience)
	}
	want := sha256.Sum256([]byte(state))
	if state == "" || subtle.ConstantTimeCompare(want[:], binding[:]) != 1 {
		return fail("state", "", "", ErrState)
	}
	return c, nil
}

// parse splits a decoded token; ok is false for anything but exactly one
// well-formed version 1 payload followed by a 32-byte MAC.
func parse(raw []byte) (c Claims, nonce [16]byte, binding [32]byte, body, sum []byte, ok bool) {
	if len(raw) < 1+1+1+2+16+16+32+sha256.Size || raw[0] != version1 {
		return c, nonce, binding, nil, nil, false
	}
	body, sum = raw[:len(raw)-sha256.Size], raw[len(raw)-sha256.Size:]
	p := body[1:]
	str := func(n int) (string, bool) {
		if n > len(p) {
			return "", false
		}
		s := string(p[:n])
		p = p[n:]
		return s, true
	}
	var okk bool
	n := int(p[0])
	p = p[1:]
	if c.KeyID, okk = str(n); !okk || !validKeyID(c.KeyID) {
		return c, nonce, binding, nil, nil, false
	}
	if len(p) < 1 {
		return c, nonce, binding, nil, nil, false
	}
	n = int(p[0])
	p = p[1:]
	if c.Audience, okk = str(n); !okk || c.Audience == "" {
		return c, nonce, binding, nil, nil, false
	}
	if len(p) < 2 {
		return c, nonce, binding, nil, nil, false
	}
	n = int(binary.BigEndian.Uint16(p))
	p = p[2:]
	if n > MaxSubjectLength {
		return c, nonce, binding, nil, nil, false
	}
	if c.Subject, okk = str(n); !okk || c.Subject == "" {
		return c, nonce, binding, nil, nil, false
	}
	if len(p) != 8+8+16+32 {
		return c, nonce, binding, nil, nil, false
	}
	iat, exp := int64(binary.BigEndian.Uint64(p)), int64(binary.BigEndian.Uint64(p[8:]))
	const maxUnix = 1 << 40 // year 36812: no overflow in time arithmetic
	if iat < 0 || exp < 0 || iat > maxUnix || exp > maxUnix {
		return c, nonce, binding, nil, nil, false
	}
	c.IssuedAt, c.Expires = time.Unix(iat, 0), time.Unix(exp, 0)
	copy(nonce[:], p[16:32])
	copy(binding[:], p[32:])
	return c, nonce, binding, body, sum, true
}
