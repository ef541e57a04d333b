package locale_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/locale"
)

func ExampleParseDate() {
	d, err := locale.ParseDate("2024-02-28")
	if err != nil {
		fmt.Println(err)
		return
	}
	next, ok := d.AddDays(1)
	fmt.Println(d, next, ok, next.Weekday())

	_, err = locale.ParseDate("2023-02-29")
	fmt.Println(errors.Is(err, locale.ErrInvalidDate), err)
	// Output:
	// 2024-02-28 2024-02-29 true Thursday
	// true locale: ParseDate: date "2023-02-29": invalid date: no such day
}

// Arithmetic outside years 1 to 9999 is reported, never a silent zero.
func ExampleDate_AddDays() {
	_, ok := locale.MaxDate.AddDays(1)
	fmt.Println(ok)
	// Output: false
}

// The zero Date is "no date" (an open-ended period) and round-trips
// through JSON as "".
func ExampleDate_MarshalText() {
	type period struct {
		From, To locale.Date
	}
	b, _ := json.Marshal(period{From: locale.MustParseDate("2026-01-01")})
	fmt.Println(string(b))
	var p period
	err := json.Unmarshal(b, &p)
	fmt.Println(err, p.To.IsZero())
	// Output:
	// {"From":"2026-01-01","To":""}
	// <nil> true
}

// A Date formats through its first instant; DateOf goes the other way,
// in the store's time zone.
func ExampleDateOf() {
	zurich, err := time.LoadLocation("Europe/Zurich")
	if err != nil {
		fmt.Println(err)
		return
	}
	sale := time.Date(2025, 12, 31, 23, 30, 0, 0, time.UTC) // already 2026 in Zurich
	d := locale.DateOf(sale.In(zurich))
	f, _ := locale.NewFormatter(language.German, nil)
	fmt.Println(d, f.Date(d.In(zurich), locale.DateLong))
	// Output: 2026-01-01 1. Januar 2026
}

func ExampleNormalizeCountry() {
	for _, in := range []string{"ch", "DE", " CH", "XX"} {
		code, err := locale.NormalizeCountry(in)
		fmt.Printf("%q %v\n", code, err)
	}
	// Output:
	// "CH" <nil>
	// "DE" <nil>
	// "" locale: NormalizeCountry: country " CH": unknown country code
	// "" locale: NormalizeCountry: country "XX": unknown country code
}
