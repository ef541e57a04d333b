package shop

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"
	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/examples/internal/shoptest"
	"github.com/marketkit/marketkit/examples/storefront/data"
	"github.com/marketkit/marketkit/store"
)

// jsonLD returns the text of the page's one ld+json script, failing when
// the page has any other script or more than one.
func jsonLD(t *testing.T, doc *html.Node) string {
	t.Helper()
	scripts := shoptest.All(doc, shoptest.Tag("script", ""))
	if len(scripts) != 1 || shoptest.Attr(scripts[0], "type") != "application/ld+json" {
		t.Fatalf("want exactly one <script type=application/ld+json>, got %d", len(scripts))
	}
	var b strings.Builder
	for c := scripts[0].FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(c.Data)
	}
	return b.String()
}

func decodeLD(t *testing.T, text string) productLD {
	t.Helper()
	var ld productLD
	dec := json.NewDecoder(strings.NewReader(text))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ld); err != nil {
		t.Fatalf("JSON-LD does not decode: %v\n%s", err, text)
	}
	return ld
}

// hostileData is the sample data with one product's German name and
// description replaced by text that tries to leave the script element,
// and an absolute image URL added.
func hostileData(t *testing.T, name string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(data.FS(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(data.FS(), path)
		m[path] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	q, _ := json.Marshal(name)
	cat := string(m["catalog.jsonl"].Data)
	for old, repl := range map[string]string{
		`"name":"Klassische Tasse"`:        `"name":` + string(q),
		`"media":["img/mugs-001.svg"]`:     `"media":["img/mugs-001.svg","https://cdn.example/mugs-001.jpg?a=1&b=<2>"]`,
		`"description":"Tasse aus unserer`: `"description":` + strings.TrimSuffix(string(q), `"`) + ` Tasse aus unserer`,
	} {
		if !strings.Contains(cat, old) {
			t.Fatalf("catalog.jsonl has no %s", old)
		}
		cat = strings.Replace(cat, old, repl, 1)
	}
	m["catalog.jsonl"] = &fstest.MapFile{Data: []byte(cat)}
	return m
}

// TestJSONLDHostile: product names that try to close the script element,
// open an HTML comment or end a JavaScript line stay inside the JSON-LD,
// come back exactly when it is parsed, and leave the page with one script.
func TestJSONLDHostile(t *testing.T) {
	for _, name := range []string{
		`</script><script>alert(1)</script>`,
		`</SCRIPT >x`,
		`<!-- <script>`,
		"line\u2028separator\u2029paragraph",
		`"}], "offers": [], "x": "`,
		`back\slash & ampersand ]]> <![CDATA[`,
	} {
		t.Run(name, func(t *testing.T) {
			in := openTest(t, store.BytesSource(data.Markets()), InstanceOptions{Only: "de", Data: hostileData(t, name)})
			w := get(t, in.Server.Handler(), "/de/p/mugs-001")
			if w.Code != http.StatusOK {
				t.Fatalf("product page: %d", w.Code)
			}
			body := w.Body.String()
			doc, err := html.Parse(strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			text := jsonLD(t, doc)
			for _, raw := range []string{"</script", "</SCRIPT", "<!--", "<![CDATA[", "\u2028", "\u2029", "<", ">"} {
				if strings.Contains(text, raw) {
					t.Errorf("the script's text holds %q raw:\n%s", raw, text)
				}
			}
			ld := decodeLD(t, text)
			if ld.Name != name || !strings.HasPrefix(ld.Description, name+" Tasse aus") {
				t.Errorf("JSON-LD name %q, description %q; want the product's own text %q", ld.Name, ld.Description, name)
			}
			if diff := cmp.Diff([]string{"https://cdn.example/mugs-001.jpg?a=1&b=<2>"}, ld.Image); diff != "" {
				t.Errorf("image (only absolute URLs; -want +got):\n%s", diff)
			}
			if h1 := shoptest.Text(shoptest.Find(doc, shoptest.Tag("h1", ""))); h1 != strings.Join(strings.Fields(name), " ") {
				t.Errorf("<h1> %q, want the name as text", h1)
			}
		})
	}
}

// TestJSONLDPrices parses the JSON-LD of real product pages and checks
// every offer against what the Store quotes for that market: the price
// (tax included in markets whose prices include tax, excluded in the
// others), the currency, and the canonical URL of the page.
func TestJSONLDPrices(t *testing.T) {
	at := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	in := openTest(t, store.BytesSource(data.Markets()), InstanceOptions{Now: func() time.Time { return at }})
	srv := httptest.NewServer(in.Server.Handler())
	t.Cleanup(srv.Close)
	for _, tc := range []struct {
		path, market, currency string
		include                bool // the market's prices include tax
		taxed                  bool // the home address pays tax on it, so net and gross differ
	}{
		{"/de/p/mugs-001", "de", "EUR", true, true},
		{"/ch/fr/p/mugs-002", "ch", "CHF", true, true},
		{"/jp/p/mugs-001", "jp", "JPY", true, true},
		{"/ca/fr/p/mugs-001", "ca", "CAD", false, true},
		{"/us-east/p/mugs-001", "us-east", "USD", false, true},
	} {
		t.Run(tc.path, func(t *testing.T) {
			c := shoptest.NewClient(t, srv.URL)
			r := c.Get(t, tc.path)
			if r.Status != http.StatusOK {
				t.Fatalf("%s: %d", tc.path, r.Status)
			}
			ld := decodeLD(t, jsonLD(t, r.Doc))
			canon := shoptest.Attr(shoptest.Find(r.Doc, func(n *html.Node) bool { return n.Data == "link" && shoptest.Attr(n, "rel") == "canonical" }), "href")
			if canon == "" || ld.URL != canon {
				t.Errorf("JSON-LD url %q, canonical link %q", ld.URL, canon)
			}
			if ld.Context != "https://schema.org" || ld.Type != "Product" || ld.ProductID != tc.path[strings.LastIndexByte(tc.path, '/')+1:] || ld.Name == "" {
				t.Errorf("product: @context %q @type %q productID %q name %q", ld.Context, ld.Type, ld.ProductID, ld.Name)
			}
			if h1 := shoptest.Text(shoptest.Find(r.Doc, shoptest.Tag("h1", ""))); ld.Name != h1 {
				t.Errorf("JSON-LD name %q, page heading %q", ld.Name, h1)
			}
			st, _ := in.Stores.Store(tc.market)
			rows := shoptest.All(shoptest.Find(r.Doc, shoptest.Tag("table", "variants")), shoptest.Tag("span", "price"))
			if len(ld.Offers) == 0 || len(ld.Offers) != len(rows) {
				t.Fatalf("%d offers for %d variants shown", len(ld.Offers), len(rows))
			}
			for i, got := range ld.Offers {
				cart := st.NewCart()
				cart.Lines = []store.CartLine{{SKU: got.SKU, Quantity: 1}}
				q, err := st.QuoteAt(context.Background(), at, &cart, in.Server.homeAddress(st), store.Customer{})
				if err != nil {
					t.Fatal(err)
				}
				line := q.Lines[0]
				if line.Shipping || line.SKU != got.SKU {
					t.Fatalf("quote's first line %+v", line)
				}
				shown := line.Net
				if tc.include {
					shown = line.Gross
				}
				if tc.taxed == line.Net.Equal(line.Gross) {
					t.Fatalf("%s: net %s, gross %s: the row's taxed=%v is wrong", got.SKU, line.Net, line.Gross, tc.taxed)
				}
				want := offerLD{Type: "Offer", SKU: got.SKU, Name: got.Name, Price: shown.Amount(), PriceCurrency: tc.currency,
					Availability: "https://schema.org/InStock", URL: canon,
					PriceSpecification: priceSpecLD{Type: "UnitPriceSpecification", Price: shown.Amount(), PriceCurrency: tc.currency, ValueAddedTaxIncluded: tc.include}}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("offer %s (-quoted +JSON-LD):\n%s", got.SKU, diff)
				}
				if q.Currency != tc.currency || q.PricesIncludeTax != tc.include || line.Unit.Amount() != got.Price {
					t.Errorf("quote: currency %s, prices include tax %v, unit %s; JSON-LD price %s", q.Currency, q.PricesIncludeTax, line.Unit.Amount(), got.Price)
				}
				// The page shows the same amount, in the market's format.
				formatted := formatMoney(st.Formatter(language.Make(r.Header.Get("Content-Language"))), shown, tc.currency)
				if txt := shoptest.Text(rows[i]); txt != strings.Join(strings.Fields(formatted), " ") {
					t.Errorf("offer %s: page shows %q for JSON-LD price %s", got.SKU, txt, got.Price)
				}
				if !bytes.ContainsAny([]byte(got.Price), "0123456789") || strings.ContainsAny(got.Price, ", \u00a0$€") {
					t.Errorf("price %q is not a plain decimal", got.Price)
				}
			}
		})
	}
}

// BenchmarkProductJSONLD renders a real product page's body with its
// JSON-LD and, as the baseline in the same run, the same page without it:
// the ratio is what the structured data costs a product page.
func BenchmarkProductJSONLD(b *testing.B) {
	at := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	in := openTest(b, store.BytesSource(data.Markets()), InstanceOptions{Only: "ch", Now: func() time.Time { return at }})
	st, _ := in.Stores.Store("ch")
	tag := language.MustParse("fr-CH")
	pd, err := st.Product(context.Background(), "mugs-002", tag, at)
	if err != nil {
		b.Fatal(err)
	}
	prod, _ := st.Index().Catalog().Product("mugs-002")
	labels := map[string]string{}
	d := &productData{Name: pd.Name, Description: pd.Description, Include: pd.PricesIncludeTax, AddURL: "/ch/fr/cart"}
	for _, v := range pd.Variants {
		d.Variants = append(d.Variants, variantView{SKU: v.SKU, Label: v.SKU, Price: v.Display.Text, Net: v.Net.Text, Gross: v.Gross.Text})
		labels[v.SKU] = v.SKU
	}
	tmpl := in.Server.pages["product"].t
	for _, bc := range []struct {
		name string
		ld   *productLD
	}{
		{"baseline=without", nil},
		{"with", productJSONLD(pd, prod, "http://shop.example/ch/fr/p/mugs-002", labels)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			d.JSONLD = bc.ld
			p := &page{T: textsFor(tag), Lang: "fr-CH", Title: pd.Name, Home: "/ch/fr/", Base: "/ch/fr", Data: d}
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := tmpl.ExecuteTemplate(&buf, "layout", p); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes/page")
		})
	}
}
