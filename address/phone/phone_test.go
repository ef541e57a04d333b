package phone

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/marketkit/marketkit/locale"
	"github.com/nyaruka/phonenumbers"
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
		// Argentina: libphonenumber writes mobiles with the area code after
		// the national prefix and 15 before the subscriber number.
		{"argentine mobile, buenos aires", "+54 9 11 2345-6789", "", result{"+5491123456789", "+54 9 11 2345-6789", "011 15-2345-6789", "tel:+54-9-11-2345-6789", Mobile, "AR", true}, nil},
		{"argentine mobile dialled nationally", "011 15-2345-6789", "AR", result{"+5491123456789", "+54 9 11 2345-6789", "011 15-2345-6789", "tel:+54-9-11-2345-6789", Mobile, "AR", true}, nil},
		{"argentine mobile, córdoba", "+54 9 351 555-1234", "", result{"+5493515551234", "+54 9 351 555-1234", "0351 15-555-1234", "tel:+54-9-351-555-1234", Mobile, "AR", true}, nil},
		{"argentine fixed line unchanged", "+54 11 2345-6789", "", result{"+541123456789", "+54 11 2345-6789", "011 2345-6789", "tel:+54-11-2345-6789", FixedLine, "AR", true}, nil},
		{"argentine mobile with extension", "+54 9 11 2345-6789 ext. 12", "", result{"+5491123456789", "+54 9 11 2345-6789 ext. 12", "011 15-2345-6789 ext. 12", "tel:+54-9-11-2345-6789;ext=12", Mobile, "AR", true}, nil},
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

func TestTypeText(t *testing.T) {
	for ty := Unknown; ty <= Voicemail; ty++ {
		b, err := ty.AppendText([]byte("x:"))
		if err != nil || !ty.IsValid() {
			t.Fatalf("%d.AppendText: %v (IsValid %v)", ty, err, ty.IsValid())
		}
		name := string(b[2:])
		if name != ty.String() || strings.ContainsAny(name, "_ ") || strings.ToLower(name) != name {
			t.Errorf("Type %d: name %q, String %q", ty, name, ty.String())
		}
		var back Type
		if err := back.UnmarshalText(b[2:]); err != nil || back != ty {
			t.Errorf("UnmarshalText(%q) = %v, %v", name, back, err)
		}
	}
	if got := TollFree.String(); got != "toll-free" {
		t.Errorf("TollFree.String() = %q", got)
	}
	bad := Type(200)
	if got := bad.String(); got != "Type(200)" || bad.IsValid() {
		t.Errorf("Type(200).String() = %q, IsValid %v", got, bad.IsValid())
	}
	if _, err := bad.MarshalText(); !errors.Is(err, ErrInvalidType) {
		t.Errorf("Type(200).MarshalText: %v", err)
	}
	if _, err := ParseType("toll_free"); !errors.Is(err, ErrInvalidType) {
		t.Errorf("ParseType(toll_free): %v", err)
	}
}

func TestErrorMessages(t *testing.T) {
	long := strings.Repeat("9", 1000)
	tests := []struct {
		name, in, region string
		valid            bool
		want             string
	}{
		{"too short", "+49 1", "DE", false, `phone: Parse: number "+49 1": too short (default region "DE")`},
		{"bad region", "030 901820", "UK", false, `phone: Parse: region "UK": invalid default region`},
		{"padded region", "030 901820", " DE", false, `phone: Parse: region " DE": invalid default region`},
		{"too long, cut", long, "", false, `phone: Parse: number "` + long[:64] + `…"(1000 bytes): input too long`},
		{"invalid from ParseValid", "+49 123", "", true, `phone: ParseValid: number "+49 123": not a valid number`},
		{"parse error from ParseValid", "hello", "DE", true, `phone: ParseValid: number "hello": not a phone number (default region "DE")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parse := Parse
			if tt.valid {
				parse = ParseValid
			}
			_, err := parse(tt.in, tt.region)
			if err == nil || err.Error() != tt.want {
				t.Errorf("error:\n got %v\nwant %s", err, tt.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Value == "" {
				t.Errorf("ParseError = %+v", pe)
			}
		})
	}
	if got := (&ParseError{}).Error(); got != `phone: "": invalid value` {
		t.Errorf("zero ParseError: %q", got)
	}
}

// TestFixedNationalRegions scans the whole phone metadata for national
// prefix rules that nyaruka/phonenumbers applies wrongly (a rule with $1
// on a format whose first group is not $1): fixedNational must repair
// exactly those calling codes, and today that is Argentina's alone. A
// metadata update that adds one fails here, so its formats get checked.
func TestFixedNationalRegions(t *testing.T) {
	coll, err := phonenumbers.MetadataCollection()
	if err != nil {
		t.Fatal(err)
	}
	broken := map[int32]int{}
	for _, md := range coll.GetMetadata() {
		for _, f := range md.GetNumberFormat() {
			if _, ok := fixedRule(f); ok {
				broken[md.GetCountryCode()]++
			}
		}
	}
	fixed := map[int32]int{}
	for cc, formats := range fixedNational() {
		for i, f := range formats {
			if f.GetNationalPrefixFormattingRule() != "" && strings.Contains(f.GetNationalPrefixFormattingRule(), "$1") && !strings.HasPrefix(f.GetFormat(), "$1") {
				t.Errorf("+%d format %d still has rule %q for %q", cc, i, f.GetNationalPrefixFormattingRule(), f.GetFormat())
			}
			if f.GetNationalPrefixFormattingRule() != "" && !strings.Contains(f.GetNationalPrefixFormattingRule(), "$1") {
				fixed[cc]++
			}
		}
	}
	if diff := cmp.Diff(map[int32]int{54: 3}, broken); diff != "" {
		t.Errorf("formats with a misapplied national prefix rule (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(broken, fixed); diff != "" {
		t.Errorf("repaired formats (-found +repaired):\n%s", diff)
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

// TestNationalRoundTrip: the national format of libphonenumber's example
// number of every region and type parses back, with the region, to the
// same number. (The Argentine mobile national format failed this.)
func TestNationalRoundTrip(t *testing.T) {
	types := []phonenumbers.PhoneNumberType{phonenumbers.FIXED_LINE, phonenumbers.MOBILE, phonenumbers.TOLL_FREE}
	checked := 0
	regions := slices.Sorted(maps.Keys(phonenumbers.GetSupportedRegions()))
	for _, region := range regions {
		for _, ty := range types {
			ex := phonenumbers.GetExampleNumberForType(region, ty)
			if ex == nil {
				continue
			}
			n := Number{ex}
			if !n.IsValid() {
				continue
			}
			nat := n.National()
			m, err := Parse(nat, region)
			if err != nil || m.E164() != n.E164() {
				t.Errorf("%s %v: national %q of %s parses back to %q, %v", region, ty, nat, n.E164(), m.E164(), err)
			}
			checked++
		}
	}
	if checked < 500 {
		t.Errorf("only %d example numbers checked", checked)
	}
}

// TestUnknownRegionIsUnknownCountry: an unknown default region matches
// the library's one country sentinel, and no other phone error does.
func TestUnknownRegionIsUnknownCountry(t *testing.T) {
	for _, tt := range []struct {
		number, region string
		want           bool
	}{
		{"030 901820", "UK", true},
		{"030 901820", "XX", true},
		{"030 901820", "DEU", true},
		{"030 901820", " de", true},
		{"+49 30 901820", "xx", true},
		{"030 901820", "DE", false}, // no error at all
		{"abc", "DE", false},        // not a number
		{"+49 1", "DE", false},      // too short
		{"+999 1234567", "", false}, // invalid country calling code: a number's fault, not a country code's
	} {
		_, err := Parse(tt.number, tt.region)
		if got := errors.Is(err, locale.ErrUnknownCountry); got != tt.want {
			t.Errorf("Parse(%q, %q) = %v; errors.Is(err, locale.ErrUnknownCountry) = %v, want %v", tt.number, tt.region, err, got, tt.want)
		}
	}
	var nilErr *ParseError
	if nilErr.Is(locale.ErrUnknownCountry) {
		t.Error("nil *ParseError matches locale.ErrUnknownCountry")
	}
}
