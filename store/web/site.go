package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/locale"
)

// Limits on configuration values; NewSite refuses longer ones.
const (
	// MaxIDLength is the longest market ID, in bytes. IDs are what the
	// preference cookie holds, so the bound also bounds that cookie.
	MaxIDLength = 32
	// MaxPrefixSegments is the most path segments a market prefix may
	// have ("/us/es" has two).
	MaxPrefixSegments = 4
)

// Config is what the web layer needs to know about a set of markets. It
// is a plain value that tests can write as a literal; SiteFromStore (or
// the host) builds it from the store configuration. NewSite checks it and
// compiles it into an immutable *Site.
type Config struct {
	// Markets in order of preference: when two markets serve the same
	// country or the same language-region, the first wins detection and
	// hreflang.
	Markets []Market
	// Groups name the root policy of sets of markets. A market whose
	// Group is "" belongs to the implicit default group, whose policy is
	// Suggest.
	Groups []Group
	// Default is the ID of the market used when detection finds nothing
	// on the shared host. It must be served there (have a Prefix).
	Default string
	// BaseURL is the scheme and host of the shared domain
	// ("https://shop.example"), used for absolute canonical and hreflang
	// URLs and as the trusted origin of the switcher. Required when a
	// market has no Host; its path must be empty or "/". Never taken from
	// the request's Host header, which a client controls.
	BaseURL string
}

// Group is a named set of markets sharing a root policy.
type Group struct {
	ID   string
	Root RootPolicy
}

// Market is the web layer's view of one market.
type Market struct {
	// ID is lower-case ASCII letters, digits and hyphens, starting with a
	// letter or digit, at most MaxIDLength bytes.
	ID string
	// Prefix is the URL path prefix, "/" followed by one to
	// MaxPrefixSegments segments of lower-case letters, digits and
	// hyphens ("/de", "/fr-ch", "/us/es"), unique among all markets. It
	// may be "" only for a market with a Host of its own.
	Prefix string
	// Host optionally binds the market to one host name (lower case, no
	// port). When it is the only market of that host, it owns every path
	// there ("https://shop.example.ch/p/mug", its canonical URLs);
	// markets sharing a host are routed there by prefix. A host-bound
	// market with a Prefix is also served under that prefix on the shared
	// host (every host that no market names), so links from the shared
	// domain work; markets without Host are served only there.
	Host string
	// Countries are the ISO 3166-1 alpha-2 codes the market serves (any
	// ASCII case; stored upper case). Geolocation picks the first market
	// serving the visitor's country.
	Countries []string
	// Subdivisions optionally restrict the market to ISO 3166-2
	// subdivisions of its countries ("US-NY", "US-NJ"; any ASCII case,
	// stored upper case): with Options.GeoRegionHeader, a visitor from
	// one of them is detected as this market rather than the country's
	// first. US-East and US-West are two markets of one country.
	Subdivisions []string
	// Locales are the supported locales, the default first. A locale may
	// be chosen with a path segment after the prefix ("/ch/fr/…"): its
	// lower-case base language when no other locale of the market shares
	// it, else its lower-case tag ("/ca/fr-ca/…").
	Locales []language.Tag
	// Group is the ID of the market's group ("" = default group).
	Group string
	// TimeZone is the zone maintenance windows are read in; nil is UTC.
	TimeZone *time.Location
	// Maintenance lists recurring maintenance windows in TimeZone.
	Maintenance []Window
	// MaintenanceOn is the operator switch: the market is in maintenance
	// until the configuration says otherwise.
	MaintenanceOn bool
	// Origin is "" when this process serves the market, or the absolute
	// http(s) URL of the instance that does; requests are then forwarded
	// there with their path (prefix included) unchanged.
	Origin string
}

// CookiePath is the Path attribute for cookies that belong to this market
// only (cart, session, checkout): the prefix followed by "/", or "/" for a
// host-bound market without prefix. The preference cookie written by the
// switcher is the one host-wide cookie (Path=/).
func (m Market) CookiePath() string { return m.Prefix + "/" }

// Window is a recurring maintenance window in a market's time zone, in
// wall-clock time: "02:00"–"04:00" means two hours on an ordinary day,
// one hour on the day clocks spring forward across 02:00–03:00 (02:00
// does not exist, so the window opens at 03:00), and three hours on the
// day they fall back (04:00 comes an hour later).
type Window struct {
	// Weekdays are the days on which the window starts; empty means every day.
	Weekdays []time.Weekday
	// Start and End are "HH:MM" in 24-hour time. An End not after Start
	// ends the window on the next day ("23:00"–"01:00").
	Start, End string
}

// Site is a checked, compiled configuration: the routing tables,
// detection data, formatters and matchers of every market. It is
// immutable and safe for concurrent use; a configuration reload builds a
// new Site and publishes it (see Options.Site), while requests in flight
// keep the one they loaded. Methods of a nil *Site panic with
// "web: nil *Site".
type Site struct {
	markets []*market
	byID    map[string]*market
	hosts   map[string]*table // host-bound tables
	shared  *table            // markets without Host
	base    *url.URL
	scheme  string
	def     *market
	csrf    *http.CrossOriginProtection // trusts the site's own origins
}

// market is a compiled Market.
type market struct {
	Market
	index      int
	root       RootPolicy
	origin     *url.URL
	windows    []window
	matcher    *locale.Matcher
	formatters []*locale.Formatter
	localeSeg  []string        // path segment per locale
	home       string          // prefix + "/"
	base       string          // scheme://host of the market's canonical pages
	hostRoot   bool            // the only market of its Host: owns every path there
	sel        [][2]*Selection // reached by prefix, [locale][locale segment in path]
	selHost    [][2]*Selection // reached as the root of its host

}

// NewSite checks cfg and compiles it. It reports every problem it finds,
// joined with errors.Join; each is an *Error wrapping ErrInvalidConfig
// and naming the field ("markets[2].prefix"), the value and the reason.
// The configuration is copied: later changes to cfg do not affect the Site.
func NewSite(cfg Config) (*Site, error) {
	const op = "NewSite"
	var errs []error
	bad := func(field, value, reason string) {
		errs = append(errs, &Error{Op: op, Field: field, Value: value, Reason: reason, Err: ErrInvalidConfig})
	}
	s := &Site{byID: make(map[string]*market), hosts: make(map[string]*table)}
	groups := map[string]RootPolicy{"": Suggest}
	for i, g := range cfg.Groups {
		f := fmt.Sprintf("groups[%d]", i)
		if !validID(g.ID) {
			bad(f+".id", g.ID, "want lower-case letters, digits and hyphens, 1 to 32 bytes")
			continue
		}
		if _, dup := groups[g.ID]; dup {
			bad(f+".id", g.ID, "duplicate group")
		}
		if !g.Root.IsValid() {
			bad(f+".root", g.Root.String(), "not a root policy")
		}
		groups[g.ID] = g.Root
	}
	anyShared := false // some market is served on the shared host
	for _, m := range cfg.Markets {
		if m.Host == "" || m.Prefix != "" {
			anyShared = true
		}
	}
	if cfg.BaseURL != "" || anyShared {
		u, err := url.Parse(cfg.BaseURL)
		switch {
		case cfg.BaseURL == "":
			bad("baseURL", "", "required when a market has no host")
		case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
			(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "":
			bad("baseURL", cfg.BaseURL, "want an absolute http or https URL with a host and no path, query or fragment")
		default:
			u.Path = ""
			u.Host = strings.ToLower(u.Host)
			s.base = u
			s.scheme = u.Scheme
		}
	}
	if s.scheme == "" {
		s.scheme = "https"
	}
	type hostPrefix struct{ host, prefix string }
	seen := map[hostPrefix]int{}
	perHost := map[string]int{}
	for _, m := range cfg.Markets {
		if m.Host != "" {
			perHost[m.Host]++
		}
	}
	for i, in := range cfg.Markets {
		f := fmt.Sprintf("markets[%d]", i)
		m := &market{Market: in, index: i}
		m.Countries = slices.Clone(in.Countries)
		m.Subdivisions = slices.Clone(in.Subdivisions)
		m.Locales = slices.Clone(in.Locales)
		m.Maintenance = slices.Clone(in.Maintenance)
		if !validID(m.ID) {
			bad(f+".id", m.ID, "want lower-case letters, digits and hyphens, 1 to 32 bytes")
		} else if j, dup := s.byID[m.ID]; dup {
			bad(f+".id", m.ID, fmt.Sprintf("duplicate of markets[%d]", j.index))
		} else {
			s.byID[m.ID] = m
		}
		if m.Host != "" && !validHost(m.Host) {
			bad(f+".host", m.Host, "want a lower-case host name without port")
		}
		if reason := checkPrefix(m.Prefix, m.Host != ""); reason != "" {
			bad(f+".prefix", m.Prefix, reason)
		} else if m.Prefix == "" && perHost[m.Host] > 1 {
			bad(f+".prefix", m.Prefix, "required: other markets share host "+m.Host)
		} else if j, dup := seen[hostPrefix{"", m.Prefix}]; dup && m.Prefix != "" {
			bad(f+".prefix", m.Prefix, fmt.Sprintf("duplicate of markets[%d]", j))
		} else {
			seen[hostPrefix{"", m.Prefix}] = i
		}
		m.hostRoot = m.Host != "" && perHost[m.Host] == 1
		if len(m.Countries) == 0 {
			bad(f+".countries", "", "at least one country is required")
		}
		for k, c := range m.Countries {
			up, ok := countryCode(c)
			if !ok {
				bad(fmt.Sprintf("%s.countries[%d]", f, k), c, "not an ISO 3166-1 alpha-2 country code")
				continue
			}
			m.Countries[k] = up
		}
		for k, sd := range m.Subdivisions {
			cc, rest, ok := strings.Cut(strings.ToUpper(sd), "-")
			if !ok || !slices.Contains(m.Countries, cc) || len(rest) < 1 || len(rest) > 3 || strings.Trim(rest, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != "" || sd != strings.TrimSpace(sd) {
				bad(fmt.Sprintf("%s.subdivisions[%d]", f, k), sd, "want an ISO 3166-2 code of one of the market's countries, such as US-NY")
				continue
			}
			m.Subdivisions[k] = cc + "-" + rest
		}
		if len(m.Locales) == 0 {
			bad(f+".locales", "", "at least one locale is required")
		}
		for k, t := range m.Locales {
			if t == language.Und {
				bad(fmt.Sprintf("%s.locales[%d]", f, k), t.String(), "undetermined locale")
				continue
			}
			if slices.Index(m.Locales, t) < k {
				bad(fmt.Sprintf("%s.locales[%d]", f, k), t.String(), "duplicate locale")
			}
			fm, err := locale.NewFormatter(t, nil)
			if err != nil {
				bad(fmt.Sprintf("%s.locales[%d]", f, k), t.String(), "no formatting data: "+err.Error())
			}
			m.formatters = append(m.formatters, fm)
		}
		if slices.ContainsFunc(m.Locales, func(t language.Tag) bool { return t == language.Und }) {
			m.Locales = nil
		}
		m.localeSeg = localeSegments(m.Locales)
		root, ok := groups[m.Group]
		if !ok {
			bad(f+".group", m.Group, "no such group")
		}
		m.root = root
		if m.TimeZone == nil {
			m.TimeZone = time.UTC
		}
		for k, w := range m.Maintenance {
			pw, reason := parseWindow(w)
			if reason != "" {
				bad(fmt.Sprintf("%s.maintenance[%d]", f, k), w.Start+"-"+w.End, reason)
				continue
			}
			m.windows = append(m.windows, pw)
		}
		if m.Origin != "" {
			u, err := url.Parse(m.Origin)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
				u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" {
				bad(f+".origin", m.Origin, "want an absolute http or https URL with a host and no user, query or fragment")
			} else {
				m.origin = u
			}
		}
		m.home = m.Prefix + "/"
		if m.Host != "" {
			m.base = s.scheme + "://" + m.Host
		} else if s.base != nil {
			m.base = s.base.String()
		}
		s.markets = append(s.markets, m)
	}
	if len(cfg.Markets) == 0 {
		bad("markets", "", "at least one market is required")
	}
	// A locale segment must not shadow another market's prefix.
	for _, m := range s.markets {
		for k, seg := range m.localeSeg {
			if k == 0 || m.Prefix == "" {
				continue // the default locale has no segment; a host root shadows nothing
			}
			p := m.Prefix + "/" + seg
			if j, clash := seen[hostPrefix{"", p}]; clash {
				bad(fmt.Sprintf("markets[%d].locales[%d]", m.index, k), m.Locales[k].String(),
					fmt.Sprintf("its path segment %q makes %s the prefix of markets[%d]", seg, p, j))
			}
		}
	}
	if d, ok := s.byID[cfg.Default]; !ok {
		if anyShared {
			bad("default", cfg.Default, "no such market")
		}
	} else if d.Prefix == "" {
		bad("default", cfg.Default, "the default market must be served on the shared host: it needs a prefix")
	} else {
		s.def = d
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	s.build()
	return s, nil
}

// Markets returns the IDs of the configured markets in configuration
// order, in a fresh slice.
func (s *Site) Markets() []string {
	s.check()
	out := make([]string, len(s.markets))
	for i, m := range s.markets {
		out[i] = m.ID
	}
	return out
}

// Market returns the configuration of the market with the given ID (with
// fresh slices the caller owns), and whether it exists.
func (s *Site) Market(id string) (Market, bool) {
	s.check()
	m, ok := s.byID[id]
	if !ok {
		return Market{}, false
	}
	return m.public(), true
}

// check panics early, with a clear message, on a nil *Site.
func (s *Site) check() {
	if s == nil {
		panic("web: nil *Site")
	}
}

// Origins returns the origins ("https://shop.example",
// "https://shop.example.ch") of the shared domain and of every market
// host, in a fresh slice: the allowlist of sign-in hand-off return_to
// URLs (handoff.ReceiverOptions.Origins) and of trusted cross-origin
// requests.
func (s *Site) Origins() []string {
	s.check()
	var out []string
	if s.base != nil {
		out = append(out, s.base.String())
	}
	for _, m := range s.markets {
		if m.Host != "" && !slices.Contains(out, m.base) {
			out = append(out, m.base)
		}
	}
	return out
}

// public returns a copy of the market's configuration the caller owns.
func (m *market) public() Market {
	c := m.Market
	c.Countries = slices.Clone(m.Countries)
	c.Subdivisions = slices.Clone(m.Subdivisions)
	c.Locales = slices.Clone(m.Locales)
	c.Maintenance = slices.Clone(m.Maintenance)
	for i := range c.Maintenance {
		c.Maintenance[i].Weekdays = slices.Clone(c.Maintenance[i].Weekdays)
	}
	return c
}

// build fills the derived tables of a checked site.
func (s *Site) build() {
	s.shared = newTable()
	for _, m := range s.markets {
		if m.Prefix != "" {
			s.shared.add(m, false)
		}
		if m.Host != "" {
			t := s.hosts[m.Host]
			if t == nil {
				t = newTable()
				s.hosts[m.Host] = t
			}
			t.add(m, m.hostRoot)
		}
		m.matcher = locale.NewMatcher(m.Locales)
		m.sel = make([][2]*Selection, len(m.Locales))
		m.selHost = make([][2]*Selection, len(m.Locales))
		for k := range m.Locales {
			for inPath := range 2 {
				seg := 0
				if inPath == 1 {
					seg = 1 + len(m.localeSeg[k])
				}
				m.sel[k][inPath] = &Selection{site: s, market: m, locale: k, source: FromPath, explicit: true, trim: len(m.Prefix) + seg}
				m.selHost[k][inPath] = &Selection{site: s, market: m, locale: k, source: FromHost, explicit: true, viaHost: true, trim: seg}
			}
		}
	}
	s.csrf = http.NewCrossOriginProtection()
	for _, o := range s.Origins() {
		// Origins are built from checked hosts, so this cannot fail.
		_ = s.csrf.AddTrustedOrigin(o)
	}
	s.shared.finish(s.def)
	for _, t := range s.hosts {
		t.finish(nil)
	}
}

// validID reports whether id is a valid market or group ID.
func validID(id string) bool {
	if id == "" || len(id) > MaxIDLength || id[0] == '-' {
		return false
	}
	for i := 0; i < len(id); i++ {
		if !segmentByte(id[i]) {
			return false
		}
	}
	return true
}

// segmentByte reports whether c may appear in an ID or prefix segment.
func segmentByte(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-'
}

// checkPrefix returns why p is not a valid prefix, or "".
func checkPrefix(p string, hasHost bool) string {
	if p == "" {
		if hasHost {
			return ""
		}
		return "required for a market without host"
	}
	if p[0] != '/' {
		return `want "/" followed by segments of lower-case letters, digits and hyphens`
	}
	segs := strings.Split(p[1:], "/")
	if len(segs) > MaxPrefixSegments {
		return fmt.Sprintf("more than %d segments", MaxPrefixSegments)
	}
	for _, seg := range segs {
		if !validID(seg) {
			return `want "/" followed by segments of lower-case letters, digits and hyphens`
		}
	}
	return ""
}

// validHost reports whether h is a lower-case host name without port.
func validHost(h string) bool {
	if h == "" || len(h) > 253 || h[0] == '.' || h[len(h)-1] == '.' || strings.Contains(h, "..") {
		return false
	}
	for i := 0; i < len(h); i++ {
		if !segmentByte(h[i]) && h[i] != '.' {
			return false
		}
	}
	return true
}

// countryCode validates and upper-cases an ISO 3166-1 alpha-2 code
// without allocating. It refuses anything but two ASCII letters of a
// known country (so "XX", "T1", "ZZ" and "" are unknown).
func countryCode(c string) (string, bool) {
	if len(c) != 2 || !asciiLetter(c[0]) || !asciiLetter(c[1]) {
		return "", false
	}
	info, ok := locale.CountryInfo(c)
	if !ok {
		return "", false
	}
	return info.Code, true
}

func asciiLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// localeSegments returns the path segment of each locale: the base
// language when unique within the list, else the whole tag, lower case.
func localeSegments(tags []language.Tag) []string {
	count := map[string]int{}
	for _, t := range tags {
		b, _ := t.Base()
		count[b.String()]++
	}
	out := make([]string, len(tags))
	for i, t := range tags {
		b, _ := t.Base()
		if count[b.String()] == 1 {
			out[i] = b.String()
		} else {
			out[i] = strings.ToLower(t.String())
		}
	}
	return out
}
