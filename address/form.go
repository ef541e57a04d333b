package address

import (
	"strings"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/locale"
)

// FormField is one input of an address form.
type FormField struct {
	// Field is the Address field the input fills.
	Field Field
	// Label is the field's label in the form's language ("Code postal").
	Label string
	// Required reports whether Validate rejects the address when it is blank.
	Required bool
}

// FormLayout describes the address form of one country: what a checkout
// form needs to render itself.
type FormLayout struct {
	// Country is the upper-case country code.
	Country string
	// Language is the language of the labels: the requested locale's
	// language when the label table has it, "en" otherwise (also for
	// Chinese in traditional characters: the table's zh is simplified).
	Language string
	// Latin reports whether the rows follow the country's Latin-script
	// layout; format addresses entered in this form with
	// FormatOptions.Latin set to the same value.
	Latin bool
	// Rows lists the inputs in the country's order, one row per line of
	// its layout (City, State and ZIP share a row in the US).
	Rows [][]FormField
	// PostalCodePattern is the regular expression a postal code must match
	// as a whole ("" when the country has none).
	PostalCodePattern string
	// PostalCodeExamples are valid postal codes, for placeholders.
	PostalCodeExamples []string
	// Subdivisions are the choices for the administrative area, named in
	// the form's locale where the data has that name. Empty when the
	// country has no list (a free-text input).
	Subdivisions []Subdivision
}

// Form returns the address form of country for a user of locale loc. The
// country's Latin-script layout is used when it has one and loc's language is
// not the country's. Labels come from a table kept by marketkit for en, fr,
// de, es, it, pt, nl, ja and zh; other languages get English labels. The
// country selector itself is not part of the rows. A code that names no
// country ("XX", "DEU", " us": codes are never trimmed) is a *FieldError
// wrapping [locale.ErrUnknownCountry] and the zero FormLayout, never a
// generic form that would let any address through; [HasMetadata] reports
// which codes have a form.
// Form allocates a new FormLayout on every call.
func Form(country string, loc language.Tag) (FormLayout, error) {
	c, idx, ok := countryFor(country)
	if !ok {
		return FormLayout{}, &FieldError{Op: "Form", Field: FieldCountry.String(), Value: country,
			Err: locale.ErrUnknownCountry, Reason: countryReason(country)}
	}
	base, _ := loc.Base()
	lang := base.String()
	col, _ := labelIndex(lang)
	if script, _ := loc.Script(); lang == "zh" && script.String() == "Hant" {
		col = 0 // the zh labels are in simplified characters
	}
	f := FormLayout{Country: c.code, Language: labelLanguages[col]}
	layout := c.fmt
	if c.lfmt != "" && !c.speaks(lang) {
		layout = c.lfmt
		f.Latin = true
	}
	kinds := map[byte]string{
		'N': "name", 'O': "organization", 'A': "address", 'X': "sorting_code",
		'S': or(c.stateType, fallbackFormat.stateType), 'Z': or(c.zipType, fallbackFormat.zipType),
		'C': or(c.localityType, fallbackFormat.localityType), 'D': or(c.sublocalityType, fallbackFormat.sublocalityType),
	}
	seen := map[byte]bool{}
	for layout != "" {
		var line string
		line, layout, _ = strings.Cut(layout, "%n")
		var row []FormField
		for i := 0; i+1 < len(line); i++ {
			if line[i] != '%' {
				continue
			}
			l := line[i+1]
			i++
			if fieldOf(l) == 0 || seen[l] {
				continue
			}
			seen[l] = true
			row = append(row, FormField{Field: fieldOf(l), Label: label(kinds[l], col), Required: strings.IndexByte(c.require, l) >= 0})
		}
		if row != nil {
			f.Rows = append(f.Rows, row)
		}
	}
	f.PostalCodePattern = c.zip
	if c.zipex != "" {
		f.PostalCodeExamples = strings.Split(c.zipex, ",")
	}
	if seen['S'] {
		f.Subdivisions = subdivisionsOf(c, c.subs, lang, isoTableFor(idx).codes)
	}
	return f, nil
}

// speaks reports whether lang, a base language ("zh"), is the language of
// the country's local layout and names: "zh" for TW, whose metadata says
// "zh-Hant".
func (c *countryData) speaks(lang string) bool {
	base, _, _ := strings.Cut(c.lang, "-")
	return base != "" && base == lang
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
