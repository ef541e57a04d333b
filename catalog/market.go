package catalog

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/locale"
)

// Market is the view of a market that catalog needs: which countries it
// serves, its feature flags, time zone, locales and currency. Package
// store builds it from its market configuration; catalog does not depend on
// store.
type Market struct {
	// ID is the market's identifier ("de", "ch", "us-east").
	ID string
	// Countries are the ISO 3166-1 alpha-2 codes the market serves, in any
	// ASCII case (normalized to upper case).
	Countries []string
	// Subdivisions restrict a country to some of its ISO 3166-2
	// subdivisions ("US-NY"): a country with at least one subdivision listed
	// is served only there. Each must belong to one of Countries.
	Subdivisions []string
	// Flags are the market's feature flags (identifiers), which
	// Availability.RequireFlags and ForbidFlags test.
	Flags []string
	// TimeZone is the zone sale windows are read in; nil means UTC.
	TimeZone *time.Location
	// DefaultLocale is the market's main locale; it must be set.
	DefaultLocale language.Tag
	// Locales are the supported locales; the default is added when
	// missing.
	Locales []language.Tag
	// Currency is the ISO 4217 code of the market's prices.
	Currency string
}

// market is a checked, normalized Market with its derived facts.
type market struct {
	Market
	regions []string // the served regions: a country code, or a subdivision code
	flags   map[string]bool
}

// compileMarket checks m and returns its normalized form. Errors are
// *Error values for Op.
func compileMarket(op string, m Market) (*market, error) {
	fail := func(field, value string, err error) error {
		return &Error{Op: op, Kind: "market", ID: m.ID, Field: field, Value: value, Err: err}
	}
	if err := checkID(m.ID); err != nil {
		return nil, fail("id", m.ID, err)
	}
	cm := &market{flags: map[string]bool{}}
	cm.ID = m.ID
	if len(m.Countries) == 0 {
		return nil, fail("countries", "", because(ErrMissing, "a market serves at least one country"))
	}
	for i, c := range m.Countries {
		cc, err := normCountry(c)
		if err != nil {
			return nil, fail("countries["+strconv.Itoa(i)+"]", c, err)
		}
		if slices.Contains(cm.Countries, cc) {
			return nil, fail("countries["+strconv.Itoa(i)+"]", c, because(ErrDuplicate, "country listed twice"))
		}
		cm.Countries = append(cm.Countries, cc)
	}
	for i, s := range m.Subdivisions {
		sc, err := normRegion(s)
		if err != nil || !strings.Contains(sc, "-") {
			if err == nil {
				err = because(ErrInvalid, "want an ISO 3166-2 subdivision code such as US-NY")
			}
			return nil, fail("subdivisions["+strconv.Itoa(i)+"]", s, err)
		}
		if !slices.Contains(cm.Countries, sc[:2]) {
			return nil, fail("subdivisions["+strconv.Itoa(i)+"]", s, because(ErrInvalid, "its country is not among the market's countries"))
		}
		if slices.Contains(cm.Subdivisions, sc) {
			return nil, fail("subdivisions["+strconv.Itoa(i)+"]", s, because(ErrDuplicate, "subdivision listed twice"))
		}
		cm.Subdivisions = append(cm.Subdivisions, sc)
	}
	for _, c := range cm.Countries {
		n := len(cm.regions)
		for _, s := range cm.Subdivisions {
			if s[:2] == c {
				cm.regions = append(cm.regions, s)
			}
		}
		if len(cm.regions) == n {
			cm.regions = append(cm.regions, c)
		}
	}
	for i, f := range m.Flags {
		if err := checkID(f); err != nil {
			return nil, fail("flags["+strconv.Itoa(i)+"]", f, err)
		}
		cm.flags[f] = true
		cm.Flags = append(cm.Flags, f)
	}
	cm.TimeZone = m.TimeZone
	if cm.TimeZone == nil {
		cm.TimeZone = time.UTC
	}
	if m.DefaultLocale == language.Und {
		return nil, fail("default_locale", "", because(ErrMissing, "a market needs a default locale"))
	}
	cm.DefaultLocale = m.DefaultLocale
	cm.Locales = []language.Tag{m.DefaultLocale}
	for _, t := range m.Locales {
		if t == language.Und {
			return nil, fail("locales", "und", because(ErrInvalid, "the undetermined locale cannot be supported"))
		}
		if !slices.Contains(cm.Locales, t) {
			cm.Locales = append(cm.Locales, t)
		}
	}
	cur, ok := locale.CurrencyInfo(m.Currency)
	if !ok || m.Currency != strings.TrimSpace(m.Currency) {
		return nil, fail("currency", m.Currency, because(locale.ErrUnknownCurrency, "not an ISO 4217 currency"))
	}
	cm.Currency = cur.Code
	return cm, nil
}

// Validate checks m: a valid ID, known countries, subdivisions of those
// countries, identifier flags, a default locale and a known currency.
// Unknown currencies wrap locale.ErrUnknownCurrency.
func (m Market) Validate() error {
	_, err := compileMarket("Market.Validate", m)
	return err
}

// normCountry checks an ISO 3166-1 alpha-2 code in any ASCII case and
// returns it in upper case.
func normCountry(c string) (string, error) {
	if len(c) != 2 {
		return "", because(errUnknownCountry, "want an ISO 3166-1 alpha-2 country code")
	}
	info, ok := locale.CountryInfo(c)
	if !ok {
		return "", because(errUnknownCountry, "not an ISO 3166-1 country")
	}
	return info.Code, nil
}

// normRegion checks a country code ("NO") or an ISO 3166-2 subdivision
// code ("US-NY": the country, a hyphen, 1 to 3 ASCII letters or digits) and
// returns it in upper case.
func normRegion(s string) (string, error) {
	country, sub, hasSub := strings.Cut(s, "-")
	cc, err := normCountry(country)
	if err != nil {
		return "", err
	}
	if !hasSub {
		return cc, nil
	}
	if len(sub) < 1 || len(sub) > 3 {
		return "", because(ErrInvalid, "want an ISO 3166-2 subdivision code such as US-NY")
	}
	b := []byte(cc + "-" + sub)
	for i := 3; i < len(b); i++ {
		c := b[i]
		switch {
		case c >= 'a' && c <= 'z':
			b[i] = c - 'a' + 'A'
		case c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		default:
			return "", because(ErrInvalid, "want an ISO 3166-2 subdivision code such as US-NY")
		}
	}
	return string(b), nil
}
