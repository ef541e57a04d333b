// Package pricing holds exact money: amounts in an ISO 4217 currency,
// arithmetic and rounding with named modes, allocation without losing a
// minor unit, price lists per market, conversion with explicit exchange
// rates and price-ending rules, discounts and order totals.
//
// No binary floating point is used anywhere in the package (a test walks
// its syntax trees to keep it so): amounts enter as decimal strings,
// decimal.Decimal values or minor units.
//
// # Money
//
// [Money] is an amount and a currency. Create it with [ParseMoney],
// [MoneyFromMinor], [MoneyFromDecimal], [MoneyFromFixed] or, for literals,
// [MustParseMoney]. Currency codes are checked against the ISO 4217 table
// of package locale; lower-case codes are accepted and normalized to upper
// case ("eur" becomes "EUR"), since nothing is ambiguous about them.
// Arithmetic across currencies fails with a [*MismatchError]; the zero
// Money has no currency and is the identity for [Money.Add], so sums can
// start from it.
//
// Text forms: [Money.String] and [Money.MarshalText] write "19.99 EUR"
// (read back by [ParseMoneyText]),
// [Money.MarshalJSON] writes {"amount":"19.99","currency":"EUR"} (the
// amount is a string so no JSON reader turns it into a float),
// [Money.Value] and [Money.Scan] store the text form in SQL, and
// [Money.Format] formats for display through a [locale.Formatter].
//
// # Rounding
//
// Multiplication is exact ([Money.Mul], [Money.MulInt]); rounding happens
// only where you ask for it, with a [RoundingMode]: an alias of
// [locale.RoundingMode], so one mode means the same in pricing, tax and
// formatting. Its zero value is [RoundHalfEven] (ties to even, the default
// of CLDR and IEEE 754), valid everywhere: an [Order] or [Fallback] that
// names no mode rounds half-even. [Money.Round] rounds to the currency's
// digits, [Money.RoundTo] to
// any digits, [Money.RoundCash] to the CLDR cash increment (0.05 CHF and
// CAD, 0.50 DKK, whole SEK and NOK) only for payment in cash. The fused
// operations round once, at the end: [Money.MulRound] (a tax or discount
// amount), [Money.Div] and [Money.MulDiv] (the tax contained in a gross
// price, gross × rate ÷ (1 + rate)). Rates and ratios are [Fixed] values:
// parse them once and use them in hot loops without allocating.
//
// # Allocation
//
// [Money.Allocate], [Money.AllocateDecimal], [Money.Split] and
// [Money.AppendAllocation] split an amount into parts in minor units or
// cash increments ([Unit]) that sum exactly to the whole, by largest
// remainder; between equal remainders the earlier part gets the unit.
//
// # Orders and discounts
//
// [Order.Quote] prices [Item] values into [Line] values: subtotal (unit
// price × quantity), line discounts in stacking order, the line's share of
// the order discounts (allocated in proportion to the line totals) and the
// taxable Total. [Discount] is a percentage or a fixed amount, capped at
// what it discounts, so no total is ever negative. [Quote].OrderDiscounts
// reports each order discount as an [AppliedDiscount]: its code, kind,
// percentage and the amount it took. Package tax fills a line's Net, Tax
// and Gross through [Line.ApplyTax].
//
// # Price lists and conversion
//
// A [PriceList] holds one market's prices in one currency: base prices,
// "was" prices, quantity tiers, customer-group prices and validity windows
// in the market's time zone (at a daylight-saving change a repeated wall
// time means its first occurrence and a skipped one moves forward, as in
// RFC 5545). [PriceList.Resolve] picks the most specific applicable entry
// (customer group > tier > window > base) and [PriceList.Explain] says
// why. A list may fall back to another market's list through an explicit
// [RateTable] and an [EndingRule] (charm prices .99/.95/.90, whole units,
// the nearest 10 or 100, or price bands), both plain data validated when
// loaded. An ending rule never turns a positive price into zero and never
// lifts a price past its band's upper bound ([EndingRule.Apply]); a
// converted "was" price that does not stay above the converted price is
// dropped. A SKU without a price is a [*NoPriceError] ([ErrNoPrice]) naming
// SKU and market, never a zero price.
//
// # Errors
//
// Every error wraps one of the package's sentinels ([ErrSyntax],
// [ErrCurrency], [ErrCurrencyMismatch], [ErrDivisionByZero], …) for
// errors.Is, and carries details for errors.As: [*Error] names the
// operation, the field and the value; [*MismatchError] names the two
// currencies and [*NoPriceError] the SKU and market. Bad input never
// panics; only [MustParseMoney] and [MustParseFixed], meant for literals,
// do.
//
// # Concurrency
//
// [Money], [Fixed], [Converter] and the option types are immutable values.
// [PriceList] and [RateTable] are immutable after construction and safe for
// concurrent use by multiple goroutines.
//
// # Performance
//
// Internally an amount is a checked fixed-point int64 coefficient with a
// scale; products are formed in 128 bits with math/bits. When a value or
// an intermediate does not fit, the operation falls back to exact
// big-integer arithmetic, so results never depend on the path
// (differential tests and fuzz targets compare both paths with
// shopspring/decimal). Money arithmetic, rounding, allocation into a
// reused slice ([Money.AppendAllocation]), [Order.QuoteInto] with a reused
// [Quote], [PriceList.Resolve] and [Converter.Convert] do not allocate in
// the common case. Orders compute in int64 minor units and report
// [ErrRange] beyond ±9.2×10^18 minor units (about ±9.2×10^16 EUR).
package pricing
