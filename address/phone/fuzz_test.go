package phone

import (
	"errors"
	"testing"
)

// FuzzParse checks that Parse never panics, that failures are typed, and
// that a valid number's E.164, international, RFC 3966 and national forms
// parse back to it.
func FuzzParse(f *testing.F) {
	f.Add("030 901820", "DE")
	f.Add("+1 650-253-0000", "")
	f.Add("tel:+44-20-7946-0018", "gb")
	f.Add("00 49 30 901820", "FR")
	f.Add("+800 1234 5678", "")
	f.Add("１２３", "JP")
	f.Add("\xff+1", "ZZ")
	f.Add("+1 650-253-0000 ext. 123", "US")
	f.Add("1-800-FLOWERS", "us")
	f.Add("0049 30 901820", "US")
	f.Add("+54 9 11 2345-6789", "") // Argentine mobile: national "011 15-2345-6789"
	f.Add("0351 15-555-1234", "AR")
	f.Fuzz(func(t *testing.T, s, region string) {
		n, err := Parse(s, region)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Err == nil {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		_, _, _ = n.International(), n.National(), n.RFC3966()
		_ = n.Type()
		if !n.IsValid() {
			return
		}
		e := n.E164()
		m, err := Parse(e, "")
		if err != nil || m.E164() != e {
			t.Fatalf("E.164 %q of %q (region %q) parses back to %q, %v", e, s, region, m.E164(), err)
		}
		// The national format, read in the number's own region, is the
		// same number (the Argentine mobile format was not).
		if r := n.Region(); r != "" && r != "001" && n.Extension() == "" {
			if m, err := Parse(n.National(), r); err != nil || m.E164() != e {
				t.Fatalf("national %q of %q (region %q) parses back in %s to %q, %v; want %q", n.National(), s, region, r, m.E164(), err, e)
			}
		}
		for _, form := range []string{n.International(), n.RFC3966()} {
			m, err := Parse(form, "")
			if err != nil || m.E164() != e || m.Extension() != n.Extension() {
				t.Fatalf("%q of %q (region %q) parses back to %q ext %q, %v; want %q ext %q", form, s, region, m.E164(), m.Extension(), err, e, n.Extension())
			}
		}
	})
}

// FuzzParseType: ParseType accepts exactly the names String gives.
func FuzzParseType(f *testing.F) {
	f.Add("toll-free")
	f.Add("toll_free")
	f.Add("Type(3)")
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseType(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidType) {
				t.Fatalf("ParseType(%q): %v", s, err)
			}
			return
		}
		if b, err := v.MarshalText(); err != nil || string(b) != s {
			t.Fatalf("ParseType(%q) = %v, MarshalText %q, %v", s, v, b, err)
		}
	})
}
