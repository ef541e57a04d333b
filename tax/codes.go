package tax

import (
	"slices"
	"strconv"
	"strings"

	"github.com/marketkit/marketkit/locale"
)

// normCountry returns the ISO 3166-1 alpha-2 code cc in upper case ("de"
// → "DE"); anything else (spaces, names, unknown codes) is an error. It
// does not allocate.
func normCountry(cc string) (string, error) { return locale.NormalizeCountry(cc) }

// normAddress normalizes a's country code and checks its region code
// (field names the address in errors).
func normAddress(a *Address, field string) error {
	cc, err := normCountry(a.Country)
	if err != nil {
		return fieldErr(ErrUnknownCountry, field+".country", a.Country, "want an ISO 3166-1 alpha-2 code such as DE")
	}
	a.Country = cc
	if !validRegion(a.Region, cc) {
		return fieldErr(ErrInvalidInput, field+".region", a.Region,
			"want an ISO 3166-2 subdivision code of "+cc+" such as "+cc+"-XX or XX, or empty")
	}
	return nil
}

// validRegion reports whether r is empty or an ISO 3166-2 subdivision
// code of country cc, bare ("NY", "13") or prefixed ("US-NY"), in any
// ASCII case.
func validRegion(r, cc string) bool {
	if r == "" {
		return true
	}
	if len(r) > 3 && r[2] == '-' {
		if !equalFoldASCII(r[:2], cc) {
			return false
		}
		r = r[3:]
	}
	if len(r) == 0 || len(r) > 3 {
		return false
	}
	for i := 0; i < len(r); i++ {
		c := r[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// AddressOf returns the tax address of a, a value that knows its tax
// location — such as an address.Address, whose TaxLocation normalizes the
// address and maps its administrative area to the ISO 3166-2 code tax
// needs. The country and the region are checked as in
// [BuiltinCalculator.Calculate] and returned in upper case. An error of TaxLocation is wrapped
// (errors.Is and errors.As see it) in an [*Error] with Op "AddressOf".
// tax does not import package address: any type with this method works.
func AddressOf(a interface {
	TaxLocation() (country, region, postalCode string, err error)
}) (Address, error) {
	if a == nil {
		return Address{}, &Error{Op: "AddressOf", Field: "address", Err: ErrInvalidInput, Reason: "nil"}
	}
	cc, region, pc, err := a.TaxLocation()
	if err != nil {
		return Address{}, &Error{Op: "AddressOf", Field: "address", Value: cc, Err: err}
	}
	out := Address{Country: cc, Region: region, PostalCode: pc}
	if err := normAddress(&out, "address"); err != nil {
		return Address{}, withOp(err, "AddressOf")
	}
	out.Region = strings.ToUpper(out.Region) // ASCII only, checked above
	return out, nil
}

// CheckRegistration reports whether r, one entry of Store.Registrations,
// names something in d: "EU", a country with tax data, a zone ID or a tax
// type ID, in any ASCII case. Otherwise it returns an [*Error] (Op
// "CheckRegistration", field "registration", wrapping ErrInvalidInput)
// whose reason lists what r may have meant ("us_ny" → us_ny_sales, "CH "
// → CH, "Switzerland" → ch). Calculate applies the same check to every
// entry; a configuration check can call it directly.
func (d *Data) CheckRegistration(r string) error {
	d.check()
	if err := d.registrationErr(r, "registration"); err != nil {
		return withOp(err, "CheckRegistration")
	}
	return nil
}

func (d *Data) registrationErr(r, field string) error {
	if registrationKnown(d, r) {
		return nil
	}
	reason := "names no tax type, zone or country with tax data"
	if sug := d.suggest(r); len(sug) > 0 {
		reason += "; did you mean " + strings.Join(sug, ", ") + "?"
	} else {
		reason += `; want a country code ("CH"), a zone ID ("us-ny"), a tax type ID ("us_ny_sales") or "EU"`
	}
	return fieldErr(ErrInvalidInput, field, r, reason)
}

// checkRegistrations reports the first entry of Store.Registrations that
// names nothing in d.
func checkRegistrations(d *Data, regs []string) error {
	for i, r := range regs {
		if registrationKnown(d, r) { // the common case, without building the field name
			continue
		}
		return d.registrationErr(r, "store.registrations["+strconv.Itoa(i)+"]")
	}
	return nil
}

func registrationKnown(d *Data, r string) bool {
	if equalFoldASCII(r, TagEU) {
		return true
	}
	if len(r) == 2 {
		if cc, err := normCountry(r); err == nil && d.HasCountry(cc) {
			return true
		}
	}
	if _, ok := d.typeByID[r]; ok {
		return true
	}
	if _, ok := d.zones[r]; ok {
		return true
	}
	for _, t := range d.types {
		if equalFoldASCII(r, t.id) {
			return true
		}
	}
	for _, z := range d.zoneList {
		if equalFoldASCII(r, z.id) {
			return true
		}
	}
	return false
}

// suggest returns up to eight IDs (countries, zones, types) that r may
// have meant: the trimmed code, IDs containing it or ending in "-r", and
// zones or types whose name contains it.
func (d *Data) suggest(r string) []string {
	q := strings.ToLower(strings.TrimSpace(r))
	if q == "" {
		return nil
	}
	var out []string
	add := func(s string) {
		if len(out) < 8 && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	if len(q) == 2 {
		if cc, err := normCountry(q); err == nil && d.HasCountry(cc) {
			add(cc)
		}
	}
	alt := strings.ReplaceAll(q, "_", "-")
	for _, z := range d.zoneList {
		id := z.id
		if strings.Contains(id, q) || strings.Contains(id, alt) || strings.HasSuffix(id, "-"+q) ||
			len(q) >= 3 && strings.Contains(strings.ToLower(z.name), q) {
			add(id)
		}
	}
	alt = strings.ReplaceAll(q, "-", "_")
	for _, t := range d.types {
		if strings.Contains(t.id, q) || strings.Contains(t.id, alt) || len(q) >= 3 && strings.Contains(strings.ToLower(t.name), q) {
			add(t.id)
		}
	}
	return out
}
