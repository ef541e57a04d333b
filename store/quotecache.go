package store

import (
	"sync/atomic"

	"github.com/marketkit/marketkit/address"
	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/tax"
)

// addrCacheSize is the number of normalized delivery addresses a Store
// remembers (direct-mapped: a new address replaces the one in its slot).
const addrCacheSize = 64

// addrEntry is one remembered address with its tax location. It is never
// modified once published.
type addrEntry struct {
	in  address.Address
	out tax.Address
}

// addrCache remembers the tax location of recently quoted addresses:
// address.Address.TaxLocation normalizes and validates every field and
// is a pure function of the address, and a customer's cart is quoted
// again and again (cart page, checkout, every change) for the same
// address. Only successful conversions are kept; a hit requires the whole
// address to be equal, field by field. Safe for concurrent use.
type addrCache struct {
	slots [addrCacheSize]atomic.Pointer[addrEntry]
}

func (c *addrCache) slot(a *address.Address) *atomic.Pointer[addrEntry] {
	// FNV-1a over the fields that tell addresses apart best; equality
	// is checked on the whole address.
	h := uint32(2166136261)
	for _, s := range [...]string{a.CountryCode, a.PostalCode, a.Line1} {
		for i := 0; i < len(s); i++ {
			h = (h ^ uint32(s[i])) * 16777619
		}
		h = (h ^ 0xff) * 16777619
	}
	return &c.slots[h%addrCacheSize]
}

// taxLocation returns a.TaxLocation() as a tax.Address, from the cache
// when a equals a remembered address.
func (c *addrCache) taxLocation(a address.Address) (tax.Address, error) {
	p := c.slot(&a)
	if e := p.Load(); e != nil && e.in == a {
		return e.out, nil
	}
	cc, region, postal, err := a.TaxLocation()
	if err != nil {
		return tax.Address{}, err
	}
	out := tax.Address{Country: cc, Region: region, PostalCode: postal}
	p.Store(&addrEntry{in: a, out: out})
	return out, nil
}

// moneyTextSlots and percentTextSlots are the numbers of texts of
// amounts and of tax percentages a Store remembers (direct-mapped).
const (
	moneyTextSlots   = 1024
	percentTextSlots = 16
)

// moneyText is an amount and its text written by the Store's default
// formatter. It is never modified once published.
type moneyText struct {
	m    pricing.Money
	text string
}

// percentText is a percentage and its text (pricing.Percent.String).
// It is never modified once published.
type percentText struct {
	p    pricing.Percent
	text string
}

// textCache remembers the texts of recently shown amounts and tax
// percentages: a unit price is the same in every cart that holds it, and
// a cart page shows the same totals each time it is drawn, so each text is
// written once rather than on every showing. Slots are chosen by the
// amount in minor units and a hit requires the identical Money
// (coefficient, scale and currency) or Percent, so the text is always
// that of the value asked. Each Store has its own cache, written only with
// its own default formatter. Safe for concurrent use.
type textCache struct {
	money   [moneyTextSlots]atomic.Pointer[moneyText]
	percent [percentTextSlots]atomic.Pointer[percentText]
}

// moneySlot returns the slot of m, or nil for an amount that is not an
// int64 of minor units (never cached).
func (c *textCache) moneySlot(m pricing.Money) *atomic.Pointer[moneyText] {
	minor, ok := m.Minor()
	if !ok {
		return nil
	}
	h := uint64(minor) * 0x9e3779b97f4a7c15 // Fibonacci hashing: the top bits are well mixed
	return &c.money[h>>(64-moneyTextBits)]
}

// moneyTextBits is log2(moneyTextSlots).
const moneyTextBits = 10

// percentString returns p.String(), remembered.
func (c *textCache) percentString(p pricing.Percent) string {
	f, _ := p.Fraction().Coefficient()
	slot := &c.percent[uint64(f)*0x9e3779b97f4a7c15>>(64-percentTextBits)]
	if e := slot.Load(); e != nil && e.p == p {
		return e.text
	}
	t := p.String()
	slot.Store(&percentText{p: p, text: t})
	return t
}

// percentTextBits is log2(percentTextSlots).
const percentTextBits = 4
