// Package store turns one market configuration into running markets: it
// defines the configuration (markets, groups, typed feature flags, tax
// policy, maintenance windows, databases and backups, origins), checks it
// against the catalog, the prices and the tax data ([Check], and the
// command "marketkit check"), loads it from a [ConfigSource] through a
// stale-tolerant [Cache], and builds one [Store] per market ([Stores])
// that joins the catalog, the price list, the tax calculator, the address
// rules and the formatter.
//
// # The market
//
// A market is the unit of configuration and of deployment: one country,
// several, or part of one (US-East and US-West are two markets of one
// country). It is keyed by an immutable ID, selected by a URL path prefix
// (and optionally a host), and has exactly one currency. See [Market] for
// every field, [Config] for the document, markets.json beside this file
// for an example ([ExampleConfig]) and markets.schema.json ([Schema]) for
// editors; a test keeps the schema and the Go types in step.
//
// Feature flags are declared once with a type and a default
// ([Config.Flags]); a group and then a market may override them
// ([Config.Flag] resolves market > group > default). A market's database
// DSN and backup policy are templates ("data/{market}.db") with defaults
// at the top ([Config.DatabaseOf]).
//
// # Decoding
//
// [Decode] is strict: a key the schema does not define (with a "did you
// mean" for a misspelling), a key given twice, a value of the wrong type or
// an unknown enum name is an error naming the JSON path, and every such
// problem is reported at once. Keys match exactly, unlike encoding/json.
// Documents are limited by [MaxConfigSize], [MaxDepth] and [MaxMarkets].
// Country, subdivision and currency codes are accepted in any ASCII case
// and upper-cased; anything else (spaces included) is left for Check to
// name.
//
// # The automatic check
//
// [Check] takes a configuration with optional [CheckOptions] (a catalog
// through [NewCatalogView], price data from [DecodePrices], tax data and a
// date) and returns a [Report] of every [Problem], each with its severity,
// code, market, JSON path and value. The codes are listed on Check. Rates
// are checked for every tax class the market sells in every country (and,
// where tax depends on it, every subdivision) on the check date and on the
// next rate change the data knows of.
//
// # Configuration as a boring service
//
// A [ConfigSource] fetches the document: [DefaultSource] (the embedded
// example), [BytesSource], [FileSource], [HTTPSource] (with ETag and
// If-None-Match) or the host's own ([SourceFunc]); package storetest
// checks an implementation. A [Cache] serves the last good configuration
// with one atomic load ([Cache.Config], no allocation), refreshes it in
// the background every TTL plus jitter in one shared fetch (singleflight,
// detached from callers' contexts, with its own timeout), rejects a new
// version whose check has errors, keeps serving the previous one for up to
// MaxStale when the source fails, hangs or serves garbage, writes each
// accepted version to a disk copy from which a restart during an outage
// starts, reports [Health], and logs its events through log/slog.
//
// # Stores and topologies
//
// [NewStore] builds one market's [Store]: listing ([Store.List]) and
// product detail ([Store.Product]) with prices formatted in the chosen
// locale, including or excluding tax per the market's policy, with
// compare-at prices; [Store.QuoteAt] prices a [Cart] for an address and a
// customer — lines, discounts, shipping as a line, the per-rate tax
// breakdown and totals, exact. A cart belongs to one market and currency:
// a Store refuses another's ([ErrWrongMarket]) and [Store.MoveCart] is the
// explicit move that re-prices every line and reports what changed or is
// not sold.
//
// A [Quote]'s texts are written when asked, not when it is made:
// [Quote.Format] (a string, for templates) and [Quote.AppendFormat] (into
// a buffer, without allocating) write any of its amounts with the
// formatter of the market's default locale, that of the Store that made
// the quote ([Quote.Formatter]), never another's. Each Store remembers
// the texts of the amounts it recently showed, so a cart page drawn again
// writes none of them again. [Store.QuoteInto] fills a reused Quote
// without allocating; [Store.QuoteAt] returns a new one (four allocations
// for a typical cart: the quote, its lines, their taxes, the order
// discounts).
//
// [Stores] builds the Stores of one process from one configuration and a
// [Loader] ([FSLoader] reads catalog.jsonl and prices/<list>.json): every
// local market (Origin empty) in a shared process, or one market
// (StoresOptions.Only) in an isolated instance that reads only the files
// its market names. [Stores.Update] installs a new configuration version,
// rebuilding only the markets whose configuration ([Config.MarketHash]) or
// data changed; a request keeps the *Store it took to the end.
// [Cache.Watch] connects the two: every version the cache accepts is
// handed to a function such as Stores.Update.
//
// # Errors
//
// Errors are *[Error] values with the layout `store: Op: field "value":
// reason`, wrapping a sentinel of this package ([ErrUnknownField],
// [ErrInvalid], [ErrWrongMarket], …) or of another (locale.ErrUnknownCurrency,
// tax.ErrNoTaxRate, pricing.ErrNoPrice). Several are joined with
// errors.Join; [Errors] lists them.
//
// # Concurrency
//
// A *Config handed out by a Cache or Stores is shared: treat it as read
// only (Clone it to change it). Cache, Store and Stores are safe for
// concurrent use; a Store is immutable.
package store
