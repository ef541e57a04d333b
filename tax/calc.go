package tax

import (
	"context"
	"strconv"

	"github.com/marketkit/marketkit/pricing"
)

// Rounding says at which point tax amounts are rounded to the currency's
// minor unit. The zero value is PerLine.
type Rounding uint8

// Rounding strategies.
const (
	// PerLine rounds the tax of each line (on the line total after
	// discounts). Default; what most EU shops and Drupal Commerce do.
	PerLine Rounding = iota
	// PerUnit rounds the tax of one unit and multiplies by the quantity;
	// the line's discount is taxed (and rounded) separately and
	// subtracted. Unit prices must have no more digits than the currency.
	// A line where that would give a negative tax or net (the discount's
	// rounded tax above the units' tax, e.g. 0.01 units) is rounded per
	// line instead.
	PerUnit
	// PerOrderPerRate sums the unrounded bases per rate, rounds the tax of
	// each rate once for the order and allocates it to the lines: each
	// line gets the floor or the ceiling of its exact tax, the ceilings
	// going to the largest remainders (JP qualified invoices require one
	// rounding per rate).
	PerOrderPerRate
)

var roundingNames = [...]string{"per-line", "per-unit", "per-order-per-rate"}

// String returns the name used in text and JSON: "per-line", "per-unit"
// or "per-order-per-rate"; an undefined value gives "rounding(N)".
func (r Rounding) String() string {
	if int(r) < len(roundingNames) {
		return roundingNames[r]
	}
	return "rounding(" + itoa(int(r)) + ")"
}

// MarshalText implements encoding.TextMarshaler. An undefined value is a
// *FieldError (field "rounding") wrapping ErrInvalidInput.
func (r Rounding) MarshalText() ([]byte, error) {
	if int(r) >= len(roundingNames) {
		return nil, fieldErr(ErrInvalidInput, "rounding", r.String(), "")
	}
	return []byte(roundingNames[r]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: it accepts the names
// returned by String; anything else is a *FieldError (field "rounding")
// wrapping ErrInvalidInput and leaves r unchanged.
func (r *Rounding) UnmarshalText(b []byte) error {
	i, ok := enumIndex(roundingNames[:], b)
	if !ok {
		return fieldErr(ErrInvalidInput, "rounding", string(b), "want per-line, per-unit or per-order-per-rate")
	}
	*r = Rounding(i)
	return nil
}

// enumIndex returns the index of b in names.
func enumIndex(names []string, b []byte) (int, bool) {
	for i, n := range names {
		if n == string(b) {
			return i, true
		}
	}
	return 0, false
}

// CrossBorder is the policy for tax-inclusive prices when the applicable
// rate differs from the store's own (origin) rate. The zero value is
// KeepGross.
type CrossBorder uint8

// Cross-border policies.
const (
	// KeepGross keeps the shelf price: the customer pays the entered
	// tax-inclusive price and the net varies with the destination rate.
	KeepGross CrossBorder = iota
	// KeepNet removes the origin tax from the entered price and adds the
	// destination tax: the net stays, the gross varies.
	KeepNet
	// KeepGrossAlways is KeepGross also when no tax applies (reverse
	// charge, export): the customer pays the shelf price and the seller
	// keeps the origin-tax share. Under KeepGross such lines have the
	// origin tax removed instead (what a business customer or an export
	// invoice expects).
	KeepGrossAlways
)

var crossBorderNames = [...]string{"keep-gross", "keep-net", "keep-gross-always"}

// String returns the name used in text and JSON: "keep-gross", "keep-net"
// or "keep-gross-always"; an undefined value gives "cross-border(N)".
func (c CrossBorder) String() string {
	if int(c) < len(crossBorderNames) {
		return crossBorderNames[c]
	}
	return "cross-border(" + itoa(int(c)) + ")"
}

// MarshalText implements encoding.TextMarshaler. An undefined value is a
// *FieldError (field "cross_border") wrapping ErrInvalidInput.
func (c CrossBorder) MarshalText() ([]byte, error) {
	if int(c) >= len(crossBorderNames) {
		return nil, fieldErr(ErrInvalidInput, "cross_border", c.String(), "")
	}
	return []byte(crossBorderNames[c]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: it accepts the names
// returned by String; anything else is a *FieldError (field
// "cross_border") wrapping ErrInvalidInput and leaves c unchanged.
func (c *CrossBorder) UnmarshalText(b []byte) error {
	i, ok := enumIndex(crossBorderNames[:], b)
	if !ok {
		return fieldErr(ErrInvalidInput, "cross_border", string(b), "want keep-gross, keep-net or keep-gross-always")
	}
	*c = CrossBorder(i)
	return nil
}

// Policy is a market's tax policy.
type Policy struct {
	// PricesIncludeTax: the line totals are gross (tax-inclusive) prices
	// entered at the store's origin rates.
	PricesIncludeTax bool
	// Rounding is where tax is rounded; Mode how (required: the zero mode
	// is rejected so that every rounding point states its mode).
	Rounding Rounding
	Mode     pricing.RoundingMode
	// CrossBorder applies to tax-inclusive prices only.
	CrossBorder CrossBorder
}

// Store is the seller: its origin address (where it is established),
// where else it is registered to collect tax, and its EU distance-sales
// status.
type Store struct {
	Origin Address
	// Registrations lists where the store also collects tax: country codes
	// ("CH", "GB"), zone IDs ("us-ca", "ca-qc"), tax type IDs
	// ("us_ny_sales"), or "EU" for a non-EU seller registered for the EU
	// One-Stop Shop (OSS/IOSS).
	Registrations []string
	// EUBelowThreshold is the EU seller's declaration that its intra-EU
	// B2C distance sales of goods and digital services stay below the
	// €10,000 EU-wide threshold (Directive 2006/112/EC art. 59c) and that it
	// has not opted in: origin VAT then applies instead of destination VAT.
	EUBelowThreshold bool
}

// Customer is the buyer. A business customer with a VAT number that
// passes format and checksum validation (ParseVATNumber) may get the EU
// reverse charge; verifying it online (Verifier) is the caller's step.
type Customer struct {
	Address   Address
	Business  bool
	VATNumber string
}

// Request is the input of a calculation.
type Request struct {
	// Date is the civil date of the supply in the store's time zone (see
	// DateOf).
	Date     Date
	Store    Store
	Customer Customer
	Policy   Policy
	// Lines are priced order lines (pricing.Quote.Lines). Total is the
	// taxable base after discounts, TaxCategory the product tax class
	// (mapped by ClassRules; empty means standard). All lines must share
	// one currency and have non-negative totals.
	Lines []pricing.Line
}

// OutcomeKind says why tax was or was not charged.
type OutcomeKind uint8

// Outcome kinds.
const (
	Taxed         OutcomeKind = iota + 1 // tax charged at the resolved rates
	ReverseCharge                        // EU B2B: 0 %, the customer accounts for VAT
	Export                               // customer outside the store's tax area: zero-rated
	NotRegistered                        // the store is not registered where tax would be due: no tax charged
)

var outcomeNames = [...]string{"", "taxed", "reverse-charge", "export", "not-registered"}

// String returns "taxed", "reverse-charge", "export" or "not-registered".
func (k OutcomeKind) String() string {
	if int(k) < len(outcomeNames) && k > 0 {
		return outcomeNames[k]
	}
	return "outcome(" + itoa(int(k)) + ")"
}

// Outcome records the rule that decided a line's taxation, with the text
// an invoice must carry (for example the reverse-charge mention).
type Outcome struct {
	Kind   OutcomeKind
	Rule   string // e.g. "eu.b2c-distance-sale", "eu.reverse-charge", "ca.province"
	Reason string
}

// AppliedTax is one tax on one line, with the amount used (its ID, type,
// category and percentage) so that the invoice can be re-rendered after
// rates change. Amount points into the immutable rate data.
type AppliedTax struct {
	Amount *Amount
	Tax    pricing.Money
}

// LineResult is the taxed line: Net + Tax = Gross exactly, Tax is the sum
// of Taxes. Taxes and Outcome point into the Result and stay valid until
// the Result is reused.
type LineResult struct {
	Index           int // index in Request.Lines
	Category        Category
	Supply          Supply
	Net, Tax, Gross pricing.Money
	Taxes           []AppliedTax
	Outcome         *Outcome
}

// RateTotal is one row of the per-rate breakdown: the amount (nil for
// untaxed lines — reverse charge, export — which are grouped by outcome),
// the sum of the nets of its lines and the tax.
type RateTotal struct {
	Amount  *Amount
	Outcome OutcomeKind
	Base    pricing.Money
	Tax     pricing.Money
}

// Result is the output of a calculation. A Result may be reused across
// calls: Calculate overwrites it and reuses its slices' capacity, which
// makes the common path allocation-free.
type Result struct {
	Currency        string
	Lines           []LineResult
	Rates           []RateTotal
	Net, Tax, Gross pricing.Money

	taxes []AppliedTax // backing store of Lines[i].Taxes
	work  []lineWork
	rs    [3]resolution // per supply kind

	unit, zero pricing.Money // one minor unit and zero of unitCur
	unitCur    string
	rateMinor  []rateMinor // breakdown in minor units, parallel to Rates
	cls        []classInfo // classifications of the request's tax classes
	tot        totalsMinor
}

type totalsMinor struct{ net, tax, gross int64 }

// Calculator computes tax for an order. Implementations must be safe for
// concurrent use, honour ctx, leave res in a state where every line obeys
// Net + Tax = Gross, and return typed errors (never a silent 0 %). The
// package's conformance suite is in package taxtest.
type Calculator interface {
	Calculate(ctx context.Context, req *Request, res *Result) error
}

// ClassRule maps a host's product tax class to a category (and a supply
// kind) in one country, or in every country when Country is empty. Rules
// for a specific country win over country-less rules.
type ClassRule struct {
	Class    string
	Country  string
	Category Category
	Supply   Supply
}

// Options configures NewCalculator; nil means the built-in data and no
// class rules.
type Options struct {
	Data    *Data
	Classes []ClassRule
}

// BuiltinCalculator is the package's Calculator: the EU, Canada and
// default resolvers over Data. The zero value uses Builtin data and no
// class rules (classes are then category names: "reduced", …). It is
// immutable and safe for concurrent use.
type BuiltinCalculator struct {
	data    *Data
	classes []ClassRule
}

var _ Calculator = (*BuiltinCalculator)(nil)

// NewCalculator returns a BuiltinCalculator. It checks the class rules.
func NewCalculator(opts *Options) (*BuiltinCalculator, error) {
	c := &BuiltinCalculator{}
	if opts == nil {
		return c, nil
	}
	c.data = opts.Data
	for i, r := range opts.Classes {
		f := "classes[" + strconv.Itoa(i) + "]"
		if r.Class == "" {
			return nil, fieldErr(ErrInvalidInput, f+".class", r.Class, "empty")
		}
		if r.Country != "" && !validCountry(r.Country) {
			return nil, fieldErr(ErrInvalidInput, f+".country", r.Country, "want two upper-case letters or empty")
		}
		if !r.Category.Valid() {
			return nil, fieldErr(ErrUnknownCategory, f+".category", r.Category.String(), "")
		}
		if r.Supply > Service {
			return nil, fieldErr(ErrInvalidInput, f+".supply", r.Supply.String(), "")
		}
	}
	c.classes = append([]ClassRule(nil), opts.Classes...)
	return c, nil
}

// Data returns the rate data c calculates with: Options.Data, or
// [Builtin] for the zero value, a nil c and NewCalculator(nil). The
// amounts of a Result that c produced point into it, so an invoice can
// name each tax: Data().Type(AppliedTax.Amount.Type) gives the type's
// Name, Kind and Note (RateTotal.Amount likewise).
func (c *BuiltinCalculator) Data() *Data { return c.dataOrBuiltin() }

func (c *BuiltinCalculator) dataOrBuiltin() *Data {
	if c == nil || c.data == nil {
		return Builtin()
	}
	return c.data
}

// classify maps a product tax class to a category for country cc.
func (c *BuiltinCalculator) classify(class, cc string) (Category, bool) {
	var generic *ClassRule
	if c != nil {
		for i := range c.classes {
			r := &c.classes[i]
			if r.Class != class {
				continue
			}
			if r.Country == cc {
				return r.Category, true
			}
			if r.Country == "" && generic == nil {
				generic = r
			}
		}
	}
	if generic != nil {
		return generic.Category, true
	}
	if class == "" {
		return Standard, true
	}
	return ParseCategory(class)
}

// supplyOf returns the supply kind of a product tax class.
func (c *BuiltinCalculator) supplyOf(class string) Supply {
	if c != nil {
		for i := range c.classes {
			if c.classes[i].Class == class {
				return c.classes[i].Supply
			}
		}
	}
	return Goods
}
