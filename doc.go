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
//     locale parsing, negotiation and fallback chains, the civil Date and
//     the RoundingMode every package shares, and a Formatter for numbers,
//     percentages, currency amounts, dates and display names, all
//     generated from Unicode CLDR.
//   - [github.com/marketkit/marketkit/pricing]: decimal-exact Money, rounding
//     (including cash rounding), allocation without losing a minor unit,
//     the Percent of discounts and tax rates, price lists, conversion with
//     price-ending rules, discounts and order totals.
//   - [github.com/marketkit/marketkit/tax]: effective-dated VAT/GST/sales-tax
//     rates, tax-inclusive and tax-exclusive calculation with a stated
//     rounding policy, EU reverse charge; [github.com/marketkit/marketkit/tax/vat]
//     validates VAT numbers and checks them against online registers, and
//     [github.com/marketkit/marketkit/tax/taxtest] is the conformance suite
//     of a tax.Calculator.
//   - [github.com/marketkit/marketkit/address]: per-country address formats,
//     formatting, validation, normalization, checkout form descriptions and
//     the one-call path to a tax location (Address.TaxLocation with
//     tax.AddressOf), from Google's address metadata checked against the
//     national postal operators' rules.
//   - [github.com/marketkit/marketkit/address/phone]: phone numbers (parse,
//     validate, type, format) over nyaruka/phonenumbers, kept in a package
//     of its own because importing it costs about 5 ms and 2.5 MB.
//   - [github.com/marketkit/marketkit/catalog]: products, localized content,
//     per-market availability and an immutable index (filters, facets,
//     collated sorting, text search, cursors);
//     [github.com/marketkit/marketkit/catalog/catalogtest] is the
//     conformance suite of a catalog.Source.
//   - [github.com/marketkit/marketkit/store]: the market configuration (its
//     schema, checks and sources) turned into running markets that join
//     catalog, pricing, tax and address on every request;
//     [github.com/marketkit/marketkit/store/storetest] is the conformance
//     suite of a store.ConfigSource.
//   - [github.com/marketkit/marketkit/store/web]: markets on the web (path
//     and host routing, detection, the country switcher, maintenance,
//     forwarding to isolated instances);
//     [github.com/marketkit/marketkit/store/web/handoff] signs a customer in
//     across domains and instances.
//   - [github.com/marketkit/marketkit/store/sqlstore]: a market's orders and
//     identities in SQLite or PostgreSQL;
//     [github.com/marketkit/marketkit/store/sqlstore/sqltest] is the
//     conformance suite of store.OrderStore and store.IdentityStore.
//   - [github.com/marketkit/marketkit/store/metadata]: the country metadata
//     service, every market's localization facts for web, mobile and
//     console clients.
//   - github.com/marketkit/marketkit/cmd/marketkit: the operator's command
//     (check, fleet, backup, restore).
//
// # Conventions
//
// Every package follows the same rules, so that catalog and store (and a
// host application) can join them without translating.
//
//   - Exact numbers. Money, rates and quantities are exact: no float ever
//     holds them. Rounding happens only where a mode is named.
//   - One rounding type. locale.RoundingMode is the library's rounding mode
//     (pricing.RoundingMode is an alias of it, so both spellings are one
//     type); its zero value is RoundHalfEven ("ties to even", the default
//     of CLDR, ICU and IEEE 754), valid everywhere. One tie-breaking kernel
//     rounds for locale, pricing and tax, so a mode means the same for a
//     price, a tax amount and its display.
//   - One civil date. locale.Date (year, month, day; no zone) is the date
//     pricing and tax take (tax.Date is an alias). Its zero value is "no
//     date" and round-trips through text and JSON as ""; arithmetic outside
//     years 1 to 9999 is reported, never a silent zero.
//   - Errors. Every message has the layout `pkg: Op: field "value": reason`
//     (for example `locale: Currency: code "EURO": unknown currency code`),
//     always with a reason. Each package's error struct has the fields Op,
//     Field, Value and Err; the value is the offending input, quoted and
//     cut after 64 bytes in the message (internal/errtext), so an error
//     never echoes a megabyte of input. Err is a package-prefixed sentinel
//     for errors.Is; the struct is for errors.As. Error() of a zero error
//     value never panics. An unknown or malformed currency or country code
//     wraps the shared sentinels locale.ErrUnknownCurrency and
//     locale.ErrUnknownCountry in every package (a package's own sentinel
//     for the same fault also matches the locale one). A sentinel's name
//     means one thing (pricing.ErrNoExchangeRate, tax.ErrNoTaxRate).
//   - Codes. Country (ISO 3166-1 alpha-2), currency (ISO 4217) and region
//     (ISO 3166-2, "US-NY") codes are accepted in any ASCII case and
//     normalized to upper case (locale.NormalizeCountry,
//     locale.NormalizeCurrency); surrounding spaces or anything else is an
//     error naming the value, never trimmed or ignored. Output is always
//     upper case.
//   - Enumerations. Enumerated types have lower-case hyphenated text names
//     ("half-even", "narrow-symbol", "reverse-charge"): String returns the
//     name or "Type(N)" for an undefined value, ParseT returns an error for
//     anything but an exact name, IsValid (never Valid) reports a defined
//     value, and MarshalText and AppendText (the encoding.TextAppender
//     signature) refuse undefined values; UnmarshalText uses ParseT.
//   - Zero values are useful or clearly invalid: the zero FormatOptions
//     means the defaults, the zero Money is the identity of Add. A nil
//     pointer to a type that must be constructed (*locale.Formatter,
//     *pricing.PriceList, *pricing.RateTable, *tax.Data) is a programming
//     error: its methods panic at once with a message such as "locale: nil
//     *Formatter", as the standard library does, never a nil dereference
//     deep inside. Input never causes a panic.
//   - Copies. Every exported function or method that returns a slice or a
//     map returns a fresh copy that belongs to the caller (or an iter.Seq);
//     nothing hands out shared slices.
//   - Lookups where absence is normal return (T, bool); where something is
//     wrong, an error.
//   - Concurrency. Types documented as safe for concurrent use are
//     immutable after construction and tested under the race detector.
//   - Tests. go test -race ./... is fast (the exhaustive differential and
//     oracle tests sample); each package with exhaustive tests declares a
//     -long flag (var long = flag.Bool("long", false, …)) and CI also runs
//     go test ./locale/... ./tax/... ./pricing/... -long.
//
// Dependencies point one way: locale imports no other package of ours;
// pricing builds on locale; tax on pricing; address on locale (address and
// tax do not import each other); catalog builds on pricing; store on
// catalog, tax and address; store/web and store/sqlstore on store. Nothing
// in the library imports store, cmd or examples.
//
// Runnable programs live under examples/: go run ./examples/storefront is a
// web store for many markets on one domain, and ./examples/percountry the
// same store as isolated per-country instances; go run ./examples/checkout
// prices, taxes and ships one order in four markets with every package
// together; go run ./examples/localize prints country facts, a price and a
// date for several markets.
package marketkit
