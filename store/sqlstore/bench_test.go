package sqlstore

import (
	"context"
	"flag"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/marketkit/marketkit/store/sqlstore/internal/pgtest"
	"github.com/marketkit/marketkit/store/sqlstore/sqltest"
)

// benchSeq makes keys unique across -count repetitions on one database.
var benchSeq atomic.Int64

var backup100k = flag.Bool("backup100k", false, "run BenchmarkBackup with 100,000 orders (slow: fills the databases first)")

func benchDSN(b *testing.B, engine string) string {
	if engine == "postgresql" {
		return pgtest.Shared(b).NewDatabase(b)
	}
	return filepath.Join(b.TempDir(), "bench.db")
}

// BenchmarkPlaceOrder places 3-line orders one after another; the
// baseline BareInsert writes the same row (pre-encoded) with a plain
// INSERT through the same writer connection, so the ratio is the cost of
// validation, encoding, hashing and the idempotency upsert. On SQLite the
// fsync of each commit dominates and varies with the disk's other load;
// sqlite-nosync (synchronous=OFF on the writer, for this measurement
// only) shows the rest.
func BenchmarkPlaceOrder(b *testing.B) {
	for _, engine := range []string{"sqlite", "sqlite-nosync", "postgresql"} {
		b.Run(engine, func(b *testing.B) {
			ctx := context.Background()
			db, err := Open(ctx, benchDSN(b, strings.TrimSuffix(engine, "-nosync")), nil)
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			if strings.HasSuffix(engine, "-nosync") {
				// The writer pool is one connection, so this reaches it.
				if _, err := db.w.ExecContext(ctx, "PRAGMA synchronous=OFF"); err != nil {
					b.Fatal(err)
				}
			}
			o := sqltest.NewOrder("de", "", 3)
			b.Run("PlaceOrder", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					o.IdempotencyKey = "p-" + strconv.FormatInt(benchSeq.Add(1), 10)
					if _, err := db.PlaceOrder(ctx, o); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "orders/s")
			})
			b.Run("BareInsert", func(b *testing.B) {
				bb, _, _ := body(o)
				row := string(bb)
				q := db.q("INSERT INTO orders (market, id, idempotency_key, body_hash, created_us, currency, gross, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
				b.ReportAllocs()
				for b.Loop() {
					i := benchSeq.Add(1)
					k := "b-" + strconv.FormatInt(i, 10)
					if _, err := db.w.ExecContext(ctx, q, "de", k, k, "h", i, "EUR", "1.00", row); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "orders/s")
			})
		})
	}
}

// fill inserts n orders in batches of 1000 per transaction.
func fill(b *testing.B, db *DB, n int) {
	ctx := context.Background()
	o := sqltest.NewOrder("de", "", 3)
	q := db.q("INSERT INTO orders (market, id, idempotency_key, body_hash, created_us, currency, gross, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
	for start := 0; start < n; start += 1000 {
		tx, err := db.w.BeginTx(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		for i := start; i < min(start+1000, n); i++ {
			o.IdempotencyKey, o.ID, o.CreatedAt = "f-"+strconv.Itoa(i), newOrderID(time.Now()), time.Now().UTC().Truncate(time.Microsecond)
			bb, h, _ := body(o)
			if _, err := tx.ExecContext(ctx, q, "de", o.ID, o.IdempotencyKey, h, o.CreatedAt.UnixMicro(), "EUR", o.Gross.Amount(), string(bb)); err != nil {
				b.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBackup takes a verified backup of a database of 1,000 orders
// (100,000 with -backup100k) and reports its size; the baseline
// CountOrders is the cheapest full read of the same data.
func BenchmarkBackup(b *testing.B) {
	n := 1000
	if *backup100k {
		n = 100_000
	}
	for _, engine := range []string{"sqlite", "postgresql"} {
		b.Run(engine+"/orders="+strconv.Itoa(n), func(b *testing.B) {
			ctx := context.Background()
			db, err := Open(ctx, benchDSN(b, engine), nil)
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			fill(b, db, n)
			dir := b.TempDir()
			b.Run("Backup", func(b *testing.B) {
				b.ReportAllocs()
				var info *BackupInfo
				for b.Loop() {
					info, err = db.Backup(ctx, BackupOptions{Dir: dir, Name: "de", Keep: 1})
					if err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(info.Size)/1e6, "MB")
				b.ReportMetric(float64(info.Size)/float64(n), "B/order")
			})
			if engine == "sqlite" {
				b.Run("BackupGzip", func(b *testing.B) {
					b.ReportAllocs()
					var info *BackupInfo
					for b.Loop() {
						info, err = db.Backup(ctx, BackupOptions{Dir: dir, Name: "gz", Keep: 1, Compress: true})
						if err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(info.Size)/1e6, "MB")
					b.ReportMetric(float64(info.Size)/float64(n), "B/order")
				})
			}
			b.Run("CountOrders", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if c, err := db.CountOrders(ctx, "de"); err != nil || c != int64(n) {
						b.Fatal(c, err)
					}
				}
			})
		})
	}
}
