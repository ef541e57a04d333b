package phone

import (
	"testing"

	"github.com/nyaruka/phonenumbers"
)

var sinkString string

var benchInputs = []struct{ in, region string }{
	{"030 901820", "DE"},
	{"+1 650-253-0000", "US"},
	{"07400 123456", "GB"},
}

// BenchmarkParseValidateFormat is the form-submission path through this
// package: parse, validate, format as E.164.
func BenchmarkParseValidateFormat(b *testing.B) {
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		in := benchInputs[i%len(benchInputs)]
		i++
		n, err := ParseValid(in.in, in.region)
		if err != nil {
			b.Fatal(err)
		}
		sinkString = n.E164()
	}
}

// BenchmarkDirect is the baseline: the same work calling phonenumbers
// directly.
func BenchmarkDirect(b *testing.B) {
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		in := benchInputs[i%len(benchInputs)]
		i++
		pn, err := phonenumbers.Parse(in.in, in.region)
		if err != nil || !phonenumbers.IsValidNumber(pn) {
			b.Fatal(err)
		}
		sinkString = phonenumbers.Format(pn, phonenumbers.E164)
	}
}
