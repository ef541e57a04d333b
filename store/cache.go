package store

import (
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/singleflight"
)

// CacheOptions configure a Cache. The zero value (or nil) means the
// defaults.
type CacheOptions struct {
	// TTL is how long a configuration is used before the background
	// refresh asks the source again. Default 1 minute.
	TTL time.Duration
	// Jitter spreads the refreshes of many processes: each wait is TTL
	// plus a random duration in [0, Jitter). Default TTL/5; negative
	// means none.
	Jitter time.Duration
	// MaxStale is how long the last good configuration keeps being served
	// while the source fails, hangs or serves invalid configurations.
	// Past it, Health reports Stale and Get returns ErrStale with the
	// configuration (Config still returns it: a request is never refused
	// a configuration). Default 6 hours.
	MaxStale time.Duration
	// Timeout bounds one fetch (it runs detached from the caller's
	// context, so a caller that gives up does not cancel the fetch the
	// others wait for). Default 10 seconds.
	Timeout time.Duration
	// DiskCopy, when set, is a file where every accepted configuration is
	// written (atomically: a temporary file renamed over it), and from
	// which NewCache starts when the source fails at start-up, so that a
	// restart during an outage still starts.
	DiskCopy string
	// Check holds the data new configurations are checked against before
	// they are accepted; nil checks the configuration alone. A
	// configuration whose Check report has errors is rejected, and the
	// previous one stays.
	Check *CheckOptions
	// Logger receives the cache's events (loaded, unchanged, rejected,
	// failed, stale); nil logs nothing.
	Logger *slog.Logger
	// OnSwap, when set, is called after each new configuration is
	// installed, with the previous one (nil at start-up), from the
	// goroutine that installed it. A Fleet uses it to rebuild markets.
	OnSwap func(old, new *Config)
}

// Cache serves the last good market configuration from a ConfigSource,
// refreshes it in the background, and keeps serving it while the source
// fails. It is safe for concurrent use; Config is a single atomic load.
// Its methods panic with "store: nil *Cache" on a nil *Cache.
type Cache struct {
	src  ConfigSource
	opts CacheOptions
	log  *slog.Logger

	cur    atomic.Pointer[cached]
	flight singleflight.Group

	mu     sync.Mutex // guards health fields below
	health Health

	wmu      sync.Mutex // guards watchers
	watchers map[int]func(old, new *Config)
	nextW    int

	stop chan struct{}
	done chan struct{}
	once sync.Once
}

// cached is one installed version: swapped as a whole, so a reader sees
// one whole configuration.
type cached struct {
	cfg  *Config
	etag string
	hash string
}

// Health is the state of a Cache, for monitoring (/healthz).
type Health struct {
	// Version and Hash identify the configuration being served
	// (Config.Version, Config.Hash); ETag is the source's tag for it.
	Version string `json:"version"`
	Hash    string `json:"hash"`
	ETag    string `json:"etag,omitempty"`
	// Loaded is when the served configuration was installed.
	Loaded time.Time `json:"loaded"`
	// LastSuccess is when the source last answered with a valid
	// configuration or "not modified"; Age is the time since then
	// (measured when Health was called).
	LastSuccess time.Time     `json:"last_success"`
	Age         time.Duration `json:"age"`
	// LastError is the last fetch or validation error ("" when the last
	// refresh succeeded) and LastErrorAt when it happened.
	LastError   string    `json:"last_error,omitempty"`
	LastErrorAt time.Time `json:"last_error_at,omitzero"`
	// Stale is true when Age exceeds MaxStale.
	Stale bool `json:"stale"`
	// FromDisk is true while the configuration served came from the disk
	// copy (the source has not answered since start-up).
	FromDisk bool `json:"from_disk"`
	// Refreshes counts fetches; Failures those that failed or were
	// rejected.
	Refreshes uint64 `json:"refreshes"`
	Failures  uint64 `json:"failures"`
}

func (o *CacheOptions) withDefaults() CacheOptions {
	var v CacheOptions
	if o != nil {
		v = *o
	}
	if v.TTL <= 0 {
		v.TTL = time.Minute
	}
	if v.Jitter == 0 {
		v.Jitter = v.TTL / 5
	}
	if v.MaxStale <= 0 {
		v.MaxStale = 6 * time.Hour
	}
	if v.Timeout <= 0 {
		v.Timeout = 10 * time.Second
	}
	return v
}

type discard struct{}

func (discard) Enabled(context.Context, slog.Level) bool  { return false }
func (discard) Handle(context.Context, slog.Record) error { return nil }
func (d discard) WithAttrs([]slog.Attr) slog.Handler      { return d }
func (d discard) WithGroup(string) slog.Handler           { return d }

// NewCache loads the configuration from src (bounded by ctx and
// Timeout), checks it, and starts the background refresh. When the source
// fails or serves an invalid configuration and a DiskCopy exists and is
// valid, the cache starts from the disk copy (Health.FromDisk) and keeps
// trying the source. With neither, NewCache returns every error. Call
// Close to stop the background refresh.
func NewCache(ctx context.Context, src ConfigSource, opts *CacheOptions) (*Cache, error) {
	o := opts.withDefaults()
	c := &Cache{src: src, opts: o, log: o.Logger, stop: make(chan struct{}), done: make(chan struct{})}
	if c.log == nil {
		c.log = slog.New(discard{})
	}
	err := c.refresh(ctx)
	if c.cur.Load() == nil {
		var diskErr error
		if o.DiskCopy != "" {
			diskErr = c.loadDisk()
		}
		if c.cur.Load() == nil {
			return nil, errors.Join(err, diskErr)
		}
	}
	go c.loop()
	return c, nil
}

func (c *Cache) loadDisk() error {
	const op = "NewCache"
	data, err := os.ReadFile(c.opts.DiskCopy)
	if err != nil {
		return &Error{Op: op, Field: "disk_copy", Value: c.opts.DiskCopy, Err: err}
	}
	cfg, err := c.validate(data)
	if err != nil {
		return &Error{Op: op, Field: "disk_copy", Value: c.opts.DiskCopy, Err: err}
	}
	st, _ := os.Stat(c.opts.DiskCopy)
	now := time.Now()
	c.mu.Lock()
	c.health.FromDisk = true
	if st != nil {
		c.health.LastSuccess = st.ModTime()
	}
	c.mu.Unlock()
	c.install(&cached{cfg: cfg, hash: cfg.Hash()}, now, false)
	c.log.Warn("store: configuration started from disk copy", "path", c.opts.DiskCopy, "version", cfg.Version)
	return nil
}

// Config returns the configuration being served: never nil, never half
// of one version. It is one atomic load and does not allocate. Use the
// same *Config for a whole request so the request sees one version.
func (c *Cache) Config() *Config { c.check(); return c.cur.Load().cfg }

// Get returns the configuration being served; the error is an ErrStale
// *Error (with the configuration still returned) when the last success is
// older than MaxStale.
func (c *Cache) Get() (*Config, error) {
	c.check()
	cfg := c.Config()
	c.mu.Lock()
	last := c.health.LastSuccess
	c.mu.Unlock()
	if age := time.Since(last); age > c.opts.MaxStale {
		return cfg, &Error{Op: "Get", Field: "age", Value: age.Round(time.Second).String(), Err: ErrStale}
	}
	return cfg, nil
}

// Health returns the cache's state.
func (c *Cache) Health() Health {
	c.check()
	c.mu.Lock()
	h := c.health
	c.mu.Unlock()
	h.Age = time.Since(h.LastSuccess)
	h.Stale = h.Age > c.opts.MaxStale
	return h
}

// Refresh asks the source now. Concurrent calls share one fetch
// (singleflight); each caller waits at most until its ctx is done, and a
// caller giving up does not cancel the fetch. It returns the fetch's error
// (a fetch or validation error leaves the served configuration as it was).
func (c *Cache) Refresh(ctx context.Context) error {
	c.check()
	ch := c.flight.DoChan("refresh", func() (any, error) {
		return nil, c.refresh(context.WithoutCancel(ctx))
	})
	select {
	case r := <-ch:
		return r.Err
	case <-ctx.Done():
		return &Error{Op: "Refresh", Field: "context", Err: ctx.Err()}
	}
}

// Close stops the background refresh and waits for it to end. The
// configuration stays readable.
func (c *Cache) Close() {
	c.check()
	c.once.Do(func() { close(c.stop) })
	<-c.done
}

func (c *Cache) loop() {
	defer close(c.done)
	for {
		wait := c.opts.TTL
		if c.opts.Jitter > 0 {
			wait += rand.N(c.opts.Jitter)
		}
		t := time.NewTimer(wait)
		select {
		case <-c.stop:
			t.Stop()
			return
		case <-t.C:
		}
		ctx, cancel := context.WithCancel(context.Background())
		go func() {
			select {
			case <-c.stop:
				cancel()
			case <-ctx.Done():
			}
		}()
		_ = c.Refresh(ctx)
		cancel()
		if h := c.Health(); h.Stale {
			c.log.Error("store: configuration stale beyond the maximum", "age", h.Age.Round(time.Second).String(), "max_stale", c.opts.MaxStale.String(), "last_error", h.LastError)
		}
	}
}

func (c *Cache) validate(data []byte) (*Config, error) {
	cfg, err := Decode(data)
	if err != nil {
		return nil, err
	}
	if err := Check(cfg, c.opts.Check).Err(); err != nil {
		return nil, err
	}
	return cfg, nil
}

// refresh fetches, validates and installs. It runs inside the flight.
func (c *Cache) refresh(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	prev := c.cur.Load()
	etag := ""
	if prev != nil {
		etag = prev.etag
	}
	now := time.Now()
	c.mu.Lock()
	c.health.Refreshes++
	c.mu.Unlock()
	doc, err := c.fetch(ctx, etag)
	if errors.Is(err, ErrNotModified) && prev != nil {
		c.succeeded(now, false)
		c.log.Debug("store: configuration unchanged", "etag", etag)
		return nil
	}
	if err == nil && doc.ETag == "" {
		err = &Error{Op: "Refresh", Field: "etag", Err: because(ErrInvalid, "the source returned no ETag")}
	}
	if err != nil {
		c.failed(now, err)
		c.log.Warn("store: configuration fetch failed; serving the last good one", "error", err.Error())
		return err
	}
	cfg, err := c.validate(doc.Data)
	if err != nil {
		c.failed(now, err)
		c.log.Error("store: configuration rejected; serving the last good one", "etag", doc.ETag, "problems", len(Errors(err)), "error", firstLine(err))
		return err
	}
	h := cfg.Hash()
	if prev != nil && prev.hash == h {
		c.cur.Store(&cached{cfg: prev.cfg, etag: doc.ETag, hash: h})
		c.succeeded(now, false)
		c.log.Debug("store: configuration unchanged", "etag", doc.ETag)
		return nil
	}
	c.install(&cached{cfg: cfg, etag: doc.ETag, hash: h}, now, true)
	c.succeeded(now, true)
	if c.opts.DiskCopy != "" {
		if err := writeAtomic(c.opts.DiskCopy, doc.Data); err != nil {
			c.log.Warn("store: disk copy not written", "path", c.opts.DiskCopy, "error", err.Error())
		}
	}
	return nil
}

// fetch calls the source, turning a panic-free but misbehaving source's
// oversized answer into an error.
func (c *Cache) fetch(ctx context.Context, etag string) (Document, error) {
	doc, err := c.src.Fetch(ctx, etag)
	if err == nil && len(doc.Data) > MaxConfigSize {
		err = &Error{Op: "Refresh", Field: "size", Value: strconv.Itoa(len(doc.Data)), Err: ErrTooLarge}
	}
	return doc, err
}

func (c *Cache) install(n *cached, now time.Time, fromSource bool) {
	old := c.cur.Swap(n)
	c.mu.Lock()
	c.health.Version, c.health.Hash, c.health.ETag, c.health.Loaded = n.cfg.Version, n.hash, n.etag, now
	if fromSource {
		c.health.FromDisk = false
	}
	c.mu.Unlock()
	var oldCfg *Config
	if old != nil {
		oldCfg = old.cfg
	}
	c.log.Info("store: configuration loaded", "version", n.cfg.Version, "hash", n.hash, "markets", len(n.cfg.Markets))
	if c.opts.OnSwap != nil {
		c.opts.OnSwap(oldCfg, n.cfg)
	}
	c.wmu.Lock()
	ws := make([]func(old, new *Config), 0, len(c.watchers))
	for i := range c.nextW {
		if f, ok := c.watchers[i]; ok {
			ws = append(ws, f)
		}
	}
	c.wmu.Unlock()
	for _, f := range ws {
		f(oldCfg, n.cfg)
	}
}

// Watch calls f after every configuration installed from now on, with the
// previous and the new one, from the goroutine that installed it (in the
// order Watch was called). It returns a function that stops the calls.
// Use it to rebuild what depends on the configuration:
//
//	stop := cache.Watch(func(_, cfg *store.Config) { stores.Update(ctx, cfg) })
func (c *Cache) Watch(f func(old, new *Config)) (stop func()) {
	c.check()
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if c.watchers == nil {
		c.watchers = map[int]func(old, new *Config){}
	}
	id := c.nextW
	c.nextW++
	c.watchers[id] = f
	return func() {
		c.wmu.Lock()
		delete(c.watchers, id)
		c.wmu.Unlock()
	}
}

func (c *Cache) succeeded(now time.Time, _ bool) {
	c.mu.Lock()
	c.health.LastSuccess = now
	c.health.LastError = ""
	c.health.LastErrorAt = time.Time{}
	c.health.FromDisk = false
	if cur := c.cur.Load(); cur != nil {
		c.health.ETag = cur.etag
	}
	c.mu.Unlock()
}

func (c *Cache) failed(now time.Time, err error) {
	c.mu.Lock()
	c.health.Failures++
	c.health.LastError = firstLine(err)
	c.health.LastErrorAt = now
	c.mu.Unlock()
}

func firstLine(err error) string {
	s := err.Error()
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			return s[:i] + " (and more)"
		}
	}
	return s
}

// writeAtomic writes data to a temporary file beside path and renames it
// over path, so a reader never sees half a file.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, ".marketkit-config-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// check panics with a clear message on a nil receiver (a programming
// error), before anything deeper dereferences it.
func (c *Cache) check() {
	if c == nil {
		panic("store: nil *Cache")
	}
}
