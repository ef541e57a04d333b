package web

import (
	"testing"
)

func TestRoute(t *testing.T) {
	s := mustSite(t, testConfig())
	tests := []struct {
		name, host, path, want string
	}{
		{"prefix home", "shop.example", "/de/", "de"},
		{"prefix page", "shop.example", "/de/p/mug", "de"},
		{"prefix alone", "shop.example", "/de", "de"},
		{"longer prefix first (next-intl #1343)", "shop.example", "/de-ch/p", "dech"},
		{"dealer is not de (Flamingo prefixrouter)", "shop.example", "/dealer", ""},
		{"dealer page", "shop.example", "/dealer/x", ""},
		{"de-chx is not de-ch", "shop.example", "/de-chx/", ""},
		{"two segments", "shop.example", "/us/es/p", "us-es"},
		{"two segments alone", "shop.example", "/us/es", "us-es"},
		{"esp is not es", "shop.example", "/us/esp", "us"},
		{"upper case is unknown", "shop.example", "/DE/", ""},
		{"escaped prefix is unknown", "shop.example", "/%64e/", ""},
		{"escaped slash is one segment", "shop.example", "/de%2Fx", ""},
		{"root", "shop.example", "/", ""},
		{"unknown", "shop.example", "/fr/", ""},
		{"host-bound market owns its host", "shop.example.ch", "/de/", "chhost"},
		{"host with port and case", "SHOP.example.CH:8443", "/x", "chhost"},
		{"host with trailing dot", "shop.example.ch.", "/", "chhost"},
		{"other host uses shared markets", "127.0.0.1:8080", "/de/", "de"},
		{"ipv6 host", "[::1]:8080", "/uk/", "uk"},
		{"not a path", "shop.example", "de/", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := s.Route(tt.host, tt.path)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("Route(%q, %q) = %q, %v; want %q", tt.host, tt.path, got, ok, tt.want)
			}
		})
	}
}

func TestCleanPath(t *testing.T) {
	for p, want := range map[string]bool{
		"/": true, "/de/": true, "/de/x": true, "/de/x/": true,
		"//": false, "/de//x": false, "/de/./x": false, "/de/../us/": false, "/de/..": false, "/de/.": false,
		"/de/.x": true, "/de/..x": true,
	} {
		if got := cleanPath(p); got != want {
			t.Errorf("cleanPath(%q) = %v, want %v", p, got, want)
		}
	}
}
