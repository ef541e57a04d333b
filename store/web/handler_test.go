package web

import (
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"
)

const (
	chrome    = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36"
	googlebot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
)

// navigate returns the headers of a browser's top-level navigation.
func navigate(extra ...string) map[string]string {
	h := map[string]string{"User-Agent": chrome, "Sec-Fetch-Mode": "navigate", "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
	for i := 0; i+1 < len(extra); i += 2 {
		if extra[i+1] == "" {
			delete(h, extra[i])
			continue
		}
		h[extra[i]] = extra[i+1]
	}
	return h
}

type result struct {
	Status    int
	Location  string
	Vary      string
	SetCookie string
	Body      string
}

func do(t *testing.T, h http.Handler, method, target, remote string, hdr map[string]string) result {
	t.Helper()
	r := httptest.NewRequest(method, target, nil)
	r.Host = "shop.example"
	if remote != "" {
		r.RemoteAddr = remote
	}
	for k, v := range hdr {
		if k == "Host" {
			r.Host = v
			continue
		}
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	res := w.Result()
	out := result{Status: res.StatusCode, Location: res.Header.Get("Location"), Vary: strings.Join(res.Header.Values("Vary"), ", "),
		SetCookie: strings.Join(res.Header.Values("Set-Cookie"), " | ")}
	if res.StatusCode == http.StatusOK || res.StatusCode == http.StatusNotFound {
		out.Body = body(t, res.Body)
	}
	return out
}

// geoVary is what a redirect read when the trusted geo header decided.
const geoVary = "Cookie, Cf-Ipcountry, User-Agent, Sec-Fetch-Mode, Sec-Purpose"

func TestHandler(t *testing.T) {
	h, _ := newTestHandler(t, testConfig(), Options{})
	const hop = "market_hops=1; Path=/; Max-Age=30; HttpOnly; SameSite=Lax"
	tests := []struct {
		name           string
		method, target string
		remote         string
		hdr            map[string]string
		want           result
	}{
		// Explicit paths: the path wins, nothing else is read, no Vary.
		{"prefixed page", "GET", "/de/p/mug", "", navigate(),
			result{Status: 200, Body: "market=de locale=de-DE explicit=true source=path rest=/p/mug"}},
		{"prefixed page ignores cookie, geo and language (never redirected away)", "GET", "/de/p/mug", "10.1.2.3:5000",
			navigate("Cookie", "market=us", "Accept-Language", "en-US", "Cf-Ipcountry", "US"),
			result{Status: 200, Body: "market=de locale=de-DE explicit=true source=path rest=/p/mug"}},
		{"crawler on a prefixed page gets it, no cookie", "GET", "/us/", "", navigate("User-Agent", googlebot),
			result{Status: 200, Body: "market=us locale=en-US explicit=true source=path rest=/"}},
		{"dealer is not de: 404, not a guess", "GET", "/dealer", "", navigate(), result{Status: 404, Body: "404 page not found"}},
		{"unknown prefix: 404", "GET", "/fr/p/mug", "", navigate("Cookie", "market=de"), result{Status: 404, Body: "404 page not found"}},
		{"prefix without slash: its own home", "GET", "/de?x=1", "", navigate(), result{Status: 301, Location: "/de/?x=1"}},
		{"prefix without slash, odd query dropped", "GET", "/de?a=%zz", "", navigate(), result{Status: 301, Location: "/de/"}},
		{"prefix without slash, POST keeps the method", "POST", "/de", "", nil, result{Status: 308, Location: "/de/"}},
		{"dot segments are not cleaned into another market", "GET", "/de/../us/", "", navigate(), result{Status: 404, Body: "404 page not found"}},
		{"empty segment", "GET", "/de//p", "", navigate(), result{Status: 404, Body: "404 page not found"}},
		{"host-bound market", "GET", "/p/x", "", navigate("Host", "shop.example.ch"),
			result{Status: 200, Body: "market=chhost locale=de-CH explicit=true source=host rest=/p/x"}},
		{"maintenance: 503 with Retry-After", "GET", "/at/p", "", navigate(), result{Status: 503}},
		// Locale within a market.
		{"locale segment", "GET", "/ch/fr/p", "", navigate("Accept-Language", "it"),
			result{Status: 200, Body: "market=ch locale=fr-CH explicit=true source=path rest=/p"}},
		{"locale query", "GET", "/ch/p?lang=it", "", navigate(),
			result{Status: 200, Body: "market=ch locale=it-CH explicit=true source=path rest=/p"}},
		{"locale from Accept-Language varies on what it read", "GET", "/ch/p", "", navigate("Accept-Language", "fr-FR,fr;q=0.9"),
			result{Status: 200, Vary: "Cookie, Accept-Language", Body: "market=ch locale=fr-CH explicit=true source=path rest=/p"}},
		{"locale cookie beats Accept-Language", "GET", "/ch/p", "", navigate("Accept-Language", "fr", "Cookie", "locale=it-CH"),
			result{Status: 200, Vary: "Cookie, Accept-Language", Body: "market=ch locale=it-CH explicit=true source=path rest=/p"}},
		{"garbage locale cookie ignored", "GET", "/ch/p", "", navigate("Cookie", "locale=<script>"),
			result{Status: 200, Vary: "Cookie, Accept-Language", Body: "market=ch locale=de-CH explicit=true source=path rest=/p"}},
		{"locale segment without slash: its home", "GET", "/ch/fr?x=1", "", navigate(), result{Status: 301, Location: "/ch/fr/?x=1"}},
		{"default locale has no segment", "GET", "/ch/de", "", navigate(),
			result{Status: 200, Vary: "Cookie, Accept-Language", Body: "market=ch locale=de-CH explicit=true source=path rest=/de"}},
		// The root: detection.
		{"root, nothing known: default market (redirect group)", "GET", "/", "", navigate(),
			result{Status: 302, Location: "/us/", Vary: "Cookie, Accept-Language, User-Agent, Sec-Fetch-Mode, Sec-Purpose", SetCookie: hop}},
		{"root, Googlebot: never redirected, no cookie (medusa starter #535)", "GET", "/", "", navigate("User-Agent", googlebot),
			result{Status: 200, Vary: "Cookie, Accept-Language, User-Agent", Body: "market=us locale=en-US explicit=false source=default rest=/"}},
		{"root, Googlebot holding a redirect market's cookie (boardsesh #4667)", "GET", "/", "", navigate("User-Agent", googlebot, "Cookie", "market=us"),
			result{Status: 200, Vary: "Cookie, User-Agent", Body: "market=us locale=en-US explicit=false source=cookie rest=/"}},
		{"root, empty User-Agent counts as a crawler", "GET", "/", "", navigate("User-Agent", ""),
			result{Status: 200, Vary: "Cookie, Accept-Language, User-Agent", Body: "market=us locale=en-US explicit=false source=default rest=/"}},
		{"root, Accept-Language region: suggest", "GET", "/", "", navigate("Accept-Language", "fr-CH,fr;q=0.9"),
			result{Status: 200, Vary: "Cookie, Accept-Language", Body: "market=ch locale=fr-CH explicit=false source=accept-language rest=/"}},
		{"root, en-GB is the UK market", "GET", "/", "", navigate("Accept-Language", "en-GB"),
			result{Status: 200, Vary: "Cookie, Accept-Language", Body: "market=uk locale=en explicit=false source=accept-language rest=/"}},
		{"root, cookie wins", "GET", "/", "", navigate("Cookie", "a=b; market=de; c=d", "Accept-Language", "en-US"),
			result{Status: 200, Vary: "Cookie", Body: "market=de locale=de-DE explicit=false source=cookie rest=/"}},
		{"root, cookie of a redirect market redirects", "GET", "/", "", navigate("Cookie", "market=us-es"),
			result{Status: 302, Location: "/us/es/", Vary: "Cookie, User-Agent, Sec-Fetch-Mode, Sec-Purpose", SetCookie: hop}},
		{"root, unknown cookie value ignored", "GET", "/", "", navigate("Cookie", "market=evil", "Accept-Language", "de-DE"),
			result{Status: 200, Vary: "Cookie, Accept-Language", Body: "market=de locale=de-DE explicit=false source=accept-language rest=/"}},
		{"root, oversized cookie ignored", "GET", "/", "", navigate("Cookie", "market="+strings.Repeat("d", 5000), "Accept-Language", "de-DE"),
			result{Status: 200, Vary: "Cookie, Accept-Language", Body: "market=de locale=de-DE explicit=false source=accept-language rest=/"}},
		{"root, forged geo header from an untrusted peer is ignored (lets-bet #9)", "GET", "/", "203.0.113.9:4000",
			navigate("Cf-Ipcountry", "CH", "Accept-Language", "de-DE"),
			result{Status: 200, Vary: "Cookie, Accept-Language", Body: "market=de locale=de-DE explicit=false source=accept-language rest=/"}},
		{"root, geo from the trusted CDN", "GET", "/", "10.0.0.7:4000", navigate("Cf-Ipcountry", "ch", "Accept-Language", "de-DE"),
			result{Status: 200, Vary: "Cookie, Cf-Ipcountry, Accept-Language", Body: "market=ch locale=de-CH explicit=false source=geo rest=/"}},
		{"root, geo XX is unknown", "GET", "/", "10.0.0.7:4000", navigate("Cf-Ipcountry", "XX", "Accept-Language", "de-DE"),
			result{Status: 200, Vary: "Cookie, Cf-Ipcountry, Accept-Language", Body: "market=de locale=de-DE explicit=false source=accept-language rest=/"}},
		{"root, geo T1 (Tor) is unknown", "GET", "/", "10.0.0.7:4000", navigate("Cf-Ipcountry", "T1", "Accept-Language", "de-DE"),
			result{Status: 200, Vary: "Cookie, Cf-Ipcountry, Accept-Language", Body: "market=de locale=de-DE explicit=false source=accept-language rest=/"}},
		{"root, blank geo is unknown", "GET", "/", "10.0.0.7:4000", navigate("Cf-Ipcountry", " ", "Accept-Language", "de-DE"),
			result{Status: 200, Vary: "Cookie, Cf-Ipcountry, Accept-Language", Body: "market=de locale=de-DE explicit=false source=accept-language rest=/"}},
		{"root, geo of a redirect market", "GET", "/", "[::ffff:10.0.0.7]:4000", navigate("Cf-Ipcountry", "US"),
			result{Status: 302, Location: "/us/", Vary: geoVary, SetCookie: hop}},
		{"root, ?market= escape: no redirect", "GET", "/?market=", "", navigate(),
			result{Status: 200, Vary: "Cookie, Accept-Language", Body: "market=us locale=en-US explicit=false source=default rest=/"}},
		{"root, ?market=us-es selects without redirect or Vary", "GET", "/?market=us-es", "", navigate("Accept-Language", "de"),
			result{Status: 200, Body: "market=us-es locale=es-US explicit=false source=query rest=/"}},
		{"root, loop breaker", "GET", "/", "", navigate("Cookie", "market_hops=3"),
			result{Status: 200, Vary: "Cookie, Accept-Language, User-Agent, Sec-Fetch-Mode, Sec-Purpose", Body: "market=us locale=en-US explicit=false source=default rest=/"}},
		{"root redirect keeps campaign parameters", "GET", "/?utm_source=news&utm_campaign=x", "", navigate(),
			result{Status: 302, Location: "/us/?utm_source=news&utm_campaign=x", Vary: "Cookie, Accept-Language, User-Agent, Sec-Fetch-Mode, Sec-Purpose", SetCookie: hop}},
		{"root, second hop still redirects", "GET", "/", "", navigate("Cookie", "market_hops=1"),
			result{Status: 302, Location: "/us/", Vary: "Cookie, Accept-Language, User-Agent, Sec-Fetch-Mode, Sec-Purpose", SetCookie: "market_hops=2; Path=/; Max-Age=30; HttpOnly; SameSite=Lax"}},
		{"root, fetch() is not a navigation", "GET", "/", "", navigate("Sec-Fetch-Mode", "cors"),
			result{Status: 200, Vary: "Cookie, Accept-Language, User-Agent, Sec-Fetch-Mode, Sec-Purpose", Body: "market=us locale=en-US explicit=false source=default rest=/"}},
		{"root, prefetch is not a navigation", "GET", "/", "", navigate("Sec-Purpose", "prefetch"),
			result{Status: 200, Vary: "Cookie, Accept-Language, User-Agent, Sec-Fetch-Mode, Sec-Purpose", Body: "market=us locale=en-US explicit=false source=default rest=/"}},
		{"root, no Sec-Fetch-Mode, GET for HTML", "GET", "/", "", navigate("Sec-Fetch-Mode", ""),
			result{Status: 302, Location: "/us/", Vary: "Cookie, Accept-Language, User-Agent, Sec-Fetch-Mode, Accept, Sec-Purpose", SetCookie: hop}},
		{"root, no Sec-Fetch-Mode, JSON", "GET", "/", "", navigate("Sec-Fetch-Mode", "", "Accept", "application/json"),
			result{Status: 200, Vary: "Cookie, Accept-Language, User-Agent, Sec-Fetch-Mode, Accept, Sec-Purpose", Body: "market=us locale=en-US explicit=false source=default rest=/"}},
		{"root, text/html;q=0 is not HTML", "GET", "/", "", navigate("Sec-Fetch-Mode", "", "Accept", "text/html;q=0, application/json"),
			result{Status: 200, Vary: "Cookie, Accept-Language, User-Agent, Sec-Fetch-Mode, Accept, Sec-Purpose", Body: "market=us locale=en-US explicit=false source=default rest=/"}},
		{"root, POST is not redirected", "POST", "/", "", navigate("Sec-Fetch-Mode", ""),
			result{Status: 200, Vary: "Cookie, Accept-Language, User-Agent, Sec-Fetch-Mode, Sec-Purpose", Body: "market=us locale=en-US explicit=false source=default rest=/"}},
		{"root, HEAD navigation", "HEAD", "/", "", navigate(),
			result{Status: 302, Location: "/us/", Vary: "Cookie, Accept-Language, User-Agent, Sec-Fetch-Mode, Sec-Purpose", SetCookie: hop}},
		{"root, detected market in maintenance: not redirected", "GET", "/", "", navigate("Cookie", "market=at"),
			result{Status: 200, Vary: "Cookie", Body: "market=at locale=de-AT explicit=false source=cookie rest=/"}},
		{"root of a host-bound market is its page", "GET", "/", "", navigate("Host", "shop.example.ch", "Cookie", "market=us"),
			result{Status: 200, Body: "market=chhost locale=de-CH explicit=true source=host rest=/"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := do(t, h, tt.method, tt.target, tt.remote, tt.hdr)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s %s (-want +got):\n%s", tt.method, tt.target, diff)
			}
		})
	}
}

// TestRootVaryOnEveryInput is fastly-magento2 #630 and mozilla/addons
// #1344: the first visitor's answer must never be cached for everyone,
// so two visitors who differ only in Accept-Language get different
// answers, and both answers say they vary on it, including the one
// whose request had no Accept-Language at all.
func TestRootVaryOnEveryInput(t *testing.T) {
	h, _ := newTestHandler(t, testConfig(), Options{})
	first := do(t, h, "GET", "/", "", navigate("Accept-Language", "de-CH", "User-Agent", googlebot))
	second := do(t, h, "GET", "/", "", navigate("User-Agent", googlebot))
	if first.Body == second.Body {
		t.Fatalf("both visitors got %q", first.Body)
	}
	for _, r := range []result{first, second} {
		if !strings.Contains(r.Vary, "Accept-Language") || !strings.Contains(r.Vary, "Cookie") {
			t.Errorf("Vary = %q, want Cookie and Accept-Language", r.Vary)
		}
	}
}

func TestMaintenanceAnswer(t *testing.T) {
	h, _ := newTestHandler(t, testConfig(), Options{Maintenance: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sel, _ := FromContext(r.Context())
		w.Write([]byte("back soon: " + sel.MarketID()))
	})})
	r := httptest.NewRequest("GET", "/at/p/x", nil)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != 503 || w.Header().Get("Retry-After") != "300" || w.Header().Get("Cache-Control") != "no-store" || w.Body.String() != "back soon: at" {
		t.Errorf("maintenance: %d Retry-After %q Cache-Control %q body %q", w.Code, w.Header().Get("Retry-After"), w.Header().Get("Cache-Control"), w.Body.String())
	}
	// Every other market keeps serving.
	for _, p := range []string{"/de/p/x", "/ch/p/x", "/us/p/x"} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", p, nil))
		if w.Code != 200 {
			t.Errorf("%s: %d during another market's maintenance", p, w.Code)
		}
	}
}

func TestNoSite(t *testing.T) {
	h, err := New(Options{Site: func() *Site { return nil }, Next: echo})
	if err != nil {
		t.Fatal(err)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/de/", nil))
	if w.Code != 503 {
		t.Errorf("status %d, want 503", w.Code)
	}
}

// TestNoLoopWithoutCookies is mayocat-shop #253 and medusa starter #238:
// a client that keeps no cookies, redirected from "/" by its
// Accept-Language, lands on a page that answers 200 after one hop,
// because market pages never redirect away; and with cookies, a host
// page that sends visitors back to "/" stops bouncing after three hops.
func TestNoLoopWithoutCookies(t *testing.T) {
	h, _ := newTestHandler(t, testConfig(), Options{})
	front := httptest.NewServer(h)
	defer front.Close()
	hops := 0
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { hops++; return nil }}
	req, _ := http.NewRequest("GET", front.URL+"/", nil)
	req.Header.Set("User-Agent", chrome)
	req.Header.Set("Sec-Fetch-Mode", "navigate")
	req.Header.Set("Accept-Language", "es-US")
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 || hops != 1 || res.Request.URL.Path != "/us/es/" {
		t.Errorf("ended at %s with %d after %d hops", res.Request.URL.Path, res.StatusCode, hops)
	}

	// A broken host page that redirects its market home back to "/".
	bounce := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if sel, _ := FromContext(r.Context()); sel.Explicit() {
			http.Redirect(w, r, "/", http.StatusFound)
			return
		}
		w.Write([]byte("root page"))
	})
	h2, _ := newTestHandler(t, testConfig(), Options{Next: bounce})
	front2 := httptest.NewServer(h2)
	defer front2.Close()
	jar, _ := cookiejar.New(nil)
	hops = 0
	c = &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { hops++; return nil }}
	req, _ = http.NewRequest("GET", front2.URL+"/", nil)
	req.Header.Set("User-Agent", chrome)
	req.Header.Set("Sec-Fetch-Mode", "navigate")
	res, err = c.Do(req)
	if err != nil {
		t.Fatalf("redirect loop not broken: %v", err)
	}
	b := body(t, res.Body)
	if b != "root page" || hops != 6 {
		t.Errorf("got %q after %d hops, want the root page after 3 round trips", b, hops)
	}
}

// TestNothingReflected: request bytes never come back unescaped in the
// Handler's own answers (404, switcher errors, redirects).
func TestNothingReflected(t *testing.T) {
	h, _ := newTestHandler(t, testConfig(), Options{})
	const evil = "<script>alert(1)</script>"
	for _, target := range []string{"/x" + url.PathEscape(evil), "/de?" + url.QueryEscape(evil), "/?market=" + url.QueryEscape(evil)} {
		r := httptest.NewRequest("GET", target, nil)
		r.Header.Set("Cookie", "market="+url.QueryEscape(evil))
		r.Header.Set("User-Agent", evil)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		for k, v := range w.Header() {
			if strings.Contains(strings.Join(v, " "), "<script>") {
				t.Errorf("%s: header %s reflects the input: %q", target, k, v)
			}
		}
		if w.Code != 200 && strings.Contains(w.Body.String(), "<script>") {
			t.Errorf("%s: body reflects the input: %q", target, w.Body.String())
		}
	}
	got := postSwitch(t, h, url.Values{"market": {evil}, "return": {evil}}, nil, false)
	if got.Status != 400 {
		t.Errorf("switch with garbage: %+v", got)
	}
}

// TestGeoPresets reads each CDN's header from a trusted peer; each
// CDN's "unknown" values are ignored.
func TestGeoPresets(t *testing.T) {
	for _, c := range []struct{ header, value, want string }{
		{GeoCloudflare, "CH", "market=ch"},
		{GeoCloudflare, "T1", "market=de"},
		{GeoCloudFront, "CH", "market=ch"},
		{GeoFastly, "CH", "market=ch"},
		{GeoVercel, "CH", "market=ch"},
		{GeoAppEngine, "CH", "market=ch"},
		{GeoAppEngine, "ZZ", "market=de"},
		{GeoVercel, "EU", "market=de"},
	} {
		h, _ := newTestHandler(t, testConfig(), Options{GeoHeader: c.header})
		got := do(t, h, "GET", "/", "10.9.9.9:1", navigate("User-Agent", googlebot, c.header, c.value, "Accept-Language", "de-DE"))
		if !strings.HasPrefix(got.Body, c.want) || !strings.Contains(got.Vary, http.CanonicalHeaderKey(c.header)) {
			t.Errorf("%s: %s → %q (Vary %q), want %s", c.header, c.value, got.Body, got.Vary, c.want)
		}
	}
}

// TestSharedHost: two markets on one host of their own (a Canadian
// domain with /en and /fr) are routed there by prefix, the root of that
// host detects among them only, and they are also served under their
// prefixes on the shared host.
func TestSharedHost(t *testing.T) {
	c := testConfig()
	c.Markets = append(c.Markets,
		Market{ID: "ca-en", Prefix: "/en-ca", Host: "shop.example.ca", Countries: []string{"CA"}, Locales: []language.Tag{tags("en-CA")}},
		Market{ID: "ca-fr", Prefix: "/fr-ca", Host: "shop.example.ca", Countries: []string{"CA"}, Locales: []language.Tag{tags("fr-CA")}})
	h, _ := newTestHandler(t, c, Options{})
	for _, tt := range []struct {
		host, path string
		hdr        []string
		want       string
	}{
		{"shop.example.ca", "/fr-ca/p", nil, "market=ca-fr locale=fr-CA explicit=true source=path rest=/p"},
		{"shop.example.ca", "/", []string{"Accept-Language", "fr"}, "market=ca-fr locale=fr-CA explicit=false source=accept-language rest=/"},
		{"shop.example.ca", "/", []string{"Accept-Language", "de-DE"}, "market=ca-en locale=en-CA explicit=false source=default rest=/"},
		{"shop.example.ca", "/de/p", nil, "404 page not found"},
		{"shop.example", "/en-ca/p", nil, "market=ca-en locale=en-CA explicit=true source=path rest=/p"},
		{"shop.example", "/", []string{"Accept-Language", "fr-CA"}, "market=ca-fr locale=fr-CA explicit=false source=accept-language rest=/"},
	} {
		hdr := navigate(append([]string{"Host", tt.host, "User-Agent", googlebot}, tt.hdr...)...)
		if got := do(t, h, "GET", tt.path, "", hdr); got.Body != tt.want {
			t.Errorf("%s%s: %q, want %q", tt.host, tt.path, got.Body, tt.want)
		}
	}
}

// TestStayPolicy: a group whose root policy is Stay serves the default
// market at "/" whatever was detected.
func TestStayPolicy(t *testing.T) {
	c := testConfig()
	c.Groups[0].Root = Stay
	h, _ := newTestHandler(t, c, Options{})
	got := do(t, h, "GET", "/", "", navigate("Accept-Language", "de-CH"))
	if got.Status != 200 || got.Body != "market=us locale=en-US explicit=false source=default rest=/" {
		t.Errorf("stay: %+v", got)
	}
}

// TestGeoSubdivision: US-East and US-West are two markets of one country;
// the CDN's subdivision header picks between them, from trusted peers
// only, and answers vary on it.
func TestGeoSubdivision(t *testing.T) {
	c := testConfig()
	c.Markets = append(c.Markets,
		Market{ID: "us-east", Prefix: "/us-east", Countries: []string{"US"}, Subdivisions: []string{"US-NY", "us-nj"}, Locales: []language.Tag{tags("en-US")}},
		Market{ID: "us-west", Prefix: "/us-west", Countries: []string{"US"}, Subdivisions: []string{"US-CA", "US-WA"}, Locales: []language.Tag{tags("en-US")}})
	h, _ := newTestHandler(t, c, Options{GeoHeader: GeoCloudFront, GeoRegionHeader: GeoCloudFrontRegion})
	for _, tt := range []struct {
		remote, country, region, want string
	}{
		{"10.0.0.1:1", "US", "NJ", "market=us-east"},
		{"10.0.0.1:1", "US", "ca", "market=us-west"},
		{"10.0.0.1:1", "US", "TX", "market=us "},
		{"10.0.0.1:1", "US", "", "market=us "},
		{"10.0.0.1:1", "US", "N<J", "market=us "},
		{"10.0.0.1:1", "US", "NYNY", "market=us "},
		{"203.0.113.1:1", "US", "CA", "market=us "}, // untrusted: neither header believed, Accept-Language en-US
	} {
		hdr := navigate("User-Agent", googlebot, "Cloudfront-Viewer-Country", tt.country, "Cloudfront-Viewer-Country-Region", tt.region, "Accept-Language", "en-US")
		got := do(t, h, "GET", "/", tt.remote, hdr)
		if !strings.HasPrefix(got.Body, tt.want) {
			t.Errorf("%s %s-%s: %q, want %s", tt.remote, tt.country, tt.region, got.Body, tt.want)
		}
		if tt.remote == "10.0.0.1:1" && !strings.Contains(got.Vary, "Cloudfront-Viewer-Country-Region") {
			t.Errorf("%s-%s: Vary %q lacks the region header", tt.country, tt.region, got.Vary)
		}
	}
	if _, err := NewSite(Config{BaseURL: "https://shop.example", Default: "x", Markets: []Market{{ID: "x", Prefix: "/x", Countries: []string{"US"},
		Subdivisions: []string{"CA-ON"}, Locales: []language.Tag{language.English}}}}); err == nil || !strings.Contains(err.Error(), `subdivisions[0] "CA-ON"`) {
		t.Errorf("a subdivision of another country: %v", err)
	}
}
