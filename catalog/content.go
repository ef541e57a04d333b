package catalog

import (
	"strings"
	"time"

	"golang.org/x/text/language"
)

// Field names a localized field of a product.
type Field string

// The localized fields.
const (
	FieldName        Field = "name"
	FieldDescription Field = "description"
	FieldSlug        Field = "slug"
)

// Localized is a product's content resolved for one locale, field by
// field: each field comes from the first locale of the requested locale's
// chain (locale.Chain, then the catalog's last resort) that has it.
type Localized struct {
	Requested   language.Tag
	Name        string
	Description string
	Slug        string
	// Sources says which locale served each field, in the order name,
	// description, slug.
	Sources [3]FieldSource
}

// FieldSource says where one localized field came from.
type FieldSource struct {
	Field Field
	// Locale is the content locale that served the field, or language.Und
	// when no locale of the chain has it (the field is empty).
	Locale language.Tag
	// LastResort is true when Locale was reached only through the
	// catalog's last-resort locale.
	LastResort bool
}

// Explain returns one line per field: "name: de (fallback from de-CH)",
// "description: en (last resort)", "slug: missing".
func (l Localized) Explain() string {
	var b strings.Builder
	for i, s := range l.Sources {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(string(s.Field))
		b.WriteString(": ")
		switch {
		case s.Locale == language.Und:
			b.WriteString("missing")
		case s.LastResort:
			b.WriteString(s.Locale.String() + " (last resort)")
		case s.Locale == l.Requested:
			b.WriteString(s.Locale.String())
		default:
			b.WriteString(s.Locale.String() + " (fallback from " + l.Requested.String() + ")")
		}
	}
	return b.String()
}

// Localize resolves product id's content for tag. An unknown product is an
// error wrapping ErrNotFound.
func (c *Catalog) Localize(id string, tag language.Tag) (Localized, error) {
	c.check()
	p, ok := c.byID[id]
	if !ok {
		return Localized{}, &Error{Op: "Localize", Field: "product", Value: id, Err: because(ErrNotFound, "no such product")}
	}
	return c.localize(p, tag), nil
}

func (c *Catalog) localize(p *product, tag language.Tag) Localized {
	ch := c.chain(tag)
	own := ownChainLen(tag)
	l := Localized{Requested: tag}
	l.Sources = [3]FieldSource{{Field: FieldName}, {Field: FieldDescription}, {Field: FieldSlug}}
	dst := [3]*string{&l.Name, &l.Description, &l.Slug}
	for i, t := range ch {
		ct, ok := p.Content[t]
		if !ok {
			continue
		}
		vals := [3]string{ct.Name, ct.Description, ct.Slug}
		for f := range 3 {
			if l.Sources[f].Locale == language.Und && vals[f] != "" {
				*dst[f] = vals[f]
				l.Sources[f].Locale = t
				l.Sources[f].LastResort = i >= own
			}
		}
	}
	return l
}

// name returns the product name for a precomputed chain, without
// allocating.
func (p *product) name(ch []language.Tag) (string, language.Tag) {
	for _, t := range ch {
		if ct, ok := p.Content[t]; ok && ct.Name != "" {
			return ct.Name, t
		}
	}
	return "", language.Und
}

func (p *product) slug(ch []language.Tag) string {
	for _, t := range ch {
		if ct, ok := p.Content[t]; ok && ct.Slug != "" {
			return ct.Slug
		}
	}
	return ""
}

// HasTranslation reports whether product id has a name in tag's own
// fallback chain, without the last resort (what a market's default locale
// needs before launch). It is false for an unknown product.
func (c *Catalog) HasTranslation(id string, tag language.Tag) bool {
	c.check()
	p, ok := c.byID[id]
	if !ok {
		return false
	}
	l := c.localize(p, tag)
	return l.Name != "" && !l.Sources[0].LastResort
}

// label resolves a label map for tag.
func (c *Catalog) label(labels map[language.Tag]string, tag language.Tag) (string, language.Tag) {
	for _, t := range c.chain(tag) {
		if s, ok := labels[t]; ok {
			return s, t
		}
	}
	return "", language.Und
}

// CategoryLabel returns category id's label for tag and the locale that
// served it; ok is false for an unknown category or when no locale of the
// chain has a label.
func (c *Catalog) CategoryLabel(id string, tag language.Tag) (label string, from language.Tag, ok bool) {
	c.check()
	cat, found := c.catByID[id]
	if !found {
		return "", language.Und, false
	}
	label, from = c.label(cat.Labels, tag)
	return label, from, label != ""
}

// AttributeLabel returns attribute id's label for tag, as CategoryLabel.
func (c *Catalog) AttributeLabel(id string, tag language.Tag) (label string, from language.Tag, ok bool) {
	c.check()
	a, found := c.attrByID[id]
	if !found {
		return "", language.Und, false
	}
	label, from = c.label(a.Labels, tag)
	return label, from, label != ""
}

// ValueLabel returns the label of value of Enum attribute attr for tag, as
// CategoryLabel.
func (c *Catalog) ValueLabel(attr, value string, tag language.Tag) (label string, from language.Tag, ok bool) {
	c.check()
	a, found := c.attrByID[attr]
	if !found {
		return "", language.Und, false
	}
	i, found := a.valueIdx[value]
	if !found {
		return "", language.Und, false
	}
	label, from = c.label(a.Values[i].Labels, tag)
	return label, from, label != ""
}

// Missing is one gap in a market's localized content: a field that a
// supported locale's own fallback chain lacks.
type Missing struct {
	Market string
	Locale language.Tag // the market locale
	Kind   string       // "product", "category", "attribute" or "value"
	ID     string       // the product, category or attribute ID; "attr/value" for a value
	Field  Field        // for products: name, description or slug; otherwise "label"
	// ServedBy is the last-resort locale that fills the gap, or
	// language.Und when the field is empty.
	ServedBy language.Tag
}

// MissingContent reports, for each market and each of its locales, every
// product field, category label, attribute label and enum value label that
// the locale's own chain lacks, for the products the market may sell
// (the rules that do not depend on time; sale windows and host rules are
// ignored). An invalid market is an error.
func (c *Catalog) MissingContent(markets ...Market) ([]Missing, error) {
	c.check()
	var out []Missing
	for _, m := range markets {
		cm, err := compileMarket("MissingContent", m)
		if err != nil {
			return nil, err
		}
		for _, tag := range cm.Locales {
			for _, p := range c.products {
				if ok, _, _ := p.avail.static(cm); !ok {
					continue
				}
				l := c.localize(p, tag)
				for _, s := range l.Sources {
					if s.Locale == language.Und || s.LastResort {
						out = append(out, Missing{Market: cm.ID, Locale: tag, Kind: "product", ID: p.ID, Field: s.Field, ServedBy: lr(s)})
					}
				}
			}
			own := ownChainLen(tag)
			gap := func(labels map[language.Tag]string) (bool, language.Tag) {
				for i, t := range c.chain(tag) {
					if _, ok := labels[t]; ok {
						if i < own {
							return false, language.Und
						}
						return true, t
					}
				}
				return true, language.Und
			}
			for _, cat := range c.cats {
				if g, by := gap(cat.Labels); g {
					out = append(out, Missing{Market: cm.ID, Locale: tag, Kind: "category", ID: cat.ID, Field: "label", ServedBy: by})
				}
			}
			for _, a := range c.attrs {
				if g, by := gap(a.Labels); g {
					out = append(out, Missing{Market: cm.ID, Locale: tag, Kind: "attribute", ID: a.ID, Field: "label", ServedBy: by})
				}
				for _, v := range a.Values {
					if g, by := gap(v.Labels); g {
						out = append(out, Missing{Market: cm.ID, Locale: tag, Kind: "value", ID: a.ID + "/" + v.ID, Field: "label", ServedBy: by})
					}
				}
			}
		}
	}
	return out, nil
}

func lr(s FieldSource) language.Tag {
	if s.LastResort {
		return s.Locale
	}
	return language.Und
}

// now is the clock of the package (tests replace nothing: every API takes
// its time explicitly; this is the default for zero times).
func now() time.Time { return time.Now() }
