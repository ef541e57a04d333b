package tax

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"sync"

	"github.com/marketkit/marketkit/pricing"
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

// RateDef lists the effective-dated rates of one category; each entry of
// Amounts defines one [Rate].
type RateDef struct {
	Category Category    `json:"category"`
	Amounts  []AmountDef `json:"amounts"`
}

// AmountDef defines one [Rate]: a percentage ("19", "9.975"; parsed by
// pricing.ParsePercent) in force from From to To (inclusive ISO dates; To
// empty = open-ended), citing a SourceDef ID.
type AmountDef struct {
	Percent string `json:"percent"`
	From    string `json:"from"`
	To      string `json:"to,omitempty"`
	Source  string `json:"source"`
}

// Data is validated, immutable rate data. It is safe for concurrent use.
//
// A *Data comes from [Build], [LoadJSON] or [Builtin]; its methods on a
// nil *Data panic at once with "tax: nil *Data" (a programming error, as
// for the standard library's nil receivers), never deeper inside.
type Data struct {
	version   string
	sources   map[string]string
	zones     map[string]*Zone
	zoneList  []*Zone
	types     []*Type
	typeByID  map[string]*Type
	byCountry [26 * 26][]*Type // types whose zone has a member in the country (see cidx)
	byRegion  [26 * 26]bool    // countries whose type zones select by subdivision
}

// cidx maps a two-letter upper-case country code to an index of
// Data.byCountry; invalid codes map to false.
func cidx(cc string) (int, bool) {
	if !validCountry(cc) {
		return 0, false
	}
	return int(cc[0]-'A')*26 + int(cc[1]-'A'), true
}

func (d *Data) check() {
	if d == nil {
		panic("tax: nil *Data")
	}
}

// typesIn returns the types with a zone member in country cc.
func (d *Data) typesIn(cc string) []*Type {
	i, ok := cidx(cc)
	if !ok {
		return nil
	}
	return d.byCountry[i]
}

// Type is one tax levied in one zone (German VAT, Québec QST, US-CA
// state sales tax) with its rates per category. Types are built by
// [Build]; the zero Type has no zone and no rates (its Zone is nil, whose
// methods report an empty zone).
type Type struct {
	id      string
	name    string
	note    string
	kind    Kind
	country string
	tag     string
	zone    *Zone
	rates   [numCategories][]Rate
	exempt  Rate
}

// Rate is the percentage of one category of one tax type during one
// period (From to To, inclusive civil dates). ID is stable
// ("de_vat/standard/2021-01-01") so that invoices can record which rate
// they used and be re-rendered after rates change. A Rate round-trips
// through JSON.
type Rate struct {
	ID       string   `json:"id"`
	Type     string   `json:"type"` // the tax type ID ("de_vat")
	Kind     Kind     `json:"kind"`
	Category Category `json:"category"`
	Percent  Percent  `json:"percent"`
	From     Date     `json:"from"`
	To       Date     `json:"to"` // zero: open-ended
	Source   string   `json:"source"`
}

// covers reports whether d lies in [From, To].
func (a *Rate) covers(d Date) bool {
	return !d.Before(a.From) && (a.To.IsZero() || !d.After(a.To))
}

// ID returns the type ID ("de_vat").
func (t *Type) ID() string { return t.id }

// Name returns the display name ("German VAT").
func (t *Type) Name() string { return t.name }

// Note returns the data note (for US states: that the rate is a state
// base rate to which local jurisdictions add).
func (t *Type) Note() string { return t.note }

// Kind returns the kind of tax.
func (t *Type) Kind() Kind { return t.kind }

// Country returns the country whose law levies the tax.
func (t *Type) Country() string { return t.country }

// Tag returns the resolver tag ("EU", "CA" or "").
func (t *Type) Tag() string { return t.tag }

// Zone returns the zone where the tax applies.
func (t *Type) Zone() *Zone { return t.zone }

// Rates returns the rates of category c, oldest first, as a new slice.
func (t *Type) Rates(c Category) []Rate {
	if !c.IsValid() {
		return nil
	}
	return slices.Clone(t.rates[c])
}

// Rate returns the rate of category c in force on d. Exempt always
// succeeds with 0 %. It allocates nothing when it succeeds; otherwise the
// error is a [*LookupError].
func (t *Type) Rate(c Category, d Date) (Rate, error) {
	if !c.IsValid() {
		return Rate{}, &LookupError{Field: "type", Value: t.id, Category: c, Date: d, Err: ErrUnknownCategory}
	}
	if c == Exempt {
		a := t.exempt
		a.From = d
		return a, nil
	}
	as := t.rates[c]
	if len(as) == 0 {
		return Rate{}, &LookupError{Field: "type", Value: t.id, Category: c, Date: d, Err: ErrUnknownCategory}
	}
	for i := len(as) - 1; i >= 0; i-- {
		if as[i].covers(d) {
			return as[i], nil
		}
	}
	return Rate{}, &LookupError{Field: "type", Value: t.id, Category: c, Date: d, Err: ErrNoTaxRate}
}

// HasCountry reports whether any tax type applies somewhere in country cc
// (any ASCII case: "de" is DE).
func (d *Data) HasCountry(cc string) bool {
	d.check()
	if !isUpperCode(cc) {
		n, err := normCountry(cc)
		if err != nil {
			return false
		}
		cc = n
	}
	return len(d.typesIn(cc)) > 0
}

// amountPtr is Rate without the copy; exempt returns the shared exempt
// amount (From unset).
func (t *Type) amountPtr(c Category, d Date) (*Rate, bool) {
	if !c.IsValid() {
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
func (d *Data) Version() string { d.check(); return d.version }

// Source returns the citation of a source ID.
func (d *Data) Source(id string) (string, bool) {
	d.check()
	s, ok := d.sources[id]
	return s, ok
}

// Type returns the tax type with the given ID.
func (d *Data) Type(id string) (*Type, bool) {
	d.check()
	t, ok := d.typeByID[id]
	return t, ok
}

// Types returns all tax types in definition order, as a new slice (the
// types themselves are immutable and shared).
func (d *Data) Types() []*Type { d.check(); return slices.Clone(d.types) }

// Zone returns the zone with the given ID.
func (d *Data) Zone(id string) (*Zone, bool) {
	d.check()
	z, ok := d.zones[id]
	return z, ok
}

// Zones returns all zones in definition order, as a new slice (the zones
// themselves are immutable and shared).
func (d *Data) Zones() []*Zone { d.check(); return slices.Clone(d.zoneList) }

// Lookup returns the rate of tax type typeID, category c, in force on
// date on. Unknown types, categories without a rate and dates outside every
// period are a [*LookupError] (never 0 %) wrapping ErrUnknownCountry,
// ErrUnknownCategory or ErrNoTaxRate, whose message quotes at most 64
// bytes of typeID. It allocates nothing on success.
func (d *Data) Lookup(typeID string, c Category, on Date) (Rate, error) {
	d.check()
	t, ok := d.typeByID[typeID]
	if !ok {
		return Rate{}, &LookupError{Op: "Lookup", Field: "type", Value: typeID, Category: c, Date: on, Err: ErrUnknownCountry}
	}
	a, err := t.Rate(c, on)
	if err != nil {
		return Rate{}, withOp(err, "Lookup")
	}
	return a, nil
}

// Limits applied to host-supplied data so that a hostile file cannot make
// LoadJSON or Build do unbounded work.
const (
	// MaxJSONBytes is the largest definition LoadJSON reads (8 MiB).
	MaxJSONBytes = 8 << 20
	// MaxDefItems is the most sources, zones or types a definition may
	// have, and the most rates of one category.
	MaxDefItems = 10_000
	// MaxZoneDepth is the deepest nesting of zone references (a zone of
	// zones of zones …) Build accepts.
	MaxZoneDepth    = 16
	maxPatternBytes = 16
	// maxFlatWork bounds the member visits of expanding zone references.
	maxFlatWork = 1 << 20
)

// LoadJSON reads a JSON Definition and builds it. The input must be one
// JSON object (whitespace around it is allowed; anything after it is an
// error) of at most [MaxJSONBytes] bytes; unknown fields are rejected.
// Errors are [*Error]s wrapping ErrInvalidData with Op "LoadJSON" (syntax,
// size) or "Build" (content).
func LoadJSON(r io.Reader) (*Data, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxJSONBytes+1))
	if err != nil {
		return nil, &Error{Op: "LoadJSON", Field: "json", Err: ErrInvalidData, Reason: "read: " + err.Error()}
	}
	if len(b) > MaxJSONBytes {
		return nil, &Error{Op: "LoadJSON", Field: "json", Err: ErrInvalidData,
			Reason: "larger than the " + strconv.Itoa(MaxJSONBytes) + "-byte (8 MiB) limit"}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var def Definition
	if err := dec.Decode(&def); err != nil {
		return nil, &Error{Op: "LoadJSON", Field: "json", Err: ErrInvalidData, Reason: truncate(err.Error(), 200)}
	}
	if off := dec.InputOffset(); len(bytes.TrimLeft(b[off:], " \t\r\n")) > 0 {
		rest := bytes.TrimLeft(b[off:], " \t\r\n")
		return nil, &Error{Op: "LoadJSON", Field: "json", Value: string(rest[:min(len(rest), 16)]), Err: ErrInvalidData,
			Reason: "trailing data after the definition at byte " + strconv.FormatInt(off, 10)}
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
// well-formed IDs; zones referenced before use (so no cycles), nested at
// most [MaxZoneDepth] deep; country codes of two ASCII letters (any case,
// stored upper case); postal patterns; every type has a standard rate;
// every rate parses, cites a known source and has From ≤ To; no two rates
// of one category overlap in time. Zone references are expanded here,
// once, so that lookups do not depend on how zones nest. Errors are
// [*Error]s wrapping ErrInvalidData that name the field
// ("types[3].rates[0].amounts[1].from").
func Build(def Definition) (*Data, error) {
	d, err := build(def)
	if err != nil {
		return nil, withOp(err, "Build")
	}
	return d, nil
}

func build(def Definition) (*Data, error) {
	if len(def.Sources) > MaxDefItems || len(def.Zones) > MaxDefItems || len(def.Types) > MaxDefItems {
		return nil, fieldErr(ErrInvalidData, "definition", "", "more than "+strconv.Itoa(MaxDefItems)+" sources, zones or types")
	}
	d := &Data{
		version:  def.Version,
		sources:  make(map[string]string, len(def.Sources)),
		zones:    make(map[string]*Zone, len(def.Zones)),
		typeByID: make(map[string]*Type, len(def.Types)),
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
	work := 0
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
		if !z.flatten(&work) {
			return nil, fieldErr(ErrInvalidData, f+".members", zd.ID,
				"zone references expand to too many members (more than "+strconv.Itoa(maxFlatWork)+" in the definition)")
		}
		if z.depth > MaxZoneDepth {
			return nil, fieldErr(ErrInvalidData, f+".members", zd.ID,
				"zone references nested "+strconv.Itoa(z.depth)+" deep (at most "+strconv.Itoa(MaxZoneDepth)+")")
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
		for _, m := range t.zone.leaves {
			ci, _ := cidx(m.country) // validated by buildMember
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
	cc, ok := upperCountry(md.Country)
	if !ok {
		return member{}, fieldErr(ErrInvalidData, f+".country", md.Country, "want two ASCII letters")
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
		country: cc, regions: md.Regions, exRegions: md.ExcludeRegions,
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

func (d *Data) buildType(td TypeDef, f string) (*Type, error) {
	if !validID(td.ID) {
		return nil, fieldErr(ErrInvalidData, f+".id", td.ID, "want [a-z0-9_-]{1,64}")
	}
	if _, dup := d.typeByID[td.ID]; dup {
		return nil, fieldErr(ErrInvalidData, f+".id", td.ID, "duplicate")
	}
	if !td.Kind.IsValid() {
		return nil, fieldErr(ErrInvalidData, f+".kind", td.Kind.String(), "")
	}
	country, ok := upperCountry(td.Country)
	if !ok {
		return nil, fieldErr(ErrInvalidData, f+".country", td.Country, "want two ASCII letters")
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
	t := &Type{id: td.ID, name: td.Name, note: td.Note, kind: td.Kind, country: country, tag: td.Tag, zone: z}
	t.exempt = Rate{ID: td.ID + "/exempt", Type: td.ID, Kind: td.Kind, Category: Exempt}
	for j, rd := range td.Rates {
		rf := f + ".rates[" + strconv.Itoa(j) + "]"
		c := rd.Category
		if !c.IsValid() || c == Exempt {
			return nil, fieldErr(ErrInvalidData, rf+".category", c.String(), "want a category other than exempt")
		}
		if t.rates[c] != nil {
			return nil, fieldErr(ErrInvalidData, rf+".category", c.String(), "duplicate")
		}
		if len(rd.Amounts) == 0 {
			return nil, fieldErr(ErrInvalidData, rf+".amounts", "", "empty")
		}
		if len(rd.Amounts) > MaxDefItems {
			return nil, fieldErr(ErrInvalidData, rf+".amounts", "", "more than "+strconv.Itoa(MaxDefItems)+" rates")
		}
		as := make([]Rate, 0, len(rd.Amounts))
		for k, ad := range rd.Amounts {
			af := rf + ".amounts[" + strconv.Itoa(k) + "]"
			a, err := d.buildAmount(t, c, ad, af)
			if err != nil {
				return nil, err
			}
			as = append(as, a)
		}
		// Sort by From, then check overlaps.
		slices.SortStableFunc(as, func(a, b Rate) int { return a.From.Compare(b.From) })
		for x := 1; x < len(as); x++ {
			prev := as[x-1]
			if prev.To.IsZero() || !prev.To.Before(as[x].From) {
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

func (d *Data) buildAmount(t *Type, c Category, ad AmountDef, f string) (Rate, error) {
	p, err := pricing.ParsePercent(ad.Percent)
	if err != nil {
		return Rate{}, fieldErr(ErrInvalidData, f+".percent", ad.Percent, "want a decimal like 19 or 9.975")
	}
	if c == Zero && !p.IsZero() {
		return Rate{}, fieldErr(ErrInvalidData, f+".percent", ad.Percent, "the zero category must be 0")
	}
	from, err := ParseDate(ad.From)
	if err != nil {
		return Rate{}, fieldErr(ErrInvalidData, f+".from", ad.From, "want YYYY-MM-DD")
	}
	var to Date
	if ad.To != "" {
		if to, err = ParseDate(ad.To); err != nil {
			return Rate{}, fieldErr(ErrInvalidData, f+".to", ad.To, "want YYYY-MM-DD")
		}
		if to.Before(from) {
			return Rate{}, fieldErr(ErrInvalidData, f+".to", ad.To, "before from "+ad.From)
		}
	}
	if _, ok := d.sources[ad.Source]; !ok {
		return Rate{}, fieldErr(ErrInvalidData, f+".source", ad.Source, "unknown source")
	}
	return Rate{
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

// upperCountry returns s, two ASCII letters in any case, in upper case.
func upperCountry(s string) (string, bool) {
	if len(s) != 2 {
		return "", false
	}
	var b [2]byte
	for i := 0; i < 2; i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c < 'A' || c > 'Z' {
			return "", false
		}
		b[i] = c
	}
	if string(b[:]) == s {
		return s, true
	}
	return string(b[:]), true
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
