package main

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/bojanz/currency"
)

func init() { register("currency", "currency_tables.go", genCurrency) }

// historicalSince is the first end date of the historical currencies
// the tables keep: currencies that stopped being legal tender since 2000
// (the euro changeover, HRK in 2023, BGN in 2026 …) still format for
// stored orders and invoices; older ones are left out.
const historicalSince = "2000-01-01"

// historicalCurrencies returns the currencies that CLDR currencyData
// says no region uses any more (every use has a _to date; uses with
// _tender false do not count) and whose last use ended on or after
// historicalSince, each with that last _to date.
func (d *data) historicalCurrencies() (map[string]string, error) {
	cd, err := readSupplemental[struct {
		Region map[string][]map[string]struct {
			From   string `json:"_from"`
			To     string `json:"_to"`
			Tender string `json:"_tender"`
		} `json:"region"`
	}](d, "currencyData.json", "currencyData")
	if err != nil {
		return nil, err
	}
	current := map[string]bool{}
	last := map[string]string{}
	for _, uses := range cd.Region {
		for _, use := range uses {
			for c, u := range use {
				if u.Tender == "false" {
					continue
				}
				if u.To == "" {
					current[c] = true
				} else if u.To > last[c] {
					last[c] = u.To
				}
			}
		}
	}
	out := map[string]string{}
	for c, to := range last {
		if !current[c] && to >= historicalSince {
			out[c] = to
		}
	}
	return out, nil
}

// currencyCodes returns, sorted, the codes of the currency tables: the
// current ISO 4217 list (bojanz/currency's) and the historical
// currencies of historicalCurrencies.
func (d *data) currencyCodes() ([]string, error) {
	hist, err := d.historicalCurrencies()
	if err != nil {
		return nil, err
	}
	codes := slices.Clone(currency.GetCurrencyCodes())
	for c := range hist {
		if !slices.Contains(codes, c) {
			codes = append(codes, c)
		}
	}
	slices.Sort(codes)
	return codes, nil
}

// genCurrency writes the currency table: ISO 4217 code, numeric code,
// digits and cash rounding. The codes, numeric codes and digits (ISO 4217
// minor units) are bojanz/currency's, generated from the ISO 4217 list with
// the same CLDR release, so our formatting rounds exactly as bojanz does.
// Cash digits and the cash increment come from CLDR
// supplemental/currencyData.json (_cashDigits, _cashRounding, falling back
// to CLDR's _digits and _rounding as the CLDR specification says).
func genCurrency(d *data) ([]byte, error) {
	cd, err := readSupplemental[struct {
		Fractions map[string]struct {
			Digits       string `json:"_digits"`
			Rounding     string `json:"_rounding"`
			CashDigits   string `json:"_cashDigits"`
			CashRounding string `json:"_cashRounding"`
		} `json:"fractions"`
	}](d, "currencyData.json", "currencyData")
	if err != nil {
		return nil, err
	}
	fr := cd.Fractions
	def, ok := fr["DEFAULT"]
	if !ok {
		return nil, fmt.Errorf("currencyData has no DEFAULT fractions")
	}
	atoi := func(s, fallback string) (int, error) {
		if s == "" {
			s = fallback
		}
		return strconv.Atoi(s)
	}
	codes, err := d.currencyCodes()
	if err != nil {
		return nil, err
	}
	until, err := d.historicalCurrencies()
	if err != nil {
		return nil, err
	}
	var b buf
	b.p("package locale\n\n")
	b.p("// currencyCodes holds the ISO 4217 codes of every known currency, three\n")
	b.p("// bytes each, sorted; the arrays below are indexed by position/3.\n")
	b.p("const currencyCodes = \"")
	for _, c := range codes {
		b.p("%s", c)
	}
	b.p("\"\n\n")
	b.p("const numCurrencies = %d\n\n", len(codes))
	var numeric, digits, cashDigits, cashIncr, untils buf
	for _, c := range codes {
		f, ok := fr[c]
		if !ok {
			f = def
		}
		cldrDigits, err := atoi(f.Digits, def.Digits)
		if err != nil {
			return nil, fmt.Errorf("%s digits: %v", c, err)
		}
		dg := cldrDigits // historical currencies: CLDR's digits
		if isoDigits, ok := currency.GetDigits(c); ok {
			dg = int(isoDigits)
		}
		cdg, err := atoi(f.CashDigits, strconv.Itoa(cldrDigits))
		if err != nil {
			return nil, fmt.Errorf("%s cash digits: %v", c, err)
		}
		if cdg > dg {
			cdg = dg // cash is never finer than the currency's minor unit
		}
		cr, err := atoi(f.CashRounding, f.Rounding)
		if err != nil {
			cr = 0
		}
		if cr == 0 {
			cr = 1
		}
		num := 0 // historical currencies: no numeric code in the inputs
		if n, ok := currency.GetNumericCode(c); ok {
			if num, err = strconv.Atoi(n); err != nil {
				return nil, fmt.Errorf("%s numeric code %q: %v", c, n, err)
			}
		}
		u := 0
		if to, ok := until[c]; ok {
			t, err := time.Parse(time.DateOnly, to)
			if err != nil {
				return nil, fmt.Errorf("%s: _to %q: %v", c, to, err)
			}
			u = t.Year()*10000 + int(t.Month())*100 + t.Day()
		}
		untils.p("%d, ", u)
		numeric.p("%d, ", num)
		digits.p("%d, ", dg)
		cashDigits.p("%d, ", cdg)
		cashIncr.p("%d, ", cr)
	}
	b.p("// currencyNumeric is the ISO 4217 numeric code.\n")
	b.p("var currencyNumeric = [numCurrencies]uint16{%s}\n\n", numeric.String())
	b.p("// currencyDigits is the number of minor-unit digits (ISO 4217).\n")
	b.p("var currencyDigits = [numCurrencies]uint8{%s}\n\n", digits.String())
	b.p("// currencyCashDigits is the number of fraction digits for cash (CLDR _cashDigits).\n")
	b.p("var currencyCashDigits = [numCurrencies]uint8{%s}\n\n", cashDigits.String())
	b.p("// currencyCashIncrement is the smallest cash amount in units of\n")
	b.p("// 10^-cashDigits (CLDR _cashRounding; 1 where CLDR says 0).\n")
	b.p("var currencyCashIncrement = [numCurrencies]uint8{%s}\n\n", cashIncr.String())
	b.p("// currencyUntil is, for a currency no country uses any more, CLDR's last\n")
	b.p("// _to date of legal tender as year*10000+month*100+day (a locale.Date);\n")
	b.p("// 0 for a current currency.\n")
	b.p("var currencyUntil = [numCurrencies]int32{%s}\n", untils.String())
	return b.Bytes(), nil
}
