package metadata_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/store"
	"github.com/marketkit/marketkit/store/metadata"
	"github.com/marketkit/marketkit/store/storetest"
)

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestServeHTTP(t *testing.T) {
	data := storefront(t)
	s := sharedServer(t)
	tag := metadata.Tag(data)
	tagGz := strings.TrimSuffix(tag, `"`) + `-gzip"`
	type want struct {
		Status   int
		ETag     string
		Encoding string
		Body     bool // a body (the document) is sent
		Allow    string
	}
	ok, gz := want{Status: 200, ETag: tag, Body: true}, want{Status: 200, ETag: tagGz, Encoding: "gzip", Body: true}
	tests := []struct {
		name   string
		method string
		path   string
		hdr    map[string]string
		want   want
	}{
		{"plain GET", "GET", "/v1/config", nil, ok},
		{"gzip", "GET", "/v1/config", map[string]string{"Accept-Encoding": "gzip"}, gz},
		{"gzip upper case", "GET", "/v1/config", map[string]string{"Accept-Encoding": "GZIP"}, gz},
		{"gzip among others", "GET", "/v1/config", map[string]string{"Accept-Encoding": "br;q=1.0, gzip;q=0.5, deflate"}, gz},
		{"x-gzip", "GET", "/v1/config", map[string]string{"Accept-Encoding": "x-gzip"}, gz},
		{"star", "GET", "/v1/config", map[string]string{"Accept-Encoding": "*"}, gz},
		{"gzip q=0 refuses", "GET", "/v1/config", map[string]string{"Accept-Encoding": "gzip;q=0"}, ok},
		{"gzip q=0.000 refuses", "GET", "/v1/config", map[string]string{"Accept-Encoding": "gzip; q=0.000"}, ok},
		{"gzip refused, star allowed", "GET", "/v1/config", map[string]string{"Accept-Encoding": "gzip;q=0, *"}, ok},
		{"star refused, gzip allowed", "GET", "/v1/config", map[string]string{"Accept-Encoding": "*;q=0, gzip"}, gz},
		{"malformed q", "GET", "/v1/config", map[string]string{"Accept-Encoding": "gzip;q=2"}, ok},
		{"identity only", "GET", "/v1/config", map[string]string{"Accept-Encoding": "identity"}, ok},
		{"gzipped is not gzip", "GET", "/v1/config", map[string]string{"Accept-Encoding": "gzipped"}, ok},
		{"If-None-Match current", "GET", "/v1/config", map[string]string{"If-None-Match": tag}, want{Status: 304, ETag: tag}},
		{"If-None-Match weak", "GET", "/v1/config", map[string]string{"If-None-Match": "W/" + tag}, want{Status: 304, ETag: tag}},
		{"If-None-Match list", "GET", "/v1/config", map[string]string{"If-None-Match": `"old", ` + tag}, want{Status: 304, ETag: tag}},
		{"If-None-Match star", "GET", "/v1/config", map[string]string{"If-None-Match": "*"}, want{Status: 304, ETag: tag}},
		{"If-None-Match gzip tag, identity wanted", "GET", "/v1/config", map[string]string{"If-None-Match": tagGz}, want{Status: 304, ETag: tag}},
		{"If-None-Match identity tag, gzip wanted", "GET", "/v1/config", map[string]string{"If-None-Match": tag, "Accept-Encoding": "gzip"}, want{Status: 304, ETag: tagGz}},
		{"If-None-Match old", "GET", "/v1/config", map[string]string{"If-None-Match": `"0123"`}, ok},
		{"If-None-Match unquoted", "GET", "/v1/config", map[string]string{"If-None-Match": strings.Trim(tag, `"`)}, ok},
		{"If-None-Match malformed then current", "GET", "/v1/config", map[string]string{"If-None-Match": `garbage, ` + tag}, ok},
		{"HEAD", "HEAD", "/v1/config", nil, want{Status: 200, ETag: tag}},
		{"POST", "POST", "/v1/config", nil, want{Status: 405, Allow: "GET, HEAD"}},
		{"unknown market", "GET", "/v1/markets/xx/de-DE", nil, want{Status: 404}},
		{"locale not of the market", "GET", "/v1/markets/de/fr-FR", nil, want{Status: 404}},
		{"locale in other case", "GET", "/v1/markets/de/de-de", nil, want{Status: 404}},
		{"market without locale", "GET", "/v1/markets/de", nil, want{Status: 404}},
		{"trailing slash", "GET", "/v1/markets/de/de-DE/", nil, want{Status: 404}},
		{"no version prefix", "GET", "/config", nil, want{Status: 404}},
		{"root", "GET", "/", nil, want{Status: 404}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(tt.method, tt.path, nil)
			for k, v := range tt.hdr {
				r.Header.Set(k, v)
			}
			w := httptest.NewRecorder()
			s.ServeHTTP(w, r)
			res := w.Result()
			got := want{Status: res.StatusCode, ETag: res.Header.Get("ETag"), Encoding: res.Header.Get("Content-Encoding"),
				Body: tt.want.Body && w.Body.Len() > 0, Allow: res.Header.Get("Allow")}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Fatalf("%s %s (-want +got):\n%s", tt.method, tt.path, diff)
			}
			if res.StatusCode == 200 || res.StatusCode == 304 {
				if cc := res.Header.Get("Cache-Control"); cc != "public, max-age=60, stale-while-revalidate=600, stale-if-error=86400" {
					t.Errorf("Cache-Control %q", cc)
				}
				if v := res.Header.Get("Vary"); v != "Accept-Encoding" {
					t.Errorf("Vary %q", v)
				}
			}
			switch {
			case res.StatusCode == 304 || tt.method == "HEAD":
				if w.Body.Len() != 0 {
					t.Errorf("%d bytes of body", w.Body.Len())
				}
			case res.StatusCode == 200:
				body := w.Body.Bytes()
				if got.Encoding == "gzip" {
					body = gunzip(t, body)
				}
				if !bytes.Equal(body, data) {
					t.Errorf("body is not the configuration as published")
				}
				if ct := res.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
					t.Errorf("Content-Type %q", ct)
				}
				if cl := res.Header.Get("Content-Length"); cl != strconv.Itoa(w.Body.Len()) {
					t.Errorf("Content-Length %s for %d bytes", cl, w.Body.Len())
				}
			}
		})
	}
}

// TestPublishRefusesBadVersions: a configuration that does not decode or
// fails store.Check is refused with every problem, and the served version
// (its bytes and its documents) stays.
func TestPublishRefusesBadVersions(t *testing.T) {
	good := storefront(t)
	s := newServer(t, good)
	before := snapshotAll(t, s)
	tests := []struct {
		name  string
		data  []byte
		is    []error
		field string
	}{
		{"not JSON", []byte(`{"markets":`), []error{metadata.ErrRejected, store.ErrSyntax}, ""},
		{"unknown field", bytes.Replace(good, []byte(`"default_market"`), []byte(`"default_markt"`), 1), []error{metadata.ErrRejected, store.ErrUnknownField}, ""},
		{"unknown currency", bytes.Replace(good, []byte(`"currency": "CHF"`), []byte(`"currency": "CHX"`), 1), []error{metadata.ErrRejected, locale.ErrUnknownCurrency}, "markets.ch.currency"},
		{"two problems", bytes.Replace(bytes.Replace(good, []byte(`"currency": "CHF"`), []byte(`"currency": "CHX"`), 1), []byte(`"time_zone": "Europe/Oslo"`), []byte(`"time_zone": "Europe/Olso"`), 1), []error{metadata.ErrRejected, locale.ErrUnknownCurrency}, "markets.no.time_zone"},
		{"too large", make([]byte, store.MaxConfigSize+1), []error{metadata.ErrRejected, store.ErrTooLarge}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if bytes.Equal(tt.data, good) {
				t.Fatal("the mutation did not apply")
			}
			err := s.Publish(tt.data)
			if err == nil {
				t.Fatal("Publish accepted a bad configuration")
			}
			for _, target := range tt.is {
				if !errors.Is(err, target) {
					t.Errorf("Publish error %v does not wrap %v", err, target)
				}
			}
			var me *metadata.Error
			if !errors.As(err, &me) || me.Op != "Publish" {
				t.Errorf("Publish error %v is not a *metadata.Error with Op Publish", err)
			}
			if tt.field != "" && !strings.Contains(err.Error(), tt.field) {
				t.Errorf("Publish error does not name %s:\n%v", tt.field, err)
			}
			if diff := cmp.Diff(before, snapshotAll(t, s)); diff != "" {
				t.Errorf("served documents changed after a refused version (-before +after):\n%s", diff)
			}
		})
	}
	if _, err := metadata.New([]byte(`[]`), nil); !errors.Is(err, metadata.ErrRejected) {
		t.Errorf("New(bad) = %v, want ErrRejected", err)
	}
}

// snapshotAll returns every served document by path.
func snapshotAll(t *testing.T, s *metadata.Server) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, p := range s.Paths() {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("GET", p, nil))
		out[p] = w.Header().Get("ETag") + " " + w.Body.String()
	}
	return out
}

// TestPublishNewVersion: a valid new version replaces every document that
// changed and the index names the new tags.
func TestPublishNewVersion(t *testing.T) {
	v1 := storefront(t)
	v2 := withVersion(t, v1, "storefront-2")
	s := newServer(t, v1)
	before := snapshotAll(t, s)
	if err := s.Publish(v2); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Current(); v != "storefront-2" {
		t.Fatalf("Current version %q after Publish, want storefront-2", v)
	}
	after := snapshotAll(t, s)
	for p := range before {
		if p != metadata.PathSchema && before[p] == after[p] {
			t.Errorf("%s unchanged by a new configuration version", p)
		}
	}
	if before[metadata.PathSchema] != after[metadata.PathSchema] {
		t.Error("schema changed with the configuration")
	}
	// Publishing the same bytes again changes nothing.
	if err := s.Publish(v2); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(after, snapshotAll(t, s)); diff != "" {
		t.Errorf("republishing changed documents:\n%s", diff)
	}
}

// TestConfigSourceConformance runs storetest against store.HTTPSource
// pointed at a Server: the store reads this service like any source.
func TestConfigSourceConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T, doc []byte) (store.ConfigSource, func([]byte)) {
		s := newServer(t, doc)
		ts := loopback(t, s)
		return store.HTTPSource(ts.URL+metadata.PathConfig, ts.Client()), func(doc []byte) {
			if err := s.Publish(doc); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func TestBuildFactsErrors(t *testing.T) {
	cfg, err := store.Decode(storefront(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ id, loc string }{{"xx", "de-DE"}, {"de", "fr-FR"}, {"de", ""}} {
		if _, err := metadata.BuildFacts(cfg, tt.id, tt.loc); !errors.Is(err, metadata.ErrNotFound) {
			t.Errorf("BuildFacts(%q, %q) = %v, want ErrNotFound", tt.id, tt.loc, err)
		}
	}
	if got := (&metadata.Error{}).Error(); got != "metadata: error" {
		t.Errorf("zero Error = %q", got)
	}
	var nilErr *metadata.Error
	if got := nilErr.Error(); got != "metadata: <nil>" {
		t.Errorf("nil Error = %q", got)
	}
}

var _ http.Handler = (*metadata.Server)(nil)

// TestZeroAndNilServer: a zero Server answers 503 until it publishes,
// then serves with the default Options; a nil *Server panics at once.
func TestZeroAndNilServer(t *testing.T) {
	var s metadata.Server
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest("GET", metadata.PathIndex, nil))
	if w.Code != 503 {
		t.Fatalf("zero Server: %d, want 503", w.Code)
	}
	if v, h := s.Current(); v != "" || h != "" || len(s.Paths()) != 0 {
		t.Fatalf("zero Server: Current %q %q, %d paths", v, h, len(s.Paths()))
	}
	if err := s.Publish(store.ExampleConfig()); err != nil {
		t.Fatal(err)
	}
	w = httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest("GET", metadata.PathIndex, nil))
	if w.Code != 200 || w.Header().Get("Cache-Control") != "public, max-age=60, stale-while-revalidate=600, stale-if-error=86400" {
		t.Fatalf("zero Server after Publish: %d, Cache-Control %q", w.Code, w.Header().Get("Cache-Control"))
	}
	defer func() {
		if got := recover(); got != "metadata: nil *Server (make one with New)" {
			t.Errorf("nil *Server: panic %#v", got)
		}
	}()
	var nilServer *metadata.Server
	nilServer.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
}

func TestOptionsCacheControl(t *testing.T) {
	s, err := metadata.New(store.ExampleConfig(), &metadata.Options{MaxAge: 5 * time.Second, StaleWhileRevalidate: time.Minute, StaleIfError: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest("GET", metadata.PathConfig, nil))
	if got := w.Header().Get("Cache-Control"); got != "public, max-age=5, stale-while-revalidate=60, stale-if-error=3600" {
		t.Errorf("Cache-Control %q", got)
	}
}

// TestBuildFactsUncheckedConfig: BuildFacts on a configuration that did
// not pass Check reports the bad country instead of inventing facts.
func TestBuildFactsUncheckedConfig(t *testing.T) {
	cfg, err := store.Decode(bytes.Replace(storefront(t), []byte(`"AT"`), []byte(`"QQ"`), 1))
	if err != nil {
		t.Skipf("Decode already refuses it: %v", err)
	}
	_, err = metadata.BuildFacts(cfg, "at", "de-AT")
	if !errors.Is(err, locale.ErrUnknownCountry) || !strings.Contains(err.Error(), `markets.at.countries[0] "QQ"`) {
		t.Errorf("BuildFacts with country QQ = %v, want ErrUnknownCountry naming markets.at.countries[0]", err)
	}
}

func TestAcceptEncodingLimit(t *testing.T) {
	tests := []struct {
		name string
		v    string
		want bool
	}{
		{"element cut at the limit is dropped", strings.Repeat(" ", 4092) + "gzipfoo", false},
		{"gzip past the limit is not read", strings.Repeat("x,", 2048) + "gzip", false},
		{"gzip before the limit", "gzip," + strings.Repeat("x", 5000), true},
	}
	for _, tt := range tests {
		if got := metadata.AcceptsGzip([]string{tt.v}); got != tt.want {
			t.Errorf("%s: acceptsGzip = %v, want %v", tt.name, got, tt.want)
		}
	}
}
