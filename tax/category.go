package tax

// Category is the class of rate a product falls into within one tax type.
// The names follow the EU VAT Directive vocabulary; other regimes map onto
// them (JP food 8 % is Reduced, NO food 15 % is Intermediate). The zero
// Category is invalid.
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

var categoryNames = [numCategories]string{
	"", "standard", "intermediate", "reduced", "super-reduced", "parking", "zero", "exempt", "increased",
}

// String returns the lower-case name ("super-reduced").
func (c Category) String() string {
	if c < numCategories && c > 0 {
		return categoryNames[c]
	}
	return "category(" + itoa(int(c)) + ")"
}

// Valid reports whether c is one of the defined categories.
func (c Category) Valid() bool { return c > 0 && c < numCategories }

// ParseCategory parses a category name as returned by String.
func ParseCategory(s string) (Category, bool) {
	for i := Category(1); i < numCategories; i++ {
		if categoryNames[i] == s {
			return i, true
		}
	}
	return 0, false
}

// MarshalText implements encoding.TextMarshaler.
func (c Category) MarshalText() ([]byte, error) {
	if !c.Valid() {
		return nil, fieldErr(ErrUnknownCategory, "category", c.String(), "")
	}
	return []byte(categoryNames[c]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Category) UnmarshalText(b []byte) error {
	x, ok := ParseCategory(string(b))
	if !ok {
		return fieldErr(ErrUnknownCategory, "category", string(b), "")
	}
	*c = x
	return nil
}

// Kind is the kind of tax a TaxType levies; it decides the label shown on
// invoices.
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
	numKinds
)

var kindNames = [numKinds]string{"", "vat", "gst", "hst", "pst", "qst", "sales_tax", "consumption_tax"}

// String returns the lower-case name ("vat", "qst").
func (k Kind) String() string {
	if k > 0 && k < numKinds {
		return kindNames[k]
	}
	return "kind(" + itoa(int(k)) + ")"
}

// MarshalText implements encoding.TextMarshaler.
func (k Kind) MarshalText() ([]byte, error) {
	if k == 0 || k >= numKinds {
		return nil, fieldErr(ErrInvalidData, "kind", k.String(), "")
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *Kind) UnmarshalText(b []byte) error {
	for i := Kind(1); i < numKinds; i++ {
		if kindNames[i] == string(b) {
			*k = i
			return nil
		}
	}
	return fieldErr(ErrInvalidData, "kind", string(b), "want vat, gst, hst, pst, qst, sales_tax or consumption_tax")
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

var supplyNames = [...]string{"goods", "digital", "service"}

// String returns the name used in text and JSON: "goods", "digital" or
// "service"; an undefined value gives "supply(N)".
func (s Supply) String() string {
	if int(s) < len(supplyNames) {
		return supplyNames[s]
	}
	return "supply(" + itoa(int(s)) + ")"
}

// MarshalText implements encoding.TextMarshaler. An undefined value is a
// *FieldError (field "supply") wrapping ErrInvalidInput.
func (s Supply) MarshalText() ([]byte, error) {
	if int(s) >= len(supplyNames) {
		return nil, fieldErr(ErrInvalidInput, "supply", s.String(), "")
	}
	return []byte(supplyNames[s]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: it accepts the names
// returned by String; anything else is a *FieldError (field "supply")
// wrapping ErrInvalidInput and leaves s unchanged.
func (s *Supply) UnmarshalText(b []byte) error {
	i, ok := enumIndex(supplyNames[:], b)
	if !ok {
		return fieldErr(ErrInvalidInput, "supply", string(b), "want goods, digital or service")
	}
	*s = Supply(i)
	return nil
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
