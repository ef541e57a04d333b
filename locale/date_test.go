package locale

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var fixedTime = time.Date(2026, time.January, 2, 23, 30, 0, 0, time.UTC)

func TestDate(t *testing.T) {
	tests := []struct {
		tag                       string
		short, medium, long, full string
	}{
		{"en-US", "1/2/26", "Jan 2, 2026", "January 2, 2026", "Friday, January 2, 2026"},
		{"en-GB", "02/01/2026", "2 Jan 2026", "2 January 2026", "Friday, 2 January 2026"},
		{"de-DE", "02.01.26", "02.01.2026", "2. Januar 2026", "Freitag, 2. Januar 2026"},
		{"fr-FR", "02/01/2026", "2 janv. 2026", "2 janvier 2026", "vendredi 2 janvier 2026"},
		{"es-MX", "02/01/26", "2 ene 2026", "2 de enero de 2026", "viernes, 2 de enero de 2026"},
		{"ja-JP", "2026/01/02", "2026/01/02", "2026年1月2日", "2026年1月2日金曜日"},
		{"ar-EG", "٢\u200f/١\u200f/٢٠٢٦", "٠٢\u200f/٠١\u200f/٢٠٢٦", "٢ يناير ٢٠٢٦", "الجمعة، ٢ يناير ٢٠٢٦"},
		{"fa-IR", "۲۰۲۶/۱/۲", "۲ ژانویه ۲۰۲۶", "۲ ژانویهٔ ۲۰۲۶", "جمعه ۲ ژانویهٔ ۲۰۲۶"},
		{"hu", "2026. 01. 02.", "2026. jan. 2.", "2026. január 2.", "2026. január 2., péntek"},
		{"zh", "2026/1/2", "2026年1月2日", "2026年1月2日", "2026年1月2日星期五"},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			f := mustFormatter(t, tt.tag, nil)
			for style, want := range map[DateStyle]string{DateShort: tt.short, DateMedium: tt.medium, DateLong: tt.long, DateFull: tt.full} {
				if got := f.Date(fixedTime, style); got != want {
					t.Errorf("Date(%s) = %q, want %q", style, got, want)
				}
			}
		})
	}
}

func TestDateTimeZone(t *testing.T) {
	f := mustFormatter(t, "en-US", nil)
	tokyo := time.FixedZone("JST", 9*3600)
	if got := f.Date(fixedTime.In(tokyo), DateMedium); got != "Jan 3, 2026" {
		t.Errorf("in Tokyo: %q, want Jan 3, 2026 (the date in t's location)", got)
	}
	if got := f.Date(fixedTime, DateMedium); got != "Jan 2, 2026" {
		t.Errorf("in UTC: %q", got)
	}
}

func TestDateEdges(t *testing.T) {
	f := mustFormatter(t, "en", nil)
	tests := []struct {
		name  string
		t     time.Time
		style DateStyle
		want  string
	}{
		{"year 5 short pads to 2", time.Date(5, 3, 4, 0, 0, 0, 0, time.UTC), DateShort, "3/4/05"},
		{"year 0 is 1 BC", time.Date(0, 3, 4, 0, 0, 0, 0, time.UTC), DateMedium, "Mar 4, 1"},
		{"year 10000", time.Date(10000, 12, 31, 0, 0, 0, 0, time.UTC), DateLong, "December 31, 10000"},
		{"zero time", time.Time{}, DateFull, "Monday, January 1, 1"},
		{"unknown style is medium", fixedTime, DateStyle(42), "Jan 2, 2026"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := f.Date(tt.t, tt.style); got != tt.want {
				t.Errorf("Date = %q, want %q", got, tt.want)
			}
		})
	}
	th := mustFormatter(t, "th", nil)
	if got := th.Date(fixedTime, DateLong); got != "2 มกราคม ค.ศ. 2026" {
		t.Errorf("th long (with era G) = %q", got)
	}
}

func TestDateStyleString(t *testing.T) {
	for s, want := range map[DateStyle]string{DateShort: "short", DateMedium: "medium", DateLong: "long", DateFull: "full", 9: "DateStyle(9)"} {
		if got := s.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", s, got, want)
		}
	}
}

func TestCompileDatePatternErrors(t *testing.T) {
	for _, p := range []string{"y 'unterminated", "HH:mm", "yyyyyy"} {
		if _, err := compileDatePattern(p); err == nil {
			t.Errorf("compileDatePattern(%q) accepted", p)
		}
	}
	ops, err := compileDatePattern("d 'de' MMMM ''y")
	want := []dateOp{{kind: 'd', width: 1}, {lit: " "}, {lit: "de"}, {lit: " "}, {kind: 'M', width: 4}, {lit: " "}, {lit: "'"}, {kind: 'y', width: 1}}
	if err != nil || !slices.Equal(ops.op[:ops.n], want) {
		t.Errorf("ops = %+v, %v; want %+v", ops.op[:ops.n], err, want)
	}
	if _, err := compileDatePattern(strings.Repeat("d.", maxDateOps)); err == nil {
		t.Errorf("a pattern of %d steps compiled", 2*maxDateOps)
	}
	maxOps := 0
	for _, r := range dateRecords {
		for _, p := range r.patterns {
			ops, _ := compileDatePattern(p)
			maxOps = max(maxOps, int(ops.n))
		}
	}
	if maxOps > 14 {
		t.Errorf("a CLDR pattern needs %d steps; update the maxDateOps comment", maxOps)
	}
}

// TestDateEveryLocale formats extreme and odd times in every modern locale
// and style: the output is valid UTF-8, carries the year in the locale's
// digits (the short style may show two digits) and the weekday name in the
// full style (where CLDR's pattern has one: ms-BN's has not), and styles
// outside the constants format as DateMedium.
func TestDateEveryLocale(t *testing.T) {
	times := []time.Time{
		time.Date(12345, time.March, 4, 0, 0, 0, 0, time.UTC),                            // five-digit year
		time.Date(-44, time.March, 15, 12, 0, 0, 0, time.UTC),                            // 45 BC: year of era 45
		time.Date(2024, time.February, 29, 23, 59, 0, 0, time.FixedZone("+14", 14*3600)), // Line Islands
		time.Date(1, time.January, 1, 0, 0, 0, 0, time.FixedZone("-13:59", -(13*3600+59*60))),
	}
	for _, id := range modernLocaleIDs {
		f := mustFormatter(t, id, nil)
		for _, tm := range times {
			year := tm.Year()
			if year <= 0 {
				year = 1 - year
			}
			full := string(f.appendInt(nil, year, 1))
			two := string(f.appendInt(nil, year%100, 2))
			for style := DateShort; style <= DateFull; style++ {
				got := f.Date(tm, style)
				if !utf8.ValidString(got) {
					t.Fatalf("%s: Date(%v, %s) = %q: invalid UTF-8", id, tm, style, got)
				}
				if !strings.Contains(got, full) && !(style == DateShort && strings.Contains(got, two)) {
					t.Errorf("%s: Date(%v, %s) = %q: no year %q", id, tm, style, got, full)
				}
				if wd := f.dates.daysWide[tm.Weekday()]; style == DateFull && hasWeekday(&f.dates.ops[DateFull]) && !strings.Contains(got, wd) && !strings.Contains(got, f.dates.daysStand[tm.Weekday()]) && !strings.Contains(got, f.dates.daysAbbr[tm.Weekday()]) {
					t.Errorf("%s: Date(%v, full) = %q: no weekday %q", id, tm, got, wd)
				}
			}
			if got, want := f.Date(tm, DateFull+1), f.Date(tm, DateMedium); got != want {
				t.Errorf("%s: Date(%v, DateStyle(4)) = %q, want the medium %q", id, tm, got, want)
			}
		}
	}
}

// hasWeekday reports whether a compiled date pattern shows the weekday.
func hasWeekday(ops *dateOps) bool {
	for _, op := range ops.op[:ops.n] {
		if op.kind == 'E' || op.kind == 'c' {
			return true
		}
	}
	return false
}
