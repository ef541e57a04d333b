package web

import (
	"net/http"
	"strings"
)

// serveSwitch is the country switcher: a POST with the form fields
// market (an ID), return (the local path of the current page) and
// optionally locale. It stores the choice in the preference cookies and
// answers 303 See Other to the same page in the chosen market when it
// exists there, else to the market's home. Cross-origin POSTs are
// refused (http.CrossOriginProtection) unless they come from one of the
// site's own origins (Site.Origins: a market's own host may post to the
// shared host's switcher), the body is limited to 4 KiB, and the target
// always passes LocalPath. The switcher offers the markets served on the
// request's host.
func (h *Handler) serveSwitch(w http.ResponseWriter, r *http.Request, s *Site) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if err := s.csrf.Check(r); err != nil {
		http.Error(w, "cross-origin request refused", http.StatusForbidden)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxSwitchBody)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	t := s.tableFor(r.Host)
	m := t.market(r.PostForm.Get("market"))
	if m == nil {
		http.Error(w, "unknown market", http.StatusBadRequest)
		return
	}
	k := 0
	chosenLocale := ""
	if v := r.PostForm.Get("locale"); validTagText(v) {
		tag := m.matcher.Match(v, "")
		for i, l := range m.Locales {
			if l == tag {
				k = i
				chosenLocale = l.String()
			}
		}
	}
	viaHost := m == t.root && t != s.shared
	target := m.pagePath(k, "/", viaHost)
	if ret := r.PostForm.Get("return"); LocalPath(ret) {
		path, query, _ := strings.Cut(ret, "?")
		path, _, _ = strings.Cut(path, "#")
		query, _, _ = strings.Cut(query, "#")
		page := path
		if old := t.lookup(path); old != nil {
			if !(old == t.root && t != s.shared) {
				page = path[len(old.Prefix):]
			}
			page = old.stripLocale(page)
		}
		if page != "" && page != "/" && (h.pageExists == nil || h.pageExists(m.ID, page)) {
			target = m.pagePath(k, page, viaHost)
			if query != "" {
				target += "?" + query
			}
		}
	}
	if !LocalPath(target) {
		target = m.pagePath(0, "/", viaHost)
	}
	if !IsCrawler(r.UserAgent()) {
		h.setPreference(w, r, h.cookie, m.ID)
		if chosenLocale != "" {
			h.setPreference(w, r, h.localeCk, chosenLocale)
		}
	}
	h.redirect(w, r, target, http.StatusSeeOther)
}

// stripLocale removes a leading locale segment of m from a market-relative page.
func (m *market) stripLocale(page string) string {
	if len(m.Locales) < 2 || len(page) < 2 {
		return page
	}
	seg, _, _ := strings.Cut(page[1:], "/")
	for i, ls := range m.localeSeg {
		if i > 0 && ls == seg && len(page) > len(seg)+1 {
			return page[1+len(seg):]
		}
	}
	return page
}

// setPreference writes a host-wide preference cookie: Path=/ so that "/"
// and every market see it, HttpOnly, SameSite=Lax, Secure on TLS, with
// the configured lifetime.
func (h *Handler) setPreference(w http.ResponseWriter, r *http.Request, name, value string) {
	http.SetCookie(w, &http.Cookie{
		Name: name, Value: value, Path: "/", MaxAge: int(h.maxAge.Seconds()),
		HttpOnly: true, Secure: h.secure(r), SameSite: http.SameSiteLaxMode,
	})
}
