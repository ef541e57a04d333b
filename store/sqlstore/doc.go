// Package sqlstore keeps a market's orders and sign-in identities in a
// real database on database/sql: SQLite embedded by default (pure Go,
// modernc.org/sqlite, no cgo), or PostgreSQL through
// github.com/jackc/pgx/v5. A *DB implements store.OrderStore and
// store.IdentityStore; the conformance suite in package sqltest runs
// against both engines. Open opens a database from its DSN and owns its
// connections; New serves a pool the host application owns and never
// closes it.
//
// # Each market owns its data
//
// A market's orders live in its own database, named by the DSN template of
// the market configuration ("data/{market}.db", or a PostgreSQL URL). A
// DB is bound to the markets that name it (Options.Markets) and refuses
// any other market's order with store.ErrMarketMismatch, so in the
// shared-process topology (a Set, opened by OpenSet) every market still
// writes only to its own database, and moving a market to its own
// instance moves a file, not a schema. Markets of different data-residency
// tags never share one database: OpenSet refuses it, and a database
// records the tag it was first opened with (ErrResidency).
//
// # Engines
//
// ParseDSN tells them apart: postgres:// or postgresql:// URLs are
// PostgreSQL; a file path (optionally "sqlite:PATH") is SQLite.
//
// SQLite runs in WAL mode with synchronous=FULL (an order PlaceOrder
// acknowledged survives a crash of the process and a power loss),
// foreign keys on and a busy timeout (Options.BusyTimeout, 5 s). All
// writes go through one writer connection whose transactions begin
// IMMEDIATE, and reads through a separate pool: writers queue inside the
// process instead of failing with SQLITE_BUSY, which is what deferred
// transactions that read and then write do under load.
//
// PostgreSQL uses a database/sql pool over pgx (Options.MaxConns).
// Options.PgBouncer switches to pgx's QueryExecModeExec with no statement
// cache, for PgBouncer in transaction mode.
//
// # Migrations
//
// The schema is a numbered list of SQL files embedded in the package
// (migrations/0001_orders.sql, …), common to both engines. Open applies
// the pending ones, each in its own transaction together with its row in
// schema_migrations, serialized across processes (BEGIN IMMEDIATE on
// SQLite, an advisory lock on PostgreSQL). A database migrated by a newer
// program is refused (ErrSchemaTooNew), never modified.
//
// # Orders
//
// PlaceOrder validates the order (store.Order.Validate: every amount in
// the order currency, net + tax = gross per line and in total), and
// stores it with one INSERT … ON CONFLICT DO NOTHING keyed by market and
// idempotency key: a retried checkout returns the first order, a different
// body under the same key fails with store.ErrIdempotencyConflict. The
// order is kept as JSON with amounts as decimal strings (never floating
// point), at most MaxOrderBytes; ListOrders pages by creation time with
// an opaque cursor, at most store.MaxListOrders per page.
//
// # Backups
//
// DB.Backup takes a consistent online backup (SQLite VACUUM INTO;
// PostgreSQL pg_dump in custom format), verifies it (opens it, checks it,
// counts its orders per market) before giving it its final name,
// optionally gzip-compresses an SQLite copy (BackupOptions.Compress), and
// prunes older ones by retention (BackupOptions.Keep). Restore brings one
// back, keeping a copy of the SQLite file it replaces, and checks the
// restored database holds exactly the backup's orders. The command
// "marketkit backup --market de CONFIG" and "marketkit restore" wrap them
// with the market's policy from the configuration.
//
// # Concurrency
//
// DB and Set are safe for concurrent use.
package sqlstore
