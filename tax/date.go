package tax

import (
	"time"
)

// Date is a civil (calendar) date without time of day or zone. Rate
// periods are inclusive ranges of Dates; the date of a sale is the civil
// date in the store's time zone (see [DateOf]). The zero Date is invalid
// and reports IsZero; Dates compare with ==, <, > through [Date.Compare]
// or [Date.Before].
type Date struct {
	v int32 // year*10000 + month*100 + day; 0 = zero Date
}

// MakeDate returns the Date y-m-d. It reports false when the date does not
// exist (2023-02-29) or the year is outside 1..9999.
func MakeDate(y int, m time.Month, d int) (Date, bool) {
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return Date{}, false
	}
	return Date{int32(y*10000 + int(m)*100 + d)}, true
}

// DateOf returns the civil date of t in loc (the store's time zone). A nil
// loc uses t's own location.
func DateOf(t time.Time, loc *time.Location) Date {
	if loc != nil {
		t = t.In(loc)
	}
	y, m, d := t.Date()
	dt, _ := MakeDate(y, m, d)
	return dt
}

// ParseDate parses an ISO 8601 calendar date "YYYY-MM-DD".
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fieldErr(ErrInvalidInput, "date", s, "want YYYY-MM-DD")
	}
	y, ok1 := atoiN(s[0:4])
	m, ok2 := atoiN(s[5:7])
	d, ok3 := atoiN(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, fieldErr(ErrInvalidInput, "date", s, "want YYYY-MM-DD")
	}
	dt, ok := MakeDate(y, time.Month(m), d)
	if !ok {
		return Date{}, fieldErr(ErrInvalidInput, "date", s, "no such day")
	}
	return dt, nil
}

// MustDate is ParseDate for literals in tests and examples; it panics on
// error.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
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

// IsZero reports whether d is the zero (invalid) Date.
func (d Date) IsZero() bool { return d.v == 0 }

// Year, Month and Day return the parts of d.
func (d Date) Year() int { return int(d.v / 10000) }

// Month returns the month of d.
func (d Date) Month() time.Month { return time.Month(d.v / 100 % 100) }

// Day returns the day of the month of d.
func (d Date) Day() int { return int(d.v % 100) }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.v < e.v }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.v > e.v }

// Compare returns -1, 0 or +1.
func (d Date) Compare(e Date) int {
	switch {
	case d.v < e.v:
		return -1
	case d.v > e.v:
		return 1
	}
	return 0
}

// AddDays returns d shifted by n days.
func (d Date) AddDays(n int) Date {
	t := time.Date(d.Year(), d.Month(), d.Day()+n, 12, 0, 0, 0, time.UTC)
	return DateOf(t, nil)
}

// String returns "YYYY-MM-DD", or "" for the zero Date.
func (d Date) String() string {
	if d.v == 0 {
		return ""
	}
	var b [10]byte
	return string(d.appendTo(b[:0]))
}

func (d Date) appendTo(b []byte) []byte {
	y, m, dd := d.Year(), int(d.Month()), d.Day()
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10))
}

// MarshalText implements encoding.TextMarshaler.
func (d Date) MarshalText() ([]byte, error) { return d.appendTo(nil), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Date) UnmarshalText(b []byte) error {
	x, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = x
	return nil
}
