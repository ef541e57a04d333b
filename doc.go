// Package marketkit is a pure Go library for selling in many countries.
//
// Selling in a new country changes everything at once: product names,
// prices, currency, VAT, which products may be sold, address and phone
// formats, dates and numbers. marketkit gives a host application all of that
// as small, exact, fast packages that it imports one by one.
//
// # The market
//
// The unit of configuration and of deployment is the market: one country,
// several countries, or part of one. A market has a URL prefix (/de, /fr-be),
// the countries it serves, a currency and a price list, a default locale and
// the supported locales, tax settings (zone, prices including or excluding
// tax, rounding policy), catalog rules, a time zone and an origin (this
// process, or the URL of an isolated instance that serves it). Launching a
// new country is a configuration entry that the library checks, not
// engineering work.
//
// # Packages
//
//   - [github.com/marketkit/marketkit/locale]: country facts, currency facts,
//     locale parsing, negotiation and fallback chains, and a Formatter for
//     numbers, percentages, currency amounts, dates and display names, all
//     generated from Unicode CLDR.
//   - [github.com/marketkit/marketkit/pricing]: decimal-exact Money, rounding
//     (including cash rounding), allocation without losing a minor unit,
//     price lists, conversion with price-ending rules, discounts and order
//     totals.
//   - [github.com/marketkit/marketkit/tax]: effective-dated VAT/GST/sales-tax
//     rates, tax-inclusive and tax-exclusive calculation with a stated
//     rounding policy, EU reverse charge and VAT number validation.
//   - [github.com/marketkit/marketkit/address]: per-country address formats,
//     formatting, validation, normalization and checkout form descriptions,
//     from Google's address metadata.
//   - [github.com/marketkit/marketkit/address/phone]: phone numbers (parse,
//     validate, type, format) over nyaruka/phonenumbers, kept in a package
//     of its own because importing it costs about 5 ms and 2.5 MB.
//
// # Conventions
//
// Every package follows the same rules. Money, rates and quantities are
// exact: no float ever holds them. Rounding happens only where a mode is
// named (pricing's zero RoundingMode is invalid for that reason; locale's
// zero mode is CLDR's half-even, for display). Errors are package-prefixed
// sentinels wrapped by typed errors that carry the field and the value, for
// errors.Is and errors.As. Lookups where absence is normal return (T, bool).
// Types documented as safe for concurrent use are immutable after
// construction and tested under the race detector.
//
// Dependencies point one way: locale imports no other package of ours;
// pricing builds on locale; tax on pricing; address on locale.
//
// Runnable programs live under examples/: go run ./examples/checkout prices,
// taxes and ships one order in four markets with every package together;
// go run ./examples/localize prints country facts, a price and a date for
// several markets.
package marketkit
