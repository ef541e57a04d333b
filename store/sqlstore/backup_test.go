package sqlstore

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/marketkit/marketkit/store"
	"github.com/marketkit/marketkit/store/sqlstore/sqltest"
)

// TestBackupUnderWritesAndRestore takes a backup while four writers place
// orders, restores it into a fresh database and compares every order: the
// restored database holds exactly the backup's orders, each equal to the
// original, and at least every order placed before the backup began.
func TestBackupUnderWritesAndRestore(t *testing.T) {
	t.Parallel()
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			src := openTest(t, dbDSN(t, e.name, "de"), &Options{Markets: []string{"de"}})
			for i := range 50 {
				if _, err := src.PlaceOrder(ctx, sqltest.NewOrder("de", "pre-"+strconv.Itoa(i), 1+i%3)); err != nil {
					t.Fatal(err)
				}
			}
			stop := make(chan struct{})
			var placed atomic.Int64
			var wg sync.WaitGroup
			for w := range 4 {
				wg.Go(func() {
					for i := 0; i < 60; i++ { // bounded: stops by itself
						select {
						case <-stop:
							return
						default:
						}
						if _, err := src.PlaceOrder(ctx, sqltest.NewOrder("de", "live-"+strconv.Itoa(w)+"-"+strconv.Itoa(i), 2)); err != nil {
							t.Error(err)
							return
						}
						placed.Add(1)
					}
				})
			}
			// Let the writers run before and during the backup.
			for placed.Load() < 20 {
				time.Sleep(time.Millisecond)
			}
			dir := t.TempDir()
			info, err := src.Backup(ctx, BackupOptions{Dir: dir, Name: "de", Keep: 2})
			close(stop)
			wg.Wait()
			if err != nil {
				t.Fatal(err)
			}
			if info.Orders["de"] < 70 || info.Size == 0 || !strings.HasPrefix(filepath.Base(info.Path), "de-") {
				t.Fatalf("backup %+v: want at least the 70 orders placed before it began", info)
			}
			if n, err := src.CountOrders(ctx, "de"); err != nil || n < info.Orders["de"] {
				t.Fatalf("source has %d orders, backup %d", n, info.Orders["de"])
			}

			dst := dbDSN(t, e.name, "de-restored")
			res, err := Restore(ctx, info.Path, dst, nil)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(info.Orders, res.Orders); d != "" {
				t.Errorf("restored counts (-backup +restored):\n%s", d)
			}
			restored := openTest(t, dst, nil)
			got := listAll(t, restored, "de")
			if int64(len(got)) != info.Orders["de"] {
				t.Fatalf("restored %d orders, backup has %d", len(got), info.Orders["de"])
			}
			source := map[string]*store.Order{}
			for _, o := range listAll(t, src, "de") {
				source[o.ID] = o
			}
			for _, o := range got {
				orig, ok := source[o.ID]
				if !ok {
					t.Errorf("restored order %s is not in the source", o.ID)
					continue
				}
				if d := cmp.Diff(orig, o); d != "" {
					t.Errorf("order %s (-source +restored):\n%s", o.ID, d)
				}
			}
			for i := range 50 {
				k := "pre-" + strconv.Itoa(i)
				if o, err := restored.PlaceOrder(ctx, sqltest.NewOrder("de", k, 1+i%3)); err != nil {
					t.Errorf("retry of %s on the restored database: %v", k, err)
				} else if n, _ := restored.CountOrders(ctx, "de"); n != info.Orders["de"] {
					t.Errorf("retry of %s created order %s", k, o.ID)
				}
			}
		})
	}
}

func TestPrune(t *testing.T) {
	dir := t.TempDir()
	base := time.Date(2026, 1, 1, 3, 0, 0, 0, time.UTC)
	var names []string
	for i := range 5 {
		n := "de-" + base.AddDate(0, 0, i).Format(stampLayout) + ".sqlite"
		names = append(names, n)
		if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// Files that are not de's backups are never touched.
	others := []string{"dech-" + base.Format(stampLayout) + ".sqlite", "de-ch-" + base.Format(stampLayout) + ".sqlite", "de-notes.txt", "de-latest.sqlite", "fr-" + base.Format(stampLayout) + ".sqlite"}
	for _, n := range others {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	removed, err := Prune(dir, "de", 2)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range removed {
		got = append(got, filepath.Base(p))
	}
	if d := cmp.Diff([]string{names[2], names[1], names[0]}, got); d != "" {
		t.Errorf("removed (-want +got):\n%s", d)
	}
	ents, _ := os.ReadDir(dir)
	var left []string
	for _, e := range ents {
		left = append(left, e.Name())
	}
	want := append([]string{names[3], names[4]}, others...)
	if d := cmp.Diff(sorted(want), sorted(left)); d != "" {
		t.Errorf("left (-want +got):\n%s", d)
	}
	if removed, _ := Prune(dir, "de", 0); len(removed) != 1 {
		t.Errorf("Prune(keep 0) removed %v; want only the older of two (the newest is kept)", removed)
	}
}

func TestRestoreRefuses(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := openTest(t, filepath.Join(dir, "de.db"), nil)
	if _, err := db.PlaceOrder(ctx, sqltest.NewOrder("de", "k", 1)); err != nil {
		t.Fatal(err)
	}
	info, err := db.Backup(ctx, BackupOptions{Dir: filepath.Join(dir, "bk"), Name: "de"})
	if err != nil {
		t.Fatal(err)
	}
	// A corrupt backup is refused before anything is replaced.
	bad := filepath.Join(dir, "bk", "de-20260101T000000.000Z.sqlite")
	b, _ := os.ReadFile(info.Path)
	for i := 4096; i < len(b) && i < 8192; i++ {
		b[i] ^= 0xff
	}
	if err := os.WriteFile(bad, b, 0o600); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "other.db")
	if _, err := Restore(ctx, bad, target, nil); !errors.Is(err, ErrBackup) {
		t.Errorf("restore of a corrupt backup: %v, want ErrBackup", err)
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Errorf("a refused restore created %s", target)
	}
	if _, err := Restore(ctx, info.Path, "postgres://127.0.0.1:1/x", nil); !errors.Is(err, ErrBackup) {
		t.Errorf("sqlite backup into postgres: %v, want ErrBackup", err)
	}
	if _, err := VerifyBackup(ctx, filepath.Join(dir, "de.db"), ""); !errors.Is(err, ErrBackup) {
		t.Errorf("VerifyBackup of a file without the backup extension: %v", err)
	}
	// Restoring over a live file keeps a copy of what it replaced.
	if _, err := db.PlaceOrder(ctx, sqltest.NewOrder("de", "after-backup", 1)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	res, err := Restore(ctx, info.Path, filepath.Join(dir, "de.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	prev, err := VerifyBackup(ctx, res.Previous, "")
	if err != nil || prev["de"] != 2 || res.Orders["de"] != 1 {
		t.Errorf("restore: previous copy %v (%v), restored %v; want 2 and 1 orders", prev, err, res.Orders)
	}
}

func sorted(s []string) []string {
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}

func TestCompressedBackup(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	db := openTest(t, filepath.Join(dir, "de.db"), nil)
	for i := range 40 {
		if _, err := db.PlaceOrder(ctx, sqltest.NewOrder("de", "k"+strconv.Itoa(i), 3)); err != nil {
			t.Fatal(err)
		}
	}
	// A temporary file of a backup killed hours ago is cleaned up; a
	// fresh one (a backup running now) is not.
	bk := filepath.Join(dir, "bk")
	if err := os.MkdirAll(bk, 0o750); err != nil {
		t.Fatal(err)
	}
	old, fresh := filepath.Join(bk, ".tmp-de-20260101T000000.000Z.sqlite"), filepath.Join(bk, ".tmp-de-20260101T000001.000Z.sqlite")
	for _, p := range []string{old, fresh} {
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chtimes(old, time.Now().Add(-7*time.Hour), time.Now().Add(-7*time.Hour)); err != nil {
		t.Fatal(err)
	}
	plain, err := db.Backup(ctx, BackupOptions{Dir: filepath.Join(dir, "bk"), Name: "de"})
	if err != nil {
		t.Fatal(err)
	}
	gz, err := db.Backup(ctx, BackupOptions{Dir: filepath.Join(dir, "bk"), Name: "de", Compress: true, Keep: 5})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(gz.Path, ".sqlite.gz") || gz.Size*3 > plain.Size || gz.Orders["de"] != 40 {
		t.Fatalf("compressed backup %s: %d bytes (plain %d), %v orders", gz.Path, gz.Size, plain.Size, gz.Orders)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("stale temporary file kept: %v", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("fresh temporary file removed: %v", err)
	}
	if got, err := VerifyBackup(ctx, gz.Path, ""); err != nil || got["de"] != 40 {
		t.Errorf("VerifyBackup = %v, %v", got, err)
	}
	bs, err := Backups(filepath.Join(dir, "bk"), "de")
	if err != nil || len(bs) != 2 || bs[0] != gz.Path {
		t.Errorf("Backups = %v, %v; want the compressed one first", bs, err)
	}
	res, err := Restore(ctx, gz.Path, filepath.Join(dir, "restored.db"), nil)
	if err != nil || res.Orders["de"] != 40 {
		t.Fatalf("Restore = %+v, %v", res, err)
	}
	// A damaged archive fails the checksum.
	b, _ := os.ReadFile(gz.Path)
	b[len(b)/2] ^= 0x55
	bad := filepath.Join(dir, "de-20260101T000000.000Z.sqlite.gz")
	if err := os.WriteFile(bad, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := VerifyBackup(ctx, bad, ""); !errors.Is(err, ErrBackup) {
		t.Errorf("VerifyBackup of a damaged archive: %v", err)
	}
	if _, err := Restore(ctx, bad, filepath.Join(dir, "other.db"), nil); !errors.Is(err, ErrBackup) {
		t.Errorf("Restore of a damaged archive: %v", err)
	}
}
