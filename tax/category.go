package tax

import (
	"strconv"
	"strings"

	"github.com/marketkit/marketkit/internal/enum"
)

// Category is the class of rate a product falls into within one tax type.
// The names follow the EU VAT Directive vocabulary; other regimes map onto
// them (JP food 8 % is Reduced, NO food 15 % is Intermediate). The zero
// Category is invalid (IsValid reports false; MarshalText refuses it).
type Category uint8

// Categories. A host's own product tax classes ("books", "food") map to
// these per country through [ClassRule].
const (
	// Standard is the general rate every tax type has.
	Standard Category = iota + 1
	// Intermediate is a second, higher reduced rate (AT 13 %, FR 10 %,
	// IT 10 %, CH 3.8 %, NO 15 %, IN 12 % until 2025-09-21).
	Intermediate
	// Reduced is the (lower) reduced rate (DE 7 %, FR 5.5 %, JP 8 %).
	Reduced
	// SuperReduced is a rate below 5 % (FR 2.1 %, ES 4 %, IT 4 %, IE 4.8 %).
	SuperReduced
	// Parking is the EU parking rate (BE 12 %, IE 13.5 %, LU 14 %, PT 13 %,
	// AT 13 %).
	Parking
	// Zero is a taxable supply at 0 % (UK children's clothes, IE books,
	// CA basic groceries). It is an explicit rate, not a missing one.
	Zero
	// Exempt is an exempt supply: no tax and no rate; every tax type
	// accepts it without data.
	Exempt
	// Increased is a rate above the standard rate (IN 28 % until
	// 2025-09-21, 40 % from 2025-09-22).
	Increased
	numCategories
)

var categoryNames = enum.New("Category", Standard,
	"standard", "intermediate", "reduced", "super-reduced", "parking", "zero", "exempt", "increased")

// String returns the name ("super-reduced"), or "Category(N)" for an
// undefined value.
func (c Category) String() string { return categoryNames.String(c) }

// IsValid reports whether c is one of the defined categories.
func (c Category) IsValid() bool { return categoryNames.IsValid(c) }

// ParseCategory parses a category name as returned by String. Anything
// else is an [*Error] wrapping ErrUnknownCategory that lists the names.
func ParseCategory(s string) (Category, error) {
	return parseEnum(categoryNames, "ParseCategory", "category", s, ErrUnknownCategory)
}

// AppendText implements encoding.TextAppender; an undefined value is an
// error.
func (c Category) AppendText(b []byte) ([]byte, error) {
	return appendEnum(categoryNames, b, c, "category", ErrUnknownCategory)
}

// MarshalText implements encoding.TextMarshaler; an undefined value
// (including the zero Category) is an error.
func (c Category) MarshalText() ([]byte, error) { return c.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler with ParseCategory.
func (c *Category) UnmarshalText(b []byte) error {
	return unmarshalEnum(categoryNames, "category", b, c, ErrUnknownCategory)
}

// Kind is the kind of tax a [Type] levies; it decides the label shown on
// invoices. The zero Kind is invalid.
type Kind uint8

// Kinds of tax.
const (
	VAT            Kind = iota + 1 // value added tax
	GST                            // goods and services tax (AU, NZ, SG, IN, CA federal)
	HST                            // Canadian harmonized sales tax
	PST                            // Canadian provincial sales tax (BC, MB, SK)
	QST                            // Quebec sales tax
	SalesTax                       // US state sales tax (base rate)
	ConsumptionTax                 // Japanese consumption tax
)

var kindNames = enum.New("Kind", VAT, "vat", "gst", "hst", "pst", "qst", "sales-tax", "consumption-tax")

// String returns the name ("vat", "sales-tax"), or "Kind(N)".
func (k Kind) String() string { return kindNames.String(k) }

// IsValid reports whether k is one of the defined kinds.
func (k Kind) IsValid() bool { return kindNames.IsValid(k) }

// ParseKind parses a kind name as returned by String; anything else is an
// [*Error] wrapping ErrInvalidInput that lists the names.
func ParseKind(s string) (Kind, error) {
	return parseEnum(kindNames, "ParseKind", "kind", s, ErrInvalidInput)
}

// AppendText implements encoding.TextAppender; an undefined value is an
// error.
func (k Kind) AppendText(b []byte) ([]byte, error) {
	return appendEnum(kindNames, b, k, "kind", ErrInvalidInput)
}

// MarshalText implements encoding.TextMarshaler; an undefined value is an
// error.
func (k Kind) MarshalText() ([]byte, error) { return k.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler with ParseKind.
func (k *Kind) UnmarshalText(b []byte) error {
	return unmarshalEnum(kindNames, "kind", b, k, ErrInvalidInput)
}

// Supply is what a line sells; the EU place-of-supply rules differ for
// goods, electronically supplied (digital) services and other services.
type Supply uint8

// Supplies. The zero value is Goods.
const (
	Goods   Supply = iota // physical goods (default)
	Digital               // telecom, broadcasting and electronically supplied services
	Service               // other services (general B2C rule: origin)
)

var supplyNames = enum.New("Supply", Goods, "goods", "digital", "service")

// String returns "goods", "digital" or "service", or "Supply(N)".
func (s Supply) String() string { return supplyNames.String(s) }

// IsValid reports whether s is one of the defined supplies.
func (s Supply) IsValid() bool { return supplyNames.IsValid(s) }

// ParseSupply parses a name as returned by String; anything else is an
// [*Error] wrapping ErrInvalidInput that lists the names.
func ParseSupply(s string) (Supply, error) {
	return parseEnum(supplyNames, "ParseSupply", "supply", s, ErrInvalidInput)
}

// AppendText implements encoding.TextAppender; an undefined value is an
// error.
func (s Supply) AppendText(b []byte) ([]byte, error) {
	return appendEnum(supplyNames, b, s, "supply", ErrInvalidInput)
}

// MarshalText implements encoding.TextMarshaler; an undefined value is an
// error.
func (s Supply) MarshalText() ([]byte, error) { return s.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler with ParseSupply; on
// error s is unchanged.
func (s *Supply) UnmarshalText(b []byte) error {
	return unmarshalEnum(supplyNames, "supply", b, s, ErrInvalidInput)
}

// The shared text methods of the package's enumerated types, over one
// internal/enum table each.

func parseEnum[T ~uint8](n enum.Names[T], op, field, s string, sentinel error) (T, error) {
	if v, ok := n.Parse(s); ok {
		return v, nil
	}
	return 0, &Error{Op: op, Field: field, Value: s, Err: sentinel, Reason: "want " + strings.Join(n.All(), ", ")}
}

func appendEnum[T ~uint8](n enum.Names[T], b []byte, v T, field string, sentinel error) ([]byte, error) {
	if out, ok := n.AppendText(b, v); ok {
		return out, nil
	}
	return b, &Error{Op: "MarshalText", Field: field, Value: n.String(v), Err: sentinel, Reason: "not a defined value"}
}

func unmarshalEnum[T ~uint8](n enum.Names[T], field string, b []byte, p *T, sentinel error) error {
	v, err := parseEnum(n, "UnmarshalText", field, string(b), sentinel)
	if err != nil {
		return err
	}
	*p = v
	return nil
}

func itoa(n int) string { return strconv.Itoa(n) }
