package address

import (
	"strings"

	"unicode"
	"unicode/utf8"

	"github.com/marketkit/marketkit/internal/enum"
	"github.com/marketkit/marketkit/locale"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"
)

// Style selects the output of [Format].
type Style uint8

// The styles of [Format].
const (
	// MultiLine puts each line of the country's layout on its own line,
	// separated by "\n". It is the zero Style.
	MultiLine Style = iota
	// SingleLine joins the lines with ", " in Latin script, and with the
	// separator of the country's script otherwise: nothing in Chinese and
	// Japanese, a space in Korean and Thai, "، " in Arabic script.
	SingleLine
	// HTML escapes every value and joins the lines with "<br>\n". The
	// output never contains markup from the address.
	HTML
	// PostalLabel is MultiLine with the fields the country's post expects
	// in capitals upper-cased by the rules of the country's language
	// ("Großenhain" → "GROSSENHAIN", "izmir" → "İZMİR" in Turkey), and
	// the destination country's name on the last line, upper-cased, in the
	// sender's language (see FormatOptions.CountryNames) unless
	// FormatOptions.Origin is the destination country or the address has
	// no country code.
	PostalLabel
)

// styleNames are the text names of the styles, in constant order.
var styleNames = enum.New[Style]("Style", MultiLine, "multi-line", "single-line", "html", "postal-label")

// String returns the name of s ("postal-label"), or "Style(N)" for an
// invalid Style.
func (s Style) String() string { return styleNames.String(s) }

// IsValid reports whether s is one of the Style constants.
func (s Style) IsValid() bool { return styleNames.IsValid(s) }

// AppendText appends the name of s to b (encoding.TextAppender). An
// invalid Style is an error.
func (s Style) AppendText(b []byte) ([]byte, error) {
	out, ok := styleNames.AppendText(b, s)
	if !ok {
		return b, &FieldError{Op: "Style.AppendText", Field: "style", Value: s.String(), Err: ErrInvalidValue, Reason: "undefined value"}
	}
	return out, nil
}

// MarshalText returns the name of s; an invalid Style is an error.
func (s Style) MarshalText() ([]byte, error) { return s.AppendText(nil) }

// UnmarshalText sets s to the Style named by b, as [ParseStyle] does.
func (s *Style) UnmarshalText(b []byte) error {
	v, err := ParseStyle(string(b))
	if err == nil {
		*s = v
	}
	return err
}

// ParseStyle returns the Style named s: "multi-line", "single-line",
// "html" or "postal-label", compared exactly.
func ParseStyle(s string) (Style, error) {
	v, ok := styleNames.Parse(s)
	if !ok {
		return 0, &FieldError{Op: "ParseStyle", Field: "style", Value: s, Err: ErrInvalidValue, Reason: "want one of " + strings.Join(styleNames.All(), ", ")}
	}
	return v, nil
}

// CountryNamer gives the display name of a country code in some language,
// or false when it has none. A *locale.Formatter implements it.
type CountryNamer interface {
	CountryName(code string) (string, bool)
}

// FormatOptions configures [Format]. A nil *FormatOptions and the zero
// value mean MultiLine in the country's local layout.
type FormatOptions struct {
	// Style selects multi-line, single-line, HTML or postal-label output.
	// An invalid Style formats as MultiLine.
	Style Style
	// Latin selects the country's Latin-script layout where it has one
	// (CN, JP, KR, TW, …): use it when the address is written in Latin
	// script. Countries without one use their only layout.
	Latin bool
	// Origin is the sender's ISO 3166-1 country code, in any ASCII case and
	// without surrounding space. PostalLabel omits the country line for
	// domestic mail (Origin equal to the address country).
	Origin string
	// CountryNames names the destination country on postal labels, in the
	// sender's language: pass the sender's *locale.Formatter, built once
	// (its Tag also selects the capitals of that language). When it is nil
	// (also a nil *locale.Formatter, which counts as unset and is never
	// called), or has no name for the country, the metadata's English name
	// is used ("GERMANY"). Package address itself never builds a
	// Formatter, so a program that formats addresses without display names
	// does not link locale's name tables.
	CountryNames CountryNamer
}

// Format returns a formatted in its country's layout (see [Style]). The
// fallback layout is used for countries without metadata. Blank fields
// (white space and control characters only) are left out with the literal
// text attached to them; control characters inside values become spaces,
// and a postal code typed with the prefix the layout prints ("CH-8001")
// is printed with it once.
func Format(a Address, opts *FormatOptions) string {
	var buf [256]byte
	return string(AppendFormat(buf[:0], a, opts))
}

// AppendFormat appends the formatted address to b, as [Format] does, and
// returns the extended buffer.
func AppendFormat(b []byte, a Address, opts *FormatOptions) []byte {
	var o FormatOptions
	if opts != nil {
		o = *opts
	}
	c, _, _ := countryFor(a.CountryCode)
	layout := c.fmt
	if o.Latin && c.lfmt != "" {
		layout = c.lfmt
		latinNames(c, &a)
	}
	w := writer{style: o.Style, sep: ", "}
	if !o.Latin {
		w.sep = lineSeparator(c.lang)
	}
	if o.Style == PostalLabel {
		w.upper = c.upper
		w.country = c.code
	}
	for layout != "" {
		var line string
		line, layout, _ = strings.Cut(layout, "%n")
		b = w.line(b, &a, line)
	}
	cc := trim(a.CountryCode)
	if o.Style == PostalLabel && cc != "" && !strings.EqualFold(o.Origin, a.CountryCode) {
		namer := o.CountryNames
		if f, ok := namer.(*locale.Formatter); ok && f == nil {
			namer = nil // a typed nil: unset, see FormatOptions.CountryNames
		}
		var sender language.Tag
		if t, ok := namer.(interface{ Tag() language.Tag }); ok {
			sender = t.Tag()
		}
		name := ""
		if namer != nil && c != &fallbackFormat {
			name, _ = namer.CountryName(c.code)
		} else if namer != nil {
			name, _ = namer.CountryName(a.CountryCode) // not a code of the metadata: the namer decides
		}
		if name == "" {
			name = c.name
		}
		if name == "" {
			name = cc
		}
		if name = trim(name); name != "" {
			b = w.newLine(b)
			b = w.upperText(b, name, sender)
		}
	}
	return b
}

// lineSeparator returns the separator of lines joined into one in the
// local script of a country whose metadata language is lang: none in
// Chinese and Japanese, a space in Korean and Thai, the Arabic comma in
// languages written in Arabic script, ", " otherwise.
func lineSeparator(lang string) string {
	base, _, _ := strings.Cut(lang, "-")
	switch base {
	case "ja", "zh":
		return ""
	case "ko", "th":
		return " "
	case "ar", "fa", "ps", "ur", "ku", "ckb":
		return "، "
	}
	return ", "
}

// latinNames replaces subdivision keys in a by their Latin-script names
// ("東京都" → "Tokyo"), down the nested levels. Local names and ISO codes
// are recognized as Validate recognizes them.
func latinNames(c *countryData, a *Address) {
	subs := c.subs
	for _, f := range [...]*string{&a.AdministrativeArea, &a.Locality, &a.DependentLocality} {
		v := trim(*f)
		if v == "" || len(subs) == 0 {
			return
		}
		s := findSub(c.code, subs, v)
		if s == nil {
			return
		}
		if n := s.latinName(); n != "" {
			*f = n
		}
		subs = s.subs
	}
}

// writer renders lines with the separators and escaping of one style.
// Its methods take and return the buffer, so that the buffer does not
// escape through a pointer.
type writer struct {
	style   Style
	sep     string // line separator of SingleLine
	upper   string // field letters to upper-case
	country string // destination country, whose language upper-cases fields
	started bool   // a line has been written
	inLine  bool   // the current output line has content
}

func (w *writer) newLine(b []byte) []byte {
	if w.started {
		switch w.style {
		case SingleLine:
			b = append(b, w.sep...)
		case HTML:
			b = append(b, "<br>\n"...)
		default:
			b = append(b, '\n')
		}
	}
	w.started = true
	w.inLine = true
	return b
}

// field writes a value of a field to upper-case, in the capitals of the
// destination country's language (see upperText).
func (w *writer) field(b []byte, s string) []byte {
	var tag language.Tag
	if info, ok := locale.CountryInfo(w.country); ok {
		tag = info.DefaultLocale
	}
	return w.upperText(b, s, tag)
}

// upperText writes s upper-cased by the rules of language tag: full case
// mapping ("Straße" → "STRASSE", "ﬁ" → "FI"), dotted capital I in Turkish
// and Azerbaijani ("izmir" → "İZMIR"), no accents on Greek capitals. ASCII
// text in other languages takes a fast path that does not allocate.
func (w *writer) upperText(b []byte, s string, tag language.Tag) []byte {
	base, _ := tag.Base()
	turkic := base.String() == "tr" || base.String() == "az"
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || (turkic && s[i] == 'i') {
			return w.text(b, cases.Upper(tag).String(s), false)
		}
	}
	return w.text(b, s, true)
}

// text writes s, escaped for HTML, with ASCII letters upper-cased if asked
// (callers with other text use upperText).
func (w *writer) text(b []byte, s string, upper bool) []byte {
	if !w.inLine {
		b = w.newLine(b)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if upper {
				c = upperASCII(c)
			}
			if c < ' ' || c == 0x7f {
				c = ' ' // no control characters, in particular no line breaks
			}
			if w.style == HTML {
				if e := htmlEntity(c); e != "" {
					b = append(b, e...)
					continue
				}
			}
			b = append(b, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == utf8.RuneError && n == 1 {
			r = utf8.RuneError // invalid UTF-8 is written as U+FFFD
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			r = ' ' // C1 controls (NEL) and the Unicode line separators
		}
		b = utf8.AppendRune(b, r)
	}
	return b
}

// htmlEntity returns the entity that stands for c in HTML text and
// attribute values, or "" when c needs none (as html.EscapeString).
func htmlEntity(c byte) string {
	switch c {
	case '<':
		return "&lt;"
	case '>':
		return "&gt;"
	case '&':
		return "&amp;"
	case '"':
		return "&#34;"
	case '\'':
		return "&#39;"
	}
	return ""
}

// line renders one line of a layout.
func (w *writer) line(b []byte, a *Address, line string) []byte {
	w.inLine = false
	written, hasField, skipLiteral := false, false, false
	pending := ""
	for line != "" {
		i := strings.IndexByte(line, '%')
		if i != 0 {
			lit := line
			if i > 0 {
				lit = line[:i]
			}
			line = line[len(lit):]
			if skipLiteral {
				skipLiteral = false
				continue
			}
			pending += lit
			continue
		}
		if len(line) < 2 {
			break
		}
		letter := line[1]
		line = line[2:]
		hasField = true
		if letter == 'A' {
			if !a.hasLines() {
				if !written {
					pending = ""
				}
				skipLiteral = true
				continue
			}
			b = w.flush(b, pending)
			pending = ""
			first := true
			for _, l := range [3]string{a.Line1, a.Line2, a.Line3} {
				l = trim(l)
				if l == "" {
					continue
				}
				if !first {
					// Each address line on a line of its own; what follows
					// %A in the layout ("%A, %S") goes on the last one.
					w.inLine = false
				}
				if strings.IndexByte(w.upper, 'A') >= 0 {
					b = w.field(b, l)
				} else {
					b = w.text(b, l, false)
				}
				first = false
			}
			written = true
			continue
		}
		v := trim(a.value(letter))
		if letter == 'Z' {
			// A postal code typed with the prefix the layout prints
			// ("CH-8001", "〒100-8994") is not printed with it twice.
			if lit := trim(pending); lit != "" && hasPrefixFold(v, lit) {
				v = trim(v[len(lit):])
			}
		}
		if v == "" {
			if !written {
				pending = "" // a prefix literal ("〒", "LT-") goes with its field
			}
			skipLiteral = true // and so does the separator after it
			continue
		}
		skipLiteral = false
		b = w.flush(b, pending)
		pending = ""
		if strings.IndexByte(w.upper, letter) >= 0 {
			b = w.field(b, v)
		} else {
			b = w.text(b, v, false)
		}
		written = true
	}
	if !hasField && pending != "" {
		if lit := trim(pending); w.style == PostalLabel {
			b = w.field(b, lit) // a literal-only line ("ÅLAND")
		} else {
			b = w.text(b, lit, false)
		}
	}
	return b
}

func (w *writer) flush(b []byte, lit string) []byte {
	if lit != "" {
		b = w.text(b, lit, false)
	}
	return b
}
