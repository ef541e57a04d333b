package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/marketkit/marketkit/store/sqlstore"
	"github.com/marketkit/marketkit/store/sqlstore/sqltest"
)

// TestBackupRestoreCommands runs "marketkit backup" and "marketkit restore"
// on the example configuration (store/markets.json: market de keeps its
// orders in data/de.db and its backups in backups/eu/de, keep 14).
func TestBackupRestoreCommands(t *testing.T) {
	cfg, err := filepath.Abs("../../store/markets.json")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, "data/de.db", &sqlstore.Options{Markets: []string{"de"}, Residency: "eu"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		if _, err := db.PlaceOrder(ctx, sqltest.NewOrder("de", "k"+strconv.Itoa(i), 2)); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	var out, errb bytes.Buffer
	if code := run(ctx, []string{"backup", cfg, "--market", "de", "--gzip"}, &out, &errb); code != 0 {
		t.Fatalf("backup exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), ".sqlite.gz\n") {
		t.Errorf("backup --gzip printed:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "orders 5\n") || !strings.Contains(out.String(), "backup backups/eu/de/de-") {
		t.Errorf("backup printed:\n%s", out.String())
	}
	bs, err := sqlstore.Backups("backups/eu/de", "de")
	if err != nil || len(bs) != 1 {
		t.Fatalf("backups after one run: %v, %v", bs, err)
	}

	// The database is lost; restore brings back the newest backup.
	if err := os.Remove("data/de.db"); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if code := run(ctx, []string{"restore", "--market", "de", "--latest", cfg}, &out, &errb); code != 0 {
		t.Fatalf("restore exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "orders 5\n") {
		t.Errorf("restore printed:\n%s", out.String())
	}
	db, err = sqlstore.Open(ctx, "data/de.db", &sqlstore.Options{Markets: []string{"de"}})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n, err := db.CountOrders(ctx, "de"); err != nil || n != 5 {
		t.Errorf("restored database has %d orders (%v), want 5", n, err)
	}

	defer func() {
		if _, err := os.Stat("data/at.db"); !os.IsNotExist(err) {
			t.Errorf("backup of market at created its database: %v", err)
		}
	}()
	for _, tt := range []struct {
		name string
		args []string
		code int
	}{
		{"no market", []string{"backup", cfg}, 2},
		{"no database yet", []string{"backup", "--market", "at", cfg}, 1},
		{"unknown market", []string{"backup", "--market", "xx", cfg}, 2},
		{"no config", []string{"backup", "--market", "de"}, 2},
		{"restore needs a source", []string{"restore", "--market", "de", cfg}, 2},
		{"restore both sources", []string{"restore", "--market", "de", "--latest", "--from", "x.sqlite", cfg}, 2},
		{"restore a missing file", []string{"restore", "--market", "de", "--from", "nope-20260101T000000.000Z.sqlite", cfg}, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var o, e bytes.Buffer
			if code := run(ctx, tt.args, &o, &e); code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, e.String())
			}
		})
	}
}
