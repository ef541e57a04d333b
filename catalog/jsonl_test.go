package catalog_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/marketkit/marketkit/catalog"
)

const head = `{"type":"catalog","version":"v1"}
{"type":"attribute","id":"color","kind":"enum","values":[{"id":"red"}]}
{"type":"attribute","id":"cap","kind":"number"}
`

func TestReadJSONLErrors(t *testing.T) {
	tests := []struct {
		name string
		line string
		want string // the error message
		is   error
	}{
		{"unknown field", `{"type":"product","id":"p","tax_clas":"x"}`, `catalog: ReadJSONL: line 4: tax_clas "tax_clas": invalid value: unknown field`, catalog.ErrInvalid},
		{"duplicate key", `{"type":"product","id":"p","id":"q"}`, `catalog: ReadJSONL: line 4: id "id": duplicate: key given twice`, catalog.ErrDuplicate},
		{"nested duplicate key", `{"type":"product","id":"p","content":{"en":{"name":"a","name":"b"}}}`, `catalog: ReadJSONL: line 4: content.en.name "name": duplicate: key given twice`, catalog.ErrDuplicate},
		{"not an object", `[1,2]`, `catalog: ReadJSONL: line 4: record "": invalid syntax: a record is one JSON object`, catalog.ErrSyntax},
		{"trailing text", `{"type":"product"} {}`, `catalog: ReadJSONL: line 4: record "": invalid syntax: text after the record's object`, catalog.ErrSyntax},
		{"broken JSON", `{"type":"product",`, `catalog: ReadJSONL: line 4: record "": invalid syntax: unexpected end of JSON input at byte 18`, catalog.ErrSyntax},
		{"no type", `{"id":"p"}`, `catalog: ReadJSONL: line 4: type "": missing value: every record has a type`, catalog.ErrMissing},
		{"bad type", `{"type":"produkt"}`, `catalog: ReadJSONL: line 4: type "produkt": invalid value: want catalog, category, attribute or product`, catalog.ErrInvalid},
		{"wrong JSON type", `{"type":"product","id":7}`, `catalog: ReadJSONL: line 4: id "number": invalid value: want a JSON string`, catalog.ErrInvalid},
		{"float number kept exact", `{"type":"product","id":"p","attributes":{"cap":"0.1x"}}`, `catalog: ReadJSONL: line 4: product "p" attributes.cap "\"0.1x\"": invalid value: attribute "cap" is number: want a decimal number such as 0.35`, catalog.ErrInvalid},
		{"enum given a number", `{"type":"product","id":"p","attributes":{"color":3}}`, `catalog: ReadJSONL: line 4: product "p" attributes.color "3": invalid value: attribute "color" is enum: want an array of value IDs`, catalog.ErrInvalid},
		{"attribute not defined", `{"type":"product","id":"p","attributes":{"size":["m"]}}`, `catalog: ReadJSONL: line 4: product "p" attributes.size "size": not found: no attribute of that ID defined before this line`, catalog.ErrNotFound},
		{"bad locale", `{"type":"product","id":"p","content":{"xx-!!":{"name":"a"}}}`, `catalog: ReadJSONL: line 4: product "p" content.xx-!! "xx-!!": invalid value: not a BCP 47 language tag`, catalog.ErrInvalid},
		{"same locale twice", `{"type":"product","id":"p","content":{"de":{"name":"a"},"DE":{"name":"b"}}}`, `catalog: ReadJSONL: line 4: product "p" content.de "de": duplicate: locale de given twice`, catalog.ErrDuplicate},
		{"bad created", `{"type":"product","id":"p","created":"yesterday"}`, `catalog: ReadJSONL: line 4: product "p" created "yesterday": invalid syntax: want an RFC 3339 time such as 2026-03-01T00:00:00Z`, catalog.ErrSyntax},
		{"second version", `{"type":"catalog","version":"v2"}`, `catalog: ReadJSONL: line 4: version "v2": duplicate: a second catalog record`, catalog.ErrDuplicate},
		{"deep", `{"type":"product","id":"p","x":` + strings.Repeat("[", 20) + strings.Repeat("]", 20) + `}`, `catalog: ReadJSONL: line 4: x "": input too large: nested deeper than MaxJSONDepth`, catalog.ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			good := `{"type":"product","id":"ok","tax_class":"standard","content":{"en":{"name":"OK"}}}`
			d, err := catalog.ReadJSONL(strings.NewReader(head + tt.line + "\n" + good + "\n"))
			var errs *catalog.Errors
			if !errors.As(err, &errs) || len(errs.List) != 1 {
				t.Fatalf("err = %v, want one line error", err)
			}
			if got := errs.List[0].Error(); got != tt.want {
				t.Errorf("error\n got %s\nwant %s", got, tt.want)
			}
			if !errors.Is(err, tt.is) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.is)
			}
			if len(d.Products) != 1 || d.Products[0].ID != "ok" || d.Products[0].Line != 5 {
				t.Errorf("good line not kept: %+v", d.Products)
			}
		})
	}
}

// TestReadJSONLLongLine: a line over MaxLineBytes is reported and skipped,
// and the next line is read.
func TestReadJSONLLongLine(t *testing.T) {
	long := `{"type":"product","id":"p","media":["` + strings.Repeat("x", catalog.MaxLineBytes) + `"]}`
	in := head + long + "\n" + `{"type":"product","id":"ok","tax_class":"standard","content":{"en":{"name":"OK"}}}` + "\r\n"
	d, err := catalog.ReadJSONL(strings.NewReader(in))
	if !errors.Is(err, catalog.ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	var e *catalog.Error
	if !errors.As(err, &e) || e.Line != 4 {
		t.Fatalf("err = %v, want line 4", err)
	}
	if len(d.Products) != 1 || d.Products[0].ID != "ok" {
		t.Fatalf("products = %+v", d.Products)
	}
}

type failingReader struct{ r io.Reader }

func (f failingReader) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err == io.EOF {
		return n, errors.New("disk on fire")
	}
	return n, err
}

func TestReadJSONLReaderError(t *testing.T) {
	d, err := catalog.ReadJSONL(failingReader{strings.NewReader(head)})
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("err = %v", err)
	}
	if d.Version != "v1" || len(d.Attributes) != 2 {
		t.Fatalf("records before the error lost: %+v", d)
	}
}

// TestNewNamesLines: New checks references across records and names the
// line of each bad record.
func TestNewNamesLines(t *testing.T) {
	in := head + `{"type":"category","id":"a","parent":"nope"}
{"type":"product","id":"p1","category":"zzz","tax_class":"standard","content":{"en":{"name":"A"}}}
{"type":"product","id":"p2","tax_class":"standard","attributes":{"color":["blue"]},"content":{"en":{"name":"B"}}}
{"type":"product","id":"p3","tax_class":"standard","content":{"en":{"name":"C"}},"variants":[{"sku":"S"}]}
{"type":"product","id":"p4","tax_class":"standard","content":{"en":{"name":"D"}},"variants":[{"sku":"S"}]}
{"type":"product","id":"p5","tax_class":"standard","content":{"en":{"name":"E"}},"availability":{"countries":["XX"]}}
{"type":"product","id":"p6","content":{"en":{"name":"F"}}}
{"type":"product","id":"p7","tax_class":"standard","content":{"en":{"name":"G"}},"availability":{"from":"2026-12-01","until":"2026-11-01"}}
`
	d, err := catalog.ReadJSONL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	_, err = catalog.New(d, nil)
	var errs *catalog.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("err = %v", err)
	}
	var got []string
	for _, e := range errs.List {
		got = append(got, e.Error())
	}
	want := []string{
		`catalog: New: line 4: category "a" parent "nope": not found: no such category`,
		`catalog: New: line 5: product "p1" category "zzz": not found: no such category`,
		`catalog: New: line 6: product "p2" attributes.color[0] "blue": not found: no such value of attribute "color"`,
		`catalog: New: line 8: product "p4" variants[0].sku "S": duplicate: SKU already used by product "p3"`,
		`catalog: New: line 9: product "p5" availability.countries[0] "XX": unknown country code: not an ISO 3166-1 country`,
		`catalog: New: line 10: product "p6" tax_class "": missing value: every product needs a tax class`,
		`catalog: New: line 11: product "p7" availability.until "2026-11-01": invalid value: the sale window ends before it starts`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// The sample file reads without error and round-trips through Data.
func TestSampleRoundTrip(t *testing.T) {
	b, err := os.ReadFile("testdata/sample.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	d, err := catalog.ReadJSONL(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.New(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	c2, err := catalog.New(c.Data(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(c.Data(), c2.Data(), cmpOpts...); diff != "" {
		t.Errorf("Data round trip (-first +second):\n%s", diff)
	}
}
