package metadata_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/marketkit/marketkit/store/metadata"
)

// refAcceptsGzip is a slow, plain reading of RFC 9110 §12.5.3, the oracle
// of the allocation-free parser.
func refAcceptsGzip(v string) bool {
	if len(v) > 4096 {
		v = v[:4096]
		if i := strings.LastIndexByte(v, ','); i >= 0 {
			v = v[:i]
		} else {
			v = ""
		}
	}
	gz, star := -1, -1
	for _, elem := range strings.Split(v, ",") {
		parts := strings.Split(elem, ";")
		coding := strings.ToLower(strings.Trim(parts[0], " \t"))
		weight := 1
		for _, p := range parts[1:] {
			name, val, _ := strings.Cut(p, "=")
			if strings.ToLower(strings.Trim(name, " \t")) != "q" {
				continue
			}
			val = strings.Trim(val, " \t")
			f, _ := strconv.ParseFloat(val, 64)
			if !qvalue.MatchString(val) || f == 0 {
				weight = 0
			}
			break
		}
		switch coding {
		case "gzip", "x-gzip":
			gz = max(gz, weight)
		case "*":
			star = max(star, weight)
		}
	}
	if gz >= 0 {
		return gz == 1
	}
	return star == 1
}

var (
	qvalue  = regexp.MustCompile(`^(0(\.[0-9]{0,3})?|1(\.0{0,3})?)$`)
	refStar = regexp.MustCompile(`^[ \t,]*\*[ \t]*(,|$)`)
	refTag  = regexp.MustCompile(`^[ \t,]*(?:W/)?("[^"]*")`)
)

// refNoneMatch is the regular-expression oracle of the If-None-Match
// parser.
func refNoneMatch(v string, tags ...string) bool {
	if len(v) > 4096 {
		v = v[:4096]
	}
	for {
		if strings.Trim(v, " \t,") == "" {
			return false
		}
		if refStar.MatchString(v) {
			return true
		}
		m := refTag.FindStringSubmatchIndex(v)
		if m == nil {
			return false
		}
		if slices.Contains(tags, v[m[2]:m[3]]) {
			return true
		}
		v = v[m[1]:]
	}
}

func FuzzAcceptEncoding(f *testing.F) {
	for _, s := range []string{
		"gzip", "GZIP", "gzip;q=0", "gzip; q=0.000", "gzip;q=0.001", "gzip;q=1.000", "gzip;q=1.001", "gzip;q=2",
		"*", "*;q=0", "gzip;q=0, *", "*;q=0, gzip", "br, deflate", "x-gzip;q=0.5", "gzip;Q=0", "gzip;level=1;q=0",
		"gzip;q=", "gzip;q=.5", " gzip ,", "identity;q=0", "", ",,,", "gzip\t;\tq=0.5",
		strings.Repeat(" ", 4092) + "gzipfoo", // cut at 4096 inside an element
		strings.Repeat("x,", 2048) + "gzip",   // gzip past the scanned bytes
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		got, want := metadata.AcceptsGzip([]string{v}), refAcceptsGzip(v)
		if got != want {
			t.Fatalf("acceptsGzip(%q) = %v, reference %v", v, got, want)
		}
	})
}

func FuzzIfNoneMatch(f *testing.F) {
	const tag = `"abc"`
	for _, s := range []string{
		tag, "W/" + tag, "*", " * ", "*, " + tag, `"x", ` + tag, `"x",` + tag, `"a,b", "abc"`, `abc`, `"abc`,
		`W/"abc"`, `w/"abc"`, `garbage, "abc"`, `"x" "abc"`, `""`, `*x`, ",,, " + tag, "\t" + tag,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		tags := []string{tag, `"abc-gzip"`}
		if got, want := metadata.NoneMatch([]string{v}, tags...), refNoneMatch(v, tags...); got != want {
			t.Fatalf("noneMatch(%q) = %v, reference %v", v, got, want)
		}
	})
}

// FuzzServeHTTP sends arbitrary paths, methods and the two headers the
// server reads, and checks the response against what the documents and
// the reference parsers say.
func FuzzServeHTTP(f *testing.F) {
	s := sharedServer(f)
	paths := s.Paths()
	bodies := map[string][]byte{}
	for _, p := range paths {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("GET", p, nil))
		bodies[p] = w.Body.Bytes()
	}
	tagOf := metadata.Tag(bodies["/v1/markets/de/de-DE"])
	for _, seed := range []struct{ method, path, ae, inm string }{
		{"GET", "/v1/markets/de/de-DE", "gzip", ""},
		{"GET", "/v1/markets/de/de-DE", "", tagOf},
		{"HEAD", "/v1/config", "*;q=0", "*"},
		{"POST", "/v1/", "", ""},
		{"GET", "/v1/markets/de/../de/de-DE", "", ""},
		{"GET", "/v1/markets/%64e/de-DE", "", ""},
		{"GET", "/v1/markets//de-DE", "", ""},
		{"GET", "/v1/markets/de/de-DE\x00", "", ""},
	} {
		f.Add(seed.method, seed.path, seed.ae, seed.inm)
	}
	f.Fuzz(func(t *testing.T, method, path, ae, inm string) {
		r, err := http.NewRequest(method, "http://127.0.0.1/", nil)
		if err != nil {
			return // not a method net/http would deliver
		}
		r.URL.Path = path
		r.Header["Accept-Encoding"] = []string{ae}
		r.Header["If-None-Match"] = []string{inm}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		body, known := bodies[path]
		tag := ""
		if known {
			tag = metadata.Tag(body)
		}
		gzTag := strings.TrimSuffix(tag, `"`) + `-gzip"`
		// The request's method, not the input: NewRequest makes "" a GET.
		get := r.Method == "GET" || r.Method == "HEAD"
		var want int
		switch {
		case !known:
			want = 404
		case !get:
			want = 405
		case refNoneMatch(inm, tag, gzTag):
			want = 304
		default:
			want = 200
		}
		if w.Code != want {
			t.Fatalf("%s %q (AE %q, INM %q): status %d, want %d", r.Method, path, ae, inm, w.Code, want)
		}
		if want != 200 && want != 304 {
			return
		}
		gz := refAcceptsGzip(ae)
		wantTag := tag
		if gz {
			wantTag = gzTag
		}
		if got := w.Header().Get("ETag"); got != wantTag {
			t.Fatalf("%s: ETag %s, want %s", path, got, wantTag)
		}
		if want == 304 || r.Method == "HEAD" {
			if w.Body.Len() != 0 {
				t.Fatalf("%s: %d: body of %d bytes", path, want, w.Body.Len())
			}
			return
		}
		got := w.Body.Bytes()
		if gz != (w.Header().Get("Content-Encoding") == "gzip") {
			t.Fatalf("%s: AE %q: Content-Encoding %q", path, ae, w.Header().Get("Content-Encoding"))
		}
		if gz {
			zr, err := gzip.NewReader(bytes.NewReader(got))
			if err != nil {
				t.Fatal(err)
			}
			if got, err = io.ReadAll(zr); err != nil {
				t.Fatal(err)
			}
		}
		if !bytes.Equal(got, body) {
			t.Fatalf("%s: body differs from the document", path)
		}
	})
}
