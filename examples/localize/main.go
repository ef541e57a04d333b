// Command localize prints, for several markets, what changes when a shop
// sells there: the country's names, default locale, currency, one product
// price, a date, the first day of the week, the measurement system, the
// calling code and the time zones. Everything comes from package locale.
//
//	go run ./examples/localize            # the default markets
//	go run ./examples/localize DE JP EG   # markets of your choice
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	_ "time/tzdata" // time zones without depending on the host's zoneinfo

	"github.com/shopspring/decimal"

	"github.com/marketkit/marketkit/locale"
)

func main() {
	markets := os.Args[1:]
	if len(markets) == 0 {
		markets = []string{"DE", "CH", "FR", "US", "IN", "JP", "BR", "EG"}
	}
	// A fixed instant, so the output is the same on every run.
	at := time.Date(2026, time.November, 25, 17, 0, 0, 0, time.UTC)
	if err := render(os.Stdout, markets, decimal.RequireFromString("1234.5"), at); err != nil {
		fmt.Fprintln(os.Stderr, "localize:", err)
		os.Exit(1)
	}
}

// render writes one block per market: the price is shown in the market's
// currency and the date in the market's first time zone.
func render(w io.Writer, markets []string, price decimal.Decimal, at time.Time) error {
	for _, code := range markets {
		cc, err := locale.NormalizeCountry(code) // "de" → "DE"; anything else is an error
		if err != nil {
			return err
		}
		c, _ := locale.CountryInfo(cc)
		f, err := locale.NewFormatter(c.DefaultLocale, nil)
		if err != nil {
			return fmt.Errorf("%s: %w", c.Code, err)
		}
		fmt.Fprintf(w, "%s  %s (%s), locale %s\n", c.Code, c.Name, c.LocalName, c.DefaultLocale)
		if c.Currency != "" {
			amount, err := f.Currency(price, c.Currency)
			if err != nil {
				return fmt.Errorf("%s: %w", c.Code, err)
			}
			name, _ := f.CurrencyName(c.Currency)
			fmt.Fprintf(w, "    price     %s  (%s)\n", amount, name)
		}
		zones := c.TimeZones()
		local := at
		if len(zones) > 0 {
			if loc, err := time.LoadLocation(zones[0]); err == nil {
				local = at.In(loc)
			}
		}
		fmt.Fprintf(w, "    date      %s | %s\n", f.Date(local, locale.DateShort), f.Date(local, locale.DateFull))
		vat, err := f.Percent(decimal.RequireFromString("0.19"))
		if err != nil {
			return fmt.Errorf("%s: %w", c.Code, err)
		}
		fmt.Fprintf(w, "    percent   %s\n", vat)
		fmt.Fprintf(w, "    week      starts on %s; %s system; calling code +%d\n", c.FirstDayOfWeek, c.Measurement, c.CallingCode)
		tz := "none"
		if len(zones) > 0 {
			tz = zones[0]
			if len(zones) > 1 {
				tz += fmt.Sprintf(" (+%d more)", len(zones)-1)
			}
		}
		fmt.Fprintf(w, "    languages %s; time zone %s\n", joinTags(c.Languages()), tz)
	}
	return nil
}

func joinTags[T fmt.Stringer](tags []T) string {
	s := make([]string, len(tags))
	for i, t := range tags {
		s[i] = t.String()
	}
	return strings.Join(s, " ")
}
