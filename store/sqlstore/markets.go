package sqlstore

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/marketkit/marketkit/store"
)

// MarketDB names one market's database.
type MarketDB struct {
	Market    string // the market ID
	DSN       string // the expanded DSN (see ParseDSN)
	Residency string // the market's data-residency tag
}

// Set is the databases of several markets served by one process: each
// market writes only to its own database. Markets whose DSNs name the same
// database share one DB (and must have the same residency tag). A Set
// implements store.OrderStore by sending each call to the market's DB.
type Set struct {
	byMarket map[string]*DB
	dbs      []*DB
}

var _ store.OrderStore = (*Set)(nil)

// MarketsOf lists the databases of the markets ids of a configuration
// (every market when ids is empty), from Config.DatabaseOf.
func MarketsOf(cfg *store.Config, ids ...string) ([]MarketDB, error) {
	if len(ids) == 0 {
		ids = cfg.MarketIDs()
	}
	var out []MarketDB
	for _, id := range ids {
		m, ok := cfg.Market(id)
		if !ok {
			return nil, &store.Error{Op: "MarketsOf", Field: "market", Value: id, Err: store.ErrUnknownMarket}
		}
		d, _ := cfg.DatabaseOf(id)
		if d.DSN == "" {
			return nil, newErr("MarketsOf", "markets."+id+".database.dsn", "", ErrDSN, "no database configured", nil)
		}
		out = append(out, MarketDB{Market: id, DSN: d.DSN, Residency: m.Residency})
	}
	return out, nil
}

// OpenSet opens the databases of markets. opts.Markets and
// opts.Residency are ignored: each DB is bound to the markets that name
// it. Two markets naming one database with different residency tags are
// refused with ErrResidency before anything is opened.
func OpenSet(ctx context.Context, markets []MarketDB, opts *Options) (*Set, error) {
	const op = "OpenSet"
	type group struct {
		dsn, residency string
		markets        []string
	}
	var groups []*group
	byTarget := map[string]*group{}
	seen := map[string]bool{}
	for _, m := range markets {
		if err := checkMarketID(m.Market); err != nil {
			return nil, err
		}
		if seen[m.Market] {
			return nil, newErr(op, "market", m.Market, ErrDSN, "listed twice", nil)
		}
		seen[m.Market] = true
		e, target, err := ParseDSN(m.DSN)
		if err != nil {
			return nil, err
		}
		key := e.String() + " " + target
		if e == SQLite {
			if abs, err := filepath.Abs(target); err == nil {
				key = e.String() + " " + abs
			}
		}
		g := byTarget[key]
		if g == nil {
			g = &group{dsn: m.DSN, residency: m.Residency}
			byTarget[key] = g
			groups = append(groups, g)
		} else if g.residency != m.Residency {
			return nil, newErr(op, "market", m.Market, ErrResidency,
				"its database is shared with market "+strconv.Quote(g.markets[0])+" of residency "+strconv.Quote(g.residency)+
					", but its own is "+strconv.Quote(m.Residency), nil)
		}
		g.markets = append(g.markets, m.Market)
	}
	s := &Set{byMarket: map[string]*DB{}}
	for _, g := range groups {
		var o Options
		if opts != nil {
			o = *opts
		}
		o.Markets, o.Residency = g.markets, g.residency
		db, err := Open(ctx, g.dsn, &o)
		if err != nil {
			s.Close()
			return nil, err
		}
		s.dbs = append(s.dbs, db)
		for _, m := range g.markets {
			s.byMarket[m] = db
		}
	}
	return s, nil
}

// DB returns the database of a market.
func (s *Set) DB(market string) (*DB, bool) {
	db, ok := s.byMarket[market]
	return db, ok
}

// Markets returns the market IDs of the set, sorted, in a fresh slice.
func (s *Set) Markets() []string {
	out := make([]string, 0, len(s.byMarket))
	for m := range s.byMarket {
		out = append(out, m)
	}
	slices.Sort(out)
	return out
}

// Close closes every database of the set.
func (s *Set) Close() error {
	var err error
	for _, db := range s.dbs {
		err = errors.Join(err, db.Close())
	}
	return err
}

func (s *Set) db(op, market string) (*DB, error) {
	db, ok := s.byMarket[market]
	if !ok {
		return nil, &store.Error{Op: op, Field: "market", Value: market, Err: store.ErrUnknownMarket}
	}
	return db, nil
}

// PlaceOrder implements store.OrderStore in the order's market database.
func (s *Set) PlaceOrder(ctx context.Context, o *store.Order) (*store.Order, error) {
	if o == nil {
		return nil, o.Validate()
	}
	db, err := s.db("PlaceOrder", o.MarketID)
	if err != nil {
		return nil, err
	}
	return db.PlaceOrder(ctx, o)
}

// Order implements store.OrderStore.
func (s *Set) Order(ctx context.Context, marketID, orderID string) (*store.Order, error) {
	db, err := s.db("Order", marketID)
	if err != nil {
		return nil, err
	}
	return db.Order(ctx, marketID, orderID)
}

// ListOrders implements store.OrderStore.
func (s *Set) ListOrders(ctx context.Context, marketID, cursor string, limit int) ([]*store.Order, string, error) {
	db, err := s.db("ListOrders", marketID)
	if err != nil {
		return nil, "", err
	}
	return db.ListOrders(ctx, marketID, cursor, limit)
}

// CountOrders implements store.OrderStore.
func (s *Set) CountOrders(ctx context.Context, marketID string) (int64, error) {
	db, err := s.db("CountOrders", marketID)
	if err != nil {
		return 0, err
	}
	return db.CountOrders(ctx, marketID)
}
