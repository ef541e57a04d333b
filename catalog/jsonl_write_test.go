package catalog_test

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/marketkit/marketkit/catalog"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.jsonl")

// WriteJSONL's output for the sample is pinned by a golden file
// (go test ./catalog -run TestWriteJSONLGolden -update rewrites it) and
// reads back to the same catalog.
func TestWriteJSONLGolden(t *testing.T) {
	c := loadSample()
	var buf bytes.Buffer
	if err := catalog.WriteJSONL(&buf, c); err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/sample.golden.jsonl"
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), buf.String()); diff != "" {
		t.Errorf("WriteJSONL differs from %s (-want +got):\n%s", golden, diff)
	}
	roundTrip(t, c, buf.Bytes())
}

// roundTrip checks that out, written from c, reads back to c's data.
func roundTrip(t *testing.T, c *catalog.Catalog, out []byte) {
	t.Helper()
	d, err := catalog.ReadJSONL(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("reading WriteJSONL output: %v\n%s", err, out)
	}
	c2, err := catalog.New(d, nil)
	if err != nil {
		t.Fatalf("New on WriteJSONL output: %v", err)
	}
	if diff := cmp.Diff(stripLines(c.Data()), stripLines(c2.Data()), cmpOpts...); diff != "" {
		t.Errorf("round trip (-before +after):\n%s", diff)
	}
}

func stripLines(d catalog.Data) catalog.Data {
	for i := range d.Categories {
		d.Categories[i].Line = 0
	}
	for i := range d.Attributes {
		d.Attributes[i].Line = 0
	}
	for i := range d.Products {
		d.Products[i].Line = 0
	}
	return d
}

// A generated catalog round-trips too (every attribute kind, many locales).
func TestWriteJSONLRoundTripGenerated(t *testing.T) {
	w := smallWorld()
	var buf bytes.Buffer
	if err := catalog.WriteJSONL(&buf, w.cat); err != nil {
		t.Fatal(err)
	}
	roundTrip(t, w.cat, buf.Bytes())
}
