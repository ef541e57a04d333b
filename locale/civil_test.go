package locale

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"testing"
	"time"
)

func TestDateAgainstTimePackage(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	start := time.Date(1, 1, 1, 12, 0, 0, 0, time.UTC)
	n := 20000
	if *long {
		n = 2_000_000
	}
	for i := range n {
		x := r.IntN(3652059)
		if i < 3 {
			x = []int{0, 3652058, 738000}[i]
		}
		tm := start.AddDate(0, 0, x)
		d := DateOf(tm)
		if d.IsZero() || d.Year() != tm.Year() || d.Month() != tm.Month() || d.Day() != tm.Day() {
			t.Fatalf("DateOf(%v) = %v", tm, d)
		}
		if d.days() != int64(x) {
			t.Fatalf("%v.days() = %d, want %d", d, d.days(), x)
		}
		if d.Weekday() != tm.Weekday() {
			t.Fatalf("%v.Weekday() = %v, want %v", d, d.Weekday(), tm.Weekday())
		}
		if got, want := d.String(), tm.Format(time.DateOnly); got != want {
			t.Fatalf("String = %q, want %q", got, want)
		}
		k := r.IntN(800) - 400
		e, ok := d.AddDays(k)
		wantOK := x+k >= 0 && x+k <= 3652058
		if ok != wantOK {
			t.Fatalf("%v.AddDays(%d) ok = %v, want %v", d, k, ok, wantOK)
		}
		if ok {
			if want := DateOf(tm.AddDate(0, 0, k)); e != want {
				t.Fatalf("%v.AddDays(%d) = %v, want %v", d, k, e, want)
			}
			if got := e.DaysSince(d); got != k {
				t.Fatalf("%v.DaysSince(%v) = %d, want %d", e, d, got, k)
			}
		} else if !e.IsZero() {
			t.Fatalf("failed AddDays returned %v", e)
		}
	}
}

func TestDateRangeEdges(t *testing.T) {
	tests := []struct {
		name string
		d    Date
		n    int
		want string
		ok   bool
	}{
		{"last day", MaxDate, 0, "9999-12-31", true},
		{"past 9999-12-31", MaxDate, 1, "", false},
		{"before 0001-01-01", MinDate, -1, "", false},
		{"first day", MinDate, 0, "0001-01-01", true},
		{"whole range", MinDate, 3652058, "9999-12-31", true},
		{"huge", MustParseDate("2026-01-01"), 1 << 62, "", false},
		{"huge negative", MustParseDate("2026-01-01"), -1 << 62, "", false},
		{"zero date", Date{}, 1, "", false},
		{"leap day", MustParseDate("2024-02-28"), 1, "2024-02-29", true},
		{"1900 no leap", MustParseDate("1900-02-28"), 1, "1900-03-01", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.d.AddDays(tt.n)
			if got.String() != tt.want || ok != tt.ok {
				t.Errorf("AddDays(%d) = %q, %v; want %q, %v", tt.n, got, ok, tt.want, tt.ok)
			}
		})
	}
	if _, ok := MakeDate(10000, 1, 1); ok {
		t.Error("MakeDate(10000-01-01) ok")
	}
	if d := DateOf(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)); !d.IsZero() {
		t.Errorf("DateOf(10000-01-01) = %v, want zero", d)
	}
}

func TestParseDateErrors(t *testing.T) {
	tests := []struct{ in, msg string }{
		{"", `locale: ParseDate: date "": invalid date: want YYYY-MM-DD`},
		{"2023-02-29", `locale: ParseDate: date "2023-02-29": invalid date: no such day`},
		{"0000-00-00", `locale: ParseDate: date "0000-00-00": invalid date: year 0000 is outside 0001 to 9999`},
		{" 2023-01-01", `locale: ParseDate: date " 2023-01-01": invalid date: want YYYY-MM-DD`},
		{"2023-1-01x", `locale: ParseDate: date "2023-1-01x": invalid date: want YYYY-MM-DD`},
		{"+123-01-01", `locale: ParseDate: date "+123-01-01": invalid date: want YYYY-MM-DD`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := ParseDate(tt.in)
			if !errors.Is(err, ErrInvalidDate) || err.Error() != tt.msg {
				t.Errorf("ParseDate(%q) = %v, want %s", tt.in, err, tt.msg)
			}
		})
	}
	huge := make([]byte, 1<<20)
	for i := range huge {
		huge[i] = '9'
	}
	_, err := ParseDate(string(huge))
	if err == nil || len(err.Error()) > 200 {
		t.Errorf("ParseDate(1 MiB) message is %d bytes", len(err.Error()))
	}
}

func TestDateTextRoundTrip(t *testing.T) {
	type period struct {
		From Date `json:"from"`
		To   Date `json:"to"`
	}
	in := period{From: MustParseDate("2025-07-01")}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"from":"2025-07-01","to":""}` {
		t.Errorf("json = %s", b)
	}
	var out period
	if err := json.Unmarshal(b, &out); err != nil || out != in {
		t.Errorf("round trip = %+v, %v; want %+v", out, err, in)
	}
	// What earlier versions wrote for the zero Date reads back.
	if err := json.Unmarshal([]byte(`{"from":"2025-07-01","to":"0000-00-00"}`), &out); err != nil || out != in {
		t.Errorf("legacy zero = %+v, %v", out, err)
	}
	var d Date
	if err := d.UnmarshalText([]byte("2025-13-01")); !errors.Is(err, ErrInvalidDate) {
		t.Errorf("UnmarshalText(2025-13-01) = %v", err)
	}
}

func TestDateInAndOrder(t *testing.T) {
	zurich, err := time.LoadLocation("Europe/Zurich")
	if err != nil {
		t.Skip(err)
	}
	d := MustParseDate("2026-03-29") // clocks go forward at 02:00
	got := d.In(zurich)
	if got.Format(time.RFC3339) != "2026-03-29T00:00:00+01:00" {
		t.Errorf("In = %v", got)
	}
	if DateOf(got) != d {
		t.Errorf("DateOf(In) = %v", DateOf(got))
	}
	if !(Date{}).In(zurich).IsZero() {
		t.Error("zero Date In is not the zero time")
	}
	a, b := MustParseDate("2025-12-31"), MustParseDate("2026-01-01")
	if !a.Before(b) || !b.After(a) || a.Compare(b) != -1 || b.Compare(a) != 1 || a.Compare(a) != 0 || !(Date{}).Before(a) {
		t.Error("order wrong")
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-01-02", "0001-01-01", "9999-12-31", "2024-02-29", "2023-02-29", "", "0000-00-00", "2026-1-02"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("ParseDate(%q) = %v with error", s, d)
			}
			return
		}
		// Oracle: the time package reads the same day.
		tm, terr := time.Parse(time.DateOnly, s)
		if terr != nil || DateOf(tm) != d {
			t.Fatalf("ParseDate(%q) = %v; time.Parse = %v, %v", s, d, tm, terr)
		}
		if d.String() != s {
			t.Fatalf("String = %q, want %q", d, s)
		}
		var back Date
		b, _ := d.MarshalText()
		if err := back.UnmarshalText(b); err != nil || back != d {
			t.Fatalf("text round trip %q: %v, %v", b, back, err)
		}
	})
}
