package store

import "time"

// InMaintenance reports whether the market is in maintenance at t: the
// operator's switch is on, or t falls inside one of its windows in the
// market's time zone (loc; use Market.Location). A window from 23:00 to
// 01:00 on Saturday covers Saturday 23:00 to Sunday 01:00; the end is
// exclusive.
func (m *Market) InMaintenance(t time.Time, loc *time.Location) bool {
	if m.Maintenance.Now {
		return true
	}
	_, end, ok := m.windowAround(t, loc)
	return ok && end.After(t)
}

// NextMaintenance returns the window in progress at t, or the next one to
// start after t, in loc (the market's time zone); ok is false when the
// market has no window that ever starts. Start and end are instants; at a
// daylight-saving change a wall-clock time is resolved as package time
// does.
func (m *Market) NextMaintenance(t time.Time, loc *time.Location) (start, end time.Time, ok bool) {
	if s, e, ok := m.windowAround(t, loc); ok {
		return s, e, true
	}
	best := false
	for _, w := range m.Maintenance.Windows {
		for _, d := range w.Days {
			s, e, wok := w.occurrence(t, loc, d, false)
			if !wok {
				continue
			}
			if !best || s.Before(start) {
				start, end, best = s, e, true
			}
		}
	}
	return start, end, best
}

// windowAround finds a window whose occurrence contains t.
func (m *Market) windowAround(t time.Time, loc *time.Location) (start, end time.Time, ok bool) {
	if loc == nil {
		loc = time.UTC
	}
	for _, w := range m.Maintenance.Windows {
		for _, d := range w.Days {
			for _, back := range []int{0, 1} {
				s, e, wok := w.on(t.In(loc), loc, d, back)
				if wok && !t.Before(s) && t.Before(e) {
					return s, e, true
				}
			}
		}
	}
	return time.Time{}, time.Time{}, false
}

// duration is the window's length in minutes; 0 for a window that never
// is open (From == Until is read as crossing midnight: 24 h).
func (w Window) duration() int {
	f, u := int(w.From), int(w.Until)
	if f > 1440 || u > 1440 {
		return 0
	}
	if u <= f {
		u += 1440
	}
	return u - f
}

// on returns the occurrence of w that starts on weekday d of the week of
// local time lt, shifted back by `back` weeks' worth of one day search:
// back 0 is the occurrence starting on the most recent day d at or before
// lt's date, back 1 the one a week earlier.
func (w Window) on(lt time.Time, loc *time.Location, d Weekday, back int) (time.Time, time.Time, bool) {
	dur := w.duration()
	if dur == 0 || !d.IsValid() {
		return time.Time{}, time.Time{}, false
	}
	diff := (int(lt.Weekday()) - int(d) + 7) % 7
	day := lt.AddDate(0, 0, -diff-7*back)
	s := time.Date(day.Year(), day.Month(), day.Day(), int(w.From)/60, int(w.From)%60, 0, 0, loc)
	e := time.Date(day.Year(), day.Month(), day.Day(), int(w.From)/60, int(w.From)%60+dur, 0, 0, loc)
	return s, e, true
}

// occurrence returns the first occurrence of w on weekday d starting after t.
func (w Window) occurrence(t time.Time, loc *time.Location, d Weekday, _ bool) (time.Time, time.Time, bool) {
	if loc == nil {
		loc = time.UTC
	}
	lt := t.In(loc)
	s, e, ok := w.on(lt, loc, d, 0)
	if !ok {
		return s, e, false
	}
	for !s.After(t) {
		lt = lt.AddDate(0, 0, 7)
		s, e, _ = w.on(lt, loc, d, 0)
	}
	return s, e, true
}
