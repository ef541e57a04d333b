package phone

import (
	"slices"
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
// the same input, alternating which goes first, and reports the median time
// of each and the overhead of the wrapper in per cent (ratio of the
// medians). Pairing the two in one loop and taking medians keeps the
// comparison fair on a busy machine, where a whole benchmark can be slowed
// down by other processes. Its allocation figures include the samples.
func BenchmarkWrapperOverhead(b *testing.B) {
	var direct, wrapped []time.Duration
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
			direct = append(direct, time.Since(t))
		}
		runWrapped := func() {
			t := time.Now()
			n, err := ParseValid(in.in, in.region)
			if err != nil {
				b.Fatal(err)
			}
			sinkString = n.E164()
			wrapped = append(wrapped, time.Since(t))
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
	d, w := median(direct), median(wrapped)
	b.ReportMetric(float64(d.Nanoseconds()), "direct-median-ns")
	b.ReportMetric(float64(w.Nanoseconds()), "wrapper-median-ns")
	b.ReportMetric(100*(float64(w)/float64(d)-1), "overhead-%")
}

func median(s []time.Duration) time.Duration {
	if len(s) == 0 {
		return 0
	}
	slices.Sort(s)
	return s[len(s)/2]
}
