package locale

import (
	"sort"
	"strings"

	"golang.org/x/text/language"
)

// Chain returns the fallback chain of tag, most specific first: the tag
// reduced to language, script and region, then each CLDR parent in turn,
// ending before the root locale. Parents come from CLDR parentLocales first
// (es-MX → es-419, pt-AO → pt-PT, en-AU → en-001, zh-Hant → root), then from
// truncation (de-CH → de), where dropping a script that is not the
// language's likely script leads to root (sr-Latn → root, not sr).
//
//	Chain(language.MustParse("es-MX")) // [es-MX es-419 es]
//
// The undetermined tag (und) has an empty chain.
func Chain(tag language.Tag) []language.Tag {
	id := localeID(tag)
	var out []language.Tag
	for id != "" {
		t, err := language.Parse(id)
		if err != nil {
			break
		}
		out = append(out, t)
		id = parentID(id)
	}
	return out
}

// localeID returns the CLDR-style ID (language[-Script][-Region]) of tag,
// without variants or extensions; "" for und.
func localeID(tag language.Tag) string {
	base, bc := tag.Base()
	if bc != language.Exact {
		return ""
	}
	id := base.String()
	if s, c := tag.Script(); c == language.Exact {
		id += "-" + s.String()
	}
	if r, c := tag.Region(); c == language.Exact {
		id += "-" + r.String()
	}
	return id
}

// parentID returns the CLDR parent of a locale ID, or "" for root.
func parentID(id string) string {
	if i := sort.Search(len(parentLocales), func(i int) bool { return parentLocales[i].child >= id }); i < len(parentLocales) && parentLocales[i].child == id {
		return parentLocales[i].parent
	}
	i := strings.LastIndexByte(id, '-')
	if i < 0 {
		return ""
	}
	parent, last := id[:i], id[i+1:]
	if len(last) == 4 && !strings.Contains(parent, "-") {
		// Dropping a script: the nonlikelyScript rule of parentLocales.
		if s, ok := likelyScript(parent); !ok || s != last {
			return ""
		}
	}
	return parent
}

// likelyScript returns the likely script of a language that has locales
// with a script subtag.
func likelyScript(lang string) (string, bool) {
	i := sort.Search(len(likelyScripts), func(i int) bool { return likelyScripts[i].lang >= lang })
	if i < len(likelyScripts) && likelyScripts[i].lang == lang {
		return likelyScripts[i].script, true
	}
	return "", false
}
