package tax

import "github.com/marketkit/marketkit/pricing"

// Percent is pricing.Percent, the library's one percentage type: a tax
// rate is the same kind of value as a discount (0 % to 100 %, four
// decimals, text "19%" or "9.975%", Fraction 0.19 for arithmetic, Format
// through a locale.Formatter). The alias is kept so that [Rate].Percent
// reads naturally; parse rates with pricing.ParsePercent.
type Percent = pricing.Percent

// one is 100 % in Percent units (pricing.Percent.Units): a rate p as a
// fraction is p.Units()/one.
const one = 1_000_000
