// Package phone parses, validates, classifies and formats telephone
// numbers. It wraps github.com/nyaruka/phonenumbers (a port of Google's
// libphonenumber) behind a small Go API with typed errors and bounded input.
//
// It is a separate package from address because phonenumbers decodes all
// of its metadata when it is imported (about 5 ms and 2.5 MB on a typical
// machine): programs that format addresses but never touch phone numbers do
// not pay for it.
//
// # Usage
//
// Parse a number with the market's country as the default region, so that
// national numbers ("030 123456") work as well as international ones
// ("+49 30 123456"):
//
//	n, err := phone.Parse(input, "DE")
//	if err != nil { … } // errors.Is(err, phone.ErrNotANumber), …
//	if !n.IsValid() { … }
//	n.E164()          // "+4930123456"
//	n.International() // "+49 30 123456"
//	n.National()      // "030 123456"
//	n.RFC3966()       // "tel:+49-30-123456"
//	n.Type()          // phone.FixedLine
//
// [ParseValid] does both steps and returns [ErrInvalid] for numbers that
// parse but are not valid. An unknown default region ("UK", "XX") is an
// error ([ErrInvalidRegion]), whatever the number. A leading "00" is read as
// the international prefix when it must be (see [Parse]); extensions are
// kept ([Number.Extension]) but have no place in the E.164 form.
//
// # Performance
//
// Parsing, validating and formatting a number costs about 15–20 µs, almost
// all of it in phonenumbers: the wrapper adds a few per cent at most
// (BenchmarkWrapperOverhead times both in one loop and reports the
// overhead; BenchmarkParseValidateFormat and its baseline BenchmarkDirect
// time them apart). Validate phone numbers once, when a form is submitted,
// and store the E.164 form; do not parse them in a listing or any other hot
// path. Inputs longer than [MaxInputLength] bytes are rejected before any
// parsing.
//
// # Errors
//
// Every error of [Parse] and [ParseValid] is a [*ParseError] with the
// fields of every marketkit error (Op, Field, Value, Err) and the default
// region, and unwraps to one of the sentinels ([ErrNotANumber],
// [ErrInvalidCountryCode], [ErrTooShort], [ErrTooLong], [ErrInvalidRegion],
// [ErrInvalid]) for errors.Is. An unknown default region also matches
// [locale.ErrUnknownCountry], as an unknown country does in every package
// of marketkit. Messages read
// `phone: Parse: number "+49 1": too short (default region "DE")`, with the
// input cut after 64 bytes. The default region is accepted in any ASCII
// case and never trimmed (" DE" is an error). [Type] is an enumeration with
// hyphenated text names ("fixed-line", "toll-free").
//
// # Fidelity
//
// Output is libphonenumber's, including where nyaruka/phonenumbers differs:
// Argentine mobile numbers in national format are "011 15-2345-6789", as
// libphonenumber writes them, not the port's "09 15-2345-6789" (the port
// applies the national prefix rule's $1 literally; see [Number.National]).
//
// # Concurrency
//
// All functions are safe for concurrent use; a [Number] is immutable.
package phone
