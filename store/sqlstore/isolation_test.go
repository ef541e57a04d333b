package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/marketkit/marketkit/store"
	"github.com/marketkit/marketkit/store/sqlstore/sqltest"
)

var fourMarkets = []string{"de", "fr", "ch", "us"}

// openFour opens a Set of four markets, one database each.
func openFour(t *testing.T, engine string) *Set {
	t.Helper()
	var ms []MarketDB
	dir := t.TempDir()
	for _, m := range fourMarkets {
		dsn := filepath.Join(dir, "data", m+".db") // the template data/{market}.db
		if engine == "postgresql" {
			dsn = engines[1].dsn(t, m)
		}
		ms = append(ms, MarketDB{Market: m, DSN: dsn, Residency: "r-" + m})
	}
	s, err := OpenSet(context.Background(), ms, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestConcurrentCheckouts: 16 goroutines place a fixed number of orders
// across 4 markets, each order twice (a retried checkout); no order is
// lost or duplicated and no caller sees an error (in particular no
// SQLITE_BUSY).
func TestConcurrentCheckouts(t *testing.T) {
	t.Parallel()
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			t.Parallel()
			s := openFour(t, e.name)
			ctx := context.Background()
			const workers, each = 16, 8
			var wg sync.WaitGroup
			errs := make(chan error, workers*each*2)
			ids := make([][]string, workers)
			for w := range workers {
				wg.Go(func() {
					for i := range each {
						m := fourMarkets[(w+i)%len(fourMarkets)]
						key := "w" + strconv.Itoa(w) + "-" + strconv.Itoa(i)
						a, err := s.PlaceOrder(ctx, sqltest.NewOrder(m, key, 1+i%3))
						if err != nil {
							errs <- err
							continue
						}
						b, err := s.PlaceOrder(ctx, sqltest.NewOrder(m, key, 1+i%3))
						if err != nil {
							errs <- err
							continue
						}
						if a.ID != b.ID {
							errs <- errors.New("retry of " + key + " created order " + b.ID + " beside " + a.ID)
						}
						ids[w] = append(ids[w], m+"/"+a.ID)
					}
				})
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Error(err)
			}
			want := map[string]int64{}
			for w := range workers {
				for i := range each {
					want[fourMarkets[(w+i)%len(fourMarkets)]]++
				}
			}
			got := map[string]int64{}
			for _, m := range fourMarkets {
				n, err := s.CountOrders(ctx, m)
				if err != nil {
					t.Fatal(err)
				}
				got[m] = n
				// Every listed order is one that a worker was told about.
				all := listAll(t, s, m)
				seen := map[string]bool{}
				for _, o := range all {
					if seen[o.ID] {
						t.Errorf("order %s listed twice", o.ID)
					}
					seen[o.ID] = true
				}
				for w := range workers {
					for _, id := range ids[w] {
						if mid, oid, _ := strings.Cut(id, "/"); mid == m && !seen[oid] {
							t.Errorf("order %s of market %s was placed but is not listed", oid, m)
						}
					}
				}
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("orders per market (-want +got):\n%s", d)
			}
		})
	}
}

func listAll(t *testing.T, s store.OrderStore, market string) []*store.Order {
	t.Helper()
	var all []*store.Order
	cur := ""
	for {
		os, next, err := s.ListOrders(context.Background(), market, cur, store.MaxListOrders)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, os...)
		if next == "" {
			return all
		}
		cur = next
	}
}

// TestMarketIsolation: in the shared process each market writes only to
// its own database. Each SQLite file, opened directly, holds only its own
// market's orders, and a market's DB refuses another market's order.
func TestMarketIsolation(t *testing.T) {
	ctx := context.Background()
	s := openFour(t, "sqlite")
	for i, m := range fourMarkets {
		for k := range i + 1 {
			if _, err := s.PlaceOrder(ctx, sqltest.NewOrder(m, "k"+strconv.Itoa(k), 1)); err != nil {
				t.Fatal(err)
			}
		}
	}
	for i, m := range fourMarkets {
		db, _ := s.DB(m)
		raw, err := sql.Open("sqlite", "file:"+db.Path()+"?mode=ro")
		if err != nil {
			t.Fatal(err)
		}
		got, err := countOrders(ctx, raw)
		raw.Close()
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(map[string]int64{m: int64(i + 1)}, got); d != "" {
			t.Errorf("file %s holds (-want +got):\n%s", db.Path(), d)
		}
		other := fourMarkets[(i+1)%len(fourMarkets)]
		if _, err := db.PlaceOrder(ctx, sqltest.NewOrder(other, "intruder", 1)); !errors.Is(err, store.ErrMarketMismatch) {
			t.Errorf("DB of %s took an order of %s: %v", m, other, err)
		}
		if _, err := db.CountOrders(ctx, other); !errors.Is(err, store.ErrMarketMismatch) {
			t.Errorf("DB of %s answered for %s: %v", m, other, err)
		}
	}
	if _, err := s.PlaceOrder(ctx, sqltest.NewOrder("jp", "k", 1)); !errors.Is(err, store.ErrUnknownMarket) {
		t.Errorf("a market outside the set: %v, want ErrUnknownMarket", err)
	}
}

func TestResidency(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	shared := filepath.Join(dir, "eu.db")
	// Two markets of one residency may share a database…
	s, err := OpenSet(ctx, []MarketDB{{"de", shared, "eu"}, {"at", shared, "eu"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a, _ := s.DB("at"); a != func() *DB { d, _ := s.DB("de"); return d }() {
		t.Error("markets naming one database got two DBs")
	}
	s.Close()
	// …two of different residencies may not.
	_, err = OpenSet(ctx, []MarketDB{{"de", shared, "eu"}, {"ch", dir + "/./eu.db", "ch"}}, nil)
	if !errors.Is(err, ErrResidency) {
		t.Errorf("shared database across residencies: %v, want ErrResidency", err)
	}
	// A database recorded as "eu" is not reopened as "ch".
	if _, err := Open(ctx, shared, &Options{Residency: "ch"}); !errors.Is(err, ErrResidency) {
		t.Errorf("reopening an eu database as ch: %v, want ErrResidency", err)
	}
}

func TestOrderSizeLimit(t *testing.T) {
	db := openTest(t, filepath.Join(t.TempDir(), "de.db"), nil)
	o := sqltest.NewOrder("de", "big", 1)
	o.ShipTo.Line1 = strings.Repeat("x", MaxOrderBytes)
	if _, err := db.PlaceOrder(context.Background(), o); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("an order over MaxOrderBytes: %v, want ErrInvalid", err)
	}
}

// TestMarketsOfConfig opens the databases of the example configuration
// (store/markets.json): five markets, five files, each bound to its market.
func TestMarketsOfConfig(t *testing.T) {
	data, err := os.ReadFile("../markets.json")
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := store.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := MarketsOf(cfg)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, m := range ms {
		got[m.Market] = m.DSN + " " + m.Residency
	}
	want := map[string]string{"at": "data/at.db eu", "ch": "data/ch/ch.db ch", "de": "data/de.db eu", "fr-be": "data/fr-be.db eu", "us-east": "data/us-east.db us"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("MarketsOf (-want +got):\n%s", d)
	}
	t.Chdir(t.TempDir())
	s, err := OpenSet(context.Background(), ms, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if d := cmp.Diff([]string{"at", "ch", "de", "fr-be", "us-east"}, s.Markets()); d != "" {
		t.Errorf("Set.Markets (-want +got):\n%s", d)
	}
	if _, err := MarketsOf(cfg, "jp"); !errors.Is(err, store.ErrUnknownMarket) {
		t.Errorf("MarketsOf(jp): %v, want ErrUnknownMarket", err)
	}
}
