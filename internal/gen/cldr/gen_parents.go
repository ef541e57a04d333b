package main

import (
	"slices"
	"strings"
)

func init() { register("parents", "parent_tables.go", genParents) }

// genParents writes the CLDR parentLocales table and, for every language
// CLDR has a locale of, its likely script (from likelySubtags.json), which
// the "nonlikelyScript → root" rule of parentLocales needs: de-Latn-DE
// falls back to de, sr-Latn to root.
func genParents(d *data) ([]byte, error) {
	parents, err := d.parentLocales()
	if err != nil {
		return nil, err
	}
	likely, err := d.likelySubtags()
	if err != nil {
		return nil, err
	}
	var b buf
	b.p("package locale\n\n")
	b.p("// parentLocales maps a CLDR locale ID to its explicit parent (CLDR\n")
	b.p("// supplemental/parentLocales.json); \"\" stands for root. Sorted by child.\n")
	b.p("var parentLocales = [...]struct{ child, parent string }{\n")
	for _, c := range sortedKeys(parents) {
		p := parents[c]
		if p == "root" || p == "und" {
			p = ""
		}
		b.p("{%q, %q},\n", c, p)
	}
	b.p("}\n\n")

	// Every language CLDR has a locale of: a tag may spell out the
	// likely script of any of them (de-Latn-DE, ja-Jpan-JP).
	avail, err := d.availableLocales()
	if err != nil {
		return nil, err
	}
	langs := map[string]bool{}
	for _, id := range avail {
		lang, _, _ := strings.Cut(id, "-")
		langs[lang] = true
	}
	b.p("// likelyScripts maps a language to its likely script (CLDR\n")
	b.p("// likelySubtags.json), for every language CLDR has a locale of.\n")
	b.p("// Sorted by language.\n")
	b.p("var likelyScripts = [...]struct{ lang, script string }{\n")
	for _, l := range sortedKeys(langs) {
		full, ok := likely[l]
		if !ok {
			continue
		}
		parts := strings.Split(full, "-")
		if len(parts) >= 2 && len(parts[1]) == 4 {
			b.p("{%q, %q},\n", l, parts[1])
		}
	}
	b.p("}\n")
	return b.Bytes(), nil
}

// availableLocales returns every locale ID CLDR has data for ("full"
// packages), sorted.
func (d *data) availableLocales() ([]string, error) {
	var al struct {
		AvailableLocales struct {
			Full []string `json:"full"`
		} `json:"availableLocales"`
	}
	if err := d.read("cldr-core", "availableLocales.json", &al); err != nil {
		return nil, err
	}
	ids := slices.Clone(al.AvailableLocales.Full)
	slices.Sort(ids)
	return ids, nil
}

// sortedKeys returns the keys of m in sorted order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
