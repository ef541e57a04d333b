package sqlstore

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base32"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/marketkit/marketkit/store"
)

// MaxOrderBytes bounds the encoded size of one order (its JSON body).
const MaxOrderBytes = 1 << 20

var idEncoding = base32.NewEncoding("0123456789abcdefghjkmnpqrstvwxyz").WithPadding(base32.NoPadding)

// newOrderID returns 26 characters of crypto/rand (128 bits).
func newOrderID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand doc)
	return idEncoding.EncodeToString(b[:])
}

// body returns the canonical JSON of what the customer placed (every
// field but ID and CreatedAt) and its SHA-256.
func body(o *store.Order) ([]byte, string, error) {
	c := *o
	c.ID, c.CreatedAt = "", time.Time{}
	b, err := json.Marshal(&c)
	if err != nil {
		return nil, "", err
	}
	h := sha256.Sum256(b)
	return b, hex.EncodeToString(h[:]), nil
}

// PlaceOrder implements store.OrderStore. The order is written by one
// INSERT … ON CONFLICT (market, idempotency_key) DO NOTHING in autocommit:
// no read-then-write transaction, so no SQLITE_BUSY upgrade failure and
// no race between two placements of the same key (the loser reads the
// winner's row). It returns once the row is committed (on SQLite with
// synchronous=FULL, after the WAL is synced).
func (db *DB) PlaceOrder(ctx context.Context, o *store.Order) (*store.Order, error) {
	const op = "PlaceOrder"
	if err := o.Validate(); err != nil {
		return nil, err
	}
	if err := db.checkMarket(op, o.MarketID); err != nil {
		return nil, err
	}
	b, hash, err := body(o)
	if err != nil {
		return nil, &store.Error{Op: op, Field: "order", Value: o.IdempotencyKey, Err: err}
	}
	if len(b) > MaxOrderBytes {
		return nil, &store.Error{Op: op, Field: "order", Value: o.IdempotencyKey,
			Err: &cause{sentinel: store.ErrInvalid, detail: "encoded order larger than " + strconv.Itoa(MaxOrderBytes) + " bytes"}}
	}
	n := *o
	n.ID = newOrderID()
	n.CreatedAt = time.Now().UTC().Truncate(time.Microsecond)
	// The body column holds the body as hashed; ID and creation time are
	// columns of their own.
	res, err := db.w.ExecContext(ctx, db.q(`INSERT INTO orders
	(market, id, idempotency_key, body_hash, created_us, currency, gross, body)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (market, idempotency_key) DO NOTHING`),
		n.MarketID, n.ID, n.IdempotencyKey, hash, n.CreatedAt.UnixMicro(), n.Currency, n.Gross.Amount(), string(b))
	if err != nil {
		return nil, db.opErr(op, "order", o.IdempotencyKey, err)
	}
	if k, err := res.RowsAffected(); err != nil {
		return nil, db.opErr(op, "order", o.IdempotencyKey, err)
	} else if k == 1 {
		return &n, nil
	}
	// The key was used before: the same body returns that order.
	var id, have, stored string
	var us int64
	err = db.w.QueryRowContext(ctx, db.q("SELECT id, created_us, body_hash, body FROM orders WHERE market = ? AND idempotency_key = ?"),
		o.MarketID, o.IdempotencyKey).Scan(&id, &us, &have, &stored)
	if err != nil {
		return nil, db.opErr(op, "idempotency_key", o.IdempotencyKey, err)
	}
	if have != hash {
		return nil, &store.Error{Op: op, Field: "idempotency_key", Value: o.IdempotencyKey, Err: store.ErrIdempotencyConflict}
	}
	return decodeOrder(op, id, us, stored)
}

func decodeOrder(op, id string, createdUS int64, b string) (*store.Order, error) {
	o := new(store.Order)
	if err := json.Unmarshal([]byte(b), o); err != nil {
		return nil, &store.Error{Op: op, Field: "body", Value: b, Err: err}
	}
	o.ID, o.CreatedAt = id, time.UnixMicro(createdUS).UTC()
	return o, nil
}

// Order implements store.OrderStore.
func (db *DB) Order(ctx context.Context, marketID, orderID string) (*store.Order, error) {
	const op = "Order"
	if err := db.checkMarket(op, marketID); err != nil {
		return nil, err
	}
	var b string
	var us int64
	err := db.r.QueryRowContext(ctx, db.q("SELECT created_us, body FROM orders WHERE market = ? AND id = ?"), marketID, orderID).Scan(&us, &b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, &store.Error{Op: op, Field: "id", Value: orderID, Err: store.ErrOrderNotFound}
	}
	if err != nil {
		return nil, db.opErr(op, "id", orderID, err)
	}
	return decodeOrder(op, orderID, us, b)
}

// cursor is the position after an order: its creation time and ID.
type cursor struct {
	us int64
	id string
}

func (c cursor) String() string { return strconv.FormatInt(c.us, 10) + "." + c.id }

func parseCursor(s string) (cursor, bool) {
	a, id, ok := strings.Cut(s, ".")
	us, err := strconv.ParseInt(a, 10, 64)
	if !ok || err != nil || id == "" || len(id) > store.MaxKeyLength || strings.Contains(id, ".") || a != strconv.FormatInt(us, 10) {
		return cursor{}, false
	}
	return cursor{us, id}, true
}

// ListOrders implements store.OrderStore: oldest first, by creation time
// then ID.
func (db *DB) ListOrders(ctx context.Context, marketID, after string, limit int) ([]*store.Order, string, error) {
	const op = "ListOrders"
	if err := db.checkMarket(op, marketID); err != nil {
		return nil, "", err
	}
	if limit < 1 || limit > store.MaxListOrders {
		return nil, "", &store.Error{Op: op, Field: "limit", Value: strconv.Itoa(limit),
			Err: &cause{sentinel: store.ErrInvalid, detail: "want 1 to " + strconv.Itoa(store.MaxListOrders)}}
	}
	c := cursor{us: -1 << 63}
	if after != "" {
		var ok bool
		if c, ok = parseCursor(after); !ok {
			return nil, "", &store.Error{Op: op, Field: "cursor", Value: after, Err: store.ErrInvalid}
		}
	}
	rows, err := db.r.QueryContext(ctx, db.q(`SELECT created_us, id, body FROM orders
	WHERE market = ? AND (created_us > ? OR (created_us = ? AND id > ?))
	ORDER BY created_us, id LIMIT ?`), marketID, c.us, c.us, c.id, int64(limit)+1)
	if err != nil {
		return nil, "", db.opErr(op, "market", marketID, err)
	}
	defer rows.Close()
	var out []*store.Order
	var last cursor
	more := false
	for rows.Next() {
		if len(out) == limit {
			more = true
			break
		}
		var b string
		if err := rows.Scan(&last.us, &last.id, &b); err != nil {
			return nil, "", db.opErr(op, "market", marketID, err)
		}
		o, err := decodeOrder(op, last.id, last.us, b)
		if err != nil {
			return nil, "", err
		}
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, "", db.opErr(op, "market", marketID, err)
	}
	if !more {
		return out, "", nil
	}
	return out, last.String(), nil
}

// CountOrders implements store.OrderStore.
func (db *DB) CountOrders(ctx context.Context, marketID string) (int64, error) {
	const op = "CountOrders"
	if err := db.checkMarket(op, marketID); err != nil {
		return 0, err
	}
	var n int64
	if err := db.r.QueryRowContext(ctx, db.q("SELECT COUNT(*) FROM orders WHERE market = ?"), marketID).Scan(&n); err != nil {
		return 0, db.opErr(op, "market", marketID, err)
	}
	return n, nil
}

func (db *DB) q(s string) string { return rebind(db.engine, s) }

// opErr wraps a database error; a canceled context stays visible to
// errors.Is(err, context.Canceled).
func (db *DB) opErr(op, field, value string, err error) error {
	return &store.Error{Op: op, Field: field, Value: value, Err: err}
}
