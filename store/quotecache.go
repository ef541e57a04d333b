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

// unitCacheSize is the number of formatted unit prices a Store remembers.
const unitCacheSize = 1024

// unitEntry is a unit price and its text in the market's default locale.
// It is never modified once published.
type unitEntry struct {
	m    pricing.Money
	text string
}

// unitCache remembers the formatted unit prices of recently quoted SKUs:
// a SKU's price is the same in every cart that holds it, so its text is
// formatted once rather than in every quote. Slots are chosen by SKU and a
// hit requires the identical Money (coefficient, scale and currency), so
// the text is always that of the amount asked. Safe for concurrent use.
type unitCache struct {
	slots [unitCacheSize]atomic.Pointer[unitEntry]
}

func (c *unitCache) slot(sku string) *atomic.Pointer[unitEntry] {
	h := uint32(2166136261)
	for i := 0; i < len(sku); i++ {
		h = (h ^ uint32(sku[i])) * 16777619
	}
	return &c.slots[h%unitCacheSize]
}
