// Package metadata is the country metadata service: one boring, cacheable
// source of every market's localization facts for web, mobile and console
// clients, so that a Go process, an iOS app and an operator's console see
// the same facts.
//
// A Server holds one published version of the market configuration and
// serves, computed once per version and from memory:
//
//	GET /v1/                        the index: version, hash, and every document's href and ETag
//	GET /v1/config                  the market configuration, byte for byte as published (what store.HTTPSource reads)
//	GET /v1/schema                  the JSON Schema of the documents (metadata.schema.json, Schema)
//	GET /v1/markets/{id}/{locale}   the facts of one market in one of its locales (Facts)
//
// {locale} is spelt as in the market's "locales" ("de-CH"); FactsPath
// builds the path. Anything else is 404, a method other than GET or HEAD
// 405. The command "marketkit serve-metadata CONFIG -addr :8080" runs a
// Server on a file and republishes it when it changes.
//
// # The facts
//
// A facts document (Facts; schema_version 1) holds the RESOLVED facts a
// client needs to format without CLDR of its own: the currency (code,
// digits, cash rounding, symbol and narrow symbol), the numbering system's
// digits, the decimal, percent and currency formats (standard and
// accounting, with the symbol, the narrow symbol, the code or nothing
// already written into the prefixes and suffixes, currency spacing
// included; each also as a UTS #35 pattern with quoted affixes, for ICU
// DecimalFormat or NSNumberFormatter), the date patterns per style with the month, weekday and era
// names, and per country the first day of the week, the measurement
// system, the address form (field order, required fields, labels in the
// locale, postal code pattern and examples, subdivisions) and the phone
// calling code with an example number; then the tax display policy and
// the feature flags (market > group > default). locale.NumberFormat and
// locale.DateFacts describe the few lines of code that format with them;
// a test in this package formats thousands of amounts and dates for every
// market and locale from the served JSON alone and gets the bytes of
// locale.Formatter.
//
// Field names are stable snake_case. SchemaVersion changes only when a
// field is removed, renamed or changes meaning; clients ignore fields they
// do not know.
//
// # Caching
//
// Every response carries a strong ETag of its bytes (Tag; the gzip
// representation's tag ends in "-gzip"), Cache-Control "public,
// max-age=60, stale-while-revalidate=600, stale-if-error=86400" (Options)
// and Vary: Accept-Encoding. If-None-Match with the current tag (of either
// representation, or "*") is 304 without a body. Bodies are gzip-compressed
// once, when the version is published, and served compressed to clients
// whose Accept-Encoding allows gzip (q-values honoured: "gzip;q=0" is a
// refusal).
//
// # Publishing
//
// Publish decodes a configuration (store.Decode), checks it (store.Check:
// a configuration with errors is refused, with every problem, and the
// served version does not change), computes every document and swaps them
// in with one atomic store, so a request sees one whole version. Serving a
// request is a pointer load, a map lookup and a write of precomputed
// bytes and header values: it allocates nothing beyond net/http's own.
//
// # Limits
//
// A configuration is at most store.MaxConfigSize bytes. The server reads
// at most 4096 bytes of each If-None-Match and Accept-Encoding value
// (net/http bounds the header block as a whole).
package metadata
