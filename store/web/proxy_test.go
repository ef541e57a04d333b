package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

type seen struct {
	Path, Host, XFF, XFProto, XFHost, Market, Forwarded, Secret string
}

func originServer(t *testing.T, got chan<- seen) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got <- seen{Path: r.URL.RequestURI(), Host: r.Host, XFF: r.Header.Get("X-Forwarded-For"),
			XFProto: r.Header.Get("X-Forwarded-Proto"), XFHost: r.Header.Get("X-Forwarded-Host"),
			Market: r.Header.Get("X-Marketkit-Market"), Forwarded: r.Header.Get("Forwarded"), Secret: r.Header.Get("X-Secret")}
		io.WriteString(w, "origin:"+r.URL.Path)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestForward(t *testing.T) {
	got := make(chan seen, 1)
	origin := originServer(t, got)
	c := testConfig()
	c.Markets[7].Origin = origin.URL
	h, _ := newTestHandler(t, c, Options{})
	tests := []struct {
		name   string
		remote string
		hdr    map[string]string
		want   seen
	}{
		{"prefix kept, client's forwarding headers dropped", "203.0.113.5:1234",
			map[string]string{"X-Forwarded-For": "1.2.3.4", "X-Forwarded-Proto": "https", "Forwarded": "for=1.2.3.4", "X-Marketkit-Market": "de"},
			seen{Path: "/jp/p/mug?x=1", XFF: "203.0.113.5", XFProto: "http", XFHost: "shop.example", Market: "jp"}},
		{"Connection cannot strip what Rewrite sets (GO-2021-0241)", "203.0.113.5:1234",
			map[string]string{"Connection": "X-Forwarded-For, X-Marketkit-Market", "X-Secret": "s"},
			seen{Path: "/jp/p/mug?x=1", XFF: "203.0.113.5", XFProto: "http", XFHost: "shop.example", Market: "jp", Secret: "s"}},
		{"trusted CDN: its chain kept and appended to, its proto believed", "10.0.0.9:1234",
			map[string]string{"X-Forwarded-For": "198.51.100.7", "X-Forwarded-Proto": "https"},
			seen{Path: "/jp/p/mug?x=1", XFF: "198.51.100.7, 10.0.0.9", XFProto: "https", XFHost: "shop.example", Market: "jp"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/jp/p/mug?x=1", nil)
			r.Host = "shop.example"
			r.RemoteAddr = tt.remote
			for k, v := range tt.hdr {
				r.Header.Set(k, v)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != 200 || w.Body.String() != "origin:/jp/p/mug" {
				t.Fatalf("status %d body %q", w.Code, w.Body.String())
			}
			s := <-got
			s.Host = ""
			if diff := cmp.Diff(tt.want, s); diff != "" {
				t.Errorf("origin saw (-want +got):\n%s", diff)
			}
		})
	}
}

func TestForwardOriginDown(t *testing.T) {
	h, _ := newTestHandler(t, testConfig(), Options{OriginDown: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "the Japanese shop is resting")
	})})
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/jp/p/mug", nil)) // 127.0.0.1:1 refuses
	if w.Code != http.StatusBadGateway || w.Body.String() != "the Japanese shop is resting" || w.Header().Get("Cache-Control") != "no-store" {
		t.Errorf("origin down: %d %q %q", w.Code, w.Body.String(), w.Header().Get("Cache-Control"))
	}
	w = httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/de/p/mug", nil))
	if w.Code != 200 {
		t.Errorf("a healthy market: %d while another's origin is down", w.Code)
	}
}

func TestForwardTimeout(t *testing.T) {
	release := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer slow.Close()
	defer close(release)
	c := testConfig()
	c.Markets[7].Origin = slow.URL
	h, _ := newTestHandler(t, c, Options{ProxyTimeout: 50 * time.Millisecond})
	w := httptest.NewRecorder()
	start := time.Now()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/jp/", nil))
	if w.Code != http.StatusGatewayTimeout || !strings.Contains(w.Body.String(), "unavailable") {
		t.Errorf("slow origin: %d %q", w.Code, w.Body.String())
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestForwardedMarketInMaintenanceIsNotForwarded(t *testing.T) {
	got := make(chan seen, 1)
	origin := originServer(t, got)
	c := testConfig()
	c.Markets[7].Origin = origin.URL
	c.Markets[7].MaintenanceOn = true
	h, _ := newTestHandler(t, c, Options{})
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/jp/", nil))
	if w.Code != 503 {
		t.Errorf("status %d, want 503", w.Code)
	}
	select {
	case s := <-got:
		t.Errorf("origin was called: %+v", s)
	default:
	}
}
