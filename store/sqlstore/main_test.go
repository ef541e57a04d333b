package sqlstore

import (
	"context"
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
// when the binaries are missing.
var engines = []struct {
	name string
	dsn  func(t *testing.T, market string) string
}{
	{"sqlite", func(t *testing.T, market string) string {
		return filepath.Join(t.TempDir(), market+".db")
	}},
	{"postgresql", func(t *testing.T, market string) string {
		return pgtest.Shared(t).NewDatabase(t)
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

func TestConformance(t *testing.T) {
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			sqltest.Run(t, func(t *testing.T) sqltest.Stores {
				return openTest(t, e.dsn(t, "shop"), &Options{Markets: []string{"de", "fr"}})
			})
		})
	}
}
