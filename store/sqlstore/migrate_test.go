package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/marketkit/marketkit/store/sqlstore/sqltest"
)

func versions(t *testing.T, db *DB) map[int]string {
	t.Helper()
	v, err := appliedVersions(context.Background(), db.r)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestMigrations(t *testing.T) {
	t.Parallel()
	ms, err := loadMigrations(migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	all := map[int]string{}
	for _, m := range ms {
		all[m.version] = m.name
	}
	if SchemaVersion() != len(ms) || len(ms) < 2 {
		t.Fatalf("SchemaVersion() = %d with %d migrations", SchemaVersion(), len(ms))
	}
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			dsn := e.dsn(t, "m")

			// A database at version 1 with an order moves forward on Open.
			db := openTest(t, dsn, nil)
			db.Close()
			raw := rawDB(t, e.name, dsn)
			for _, s := range []string{"DROP TABLE meta", "DROP INDEX handoff_nonces_by_expiry", "ALTER TABLE orders DROP COLUMN config_version",
				"ALTER TABLE orders DROP COLUMN quoted_at", "DELETE FROM schema_migrations WHERE version > 1"} {
				if _, err := raw.Exec(s); err != nil {
					t.Fatal(err)
				}
			}
			db = openTest(t, dsn, nil)
			if d := cmp.Diff(all, versions(t, db)); d != "" {
				t.Errorf("versions after a forward migration (-want +got):\n%s", d)
			}
			if v, err := db.Version(ctx); err != nil || v != SchemaVersion() {
				t.Errorf("Version = %d, %v; want %d", v, err, SchemaVersion())
			}
			if _, err := db.PlaceOrder(ctx, sqltest.NewOrder("de", "k", 1)); err != nil {
				t.Fatal(err)
			}
			db.Close()

			// Reopening applies nothing twice (and concurrent opens agree).
			var wg sync.WaitGroup
			errs := make([]error, 4)
			for i := range errs {
				wg.Go(func() {
					d, err := Open(ctx, dsn, nil)
					if err == nil {
						d.Close()
					}
					errs[i] = err
				})
			}
			wg.Wait()
			for _, err := range errs {
				if err != nil {
					t.Errorf("concurrent Open: %v", err)
				}
			}
			db = openTest(t, dsn, nil)
			if d := cmp.Diff(all, versions(t, db)); d != "" {
				t.Errorf("versions after reopening (-want +got):\n%s", d)
			}
			if n, err := db.CountOrders(ctx, "de"); err != nil || n != 1 {
				t.Errorf("CountOrders = %d, %v; want 1", n, err)
			}
			db.Close()

			// A schema newer than the code is refused and left alone.
			if _, err := raw.Exec(rebindFor(e.name, "INSERT INTO schema_migrations (version, name, applied_us) VALUES (?, ?, 0)"), len(ms)+1, "9999_future"); err != nil {
				t.Fatal(err)
			}
			if _, err := Open(ctx, dsn, nil); !errors.Is(err, ErrSchemaTooNew) {
				t.Errorf("Open of a newer schema: %v, want ErrSchemaTooNew", err)
			}
			if _, err := raw.Exec(rebindFor(e.name, "DELETE FROM schema_migrations WHERE version = ?"), len(ms)+1); err != nil {
				t.Fatal(err)
			}
			// A migration of the same number but another name is refused.
			if _, err := raw.Exec("UPDATE schema_migrations SET name = '0001_other' WHERE version = 1"); err != nil {
				t.Fatal(err)
			}
			if _, err := Open(ctx, dsn, nil); !errors.Is(err, ErrSchemaMismatch) {
				t.Errorf("Open with a renamed migration: %v, want ErrSchemaMismatch", err)
			}
		})
	}
}

func rawDB(t *testing.T, engine, dsn string) *sql.DB {
	driver := "sqlite"
	if engine == "postgresql" {
		driver = "pgx"
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func rebindFor(engine, q string) string {
	if engine == "postgresql" {
		return rebind(PostgreSQL, q)
	}
	return q
}

func TestLoadMigrationsRefuses(t *testing.T) {
	tests := []struct {
		name string
		fs   fstest.MapFS
	}{
		{"gap", fstest.MapFS{"migrations/0001_a.sql": {Data: []byte("SELECT 1;")}, "migrations/0003_c.sql": {Data: []byte("SELECT 1;")}}},
		{"no number", fstest.MapFS{"migrations/init.sql": {Data: []byte("SELECT 1;")}}},
		{"empty", fstest.MapFS{"migrations/0001_a.sql": {Data: []byte("-- nothing\n")}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := loadMigrations(tt.fs); err == nil {
				t.Error("loadMigrations accepted it")
			}
		})
	}
	got := splitSQL("-- c\nCREATE TABLE a (x TEXT);\n\nCREATE INDEX i\n  ON a (x);\nSELECT 1")
	want := []string{"CREATE TABLE a (x TEXT);", "CREATE INDEX i\n  ON a (x);", "SELECT 1"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("splitSQL (-want +got):\n%s", d)
	}
}
