package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/marketkit/marketkit/store"
)

func checkIdentity(op string, id store.Identity) error {
	for _, f := range [...]struct {
		name, v string
		max     int
	}{
		{"issuer", id.Issuer, store.MaxKeyLength}, {"subject", id.Subject, store.MaxKeyLength},
		{"customer_id", id.CustomerID, store.MaxKeyLength}, {"email", id.Email, store.MaxTextLength},
	} {
		if f.v == "" && f.name != "email" {
			return &store.Error{Op: op, Field: f.name, Value: f.v, Err: &cause{sentinel: store.ErrInvalid, detail: "required"}}
		}
		if len(f.v) > f.max {
			return &store.Error{Op: op, Field: f.name, Value: f.v, Err: &cause{sentinel: store.ErrInvalid, detail: "too long"}}
		}
	}
	return nil
}

// SaveIdentity implements store.IdentityStore.
func (db *DB) SaveIdentity(ctx context.Context, id store.Identity) (store.Identity, error) {
	const op = "SaveIdentity"
	if err := checkIdentity(op, id); err != nil {
		return store.Identity{}, err
	}
	if err := db.checkMarket(op, id.MarketID); err != nil {
		return store.Identity{}, err
	}
	now := time.Now().UTC().Truncate(time.Microsecond)
	_, err := db.w.ExecContext(ctx, db.q(`INSERT INTO identities (issuer, subject, customer_id, email, market, created_us)
	VALUES (?, ?, ?, ?, ?, ?)
	ON CONFLICT (issuer, subject) DO UPDATE SET customer_id = excluded.customer_id, email = excluded.email`),
		id.Issuer, id.Subject, id.CustomerID, id.Email, id.MarketID, now.UnixMicro())
	if err != nil {
		return store.Identity{}, db.opErr(op, "subject", id.Subject, err)
	}
	return db.identity(ctx, db.w, op, id.Issuer, id.Subject)
}

// Identity implements store.IdentityStore.
func (db *DB) Identity(ctx context.Context, issuer, subject string) (store.Identity, error) {
	return db.identity(ctx, db.r, "Identity", issuer, subject)
}

func (db *DB) identity(ctx context.Context, q *sql.DB, op, issuer, subject string) (store.Identity, error) {
	var id store.Identity
	var us int64
	err := q.QueryRowContext(ctx, db.q(`SELECT issuer, subject, customer_id, email, market, created_us
	FROM identities WHERE issuer = ? AND subject = ?`), issuer, subject).
		Scan(&id.Issuer, &id.Subject, &id.CustomerID, &id.Email, &id.MarketID, &us)
	if errors.Is(err, sql.ErrNoRows) {
		return store.Identity{}, &store.Error{Op: op, Field: "subject", Value: subject, Err: store.ErrIdentityNotFound}
	}
	if err != nil {
		return store.Identity{}, db.opErr(op, "subject", subject, err)
	}
	id.CreatedAt = time.UnixMicro(us).UTC()
	return id, nil
}

// MaxNonceLifetime bounds how far in the future UseNonce accepts an expiry:
// hand-off tokens live seconds, so a nonce row never needs to live longer.
const MaxNonceLifetime = time.Hour

// UseNonce implements store.IdentityStore. Expired nonces are purged on
// the way, so the table holds at most an hour of hand-offs.
func (db *DB) UseNonce(ctx context.Context, nonce string, expires time.Time) error {
	const op = "UseNonce"
	if nonce == "" || len(nonce) > store.MaxKeyLength {
		return &store.Error{Op: op, Field: "nonce", Value: nonce, Err: &cause{sentinel: store.ErrInvalid, detail: "want 1 to 200 bytes"}}
	}
	now := time.Now()
	if !expires.After(now) || expires.Sub(now) > MaxNonceLifetime {
		return &store.Error{Op: op, Field: "expires", Value: expires.UTC().Format(time.RFC3339),
			Err: &cause{sentinel: store.ErrInvalid, detail: "want a time in the next hour"}}
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return db.opErr(op, "nonce", nonce, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, db.q("DELETE FROM handoff_nonces WHERE expires_us < ?"), now.UnixMicro()); err != nil {
		return db.opErr(op, "nonce", nonce, err)
	}
	res, err := tx.ExecContext(ctx, db.q("INSERT INTO handoff_nonces (nonce, expires_us) VALUES (?, ?) ON CONFLICT (nonce) DO NOTHING"),
		nonce, expires.UnixMicro())
	if err != nil {
		return db.opErr(op, "nonce", nonce, err)
	}
	k, err := res.RowsAffected()
	if err != nil {
		return db.opErr(op, "nonce", nonce, err)
	}
	if err := tx.Commit(); err != nil {
		return db.opErr(op, "nonce", nonce, err)
	}
	if k == 0 {
		return &store.Error{Op: op, Field: "nonce", Value: nonce, Err: store.ErrNonceUsed}
	}
	return nil
}

// Consume is UseNonce in the shape of the sign-in hand-off's replay store
// (store/web/handoff.ReplayStore): fresh is false, with a nil error, when
// the nonce was used before.
func (db *DB) Consume(ctx context.Context, nonce string, expires time.Time) (fresh bool, err error) {
	err = db.UseNonce(ctx, nonce, expires)
	if errors.Is(err, store.ErrNonceUsed) {
		return false, nil
	}
	return err == nil, err
}
