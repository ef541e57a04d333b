package address

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPostalOperatorRules checks the rules internal/gen/address takes from
// the national operators where Google's metadata is looser or older.
func TestPostalOperatorRules(t *testing.T) {
	paris := Address{CountryCode: "FR", Organization: "Société X", Line1: "12 avenue des Champs-Élysées", PostalCode: "75381", Locality: "Paris"}
	with := func(a Address, f func(*Address)) Address { f(&a); return a }
	tests := []struct {
		name string
		a    Address
		want error // nil: valid
	}{
		{"paris cedex with number", with(paris, func(a *Address) { a.SortingCode = "CEDEX 08" }), nil},
		{"cedex in lower case", with(paris, func(a *Address) { a.SortingCode = "cedex 8" }), nil},
		{"cedex alone", with(paris, func(a *Address) { a.SortingCode = "Cedex" }), nil},
		{"cedex with a three-digit number", with(paris, func(a *Address) { a.SortingCode = "CEDEX 108" }), ErrInvalidSortingCode},
		{"not a cedex", with(paris, func(a *Address) { a.SortingCode = "BP 12" }), ErrInvalidSortingCode},
		{"réunion cedex", Address{CountryCode: "RE", Line1: "1 rue de Paris", PostalCode: "97405", Locality: "Saint-Denis", SortingCode: "CEDEX 9"}, nil},
		{"monaco cedex", Address{CountryCode: "MC", Line1: "1 avenue", PostalCode: "98000", Locality: "Monaco", SortingCode: "CEDEX"}, nil},
		{"free-text sorting code in burkina faso", Address{CountryCode: "BF", Line1: "01 BP 1234", Locality: "Ouagadougou", SortingCode: "01"}, nil},
		{"sorting code where there is none", with(usAddress, func(a *Address) { a.SortingCode = "CEDEX 9" }), ErrUnsupportedField},
		{"eircode", Address{CountryCode: "IE", Line1: "1 Main St", Locality: "Athlone", PostalCode: "N37 F4E2"}, nil},
		{"eircode D6W", Address{CountryCode: "IE", Line1: "1 Main St", Locality: "Dublin", PostalCode: "D6W XY27"}, nil},
		{"eircode letter O", Address{CountryCode: "IE", Line1: "1 Main St", Locality: "Athlone", PostalCode: "A65 F4EO"}, ErrInvalidPostalCode},
		{"eircode letter B in the routing key", Address{CountryCode: "IE", Line1: "1 Main St", Locality: "Athlone", PostalCode: "B65 F4E2"}, ErrInvalidPostalCode},
		{"eircode routing key of three letters", Address{CountryCode: "IE", Line1: "1 Main St", Locality: "Athlone", PostalCode: "ACD F4E2"}, ErrInvalidPostalCode},
		{"malta 2007 postcode", Address{CountryCode: "MT", Line1: "1 Triq", Locality: "Valletta", PostalCode: "VLT 1117"}, nil},
		{"malta pre-2007 postcode", Address{CountryCode: "MT", Line1: "1 Triq", Locality: "Valletta", PostalCode: "NXR 01"}, ErrInvalidPostalCode},
		{"german postal code 00", Address{CountryCode: "DE", Line1: "a", Locality: "b", PostalCode: "00123"}, ErrInvalidPostalCode},
		{"german postal code 01", Address{CountryCode: "DE", Line1: "a", Locality: "Dresden", PostalCode: "01067"}, nil},
		{"swiss postal code 0", Address{CountryCode: "CH", Line1: "a", Locality: "b", PostalCode: "0800"}, ErrInvalidPostalCode},
		{"czech postal code 8", Address{CountryCode: "CZ", Line1: "a", Locality: "b", PostalCode: "800 00"}, ErrInvalidPostalCode},
		{"israeli seven-digit code", Address{CountryCode: "IL", Line1: "a", Locality: "Jerusalem", PostalCode: "9614303"}, nil},
		{"israeli pre-2013 five-digit code", Address{CountryCode: "IL", Line1: "a", Locality: "Jerusalem", PostalCode: "96143"}, ErrInvalidPostalCode},
		{"vietnamese five-digit code", Address{CountryCode: "VN", Line1: "a", Locality: "Hà Nội", PostalCode: "10000"}, nil},
		{"vietnamese pre-2018 six-digit code", Address{CountryCode: "VN", Line1: "a", Locality: "Hà Nội", PostalCode: "100000"}, ErrInvalidPostalCode},
		{"indian pin 0", Address{CountryCode: "IN", Line1: "a", Locality: "b", AdministrativeArea: "Delhi", PostalCode: "010001"}, ErrInvalidPostalCode},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Validate(tt.a)
			if tt.want == nil {
				if err != nil {
					t.Errorf("Validate(%+v): %v", tt.a, err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("Validate(%+v) = %v, want %v", tt.a, err, tt.want)
			}
		})
	}
}

func TestSortingCodeFormatAndNormalize(t *testing.T) {
	a := Address{CountryCode: "FR", Organization: "Société X", Line1: "12 avenue des Champs-Élysées", PostalCode: "75381", Locality: "Paris", SortingCode: "cedex 08"}
	if diff := cmp.Diff("Société X\n12 avenue des Champs-Élysées\n75381 Paris cedex 08", Format(a, nil)); diff != "" {
		t.Errorf("Format (-want +got):\n%s", diff)
	}
	n := Normalize(a)
	if n.SortingCode != "CEDEX 08" {
		t.Errorf("Normalize: sorting code %q, want CEDEX 08", n.SortingCode)
	}
	if diff := cmp.Diff("Société X\n12 avenue des Champs-Élysées\n75381 PARIS CEDEX 08", Format(n, &FormatOptions{Style: PostalLabel, Origin: "FR"})); diff != "" {
		t.Errorf("postal label (-want +got):\n%s", diff)
	}
	err := Validate(Address{CountryCode: "FR", Line1: "a", PostalCode: "75008", Locality: "Paris", SortingCode: "BP 12"})
	want := `address: Validate: sorting-code "BP 12": invalid sorting code (example "CEDEX")`
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Pattern == "" {
		t.Errorf("FieldError %+v has no pattern", fe)
	}
}

// TestSortingCodeRules: every sorting code pattern compiles and matches
// its examples, and every country whose layout has a sorting code either
// has a rule or is one of the few the generator lists as free text.
func TestSortingCodeRules(t *testing.T) {
	free := map[string]bool{"BF": true, "CI": true, "JM": true, "MW": true}
	var withRule []string
	for i := range countries {
		c := &countries[i]
		if c.sort == "" {
			if usesField(c, 'X') && !free[c.code] {
				t.Errorf("%s: sorting code without a rule", c.code)
			}
			continue
		}
		withRule = append(withRule, c.code)
		re := regexp.MustCompile(`^(?:` + c.sort + `)$`)
		for _, ex := range strings.Split(c.sortex, ",") {
			if !re.MatchString(ex) {
				t.Errorf("%s: example %q does not match %q", c.code, ex, c.sort)
			}
		}
	}
	want := []string{"BL", "FR", "GF", "GP", "MC", "MF", "MQ", "NC", "PM", "RE", "WF", "YT"}
	if diff := cmp.Diff(want, withRule); diff != "" {
		t.Errorf("countries with a sorting code rule (-want +got):\n%s", diff)
	}
}
