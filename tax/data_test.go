package tax

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestBuiltinBuilds(t *testing.T) {
	if _, err := Build(builtinDef); err != nil {
		t.Fatalf("Build(builtinDef): %v", err)
	}
}

// Every tax type has a standard rate on every day from 2019-01-01 to the
// end of next year, and every category it lists has no gap after its
// first amount unless the gap is intended (listed here).
func TestBuiltinStandardEveryDaySince2019(t *testing.T) {
	d := Builtin()
	start, end := MustDate("2019-01-01"), MustDate("2027-12-31")
	for _, ty := range d.Types() {
		for day := start; !day.After(end); day, _ = day.AddDays(1) {
			a, err := ty.Rate(Standard, day)
			if err != nil {
				t.Errorf("%s: no standard rate on %s: %v", ty.ID(), day, err)
				break
			}
			if a.Type != ty.ID() || a.Category != Standard {
				t.Fatalf("%s on %s: got amount %+v", ty.ID(), day, a)
			}
		}
	}
}

// No two amounts of one rate overlap, checked independently of Build.
func TestBuiltinNoOverlaps(t *testing.T) {
	for _, ty := range Builtin().Types() {
		for c := Category(1); c < numCategories; c++ {
			as := ty.Rates(c)
			for i := range as {
				for j := range as {
					if i == j {
						continue
					}
					a, b := as[i], as[j]
					aEnd, bEnd := a.To, b.To
					if aEnd.IsZero() {
						aEnd = MustDate("9999-12-31")
					}
					if bEnd.IsZero() {
						bEnd = MustDate("9999-12-31")
					}
					if !a.From.After(bEnd) && !b.From.After(aEnd) {
						t.Errorf("%s %s: %s overlaps %s", ty.ID(), c, a.ID, b.ID)
					}
				}
			}
		}
	}
}

func TestBuiltinEveryAmountCitesASource(t *testing.T) {
	d := Builtin()
	n := 0
	for _, ty := range d.Types() {
		for c := Category(1); c < numCategories; c++ {
			for _, a := range ty.Rates(c) {
				n++
				cit, ok := d.Source(a.Source)
				if !ok || !strings.Contains(cit, "http") {
					t.Errorf("%s: source %q missing or without a URL", a.ID, a.Source)
				}
			}
		}
	}
	if n < 200 {
		t.Errorf("only %d amounts; data incomplete", n)
	}
}

// Rates on the dates where they changed, checked against the official
// sources cited in builtin.go and the cross-check in
// shared/reference/vat-rates.json (date_checks).
func TestBuiltinKnownRates(t *testing.T) {
	tests := []struct {
		typ  string
		cat  Category
		date string
		want string
	}{
		{"de_vat", Standard, "2020-06-30", "19"},
		{"de_vat", Standard, "2020-07-01", "16"},
		{"de_vat", Standard, "2020-12-31", "16"},
		{"de_vat", Standard, "2021-01-01", "19"},
		{"de_vat", Reduced, "2020-07-01", "5"},
		{"de_vat", Reduced, "2024-05-01", "7"},
		{"at_vat", Standard, "2025-01-01", "20"},
		{"at_vat", Reduced, "2025-01-01", "10"},
		{"at_vat", Intermediate, "2025-01-01", "13"},
		{"fr_vat", SuperReduced, "2025-01-01", "2.1"},
		{"fi_vat", Standard, "2024-08-31", "24"},
		{"fi_vat", Standard, "2024-09-01", "25.5"},
		{"fi_vat", Intermediate, "2025-12-31", "14"},
		{"fi_vat", Intermediate, "2026-01-01", "13.5"},
		{"ee_vat", Standard, "2023-12-31", "20"},
		{"ee_vat", Standard, "2024-01-01", "22"},
		{"ee_vat", Standard, "2025-06-30", "22"},
		{"ee_vat", Standard, "2025-07-01", "24"},
		{"sk_vat", Standard, "2024-12-31", "20"},
		{"sk_vat", Standard, "2025-01-01", "23"},
		{"sk_vat", Intermediate, "2025-01-01", "19"},
		{"sk_vat", Reduced, "2025-01-01", "5"},
		{"ro_vat", Standard, "2025-07-31", "19"},
		{"ro_vat", Standard, "2025-08-01", "21"},
		{"ro_vat", Reduced, "2025-08-01", "11"},
		{"cz_vat", Intermediate, "2023-12-31", "15"},
		{"cz_vat", Reduced, "2023-12-31", "10"},
		{"cz_vat", Reduced, "2024-01-01", "12"},
		{"cz_vat", Intermediate, "2024-01-01", "12"},
		{"ie_vat", Standard, "2020-08-31", "23"},
		{"ie_vat", Standard, "2020-09-01", "21"},
		{"ie_vat", Standard, "2021-02-28", "21"},
		{"ie_vat", Standard, "2021-03-01", "23"},
		{"lu_vat", Standard, "2023-01-01", "16"},
		{"lu_vat", Standard, "2024-01-01", "17"},
		{"nl_vat", Reduced, "2018-12-31", "6"},
		{"nl_vat", Reduced, "2019-01-01", "9"},
		{"pt_20_vat", Standard, "2025-01-01", "16"},
		{"pt_30_vat", Reduced, "2024-10-01", "4"},
		{"ch_vat", Standard, "2023-12-31", "7.7"},
		{"ch_vat", Standard, "2024-01-01", "8.1"},
		{"ch_vat", Reduced, "2024-01-01", "2.6"},
		{"ch_vat", Intermediate, "2024-01-01", "3.8"},
		{"gb_vat", Standard, "2025-01-01", "20"},
		{"no_vat", Reduced, "2020-06-01", "6"},
		{"jp_ct", Standard, "2019-09-30", "8"},
		{"jp_ct", Standard, "2019-10-01", "10"},
		{"jp_ct", Reduced, "2019-10-01", "8"},
		{"sg_gst", Standard, "2022-12-31", "7"},
		{"sg_gst", Standard, "2023-01-01", "8"},
		{"sg_gst", Standard, "2024-01-01", "9"},
		{"in_gst", Increased, "2025-09-21", "28"},
		{"in_gst", Increased, "2025-09-22", "40"},
		{"ca_ns_hst", Standard, "2025-03-31", "15"},
		{"ca_ns_hst", Standard, "2025-04-01", "14"},
		{"ca_on_hst", Standard, "2025-04-01", "13"},
		{"ca_qc_qst", Standard, "2025-04-01", "9.975"},
		{"ca_mb_rst", Standard, "2019-06-30", "8"},
		{"ca_mb_rst", Standard, "2019-07-01", "7"},
		{"us_ca_sales", Standard, "2025-01-01", "7.25"},
		{"us_la_sales", Standard, "2025-01-01", "5"},
		{"us_la_sales", Standard, "2024-12-31", "4.45"},
		{"us_ut_sales", Standard, "2019-03-31", "4.7"},
		{"us_ut_sales", Standard, "2019-04-01", "4.85"},
		{"us_nm_grt", Standard, "2022-06-30", "5.125"},
		{"us_nm_grt", Standard, "2022-07-01", "5"},
		{"us_nm_grt", Standard, "2023-06-30", "5"},
		{"us_nm_grt", Standard, "2023-07-01", "4.875"},
		{"us_sd_sales", Standard, "2023-07-01", "4.2"},
		{"us_nj_sales", Standard, "2025-01-01", "6.625"},
		{"pt_20_vat", Standard, "2021-06-30", "18"},
		{"pt_20_vat", Standard, "2021-07-01", "16"},
		{"lu_vat", Standard, "2022-12-31", "17"},
		{"lu_vat", Standard, "2023-12-31", "16"},
		{"ee_vat", Intermediate, "2024-12-31", "9"},
		{"ee_vat", Intermediate, "2025-01-01", "13"},
		{"ee_vat", SuperReduced, "2024-12-31", "5"},
		{"no_vat", Reduced, "2020-03-31", "12"},
		{"no_vat", Reduced, "2021-09-30", "6"},
		{"no_vat", Reduced, "2021-10-01", "12"},
		{"gb_vat", Intermediate, "2021-10-01", "12.5"},
		{"gb_vat", Intermediate, "2022-03-31", "12.5"},
		{"ca_pe_hst", Standard, "2025-01-01", "15"},
		{"ca_bc_pst", Standard, "2025-01-01", "7"},
		{"ca_sk_pst", Standard, "2025-01-01", "6"},
		{"ca_gst", Standard, "2025-01-01", "5"},
		{"za_vat", Standard, "2025-01-01", "15"},
		{"au_gst", Standard, "2025-01-01", "10"},
		{"nz_gst", Standard, "2025-01-01", "15"},
		{"is_vat", Standard, "2025-01-01", "24"},
		{"ro_vat", Intermediate, "2025-07-31", "9"},
		{"ro_vat", Reduced, "2025-07-31", "5"},
		{"hr_vat", Standard, "2025-01-01", "25"},
		{"cy_vat", SuperReduced, "2023-07-21", "3"},
		{"hu_vat", Standard, "2025-01-01", "27"},
		{"es_cn_igic", Standard, "2025-01-01", "7"},
		{"fr_dom_vat", Standard, "2025-01-01", "8.5"},
	}
	d := Builtin()
	for _, tt := range tests {
		t.Run(tt.typ+"/"+tt.cat.String()+"/"+tt.date, func(t *testing.T) {
			a, err := d.Lookup(tt.typ, tt.cat, MustDate(tt.date))
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSuffix(a.Percent.String(), "%"); got != tt.want {
				t.Errorf("got %s %%, want %s %%", got, tt.want)
			}
		})
	}
}

func TestLookupErrors(t *testing.T) {
	d := Builtin()
	tests := []struct {
		name string
		typ  string
		cat  Category
		date string
		want error
	}{
		{"unknown type", "zz_vat", Standard, "2025-01-01", ErrUnknownCountry},
		{"category without rate", "dk_vat", Reduced, "2025-01-01", ErrUnknownCategory},
		{"invalid category", "de_vat", Category(200), "2025-01-01", ErrUnknownCategory},
		{"before first amount", "jp_ct", Reduced, "2019-09-30", ErrNoTaxRate},
		{"after last amount", "gb_vat", Intermediate, "2022-04-01", ErrNoTaxRate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := d.Lookup(tt.typ, tt.cat, MustDate(tt.date))
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			var le *LookupError
			if !errors.As(err, &le) || le.Field != "type" || le.Value != tt.typ {
				t.Fatalf("err = %#v, want *LookupError naming %q", err, tt.typ)
			}
			if !strings.Contains(err.Error(), tt.typ) {
				t.Errorf("message %q does not name %q", err, tt.typ)
			}
		})
	}
	a, err := d.Lookup("de_vat", Exempt, MustDate("2025-01-01"))
	if err != nil || !a.Percent.IsZero() || a.Category != Exempt {
		t.Errorf("Exempt lookup = %+v, %v; want 0 %% exempt", a, err)
	}
}

func TestZonesSpecialTerritories(t *testing.T) {
	d := Builtin()
	eu, _ := d.Zone("eu")
	tests := []struct {
		name   string
		addr   Address
		inEU   bool
		zoneID string // a zone that must contain addr ("" = none checked)
	}{
		{"Berlin", Address{Country: "DE", PostalCode: "10115"}, true, "de"},
		{"Heligoland", Address{Country: "DE", PostalCode: "27498"}, false, "de-hgl"},
		{"Büsingen", Address{Country: "DE", PostalCode: "78266"}, false, "ch"},
		{"Las Palmas", Address{Country: "ES", PostalCode: "35001"}, false, "es-cn"},
		{"Tenerife", Address{Country: "ES", PostalCode: "38001"}, false, "es-cn"},
		{"Madrid", Address{Country: "ES", PostalCode: "28001"}, true, "es"},
		{"Ceuta", Address{Country: "ES", PostalCode: "51001"}, false, "es-ce"},
		{"Melilla", Address{Country: "ES", PostalCode: "52001"}, false, "es-ml"},
		{"Livigno", Address{Country: "IT", PostalCode: "23041"}, false, "it-lvg"},
		{"Campione", Address{Country: "IT", PostalCode: "22061"}, false, "it-cmp"},
		{"Rome", Address{Country: "IT", PostalCode: "00118"}, true, "it"},
		// Legacy shared codes are not excluded (see builtin.go).
		{"Livigno legacy 23030 (shared code)", Address{Country: "IT", PostalCode: "23030"}, true, "it"},
		{"Campione legacy 22060 (shared code)", Address{Country: "IT", PostalCode: "22060"}, true, "it"},
		{"Ceuta 51080", Address{Country: "ES", PostalCode: "51080"}, false, "es-ce"},
		{"Melilla 52006", Address{Country: "ES", PostalCode: "52006"}, false, "es-ml"},
		{"Mayotte as YT", Address{Country: "YT", PostalCode: "97600"}, false, "fr-dom0"},
		{"French Guiana", Address{Country: "FR", PostalCode: "97300"}, false, "fr-dom0"},
		{"Martinique", Address{Country: "FR", PostalCode: "97200"}, false, "fr-dom"},
		{"Réunion as FR", Address{Country: "FR", PostalCode: "97400"}, false, "fr-dom"},
		{"Corsica stays French VAT", Address{Country: "FR", PostalCode: "20000"}, true, "fr"},
		{"Madeira Porto Santo", Address{Country: "PT", PostalCode: "9400-001"}, true, "pt-30"},
		{"Åland upper bound", Address{Country: "FI", PostalCode: "22999"}, false, "fi-ax"},
		{"Finland 21999", Address{Country: "FI", PostalCode: "21999"}, true, "fi"},
		{"Mount Athos", Address{Country: "GR", PostalCode: "630 86"}, false, "gr-ath"},
		{"Mariehamn", Address{Country: "FI", PostalCode: "22100"}, false, "fi-ax"},
		{"Åland as AX", Address{Country: "AX", PostalCode: "22100"}, false, "fi-ax"},
		{"Helsinki", Address{Country: "FI", PostalCode: "00100"}, true, "fi"},
		{"Ponta Delgada", Address{Country: "PT", PostalCode: "9500-123"}, true, "pt-20"},
		{"Funchal", Address{Country: "PT", PostalCode: "9000-001"}, true, "pt-30"},
		{"Lisbon", Address{Country: "PT", PostalCode: "1000-001"}, true, "pt"},
		{"Guadeloupe as FR", Address{Country: "FR", PostalCode: "97110"}, false, "fr-dom"},
		{"Réunion as RE", Address{Country: "RE", PostalCode: "97400"}, false, "fr-dom"},
		{"Mayotte", Address{Country: "FR", PostalCode: "97600"}, false, "fr-dom0"},
		{"Monaco", Address{Country: "MC", PostalCode: "98000"}, true, "fr"},
		{"Paris", Address{Country: "FR", PostalCode: "75001"}, true, "fr"},
		{"Vaduz", Address{Country: "LI", PostalCode: "9490"}, false, "ch"},
		{"London", Address{Country: "GB", PostalCode: "SW1A 1AA"}, false, "gb"},
		{"Douglas", Address{Country: "IM", PostalCode: "IM1 1AA"}, false, "gb"},
		{"Montréal", Address{Country: "CA", Region: "QC"}, false, "ca-qc"},
		{"Montréal ISO", Address{Country: "CA", Region: "CA-QC"}, false, "ca-gst"},
		{"Toronto", Address{Country: "CA", Region: "on"}, false, "ca-on"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := eu.Contains(tt.addr); got != tt.inEU {
				t.Errorf("eu.Contains(%+v) = %v, want %v", tt.addr, got, tt.inEU)
			}
			z, ok := d.Zone(tt.zoneID)
			if !ok {
				t.Fatalf("zone %q missing", tt.zoneID)
			}
			if !z.Contains(tt.addr) {
				t.Errorf("zone %q does not contain %+v", tt.zoneID, tt.addr)
			}
		})
	}
	if z, _ := d.Zone("ca-on"); z.Contains(Address{Country: "CA", Region: "QC"}) {
		t.Error("ca-on contains QC")
	}
}

// The date of a sale is the civil date in the store's time zone: 21:30 UTC
// on 2025-06-30 is already 2025-07-01 in Tallinn, when EE VAT became 24 %.
func TestDateOfStoreTimeZone(t *testing.T) {
	instant := time.Date(2025, 6, 30, 21, 30, 0, 0, time.UTC)
	tallinn := time.FixedZone("EEST", 3*60*60)
	tests := []struct {
		loc  *time.Location
		date string
		rate string
	}{
		{time.UTC, "2025-06-30", "22"},
		{tallinn, "2025-07-01", "24"},
	}
	for _, tt := range tests {
		d := DateOf(instant, tt.loc)
		if d.String() != tt.date {
			t.Errorf("DateOf(%v, %v) = %s, want %s", instant, tt.loc, d, tt.date)
		}
		a, err := Builtin().Lookup("ee_vat", Standard, d)
		if err != nil || strings.TrimSuffix(a.Percent.String(), "%") != tt.rate {
			t.Errorf("EE on %s = %v, %v; want %s", d, a.Percent, err, tt.rate)
		}
	}
}

// Data is documented as safe for concurrent use: lookups, zone checks and
// the lazy first build of Builtin from many goroutines.
func TestDataConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := Builtin()
			for i := 0; i < 500; i++ {
				day, _ := MustDate("2020-07-01").AddDays(i % 400)
				a, err := d.Lookup("de_vat", Standard, day)
				if err != nil || (strings.TrimSuffix(a.Percent.String(), "%") != "16" && strings.TrimSuffix(a.Percent.String(), "%") != "19") {
					t.Errorf("lookup = %v, %v", a.Percent, err)
					return
				}
				if z, _ := d.Zone("eu"); !z.Contains(Address{Country: "AT"}) {
					t.Error("eu does not contain AT")
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestPostalIn(t *testing.T) {
	pats := compilePatterns([]string{"27498", "95:99", "811", "BT"})
	tests := []struct {
		code string
		want bool
	}{
		{"27498", true}, {"274981", true}, {"2749", false}, {"27499", false},
		{"9500-123", true}, {"9999", true}, {"9499", false}, {"95", true}, {"9", false},
		{"811 32", true}, {"81132", true}, {"812", false},
		{"BT1 1AA", true}, {"bt11aa", true}, {"SW1A 1AA", false}, {"", false},
	}
	for _, tt := range tests {
		if got := postalIn(tt.code, pats); got != tt.want {
			t.Errorf("postalIn(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}
