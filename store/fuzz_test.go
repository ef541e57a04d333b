package store

import (
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
)

func fuzzSeeds(f *testing.F) {
	f.Add(ExampleConfig())
	if b, err := os.ReadFile("testdata/broken.json"); err == nil {
		f.Add(b)
	}
	for _, s := range []string{
		`{}`, `{"markets":{}}`, `{"markets":null}`, `{"markets":{"de":null}}`,
		`{"markets":{"de":{"path":"/de","curency":"EUR"}}}`, // misspelt key
		`{"markets":{"de":{"currency":"EUR","currency":"CHF"}}}`,
		`{"flags":{"x":{"type":"int","default":9223372036854775808}}}`,
		`{"markets":{"a":{"maintenance":{"windows":[{"days":["monday"],"from":"23:00","until":"01:00"}]}}}}`,
		`{"markets":{"a":{"prices":{"fallback":{"list":"x","rate":"1e3","as_of":"2026-13-01","rounding":"up"}}}}}`,
		`[1,2,3]`, `"x"`, `{"markets":{"de":{"countries":["de","DE"," de"]}}}`,
	} {
		f.Add([]byte(s))
	}
}

// mustBeReasons fails t unless err is a list of *Error values, each
// naming a reason: what the decoders promise for any refused input.
func mustBeReasons(t *testing.T, err error) {
	t.Helper()
	errs := Errors(err)
	if len(errs) == 0 {
		t.Fatalf("error is not an *Error: %v", err)
	}
	for _, e := range errs {
		if e.Err == nil || e.Error() == "" {
			t.Fatalf("error without a reason: %#v", e)
		}
	}
}

// FuzzDecode: Decode never panics; what it accepts marshals to a document
// it accepts again with the same hash (a round trip); what it rejects is
// a list of *Error values, each naming a reason.
func FuzzDecode(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Decode(data)
		if err != nil {
			if c != nil {
				t.Fatal("a config and an error")
			}
			mustBeReasons(t, err)
			return
		}
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("accepted config does not marshal: %v", err)
		}
		c2, err := Decode(b)
		if err != nil {
			t.Fatalf("Decode(Marshal(Decode(x))) = %v\n%s", err, b)
		}
		if c.Hash() != c2.Hash() {
			t.Fatalf("round trip changed the hash:\n%s", b)
		}
	})
}

// FuzzCheck: Check never panics on any configuration Decode accepts, and
// its report is complete and consistent: every problem has a code, a
// field and a reason, problems are sorted, Err is nil exactly when there
// are no errors and lists every error.
func FuzzCheck(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Decode(data)
		if err != nil {
			return
		}
		r := Check(c, &CheckOptions{Date: checkDate})
		for _, p := range r.Problems {
			if p.Code == "" || p.Field == "" || p.Message == "" || p.Err == nil || !p.Severity.IsValid() {
				t.Fatalf("incomplete problem %+v", p)
			}
		}
		if !slices.IsSortedFunc(r.Problems, func(a, b Problem) int {
			if c := strings.Compare(a.Market, b.Market); c != 0 {
				return c
			}
			return strings.Compare(a.Field, b.Field)
		}) {
			t.Fatal("problems not sorted by market and field")
		}
		err = r.Err()
		if (err == nil) != (r.Errors() == 0) {
			t.Fatalf("Err() = %v with %d errors", err, r.Errors())
		}
		if n := len(Errors(err)); n != r.Errors() {
			t.Fatalf("Err() lists %d of %d errors", n, r.Errors())
		}
		if err != nil && !errors.Is(err, r.Problems[slices.IndexFunc(r.Problems, func(p Problem) bool { return p.Severity == SeverityError })].Err) {
			t.Fatal("Err() does not wrap the first error's reason")
		}
	})
}
