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
// of package locale (current currencies, and historical ones such as BGN
// and HRK so that stored orders load); lower-case codes are accepted and
// normalized to upper case ("eur" becomes "EUR"); anything else, spaces
// included, is an error.
// Arithmetic across currencies fails with a [*MismatchError]; the zero
// Money has no currency and is the identity for [Money.Add], so sums can
// start from it. [Money.Compare] orders any two amounts (by currency code,
// then amount) for slices.SortFunc; [Money.Cmp] compares two amounts that
// must share a currency.
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
// # Percentages
//
// [Percent] is the one percentage type of marketkit, for discounts and for
// tax rates (package tax uses it): 0 % to 100 % with up to four decimals,
// exact, comparable with ==. [ParsePercent] reads "19", "8.1" or "19%";
// [PercentFromFraction] reads the fraction 0.19; [Percent.Fraction] gives
// the factor for Money arithmetic, [Percent.Format] the locale's display
// ("8,1 %" in de). Because it is its own type, a fraction cannot be passed
// where a percentage is meant: PercentOff(code, 0.1) does not compile.
//
// # Orders and discounts
//
// [Order.Quote] prices [Item] values into [Line] values: subtotal (unit
// price × quantity), line discounts in stacking order, the line's share of
// the order discounts (allocated in proportion to the line totals) and the
// taxable Total; TaxClass is passed through for package tax, which
// computes net, tax and gross from the lines. An item without a unit price
// is an error naming items[i].unit_price: the zero Money is not a price.
// A [Discount] is built with [PercentOff] or [AmountOff], capped at what it
// discounts, so no total is ever negative. [Quote].OrderDiscounts reports
// each order discount as an [AppliedDiscount]: its code, kind, percentage
// and the amount it took.
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
// SKU and market, never a zero price. [NewPriceList] works in O(n log n),
// lists at most 20 problems (then counts the rest) and reports each group
// of duplicate entries once. A rate table is dated with a [locale.Date].
//
// # Errors
//
// Messages follow the library's layout, `pricing: Op: field "value":
// reason` (for example `pricing: Quote: items[1].quantity "-1": must not
// be negative`), always with a reason, and show at most 64 bytes of the
// offending input. Every error wraps a sentinel for errors.Is:
// [ErrSyntax], [ErrRange], [ErrInvalid], [ErrCurrencyMismatch],
// [ErrDivisionByZero], [ErrNoPrice], [ErrNoExchangeRate], … and, for an
// unknown currency code, [locale.ErrUnknownCurrency]. errors.As gives the
// details: [*Error] names the operation, field, value and reason;
// [*MismatchError] the two currencies; [*NoPriceError] the SKU and market.
// Bad input never panics; only the Must functions, meant for literals, do,
// and a nil *PriceList or *RateTable panics at once with a message naming
// it, as the standard library does for nil receivers.
//
// # Stored forms
//
// Whatever the package writes for storage it reads back: MarshalText,
// AppendText, MarshalJSON and Value refuse (ErrRange) an amount that
// ParseMoney could not read, one with more than 36 fraction or 60 integer
// digits (a product of Mul: round it first). Money.UnmarshalJSON takes
// exactly the keys "amount" and "currency", once each, in lower case.
//
// # Concurrency
//
// [Money], [Fixed], [Percent], [Converter] and the option types are
// immutable values.
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
// shopspring/decimal, and fuzz targets check quotes, price lists and
// conversions against math/big oracles). Money arithmetic, rounding, allocation into a
// reused slice ([Money.AppendAllocation]), [Order.QuoteInto] with a reused
// [Quote], [PriceList.Resolve], [Converter.Convert], [ParsePercent] and
// [Percent.AppendFormat] do not allocate in the common case. Rounding uses
// the library's one tie-breaking kernel (internal/round), shared with
// locale and tax. Orders compute in int64 minor units and report
// [ErrRange] beyond ±9.2×10^18 minor units (about ±9.2×10^16 EUR).
package pricing
