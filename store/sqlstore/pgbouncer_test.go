package sqlstore

import (
	"context"
	"testing"

	"github.com/marketkit/marketkit/store/sqlstore/sqltest"
)

// TestPgBouncerMode: with PgBouncer set, a connection holds no named
// prepared statement after placing and reading orders (PgBouncer in
// transaction mode may hand the next transaction another server
// connection, where a named statement would not exist). Without it, pgx
// caches prepared statements, which the same probe sees.
func TestPgBouncerMode(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		bouncer bool
		want0   bool
	}{{true, true}, {false, false}} {
		ctx := context.Background()
		db := openTest(t, engines[1].dsn(t, "de"), &Options{PgBouncer: tt.bouncer, MaxConns: 1})
		for i := range 3 {
			o, err := db.PlaceOrder(ctx, sqltest.NewOrder("de", "k"+string(rune('a'+i)), 1))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Order(ctx, "de", o.ID); err != nil {
				t.Fatal(err)
			}
		}
		var n int
		if err := db.r.QueryRowContext(ctx, "SELECT count(*) FROM pg_prepared_statements").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if (n == 0) != tt.want0 {
			t.Errorf("PgBouncer %v: %d prepared statements on the connection", tt.bouncer, n)
		}
	}
}
