package shop

import (
	"html"
	"html/template"
	"strconv"
	"strings"
)

// The listing's two repeated blocks, the facet checkboxes and the product
// grid, are written here rather than by html/template: a listing page has
// some 200 values in them, and html/template calls an escaper through
// reflection for each, which was two thirds of the page's cost. Every
// value goes through html.EscapeString (& < > " ' escaped), which is safe
// in text and in double-quoted attribute values, the only two places
// values are written; links must be local paths (they are built from the
// market's home). FuzzMarkup checks that any value comes out as exactly
// that text or attribute and never as markup.

// writeFacets writes the facets' fieldsets.
func writeFacets(b *strings.Builder, facets []facetView) template.HTML {
	for _, f := range facets {
		b.WriteString("\n<fieldset><legend>")
		b.WriteString(html.EscapeString(f.Label))
		b.WriteString("</legend>")
		for _, v := range f.Values {
			id := html.EscapeString(v.ID)
			b.WriteString("\n<label for=\"")
			b.WriteString(id)
			b.WriteString("\"><input type=\"checkbox\" id=\"")
			b.WriteString(id)
			b.WriteString("\" name=\"")
			b.WriteString(html.EscapeString(v.Name))
			b.WriteString("\" value=\"")
			b.WriteString(html.EscapeString(v.Value))
			b.WriteString("\"")
			if v.Checked {
				b.WriteString(" checked")
			}
			b.WriteString("> ")
			b.WriteString(html.EscapeString(v.Label))
			b.WriteString(" <span class=\"n\">(")
			b.WriteString(strconv.Itoa(v.Count))
			b.WriteString(")</span></label>")
		}
		b.WriteString("\n</fieldset>")
	}
	return template.HTML(b.String()) // every value escaped above
}

// writeItems writes the product grid's items.
func writeItems(b *strings.Builder, items []itemView) template.HTML {
	for _, it := range items {
		b.WriteString("\n<li class=\"item\"><a href=\"")
		b.WriteString(html.EscapeString(localURL(it.URL)))
		b.WriteString("\">")
		b.WriteString(html.EscapeString(it.Name))
		b.WriteString("</a> <span class=\"price\">")
		b.WriteString(html.EscapeString(it.Price))
		b.WriteString("</span>")
		if it.Was != "" {
			b.WriteString(" <s class=\"was\">")
			b.WriteString(html.EscapeString(it.Was))
			b.WriteString("</s>")
		}
		b.WriteString("</li>")
	}
	b.WriteString("\n")
	return template.HTML(b.String()) // every value escaped above
}

// localURL returns u when it is a path on this site ("/de/p/x"), "#"
// otherwise: a link written by hand never gets a scheme or another host.
func localURL(u string) string {
	if len(u) > 0 && u[0] == '/' && (len(u) == 1 || (u[1] != '/' && u[1] != '\\')) {
		return u
	}
	return "#"
}
