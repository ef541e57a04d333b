package tax

import (
	"errors"
	"time"

	"github.com/marketkit/marketkit/locale"
)

// Date is a civil (calendar) date without time of day or zone: locale's
// one date type. Rate periods are inclusive ranges of Dates; the date of a
// sale is the civil date in the store's time zone (see [DateOf]). The zero
// Date means "no date" (an open-ended period's To) and round-trips
// through JSON as "".
type Date = locale.Date

// MakeDate returns the Date y-m-d (see [locale.MakeDate]).
func MakeDate(y int, m time.Month, d int) (Date, bool) { return locale.MakeDate(y, m, d) }

// DateOf returns the civil date of t in loc (the store's time zone). A nil
// loc uses t's own location.
func DateOf(t time.Time, loc *time.Location) Date {
	if loc != nil {
		t = t.In(loc)
	}
	return locale.DateOf(t)
}

// ParseDate parses an ISO 8601 calendar date "YYYY-MM-DD" (see
// [locale.ParseDate]); an error is an [*Error] with Op "ParseDate"
// wrapping ErrInvalidInput.
func ParseDate(s string) (Date, error) {
	d, err := locale.ParseDate(s)
	if err != nil {
		reason := "want YYYY-MM-DD"
		var le *locale.Error
		if errors.As(err, &le) && le.Reason != "" {
			reason = le.Reason
		}
		return Date{}, &Error{Op: "ParseDate", Field: "date", Value: s, Err: ErrInvalidInput, Reason: reason}
	}
	return d, nil
}

// MustDate is ParseDate for literals in tests and examples; it panics on
// error.
func MustDate(s string) Date { return locale.MustParseDate(s) }
