package web

import (
	"net/http/httptest"
	"testing"
	"testing/synctest"
	"time"

	"golang.org/x/text/language"
)

func TestMaintenanceWindows(t *testing.T) {
	berlin := mustZone("Europe/Berlin")
	ny := mustZone("America/New_York")
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	nightly := Window{Start: "02:00", End: "04:00"}
	tests := []struct {
		name  string
		zone  *time.Location
		w     Window
		now   string // an instant
		on    bool
		until string
	}{
		{"ordinary night, inside", berlin, nightly, "2026-01-10T02:30:00+01:00", true, "2026-01-10T04:00:00+01:00"},
		{"ordinary night, before", berlin, nightly, "2026-01-10T01:59:59+01:00", false, ""},
		{"ordinary night, end is exclusive", berlin, nightly, "2026-01-10T04:00:00+01:00", false, ""},
		{"summer, zone offset +02:00", berlin, nightly, "2026-07-01T00:30:00Z", true, "2026-07-01T04:00:00+02:00"},
		{"summer 01:30 UTC is 03:30 local", berlin, nightly, "2026-07-01T01:30:00Z", true, "2026-07-01T04:00:00+02:00"},
		{"summer 02:30 UTC is 04:30 local: closed", berlin, nightly, "2026-07-01T02:30:00Z", false, ""},
		// 2026-03-29: Berlin springs forward from 02:00 CET to 03:00 CEST.
		{"spring forward: 01:59 CET closed", berlin, nightly, "2026-03-29T01:59:00+01:00", false, ""},
		{"spring forward: opens at 03:00 CEST", berlin, nightly, "2026-03-29T03:00:00+02:00", true, "2026-03-29T04:00:00+02:00"},
		{"spring forward: one hour only", berlin, nightly, "2026-03-29T04:00:00+02:00", false, ""},
		{"spring forward, window inside the gap moves after it", berlin, Window{Start: "02:10", End: "02:40"}, "2026-03-29T03:20:00+02:00", true, "2026-03-29T03:40:00+02:00"},
		// 2026-10-25: Berlin falls back from 03:00 CEST to 02:00 CET.
		{"fall back: 02:30 CEST inside", berlin, nightly, "2026-10-25T02:30:00+02:00", true, "2026-10-25T04:00:00+01:00"},
		{"fall back: 02:30 CET (the repeated hour) inside", berlin, nightly, "2026-10-25T02:30:00+01:00", true, "2026-10-25T04:00:00+01:00"},
		{"fall back: three hours long", berlin, nightly, "2026-10-25T03:59:00+01:00", true, "2026-10-25T04:00:00+01:00"},
		{"fall back: closes at 04:00 CET", berlin, nightly, "2026-10-25T04:00:00+01:00", false, ""},
		// New York, 2026-03-08 and 2026-11-01.
		{"NY spring forward", ny, nightly, "2026-03-08T03:30:00-04:00", true, "2026-03-08T04:00:00-04:00"},
		{"NY fall back repeated hour", ny, Window{Start: "01:00", End: "02:00"}, "2026-11-01T01:30:00-05:00", true, "2026-11-01T02:00:00-05:00"},
		{"overnight window, after midnight", berlin, Window{Start: "23:00", End: "01:00"}, "2026-01-11T00:30:00+01:00", true, "2026-01-11T01:00:00+01:00"},
		{"overnight window, before midnight", berlin, Window{Start: "23:00", End: "01:00"}, "2026-01-10T23:30:00+01:00", true, "2026-01-11T01:00:00+01:00"},
		{"weekday: Sunday only, on Sunday", berlin, Window{Weekdays: []time.Weekday{time.Sunday}, Start: "02:00", End: "04:00"}, "2026-01-11T03:00:00+01:00", true, "2026-01-11T04:00:00+01:00"},
		{"weekday: Sunday only, on Saturday", berlin, Window{Weekdays: []time.Weekday{time.Sunday}, Start: "02:00", End: "04:00"}, "2026-01-10T03:00:00+01:00", false, ""},
		{"weekday: overnight from Saturday into Sunday", berlin, Window{Weekdays: []time.Weekday{time.Saturday}, Start: "23:00", End: "02:00"}, "2026-01-11T01:00:00+01:00", true, "2026-01-11T02:00:00+01:00"},
		{"same instant, other zone", ny, nightly, "2026-01-10T02:30:00+01:00", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Config{BaseURL: "https://shop.example", Default: "m", Markets: []Market{{ID: "m", Prefix: "/m", Countries: []string{"DE"},
				Locales: []language.Tag{language.German}, TimeZone: tt.zone, Maintenance: []Window{tt.w}}}}
			s := mustSite(t, c)
			until, on := s.InMaintenance("m", at(tt.now))
			if on != tt.on {
				t.Fatalf("InMaintenance(%s) = %v, want %v", tt.now, on, tt.on)
			}
			if on && !until.Equal(at(tt.until)) {
				t.Errorf("until = %s, want %s", until, tt.until)
			}
		})
	}
}

// TestMaintenanceWindowServes runs the Handler inside a synctest bubble,
// whose clock starts at 2000-01-01 00:00 UTC (01:00 in Berlin): the
// market with a 01:00–01:30 Berlin window answers 503 with the seconds
// left, then serves again once the fake clock has passed the window,
// while the other market serves throughout.
func TestMaintenanceWindowServes(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c := testConfig()
		c.Markets[0].TimeZone = mustZone("Europe/Berlin")
		c.Markets[0].Maintenance = []Window{{Start: "01:00", End: "01:30"}}
		h, _ := newTestHandler(t, c, Options{})
		time.Sleep(10 * time.Minute)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "/de/p", nil))
		if w.Code != 503 || w.Header().Get("Retry-After") != "1200" {
			t.Errorf("in window: %d Retry-After %q, want 503 1200", w.Code, w.Header().Get("Retry-After"))
		}
		w = httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "/uk/p", nil))
		if w.Code != 200 {
			t.Errorf("other market in the window: %d", w.Code)
		}
		time.Sleep(20 * time.Minute)
		w = httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "/de/p", nil))
		if w.Code != 200 {
			t.Errorf("after the window: %d", w.Code)
		}
	})
}
