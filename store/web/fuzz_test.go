package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// FuzzHandler sends arbitrary paths, hosts, cookies and headers through
// the Handler and checks its invariants: it never panics; every Location
// passes LocalPath; a URL naming a market is never redirected to another
// market nor by detection (302); GET requests never receive a preference
// cookie; market pages of single-locale markets never vary; the root's
// Vary always names Cookie.
func FuzzHandler(f *testing.F) {
	c := testConfig()
	c.Markets[7].Origin = "" // no network in the fuzzer
	s := mustSite(f, c)
	h, err := New(Options{Site: func() *Site { return s }, Next: echo, GeoHeader: GeoCloudflare, TrustedProxies: trustedCDN})
	if err != nil {
		f.Fatal(err)
	}
	f.Add("/de/p/mug", "shop.example", "market=us", "en-US", "US", chrome, "navigate")
	f.Add("/", "shop.example", "market=ch; locale=fr-CH", "de", "XX", chrome, "navigate")
	f.Add("/", "shop.example", "market_hops=2", "", "T1", googlebot, "")
	f.Add("/de", "shop.example", "", "*", "", "", "cors")
	f.Add("/ch/fr", "SHOP.example.ch:443", "locale=it", "fr;q=0", "ch", chrome, "navigate")
	f.Add("/%64e/", "shop.example", "market=\"de\"", "de-DE", "DE", chrome, "navigate")
	f.Add("/?market=us-es&lang=es", "shop.example", "", "", "", chrome, "navigate")
	f.Add("//evil.example/", "shop.example", "", "", "", chrome, "navigate")
	f.Fuzz(func(t *testing.T, target, host, cookie, al, geo, ua, mode string) {
		u, err := url.ParseRequestURI(target)
		if err != nil || !strings.HasPrefix(target, "/") {
			return
		}
		for _, v := range []string{host, cookie, al, geo, ua, mode} {
			if strings.ContainsAny(v, "\r\n\x00") {
				return // net/http never delivers such a header
			}
		}
		r := &http.Request{Method: "GET", URL: u, RequestURI: target, Host: host, Header: http.Header{}, RemoteAddr: "10.0.0.7:1234", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1}
		set := func(k, v string) {
			if v != "" {
				r.Header.Set(k, v)
			}
		}
		set("Cookie", cookie)
		set("Accept-Language", al)
		set("Cf-Ipcountry", geo)
		set("User-Agent", ua)
		set("Sec-Fetch-Mode", mode)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		loc := w.Header().Get("Location")
		switch w.Code {
		case 200, 301, 302, 404, 503:
		default:
			t.Fatalf("status %d for %q", w.Code, target)
		}
		if loc != "" && !LocalPath(loc) {
			t.Fatalf("Location %q for %q is not a local path", loc, target)
		}
		if sc := w.Header().Values("Set-Cookie"); len(sc) > 0 {
			for _, v := range sc {
				if !strings.HasPrefix(v, loopCookie+"=") {
					t.Fatalf("GET %q set cookie %q", target, v)
				}
			}
		}
		id, explicit := s.Route(host, u.EscapedPath())
		if explicit {
			if w.Code == 302 {
				t.Fatalf("%q names market %s but was redirected by detection to %q", target, id, loc)
			}
			if loc != "" {
				to, _, _ := strings.Cut(loc, "?")
				if got, _ := s.Route(host, to); got != id {
					t.Fatalf("%q (market %s) redirected to %q (market %q)", target, id, loc, got)
				}
			}
			m, _ := s.Market(id)
			if w.Code == 200 && len(m.Locales) == 1 && w.Header().Get("Vary") != "" {
				t.Fatalf("%q: market page varies on %q", target, w.Header().Get("Vary"))
			}
		} else if u.EscapedPath() == "/" && w.Code != 404 && (w.Code == 200 || w.Code == 302) && !strings.Contains(w.Header().Get("Vary"), "Cookie") {
			if _, q := queryValue(u.RawQuery, "market"); !q {
				t.Fatalf("root answer without Vary: Cookie (%q)", w.Header().Get("Vary"))
			}
		}
	})
}

// FuzzCookieValue checks the allocation-free cookie reader against
// net/http's parser: within the header limits both share, they find the
// same first value or both find none.
func FuzzCookieValue(f *testing.F) {
	f.Add("market=de", "market")
	f.Add("a=b; market=\"ch\"; c=d", "market")
	f.Add("market=; market=us", "market")
	f.Add("market=\";market=0", "market")
	f.Add("market=a\\b; market=fr", "market")
	f.Add("market=\u00a0de", "market")
	f.Fuzz(func(t *testing.T, header, name string) {
		if !validHeaderName(name) || strings.ContainsAny(header, "\r\n") ||
			len(header) > MaxCookieHeaderLength || strings.Count(header, ";") >= 3000 {
			return
		}
		h := http.Header{"Cookie": {header}}
		got, ok := cookieValue(h, name)
		r := &http.Request{Header: h}
		c, err := r.Cookie(name)
		switch {
		case err == nil && (!ok || got != c.Value):
			t.Fatalf("cookieValue(%q, %q) = %q, %v; net/http: %q", header, name, got, ok, c.Value)
		case err != nil && ok:
			t.Fatalf("cookieValue(%q, %q) = %q but net/http finds no such cookie", header, name, got)
		}
	})
}

// FuzzSwitch posts arbitrary switcher forms: the answer is 303 to a local
// path of the chosen market (or a 4xx), and cookies hold only a market ID
// and a locale of that market.
func FuzzSwitch(f *testing.F) {
	s := mustSite(f, testConfig())
	h, err := New(Options{Site: func() *Site { return s }, Next: echo})
	if err != nil {
		f.Fatal(err)
	}
	f.Add("ch", "/de/p/mug?x=1", "fr")
	f.Add("us-es", "//evil.example", "")
	f.Add("de", "/ch/it/p", "xx")
	f.Fuzz(func(t *testing.T, market, ret, loc string) {
		form := url.Values{"market": {market}, "return": {ret}, "locale": {loc}}
		r := httptest.NewRequest("POST", "/_market", strings.NewReader(form.Encode()))
		r.Host = "shop.example"
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set("User-Agent", chrome)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		switch w.Code {
		case 400:
			return
		case 303:
		default:
			t.Fatalf("status %d", w.Code)
		}
		target := w.Header().Get("Location")
		path, _, _ := strings.Cut(target, "?")
		if id, ok := s.Route("shop.example", path); !LocalPath(target) || !ok || id != market {
			t.Fatalf("switch to %q went to %q (market %q)", market, target, id)
		}
		m, _ := s.Market(market)
		for _, c := range w.Result().Cookies() {
			switch c.Name {
			case "market":
				if c.Value != market || c.Path != "/" || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode {
					t.Fatalf("cookie %+v", c)
				}
			case "locale":
				found := false
				for _, l := range m.Locales {
					found = found || l.String() == c.Value
				}
				if !found {
					t.Fatalf("locale cookie %q is not a locale of %s", c.Value, market)
				}
			default:
				t.Fatalf("unexpected cookie %+v", c)
			}
		}
	})
}
