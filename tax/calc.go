package tax

import (
	"context"
	"strconv"

	"github.com/marketkit/marketkit/internal/enum"
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
	// A line where that would give a negative tax or net, or a net above
	// an inclusive price (the discount's rounded tax above the units' tax,
	// e.g. 0.01 units), is rounded per line instead.
	PerUnit
	// PerOrderPerRate sums the unrounded bases per rate, rounds the tax of
	// each rate once for the order and allocates it to the lines: each
	// line gets the floor or the ceiling of its exact tax, the ceilings
	// going to the largest remainders (JP qualified invoices require one
	// rounding per rate).
	PerOrderPerRate
)

var roundingNames = enum.New("Rounding", PerLine, "per-line", "per-unit", "per-order-per-rate")

// String returns "per-line", "per-unit" or "per-order-per-rate", or
// "Rounding(N)".
func (r Rounding) String() string { return roundingNames.String(r) }

// IsValid reports whether r is one of the defined strategies.
func (r Rounding) IsValid() bool { return roundingNames.IsValid(r) }

// ParseRounding parses a name as returned by String; anything else is an
// [*Error] wrapping ErrInvalidInput that lists the names.
func ParseRounding(s string) (Rounding, error) {
	return parseEnum(roundingNames, "ParseRounding", "rounding", s, ErrInvalidInput)
}

// AppendText implements encoding.TextAppender; an undefined value is an
// error.
func (r Rounding) AppendText(b []byte) ([]byte, error) {
	return appendEnum(roundingNames, b, r, "rounding", ErrInvalidInput)
}

// MarshalText implements encoding.TextMarshaler; an undefined value is an
// error.
func (r Rounding) MarshalText() ([]byte, error) { return r.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler with ParseRounding; on
// error r is unchanged.
func (r *Rounding) UnmarshalText(b []byte) error {
	return unmarshalEnum(roundingNames, "rounding", b, r, ErrInvalidInput)
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

var crossBorderNames = enum.New("CrossBorder", KeepGross, "keep-gross", "keep-net", "keep-gross-always")

// String returns "keep-gross", "keep-net" or "keep-gross-always", or
// "CrossBorder(N)".
func (c CrossBorder) String() string { return crossBorderNames.String(c) }

// IsValid reports whether c is one of the defined policies.
func (c CrossBorder) IsValid() bool { return crossBorderNames.IsValid(c) }

// ParseCrossBorder parses a name as returned by String; anything else is
// an [*Error] wrapping ErrInvalidInput that lists the names.
func ParseCrossBorder(s string) (CrossBorder, error) {
	return parseEnum(crossBorderNames, "ParseCrossBorder", "cross_border", s, ErrInvalidInput)
}

// AppendText implements encoding.TextAppender; an undefined value is an
// error.
func (c CrossBorder) AppendText(b []byte) ([]byte, error) {
	return appendEnum(crossBorderNames, b, c, "cross_border", ErrInvalidInput)
}

// MarshalText implements encoding.TextMarshaler; an undefined value is an
// error.
func (c CrossBorder) MarshalText() ([]byte, error) { return c.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler with
// ParseCrossBorder; on error c is unchanged.
func (c *CrossBorder) UnmarshalText(b []byte) error {
	return unmarshalEnum(crossBorderNames, "cross_border", b, c, ErrInvalidInput)
}

// Policy is a market's tax policy.
type Policy struct {
	// PricesIncludeTax: the line totals are gross (tax-inclusive) prices
	// entered at the store's origin rates.
	PricesIncludeTax bool
	// Rounding is where tax is rounded; Mode how. The zero Mode is
	// half-even (ties to even, the library's one zero value for rounding
	// modes); an undefined mode is an error.
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
// passes format and checksum validation (vat.Validate) may get the EU
// reverse charge; verifying it online (vat.Verifier) is the caller's step.
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
	// taxable base after discounts, TaxClass the product tax class
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

var outcomeNames = enum.New("OutcomeKind", Taxed, "taxed", "reverse-charge", "export", "not-registered")

// String returns "taxed", "reverse-charge", "export" or "not-registered",
// or "OutcomeKind(N)".
func (k OutcomeKind) String() string { return outcomeNames.String(k) }

// IsValid reports whether k is one of the defined kinds.
func (k OutcomeKind) IsValid() bool { return outcomeNames.IsValid(k) }

// ParseOutcomeKind parses a name as returned by String; anything else is
// an [*Error] wrapping ErrInvalidInput that lists the names.
func ParseOutcomeKind(s string) (OutcomeKind, error) {
	return parseEnum(outcomeNames, "ParseOutcomeKind", "outcome", s, ErrInvalidInput)
}

// AppendText implements encoding.TextAppender; an undefined value is an
// error.
func (k OutcomeKind) AppendText(b []byte) ([]byte, error) {
	return appendEnum(outcomeNames, b, k, "outcome", ErrInvalidInput)
}

// MarshalText implements encoding.TextMarshaler; an undefined value is an
// error.
func (k OutcomeKind) MarshalText() ([]byte, error) { return k.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler with
// ParseOutcomeKind; on error k is unchanged.
func (k *OutcomeKind) UnmarshalText(b []byte) error {
	return unmarshalEnum(outcomeNames, "outcome", b, k, ErrInvalidInput)
}

// Rule identifies the rule of the resolution chain that decided a line's
// taxation. Its values are stable: invoices store them, so a Rule is never
// renamed, only added. The text form is the value itself.
type Rule string

// The rules of the built-in resolution chain (see the package
// documentation, Resolution).
const (
	RuleEUDomestic             Rule = "eu.domestic"                // same member state: the customer's zone's VAT
	RuleEUReverseCharge        Rule = "eu.reverse-charge"          // B2B with another member state's VAT number (or XI goods)
	RuleEUB2BSellerState       Rule = "eu.b2b-seller-state-number" // business with a number of the seller's member state
	RuleEUDestination          Rule = "eu.destination"             // B2C distance sale at the destination rate
	RuleEUOriginBelowThreshold Rule = "eu.origin-below-threshold"  // B2C distance sale below the €10,000 threshold
	RuleEUServiceOrigin        Rule = "eu.service-origin"          // B2C other services: the supplier's place
	RuleEUExport               Rule = "eu.export"                  // customer outside the EU VAT area
	RuleEUXINumberService      Rule = "eu.xi-number-service"       // services to an XI-numbered business: outside EU VAT
	RuleEUNonEUSellerB2B       Rule = "eu.non-eu-seller-b2b"       // non-EU seller, EU business: reverse charge
	RuleEUNonEUSellerService   Rule = "eu.non-eu-seller-service"   // non-EU seller, B2C other services: no EU VAT
	RuleEUNonEUSellerOSS       Rule = "eu.non-eu-seller-oss"       // non-EU seller registered for the OSS
	RuleCAProvince             Rule = "ca.province"                // Canada: the customer's province decides
	RuleCAExport               Rule = "ca.export"                  // export from Canada
	RuleDefaultZone            Rule = "default.zone"               // the customer's zone where the store is registered
	RuleDefaultNotRegistered   Rule = "default.not-registered"     // no zone where the store is registered
)

// Outcome records the rule that decided a line's taxation, with the text
// an invoice must carry (for example the reverse-charge mention).
type Outcome struct {
	Kind   OutcomeKind `json:"kind"`
	Rule   Rule        `json:"rule"`
	Reason string      `json:"reason"`
}

// AppliedTax is one tax on one line, with the rate used (its ID, type,
// category and percentage) so that the invoice can be re-rendered after
// rates change. Rate points into the immutable rate data.
type AppliedTax struct {
	Rate *Rate         `json:"rate"`
	Tax  pricing.Money `json:"tax"`
}

// LineResult is the taxed line: Net + Tax = Gross exactly, Tax is the sum
// of Taxes. Taxes and Outcome point into the Result and stay valid until
// the Result is reused. Category is the zero Category (omitted in JSON)
// for a line whose class has no category in the country of an untaxed
// outcome.
type LineResult struct {
	Index    int           `json:"index"` // index in Request.Lines
	Category Category      `json:"category,omitempty"`
	Supply   Supply        `json:"supply"`
	Net      pricing.Money `json:"net"`
	Tax      pricing.Money `json:"tax"`
	Gross    pricing.Money `json:"gross"`
	Taxes    []AppliedTax  `json:"taxes"`
	Outcome  *Outcome      `json:"outcome"`
}

// RateTotal is one row of the per-rate breakdown: the rate (nil for
// untaxed lines — reverse charge, export — which are grouped by outcome),
// the sum of the nets of its lines and the tax.
type RateTotal struct {
	Rate    *Rate         `json:"rate,omitempty"`
	Outcome OutcomeKind   `json:"outcome"`
	Base    pricing.Money `json:"base"`
	Tax     pricing.Money `json:"tax"`
}

// Result is the output of a calculation. A Result may be reused across
// calls: Calculate overwrites it and reuses its slices' capacity, which
// makes the common path allocation-free. A Result and every type in it
// round-trip through encoding/json (the unexported scratch space is not
// written), so an invoice can store it and reload it.
type Result struct {
	Currency string        `json:"currency"`
	Lines    []LineResult  `json:"lines"`
	Rates    []RateTotal   `json:"rates"`
	Net      pricing.Money `json:"net"`
	Tax      pricing.Money `json:"tax"`
	Gross    pricing.Money `json:"gross"`

	taxes []AppliedTax // backing store of Lines[i].Taxes
	work  []lineWork
	rs    [3]resolution // per supply kind

	unit, zero pricing.Money // one minor unit and zero of unitCur
	unitCur    string
	rateMinor  []rateMinor // breakdown in minor units, parallel to Rates
	cls        []classInfo // classifications of the request's tax classes
	order      []int32     // PerOrderPerRate: line order by remainder
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
// for a specific country win over country-less rules, both for the
// category (in the country whose tax applies) and for the supply kind (in
// the customer's country, then country-less, then the store's country).
type ClassRule struct {
	Class    string
	Country  string // ISO 3166-1 alpha-2 in any case ("fr" is FR), or empty for every country
	Category Category
	Supply   Supply
}

// CalculatorOptions configures NewCalculator; nil means the built-in data
// and no class rules.
type CalculatorOptions struct {
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

// NewCalculator returns a BuiltinCalculator. It checks the class rules:
// an empty class, a country that is not an ISO 3166-1 code (any case; no
// spaces), an undefined category or supply is an [*Error] naming
// classes[i] and the field.
func NewCalculator(opts *CalculatorOptions) (*BuiltinCalculator, error) {
	c := &BuiltinCalculator{}
	if opts == nil {
		return c, nil
	}
	c.data = opts.Data
	c.classes = make([]ClassRule, len(opts.Classes))
	for i, r := range opts.Classes {
		f := "classes[" + strconv.Itoa(i) + "]"
		if r.Class == "" {
			return nil, &Error{Op: "NewCalculator", Field: f + ".class", Err: ErrInvalidInput, Reason: "empty"}
		}
		if r.Country != "" {
			cc, err := normCountry(r.Country)
			if err != nil {
				return nil, &Error{Op: "NewCalculator", Field: f + ".country", Value: r.Country, Err: ErrUnknownCountry,
					Reason: "want an ISO 3166-1 alpha-2 code or empty"}
			}
			r.Country = cc
		}
		if !r.Category.IsValid() {
			return nil, &Error{Op: "NewCalculator", Field: f + ".category", Value: r.Category.String(), Err: ErrUnknownCategory}
		}
		if !r.Supply.IsValid() {
			return nil, &Error{Op: "NewCalculator", Field: f + ".supply", Value: r.Supply.String(), Err: ErrInvalidInput}
		}
		c.classes[i] = r
	}
	return c, nil
}

// Data returns the rate data c calculates with: CalculatorOptions.Data,
// or [Builtin] for the zero value, a nil c and NewCalculator(nil). The
// rates of a Result that c produced point into it, so an invoice can
// name each tax: Data().Type(AppliedTax.Rate.Type) gives the type's
// Name, Kind and Note (RateTotal.Rate likewise).
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
	cat, ok := categoryNames.Parse(class)
	return cat, ok
}

// supplyOf returns the supply kind of a product tax class for a customer
// in country cust and a store in country origin: the rule of the
// customer's country, else the country-less rule, else the rule of the
// store's country, else Goods. A rule for a third country never applies.
func (c *BuiltinCalculator) supplyOf(class, cust, origin string) Supply {
	var generic, own *ClassRule
	if c != nil {
		for i := range c.classes {
			r := &c.classes[i]
			if r.Class != class {
				continue
			}
			switch r.Country {
			case cust:
				return r.Supply
			case "":
				if generic == nil {
					generic = r
				}
			case origin:
				if own == nil {
					own = r
				}
			}
		}
	}
	switch {
	case generic != nil:
		return generic.Supply
	case own != nil:
		return own.Supply
	}
	return Goods
}
