package shop

import (
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"
	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/examples/internal/shoptest"
	"github.com/marketkit/marketkit/examples/storefront/data"
	"github.com/marketkit/marketkit/store"
)

// marketLanguages returns the base languages of the sample markets'
// locales, by market.
func marketLanguages(t *testing.T) map[string][]language.Tag {
	t.Helper()
	cfg, err := store.Decode(data.Markets())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]language.Tag{}
	for _, id := range cfg.MarketIDs() {
		m, _ := cfg.Market(id)
		for _, l := range m.Locales {
			tag, err := language.Parse(l)
			if err != nil {
				t.Fatalf("market %s: locale %q: %v", id, l, err)
			}
			out[id] = append(out[id], tag)
		}
	}
	return out
}

// TestMessagesEveryMarketLanguage: every language a market uses has its
// own table with every key, so textsFor never falls back to English for
// it.
func TestMessagesEveryMarketLanguage(t *testing.T) {
	var langs []string
	for _, tags := range marketLanguages(t) {
		for _, tag := range tags {
			b, _ := tag.Base()
			if !slices.Contains(langs, b.String()) {
				langs = append(langs, b.String())
			}
		}
	}
	slices.Sort(langs)
	if diff := cmp.Diff([]string{"de", "en", "es", "fr", "it", "ja", "nb", "nl", "sv"}, langs); diff != "" {
		t.Errorf("the markets' languages changed (-want +got):\n%s", diff)
	}
	for _, lang := range langs {
		m, ok := messages[lang]
		if !ok {
			t.Errorf("%s: no message table", lang)
			continue
		}
		var missing []string
		for k := range messages["en"] {
			if v, ok := m[k]; !ok || v == "" {
				missing = append(missing, k)
			}
		}
		slices.Sort(missing)
		if len(missing) > 0 {
			t.Errorf("%s: no text for %v", lang, missing)
		}
	}
}

// englishFinder finds the English page texts on a page of another
// language: every English message that the language does not also use
// (Total, Variant and Filter are words of several languages), as the
// start of a text node or of a label attribute followed by white space
// or the end, with its verbs matching anything.
type englishFinder struct {
	keys []string
	res  []*regexp.Regexp
}

var verb = regexp.MustCompile(`%[dsv]`)

func newEnglishFinder(lang string) *englishFinder {
	own := map[string]bool{}
	for _, v := range messages[lang] {
		own[v] = true
	}
	f := &englishFinder{}
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range messages["en"] {
			if !yield(k) {
				return
			}
		}
	}) {
		en := messages["en"][k]
		if own[en] || slices.ContainsFunc(slices.Collect(maps.Keys(own)), func(v string) bool { return strings.HasPrefix(v, en+" ") }) {
			continue // the language's own word ("Base imponible" starts with "Base")
		}
		parts := verb.Split(en, -1)
		for i := range parts {
			parts[i] = regexp.QuoteMeta(parts[i])
		}
		f.keys = append(f.keys, k)
		f.res = append(f.res, regexp.MustCompile(`^`+strings.Join(parts, `.+?`)+`(?:\s|$)`))
	}
	return f
}

// find returns "key: text" for each English text on the page.
func (f *englishFinder) find(doc *html.Node) []string {
	var texts []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		if n.Type == html.TextNode {
			for _, part := range strings.FieldsFunc(n.Data, func(r rune) bool { return r == '·' || r == '–' }) {
				texts = append(texts, strings.Join(strings.Fields(part), " "))
			}
		}
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if a.Key == "aria-label" || a.Key == "title" || a.Key == "placeholder" || a.Key == "alt" || (a.Key == "value" && shoptest.Attr(n, "type") == "submit") {
					texts = append(texts, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	var out []string
	for _, s := range texts {
		for i, re := range f.res {
			if re.MatchString(s) {
				out = append(out, f.keys[i]+": "+s)
			}
		}
	}
	return out
}

// orderAddress is an address of each market's country.
var orderAddress = map[string]map[string]string{
	"at":      {"postal-code": "1010", "locality": "Wien"},
	"ca":      {"postal-code": "M5H 2N2", "locality": "Toronto", "administrative-area": "ON"},
	"ch":      {"postal-code": "8001", "locality": "Zürich"},
	"de":      {"postal-code": "10117", "locality": "Berlin"},
	"fr":      {"postal-code": "75001", "locality": "Paris"},
	"jp":      {"postal-code": "100-0001", "administrative-area": "東京都"},
	"nl":      {"postal-code": "1012 JS", "locality": "Amsterdam"},
	"no":      {"postal-code": "0150", "locality": "Oslo"},
	"se":      {"postal-code": "111 20", "locality": "Stockholm"},
	"us-east": {"postal-code": "10001", "locality": "New York", "administrative-area": "NY"},
	"us-west": {"postal-code": "94103", "locality": "San Francisco", "administrative-area": "CA"},
}

// marketPages fetches the pages a shopper sees in one market and locale
// (home and category listings, a product, a product not sold, 404 and 400
// pages, the empty and the full cart, checkout before and after a wrong
// postal code, the confirmation of order id) and returns them by name.
func marketPages(t *testing.T, c *shoptest.Client, home, orderID string) map[string]*shoptest.Response {
	t.Helper()
	base := strings.TrimSuffix(home, "/")
	pages := map[string]*shoptest.Response{}
	get := func(name, path string, want int) *shoptest.Response {
		r := c.Get(t, path)
		if r.Status != want || r.Doc == nil {
			t.Fatalf("%s (%s): %d, want %d", name, path, r.Status, want)
		}
		pages[name] = r
		return r
	}
	listing := get("listing", home, http.StatusOK)
	cat := shoptest.Attr(shoptest.Find(listing.Doc, func(n *html.Node) bool {
		return n.Data == "a" && strings.HasPrefix(shoptest.Attr(n, "href"), base+"/c/")
	}), "href")
	if cat == "" {
		t.Fatalf("%s: no category link", home)
	}
	get("category", cat+"?sort=price", http.StatusOK)
	link := shoptest.Attr(shoptest.Find(shoptest.Find(listing.Doc, shoptest.Tag("li", "item")), shoptest.Tag("a", "")), "href")
	product := get("product", link, http.StatusOK)
	get("not sold", base+"/p/none", http.StatusNotFound)
	get("not found", base+"/nope", http.StatusNotFound)
	get("bad request", base+"/?sort=cheapest", http.StatusBadRequest)
	get("empty cart", base+"/cart", http.StatusOK)
	add := shoptest.Find(product.Doc, shoptest.Tag("form", "add"))
	if r := c.Post(t, shoptest.Attr(add, "action"), shoptest.FormValues(add)); r.Status != http.StatusSeeOther {
		t.Fatalf("add to cart: %d", r.Status)
	}
	get("cart", base+"/cart", http.StatusOK)
	co := get("checkout", base+"/checkout", http.StatusOK)
	form := shoptest.FormValues(shoptest.Find(co.Doc, func(n *html.Node) bool {
		return n.Data == "form" && strings.HasSuffix(shoptest.Attr(n, "action"), "/checkout")
	}))
	form.Set("postal-code", "1")
	form.Set("phone", "1")
	form.Set("action", "place")
	bad := c.Post(t, base+"/checkout", form)
	if bad.Status != http.StatusUnprocessableEntity {
		t.Fatalf("checkout with errors: %d", bad.Status)
	}
	pages["checkout errors"] = bad
	get("order", base+"/orders/"+url.PathEscape(orderID), http.StatusOK)
	return pages
}

// TestNoEnglishFallback renders every page of every market in each of its
// languages other than English and finds no English page text on it.
func TestNoEnglishFallback(t *testing.T) {
	t.Run("the finder finds a planted fallback", func(t *testing.T) {
		if _, ok := messages["nl"]; !ok {
			t.Fatal("no Dutch table to plant an English text in")
		}
		saved := textTables["nl"]["cart"]
		textTables["nl"]["cart"] = messages["en"]["cart"]
		defer func() { textTables["nl"]["cart"] = saved }()
		in := openTest(t, store.BytesSource(data.Markets()), InstanceOptions{Only: "nl"})
		w := get(t, in.Server.Handler(), "/nl/")
		doc, err := html.Parse(w.Body)
		if err != nil {
			t.Fatal(err)
		}
		if got := newEnglishFinder("nl").find(doc); !slices.Contains(got, "cart: Cart") {
			t.Errorf("a Dutch page showing the English %q: found %q", messages["en"]["cart"], got)
		}
	})

	in := openTest(t, store.BytesSource(data.Markets()), InstanceOptions{})
	srv := httptest.NewServer(in.Server.Handler())
	t.Cleanup(srv.Close)
	var ids []string
	for id := range marketLanguages(t) {
		ids = append(ids, id)
	}
	cfg, _ := store.Decode(data.Markets())
	closed := openTest(t, store.BytesSource(data.Markets()), InstanceOptions{Maintenance: cfg.MarketIDs()})
	closedSrv := httptest.NewServer(closed.Server.Handler())
	t.Cleanup(closedSrv.Close)

	langs := marketLanguages(t)
	checked := 0
	for _, id := range slices.Sorted(slices.Values(ids)) {
		tags := langs[id]
		nonEnglish := slices.ContainsFunc(tags, func(tag language.Tag) bool { b, _ := tag.Base(); return b.String() != "en" })
		if !nonEnglish {
			continue
		}
		t.Run(id, func(t *testing.T) {
			c := shoptest.NewClient(t, srv.URL)
			orderID, _ := placeOrder(t, c, id, "kunde@example.com", orderAddress[id])
			for i, tag := range tags {
				b, _ := tag.Base()
				if b.String() == "en" {
					continue
				}
				home := "/" + id + "/"
				if i > 0 {
					home += b.String() + "/"
				}
				pages := marketPages(t, c, home, orderID)
				closed := shoptest.NewClient(t, closedSrv.URL).Get(t, home)
				if closed.Status != http.StatusServiceUnavailable {
					t.Fatalf("%s in maintenance: %d", home, closed.Status)
				}
				pages["maintenance"] = closed
				f := newEnglishFinder(b.String())
				for _, name := range slices.Sorted(func(yield func(string) bool) {
					for k := range pages {
						if !yield(k) {
							return
						}
					}
				}) {
					r := pages[name]
					if lang := shoptest.Attr(shoptest.Find(r.Doc, shoptest.Tag("html", "")), "lang"); lang != tag.String() {
						t.Errorf("%s %s: lang %q, want %q", home, name, lang, tag)
					}
					if got := f.find(r.Doc); len(got) > 0 {
						t.Errorf("%s %s page shows English: %q", home, name, got)
					}
					checked++
				}
			}
		})
	}
	if checked != 13*12 {
		t.Errorf("checked %d pages, want 12 pages in each of 13 market locales", checked)
	}
}
