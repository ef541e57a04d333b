// Package tax resolves and calculates VAT, GST and sales tax exactly:
// effective-dated rates for the supported countries, tax zones, a
// resolution chain (EU rules, Canada rules, default), tax-inclusive and
// tax-exclusive calculation with a stated rounding policy and a per-rate
// breakdown; VAT numbers are validated by the sub-package tax/vat. Amounts
// are pricing.Money; rates are exact pricing.Percent values ([Percent] is
// an alias); no float is ever involved.
//
// # Data
//
// [Builtin] returns the rate data maintained in this package (builtin.go,
// hand-edited Go source checked by tests). A [Type] is one tax levied in
// one [Zone] (German VAT, Québec QST, US-CA state sales tax) with rates per
// [Category]: effective-dated [Rate]s whose From and To are inclusive
// civil [Date]s (locale.Date); a rate has a stable ID
// ("de_vat/standard/2021-01-01") and cites an official source
// ([Data.Source]).
//
// Coverage: the EU-27 with standard, intermediate, reduced, super-reduced,
// parking and (where enacted) zero rates and their history since at least
// 2019 — including DE 16 %/5 % in 2H2020, IE 21 % (2020-09..2021-02), LU
// 2023, CZ's single 12 % reduced rate (2024), FI 25.5 % (2024-09-01) and
// 13.5 % (2026), EE 22 % (2024) and 24 % (2025-07-01), SK 23/19/5 % (2025),
// RO 21/11 % (2025-08-01); Azores and Madeira; the Canary Islands (IGIC) and
// the French overseas departments with VAT; GB (with the Isle of Man), CH
// with LI and Büsingen, NO, IS, AU, NZ, SG, JP (10 % / 8 %), ZA, IN (GST
// slabs, including the 2025-09-22 reform), CA (GST, HST by province, PST in
// BC/MB/SK, QST) and US state base rates.
//
// US rates are state BASE rates only: counties, cities and districts add
// their own rates and taxability differs by product and state (New
// Mexico's is the state gross receipts tax rate, Utah's the state rate
// without its near-universal local 1.25 %). The District of Columbia is
// not covered (its current rate could not be confirmed): an address there
// is an ErrUnknownCountry error naming customer.address.region. Plug an
// external sales-tax service in through [Calculator] for US compliance.
//
// Hosts load their own data with [LoadJSON] (fuzzed) or extend
// [BuiltinDefinition] and call [Build]. Build rejects overlapping periods,
// unknown sources and zones, and types without a standard rate, and
// expands zone references once, so lookups cost the same however zones
// nest. [Data.Lookup] returns the rate of (type, category, date) without
// allocating, or a [*LookupError] — never a silent 0 %. Methods that
// return slices (Types, Zones, Rates, Countries) return new slices the
// caller owns.
//
// # Zones and categories
//
// A zone is a country, a country minus or plus postal-code patterns or
// subdivisions, or a zone of zones (the "eu" zone). The EU zones exclude the
// territories outside the EU VAT area (Heligoland, Büsingen, Livigno,
// Campione d'Italia, Mount Athos, the Canary Islands, Ceuta, Melilla, Åland,
// the French overseas departments), which have zones of their own, so a
// sale there resolves as an export. [Address] is the small address the
// package needs: country, region (ISO 3166-2 subdivision) and postal code;
// [AddressOf] builds it from an address.Address (or any value with a
// TaxLocation method) in one call.
//
// Categories are the EU vocabulary: [Standard], [Intermediate],
// [Reduced], [SuperReduced], [Parking], [Zero], [Exempt], [Increased]. A
// host maps its own product tax classes to a category per country (and a
// [Supply] kind: goods, digital services, other services) with
// [ClassRule]s; a class without a rule is read as a category name, and an
// unknown class is an error naming it.
//
// # Resolution
//
// [BuiltinCalculator] resolves the taxes of a request once per supply kind
// through a chain; the first resolver that applies decides, and its [Rule]
// (a stable, exported constant such as [RuleEUReverseCharge], stored on
// invoices) and the invoice text are recorded in each line's [Outcome]:
//
//   - EU rules (store established in the EU VAT area, or outside it selling
//     into it): domestic sale → the customer's zone in the same member state;
//     business customer with a VAT number that passes vat.Validate in
//     another member state → reverse charge at 0 % with the legal mention
//     (a number of the seller's own member state → the seller's VAT);
//     Northern Ireland (XI) numbers count as EU numbers for goods only
//     (Windsor Framework art. 8): goods to an XI-numbered business in
//     another member state or in Northern Ireland (country GB, postal code
//     BT…) are an exempt intra-Community supply, reverse-charged, while
//     digital and other services to it are outside the scope of EU VAT
//     (the customer is a UK business; art. 44 puts the supply in the UK)
//     and recorded as rule "eu.xi-number-service", kind Export, whatever
//     the customer's address;
//     consumer, goods or digital services, from 2021-07-01 → destination
//     VAT unless [Store].EUBelowThreshold (the €10,000 EU-wide threshold),
//     before → digital at destination (from 2015; from 2019 origin below
//     the threshold too), goods at origin unless registered at destination; consumer, other services → origin;
//     customer outside the EU VAT area → export, zero-rated (unless the store
//     is registered there, e.g. for UK or Swiss VAT); a non-EU store charges
//     destination VAT on goods and digital services when registered for the
//     OSS ("EU") or in that member state, no EU VAT on other services to
//     consumers (art. 45), and reverse-charges businesses.
//   - Canada rules (store in Canada, or registered there as a non-resident):
//     the customer's province decides — GST, or HST, plus PST (BC, MB, SK) or
//     QST (QC) charged on the pre-tax price, not compounded; a non-resident
//     store charges only the taxes it is registered for; a customer outside
//     Canada buys an export.
//   - Default: the untagged types of the customer's zone, when the store is
//     established there or lists it in [Store].Registrations (a country, a
//     zone such as "us-ca", a type ID, in any ASCII case); otherwise no tax
//     is charged and the outcome says so ([NotRegistered]). A registration
//     that names nothing in the data ("us_ny", "NY", "CH ", "Switzerland")
//     is an error listing what would have matched, never an export.
//
// # Calculation
//
// [Policy] states whether prices include tax, where tax is rounded
// ([PerLine], [PerUnit], [PerOrderPerRate]) and how (a
// pricing.RoundingMode, which is locale.RoundingMode; the zero mode is
// half-even; the tie-breaking is the library's one kernel), and, for tax-inclusive
// prices whose applicable rate differs from the store's own, whether to
// [KeepGross] (the shelf price stays; the net varies) or [KeepNet] (the
// origin tax is removed and the destination tax added). When no tax applies
// (reverse charge, export, not registered) the origin tax contained in an
// inclusive price is removed — what a business customer or an export
// invoice expects — unless the policy is [KeepGrossAlways], which keeps the
// shelf price even then.
//
// Inclusive: tax = gross × r / (1 + Σr) for each rate r of the line (GST and
// QST are both taken from the same gross); exclusive: tax = net × r. Each
// tax is computed in exact 128-bit integer arithmetic on minor units and
// rounded once; several taxes in one inclusive price share one rounding of
// their total, split so that each is the floor or ceiling of its exact
// value (rounding each up could exceed a 1-cent price). PerOrderPerRate
// rounds each rate's order total once and gives every line the floor or
// the ceiling of its exact tax (largest remainders get the ceiling, in
// n log n). Invariants (checked by taxtest.Check and fuzzed against an
// independent big.Rat computation): net +
// tax = gross exactly per line and in total; the breakdown ([Result].Rates)
// sums to the total tax; under KeepGross a taxed inclusive price is never
// changed, under KeepGrossAlways no inclusive price is.
//
// Calculate reuses the [Result] it is given; with a reused Result the
// common path allocates nothing (pinned by TestCalculateAllocs). Rate
// lookup takes ~50 ns, VAT number validation ~100 ns (2-core machine).
//
// # Codes, errors and limits
//
// Country codes (addresses, class rules, registrations) and region codes
// are accepted in any ASCII case and read as upper case; surrounding
// spaces, names and unknown codes are errors naming the field and the
// value, never trimmed or ignored. The amounts a calculation reads (each
// line's Total and UnitPrice) must be in the currency of the first line.
//
// Errors are [*Error] (Op, Field, Value, Err, Reason; message
// `tax: Op: field "value": reason`, the value cut after 64 bytes) or
// [*LookupError], wrapping the package's sentinels; [ErrUnknownCountry]
// and [ErrUnknownCurrency] also match locale.ErrUnknownCountry and
// locale.ErrUnknownCurrency. The enumerated types (Category, Kind,
// Supply, Rounding, CrossBorder, OutcomeKind) share one text form:
// lower-case hyphenated names, "Type(N)" for undefined values, Parse…
// functions returning an error, IsValid, AppendText/MarshalText that
// refuse undefined values. A [Result] and every type in it round-trip
// through encoding/json.
//
// Bounded work: LoadJSON reads at most [MaxJSONBytes] (8 MiB; more is an
// error naming the limit) and rejects trailing data; a definition has at
// most [MaxDefItems] sources, zones, types and rates per category, zones
// nest at most [MaxZoneDepth] deep; a request uses at most [MaxClasses]
// tax classes; Calculate is linear in lines (n log n per order per rate)
// and checks its context every 512 lines. A nil *Data is a programming
// error: its methods panic with "tax: nil *Data"; a nil context, request
// or result is an error.
//
// # VAT numbers
//
// Package tax/vat normalizes and validates VAT numbers (one checker per
// country prefix in one table) and wraps online registers in a cache;
// Calculate uses vat.Validate to decide the reverse charge.
//
// # Other calculators
//
// [Calculator] is the interface a store uses (context first); an adapter
// for an external sales-tax service implements it and runs the conformance
// suite in package taxtest.
//
// # Not modelled
//
// Product-level reclassifications (which goods are reduced in which
// country: the host's class mapping decides) and temporary cuts for
// product lists whose rate is not one of the country's general rates
// (Austria's 5 % for hospitality and culture 2020-07-01..2021-12-31, food
// at 0 % in Poland, Spain and Portugal during 2022-2024), the 11.11 %
// Norwegian raw-fish rate, Corsica's and the Greek islands' special rates, Jungholz/Mittelberg, Northern Ireland's EU goods
// rules for consumers (a B2C sale to a BT postal code is an export), IOSS import thresholds, India's CGST/SGST/IGST split and cess,
// local US/Canadian municipal taxes, and compounding taxes (none of the
// covered taxes compound since 2013).
package tax
