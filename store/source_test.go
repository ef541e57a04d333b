package store_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/marketkit/marketkit/store"
	"github.com/marketkit/marketkit/store/storetest"
)

func TestBytesSourceConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T, doc []byte) (store.ConfigSource, func([]byte)) {
		var mu sync.Mutex
		src := store.BytesSource(doc)
		return store.SourceFunc(func(ctx contextT, etag string) (store.Document, error) {
				mu.Lock()
				s := src
				mu.Unlock()
				return s.Fetch(ctx, etag)
			}), func(d []byte) {
				mu.Lock()
				src = store.BytesSource(d)
				mu.Unlock()
			}
	})
}

func TestFileSourceConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T, doc []byte) (store.ConfigSource, func([]byte)) {
		path := filepath.Join(t.TempDir(), "markets.json")
		if err := os.WriteFile(path, doc, 0o644); err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		return store.FileSource(path), func(d []byte) {
			mu.Lock()
			defer mu.Unlock()
			tmp := path + ".tmp"
			if err := os.WriteFile(tmp, d, 0o644); err != nil {
				t.Error(err)
			}
			if err := os.Rename(tmp, path); err != nil {
				t.Error(err)
			}
		}
	})
}

func TestHTTPSourceConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T, doc []byte) (store.ConfigSource, func([]byte)) {
		cs := newConfigServer(t, doc)
		return store.HTTPSource(cs.URL(), cs.srv.Client()), cs.set
	})
}

// TestHTTPSourceIfNoneMatch: the source sends the ETag back and maps 304 to
// ErrNotModified; the server saw the header.
func TestHTTPSourceIfNoneMatch(t *testing.T) {
	cs := newConfigServer(t, storetest.Documents[0])
	src := store.HTTPSource(cs.URL(), cs.srv.Client())
	doc, err := src.Fetch(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := src.Fetch(t.Context(), doc.ETag); err != store.ErrNotModified {
		t.Fatalf("Fetch(etag) = %v, want ErrNotModified", err)
	}
	if got := cs.notModified.Load(); got != 1 {
		t.Errorf("server answered 304 %d times, want 1", got)
	}
}

// TestHTTPSourceErrors: a status other than 200/304 is an error naming it;
// a body over MaxConfigSize is ErrTooLarge, read no further than the limit.
func TestHTTPSourceErrors(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/missing":
			http.NotFound(w, r)
		case "/huge":
			chunk := make([]byte, 1<<20)
			for range store.MaxConfigSize>>20 + 2 {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		}
	}))
	defer srv.Close()
	if _, err := store.HTTPSource(srv.URL+"/missing", srv.Client()).Fetch(t.Context(), ""); err == nil || !strings.Contains(err.Error(), "HTTP status 404") {
		t.Errorf("404: %v", err)
	}
	if _, err := store.HTTPSource(srv.URL+"/huge", srv.Client()).Fetch(t.Context(), ""); !errors.Is(err, store.ErrTooLarge) {
		t.Errorf("huge body: %v, want ErrTooLarge", err)
	}
}
