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
// A script implied by the region is made explicit first, as CLDR's locale
// aliases do: Chain(zh-TW) is [zh-Hant-TW zh-Hant], Chain(sr-ME) is
// [sr-Latn-ME sr-Latn]. The undetermined tag (und) has an empty chain.
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
// without variants or extensions; "" for und. A script implied by the
// region is made explicit (zh-TW → zh-Hant-TW).
func localeID(tag language.Tag) string {
	base, script, region := tag.Raw() // explicit subtags only, no inference
	if base == (language.Base{}) {
		return ""
	}
	id := base.String()
	if script != (language.Script{}) {
		id += "-" + script.String()
	} else if region != (language.Region{}) {
		// A region can imply a script other than the language's likely
		// one (CLDR likelySubtags): zh-TW is zh-Hant-TW, sr-ME is
		// sr-Latn-ME.
		if s, ok := regionScript(id + "-" + region.String()); ok {
			id += "-" + s
		}
	}
	if region != (language.Region{}) {
		id += "-" + region.String()
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

// regionScript returns the likely script of a language-Region ID where it
// differs from the language's own likely script.
func regionScript(id string) (string, bool) {
	i := sort.Search(len(regionScripts), func(i int) bool { return regionScripts[i].id >= id })
	if i < len(regionScripts) && regionScripts[i].id == id {
		return regionScripts[i].script, true
	}
	return "", false
}
