// Package vat validates VAT identification numbers and checks them against
// online registers through a [Verifier].
//
// [Parse] normalizes a number (spaces, dots, dashes, slashes, commas and
// case; "GR" → "EL"; "CHE-123.456.789 MWST") and validates the format and
// check digits of its country: the EU-27 (EL for Greece), XI (Northern
// Ireland), GB, Swiss UIDs (CHE with a MWST/TVA/IVA/TPV suffix) and
// Norwegian organisation numbers (MVA). Each prefix has one checker in one
// table; a [*Error] says whether the prefix, the length, the format or the
// checksum is wrong. [Validate] does the same without allocating and
// returns the canonical prefix, which package tax uses to decide the EU
// reverse charge.
//
// Online existence checks (VIES, HMRC, the Swiss UID register) go through
// a [Verifier]; [NewCachingVerifier] caches answers and records when, by
// which service and under which reference a number was verified. The
// package makes no network calls itself.
//
// # Limits
//
// Input longer than [MaxInput] (64) bytes is rejected before any work;
// error messages quote at most 64 bytes of the input.
//
// # Concurrency
//
// Parse and Validate are pure functions; a CachingVerifier is safe for
// concurrent use.
package vat
