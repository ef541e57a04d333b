package catalog

import (
	"time"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/internal/enum"
	"github.com/marketkit/marketkit/pricing"
)

// Data is the content of one catalog version, as loaded from JSON Lines
// (ReadJSONL) or from a host's database. New checks it and builds a
// Catalog from it.
type Data struct {
	// Version names this catalog version (1 to MaxIDBytes bytes, any
	// printable text, e.g. "2026-12-04.3"). Indexes and cursors are bound
	// to it.
	Version    string
	Categories []Category
	Attributes []Attribute
	Products   []Product
}

// Category is a node of the category tree. A product in a category is also
// in each of its ancestors when a query filters by category.
type Category struct {
	ID     string // an identifier (see "Identifiers" in the package documentation)
	Parent string // the parent category's ID, or "" for a root
	// Labels are the category's display names per locale.
	Labels map[language.Tag]string
	// Line is the JSON Lines line the record came from (0 when not from a
	// file); errors name it.
	Line int
}

// AttributeKind is the type of an attribute's values.
type AttributeKind uint8

// The attribute kinds. The zero AttributeKind is invalid.
const (
	Text    AttributeKind = iota + 1 // free text, matched exactly ("stoneware")
	Number                           // an exact decimal (pricing.Fixed), e.g. a capacity "0.35"
	Boolean                          // true or false
	Enum                             // one or more of the attribute's Values, with localized labels
)

var kindNames = enum.New[AttributeKind]("AttributeKind", Text, "text", "number", "boolean", "enum")

// String returns "text", "number", "boolean" or "enum", or "AttributeKind(N)".
func (k AttributeKind) String() string { return kindNames.String(k) }

// IsValid reports whether k is one of the defined kinds.
func (k AttributeKind) IsValid() bool { return kindNames.IsValid(k) }

// AppendText appends k's name to b; an invalid kind is an error.
func (k AttributeKind) AppendText(b []byte) ([]byte, error) {
	out, ok := kindNames.AppendText(b, k)
	if !ok {
		return b, &Error{Op: "AttributeKind.AppendText", Field: "kind", Value: k.String(), Err: because(ErrInvalid, "unknown attribute kind")}
	}
	return out, nil
}

// MarshalText returns k's name; an invalid kind is an error.
func (k AttributeKind) MarshalText() ([]byte, error) { return k.AppendText(nil) }

// UnmarshalText parses a kind name.
func (k *AttributeKind) UnmarshalText(b []byte) error {
	v, err := ParseAttributeKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// ParseAttributeKind parses "text", "number", "boolean" or "enum".
func ParseAttributeKind(s string) (AttributeKind, error) {
	v, ok := kindNames.Parse(s)
	if !ok {
		return 0, &Error{Op: "ParseAttributeKind", Field: "kind", Value: s, Err: because(ErrInvalid, "want one of text, number, boolean, enum")}
	}
	return v, nil
}

// Attribute defines a typed product attribute ("color", "capacity").
// Attributes of kind Enum and Boolean get facet counts.
type Attribute struct {
	ID     string
	Kind   AttributeKind
	Labels map[language.Tag]string // display names per locale
	// Values are the allowed values of an Enum attribute, in display
	// order; empty for the other kinds.
	Values []EnumValue
	Line   int // the JSON Lines line, or 0
}

// EnumValue is one allowed value of an Enum attribute.
type EnumValue struct {
	ID     string
	Labels map[language.Tag]string // display labels per locale
}

// Value is the value of one attribute on a product or variant. Set the
// field that matches Kind and leave the others zero; New checks that Kind
// is the attribute's kind.
type Value struct {
	Kind   AttributeKind
	Text   string        // for Text
	Number pricing.Fixed // for Number
	Bool   bool          // for Boolean
	Enum   []string      // for Enum: one or more value IDs, no duplicates
}

// TextValue returns a Text value.
func TextValue(s string) Value { return Value{Kind: Text, Text: s} }

// NumberValue returns a Number value.
func NumberValue(f pricing.Fixed) Value { return Value{Kind: Number, Number: f} }

// BoolValue returns a Boolean value.
func BoolValue(b bool) Value { return Value{Kind: Boolean, Bool: b} }

// EnumValues returns an Enum value holding the given value IDs.
func EnumValues(ids ...string) Value { return Value{Kind: Enum, Enum: append([]string(nil), ids...)} }

// Content is the localized text of a product in one locale.
type Content struct {
	Name        string // required in at least one locale of the product
	Description string
	Slug        string // the URL path segment, e.g. "tasse-blau"
}

// Product is one product with its variants.
type Product struct {
	ID       string
	Category string // a category ID, or "" for none
	// TaxClass names the product's tax category ("standard", "reduced", a
	// host class); package tax interprets it, catalog only carries it.
	TaxClass string
	// Created orders the "newest" sort (later first).
	Created time.Time
	// Rank orders the "rank" sort (higher first): a host-defined
	// popularity or merchandising score.
	Rank int64
	// Attributes holds the product's attribute values by attribute ID.
	Attributes map[string]Value
	Variants   []Variant
	// Media are references (URLs or storage keys) to images and videos, in
	// display order.
	Media []string
	// Content holds the product's text per locale. Each field falls back
	// on its own through the locale chain (see Catalog.Localize).
	Content      map[language.Tag]Content
	Availability Availability
	Line         int // the JSON Lines line, or 0
}

// Variant is a sellable variant of a product, identified by its SKU (the
// key of package pricing's price lists). A product matches an attribute
// filter when the product or any of its variants has the value.
type Variant struct {
	SKU        string
	Attributes map[string]Value
	Media      []string
}
