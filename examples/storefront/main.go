// Command storefront is a web store for many markets on one domain: the
// README's first command.
//
//	go run ./examples/storefront                    # http://localhost:8080
//	go run ./examples/storefront -maintenance jp    # Japan closed for maintenance now
//
// It runs on the embedded sample data set (13 markets, 240 products, price
// lists; see package data) with no setup: each market's orders go to its
// own SQLite database under -data (a temporary directory by default).
// Pages are server-rendered html/template and work without JavaScript:
// detection and a country/language switcher at /, category listings with
// filters, facets, sorting and pagination, product pages with prices
// including or excluding tax per market and hreflang alternates, a cart
// (a signed cookie per market), checkout with the country's address form
// and phone field, and the order confirmation. /metrics serves Prometheus
// metrics and /healthz the health document "marketkit fleet status" reads.
package main

//go:generate go run ./internal/gendata -out data

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
	_ "time/tzdata" // market time zones without depending on the host's zoneinfo

	"github.com/marketkit/marketkit/examples/internal/shop"
	"github.com/marketkit/marketkit/examples/storefront/data"
	"github.com/marketkit/marketkit/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stderr, nil); err != nil {
		fmt.Fprintln(os.Stderr, "storefront:", err)
		os.Exit(1)
	}
}

// config is the parsed command line.
type config struct {
	addr, dataDir, configFile, baseURL, logFormat string
	maintenance                                   []string
	cartKey                                       []byte
	gcPercent                                     int
}

func parseFlags(args []string, stderr io.Writer) (*config, error) {
	fs := flag.NewFlagSet("storefront", flag.ContinueOnError)
	fs.SetOutput(stderr)
	c := &config{}
	fs.StringVar(&c.addr, "addr", "localhost:8080", "listen address")
	fs.StringVar(&c.dataDir, "data", "", "directory of the order databases (default: a new temporary directory)")
	fs.StringVar(&c.configFile, "config", "", "market configuration file (default: the embedded markets.json)")
	fs.StringVar(&c.baseURL, "base-url", "", "the shop's public scheme and host (default: http:// and the listen address)")
	fs.StringVar(&c.logFormat, "log", "text", "request log format: text, json or none")
	maint := fs.String("maintenance", "", "comma-separated market IDs to put in maintenance now (e.g. jp)")
	fs.IntVar(&c.gcPercent, "gc-percent", shop.DefaultGCPercent, "garbage collector target (as GOGC) when GOGC is not set")
	key := fs.String("cart-key", "", "secret for the cart and order cookies, at least 32 bytes (default: random per start)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if *maint != "" {
		c.maintenance = strings.Split(*maint, ",")
	}
	c.cartKey = shop.CartKey(*key)
	return c, nil
}

// run serves until ctx is done. ready, when not nil, receives the
// listener's address once the server accepts connections.
func run(ctx context.Context, args []string, stderr io.Writer, ready chan<- string) error {
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
		if c.dataDir, err = os.MkdirTemp("", "storefront-"); err != nil {
			return err
		}
		defer os.RemoveAll(c.dataDir)
	}
	var src store.ConfigSource = store.BytesSource(data.Markets())
	if c.configFile != "" {
		src = store.FileSource(c.configFile)
	}
	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	if c.baseURL == "" {
		c.baseURL = shop.BaseURL(ln, c.addr)
	}
	in, err := shop.Open(ctx, shop.InstanceOptions{
		Source: src, Data: data.FS(), DataDir: c.dataDir, Maintenance: c.maintenance,
		BaseURL: c.baseURL, CartKey: c.cartKey, Build: version(), Logger: logger,
	})
	if err != nil {
		return err
	}
	defer in.Close()
	logger.Info("storefront listening", "url", c.baseURL, "markets", len(in.Stores.IDs()), "data", c.dataDir,
		"config_version", in.Cache.Health().Version, "maintenance", c.maintenance)
	return shop.Serve(ctx, ln, in.Server.Handler(), logger, ready)
}

// version is the build's module version or VCS revision.
func version() string { return shop.BuildVersion() }
