package web

import (
	"log/slog"
	"net/http"
	"net/http/httputil"
	"strings"
)

// forward sends a request of a market with an Origin to that origin with
// httputil.ReverseProxy's Rewrite hook: SetURL (the path, prefix
// included, is appended to the origin's path — a request that reached a
// host-bound market at its host's root gets the prefix added, so the
// origin always sees the prefixed path; Host becomes the origin's and
// X-Forwarded-Host carries the public one),
// then SetXForwarded. Rewrite starts from a request already stripped of
// the client's X-Forwarded-* and Forwarded headers; only when the peer
// is a trusted proxy is its X-Forwarded-For chain kept (and appended to)
// and its X-Forwarded-Proto believed. X-Marketkit-Market names the
// market for the origin. When the origin fails, the answer is 502 (504
// on a timeout) with the OriginDown page.
func (h *Handler) forward(w http.ResponseWriter, r *http.Request, m *market, viaHost bool) {
	target := m.origin
	if viaHost && m.Prefix != "" {
		// Reached as its own host's root: the origin still gets the
		// prefixed path, the same whichever way the visitor came.
		t := *target
		t.Path = strings.TrimSuffix(t.Path, "/") + m.Prefix
		t.RawPath = ""
		target = &t
	}
	trusted := h.trusted(r)
	rp := &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(target)
			if trusted {
				if xff := pr.In.Header["X-Forwarded-For"]; len(xff) > 0 {
					pr.Out.Header["X-Forwarded-For"] = append([]string(nil), xff...)
				}
			}
			pr.SetXForwarded()
			if h.secure(pr.In) {
				pr.Out.Header.Set("X-Forwarded-Proto", "https")
			}
			pr.Out.Header.Set("X-Marketkit-Market", m.ID)
		},
		Transport: h.transport,
		ErrorLog:  h.errorLog,
		ErrorHandler: func(w http.ResponseWriter, r *http.Request, err error) {
			h.logger.LogAttrs(r.Context(), slog.LevelError, "origin failed",
				slog.String("market", m.ID), slog.String("origin", target.Redacted()), slog.Any("error", err))
			w.Header().Set("Cache-Control", "no-store")
			w.Header().Set("Retry-After", "5")
			w.WriteHeader(errOriginStatus(err))
			h.originDown.ServeHTTP(w, r)
		},
	}
	rp.ServeHTTP(w, r)
}
