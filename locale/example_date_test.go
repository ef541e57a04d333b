package locale_test

import (
	"fmt"
	"time"

	"github.com/marketkit/marketkit/locale"
	"golang.org/x/text/language"
)

func ExampleFormatter_Date() {
	t := time.Date(2026, time.March, 6, 12, 0, 0, 0, time.UTC)
	for _, tag := range []string{"en-US", "de-DE", "ja-JP", "es-MX"} {
		f, _ := locale.NewFormatter(language.MustParse(tag), nil)
		fmt.Printf("%s | %s | %s | %s | %s\n", tag,
			f.Date(t, locale.DateShort), f.Date(t, locale.DateMedium),
			f.Date(t, locale.DateLong), f.Date(t, locale.DateFull))
	}
	// Output:
	// en-US | 3/6/26 | Mar 6, 2026 | March 6, 2026 | Friday, March 6, 2026
	// de-DE | 06.03.26 | 06.03.2026 | 6. März 2026 | Freitag, 6. März 2026
	// ja-JP | 2026/03/06 | 2026/03/06 | 2026年3月6日 | 2026年3月6日金曜日
	// es-MX | 06/03/26 | 6 mar 2026 | 6 de marzo de 2026 | viernes, 6 de marzo de 2026
}

func ExampleFormatter_AppendDate() {
	// The date is the one in t's location.
	t := time.Date(2026, time.March, 6, 23, 30, 0, 0, time.UTC)
	tokyo := time.FixedZone("JST", 9*60*60)
	f, _ := locale.NewFormatter(language.MustParse("fr-FR"), nil)
	buf := make([]byte, 0, 64)
	buf = f.AppendDate(buf[:0], t, locale.DateLong)
	fmt.Println(string(buf))
	buf = f.AppendDate(buf[:0], t.In(tokyo), locale.DateLong)
	fmt.Println(string(buf))
	// Output:
	// 6 mars 2026
	// 7 mars 2026
}
