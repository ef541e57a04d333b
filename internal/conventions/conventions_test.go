package conventions

import (
	"encoding"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/marketkit/marketkit/address"
	"github.com/marketkit/marketkit/address/phone"
	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/tax"
	"github.com/marketkit/marketkit/tax/vat"
)

var errSentinel = errors.New("unrelated")

// TestErrorStructFields checks the contract of every error struct: the
// fields Op, Field and Value of type string and Err of type error, and Error and
// Unwrap methods that do not panic on the zero value or a nil pointer.
func TestErrorStructFields(t *testing.T) {
	errorsOf := []error{
		&locale.Error{}, &address.FieldError{}, &phone.ParseError{},
		&tax.Error{}, &tax.LookupError{}, &vat.Error{},
	}
	errType := reflect.TypeFor[error]()
	for _, e := range errorsOf {
		typ := reflect.TypeOf(e).Elem()
		t.Run(typ.String(), func(t *testing.T) {
			for _, name := range []string{"Op", "Field", "Value"} {
				f, ok := typ.FieldByName(name)
				if !ok || f.Type.Kind() != reflect.String {
					t.Errorf("%s has no string field %s", typ, name)
				}
			}
			if f, ok := typ.FieldByName("Err"); !ok || f.Type != errType {
				t.Errorf("%s has no field Err error", typ)
			}
			pkg := typ.PkgPath()[strings.LastIndexByte(typ.PkgPath(), '/')+1:]
			if s := e.Error(); !strings.HasPrefix(s, pkg+": ") {
				t.Errorf("zero %s: Error() = %q, want the prefix %q", typ, s, pkg+": ")
			}
			// A nil pointer (a typed nil returned as an error) neither
			// panics in Error nor in errors.Is, which calls Unwrap.
			nilErr := reflect.Zero(reflect.TypeOf(e)).Interface().(error)
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("nil %s: panic %v", reflect.TypeOf(e), r)
					}
				}()
				if s := nilErr.Error(); !strings.HasPrefix(s, pkg+": ") {
					t.Errorf("nil %s: Error() = %q", reflect.TypeOf(e), s)
				}
				if errors.Is(nilErr, errSentinel) {
					t.Errorf("nil %s matches an unrelated sentinel", reflect.TypeOf(e))
				}
			}()
		})
	}
}

// enumType is what every enum of the library implements.
type enumType interface {
	encoding.TextAppender
	encoding.TextMarshaler
	IsValid() bool
	String() string
}

type enumCase struct {
	name      string
	of        func(uint8) enumType
	parse     func(string) (enumType, error)
	unmarshal func(uint8, []byte) (enumType, error)
}

func mk[T interface {
	~uint8
	enumType
}, P interface {
	*T
	encoding.TextUnmarshaler
}](name string, parse func(string) (T, error)) enumCase {
	return enumCase{
		name:  name,
		of:    func(i uint8) enumType { return T(i) },
		parse: func(s string) (enumType, error) { v, err := parse(s); return v, err },
		unmarshal: func(i uint8, b []byte) (enumType, error) {
			v := T(i)
			err := P(&v).UnmarshalText(b)
			return v, err
		},
	}
}

// TestEnums checks every enum over all 256 values: a defined value has a
// lower-case hyphenated name that MarshalText, AppendText, Parse and
// UnmarshalText agree on; an undefined one prints as Type(N), refuses to
// marshal (AppendText leaving the buffer alone) and does not parse.
func TestEnums(t *testing.T) {
	cases := []enumCase{
		mk[locale.RoundingMode]("RoundingMode", locale.ParseRoundingMode),
		mk[locale.Style]("Style", locale.ParseStyle),
		mk[locale.Display]("Display", locale.ParseDisplay),
		mk[locale.DateStyle]("DateStyle", locale.ParseDateStyle),
		mk[locale.MeasurementSystem]("MeasurementSystem", locale.ParseMeasurementSystem),
		mk[address.Field]("Field", address.ParseField),
		mk[address.Style]("Style", address.ParseStyle),
		mk[phone.Type]("Type", phone.ParseType),
		mk[tax.Rounding]("Rounding", tax.ParseRounding),
		mk[tax.CrossBorder]("CrossBorder", tax.ParseCrossBorder),
		mk[tax.OutcomeKind]("OutcomeKind", tax.ParseOutcomeKind),
		mk[tax.Category]("Category", tax.ParseCategory),
		mk[tax.Kind]("Kind", tax.ParseKind),
		mk[tax.Supply]("Supply", tax.ParseSupply),
		mk[vat.Reason]("Reason", vat.ParseReason),
	}
	for _, c := range cases {
		t.Run(reflect.TypeOf(c.of(0)).String(), func(t *testing.T) {
			defined := 0
			for i := range 256 {
				v := c.of(uint8(i))
				b, err := v.MarshalText()
				ab, aerr := v.AppendText([]byte("x="))
				if !v.IsValid() {
					if want := c.name + "(" + strconv.Itoa(i) + ")"; v.String() != want {
						t.Errorf("%d: String() = %q, want %q", i, v.String(), want)
					}
					if err == nil || aerr == nil || string(ab) != "x=" {
						t.Errorf("%s: MarshalText = %q, %v; AppendText = %q, %v; want errors", v, b, err, ab, aerr)
					}
					if _, err := c.parse(v.String()); err == nil {
						t.Errorf("Parse(%q) accepted an undefined value", v)
					}
					continue
				}
				defined++
				name := v.String()
				if err != nil || string(b) != name || aerr != nil || string(ab) != "x="+name {
					t.Errorf("%d: MarshalText = %q, %v; AppendText = %q, %v; want %q", i, b, err, ab, aerr, name)
				}
				for _, r := range name {
					if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
						t.Errorf("%d: name %q is not lower-case words joined by hyphens", i, name)
						break
					}
				}
				if p, err := c.parse(name); err != nil || p != v {
					t.Errorf("Parse(%q) = %v, %v", name, p, err)
				}
				if p, err := c.parse(strings.ToUpper(name)); err == nil && strings.ToUpper(name) != name {
					t.Errorf("Parse(%q) = %v: only exact names parse", strings.ToUpper(name), p)
				}
				if u, err := c.unmarshal(uint8((i+1)%256), []byte(name)); err != nil || u != v {
					t.Errorf("UnmarshalText(%q) = %v, %v", name, u, err)
				}
			}
			if defined == 0 {
				t.Error("no defined value")
			}
			if _, err := c.unmarshal(0, []byte("no-such-name")); err == nil {
				t.Error("UnmarshalText(no-such-name) = nil error")
			}
			var target interface{ Unwrap() error }
			_, err := c.parse("no-such-name")
			if err == nil || !errors.As(err, &target) {
				t.Errorf("Parse(no-such-name) = %v, want a package error that unwraps", err)
			}
		})
	}
}
