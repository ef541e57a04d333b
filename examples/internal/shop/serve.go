package shop

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"time"
)

// Serve runs an HTTP server for h on ln until ctx is done, then shuts it
// down gracefully. ready, when not nil, receives the listener's address
// once the server accepts connections.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, logger *slog.Logger, ready chan<- string) error {
	srv := &http.Server{
		Handler: h, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10,
		ErrorLog: slog.NewLogLogger(logger.Handler(), slog.LevelError),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	if ready != nil {
		ready <- ln.Addr().String()
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// BaseURL is the URL a person reaches a listener at: "http://" and its
// address, with "localhost" when addr, the address the listener was asked
// for, names it ("localhost:8080") or the listener has a wildcard host
// (":8080" listens everywhere, and "[::]" is no address to give a
// browser). The port is always the listener's, so ":0" gives the one
// chosen.
func BaseURL(ln net.Listener, addr string) string {
	host, port, err := net.SplitHostPort(ln.Addr().String())
	if err != nil {
		return "http://" + ln.Addr().String()
	}
	asked, _, _ := net.SplitHostPort(addr)
	if ip := net.ParseIP(host); asked == "localhost" || ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}

// DefaultGCPercent is the garbage collector target the example servers
// set when GOGC is not in the environment. Their live heap is small and
// stable (the catalog indexes, about 10 MB for the sample data) and a page
// allocates some 60 KB, so at Go's default of 100 a collection runs every
// couple of hundred pages; at 400 it runs a quarter as often, for about
// 40 MB more memory. On the listing load test that is about a quarter
// less CPU per request.
const DefaultGCPercent = 400

// TuneGC sets the garbage collector target to percent unless the GOGC
// environment variable is set (the operator's word wins).
func TuneGC(percent int) {
	if _, set := os.LookupEnv("GOGC"); !set && percent > 0 {
		debug.SetGCPercent(percent)
	}
}

// NewLogger returns the request logger the -log flag names: "text",
// "json" or "none".
func NewLogger(format string, w io.Writer) (*slog.Logger, error) {
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, nil)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, nil)), nil
	case "none":
		return slog.New(slog.DiscardHandler), nil
	}
	return nil, fmt.Errorf("-log %q: want text, json or none", format)
}

// CartKey returns the secret of the cart and order cookies the -cart-key
// flag gives, or 32 random bytes (valid until the process stops) when it
// is empty: a restart then forgets every cart and every browser's access
// to its order confirmations.
func CartKey(flag string) []byte {
	if flag != "" {
		return []byte(flag)
	}
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	return key
}
