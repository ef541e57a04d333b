package handoff

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/marketkit/marketkit/store/web/internal/safepath"
)

// DefaultStateCookie is the default name of the state cookie.
const DefaultStateCookie = "handoff_state"

// maxForm bounds the body of a POSTed hand-off.
const maxForm = 4096

// ReceiverOptions configure a Receiver. Keys, Audience, Origins, SignIn
// and Fallback are required.
type ReceiverOptions struct {
	// Keys verify the tokens.
	Keys *Keys
	// Audience is this market's ID or host, as the issuer puts it in tokens.
	Audience string
	// Origins are the configured market origins ("https://shop.example",
	// "https://shop.example.ch") a return_to may point at.
	Origins []string
	// Replay consumes nonces; nil is a NewMemoryReplayStore(0).
	Replay ReplayStore
	// StateCookie names the state cookie (DefaultStateCookie); the
	// cookie is HttpOnly, Secure, SameSite=Lax, Path=/ and lives 2 minutes.
	StateCookie string
	// SignIn is the host's session code: it signs the subject in on this
	// response (sets its session cookie). An error falls back.
	SignIn func(w http.ResponseWriter, r *http.Request, subject string) error
	// Fallback is the host's sign-in page, served on any failure: the
	// hand-off degrades to signing in again, it never breaks. FailureFrom
	// gives it the reason.
	Fallback http.Handler
	// Logger receives failures at Info level; nil discards them.
	Logger *slog.Logger
}

// Receiver is the target side of a hand-off: Begin binds the browser,
// ServeHTTP consumes the token. Safe for concurrent use.
type Receiver struct {
	o       ReceiverOptions
	origins map[string]bool
}

// NewReceiver checks the options and returns a Receiver.
func NewReceiver(o ReceiverOptions) (*Receiver, error) {
	bad := func(field, value, reason string) (*Receiver, error) {
		return nil, &Error{Op: "NewReceiver", Field: field, Value: value, Reason: reason, Err: ErrInvalid}
	}
	switch {
	case o.Keys == nil:
		return bad("Keys", "", "required")
	case o.Audience == "" || len(o.Audience) > MaxAudienceLength:
		return bad("Audience", o.Audience, "want 1 to 255 bytes")
	case o.SignIn == nil:
		return bad("SignIn", "", "required")
	case o.Fallback == nil:
		return bad("Fallback", "", "required")
	case len(o.Origins) == 0:
		return bad("Origins", "", "at least one origin is required")
	}
	rc := &Receiver{o: o, origins: make(map[string]bool)}
	for _, s := range o.Origins {
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil ||
			(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
			return bad("Origins", s, "want scheme://host[:port]")
		}
		rc.origins[u.Scheme+"://"+strings.ToLower(u.Host)] = true
	}
	if rc.o.Replay == nil {
		rc.o.Replay = NewMemoryReplayStore(0)
	}
	if rc.o.StateCookie == "" {
		rc.o.StateCookie = DefaultStateCookie
	}
	if rc.o.Logger == nil {
		rc.o.Logger = slog.New(slog.DiscardHandler)
	}
	return rc, nil
}

// Begin starts a hand-off on the target: it sets the state cookie in
// this browser and returns its value, which the host passes to the
// issuing market (for example in the sign-in redirect's query) so that
// the token it issues is bound to this browser. Call it on the response
// that sends the browser to the issuer.
func (rc *Receiver) Begin(w http.ResponseWriter, r *http.Request) (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", &Error{Op: "Receiver.Begin", Field: "state", Reason: "no randomness: " + err.Error(), Err: ErrInvalid}
	}
	state := base64.RawURLEncoding.EncodeToString(b[:])
	http.SetCookie(w, &http.Cookie{Name: rc.o.StateCookie, Value: state, Path: "/", MaxAge: 120,
		HttpOnly: true, Secure: r.TLS != nil || strings.HasPrefix(rc.o.Origins[0], "https:"), SameSite: http.SameSiteLaxMode})
	return state, nil
}

// ServeHTTP consumes a hand-off: GET or POST with token and return_to.
// Across sites, use GET (the issuer's top-level redirect): the state
// cookie is SameSite=Lax, so browsers send it on a cross-site top-level
// GET but not on a cross-site POST, which then falls back; POST works
// between same-site hosts.
// It verifies the token (Keys.Verify, against the state cookie), checks
// return_to against the configured origins and LocalPath, consumes the
// nonce, calls SignIn with the subject, clears the state cookie and
// answers 303 to return_to, a clean URL without the token. Every answer
// carries Referrer-Policy: no-referrer and Cache-Control: no-store, so
// the token in this URL leaks neither to the next page nor to a cache.
// On any failure the Fallback page is served instead.
func (rc *Receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
	// The state is single-use whatever happens.
	http.SetCookie(w, &http.Cookie{Name: rc.o.StateCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: r.TLS != nil, SameSite: http.SameSiteLaxMode})
	target, err := rc.consume(w, r)
	if err != nil {
		rc.o.Logger.LogAttrs(r.Context(), slog.LevelInfo, "hand-off refused", slog.String("reason", err.Error()))
		rc.o.Fallback.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), failureKey{}, err)))
		return
	}
	h.Set("Location", target)
	w.WriteHeader(http.StatusSeeOther)
}

func (rc *Receiver) consume(w http.ResponseWriter, r *http.Request) (string, error) {
	const op = "Receiver.ServeHTTP"
	var token, returnTo string
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		q := r.URL.Query()
		token, returnTo = q.Get("token"), q.Get("return_to")
	case http.MethodPost:
		r.Body = http.MaxBytesReader(w, r.Body, maxForm)
		if err := r.ParseForm(); err != nil {
			return "", &Error{Op: op, Field: "body", Reason: "bad form", Err: ErrMalformed}
		}
		token, returnTo = r.PostForm.Get("token"), r.PostForm.Get("return_to")
	default:
		return "", &Error{Op: op, Field: "method", Value: r.Method, Reason: "want GET or POST", Err: ErrMalformed}
	}
	state := ""
	if c, err := r.Cookie(rc.o.StateCookie); err == nil && len(c.Value) <= 128 {
		state = c.Value
	}
	claims, err := rc.o.Keys.Verify(token, rc.o.Audience, state, time.Now())
	if err != nil {
		return "", err
	}
	target, err := rc.returnTo(returnTo)
	if err != nil {
		return "", err
	}
	fresh, err := rc.o.Replay.Consume(r.Context(), claims.Nonce, claims.Expires)
	if err != nil {
		return "", err
	}
	if !fresh {
		return "", &Error{Op: op, Field: "nonce", Value: claims.Nonce, Err: ErrReplayed}
	}
	if err := rc.o.SignIn(w, r, claims.Subject); err != nil {
		return "", &Error{Op: op, Field: "subject", Value: claims.Subject, Reason: "sign-in failed: " + err.Error(), Err: ErrInvalid}
	}
	return target, nil
}

// returnTo checks a return_to URL: an absolute URL on one of the
// configured origins whose path and query pass web.LocalPath, or a local
// path (on this origin). It returns the URL to redirect to.
func (rc *Receiver) returnTo(s string) (string, error) {
	bad := &Error{Op: "Receiver.ServeHTTP", Field: "return_to", Value: s, Err: ErrReturnTo}
	if s == "" {
		return "/", nil
	}
	if len(s) > safepath.MaxLength {
		return "", bad
	}
	if strings.HasPrefix(s, "/") {
		if !safepath.Local(s) {
			return "", bad
		}
		return s, nil
	}
	u, err := url.Parse(s)
	if err != nil || u.User != nil || u.Opaque != "" || !rc.origins[u.Scheme+"://"+strings.ToLower(u.Host)] {
		return "", bad
	}
	rest := u.EscapedPath()
	if rest == "" {
		rest = "/"
	}
	if u.RawQuery != "" {
		rest += "?" + u.RawQuery
	}
	if !safepath.Local(rest) {
		return "", bad
	}
	// Redirect to the URL rebuilt from its checked parts, never to the
	// input as given.
	return u.Scheme + "://" + strings.ToLower(u.Host) + rest, nil
}

type failureKey struct{}

// FailureFrom returns why a hand-off failed, in the context of the
// request the Fallback page is served with; nil elsewhere.
func FailureFrom(ctx context.Context) error {
	err, _ := ctx.Value(failureKey{}).(error)
	return err
}

// Link returns the URL the issuing market redirects the browser to:
// receiver (the Receiver's absolute URL) with token and return_to in its
// query. return_to is checked by the Receiver, not here.
func Link(receiver, token, returnTo string) (string, error) {
	u, err := url.Parse(receiver)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" {
		return "", &Error{Op: "Link", Field: "receiver", Value: receiver, Reason: "want an absolute http(s) URL without query", Err: ErrInvalid}
	}
	q := url.Values{"token": {token}}
	if returnTo != "" {
		q.Set("return_to", returnTo)
	}
	u.RawQuery = q.Encode()
	return u.String(), nil
}
