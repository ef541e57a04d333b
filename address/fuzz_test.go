package address

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func fuzzSeeds(f *testing.F) {
	// country, area, locality, dependent locality, postal code, line1, name
	f.Add("US", "CA", "Mountain View", "", "94043", "1600 Amphitheatre Pkwy", "Jane")
	f.Add("CA", "Québec", "Montréal", "", "h3z 2y7", "1 rue", "Jean")
	f.Add("KR", "Seoul", "Gangnam-gu", "", "06236", "a", "b")
	f.Add("CN", "北京市", "东城区", "", "100010", "a", "b")
	f.Add("LT", "", "Vilnius", "", "lt-01103", "a", "b")
	f.Add("GB", "", "London", "", "sw1a 2aa", "10 Downing St", "PM")
	f.Add("JP", "tokyo", "", "", "〒100-8994", "a", "b")
	f.Add("xx", "\xff", " \t ", "\u2028", "", "<b>", "&amp;")
	f.Add("us", "NY", "New York", "", "10118", "350 5th Ave", "Jane")
	f.Add("IR", "Alborz Province", "Karaj", "", "31999-12345", "a", "b")
	f.Add("CN", "cn-gd", "广州市", "", "510000", "a", "b")
	f.Add("US", "us-pr", "San Juan", "", "00901", "a", "b")
}

// FuzzValidateNormalize checks that Validate and Normalize never panic and
// that normalizing a valid address keeps it valid (and is idempotent); and
// that SubdivisionCode never panics, finds a code only in the country
// given, and finds the same one after Normalize.
func FuzzValidateNormalize(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, cc, area, loc, dep, zip, line, name string) {
		a := Address{CountryCode: cc, AdministrativeArea: area, Locality: loc, DependentLocality: dep,
			PostalCode: zip, Line1: line, Name: name}
		err := Validate(a)
		n := Normalize(a)
		if err == nil {
			if err2 := Validate(n); err2 != nil {
				t.Fatalf("valid %+v normalized to invalid %+v: %v", a, n, err2)
			}
		}
		if n2 := Normalize(n); n2 != n {
			t.Fatalf("Normalize not idempotent: %+v then %+v", n, n2)
		}
		if iso, ok := SubdivisionCode(cc, area); ok {
			if !strings.HasPrefix(iso, n.CountryCode+"-") || len(iso) <= 3 {
				t.Fatalf("SubdivisionCode(%q, %q) = %q, not a code of %s", cc, area, iso, n.CountryCode)
			}
			// A key is canonical: Normalize keeps it.
			if iso2, ok2 := SubdivisionCode(n.CountryCode, n.AdministrativeArea); iso2 != iso || !ok2 {
				t.Fatalf("SubdivisionCode(%q, %q) = %q but after Normalize (%q, %q) = %q, %t",
					cc, area, iso, n.CountryCode, n.AdministrativeArea, iso2, ok2)
			}
		} else if iso != "" {
			t.Fatalf("SubdivisionCode(%q, %q) = %q, false", cc, area, iso)
		}
	})
}

// FuzzNormalizeValid starts from a valid address of a country chosen by the
// fuzzer and replaces one field (by format letter, or the country code) with
// fuzzed text: whenever the result is
// valid, its normalized form must be valid too, with Normalize idempotent.
// (Random addresses are almost never valid, so FuzzValidateNormalize alone
// rarely reaches that check.)
func FuzzNormalizeValid(f *testing.F) {
	f.Add(uint16(0), uint8(0), "x")
	f.Add(uint16(120), uint8(6), "lv-1050")       // postal code
	f.Add(uint16(40), uint8(5), "qc")             // administrative area
	f.Add(uint16(50), uint8(4), " Dongcheng Qu ") // locality
	f.Add(uint16(130), uint8(8), "a\x00b")        // country code
	f.Fuzz(func(t *testing.T, country uint16, field uint8, v string) {
		c := &countries[int(country)%len(countries)]
		a := validSample(c)
		if l := "NOADCSZX"[field%9:]; l != "" {
			*a.ptr(l[0]) = v
		} else {
			a.CountryCode = v
		}
		n := Normalize(a)
		if n2 := Normalize(n); n2 != n {
			t.Fatalf("Normalize not idempotent: %+v then %+v", n, n2)
		}
		if Validate(a) != nil {
			return
		}
		if err := Validate(n); err != nil {
			t.Fatalf("valid %+v normalized to invalid %+v: %v", a, n, err)
		}
	})
}

// FuzzFormatHTML checks that HTML output never carries markup from the
// address: no '<' or '>' except the "<br>" separators, and no '&' that does
// not start an entity the formatter wrote. Every style is checked for empty
// lines, white space at the ends of lines and control characters.
func FuzzFormatHTML(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, cc, area, loc, dep, zip, line, name string) {
		a := Address{CountryCode: cc, AdministrativeArea: area, Locality: loc, DependentLocality: dep,
			PostalCode: zip, SortingCode: dep, Line1: line, Line2: name, Line3: area, Name: name, Organization: line}
		out := Format(a, &FormatOptions{Style: HTML})
		rest := strings.ReplaceAll(out, "<br>\n", "")
		if strings.ContainsAny(rest, "<>\"'\n") {
			t.Fatalf("unescaped markup in %q", out)
		}
		for i := strings.IndexByte(rest, '&'); i >= 0; i = strings.IndexByte(rest, '&') {
			rest = rest[i:]
			ok := false
			for _, e := range []string{"&lt;", "&gt;", "&amp;", "&#34;", "&#39;"} {
				if strings.HasPrefix(rest, e) {
					ok = true
				}
			}
			if !ok {
				t.Fatalf("bare & in %q", out)
			}
			rest = rest[1:]
		}
		for _, o := range []*FormatOptions{nil, {Latin: true}, {Style: PostalLabel, Origin: "FR"}, {Style: PostalLabel, Latin: true}} {
			out := Format(a, o)
			if !utf8.ValidString(out) {
				t.Fatalf("%+v: invalid UTF-8 in %q", o, out)
			}
			for _, l := range strings.Split(out, "\n") {
				if out != "" && (l == "" || trim(l) != l) {
					t.Fatalf("%+v: blank or untrimmed line %q in %q", o, l, out)
				}
				for _, r := range l {
					if unicode.IsControl(r) {
						t.Fatalf("%+v: control character %U in %q", o, r, out)
					}
				}
			}
		}
		if out := Format(a, &FormatOptions{Style: SingleLine}); strings.Contains(out, "\n") {
			t.Fatalf("line break in single line %q", out)
		}
	})
}

// FuzzTaxLocation checks TaxLocation against Validate and
// SubdivisionCode, which serve as its oracle: on success the country is
// the upper-case code of the input (or SH for AC and TA), the region is ""
// or that country's code for the normalized area as SubdivisionCode gives
// it, the postal code is Normalize's, and Validate of the normalized
// address (country code as given) reports no problem with the country,
// the area or the postal code; the result is the same for the normalized
// address. On failure Validate fails too, of the address or of its
// normalized form.
func FuzzTaxLocation(f *testing.F) {
	fuzzSeeds(f)
	f.Add("ac", "", "", "", "ascn 1zz", "a", "b")
	f.Add(" de", "", "", "", "10115", "a", "b")
	f.Fuzz(func(t *testing.T, cc, area, loc, dep, zip, line, name string) {
		a := Address{CountryCode: cc, AdministrativeArea: area, Locality: loc, DependentLocality: dep,
			PostalCode: zip, Line1: line, Name: name}
		country, region, postal, err := a.TaxLocation()
		// TaxLocation checks the normalized address, with the country code
		// as given.
		n := Normalize(a)
		nc := n
		nc.CountryCode = a.CountryCode
		verr := Validate(nc)
		taxProblem := false
		var ve *ValidationError
		if errors.As(verr, &ve) {
			for _, fe := range ve.Errors {
				switch fe.Field {
				case "country", "administrative-area", "postal-code":
					taxProblem = true
				}
			}
		}
		if err != nil {
			if verr == nil && Validate(a) == nil {
				t.Fatalf("TaxLocation(%+v): %v, but Validate accepts it", a, err)
			}
			return
		}
		if taxProblem {
			t.Fatalf("TaxLocation(%+v) = %q %q %q, but Validate(normalized): %v", a, country, region, postal, verr)
		}
		wantCountry := strings.ToUpper(cc)
		if wantCountry == "AC" || wantCountry == "TA" {
			wantCountry = "SH"
		}
		if country != wantCountry || postal != n.PostalCode {
			t.Fatalf("TaxLocation(%+v) = %q, %q, %q; want country %q, postal code %q", a, country, region, postal, wantCountry, n.PostalCode)
		}
		if region != "" && country != "SH" {
			if iso, _ := SubdivisionCode(n.CountryCode, n.AdministrativeArea); iso != region {
				t.Fatalf("TaxLocation(%+v) region %q, SubdivisionCode of the normalized area %q", a, region, iso)
			}
		}
		c2, r2, p2, err2 := n.TaxLocation()
		if err2 != nil || c2 != country || r2 != region || p2 != postal {
			t.Fatalf("TaxLocation(Normalize(a)) = %q %q %q %v, TaxLocation(a) = %q %q %q", c2, r2, p2, err2, country, region, postal)
		}
	})
}

// FuzzParseEnums: ParseField and ParseStyle accept exactly the names
// String gives, and round-trip through text.
func FuzzParseEnums(f *testing.F) {
	f.Add("postal-code")
	f.Add("html")
	f.Add("postal_code")
	f.Add("Field(3)")
	f.Fuzz(func(t *testing.T, s string) {
		if v, err := ParseField(s); err == nil {
			if !v.IsValid() || v.String() != s {
				t.Fatalf("ParseField(%q) = %v", s, v)
			}
		} else if !errors.Is(err, ErrInvalidValue) {
			t.Fatalf("ParseField(%q): %v", s, err)
		}
		if v, err := ParseStyle(s); err == nil {
			b, err := v.MarshalText()
			if err != nil || string(b) != s {
				t.Fatalf("ParseStyle(%q) = %v, MarshalText %q %v", s, v, b, err)
			}
		}
	})
}
