package main

import (
	"fmt"
	"strconv"
	"strings"
)

func init() { register("dates", "date_tables.go", genDates) }

// dateRecord is the Gregorian date data of one locale. The name fields are
// indices into the interned name lists.
type dateRecord struct {
	Patterns                          [4]string // short, medium, long, full
	MonthsWide, MonthsAbbr            int
	DaysWide, DaysAbbr, DaysStandWide int
	Eras                              int
}

// genDates writes the Gregorian date tables of the formatter (CLDR
// ca-gregorian.json): the short, medium, long and full date patterns, the
// format-context month names (wide, abbreviated), the weekday names
// (format wide and abbreviated, stand-alone wide) and the abbreviated era
// names, for every modern locale whose data differs from its CLDR parent
// chain's. Name lists are interned and stored as "|"-separated strings.
func genDates(d *data) ([]byte, error) {
	locales, err := formatLocales(d)
	if err != nil {
		return nil, err
	}
	parent, err := d.parentFunc()
	if err != nil {
		return nil, err
	}
	var lists []string
	listIndex := map[string]int{}
	internList := func(names []string) (int, error) {
		for _, n := range names {
			if n == "" || strings.Contains(n, "|") {
				return 0, fmt.Errorf("name %q is empty or holds '|'", n)
			}
		}
		s := strings.Join(names, "|")
		if i, ok := listIndex[s]; ok {
			return i, nil
		}
		listIndex[s] = len(lists)
		lists = append(lists, s)
		return len(lists) - 1, nil
	}
	days := []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}
	recs := map[string]dateRecord{}
	for _, id := range locales {
		type names map[string]string
		g, err := readLocale[struct {
			Months struct {
				Format struct{ Wide, Abbreviated names }
			}
			Days struct {
				Format     struct{ Wide, Abbreviated names }
				StandAlone struct{ Wide names } `json:"stand-alone"`
			}
			Eras struct {
				EraAbbr names `json:"eraAbbr"`
			}
			DateFormats map[string]string `json:"dateFormats"`
		}](d, "cldr-dates-full", id, "ca-gregorian.json", "dates", "calendars", "gregorian")
		if err != nil {
			return nil, err
		}
		var r dateRecord
		for i, s := range []string{"short", "medium", "long", "full"} {
			p := g.DateFormats[s]
			if p == "" {
				return nil, fmt.Errorf("%s: no %s date pattern", id, s)
			}
			r.Patterns[i] = p
		}
		months := func(m names) []string {
			out := make([]string, 12)
			for i := range out {
				out[i] = m[strconv.Itoa(i+1)]
			}
			return out
		}
		weekdays := func(m names) []string {
			out := make([]string, 7)
			for i, k := range days {
				out[i] = m[k]
			}
			return out
		}
		for _, x := range []struct {
			dst   *int
			names []string
		}{
			{&r.MonthsWide, months(g.Months.Format.Wide)},
			{&r.MonthsAbbr, months(g.Months.Format.Abbreviated)},
			{&r.DaysWide, weekdays(g.Days.Format.Wide)},
			{&r.DaysAbbr, weekdays(g.Days.Format.Abbreviated)},
			{&r.DaysStandWide, weekdays(g.Days.StandAlone.Wide)},
			{&r.Eras, []string{g.Eras.EraAbbr["0"], g.Eras.EraAbbr["1"]}},
		} {
			if *x.dst, err = internList(x.names); err != nil {
				return nil, fmt.Errorf("%s: %v", id, err)
			}
		}
		recs[id] = r
	}

	isModern := setOf(locales)
	var records interner[dateRecord]
	intern := records.intern
	intern(recs["en"])
	resolved := func(id string) int {
		for ; id != ""; id = parent(id) {
			if isModern[id] {
				return intern(recs[id])
			}
		}
		return -1
	}
	var locs buf
	nloc := 0
	for _, id := range locales {
		rec := intern(recs[id])
		if rec == resolved(parent(id)) {
			continue
		}
		locs.p("{%q, %d},\n", id, rec)
		nloc++
	}
	if len(lists) > 65535 || len(records.list) > 65535 {
		return nil, fmt.Errorf("date tables too large for uint16 indices")
	}

	var b buf
	b.p("package locale\n\n")
	b.p("// dateNameLists holds the interned month, weekday and era name lists,\n")
	b.p("// '|'-separated: months January to December, weekdays Sunday to Saturday,\n")
	b.p("// eras BC then AD.\n")
	b.p("var dateNameLists = [...]string{\n")
	for _, l := range lists {
		b.p("%q,\n", l)
	}
	b.p("}\n\n")
	b.p("// dateRecords holds the distinct Gregorian date data; record 0 is English.\n")
	b.p("var dateRecords = [...]dateData{\n")
	for _, r := range records.list {
		b.p("{[4]string{%q, %q, %q, %q}, %d, %d, %d, %d, %d, %d},\n",
			r.Patterns[0], r.Patterns[1], r.Patterns[2], r.Patterns[3],
			r.MonthsWide, r.MonthsAbbr, r.DaysWide, r.DaysAbbr, r.DaysStandWide, r.Eras)
	}
	b.p("}\n\n")
	b.p("// dateLocales lists, sorted by CLDR locale ID, the %d modern locales whose\n", nloc)
	b.p("// date record differs from their CLDR parent chain's.\n")
	b.p("var dateLocales = [...]dateLocale{\n%s}\n", locs.String())
	return b.Bytes(), nil
}
