package shop

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/marketkit/marketkit/store"
	"github.com/marketkit/marketkit/store/sqlstore"
	"github.com/marketkit/marketkit/store/web"
)

// InstanceOptions describe one process of the shop: the shared storefront
// (every local market), an isolated instance (Only) or a front router
// (every market forwarded through Origins).
type InstanceOptions struct {
	// Source is the market configuration.
	Source store.ConfigSource
	// Data is the data tree store.FSLoader reads (catalog.jsonl,
	// prices/<list>.json).
	Data fs.FS
	// DataDir is where relative SQLite order databases live (the
	// configuration's DSN template, e.g. data/orders/{market}.db, is
	// resolved under it).
	DataDir string
	// Only, when set, is the one market this process serves.
	Only string
	// Origins overrides markets' origins: a market mapped to "" is served
	// here, one mapped to a URL is forwarded there.
	Origins map[string]string
	// Maintenance lists markets switched into maintenance now (the
	// operator switch), whatever their windows say.
	Maintenance []string
	// BaseURL is the shared domain's scheme and host
	// ("http://localhost:8080").
	BaseURL string
	// CartKey signs the cart and order cookies (at least 32 bytes).
	CartKey []byte
	// Build names the program version.
	Build string
	// Logger receives request logs and events; nil logs nothing.
	Logger *slog.Logger
	// Transport forwards requests to isolated instances.
	Transport http.RoundTripper
	// Now is the clock (nil: time.Now).
	Now func() time.Time
}

// Instance is a running shop process: its configuration cache, its
// markets' stores and databases, and its HTTP server.
type Instance struct {
	Server *Server
	Cache  *store.Cache
	Stores *store.Stores
	Orders store.OrderStore
	closer func() error
}

// Open starts an instance: it loads and checks the configuration, builds
// the Stores of the markets it serves, opens their order databases (and
// only theirs) and parses the templates.
func Open(ctx context.Context, o InstanceOptions) (*Instance, error) {
	if o.Source == nil || o.Data == nil {
		return nil, errors.New("shop: Open: Source and Data are required")
	}
	in := &Instance{}
	// The cache's refresh goroutine rebuilds the stores on a new
	// configuration; they are published after the cache starts.
	var storesRef atomic.Pointer[store.Stores]
	src, sourceOf := transformSource(o.Source, o.Origins, o.Maintenance)
	cache, err := store.NewCache(ctx, src, &store.CacheOptions{
		Logger: o.Logger,
		OnSwap: func(old, cfg *store.Config) {
			stores := storesRef.Load()
			if old == nil || stores == nil {
				return
			}
			uctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			if _, err := stores.Update(uctx, cfg); err != nil && o.Logger != nil {
				o.Logger.Error("stores update failed; the previous version keeps serving", "error", err)
			}
		},
	})
	if err != nil {
		return nil, err
	}
	in.Cache = cache
	cfg := cache.Config()
	stores, err := store.NewStores(ctx, cfg, store.FSLoader(o.Data), &store.StoresOptions{Only: o.Only})
	if err != nil {
		cache.Close()
		return nil, err
	}
	storesRef.Store(stores)
	in.Stores = stores
	ids := stores.IDs()
	if len(ids) > 0 {
		set, err := OpenOrders(ctx, cfg, o.DataDir, ids...)
		if err != nil {
			cache.Close()
			return nil, err
		}
		in.Orders, in.closer = set, set.Close
	} else {
		in.Orders = noOrders{}
	}
	site := web.StoreSite(cache.Config, o.BaseURL, func(err error) {
		if o.Logger != nil {
			o.Logger.Error("configuration does not compile for the web layer", "error", err)
		}
	})
	if site() == nil {
		in.Close()
		return nil, fmt.Errorf("shop: Open: the configuration does not compile for the web layer (base URL %q)", o.BaseURL)
	}
	in.Server, err = New(Options{
		Stores: stores, Config: cache.Config, Site: site, Orders: in.Orders, CartKey: o.CartKey,
		Health: func() store.Health {
			h := cache.Health()
			if sourceOf != nil {
				if id, ok := sourceOf.Load(h.Hash); ok {
					h.Hash = id.(string)
				}
			}
			return h
		}, Build: o.Build, Logger: o.Logger, Now: o.Now, Transport: o.Transport,
	})
	if err != nil {
		in.Close()
		return nil, err
	}
	return in, nil
}

// Close stops the configuration refresh and closes the databases.
func (in *Instance) Close() error {
	if in.Cache != nil {
		in.Cache.Close()
	}
	if in.closer != nil {
		return in.closer()
	}
	return nil
}

// transformSource applies the instance's overrides (origins, maintenance
// switches) to every configuration the source serves. The returned map
// takes the hash of each transformed configuration to the hash of the
// document it came from: /healthz and build_info report the latter, the
// configuration as deployed to the whole fleet, so that "marketkit fleet
// status" sees one hash when every instance runs the same file.
func transformSource(src store.ConfigSource, origins map[string]string, maint []string) (store.ConfigSource, *sync.Map) {
	if len(origins) == 0 && len(maint) == 0 {
		return src, nil
	}
	sourceOf := new(sync.Map)
	tag := fmt.Sprintf("+o%d+m%s", len(origins), strings.Join(maint, ","))
	return store.SourceFunc(func(ctx context.Context, etag string) (store.Document, error) {
		doc, err := src.Fetch(ctx, strings.TrimSuffix(etag, tag))
		if err != nil {
			return doc, err
		}
		cfg, err := store.Decode(doc.Data)
		if err != nil {
			return store.Document{}, err
		}
		deployed := cfg.Hash()
		if err := Override(cfg, origins, maint); err != nil {
			return store.Document{}, err
		}
		sourceOf.Store(cfg.Hash(), deployed)
		b, err := json.Marshal(cfg)
		if err != nil {
			return store.Document{}, err
		}
		return store.Document{Data: b, ETag: doc.ETag + tag}, nil
	}), sourceOf
}

// Override sets the origins and operator maintenance switches of cfg's
// markets; an unknown market is an error.
func Override(cfg *store.Config, origins map[string]string, maint []string) error {
	for id, origin := range origins {
		m, ok := cfg.Market(id)
		if !ok {
			return fmt.Errorf("shop: origin for unknown market %q", id)
		}
		m.Origin = origin
	}
	for _, id := range maint {
		m, ok := cfg.Market(id)
		if !ok {
			return fmt.Errorf("shop: maintenance for unknown market %q (markets: %s)", id, strings.Join(cfg.MarketIDs(), ", "))
		}
		m.Maintenance.Now = true
	}
	return nil
}

// OpenOrders opens the order databases of markets ids of cfg, each its
// own, as the configuration's DSN template names them; relative SQLite
// paths are resolved under dir (created when missing).
func OpenOrders(ctx context.Context, cfg *store.Config, dir string, ids ...string) (*sqlstore.Set, error) {
	dbs, err := sqlstore.MarketsOf(cfg, ids...)
	if err != nil {
		return nil, err
	}
	for i := range dbs {
		dsn := dbs[i].DSN
		if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
			continue
		}
		path := strings.TrimPrefix(dsn, "sqlite:")
		if !filepath.IsAbs(path) {
			path = filepath.Join(dir, path)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
		dbs[i].DSN = path
	}
	return sqlstore.OpenSet(ctx, dbs, nil)
}

// noOrders is the order store of a process that serves no market (a front
// router): every call fails.
type noOrders struct{}

var errNoOrders = errors.New("shop: this process keeps no orders")

func (noOrders) PlaceOrder(context.Context, *store.Order) (*store.Order, error) {
	return nil, errNoOrders
}
func (noOrders) Order(context.Context, string, string) (*store.Order, error) {
	return nil, errNoOrders
}
func (noOrders) ListOrders(context.Context, string, string, int) ([]*store.Order, string, error) {
	return nil, "", errNoOrders
}
func (noOrders) CountOrders(context.Context, string) (int64, error) { return 0, errNoOrders }
