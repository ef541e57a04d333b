package metadata

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/marketkit/marketkit/store"
)

//go:embed metadata.schema.json
var schemaJSON []byte

// Schema returns the JSON Schema of the documents (metadata.schema.json
// beside this package), as a new slice.
func Schema() []byte { return bytes.Clone(schemaJSON) }

// The paths the Server serves.
const (
	PathIndex   = "/v1/"
	PathConfig  = "/v1/config"
	PathSchema  = "/v1/schema"
	PathMarkets = "/v1/markets/" // + {id} + "/" + {locale}
)

// FactsPath returns the path of the facts of market id in locale loc.
func FactsPath(id, loc string) string { return PathMarkets + id + "/" + loc }

// Options configure a Server. The zero value (or nil) means the defaults.
type Options struct {
	// Check holds the data a configuration is checked against before it
	// is published (store.Check); nil checks it alone.
	Check *store.CheckOptions
	// MaxAge is how long a client or CDN may use a document without
	// asking again (Cache-Control max-age). Default 60 seconds.
	MaxAge time.Duration
	// StaleWhileRevalidate is how long after MaxAge a cache may serve the
	// document while it revalidates in the background. Default 10 minutes.
	StaleWhileRevalidate time.Duration
	// StaleIfError is how long after MaxAge a cache may serve the
	// document when this service fails or cannot be reached. Default 24
	// hours.
	StaleIfError time.Duration
	// Logger receives publish events; nil logs nothing.
	Logger *slog.Logger
}

// Server serves the metadata documents of one published configuration
// version at a time. It is an http.Handler, safe for concurrent use:
// Publish may run while requests are served, and each request sees one
// whole version. Make one with New; a zero Server has the default Options
// and answers 503 until its first Publish. A nil *Server panics at once
// with "metadata: nil *Server".
type Server struct {
	cacheControl []string
	checkOpts    *store.CheckOptions
	log          *slog.Logger
	mu           sync.Mutex // serializes Publish
	cur          atomic.Pointer[snapshot]
}

// snapshot is one published version: every document, encoded once.
type snapshot struct {
	version, hash string
	docs          map[string]*document // by path
}

// document is one resource with both of its representations.
type document struct {
	body, gz         []byte
	tag, tagGz       string   // quoted strong entity-tags
	etag, etagGz     []string // the same, as header values
	length, lengthGz []string
}

// Header values shared by every response (never modified; each slice has
// cap 1, so an append by a middleware copies).
var (
	hdrJSON    = []string{"application/json; charset=utf-8"}
	hdrGzip    = []string{"gzip"}
	hdrVary    = []string{"Accept-Encoding"}
	hdrNosniff = []string{"nosniff"}
	hdrAllow   = []string{"GET, HEAD"}
)

// New returns a Server that serves the configuration data (JSON, as
// store.Decode reads it), or an error wrapping ErrRejected (and the
// store's errors, every problem of store.Check) when data is not a valid
// configuration.
func New(data []byte, opts *Options) (*Server, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	if o.MaxAge <= 0 {
		o.MaxAge = time.Minute
	}
	if o.StaleWhileRevalidate <= 0 {
		o.StaleWhileRevalidate = 10 * time.Minute
	}
	if o.StaleIfError <= 0 {
		o.StaleIfError = 24 * time.Hour
	}
	s := &Server{checkOpts: o.Check, log: o.Logger,
		cacheControl: []string{fmt.Sprintf("public, max-age=%d, stale-while-revalidate=%d, stale-if-error=%d",
			int64(o.MaxAge/time.Second), int64(o.StaleWhileRevalidate/time.Second), int64(o.StaleIfError/time.Second))}}
	if err := s.Publish(data); err != nil {
		return nil, err
	}
	return s, nil
}

// Publish decodes and checks data and, when it is a valid configuration,
// computes every document of it and makes them the served version in one
// atomic step. A configuration that fails store.Decode or has store.Check
// errors is an *Error wrapping ErrRejected and the store's errors; the
// served version does not change. Publishing the version being served
// again is cheap and changes nothing.
func (s *Server) Publish(data []byte) error {
	const op = "Publish"
	s.check()
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(data) > store.MaxConfigSize {
		return &Error{Op: op, Field: "config", Value: strconv.Itoa(len(data)) + " bytes", Err: fmt.Errorf("%w: %w", ErrRejected, store.ErrTooLarge)}
	}
	cfg, err := store.Decode(data)
	if err == nil {
		err = store.Check(cfg, s.checkOpts).Err()
	}
	if err != nil {
		s.logger().Warn("metadata: configuration rejected", "error", err)
		return &Error{Op: op, Field: "config", Value: versionOf(cfg), Err: fmt.Errorf("%w: %w", ErrRejected, err)}
	}
	if cur := s.cur.Load(); cur != nil && bytes.Equal(cur.docs[PathConfig].body, data) {
		return nil
	}
	snap, err := build(cfg, data)
	if err != nil {
		s.logger().Warn("metadata: configuration rejected", "error", err)
		return &Error{Op: op, Field: "config", Value: cfg.Version, Err: fmt.Errorf("%w: %w", ErrRejected, err)}
	}
	s.cur.Store(snap)
	s.logger().Info("metadata: configuration published", "version", snap.version, "hash", snap.hash, "documents", len(snap.docs))
	return nil
}

// Current returns the version label and the hash (store.Config.Version
// and Hash) of the configuration being served.
// It returns "", "" before the first Publish of a zero Server.
func (s *Server) Current() (version, hash string) {
	s.check()
	if snap := s.cur.Load(); snap != nil {
		return snap.version, snap.hash
	}
	return "", ""
}

// check panics when s is nil, at the call rather than deep inside.
func (s *Server) check() {
	if s == nil {
		panic("metadata: nil *Server (make one with New)")
	}
}

func (s *Server) logger() *slog.Logger {
	if s.log == nil {
		return discardLogger
	}
	return s.log
}

var (
	discardLogger       = slog.New(slog.DiscardHandler)
	defaultCacheControl = []string{"public, max-age=60, stale-while-revalidate=600, stale-if-error=86400"}
	unavailable         = []byte("503 no configuration published\n")
)

// Paths returns the paths of every document being served, sorted.
func (s *Server) Paths() []string {
	s.check()
	snap := s.cur.Load()
	if snap == nil {
		return []string{}
	}
	out := make([]string, 0, len(snap.docs))
	for p := range snap.docs {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// ServeHTTP serves the documents of the current version. GET and HEAD
// only (405 otherwise); an unknown path is 404. A response carries a
// strong ETag of its representation, Cache-Control, Vary: Accept-Encoding,
// and the gzip representation when Accept-Encoding allows it; a request
// whose If-None-Match names the document's tag (either representation's)
// gets 304. It does not allocate beyond what net/http allocates.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.check()
	snap := s.cur.Load()
	if snap == nil {
		http.Error(w, string(unavailable), http.StatusServiceUnavailable)
		return
	}
	d := snap.docs[r.URL.Path]
	if d == nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	h := w.Header()
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h["Allow"] = hdrAllow
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	body, etag, length := d.body, d.etag, d.length
	gz := acceptsGzip(r.Header["Accept-Encoding"])
	if gz {
		body, etag, length = d.gz, d.etagGz, d.lengthGz
	}
	h["Etag"] = etag
	if cc := s.cacheControl; cc != nil {
		h["Cache-Control"] = cc
	} else {
		h["Cache-Control"] = defaultCacheControl
	}
	h["Vary"] = hdrVary
	if noneMatch(r.Header["If-None-Match"], d.tag, d.tagGz) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h["Content-Type"] = hdrJSON
	h["Content-Length"] = length
	h["X-Content-Type-Options"] = hdrNosniff
	if gz {
		h["Content-Encoding"] = hdrGzip
	}
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// Index is the document served at /v1/: the version being served and a
// link to every other document with its ETag, so that a client can tell
// what changed with one request.
type Index struct {
	SchemaVersion int           `json:"schema_version"`
	ConfigVersion string        `json:"config_version"`
	ConfigHash    string        `json:"config_hash"`
	DefaultMarket string        `json:"default_market"`
	Config        Link          `json:"config"`
	Schema        Link          `json:"schema"`
	Markets       []IndexMarket `json:"markets"`
}

// Link points at a document.
type Link struct {
	Href string `json:"href"`
	// ETag is the document's entity-tag (of its identity
	// representation), quoted as in the ETag header.
	ETag string `json:"etag"`
}

// IndexMarket lists one market's facts documents.
type IndexMarket struct {
	ID            string        `json:"id"`
	Name          string        `json:"name,omitempty"`
	Path          string        `json:"path"`
	DefaultLocale string        `json:"default_locale"`
	Locales       []IndexLocale `json:"locales"`
}

// IndexLocale is one facts document.
type IndexLocale struct {
	Locale string `json:"locale"`
	Link
}

// build computes every document of cfg, whose source bytes are data.
func build(cfg *store.Config, data []byte) (*snapshot, error) {
	snap := &snapshot{version: cfg.Version, hash: cfg.Hash(), docs: map[string]*document{}}
	snap.docs[PathConfig] = newDocument(bytes.Clone(data))
	snap.docs[PathSchema] = schemaDocument()
	idx := Index{SchemaVersion: SchemaVersion, ConfigVersion: cfg.Version, ConfigHash: snap.hash,
		DefaultMarket: cfg.DefaultMarket, Markets: []IndexMarket{},
		Config: Link{Href: PathConfig, ETag: snap.docs[PathConfig].tag},
		Schema: Link{Href: PathSchema, ETag: snap.docs[PathSchema].tag}}
	// The facts documents are independent: build them on every core.
	type job struct {
		id, loc string
		doc     *document
		err     error
	}
	var jobs []*job
	for _, id := range cfg.MarketIDs() {
		m, _ := cfg.Market(id)
		for _, loc := range m.Locales {
			jobs = append(jobs, &job{id: id, loc: loc})
		}
	}
	next := make(chan *job)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for j := range next {
				var f *Facts
				var b []byte
				if f, j.err = buildFacts(cfg, snap.hash, j.id, j.loc); j.err == nil {
					if b, j.err = encode(f); j.err == nil {
						j.doc = newDocument(b)
					}
				}
			}
		})
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
	for _, id := range cfg.MarketIDs() {
		m, _ := cfg.Market(id)
		im := IndexMarket{ID: id, Name: m.Name, Path: m.Path, DefaultLocale: m.DefaultLocale, Locales: []IndexLocale{}}
		for _, j := range jobs {
			if j.id != id {
				continue
			}
			if j.err != nil {
				return nil, j.err
			}
			p := FactsPath(id, j.loc)
			snap.docs[p] = j.doc
			im.Locales = append(im.Locales, IndexLocale{Locale: j.loc, Link: Link{Href: p, ETag: j.doc.tag}})
		}
		idx.Markets = append(idx.Markets, im)
	}
	b, err := encode(&idx)
	if err != nil {
		return nil, err
	}
	snap.docs[PathIndex] = newDocument(b)
	return snap, nil
}

// encode writes v as indented JSON with a final newline, without HTML
// escaping (the documents are data, never inlined into HTML).
func encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Tag returns the strong entity-tag of a document body, quoted as in the
// ETag header: the first 16 bytes of its SHA-256 in hex. The gzip
// representation's tag is the same with "-gzip" before the closing quote.
func Tag(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:16]) + `"`
}

// schemaDocument is the schema's document, the same in every version.
var schemaDocument = sync.OnceValue(func() *document { return newDocument(schemaJSON) })

func newDocument(body []byte) *document {
	var zb bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&zb, gzip.DefaultCompression) // a valid level: no error
	zw.Write(body)
	zw.Close()
	tag := Tag(body)
	tagGz := tag[:len(tag)-1] + `-gzip"`
	return &document{
		body: body, gz: zb.Bytes(), tag: tag, tagGz: tagGz,
		etag: []string{tag}, etagGz: []string{tagGz},
		length: []string{strconv.Itoa(len(body))}, lengthGz: []string{strconv.Itoa(zb.Len())},
	}
}

func versionOf(cfg *store.Config) string {
	if cfg == nil {
		return ""
	}
	return cfg.Version
}
