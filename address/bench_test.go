package address

import (
	"fmt"
	"regexp"
	"testing"

	"golang.org/x/text/language"
)

var (
	sinkString string
	sinkBytes  []byte
	sinkErr    error
	sinkAddr   Address
	sinkBool   bool
	sinkSubs   []Subdivision
)

var benchAddresses = []struct {
	name string
	a    Address
}{
	{"US", usAddress},
	{"DE", Address{CountryCode: "DE", Name: "Erika Mustermann", Line1: "Heidestraße 17", PostalCode: "51147", Locality: "Köln"}},
	{"JP", Address{CountryCode: "JP", PostalCode: "100-8994", AdministrativeArea: "東京都", Line1: "中央区八重洲一丁目5番3号", Name: "山田太郎"}},
	{"BR", Address{CountryCode: "BR", Name: "João da Silva", Line1: "Rua Dr. Jorge de Oliveira, 56", DependentLocality: "Jardim Paulistano", Locality: "São Paulo", AdministrativeArea: "SP", PostalCode: "01454-000"}},
}

func BenchmarkFormat(b *testing.B) {
	for _, tt := range benchAddresses {
		b.Run(tt.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkString = Format(tt.a, nil)
			}
		})
	}
}

func BenchmarkFormatHTML(b *testing.B) {
	b.ReportAllocs()
	opts := &FormatOptions{Style: HTML}
	for b.Loop() {
		sinkString = Format(usAddress, opts)
	}
}

// BenchmarkFormatPostalLabel: the US label upper-cases ASCII only (no
// allocation beyond the result); the German one upper-cases "Köln" by the
// rules of German (x/text/cases).
func BenchmarkFormatPostalLabel(b *testing.B) {
	for _, tt := range benchAddresses[:2] {
		b.Run(tt.name, func(b *testing.B) {
			opts := &FormatOptions{Style: PostalLabel, Origin: tt.a.CountryCode}
			b.ReportAllocs()
			for b.Loop() {
				sinkString = Format(tt.a, opts)
			}
		})
	}
}

func BenchmarkAppendFormat(b *testing.B) {
	b.ReportAllocs()
	buf := make([]byte, 0, 256)
	for b.Loop() {
		buf = AppendFormat(buf[:0], usAddress, nil)
	}
	sinkBytes = buf
}

// BenchmarkBaselineSprintf is the floor Format is compared with: the US
// layout hard-coded with fmt.Sprintf, no metadata, no blank-field handling.
func BenchmarkBaselineSprintf(b *testing.B) {
	b.ReportAllocs()
	a := usAddress
	for b.Loop() {
		sinkString = fmt.Sprintf("%s\n%s\n%s, %s %s", a.Name, a.Line1, a.Locality, a.AdministrativeArea, a.PostalCode)
	}
}

func BenchmarkValidate(b *testing.B) {
	for _, tt := range benchAddresses {
		b.Run(tt.name, func(b *testing.B) {
			if err := Validate(tt.a); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				sinkErr = Validate(tt.a)
			}
		})
	}
}

func BenchmarkValidateInvalid(b *testing.B) {
	a := usAddress
	a.PostalCode = "x"
	b.ReportAllocs()
	for b.Loop() {
		sinkErr = Validate(a)
	}
}

// BenchmarkBaselineZipMatch is the floor Validate is compared with: the
// US postal code pattern alone, precompiled.
func BenchmarkBaselineZipMatch(b *testing.B) {
	c, _, _ := lookupCountry("US")
	re := regexp.MustCompile(`^(?:` + c.zip + `)$`)
	b.ReportAllocs()
	for b.Loop() {
		sinkBool = re.MatchString(usAddress.PostalCode)
	}
}

func BenchmarkNormalize(b *testing.B) {
	a := Address{CountryCode: "ca", Name: " Jean  Tremblay ", Line1: "1 rue Sainte-Catherine", Locality: "Montréal", AdministrativeArea: "Québec", PostalCode: "h3z 2y7"}
	b.ReportAllocs()
	for b.Loop() {
		sinkAddr = Normalize(a)
	}
}

// BenchmarkSubdivisionCode maps a normalized address's key to its ISO
// 3166-2 code. The baseline is what a caller had to do before
// SubdivisionCode: list the country's subdivisions and search the list.
func BenchmarkSubdivisionCode(b *testing.B) {
	lookups := []struct{ country, key string }{{"US", "NY"}, {"CA", "QC"}, {"JP", "東京都"}}
	b.Run("SubdivisionCode", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, l := range lookups {
				sinkString, sinkBool = SubdivisionCode(l.country, l.key)
			}
		}
	})
	b.Run("baseline_Subdivisions_scan", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, l := range lookups {
				for _, s := range Subdivisions(l.country, language.Und) {
					if s.Key == l.key {
						sinkString, sinkBool = s.ISOCode, s.ISOCode != ""
						break
					}
				}
			}
		}
	})
}

// BenchmarkSubdivisions lists the US states for an English reader. The
// baseline builds each ISO code by concatenation, as Subdivisions did
// before the codes were cached.
func BenchmarkSubdivisions(b *testing.B) {
	b.Run("Subdivisions", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkSubs = Subdivisions("US", language.English)
		}
	})
	b.Run("baseline_concatenated_codes", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkSubs = subdivisionsSlow("US", language.English)
		}
	})
}
