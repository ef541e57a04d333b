package handoff_test

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/marketkit/marketkit/store/web/handoff"
)

// The hand-off: the target market binds the browser (Begin), the issuing
// market issues a token for the signed-in customer, the Receiver
// consumes it once and redirects to a clean URL; the same link again
// falls back to the sign-in page.
func Example() {
	keys, err := handoff.NewKeys(handoff.Key{ID: "2026-12", Secret: bytes.Repeat([]byte{0x42}, 32)})
	if err != nil {
		panic(err)
	}
	rc, err := handoff.NewReceiver(handoff.ReceiverOptions{
		Keys:     keys,
		Audience: "ch",
		Origins:  []string{"https://shop.example.ch"},
		SignIn: func(w http.ResponseWriter, r *http.Request, subject string) error {
			fmt.Println("signed in:", subject)
			return nil
		},
		Fallback: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fmt.Println("sign-in page:", errors.Is(handoff.FailureFrom(r.Context()), handoff.ErrReplayed))
		}),
	})
	if err != nil {
		panic(err)
	}

	// 1. Target: bind this browser.
	w := httptest.NewRecorder()
	state, _ := rc.Begin(w, httptest.NewRequest("GET", "https://shop.example.ch/login", nil))
	stateCookie := w.Result().Cookies()[0]

	// 2. Issuer: the customer is signed in there.
	token, _ := keys.Issue("customer-42", "ch", state, 30*time.Second, time.Now())
	link, _ := handoff.Link("https://shop.example.ch/_handoff", token, "https://shop.example.ch/account")

	// 3. Target: consume.
	for range 2 {
		r := httptest.NewRequest("GET", link, nil)
		r.AddCookie(stateCookie)
		w := httptest.NewRecorder()
		rc.ServeHTTP(w, r)
		if w.Code == http.StatusSeeOther {
			fmt.Println(w.Code, w.Header().Get("Location"), w.Header().Get("Referrer-Policy"))
		}
	}
	// Output:
	// signed in: customer-42
	// 303 https://shop.example.ch/account no-referrer
	// sign-in page: true
}

func ExampleKeys_Verify() {
	old := handoff.Key{ID: "2026-11", Secret: bytes.Repeat([]byte{1}, 32)}
	cur := handoff.Key{ID: "2026-12", Secret: bytes.Repeat([]byte{2}, 32)}
	before, _ := handoff.NewKeys(old)
	token, _ := before.Issue("customer-42", "ch", "state", time.Minute, time.Now())

	// Rotated: sign with the new key, still verify the old one's tokens.
	after, _ := handoff.NewKeys(cur, old)
	c, err := after.Verify(token, "ch", "state", time.Now())
	fmt.Println(c.Subject, c.KeyID, err)
	_, err = after.Verify(token, "de", "state", time.Now())
	fmt.Println(errors.Is(err, handoff.ErrAudience))
	_, err = after.Verify(token, "ch", "state", time.Now().Add(2*time.Minute))
	fmt.Println(errors.Is(err, handoff.ErrExpired))
	// Output:
	// customer-42 2026-11 <nil>
	// true
	// true
}
