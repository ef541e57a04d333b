package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/marketkit/marketkit/internal/enum"
	"github.com/marketkit/marketkit/store"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Engine is the database engine behind a DB.
type Engine uint8

// Engines.
const (
	SQLite     Engine = iota + 1 // modernc.org/sqlite, pure Go
	PostgreSQL                   // github.com/jackc/pgx/v5
)

var engineNames = enum.New[Engine]("Engine", SQLite, "sqlite", "postgresql")

// String returns "sqlite" or "postgresql", or "Engine(N)" for another
// value.
func (e Engine) String() string { return engineNames.String(e) }

// IsValid reports whether e is SQLite or PostgreSQL.
func (e Engine) IsValid() bool { return engineNames.IsValid(e) }

// ParseEngine parses "sqlite" or "postgresql"; anything else is an
// *Error wrapping ErrDSN.
func ParseEngine(s string) (Engine, error) {
	e, ok := engineNames.Parse(s)
	if !ok {
		return 0, &Error{Op: "ParseEngine", Field: "engine", Value: s, Err: fmt.Errorf("%w: want one of %s", ErrDSN, strings.Join(engineNames.All(), ", "))}
	}
	return e, nil
}

// AppendText implements encoding.TextAppender; an invalid engine is an
// error.
func (e Engine) AppendText(b []byte) ([]byte, error) {
	out, ok := engineNames.AppendText(b, e)
	if !ok {
		return b, &Error{Op: "Engine.AppendText", Field: "engine", Value: e.String(), Err: fmt.Errorf("%w: not an engine", ErrDSN)}
	}
	return out, nil
}

// MarshalText implements encoding.TextMarshaler.
func (e Engine) MarshalText() ([]byte, error) { return e.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler with ParseEngine.
func (e *Engine) UnmarshalText(b []byte) error {
	v, err := ParseEngine(string(b))
	if err == nil {
		*e = v
	}
	return err
}

// Options configure Open. The zero Options (or nil) are valid.
type Options struct {
	// Markets are the IDs of the markets whose orders this database
	// keeps. PlaceOrder and the queries refuse any other market with
	// store.ErrMarketMismatch. Empty: any market.
	Markets []string
	// Residency is the market's data-residency tag ("eu", "ch", …). The
	// first Open records it in the database; a later Open with a different
	// non-empty tag fails with ErrResidency.
	Residency string
	// PgBouncer makes PostgreSQL connections work behind PgBouncer in
	// transaction mode: no named prepared statements and no statement or
	// description cache (pgx's QueryExecModeExec).
	PgBouncer bool
	// MaxConns bounds the connections: for SQLite the read pool (the
	// writer is always one connection), for PostgreSQL the pool. Zero:
	// 4 for SQLite, 8 for PostgreSQL.
	MaxConns int
	// BusyTimeout is how long an SQLite connection waits for a lock held
	// by another process (a backup, a second instance). Zero: 5 s.
	BusyTimeout time.Duration
}

// DB is one market database (or one database shared by several markets
// of the same residency). It implements store.OrderStore and
// store.IdentityStore, is safe for concurrent use, and is closed with
// Close.
//
// On SQLite a DB keeps two pools on the same file: one writer connection
// (every write goes through it, in WAL mode, each transaction begun with
// BEGIN IMMEDIATE, so writers queue in the process instead of failing
// with SQLITE_BUSY) and a read pool. On PostgreSQL both are one pool.
type DB struct {
	engine  Engine
	w, r    *sql.DB
	markets []string // sorted; nil: any
	path    string   // SQLite file
	dsn     string   // PostgreSQL DSN, as given
	opts    Options
	owned   bool // Close closes w and r
}

var (
	_ store.OrderStore    = (*DB)(nil)
	_ store.IdentityStore = (*DB)(nil)
)

// ParseDSN tells the engine of a data source name and returns what that
// engine's Open needs: for SQLite the file path, for PostgreSQL the DSN
// itself. PostgreSQL DSNs are URLs with the scheme postgres or postgresql;
// "sqlite:PATH" or a plain PATH is an SQLite file. SQLite URIs ("file:"),
// query parameters in a path and in-memory databases are refused: the
// package sets the connection parameters itself, and an in-memory
// database would be a different database on each connection.
func ParseDSN(dsn string) (Engine, string, error) {
	const op = "ParseDSN"
	switch {
	case dsn == "":
		return 0, "", newErr(op, "dsn", dsn, ErrDSN, "empty", nil)
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		if _, err := url.Parse(dsn); err != nil {
			return 0, "", newErr(op, "dsn", redact(dsn), ErrDSN, "not a URL", nil)
		}
		return PostgreSQL, dsn, nil
	}
	p := strings.TrimPrefix(dsn, "sqlite:")
	switch {
	case p == "":
		return 0, "", newErr(op, "dsn", dsn, ErrDSN, "no file name", nil)
	case strings.HasPrefix(p, "file:"):
		return 0, "", newErr(op, "dsn", dsn, ErrDSN, "give a file path, not an SQLite URI", nil)
	case strings.Contains(p, ":memory:") || strings.HasPrefix(p, ":"):
		return 0, "", newErr(op, "dsn", dsn, ErrDSN, "in-memory databases are not supported", nil)
	case strings.ContainsAny(p, "?#\x00"):
		return 0, "", newErr(op, "dsn", dsn, ErrDSN, "a file path may not contain ?, # or NUL", nil)
	case strings.Contains(p, "=") && strings.Contains(p, " "):
		return 0, "", newErr(op, "dsn", redact(dsn), ErrDSN, "looks like a key=value connection string: give PostgreSQL as a postgres:// URL", nil)
	case strings.Contains(p, "://"):
		return 0, "", newErr(op, "dsn", redact(dsn), ErrDSN, "unknown scheme (want postgres:// or an SQLite file path)", nil)
	}
	return SQLite, filepath.Clean(p), nil
}

// redact removes the password from a URL DSN for error messages.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// Open opens (creating it if needed, for SQLite with its directory) the
// database named by dsn (see ParseDSN), applies the pending schema
// migrations and checks the residency tag. The DB owns its connections
// and closes them in Close.
func Open(ctx context.Context, dsn string, opts *Options) (*DB, error) {
	const op = "Open"
	var o Options
	if opts != nil {
		o = *opts
		o.Markets = slices.Clone(o.Markets)
	}
	slices.Sort(o.Markets)
	o.Markets = slices.Compact(o.Markets)
	for _, m := range o.Markets {
		if err := checkMarketID(m); err != nil {
			return nil, err
		}
	}
	e, target, err := ParseDSN(dsn)
	if err != nil {
		return nil, err
	}
	db := &DB{engine: e, markets: o.Markets, opts: o, owned: true}
	if len(db.markets) == 0 {
		db.markets = nil
	}
	switch e {
	case SQLite:
		err = db.openSQLite(target)
	case PostgreSQL:
		db.dsn = target
		err = db.openPostgres(target)
	}
	if err != nil {
		return nil, err
	}
	ms, err := loadMigrations(migrationFS)
	if err == nil {
		err = db.w.PingContext(ctx)
		if err != nil {
			err = newErr(op, "dsn", redact(dsn), ErrDSN, "cannot connect", err)
		}
	}
	if err == nil {
		err = db.setUp(ctx, ms)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func (db *DB) setUp(ctx context.Context, ms []migration) error {
	if err := migrate(ctx, db.w, db.engine, ms); err != nil {
		return err
	}
	return db.checkResidency(ctx, db.opts.Residency)
}

// New is Open on a pool the host application owns: it migrates the
// database and serves it through pool, and Close leaves pool open.
// Options.PgBouncer, MaxConns and BusyTimeout are the host's to set on its
// pool. For SQLite the host's DSN must give what Open's does —
// _txlock=immediate, _journal_mode=WAL, _busy_timeout — and the pool
// should be limited to one connection (pool.SetMaxOpenConns(1)), since
// reads and writes share it; New checks the journal mode. Backup and
// Restore need the file path or DSN, so a DB from New can place and read
// orders but not back itself up (use Open for that).
func New(ctx context.Context, pool *sql.DB, e Engine, opts *Options) (*DB, error) {
	var o Options
	if opts != nil {
		o = *opts
		o.Markets = slices.Clone(o.Markets)
	}
	slices.Sort(o.Markets)
	o.Markets = slices.Compact(o.Markets)
	for _, m := range o.Markets {
		if err := checkMarketID(m); err != nil {
			return nil, err
		}
	}
	if pool == nil || (e != SQLite && e != PostgreSQL) {
		return nil, newErr("New", "pool", e.String(), ErrDSN, "want a pool and the engine SQLite or PostgreSQL", nil)
	}
	db := &DB{engine: e, w: pool, r: pool, markets: o.Markets, opts: o}
	if len(db.markets) == 0 {
		db.markets = nil
	}
	if e == SQLite {
		var mode string
		if err := pool.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
			return nil, newErr("New", "pool", "", ErrDSN, "cannot read the journal mode", err)
		}
		if !strings.EqualFold(mode, "wal") {
			return nil, newErr("New", "pool", mode, ErrDSN, "an SQLite pool needs _journal_mode=WAL (and _txlock=immediate, _busy_timeout)", nil)
		}
	}
	ms, err := loadMigrations(migrationFS)
	if err == nil {
		err = db.setUp(ctx, ms)
	}
	if err != nil {
		return nil, err
	}
	return db, nil
}

func (db *DB) openSQLite(path string) error {
	const op = "Open"
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return newErr(op, "dsn", path, ErrDSN, "cannot create the directory", err)
		}
	}
	db.path = path
	busy := db.opts.BusyTimeout
	if busy <= 0 {
		busy = 5 * time.Second
	}
	// synchronous=FULL: a placed order survives power loss, not only a
	// crash of the process (WAL with NORMAL may lose the last commits).
	common := "_busy_timeout=" + strconv.FormatInt(busy.Milliseconds(), 10) +
		"&_journal_mode=WAL&_synchronous=FULL&_foreign_keys=1"
	w, err := sql.Open("sqlite", path+"?"+common+"&_txlock=immediate")
	if err != nil {
		return newErr(op, "dsn", path, ErrDSN, "", err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxIdleTime(0)
	w.SetConnMaxLifetime(0)
	r, err := sql.Open("sqlite", path+"?"+common+"&_query_only=1")
	if err != nil {
		w.Close()
		return newErr(op, "dsn", path, ErrDSN, "", err)
	}
	n := db.opts.MaxConns
	if n <= 0 {
		n = 4
	}
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	db.w, db.r = w, r
	return nil
}

// pgConfig parses a PostgreSQL DSN with the PgBouncer option applied.
func pgConfig(dsn string, bouncer bool) (*pgx.ConnConfig, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, newErr("Open", "dsn", redact(dsn), ErrDSN, "", errors.New("pgx cannot parse it"))
	}
	if bouncer {
		cfg.DefaultQueryExecMode = pgx.QueryExecModeExec
		cfg.StatementCacheCapacity = 0
		cfg.DescriptionCacheCapacity = 0
	}
	return cfg, nil
}

func (db *DB) openPostgres(dsn string) error {
	cfg, err := pgConfig(dsn, db.opts.PgBouncer)
	if err != nil {
		return err
	}
	p := stdlib.OpenDB(*cfg)
	n := db.opts.MaxConns
	if n <= 0 {
		n = 8
	}
	p.SetMaxOpenConns(n)
	p.SetMaxIdleConns(n)
	p.SetConnMaxIdleTime(5 * time.Minute)
	db.w, db.r = p, p
	return nil
}

func (db *DB) checkResidency(ctx context.Context, tag string) error {
	if tag == "" {
		return nil
	}
	q := rebind(db.engine, "INSERT INTO meta (k, v) VALUES ('residency', ?) ON CONFLICT (k) DO NOTHING")
	if _, err := db.w.ExecContext(ctx, q, tag); err != nil {
		return newErr("Open", "residency", tag, ErrResidency, "cannot record it", err)
	}
	var have string
	if err := db.w.QueryRowContext(ctx, "SELECT v FROM meta WHERE k = 'residency'").Scan(&have); err != nil {
		return newErr("Open", "residency", tag, ErrResidency, "cannot read it", err)
	}
	if have != tag {
		return newErr("Open", "residency", tag, ErrResidency, "the database is recorded as "+strconv.Quote(have), nil)
	}
	return nil
}

// Engine returns the database engine.
func (db *DB) Engine() Engine { return db.engine }

// Markets returns the markets the DB serves (nil: any), a fresh slice.
func (db *DB) Markets() []string { return slices.Clone(db.markets) }

// Path returns the SQLite file name ("" for PostgreSQL).
func (db *DB) Path() string { return db.path }

// Close closes the DB's connections (not a pool given to New). It is safe
// to call more than once.
func (db *DB) Close() error {
	if db == nil || db.w == nil || !db.owned {
		return nil
	}
	err := db.w.Close()
	if db.r != db.w {
		err = errors.Join(err, db.r.Close())
	}
	return err
}

// serves reports whether the DB keeps the market's data.
func (db *DB) serves(market string) bool {
	if db.markets == nil {
		return true
	}
	_, ok := slices.BinarySearch(db.markets, market)
	return ok
}

func (db *DB) checkMarket(op, market string) error {
	if market == "" {
		return &store.Error{Op: op, Field: "market", Value: market, Err: store.ErrInvalid}
	}
	if !db.serves(market) {
		return &store.Error{Op: op, Field: "market", Value: market, Err: store.ErrMarketMismatch}
	}
	return nil
}

// checkMarketID accepts IDs made of lower-case ASCII letters, digits and
// hyphens (1..63 bytes), the IDs that are safe in a file name.
func checkMarketID(id string) error {
	ok := len(id) >= 1 && len(id) <= 63 && id[0] != '-'
	for i := 0; ok && i < len(id); i++ {
		c := id[i]
		ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'
	}
	if !ok {
		return newErr("Open", "market", id, ErrDSN, "a market ID is 1 to 63 lower-case letters, digits or hyphens", nil)
	}
	return nil
}
