package phone

import (
	"testing"
	"time"

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

// BenchmarkWrapperOverhead runs the wrapper and the direct calls in turn on
// the same input, alternating which goes first, and reports both times and
// the overhead of the wrapper in per cent. Pairing the two in one loop
// keeps the comparison fair on a busy machine.
func BenchmarkWrapperOverhead(b *testing.B) {
	b.ReportAllocs()
	var direct, wrapped time.Duration
	i := 0
	for b.Loop() {
		in := benchInputs[i%len(benchInputs)]
		runDirect := func() {
			t := time.Now()
			pn, err := phonenumbers.Parse(in.in, in.region)
			if err != nil || !phonenumbers.IsValidNumber(pn) {
				b.Fatal(err)
			}
			sinkString = phonenumbers.Format(pn, phonenumbers.E164)
			direct += time.Since(t)
		}
		runWrapped := func() {
			t := time.Now()
			n, err := ParseValid(in.in, in.region)
			if err != nil {
				b.Fatal(err)
			}
			sinkString = n.E164()
			wrapped += time.Since(t)
		}
		if i%2 == 0 {
			runDirect()
			runWrapped()
		} else {
			runWrapped()
			runDirect()
		}
		i++
	}
	b.ReportMetric(float64(direct.Nanoseconds())/float64(i), "direct-ns/op")
	b.ReportMetric(float64(wrapped.Nanoseconds())/float64(i), "wrapper-ns/op")
	b.ReportMetric(100*(float64(wrapped)/float64(direct)-1), "overhead-%")
}
