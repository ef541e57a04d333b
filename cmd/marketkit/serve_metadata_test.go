package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/marketkit/marketkit/store"
	"github.com/marketkit/marketkit/store/metadata"
)

// lockedBuffer is a bytes.Buffer safe for the command's goroutine and the
// test's.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServeMetadata runs "marketkit serve-metadata" on the example
// configuration on a loopback port, fetches every document the index
// lists, then changes the file: a broken version is refused (the old one
// stays), a valid one is published; a cancel stops the command with 0.
func TestServeMetadata(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "markets.json")
	data := store.ExampleConfig()
	if err := os.WriteFile(cfg, data, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr lockedBuffer
	exit := make(chan int, 1)
	go func() {
		exit <- run(ctx, []string{"serve-metadata", cfg, "-addr", "127.0.0.1:0", "-poll", "20ms"}, &stdout, &stderr)
	}()
	addrRE := regexp.MustCompile(`at http://(127\.0\.0\.1:\d+)/v1/`)
	var base string
	for deadline := time.Now().Add(10 * time.Second); base == ""; {
		if m := addrRE.FindStringSubmatch(stdout.String()); m != nil {
			base = "http://" + m[1]
			break
		}
		select {
		case code := <-exit:
			t.Fatalf("command exited with %d: %s%s", code, stdout.String(), stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("no address printed: %q %q", stdout.String(), stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if !strings.Contains(stdout.String(), "serving 13 documents of configuration example-1") {
		t.Errorf("start-up line %q", stdout.String())
	}
	c := &http.Client{Timeout: 5 * time.Second}
	fetch := func(path string) (*http.Response, []byte) {
		t.Helper()
		resp, err := c.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp, b
	}
	index := func() metadata.Index {
		t.Helper()
		_, b := fetch(metadata.PathIndex)
		var idx metadata.Index
		if err := json.Unmarshal(b, &idx); err != nil {
			t.Fatal(err)
		}
		return idx
	}
	idx := index()
	paths := []string{idx.Config.Href, idx.Schema.Href}
	for _, m := range idx.Markets {
		for _, l := range m.Locales {
			paths = append(paths, l.Href)
		}
	}
	if len(paths) != 12 {
		t.Fatalf("index lists %d documents, want 12", len(paths))
	}
	for _, p := range paths {
		resp, b := fetch(p)
		// Go's transport asks for gzip and decompresses: the tag is the
		// gzip representation's, of the same bytes.
		if tag := strings.Replace(resp.Header.Get("ETag"), `-gzip"`, `"`, 1); resp.StatusCode != 200 || tag != metadata.Tag(b) {
			t.Errorf("%s: %s, ETag %s for a body tagged %s", p, resp.Status, resp.Header.Get("ETag"), metadata.Tag(b))
		}
	}
	if _, b := fetch(metadata.PathConfig); !bytes.Equal(b, data) {
		t.Error("/v1/config is not the file")
	}

	// A broken file is refused; the example stays.
	if err := os.WriteFile(cfg, bytes.Replace(data, []byte(`"EUR"`), []byte(`"EURO"`), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(stderr.String(), "configuration rejected"); {
		if time.Now().After(deadline) {
			t.Fatalf("broken file not reported: %q", stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if v := index().ConfigVersion; v != "example-1" {
		t.Fatalf("after a broken file the version is %q", v)
	}
	// A valid new version is published.
	next := bytes.Replace(data, []byte(`"version": "example-1"`), []byte(`"version": "example-2"`), 1)
	if bytes.Equal(next, data) {
		t.Fatal("no version in the example configuration")
	}
	if err := os.WriteFile(cfg, next, 0o644); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); index().ConfigVersion != "example-2"; {
		if time.Now().After(deadline) {
			t.Fatalf("new version not published: %q", stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	select {
	case code := <-exit:
		if code != 0 {
			t.Fatalf("exit %d after cancel: %s", code, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("command did not stop")
	}
}

func TestServeMetadataUsage(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"markets": {}}`), 0o644)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no config", []string{"serve-metadata"}, "usage: marketkit serve-metadata"},
		{"missing file", []string{"serve-metadata", filepath.Join(dir, "none.json")}, "no such file"},
		{"invalid config", []string{"serve-metadata", bad, "-addr", "127.0.0.1:0"}, "configuration rejected"},
		{"bad flag", []string{"serve-metadata", "-poll", "soon", bad}, "invalid value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr lockedBuffer
			if code := run(context.Background(), tt.args, &stdout, &stderr); code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tt.want)
			}
		})
	}
}
