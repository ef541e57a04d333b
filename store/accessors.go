package store

import (
	"slices"
	"strings"
	"time"
)

// Market returns the market with the given ID.
func (c *Config) Market(id string) (*Market, bool) {
	if c == nil {
		return nil, false
	}
	m, ok := c.Markets[id]
	return m, ok && m != nil
}

// MarketIDs returns the market IDs in sorted order, as a new slice.
func (c *Config) MarketIDs() []string {
	if c == nil {
		return nil
	}
	ids := make([]string, 0, len(c.Markets))
	for id := range c.Markets {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// Root returns the root policy of a market: its group's, or RootSuggest
// for a market without a group.
func (c *Config) Root(id string) RootPolicy {
	m, ok := c.Market(id)
	if !ok {
		return RootSuggest
	}
	return c.Groups[m.Group].Root
}

// Flag returns the value of flag name in market id, resolved market >
// group > declared default. ok is false when the flag is not declared or
// the market does not exist.
func (c *Config) Flag(id, name string) (v FlagValue, ok bool) {
	m, found := c.Market(id)
	if !found {
		return FlagValue{}, false
	}
	def, declared := c.Flags[name]
	if !declared {
		return FlagValue{}, false
	}
	if v, ok := m.Flags[name]; ok {
		return v, true
	}
	if g, ok := c.Groups[m.Group]; ok {
		if v, ok := g.Flags[name]; ok {
			return v, true
		}
	}
	return def.Default, true
}

// Enabled reports whether the bool flag name is true in market id; an
// undeclared or non-bool flag is false.
func (c *Config) Enabled(id, name string) bool {
	v, _ := c.Flag(id, name)
	b, ok := v.Bool()
	return ok && b
}

// FlagsOf returns every declared flag's value in market id, resolved as
// by Flag, in a new map.
func (c *Config) FlagsOf(id string) map[string]FlagValue {
	out := make(map[string]FlagValue, len(c.Flags))
	for name := range c.Flags {
		if v, ok := c.Flag(id, name); ok {
			out[name] = v
		}
	}
	return out
}

// DatabaseOf returns market id's database settings with the defaults of
// Config.Database filled in and the templates expanded: "{market}" is the
// market ID and "{residency}" its residency tag (empty tags expand to
// "default"). ok is false for an unknown market.
func (c *Config) DatabaseOf(id string) (db Database, ok bool) {
	m, found := c.Market(id)
	if !found {
		return Database{}, false
	}
	db.DSN = m.Database.DSN
	if db.DSN == "" {
		db.DSN = c.Database.DSN
	}
	b := m.Database.Backup
	if b == nil {
		b = c.Database.Backup
	}
	db.DSN = expand(db.DSN, m)
	if b != nil {
		cp := *b
		cp.Destination = expand(cp.Destination, m)
		db.Backup = &cp
	}
	return db, true
}

func expand(tmpl string, m *Market) string {
	res := m.Residency
	if res == "" {
		res = "default"
	}
	return strings.NewReplacer("{market}", m.ID, "{residency}", res).Replace(tmpl)
}

// Local reports whether this process serves the market (its Origin is
// empty) rather than forwarding it to an isolated instance.
func (m *Market) Local() bool { return m.Origin == "" }

// PriceList returns the ID of the market's price list: Prices.List, or the
// market ID.
func (m *Market) PriceList() string {
	if m.Prices.List != "" {
		return m.Prices.List
	}
	return m.ID
}

// Location loads the market's time zone. "Local" and "" are errors: a
// market must not depend on the server's zone.
func (m *Market) Location() (*time.Location, error) {
	if m.TimeZone == "" || m.TimeZone == "Local" {
		return nil, &Error{Op: "Location", Field: "time_zone", Value: m.TimeZone, Err: because(ErrInvalid, "want an IANA time zone such as Europe/Berlin")}
	}
	loc, err := time.LoadLocation(m.TimeZone)
	if err != nil {
		return nil, &Error{Op: "Location", Field: "time_zone", Value: m.TimeZone, Err: because(ErrInvalid, "unknown IANA time zone")}
	}
	return loc, nil
}

// Select returns a configuration holding only market id (for an isolated
// per-market instance): the same flags, groups and database defaults, the
// one market, which becomes the default market. The result shares nothing
// with c.
func (c *Config) Select(id string) (*Config, error) {
	if _, ok := c.Market(id); !ok {
		return nil, &Error{Op: "Select", Field: "market", Value: id, Err: ErrUnknownMarket}
	}
	cp := c.Clone()
	if cp == nil {
		return nil, &Error{Op: "Select", Field: "market", Value: id, Err: because(ErrInvalid, "configuration does not marshal")}
	}
	m := cp.Markets[id]
	cp.Markets = map[string]*Market{id: m}
	cp.DefaultMarket = id
	m.Origin = ""
	return cp, nil
}
