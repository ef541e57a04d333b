package web

import (
	"strconv"
	"time"
)

// window is a parsed Window.
type window struct {
	days             uint8 // bit per weekday; 0 = every day
	startMin, endMin int   // minutes after local midnight
	overnight        bool
}

func parseWindow(w Window) (window, string) {
	var pw window
	var ok bool
	if pw.startMin, ok = parseClock(w.Start); !ok {
		return pw, `start: want "HH:MM" (24-hour)`
	}
	if pw.endMin, ok = parseClock(w.End); !ok {
		return pw, `end: want "HH:MM" (24-hour)`
	}
	pw.overnight = pw.endMin <= pw.startMin
	for _, d := range w.Weekdays {
		if d < time.Sunday || d > time.Saturday {
			return pw, "weekday out of range: " + strconv.Itoa(int(d))
		}
		pw.days |= 1 << d
	}
	return pw, ""
}

func parseClock(s string) (int, bool) {
	if len(s) != 5 || s[2] != ':' {
		return 0, false
	}
	for _, i := range [...]int{0, 1, 3, 4} {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	h := int(s[0]-'0')*10 + int(s[1]-'0')
	m := int(s[3]-'0')*10 + int(s[4]-'0')
	if h > 23 || m > 59 {
		return 0, false
	}
	return h*60 + m, true
}

// open returns the end of the occurrence of w that contains now (in loc),
// if one does. Occurrences start on the local calendar day they are
// configured for, at the wall-clock start time (time.Date moves a time
// that does not exist, on the day clocks spring forward, to after the
// gap), and end at the wall-clock end time of that day or the next; on
// the day clocks fall back, an ambiguous start is its first occurrence
// and an ambiguous end its second.
func (w window) open(now time.Time, loc *time.Location) (time.Time, bool) {
	local := now.In(loc)
	y, mo, d := local.Date()
	// The occurrence starting today, and one starting yesterday that may
	// still run past midnight.
	for back := 0; back <= 1; back++ {
		day := time.Date(y, mo, d-back, 12, 0, 0, 0, loc)
		if w.days != 0 && w.days&(1<<day.Weekday()) == 0 {
			continue
		}
		dy, dm, dd := day.Date()
		start := wallTime(dy, dm, dd, w.startMin, loc, false)
		endDay := dd
		if w.overnight {
			endDay++
		}
		end := wallTime(dy, dm, endDay, w.endMin, loc, true)
		if !now.Before(start) && now.Before(end) {
			return end, true
		}
	}
	return time.Time{}, false
}

// wallTime returns the instant the wall clock in loc reads min minutes
// after midnight of the given day: when it reads that twice (clocks fall
// back), the first occurrence, or the last one if latest; when it never
// does (clocks spring forward), time.Date's normalization after the gap.
func wallTime(y int, mo time.Month, d, min int, loc *time.Location, latest bool) time.Time {
	t := time.Date(y, mo, d, min/60, min%60, 0, 0, loc)
	_, before := t.Add(-12 * time.Hour).Zone()
	_, after := t.Add(12 * time.Hour).Zone()
	delta := time.Duration(before-after) * time.Second
	if delta < 0 {
		delta = -delta
	}
	if delta == 0 {
		return t
	}
	wy, wm, wd := t.Date()
	same := func(c time.Time) bool {
		cy, cm, cd := c.Date()
		return cy == wy && cm == wm && cd == wd && c.Hour() == t.Hour() && c.Minute() == t.Minute()
	}
	if c := t.Add(-delta); !latest && same(c) {
		return c
	}
	if c := t.Add(delta); latest && same(c) {
		return c
	}
	return t
}

// maintenance reports whether m is in maintenance at now and until when
// (the zero Time for the operator switch, which has no known end).
func (m *market) maintenance(now time.Time) (until time.Time, on bool) {
	if m.MaintenanceOn {
		return time.Time{}, true
	}
	for _, w := range m.windows {
		if end, ok := w.open(now, m.TimeZone); ok {
			return end, true
		}
	}
	return time.Time{}, false
}

// InMaintenance reports whether the market with the given ID is in
// maintenance at the instant now, either through the operator switch
// (until is then the zero Time) or inside one of its windows, which are
// evaluated in the market's time zone (until is the window's end). An
// unknown ID is not in maintenance.
func (s *Site) InMaintenance(id string, now time.Time) (until time.Time, on bool) {
	s.check()
	m, ok := s.byID[id]
	if !ok {
		return time.Time{}, false
	}
	return m.maintenance(now)
}
