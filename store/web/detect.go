package web

import (
	"bytes"
	"net/http"
	"net/netip"
	"strings"
	"sync"
)

// Geolocation header names of common CDNs, for Options.GeoHeader. A CDN
// writes its header on every request it forwards, replacing what the
// client sent, so the header is believed only on requests whose TCP peer
// is one of Options.TrustedProxies; from anyone else it is ignored.
// Values that are not ISO 3166-1 alpha-2 codes of a known country mean
// "unknown": Cloudflare's XX (no data) and T1 (Tor), App Engine's ZZ,
// blanks, and anything else.
const (
	// GeoCloudflare is Cloudflare's CF-IPCountry (enable "IP Geolocation").
	GeoCloudflare = "CF-IPCountry"
	// GeoCloudFront is Amazon CloudFront's CloudFront-Viewer-Country
	// (add it to the origin request policy).
	GeoCloudFront = "CloudFront-Viewer-Country"
	// GeoFastly is the header a Fastly service sets from
	// client.geo.country_code (Fastly sends none by default; add
	// `set req.http.X-Fastly-Country-Code = client.geo.country_code;` to
	// vcl_recv).
	GeoFastly = "X-Fastly-Country-Code"
	// GeoVercel is Vercel's X-Vercel-IP-Country.
	GeoVercel = "X-Vercel-IP-Country"
	// GeoAppEngine is Google App Engine's X-AppEngine-Country (ZZ when unknown).
	GeoAppEngine = "X-AppEngine-Country"
)

// Subdivision headers of the same CDNs, for Options.GeoRegionHeader: the
// ISO 3166-2 subdivision of the visitor's country without the country
// ("NY", "BY"), which picks among markets that split a country
// (Market.Subdivisions). Believed only from Options.TrustedProxies.
const (
	GeoCloudflareRegion = "CF-Region-Code" // with Cloudflare's "add visitor location headers" transform
	GeoCloudFrontRegion = "CloudFront-Viewer-Country-Region"
	GeoVercelRegion     = "X-Vercel-IP-Country-Region"
	GeoAppEngineRegion  = "X-AppEngine-Region"
)

// readMask records which request inputs a decision read, for Vary.
type readMask uint8

const (
	readCookie readMask = 1 << iota
	readGeo
	readAcceptLanguage
	readUserAgent
	readFetchMode
	readAccept
	readPurpose
	readGeoRegion
	readMaskAll = 1<<iota - 1
)

// varyNames returns the header names of a mask, in a fixed order.
func varyNames(m readMask, geo, geoRegion string) string {
	var b strings.Builder
	add := func(bit readMask, name string) {
		if m&bit == 0 {
			return
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(name)
	}
	add(readCookie, "Cookie")
	add(readGeo, geo)
	add(readGeoRegion, geoRegion)
	add(readAcceptLanguage, "Accept-Language")
	add(readUserAgent, "User-Agent")
	add(readFetchMode, "Sec-Fetch-Mode")
	add(readAccept, "Accept")
	add(readPurpose, "Sec-Purpose")
	return b.String()
}

// MaxCookieHeaderLength bounds the Cookie header bytes scanned for the
// preference cookies; a longer header is ignored as a whole.
const MaxCookieHeaderLength = 8192

// cookieValue returns the value of the first cookie called name in the
// request's Cookie headers, without allocating. It reads them as
// net/http's Request.Cookie does: quotes around the value are removed,
// and a pair whose value holds a byte outside the cookie-octet set of
// RFC 6265 as net/http widens it (a control, '"', ';', '\\' or non-ASCII)
// is skipped, so a later valid pair of the same name is found.
func cookieValue(h http.Header, name string) (string, bool) {
	lines := h["Cookie"]
	total := 0
	for _, l := range lines {
		total += len(l)
	}
	if total > MaxCookieHeaderLength {
		return "", false
	}
	for _, line := range lines {
		for line != "" {
			var part string
			part, line, _ = strings.Cut(line, ";")
			k, v, _ := strings.Cut(trimHTTPSpace(part), "=")
			if trimHTTPSpace(k) != name {
				continue
			}
			if len(v) > 1 && v[0] == '"' && v[len(v)-1] == '"' {
				v = v[1 : len(v)-1]
			}
			if !validCookieValue(v) {
				continue
			}
			return v, true
		}
	}
	return "", false
}

// trimHTTPSpace trims the ASCII white space of HTTP (space, tab, CR,
// LF) from both ends of s, as net/textproto.TrimString does; unlike
// strings.TrimSpace it leaves Unicode spaces alone.
func trimHTTPSpace(s string) string {
	for s != "" && isHTTPSpace(s[0]) {
		s = s[1:]
	}
	for s != "" && isHTTPSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

func isHTTPSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

// validCookieValue reports whether every byte of v may appear in a
// cookie value as net/http accepts it.
func validCookieValue(v string) bool {
	for i := 0; i < len(v); i++ {
		if b := v[i]; b < 0x20 || b >= 0x7f || b == '"' || b == ';' || b == '\\' {
			return false
		}
	}
	return true
}

// queryValue returns the raw (still escaped) value of the first key=value
// pair of a raw query, without allocating; present reports whether the
// key occurs at all, even without a value.
func queryValue(rawQuery, key string) (value string, present bool) {
	for rawQuery != "" {
		var pair string
		pair, rawQuery, _ = strings.Cut(rawQuery, "&")
		k, v, _ := strings.Cut(pair, "=")
		if k == key {
			return v, true
		}
	}
	return "", false
}

// crawlerTokens are lower-case substrings of the User-Agent of crawlers,
// link previewers, monitors and HTTP libraries. The list errs on the side
// of "crawler": a false positive costs a visitor a suggestion instead of
// a redirect, a false negative can trap a crawler in a redirect.
var crawlerTokens = [...]string{
	"bot", "crawl", "spider", "slurp", "mediapartners", "facebookexternalhit",
	"preview", "lighthouse", "headless", "curl", "wget", "python", "go-http-client",
	"java/", "okhttp", "libwww", "httpclient", "scrapy", "feedfetcher", "archiver",
	"monitor", "check", "fetch", "scan", "http.rb", "axios", "node-fetch", "postman",
}

// MaxUserAgentLength bounds the User-Agent bytes inspected; a longer one
// is treated as a crawler's.
const MaxUserAgentLength = 512

// IsCrawler reports whether a User-Agent looks like a crawler, a link
// previewer, a monitor or an HTTP library rather than a person's browser:
// empty, longer than MaxUserAgentLength, or containing (in any case) one
// of a fixed list of tokens such as "bot", "crawl", "spider", "preview",
// "headless", "curl". Crawlers are never redirected from "/" and never
// get a preference cookie.
func IsCrawler(ua string) bool {
	if ua == "" || len(ua) > MaxUserAgentLength {
		return true
	}
	var buf [MaxUserAgentLength]byte
	lower := buf[:len(ua)]
	for i := 0; i < len(ua); i++ {
		c := ua[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	idx := crawlerByFirst()
	for i, c := range lower {
		for _, tok := range idx[c] {
			if bytes.HasPrefix(lower[i:], tok) {
				return true
			}
		}
	}
	return false
}

// crawlerByFirst indexes crawlerTokens by their first byte, so that
// IsCrawler reads the User-Agent once. It is built on first use, not at
// import: only root redirects ask.
var crawlerByFirst = sync.OnceValue(func() *[256][][]byte {
	var idx [256][][]byte
	for _, t := range crawlerTokens {
		idx[t[0]] = append(idx[t[0]], []byte(t))
	}
	return &idx
})

// containsFold reports whether s contains the lower-case ASCII token tok,
// ignoring ASCII case, without allocating.
func containsFold(s, tok string) bool {
	n := len(tok)
	for i := 0; i+n <= len(s); i++ {
		j := 0
		for ; j < n; j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != tok[j] {
				break
			}
		}
		if j == n {
			return true
		}
	}
	return false
}

// navigation reports whether r is a real top-level navigation that may be
// redirected: Sec-Fetch-Mode: navigate when the browser sends it (and no
// Sec-Purpose prefetch), else a GET or HEAD whose Accept lists text/html.
func navigation(r *http.Request) (bool, readMask) {
	read := readFetchMode | readPurpose
	if p := r.Header["Sec-Purpose"]; len(p) > 0 && containsFold(p[0], "prefetch") {
		return false, read
	}
	if m := r.Header["Sec-Fetch-Mode"]; len(m) > 0 {
		return len(m) == 1 && m[0] == "navigate", read
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false, read
	}
	read |= readAccept
	for _, line := range r.Header["Accept"] {
		if acceptsHTML(line) {
			return true, read
		}
	}
	return false, read
}

// acceptsHTML reports whether an Accept header value lists text/html
// with a non-zero quality.
func acceptsHTML(v string) bool {
	if len(v) > 1024 {
		return false
	}
	for v != "" {
		var entry string
		entry, v, _ = strings.Cut(v, ",")
		typ, params, _ := strings.Cut(entry, ";")
		if !strings.EqualFold(strings.TrimSpace(typ), "text/html") {
			continue
		}
		q := ""
		for params != "" {
			var p string
			p, params, _ = strings.Cut(params, ";")
			k, val, _ := strings.Cut(p, "=")
			if strings.EqualFold(strings.TrimSpace(k), "q") {
				q = strings.TrimSpace(val)
			}
		}
		if q == "" || strings.Trim(strings.TrimPrefix(q, "0"), ".0") != "" {
			return true
		}
	}
	return false
}

// peer returns the TCP peer address of r (unmapped), or an invalid Addr.
func peer(r *http.Request) netip.Addr {
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		a, err := netip.ParseAddr(r.RemoteAddr)
		if err != nil {
			return netip.Addr{}
		}
		return a.Unmap()
	}
	return ap.Addr().Unmap()
}

// trusted reports whether r's TCP peer is one of the trusted proxies.
func (h *Handler) trusted(r *http.Request) bool {
	if len(h.proxies) == 0 {
		return false
	}
	a := peer(r)
	if !a.IsValid() {
		return false
	}
	for _, p := range h.proxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// geoCountry returns the country of the trusted geolocation header, if
// any; read reports whether the header was consulted.
func (h *Handler) geoCountry(r *http.Request) (country string, read bool) {
	if h.geo == "" || !h.trusted(r) {
		return "", false
	}
	v := r.Header[h.geo]
	if len(v) != 1 {
		return "", true
	}
	c, ok := countryCode(v[0])
	if !ok {
		return "", true
	}
	return c, true
}

// decision is the outcome of detection on "/".
type decision struct {
	m      *market
	source Source
	read   readMask
}

// detect runs the detection chain for the root of table t: the
// ?market= query, the preference cookie, the trusted geolocation header,
// the region of the best Accept-Language match, the default market.
func (h *Handler) detect(r *http.Request, t *table) decision {
	var d decision
	if v, ok := queryValue(r.URL.RawQuery, "market"); ok {
		if m := t.market(v); m != nil {
			return decision{m: m, source: FromQuery}
		}
	}
	d.read |= readCookie
	if v, ok := cookieValue(r.Header, h.cookie); ok {
		if m := t.market(v); m != nil {
			d.m, d.source = m, FromCookie
			return d
		}
	}
	c, read := h.geoCountry(r)
	if read {
		d.read |= readGeo
	}
	if m := t.byCountry[c]; c != "" && m != nil {
		if h.geoRegion != "" {
			d.read |= readGeoRegion
			if sm := t.bySubdivision(c, r.Header[h.geoRegion]); sm != nil {
				m = sm
			}
		}
		d.m, d.source = m, FromGeo
		return d
	}
	d.read |= readAcceptLanguage
	if al := r.Header["Accept-Language"]; len(al) == 1 {
		tag := t.langs.Match("", al[0])
		if i := t.langIndex[tag]; i > 0 {
			d.m, d.source = t.langOwner[i], FromAcceptLanguage
			return d
		}
	}
	d.m, d.source = t.def, FromDefault
	return d
}

// bySubdivision returns the market of t restricted to the subdivision
// country-region (one header value of 1 to 3 ASCII letters or digits),
// or nil; it does not allocate.
func (t *table) bySubdivision(country string, values []string) *market {
	if len(values) != 1 || len(t.bySub) == 0 {
		return nil
	}
	v := values[0]
	if len(v) < 1 || len(v) > 3 {
		return nil
	}
	var buf [6]byte
	n := copy(buf[:], country)
	buf[n] = '-'
	n++
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		case 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		default:
			return nil
		}
		buf[n] = c
		n++
	}
	return t.bySub[string(buf[:n])]
}

// market returns the market of t with the given ID, or nil; the ID is
// validated first, so garbage costs no map lookup.
func (t *table) market(id string) *market {
	if !validID(id) {
		return nil
	}
	return t.byID[id]
}
