package store

import (
	"encoding/json"
	"errors"
	"io"
	"sync"

	"github.com/marketkit/marketkit/pricing"
)

// PriceData holds the price lists a configuration's markets name, by
// list ID: what "marketkit check --prices FILE" reads and what a Fleet
// builds each market's pricing.PriceList from. Several markets may share
// one list (de and at both use "eur").
//
// The JSON form:
//
//	{"lists": {"eur": {"currency": "EUR", "entries": [
//	  {"sku": "MUG-BLUE", "price": {"amount": "19.99", "currency": "EUR"},
//	   "compare_at": {"amount": "24.99", "currency": "EUR"}}]}}}
//
// Entries are pricing.PriceEntry values (tiers, customer groups and sale
// windows included).
type PriceData struct {
	Lists map[string]PriceListData `json:"lists"`
}

// PriceListData is one price list: its currency and its entries.
type PriceListData struct {
	Currency string               `json:"currency"`
	Entries  []pricing.PriceEntry `json:"entries"`
}

// DecodePrices parses price data as strictly as Decode parses a
// configuration: unknown or duplicate keys and wrong types are errors
// with their JSON path, all reported at once. The document is limited to
// MaxPriceDataSize bytes.
func DecodePrices(data []byte) (*PriceData, error) {
	if len(data) > MaxPriceDataSize {
		return nil, &Error{Op: "DecodePrices", Field: "size", Err: ErrTooLarge}
	}
	var d PriceData
	if err := decodeStrict("DecodePrices", data, &d); err != nil {
		return nil, err
	}
	return &d, nil
}

// DecodePriceList parses one price list ({"currency": "EUR", "entries":
// […]}, the form of FSLoader's prices/<list>.json files) as strictly as
// DecodePrices.
func DecodePriceList(data []byte) (PriceListData, error) {
	if len(data) > MaxPriceDataSize {
		return PriceListData{}, &Error{Op: "DecodePriceList", Field: "size", Err: ErrTooLarge}
	}
	var ld PriceListData
	if err := decodeStrict("DecodePriceList", data, &ld); err != nil {
		return PriceListData{}, err
	}
	return ld, nil
}

// MaxPriceDataSize is the largest price data document DecodePrices
// accepts (128 MiB: about a million entries).
const MaxPriceDataSize = 128 << 20

// DecodePricesReader reads at most MaxPriceDataSize bytes from r and
// decodes them.
func DecodePricesReader(r io.Reader) (*PriceData, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxPriceDataSize+1))
	if err != nil {
		return nil, &Error{Op: "DecodePrices", Field: "reader", Err: err}
	}
	return DecodePrices(data)
}

// PriceList builds market id's price list: the list its Prices.List names,
// in the market's time zone, with the fallback list converted at the
// configured rate, rounding and price ending. Every problem is reported
// (the list is missing, its currency is not the market's, an entry is
// invalid, the fallback is unusable).
func (d *PriceData) PriceList(c *Config, id string) (*pricing.PriceList, error) {
	return d.priceList(c, id, nil)
}

// listMemo shares built price lists between the markets of one Check
// (safe for concurrent use). Two markets racing for one key may both
// build it; the first stored wins.
type listMemo struct {
	mu sync.Mutex
	m  map[string]*pricing.PriceList
}

func newListMemo() *listMemo { return &listMemo{m: map[string]*pricing.PriceList{}} }

func (l *listMemo) get(key string) (*pricing.PriceList, bool) {
	if l == nil {
		return nil, false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	pl, ok := l.m[key]
	return pl, ok
}

func (l *listMemo) put(key string, pl *pricing.PriceList) *pricing.PriceList {
	if l == nil {
		return pl
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if old, ok := l.m[key]; ok {
		return old
	}
	l.m[key] = pl
	return pl
}

// build builds a list from its data in a time zone, memoized by the list
// ID and, for lists with windows, the zone.
func (l *listMemo) build(market, id string, ld PriceListData, tz string) (*pricing.PriceList, error) {
	key := "list\x00" + id + "\x00" + ld.Currency
	if ld.windowed() {
		key += "\x00" + tz
	}
	if pl, ok := l.get(key); ok {
		return pl, nil
	}
	pl, err := pricing.NewPriceList(pricing.PriceListConfig{Market: market, Currency: ld.Currency, TimeZone: tz, Entries: ld.Entries})
	if err != nil {
		return nil, err
	}
	return l.put(key, pl), nil
}

// windowed reports whether a list has entries with validity windows (whose
// meaning depends on the time zone).
func (ld PriceListData) windowed() bool {
	for _, e := range ld.Entries {
		if e.From != "" || e.Until != "" {
			return true
		}
	}
	return false
}

// priceList is PriceList with a memo shared by the markets of one Check:
// markets naming the same list (and fallback) share one build when the
// lists have no windows or the markets share a time zone. The memo is
// keyed by what the build depends on; the list's Market() is the first
// market's.
func (d *PriceData) priceList(c *Config, id string, memo *listMemo) (*pricing.PriceList, error) {
	if m, ok := c.Market(id); ok && memo != nil && d != nil {
		if ld, ok := d.Lists[m.PriceList()]; ok && ld.Currency == m.Currency {
			tz := m.TimeZone
			fbKey := ""
			windowed := ld.windowed()
			if fb := m.Prices.Fallback; fb != nil {
				b, _ := json.Marshal(fb)
				fbKey = string(b)
				if fd, ok := d.Lists[fb.List]; ok && fd.windowed() {
					windowed = true
				}
			}
			if !windowed {
				tz = "*"
			}
			key := m.PriceList() + "\x00" + tz + "\x00" + fbKey
			if pl, ok := memo.get(key); ok {
				return pl, nil
			}
			pl, err := d.buildList(c, id, memo)
			if err != nil {
				return nil, err
			}
			return memo.put(key, pl), nil
		}
	}
	return d.buildList(c, id, memo)
}

// buildList builds market id's list; the fallback list comes from memo
// when given.
func (d *PriceData) buildList(c *Config, id string, memo *listMemo) (*pricing.PriceList, error) {
	const op = "PriceList"
	m, ok := c.Market(id)
	if !ok {
		return nil, &Error{Op: op, Field: "market", Value: id, Err: ErrUnknownMarket}
	}
	base := "markets." + id + ".prices"
	if d == nil {
		return nil, &Error{Op: op, Field: base + ".list", Value: m.PriceList(), Err: because(ErrInvalid, "no price data")}
	}
	ld, ok := d.Lists[m.PriceList()]
	if !ok {
		return nil, &Error{Op: op, Field: base + ".list", Value: m.PriceList(), Err: because(ErrInvalid, "no such price list in the price data")}
	}
	var errs []error
	if ld.Currency != m.Currency {
		errs = append(errs, &Error{Op: op, Field: base + ".list", Value: m.PriceList(),
			Err: because(ErrInvalid, "the list is in "+ld.Currency+", the market in "+m.Currency)})
	}
	cfg := pricing.PriceListConfig{Market: id, Currency: ld.Currency, TimeZone: m.TimeZone, Entries: ld.Entries}
	if fb := m.Prices.Fallback; fb != nil {
		fd, ok := d.Lists[fb.List]
		switch {
		case !ok:
			errs = append(errs, &Error{Op: op, Field: base + ".fallback.list", Value: fb.List, Err: because(ErrInvalid, "no such price list in the price data")})
		default:
			fl, err := memo.build(id, fb.List, fd, m.TimeZone)
			if err != nil {
				errs = append(errs, &Error{Op: op, Field: base + ".fallback.list", Value: fb.List, Err: err})
				break
			}
			rates, err := pricing.NewRateTable(fb.AsOf, []pricing.ExchangeRate{{From: fd.Currency, To: m.Currency, Rate: fb.Rate}})
			if err != nil {
				errs = append(errs, &Error{Op: op, Field: base + ".fallback", Value: fb.AsOf.String(), Err: err})
				break
			}
			cfg.Fallback = &pricing.Fallback{List: fl, Rates: rates, Rounding: fb.Rounding, Ending: fb.Ending}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	var pl *pricing.PriceList
	var err error
	if cfg.Fallback == nil {
		pl, err = memo.build(id, m.PriceList(), ld, m.TimeZone) // shared with markets using it as their fallback
	} else {
		pl, err = pricing.NewPriceList(cfg)
	}
	if err != nil {
		return nil, &Error{Op: op, Field: base + ".list", Value: m.PriceList(), Err: err}
	}
	return pl, nil
}
