package address

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/marketkit/marketkit/locale"
	"golang.org/x/text/language"
)

var usAddress = Address{
	CountryCode: "US", Name: "Jane Doe", Line1: "1600 Amphitheatre Pkwy",
	Locality: "Mountain View", AdministrativeArea: "CA", PostalCode: "94043",
}

// TestPatternsCompile checks every generated pattern, so that compile's
// MustCompile cannot panic, and that every example matches.
func TestPatternsCompile(t *testing.T) {
	for i := range countries {
		c := &countries[i]
		if !utf8.ValidString(c.fmt) || c.fmt == "" {
			t.Errorf("%s: bad fmt %q", c.code, c.fmt)
		}
		p := patternsFor(i)
		if c.zip == "" {
			continue
		}
		for _, ex := range strings.Split(c.zipex, ",") {
			if ex != "" && !p.zip.MatchString(postalCodeBody(c, ex)) {
				t.Errorf("%s: example %q does not match %q", c.code, ex, c.zip)
			}
		}
		var walk func([]subdivision)
		walk = func(subs []subdivision) {
			for j := range subs {
				s := &subs[j]
				if _, err := regexp.Compile(s.zip); err != nil {
					t.Errorf("%s/%s: %v", c.code, s.key, err)
				}
				walk(s.subs)
			}
		}
		walk(c.subs)
	}
	if len(countries) < 240 {
		t.Errorf("only %d countries", len(countries))
	}
}

func TestCountriesSorted(t *testing.T) {
	for i := 1; i < len(countries); i++ {
		if countries[i-1].code >= countries[i].code {
			t.Fatalf("countries not sorted at %s", countries[i].code)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		name string
		a    Address
		opts *FormatOptions
		want string
	}{
		{"us multi-line", usAddress, nil, "Jane Doe\n1600 Amphitheatre Pkwy\nMountain View, CA 94043"},
		{"us missing state keeps the comma", Address{CountryCode: "US", Line1: "1 Main St", Locality: "Springfield", PostalCode: "12345"}, nil, "1 Main St\nSpringfield, 12345"},
		{"lowercase country", Address{CountryCode: "de", Line1: "Heidestraße 17", PostalCode: "51147", Locality: "Köln"}, nil, "Heidestraße 17\n51147 Köln"},
		{"prefix literal dropped with empty postal code", Address{CountryCode: "LT", Line1: "Gedimino pr. 1", Locality: "Vilnius"}, nil, "Gedimino pr. 1\nVilnius"},
		{"prefix literal printed", Address{CountryCode: "LT", Line1: "Gedimino pr. 1", Locality: "Vilnius", PostalCode: "01103"}, nil, "Gedimino pr. 1\nLT-01103 Vilnius"},
		{"literal-only line", Address{CountryCode: "AX", Line1: "Torggatan 1", PostalCode: "22100", Locality: "Mariehamn"}, nil, "Torggatan 1\nAX-22100 Mariehamn\nÅLAND"},
		{"unknown country uses fallback", Address{CountryCode: "QQ", Name: "A", Line1: "B", Locality: "C", PostalCode: "dropped"}, nil, "A\nB\nC"},
		{"html escapes", Address{CountryCode: "US", Name: `<script>"x"&'y'</script>`, Line1: "a", Locality: "b"}, &FormatOptions{Style: HTML}, "&lt;script&gt;&#34;x&#34;&amp;&#39;y&#39;&lt;/script&gt;<br>\na<br>\nb"},
		{"control characters become spaces", Address{CountryCode: "US", Name: "a\nb", Line1: "x"}, nil, "a b\nx"},
		{"postal label domestic", usAddress, &FormatOptions{Style: PostalLabel, Origin: "us"}, "Jane Doe\n1600 Amphitheatre Pkwy\nMOUNTAIN VIEW, CA 94043"},
		{"postal label with namer", usAddress, &FormatOptions{Style: PostalLabel, Origin: "FR", CountryNames: namer{"US": "États-Unis"}}, "Jane Doe\n1600 Amphitheatre Pkwy\nMOUNTAIN VIEW, CA 94043\nÉTATS-UNIS"},
		{"postal label in the sender's locale", Address{CountryCode: "CH", Line1: "Bahnhofstrasse 1", PostalCode: "8001", Locality: "Zürich"}, &FormatOptions{Style: PostalLabel, CountryNames: germanNames}, "Bahnhofstrasse 1\nCH-8001 ZÜRICH\nSCHWEIZ"},
		{"postal label english fallback", Address{CountryCode: "CH", Line1: "Bahnhofstrasse 1", PostalCode: "8001", Locality: "Zürich"}, &FormatOptions{Style: PostalLabel}, "Bahnhofstrasse 1\nCH-8001 ZÜRICH\nSWITZERLAND"},
		{"latin layout prints latin subdivision names", Address{CountryCode: "KR", AdministrativeArea: "서울특별시", Locality: "강남구", Line1: "123 Teheran-ro", PostalCode: "06236"}, &FormatOptions{Latin: true}, "123 Teheran-ro\nGangnam-gu\nSeoul\n06236"},
		{"local layout prints keys", Address{CountryCode: "KR", AdministrativeArea: "서울특별시", Locality: "강남구", Line1: "테헤란로 123", PostalCode: "06236"}, nil, "서울특별시 강남구\n테헤란로 123\n06236"},
		{"blank lines skipped", Address{CountryCode: "US", Line1: " ", Line2: "Apt 2", Locality: "X"}, nil, "Apt 2\nX"},
		{"empty address", Address{}, nil, ""},
		{"invalid style formats as multi-line", usAddress, &FormatOptions{Style: Style(9)}, "Jane Doe\n1600 Amphitheatre Pkwy\nMountain View, CA 94043"},
		{"address lines on lines of their own before a field", Address{CountryCode: "JP", AdministrativeArea: "東京都", Line1: "Yaesu Bldg 3F", Line2: "1-5-3 Yaesu, Chuo-ku", PostalCode: "100-8994"}, &FormatOptions{Latin: true}, "Yaesu Bldg 3F\n1-5-3 Yaesu, Chuo-ku, Tokyo\n100-8994"},
		{"single line in Japanese has no separators", Address{CountryCode: "JP", AdministrativeArea: "東京都", Line1: "中央区八重洲一丁目5番3号", PostalCode: "100-8994"}, &FormatOptions{Style: SingleLine}, "〒100-8994東京都中央区八重洲一丁目5番3号"},
		{"single line in Korean joins with spaces", Address{CountryCode: "KR", AdministrativeArea: "서울특별시", Locality: "강남구", Line1: "테헤란로 123", PostalCode: "06236"}, &FormatOptions{Style: SingleLine}, "서울특별시 강남구 테헤란로 123 06236"},
		{"single line in Latin script", Address{CountryCode: "KR", AdministrativeArea: "서울특별시", Locality: "강남구", Line1: "123 Teheran-ro", PostalCode: "06236"}, &FormatOptions{Style: SingleLine, Latin: true}, "123 Teheran-ro, Gangnam-gu, Seoul, 06236"},
		{"latin layout from a latin key", Address{CountryCode: "HK", AdministrativeArea: "九龍", Locality: "Mong Kok", Line1: "1 Nathan Rd"}, &FormatOptions{Latin: true}, "1 Nathan Rd\nMong Kok\nKowloon"},
		{"postal label upper-cases address lines where the post wants them", Address{CountryCode: "CA", Name: "Jean Tremblay", Line1: "1 rue Sainte-Catherine", Line2: "app. 2", Locality: "Montréal", AdministrativeArea: "QC", PostalCode: "h2x 1z4"}, &FormatOptions{Style: PostalLabel, Origin: "CA"}, "JEAN TREMBLAY\n1 RUE SAINTE-CATHERINE\nAPP. 2\nMONTRÉAL QC H2X 1Z4"},
		{"postal label keeps address lines where the post does not", Address{CountryCode: "DE", Line1: "Heidestraße 17", PostalCode: "51147", Locality: "Köln"}, &FormatOptions{Style: PostalLabel, Origin: "DE"}, "Heidestraße 17\n51147 KÖLN"},
		{"postal label sharp s", Address{CountryCode: "DE", Line1: "Hauptstraße 1", PostalCode: "01558", Locality: "Großenhain"}, &FormatOptions{Style: PostalLabel, Origin: "DE"}, "Hauptstraße 1\n01558 GROSSENHAIN"},
		{"postal label turkish dotted i", Address{CountryCode: "TR", Line1: "Atatürk Cd. 1", PostalCode: "35210", Locality: "izmir", AdministrativeArea: "İzmir"}, &FormatOptions{Style: PostalLabel, Origin: "TR"}, "Atatürk Cd. 1\n35210 İZMİR/İzmir"},
		{"postal label greek capitals without accents", Address{CountryCode: "GR", Line1: "Οδός 1", PostalCode: "105 57", Locality: "Αθήνα"}, &FormatOptions{Style: PostalLabel, Origin: "GR"}, "Οδός 1\n105 57 ΑΘΗΝΑ"},
		{"postal label country name in the sender's capitals", Address{CountryCode: "GB", Line1: "1 High St", Locality: "London", PostalCode: "N1 1AA"}, &FormatOptions{Style: PostalLabel, CountryNames: germanNames}, "1 High St\nLONDON\nN1 1AA\nVEREINIGTES KÖNIGREICH"},
		{"postal label without country code has no country line", Address{Line1: "x", Locality: "y"}, &FormatOptions{Style: PostalLabel, Origin: "FR"}, "x\nY"},
		{"padded country code is no code: generic layout", Address{CountryCode: " ch ", Line1: "Bahnhofstrasse 1", PostalCode: "8001", Locality: "Zürich"}, nil, "Bahnhofstrasse 1\nZürich"},
		{"nil *locale.Formatter counts as unset", Address{CountryCode: "CH", Line1: "Bahnhofstrasse 1", PostalCode: "8001", Locality: "Zürich"}, &FormatOptions{Style: PostalLabel, CountryNames: (*locale.Formatter)(nil)}, "Bahnhofstrasse 1\nCH-8001 ZÜRICH\nSWITZERLAND"},
		{"sender's capitals from the formatter's tag", Address{CountryCode: "IT", Line1: "Via Roma 1", PostalCode: "00184", Locality: "Roma", AdministrativeArea: "RM"}, &FormatOptions{Style: PostalLabel, CountryNames: turkishNames}, "Via Roma 1\n00184 ROMA RM\nİTALYA"},
		{"typed layout prefix not doubled", Address{CountryCode: "CH", Line1: "Bahnhofstrasse 1", PostalCode: "ch-8001", Locality: "Zürich"}, nil, "Bahnhofstrasse 1\nCH-8001 Zürich"},
		{"postal code that is only the layout prefix is blank", Address{CountryCode: "CH", Line1: "Bahnhofstrasse 1", PostalCode: "CH-", Locality: "Zürich"}, nil, "Bahnhofstrasse 1\nZürich"},
		{"typed postal mark not doubled", Address{CountryCode: "JP", AdministrativeArea: "東京都", Line1: "x", PostalCode: "〒100-8994"}, nil, "〒100-8994\n東京都\nx"},
		{"typed inline prefix not doubled", Address{CountryCode: "PR", Line1: "x", Locality: "San Juan", PostalCode: "PR 00930"}, nil, "x\nSan Juan PR 00930"},
		{"control-only value is blank", Address{CountryCode: "US", Name: "\x00\x01", Organization: "\u0085", Line1: "x", Locality: "y"}, nil, "x\ny"},
		{"C1 control becomes a space", Address{CountryCode: "US", Name: "a\u0080b", Line1: "x"}, nil, "a b\nx"},
		{"latin layout from a local name", Address{CountryCode: "JP", AdministrativeArea: "tokyo", Line1: "1-5-3 Yaesu", PostalCode: "100-8994"}, &FormatOptions{Latin: true}, "1-5-3 Yaesu, Tokyo\n100-8994"},
		{"latin layout from an ISO code", Address{CountryCode: "CN", AdministrativeArea: "cn-bj", Locality: "东城区", Line1: "x", PostalCode: "100010"}, &FormatOptions{Latin: true}, "x\nDongcheng Qu\nBeijing Shi, 100010"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Format(tt.a, tt.opts)); diff != "" {
				t.Errorf("Format (-want +got):\n%s", diff)
			}
		})
	}
}

// germanNames and turkishNames are the senders' formatters of the postal
// label tests.
var germanNames, turkishNames = mustFormatter("de"), mustFormatter("tr")

func mustFormatter(tag string) *locale.Formatter {
	f, err := locale.NewFormatter(language.MustParse(tag), nil)
	if err != nil {
		panic(err)
	}
	return f
}

type namer map[string]string

func (n namer) CountryName(code string) (string, bool) { s, ok := n[code]; return s, ok }

func TestValidate(t *testing.T) {
	type fe struct {
		Field   Field
		Err     error
		Example string
	}
	tests := []struct {
		name string
		a    Address
		want []fe
	}{
		{"valid us", usAddress, nil},
		{"valid zip+4", func() Address { a := usAddress; a.PostalCode = "94043-1351"; return a }(), nil},
		{"state without accents", Address{CountryCode: "ES", Line1: "Calle Larios 1", Locality: "Málaga", AdministrativeArea: "MALAGA", PostalCode: "29005"}, nil},
		{"province with a dotless capital", Address{CountryCode: "TR", Line1: "a", Locality: "Konak", AdministrativeArea: "IZMIR", PostalCode: "35210"}, nil},
		{"us state by name", func() Address { a := usAddress; a.AdministrativeArea = "california"; return a }(), nil},
		{"partial postal code match rejected", func() Address { a := usAddress; a.PostalCode = "940431"; return a }(), []fe{{FieldPostalCode, ErrInvalidPostalCode, "95014"}}},
		{"postal code of another state", func() Address { a := usAddress; a.PostalCode = "10001"; return a }(), []fe{{FieldPostalCode, ErrInvalidPostalCode, "90000"}}},
		{"all problems together", Address{CountryCode: "US", AdministrativeArea: "Narnia", PostalCode: "x"}, []fe{
			{FieldAddressLines, ErrRequired, ""}, {FieldLocality, ErrRequired, ""},
			{FieldAdministrativeArea, ErrUnknownSubdivision, "AL"}, {FieldPostalCode, ErrInvalidPostalCode, "95014"}}},
		{"unsupported state in germany", Address{CountryCode: "DE", Line1: "a", Locality: "Köln", PostalCode: "51147", AdministrativeArea: "NRW"}, []fe{{FieldAdministrativeArea, ErrUnsupportedField, ""}}},
		{"missing country", Address{Line1: "a"}, []fe{{FieldCountry, ErrRequired, ""}}},
		{"unknown country", Address{CountryCode: "QQ"}, []fe{{FieldCountry, locale.ErrUnknownCountry, ""}}},
		{"invalid utf-8", func() Address { a := usAddress; a.Name = "\xff"; return a }(), []fe{{FieldName, ErrInvalidValue, ""}}},
		{"invalid utf-8 reported with the other problems", Address{CountryCode: "US", Name: "\xff", PostalCode: "\xff", Line1: "a", Locality: "b", AdministrativeArea: "CA"}, []fe{
			{FieldPostalCode, ErrInvalidValue, ""}, {FieldName, ErrInvalidValue, ""}}},
		{"too long", func() Address { a := usAddress; a.Line1 = strings.Repeat("a", MaxFieldLength+1); return a }(), []fe{{FieldAddressLines, ErrInvalidValue, ""}}},
		{"too long with a missing field", Address{CountryCode: "US", Line1: strings.Repeat("a", MaxFieldLength+1), AdministrativeArea: "CA", PostalCode: "94043"}, []fe{
			{FieldAddressLines, ErrInvalidValue, ""}, {FieldLocality, ErrRequired, ""}}},
		{"control-only line is blank", func() Address { a := usAddress; a.Line1 = "\x00\t"; return a }(), []fe{{FieldAddressLines, ErrRequired, ""}}},
		{"full-width postal code", Address{CountryCode: "JP", AdministrativeArea: "東京都", Line1: "a", PostalCode: "〒１００ー８９９４"}, nil},
		{"doubled inner space", Address{CountryCode: "GB", Line1: "10 Downing St", Locality: "London", PostalCode: "SW1A  2AA"}, nil},
		{"lower-case postal code where the post writes capitals", Address{CountryCode: "NL", Line1: "Dam 1", Locality: "Amsterdam", PostalCode: "1012 jd"}, nil},
		{"lower-case letter prefix", Address{CountryCode: "AD", Line1: "a", Locality: "Andorra la Vella", PostalCode: "ad500"}, nil},
		{"required pattern prefix left out", Address{CountryCode: "LV", Line1: "Brīvības iela 1", Locality: "Rīga", PostalCode: "1050"}, nil},
		{"required pattern prefix typed", Address{CountryCode: "LV", Line1: "Brīvības iela 1", Locality: "Rīga", PostalCode: "lv-1050"}, nil},
		{"required pattern prefix does not rescue a wrong code", Address{CountryCode: "LV", Line1: "Brīvības iela 1", Locality: "Rīga", PostalCode: "10500"}, []fe{{FieldPostalCode, ErrInvalidPostalCode, "LV-1073"}}},
		{"unsupported sorting code", func() Address { a := usAddress; a.SortingCode = "CEDEX 9"; return a }(), []fe{{FieldSortingCode, ErrUnsupportedField, ""}}},
		{"another country's full iso code", func() Address { a := usAddress; a.AdministrativeArea = "CA-CA"; return a }(), []fe{{FieldAdministrativeArea, ErrUnknownSubdivision, "AL"}}},
		{"full iso code", func() Address { a := usAddress; a.AdministrativeArea = "us-ca"; return a }(), nil},
		{"uk postcode", Address{CountryCode: "GB", Line1: "10 Downing St", Locality: "London", PostalCode: "SW1A 2AA"}, nil},
		{"lt prefix typed", Address{CountryCode: "LT", Line1: "a", Locality: "Vilnius", PostalCode: "LT-01103"}, nil},
		{"canada province prefix", Address{CountryCode: "CA", Line1: "a", Locality: "Montréal", AdministrativeArea: "QC", PostalCode: "T2P 1J9"}, []fe{{FieldPostalCode, ErrInvalidPostalCode, ""}}},
		{"china nested city prefix", Address{CountryCode: "CN", Line1: "a", AdministrativeArea: "北京市", Locality: "东城区", PostalCode: "100010"}, nil},
		{"korea nested", Address{CountryCode: "KR", Line1: "a", AdministrativeArea: "서울특별시", Locality: "강남구", PostalCode: "06236"}, nil},
		{"korea nested wrong prefix", Address{CountryCode: "KR", Line1: "a", AdministrativeArea: "서울특별시", Locality: "강남구", PostalCode: "01000"}, []fe{{FieldPostalCode, ErrInvalidPostalCode, ""}}},
		{"korea wrong province prefix", Address{CountryCode: "KR", Line1: "a", AdministrativeArea: "서울특별시", Locality: "강남구", PostalCode: "99999"}, []fe{{FieldPostalCode, ErrInvalidPostalCode, "06321"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Validate(tt.a)
			var got []fe
			var ve *ValidationError
			if err != nil {
				if !errors.As(err, &ve) {
					t.Fatalf("Validate: %T %v, want *ValidationError", err, err)
				}
				for _, e := range ve.Errors {
					f, perr := ParseField(e.Field)
					if perr != nil || e.Op != "Validate" {
						t.Errorf("FieldError %+v: Field %q (%v), Op %q", e, e.Field, perr, e.Op)
					}
					got = append(got, fe{f, e.Err, e.Example})
					if !errors.Is(err, e.Unwrap()) {
						t.Errorf("errors.Is(err, %v) = false", e.Unwrap())
					}
				}
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateErrors()); diff != "" {
				t.Errorf("Validate(%+v) (-want +got):\n%s\nerror: %v", tt.a, diff, err)
			}
		})
	}
}

func TestFieldErrorMessage(t *testing.T) {
	err := Validate(Address{CountryCode: "GB", Line1: "a", Locality: "London", PostalCode: "123"})
	want := `address: Validate: postal-code "123": invalid postal code (example "EC1Y 8SY")`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Pattern == "" || fe.Value != "123" {
		t.Errorf("FieldError = %+v", fe)
	}
}

func TestLongValueMessage(t *testing.T) {
	v := strings.Repeat("é", MaxFieldLength)
	err := Validate(Address{CountryCode: "DE", Line1: "a", Locality: "b", PostalCode: "12345", Name: v})
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Value != v {
		t.Fatalf("Validate: %v", err)
	}
	msg := err.Error()
	if len(msg) > 200 || !utf8.ValidString(msg) || !strings.Contains(msg, "é…") {
		t.Errorf("message of %d bytes: %q", len(msg), msg)
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		name    string
		in, out Address
	}{
		{"trim and fold", Address{CountryCode: " us ", Name: "  Jane \t Doe ", Line1: "1 Main  St", AdministrativeArea: "California", Locality: "X", PostalCode: " 94043 "},
			Address{CountryCode: "US", Name: "Jane Doe", Line1: "1 Main St", AdministrativeArea: "CA", Locality: "X", PostalCode: "94043"}},
		{"iso code to key", Address{CountryCode: "CA", AdministrativeArea: "CA-QC"}, Address{CountryCode: "CA", AdministrativeArea: "QC"}},
		{"another country's iso code kept", Address{CountryCode: "CA", AdministrativeArea: "US-QC"}, Address{CountryCode: "CA", AdministrativeArea: "US-QC"}},
		{"french name to key", Address{CountryCode: "CA", AdministrativeArea: "Colombie-Britannique"}, Address{CountryCode: "CA", AdministrativeArea: "BC"}},
		{"latin name to key", Address{CountryCode: "JP", AdministrativeArea: "tokyo"}, Address{CountryCode: "JP", AdministrativeArea: "東京都"}},
		{"upper postal code", Address{CountryCode: "GB", PostalCode: "sw1a 2aa"}, Address{CountryCode: "GB", PostalCode: "SW1A 2AA"}},
		{"typed prefix removed", Address{CountryCode: "LT", PostalCode: "lt-01103"}, Address{CountryCode: "LT", PostalCode: "01103"}},
		{"full-width postal code made ASCII", Address{CountryCode: "JP", PostalCode: "１００－８９９４"}, Address{CountryCode: "JP", PostalCode: "100-8994"}},
		{"postal code with an ideographic space", Address{CountryCode: "CA", PostalCode: "ｈ３ｚ\u3000２ｙ７"}, Address{CountryCode: "CA", PostalCode: "H3Z 2Y7"}},
		{"required prefix added", Address{CountryCode: "LV", PostalCode: " 1050"}, Address{CountryCode: "LV", PostalCode: "LV-1050"}},
		{"required prefix upper-cased", Address{CountryCode: "LV", PostalCode: "lv-1050"}, Address{CountryCode: "LV", PostalCode: "LV-1050"}},
		{"letters upper-cased where the pattern wants capitals", Address{CountryCode: "NL", PostalCode: "1012 jd"}, Address{CountryCode: "NL", PostalCode: "1012 JD"}},
		{"control characters folded", Address{CountryCode: "US", Line1: "1\x00Main\r\nSt\x7f"}, Address{CountryCode: "US", Line1: "1 Main St"}},
		{"invalid postal code kept", Address{CountryCode: "LV", PostalCode: "abc"}, Address{CountryCode: "LV", PostalCode: "abc"}},
		{"nested korea", Address{CountryCode: "KR", AdministrativeArea: "Seoul", Locality: "Gangnam-gu"}, Address{CountryCode: "KR", AdministrativeArea: "서울특별시", Locality: "강남구"}},
		{"turkish lower-case i", Address{CountryCode: "TR", AdministrativeArea: "istanbul"}, Address{CountryCode: "TR", AdministrativeArea: "İstanbul"}},
		{"turkish capitals without dots", Address{CountryCode: "TR", AdministrativeArea: "IGDIR"}, Address{CountryCode: "TR", AdministrativeArea: "Iğdır"}},
		{"name without accents", Address{CountryCode: "BR", AdministrativeArea: "Sao Paulo"}, Address{CountryCode: "BR", AdministrativeArea: "SP"}},
		{"latin name with macrons", Address{CountryCode: "JP", AdministrativeArea: "Tōkyō"}, Address{CountryCode: "JP", AdministrativeArea: "東京都"}},
		{"unknown subdivision kept", Address{CountryCode: "US", AdministrativeArea: "Narnia"}, Address{CountryCode: "US", AdministrativeArea: "Narnia"}},
		{"lower case postal code kept where not upper-cased", Address{CountryCode: "DE", PostalCode: "ab"}, Address{CountryCode: "DE", PostalCode: "ab"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.out, Normalize(tt.in)); diff != "" {
				t.Errorf("Normalize (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFormLabels(t *testing.T) {
	tests := []struct {
		country string
		loc     language.Tag
		lang    string
		labels  []string
	}{
		{"US", language.AmericanEnglish, "en", []string{"Full name", "Organization", "Street address", "City", "State", "ZIP code"}},
		{"US", language.German, "de", []string{"Vollständiger Name", "Firma", "Straße und Hausnummer", "Stadt", "Bundesstaat", "Postleitzahl"}},
		{"GB", language.Swedish, "en", []string{"Full name", "Organization", "Street address", "Post town", "Postal code"}},
		{"JP", language.Japanese, "ja", []string{"郵便番号", "都道府県", "住所", "会社名", "氏名"}},
		{"JP", language.English, "en", []string{"Full name", "Organization", "Street address", "Prefecture", "Postal code"}},
		{"IE", language.English, "en", []string{"Full name", "Organization", "Street address", "Townland", "City", "County", "Eircode"}},
		{"CN", language.SimplifiedChinese, "zh", []string{"邮政编码", "省", "城市", "区", "街道地址", "单位", "姓名"}},
		{"TW", language.MustParse("zh-TW"), "en", []string{"Postal code", "County", "District", "Street address", "Organization", "Full name"}},
	}
	for _, tt := range tests {
		t.Run(tt.country+"/"+tt.loc.String(), func(t *testing.T) {
			f, err := Form(tt.country, tt.loc)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, row := range f.Rows {
				for _, field := range row {
					got = append(got, field.Label)
				}
			}
			if wantLatin := tt.country == "JP" && tt.lang != "ja"; f.Latin != wantLatin && tt.country == "JP" {
				t.Errorf("Latin = %t, want %t", f.Latin, wantLatin)
			}
			if diff := cmp.Diff(tt.labels, got); diff != "" || f.Language != tt.lang {
				t.Errorf("Form labels (-want +got):\n%s\nlanguage %s, want %s", diff, f.Language, tt.lang)
			}
		})
	}
}

func TestLabelTableComplete(t *testing.T) {
	kinds := map[string]bool{"name": true, "organization": true, "address": true, "sorting_code": true}
	for _, c := range append(countries[:], fallbackFormat) {
		for _, k := range []string{c.stateType, c.zipType, c.localityType, c.sublocalityType} {
			if k != "" {
				kinds[k] = true
			}
		}
	}
	for k := range kinds {
		found := false
		for _, l := range labels {
			if l.kind == k {
				found = true
				for i, tr := range l.tr {
					if tr == "" {
						t.Errorf("label %s has no %s translation", k, labelLanguages[i])
					}
				}
			}
		}
		if !found {
			t.Errorf("no label row for kind %q", k)
		}
	}
}

func TestSubdivisions(t *testing.T) {
	ca := Subdivisions("ca", language.French)
	if len(ca) != 13 || ca[10].Key != "QC" || ca[10].Name != "Québec" || ca[10].ISOCode != "CA-QC" {
		t.Errorf("CA subdivisions: %+v", ca[10])
	}
	jp := Subdivisions("JP", language.English)
	if jp[12].Key != "東京都" || jp[12].Name != "Tokyo" || jp[12].ISOCode != "JP-13" {
		t.Errorf("JP[12] = %+v", jp[12])
	}
	kr := Subdivisions("KR", language.Korean)
	if len(kr) != 17 || !kr[0].HasChildren {
		t.Fatalf("KR = %d subdivisions, first %+v", len(kr), kr[0])
	}
	seoul := Subdivisions("KR", language.Korean, "서울특별시")
	if len(seoul) != 25 {
		t.Errorf("Seoul has %d districts, want 25", len(seoul))
	}
	cn := Subdivisions("CN", language.English, "Guangdong Sheng")
	if len(cn) == 0 || cn[0].LatinName == "" {
		t.Errorf("CN Guangdong cities: %+v", cn)
	}
	if got := Subdivisions("DE", language.German); got != nil {
		t.Errorf("DE subdivisions = %v, want none", got)
	}
	if got := Subdivisions("KR", language.Korean, "nowhere"); got != nil {
		t.Errorf("unknown parent = %v", got)
	}
}

// TestConcurrentUse runs Validate, Normalize, Format, TaxLocation and
// SubdivisionCode from several goroutines at once, each on first use of
// its countries (patterns and ISO tables are built lazily, once), and
// compares every result with the same calls made serially afterwards.
func TestConcurrentUse(t *testing.T) {
	type result struct {
		Valid, Normalized, Formatted, Label string
		Country, Region, Zip, TaxErr        string
		Code                                string
	}
	inputs := []Address{
		{CountryCode: "BR", Line1: "Rua A, 1", Locality: "São Paulo", AdministrativeArea: "São Paulo", PostalCode: "01454-000"},
		{CountryCode: "IT", Line1: "Via Roma 1", Locality: "Roma", AdministrativeArea: "Roma", PostalCode: "00184"},
		{CountryCode: "ca", Line1: "1 rue Sainte-Catherine", Locality: "Montréal", AdministrativeArea: "Québec", PostalCode: "h3z 2y7"},
		{CountryCode: "US", AdministrativeArea: "Narnia", PostalCode: "1"},
		{CountryCode: "CN", Line1: "a", AdministrativeArea: "北京市", Locality: "东城区", PostalCode: "100010"},
		{CountryCode: "KR", Line1: "a", AdministrativeArea: "서울특별시", Locality: "강남구", PostalCode: "01000"},
		{CountryCode: "JP", Line1: "x", AdministrativeArea: "tokyo", PostalCode: "１００ー８９９４"},
		{CountryCode: "FR", Line1: "1 rue de Rivoli", Locality: "Paris", PostalCode: "75001", SortingCode: "cedex 01"},
	}
	run := func(a Address) result {
		var r result
		if err := Validate(a); err != nil {
			r.Valid = err.Error()
		}
		n := Normalize(a)
		r.Normalized = fmt.Sprintf("%+v", n)
		r.Formatted = Format(a, nil)
		r.Label = Format(a, &FormatOptions{Style: PostalLabel, Origin: "DE", CountryNames: germanNames})
		var err error
		r.Country, r.Region, r.Zip, err = a.TaxLocation()
		if err != nil {
			r.TaxErr = err.Error()
		}
		r.Code, _ = SubdivisionCode(n.CountryCode, n.AdministrativeArea)
		return r
	}
	const workers = 8
	got := make([][]result, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range inputs {
				// Each worker starts at another input, so that first uses race.
				j := (i + w) % len(inputs)
				if got[w] == nil {
					got[w] = make([]result, len(inputs))
				}
				got[w][j] = run(inputs[j])
			}
		}()
	}
	wg.Wait()
	for i, a := range inputs {
		want := run(a)
		for w := range workers {
			if diff := cmp.Diff(want, got[w][i]); diff != "" {
				t.Errorf("worker %d, %s: concurrent result differs from the serial one (-serial +concurrent):\n%s", w, a.CountryCode, diff)
			}
		}
	}
}

func TestAllocs(t *testing.T) {
	Validate(usAddress) // compile patterns
	want := 0.0
	if raceEnabled {
		want = 1 // regexp's sync.Pool drops matchers under the race detector
	}
	if n := testing.AllocsPerRun(100, func() {
		if Validate(usAddress) != nil {
			t.Fatal("invalid")
		}
	}); n > want {
		t.Errorf("Validate of a valid address: %v allocs, want ≤ %v", n, want)
	}
	if n := testing.AllocsPerRun(100, func() { _ = Format(usAddress, nil) }); n > 1 {
		t.Errorf("Format: %v allocs, want ≤ 1", n)
	}
	label := &FormatOptions{Style: PostalLabel, Origin: "US"}
	if n := testing.AllocsPerRun(100, func() { _ = Format(usAddress, label) }); n > 1 {
		t.Errorf("Format of an ASCII postal label: %v allocs, want ≤ 1", n)
	}
	buf := make([]byte, 0, 256)
	if n := testing.AllocsPerRun(100, func() { buf = AppendFormat(buf[:0], usAddress, nil) }); n != 0 {
		t.Errorf("AppendFormat: %v allocs, want 0", n)
	}
}

// TestFormEveryCountry renders the form of every country for several
// locales and checks it against the country's own metadata; a code with
// no metadata is an error.
func TestFormEveryCountry(t *testing.T) {
	locales := []language.Tag{language.English, language.CanadianFrench, language.German, language.Japanese,
		language.MustParse("zh-Hant-TW"), language.Korean, language.Russian, language.Und}
	codes := []string{"QQ"}
	for i := range countries {
		codes = append(codes, countries[i].code)
	}
	for _, code := range codes {
		c, _, known := countryFor(code)
		for _, loc := range locales {
			f, err := Form(strings.ToLower(code), loc)
			if !known {
				if !errors.Is(err, locale.ErrUnknownCountry) {
					t.Errorf("%s/%s: Form = %v, want locale.ErrUnknownCountry", code, loc, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%s/%s: %v", code, loc, err)
			}
			if f.Country != code {
				t.Errorf("%s/%s: Country = %q", code, loc, f.Country)
			}
			if _, ok := labelIndex(f.Language); !ok {
				t.Errorf("%s/%s: Language = %q", code, loc, f.Language)
			}
			layout := c.fmt
			if f.Latin {
				layout = c.lfmt
			}
			seen := map[Field]bool{}
			for _, row := range f.Rows {
				if len(row) == 0 {
					t.Errorf("%s/%s: empty row", code, loc)
				}
				for _, fld := range row {
					if seen[fld.Field] || fld.Label == "" || fld.Field == 0 {
						t.Errorf("%s/%s: bad or repeated field %+v", code, loc, fld)
					}
					seen[fld.Field] = true
					l := "NOADCSZX"[fld.Field.letterIndex()]
					if !hasLetter(layout, l) {
						t.Errorf("%s/%s: field %s not in layout %q", code, loc, fld.Field, layout)
					}
					if want := strings.IndexByte(c.require, l) >= 0; fld.Required != want {
						t.Errorf("%s/%s: %s required = %t, want %t", code, loc, fld.Field, fld.Required, want)
					}
				}
			}
			for _, l := range []byte("NOADCSZX") {
				if hasLetter(layout, l) && !seen[fieldOf(l)] {
					t.Errorf("%s/%s: layout field %c missing from the form", code, loc, l)
				}
			}
			for _, ex := range f.PostalCodeExamples {
				if p := patternsFor(mustIndex(t, code)); p.zip != nil && !p.zip.MatchString(postalCodeBody(c, ex)) {
					t.Errorf("%s: example %q does not match %q", code, ex, f.PostalCodePattern)
				}
			}
			if seen[FieldAdministrativeArea] && len(c.subs) > 0 && len(f.Subdivisions) != len(c.subs) {
				t.Errorf("%s/%s: %d subdivisions, want %d", code, loc, len(f.Subdivisions), len(c.subs))
			}
			for _, s := range f.Subdivisions {
				if s.Key == "" || s.Name == "" || s.LocalName == "" {
					t.Errorf("%s/%s: incomplete subdivision %+v", code, loc, s)
				}
			}
		}
	}
}

// letterIndex is the index in "NOADCSZX" of f's format letter.
func (f Field) letterIndex() int {
	for i, l := range []byte("NOADCSZX") {
		if fieldOf(l) == f {
			return i
		}
	}
	return -1
}

func mustIndex(t *testing.T, code string) int {
	_, i, ok := lookupCountry(code)
	if !ok {
		t.Fatalf("no country %s", code)
	}
	return i
}

func TestFormLocalLayout(t *testing.T) {
	tests := []struct {
		country string
		loc     language.Tag
		latin   bool
		sub     string // name of the first subdivision
	}{
		{"TW", language.MustParse("zh-Hant-TW"), false, "台中市"},
		{"TW", language.MustParse("zh-TW"), false, "台中市"},
		{"TW", language.English, true, "Taichung City"},
		{"HK", language.MustParse("zh-HK"), false, "九龍"},
		{"HK", language.English, true, "Kowloon"},
		{"JP", language.Japanese, false, "北海道"},
		{"JP", language.French, true, "Hokkaido"},
		{"KR", language.Korean, false, "강원"},
		{"KR", language.English, true, "Gangwon-do"},
		{"CN", language.SimplifiedChinese, false, "安徽省"},
	}
	for _, tt := range tests {
		t.Run(tt.country+"/"+tt.loc.String(), func(t *testing.T) {
			f, err := Form(tt.country, tt.loc)
			if err != nil {
				t.Fatal(err)
			}
			if f.Latin != tt.latin || len(f.Subdivisions) == 0 || f.Subdivisions[0].Name != tt.sub {
				t.Errorf("Latin = %t, first subdivision %+v; want %t, %q", f.Latin, f.Subdivisions, tt.latin, tt.sub)
			}
		})
	}
}
