package address

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/marketkit/marketkit/locale"
	"golang.org/x/text/language"
)

func TestTaxLocation(t *testing.T) {
	type loc struct{ Country, Region, PostalCode string }
	tests := []struct {
		name string
		a    Address
		want loc
	}{
		{"us key", usAddress, loc{"US", "US-CA", "94043"}},
		{"us name, lower-case country", Address{CountryCode: "us", AdministrativeArea: "new york", PostalCode: "10001"}, loc{"US", "US-NY", "10001"}},
		{"typed area with a doubled space", Address{CountryCode: "US", AdministrativeArea: " New  York ", PostalCode: " 10001 "}, loc{"US", "US-NY", "10001"}},
		{"us full iso code in any case", Address{CountryCode: "US", AdministrativeArea: "us-ny", PostalCode: "10001"}, loc{"US", "US-NY", "10001"}},
		{"canada by french name, postal code upper-cased", Address{CountryCode: "CA", AdministrativeArea: "Québec", PostalCode: "h3z 2y7"}, loc{"CA", "CA-QC", "H3Z 2Y7"}},
		{"japan local key", Address{CountryCode: "JP", AdministrativeArea: "東京都", PostalCode: "100-8994"}, loc{"JP", "JP-13", "100-8994"}},
		{"japan latin name", Address{CountryCode: "JP", AdministrativeArea: "Tokyo", PostalCode: "１００ー８９９４"}, loc{"JP", "JP-13", "100-8994"}},
		{"china letter code", Address{CountryCode: "CN", AdministrativeArea: "广东省", PostalCode: "510000"}, loc{"CN", "CN-GD", "510000"}},
		{"germany: no region", Address{CountryCode: "DE", PostalCode: "27498"}, loc{"DE", "", "27498"}},
		{"canary islands postal code", Address{CountryCode: "ES", AdministrativeArea: "Santa Cruz de Tenerife", PostalCode: "38001"}, loc{"ES", "ES-TF", "38001"}},
		{"latvia required prefix added", Address{CountryCode: "LV", PostalCode: "1050"}, loc{"LV", "", "LV-1050"}},
		{"blank optional area", Address{CountryCode: "IE", PostalCode: "D02 X285"}, loc{"IE", "", "D02 X285"}},
		{"area without iso code", Address{CountryCode: "US", AdministrativeArea: "AE", PostalCode: "09001"}, loc{"US", "", "09001"}},
		{"free-text area (no list)", Address{CountryCode: "HN", AdministrativeArea: "Francisco Morazán", PostalCode: "11101"}, loc{"HN", "", "11101"}},
		{"ascension is part of SH", Address{CountryCode: "ac", PostalCode: "ASCN 1ZZ"}, loc{"SH", "SH-AC", "ASCN 1ZZ"}},
		{"other fields are not looked at", Address{CountryCode: "US", AdministrativeArea: "CA", PostalCode: "94043", Name: "\xff"}, loc{"US", "US-CA", "94043"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, r, z, err := tt.a.TaxLocation()
			if err != nil {
				t.Fatalf("TaxLocation(%+v): %v", tt.a, err)
			}
			if diff := cmp.Diff(tt.want, loc{c, r, z}); diff != "" {
				t.Errorf("TaxLocation(%+v) (-want +got):\n%s", tt.a, diff)
			}
		})
	}
}

func TestTaxLocationErrors(t *testing.T) {
	long := strings.Repeat("9", MaxFieldLength+1)
	tests := []struct {
		name string
		a    Address
		want error  // a sentinel the error wraps
		msg  string // the message
	}{
		{"blank country", Address{PostalCode: "10001"}, ErrRequired, `address: TaxLocation: country "": required field is empty`},
		{"unknown country", Address{CountryCode: "XX"}, locale.ErrUnknownCountry, `address: TaxLocation: country "XX": unknown country code`},
		{"padded country", Address{CountryCode: " de"}, locale.ErrUnknownCountry, `address: TaxLocation: country " de": unknown country code: surrounding white space (Normalize removes it)`},
		{"three letters", Address{CountryCode: "DEU"}, locale.ErrUnknownCountry, `address: TaxLocation: country "DEU": unknown country code`},
		{"unknown subdivision", Address{CountryCode: "US", AdministrativeArea: "Narnia", PostalCode: "10001"}, ErrUnknownSubdivision,
			`address: TaxLocation: administrative-area "Narnia": unknown subdivision (example "AL")`},
		{"required area blank", Address{CountryCode: "US", PostalCode: "10001"}, ErrRequired, `address: TaxLocation: administrative-area "": required field is empty`},
		{"postal code of another state", Address{CountryCode: "US", AdministrativeArea: "NY", PostalCode: "94043"}, ErrInvalidPostalCode,
			`address: TaxLocation: postal-code "94043": invalid postal code: not a postal code of NY (example "10000")`},
		{"malformed postal code", Address{CountryCode: "ES", AdministrativeArea: "TF", PostalCode: "3800"}, ErrInvalidPostalCode, `address: TaxLocation: postal-code "3800": invalid postal code (example "28039")`},
		{"unsupported area", Address{CountryCode: "DE", AdministrativeArea: "Bayern", PostalCode: "80331"}, ErrUnsupportedField,
			`address: TaxLocation: administrative-area "Bayern": field not used in this country`},
		{"invalid utf-8 reported as given", Address{CountryCode: "US", AdministrativeArea: "N\xffY", PostalCode: "10001"}, ErrInvalidValue,
			`address: TaxLocation: administrative-area "N\xffY": invalid value: not valid UTF-8`},
		{"overlong postal code cut in the message", Address{CountryCode: "US", AdministrativeArea: "NY", PostalCode: long}, ErrInvalidValue,
			`address: TaxLocation: postal-code "` + long[:64] + `…"(513 bytes): invalid value: longer than 512 bytes`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, r, z, err := tt.a.TaxLocation()
			if err == nil {
				t.Fatalf("TaxLocation(%+v) = %q, %q, %q, want an error", tt.a, c, r, z)
			}
			if c != "" || r != "" || z != "" {
				t.Errorf("TaxLocation returned %q, %q, %q with its error", c, r, z)
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.want)
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Op != "TaxLocation" {
				t.Errorf("errors.As(*FieldError) = %+v", fe)
			}
			if got := err.Error(); got != tt.msg {
				t.Errorf("message:\n got %s\nwant %s", got, tt.msg)
			}
		})
	}
}

// TestTaxLocationEveryISOCode: every code locale knows gives itself back
// in upper case from either case, and a region only with an ISO code of
// that country.
func TestTaxLocationEveryISOCode(t *testing.T) {
	for _, code := range locale.Countries() {
		for _, in := range []string{code, strings.ToLower(code)} {
			c, r, _, err := Address{CountryCode: in}.TaxLocation()
			if errors.Is(err, ErrRequired) {
				continue // the country requires an area or postal code
			}
			if err != nil || c != code || r != "" {
				t.Errorf("TaxLocation(%q) = %q, %q, %v", in, c, r, err)
			}
		}
	}
}

// TestTaxLocationEverySubdivision: every top-level subdivision with an ISO
// code gives that code from its key and from its ISO code, in every
// country, with a postal code the data gives as an example for it.
func TestTaxLocationEverySubdivision(t *testing.T) {
	checked := 0
	for i := range countries {
		c := &countries[i]
		if !usesField(c, 'S') {
			continue // AD lists parishes, but its addresses have no place for one
		}
		for j, s := range Subdivisions(c.code, language.Und) {
			if s.ISOCode == "" {
				continue
			}
			zip := firstExample(c.subs[j].zipex)
			if zip == "" && c.subs[j].zip == "" {
				zip = firstExample(c.zipex)
			}
			for _, area := range []string{s.Key, s.ISOCode} {
				a := Address{CountryCode: c.code, AdministrativeArea: area, PostalCode: zip}
				country, region, _, err := a.TaxLocation()
				if errors.Is(err, ErrRequired) {
					continue // a required postal code without an example
				}
				if err != nil || country != c.code || region != s.ISOCode {
					t.Errorf("TaxLocation(%+v) = %q, %q, %v; want %q", a, country, region, err, s.ISOCode)
				}
				checked++
			}
		}
	}
	if checked < 1800 {
		t.Errorf("only %d subdivisions checked", checked)
	}
}

// TestCountryCodeRule: every function takes country codes in any ASCII
// case and none but Normalize removes surrounding white space (the
// library's one rule for codes).
func TestCountryCodeRule(t *testing.T) {
	valid := Address{CountryCode: "ch", Line1: "Bahnhofstrasse 1", PostalCode: "8001", Locality: "Zürich"}
	padded := valid
	padded.CountryCode = " ch"
	if err := Validate(valid); err != nil {
		t.Errorf("Validate(lower case): %v", err)
	}
	err := Validate(padded)
	if !errors.Is(err, locale.ErrUnknownCountry) {
		t.Errorf("Validate(padded) = %v, want locale.ErrUnknownCountry", err)
	}
	if err == nil || !strings.Contains(err.Error(), `country " ch": unknown country code: surrounding white space`) {
		t.Errorf("Validate(padded) message: %v", err)
	}
	if n := Normalize(padded); n.CountryCode != "CH" || Validate(n) != nil {
		t.Errorf("Normalize(padded) = %+v, %v", n, Validate(n))
	}
	if !HasMetadata("ch") || HasMetadata(" ch") || HasMetadata("ch ") {
		t.Error("HasMetadata: lower case must be known, padded codes not")
	}
	if f, err := Form("ch", language.German); err != nil || f.Country != "CH" {
		t.Errorf("Form(ch) = %q, %v", f.Country, err)
	}
	label := &FormatOptions{Style: PostalLabel, Origin: "CH "}
	if got := Format(valid, label); !strings.HasSuffix(got, "\nSWITZERLAND") {
		t.Errorf("Format with a padded Origin = %q, want the country line (not domestic)", got)
	}
	label.Origin = "ch"
	if got := Format(valid, label); strings.HasSuffix(got, "SWITZERLAND") {
		t.Errorf("Format with Origin ch = %q, want no country line", got)
	}
}
