package address

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/locale"
)

// TestFormUnknownCountry: a code that names no country is an error, not
// the generic form it used to get (which let any address through).
func TestFormUnknownCountry(t *testing.T) {
	for _, tt := range []struct{ code, want string }{
		{"QQ", `address: Form: country "QQ": unknown country code`},
		{"XX", `address: Form: country "XX": unknown country code`},
		{"DEU", `address: Form: country "DEU": unknown country code`},
		{"", `address: Form: country "": unknown country code`},
		{" us", `address: Form: country " us": unknown country code: surrounding white space (Normalize removes it)`},
		{"ch ", `address: Form: country "ch ": unknown country code: surrounding white space (Normalize removes it)`},
	} {
		f, err := Form(tt.code, language.French)
		if !errors.Is(err, locale.ErrUnknownCountry) {
			t.Errorf("Form(%q) error = %v, want locale.ErrUnknownCountry", tt.code, err)
			continue
		}
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Op != "Form" || fe.Field != FieldCountry.String() || fe.Value != tt.code {
			t.Errorf("Form(%q) error = %#v", tt.code, err)
		}
		if err.Error() != tt.want {
			t.Errorf("Form(%q) error:\n got %s\nwant %s", tt.code, err, tt.want)
		}
		if diff := cmp.Diff(FormLayout{}, f); diff != "" {
			t.Errorf("Form(%q) with an error returned a layout (-want +got):\n%s", tt.code, diff)
		}
	}
	// AC and TA are countries of their own in the metadata.
	for _, code := range []string{"AC", "ta", "US", "jp"} {
		if _, err := Form(code, language.English); err != nil {
			t.Errorf("Form(%q) = %v", code, err)
		}
	}
}
