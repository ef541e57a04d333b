package store_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/marketkit/marketkit/store"
)

type contextT = context.Context

// Server modes.
const (
	modeOK      = iota // serve the current document, with ETag and 304
	modeFail           // 500
	modeHang           // block until the request is canceled or the server closes
	modeGarbage        // 200 with bytes that are not JSON
	modeInvalid        // 200 with a configuration that decodes but fails Check
)

// configServer is a real loopback HTTP server serving a configuration,
// told by the test to fail, hang or serve garbage.
type configServer struct {
	srv         *httptest.Server
	mu          sync.Mutex
	doc         []byte
	mode        atomic.Int32
	hits        atomic.Int64
	notModified atomic.Int64
	gate        chan struct{} // when non-nil, modeOK waits for it to close
	release     chan struct{}
}

func newConfigServer(t *testing.T, doc []byte) *configServer {
	t.Helper()
	cs := &configServer{doc: append([]byte(nil), doc...), release: make(chan struct{})}
	cs.srv = httptest.NewServer(http.HandlerFunc(cs.serve))
	t.Cleanup(func() {
		close(cs.release)
		cs.srv.Close()
	})
	return cs
}

func (cs *configServer) URL() string { return cs.srv.URL + "/markets.json" }

func (cs *configServer) set(doc []byte) {
	cs.mu.Lock()
	cs.doc = append([]byte(nil), doc...)
	cs.mu.Unlock()
}

func (cs *configServer) serve(w http.ResponseWriter, r *http.Request) {
	cs.hits.Add(1)
	switch cs.mode.Load() {
	case modeFail:
		http.Error(w, "boom", http.StatusInternalServerError)
		return
	case modeHang:
		select {
		case <-r.Context().Done():
		case <-cs.release:
		}
		return
	case modeGarbage:
		w.Write([]byte("\x00\x01<html>not json"))
		return
	case modeInvalid:
		w.Write([]byte(`{"markets":{"de":{"path":"/de","countries":["DE"],"currency":"EURO","default_locale":"de-DE","locales":["de-DE"],"tax":{"mode":"half-up","origin":{"country":"DE"}},"time_zone":"Europe/Berlin"}}}`))
		return
	}
	cs.mu.Lock()
	doc, gate := cs.doc, cs.gate
	cs.mu.Unlock()
	if gate != nil {
		<-gate
	}
	sum := sha256.Sum256(doc)
	tag := `"` + hex.EncodeToString(sum[:8]) + `"`
	w.Header().Set("ETag", tag)
	if r.Header.Get("If-None-Match") == tag {
		cs.notModified.Add(1)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(doc)
}

// versionDoc is a configuration of three markets each carrying the
// version in its name, so that a reader can tell a mixed version.
func versionDoc(v int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `{"version":"v%d","default_market":"m0","markets":{`, v)
	for i := range 3 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"m%d":{"name":"v%d","path":"/m%d","countries":["DE"],"currency":"EUR","default_locale":"de-DE","locales":["de-DE"],"tax":{"mode":"half-up","origin":{"country":"DE"}},"time_zone":"Europe/Berlin"}`, i, v, i)
	}
	b.WriteString("}}")
	return []byte(b.String())
}

// consistent reports whether every market of c carries c's version.
func consistent(c *store.Config) bool {
	for _, m := range c.Markets {
		if m.Name != c.Version {
			return false
		}
	}
	return len(c.Markets) == 3
}

// TestCacheOutage drives a real server through a new version, failures,
// a hang, garbage and an invalid configuration while readers read
// concurrently: no read fails, no reader sees a mixed version, the last
// good version is kept, and a restart during the outage starts from the
// disk copy.
func TestCacheOutage(t *testing.T) {
	cs := newConfigServer(t, versionDoc(1))
	disk := filepath.Join(t.TempDir(), "markets.last-good.json")
	// The timeout bounds the hanging step; it is generous so that the good
	// refreshes never miss it on a loaded machine under -race (1 s did).
	opts := &store.CacheOptions{TTL: time.Hour, Timeout: 3 * time.Second, DiskCopy: disk}
	c, err := store.NewCache(t.Context(), store.HTTPSource(cs.URL(), cs.srv.Client()), opts)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()

	stop := make(chan struct{})
	var readers sync.WaitGroup
	var reads, bad atomic.Int64
	for range 4 {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				cfg := c.Config()
				reads.Add(1)
				runtime.Gosched() // four spinning readers must not starve the refreshes on 2 cores
				if cfg == nil || !consistent(cfg) {
					bad.Add(1)
				}
			}
		}()
	}

	want := func(step, version string) {
		t.Helper()
		if got := c.Config().Version; got != version {
			t.Errorf("%s: serving %s, want %s", step, got, version)
		}
	}
	want("start", "v1")

	cs.set(versionDoc(2))
	if err := c.Refresh(t.Context()); err != nil {
		t.Fatalf("refresh to v2: %v", err)
	}
	want("new version", "v2")

	if err := c.Refresh(t.Context()); err != nil {
		t.Fatalf("refresh unchanged: %v", err)
	}
	if cs.notModified.Load() == 0 {
		t.Error("an unchanged configuration was not answered with 304")
	}

	steps := []struct {
		name string
		mode int32
	}{
		{"failing", modeFail}, {"hanging", modeHang}, {"garbage", modeGarbage}, {"invalid", modeInvalid},
	}
	for _, s := range steps {
		cs.mode.Store(s.mode)
		start := time.Now()
		err := c.Refresh(t.Context())
		if err == nil {
			t.Errorf("%s: Refresh succeeded", s.name)
		}
		if s.mode == modeHang && time.Since(start) > 15*time.Second {
			t.Errorf("hanging: Refresh took %v despite the 3s timeout", time.Since(start))
		}
		want(s.name, "v2")
		if h := c.Health(); h.LastError == "" || h.Version != "v2" || h.Stale {
			t.Errorf("%s: health = %+v", s.name, h)
		}
	}
	if err := c.Refresh(t.Context()); err == nil || !strings.Contains(c.Health().LastError, "EURO") {
		t.Errorf("invalid configuration: last error %q does not name the problem", c.Health().LastError)
	}

	// A restart during the outage starts from the disk copy.
	cs.mode.Store(modeFail)
	c2, err := store.NewCache(t.Context(), store.HTTPSource(cs.URL(), cs.srv.Client()), opts)
	if err != nil {
		t.Fatalf("restart during the outage: %v", err)
	}
	defer c2.Close()
	if got := c2.Config().Version; got != "v2" {
		t.Errorf("restart served %s, want v2 from disk", got)
	}
	if h := c2.Health(); !h.FromDisk || h.LastError == "" {
		t.Errorf("restart health = %+v, want FromDisk and the source's error", h)
	}
	// Without a disk copy the restart fails with the source's error.
	if _, err := store.NewCache(t.Context(), store.HTTPSource(cs.URL(), cs.srv.Client()), &store.CacheOptions{Timeout: 200 * time.Millisecond}); err == nil {
		t.Error("NewCache without source or disk copy succeeded")
	}

	// The source recovers.
	cs.mode.Store(modeOK)
	cs.set(versionDoc(3))
	if err := c2.Refresh(t.Context()); err != nil {
		t.Fatal(err)
	}
	if h := c2.Health(); h.FromDisk || h.Version != "v3" || h.LastError != "" {
		t.Errorf("after recovery health = %+v", h)
	}

	close(stop)
	readers.Wait()
	if bad.Load() != 0 {
		t.Errorf("%d of %d reads saw a nil or mixed configuration", bad.Load(), reads.Load())
	}
	if reads.Load() == 0 {
		t.Error("no reads happened")
	}
}

// TestCacheSingleflight: a thousand concurrent callers cause one fetch.
func TestCacheSingleflight(t *testing.T) {
	cs := newConfigServer(t, versionDoc(1))
	c, err := store.NewCache(t.Context(), store.HTTPSource(cs.URL(), cs.srv.Client()), &store.CacheOptions{TTL: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	gate := make(chan struct{})
	cs.mu.Lock()
	cs.gate = gate
	cs.mu.Unlock()
	cs.set(versionDoc(2))
	before := cs.hits.Load()

	const callers = 1000
	var started sync.WaitGroup
	var done sync.WaitGroup
	errs := make(chan error, callers)
	for range callers {
		started.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			started.Done()
			errs <- c.Refresh(context.Background())
		}()
	}
	started.Wait()
	// Give every caller time to join the flight before the server answers.
	for i := 0; i < 100 && cs.hits.Load() == before; i++ {
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(150 * time.Millisecond)
	close(gate)
	done.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if got := cs.hits.Load() - before; got != 1 {
		t.Errorf("%d callers caused %d fetches, want 1", callers, got)
	}
	if got := c.Config().Version; got != "v2" {
		t.Errorf("serving %s, want v2", got)
	}
}

// TestCacheCallerGivesUp: a caller whose context ends stops waiting, but
// the shared fetch goes on and installs the new version.
func TestCacheCallerGivesUp(t *testing.T) {
	cs := newConfigServer(t, versionDoc(1))
	c, err := store.NewCache(t.Context(), store.HTTPSource(cs.URL(), cs.srv.Client()), &store.CacheOptions{TTL: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	gate := make(chan struct{})
	cs.mu.Lock()
	cs.gate = gate
	cs.mu.Unlock()
	cs.set(versionDoc(2))
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := c.Refresh(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Refresh = %v, want the caller's deadline", err)
	}
	close(gate)
	deadline := time.Now().Add(3 * time.Second)
	for c.Config().Version != "v2" && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if got := c.Config().Version; got != "v2" {
		t.Errorf("serving %s, want v2: the abandoned fetch was canceled", got)
	}
}

// TestCacheBackgroundRefresh: the TTL loop picks up a new version by itself.
func TestCacheBackgroundRefresh(t *testing.T) {
	cs := newConfigServer(t, versionDoc(1))
	var swaps atomic.Int32
	c, err := store.NewCache(t.Context(), store.HTTPSource(cs.URL(), cs.srv.Client()), &store.CacheOptions{
		TTL: 20 * time.Millisecond, Jitter: 10 * time.Millisecond,
		OnSwap: func(old, new *store.Config) { swaps.Add(1) },
	})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	cs.set(versionDoc(2))
	deadline := time.Now().Add(3 * time.Second)
	for c.Config().Version != "v2" && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if got := c.Config().Version; got != "v2" {
		t.Fatalf("background refresh: serving %s, want v2", got)
	}
	if got := swaps.Load(); got != 2 {
		t.Errorf("OnSwap called %d times, want 2 (start-up and v2)", got)
	}
}

// TestCacheStale: past MaxStale, Get reports ErrStale and still returns
// the configuration; Health says Stale.
func TestCacheStale(t *testing.T) {
	cs := newConfigServer(t, versionDoc(1))
	c, err := store.NewCache(t.Context(), store.HTTPSource(cs.URL(), cs.srv.Client()), &store.CacheOptions{TTL: time.Hour, MaxStale: 30 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	cs.mode.Store(modeFail)
	time.Sleep(40 * time.Millisecond)
	c.Refresh(t.Context())
	cfg, err := c.Get()
	if !errors.Is(err, store.ErrStale) || cfg == nil || cfg.Version != "v1" {
		t.Errorf("Get = %v, %v; want v1 and ErrStale", cfg, err)
	}
	if !c.Health().Stale {
		t.Error("Health().Stale = false")
	}
}

func TestCacheConfigNoAlloc(t *testing.T) {
	c, err := store.NewCache(t.Context(), store.DefaultSource(), &store.CacheOptions{TTL: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var sink *store.Config
	if n := testing.AllocsPerRun(1000, func() { sink = c.Config() }); n != 0 {
		t.Errorf("Config allocates %v times", n)
	}
	_ = sink
}

var _ = bytes.Equal

// recorder is a slog.Handler that keeps the messages it receives.
type recorder struct {
	mu   sync.Mutex
	msgs []string
}

func (r *recorder) Enabled(context.Context, slog.Level) bool { return true }
func (r *recorder) Handle(_ context.Context, rec slog.Record) error {
	r.mu.Lock()
	r.msgs = append(r.msgs, rec.Level.String()+" "+rec.Message)
	r.mu.Unlock()
	return nil
}
func (r *recorder) WithAttrs([]slog.Attr) slog.Handler { return r }
func (r *recorder) WithGroup(string) slog.Handler      { return r }

// TestCacheEvents: loading, rejecting and failing are logged at their
// levels through the host's logger.
func TestCacheEvents(t *testing.T) {
	cs := newConfigServer(t, versionDoc(1))
	rec := &recorder{}
	c, err := store.NewCache(t.Context(), store.HTTPSource(cs.URL(), cs.srv.Client()), &store.CacheOptions{TTL: time.Hour, Logger: slog.New(rec)})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	cs.mode.Store(modeInvalid)
	c.Refresh(t.Context())
	cs.mode.Store(modeFail)
	c.Refresh(t.Context())
	rec.mu.Lock()
	defer rec.mu.Unlock()
	want := []string{
		"INFO store: configuration loaded",
		"ERROR store: configuration rejected; serving the last good one",
		"WARN store: configuration fetch failed; serving the last good one",
	}
	if diff := cmp.Diff(want, rec.msgs); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}
