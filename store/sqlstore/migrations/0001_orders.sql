-- Orders, sign-in identities and hand-off nonces. The SQL is common to
-- SQLite and PostgreSQL: TEXT and BIGINT columns only, amounts as decimal
-- text inside the JSON body (never floating point), times as Unix
-- microseconds.
CREATE TABLE orders (
	market          TEXT   NOT NULL,
	id              TEXT   NOT NULL,
	idempotency_key TEXT   NOT NULL,
	body_hash       TEXT   NOT NULL,
	created_us      BIGINT NOT NULL,
	currency        TEXT   NOT NULL,
	gross           TEXT   NOT NULL,
	body            TEXT   NOT NULL,
	PRIMARY KEY (market, id),
	UNIQUE (market, idempotency_key)
);
CREATE INDEX orders_by_time ON orders (market, created_us, id);
CREATE TABLE identities (
	issuer      TEXT   NOT NULL,
	subject     TEXT   NOT NULL,
	customer_id TEXT   NOT NULL,
	email       TEXT   NOT NULL,
	market      TEXT   NOT NULL,
	created_us  BIGINT NOT NULL,
	PRIMARY KEY (issuer, subject)
);
CREATE TABLE handoff_nonces (
	nonce      TEXT   NOT NULL PRIMARY KEY,
	expires_us BIGINT NOT NULL
);
