package locale

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"simple", "de-CH", "de-CH"},
		{"case and underscore", "DE_ch", "de-CH"},
		{"script", "zh-hant-tw", "zh-Hant-TW"},
		{"spaces trimmed", "  fr-BE\t", "fr-BE"},
		{"deprecated language", "iw", "he"},
		{"legacy tag", "sh", "sr-Latn"},
		{"extension kept", "de-CH-u-nu-latn", "de-CH-u-nu-latn"},
		{"private use", "en-US-x-shop", "en-US-x-shop"},
		{"undetermined", "und", "und"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q) error: %v", tt.in, err)
			}
			if got.String() != tt.want {
				t.Errorf("Parse(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	long := "en-" + strings.Repeat("abcdefgh-", 20)
	tests := []struct {
		name, in, msg string
	}{
		{"empty", "", `locale: Parse: tag "": invalid language tag: empty`},
		{"blank", "   ", `locale: Parse: tag "   ": invalid language tag: empty`},
		{"unknown language", "xx", `locale: Parse: tag "xx": invalid language tag: unknown subtag "xx"`},
		{"unknown trailing subtag", "ab-cde-fgh", `locale: Parse: tag "ab-cde-fgh": invalid language tag: unknown subtag "fgh"`},
		{"not well-formed", "en--US", `locale: Parse: tag "en--US": invalid language tag: tag is not well-formed`},
		{"garbage", "\xff\x00<script>", `locale: Parse: tag "\xff\x00<script>": invalid language tag: tag is not well-formed`},
		{"too long", long, `locale: Parse: tag "` + long[:64] + `…"(` + strconv.Itoa(len(long)) + ` bytes): invalid language tag: longer than 100 bytes`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err == nil {
				t.Fatalf("Parse(%q) = %v, want error", tt.in, got)
			}
			if got != language.Und {
				t.Errorf("Parse(%q) tag = %v, want und", tt.in, got)
			}
			if !errors.Is(err, ErrInvalidTag) {
				t.Errorf("Parse(%q) error %v does not wrap ErrInvalidTag", tt.in, err)
			}
			var te *Error
			if !errors.As(err, &te) || te.Value != tt.in || te.Op != "Parse" || te.Field != "tag" {
				t.Errorf("Parse(%q) error %#v: want *Error with Value %q", tt.in, err, tt.in)
			}
			if err.Error() != tt.msg {
				t.Errorf("Parse(%q) error = %q, want %q", tt.in, err.Error(), tt.msg)
			}
		})
	}
}

func TestMustParse(t *testing.T) {
	if got := MustParse("pt_ao"); got.String() != "pt-AO" {
		t.Errorf("MustParse(pt_ao) = %v", got)
	}
	defer func() {
		if r := recover(); r == nil {
			t.Error("MustParse(\"!!\") did not panic")
		}
	}()
	MustParse("!!")
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"de-CH", "zh-Hant-TW", "DE_ch", "", " ", "und", "iw", "x-foo",
		"en-u-ca-buddhist-nu-thai", "en--US", "\xff", "a-b-c-d-e-f-g",
		strings.Repeat("a-", 60),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tag, err := Parse(s)
		if err != nil {
			if tag != language.Und || !errors.Is(err, ErrInvalidTag) {
				t.Fatalf("Parse(%q) = %v, %v; want und and ErrInvalidTag", s, tag, err)
			}
			return
		}
		if len(strings.TrimSpace(s)) > MaxTagLength {
			t.Fatalf("Parse(%q) accepted %d bytes", s, len(s))
		}
		// Canonical output parses back to itself.
		again, err := Parse(tag.String())
		if err != nil || again != tag {
			t.Fatalf("Parse(%q) = %v; Parse(%q) = %v, %v", s, tag, tag.String(), again, err)
		}
	})
}
