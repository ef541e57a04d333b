package catalog_test

import (
	"bytes"
	"errors"
	"io"
	"net/url"
	"strings"
	"testing"

	"github.com/marketkit/marketkit/catalog"
)

// FuzzReadJSONL: arbitrary bytes never panic; every non-blank line is
// either a good record or exactly one reported error, so nothing is
// dropped silently, and a good line appended to the input is always kept.
func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(head))
	f.Add([]byte(`{"type":"product","id":"p","tax_class":"s","content":{"en":{"name":"x"}}}`))
	f.Add([]byte("{\"type\":\"product\",\"id\":\"p\",\"id\":\"q\"}\n\n[1]\n\xff\xfe"))
	f.Add([]byte(`{"type":"attribute","id":"a","kind":"number"}` + "\n" + `{"type":"product","id":"p","attributes":{"a":1e400}}`))
	good := `{"type":"product","id":"zz-good","tax_class":"standard","content":{"en":{"name":"Good"}}}`
	f.Fuzz(func(t *testing.T, in []byte) {
		in = append(bytes.TrimRight(in, "\r"), '\n')
		in = append(in, good...)
		lines := 0
		for i, l := range bytes.Split(in, []byte("\n")) {
			if i == 0 {
				l = bytes.TrimPrefix(l, []byte("\xef\xbb\xbf"))
			}
			if len(bytes.TrimSpace(l)) > 0 {
				lines++
			}
		}
		r := catalog.NewReader(bytes.NewReader(in))
		records, bad := 0, 0
		var last catalog.Record
		for {
			rec, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				var e *catalog.Error
				if !errors.As(err, &e) || e.Line < 1 || e.Err == nil {
					t.Fatalf("error without a line or reason: %v", err)
				}
				bad++
				continue
			}
			records++
			last = rec
		}
		if records+bad != lines {
			t.Fatalf("%d non-blank lines, %d records + %d errors", lines, records, bad)
		}
		if last.Product == nil || last.Product.ID != "zz-good" {
			t.Fatalf("the good last line was not kept: %+v", last)
		}
		// Whatever reads and checks cleanly writes back to the same catalog.
		d, err := catalog.ReadJSONL(bytes.NewReader(in))
		if err != nil {
			return
		}
		if d.Version == "" {
			d.Version = "v"
		}
		c, err := catalog.New(d, nil)
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := catalog.WriteJSONL(&out, c); err != nil {
			t.Fatal(err)
		}
		roundTrip(t, c, out.Bytes())
	})
}

// FuzzQuery: arbitrary parameters and cursors never panic, and a cursor
// is either one the index issued (then the page continues the query) or an
// ErrCursor error.
func FuzzQuery(f *testing.F) {
	w := smallWorld()
	m := w.markets[2]
	res, err := w.ix.Search(catalog.Query{Market: m.ID, Sort: catalog.SortPrice, Limit: 5})
	if err != nil {
		f.Fatal(err)
	}
	f.Add("category=c1&f.color=c1,c2&sort=price&limit=5", res.Next)
	f.Add("q=tasse&min=1.00&max=100&facets=color,eco", res.Next[:len(res.Next)-3])
	f.Add("sort=name&locale=en", strings.Replace(res.Next, "A", "B", 1))
	f.Add("f.size=s9&f.eco=true", "")
	f.Add("limit=0&cursor=x", "!!!")
	f.Fuzz(func(t *testing.T, params, cur string) {
		v, err := url.ParseQuery(params)
		if err != nil {
			return
		}
		q, err := catalog.ParseQuery(v, m.Currency)
		if err != nil {
			var e *catalog.Error
			if !errors.As(err, &e) || e.Field == "" {
				t.Fatalf("ParseQuery error without a field: %v", err)
			}
			return
		}
		q.Market = m.ID
		if cur != "" {
			q.Cursor = cur
		}
		res, err := w.ix.Search(q)
		if err != nil {
			var e *catalog.Error
			if !errors.As(err, &e) || e.Field == "" {
				t.Fatalf("Search error without a field: %v", err)
			}
			return
		}
		if len(res.Items) > catalog.MaxLimit || res.Total < len(res.Items) {
			t.Fatalf("bad page: %d items, total %d", len(res.Items), res.Total)
		}
		// ParseQuery and Values round-trip.
		q2, err := catalog.ParseQuery(q.Values(), m.Currency)
		if err != nil {
			t.Fatalf("ParseQuery(Values()) = %v", err)
		}
		q2.Market = q.Market
		res2, err := w.ix.Search(q2)
		if err != nil || res2.Total != res.Total || len(res2.Items) != len(res.Items) {
			t.Fatalf("round trip changed the answer: %v", err)
		}
	})
}
