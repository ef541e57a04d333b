package locale

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"
)

func TestCountryInfo(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  Country
		langs []string
		zones []string // a prefix of TimeZones()
		nzone int      // len(TimeZones())
	}{
		{"germany", "DE", Country{Code: "DE", Name: "Germany", LocalName: "Deutschland", DefaultLocale: language.MustParse("de-DE"),
			Currency: "EUR", FirstDayOfWeek: time.Monday, Measurement: Metric, CallingCode: 49},
			[]string{"de"}, []string{"Europe/Berlin", "Europe/Busingen"}, 2},
		{"lowercase", "ch", Country{Code: "CH", Name: "Switzerland", LocalName: "Schweiz", DefaultLocale: language.MustParse("de-CH"),
			Currency: "CHF", FirstDayOfWeek: time.Monday, Measurement: Metric, CallingCode: 41},
			[]string{"de", "gsw", "fr", "it"}, []string{"Europe/Zurich"}, 1},
		{"mixed case", "bE", Country{Code: "BE", Name: "Belgium", LocalName: "België", DefaultLocale: language.MustParse("nl-BE"),
			Currency: "EUR", FirstDayOfWeek: time.Monday, Measurement: Metric, CallingCode: 32},
			[]string{"nl", "fr", "de"}, []string{"Europe/Brussels"}, 1},
		{"canada", "CA", Country{Code: "CA", Name: "Canada", LocalName: "Canada", DefaultLocale: language.MustParse("en-CA"),
			Currency: "CAD", FirstDayOfWeek: time.Sunday, Measurement: Metric, CallingCode: 1},
			[]string{"en", "fr"}, []string{"America/Toronto", "America/Atikokan", "America/Blanc-Sablon"}, 23},
		{"india", "IN", Country{Code: "IN", Name: "India", LocalName: "भारत", DefaultLocale: language.MustParse("hi-IN"),
			Currency: "INR", FirstDayOfWeek: time.Sunday, Measurement: Metric, CallingCode: 91},
			[]string{"hi", "en"}, []string{"Asia/Kolkata"}, 1},
		{"united states", "US", Country{Code: "US", Name: "United States", LocalName: "United States", DefaultLocale: language.MustParse("en-US"),
			Currency: "USD", FirstDayOfWeek: time.Sunday, Measurement: USCustomary, CallingCode: 1},
			[]string{"en"}, []string{"America/New_York", "America/Adak", "America/Anchorage"}, 29},
		{"united kingdom", "GB", Country{Code: "GB", Name: "United Kingdom", LocalName: "United Kingdom", DefaultLocale: language.MustParse("en-GB"),
			Currency: "GBP", FirstDayOfWeek: time.Monday, Measurement: Imperial, CallingCode: 44},
			[]string{"en"}, []string{"Europe/London"}, 1},
		{"egypt saturday", "EG", Country{Code: "EG", Name: "Egypt", LocalName: "مصر", DefaultLocale: language.MustParse("ar-EG"),
			Currency: "EGP", FirstDayOfWeek: time.Saturday, Measurement: Metric, CallingCode: 20},
			[]string{"ar"}, []string{"Africa/Cairo"}, 1},
		{"taiwan keeps script", "TW", Country{Code: "TW", Name: "Taiwan", LocalName: "台灣", DefaultLocale: language.MustParse("zh-Hant-TW"),
			Currency: "TWD", FirstDayOfWeek: time.Sunday, Measurement: Metric, CallingCode: 886},
			[]string{"zh-Hant", "nan-Hant", "hak-Hant"}, []string{"Asia/Taipei"}, 1},
		{"china primary zone first", "CN", Country{Code: "CN", Name: "China", LocalName: "中国", DefaultLocale: language.MustParse("zh-CN"),
			Currency: "CNY", FirstDayOfWeek: time.Monday, Measurement: Metric, CallingCode: 86},
			[]string{"zh"}, []string{"Asia/Shanghai", "Asia/Urumqi"}, 2},
		{"zimbabwe current tender", "ZW", Country{Code: "ZW", Name: "Zimbabwe", LocalName: "Zimbabwe", DefaultLocale: language.MustParse("sn-ZW"),
			Currency: "ZWG", FirstDayOfWeek: time.Sunday, Measurement: Metric, CallingCode: 263},
			[]string{"sn", "en", "nd"}, []string{"Africa/Harare"}, 1},
		{"antarctica has no currency", "AQ", Country{Code: "AQ", Name: "Antarctica", LocalName: "Antarctica", DefaultLocale: language.MustParse("en-AQ"),
			Currency: "", FirstDayOfWeek: time.Monday, Measurement: Metric, CallingCode: 0},
			nil, []string{"Antarctica/Casey"}, 9},
		{"kosovo user-assigned", "XK", Country{Code: "XK", Name: "Kosovo", LocalName: "Kosovë", DefaultLocale: language.MustParse("sq-XK"),
			Currency: "EUR", FirstDayOfWeek: time.Monday, Measurement: Metric, CallingCode: 383},
			[]string{"sq", "sr", "sr-Latn"}, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := CountryInfo(tt.in)
			if !ok {
				t.Fatalf("CountryInfo(%q) = false, want true", tt.in)
			}
			if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b language.Tag) bool { return a == b })); diff != "" {
				t.Errorf("CountryInfo(%q) (-want +got):\n%s", tt.in, diff)
			}
			var langs []string
			for _, l := range got.Languages() {
				langs = append(langs, l.String())
			}
			if diff := cmp.Diff(tt.langs, langs); diff != "" {
				t.Errorf("CountryInfo(%q).Languages() (-want +got):\n%s", tt.in, diff)
			}
			zones := got.TimeZones()
			if len(zones) != tt.nzone {
				t.Errorf("CountryInfo(%q).TimeZones() has %d zones %v, want %d", tt.in, len(zones), zones, tt.nzone)
			}
			if len(zones) < len(tt.zones) || !slicesEqual(zones[:len(tt.zones)], tt.zones) {
				t.Errorf("CountryInfo(%q).TimeZones() = %v, want prefix %v", tt.in, zones, tt.zones)
			}
		})
	}
}

func slicesEqual(a, b []string) bool {
	return cmp.Equal(a, b, cmp.Comparer(func(x, y string) bool { return x == y }))
}

func TestCountryInfoUnknown(t *testing.T) {
	for _, in := range []string{"", "D", "DEU", "EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AC", "IC", "419", "001",
		"1A", "D\x00", "\xc3\xa4", "de-", "ÄÖ", "{[", "@@"} {
		if c, ok := CountryInfo(in); ok || c != (Country{}) {
			t.Errorf("CountryInfo(%q) = %+v, %v; want zero, false", in, c, ok)
		}
	}
}

func TestCountries(t *testing.T) {
	codes := Countries()
	if len(codes) < 245 || len(codes) > 255 {
		t.Fatalf("len(Countries()) = %d, want about 250", len(codes))
	}
	for i, code := range codes {
		if i > 0 && codes[i-1] >= code {
			t.Errorf("Countries() not sorted at %d: %q >= %q", i, codes[i-1], code)
		}
		c, ok := CountryInfo(code)
		if !ok || c.Code != code || c.Name == "" || c.LocalName == "" || c.DefaultLocale == language.Und {
			t.Errorf("CountryInfo(%q) = %+v, %v", code, c, ok)
		}
		if r, _ := c.DefaultLocale.Region(); r.String() != code {
			t.Errorf("CountryInfo(%q).DefaultLocale = %v, region %v", code, c.DefaultLocale, r)
		}
	}
	// The caller owns the slice.
	codes[0] = "??"
	if Countries()[0] == "??" {
		t.Error("Countries() hands out shared storage")
	}
}

func TestCountryListsAreCopies(t *testing.T) {
	c, _ := CountryInfo("US")
	z := c.TimeZones()
	z[0] = "Mars/Olympus"
	if c.TimeZones()[0] == "Mars/Olympus" {
		t.Error("TimeZones() hands out shared storage")
	}
	l := c.Languages()
	l[0] = language.Und
	if c.Languages()[0] == language.Und {
		t.Error("Languages() hands out shared storage")
	}
	if (Country{}).Languages() != nil || (Country{}).TimeZones() != nil {
		t.Error("zero Country has languages or time zones")
	}
	cs := Countries()
	cs[0] = "ZZ"
	if Countries()[0] == "ZZ" {
		t.Error("Countries() hands out shared storage")
	}
	cur := Currencies()
	cur[0] = "ZZZ"
	if Currencies()[0] == "ZZZ" {
		t.Error("Currencies() hands out shared storage")
	}
	ch := Chain(language.MustParse("es-MX"))
	ch[0] = language.Und
	if Chain(language.MustParse("es-MX"))[0] == language.Und {
		t.Error("Chain() hands out shared storage")
	}
}

func TestMeasurementSystemString(t *testing.T) {
	got := []string{Metric.String(), USCustomary.String(), Imperial.String(), MeasurementSystem(7).String()}
	want := []string{"metric", "us-customary", "imperial", "MeasurementSystem(7)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("MeasurementSystem.String (-want +got):\n%s", diff)
	}
}

func TestCountryInfoAllocs(t *testing.T) {
	CountryInfo("DE") // parse the default locales once
	if n := testing.AllocsPerRun(100, func() { sinkCountry, _ = CountryInfo("ch") }); n != 0 {
		t.Errorf("CountryInfo allocs = %v, want 0", n)
	}
}

func TestCountryInfoConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, code := range Countries() {
				if (i+g)%3 != 0 {
					continue
				}
				if c, ok := CountryInfo(code); !ok || c.DefaultLocale == language.Und {
					t.Errorf("CountryInfo(%q) = %+v, %v", code, c, ok)
				}
			}
		}()
	}
	wg.Wait()
}

var sinkCountry Country

func BenchmarkCountryInfo(b *testing.B) {
	CountryInfo("DE")
	codes := []string{"DE", "ch", "US", "JP", "ZW"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sinkCountry, _ = CountryInfo(codes[i%len(codes)])
		i++
	}
}

// BenchmarkCountryInfoMapBaseline is the naive design: a map of prebuilt
// values (built before the timer), looked up after strings.ToUpper.
func BenchmarkCountryInfoMapBaseline(b *testing.B) {
	m := map[string]Country{}
	for _, code := range Countries() {
		m[code], _ = CountryInfo(code)
	}
	codes := []string{"DE", "ch", "US", "JP", "ZW"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sinkCountry = m[strings.ToUpper(codes[i%len(codes)])]
		i++
	}
}

func FuzzCountryInfo(f *testing.F) {
	for _, s := range []string{"DE", "de", "dE", "EU", "ZZ", "", "D", "DEU", "\xff\xfe", "ÄÖ", "419"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, ok := CountryInfo(s)
		if !ok {
			if c != (Country{}) {
				t.Fatalf("CountryInfo(%q) = %+v, false; want zero value", s, c)
			}
			return
		}
		if c.Code != strings.ToUpper(s) {
			t.Fatalf("CountryInfo(%q).Code = %q, want %q", s, c.Code, strings.ToUpper(s))
		}
		if again, ok := CountryInfo(c.Code); !ok || again != c {
			t.Fatalf("CountryInfo(%q) = %+v, differs from CountryInfo(%q) = %+v", c.Code, again, s, c)
		}
		if c.Currency != "" {
			if _, ok := CurrencyInfo(c.Currency); !ok {
				t.Fatalf("CountryInfo(%q).Currency = %q, unknown to CurrencyInfo", s, c.Currency)
			}
		}
	})
}

// TestCountryTimeZoneNames checks that zones carry current IANA names
// (cldr-bcp47 _iana), not CLDR's old aliases, and that the zone most
// people live in comes first.
func TestCountryTimeZoneNames(t *testing.T) {
	first := []struct{ code, zone string }{
		{"IN", "Asia/Kolkata"},
		{"AR", "America/Argentina/Buenos_Aires"},
		{"UA", "Europe/Kyiv"},
		{"VN", "Asia/Ho_Chi_Minh"},
		{"NP", "Asia/Kathmandu"},
		{"MM", "Asia/Yangon"},
		{"GL", "America/Nuuk"},
		{"US", "America/New_York"},
		{"CA", "America/Toronto"},
		{"RU", "Europe/Moscow"},
		{"AU", "Australia/Sydney"},
		{"BR", "America/Sao_Paulo"},
		{"MX", "America/Mexico_City"},
		{"ID", "Asia/Jakarta"},
		{"DE", "Europe/Berlin"},
		{"ES", "Europe/Madrid"},
	}
	for _, tt := range first {
		t.Run(tt.code, func(t *testing.T) {
			c, _ := CountryInfo(tt.code)
			if z := c.TimeZones(); len(z) == 0 || z[0] != tt.zone {
				t.Errorf("CountryInfo(%s).TimeZones() = %v, want %s first", tt.code, z, tt.zone)
			}
		})
	}
	old := []string{"Asia/Calcutta", "America/Buenos_Aires", "Europe/Kiev", "Asia/Saigon", "Asia/Katmandu",
		"Asia/Rangoon", "America/Godthab", "Pacific/Ponape", "Pacific/Truk", "Atlantic/Faeroe",
		"America/Indianapolis", "America/Louisville", "America/Coral_Harbour", "Pacific/Enderbury"}
	for _, code := range Countries() {
		c, _ := CountryInfo(code)
		zones := c.TimeZones()
		for i, z := range zones {
			if slices.Contains(old, z) {
				t.Errorf("country %s: old alias %s", code, z)
			}
			if i > 1 && zones[i-1] >= z {
				t.Errorf("country %s: zones after the first not sorted: %v", code, zones)
			}
			if slices.Contains(zones[:i], z) {
				t.Errorf("country %s: zone %s twice", code, z)
			}
		}
	}
}
