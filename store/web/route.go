package web

import (
	"strings"

	"github.com/marketkit/marketkit/store/web/internal/safepath"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/locale"
)

// table routes the paths of one host (or of every host without markets
// of its own) and holds the detection data of its markets.
type table struct {
	prefixes  map[string]*market // prefix without its leading "/"
	root      *market            // a host-bound market without prefix
	depth     int                // most segments of any prefix
	markets   []*market
	byID      map[string]*market
	byCountry map[string]*market
	bySub     map[string]*market // "US-NY" → the first market restricted to it
	langs     *locale.Matcher    // index 0 is language.Und: "no match"
	langOwner []*market          // market of each matcher entry
	langIndex map[language.Tag]int
	def       *market
}

func newTable() *table {
	return &table{prefixes: make(map[string]*market), byID: make(map[string]*market),
		byCountry: make(map[string]*market), bySub: make(map[string]*market)}
}

func (t *table) add(m *market, asRoot bool) {
	t.markets = append(t.markets, m)
	t.byID[m.ID] = m
	if asRoot || m.Prefix == "" {
		t.root = m
	} else {
		t.prefixes[m.Prefix[1:]] = m
		if d := strings.Count(m.Prefix, "/"); d > t.depth {
			t.depth = d
		}
	}
	for _, c := range m.Countries {
		if _, taken := t.byCountry[c]; !taken {
			t.byCountry[c] = m
		}
	}
	for _, sd := range m.Subdivisions {
		if _, taken := t.bySub[sd]; !taken {
			t.bySub[sd] = m
		}
	}
}

// finish builds the language matcher; def is the default market (nil: the
// table's first market).
func (t *table) finish(def *market) {
	if def == nil && len(t.markets) > 0 {
		def = t.markets[0]
	}
	t.def = def
	tags := []language.Tag{language.Und}
	owners := []*market{nil}
	seen := map[language.Tag]bool{}
	for _, m := range t.markets {
		for _, l := range m.Locales {
			tag := regional(l, m)
			if seen[tag] {
				continue
			}
			seen[tag] = true
			tags = append(tags, tag)
			owners = append(owners, m)
		}
	}
	t.langs = locale.NewMatcher(tags)
	t.langOwner = owners
	idx := make(map[language.Tag]int, len(tags))
	for i, tag := range tags {
		idx[tag] = i
	}
	t.langIndex = idx
}

// regional returns l with a region: its own, or the market's first country.
func regional(l language.Tag, m *market) language.Tag {
	if _, conf := l.Region(); conf == language.Exact {
		return l
	}
	if len(m.Countries) == 0 {
		return l
	}
	r, err := language.ParseRegion(m.Countries[0])
	if err != nil {
		return l
	}
	t, err := language.Compose(l, r)
	if err != nil {
		return l
	}
	return t
}

// lookup returns the market whose prefix is the longest whole-segment
// prefix of path (an escaped path starting with "/"), or the host's
// prefix-less market, or nil.
func (t *table) lookup(path string) *market {
	if t.depth > 0 && len(path) > 1 {
		var ends [MaxPrefixSegments]int
		n := 0
		for i := 1; i <= len(path) && n < t.depth; i++ {
			if i == len(path) || path[i] == '/' {
				ends[n] = i
				n++
			}
		}
		for k := n - 1; k >= 0; k-- {
			if m := t.prefixes[path[1:ends[k]]]; m != nil {
				return m
			}
		}
	}
	return t.root
}

// tableFor returns the routing table of a request host (as in
// Request.Host: any case, maybe with a port).
func (s *Site) tableFor(host string) *table {
	if len(s.hosts) == 0 {
		return s.shared
	}
	h := hostName(host)
	if t, ok := s.hosts[h]; ok {
		return t
	}
	if hasUpper(h) {
		if t, ok := s.hosts[strings.ToLower(h)]; ok {
			return t
		}
	}
	return s.shared
}

// hostName strips the port and a trailing dot from a Host header value.
func hostName(h string) string {
	if strings.HasPrefix(h, "[") {
		if i := strings.IndexByte(h, ']'); i > 0 {
			return h[:i+1]
		}
		return h
	}
	if i := strings.LastIndexByte(h, ':'); i >= 0 {
		h = h[:i]
	}
	return strings.TrimSuffix(h, ".")
}

func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// cleanPath reports whether p (starting with "/") has no empty, "." or
// ".." segment, except for one final empty segment (a trailing slash).
func cleanPath(p string) bool { return safepath.Clean(p) }

// Route returns the ID of the market that serves the given host and
// escaped path, and whether there is one. It is the routing the Handler
// uses: whole path segments, the longest configured prefix first
// ("/de-ch/x" is de-ch, "/dealer" is no market when only "/de" exists),
// host-bound markets only on their host.
func (s *Site) Route(host, escapedPath string) (string, bool) {
	s.check()
	if !strings.HasPrefix(escapedPath, "/") {
		return "", false
	}
	if m := s.tableFor(host).lookup(escapedPath); m != nil {
		return m.ID, true
	}
	return "", false
}
