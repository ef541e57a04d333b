package store

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/tax"
)

// Config is the market configuration: every market the business sells
// in, the groups they belong to, the feature flags they may set and the
// defaults they inherit. It is what a ConfigSource loads, Decode parses,
// Check verifies and a Cache serves.
//
// A *Config that a Cache or a Fleet hands out is shared by every reader:
// treat it as read-only (copy it with Clone to change it).
//
// The JSON form (markets.schema.json beside this package describes it for
// editors; markets.json is the embedded example):
//
//	{
//	  "version": "2026-12-04.1",
//	  "default_market": "de",
//	  "flags":    {"gift_wrap": {"type": "bool", "default": false}},
//	  "database": {"dsn": "data/{market}.db", "backup": {"schedule": "0 3 * * *", "keep": 14, "destination": "backups/{market}"}},
//	  "groups":   {"eu": {"root": "suggest", "flags": {"gift_wrap": true}}},
//	  "markets":  {"de": {"path": "/de", "countries": ["DE"], "currency": "EUR", …}}
//	}
type Config struct {
	// Schema is the optional "$schema" key editors use to find
	// markets.schema.json; it is ignored.
	Schema string `json:"$schema,omitempty"`
	// Version labels this configuration ("2026-12-04.1"); the Cache's
	// health and the fleet's drift check report it. Optional: Hash
	// identifies a configuration regardless.
	Version string `json:"version,omitempty"`
	// DefaultMarket is the ID of the market "/" serves when nothing
	// better is known. Required when there is more than one market.
	DefaultMarket string `json:"default_market,omitempty"`
	// Flags declares every feature flag: its type and default value. A
	// market or group may set only declared flags, with values of the
	// declared type.
	Flags map[string]FlagDef `json:"flags,omitempty"`
	// Database is the default for every market's Database.
	Database Database `json:"database,omitzero"`
	// Groups are named sets of markets sharing web policy and flags
	// ("eu", "dach"). A market names its group.
	Groups map[string]Group `json:"groups,omitempty"`
	// Markets maps each market's ID to the market. IDs are immutable:
	// carts, orders, cookies and databases are keyed by them, so renaming
	// one is removing a market and adding another. An ID is 1–32
	// characters of lower-case ASCII letters, digits and hyphens,
	// starting with a letter ("de", "us-east", "fr-be").
	Markets map[string]*Market `json:"markets"`
}

// FlagDef declares a feature flag.
type FlagDef struct {
	// Type is "bool", "int" or "string".
	Type FlagType `json:"type,omitzero"`
	// Default is the value for markets that neither they nor their group
	// set. It must have the flag's type.
	Default FlagValue `json:"default,omitzero"`
	// Description says what the flag switches, for people.
	Description string `json:"description,omitempty"`
}

// Group is a set of markets with a common web policy and common flags.
type Group struct {
	// Name is a label for people ("European Union").
	Name string `json:"name,omitempty"`
	// Root is what "/" does for a visitor guessed to belong to one of the
	// group's markets: "suggest" (default), "redirect" or "stay".
	Root RootPolicy `json:"root,omitzero"`
	// Flags overrides flag defaults for the group's markets.
	Flags map[string]FlagValue `json:"flags,omitempty"`
}

// Market is one market: the unit of configuration and of deployment.
type Market struct {
	// ID is the market's key in Config.Markets, filled in by Decode (it is
	// not part of the market's JSON object).
	ID string `json:"-"`
	// Name is a label for people ("Switzerland").
	Name string `json:"name,omitempty"`
	// Group is the ID of the market's group, or empty.
	Group string `json:"group,omitempty"`
	// Path is the URL path prefix: "/" followed by one or more segments
	// of lower-case letters, digits and hyphens ("/de", "/fr-be",
	// "/us/east"); no trailing slash. Prefixes are matched on whole
	// segments, so "/dealer" is not under "/de". Every market has one,
	// even when it also has a Host.
	Path string `json:"path"`
	// Host optionally binds the market to a host name ("shop.example.ch",
	// lower case, no port); a request for that host selects it.
	Host string `json:"host,omitempty"`
	// Countries are the ISO 3166-1 alpha-2 codes the market serves (any
	// case in the file, upper case after Decode). At least one.
	Countries []string `json:"countries"`
	// Subdivisions, when set, restrict the market to these ISO 3166-2
	// subdivisions of its countries ("US-NY", "US-NJ"): US-East and
	// US-West are two markets of one country.
	Subdivisions []string `json:"subdivisions,omitempty"`
	// Currency is the market's one ISO 4217 currency. Every price, cart
	// and order of the market is in it.
	Currency string `json:"currency"`
	// Prices names the market's price list and its fallback.
	Prices Prices `json:"prices"`
	// DefaultLocale is the BCP 47 locale the market is shown in by
	// default ("de-CH"). It must be one of Locales.
	DefaultLocale string `json:"default_locale"`
	// Locales are the supported locales, the default first or anywhere.
	Locales []string `json:"locales"`
	// FallbackLocale is the last resort for missing translations after
	// the CLDR fallback chain ("en"); empty for none.
	FallbackLocale string `json:"fallback_locale,omitempty"`
	// Tax is the market's tax policy.
	Tax TaxPolicy `json:"tax"`
	// Catalog restricts what the catalog offers in the market.
	Catalog CatalogRules `json:"catalog,omitzero"`
	// Flags sets feature flags for this market, over its group's and the
	// defaults.
	Flags map[string]FlagValue `json:"flags,omitempty"`
	// TimeZone is the IANA time zone of the market ("Europe/Zurich"):
	// sale windows, maintenance windows and backup schedules are in it.
	TimeZone string `json:"time_zone"`
	// Maintenance holds the market's maintenance windows and the
	// operator's switch.
	Maintenance Maintenance `json:"maintenance,omitzero"`
	// Residency is the data-residency tag ("eu", "ch", "us"): markets with
	// different tags never share a database or an instance.
	Residency string `json:"residency,omitempty"`
	// Database overrides Config.Database for this market.
	Database Database `json:"database,omitzero"`
	// Origin is empty when this process serves the market, or the
	// absolute http(s) URL of the isolated instance that does
	// ("https://ch.internal.example:8443"); the front process forwards
	// the market's prefix there.
	Origin string `json:"origin,omitempty"`
}

// Prices names a market's price list and how prices missing from it are
// derived from another list.
type Prices struct {
	// List is the ID of the price list in the price data; empty means
	// the market's ID.
	List string `json:"list,omitempty"`
	// Fallback, when set, converts prices from another list for SKUs the
	// market's list does not price.
	Fallback *PriceFallback `json:"fallback,omitempty"`
}

// PriceFallback derives prices from another price list by conversion.
type PriceFallback struct {
	// List is the ID of the list to convert from.
	List string `json:"list"`
	// Rate is how many units of the market's currency one unit of the
	// fallback list's currency is worth ("0.9312"), as of AsOf.
	Rate pricing.Fixed `json:"rate"`
	// AsOf is the date the rate is valid for ("2026-11-25").
	AsOf locale.Date `json:"as_of"`
	// Rounding rounds converted amounts to the currency's digits
	// ("half-up", "half-even", …; omitted: "half-even").
	Rounding pricing.RoundingMode `json:"rounding,omitzero"`
	// Ending is the price-ending rule applied after rounding, e.g.
	// {"bands":[{"step":"1","end":"0.99","round":"up"}]}; omitted: none.
	Ending pricing.EndingRule `json:"ending,omitzero"`
}

// TaxPolicy is a market's tax settings, handed to package tax.
type TaxPolicy struct {
	// PricesIncludeTax: list prices are gross (tax-inclusive), as EU
	// consumers expect; false for US-style net prices.
	PricesIncludeTax bool `json:"prices_include_tax"`
	// Rounding is where tax is rounded: "per-line" (default), "per-unit"
	// or "per-order-per-rate".
	Rounding tax.Rounding `json:"rounding,omitzero"`
	// Mode is how tax and line amounts are rounded ("half-up", …);
	// omitted, it is "half-even" (the zero RoundingMode).
	Mode pricing.RoundingMode `json:"mode,omitzero"`
	// CrossBorder is the policy for tax-inclusive prices when the
	// customer's rate differs from the origin's: "keep-gross" (default),
	// "keep-net" or "keep-gross-always".
	CrossBorder tax.CrossBorder `json:"cross_border,omitzero"`
	// Origin is where the seller is established: the tax origin.
	Origin TaxAddress `json:"origin"`
	// Registrations lists where else the seller collects tax: country
	// codes ("CH"), zone IDs ("us-ca"), tax type IDs ("us_ny_sales") or
	// "EU" (One-Stop Shop). Check reports one that names nothing.
	Registrations []string `json:"registrations,omitempty"`
	// EUDistanceSelling is "destination" (default) or "below-threshold"
	// (the seller declares the €10,000 threshold; origin VAT applies).
	EUDistanceSelling DistanceSelling `json:"eu_distance_selling,omitzero"`
	// Classes map the catalog's product tax classes ("books", "food") to
	// tax categories, per country or for every country. Without a rule,
	// a class is a category name ("reduced") or the standard rate when
	// empty.
	Classes []TaxClass `json:"classes,omitempty"`
}

// TaxAddress is the part of an address that decides taxation.
type TaxAddress struct {
	// Country is the ISO 3166-1 alpha-2 code.
	Country string `json:"country"`
	// Region is the ISO 3166-2 code ("US-NY"), where it matters.
	Region string `json:"region,omitempty"`
	// PostalCode matters for special territories (Heligoland, Canary
	// Islands, …).
	PostalCode string `json:"postal_code,omitempty"`
}

// TaxClass maps a product tax class to a tax category in one country (or
// in every country when Country is empty).
type TaxClass struct {
	Class    string       `json:"class"`
	Country  string       `json:"country,omitempty"`
	Category tax.Category `json:"category,omitzero"`
	// Supply is "goods" (default), "digital" or "service".
	Supply tax.Supply `json:"supply,omitzero"`
}

// CatalogRules restrict the products a market offers, on top of each
// product's own availability rules.
type CatalogRules struct {
	// Categories, when set, limits the market to these category IDs and
	// their descendants.
	Categories []string `json:"categories,omitempty"`
	// ExcludeCategories removes these categories and their descendants.
	ExcludeCategories []string `json:"exclude_categories,omitempty"`
	// ExcludeProducts removes these product IDs.
	ExcludeProducts []string `json:"exclude_products,omitempty"`
}

// Maintenance holds a market's maintenance windows, in its time zone.
type Maintenance struct {
	// Windows are the recurring windows.
	Windows []Window `json:"windows,omitempty"`
	// Now is the operator's switch: the market is in maintenance now,
	// whatever the windows say.
	Now bool `json:"now,omitempty"`
	// Message is shown to visitors during maintenance (optional).
	Message string `json:"message,omitempty"`
}

// Window is a recurring maintenance window: on each of Days, from From to
// Until, wall-clock times in the market's time zone. Until at or before
// From crosses midnight (Saturday 23:00 to 01:00 ends on Sunday). Until
// may be "24:00".
type Window struct {
	Days  []Weekday `json:"days"`
	From  Clock     `json:"from"`
	Until Clock     `json:"until"`
}

// Database says where a market's orders live and how they are backed up.
type Database struct {
	// DSN is a data source name template: "{market}" is replaced by the
	// market ID and "{residency}" by its residency tag
	// ("data/{market}.db", "postgres://db-{residency}/{market}").
	DSN string `json:"dsn,omitempty"`
	// Backup is the backup policy; nil inherits Config.Database.Backup.
	Backup *BackupPolicy `json:"backup,omitempty"`
}

// BackupPolicy is when and where a market's database is backed up.
type BackupPolicy struct {
	// Schedule is a five-field cron expression in the market's time zone
	// ("0 3 * * *": 03:00 daily).
	Schedule string `json:"schedule"`
	// Keep is how many backups to retain (at least 1).
	Keep int `json:"keep"`
	// Destination is a directory or URL template ("{market}",
	// "{residency}" as in DSN).
	Destination string `json:"destination"`
}

// Clock is a wall-clock time of day in minutes since midnight, written
// "HH:MM" ("02:30"); "24:00" (1440) is allowed as the end of a day.
type Clock uint16

// ParseClock parses "HH:MM", 00:00 … 24:00.
func ParseClock(s string) (Clock, error) {
	bad := &Error{Op: "ParseClock", Field: "time", Value: s, Err: because(ErrInvalid, `want "HH:MM"`)}
	if len(s) != 5 || s[2] != ':' {
		return 0, bad
	}
	for _, i := range []int{0, 1, 3, 4} {
		if s[i] < '0' || s[i] > '9' {
			return 0, bad
		}
	}
	h := int(s[0]-'0')*10 + int(s[1]-'0')
	m := int(s[3]-'0')*10 + int(s[4]-'0')
	if h > 24 || m > 59 || (h == 24 && m != 0) {
		return 0, bad
	}
	return Clock(h*60 + m), nil
}

// String returns "HH:MM".
func (c Clock) String() string {
	b, _ := c.AppendText(nil)
	return string(b)
}

// AppendText implements encoding.TextAppender; a value above 24:00 is an
// error.
func (c Clock) AppendText(b []byte) ([]byte, error) {
	if c > 1440 {
		return b, &Error{Op: "MarshalText", Field: "time", Value: strconv.Itoa(int(c)), Err: ErrInvalid}
	}
	h, m := int(c)/60, int(c)%60
	return append(b, byte('0'+h/10), byte('0'+h%10), ':', byte('0'+m/10), byte('0'+m%10)), nil
}

// MarshalText implements encoding.TextMarshaler.
func (c Clock) MarshalText() ([]byte, error) { return c.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler with ParseClock.
func (c *Clock) UnmarshalText(b []byte) error {
	v, err := ParseClock(string(b))
	if err == nil {
		*c = v
	}
	return err
}

// FlagValue is the value of a feature flag: a bool, an int64 or a string,
// written as the JSON value itself (true, 50, "blue"). The zero FlagValue
// is unset.
type FlagValue struct {
	typ FlagType
	b   bool
	n   int64
	s   string
}

// BoolFlag returns a bool flag value.
func BoolFlag(v bool) FlagValue { return FlagValue{typ: FlagBool, b: v} }

// IntFlag returns an int flag value.
func IntFlag(v int64) FlagValue { return FlagValue{typ: FlagInt, n: v} }

// StringFlag returns a string flag value.
func StringFlag(v string) FlagValue { return FlagValue{typ: FlagString, s: v} }

// Type returns the value's type, or 0 for the zero FlagValue.
func (v FlagValue) Type() FlagType { return v.typ }

// Bool returns the value and whether it is a bool.
func (v FlagValue) Bool() (bool, bool) { return v.b, v.typ == FlagBool }

// Int returns the value and whether it is an int.
func (v FlagValue) Int() (int64, bool) { return v.n, v.typ == FlagInt }

// Str returns the value and whether it is a string.
func (v FlagValue) Str() (string, bool) { return v.s, v.typ == FlagString }

// IsZero reports whether v is unset.
func (v FlagValue) IsZero() bool { return v.typ == 0 }

// String returns the JSON form of the value ("true", "50", `"blue"`), or
// "unset".
func (v FlagValue) String() string {
	if v.typ == 0 {
		return "unset"
	}
	b, _ := v.MarshalJSON()
	return string(b)
}

// MarshalJSON writes the value as a JSON bool, number or string; the
// unset value is null.
func (v FlagValue) MarshalJSON() ([]byte, error) {
	switch v.typ {
	case FlagBool:
		return strconv.AppendBool(nil, v.b), nil
	case FlagInt:
		return strconv.AppendInt(nil, v.n, 10), nil
	case FlagString:
		return json.Marshal(v.s)
	}
	return []byte("null"), nil
}

// UnmarshalJSON reads a JSON bool, integer (int64, no fraction or
// exponent) or string. null, arrays, objects and other numbers are
// errors.
func (v *FlagValue) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	bad := func(why string) error {
		return &Error{Op: "UnmarshalJSON", Field: "flag", Value: string(b), Err: because(ErrType, why)}
	}
	if len(b) == 0 {
		return bad("empty")
	}
	switch b[0] {
	case 't', 'f':
		var x bool
		if err := json.Unmarshal(b, &x); err != nil {
			return bad("want a bool, an integer or a string")
		}
		*v = BoolFlag(x)
	case '"':
		var x string
		if err := json.Unmarshal(b, &x); err != nil {
			return bad("invalid string")
		}
		*v = StringFlag(x)
	default:
		n, err := strconv.ParseInt(string(b), 10, 64)
		if err != nil {
			return bad("want a bool, an integer (int64) or a string")
		}
		*v = IntFlag(n)
	}
	return nil
}
