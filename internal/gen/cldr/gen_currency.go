package main

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/bojanz/currency"
)

func init() { register("currency", "currency_tables.go", genCurrency) }

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
	codes := currency.GetCurrencyCodes()
	slices.Sort(codes)
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
	var numeric, digits, cashDigits, cashIncr buf
	for _, c := range codes {
		f, ok := fr[c]
		if !ok {
			f = def
		}
		isoDigits, _ := currency.GetDigits(c)
		dg := int(isoDigits)
		cldrDigits, err := atoi(f.Digits, def.Digits)
		if err != nil {
			return nil, fmt.Errorf("%s digits: %v", c, err)
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
		n, _ := currency.GetNumericCode(c)
		num, err := strconv.Atoi(n)
		if err != nil {
			return nil, fmt.Errorf("%s numeric code %q: %v", c, n, err)
		}
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
	b.p("var currencyCashIncrement = [numCurrencies]uint8{%s}\n", cashIncr.String())
	return b.Bytes(), nil
}
