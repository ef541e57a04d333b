// Command percountry runs the storefront as isolated per-country
// instances: the same code, configuration and data as examples/storefront,
// with one process (here: one server) per market.
//
//	go run ./examples/percountry -market de -addr :8081   # Germany alone
//	go run ./examples/percountry -fleet                    # every market + the front router
//
// With -market, the instance serves only that market: it loads only the
// files the market names (catalog.jsonl and its price lists), opens only
// its order database; other markets' pages are not found there.
// With -fleet, one instance per market listens on consecutive loopback
// ports after -addr's, and the front router on -addr forwards each
// market's path prefix to its instance (store/web forwarding): one domain
// fronting the fleet, page for page the same as the shared storefront.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	_ "time/tzdata" // market time zones without depending on the host's zoneinfo

	"github.com/marketkit/marketkit/examples/internal/shop"
	"github.com/marketkit/marketkit/examples/storefront/data"
	"github.com/marketkit/marketkit/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stderr, nil, nil); err != nil {
		fmt.Fprintln(os.Stderr, "percountry:", err)
		os.Exit(1)
	}
}

type config struct {
	market, addr, dataDir, baseURL, logFormat string
	writeConfig                               string
	fleet                                     bool
	maintenance                               []string
	cartKey                                   []byte
	gcPercent                                 int
}

func parseFlags(args []string, stderr io.Writer) (*config, error) {
	f := flag.NewFlagSet("percountry", flag.ContinueOnError)
	f.SetOutput(stderr)
	c := &config{}
	f.StringVar(&c.market, "market", "", "the one market this instance serves (e.g. de)")
	f.BoolVar(&c.fleet, "fleet", false, "start one instance per market on consecutive loopback ports and the front router on -addr")
	f.StringVar(&c.addr, "addr", "localhost:8080", "listen address (the front router's with -fleet)")
	f.StringVar(&c.writeConfig, "write-config", "", "with -fleet: write the fleet's configuration (each market's origin its instance) to this file, for marketkit fleet status")
	f.StringVar(&c.dataDir, "data", "", "directory of the order databases (default: a new temporary directory)")
	f.StringVar(&c.baseURL, "base-url", "", "the shop's public scheme and host (default: http:// and -addr)")
	f.StringVar(&c.logFormat, "log", "text", "request log format: text, json or none")
	maint := f.String("maintenance", "", "comma-separated market IDs to put in maintenance now")
	f.IntVar(&c.gcPercent, "gc-percent", shop.DefaultGCPercent, "garbage collector target (as GOGC) when GOGC is not set")
	key := f.String("cart-key", "", "secret for the cart and order cookies, at least 32 bytes (default: random per start)")
	if err := f.Parse(args); err != nil {
		return nil, err
	}
	if f.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments %q", f.Args())
	}
	if c.fleet == (c.market != "") {
		return nil, errors.New("give exactly one of -market ID and -fleet")
	}
	if *maint != "" {
		c.maintenance = strings.Split(*maint, ",")
	}
	c.cartKey = shop.CartKey(*key)
	return c, nil
}

// hooks let tests watch an instance: the file system it reads its data
// from (to prove it reads only its market's files).
type hooks struct {
	data func(market string) fs.FS
}

// run serves until ctx is done; ready receives the front (or single
// instance) address once it accepts connections.
func run(ctx context.Context, args []string, stderr io.Writer, ready chan<- string, h *hooks) error {
	c, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	logger, err := shop.NewLogger(c.logFormat, stderr)
	if err != nil {
		return err
	}
	shop.TuneGC(c.gcPercent)
	if c.dataDir == "" {
		if c.dataDir, err = os.MkdirTemp("", "percountry-"); err != nil {
			return err
		}
		defer os.RemoveAll(c.dataDir)
	}
	cfg, err := store.Decode(data.Markets())
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	if c.baseURL == "" {
		c.baseURL = shop.BaseURL(ln, c.addr)
	}
	dataFS := func(string) fs.FS { return data.FS() }
	if h != nil && h.data != nil {
		dataFS = h.data
	}
	if !c.fleet {
		if _, ok := cfg.Market(c.market); !ok {
			return fmt.Errorf("-market %q: unknown market (markets: %v)", c.market, cfg.MarketIDs())
		}
		in, err := openInstance(ctx, c, store.BytesSource(data.Markets()), c.market, dataFS(c.market), c.dataDir, logger)
		if err != nil {
			return err
		}
		defer in.Close()
		logger.Info("instance listening", "market", c.market, "addr", ln.Addr().String(), "data", c.dataDir)
		return shop.Serve(ctx, ln, in.Server.Handler(), logger, ready)
	}

	// The fleet: one instance per market on the next ports, then the front.
	// Every instance runs the fleet's configuration (each market's origin
	// is its instance), as a real fleet deploys one file everywhere, and
	// builds only its own market.
	host, portText, err := net.SplitHostPort(ln.Addr().String())
	if err != nil {
		return err
	}
	port, _ := strconv.Atoi(portText)
	ids := cfg.MarketIDs()
	lns := make([]net.Listener, len(ids))
	for i, id := range ids {
		if lns[i], err = net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(port+1+i))); err != nil {
			for _, l := range lns[:i] {
				l.Close()
			}
			return fmt.Errorf("market %s: %w", id, err)
		}
		m, _ := cfg.Market(id)
		m.Origin = "http://" + lns[i].Addr().String()
	}
	fleetDoc, err := json.Marshal(cfg)
	if err != nil {
		return err
	}
	if c.writeConfig != "" {
		if err := os.WriteFile(c.writeConfig, fleetDoc, 0o644); err != nil {
			return err
		}
	}
	var wg sync.WaitGroup
	ictx, cancel := context.WithCancel(ctx)
	defer func() { cancel(); wg.Wait() }()
	errc := make(chan error, len(ids))
	// Instances start side by side, as a fleet's do; each has its own
	// data directory, as it would on its own machine.
	ins := make([]*shop.Instance, len(ids))
	errs := make([]error, len(ids))
	var starting sync.WaitGroup
	for i, id := range ids {
		starting.Go(func() {
			ins[i], errs[i] = openInstance(ctx, c, store.BytesSource(fleetDoc), id, dataFS(id), filepath.Join(c.dataDir, id), logger.With("instance", id))
			if errs[i] != nil {
				errs[i] = fmt.Errorf("market %s: %w", id, errs[i])
			}
		})
	}
	starting.Wait()
	if err := errors.Join(errs...); err != nil {
		for i := range ids {
			lns[i].Close()
			if ins[i] != nil {
				ins[i].Close()
			}
		}
		return err
	}
	for i, id := range ids {
		in := ins[i]
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer in.Close()
			if err := shop.Serve(ictx, lns[i], in.Server.Handler(), logger, nil); err != nil {
				errc <- fmt.Errorf("market %s: %w", id, err)
			}
		}()
	}
	router, err := shop.Open(ctx, shop.InstanceOptions{
		Source: store.BytesSource(fleetDoc), Data: data.FS(), Maintenance: c.maintenance,
		BaseURL: c.baseURL, CartKey: c.cartKey, Build: shop.BuildVersion(), Logger: logger.With("instance", "front"),
	})
	if err != nil {
		return err
	}
	defer router.Close()
	logger.Info("fleet listening", "front", c.baseURL, "instances", len(ids), "first_instance", lns[0].Addr().String())
	done := make(chan error, 1)
	go func() { done <- shop.Serve(ictx, ln, router.Server.Handler(), logger, ready) }()
	select {
	case err := <-errc:
		return err
	case err := <-done:
		return err
	}
}

// openInstance opens the isolated instance of market id: it builds only
// that market (Only), reads only the files it names and opens only its
// database; its own market is served here whatever the configuration's
// origin for it says (that origin is this instance). Other markets' pages
// are forwarded to their origins, or not found where they have none.
func openInstance(ctx context.Context, c *config, src store.ConfigSource, id string, fsys fs.FS, dir string, logger *slog.Logger) (*shop.Instance, error) {
	return shop.Open(ctx, shop.InstanceOptions{
		Source: src, Data: fsys, DataDir: dir, Only: id, Origins: map[string]string{id: ""},
		Maintenance: c.maintenance, BaseURL: c.baseURL, CartKey: c.cartKey, Build: shop.BuildVersion(), Logger: logger,
	})
}
