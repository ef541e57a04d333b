package metadata_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/pricing"
)

// This file is the client-side proof: a client that knows nothing but the
// served JSON (the types below are its own, decoded from the wire) formats
// amounts, numbers and dates for every market and locale and gets the
// bytes of locale.Formatter.

type clientAffixes struct {
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
}

type clientFormat struct {
	Pattern           string        `json:"pattern"`
	Positive          clientAffixes `json:"positive"`
	Negative          clientAffixes `json:"negative"`
	MinIntegerDigits  int           `json:"min_integer_digits"`
	MinFractionDigits int           `json:"min_fraction_digits"`
	MaxFractionDigits int           `json:"max_fraction_digits"`
	PrimaryGroup      int           `json:"primary_group"`
	SecondaryGroup    int           `json:"secondary_group"`
	MinGroupingDigits int           `json:"min_grouping_digits"`
	Decimal           string        `json:"decimal"`
	Group             string        `json:"group"`
}

type clientDoc struct {
	SchemaVersion int    `json:"schema_version"`
	Locale        string `json:"locale"`
	Currency      struct {
		Code          string `json:"code"`
		CashIncrement string `json:"cash_increment"`
	} `json:"currency"`
	Number struct {
		Digits   []string     `json:"digits"`
		Rounding string       `json:"rounding"`
		Grouping bool         `json:"grouping"`
		Decimal  clientFormat `json:"decimal"`
		Percent  clientFormat `json:"percent"`
	} `json:"number"`
	CurrencyFormats map[string]map[string]clientFormat `json:"currency_formats"`
	Dates           struct {
		Patterns               map[string]string `json:"patterns"`
		MonthsWide             []string          `json:"months_wide"`
		MonthsAbbreviated      []string          `json:"months_abbreviated"`
		WeekdaysWide           []string          `json:"weekdays_wide"`
		WeekdaysAbbreviated    []string          `json:"weekdays_abbreviated"`
		WeekdaysStandaloneWide []string          `json:"weekdays_standalone_wide"`
		Eras                   []string          `json:"eras"`
	} `json:"dates"`
}

// roundHalfEven rounds the unsigned decimal string v to frac fraction
// digits, ties to even, and returns the integer and fraction digits.
func roundHalfEven(v string, frac int) (intPart, fracPart string) {
	ip, fp, _ := strings.Cut(v, ".")
	ds := []byte(ip + fp)
	keep := len(ip) + frac
	for len(ds) < keep {
		ds = append(ds, '0')
	}
	if keep < len(ds) {
		first, rest := ds[keep], strings.Trim(string(ds[keep+1:]), "0") != ""
		kept := append([]byte("0"), ds[:keep]...)
		if first > '5' || first == '5' && (rest || (kept[len(kept)-1]-'0')%2 == 1) {
			i := len(kept) - 1
			for kept[i] == '9' {
				kept[i] = '0'
				i--
			}
			kept[i]++
		}
		ds = kept
	}
	return string(ds[:len(ds)-frac]), string(ds[len(ds)-frac:])
}

// clientNumber formats the decimal string v with f, the way the schema's
// description of a format says.
func clientNumber(doc *clientDoc, f clientFormat, v string) string {
	neg := strings.HasPrefix(v, "-")
	ip, fp := roundHalfEven(strings.TrimPrefix(v, "-"), f.MaxFractionDigits)
	ip = strings.TrimLeft(ip, "0")
	for len(ip) < f.MinIntegerDigits {
		ip = "0" + ip
	}
	for len(fp) > f.MinFractionDigits && strings.HasSuffix(fp, "0") {
		fp = fp[:len(fp)-1]
	}
	native := func(s string) string {
		var b strings.Builder
		for _, c := range []byte(s) {
			b.WriteString(doc.Number.Digits[c-'0'])
		}
		return b.String()
	}
	var groups []string
	if doc.Number.Grouping && f.PrimaryGroup > 0 && len(ip) >= f.PrimaryGroup+f.MinGroupingDigits {
		groups = append(groups, ip[len(ip)-f.PrimaryGroup:])
		for rest := ip[:len(ip)-f.PrimaryGroup]; rest != ""; {
			n := min(f.SecondaryGroup, len(rest))
			groups = append([]string{rest[len(rest)-n:]}, groups...)
			rest = rest[:len(rest)-n]
		}
	} else {
		groups = []string{ip}
	}
	for i := range groups {
		groups[i] = native(groups[i])
	}
	out := strings.Join(groups, f.Group)
	if fp != "" {
		out += f.Decimal + native(fp)
	}
	a := f.Positive
	if neg {
		a = f.Negative
	}
	return a.Prefix + out + a.Suffix
}

// fromPattern reads a format's "pattern" (UTS #35 with quoted affixes)
// into the fields clientNumber uses, keeping the separators and the
// minimum grouping of f: a client that formats from the pattern alone.
func fromPattern(f clientFormat) (clientFormat, bool) {
	out := clientFormat{Decimal: f.Decimal, Group: f.Group, MinGroupingDigits: f.MinGroupingDigits}
	sub := func(p string) (pre, num, suf, rest string, ok bool) {
		var b strings.Builder
		state := 0 // prefix, number, suffix
		for i := 0; i < len(p); {
			c := p[i]
			switch {
			case c == '\'':
				j := strings.IndexByte(p[i+1:], '\'')
				if j < 0 {
					return "", "", "", "", false
				}
				if j == 0 {
					b.WriteByte('\'')
				} else {
					b.WriteString(p[i+1 : i+1+j])
				}
				// '' inside a quoted literal continues it
				i += j + 2
				for i < len(p) && p[i] == '\'' {
					k := strings.IndexByte(p[i+1:], '\'')
					if k < 0 {
						return "", "", "", "", false
					}
					b.WriteByte('\'')
					b.WriteString(p[i+1 : i+1+k])
					i += k + 2
				}
			case c == ';':
				if state == 1 {
					num, b = b.String(), strings.Builder{}
				}
				return pre, num, b.String(), p[i+1:], true
			case strings.IndexByte("#0,.", c) >= 0:
				if state == 0 {
					pre, b, state = b.String(), strings.Builder{}, 1
				}
				if state == 2 {
					return "", "", "", "", false
				}
				b.WriteByte(c)
				i++
			default:
				return "", "", "", "", false // only quoted literals in these patterns
			}
			if state == 1 && (i >= len(p) || strings.IndexByte("#0,.", p[i]) < 0) {
				num, b, state = b.String(), strings.Builder{}, 2
			}
		}
		if state == 1 {
			num, b = b.String(), strings.Builder{}
		}
		return pre, num, b.String(), "", true
	}
	pp, num, ps, rest, ok := sub(f.Pattern)
	if !ok {
		return out, false
	}
	np, _, ns, _, ok := sub(rest)
	if !ok {
		return out, false
	}
	out.Positive, out.Negative = clientAffixes{pp, ps}, clientAffixes{np, ns}
	ip, fp, _ := strings.Cut(num, ".")
	out.MinIntegerDigits = strings.Count(ip, "0")
	out.MinFractionDigits, out.MaxFractionDigits = strings.Count(fp, "0"), len(fp)
	if i := strings.LastIndexByte(ip, ','); i >= 0 {
		out.PrimaryGroup = len(ip) - i - 1
		out.SecondaryGroup = out.PrimaryGroup
		if j := strings.LastIndexByte(ip[:i], ','); j >= 0 {
			out.SecondaryGroup = i - j - 1
		}
	}
	return out, true
}

// clientCash rounds v to a multiple of the cash increment, ties to even.
func clientCash(v, increment string) string {
	inc := decimal.RequireFromString(increment)
	return decimal.RequireFromString(v).Div(inc).RoundBank(0).Mul(inc).String()
}

// clientDate writes t with the CLDR pattern of style from the document.
func clientDate(doc *clientDoc, t time.Time, style string) string {
	p := doc.Dates.Patterns[style]
	y, m, d := t.Date()
	era := 1
	if y <= 0 {
		era, y = 0, 1-y
	}
	num := func(n, width int) string {
		s := decimal.NewFromInt(int64(n)).String()
		for len(s) < width {
			s = "0" + s
		}
		var b strings.Builder
		for _, c := range []byte(s) {
			b.WriteString(doc.Number.Digits[c-'0'])
		}
		return b.String()
	}
	var b strings.Builder
	for i := 0; i < len(p); {
		c := p[i]
		if c == '\'' {
			j := strings.IndexByte(p[i+1:], '\'')
			if j == 0 {
				b.WriteByte('\'')
			} else {
				b.WriteString(p[i+1 : i+1+j])
			}
			i += j + 2
			continue
		}
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			b.WriteByte(c)
			i++
			continue
		}
		n := 1
		for i+n < len(p) && p[i+n] == c {
			n++
		}
		i += n
		switch {
		case c == 'y' && n == 2:
			b.WriteString(num(y%100, 2))
		case c == 'y':
			b.WriteString(num(y, n))
		case (c == 'M' || c == 'L') && n <= 2:
			b.WriteString(num(int(m), n))
		case (c == 'M' || c == 'L') && n == 3:
			b.WriteString(doc.Dates.MonthsAbbreviated[m-1])
		case c == 'M' || c == 'L':
			b.WriteString(doc.Dates.MonthsWide[m-1])
		case c == 'd':
			b.WriteString(num(d, n))
		case c == 'E' && n >= 4:
			b.WriteString(doc.Dates.WeekdaysWide[t.Weekday()])
		case c == 'E':
			b.WriteString(doc.Dates.WeekdaysAbbreviated[t.Weekday()])
		case c == 'c':
			b.WriteString(doc.Dates.WeekdaysStandaloneWide[t.Weekday()])
		case c == 'G':
			b.WriteString(doc.Dates.Eras[era])
		default:
			b.WriteString("\ufffd") // a field the client does not know: never matches
		}
	}
	return b.String()
}

// The sample: positive, negative, large, zero, ties, and amounts that
// round away from their digits.
var (
	sampleAmounts = []string{"0", "0.00", "1", "-1", "19.99", "-19.99", "1234.5", "-1234.567", "0.005", "0.015", "-0.001",
		"999.995", "12345678.9", "-98765432.105", "1234567890123.45", "100000", "1000", "12.344", "7.125"}
	sampleNumbers = []string{"0", "1", "-1", "1234.5678", "-0.0005", "1234", "12345", "123456789.123", "0.1235"}
	sampleDates   = []time.Time{
		time.Date(2026, 1, 2, 12, 0, 0, 0, time.UTC),
		time.Date(2026, 12, 31, 12, 0, 0, 0, time.UTC),
		time.Date(2000, 2, 29, 12, 0, 0, 0, time.UTC),
		time.Date(1999, 7, 4, 12, 0, 0, 0, time.UTC),
		time.Date(2031, 9, 14, 12, 0, 0, 0, time.UTC),
	}
	styles   = map[string]locale.Style{"standard": locale.StyleStandard, "accounting": locale.StyleAccounting}
	displays = map[string]locale.Display{"symbol": locale.DisplaySymbol, "narrow_symbol": locale.DisplayNarrowSymbol,
		"code": locale.DisplayCode, "none": locale.DisplayNone}
	dateStyles = map[string]locale.DateStyle{"short": locale.DateShort, "medium": locale.DateMedium, "long": locale.DateLong, "full": locale.DateFull}
)

// TestClientFormatsLikeFormatter fetches every facts document of the
// storefront's 13 markets, and of a configuration of test markets in
// other scripts (Indian grouping, Arabic-Indic, Persian, Bengali,
// Devanagari and Myanmar digits, right-to-left marks), over loopback and
// formats the sample from the JSON alone; every string must equal
// locale.Formatter's.
func TestClientFormatsLikeFormatter(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		markets int
	}{
		{"storefront", "testdata/markets.json", 13},
		{"scripts", "testdata/scripts.json", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			ts := loopback(t, newServer(t, data))
			c := noGzipClient()
			_, body := get(t, c, ts.URL+"/v1/", nil)
			var idx struct {
				Markets []struct {
					ID      string `json:"id"`
					Locales []struct {
						Locale string `json:"locale"`
						Href   string `json:"href"`
					} `json:"locales"`
				} `json:"markets"`
			}
			if err := json.Unmarshal(body, &idx); err != nil {
				t.Fatal(err)
			}
			if len(idx.Markets) != tt.markets {
				t.Fatalf("index lists %d markets, want %d", len(idx.Markets), tt.markets)
			}
			checked := 0
			for _, m := range idx.Markets {
				for _, l := range m.Locales {
					resp, body := get(t, c, ts.URL+l.Href, map[string]string{"Accept-Encoding": "gzip"})
					if resp.StatusCode != 200 {
						t.Fatalf("%s: %s", l.Href, resp.Status)
					}
					var doc clientDoc
					if err := json.Unmarshal(body, &doc); err != nil {
						t.Fatalf("%s: %v", l.Href, err)
					}
					if doc.SchemaVersion != 1 || doc.Number.Rounding != "half-even" || len(doc.Number.Digits) != 10 {
						t.Fatalf("%s: schema %d, rounding %q, %d digits", l.Href, doc.SchemaVersion, doc.Number.Rounding, len(doc.Number.Digits))
					}
					checked += checkDoc(t, m.ID, l.Locale, &doc)
				}
			}
			t.Logf("%d strings formatted from the served documents alone, all equal to locale.Formatter's", checked)
		})
	}
}

// TestScriptsCoverage pins that the scripts configuration exercises what
// it is there for, so that the client test above cannot pass vacuously.
func TestScriptsCoverage(t *testing.T) {
	data, err := os.ReadFile("testdata/scripts.json")
	if err != nil {
		t.Fatal(err)
	}
	ts := loopback(t, newServer(t, data))
	c := noGzipClient()
	want := map[string]func(d *clientDoc) bool{
		"/v1/markets/in/en-IN":           func(d *clientDoc) bool { return d.CurrencyFormats["standard"]["symbol"].SecondaryGroup == 2 },
		"/v1/markets/in/bn-IN":           func(d *clientDoc) bool { return d.Number.Digits[1] == "১" },
		"/v1/markets/eg/ar-EG":           func(d *clientDoc) bool { return d.Number.Digits[1] == "١" },
		"/v1/markets/eg/ar-EG-u-nu-latn": func(d *clientDoc) bool { return d.Number.Digits[1] == "1" },
		"/v1/markets/ir/fa-IR":           func(d *clientDoc) bool { return d.Number.Digits[1] == "۱" },
		"/v1/markets/mm/my-MM":           func(d *clientDoc) bool { return d.Number.Digits[1] == "၁" },
	}
	for path, ok := range want {
		_, body := get(t, c, ts.URL+path, nil)
		var doc clientDoc
		if err := json.Unmarshal(body, &doc); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if !ok(&doc) {
			t.Errorf("%s: does not show what it should (digits %q)", path, doc.Number.Digits)
		}
	}
}

func checkDoc(t *testing.T, market, loc string, doc *clientDoc) int {
	t.Helper()
	tag := locale.MustParse(loc)
	code := doc.Currency.Code
	n := 0
	for sn, st := range styles {
		for dn, d := range displays {
			f, err := locale.NewFormatter(tag, &locale.FormatOptions{Style: st, Display: d})
			if err != nil {
				t.Fatal(err)
			}
			cf, ok := doc.CurrencyFormats[sn][dn]
			if !ok {
				t.Fatalf("%s/%s: no currency format %s/%s", market, loc, sn, dn)
			}
			pf, ok := fromPattern(cf)
			if !ok {
				t.Fatalf("%s/%s %s/%s: cannot read pattern %q", market, loc, sn, dn, cf.Pattern)
			}
			for _, v := range sampleAmounts {
				want, err := f.Currency(decimal.RequireFromString(v), code)
				if err != nil {
					t.Fatal(err)
				}
				if got := clientNumber(doc, cf, v); got != want {
					t.Errorf("%s/%s %s %s %s %s: client %q, Formatter %q", market, loc, sn, dn, code, v, got, want)
				}
				if got := clientNumber(doc, pf, v); got != want {
					t.Errorf("%s/%s %s %s %s %s: client from pattern %q gives %q, Formatter %q", market, loc, sn, dn, code, v, cf.Pattern, got, want)
				}
				// Cash: the client rounds with cash_increment; Go with
				// pricing's RoundCash.
				m, err := pricing.MustParseMoney(v, code).RoundCash(pricing.RoundHalfEven)
				if err != nil {
					t.Fatal(err)
				}
				want, err = m.Format(f)
				if err != nil {
					t.Fatal(err)
				}
				if got := clientNumber(doc, cf, clientCash(v, doc.Currency.CashIncrement)); got != want {
					t.Errorf("%s/%s %s %s cash %s %s: client %q, Formatter %q", market, loc, sn, dn, code, v, got, want)
				}
				n += 3 // from the fields, from the pattern, cash-rounded
			}
		}
	}
	f, err := locale.NewFormatter(tag, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range sampleNumbers {
		want, _ := f.Number(decimal.RequireFromString(v))
		if got := clientNumber(doc, doc.Number.Decimal, v); got != want {
			t.Errorf("%s/%s number %s: client %q, Formatter %q", market, loc, v, got, want)
		}
		if pf, ok := fromPattern(doc.Number.Decimal); !ok || clientNumber(doc, pf, v) != want {
			t.Errorf("%s/%s number %s from pattern %q: %q, Formatter %q", market, loc, v, doc.Number.Decimal.Pattern, clientNumber(doc, pf, v), want)
		}
		want, _ = f.Percent(decimal.RequireFromString(v))
		if got := clientNumber(doc, doc.Number.Percent, decimal.RequireFromString(v).Shift(2).String()); got != want {
			t.Errorf("%s/%s percent %s: client %q, Formatter %q", market, loc, v, got, want)
		}
		n += 3 // number from the fields and from the pattern, percent
	}
	for _, d := range sampleDates {
		for sn, st := range dateStyles {
			if got, want := clientDate(doc, d, sn), f.Date(d, st); got != want {
				t.Errorf("%s/%s date %s %s: client %q (pattern %q), Formatter %q", market, loc, sn, d.Format(time.DateOnly), got, doc.Dates.Patterns[sn], want)
			}
			n++
		}
	}
	return n
}
