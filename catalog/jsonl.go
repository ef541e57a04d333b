package catalog

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/pricing"
)

// Limits on JSON Lines input.
const (
	MaxLineBytes = 1 << 20 // one record; a longer line is an ErrTooLarge error and is skipped
	MaxJSONDepth = 16      // nesting of objects and arrays in one record
)

// Record is one good record of JSON Lines input: exactly one of Version,
// Category, Attribute and Product is set.
type Record struct {
	Line      int
	Version   string // a "catalog" record
	Category  *Category
	Attribute *Attribute
	Product   *Product
}

// Reader reads catalog records from JSON Lines input, one line at a time
// (see the package documentation for the format). Attribute records must
// come before the products that use them, since an attribute's kind types
// the products' values.
type Reader struct {
	br      *bufio.Reader
	line    int
	buf     []byte
	kinds   map[string]AttributeKind
	version bool
	ioErr   error // io.EOF or the underlying reader's error, once reached
}

// NewReader returns a Reader reading from r.
func NewReader(r io.Reader) *Reader {
	return &Reader{br: bufio.NewReaderSize(r, 64<<10), kinds: map[string]AttributeKind{}}
}

// Next returns the next record. At the end of input it returns io.EOF. A
// bad line returns an *Error naming the line and the field (wrapping
// ErrSyntax, ErrInvalid, ErrTooLarge, …) and the next call goes on with the
// following line. An error reading the underlying reader is returned as is
// and ends the input.
func (r *Reader) Next() (Record, error) {
	for {
		if r.ioErr != nil {
			return Record{}, r.ioErr
		}
		line, tooLong, err := r.readLine()
		if err != nil {
			r.ioErr = err
			if !errors.Is(err, io.EOF) {
				return Record{}, err
			}
			r.ioErr = io.EOF
			if len(line) == 0 && !tooLong {
				return Record{}, io.EOF
			}
		}
		if tooLong {
			return Record{}, &Error{Op: "ReadJSONL", Line: r.line, Field: "line", Value: string(line[:min(len(line), 64)]), Err: because(ErrTooLarge, "line longer than MaxLineBytes")}
		}
		if r.line == 1 {
			line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		rec, e := r.parse(line)
		if e != nil {
			e.Op, e.Line = "ReadJSONL", r.line
			return Record{}, e
		}
		rec.Line = r.line
		switch {
		case rec.Category != nil:
			rec.Category.Line = r.line
		case rec.Attribute != nil:
			rec.Attribute.Line = r.line
		case rec.Product != nil:
			rec.Product.Line = r.line
		}
		return rec, nil
	}
}

// readLine returns the next line without its end of line.
func (r *Reader) readLine() (line []byte, tooLong bool, err error) {
	r.buf = r.buf[:0]
	r.line++
	for {
		chunk, e := r.br.ReadSlice('\n')
		if !tooLong {
			if len(r.buf)+len(chunk) > MaxLineBytes+2 {
				tooLong = true
				r.buf = append(r.buf[:0], chunk[:min(len(chunk), 64)]...)
			} else {
				r.buf = append(r.buf, chunk...)
			}
		}
		if e == bufio.ErrBufferFull {
			continue
		}
		line = r.buf
		if !tooLong {
			line = bytes.TrimSuffix(line, []byte("\n"))
			line = bytes.TrimSuffix(line, []byte("\r"))
			if len(line) > MaxLineBytes {
				tooLong = true
			}
		}
		if e != nil && len(r.buf) == 0 {
			r.line--
		}
		return line, tooLong, e
	}
}

// ReadJSONL reads every record of r. It returns the good records in Data
// and, when some lines were bad, an *Errors listing each one with its line
// number (the good records are still returned). An error of the underlying
// reader ends the input and is returned too (joined with the line errors).
func ReadJSONL(r io.Reader) (Data, error) {
	rd := NewReader(r)
	var d Data
	var errs Errors
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var e *Error
			if errors.As(err, &e) && e.Line > 0 {
				errs.add(e)
				continue
			}
			return d, errors.Join(errs.err(), err)
		}
		switch {
		case rec.Version != "":
			d.Version = rec.Version
		case rec.Category != nil:
			d.Categories = append(d.Categories, *rec.Category)
		case rec.Attribute != nil:
			d.Attributes = append(d.Attributes, *rec.Attribute)
		case rec.Product != nil:
			d.Products = append(d.Products, *rec.Product)
		}
	}
	return d, errs.err()
}

// The wire forms.
type (
	jsonType struct {
		Type string `json:"type"`
	}
	jsonCatalog struct {
		Type    string `json:"type"`
		Version string `json:"version"`
	}
	jsonCategory struct {
		Type   string            `json:"type"`
		ID     string            `json:"id"`
		Parent string            `json:"parent"`
		Labels map[string]string `json:"labels"`
	}
	jsonAttribute struct {
		Type   string            `json:"type"`
		ID     string            `json:"id"`
		Kind   string            `json:"kind"`
		Labels map[string]string `json:"labels"`
		Values []struct {
			ID     string            `json:"id"`
			Labels map[string]string `json:"labels"`
		} `json:"values"`
	}
	jsonProduct struct {
		Type         string                     `json:"type"`
		ID           string                     `json:"id"`
		Category     string                     `json:"category"`
		TaxClass     string                     `json:"tax_class"`
		Created      string                     `json:"created"`
		Rank         json.Number                `json:"rank"`
		Attributes   map[string]json.RawMessage `json:"attributes"`
		Variants     []jsonVariant              `json:"variants"`
		Media        []string                   `json:"media"`
		Content      map[string]Content         `json:"content"`
		Availability *struct {
			Markets          []string `json:"markets"`
			ExcludeMarkets   []string `json:"exclude_markets"`
			Countries        []string `json:"countries"`
			ExcludeCountries []string `json:"exclude_countries"`
			RequireFlags     []string `json:"require_flags"`
			ForbidFlags      []string `json:"forbid_flags"`
			From             string   `json:"from"`
			Until            string   `json:"until"`
		} `json:"availability"`
	}
	jsonVariant struct {
		SKU        string                     `json:"sku"`
		Attributes map[string]json.RawMessage `json:"attributes"`
		Media      []string                   `json:"media"`
	}
)

func (r *Reader) parse(line []byte) (Record, *Error) {
	if e := checkJSON(line); e != nil {
		return Record{}, e
	}
	var t jsonType
	if err := json.Unmarshal(line, &t); err != nil {
		return Record{}, jsonErr(err)
	}
	switch t.Type {
	case "catalog":
		var j jsonCatalog
		if e := decodeStrict(line, &j); e != nil {
			return Record{}, e
		}
		if r.version {
			return Record{}, &Error{Field: "version", Value: j.Version, Err: because(ErrDuplicate, "a second catalog record")}
		}
		if err := checkVersion(j.Version); err != nil {
			return Record{}, &Error{Field: "version", Value: j.Version, Err: err}
		}
		r.version = true
		return Record{Version: j.Version}, nil
	case "category":
		var j jsonCategory
		if e := decodeStrict(line, &j); e != nil {
			return Record{}, e
		}
		labels, e := parseLabels("labels", j.Labels)
		if e != nil {
			e.Kind, e.ID = "category", j.ID
			return Record{}, e
		}
		return Record{Category: &Category{ID: j.ID, Parent: j.Parent, Labels: labels}}, nil
	case "attribute":
		var j jsonAttribute
		if e := decodeStrict(line, &j); e != nil {
			return Record{}, e
		}
		fail := func(e *Error) (Record, *Error) { e.Kind, e.ID = "attribute", j.ID; return Record{}, e }
		kind, err := ParseAttributeKind(j.Kind)
		if err != nil {
			return fail(&Error{Field: "kind", Value: j.Kind, Err: because(ErrInvalid, "want one of text, number, boolean, enum")})
		}
		labels, e := parseLabels("labels", j.Labels)
		if e != nil {
			return fail(e)
		}
		a := &Attribute{ID: j.ID, Kind: kind, Labels: labels}
		for i, v := range j.Values {
			vl, e := parseLabels("values["+strconv.Itoa(i)+"].labels", v.Labels)
			if e != nil {
				return fail(e)
			}
			a.Values = append(a.Values, EnumValue{ID: v.ID, Labels: vl})
		}
		if _, dup := r.kinds[j.ID]; !dup && checkID(j.ID) == nil {
			r.kinds[j.ID] = kind
		}
		return Record{Attribute: a}, nil
	case "product":
		var j jsonProduct
		if e := decodeStrict(line, &j); e != nil {
			return Record{}, e
		}
		p, e := r.product(&j)
		if e != nil {
			e.Kind, e.ID = "product", j.ID
			return Record{}, e
		}
		return Record{Product: p}, nil
	case "":
		return Record{}, &Error{Field: "type", Value: "", Err: because(ErrMissing, "every record has a type")}
	default:
		return Record{}, &Error{Field: "type", Value: t.Type, Err: because(ErrInvalid, "want catalog, category, attribute or product")}
	}
}

func (r *Reader) product(j *jsonProduct) (*Product, *Error) {
	p := &Product{ID: j.ID, Category: j.Category, TaxClass: j.TaxClass, Media: j.Media}
	if j.Created != "" {
		t, err := time.Parse(time.RFC3339, j.Created)
		if err != nil {
			return nil, &Error{Field: "created", Value: j.Created, Err: because(ErrSyntax, "want an RFC 3339 time such as 2026-03-01T00:00:00Z")}
		}
		p.Created = t
	}
	if j.Rank != "" {
		n, err := strconv.ParseInt(string(j.Rank), 10, 64)
		if err != nil {
			return nil, &Error{Field: "rank", Value: string(j.Rank), Err: because(ErrInvalid, "want an integer")}
		}
		p.Rank = n
	}
	var e *Error
	if p.Attributes, e = r.values("attributes", j.Attributes); e != nil {
		return nil, e
	}
	for i, v := range j.Variants {
		f := "variants[" + strconv.Itoa(i) + "]"
		nv := Variant{SKU: v.SKU, Media: v.Media}
		if nv.Attributes, e = r.values(f+".attributes", v.Attributes); e != nil {
			return nil, e
		}
		p.Variants = append(p.Variants, nv)
	}
	if len(j.Content) > 0 {
		p.Content = make(map[language.Tag]Content, len(j.Content))
		for _, k := range slices.Sorted(maps.Keys(j.Content)) {
			tag, err := locale.Parse(k)
			if err != nil || tag == language.Und {
				return nil, &Error{Field: "content." + k, Value: k, Err: because(ErrInvalid, "not a BCP 47 language tag")}
			}
			if _, dup := p.Content[tag]; dup {
				return nil, &Error{Field: "content." + k, Value: k, Err: because(ErrDuplicate, "locale "+tag.String()+" given twice")}
			}
			p.Content[tag] = j.Content[k]
		}
	}
	if a := j.Availability; a != nil {
		p.Availability = Availability{Markets: a.Markets, ExcludeMarkets: a.ExcludeMarkets, Countries: a.Countries,
			ExcludeCountries: a.ExcludeCountries, RequireFlags: a.RequireFlags, ForbidFlags: a.ForbidFlags, From: a.From, Until: a.Until}
	}
	return p, nil
}

// values types raw attribute values by their attribute's kind.
func (r *Reader) values(field string, raw map[string]json.RawMessage) (map[string]Value, *Error) {
	if len(raw) == 0 {
		return nil, nil
	}
	out := make(map[string]Value, len(raw))
	for _, id := range slices.Sorted(maps.Keys(raw)) {
		f := field + "." + id
		msg := raw[id]
		kind, ok := r.kinds[id]
		if !ok {
			return nil, &Error{Field: f, Value: id, Err: because(ErrNotFound, "no attribute of that ID defined before this line")}
		}
		bad := func(want string) *Error {
			return &Error{Field: f, Value: string(msg), Err: because(ErrInvalid, "attribute "+strconv.Quote(id)+" is "+kind.String()+": want "+want)}
		}
		var v Value
		switch kind {
		case Text:
			var s string
			if json.Unmarshal(msg, &s) != nil {
				return nil, bad("a string")
			}
			v = TextValue(s)
		case Boolean:
			var b bool
			if json.Unmarshal(msg, &b) != nil {
				return nil, bad("true or false")
			}
			v = BoolValue(b)
		case Number:
			s := string(bytes.TrimSpace(msg))
			if strings.HasPrefix(s, `"`) {
				if json.Unmarshal(msg, &s) != nil {
					return nil, bad("a number")
				}
			}
			n, err := pricing.ParseFixed(s)
			if err != nil {
				return nil, bad("a decimal number such as 0.35")
			}
			v = NumberValue(n)
		case Enum:
			var ids []string
			if json.Unmarshal(msg, &ids) != nil {
				var one string
				if json.Unmarshal(msg, &one) != nil {
					return nil, bad("an array of value IDs")
				}
				ids = []string{one}
			}
			v = Value{Kind: Enum, Enum: ids}
		}
		out[id] = v
	}
	return out, nil
}

func parseLabels(field string, in map[string]string) (map[language.Tag]string, *Error) {
	if len(in) == 0 {
		return nil, nil
	}
	out := make(map[language.Tag]string, len(in))
	for _, k := range slices.Sorted(maps.Keys(in)) {
		tag, err := locale.Parse(k)
		if err != nil || tag == language.Und {
			return nil, &Error{Field: field + "." + k, Value: k, Err: because(ErrInvalid, "not a BCP 47 language tag")}
		}
		if _, dup := out[tag]; dup {
			return nil, &Error{Field: field + "." + k, Value: k, Err: because(ErrDuplicate, "locale "+tag.String()+" given twice")}
		}
		out[tag] = in[k]
	}
	return out, nil
}

// decodeStrict decodes one JSON object into v, refusing unknown fields.
func decodeStrict(line []byte, v any) *Error {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return jsonErr(err)
	}
	return nil
}

// jsonErr turns an encoding/json error into an *Error naming the field.
func jsonErr(err error) *Error {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te):
		return &Error{Field: te.Field, Value: te.Value, Err: because(ErrInvalid, "want a JSON "+jsonKind(te.Type.Kind().String()))}
	case errors.As(err, &se):
		return &Error{Field: "record", Value: "", Err: because(ErrSyntax, strings.TrimPrefix(se.Error(), "json: ")+" at byte "+strconv.FormatInt(se.Offset, 10))}
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		n, _ := strconv.Unquote(name)
		return &Error{Field: n, Value: n, Err: because(ErrInvalid, "unknown field")}
	}
	return &Error{Field: "record", Value: "", Err: because(ErrSyntax, strings.TrimPrefix(msg, "json: "))}
}

func jsonKind(k string) string {
	switch k {
	case "map", "struct":
		return "object"
	case "slice":
		return "array"
	case "int", "int64", "uint32":
		return "number"
	}
	return k
}

// checkJSON checks that line is one JSON object with no duplicate keys and
// at most MaxJSONDepth levels of nesting.
func checkJSON(line []byte) *Error {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	type frame struct {
		obj  bool
		keys map[string]bool
		key  bool // the next token is a key
		path string
	}
	var stack []frame
	path := func(k string) string {
		if len(stack) == 0 || stack[len(stack)-1].path == "" {
			return k
		}
		return stack[len(stack)-1].path + "." + k
	}
	lastKey := ""
	first := true
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return &Error{Field: "record", Value: "", Err: because(ErrSyntax, strings.TrimPrefix(err.Error(), "json: "))}
		}
		if first {
			if d, ok := tok.(json.Delim); !ok || d != '{' {
				return &Error{Field: "record", Value: "", Err: because(ErrSyntax, "a record is one JSON object")}
			}
		}
		if !first && len(stack) == 0 {
			return &Error{Field: "record", Value: "", Err: because(ErrSyntax, "text after the record's object")}
		}
		first = false
		if len(stack) > 0 && stack[len(stack)-1].obj && stack[len(stack)-1].key {
			if k, ok := tok.(string); ok {
				top := &stack[len(stack)-1]
				if top.keys[k] {
					return &Error{Field: path(k), Value: k, Err: because(ErrDuplicate, "key given twice")}
				}
				top.keys[k] = true
				top.key = false
				lastKey = k
				continue
			}
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				p := ""
				if len(stack) > 0 {
					if stack[len(stack)-1].obj {
						p = path(lastKey)
					} else {
						p = stack[len(stack)-1].path
					}
				}
				if len(stack) > 0 && stack[len(stack)-1].obj {
					stack[len(stack)-1].key = true
				}
				stack = append(stack, frame{obj: d == '{', keys: map[string]bool{}, key: d == '{', path: p})
				if len(stack) > MaxJSONDepth {
					return &Error{Field: p, Value: "", Err: because(ErrTooLarge, "nested deeper than MaxJSONDepth")}
				}
			case '}', ']':
				stack = stack[:len(stack)-1]
			}
			continue
		}
		if len(stack) > 0 && stack[len(stack)-1].obj {
			stack[len(stack)-1].key = true
		}
	}
	return nil
}
