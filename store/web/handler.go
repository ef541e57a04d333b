package web

import (
	"errors"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// Defaults of Options.
const (
	DefaultCookie       = "market"
	DefaultLocaleCookie = "locale"
	DefaultCookieMaxAge = 180 * 24 * time.Hour
	MaxCookieMaxAge     = 400 * 24 * time.Hour // the most browsers keep a cookie
	DefaultSwitchPath   = "/_market"
	DefaultProxyTimeout = 30 * time.Second
	DefaultRetryAfter   = 5 * time.Minute
	loopCookie          = "market_hops"
	maxHops             = 3
	maxSwitchBody       = 4096
)

// Options configure a Handler. Only Site and Next are required.
type Options struct {
	// Site returns the current configuration; it is called once per
	// request, and a request uses the Site it got from start to end. An
	// atomic.Pointer[Site]'s Load method fits; a reload publishes a new
	// *Site from NewSite and affects new requests only.
	Site func() *Site
	// Next serves the pages of the markets this process serves (markets
	// without Origin), with the Selection in the request context (see
	// FromContext). If it implements MarketHandler, ServeMarket is
	// called instead, with the Selection as an argument.
	Next http.Handler
	// Root serves "/" when it is not redirected (the page with the market
	// suggestion); nil means Next.
	Root http.Handler
	// NotFound serves paths under no market prefix; nil means http.NotFound.
	// An unknown prefix is never routed to a guessed market.
	NotFound http.Handler
	// Maintenance writes the body of a market's 503 answer (status and
	// Retry-After are already set, as is the Selection in the context);
	// nil writes a short text.
	Maintenance http.Handler
	// OriginDown writes the body of the 502 or 504 answer when a
	// forwarded market's origin fails; nil writes a short text.
	OriginDown http.Handler
	// TrustedProxies are the addresses of the proxies (the CDN, the load
	// balancer) whose GeoHeader, X-Forwarded-For and X-Forwarded-Proto
	// are believed. Requests from any other peer are treated as coming
	// straight from the client.
	TrustedProxies []netip.Prefix
	// GeoHeader is the CDN's geolocation header (GeoCloudflare,
	// GeoCloudFront, …); "" disables geolocation.
	GeoHeader string
	// GeoRegionHeader is the CDN's subdivision header
	// (GeoCloudFrontRegion, …), read after a country was found to pick
	// among markets that split it; "" ignores subdivisions.
	GeoRegionHeader string
	// Cookie and LocaleCookie name the preference cookies (defaults
	// "market" and "locale"); CookieMaxAge is their lifetime (default 180
	// days, at most 400).
	Cookie, LocaleCookie string
	CookieMaxAge         time.Duration
	// SwitchPath is the switcher endpoint (default "/_market"); it must
	// start with "/_" so that it can never be a market prefix.
	SwitchPath string
	// PageExists reports whether a market-relative page ("/p/mug")
	// exists in a market; the switcher keeps the page when it does and
	// sends the visitor to the market's home otherwise. nil: every page
	// exists everywhere.
	PageExists func(marketID, page string) bool
	// Transport forwards requests to origins; nil means a transport with
	// a 5 s dial and TLS handshake timeout and ProxyTimeout for the
	// response header.
	Transport http.RoundTripper
	// ProxyTimeout bounds the wait for an origin's response header
	// (default 30 s) when Transport is nil.
	ProxyTimeout time.Duration
	// RetryAfter is the Retry-After of the operator maintenance switch,
	// whose end is unknown (default 5 minutes).
	RetryAfter time.Duration
	// Logger receives forwarding errors; nil discards them.
	Logger *slog.Logger
}

// Handler routes requests to markets: see the package documentation. It
// is safe for concurrent use. A nil *Handler panics with "web: nil
// *Handler".
type Handler struct {
	site       func() *Site
	next       http.Handler
	nextMarket MarketHandler
	rootMarket MarketHandler
	root       http.Handler
	notFound   http.Handler
	maint      http.Handler
	originDown http.Handler
	proxies    []netip.Prefix
	geo        string
	geoRegion  string
	cookie     string
	localeCk   string
	maxAge     time.Duration
	switchPath string
	pageExists func(string, string) bool
	transport  http.RoundTripper
	retryAfter time.Duration
	logger     *slog.Logger
	errorLog   *log.Logger
	vary       [readMaskAll + 1][]string
}

// New returns a Handler, or an *Error naming the first invalid option.
func New(o Options) (*Handler, error) {
	bad := func(field, value, reason string) (*Handler, error) {
		return nil, &Error{Op: "New", Field: field, Value: value, Reason: reason, Err: ErrInvalidConfig}
	}
	if o.Site == nil {
		return bad("Site", "", "required")
	}
	if o.Next == nil {
		return bad("Next", "", "required")
	}
	h := &Handler{
		site: o.Site, next: o.Next, root: o.Root, notFound: o.NotFound, maint: o.Maintenance,
		originDown: o.OriginDown, geo: http.CanonicalHeaderKey(o.GeoHeader), cookie: o.Cookie,
		localeCk: o.LocaleCookie, maxAge: o.CookieMaxAge, switchPath: o.SwitchPath,
		pageExists: o.PageExists, transport: o.Transport, retryAfter: o.RetryAfter, logger: o.Logger,
	}
	h.nextMarket, _ = o.Next.(MarketHandler)
	if h.root == nil {
		h.root = o.Next
	}
	h.rootMarket, _ = h.root.(MarketHandler)
	if h.notFound == nil {
		h.notFound = http.HandlerFunc(http.NotFound)
	}
	if h.maint == nil {
		h.maint = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			_, _ = w.Write([]byte("This shop is down for maintenance. Please come back soon.\n"))
		})
	}
	if h.originDown == nil {
		h.originDown = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			_, _ = w.Write([]byte("This shop is temporarily unavailable. Please try again in a moment.\n"))
		})
	}
	for i, p := range o.TrustedProxies {
		if !p.IsValid() {
			return bad("TrustedProxies["+strconv.Itoa(i)+"]", p.String(), "invalid prefix")
		}
		h.proxies = append(h.proxies, p.Masked())
	}
	if o.GeoHeader != "" && !validHeaderName(o.GeoHeader) {
		return bad("GeoHeader", o.GeoHeader, "not a header name")
	}
	if o.GeoRegionHeader != "" && (!validHeaderName(o.GeoRegionHeader) || o.GeoHeader == "") {
		return bad("GeoRegionHeader", o.GeoRegionHeader, "not a header name, or no GeoHeader")
	}
	h.geoRegion = http.CanonicalHeaderKey(o.GeoRegionHeader)
	if h.cookie == "" {
		h.cookie = DefaultCookie
	}
	if h.localeCk == "" {
		h.localeCk = DefaultLocaleCookie
	}
	for _, c := range [...]struct{ f, v string }{{"Cookie", h.cookie}, {"LocaleCookie", h.localeCk}} {
		if !validHeaderName(c.v) {
			return bad(c.f, c.v, "not a cookie name")
		}
	}
	switch {
	case h.maxAge == 0:
		h.maxAge = DefaultCookieMaxAge
	case h.maxAge < time.Minute || h.maxAge > MaxCookieMaxAge:
		return bad("CookieMaxAge", h.maxAge.String(), "want between 1 minute and 400 days")
	}
	if h.switchPath == "" {
		h.switchPath = DefaultSwitchPath
	}
	if !strings.HasPrefix(h.switchPath, "/_") || !LocalPath(h.switchPath) {
		return bad("SwitchPath", h.switchPath, `want a local path starting with "/_"`)
	}
	if h.retryAfter == 0 {
		h.retryAfter = DefaultRetryAfter
	}
	if h.retryAfter < 0 {
		return bad("RetryAfter", h.retryAfter.String(), "must not be negative")
	}
	if h.logger == nil {
		h.logger = slog.New(slog.DiscardHandler)
	}
	h.errorLog = slog.NewLogLogger(h.logger.Handler(), slog.LevelError)
	if h.transport == nil {
		timeout := o.ProxyTimeout
		if timeout == 0 {
			timeout = DefaultProxyTimeout
		}
		h.transport = &http.Transport{
			Proxy:                 nil,
			DialContext:           (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			TLSHandshakeTimeout:   5 * time.Second,
			ResponseHeaderTimeout: timeout,
			IdleConnTimeout:       90 * time.Second,
			MaxIdleConnsPerHost:   64,
			ForceAttemptHTTP2:     true,
		}
	}
	for m := range h.vary {
		if m != 0 {
			h.vary[m] = []string{varyNames(readMask(m), h.geo, h.geoRegion)}
		}
	}
	return h, nil
}

// validHeaderName reports whether s is a non-empty RFC 9110 token.
func validHeaderName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(asciiLetter(c) || '0' <= c && c <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0) {
			return false
		}
	}
	return true
}

// addVary adds the names of the inputs in m to the response's Vary.
func (h *Handler) addVary(w http.ResponseWriter, m readMask) {
	if m == 0 {
		return
	}
	hd := w.Header()
	if old := hd["Vary"]; len(old) > 0 {
		hd["Vary"] = append(old, h.vary[m][0])
		return
	}
	hd["Vary"] = h.vary[m] // shared, len == cap: an append copies
}

// ServeHTTP routes the request: the switcher endpoint; a market's pages
// (maintenance, forwarding, locale negotiation, then Next); the root
// page (detection, then redirect or suggestion); NotFound for the rest.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h == nil {
		panic("web: nil *Handler")
	}
	s := h.site()
	if s == nil {
		w.Header().Set("Retry-After", "5")
		http.Error(w, "no market configuration loaded", http.StatusServiceUnavailable)
		return
	}
	p := r.URL.EscapedPath()
	if p == "" {
		p = "/"
	}
	if p == h.switchPath {
		h.serveSwitch(w, r, s)
		return
	}
	t := s.tableFor(r.Host)
	m := t.lookup(p)
	if m == nil {
		if p == "/" {
			h.serveRoot(w, r, s, t)
			return
		}
		h.notFound.ServeHTTP(w, r)
		return
	}
	viaHost := m == t.root && t != s.shared
	rest := p
	if !viaHost {
		rest = p[len(m.Prefix):]
	}
	if rest == "" {
		// "/de" → "/de/": the market's one canonical home URL.
		h.redirect(w, r, withQuery(m.home, r.URL.RawQuery), permanentFor(r.Method))
		return
	}
	if !cleanPath(p) {
		h.notFound.ServeHTTP(w, r)
		return
	}
	if k := m.localeHome(rest); k > 0 {
		// "/ch/fr" → "/ch/fr/": the locale's home, as for a bare prefix.
		h.redirect(w, r, withQuery(p+"/", r.URL.RawQuery), permanentFor(r.Method))
		return
	}
	k, inPath, read := h.negotiate(r, m, rest)
	sel := m.sel[k][inPath]
	if viaHost {
		sel = m.selHost[k][inPath]
	}
	if m.MaintenanceOn || len(m.windows) > 0 { // time.Now costs tens of ns: only when needed
		if until, on := m.maintenance(time.Now()); on {
			h.serveMaintenance(w, r, sel, until)
			return
		}
	}
	if m.origin != nil {
		h.forward(w, r, m, viaHost)
		return
	}
	h.addVary(w, read)
	h.serve(w, r, sel)
}

func (h *Handler) serve(w http.ResponseWriter, r *http.Request, sel *Selection) {
	if h.nextMarket != nil {
		h.nextMarket.ServeMarket(w, r, sel)
		return
	}
	h.next.ServeHTTP(w, r.WithContext(NewContext(r.Context(), sel)))
}

// withQuery appends a request's raw query to a local path when the
// result still passes LocalPath (campaign parameters survive the
// redirect), and drops it otherwise.
func withQuery(path, rawQuery string) string {
	if rawQuery == "" {
		return path
	}
	if t := path + "?" + rawQuery; LocalPath(t) {
		return t
	}
	return path
}

func permanentFor(method string) int {
	if method == http.MethodGet || method == http.MethodHead {
		return http.StatusMovedPermanently
	}
	return http.StatusPermanentRedirect
}

// redirect sends a redirect to a local path, after LocalPath; a target
// that fails the check (which configuration-built targets never do) is a
// 404 rather than a redirect.
func (h *Handler) redirect(w http.ResponseWriter, r *http.Request, target string, code int) {
	if !LocalPath(target) {
		h.notFound.ServeHTTP(w, r)
		return
	}
	w.Header()["Location"] = []string{target}
	w.WriteHeader(code)
}

// negotiate picks the locale of a market page: the locale segment after
// the prefix, the ?lang= query, then (for markets with several locales)
// the locale cookie and Accept-Language, then the market default. read
// says which headers that consulted.
func (h *Handler) negotiate(r *http.Request, m *market, rest string) (k, inPath int, read readMask) {
	if len(m.Locales) == 1 {
		return 0, 0, 0
	}
	seg := rest[1:]
	if i := strings.IndexByte(seg, '/'); i >= 0 {
		seg = seg[:i]
	} else {
		seg = "" // "/ch/fr" without slash was redirected to "/ch/fr/"
	}
	if seg != "" {
		for i, ls := range m.localeSeg {
			if i > 0 && ls == seg {
				return i, 1, 0
			}
		}
	}
	if v, ok := queryValue(r.URL.RawQuery, "lang"); ok && validTagText(v) {
		if i := m.exactLocale(v); i >= 0 {
			return i, 0, 0
		}
	}
	explicit := ""
	if v, ok := cookieValue(r.Header, h.localeCk); ok && validTagText(v) {
		explicit = v
	}
	al := ""
	if v := r.Header["Accept-Language"]; len(v) == 1 {
		al = v[0]
	}
	tag := m.matcher.Match(explicit, al)
	for i, l := range m.Locales {
		if l == tag {
			return i, 0, readCookie | readAcceptLanguage
		}
	}
	return 0, 0, readCookie | readAcceptLanguage
}

// localeHome returns the index of the non-default locale whose segment
// is the whole of rest ("/fr"), or 0.
func (m *market) localeHome(rest string) int {
	if len(m.Locales) < 2 || len(rest) < 2 || strings.IndexByte(rest[1:], '/') >= 0 {
		return 0
	}
	for i, seg := range m.localeSeg {
		if i > 0 && seg == rest[1:] {
			return i
		}
	}
	return 0
}

// exactLocale returns the index of the locale whose segment or tag is v
// (any case), or -1.
func (m *market) exactLocale(v string) int {
	for i, l := range m.Locales {
		if strings.EqualFold(m.localeSeg[i], v) || strings.EqualFold(l.String(), v) {
			return i
		}
	}
	return -1
}

// validTagText reports whether v could be a language tag: 1 to 35 ASCII
// letters, digits, hyphens and underscores.
func validTagText(v string) bool {
	if v == "" || len(v) > 35 {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(asciiLetter(c) || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// serveMaintenance answers 503 with Retry-After and the host's page.
func (h *Handler) serveMaintenance(w http.ResponseWriter, r *http.Request, sel *Selection, until time.Time) {
	retry := h.retryAfter
	if !until.IsZero() {
		retry = time.Until(until)
	}
	secs := int64((retry + time.Second - 1) / time.Second)
	if secs < 1 {
		secs = 1
	}
	hd := w.Header()
	hd.Set("Retry-After", strconv.FormatInt(secs, 10))
	hd.Set("Cache-Control", "no-store")
	r = r.WithContext(NewContext(r.Context(), sel))
	w.WriteHeader(http.StatusServiceUnavailable)
	h.maint.ServeHTTP(w, r)
}

// serveRoot runs detection for "/" and redirects or suggests.
func (h *Handler) serveRoot(w http.ResponseWriter, r *http.Request, s *Site, t *table) {
	d := h.detect(r, t)
	read := d.read
	m := d.m
	if m == nil {
		h.notFound.ServeHTTP(w, r)
		return
	}
	_, escape := queryValue(r.URL.RawQuery, "market")
	if m.root == Redirect && !escape {
		read |= readUserAgent
		crawler := IsCrawler(r.UserAgent())
		nav := false
		if !crawler {
			var navRead readMask
			nav, navRead = navigation(r)
			read |= navRead
		}
		if nav {
			read |= readCookie
			hops := 0
			if v, ok := cookieValue(r.Header, loopCookie); ok && len(v) == 1 && v[0] >= '0' && v[0] <= '9' {
				hops = int(v[0] - '0')
			}
			_, down := m.maintenance(time.Now())
			if hops < maxHops && !down {
				h.addVary(w, read)
				http.SetCookie(w, &http.Cookie{Name: loopCookie, Value: strconv.Itoa(hops + 1), Path: "/",
					MaxAge: 30, HttpOnly: true, Secure: h.secure(r), SameSite: http.SameSiteLaxMode})
				h.redirect(w, r, withQuery(m.home, r.URL.RawQuery), http.StatusFound)
				return
			}
		}
	}
	k := 0
	if len(m.Locales) > 1 {
		read |= readAcceptLanguage
		if v := r.Header["Accept-Language"]; len(v) == 1 {
			tag := m.matcher.Match("", v[0])
			for i, l := range m.Locales {
				if l == tag {
					k = i
				}
			}
		}
	}
	h.addVary(w, read)
	sel := &Selection{site: s, market: m, locale: k, source: d.source}
	if m.root == Stay && t.def != nil {
		sel = &Selection{site: s, market: t.def, source: FromDefault}
	}
	if h.rootMarket != nil {
		h.rootMarket.ServeMarket(w, r, sel)
		return
	}
	h.root.ServeHTTP(w, r.WithContext(NewContext(r.Context(), sel)))
}

// secure reports whether the request came over TLS, directly or (from a
// trusted proxy) as X-Forwarded-Proto: https.
func (h *Handler) secure(r *http.Request) bool {
	if r.TLS != nil {
		return true
	}
	if v := r.Header["X-Forwarded-Proto"]; len(v) == 1 && h.trusted(r) {
		return strings.EqualFold(v[0], "https")
	}
	return false
}

// errOriginStatus picks 504 for timeouts and 502 for other origin errors.
func errOriginStatus(err error) int {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return http.StatusGatewayTimeout
	}
	return http.StatusBadGateway
}
