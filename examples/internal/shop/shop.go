package shop

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/store"
	"github.com/marketkit/marketkit/store/web"
)

// Options configure a Server. Stores, Config, Site and Orders are
// required.
type Options struct {
	// Stores are the markets this process serves (every local market of a
	// shared process, or the one market of an isolated instance; none in
	// a front router that forwards every market).
	Stores *store.Stores
	// Config returns the configuration being served ((*store.Cache).Config
	// or a fixed one). It names every market, also those served
	// elsewhere, so that the switcher and the hreflang alternates list
	// them all.
	Config func() *store.Config
	// Site returns the web layer's compiled configuration (web.StoreSite).
	Site func() *web.Site
	// Orders keeps the placed orders, each market in its own database.
	Orders store.OrderStore
	// CartKey signs the cart and order cookies (at least 32 bytes; each
	// kind signs with its own prefix). Instances that serve the same
	// market behind one load balancer share it.
	CartKey []byte
	// Health reports the configuration cache ((*store.Cache).Health); nil
	// for a fixed configuration.
	Health func() store.Health
	// Build names the program version in /healthz and build_info.
	Build string
	// Logger receives one record per request and errors; nil logs nothing.
	Logger *slog.Logger
	// Now is the clock (nil: time.Now).
	Now func() time.Time
	// Transport forwards requests to isolated instances (nil: the web
	// package's default).
	Transport http.RoundTripper
}

// Server is the storefront: pages, cart, checkout, /healthz and /metrics.
type Server struct {
	opts    Options
	build   string
	log     *slog.Logger
	cart    cartCodec
	orders  ordersCodec
	metrics *metrics
	web     *web.Handler
	pages   map[string]*pageTemplate
	frags   *template.Template
	fragMu  sync.Mutex
	fragSet *web.Site // the configuration the cached fragments belong to
	fragMap map[fragKey]template.HTML
	urlMap  map[fragKey]string // canonical URLs, cached like the fragments
	started time.Time

	sellsCache atomic.Pointer[sellsTable]
	pctFmt     sync.Map // language.Tag → *locale.Formatter with percent fraction digits
	homes      sync.Map // market ID → home
	bufs       sync.Pool
}

// New returns a Server. It parses every template, so a template error
// stops start-up.
func New(o Options) (*Server, error) {
	if o.Stores == nil || o.Config == nil || o.Site == nil || o.Orders == nil {
		return nil, errors.New("shop: New: Stores, Config, Site and Orders are required")
	}
	if len(o.CartKey) < 32 {
		return nil, errors.New("shop: New: CartKey must have at least 32 bytes")
	}
	s := &Server{opts: o, build: o.Build, log: o.Logger, cart: cartCodec{key: bytes.Clone(o.CartKey)}, orders: ordersCodec{key: bytes.Clone(o.CartKey)}, started: time.Now()}
	if s.build == "" {
		s.build = "dev"
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	s.bufs.New = func() any { return new(bytes.Buffer) }
	var err error
	if s.pages, err = parseTemplates(); err != nil {
		return nil, err
	}
	if s.frags, err = parseFragments(); err != nil {
		return nil, err
	}
	s.metrics = newMetrics(s)
	s.web, err = web.New(web.Options{
		Site:        o.Site,
		Next:        s,
		Root:        http.HandlerFunc(s.serveRoot),
		NotFound:    http.HandlerFunc(s.serveNotFound),
		Maintenance: http.HandlerFunc(s.serveMaintenance),
		PageExists:  s.pageExists,
		Transport:   o.Transport,
		Logger:      s.log,
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Handler returns the server's HTTP handler: /healthz, /metrics and
// /_static/ first, every other path through the web layer (markets,
// detection, switcher, maintenance, forwarding), all of it logged and
// counted. State-changing requests are refused cross-origin.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.serveHealth)
	mux.Handle("GET /metrics", s.metrics.handler())
	mux.HandleFunc("GET /_static/style.css", serveCSS)
	mux.Handle("/", s.web)
	csrf := http.NewCrossOriginProtection()
	return s.observe(csrf.Handler(mux))
}

// statusWriter records the status and size of a response.
type statusWriter struct {
	http.ResponseWriter
	code  int
	bytes int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the connection (flushes
// while forwarding).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// observe logs every request with slog and counts it by market and status.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if sw.code == 0 {
			sw.code = http.StatusOK
		}
		d := time.Since(start)
		market, _ := s.opts.Site().Route(r.Host, r.URL.EscapedPath())
		s.metrics.requests.WithLabelValues(market, statusText(sw.code)).Inc()
		s.metrics.duration.WithLabelValues(market).Observe(d.Seconds())
		lvl := slog.LevelInfo
		if sw.code >= 500 {
			lvl = slog.LevelError
		} else if sw.code >= 400 {
			lvl = slog.LevelWarn
		}
		ctx := r.Context()
		if !s.log.Enabled(ctx, lvl) {
			return
		}
		s.log.LogAttrs(ctx, lvl, "request",
			slog.String("method", r.Method), slog.Any("url", r.URL), slog.String("market", market),
			slog.Int("status", sw.code), slog.Int("bytes", sw.bytes), slog.Duration("duration", d))
	})
}

// statusText is the code label of a status: strconv caches the small
// integers, so this does not allocate.
func statusText(c int) string { return strconv.Itoa(c) }

// ServeMarket serves the pages of a market this process serves; the web
// layer has already routed, negotiated the locale and checked
// maintenance.
func (s *Server) ServeMarket(w http.ResponseWriter, r *http.Request, sel *web.Selection) {
	st, ok := s.opts.Stores.Store(sel.MarketID())
	if !ok {
		s.notFound(w, r, sel)
		return
	}
	rest := sel.Rest(r)
	switch {
	case rest == "/" || strings.HasPrefix(rest, "/c/"):
		s.serveListing(w, r, sel, st, strings.TrimPrefix(strings.TrimPrefix(rest, "/"), "c/"))
	case strings.HasPrefix(rest, "/p/"):
		s.serveProduct(w, r, sel, st, rest[len("/p/"):])
	case rest == "/cart":
		s.serveCart(w, r, sel, st)
	case rest == "/checkout":
		s.serveCheckout(w, r, sel, st)
	case strings.HasPrefix(rest, "/orders/"):
		s.serveOrder(w, r, sel, st, rest[len("/orders/"):])
	default:
		s.notFound(w, r, sel)
	}
}

// ServeHTTP serves requests that reach the server without a Selection
// (never through the web layer); they are not found.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if sel, ok := web.FromContext(r.Context()); ok {
		s.ServeMarket(w, r, sel)
		return
	}
	s.serveNotFound(w, r)
}

// sellsTable says which products each market sells, from the catalog's
// availability rules and each market's catalog rules: what the hreflang
// alternates and the switcher need about markets served elsewhere, known
// without their prices or databases.
type sellsTable struct {
	cfg   *store.Config
	sells map[string]map[string]bool // market → product → sold
}

func (s *Server) sells() *sellsTable {
	cfg := s.opts.Config()
	if t := s.sellsCache.Load(); t != nil && t.cfg == cfg {
		return t
	}
	t := &sellsTable{cfg: cfg, sells: map[string]map[string]bool{}}
	var st *store.Store
	for _, id := range s.opts.Stores.IDs() {
		if st, _ = s.opts.Stores.Store(id); st != nil {
			break
		}
	}
	if st != nil {
		view := store.NewCatalogView(st.Index().Catalog(), cfg)
		now := s.now()
		for _, id := range cfg.MarketIDs() {
			m, _ := cfg.Market(id)
			set := map[string]bool{}
			_ = view.Products(m, now, func(p store.CheckedProduct) bool { set[p.ID] = true; return true })
			t.sells[id] = set
		}
	}
	s.sellsCache.Store(t)
	return t
}

// pageExists tells the switcher whether a market-relative page exists in
// a market: product pages where the market sells the product, every other
// page everywhere.
func (s *Server) pageExists(market, page string) bool {
	if id, ok := strings.CutPrefix(page, "/p/"); ok {
		t := s.sells()
		if set, ok := t.sells[market]; ok {
			return set[id]
		}
	}
	return true
}

// percentFormatter returns a formatter for tag that shows tax rates with
// their fraction digits (8.1 %, not 8 %).
func (s *Server) percentFormatter(tag language.Tag) *locale.Formatter {
	if f, ok := s.pctFmt.Load(tag); ok {
		return f.(*locale.Formatter)
	}
	f, err := locale.NewFormatter(tag, &locale.FormatOptions{PercentFraction: locale.Fraction(0, 3)})
	if err != nil {
		return nil
	}
	s.pctFmt.Store(tag, f)
	return f
}

// newKey returns a random idempotency key for a checkout.
func newKey() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// contextWithoutCancel keeps a placed order from being abandoned halfway
// when the client disconnects.
func contextWithoutCancel(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
}

// fragKey names a cached fragment. Fragments depend only on the
// configuration version (site), the market, the locale and the page, never
// on the request, the cart or the query.
type fragKey struct {
	site   *web.Site
	kind   string
	market string
	tag    language.Tag
	page   string
}

// maxFragments bounds the fragment cache (markets × locales × categories
// of one configuration fit many times).
const maxFragments = 4096

// fragment returns the fragment of key, rendering the template name over
// data() on a miss. The cache is dropped when the configuration changes
// or when it is full.
func (s *Server) fragment(key fragKey, name string, data func() any) template.HTML {
	s.fragMu.Lock()
	s.resetFragments(key.site)
	h, ok := s.fragMap[key]
	s.fragMu.Unlock()
	if ok {
		return h
	}
	var b bytes.Buffer
	if err := s.frags.ExecuteTemplate(&b, name, data()); err != nil {
		s.log.Error("fragment", "name", name, "error", err)
		return ""
	}
	// The fragment is html/template's own output (escaped when it was
	// rendered), not data: it is safe to insert as HTML.
	h = template.HTML(b.String())
	s.fragMu.Lock()
	if s.fragSet == key.site {
		s.fragMap[key] = h
	}
	s.fragMu.Unlock()
	return h
}

// resetFragments drops the cached fragments and URLs when they belong to
// another configuration than site or when either cache is full. The
// caller holds fragMu.
func (s *Server) resetFragments(site *web.Site) {
	if s.fragSet != site || len(s.fragMap) >= maxFragments || len(s.urlMap) >= maxFragments {
		s.fragSet, s.fragMap, s.urlMap = site, map[fragKey]template.HTML{}, map[fragKey]string{}
	}
}

// canonicalURL returns the canonical URL of the market-relative page rel
// as sel serves it (web.Alternates' Canonical), or "" when the web layer
// has none.
func (s *Server) canonicalURL(sel *web.Selection, rel string) string {
	key := fragKey{site: sel.Site(), kind: "canonical", market: sel.MarketID(), tag: sel.Locale(), page: rel}
	s.fragMu.Lock()
	s.resetFragments(key.site)
	u, ok := s.urlMap[key]
	s.fragMu.Unlock()
	if ok {
		return u
	}
	a, err := sel.Alternates(rel, nil)
	if err != nil {
		return ""
	}
	s.fragMu.Lock()
	if s.fragSet == key.site {
		s.urlMap[key] = a.Canonical
	}
	s.fragMu.Unlock()
	return a.Canonical
}
