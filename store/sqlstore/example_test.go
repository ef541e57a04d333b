package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/marketkit/marketkit/store"
	"github.com/marketkit/marketkit/store/sqlstore"
	"github.com/marketkit/marketkit/store/sqlstore/sqltest"
)

func Example() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "sqlstore-example")
	defer os.RemoveAll(dir)

	// One SQLite file for market de, as the template data/{market}.db says.
	db, err := sqlstore.Open(ctx, filepath.Join(dir, "data", "de.db"), &sqlstore.Options{Markets: []string{"de"}, Residency: "eu"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()

	o, err := db.PlaceOrder(ctx, sqltest.NewOrder("de", "checkout-7f3a", 2))
	if err != nil {
		fmt.Println(err)
		return
	}
	// A retried checkout gets the same order back.
	again, _ := db.PlaceOrder(ctx, sqltest.NewOrder("de", "checkout-7f3a", 2))
	fmt.Println(again.ID == o.ID, o.Gross)

	// Another body under the same key is refused.
	_, err = db.PlaceOrder(ctx, sqltest.NewOrder("de", "checkout-7f3a", 3))
	fmt.Println(errors.Is(err, store.ErrIdempotencyConflict))

	// So is another market's order.
	_, err = db.PlaceOrder(ctx, sqltest.NewOrder("fr", "checkout-1", 1))
	fmt.Println(err)

	n, _ := db.CountOrders(ctx, "de")
	fmt.Println(n, "order")
	// Output:
	// true 68.99 EUR
	// true
	// store: PlaceOrder: market "fr": market not served by this database
	// 1 order
}

func ExampleDB_Backup() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "sqlstore-example")
	defer os.RemoveAll(dir)
	db, err := sqlstore.Open(ctx, filepath.Join(dir, "de.db"), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()
	for _, k := range []string{"a", "b", "c"} {
		if _, err := db.PlaceOrder(ctx, sqltest.NewOrder("de", k, 1)); err != nil {
			fmt.Println(err)
			return
		}
	}
	info, err := db.Backup(ctx, sqlstore.BackupOptions{Dir: filepath.Join(dir, "backups"), Name: "de", Keep: 7})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(filepath.Ext(info.Path), info.Orders)

	// Restore it as another database and count again.
	res, err := sqlstore.Restore(ctx, info.Path, filepath.Join(dir, "restored.db"), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Orders, res.Previous == "")
	// Output:
	// .sqlite map[de:3]
	// map[de:3] true
}

func ExampleParseDSN() {
	for _, dsn := range []string{"data/de.db", "sqlite:data/fr.db", "postgres://shop@db.internal/ch", ":memory:", "host=db dbname=ch"} {
		e, target, err := sqlstore.ParseDSN(dsn)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(e, target)
	}
	// Output:
	// sqlite data/de.db
	// sqlite data/fr.db
	// postgresql postgres://shop@db.internal/ch
	// sqlstore: ParseDSN: dsn ":memory:": invalid data source name: in-memory databases are not supported
	// sqlstore: ParseDSN: dsn "host=db dbname=ch": invalid data source name: looks like a key=value connection string: give PostgreSQL as a postgres:// URL
}

func ExampleOpenSet() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "sqlstore-example")
	defer os.RemoveAll(dir)

	// What sqlstore.MarketsOf(cfg) returns for a configuration with the
	// template data/{market}.db; here written out.
	var dbs []sqlstore.MarketDB
	for _, m := range []struct{ id, residency string }{{"de", "eu"}, {"at", "eu"}, {"ch", "ch"}} {
		dbs = append(dbs, sqlstore.MarketDB{Market: m.id, DSN: filepath.Join(dir, "data", m.id+".db"), Residency: m.residency})
	}
	set, err := sqlstore.OpenSet(ctx, dbs, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer set.Close()
	for _, m := range set.Markets() {
		if _, err := set.PlaceOrder(ctx, sqltest.NewOrder(m, "first", 1)); err != nil {
			fmt.Println(err)
			return
		}
		db, _ := set.DB(m)
		n, _ := db.CountOrders(ctx, m)
		fmt.Println(m, filepath.Base(db.Path()), n)
	}
	// Two residencies on one database are refused.
	_, err = sqlstore.OpenSet(ctx, []sqlstore.MarketDB{
		{Market: "de", DSN: filepath.Join(dir, "shared.db"), Residency: "eu"},
		{Market: "ch", DSN: filepath.Join(dir, "shared.db"), Residency: "ch"},
	}, nil)
	fmt.Println(errors.Is(err, sqlstore.ErrResidency))
	// Output:
	// at at.db 1
	// ch ch.db 1
	// de de.db 1
	// true
}
