// Package store turns one market configuration into running markets: it
// defines the configuration (the JSON schema of markets, groups, feature
// flags, tax policy, maintenance windows, databases), checks it against
// the catalog, the prices and the tax data (Check, and the command
// "marketkit check"), loads it from a ConfigSource through a
// stale-tolerant Cache, and builds one Store per market that joins the
// catalog, the price list, the tax calculator, the address rules and the
// formatter.
//
// # The market
//
// A market is the unit of configuration and of deployment: one country,
// several, or part of one (US-East and US-West are two markets of one
// country). It is keyed by an immutable ID, selected by a URL path prefix
// (and optionally a host), and has exactly one currency. See [Market] for
// every field, [Config] for the document, markets.json beside this file
// for an example ([ExampleConfig]) and markets.schema.json ([Schema]) for
// editors.
//
// # Decoding
//
// [Decode] is strict: a key the schema does not define, a key given
// twice, a value of the wrong type or an unknown enum name is an error
// naming the JSON path, and every such problem is reported at once.
// Documents are limited by [MaxConfigSize], [MaxDepth] and [MaxMarkets].
//
// # Errors
//
// Errors are *[Error] values with the layout `store: Op: field "value":
// reason`, wrapping a sentinel of this package ([ErrUnknownField],
// [ErrInvalid], …) or of another (locale.ErrUnknownCurrency). Several are
// joined with errors.Join; [Errors] lists them.
package store
