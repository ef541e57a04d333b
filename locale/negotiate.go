package locale

import (
	"hash/maphash"
	"slices"
	"strings"
	"sync/atomic"

	"golang.org/x/text/language"
)

// MaxAcceptLanguageLength is the longest Accept-Language header
// [Matcher.Match] reads, in bytes; a longer one is ignored as a whole.
// Browsers send well under 200 bytes.
const MaxAcceptLanguageLength = 1024

// MaxAcceptLanguageEntries is the largest number of comma-separated
// entries [Matcher.Match] reads from an Accept-Language header; a header
// with more is ignored as a whole.
const MaxAcceptLanguageEntries = 32

// matchCacheSize is the number of slots of a Matcher's result cache; a
// power of two.
const matchCacheSize = 256

// Matcher negotiates the locale of a request among the locales a market
// supports. It is built once per market with NewMatcher; it is immutable
// apart from an internal result cache and safe for concurrent use by
// multiple goroutines.
//
// Matching uses the CLDR language matching data of
// golang.org/x/text/language (de-AT is served by de-DE, en-GB by en,
// pt-BR is not served by pt-PT). Because the same few headers arrive again
// and again, a Matcher remembers the results of the last distinct inputs
// (a direct-mapped cache of 256 entries holding at most 256 bounded
// headers): a repeated header costs one hash and two string comparisons
// instead of parsing, and no allocation. The result is the same with or
// without the cache; a header seen for the first time costs what x/text
// costs (about 2 µs and 15 allocations).
type Matcher struct {
	supported []language.Tag
	m         language.Matcher
	seed      maphash.Seed
	cache     [matchCacheSize]atomic.Pointer[matchEntry]
}

// matchEntry is one remembered negotiation.
type matchEntry struct {
	explicit, accept string
	index            int
}

// NewMatcher returns a Matcher for the supported locales, in order of
// preference: the first is the default, returned when nothing else
// matches. The slice is copied. With no supported locales, Match always
// returns language.Und.
func NewMatcher(supported []language.Tag) *Matcher {
	s := slices.Clone(supported)
	return &Matcher{
		supported: s,
		m:         language.NewMatcher(s),
		seed:      maphash.MakeSeed(),
	}
}

// Supported returns the supported locales as given to NewMatcher. The
// slice is freshly allocated and belongs to the caller.
func (m *Matcher) Supported() []language.Tag {
	m.check()
	return slices.Clone(m.supported)
}

// check panics with a clear message when m is nil, a programming error
// (a Matcher that was never built), rather than failing on a nil
// dereference inside.
func (m *Matcher) check() {
	if m == nil {
		panic("locale: nil *Matcher (make one with NewMatcher)")
	}
}

// Match returns the supported locale to serve a request in: always one of
// the tags given to NewMatcher, exactly as given (never a variant with
// -u-rg extensions).
//
// explicit is the visitor's explicit choice (a cookie or query parameter,
// "" when there is none). When it parses (see [Parse]) and matches a
// supported locale at all, that locale wins. Otherwise acceptLanguage, the
// Accept-Language header, is matched with its q-values: entries that do
// not parse are skipped, entries with q=0 are dropped, and a wildcard
// ("*") stands for the first supported locale, so entries ranked below it
// are not considered ("*;q=0.5,fr;q=0.1" gives the default, not a French
// locale). When neither
// matches, or the header is longer than MaxAcceptLanguageLength or has
// more than MaxAcceptLanguageEntries entries, Match returns the first
// supported locale. Match never panics on its input; a nil *Matcher
// panics with "locale: nil *Matcher".
func (m *Matcher) Match(explicit, acceptLanguage string) language.Tag {
	m.check()
	if len(m.supported) == 0 {
		return language.Und
	}
	if len(acceptLanguage) > MaxAcceptLanguageLength {
		acceptLanguage = "" // oversize: ignored as a whole
	}
	if len(explicit) > MaxTagLength {
		explicit = ""
	}
	h := maphash.String(m.seed, acceptLanguage) ^ maphash.String(m.seed, explicit)*0x9E3779B97F4A7C15
	slot := &m.cache[h&(matchCacheSize-1)]
	if e := slot.Load(); e != nil && e.accept == acceptLanguage && e.explicit == explicit {
		return m.supported[e.index]
	}
	i := m.match(explicit, acceptLanguage)
	slot.Store(&matchEntry{explicit: strings.Clone(explicit), accept: strings.Clone(acceptLanguage), index: i})
	return m.supported[i]
}

// match is Match without the cache: it returns the index of the
// negotiated supported locale.
func (m *Matcher) match(explicit, accept string) int {
	if explicit != "" {
		if t, err := Parse(explicit); err == nil {
			if _, i, c := m.m.Match(t); c != language.No {
				return i
			}
		}
	}
	tags := parseAccept(accept)
	if len(tags) == 0 {
		return 0
	}
	if _, i, c := m.m.Match(tags...); c != language.No {
		return i
	}
	return 0
}

// parseAccept returns the tags of an Accept-Language header, most
// preferred first. Parsing is x/text's; when the header as a whole does
// not parse, each entry is parsed on its own and the bad ones are
// skipped. It returns nil for a header over the length or entry bounds.
func parseAccept(s string) []language.Tag {
	if s == "" || len(s) > MaxAcceptLanguageLength || strings.Count(s, ",") >= MaxAcceptLanguageEntries {
		return nil
	}
	tags, _, err := language.ParseAcceptLanguage(s)
	if err == nil {
		return beforeWildcard(tags)
	}
	type weighted struct {
		tag language.Tag
		q   float32
	}
	var ws []weighted
	for entry := range strings.SplitSeq(s, ",") {
		t, q, err := language.ParseAcceptLanguage(entry)
		if err != nil || len(t) != 1 {
			continue
		}
		ws = append(ws, weighted{t[0], q[0]})
	}
	slices.SortStableFunc(ws, func(a, b weighted) int {
		switch {
		case a.q > b.q:
			return -1
		case a.q < b.q:
			return 1
		}
		return 0
	})
	tags = make([]language.Tag, len(ws))
	for i, w := range ws {
		tags[i] = w.tag
	}
	return beforeWildcard(tags)
}

// beforeWildcard returns the tags ranked above the first wildcard entry
// ("*", which x/text reads as mul). The wildcard accepts every language
// not listed, so every entry ranked below it loses to the default
// supported locale: "*;q=0.5,fr;q=0.1" asks for anything rather than
// French.
func beforeWildcard(tags []language.Tag) []language.Tag {
	for i, t := range tags {
		if base, _, _ := t.Raw(); base.String() == "mul" {
			return tags[:i]
		}
	}
	return tags
}
