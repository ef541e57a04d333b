package store

import (
	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/tax"
)

// NewTaxCalculator returns the built-in tax calculator for market m over
// data (nil: tax.Builtin()), with the market's class rules.
func NewTaxCalculator(m *Market, data *tax.Data) (*tax.BuiltinCalculator, error) {
	if data == nil {
		data = tax.Builtin()
	}
	rules := make([]tax.ClassRule, 0, len(m.Tax.Classes))
	for _, c := range m.Tax.Classes {
		rules = append(rules, tax.ClassRule{Class: c.Class, Country: c.Country, Category: c.Category, Supply: c.Supply})
	}
	calc, err := tax.NewCalculator(&tax.CalculatorOptions{Data: data, Classes: rules})
	if err != nil {
		return nil, &Error{Op: "NewTaxCalculator", Field: "markets." + m.ID + ".tax.classes", Err: err}
	}
	return calc, nil
}

// TaxStore returns the seller as package tax sees it for market m: the
// origin, the registrations and the EU distance-selling choice.
func (m *Market) TaxStore() tax.Store {
	return tax.Store{
		Origin:           tax.Address{Country: m.Tax.Origin.Country, Region: m.Tax.Origin.Region, PostalCode: m.Tax.Origin.PostalCode},
		Registrations:    append([]string(nil), m.Tax.Registrations...),
		EUBelowThreshold: m.Tax.EUDistanceSelling == DistanceBelowThreshold,
	}
}

// TaxPolicy returns the market's policy as package tax sees it.
func (m *Market) TaxPolicy() tax.Policy {
	return tax.Policy{
		PricesIncludeTax: m.Tax.PricesIncludeTax,
		Rounding:         m.Tax.Rounding,
		Mode:             m.Tax.Mode,
		CrossBorder:      m.Tax.CrossBorder,
	}
}

// taxRequest assembles a tax request for market m.
func taxRequest(m *Market, d tax.Date, to tax.Address, c Customer, lines []pricing.Line) *tax.Request {
	return &tax.Request{
		Date:     d,
		Store:    m.TaxStore(),
		Customer: tax.Customer{Address: to, Business: c.VATNumber != "", VATNumber: c.VATNumber},
		Policy:   m.TaxPolicy(),
		Lines:    lines,
	}
}
