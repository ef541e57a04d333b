package locale

import (
	"strings"
	"sync"
	"time"

	"golang.org/x/text/language"
)

// MeasurementSystem is the system of units a country uses day to day
// (CLDR measurementData).
type MeasurementSystem uint8

// The measurement systems of CLDR.
const (
	// Metric is the International System of Units.
	Metric MeasurementSystem = iota
	// USCustomary is the United States customary system (US, LR).
	USCustomary
	// Imperial is the British mix of metric and imperial units (GB, MM).
	Imperial
)

// Country holds the facts about one country (an ISO 3166-1 alpha-2 code in
// CLDR) that a shop selling there needs. It is a plain value; the list
// accessors [Country.Languages] and [Country.TimeZones] return fresh
// slices that belong to the caller.
//
// The zero Country is not a country: its Code is empty.
type Country struct {
	// Code is the ISO 3166-1 alpha-2 code in upper case, e.g. "DE". XK
	// (Kosovo, user-assigned in ISO 3166-1) is included as CLDR does.
	Code string
	// Name is the English name (CLDR en), e.g. "Germany".
	Name string
	// LocalName is the name in the country's default locale, e.g.
	// "Deutschland", "Schweiz" for CH (de-CH); the English name when CLDR
	// has no name in that locale's fallback chain.
	LocalName string
	// DefaultLocale is the country's most likely locale (CLDR likelySubtags
	// und-XX, or en-XX where CLDR has no entry), with the script dropped
	// where it is the language's likely one: de-CH, nl-BE, en-CA, hi-IN,
	// zh-Hant-TW. Where CLDR has no locale data for that language (sm-WS,
	// bi-VU), it is the first official language with data, with the
	// region (en-WS, en-VU), so every default locale resolves through
	// [Chain] to CLDR data.
	DefaultLocale language.Tag
	// Currency is the ISO 4217 code of the current legal tender (CLDR
	// currencyData: the first currency without an end date whose tender
	// is not false; historic currencies are excluded), e.g. "CHF". It is
	// empty for a country without a currency of its own in CLDR (AQ).
	Currency string
	// FirstDayOfWeek is the first day of the week on calendars (CLDR
	// weekData): Monday in DE, Sunday in US, Saturday in EG.
	FirstDayOfWeek time.Weekday
	// Measurement is the measurement system (CLDR measurementData).
	Measurement MeasurementSystem
	// CallingCode is the international calling code without "+", e.g. 49
	// for DE, 1 for CA (libphonenumber metadata); 0 where there is none
	// (AQ, BV, HM, …).
	CallingCode int
}

// CountryInfo returns the facts about the country with the given ISO
// 3166-1 alpha-2 code. Lower-case input is accepted and normalized;
// unknown codes, groupings (EU, UN, 419) and private-use codes (ZZ) return
// false. It does not allocate; the first call of the process parses the
// 250 default locales once (well under a millisecond), so importing the
// package costs nothing.
func CountryInfo(code string) (Country, bool) {
	i, ok := countryIndex(code)
	if !ok {
		return Country{}, false
	}
	c := Country{
		Code:           countryCodes[i*2 : i*2+2],
		Name:           countryEnglishData[countryEnglishIndex[i]:countryEnglishIndex[i+1]],
		LocalName:      countryLocalData[countryLocalIndex[i]:countryLocalIndex[i+1]],
		DefaultLocale:  countryTags()[i],
		FirstDayOfWeek: time.Weekday(countryWeek[i] & 7),
		Measurement:    MeasurementSystem(countryWeek[i] >> 3 & 3),
		CallingCode:    int(countryCalling[i]),
	}
	if cur := countryCurrencies[i*3 : i*3+3]; cur != "XXX" {
		c.Currency = cur
	}
	return c, true
}

// Languages returns the official languages of the country as BCP 47 tags,
// the most spoken first: the languages CLDR territoryInfo marks "official"
// or "de_facto_official" (en in the US). Regional official languages (rm
// in CH, the nine regional languages of ZA) are not included. The slice
// is freshly allocated; it is empty for the zero Country and for
// territories without official languages (AQ).
func (c Country) Languages() []language.Tag {
	i, ok := countryIndex(c.Code)
	if !ok {
		return nil
	}
	s := countryLanguagesData[countryLanguagesIndex[i]:countryLanguagesIndex[i+1]]
	if s == "" {
		return nil
	}
	out := make([]language.Tag, 0, strings.Count(s, " ")+1)
	for f := range strings.FieldsSeq(s) {
		out = append(out, language.Make(f))
	}
	return out
}

// TimeZones returns the IANA time zone IDs used in the country, from the
// territory mappings of CLDR windowsZones, under their current IANA names
// (Asia/Kolkata, America/Argentina/Buenos_Aires, Europe/Kyiv; CLDR's own
// IDs are sometimes older aliases, which the cldr-bcp47 data maps). The
// zone most people live in comes first: CLDR's primary zone where it
// names one (Europe/Berlin for DE, Asia/Shanghai for CN), else the zone of
// the capital for countries with several zones (America/New_York for US,
// America/Toronto for CA, Europe/Moscow for RU); the others follow,
// sorted. Every ID loads with time.LoadLocation, also from time/tzdata.
// The slice is freshly allocated; it is empty where CLDR maps no zone
// (BV, HM, XK).
func (c Country) TimeZones() []string {
	i, ok := countryIndex(c.Code)
	if !ok {
		return nil
	}
	s := countryZonesData[countryZonesIndex[i]:countryZonesIndex[i+1]]
	if s == "" {
		return nil
	}
	return strings.Fields(s)
}

// Countries returns the ISO 3166-1 alpha-2 codes of every country
// [CountryInfo] knows, sorted. The slice is freshly allocated and belongs
// to the caller.
func Countries() []string {
	out := make([]string, numCountries)
	for i := range out {
		out[i] = countryCodes[i*2 : i*2+2]
	}
	return out
}

// countryTags parses the default locales once, on first use, so that
// CountryInfo costs no parsing and importing the package costs nothing.
var countryTags = sync.OnceValue(func() *[numCountries]language.Tag {
	var t [numCountries]language.Tag
	for i := range t {
		t[i] = language.Make(countryLocaleData[countryLocaleIndex[i]:countryLocaleIndex[i+1]])
	}
	return &t
})

// countryIndex returns the position of code in the country table, by a
// direct lookup in countrySlots, folding ASCII lower case to upper.
func countryIndex(code string) (int, bool) {
	if len(code) != 2 {
		return 0, false
	}
	a, b := code[0]&^0x20, code[1]&^0x20 // ASCII letters to upper case
	if a < 'A' || a > 'Z' || b < 'A' || b > 'Z' {
		return 0, false
	}
	i := int(countrySlots[int(a-'A')*26+int(b-'A')])
	return i - 1, i != 0
}
