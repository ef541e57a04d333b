package shop

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"strings"
)

// The cart and order cookies share one format: the base64url JSON of the
// value, ".", and the base64url HMAC-SHA256 of a purpose ("cart/v1"), the
// market ID and that payload, with the app's CartKey. The purpose and the
// market are signed, so a value of one kind or market is never accepted as
// another's. Each codec checks its own value's shape after opening it.

// signature is the MAC of payload for purpose in market.
func signature(key []byte, purpose, market, payload string) []byte {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(purpose))
	h.Write([]byte{0})
	h.Write([]byte(market))
	h.Write([]byte{0})
	h.Write([]byte(payload))
	return h.Sum(nil)
}

// seal returns the signed cookie value of v.
func seal(key []byte, purpose, market string, v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	p := base64.RawURLEncoding.EncodeToString(b)
	return p + "." + base64.RawURLEncoding.EncodeToString(signature(key, purpose, market, p)), nil
}

// open verifies a cookie value of at most limit bytes and decodes its
// JSON into v; false for any defect (too long, no or a bad signature,
// another purpose or market, malformed base64 or JSON).
func open(key []byte, purpose, market, value string, limit int, v any) bool {
	if len(value) > limit {
		return false
	}
	p, sig, ok := strings.Cut(value, ".")
	if !ok {
		return false
	}
	got, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil || !hmac.Equal(got, signature(key, purpose, market, p)) {
		return false
	}
	b, err := base64.RawURLEncoding.DecodeString(p)
	return err == nil && json.Unmarshal(b, v) == nil
}
