package catalog

import (
	"bufio"
	"encoding/json"
	"io"
	"time"

	"golang.org/x/text/language"
)

// The forms WriteJSONL writes: the reader's, with empty fields left out.
type (
	outCategory struct {
		Type   string            `json:"type"`
		ID     string            `json:"id"`
		Parent string            `json:"parent,omitempty"`
		Labels map[string]string `json:"labels,omitempty"`
	}
	outValue struct {
		ID     string            `json:"id"`
		Labels map[string]string `json:"labels,omitempty"`
	}
	outAttribute struct {
		Type   string            `json:"type"`
		ID     string            `json:"id"`
		Kind   string            `json:"kind"`
		Labels map[string]string `json:"labels,omitempty"`
		Values []outValue        `json:"values,omitempty"`
	}
	outAvailability struct {
		Markets          []string `json:"markets,omitempty"`
		ExcludeMarkets   []string `json:"exclude_markets,omitempty"`
		Countries        []string `json:"countries,omitempty"`
		ExcludeCountries []string `json:"exclude_countries,omitempty"`
		RequireFlags     []string `json:"require_flags,omitempty"`
		ForbidFlags      []string `json:"forbid_flags,omitempty"`
		From             string   `json:"from,omitempty"`
		Until            string   `json:"until,omitempty"`
	}
	outContent struct {
		Name        string `json:"name,omitempty"`
		Description string `json:"description,omitempty"`
		Slug        string `json:"slug,omitempty"`
	}
	outVariant struct {
		SKU        string         `json:"sku"`
		Attributes map[string]any `json:"attributes,omitempty"`
		Media      []string       `json:"media,omitempty"`
	}
	outProduct struct {
		Type         string                `json:"type"`
		ID           string                `json:"id"`
		Category     string                `json:"category,omitempty"`
		TaxClass     string                `json:"tax_class"`
		Created      string                `json:"created,omitempty"`
		Rank         int64                 `json:"rank,omitempty"`
		Attributes   map[string]any        `json:"attributes,omitempty"`
		Variants     []outVariant          `json:"variants,omitempty"`
		Media        []string              `json:"media,omitempty"`
		Content      map[string]outContent `json:"content,omitempty"`
		Availability *outAvailability      `json:"availability,omitempty"`
	}
)

// WriteJSONL writes the catalog as JSON Lines in the format ReadJSONL
// reads: the version, the categories, the attributes, then the products,
// one record per line, object keys sorted, numbers as decimal strings, so
// the output is deterministic and ReadJSONL gives back c.Data().
func WriteJSONL(w io.Writer, c *Catalog) error {
	c.check()
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	put := func(v any) error { return enc.Encode(v) }
	if err := put(jsonCatalog{Type: "catalog", Version: c.version}); err != nil {
		return err
	}
	for _, cat := range c.cats {
		if err := put(outCategory{Type: "category", ID: cat.ID, Parent: cat.Parent, Labels: labelsOut(cat.Labels)}); err != nil {
			return err
		}
	}
	for _, a := range c.attrs {
		oa := outAttribute{Type: "attribute", ID: a.ID, Kind: a.Kind.String(), Labels: labelsOut(a.Labels)}
		for _, v := range a.Values {
			oa.Values = append(oa.Values, outValue{ID: v.ID, Labels: labelsOut(v.Labels)})
		}
		if err := put(oa); err != nil {
			return err
		}
	}
	for _, p := range c.products {
		op := outProduct{Type: "product", ID: p.ID, Category: p.Category, TaxClass: p.TaxClass, Rank: p.Rank,
			Attributes: valuesOut(p.Attributes), Media: p.Media}
		if !p.Created.IsZero() {
			op.Created = p.Created.Format(time.RFC3339Nano)
		}
		for _, v := range p.Variants {
			op.Variants = append(op.Variants, outVariant{SKU: v.SKU, Attributes: valuesOut(v.Attributes), Media: v.Media})
		}
		if len(p.Content) > 0 {
			op.Content = make(map[string]outContent, len(p.Content))
			for t, ct := range p.Content {
				op.Content[t.String()] = outContent(ct)
			}
		}
		if oa := outAvailability(p.Availability); !isZeroAvailability(oa) {
			op.Availability = &oa
		}
		if err := put(op); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func isZeroAvailability(a outAvailability) bool {
	return len(a.Markets) == 0 && len(a.ExcludeMarkets) == 0 && len(a.Countries) == 0 && len(a.ExcludeCountries) == 0 &&
		len(a.RequireFlags) == 0 && len(a.ForbidFlags) == 0 && a.From == "" && a.Until == ""
}

func labelsOut(m map[language.Tag]string) map[string]string {
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]string, len(m))
	for t, s := range m {
		out[t.String()] = s
	}
	return out
}

func valuesOut(m map[string]Value) map[string]any {
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]any, len(m))
	for id, v := range m {
		switch v.Kind {
		case Text:
			out[id] = v.Text
		case Number:
			out[id] = v.Number.String()
		case Boolean:
			out[id] = v.Bool
		case Enum:
			out[id] = v.Enum
		}
	}
	return out
}
