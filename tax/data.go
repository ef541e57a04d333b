package tax

import (
	"encoding/json"
	"io"
	"strconv"
	"sync"
)

// Definition is rate data in its editable form: the built-in data (see
// [BuiltinDefinition]) and host-supplied data (see [LoadJSON]) both have
// this shape. [Build] validates it and returns an immutable [Data].
type Definition struct {
	Version string      `json:"version"`
	Sources []SourceDef `json:"sources"`
	Zones   []ZoneDef   `json:"zones"`
	Types   []TypeDef   `json:"types"`
}

// SourceDef names a source that amounts cite: an official publication
// (statute, tax authority page, EU Commission table) given as text.
type SourceDef struct {
	ID       string `json:"id"`
	Citation string `json:"citation"`
}

// ZoneDef defines a zone; a member either references an earlier zone or
// names a country with optional subdivision and postal-code filters.
type ZoneDef struct {
	ID      string      `json:"id"`
	Name    string      `json:"name"`
	Members []MemberDef `json:"members"`
}

// MemberDef is one member of a zone. Postal patterns are prefixes ("35")
// or inclusive prefix ranges ("22000:22999"); regions are bare ISO 3166-2
// subdivision codes ("QC").
type MemberDef struct {
	Zone               string   `json:"zone,omitempty"`
	Country            string   `json:"country,omitempty"`
	Regions            []string `json:"regions,omitempty"`
	ExcludeRegions     []string `json:"exclude_regions,omitempty"`
	PostalCodes        []string `json:"postal_codes,omitempty"`
	ExcludePostalCodes []string `json:"exclude_postal_codes,omitempty"`
}

// TypeDef defines a tax type: one tax levied in one zone (German VAT,
// Quebec QST). Country is the country whose law levies it (PT for the
// Azores). Tag selects the resolver that owns the type: "EU", "CA" or ""
// (default resolver).
type TypeDef struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Kind    Kind      `json:"kind"`
	Country string    `json:"country"`
	Zone    string    `json:"zone"`
	Tag     string    `json:"tag,omitempty"`
	Note    string    `json:"note,omitempty"`
	Rates   []RateDef `json:"rates"`
}

// RateDef lists the effective-dated amounts of one category.
type RateDef struct {
	Category Category    `json:"category"`
	Amounts  []AmountDef `json:"amounts"`
}

// AmountDef is one percentage in force from From to To (inclusive ISO
// dates; To empty = open-ended), citing a SourceDef ID.
type AmountDef struct {
	Percent string `json:"percent"`
	From    string `json:"from"`
	To      string `json:"to,omitempty"`
	Source  string `json:"source"`
}

// Data is validated, immutable rate data. It is safe for concurrent use.
type Data struct {
	version   string
	sources   map[string]string
	zones     map[string]*Zone
	zoneList  []*Zone
	types     []*TaxType
	typeByID  map[string]*TaxType
	byCountry [26 * 26][]*TaxType // types whose zone has a member in the country (see cidx)
	byRegion  [26 * 26]bool       // countries whose type zones select by subdivision
}

// cidx maps a two-letter upper-case country code to an index of
// Data.byCountry; invalid codes map to false.
func cidx(cc string) (int, bool) {
	if !validCountry(cc) {
		return 0, false
	}
	return int(cc[0]-'A')*26 + int(cc[1]-'A'), true
}

// typesIn returns the types with a zone member in country cc.
func (d *Data) typesIn(cc string) []*TaxType {
	i, ok := cidx(cc)
	if !ok {
		return nil
	}
	return d.byCountry[i]
}

// TaxType is one tax levied in one zone with its rates per category.
type TaxType struct {
	id      string
	name    string
	note    string
	kind    Kind
	country string
	tag     string
	zone    *Zone
	rates   [numCategories][]Amount
	exempt  Amount
}

// Amount is one percentage of one rate with its validity period. ID is
// stable ("de_vat/standard/2021-01-01") so that invoices can record which
// amount they used and be re-rendered after rates change.
type Amount struct {
	ID       string
	Type     string
	Kind     Kind
	Category Category
	Percent  Percent
	From     Date
	To       Date // zero: open-ended
	Source   string
}

// covers reports whether d lies in [From, To].
func (a *Amount) covers(d Date) bool {
	return a.From.v <= d.v && (a.To.v == 0 || d.v <= a.To.v)
}

// ID returns the type ID ("de_vat").
func (t *TaxType) ID() string { return t.id }

// Name returns the display name ("German VAT").
func (t *TaxType) Name() string { return t.name }

// Note returns the data note (for US states: that the rate is a state
// base rate to which local jurisdictions add).
func (t *TaxType) Note() string { return t.note }

// Kind returns the kind of tax.
func (t *TaxType) Kind() Kind { return t.kind }

// Country returns the country whose law levies the tax.
func (t *TaxType) Country() string { return t.country }

// Tag returns the resolver tag ("EU", "CA" or "").
func (t *TaxType) Tag() string { return t.tag }

// Zone returns the zone where the tax applies.
func (t *TaxType) Zone() *Zone { return t.zone }

// Amounts returns the amounts of category c, oldest first. The slice is
// shared; do not modify it.
func (t *TaxType) Amounts(c Category) []Amount {
	if !c.Valid() {
		return nil
	}
	return t.rates[c]
}

// Amount returns the amount of category c in force on d. Exempt always
// succeeds with 0 %. It allocates nothing when it succeeds.
func (t *TaxType) Amount(c Category, d Date) (Amount, error) {
	if !c.Valid() {
		return Amount{}, &LookupError{Type: t.id, Category: c, Date: d, Err: ErrUnknownCategory}
	}
	if c == Exempt {
		a := t.exempt
		a.From = d
		return a, nil
	}
	as := t.rates[c]
	if len(as) == 0 {
		return Amount{}, &LookupError{Type: t.id, Category: c, Date: d, Err: ErrUnknownCategory}
	}
	for i := len(as) - 1; i >= 0; i-- {
		if as[i].covers(d) {
			return as[i], nil
		}
	}
	return Amount{}, &LookupError{Type: t.id, Category: c, Date: d, Err: ErrNoRate}
}

// HasCountry reports whether any tax type applies somewhere in country cc.
func (d *Data) HasCountry(cc string) bool { return len(d.typesIn(cc)) > 0 }

// amountPtr is Amount without the copy; exempt returns the shared exempt
// amount (From unset).
func (t *TaxType) amountPtr(c Category, d Date) (*Amount, bool) {
	if !c.Valid() {
		return nil, false
	}
	if c == Exempt {
		return &t.exempt, true
	}
	as := t.rates[c]
	for i := len(as) - 1; i >= 0; i-- {
		if as[i].covers(d) {
			return &as[i], true
		}
	}
	return nil, false
}

// Version returns the data version.
func (d *Data) Version() string { return d.version }

// Source returns the citation of a source ID.
func (d *Data) Source(id string) (string, bool) {
	s, ok := d.sources[id]
	return s, ok
}

// Type returns the tax type with the given ID.
func (d *Data) Type(id string) (*TaxType, bool) {
	t, ok := d.typeByID[id]
	return t, ok
}

// Types returns all tax types in definition order. The slice is shared; do
// not modify it.
func (d *Data) Types() []*TaxType { return d.types }

// Zone returns the zone with the given ID.
func (d *Data) Zone(id string) (*Zone, bool) {
	z, ok := d.zones[id]
	return z, ok
}

// Zones returns all zones in definition order (shared slice).
func (d *Data) Zones() []*Zone { return d.zoneList }

// Lookup returns the amount of tax type typeID, category c, in force on
// date on. Unknown types, categories without a rate and dates outside every
// period are errors (never 0 %). It allocates nothing on success.
func (d *Data) Lookup(typeID string, c Category, on Date) (Amount, error) {
	t, ok := d.typeByID[typeID]
	if !ok {
		return Amount{}, &LookupError{Type: typeID, Category: c, Date: on, Err: ErrUnknownCountry}
	}
	return t.Amount(c, on)
}

// Limits applied to host-supplied data so that a hostile file cannot make
// Build do unbounded work.
const (
	maxJSONBytes    = 8 << 20
	maxDefItems     = 10_000
	maxPatternBytes = 16
)

// LoadJSON reads a JSON Definition (at most 8 MiB, unknown fields
// rejected) and builds it.
func LoadJSON(r io.Reader) (*Data, error) {
	dec := json.NewDecoder(io.LimitReader(r, maxJSONBytes+1))
	dec.DisallowUnknownFields()
	var def Definition
	if err := dec.Decode(&def); err != nil {
		return nil, fieldErr(ErrInvalidData, "json", truncate(err.Error(), 200), "")
	}
	if dec.More() {
		return nil, fieldErr(ErrInvalidData, "json", "", "trailing data after the definition")
	}
	return Build(def)
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// Build validates def and returns immutable Data. It checks: unique,
// well-formed IDs; zones referenced before use (so no cycles); country
// codes of two upper-case letters; postal patterns; every type has a
// standard rate; every amount parses, cites a known source and has
// From ≤ To; no two amounts of one rate overlap in time.
func Build(def Definition) (*Data, error) {
	if len(def.Sources) > maxDefItems || len(def.Zones) > maxDefItems || len(def.Types) > maxDefItems {
		return nil, fieldErr(ErrInvalidData, "definition", "", "too many items")
	}
	d := &Data{
		version:  def.Version,
		sources:  make(map[string]string, len(def.Sources)),
		zones:    make(map[string]*Zone, len(def.Zones)),
		typeByID: make(map[string]*TaxType, len(def.Types)),
	}
	for i, s := range def.Sources {
		f := "sources[" + strconv.Itoa(i) + "]"
		if !validID(s.ID) {
			return nil, fieldErr(ErrInvalidData, f+".id", s.ID, "want [a-z0-9_-]{1,64}")
		}
		if s.Citation == "" {
			return nil, fieldErr(ErrInvalidData, f+".citation", "", "empty")
		}
		if _, dup := d.sources[s.ID]; dup {
			return nil, fieldErr(ErrInvalidData, f+".id", s.ID, "duplicate")
		}
		d.sources[s.ID] = s.Citation
	}
	for i, zd := range def.Zones {
		f := "zones[" + strconv.Itoa(i) + "]"
		if !validID(zd.ID) {
			return nil, fieldErr(ErrInvalidData, f+".id", zd.ID, "want [a-z0-9_-]{1,64}")
		}
		if _, dup := d.zones[zd.ID]; dup {
			return nil, fieldErr(ErrInvalidData, f+".id", zd.ID, "duplicate")
		}
		if len(zd.Members) == 0 {
			return nil, fieldErr(ErrInvalidData, f+".members", zd.ID, "empty")
		}
		z := &Zone{id: zd.ID, name: zd.Name, members: make([]member, 0, len(zd.Members))}
		for j, md := range zd.Members {
			mf := f + ".members[" + strconv.Itoa(j) + "]"
			m, err := d.buildMember(md, mf)
			if err != nil {
				return nil, err
			}
			z.members = append(z.members, m)
		}
		d.zones[zd.ID] = z
		d.zoneList = append(d.zoneList, z)
	}
	for i, td := range def.Types {
		t, err := d.buildType(td, "types["+strconv.Itoa(i)+"]")
		if err != nil {
			return nil, err
		}
		d.types = append(d.types, t)
		d.typeByID[t.id] = t
	}
	for _, t := range d.types {
		t.zone.regionCountries(&d.byRegion)
		for _, cc := range t.zone.countries(nil) {
			ci, _ := cidx(cc) // validated by buildMember
			l := d.byCountry[ci]
			if len(l) == 0 || l[len(l)-1] != t {
				d.byCountry[ci] = append(l, t)
			}
		}
	}
	return d, nil
}

func (d *Data) buildMember(md MemberDef, f string) (member, error) {
	if md.Zone != "" {
		if md.Country != "" || len(md.Regions)+len(md.ExcludeRegions)+len(md.PostalCodes)+len(md.ExcludePostalCodes) > 0 {
			return member{}, fieldErr(ErrInvalidData, f+".zone", md.Zone, "a zone reference takes no country or filters")
		}
		z, ok := d.zones[md.Zone]
		if !ok {
			return member{}, fieldErr(ErrInvalidData, f+".zone", md.Zone, "unknown zone (define it earlier)")
		}
		return member{zone: z}, nil
	}
	if !validCountry(md.Country) {
		return member{}, fieldErr(ErrInvalidData, f+".country", md.Country, "want two upper-case letters")
	}
	for _, l := range [][]string{md.Regions, md.ExcludeRegions} {
		for _, r := range l {
			if r == "" || len(r) > 3 || !isAlnumUpper(r) {
				return member{}, fieldErr(ErrInvalidData, f+".regions", r, "want an ISO 3166-2 subdivision code without country, e.g. QC")
			}
		}
	}
	for _, l := range [][]string{md.PostalCodes, md.ExcludePostalCodes} {
		for _, p := range l {
			if err := checkPattern(p); err != nil {
				return member{}, fieldErr(ErrInvalidData, f+".postal_codes", p, err.Error())
			}
		}
	}
	return member{
		country: md.Country, regions: md.Regions, exRegions: md.ExcludeRegions,
		postal: compilePatterns(md.PostalCodes), exPostal: compilePatterns(md.ExcludePostalCodes),
	}, nil
}

type dataMsg string

func (m dataMsg) Error() string { return string(m) }

func checkPattern(p string) error {
	if p == "" || len(p) > 2*maxPatternBytes+1 {
		return dataMsg("want a prefix like 35 or a range like 22000:22999")
	}
	lo, hi, isRange := p, p, false
	for i := 0; i < len(p); i++ {
		if p[i] == ':' {
			lo, hi, isRange = p[:i], p[i+1:], true
			break
		}
	}
	if !isAlnumUpper(lo) || !isAlnumUpper(hi) {
		return dataMsg("want upper-case letters and digits")
	}
	if isRange && (len(lo) != len(hi) || lo > hi) {
		return dataMsg("range bounds must have equal length and lo <= hi")
	}
	return nil
}

func (d *Data) buildType(td TypeDef, f string) (*TaxType, error) {
	if !validID(td.ID) {
		return nil, fieldErr(ErrInvalidData, f+".id", td.ID, "want [a-z0-9_-]{1,64}")
	}
	if _, dup := d.typeByID[td.ID]; dup {
		return nil, fieldErr(ErrInvalidData, f+".id", td.ID, "duplicate")
	}
	if td.Kind == 0 || td.Kind >= numKinds {
		return nil, fieldErr(ErrInvalidData, f+".kind", td.Kind.String(), "")
	}
	if !validCountry(td.Country) {
		return nil, fieldErr(ErrInvalidData, f+".country", td.Country, "want two upper-case letters")
	}
	z, ok := d.zones[td.Zone]
	if !ok {
		return nil, fieldErr(ErrInvalidData, f+".zone", td.Zone, "unknown zone")
	}
	switch td.Tag {
	case "", TagEU, TagCA:
	default:
		return nil, fieldErr(ErrInvalidData, f+".tag", td.Tag, `want "", "EU" or "CA"`)
	}
	t := &TaxType{id: td.ID, name: td.Name, note: td.Note, kind: td.Kind, country: td.Country, tag: td.Tag, zone: z}
	t.exempt = Amount{ID: td.ID + "/exempt", Type: td.ID, Kind: td.Kind, Category: Exempt}
	for j, rd := range td.Rates {
		rf := f + ".rates[" + strconv.Itoa(j) + "]"
		c := rd.Category
		if !c.Valid() || c == Exempt {
			return nil, fieldErr(ErrInvalidData, rf+".category", c.String(), "want a category other than exempt")
		}
		if t.rates[c] != nil {
			return nil, fieldErr(ErrInvalidData, rf+".category", c.String(), "duplicate")
		}
		if len(rd.Amounts) == 0 {
			return nil, fieldErr(ErrInvalidData, rf+".amounts", "", "empty")
		}
		as := make([]Amount, 0, len(rd.Amounts))
		for k, ad := range rd.Amounts {
			af := rf + ".amounts[" + strconv.Itoa(k) + "]"
			a, err := d.buildAmount(t, c, ad, af)
			if err != nil {
				return nil, err
			}
			as = append(as, a)
		}
		// Sort by From (insertion sort: few amounts), then check overlaps.
		for x := 1; x < len(as); x++ {
			for y := x; y > 0 && as[y].From.v < as[y-1].From.v; y-- {
				as[y], as[y-1] = as[y-1], as[y]
			}
		}
		for x := 1; x < len(as); x++ {
			prev := as[x-1]
			if prev.To.IsZero() || prev.To.v >= as[x].From.v {
				return nil, fieldErr(ErrInvalidData, rf+".amounts", as[x].From.String(),
					"period overlaps the amount from "+prev.From.String())
			}
		}
		t.rates[c] = as
	}
	if len(t.rates[Standard]) == 0 {
		return nil, fieldErr(ErrInvalidData, f+".rates", td.ID, "no standard rate")
	}
	return t, nil
}

func (d *Data) buildAmount(t *TaxType, c Category, ad AmountDef, f string) (Amount, error) {
	p, err := ParsePercent(ad.Percent)
	if err != nil {
		return Amount{}, fieldErr(ErrInvalidData, f+".percent", ad.Percent, "want a decimal like 19 or 9.975")
	}
	if c == Zero && !p.IsZero() {
		return Amount{}, fieldErr(ErrInvalidData, f+".percent", ad.Percent, "the zero category must be 0")
	}
	from, err := ParseDate(ad.From)
	if err != nil {
		return Amount{}, fieldErr(ErrInvalidData, f+".from", ad.From, "want YYYY-MM-DD")
	}
	var to Date
	if ad.To != "" {
		if to, err = ParseDate(ad.To); err != nil {
			return Amount{}, fieldErr(ErrInvalidData, f+".to", ad.To, "want YYYY-MM-DD")
		}
		if to.Before(from) {
			return Amount{}, fieldErr(ErrInvalidData, f+".to", ad.To, "before from "+ad.From)
		}
	}
	if _, ok := d.sources[ad.Source]; !ok {
		return Amount{}, fieldErr(ErrInvalidData, f+".source", ad.Source, "unknown source")
	}
	return Amount{
		ID: t.id + "/" + c.String() + "/" + from.String(), Type: t.id, Kind: t.kind, Category: c,
		Percent: p, From: from, To: to, Source: ad.Source,
	}, nil
}

func validID(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func validCountry(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

func isAlnumUpper(s string) bool {
	if s == "" || len(s) > maxPatternBytes {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// Resolver tags.
const (
	TagEU = "EU" // owned by the EU resolver
	TagCA = "CA" // owned by the Canada resolver
)

// Builtin returns the built-in data (see the package documentation for
// coverage and sources). It is built once, lazily, and shared.
func Builtin() *Data { return builtin() }

var builtin = sync.OnceValue(func() *Data {
	d, err := Build(builtinDef)
	if err != nil {
		panic("tax: built-in data invalid: " + err.Error()) // guarded by TestBuiltinBuilds
	}
	return d
})

// BuiltinDefinition returns a deep copy of the built-in definition, for
// hosts that extend or correct it and call Build.
func BuiltinDefinition() Definition {
	def := builtinDef
	def.Sources = append([]SourceDef(nil), def.Sources...)
	def.Zones = append([]ZoneDef(nil), def.Zones...)
	for i := range def.Zones {
		ms := append([]MemberDef(nil), def.Zones[i].Members...)
		for j := range ms {
			m := &ms[j]
			m.Regions = append([]string(nil), m.Regions...)
			m.ExcludeRegions = append([]string(nil), m.ExcludeRegions...)
			m.PostalCodes = append([]string(nil), m.PostalCodes...)
			m.ExcludePostalCodes = append([]string(nil), m.ExcludePostalCodes...)
		}
		def.Zones[i].Members = ms
	}
	def.Types = append([]TypeDef(nil), def.Types...)
	for i := range def.Types {
		rs := append([]RateDef(nil), def.Types[i].Rates...)
		for j := range rs {
			rs[j].Amounts = append([]AmountDef(nil), rs[j].Amounts...)
		}
		def.Types[i].Rates = rs
	}
	return def
}
