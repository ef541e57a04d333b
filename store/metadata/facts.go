package metadata

import (
	"slices"
	"strconv"
	"strings"

	"github.com/nyaruka/phonenumbers"
	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/address"
	"github.com/marketkit/marketkit/address/phone"
	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/store"
)

// SchemaVersion is the version of the documents' schema
// (metadata.schema.json), written into every document as
// "schema_version". It changes only when a field is removed, renamed or
// changes meaning; adding a field keeps it, so clients must ignore fields
// they do not know.
const SchemaVersion = 1

// Facts is the document served at /v1/markets/{id}/{locale}: everything a
// client needs to show market id in one of its locales (numbers, money,
// dates, addresses, phone numbers, tax display, feature flags) without
// CLDR or address data of its own.
type Facts struct {
	SchemaVersion int `json:"schema_version"`
	// ConfigVersion and ConfigHash identify the configuration the facts
	// were computed from (store.Config.Version and Hash).
	ConfigVersion string `json:"config_version"`
	ConfigHash    string `json:"config_hash"`
	// Locale is the locale of the document, as the market lists it.
	Locale string     `json:"locale"`
	Market MarketInfo `json:"market"`
	// Currency is the market's currency with its display facts in Locale.
	Currency CurrencyInfo `json:"currency"`
	Number   NumberInfo   `json:"number"`
	// CurrencyFormats are the market currency's formats by style
	// ("standard", "accounting") and then by display ("symbol",
	// "narrow_symbol", "code", "none").
	CurrencyFormats map[string]map[string]Format `json:"currency_formats"`
	Dates           DateInfo                     `json:"dates"`
	// Countries are the market's countries, in the configuration's order,
	// each with its address form and phone facts in Locale.
	Countries []CountryInfo `json:"countries"`
	Tax       TaxInfo       `json:"tax"`
	// Flags are the market's feature flags, resolved market > group >
	// declared default.
	Flags map[string]any `json:"flags"`
}

// MarketInfo identifies the market.
type MarketInfo struct {
	ID            string   `json:"id"`
	Name          string   `json:"name,omitempty"`
	Path          string   `json:"path"`
	DefaultLocale string   `json:"default_locale"`
	Locales       []string `json:"locales"`
	TimeZone      string   `json:"time_zone"`
	// Subdivisions are the ISO 3166-2 codes the market is restricted to,
	// empty for whole countries.
	Subdivisions []string `json:"subdivisions,omitempty"`
}

// CurrencyInfo is the market's currency.
type CurrencyInfo struct {
	Code    string `json:"code"`
	Numeric int    `json:"numeric"`
	// Digits are the ISO 4217 minor-unit digits.
	Digits int `json:"digits"`
	// CashDigits and CashIncrement are the cash rounding: amounts paid in
	// cash are rounded to a multiple of CashIncrement (a decimal string,
	// "0.05" for CHF) before they are shown.
	CashDigits    int    `json:"cash_digits"`
	CashIncrement string `json:"cash_increment"`
	Symbol        string `json:"symbol"`
	NarrowSymbol  string `json:"narrow_symbol"`
}

// NumberInfo is the locale's numbering system and number formats.
type NumberInfo struct {
	// Digits are the numbering system's digits 0 to 9.
	Digits []string `json:"digits"`
	// Rounding is the rounding mode of every format ("half-even").
	Rounding    string `json:"rounding"`
	Grouping    bool   `json:"grouping"`
	Plus        string `json:"plus"`
	Minus       string `json:"minus"`
	PercentSign string `json:"percent_sign"`
	// Decimal formats plain numbers; Percent percentages (of the value
	// times 100).
	Decimal Format `json:"decimal"`
	Percent Format `json:"percent"`
}

// Format is a resolved number pattern; see locale.NumberFormat for the
// algorithm that writes a number with it.
type Format struct {
	// Pattern is the same format as a UTS #35 (ICU DecimalFormat,
	// NSNumberFormatter) pattern "positive;negative" whose affixes are
	// quoted literals with every symbol already in them: "#,##0.00' €'"
	// or "'CHF-'#,##0.00". Use it with Decimal, Group, MinGroupingDigits
	// and number.digits; the fields below say the same thing.
	Pattern           string  `json:"pattern"`
	Positive          Affixes `json:"positive"`
	Negative          Affixes `json:"negative"`
	MinIntegerDigits  int     `json:"min_integer_digits"`
	MinFractionDigits int     `json:"min_fraction_digits"`
	MaxFractionDigits int     `json:"max_fraction_digits"`
	PrimaryGroup      int     `json:"primary_group"`
	SecondaryGroup    int     `json:"secondary_group"`
	MinGroupingDigits int     `json:"min_grouping_digits"`
	Decimal           string  `json:"decimal"`
	Group             string  `json:"group"`
}

// Affixes are the text before and after the digits.
type Affixes struct {
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
}

// DateInfo is the locale's Gregorian date data; see locale.DateFacts for
// how the patterns read the names.
type DateInfo struct {
	// Patterns by style: "short", "medium", "long", "full".
	Patterns               map[string]string `json:"patterns"`
	MonthsWide             []string          `json:"months_wide"`
	MonthsAbbreviated      []string          `json:"months_abbreviated"`
	WeekdaysWide           []string          `json:"weekdays_wide"`
	WeekdaysAbbreviated    []string          `json:"weekdays_abbreviated"`
	WeekdaysStandaloneWide []string          `json:"weekdays_standalone_wide"`
	Eras                   []string          `json:"eras"`
}

// CountryInfo is one of the market's countries.
type CountryInfo struct {
	Code      string `json:"code"`
	Name      string `json:"name"`
	LocalName string `json:"local_name"`
	// FirstDayOfWeek is "sunday" … "saturday".
	FirstDayOfWeek string `json:"first_day_of_week"`
	// MeasurementSystem is "metric", "us-customary" or "imperial".
	MeasurementSystem string      `json:"measurement_system"`
	Address           AddressInfo `json:"address"`
	Phone             PhoneInfo   `json:"phone"`
}

// AddressInfo is a country's address form in the document's locale.
type AddressInfo struct {
	// Language is the language of the labels.
	Language string `json:"language"`
	Latin    bool   `json:"latin"`
	// Rows are the inputs in the country's order, one row per line.
	Rows [][]AddressField `json:"rows"`
	// RequiredFields lists the fields that must not be blank, in form
	// order.
	RequiredFields     []string `json:"required_fields"`
	PostalCodePattern  string   `json:"postal_code_pattern"`
	PostalCodeExamples []string `json:"postal_code_examples"`
	// Subdivisions are the choices for the administrative area (only the
	// market's when it is restricted to some); empty for free text.
	Subdivisions []Subdivision `json:"subdivisions"`
}

// AddressField is one input of an address form.
type AddressField struct {
	// Field is the address field: "name", "organization",
	// "address-lines", "locality", "dependent-locality",
	// "administrative-area", "postal-code", "sorting-code".
	Field    string `json:"field"`
	Label    string `json:"label"`
	Required bool   `json:"required"`
}

// Subdivision is a choice of the administrative-area input.
type Subdivision struct {
	Key     string `json:"key"`
	Name    string `json:"name"`
	ISOCode string `json:"iso_code,omitempty"`
}

// PhoneInfo is a country's phone numbering.
type PhoneInfo struct {
	CallingCode int `json:"calling_code"`
	// Example is a valid mobile number (fixed-line where the data has no
	// mobile example), in three forms; absent where the data has none.
	Example *PhoneExample `json:"example,omitempty"`
}

// PhoneExample is an example number.
type PhoneExample struct {
	E164          string `json:"e164"`
	International string `json:"international"`
	National      string `json:"national"`
}

// TaxInfo is how prices are shown.
type TaxInfo struct {
	// PricesIncludeTax: list prices are gross (tax-inclusive).
	PricesIncludeTax bool `json:"prices_include_tax"`
}

// displays and styles name the variants of CurrencyFormats.
var (
	styleNames   = [...]string{locale.StyleStandard: "standard", locale.StyleAccounting: "accounting"}
	displayNames = [...]string{locale.DisplaySymbol: "symbol", locale.DisplayNarrowSymbol: "narrow_symbol", locale.DisplayCode: "code", locale.DisplayNone: "none"}
	dateStyles   = [...]string{locale.DateShort: "short", locale.DateMedium: "medium", locale.DateLong: "long", locale.DateFull: "full"}
)

// BuildFacts computes the facts of market id in locale loc (one of the
// market's locales, as written there) from a configuration that passed
// store.Check. It returns an *Error wrapping ErrNotFound for an unknown
// market or a locale the market does not list.
func BuildFacts(cfg *store.Config, id, loc string) (*Facts, error) {
	return buildFacts(cfg, cfg.Hash(), id, loc)
}

// buildFacts is BuildFacts with the configuration's hash computed once.
func buildFacts(cfg *store.Config, hash, id, loc string) (*Facts, error) {
	const op = "BuildFacts"
	m, ok := cfg.Market(id)
	if !ok {
		return nil, &Error{Op: op, Field: "market", Value: id, Err: ErrNotFound}
	}
	if !slices.Contains(m.Locales, loc) {
		return nil, &Error{Op: op, Field: "markets." + id + ".locales", Value: loc, Err: ErrNotFound}
	}
	tag, err := locale.Parse(loc)
	if err != nil {
		return nil, &Error{Op: op, Field: "markets." + id + ".locales", Value: loc, Err: err}
	}
	cur, ok := locale.CurrencyInfo(m.Currency)
	if !ok {
		return nil, &Error{Op: op, Field: "markets." + id + ".currency", Value: m.Currency, Err: locale.ErrUnknownCurrency}
	}
	f := &Facts{
		SchemaVersion: SchemaVersion,
		ConfigVersion: cfg.Version,
		ConfigHash:    hash,
		Locale:        loc,
		Market: MarketInfo{ID: id, Name: m.Name, Path: m.Path, DefaultLocale: m.DefaultLocale,
			Locales: slices.Clone(m.Locales), TimeZone: m.TimeZone, Subdivisions: slices.Clone(m.Subdivisions)},
		CurrencyFormats: map[string]map[string]Format{},
		Tax:             TaxInfo{PricesIncludeTax: m.Tax.PricesIncludeTax},
		Flags:           map[string]any{},
	}
	for style, sn := range styleNames {
		byDisplay := map[string]Format{}
		for display, dn := range displayNames {
			fm, err := locale.NewFormatter(tag, &locale.FormatOptions{Style: locale.Style(style), Display: locale.Display(display)})
			if err != nil {
				return nil, &Error{Op: op, Field: "markets." + id + ".locales", Value: loc, Err: err}
			}
			nf, ok := fm.CurrencyFormat(cur.Code)
			if !ok {
				return nil, &Error{Op: op, Field: "markets." + id + ".currency", Value: cur.Code, Err: locale.ErrUnknownCurrency}
			}
			byDisplay[dn] = format(nf)
			if style == 0 && display == 0 {
				f.fillLocale(fm, cur)
			}
		}
		f.CurrencyFormats[sn] = byDisplay
	}
	for name, v := range cfg.FlagsOf(id) {
		if b, ok := v.Bool(); ok {
			f.Flags[name] = b
		} else if n, ok := v.Int(); ok {
			f.Flags[name] = n
		} else if s, ok := v.Str(); ok {
			f.Flags[name] = s
		}
	}
	for i, cc := range m.Countries {
		c, ok := country(cc, tag, m)
		if !ok {
			return nil, &Error{Op: op, Field: "markets." + id + ".countries[" + strconv.Itoa(i) + "]", Value: cc, Err: locale.ErrUnknownCountry}
		}
		f.Countries = append(f.Countries, c)
	}
	return f, nil
}

// fillLocale fills the locale-wide facts from a standard, symbol
// Formatter.
func (f *Facts) fillLocale(fm *locale.Formatter, cur locale.Currency) {
	sym, narrow, _ := fm.CurrencySymbols(cur.Code)
	f.Currency = CurrencyInfo{Code: cur.Code, Numeric: cur.Numeric, Digits: cur.Digits,
		CashDigits: cur.CashDigits, CashIncrement: cashIncrement(cur), Symbol: sym, NarrowSymbol: narrow}
	nf := fm.NumberFacts()
	f.Number = NumberInfo{Digits: nf.Digits[:], Rounding: nf.Rounding.String(), Grouping: nf.Grouping,
		Plus: nf.Plus, Minus: nf.Minus, PercentSign: nf.PercentSign,
		Decimal: format(nf.Decimal), Percent: format(nf.Percent)}
	df := fm.DateFacts()
	f.Dates = DateInfo{Patterns: map[string]string{},
		MonthsWide: df.MonthsWide[:], MonthsAbbreviated: df.MonthsAbbreviated[:],
		WeekdaysWide: df.WeekdaysWide[:], WeekdaysAbbreviated: df.WeekdaysAbbreviated[:],
		WeekdaysStandaloneWide: df.WeekdaysStandaloneWide[:], Eras: df.Eras[:]}
	for s, name := range dateStyles {
		f.Dates.Patterns[name] = df.Patterns[s]
	}
}

// cashIncrement writes CashIncrement × 10^-CashDigits as a decimal
// string: "0.05", "1", "0.50".
func cashIncrement(c locale.Currency) string {
	s := strconv.Itoa(max(c.CashIncrement, 1))
	if c.CashDigits == 0 {
		return s
	}
	if len(s) <= c.CashDigits {
		s = strings.Repeat("0", c.CashDigits-len(s)+1) + s
	}
	return s[:len(s)-c.CashDigits] + "." + s[len(s)-c.CashDigits:]
}

func format(nf locale.NumberFormat) Format {
	return Format{
		Pattern:           pattern(nf),
		Positive:          Affixes(nf.Positive),
		Negative:          Affixes(nf.Negative),
		MinIntegerDigits:  nf.MinIntegerDigits,
		MinFractionDigits: nf.MinFractionDigits,
		MaxFractionDigits: nf.MaxFractionDigits,
		PrimaryGroup:      nf.PrimaryGroup,
		SecondaryGroup:    nf.SecondaryGroup,
		MinGroupingDigits: nf.MinGroupingDigits,
		Decimal:           nf.Decimal,
		Group:             nf.Group,
	}
}

var weekdays = [...]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// country returns the facts of country cc for a user of tag in market m;
// false for a code that is not a country.
func country(cc string, tag language.Tag, m *store.Market) (CountryInfo, bool) {
	ci, ok := locale.CountryInfo(cc)
	if !ok {
		return CountryInfo{}, false
	}
	out := CountryInfo{Code: ci.Code, Name: ci.Name, LocalName: ci.LocalName,
		FirstDayOfWeek: weekdays[ci.FirstDayOfWeek], MeasurementSystem: ci.Measurement.String()}
	form, err := address.Form(cc, tag)
	if err != nil {
		return CountryInfo{}, false
	}
	a := AddressInfo{Language: form.Language, Latin: form.Latin, Rows: [][]AddressField{},
		RequiredFields: []string{}, PostalCodePattern: form.PostalCodePattern,
		PostalCodeExamples: append([]string{}, form.PostalCodeExamples...), Subdivisions: []Subdivision{}}
	for _, row := range form.Rows {
		r := make([]AddressField, 0, len(row))
		for _, fld := range row {
			r = append(r, AddressField{Field: fld.Field.String(), Label: fld.Label, Required: fld.Required})
			if fld.Required {
				a.RequiredFields = append(a.RequiredFields, fld.Field.String())
			}
		}
		a.Rows = append(a.Rows, r)
	}
	restricted := false
	for _, s := range m.Subdivisions {
		restricted = restricted || strings.HasPrefix(s, cc+"-")
	}
	for _, s := range form.Subdivisions {
		if restricted && !slices.Contains(m.Subdivisions, s.ISOCode) {
			continue
		}
		a.Subdivisions = append(a.Subdivisions, Subdivision{Key: s.Key, Name: s.Name, ISOCode: s.ISOCode})
	}
	out.Address = a
	out.Phone = PhoneInfo{CallingCode: ci.CallingCode, Example: phoneExample(cc)}
	return out, true
}

// phoneExample returns libphonenumber's example mobile number of cc
// (fixed-line when there is none), formatted by package phone.
func phoneExample(cc string) *PhoneExample {
	ex := phonenumbers.GetExampleNumberForType(cc, phonenumbers.MOBILE)
	if ex == nil {
		ex = phonenumbers.GetExampleNumber(cc)
	}
	if ex == nil {
		return nil
	}
	n, err := phone.ParseValid(phonenumbers.Format(ex, phonenumbers.E164), cc)
	if err != nil {
		return nil
	}
	return &PhoneExample{E164: n.E164(), International: n.International(), National: n.National()}
}

// pattern writes nf as a UTS #35 number pattern with quoted affixes.
func pattern(nf locale.NumberFormat) string {
	var num strings.Builder
	minInt := max(nf.MinIntegerDigits, 1)
	if p := nf.PrimaryGroup; p > 0 {
		num.WriteString("#,")
		if s := nf.SecondaryGroup; s != p && s > 0 {
			num.WriteString(strings.Repeat("#", s) + ",")
		}
		num.WriteString(strings.Repeat("#", max(p-minInt, 0)))
		num.WriteString(strings.Repeat("0", min(minInt, p)))
		if minInt > p { // not in CLDR: more zeros than the group
			return ""
		}
	} else {
		num.WriteString(strings.Repeat("0", minInt))
	}
	if nf.MaxFractionDigits > 0 {
		num.WriteString("." + strings.Repeat("0", nf.MinFractionDigits) + strings.Repeat("#", nf.MaxFractionDigits-nf.MinFractionDigits))
	}
	quote := func(s string) string {
		if s == "" {
			return ""
		}
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	n := num.String()
	return quote(nf.Positive.Prefix) + n + quote(nf.Positive.Suffix) + ";" + quote(nf.Negative.Prefix) + n + quote(nf.Negative.Suffix)
}
