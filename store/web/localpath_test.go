package web

import (
	"net/url"
	"strings"
	"testing"
)

// openRedirects are known open-redirect payloads (from PayloadsAllTheThings-style
// lists, pocket-id #1450, miniflux #4362 and the browser URL parsing rules);
// LocalPath must refuse every one.
var openRedirects = []string{
	"//evil.example",
	"///evil.example",
	"////evil.example",
	"//evil.example/",
	"//evil.example/%2F..",
	"//evil.example@shop.example",
	"//shop.example@evil.example",
	"https://evil.example",
	"http://evil.example",
	"HTTPS://evil.example",
	"https:evil.example",
	"http:/evil.example",
	"https:/\\evil.example",
	"//evil.example\\@shop.example",
	"/\\evil.example",
	"/\\/evil.example",
	"\\\\evil.example",
	"\\/evil.example",
	"/\\\\evil.example",
	"%2F%2Fevil.example",
	"/%2F%2Fevil.example",
	"/%2f%2fevil.example",
	"/%2F/evil.example",
	"/%5Cevil.example",
	"/%5cevil.example",
	"%5C%5Cevil.example",
	"/%252F%252Fevil.example",
	"/%09/evil.example",
	"/%0a/evil.example",
	"/%0d%0a/evil.example",
	"/\t/evil.example",
	"/\n/evil.example",
	"/\r\n/evil.example",
	"\t//evil.example",
	" //evil.example",
	"/ /evil.example",
	"\x00//evil.example",
	"/\x00/evil.example",
	"javascript:alert(1)",
	"JaVaScRiPt:alert(1)",
	"java\tscript:alert(1)",
	"/javascript:alert(1)//evil.example",
	"data:text/html,<script>alert(1)</script>",
	"vbscript:msgbox(1)",
	"evil.example",
	"evil.example/de/",
	"./evil.example",
	"../evil.example",
	"/../evil.example",
	"/..//evil.example",
	"/%2e%2e//evil.example",
	"/.%2e/evil.example",
	"/de/%2e%2e/%2e%2e//evil.example",
	"/\u3002evil.example",
	"/\uff0f\uff0fevil.example",
	"/de/\u202e/evil",
	"",
	"/" + strings.Repeat("a", MaxLocalPathLength),
	"/de/%zz",
	"/de/%",
}

func TestLocalPathRefusesOpenRedirects(t *testing.T) {
	if len(openRedirects) < 40 {
		t.Fatalf("only %d payloads", len(openRedirects))
	}
	for _, p := range openRedirects {
		if LocalPath(p) {
			t.Errorf("LocalPath(%q) = true, want false", p)
		}
	}
}

func TestLocalPathAccepts(t *testing.T) {
	for _, p := range []string{
		"/", "/de/", "/de/p/mug", "/de/p/mug?color=red&size=l", "/de/search?q=a%2Fb", "/de/search?q=100%25",
		"/de/p/cr%C3%A8me", "/de/#reviews", "/us/es/p/x?next=//not-a-host", "/de/p/mug.html", "/de/a:b",
	} {
		if !LocalPath(p) {
			t.Errorf("LocalPath(%q) = false, want true", p)
		}
	}
}

// browserHost resolves ref against https://shop.example/ the way a
// WHATWG browser would for a Location header: it drops ASCII tab and
// newline anywhere, strips leading and trailing C0 controls and spaces,
// and reads "\" as "/" in special URLs; it returns the resulting host.
func browserHost(ref string) (string, bool) {
	ref = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, ref)
	ref = strings.TrimFunc(ref, func(r rune) bool { return r <= 0x20 })
	ref = strings.ReplaceAll(ref, "\\", "/")
	base, _ := url.Parse("https://shop.example/de/")
	u, err := url.Parse(ref)
	if err != nil {
		return "", false
	}
	return base.ResolveReference(u).Host, true
}

func FuzzLocalPath(f *testing.F) {
	for _, p := range openRedirects {
		f.Add(p)
	}
	f.Add("/de/p/mug?x=1#y")
	f.Fuzz(func(t *testing.T, s string) {
		if !LocalPath(s) {
			return
		}
		// Accepted: a browser must stay on the same host, even after
		// one more round of percent-decoding by a careless server.
		if h, ok := browserHost(s); !ok || h != "shop.example" {
			t.Fatalf("LocalPath(%q) = true but a browser goes to host %q", s, h)
		}
		if dec, err := url.PathUnescape(s); err == nil {
			if h, ok := browserHost(dec); ok && h != "shop.example" {
				t.Fatalf("LocalPath(%q) = true but decoded once it goes to host %q", s, h)
			}
		}
		if !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//") || strings.ContainsAny(s, "\\\t\r\n") {
			t.Fatalf("LocalPath(%q) = true", s)
		}
	})
}
