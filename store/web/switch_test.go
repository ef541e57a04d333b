package web

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func postSwitch(t *testing.T, h http.Handler, form url.Values, hdr map[string]string, tlsOn bool) result {
	t.Helper()
	r := httptest.NewRequest("POST", "/_market", strings.NewReader(form.Encode()))
	r.Host = "shop.example"
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("Sec-Fetch-Site", "same-origin")
	r.Header.Set("User-Agent", chrome)
	if tlsOn {
		r.TLS = &tls.ConnectionState{}
	}
	for k, v := range hdr {
		if k == "RemoteAddr" {
			r.RemoteAddr = v
			continue
		}
		if v == "" {
			r.Header.Del(k)
			continue
		}
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	res := w.Result()
	return result{Status: res.StatusCode, Location: res.Header.Get("Location"), SetCookie: strings.Join(res.Header.Values("Set-Cookie"), " | ")}
}

func TestSwitch(t *testing.T) {
	h, _ := newTestHandler(t, testConfig(), Options{PageExists: func(id, page string) bool {
		return !(id == "us" && page == "/p/lederhosen")
	}})
	const chCookie = "market=ch; Path=/; Max-Age=15552000; HttpOnly; SameSite=Lax"
	tests := []struct {
		name string
		form url.Values
		hdr  map[string]string
		tls  bool
		want result
	}{
		{"same page in the chosen market", url.Values{"market": {"ch"}, "return": {"/de/p/mug"}}, nil, false,
			result{Status: 303, Location: "/ch/p/mug", SetCookie: chCookie}},
		{"query kept", url.Values{"market": {"ch"}, "return": {"/de/search?q=mug&page=2"}}, nil, false,
			result{Status: 303, Location: "/ch/search?q=mug&page=2", SetCookie: chCookie}},
		{"Secure on TLS", url.Values{"market": {"ch"}, "return": {"/de/p/mug"}}, nil, true,
			result{Status: 303, Location: "/ch/p/mug", SetCookie: "market=ch; Path=/; Max-Age=15552000; HttpOnly; Secure; SameSite=Lax"}},
		{"X-Forwarded-Proto from an untrusted peer is ignored", url.Values{"market": {"ch"}, "return": {"/de/p/mug"}},
			map[string]string{"X-Forwarded-Proto": "https"}, false,
			result{Status: 303, Location: "/ch/p/mug", SetCookie: chCookie}}, // remote is 192.0.2.1: not trusted
		{"Secure behind a trusted TLS proxy, really", url.Values{"market": {"ch"}, "return": {"/de/p/mug"}},
			map[string]string{"X-Forwarded-Proto": "https", "RemoteAddr": "10.1.1.1:443"}, false,
			result{Status: 303, Location: "/ch/p/mug", SetCookie: "market=ch; Path=/; Max-Age=15552000; HttpOnly; Secure; SameSite=Lax"}},
		{"page missing there: home", url.Values{"market": {"us"}, "return": {"/de/p/lederhosen"}}, nil, false,
			result{Status: 303, Location: "/us/", SetCookie: "market=us; Path=/; Max-Age=15552000; HttpOnly; SameSite=Lax"}},
		{"from a locale URL, locale segment dropped", url.Values{"market": {"de"}, "return": {"/ch/fr/p/mug"}}, nil, false,
			result{Status: 303, Location: "/de/p/mug", SetCookie: "market=de; Path=/; Max-Age=15552000; HttpOnly; SameSite=Lax"}},
		{"language chosen with the country", url.Values{"market": {"ch"}, "locale": {"fr"}, "return": {"/de/p/mug"}}, nil, false,
			result{Status: 303, Location: "/ch/fr/p/mug", SetCookie: chCookie + " | locale=fr-CH; Path=/; Max-Age=15552000; HttpOnly; SameSite=Lax"}},
		{"language the country lacks: its default", url.Values{"market": {"ch"}, "locale": {"ja"}, "return": {"/de/"}}, nil, false,
			result{Status: 303, Location: "/ch/", SetCookie: chCookie + " | locale=de-CH; Path=/; Max-Age=15552000; HttpOnly; SameSite=Lax"}},
		{"from the root", url.Values{"market": {"uk"}, "return": {"/"}}, nil, false,
			result{Status: 303, Location: "/uk/", SetCookie: "market=uk; Path=/; Max-Age=15552000; HttpOnly; SameSite=Lax"}},
		{"crawler: redirect, no cookie", url.Values{"market": {"ch"}, "return": {"/de/p/mug"}}, map[string]string{"User-Agent": googlebot}, false,
			result{Status: 303, Location: "/ch/p/mug"}},
		{"unknown market", url.Values{"market": {"fr"}, "return": {"/de/"}}, nil, false, result{Status: 400}},
		{"market of another host", url.Values{"market": {"chhost"}, "return": {"/de/"}}, nil, false, result{Status: 400}},
		{"cross-site POST refused", url.Values{"market": {"ch"}}, map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}, false, result{Status: 403}},
		{"POST from a market's own host accepted", url.Values{"market": {"ch"}, "return": {"/de/"}},
			map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "https://shop.example.ch"}, false,
			result{Status: 303, Location: "/ch/", SetCookie: chCookie}},
		{"oversized body", url.Values{"market": {"ch"}, "x": {strings.Repeat("a", 5000)}}, nil, false, result{Status: 400}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := postSwitch(t, h, tt.form, tt.hdr, tt.tls)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestSwitchRefusesOpenRedirects sends every payload as return: the
// answer always goes to the chosen market's home, on this site.
func TestSwitchRefusesOpenRedirects(t *testing.T) {
	h, _ := newTestHandler(t, testConfig(), Options{})
	for _, p := range openRedirects {
		got := postSwitch(t, h, url.Values{"market": {"de"}, "return": {p}}, nil, false)
		if got.Status != 303 || got.Location != "/de/" {
			t.Errorf("return=%q: %d %q, want 303 /de/", p, got.Status, got.Location)
		}
	}
}

func TestSwitchGET(t *testing.T) {
	h, _ := newTestHandler(t, testConfig(), Options{})
	got := do(t, h, "GET", "/_market?market=ch&return=//evil.example", "", navigate())
	if got.Status != 405 || got.Location != "" || got.SetCookie != "" {
		t.Errorf("GET switch: %+v", got)
	}
}

// TestPreferenceCookieIsHostWide is shopware #15136 and magento2 #6468:
// the choice made on a market page must be read at "/" and on every
// market, so the cookie's path is "/" — while cart cookies are per market.
func TestPreferenceCookieIsHostWide(t *testing.T) {
	h, _ := newTestHandler(t, testConfig(), Options{})
	r := httptest.NewRequest("POST", "/_market", strings.NewReader("market=ch&return=/de/p/mug"))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("User-Agent", chrome)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	cs := w.Result().Cookies()
	if len(cs) != 1 || cs[0].Path != "/" {
		t.Fatalf("cookies %v, want one with Path=/", cs)
	}
	jar := cs[0].Name + "=" + cs[0].Value
	got := do(t, h, "GET", "/", "", navigate("Cookie", jar))
	if !strings.Contains(got.Body, "market=ch") || !strings.Contains(got.Body, "source=cookie") {
		t.Errorf("root after switching: %q", got.Body)
	}
	s := mustSite(t, testConfig())
	for id, want := range map[string]string{"de": "/de/", "us-es": "/us/es/", "chhost": "/"} {
		m, _ := s.Market(id)
		if got := m.CookiePath(); got != want {
			t.Errorf("%s CookiePath = %q, want %q", id, got, want)
		}
	}
}
