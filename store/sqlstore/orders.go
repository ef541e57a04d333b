package sqlstore

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base32"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/marketkit/marketkit/store"
)

// MaxOrderBytes bounds the encoded size of one order (its JSON body).
const MaxOrderBytes = 1 << 20

var idEncoding = base32.NewEncoding("0123456789abcdefghjkmnpqrstvwxyz").WithPadding(base32.NoPadding)

// newOrderID returns 26 characters: 48 bits of Unix milliseconds then 80
// bits of crypto/rand, in an alphabet that sorts like the bytes, so IDs
// sort by time and new rows go to the end of the primary key index (fewer
// pages written per order than with random IDs).
func newOrderID(now time.Time) string {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], uint64(now.UnixMilli())<<16)
	_, _ = rand.Read(b[6:]) // never fails (crypto/rand doc)
	return idEncoding.EncodeToString(b[:])
}

// body returns the canonical JSON of what the customer placed and its
// SHA-256: every field but ID and CreatedAt (set by the store) and
// ConfigVersion and QuotedAt (a retried checkout re-quotes, which changes
// them but not the order). Those four are columns of their own.
func body(o *store.Order) ([]byte, string, error) {
	c := *o
	c.ID, c.CreatedAt, c.ConfigVersion, c.QuotedAt = "", time.Time{}, "", time.Time{}
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
	n := cloneOrder(o) // the caller keeps its order; the result is the caller's too
	if !n.QuotedAt.IsZero() {
		n.QuotedAt = n.QuotedAt.UTC()
	}
	n.CreatedAt = time.Now().UTC().Truncate(time.Microsecond)
	n.ID = newOrderID(n.CreatedAt)
	// The body column holds the body as hashed; ID and creation time are
	// columns of their own.
	res, err := db.w.ExecContext(ctx, db.q(`INSERT INTO orders
	(market, id, idempotency_key, body_hash, created_us, currency, gross, body, config_version, quoted_at)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (market, idempotency_key) DO NOTHING`),
		n.MarketID, n.ID, n.IdempotencyKey, hash, n.CreatedAt.UnixMicro(), n.Currency, n.Gross.Amount(), string(b),
		n.ConfigVersion, formatTime(n.QuotedAt))
	if err != nil {
		return nil, db.opErr(op, "order", o.IdempotencyKey, err)
	}
	if k, err := res.RowsAffected(); err != nil {
		return nil, db.opErr(op, "order", o.IdempotencyKey, err)
	} else if k == 1 {
		return n, nil
	}
	// The key was used before: the same body returns that order.
	var r row
	var have string
	err = db.w.QueryRowContext(ctx, db.q("SELECT "+rowColumns+", body_hash FROM orders WHERE market = ? AND idempotency_key = ?"),
		o.MarketID, o.IdempotencyKey).Scan(&r.id, &r.us, &r.cfg, &r.quoted, &r.body, &have)
	if err != nil {
		return nil, db.opErr(op, "idempotency_key", o.IdempotencyKey, err)
	}
	if have != hash {
		return nil, &store.Error{Op: op, Field: "idempotency_key", Value: o.IdempotencyKey, Err: store.ErrIdempotencyConflict}
	}
	return r.decode(op)
}

// cloneOrder copies o and every slice in it.
func cloneOrder(o *store.Order) *store.Order {
	n := *o
	n.Discounts = slices.Clone(o.Discounts)
	n.Taxes = slices.Clone(o.Taxes)
	n.Lines = slices.Clone(o.Lines)
	for i := range n.Lines {
		n.Lines[i].Discounts = slices.Clone(n.Lines[i].Discounts)
		n.Lines[i].Taxes = slices.Clone(n.Lines[i].Taxes)
	}
	return &n
}

// row is a stored order: the body and the columns kept beside it.
type row struct {
	id          string
	us          int64
	cfg, quoted string
	body        string
}

// rowColumns are the columns row.decode needs, in Scan order.
const rowColumns = "id, created_us, config_version, quoted_at, body"

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func (r *row) decode(op string) (*store.Order, error) {
	o := new(store.Order)
	if err := json.Unmarshal([]byte(r.body), o); err != nil {
		return nil, &store.Error{Op: op, Field: "body", Value: r.body, Err: err}
	}
	o.ID, o.CreatedAt, o.ConfigVersion = r.id, time.UnixMicro(r.us).UTC(), r.cfg
	if r.quoted != "" {
		t, err := time.Parse(time.RFC3339Nano, r.quoted)
		if err != nil {
			return nil, &store.Error{Op: op, Field: "quoted_at", Value: r.quoted, Err: err}
		}
		o.QuotedAt = t.UTC()
	}
	return o, nil
}

// Order implements store.OrderStore.
func (db *DB) Order(ctx context.Context, marketID, orderID string) (*store.Order, error) {
	const op = "Order"
	if err := db.checkMarket(op, marketID); err != nil {
		return nil, err
	}
	var r row
	err := db.r.QueryRowContext(ctx, db.q("SELECT "+rowColumns+" FROM orders WHERE market = ? AND id = ?"), marketID, orderID).
		Scan(&r.id, &r.us, &r.cfg, &r.quoted, &r.body)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, &store.Error{Op: op, Field: "id", Value: orderID, Err: store.ErrOrderNotFound}
	}
	if err != nil {
		return nil, db.opErr(op, "id", orderID, err)
	}
	return r.decode(op)
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
	rows, err := db.r.QueryContext(ctx, db.q(`SELECT `+rowColumns+` FROM orders
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
		var r row
		if err := rows.Scan(&r.id, &r.us, &r.cfg, &r.quoted, &r.body); err != nil {
			return nil, "", db.opErr(op, "market", marketID, err)
		}
		last = cursor{r.us, r.id}
		o, err := r.decode(op)
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
