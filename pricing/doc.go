// Package pricing holds exact money: amounts in an ISO 4217 currency,
// arithmetic and rounding with named modes, allocation without losing a
// minor unit, price lists per market, conversion with explicit exchange
// rates and price-ending rules, discounts and order totals.
//
// No binary floating point is used anywhere in the package: amounts enter
// as decimal strings, decimal.Decimal values or minor units.
//
// # Money
//
// [Money] is an amount and a currency. Create it with [ParseMoney],
// [MoneyFromMinor], [MoneyFromDecimal] or, for literals, [MustParseMoney].
// Currency codes are checked against the ISO 4217 table of package locale;
// lower-case codes are accepted and normalized to upper case. Arithmetic
// across currencies fails with a [*MismatchError]; the zero Money has no
// currency and is the identity for [Money.Add], so sums can start from it.
//
// Multiplication is exact ([Money.Mul], [Money.MulInt]); rounding happens
// only where you ask for it, with a [RoundingMode] you name:
// [Money.Round] to the currency's digits, [Money.RoundTo] to any digits,
// [Money.RoundCash] to the CLDR cash increment (0.05 CHF, 0.50 DKK),
// [Money.MulRound] (a tax or discount amount) and [Money.Div] and
// [Money.MulDiv] (the tax contained in a gross price) round once, at the
// end. Rates and ratios are [Fixed] values: parse them once, use them in
// hot loops without allocating.
//
// # Performance
//
// Internally an amount is a checked fixed-point int64 coefficient with a
// scale; products are formed in 128 bits with math/bits. When a value or an
// intermediate does not fit, the operation falls back to exact big-integer
// arithmetic, so results never depend on the path (differential tests and
// fuzz targets compare both paths with shopspring/decimal). The common
// case does not allocate.
package pricing
