package catalog

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
)

// A cursor is base64url (no padding) of
//
//	format (1) | index build (8) | query fingerprint (8) | sort (1) | position (4) | MAC (16)
//
// where MAC is HMAC-SHA256 over "marketkit/catalog cursor" and the first
// 22 bytes, truncated to 16 bytes. The fingerprint covers the market, the
// locale and every filter, so a cursor only continues the query that made
// it.
const (
	cursorFormat  = 1
	cursorPayload = 22
	cursorMAC     = 16
	cursorLen     = cursorPayload + cursorMAC
)

var cursorDomain = []byte("marketkit/catalog cursor")

type cursor struct {
	build uint64
	fp    uint64
	sort  SortKey
	pos   uint32
}

func cursorMac(key, payload []byte) []byte {
	h := hmac.New(sha256.New, key)
	h.Write(cursorDomain)
	h.Write(payload)
	return h.Sum(nil)[:cursorMAC]
}

func encodeCursor(key []byte, c cursor) string {
	var b [cursorLen]byte
	b[0] = cursorFormat
	binary.BigEndian.PutUint64(b[1:], c.build)
	binary.BigEndian.PutUint64(b[9:], c.fp)
	b[17] = byte(c.sort)
	binary.BigEndian.PutUint32(b[18:], c.pos)
	copy(b[cursorPayload:], cursorMac(key, b[:cursorPayload]))
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// decodeCursor checks a cursor's form and authenticity. It does not check
// the build, the query or the position.
func decodeCursor(key []byte, s string) (cursor, error) {
	fail := func(why string) (cursor, error) {
		return cursor{}, &Error{Op: "Search", Field: "cursor", Value: s, Err: because(ErrCursor, why)}
	}
	if len(s) > MaxCursorBytes {
		return fail("longer than MaxCursorBytes")
	}
	if base64.RawURLEncoding.DecodedLen(len(s)) != cursorLen {
		return fail("truncated or padded: not a cursor of this index")
	}
	var b [cursorLen]byte
	n, err := base64.RawURLEncoding.Decode(b[:], []byte(s))
	if err != nil || n != cursorLen {
		return fail("not base64url")
	}
	if !hmac.Equal(b[cursorPayload:], cursorMac(key, b[:cursorPayload])) {
		return fail("not issued by this service (forged or corrupted)")
	}
	if b[0] != cursorFormat {
		return fail("unknown cursor format")
	}
	return cursor{
		build: binary.BigEndian.Uint64(b[1:]),
		fp:    binary.BigEndian.Uint64(b[9:]),
		sort:  SortKey(b[17]),
		pos:   binary.BigEndian.Uint32(b[18:]),
	}, nil
}
