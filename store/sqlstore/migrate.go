package sqlstore

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one forward step of the schema.
type migration struct {
	version int
	name    string   // the file name without the .sql suffix
	stmts   []string // statements, split at semicolons that end a line
}

// pgLockKey is the PostgreSQL advisory lock that serializes migrations of
// one database across processes ("mkmigr" in ASCII).
const pgLockKey = 0x6d6b6d696772

// loadMigrations reads NNNN_name.sql files; versions must be 1, 2, 3, …
// without gaps, so that "the database is at version N" means "it has
// exactly the first N files applied".
func loadMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []migration
	for i, n := range names {
		base := strings.TrimSuffix(path.Base(n), ".sql")
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v != i+1 {
			return nil, fmt.Errorf("migration %q: want the number %04d", n, i+1)
		}
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		m := migration{version: v, name: base, stmts: splitSQL(string(b))}
		if len(m.stmts) == 0 {
			return nil, fmt.Errorf("migration %q has no statement", n)
		}
		out = append(out, m)
	}
	return out, nil
}

// splitSQL splits at semicolons that end a line and drops "--" comment
// lines. Our migration files keep to that layout (no semicolon at the end
// of a line inside a string).
func splitSQL(s string) []string {
	var stmts []string
	var cur strings.Builder
	for line := range strings.Lines(s) {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "--") {
			continue
		}
		cur.WriteString(line)
		if strings.HasSuffix(t, ";") {
			stmts = append(stmts, strings.TrimSpace(cur.String()))
			cur.Reset()
		}
	}
	if strings.TrimSpace(cur.String()) != "" {
		stmts = append(stmts, strings.TrimSpace(cur.String()))
	}
	return stmts
}

// SchemaVersion is the number of migrations this program has: a database
// it opens is migrated to exactly this version.
func SchemaVersion() int {
	ms, err := loadMigrations(migrationFS)
	if err != nil {
		return 0
	}
	return len(ms)
}

// migrate applies the pending migrations, each in its own transaction
// together with its row in schema_migrations. On SQLite the transaction
// begins IMMEDIATE (the writer's DSN says so), which serializes two
// processes starting at once; on PostgreSQL a transaction-scoped advisory
// lock does. Each transaction re-reads the applied versions under that
// lock, so a step is never applied twice. A database with a version this
// program does not have is refused with ErrSchemaTooNew and left untouched.
func migrate(ctx context.Context, db *sql.DB, e Engine, ms []migration) error {
	for _, m := range ms {
		if err := migrateOne(ctx, db, e, ms, m); err != nil {
			return err
		}
	}
	return nil
}

func migrateOne(ctx context.Context, db *sql.DB, e Engine, ms []migration, m migration) (err error) {
	const op = "Migrate"
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return newErr(op, "migration", m.name, ErrSchemaMismatch, "begin", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if e == PostgreSQL {
		if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock($1)", int64(pgLockKey)); err != nil {
			return newErr(op, "migration", m.name, ErrSchemaMismatch, "lock", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    BIGINT NOT NULL PRIMARY KEY,
	name       TEXT   NOT NULL,
	applied_us BIGINT NOT NULL
)`); err != nil {
		return newErr(op, "migration", m.name, ErrSchemaMismatch, "create schema_migrations", err)
	}
	applied, err := appliedVersions(ctx, tx)
	if err != nil {
		return newErr(op, "migration", m.name, ErrSchemaMismatch, "read schema_migrations", err)
	}
	for v, name := range applied {
		if v > len(ms) {
			return newErr(op, "schema_migrations", strconv.Itoa(v)+" "+name, ErrSchemaTooNew,
				"this program knows versions 1 to "+strconv.Itoa(len(ms)), nil)
		}
		if want := ms[v-1].name; v >= 1 && name != want {
			return newErr(op, "schema_migrations", strconv.Itoa(v)+" "+name, ErrSchemaMismatch,
				"this program's migration "+strconv.Itoa(v)+" is "+want, nil)
		}
	}
	if _, done := applied[m.version]; done {
		return tx.Commit()
	}
	for i, s := range m.stmts {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return newErr(op, "migration", m.name, ErrSchemaMismatch, "statement "+strconv.Itoa(i+1), err)
		}
	}
	if _, err := tx.ExecContext(ctx, rebind(e, "INSERT INTO schema_migrations (version, name, applied_us) VALUES (?, ?, ?)"),
		int64(m.version), m.name, time.Now().UnixMicro()); err != nil {
		return newErr(op, "migration", m.name, ErrSchemaMismatch, "record", err)
	}
	if err := tx.Commit(); err != nil {
		return newErr(op, "migration", m.name, ErrSchemaMismatch, "commit", err)
	}
	return nil
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func appliedVersions(ctx context.Context, q querier) (map[int]string, error) {
	rows, err := q.QueryContext(ctx, "SELECT version, name FROM schema_migrations")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int]string{}
	for rows.Next() {
		var v int64
		var name string
		if err := rows.Scan(&v, &name); err != nil {
			return nil, err
		}
		if v < 1 {
			return nil, fmt.Errorf("schema_migrations holds version %d", v)
		}
		out[int(v)] = name
	}
	return out, rows.Err()
}

// rebind turns the ? placeholders of a query into PostgreSQL's $1, $2, ….
// Our queries have no ? inside string literals.
func rebind(e Engine, q string) string {
	if e != PostgreSQL || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// Version returns the schema version of the database (the number of
// migrations applied), for health checks: after Open it equals
// SchemaVersion().
func (db *DB) Version(ctx context.Context) (int, error) {
	applied, err := appliedVersions(ctx, db.r)
	if err != nil {
		return 0, newErr("Version", "schema_migrations", "", ErrSchemaMismatch, "", err)
	}
	return len(applied), nil
}
