package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"path"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/catalog"
	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/tax"
)

// MarketHash returns a hex SHA-256 of everything the configuration says
// about market id: the market itself, its group and its resolved flags.
// Two configuration versions with the same MarketHash build the same
// Store from the same data. It is "" for an unknown market.
func (c *Config) MarketHash(id string) string {
	m, ok := c.Market(id)
	if !ok {
		return ""
	}
	b, err := json.Marshal(struct {
		ID     string
		Market *Market
		Group  Group
		Flags  map[string]FlagValue
		DB     Database
	}{id, m, c.Groups[m.Group], c.FlagsOf(id), func() Database { d, _ := c.DatabaseOf(id); return d }()})
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Loader loads the data one market's Store joins. Load must read only what
// market id of cfg names (its price list and fallback list, the catalog),
// so that an isolated instance never touches another market's data, and
// return a fingerprint that changes whenever the data does.
type Loader interface {
	Load(ctx context.Context, cfg *Config, id string) (in Inputs, fingerprint string, err error)
}

// FSLoader returns a Loader reading a directory tree:
//
//	catalog.jsonl          the catalog (JSON Lines, see package catalog)
//	prices/<list>.json     one price list per file: {"currency": "EUR", "entries": [...]}
//
// A market reads catalog.jsonl, prices/<its list>.json and, when it has a
// fallback, prices/<fallback list>.json — nothing else. The catalog is
// parsed once per content and shared by the markets that read the same
// bytes (the loader keeps the last one parsed).
func FSLoader(fsys fs.FS) Loader { return &fsLoader{fsys: fsys} }

type fsLoader struct {
	fsys fs.FS
	mu   sync.Mutex
	// catSum is the content hash of the catalog file the catalogs in
	// cats were built from, one per last resort (markets with different
	// fallback locales do not rebuild each other's).
	catSum string
	cats   map[language.Tag]*catalog.Catalog
}

func (l *fsLoader) Load(ctx context.Context, cfg *Config, id string) (Inputs, string, error) {
	const op = "Load"
	m, ok := cfg.Market(id)
	if !ok {
		return Inputs{}, "", &Error{Op: op, Field: "market", Value: id, Err: ErrUnknownMarket}
	}
	h := sha256.New()
	raw, err := fs.ReadFile(l.fsys, "catalog.jsonl")
	if err != nil {
		return Inputs{}, "", &Error{Op: op, Field: "catalog.jsonl", Value: id, Err: err}
	}
	sum := sha256.Sum256(raw)
	// The market's fallback locale is the catalog's last resort, so the
	// catalog is built per file and fallback locale (markets that share
	// both share one Catalog).
	var last language.Tag
	if m.FallbackLocale != "" {
		t, err := locale.Parse(m.FallbackLocale)
		if err != nil {
			return Inputs{}, "", &Error{Op: op, Field: "markets." + id + ".fallback_locale", Value: m.FallbackLocale, Err: err}
		}
		last = t
	}
	h.Write(sum[:])
	h.Write([]byte(last.String()))
	l.mu.Lock()
	var cat *catalog.Catalog
	if l.catSum == string(sum[:]) {
		cat = l.cats[last]
	}
	l.mu.Unlock()
	if cat == nil {
		d, err := catalog.ReadJSONL(bytes.NewReader(raw))
		if err != nil {
			return Inputs{}, "", &Error{Op: op, Field: "catalog.jsonl", Value: id, Err: err}
		}
		if cat, err = catalog.New(d, &catalog.Options{LastResort: last}); err != nil {
			return Inputs{}, "", &Error{Op: op, Field: "catalog.jsonl", Value: id, Err: err}
		}
		l.mu.Lock()
		if l.catSum != string(sum[:]) {
			l.catSum, l.cats = string(sum[:]), map[language.Tag]*catalog.Catalog{}
		}
		l.cats[last] = cat
		l.mu.Unlock()
	}
	lists := []string{m.PriceList()}
	if fb := m.Prices.Fallback; fb != nil && fb.List != m.PriceList() {
		lists = append(lists, fb.List)
	}
	pd := &PriceData{Lists: map[string]PriceListData{}}
	for _, name := range lists {
		if err := ctx.Err(); err != nil {
			return Inputs{}, "", &Error{Op: op, Field: "context", Value: id, Err: err}
		}
		file := path.Join("prices", name+".json")
		if !fs.ValidPath(file) || path.Dir(file) != "prices" {
			return Inputs{}, "", &Error{Op: op, Field: "markets." + id + ".prices", Value: name, Err: because(ErrInvalid, "not a file name")}
		}
		b, err := fs.ReadFile(l.fsys, file)
		if err != nil {
			return Inputs{}, "", &Error{Op: op, Field: file, Value: id, Err: err}
		}
		ld, err := DecodePriceList(b)
		if err != nil {
			return Inputs{}, "", &Error{Op: op, Field: file, Value: id, Err: err}
		}
		pd.Lists[name] = ld
		s := sha256.Sum256(b)
		h.Write([]byte(name))
		h.Write(s[:])
	}
	return Inputs{Catalog: cat, Prices: pd}, hex.EncodeToString(h.Sum(nil)), nil
}

// StoresOptions configure NewStores.
type StoresOptions struct {
	// Only, when set, is the ID of the one market this process serves: an
	// isolated per-market instance. Only that market's data is loaded, and
	// it is built whatever its Origin says. Empty: every market whose
	// Origin is empty (the others are forwarded to their instances).
	Only string
	// Tax is the rate data; nil means tax.Builtin().
	Tax *tax.Data
	// At is the time host availability rules are evaluated at; zero
	// means the time of each build.
	At time.Time
}

// Stores is the set of per-market Stores of one process, built from one
// configuration: every local market (one shared process), or one market
// (an isolated instance) — the same configuration serves both. Update
// installs a new configuration version, rebuilding only the markets whose
// configuration (MarketHash) or data (the Loader's fingerprint) changed.
// A request that took a *Store keeps using it to the end: Stores are
// immutable and an update never changes one. Safe for concurrent use; the
// methods panic with "store: nil *Stores" on a nil *Stores.
type Stores struct {
	loader Loader
	opts   StoresOptions
	mu     sync.Mutex // serializes Update
	cur    atomic.Pointer[storeSet]
}

type storeSet struct {
	cfg    *Config
	stores map[string]*builtStore
}

type builtStore struct {
	store *Store
	key   string // MarketHash + data fingerprint
}

// NewStores builds the Stores of cfg with data from loader.
func NewStores(ctx context.Context, cfg *Config, loader Loader, opts *StoresOptions) (*Stores, error) {
	s := &Stores{loader: loader}
	if opts != nil {
		s.opts = *opts
	}
	if _, err := s.Update(ctx, cfg); err != nil {
		return nil, err
	}
	return s, nil
}

// ids returns the markets this process builds from cfg.
func (s *Stores) ids(cfg *Config) ([]string, error) {
	if s.opts.Only != "" {
		if _, ok := cfg.Market(s.opts.Only); !ok {
			return nil, &Error{Op: "NewStores", Field: "only", Value: s.opts.Only, Err: ErrUnknownMarket}
		}
		return []string{s.opts.Only}, nil
	}
	var ids []string
	for _, id := range cfg.MarketIDs() {
		if cfg.Markets[id].Local() {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// Update builds the Stores of a new configuration version and installs
// them at once. Markets whose MarketHash and data fingerprint are
// unchanged keep their Store; the others are rebuilt. It returns the IDs
// rebuilt. On any error nothing is installed: the previous version keeps
// serving.
func (s *Stores) Update(ctx context.Context, cfg *Config) (rebuilt []string, err error) {
	s.check()
	if cfg == nil {
		return nil, &Error{Op: "Update", Field: "config", Err: because(ErrInvalid, "nil configuration")}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ids, err := s.ids(cfg)
	if err != nil {
		return nil, err
	}
	old := s.cur.Load()
	next := &storeSet{cfg: cfg, stores: make(map[string]*builtStore, len(ids))}
	var errs []error
	for _, id := range ids {
		in, fp, err := s.loader.Load(ctx, cfg, id)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		key := cfg.MarketHash(id) + "/" + fp
		if old != nil {
			if b, ok := old.stores[id]; ok && b.key == key {
				next.stores[id] = b
				continue
			}
		}
		in.Tax = s.opts.Tax
		in.At = s.opts.At
		st, err := NewStore(cfg, id, in)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		next.stores[id] = &builtStore{store: st, key: key}
		rebuilt = append(rebuilt, id)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	s.cur.Store(next)
	return rebuilt, nil
}

// Store returns the Store of market id, if this process serves it.
func (s *Stores) Store(id string) (*Store, bool) {
	s.check()
	b, ok := s.cur.Load().stores[id]
	if !ok {
		return nil, false
	}
	return b.store, true
}

// Config returns the configuration version installed last.
func (s *Stores) Config() *Config { s.check(); return s.cur.Load().cfg }

// IDs returns the IDs of the markets served, sorted, in a new slice.
func (s *Stores) IDs() []string {
	s.check()
	set := s.cur.Load()
	ids := make([]string, 0, len(set.stores))
	for id := range set.stores {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// check panics with a clear message on a nil receiver (a programming
// error), before anything deeper dereferences it.
func (s *Stores) check() {
	if s == nil {
		panic("store: nil *Stores")
	}
}
