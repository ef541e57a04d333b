package store

import (
	"bytes"
	"crypto/sha256"
	"encoding"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// Limits on a configuration document. A document over a limit is rejected
// with ErrTooLarge before any further work.
const (
	// MaxConfigSize is the largest configuration document accepted, in
	// bytes (88 markets take about 60 KB).
	MaxConfigSize = 16 << 20
	// MaxDepth is the deepest nesting of JSON arrays and objects accepted.
	MaxDepth = 32
	// MaxMarkets is the most markets one configuration may hold.
	MaxMarkets = 10000
	// MaxDecodeErrors is the most problems Decode reports; the rest are
	// counted in one last error.
	MaxDecodeErrors = 200
)

// Decode parses a configuration document strictly and reports every
// problem it finds, not only the first: a key the schema does not define
// (ErrUnknownField), a key given twice (ErrDuplicateKey), a value of the
// wrong JSON type (ErrType), an unknown enum name or a malformed value
// (ErrInvalid). Each is an *Error whose Field is the JSON path
// ("markets.de.tax.mode") and whose Value is the offending key or value;
// they are joined with errors.Join (list them with Errors). Invalid JSON
// is one ErrSyntax error with the byte offset. Keys match exactly
// (encoding/json would accept "Currency" for "currency"; Decode does not).
//
// Decode fills in each Market's ID and upper-cases country, subdivision
// and currency codes written in another ASCII case. It checks the shape of
// the document only; Check checks its meaning.
func Decode(data []byte) (*Config, error) {
	const op = "Decode"
	if len(data) > MaxConfigSize {
		return nil, &Error{Op: op, Field: "size", Value: strconv.Itoa(len(data)),
			Err: because(ErrTooLarge, "the limit is "+strconv.Itoa(MaxConfigSize)+" bytes")}
	}
	var c Config
	if err := decodeStrict(op, data, &c); err != nil {
		return nil, err
	}
	c.normalize()
	return &c, nil
}

// decodeStrict walks data against v's type, reporting every problem, and
// then unmarshals it into v.
func decodeStrict(op string, data []byte, v any) error {
	w := &walker{dec: json.NewDecoder(bytes.NewReader(data)), op: op}
	w.dec.UseNumber()
	w.value(reflect.TypeOf(v).Elem(), "", 0)
	if w.fatal == nil {
		if _, err := w.dec.Token(); err != io.EOF {
			w.fatal = &Error{Op: op, Field: "offset", Value: strconv.FormatInt(w.dec.InputOffset(), 10),
				Err: because(ErrSyntax, "data after the top-level value")}
		}
	}
	if w.fatal != nil {
		return w.fatal
	}
	if len(w.errs) > 0 {
		if w.dropped > 0 {
			w.errs = append(w.errs, &Error{Op: op, Field: "document",
				Value: strconv.Itoa(w.dropped) + " more", Err: because(ErrInvalid, "too many problems")})
		}
		return errors.Join(w.errs...)
	}
	if err := json.Unmarshal(data, v); err != nil {
		// The walk accepted what encoding/json refused: report it rather
		// than hide it.
		return &Error{Op: op, Field: "document", Err: because(ErrInvalid, err.Error())}
	}
	return nil
}

// DecodeReader reads at most MaxConfigSize bytes from r and decodes them.
func DecodeReader(r io.Reader) (*Config, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxConfigSize+1))
	if err != nil {
		return nil, &Error{Op: "Decode", Field: "reader", Err: err}
	}
	return Decode(data)
}

// normalize fills in IDs and upper-cases codes written in lower case.
func (c *Config) normalize() {
	for id, m := range c.Markets {
		if m == nil {
			continue
		}
		m.ID = id
		for i, cc := range m.Countries {
			m.Countries[i] = upperCode(cc)
		}
		for i, s := range m.Subdivisions {
			m.Subdivisions[i] = upperCode(s)
		}
		m.Currency = upperCode(m.Currency)
		m.Tax.Origin.Country = upperCode(m.Tax.Origin.Country)
		m.Tax.Origin.Region = upperCode(m.Tax.Origin.Region)
		for i := range m.Tax.Classes {
			m.Tax.Classes[i].Country = upperCode(m.Tax.Classes[i].Country)
		}
	}
}

// upperCode upper-cases s when it consists of ASCII letters, digits and
// hyphens only; anything else (spaces, other characters) is left as it is
// so that Check names it.
func upperCode(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return s
		}
	}
	return strings.ToUpper(s)
}

// Hash returns a hex SHA-256 of the configuration's canonical JSON (keys
// sorted, as Marshal writes it): two configurations with the same content
// have the same hash whatever their formatting. The fleet and /healthz
// report it.
func (c *Config) Hash() string {
	b, err := json.Marshal(c)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Clone returns a deep copy of c, safe to modify.
func (c *Config) Clone() *Config {
	b, err := json.Marshal(c)
	if err != nil {
		return nil
	}
	var out Config
	if json.Unmarshal(b, &out) != nil {
		return nil
	}
	out.normalize()
	return &out
}

var (
	marketPtrType     = reflect.TypeFor[*Market]()
	textUnmarshalerT  = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonUnmarshalerT  = reflect.TypeFor[json.Unmarshaler]()
	structFieldsCache sync.Map // reflect.Type → map[string]reflect.StructField
)

type walker struct {
	dec     *json.Decoder
	op      string
	errs    []error
	dropped int
	fatal   error
}

func (w *walker) fail(path, value string, err error) {
	if len(w.errs) >= MaxDecodeErrors {
		w.dropped++
		return
	}
	w.errs = append(w.errs, &Error{Op: w.op, Field: path, Value: value, Err: err})
}

func (w *walker) token() (json.Token, bool) {
	if w.fatal != nil {
		return nil, false
	}
	tok, err := w.dec.Token()
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		w.fatal = &Error{Op: w.op, Field: "offset", Value: strconv.FormatInt(w.dec.InputOffset(), 10),
			Err: because(ErrSyntax, err.Error())}
		return nil, false
	}
	return tok, true
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	if key == "" || strings.ContainsAny(key, ".[]\" ") {
		return path + "[" + strconv.Quote(key) + "]"
	}
	return path + "." + key
}

func fieldsOf(t reflect.Type) map[string]reflect.StructField {
	if f, ok := structFieldsCache.Load(t); ok {
		return f.(map[string]reflect.StructField)
	}
	m := make(map[string]reflect.StructField)
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		m[name] = f
	}
	structFieldsCache.Store(t, m)
	return m
}

func kindName(tok json.Token) string {
	switch tok.(type) {
	case json.Delim:
		if tok == json.Delim('{') {
			return "an object"
		}
		return "an array"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a bool"
	case nil:
		return "null"
	}
	return "a value"
}

func tokenText(tok json.Token) string {
	switch v := tok.(type) {
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		return strconv.FormatBool(v)
	case nil:
		return "null"
	case json.Delim:
		return v.String()
	}
	return ""
}

// value walks one JSON value expected to decode into t (nil: anything,
// skipped).
func (w *walker) value(t reflect.Type, path string, depth int) {
	if w.fatal != nil {
		return
	}
	if depth > MaxDepth {
		w.fatal = &Error{Op: w.op, Field: path, Err: because(ErrTooLarge, "nesting deeper than "+strconv.Itoa(MaxDepth))}
		return
	}
	if t != nil && reflect.PointerTo(t).Implements(jsonUnmarshalerT) && t.Kind() != reflect.Pointer {
		var raw json.RawMessage
		if err := w.dec.Decode(&raw); err != nil {
			w.fatal = &Error{Op: w.op, Field: path, Err: because(ErrSyntax, err.Error())}
			return
		}
		v := reflect.New(t)
		if err := v.Interface().(json.Unmarshaler).UnmarshalJSON(raw); err != nil {
			w.fail(path, string(raw), unwrapStore(err))
		}
		return
	}
	tok, ok := w.token()
	if !ok {
		return
	}
	if t == nil {
		w.skip(tok, path, depth)
		return
	}
	if tok == nil {
		switch t.Kind() {
		case reflect.Map, reflect.Slice:
			return
		case reflect.Pointer:
			if t != marketPtrType {
				return
			}
		}
		w.fail(path, "null", because(ErrType, "null is not allowed here"))
		return
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(textUnmarshalerT) {
		s, isString := tok.(string)
		if !isString {
			w.fail(path, tokenText(tok), because(ErrType, "want a string, got "+kindName(tok)))
			w.skip(tok, path, depth)
			return
		}
		v := reflect.New(t)
		if err := v.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			w.fail(path, s, unwrapStore(err))
		}
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		if tok != json.Delim('{') {
			w.fail(path, tokenText(tok), because(ErrType, "want an object, got "+kindName(tok)))
			w.skip(tok, path, depth)
			return
		}
		fields := fieldsOf(t)
		seen := make(map[string]bool, len(fields))
		for w.fatal == nil && w.dec.More() {
			kt, ok := w.token()
			if !ok {
				return
			}
			key := kt.(string)
			kp := join(path, key)
			if seen[key] {
				w.fail(kp, key, ErrDuplicateKey)
				w.value(nil, kp, depth+1)
				continue
			}
			seen[key] = true
			f, known := fields[key]
			if !known {
				w.fail(kp, key, because(ErrUnknownField, suggest(key, fields)))
				w.value(nil, kp, depth+1)
				continue
			}
			w.value(f.Type, kp, depth+1)
		}
		w.token() // '}'
	case reflect.Map:
		if tok != json.Delim('{') {
			w.fail(path, tokenText(tok), because(ErrType, "want an object, got "+kindName(tok)))
			w.skip(tok, path, depth)
			return
		}
		seen := make(map[string]bool)
		n := 0
		for w.fatal == nil && w.dec.More() {
			kt, ok := w.token()
			if !ok {
				return
			}
			key := kt.(string)
			kp := join(path, key)
			n++
			if n > MaxMarkets {
				w.fatal = &Error{Op: w.op, Field: path, Err: because(ErrTooLarge, "more than "+strconv.Itoa(MaxMarkets)+" entries")}
				return
			}
			if seen[key] {
				w.fail(kp, key, ErrDuplicateKey)
				w.value(nil, kp, depth+1)
				continue
			}
			seen[key] = true
			w.value(t.Elem(), kp, depth+1)
		}
		w.token()
	case reflect.Slice:
		if tok != json.Delim('[') {
			w.fail(path, tokenText(tok), because(ErrType, "want an array, got "+kindName(tok)))
			w.skip(tok, path, depth)
			return
		}
		for i := 0; w.fatal == nil && w.dec.More(); i++ {
			w.value(t.Elem(), path+"["+strconv.Itoa(i)+"]", depth+1)
		}
		w.token()
	case reflect.String:
		if _, ok := tok.(string); !ok {
			w.fail(path, tokenText(tok), because(ErrType, "want a string, got "+kindName(tok)))
			w.skip(tok, path, depth)
		}
	case reflect.Bool:
		if _, ok := tok.(bool); !ok {
			w.fail(path, tokenText(tok), because(ErrType, "want true or false, got "+kindName(tok)))
			w.skip(tok, path, depth)
		}
	case reflect.Int, reflect.Int64, reflect.Int32:
		n, ok := tok.(json.Number)
		if !ok {
			w.fail(path, tokenText(tok), because(ErrType, "want an integer, got "+kindName(tok)))
			w.skip(tok, path, depth)
			return
		}
		bits := t.Bits()
		if t.Kind() == reflect.Int {
			bits = 32 // the same limit on every platform
		}
		if _, err := strconv.ParseInt(n.String(), 10, bits); err != nil {
			w.fail(path, n.String(), because(ErrType, "want an integer of "+strconv.Itoa(bits)+" bits"))
		}
	default:
		w.fail(path, tokenText(tok), because(ErrType, "unsupported"))
		w.skip(tok, path, depth)
	}
}

// skip consumes the rest of a value whose first token was tok.
func (w *walker) skip(tok json.Token, path string, depth int) {
	d, ok := tok.(json.Delim)
	if !ok || (d != '{' && d != '[') {
		return
	}
	obj := d == '{'
	seen := map[string]bool{}
	for w.fatal == nil && w.dec.More() {
		if obj {
			kt, ok := w.token()
			if !ok {
				return
			}
			key := kt.(string)
			if seen[key] {
				w.fail(join(path, key), key, ErrDuplicateKey)
			}
			seen[key] = true
			w.value(nil, join(path, key), depth+1)
		} else {
			w.value(nil, path, depth+1)
		}
	}
	w.token()
}

// unwrapStore turns an *Error from a nested parser into its reason, so that
// the walker's own path is the one reported; other errors pass through
// wrapped in ErrInvalid unless they already carry a sentinel of ours.
func unwrapStore(err error) error {
	var se *Error
	if errors.As(err, &se) && se.Err != nil {
		return se.Err
	}
	for _, s := range []error{ErrType, ErrInvalid} {
		if errors.Is(err, s) {
			return err
		}
	}
	return because(ErrInvalid, err.Error())
}

// suggest names the closest known field for a misspelt key.
func suggest(key string, fields map[string]reflect.StructField) string {
	best, bestD := "", 3
	for name := range fields {
		if d := editDistance(strings.ToLower(key), name); d < bestD || (d == bestD && best != "" && name < best) {
			best, bestD = name, d
		}
	}
	if best == "" {
		return ""
	}
	return "did you mean " + strconv.Quote(best) + "?"
}

func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
