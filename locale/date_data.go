package locale

// dateData is the Gregorian date data of one locale, as generated into
// dateRecords from CLDR ca-gregorian.json. The name fields index
// dateNameLists.
type dateData struct {
	patterns                          [4]string // short, medium, long, full
	monthsWide, monthsAbbr            uint16
	daysWide, daysAbbr, daysStandWide uint16
	eras                              uint16
}

// dateLocale is an entry of dateLocales: a locale whose date record
// differs from its parent chain's.
type dateLocale struct {
	id  string
	rec uint16
}
