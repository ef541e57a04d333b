package sqlstore

import (
	"context"
	"database/sql"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/marketkit/marketkit/store/sqlstore/sqltest"
)

// TestNoSQLiteBusyAcrossWriters is the failure mode of store-anchors.md Q3
// (ovumcy-web #155 and others): transactions that begin DEFERRED, read,
// then write, fail with SQLITE_BUSY under load despite the busy timeout,
// because SQLite cannot upgrade a read lock while another connection
// writes. Two DBs on one file (two instances during a rolling deploy)
// place orders and consume nonces (a write transaction) concurrently; no
// caller sees an error. A control run with deferred read-then-write
// transactions on the same file logs how many of those fail.
func TestNoSQLiteBusyAcrossWriters(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "de.db")
	a := openTest(t, path, nil)
	b := openTest(t, path, nil)
	var wg sync.WaitGroup
	errs := make(chan error, 400)
	for w := range 8 {
		db := a
		if w%2 == 1 {
			db = b
		}
		wg.Go(func() {
			for i := range 15 {
				k := strconv.Itoa(w) + "-" + strconv.Itoa(i)
				if _, err := db.PlaceOrder(ctx, sqltest.NewOrder("de", "k"+k, 1)); err != nil {
					errs <- err
				}
				if err := db.UseNonce(ctx, "n"+k, time.Now().Add(time.Minute)); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("a caller saw: %v", err)
	}
	if n, err := a.CountOrders(ctx, "de"); err != nil || n != 8*15 {
		t.Errorf("CountOrders = %d, %v; want %d", n, err, 8*15)
	}

	// Control: what the defaults do to read-then-write transactions.
	raw, err := sql.Open("sqlite", path+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	raw.SetMaxOpenConns(8)
	if _, err := raw.Exec("CREATE TABLE IF NOT EXISTS counter (n INTEGER)"); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("INSERT INTO counter VALUES (0)"); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	busy := 0
	for range 8 {
		wg.Go(func() {
			for range 10 {
				err := func() error {
					tx, err := raw.Begin() // DEFERRED
					if err != nil {
						return err
					}
					defer tx.Rollback()
					var n int
					if err := tx.QueryRow("SELECT n FROM counter").Scan(&n); err != nil {
						return err
					}
					if _, err := tx.Exec("UPDATE counter SET n = ?", n+1); err != nil {
						return err
					}
					return tx.Commit()
				}()
				if err != nil && strings.Contains(err.Error(), "SQLITE_BUSY") {
					mu.Lock()
					busy++
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	t.Logf("control: %d of 80 deferred read-then-write transactions failed with SQLITE_BUSY", busy)
}
