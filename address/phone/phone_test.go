package phone

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	type result struct {
		E164, International, National, RFC3966 string
		Type                                   Type
		Region                                 string
		Valid                                  bool
	}
	tests := []struct {
		name, in, region string
		want             result
		err              error
	}{
		{"german fixed line", "030 901820", "DE", result{"+4930901820", "+49 30 901820", "030 901820", "tel:+49-30-901820", FixedLine, "DE", true}, nil},
		{"lower-case region", "030 901820", "de", result{"+4930901820", "+49 30 901820", "030 901820", "tel:+49-30-901820", FixedLine, "DE", true}, nil},
		{"uk mobile", "07400 123456", "GB", result{"+447400123456", "+44 7400 123456", "07400 123456", "tel:+44-7400-123456", Mobile, "GB", true}, nil},
		{"us toll free", "+1 800 555 0199", "", result{"+18005550199", "+1 800-555-0199", "(800) 555-0199", "tel:+1-800-555-0199", TollFree, "US", true}, nil},
		{"possible but invalid", "+49 123", "", result{"+49123", "+49 123", "123", "tel:+49-123", Unknown, "DE", false}, nil},
		{"letters", "hello", "DE", result{}, ErrNotANumber},
		{"national without region", "030 901820", "", result{}, ErrInvalidCountryCode},
		{"bad region", "030 901820", "DEU", result{}, ErrInvalidRegion},
		{"region with digits", "030 901820", "D1", result{}, ErrInvalidRegion},
		{"too long", strings.Repeat("1", MaxInputLength+1), "DE", result{}, ErrTooLong},
		{"too short", "+49 1", "", result{}, ErrTooShort},
		{"empty", "", "DE", result{}, ErrNotANumber},
		{"unknown region", "030 901820", "XX", result{}, ErrInvalidRegion},
		{"UK is not a region code", "020 7946 0018", "UK", result{}, ErrInvalidRegion},
		{"unknown region with an international number", "+49 30 901820", "xx", result{}, ErrInvalidRegion},
		{"explicit unknown region", "+49 30 901820", "ZZ", result{"+4930901820", "+49 30 901820", "030 901820", "tel:+49-30-901820", FixedLine, "DE", true}, nil},
		{"00 without region", "0049 30 901820", "", result{"+4930901820", "+49 30 901820", "030 901820", "tel:+49-30-901820", FixedLine, "DE", true}, nil},
		{"00 where the region dials 011", "0049 30 901820", "US", result{"+4930901820", "+49 30 901820", "030 901820", "tel:+49-30-901820", FixedLine, "DE", true}, nil},
		{"00 where the region dials 00", "0049 30 901820", "FR", result{"+4930901820", "+49 30 901820", "030 901820", "tel:+49-30-901820", FixedLine, "DE", true}, nil},
		{"011 from the US", "011 49 30 901820", "US", result{"+4930901820", "+49 30 901820", "030 901820", "tel:+49-30-901820", FixedLine, "DE", true}, nil},
		{"national number of another region stays national", "030 901820", "GB", result{"+44030901820", "+44 030901820", "030901820", "tel:+44-030901820", Unknown, "", false}, nil},
		{"international number with another default region", "+44 7400 123456", "DE", result{"+447400123456", "+44 7400 123456", "07400 123456", "tel:+44-7400-123456", Mobile, "GB", true}, nil},
		{"vanity number", "1-800-FLOWERS", "us", result{"+18003569377", "+1 800-356-9377", "(800) 356-9377", "tel:+1-800-356-9377", TollFree, "US", true}, nil},
		{"extension", "+1 650-253-0000 ext. 123", "", result{"+16502530000", "+1 650-253-0000 ext. 123", "(650) 253-0000 ext. 123", "tel:+1-650-253-0000;ext=123", FixedLineOrMobile, "US", true}, nil},
		{"tel uri", "tel:+44-20-7946-0018;ext=55", "", result{"+442079460018", "+44 20 7946 0018 x55", "020 7946 0018 x55", "tel:+44-20-7946-0018;ext=55", FixedLine, "GB", true}, nil},
		{"full-width digits", "０３０ ９０１８２０", "DE", result{"+4930901820", "+49 30 901820", "030 901820", "tel:+49-30-901820", FixedLine, "DE", true}, nil},
		{"plus alone", "+", "", result{}, ErrNotANumber},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := Parse(tt.in, tt.region)
			if tt.err != nil {
				var pe *ParseError
				if !errors.Is(err, tt.err) || !errors.As(err, &pe) {
					t.Fatalf("Parse(%q, %q) error = %v, want %v as *ParseError", tt.in, tt.region, err, tt.err)
				}
				if pe.Region != tt.region {
					t.Errorf("ParseError.Region = %q, want %q", pe.Region, tt.region)
				}
				if n.IsValid() || n.E164() != "" {
					t.Errorf("failed Parse returned a usable Number")
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q, %q): %v", tt.in, tt.region, err)
			}
			got := result{n.E164(), n.International(), n.National(), n.RFC3966(), n.Type(), n.Region(), n.IsValid()}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse(%q, %q) (-want +got):\n%s", tt.in, tt.region, diff)
			}
		})
	}
}

func TestZeroNumber(t *testing.T) {
	var n Number
	if n.IsValid() || n.E164() != "" || n.Type() != Unknown || n.Region() != "" || n.CountryCode() != 0 || n.String() != "" {
		t.Errorf("zero Number is not empty: %v", n)
	}
}

func TestParseValid(t *testing.T) {
	if _, err := ParseValid("+49 123", ""); !errors.Is(err, ErrInvalid) {
		t.Errorf("ParseValid(+49 123) = %v, want ErrInvalid", err)
	}
	n, err := ParseValid("+33 1 42 68 53 00", "")
	if err != nil || n.CountryCode() != 33 {
		t.Errorf("ParseValid(+33…) = %v, %v", n, err)
	}
}

func TestTooLongMessageIsBounded(t *testing.T) {
	for _, in := range []string{strings.Repeat("9", 10000), strings.Repeat("９", 1000)} {
		_, err := Parse(in, "DE")
		if err == nil || len(err.Error()) > 2*MaxInputLength || !utf8.ValidString(err.Error()) {
			t.Errorf("error for long input is %d bytes: %q", len(err.Error()), err)
		}
	}
}

func TestExtension(t *testing.T) {
	n, err := Parse("650-253-0000 x123", "US")
	if err != nil || n.Extension() != "123" || n.E164() != "+16502530000" {
		t.Errorf("Parse = %v (extension %q), %v", n, n.Extension(), err)
	}
	if m, _ := Parse(n.RFC3966(), ""); m.Extension() != "123" {
		t.Errorf("RFC 3966 form %q loses the extension", n.RFC3966())
	}
	if (Number{}).Extension() != "" {
		t.Error("zero Number has an extension")
	}
}

func TestTypeString(t *testing.T) {
	if got := TollFree.String(); got != "toll_free" {
		t.Errorf("TollFree.String() = %q", got)
	}
	if got := Type(200).String(); got != "unknown" {
		t.Errorf("Type(200).String() = %q", got)
	}
}

func TestConcurrentUse(t *testing.T) {
	n, err := Parse("+44 20 7946 0018", "")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				if n.E164() != "+442079460018" {
					t.Error("E164 changed")
				}
				_, _ = Parse("020 7946 0018", "GB")
			}
		}()
	}
	wg.Wait()
}
