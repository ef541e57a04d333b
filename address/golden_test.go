package address

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// sampleAddress fills every field its country uses, with the metadata's
// first subdivision and postal code example, so the golden file shows every
// layout.
func sampleAddress(c *countryData) Address {
	a := Address{CountryCode: c.code, Name: "Name", Organization: "Org", Line1: "Line 1", Line2: "Line 2",
		DependentLocality: "Dependent", Locality: "City", AdministrativeArea: "Area", PostalCode: "12345", SortingCode: "CEDEX 1"}
	if c.zipex != "" {
		a.PostalCode = firstExample(c.zipex)
	}
	if len(c.subs) > 0 {
		// The first example and subdivision that agree (RU's first example,
		// 247112, is in no oblast's range).
		a.AdministrativeArea = c.subs[0].key
	search:
		for _, ex := range strings.Split(c.zipex, ",") {
			for j := range c.subs {
				s := &c.subs[j]
				if s.zip == "" || regexp.MustCompile("^(?:"+s.zip+")").MatchString(postalCodeBody(c, ex)) {
					a.AdministrativeArea, a.PostalCode = s.key, ex
					break search
				}
			}
		}
	}
	return a
}

// TestGoldenFormats renders a sample address of every country in every
// style and compares with testdata/formats.golden (go test -update
// rewrites it after a reviewed data refresh).
func TestGoldenFormats(t *testing.T) {
	var b strings.Builder
	for i := range countries {
		c := &countries[i]
		a := sampleAddress(c)
		fmt.Fprintf(&b, "== %s\n%s\n-- single\n%s\n", c.code, Format(a, nil), Format(a, &FormatOptions{Style: SingleLine}))
		if c.lfmt != "" {
			fmt.Fprintf(&b, "-- latin\n%s\n", Format(a, &FormatOptions{Latin: true}))
		}
		fmt.Fprintf(&b, "-- label\n%s\n", Format(a, &FormatOptions{Style: PostalLabel}))
		f, err := Form(c.code, language.English)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString("-- form\n")
		for _, row := range f.Rows {
			var cells []string
			for _, fld := range row {
				req := ""
				if fld.Required {
					req = "*"
				}
				cells = append(cells, fld.Label+req)
			}
			b.WriteString(strings.Join(cells, " | ") + "\n")
		}
	}
	got := b.String()
	const path = "testdata/formats.golden"
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("formats differ from %s (-want +got):\n%s", path, diff)
	}
}

// validSample is sampleAddress with the fields the country does not use
// cleared: a valid address of the country.
func validSample(c *countryData) Address {
	a := sampleAddress(c)
	for _, l := range []byte("SCDZX") {
		if !usesField(c, l) {
			*a.ptr(l) = ""
		}
	}
	return a
}

// TestSampleAddressesValid checks the metadata against itself: the sample
// address of every country, which uses the country's own examples, is valid
// once the fields the country does not use are cleared.
func TestSampleAddressesValid(t *testing.T) {
	for i := range countries {
		c := &countries[i]
		if err := Validate(validSample(c)); err != nil {
			t.Errorf("%s: %v", c.code, err)
		}
	}
}

// TestEveryPostalExample checks, for every postal code example of every
// country (and of every subdivision that has its own), that the address is
// valid as typed in several ways, that Normalize keeps it valid, is
// idempotent and gives the same postal code whatever the typing.
func TestEveryPostalExample(t *testing.T) {
	checked := 0
	for i := range countries {
		c := &countries[i]
		if !usesField(c, 'Z') {
			continue
		}
		type example struct{ area, zip string }
		var examples []example
		if len(c.subs) == 0 || !usesField(c, 'S') {
			for _, ex := range strings.Split(c.zipex, ",") {
				if ex != "" {
					examples = append(examples, example{"", ex})
				}
			}
		} else {
			for j := range c.subs {
				for _, ex := range strings.Split(c.subs[j].zipex, ",") {
					if ex != "" {
						examples = append(examples, example{c.subs[j].key, ex})
					}
				}
			}
		}
		base := validSample(c)
		lit := zipLiteral(c.fmt)
		for _, ex := range examples {
			a := base
			a.PostalCode = ex.zip
			if ex.area != "" {
				a.AdministrativeArea = ex.area
			}
			want := Normalize(a)
			if err := Validate(a); err != nil {
				t.Errorf("%s %q: %v", c.code, ex.zip, err)
				continue
			}
			typings := []string{ex.zip, " " + strings.ToLower(ex.zip) + " "}
			if lit != "" {
				typings = append(typings, lit+ex.zip)
			}
			for _, typed := range typings {
				b := a
				b.PostalCode = typed
				if err := Validate(b); err != nil {
					t.Errorf("%s %q typed %q: %v", c.code, ex.zip, typed, err)
				}
				n := Normalize(b)
				if err := Validate(n); err != nil {
					t.Errorf("%s %q typed %q: normalized to invalid %+v: %v", c.code, ex.zip, typed, n, err)
				}
				if n2 := Normalize(n); n2 != n {
					t.Errorf("%s %q typed %q: Normalize not idempotent: %+v then %+v", c.code, ex.zip, typed, n, n2)
				}
				if n.PostalCode != want.PostalCode {
					t.Errorf("%s %q typed %q: normalized to %q, want %q", c.code, ex.zip, typed, n.PostalCode, want.PostalCode)
				}
				checked++
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d typings checked", checked)
	}
}
