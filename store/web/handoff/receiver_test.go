package handoff

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// flow is a target market with a Receiver and an issuing market, on two
// loopback servers.
type flow struct {
	target, issuer *httptest.Server
	keys           *Keys
	mu             sync.Mutex
	signedIn       []string
	lastToken      string
}

func newFlow(t *testing.T, returnTo func(f *flow) string) *flow {
	t.Helper()
	f := &flow{keys: mustKeys(t, Key{ID: "k1", Secret: secretA})}
	mux := http.NewServeMux()
	f.target = httptest.NewServer(mux)
	t.Cleanup(f.target.Close)
	rc, err := NewReceiver(ReceiverOptions{
		Keys: f.keys, Audience: "ch", Origins: []string{f.target.URL},
		SignIn: func(w http.ResponseWriter, r *http.Request, subject string) error {
			f.mu.Lock()
			f.signedIn = append(f.signedIn, subject)
			f.mu.Unlock()
			http.SetCookie(w, &http.Cookie{Name: "session", Value: "s-" + subject, Path: "/ch/"})
			return nil
		},
		Fallback: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, "sign-in page (%v)", FailureFrom(r.Context()))
		}),
	})
	if err != nil {
		t.Fatal(err)
	}
	mux.Handle("/_handoff", rc)
	mux.HandleFunc("/ch/account", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "account page")
	})
	mux.HandleFunc("/ch/login", func(w http.ResponseWriter, r *http.Request) {
		state, err := rc.Begin(w, r)
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		http.Redirect(w, r, f.issuer.URL+"/sso?state="+url.QueryEscape(state), http.StatusFound)
	})
	f.issuer = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The issuing market: the customer is signed in here.
		tok, err := f.keys.Issue("customer-42", "ch", r.URL.Query().Get("state"), 30*time.Second, time.Now())
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		f.mu.Lock()
		f.lastToken = tok
		f.mu.Unlock()
		link, _ := Link(f.target.URL+"/_handoff", tok, returnTo(f))
		http.Redirect(w, r, link, http.StatusFound)
	}))
	t.Cleanup(f.issuer.Close)
	return f
}

type hop struct {
	status   int
	url      string
	referrer string
}

func client(t *testing.T, hops *[]hop) *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, Timeout: 5 * time.Second, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		last := via[len(via)-1]
		*hops = append(*hops, hop{status: req.Response.StatusCode, url: last.URL.Path, referrer: req.Response.Header.Get("Referrer-Policy")})
		return nil
	}}
}

func TestHandOffFlow(t *testing.T) {
	f := newFlow(t, func(f *flow) string { return f.target.URL + "/ch/account?tab=orders" })
	var hops []hop
	c := client(t, &hops)
	res, err := c.Get(f.target.URL + "/ch/login")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if string(b) != "account page" || res.Request.URL.Path != "/ch/account" || res.Request.URL.RawQuery != "tab=orders" {
		t.Fatalf("ended at %s with %q", res.Request.URL, b)
	}
	if len(f.signedIn) != 1 || f.signedIn[0] != "customer-42" {
		t.Errorf("signed in %v", f.signedIn)
	}
	var consumed *hop
	for i := range hops {
		if hops[i].url == "/_handoff" {
			consumed = &hops[i]
		}
	}
	if consumed == nil || consumed.status != 303 || consumed.referrer != "no-referrer" {
		t.Errorf("hand-off hop %+v, want 303 with Referrer-Policy: no-referrer", consumed)
	}
	// The same token again (a leaked URL): refused, sign-in page.
	link, _ := Link(f.target.URL+"/_handoff", f.lastToken, "/ch/account")
	res, err = c.Get(link)
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.HasPrefix(string(b), "sign-in page") || len(f.signedIn) != 1 {
		t.Errorf("replayed token: %q, signed in %v", b, f.signedIn)
	}
}

func TestHandOffFallbacks(t *testing.T) {
	f := newFlow(t, func(*flow) string { return "" })
	tests := []struct {
		name     string
		state    string // the browser's state cookie ("" none)
		tokState string
		returnTo string
		want     error
	}{
		{"stolen token, other browser", "mine", "victim", "/ch/account", ErrState},
		{"no state cookie", "", "victim", "/ch/account", ErrState},
		{"return_to on another host", "s", "s", "https://evil.example/ch/", ErrReturnTo},
		{"return_to protocol-relative", "s", "s", "//evil.example/", ErrReturnTo},
		{"return_to backslash", "s", "s", "/\\evil.example", ErrReturnTo},
		{"return_to javascript", "s", "s", "javascript:alert(1)", ErrReturnTo},
		{"return_to userinfo trick", "s", "s", f.target.URL + "@evil.example/", ErrReturnTo},
		{"return_to origin with encoded slashes", "s", "s", f.target.URL + "/%2F%2Fevil.example", ErrReturnTo},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tok, err := f.keys.Issue("customer-42", "ch", tt.tokState, 30*time.Second, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			link, _ := Link(f.target.URL+"/_handoff", tok, tt.returnTo)
			r := httptest.NewRequest("GET", link, nil)
			if tt.state != "" {
				r.AddCookie(&http.Cookie{Name: DefaultStateCookie, Value: tt.state})
			}
			w := httptest.NewRecorder()
			f.target.Config.Handler.ServeHTTP(w, r)
			if w.Code != 200 || !strings.HasPrefix(w.Body.String(), "sign-in page") || w.Header().Get("Location") != "" {
				t.Fatalf("%d %q Location %q", w.Code, w.Body.String(), w.Header().Get("Location"))
			}
			if w.Header().Get("Referrer-Policy") != "no-referrer" {
				t.Error("fallback without Referrer-Policy: no-referrer")
			}
			if !strings.Contains(w.Body.String(), strings.TrimPrefix(tt.want.Error(), "handoff: ")) {
				t.Errorf("reason %q, want %v", w.Body.String(), tt.want)
			}
		})
	}
	if len(f.signedIn) != 0 {
		t.Errorf("signed in %v", f.signedIn)
	}
}

func TestReturnTo(t *testing.T) {
	rc, err := NewReceiver(ReceiverOptions{Keys: mustKeys(t, Key{ID: "k", Secret: secretA}), Audience: "ch",
		Origins: []string{"https://shop.example", "https://shop.example.ch"}, SignIn: func(http.ResponseWriter, *http.Request, string) error { return nil },
		Fallback: http.NotFoundHandler()})
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"":                                     "/",
		"/ch/account":                          "/ch/account",
		"https://shop.example/ch/account?x=1":  "https://shop.example/ch/account?x=1",
		"https://SHOP.example.ch":              "https://shop.example.ch/",
		"https://shop.example/ch/#frag":        "https://shop.example/ch/",
		"http://shop.example/ch/":              "",
		"https://shop.example:444/ch/":         "",
		"https://shop.example.evil.example/":   "",
		"https://shop.example\\@evil.example/": "",
		"https://shop.example/ch//evil":        "",
		"https:/shop.example/ch/":              "",
		"//shop.example/ch/":                   "",
	} {
		got, err := rc.returnTo(in)
		if want == "" {
			if !errors.Is(err, ErrReturnTo) {
				t.Errorf("returnTo(%q) = %q, %v; want ErrReturnTo", in, got, err)
			}
			continue
		}
		if err != nil || got != want {
			t.Errorf("returnTo(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func FuzzReturnTo(f *testing.F) {
	rc, _ := NewReceiver(ReceiverOptions{Keys: mustKeys(f, Key{ID: "k", Secret: secretA}), Audience: "ch",
		Origins: []string{"https://shop.example"}, SignIn: func(http.ResponseWriter, *http.Request, string) error { return nil },
		Fallback: http.NotFoundHandler()})
	for _, s := range []string{"/ch/", "https://shop.example/x", "//evil", "https://shop.example@evil/", "https://shop.example\\evil"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := rc.returnTo(s)
		if err != nil {
			return
		}
		base, _ := url.Parse("https://shop.example/_handoff")
		u, err := url.Parse(strings.ReplaceAll(got, "\\", "/"))
		if err != nil {
			t.Fatalf("returnTo(%q) = %q, which does not parse", s, got)
		}
		if h := base.ResolveReference(u).Host; h != "shop.example" {
			t.Fatalf("returnTo(%q) = %q goes to host %q", s, got, h)
		}
	})
}
