package locale

import (
	"time"
)

// Date is a civil (calendar) date in the proleptic Gregorian calendar,
// without a time of day or a zone: the date of a sale, of an invoice, the
// first and last day of a tax rate. It is the one date type of marketkit
// (tax.Date is an alias of it).
//
// A Date holds a day of years 1 to 9999. Dates compare with ==, and order
// with [Date.Compare], [Date.Before] and [Date.After] (also usable with
// slices.SortFunc). The zero Date is no day; it reports IsZero, is before
// every other Date, prints as "" and marshals as "", which UnmarshalText
// reads back as the zero Date, so an open-ended period ("to: zero") round
// trips through JSON and text. Arithmetic never produces the zero Date: a
// result outside years 1 to 9999 is reported (ok false).
type Date struct {
	v int32 // year*10000 + month*100 + day; 0 = the zero Date
}

// MinDate and MaxDate are the first and last days a Date holds.
var (
	MinDate = Date{1*10000 + 1*100 + 1}
	MaxDate = Date{9999*10000 + 12*100 + 31}
)

// MakeDate returns the Date y-m-d. It reports false when the day does not
// exist (2023-02-29, 2024-13-01) or the year is outside 1 to 9999.
func MakeDate(y int, m time.Month, d int) (Date, bool) {
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return Date{}, false
	}
	return Date{int32(y*10000 + int(m)*100 + d)}, true
}

// DateOf returns the civil date of t in t's location: DateOf(t.In(loc)) is
// the date in loc (a store's time zone). It returns the zero Date for a
// time outside years 1 to 9999, which every function taking a Date
// rejects or treats as "no date".
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	dt, _ := MakeDate(y, m, d)
	return dt
}

// ParseDate parses an ISO 8601 calendar date "YYYY-MM-DD" of years 0001
// to 9999, exactly ten bytes. Anything else (including the empty string
// and "0000-00-00", which only UnmarshalText reads, as the zero Date) is
// an *Error wrapping ErrInvalidDate, for example
// `locale: ParseDate: date "2023-02-29": invalid date: no such day`.
func ParseDate(s string) (Date, error) {
	d, reason := parseDate(s)
	if reason != "" {
		return Date{}, newError("ParseDate", "date", s, ErrInvalidDate, reason)
	}
	return d, nil
}

// MustParseDate is ParseDate for literals in code and tests; it panics on
// error.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func parseDate(s string) (Date, string) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, "want YYYY-MM-DD"
	}
	y, ok1 := atoiN(s[0:4])
	m, ok2 := atoiN(s[5:7])
	d, ok3 := atoiN(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, "want YYYY-MM-DD"
	}
	dt, ok := MakeDate(y, time.Month(m), d)
	if !ok {
		if y == 0 {
			return Date{}, "year 0000 is outside 0001 to 9999"
		}
		return Date{}, "no such day"
	}
	return dt, ""
}

func atoiN(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d.v == 0 }

// Year returns the year of d (0 for the zero Date).
func (d Date) Year() int { return int(d.v / 10000) }

// Month returns the month of d (0 for the zero Date).
func (d Date) Month() time.Month { return time.Month(d.v / 100 % 100) }

// Day returns the day of the month of d (0 for the zero Date).
func (d Date) Day() int { return int(d.v % 100) }

// Weekday returns the day of the week of d; Sunday for the zero Date.
func (d Date) Weekday() time.Weekday {
	if d.v == 0 {
		return time.Sunday
	}
	// Day 0 of daysFromCivil is 0001-01-01, a Monday.
	return time.Weekday((d.days()%7 + 1) % 7)
}

// In returns the first instant of d in loc: midnight, or the first
// instant after it on a day that skips midnight for a clock change, as
// time.Date normalizes it. A nil loc means UTC. The zero Date returns the
// zero time.Time.
func (d Date) In(loc *time.Location) time.Time {
	if d.v == 0 {
		return time.Time{}
	}
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
}

// Equal reports whether d and e are the same day (as d == e does); it
// lets go-cmp compare values that hold Dates.
func (d Date) Equal(e Date) bool { return d == e }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.v < e.v }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.v > e.v }

// Compare returns -1 when d is before e, +1 when after, 0 when equal.
func (d Date) Compare(e Date) int {
	switch {
	case d.v < e.v:
		return -1
	case d.v > e.v:
		return 1
	}
	return 0
}

// AddDays returns d shifted by n days (n may be negative). It reports
// false, with the zero Date, when d is the zero Date or the result falls
// outside MinDate to MaxDate: arithmetic never wraps or yields a silent
// zero.
func (d Date) AddDays(n int) (Date, bool) {
	if d.v == 0 {
		return Date{}, false
	}
	const maxDays = 3652058 // MaxDate.days(): 0001-01-01 is day 0
	x := d.days()
	if n > maxDays || n < -maxDays || x+int64(n) < 0 || x+int64(n) > maxDays {
		return Date{}, false
	}
	return civilFromDays(x + int64(n)), true
}

// DaysSince returns the number of days from e to d (negative when d is
// before e); 0 when either is the zero Date.
func (d Date) DaysSince(e Date) int {
	if d.v == 0 || e.v == 0 {
		return 0
	}
	return int(d.days() - e.days())
}

// days returns the number of days from 0001-01-01 to d.
func (d Date) days() int64 {
	// The algorithm of H. Hinnant's days_from_civil, shifted so that
	// day 0 is 0001-01-01.
	y, m, dd := int64(d.Year()), int64(d.Month()), int64(d.Day())
	if m <= 2 {
		y--
	}
	era := y / 400 // y ≥ 0 here
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + dd - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 306 // 0000-03-01 is day 0 before the shift; 0001-01-01 is day 306
}

// civilFromDays is the inverse of Date.days, for 0 ≤ x ≤ MaxDate.days().
func civilFromDays(x int64) Date {
	z := x + 306
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return Date{int32(y*10000 + m*100 + d)}
}

// String returns d as "YYYY-MM-DD", or "" for the zero Date.
func (d Date) String() string {
	if d.v == 0 {
		return ""
	}
	var b [10]byte
	return string(d.appendISO(b[:0]))
}

func (d Date) appendISO(b []byte) []byte {
	if d.v == 0 {
		return b
	}
	y, m, dd := d.Year(), int(d.Month()), d.Day()
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10))
}

// AppendText implements encoding.TextAppender: it appends String(d). It
// never fails.
func (d Date) AppendText(b []byte) ([]byte, error) { return d.appendISO(b), nil }

// MarshalText implements encoding.TextMarshaler: "YYYY-MM-DD", or empty
// text for the zero Date.
func (d Date) MarshalText() ([]byte, error) { return d.appendISO(nil), nil }

// UnmarshalText implements encoding.TextUnmarshaler. It accepts what
// MarshalText writes: "YYYY-MM-DD", and the empty text as the zero Date;
// it also reads "0000-00-00", which earlier versions wrote for the zero
// Date, as the zero Date. Anything else is an error, as from ParseDate.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 || string(b) == "0000-00-00" {
		*d = Date{}
		return nil
	}
	x, reason := parseDate(string(b))
	if reason != "" {
		return newError("Date.UnmarshalText", "date", string(b), ErrInvalidDate, reason)
	}
	*d = x
	return nil
}
