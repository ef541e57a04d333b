package shop

import (
	"encoding/base64"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"
)

var testKey = []byte("0123456789abcdef0123456789abcdef")

func TestCartCodec(t *testing.T) {
	c := cartCodec{key: testKey}
	lines := []cartLine{{"MUGS-001-RED", 2}, {"BOOKS-003-BLUE", 1}}
	v, err := c.encode("ch", lines)
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.decode("ch", v)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(lines, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	sign := func(market, payload string) string {
		p := b64(payload)
		return p + "." + b64(string(c.mac(market, p)))
	}
	for _, tc := range []struct{ name, market, value string }{
		{"another market's cart", "de", v},
		{"another key", "ch", func() string {
			v, _ := (cartCodec{key: []byte("another key, also 32 bytes long!")}).encode("ch", lines)
			return v
		}()},
		{"edited payload", "ch", b64(`[{"s":"MUGS-001-RED","q":99}]`) + v[strings.IndexByte(v, '.'):]},
		{"no signature", "ch", strings.Split(v, ".")[0]},
		{"empty", "ch", ""},
		{"zero quantity", "ch", sign("ch", `[{"s":"A","q":0}]`)},
		{"negative quantity", "ch", sign("ch", `[{"s":"A","q":-1}]`)},
		{"huge quantity", "ch", sign("ch", `[{"s":"A","q":100}]`)},
		{"duplicate SKU", "ch", sign("ch", `[{"s":"A","q":1},{"s":"A","q":1}]`)},
		{"empty SKU", "ch", sign("ch", `[{"s":"","q":1}]`)},
		{"not JSON", "ch", sign("ch", `nope`)},
		{"too long", "ch", strings.Repeat("a", maxCartCookie+1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, err := c.decode(tc.market, tc.value); err == nil {
				t.Errorf("decode(%q) = %v, want an error", tc.value, got)
			}
		})
	}
	many := make([]cartLine, maxCartLines+1)
	for i := range many {
		many[i] = cartLine{SKU: "S" + strings.Repeat("x", i), Qty: 1}
	}
	if _, err := c.encode("ch", many); err == nil {
		t.Error("encode of too many lines: no error")
	}
}

func b64(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

// FuzzCartDecode: no cookie value makes decode panic, and whatever decode
// accepts satisfies the cart's invariants and survives a round trip.
func FuzzCartDecode(f *testing.F) {
	c := cartCodec{key: testKey}
	v, _ := c.encode("ch", []cartLine{{"MUGS-001-RED", 2}})
	f.Add("ch", v)
	f.Add("de", v)
	f.Add("ch", "x.y")
	f.Fuzz(func(t *testing.T, market, value string) {
		lines, err := c.decode(market, value)
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, l := range lines {
			if l.SKU == "" || l.Qty < 1 || l.Qty > maxLineQuantity || seen[l.SKU] {
				t.Fatalf("decode accepted a bad line %+v", l)
			}
			seen[l.SKU] = true
		}
		again, err := c.encode(market, lines)
		if err != nil {
			t.Fatal(err)
		}
		back, err := c.decode(market, again)
		if err != nil || !cmp.Equal(lines, back) {
			t.Fatalf("round trip: %v, %v", back, err)
		}
	})
}

var templateKey = regexp.MustCompile(`\.T\.([a-z]+)`)

// TestMessagesComplete: every language has every English key with the same
// formatting verbs, and every key a template reads exists.
func TestMessagesComplete(t *testing.T) {
	verbs := regexp.MustCompile(`%[dsv]`)
	for lang, m := range messages {
		for k, en := range messages["en"] {
			v, ok := m[k]
			if !ok {
				t.Errorf("%s: no %q", lang, k)
				continue
			}
			if a, b := verbs.FindAllString(en, -1), verbs.FindAllString(v, -1); !cmp.Equal(a, b) {
				t.Errorf("%s %q: verbs %v, English has %v", lang, k, b, a)
			}
		}
		for k := range m {
			if _, ok := messages["en"][k]; !ok {
				t.Errorf("%s: %q is not an English key", lang, k)
			}
		}
	}
	names, err := fs.Glob(assets, "templates/*.html")
	if err != nil || len(names) == 0 {
		t.Fatal(names, err)
	}
	for _, name := range names {
		b, _ := fs.ReadFile(assets, name)
		for _, m := range templateKey.FindAllStringSubmatch(string(b), -1) {
			if _, ok := messages["en"][m[1]]; !ok {
				t.Errorf("%s reads .T.%s, which no table has", name, m[1])
			}
		}
	}
}

// FuzzMarkup: whatever the values, the hand-written listing markup parses
// into exactly the elements it means to write, each value as its text or
// attribute and never as markup.
func FuzzMarkup(f *testing.F) {
	f.Add("Tasse <b>", "/de/p/x", "24,90 €", `"><script>`, "f.color", "red")
	f.Add("a&b", "javascript:alert(1)", "", "'", "x", "</label>")
	f.Fuzz(func(t *testing.T, name, url, price, label, attr, value string) {
		for _, s := range []string{name, url, price, label, attr, value} {
			if !validText(s) {
				return
			}
		}
		var b strings.Builder
		items := string(writeItems(&b, []itemView{{Name: name, URL: url, Price: price, Was: price}}))
		doc, err := html.Parse(strings.NewReader("<ul>" + items + "</ul>"))
		if err != nil {
			t.Fatal(err)
		}
		as := all(doc, "a")
		if len(as) != 1 || text(as[0]) != name || attr0(as[0], "href") != localURL(url) {
			t.Fatalf("item link: %q", items)
		}
		if len(all(doc, "li")) != 1 || len(all(doc, "script")) != 0 || len(all(doc, "b")) != 0 {
			t.Fatalf("item markup: %q", items)
		}
		b.Reset()
		facets := string(writeFacets(&b, []facetView{{Attr: attr, Label: label, Values: []facetValueView{{ID: "f-" + value, Name: attr, Value: value, Label: label, Count: 3, Checked: true}}}}))
		doc, err = html.Parse(strings.NewReader("<form>" + facets + "</form>"))
		if err != nil {
			t.Fatal(err)
		}
		ins := all(doc, "input")
		if len(ins) != 1 || attr0(ins[0], "name") != attr || attr0(ins[0], "value") != value || attr0(ins[0], "id") != "f-"+value {
			t.Fatalf("facet input: %q", facets)
		}
		if ls := all(doc, "legend"); len(ls) != 1 || text(ls[0]) != label {
			t.Fatalf("facet legend: %q", facets)
		}
		if len(all(doc, "label")) != 1 || len(all(doc, "script")) != 0 {
			t.Fatalf("facet markup: %q", facets)
		}
	})
}

// validText keeps to what a page value can be: valid UTF-8 without NUL,
// carriage returns or leading/trailing white space (which HTML parsing
// normalizes), and no control characters.
func validText(s string) bool {
	if !utf8.ValidString(s) || strings.TrimSpace(s) != s {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == '\uFFFD' {
			return false
		}
	}
	return true
}

func all(n *html.Node, tag string) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func attr0(n *html.Node, k string) string {
	for _, a := range n.Attr {
		if a.Key == k {
			return a.Val
		}
	}
	return ""
}

func TestLocalURL(t *testing.T) {
	for in, want := range map[string]string{
		"/de/p/x": "/de/p/x", "/": "/", "//evil.example": "#", `/\evil`: "#", "javascript:alert(1)": "#", "": "#", "https://x": "#",
	} {
		if got := localURL(in); got != want {
			t.Errorf("localURL(%q) = %q, want %q", in, got, want)
		}
	}
}
