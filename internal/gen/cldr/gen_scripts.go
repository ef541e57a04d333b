package main

import (
	"regexp"
	"strings"
)

func init() { register("scripts", "script_tables.go", genScripts) }

var langRegion = regexp.MustCompile(`^[a-z]{2,3}-([A-Z]{2}|[0-9]{3})$`)

// genScripts writes the language-region pairs whose likely script differs
// from the language's own likely script (CLDR likelySubtags.json: zh-TW →
// zh-Hant-TW while zh → zh-Hans-CN), so that locale IDs can make that
// script explicit before walking the fallback chain.
func genScripts(d *data) ([]byte, error) {
	likely, err := d.likelySubtags()
	if err != nil {
		return nil, err
	}
	var b buf
	b.p("package locale\n\n")
	b.p("// regionScripts maps language-Region to its likely script where that\n")
	b.p("// differs from the language's likely script (CLDR likelySubtags).\n")
	b.p("// Sorted by id.\n")
	b.p("var regionScripts = [...]struct{ id, script string }{\n")
	for _, k := range sortedKeys(likely) {
		if !langRegion.MatchString(k) {
			continue
		}
		lang := strings.Split(k, "-")[0]
		if lang == "und" {
			continue
		}
		base, ok := likely[lang]
		if !ok {
			continue
		}
		s := strings.Split(likely[k], "-")
		bs := strings.Split(base, "-")
		if len(s) == 3 && len(bs) == 3 && s[1] != bs[1] {
			b.p("{%q, %q},\n", k, s[1])
		}
	}
	b.p("}\n")
	return b.Bytes(), nil
}
