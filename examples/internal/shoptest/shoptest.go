// Package shoptest drives the example shops in tests as a person's
// browser would, without JavaScript: a client with a cookie jar that does
// not follow redirects on its own, and a few HTML queries (by id, tag and
// attribute) over golang.org/x/net/html; and a bounded load generator
// ([Load]) for the load tests beside their constant-page baselines.
package shoptest

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// Client is a browser without JavaScript: it keeps cookies, sends a
// browser User-Agent and the Accept-Language given, and reports redirects
// instead of following them.
type Client struct {
	Base           string
	AcceptLanguage string
	HTTP           *http.Client
}

// NewClient returns a client of the shop at base ("http://127.0.0.1:1234").
func NewClient(t testing.TB, base string) *Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &Client{Base: base, HTTP: &http.Client{
		Jar: jar, Timeout: 20 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// Response is a fetched page.
type Response struct {
	Status   int
	Location string
	Header   http.Header
	Body     string
	Doc      *html.Node
}

// Get fetches path.
func (c *Client) Get(t testing.TB, path string) *Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, c.Base+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return c.do(t, req)
}

// Post submits a form to path.
func (c *Client) Post(t testing.TB, path string, form url.Values) *Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, c.Base+path, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(t, req)
}

// Follow fetches the Location of a redirect.
func (c *Client) Follow(t testing.TB, r *Response) *Response {
	t.Helper()
	if r.Location == "" {
		t.Fatalf("status %d: no redirect to follow", r.Status)
	}
	u, err := url.Parse(r.Location)
	if err != nil {
		t.Fatal(err)
	}
	return c.Get(t, u.RequestURI())
}

func (c *Client) do(t testing.TB, req *http.Request) *Response {
	t.Helper()
	req.Header.Set("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) shoptest")
	req.Header.Set("Accept", "text/html")
	if c.AcceptLanguage != "" {
		req.Header.Set("Accept-Language", c.AcceptLanguage)
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	r := &Response{Status: resp.StatusCode, Location: resp.Header.Get("Location"), Header: resp.Header, Body: string(b)}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		if r.Doc, err = html.Parse(strings.NewReader(r.Body)); err != nil {
			t.Fatalf("%s: not HTML: %v", req.URL, err)
		}
	}
	return r
}

// ByID returns the element with the id, or nil.
func ByID(n *html.Node, id string) *html.Node {
	return Find(n, func(n *html.Node) bool { return Attr(n, "id") == id })
}

// Find returns the first element (depth first) for which match is true.
func Find(n *html.Node, match func(*html.Node) bool) *html.Node {
	if n == nil {
		return nil
	}
	if n.Type == html.ElementNode && match(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := Find(c, match); f != nil {
			return f
		}
	}
	return nil
}

// All returns every element for which match is true.
func All(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	if n != nil {
		walk(n)
	}
	return out
}

// Tag matches elements by tag name and, optionally, class.
func Tag(name, class string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		return n.Data == name && (class == "" || hasClass(n, class))
	}
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(Attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// Attr returns an attribute's value ("" when absent).
func Attr(n *html.Node, key string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// Text returns the text content of n, white space collapsed.
func Text(n *html.Node) string {
	if n == nil {
		return ""
	}
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
	return strings.Join(strings.Fields(b.String()), " ")
}

// FormValues returns the values a form would submit as it is: inputs
// (checked boxes only), selected options and textareas.
func FormValues(form *html.Node) url.Values {
	v := url.Values{}
	for _, in := range All(form, func(n *html.Node) bool { return n.Data == "input" || n.Data == "select" || n.Data == "textarea" }) {
		name := Attr(in, "name")
		if name == "" {
			continue
		}
		switch in.Data {
		case "input":
			typ := Attr(in, "type")
			if (typ == "checkbox" || typ == "radio") && !hasAttr(in, "checked") {
				continue
			}
			if typ == "submit" {
				continue
			}
			v.Add(name, Attr(in, "value"))
		case "select":
			opts := All(in, Tag("option", ""))
			chosen := ""
			if len(opts) > 0 {
				chosen = Attr(opts[0], "value")
			}
			for _, o := range opts {
				if hasAttr(o, "selected") {
					chosen = Attr(o, "value")
				}
			}
			v.Add(name, chosen)
		case "textarea":
			v.Add(name, Text(in))
		}
	}
	return v
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}
