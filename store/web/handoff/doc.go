// Package handoff signs a customer in across domains and instances: a
// customer signed in on one market (or host, or isolated instance)
// arrives signed in on another, through top-level redirects only.
//
// # Flow
//
//  1. On the target market, Receiver.Begin sets a state cookie in the
//     browser and returns its value; the host redirects the browser to
//     the issuing market with it.
//  2. The issuing market, where the customer is signed in, calls
//     Keys.Issue(subject, audience, state, ttl, now) and redirects the
//     browser to Link(receiverURL, token, returnTo).
//  3. The Receiver verifies the token, checks return_to, consumes the
//     nonce, calls the host's SignIn with the subject and redirects to
//     return_to, a clean URL, with Referrer-Policy: no-referrer. On any
//     failure it serves the host's sign-in page (Fallback): degraded,
//     never broken.
//
// # Tokens
//
// A token is unpadded base64url of a versioned binary payload — key ID,
// audience, subject, issue and expiry times (at most MaxTTL, 60 s,
// apart), a 16-byte random nonce and the SHA-256 of the state — followed
// by its HMAC-SHA256 under the key named by the key ID, with a context
// string separating it from other uses of the key. Keys rotate: NewKeys
// signs with the current key and verifies with previous ones too. MACs,
// audiences and bindings are compared in constant time.
//
// Verification alone is stateless and would accept a token until it
// expires; the ReplayStore (MemoryReplayStore in one process, the host's
// database in a fleet) consumes the nonce, and the state cookie ties the
// token to the browser that started the flow, so a token copied from a
// log or a chat is worthless. return_to must be a local path, or an
// absolute URL on one of ReceiverOptions.Origins whose path and query
// pass web.LocalPath.
//
// Limits: tokens at most MaxTokenLength bytes, subjects MaxSubjectLength,
// audiences MaxAudienceLength, key IDs MaxKeyIDLength, secrets at least
// MinSecretLength; forms at most 4 KiB.
package handoff
