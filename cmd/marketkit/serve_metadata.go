package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/marketkit/marketkit/store"
	"github.com/marketkit/marketkit/store/metadata"
)

func init() {
	register(command{Name: "serve-metadata", Summary: "serve the market configuration and every market's localization facts over HTTP", Run: runServeMetadata})
}

const serveMetadataUsage = `usage: marketkit serve-metadata [-addr HOST:PORT] [-poll DURATION] CONFIG

Serves the market configuration CONFIG (JSON, see store/markets.schema.json)
and the localization facts of every market and locale it lists
(package store/metadata):

  GET /v1/                        index: version, hash, every document's href and ETag
  GET /v1/config                  the configuration, as store.HTTPSource reads it
  GET /v1/schema                  the JSON Schema of the documents
  GET /v1/markets/{id}/{locale}   one market's facts in one locale

CONFIG is read again every -poll; a changed file is checked (store.Check)
and published atomically, and a file that fails the check is refused and
logged while the previous version stays served. The command stops on
SIGINT or SIGTERM, letting requests in flight finish.

Exit status: 0 stopped by a signal, 1 the server failed, 2 usage or a
CONFIG that cannot be read or fails the check at start-up.
`

func runServeMetadata(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve-metadata", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, serveMetadataUsage) }
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address`")
	poll := fs.Duration("poll", 10*time.Second, "how often CONFIG is read again (0: never)")
	if err := fs.Parse(reorderValues(args, "addr", "poll")); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	path := fs.Arg(0)
	log := slog.New(slog.NewTextHandler(stderr, nil))
	data, err := readConfig(path)
	if err != nil {
		fmt.Fprintln(stderr, "marketkit serve-metadata:", err)
		return 2
	}
	s, err := metadata.New(data, &metadata.Options{Logger: log})
	if err != nil {
		fmt.Fprintln(stderr, "marketkit serve-metadata:", err)
		return 2
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stderr, "marketkit serve-metadata:", err)
		return 1
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: 2 * time.Minute, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelError)}
	version, hash := s.Current()
	fmt.Fprintf(stdout, "serving %d documents of configuration %s (%.12s) at http://%s/v1/\n", len(s.Paths()), version, hash, ln.Addr())

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	var tick <-chan time.Time
	if *poll > 0 {
		t := time.NewTicker(*poll)
		defer t.Stop()
		tick = t.C
	}
	for {
		select {
		case err := <-served:
			fmt.Fprintln(stderr, "marketkit serve-metadata:", err)
			return 1
		case <-tick:
			next, err := readConfig(path)
			if err != nil {
				log.Error("metadata: cannot read the configuration", "path", path, "error", err)
				continue
			}
			if bytes.Equal(next, data) {
				continue
			}
			if err := s.Publish(next); err != nil {
				continue // logged by the Server; the previous version stays
			}
			data = next
		case <-ctx.Done():
			shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			err := srv.Shutdown(shut)
			cancel()
			if err != nil && !errors.Is(err, http.ErrServerClosed) {
				fmt.Fprintln(stderr, "marketkit serve-metadata:", err)
				return 1
			}
			return 0
		}
	}
}

// readConfig reads the configuration file, refusing one larger than
// store.MaxConfigSize.
func readConfig(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, store.MaxConfigSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > store.MaxConfigSize {
		return nil, fmt.Errorf("%s: larger than %d bytes", path, store.MaxConfigSize)
	}
	return data, nil
}

// reorderValues moves flags before positional arguments (so "CONFIG -addr
// :8080" works), keeping the value of each named flag that takes one with
// its flag.
func reorderValues(args []string, valued ...string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			pos = append(pos, args[i+1:]...)
			i = len(args)
		case len(a) > 1 && a[0] == '-':
			flags = append(flags, a)
			name := a[1:]
			if len(name) > 0 && name[0] == '-' {
				name = name[1:]
			}
			for _, v := range valued {
				if name == v && i+1 < len(args) {
					flags = append(flags, args[i+1])
					i++
				}
			}
		default:
			pos = append(pos, a)
		}
	}
	return append(flags, pos...)
}
