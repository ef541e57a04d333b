package metadata_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/marketkit/marketkit/store/metadata"
)

// storefront is the storefront's configuration (13 markets), copied into
// testdata so that the golden files move only with this package.
func storefront(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/markets.json")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// withVersion returns the storefront configuration with its "version"
// set to v: a second, distinct valid version of the same markets.
func withVersion(t testing.TB, data []byte, v string) []byte {
	t.Helper()
	out := bytes.Replace(data, []byte(`"version": "storefront-1"`), []byte(`"version": "`+v+`"`), 1)
	if bytes.Equal(out, data) {
		t.Fatal("withVersion: no storefront-1 version in the data")
	}
	return out
}

func newServer(t testing.TB, data []byte) *metadata.Server {
	t.Helper()
	s, err := metadata.New(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// loopback starts h on a 127.0.0.1 listener for the test.
func loopback(t testing.TB, h http.Handler) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	if !strings.HasPrefix(ts.URL, "http://127.0.0.1:") {
		t.Fatalf("test server at %s, want 127.0.0.1", ts.URL)
	}
	return ts
}

// get fetches url without transparent decompression and returns the
// response and its body, gunzipped when Content-Encoding says gzip.
func get(t testing.TB, c *http.Client, url string, hdr map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("%s: gzip: %v", url, err)
		}
		if body, err = io.ReadAll(zr); err != nil {
			t.Fatalf("%s: gzip: %v", url, err)
		}
	}
	return resp, body
}

// noGzipClient is a client whose transport does not add Accept-Encoding
// (so the tests see what they ask for).
func noGzipClient() *http.Client {
	return &http.Client{Transport: &http.Transport{DisableCompression: true}}
}

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// shared is one Server on the storefront configuration for the tests
// that only read (a Server costs a Publish to build; never Publish to it).
var shared = sync.OnceValues(func() (*metadata.Server, error) {
	b, err := os.ReadFile("testdata/markets.json")
	if err != nil {
		return nil, err
	}
	return metadata.New(b, nil)
})

func sharedServer(t testing.TB) *metadata.Server {
	t.Helper()
	s, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	return s
}
