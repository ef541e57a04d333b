package web

import (
	"golang.org/x/text/language"
)

// Link is one hreflang alternate: a language-region code ("de-CH") or
// "x-default", and the absolute URL of the page in that market and locale.
type Link struct {
	Hreflang string
	URL      string
}

// Alternates are the SEO links of one page: the canonical URL of the page
// as served, and the hreflang alternates across every market and locale
// that sells it.
type Alternates struct {
	// Canonical is the page's URL in the market and locale asked for, or,
	// when an earlier market has the same language-region (a host-bound
	// twin of a path market), that market's URL: one canonical URL per
	// language-region, so duplicates never compete.
	Canonical string
	// Links has one entry per distinct language-region (the first market
	// in configuration order wins a duplicate), the page's own included,
	// then "x-default". The set is the same whichever alternate asks, so
	// every page lists itself and links back to each of the others.
	Links []Link
}

// Alternates returns the canonical URL and hreflang alternates of page, a
// market-relative local path without query ("/p/mug", "/" for a home
// page), as served in the given market and locale. sells reports whether
// a market sells the page (nil: all do). Codes are language-region:
// a locale without region gets its market's first country (en in a GB
// market is en-GB, never a bare "en" shared with the US). x-default is
// the page in the default market's default locale when it sells the page,
// else the first alternate: always a market URL that answers 200, never
// "/", which may redirect. Markets in maintenance are still listed.
func (s *Site) Alternates(marketID string, loc language.Tag, page string, sells func(marketID string) bool) (Alternates, error) {
	s.check()
	const op = "Site.Alternates"
	self, ok := s.byID[marketID]
	if !ok {
		return Alternates{}, &Error{Op: op, Field: "market", Value: marketID, Reason: "no such market", Err: ErrInvalidConfig}
	}
	if !LocalPath(page) || containsAny(page, "?#") {
		return Alternates{}, &Error{Op: op, Field: "page", Value: page, Reason: "want a local path without query or fragment", Err: ErrUnsafeRedirect}
	}
	k := -1
	for i, l := range self.Locales {
		if l == loc {
			k = i
		}
	}
	if k < 0 {
		return Alternates{}, &Error{Op: op, Field: "locale", Value: loc.String(), Reason: "not a locale of market " + marketID, Err: ErrInvalidConfig}
	}
	if self.base == "" {
		return Alternates{}, &Error{Op: op, Field: "baseURL", Value: "", Reason: "required for absolute URLs", Err: ErrInvalidConfig}
	}
	a := Alternates{Canonical: self.base + self.pagePath(k, page, self.hostRoot)}
	selfCode := regional(self.Locales[k], self).String()
	seen := map[string]bool{}
	xdefault := ""
	for _, m := range s.markets {
		if m.base == "" || (sells != nil && !sells(m.ID)) {
			continue
		}
		for i, l := range m.Locales {
			code := regional(l, m).String()
			if seen[code] {
				continue
			}
			seen[code] = true
			u := m.base + m.pagePath(i, page, m.hostRoot)
			a.Links = append(a.Links, Link{Hreflang: code, URL: u})
			if code == selfCode {
				a.Canonical = u // a later market repeating this language-region is a duplicate of this one
			}
			if i == 0 && m == s.def {
				xdefault = u
			}
		}
	}
	if len(a.Links) > 0 {
		if xdefault == "" {
			xdefault = a.Links[0].URL
		}
		a.Links = append(a.Links, Link{Hreflang: "x-default", URL: xdefault})
	}
	return a, nil
}

// Alternates is Site.Alternates for the selection's market and locale.
func (s *Selection) Alternates(page string, sells func(marketID string) bool) (Alternates, error) {
	s.check()
	return s.site.Alternates(s.market.ID, s.Locale(), page, sells)
}

func containsAny(s, chars string) bool {
	for i := 0; i < len(s); i++ {
		for j := 0; j < len(chars); j++ {
			if s[i] == chars[j] {
				return true
			}
		}
	}
	return false
}
