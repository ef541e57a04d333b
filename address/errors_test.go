package address

import (
	"encoding"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestZeroErrors(t *testing.T) {
	var nilVE *ValidationError
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"zero FieldError", &FieldError{}, `address: "": invalid value`},
		{"FieldError without Op", &FieldError{Field: "postal-code", Value: "x", Err: ErrInvalidPostalCode}, `address: postal-code "x": invalid postal code`},
		{"zero ValidationError", &ValidationError{}, "address: invalid address"},
		{"nil ValidationError", nilVE, "address: invalid address"},
		{"nil entry", &ValidationError{Errors: []*FieldError{nil, {Op: "Validate", Field: "name", Err: ErrRequired}}}, `address: invalid address; address: Validate: name "": required field is empty`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
	if nilVE.Unwrap() != nil {
		t.Error("nil ValidationError unwraps to something")
	}
}

// TestMessagesBounded: a megabyte of input is echoed as 64 bytes and its
// length, whatever the field.
func TestMessagesBounded(t *testing.T) {
	big := strings.Repeat("x", 1<<20)
	for _, a := range []Address{
		{CountryCode: big},
		{CountryCode: "DE", Line1: "a", Locality: "b", PostalCode: big},
		{CountryCode: "US", Line1: "a", Locality: "b", PostalCode: "94043", AdministrativeArea: big},
	} {
		err := Validate(a)
		if err == nil || len(err.Error()) > 300 || !strings.Contains(err.Error(), "(1048576 bytes)") {
			t.Errorf("message of %d bytes: %.300q", len(err.Error()), err)
		}
	}
}

func TestEnumText(t *testing.T) {
	var _ encoding.TextAppender = Field(0)
	var _ encoding.TextAppender = Style(0)
	var fields []string
	for f := FieldCountry; f.IsValid(); f++ {
		b, err := f.AppendText([]byte("x"))
		if err != nil {
			t.Fatal(err)
		}
		var back Field
		if err := back.UnmarshalText(b[1:]); err != nil || back != f {
			t.Errorf("%v: UnmarshalText(%q) = %v, %v", f, b[1:], back, err)
		}
		fields = append(fields, f.String())
	}
	want := []string{"country", "administrative-area", "locality", "dependent-locality", "postal-code", "sorting-code", "address-lines", "organization", "name"}
	if diff := cmp.Diff(want, fields); diff != "" {
		t.Errorf("field names (-want +got):\n%s", diff)
	}
	var styles []string
	for s := MultiLine; s.IsValid(); s++ {
		v, err := ParseStyle(s.String())
		if err != nil || v != s {
			t.Errorf("ParseStyle(%q) = %v, %v", s, v, err)
		}
		styles = append(styles, s.String())
	}
	if diff := cmp.Diff([]string{"multi-line", "single-line", "html", "postal-label"}, styles); diff != "" {
		t.Errorf("style names (-want +got):\n%s", diff)
	}
	if Field(0).IsValid() || Field(0).String() != "Field(0)" || Style(9).String() != "Style(9)" {
		t.Errorf("invalid values: %v %v", Field(0), Style(9))
	}
	if _, err := Field(0).MarshalText(); !errors.Is(err, ErrInvalidValue) {
		t.Errorf("Field(0).MarshalText: %v", err)
	}
	if b, err := Style(9).AppendText([]byte("keep")); !errors.Is(err, ErrInvalidValue) || string(b) != "keep" {
		t.Errorf("Style(9).AppendText = %q, %v", b, err)
	}
	if _, err := ParseField("postal_code"); err == nil || !strings.Contains(err.Error(), "want one of country, administrative-area") {
		t.Errorf("ParseField(postal_code): %v", err)
	}
	if _, err := ParseStyle("HTML"); !errors.Is(err, ErrInvalidValue) {
		t.Errorf("ParseStyle(HTML): %v", err)
	}
}
