package store

import (
	"testing"
	"time"
)

func TestMaintenance(t *testing.T) {
	zurich, err := time.LoadLocation("Europe/Zurich")
	if err != nil {
		t.Fatal(err)
	}
	// Sunday 23:30 to Monday 01:00, and Wednesday 02:00-03:00, Zurich time.
	m := &Market{Maintenance: Maintenance{Windows: []Window{
		{Days: []Weekday{0}, From: 23*60 + 30, Until: 60},
		{Days: []Weekday{3}, From: 120, Until: 180},
	}}}
	at := func(s string) time.Time {
		t.Helper()
		v, err := time.ParseInLocation("2006-01-02 15:04", s, zurich)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		now        string
		in         bool
		start, end string
	}{
		{"2026-12-06 23:29", false, "2026-12-06 23:30", "2026-12-07 01:00"}, // Sunday, a minute before
		{"2026-12-06 23:30", true, "2026-12-06 23:30", "2026-12-07 01:00"},
		{"2026-12-07 00:59", true, "2026-12-06 23:30", "2026-12-07 01:00"},  // Monday, across midnight
		{"2026-12-07 01:00", false, "2026-12-09 02:00", "2026-12-09 03:00"}, // the end is exclusive
		{"2026-12-09 02:30", true, "2026-12-09 02:00", "2026-12-09 03:00"},
		{"2026-12-09 03:00", false, "2026-12-13 23:30", "2026-12-14 01:00"},
		// The last Sunday of March 2027: 02:00 does not exist, 23:30 does.
		{"2027-03-28 12:00", false, "2027-03-28 23:30", "2027-03-29 01:00"},
	}
	for _, tt := range tests {
		t.Run(tt.now, func(t *testing.T) {
			now := at(tt.now)
			if got := m.InMaintenance(now, zurich); got != tt.in {
				t.Errorf("InMaintenance = %v, want %v", got, tt.in)
			}
			s, e, ok := m.NextMaintenance(now, zurich)
			if !ok || !s.Equal(at(tt.start)) || !e.Equal(at(tt.end)) {
				t.Errorf("NextMaintenance = %v – %v, %v; want %s – %s", s.In(zurich), e.In(zurich), ok, tt.start, tt.end)
			}
		})
	}
	m.Maintenance.Now = true
	if !m.InMaintenance(at("2026-12-08 12:00"), zurich) {
		t.Error("the operator's switch is ignored")
	}
	if _, _, ok := (&Market{}).NextMaintenance(at("2026-12-08 12:00"), zurich); ok {
		t.Error("a market without windows has a next window")
	}
}

func TestClock(t *testing.T) {
	for _, s := range []string{"00:00", "23:59", "24:00", "02:30"} {
		c, err := ParseClock(s)
		if err != nil || c.String() != s {
			t.Errorf("ParseClock(%q) = %v, %v", s, c, err)
		}
	}
	for _, s := range []string{"24:01", "2:30", "02:60", "0230", " 02:30", "ab:cd", ""} {
		if _, err := ParseClock(s); err == nil {
			t.Errorf("ParseClock(%q) succeeded", s)
		}
	}
}

func TestFlagInheritance(t *testing.T) {
	c, err := Decode(ExampleConfig())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		market, flag string
		want         string
	}{
		{"at", "max_cart_lines", "50"},             // the market's own
		{"de", "max_cart_lines", "100"},            // the default
		{"de", "gift_wrap", "true"},                // the eu group's
		{"ch", "gift_wrap", "false"},               // the ch group does not set it
		{"us-east", "checkout_theme", `"express"`}, // the na group's
		{"de", "checkout_theme", `"classic"`},
	}
	for _, tt := range tests {
		v, ok := c.Flag(tt.market, tt.flag)
		if !ok || v.String() != tt.want {
			t.Errorf("Flag(%s, %s) = %v, %v; want %s", tt.market, tt.flag, v, ok, tt.want)
		}
	}
	if _, ok := c.Flag("de", "undeclared"); ok {
		t.Error("an undeclared flag resolves")
	}
	if !c.Enabled("de", "gift_wrap") || c.Enabled("ch", "gift_wrap") || c.Enabled("de", "max_cart_lines") {
		t.Error("Enabled disagrees with Flag")
	}
	db, _ := c.DatabaseOf("ch")
	if db.DSN != "data/ch/ch.db" || db.Backup == nil || db.Backup.Destination != "backups/ch/ch" {
		t.Errorf("DatabaseOf(ch) = %+v %+v", db, db.Backup)
	}
}
