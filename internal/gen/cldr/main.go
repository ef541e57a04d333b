// Command cldr generates the CLDR-derived tables of package locale.
//
// It reads CLDR JSON from the npm packages cldr-core, cldr-numbers-full,
// cldr-dates-full and cldr-localenames-full, all pinned to one release
// (see cldrVersion), and the time zone aliases of cldr-bcp47 (see
// bcp47Version). The packages are fetched with `npm pack` into a cache
// folder on first use; -data points at an already unpacked copy instead.
//
// Run it through go generate in the locale folder:
//
//	cd locale && go generate
//
// Every output is a gofmt'ed Go file that starts with the standard
// "Code generated … DO NOT EDIT." line, followed by the list of every input
// with its version and licence (internal/gen.Header): the npm packages and
// the Go modules bojanz/currency (the ISO 4217 list) and
// nyaruka/phonenumbers (calling codes), at the versions the generator is
// built with. CLDRVersion in package locale is written by the generator
// too (version_tables.go), so it cannot drift from the data.
// The output is deterministic: maps are walked in sorted order.
//
// Each table family lives in its own gen_*.go file that registers a
// generator with [register]; the registry keeps the families independent.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/marketkit/marketkit/internal/gen"
)

// cldrVersion is the CLDR release of every npm package read. It is the
// release github.com/bojanz/currency v1.4.2 is generated from, so the
// differential tests in locale compare like with like.
const cldrVersion = "48.1.0"

// bcp47Version is the release of cldr-bcp47, which was not published to
// npm at cldrVersion: 48.2.0 is the nearest 48.x release. Only its time
// zone IDs and aliases (bcp47/timezone.json) are read, to map CLDR's zone
// IDs to current IANA names.
const bcp47Version = "48.2.0"

// inputs are every input of the generator, pinned: the npm packages it
// reads and the Go modules whose data it reads through their API (their
// versions are the go.mod requirements the generator is built with). Every
// generated file names them all in its header.
var inputs = []gen.Input{
	gen.NPM("cldr-core", cldrVersion, "Unicode-3.0", ""),
	gen.NPM("cldr-numbers-full", cldrVersion, "Unicode-3.0", ""),
	gen.NPM("cldr-dates-full", cldrVersion, "Unicode-3.0", ""),
	gen.NPM("cldr-localenames-full", cldrVersion, "Unicode-3.0", ""),
	gen.NPM("cldr-bcp47", bcp47Version, "Unicode-3.0", "time zone aliases"),
	gen.MustGoModule("github.com/bojanz/currency", "MIT", "the ISO 4217 list: codes, numeric codes, digits"),
	gen.MustGoModule("github.com/nyaruka/phonenumbers", "MIT", "calling codes (libphonenumber metadata)"),
}

// generator writes one output file of package locale.
type generator struct {
	name string                        // short name, used by -only
	file string                        // output file name in the output folder
	gen  func(d *data) ([]byte, error) // returns the Go source after the header
}

var generators []generator

// register adds a table family. It is called from init functions of the
// gen_*.go files of this command (a generator, not a library package).
func register(name, file string, gen func(d *data) ([]byte, error)) {
	generators = append(generators, generator{name, file, gen})
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen/cldr: ")
	dataDir := flag.String("data", "", "folder holding the unpacked npm packages (default: fetch into the user cache)")
	outDir := flag.String("out", ".", "output folder (the locale package)")
	only := flag.String("only", "", "comma-separated generator names to run (default: all)")
	flag.Parse()

	if *dataDir == "" {
		dir, err := fetch()
		if err != nil {
			log.Fatal(err)
		}
		*dataDir = dir
	}
	d := &data{root: *dataDir}
	slices.SortFunc(generators, func(a, b generator) int { return strings.Compare(a.name, b.name) })
	for _, g := range generators {
		if *only != "" && !slices.Contains(strings.Split(*only, ","), g.name) {
			continue
		}
		body, err := g.gen(d)
		if err != nil {
			log.Fatalf("%s: %v", g.name, err)
		}
		if err := writeGo(filepath.Join(*outDir, g.file), body); err != nil {
			log.Fatalf("%s: %v", g.name, err)
		}
	}
}

func writeGo(path string, body []byte) error {
	return gen.WriteGo(path, gen.Header("cldr", inputs), body)
}

// fetch downloads and unpacks the pinned npm packages into the user cache
// once, and returns the folder that holds one subfolder per package
// (gen.DirName: "cldr-core@48.1.0"). A cached package of another version
// than the pinned one is an error.
func fetch() (string, error) {
	return gen.FetchNPM("marketkit-cldr", inputs)
}

// pkgDir returns the folder of the npm input named pkg under the data
// root.
func pkgDir(pkg string) string {
	for _, in := range inputs {
		if in.Kind == "npm" && in.Name == pkg {
			return gen.DirName(in)
		}
	}
	panic("gen/cldr: " + pkg + " is not a pinned input")
}

// data reads the unpacked CLDR JSON.
type data struct {
	root string
}

// read decodes pkg/path (for example "cldr-core", "supplemental/currencyData.json") into v.
func (d *data) read(pkg, path string, v any) error {
	b, err := os.ReadFile(filepath.Join(d.root, pkgDir(pkg), path))
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s/%s: %v", pkg, path, err)
	}
	return nil
}

// modernLocales returns the sorted IDs of the locales whose effective CLDR
// coverage level is "modern", as spelled in the JSON folder names.
func (d *data) modernLocales() ([]string, error) {
	var cov struct {
		EffectiveCoverageLevels map[string]string `json:"effectiveCoverageLevels"`
	}
	if err := d.read("cldr-core", "coverageLevels.json", &cov); err != nil {
		return nil, err
	}
	var ids []string
	for id, level := range cov.EffectiveCoverageLevels {
		if level == "modern" {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids, nil
}

// buf is a bytes.Buffer with a printf shorthand.
type buf struct{ bytes.Buffer }

func (b *buf) p(format string, args ...any) { fmt.Fprintf(&b.Buffer, format, args...) }

// elems writes the elements of a composite literal, perLine to a line, each
// formatted with verb and followed by ", ", and ends with a newline; the
// caller writes the braces.
func elems[T any](b *buf, items []T, perLine int, verb string) {
	for i, v := range items {
		if i%perLine == 0 {
			b.p("\n")
		}
		b.p(verb+", ", v)
	}
	b.p("\n")
}

// readSupplemental decodes the value under supplemental.<key> of cldr-core
// supplemental/<file> (for example "currencyData.json", "currencyData")
// into a T.
func readSupplemental[T any](d *data, file, key string) (T, error) {
	var v struct {
		Supplemental map[string]json.RawMessage `json:"supplemental"`
	}
	var out T
	if err := d.read("cldr-core", "supplemental/"+file, &v); err != nil {
		return out, err
	}
	raw, ok := v.Supplemental[key]
	if !ok {
		return out, fmt.Errorf("cldr-core/supplemental/%s has no %s", file, key)
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		return out, fmt.Errorf("cldr-core/supplemental/%s %s: %v", file, key, err)
	}
	return out, nil
}

// readLocale decodes the value at path below main.<id> of
// pkg/main/<id>/<file> (for example "cldr-numbers-full", "de",
// "currencies.json", "numbers", "currencies") into a T. A missing key
// leaves the zero T.
func readLocale[T any](d *data, pkg, id, file string, path ...string) (T, error) {
	var v struct {
		Main map[string]json.RawMessage `json:"main"`
	}
	var out T
	name := pkg + "/main/" + id + "/" + file
	if err := d.read(pkg, "main/"+id+"/"+file, &v); err != nil {
		return out, err
	}
	raw, ok := v.Main[id]
	for _, key := range path {
		if !ok {
			return out, nil
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			return out, fmt.Errorf("%s %s: %v", name, key, err)
		}
		raw, ok = m[key]
	}
	if !ok {
		return out, nil
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		return out, fmt.Errorf("%s %s: %v", name, strings.Join(path, "."), err)
	}
	return out, nil
}

// likelySubtags returns CLDR's likelySubtags table.
func (d *data) likelySubtags() (map[string]string, error) {
	return readSupplemental[map[string]string](d, "likelySubtags.json", "likelySubtags")
}

// parentLocales returns CLDR's parentLocales table (child → parent, with
// "root" for root).
func (d *data) parentLocales() (map[string]string, error) {
	pl, err := readSupplemental[struct {
		ParentLocale map[string]string `json:"parentLocale"`
	}](d, "parentLocales.json", "parentLocales")
	return pl.ParentLocale, err
}

// parentFunc returns the CLDR parent of a locale ID ("" for root), with
// the rule of locale.parentID (see cldrParent).
func (d *data) parentFunc() (func(string) string, error) {
	parents, err := d.parentLocales()
	if err != nil {
		return nil, err
	}
	likely, err := d.likelySubtags()
	if err != nil {
		return nil, err
	}
	return func(id string) string { return cldrParent(parents, likely, id) }, nil
}

// cldrParent is locale.parentID: parentLocales first, then truncation,
// where dropping a script that is not the language's likely script leads
// to root.
func cldrParent(parents, likely map[string]string, id string) string {
	if p, ok := parents[id]; ok {
		if p == "root" || p == "und" {
			return ""
		}
		return p
	}
	i := strings.LastIndexByte(id, '-')
	if i < 0 {
		return ""
	}
	p, last := id[:i], id[i+1:]
	if len(last) == 4 && !strings.Contains(p, "-") {
		l, ok := likely[p]
		if !ok {
			return ""
		}
		if parts := strings.Split(l, "-"); len(parts) < 2 || parts[1] != last {
			return ""
		}
	}
	return p
}

// interner numbers distinct values in the order they are first seen; its
// zero value is ready to use.
type interner[T comparable] struct {
	list  []T
	index map[T]int
}

// intern returns the number of v, adding it to list when it is new.
func (in *interner[T]) intern(v T) int {
	if i, ok := in.index[v]; ok {
		return i
	}
	if in.index == nil {
		in.index = map[T]int{}
	}
	in.index[v] = len(in.list)
	in.list = append(in.list, v)
	return len(in.list) - 1
}

// setOf returns the set of the strings in s.
func setOf(s []string) map[string]bool {
	m := make(map[string]bool, len(s))
	for _, v := range s {
		m[v] = true
	}
	return m
}
