package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/marketkit/marketkit/store/sqlstore/internal/pgtest"
	"github.com/marketkit/marketkit/store/sqlstore/sqltest"
)

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		crashChild() // never returns
	}
	code := m.Run()
	pgtest.Stop()
	os.Exit(code)
}

// engines lists the engines a test runs on; the PostgreSQL one skips
// when the binaries are missing. Its DSNs name a fresh schema (cheap);
// tests of pg_dump use pgDatabase.
var engines = []struct {
	name string
	dsn  func(t *testing.T, market string) string
}{
	{"sqlite", func(t *testing.T, market string) string {
		return filepath.Join(t.TempDir(), market+".db")
	}},
	{"postgresql", func(t *testing.T, market string) string {
		return pgtest.Shared(t).NewSchema(t)
	}},
}

func openTest(t *testing.T, dsn string, opts *Options) *DB {
	t.Helper()
	db, err := Open(context.Background(), dsn, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestNew runs the suite on pools the test owns: Close of the DB leaves
// them open.
func TestNew(t *testing.T) {
	t.Parallel()
	sqltest.Run(t, func(t *testing.T) sqltest.Stores {
		pool, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "host.db")+"?_txlock=immediate&_journal_mode=WAL&_busy_timeout=5000")
		if err != nil {
			t.Fatal(err)
		}
		pool.SetMaxOpenConns(1)
		t.Cleanup(func() { pool.Close() })
		db, err := New(context.Background(), pool, SQLite, &Options{Markets: []string{"de", "fr"}})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			db.Close()
			if err := pool.Ping(); err != nil {
				t.Errorf("DB.Close closed the host's pool: %v", err)
			}
		})
		return db
	})
	// A pool in rollback-journal mode is refused.
	pool, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "plain.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	if _, err := New(context.Background(), pool, SQLite, nil); !errors.Is(err, ErrDSN) {
		t.Errorf("New on a non-WAL pool: %v, want ErrDSN", err)
	}
}

func TestConformance(t *testing.T) {
	t.Parallel()
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			t.Parallel()
			sqltest.Run(t, func(t *testing.T) sqltest.Stores {
				return openTest(t, e.dsn(t, "shop"), &Options{Markets: []string{"de", "fr"}})
			})
		})
	}
}

// dbDSN is e.dsn, except that PostgreSQL gets a database of its own.
func dbDSN(t *testing.T, engine, market string) string {
	if engine == "postgresql" {
		return pgtest.Shared(t).NewDatabase(t)
	}
	return engines[0].dsn(t, market)
}
