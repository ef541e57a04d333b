package metadata_test

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/marketkit/marketkit/store/metadata"
)

// validate checks v (decoded with UseNumber) against the JSON Schema node
// s of root: the subset metadata.schema.json uses ($ref into $defs, oneOf,
// type, const, enum, properties, required, additionalProperties, items,
// minItems, maxItems, minimum). It returns the first violation.
func validate(root, s map[string]any, v any, path string) error {
	if r, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(r, "#/$defs/")
		def, ok := root["$defs"].(map[string]any)[name].(map[string]any)
		if !ok {
			return fmt.Errorf("%s: unknown $ref %q", path, r)
		}
		return validate(root, def, v, path)
	}
	if alts, ok := s["oneOf"].([]any); ok {
		n := 0
		for _, a := range alts {
			if validate(root, a.(map[string]any), v, path) == nil {
				n++
			}
		}
		if n != 1 {
			return fmt.Errorf("%s: matches %d of oneOf, want 1", path, n)
		}
	}
	if c, ok := s["const"]; ok && fmt.Sprint(c) != fmt.Sprint(v) {
		return fmt.Errorf("%s: %v, want const %v", path, v, c)
	}
	if e, ok := s["enum"].([]any); ok && !slices.ContainsFunc(e, func(x any) bool { return x == v }) {
		return fmt.Errorf("%s: %v not in enum %v", path, v, e)
	}
	if t, ok := s["type"]; ok {
		var types []any
		if l, ok := t.([]any); ok {
			types = l
		} else {
			types = []any{t}
		}
		if !slices.ContainsFunc(types, func(x any) bool { return typeOK(x.(string), v) }) {
			return fmt.Errorf("%s: %T, want type %v", path, v, t)
		}
	}
	if mn, ok := s["minimum"].(float64); ok {
		if n, ok := v.(json.Number); ok {
			if f, _ := n.Float64(); f < mn {
				return fmt.Errorf("%s: %v below minimum %v", path, n, mn)
			}
		}
	}
	switch v := v.(type) {
	case map[string]any:
		props, _ := s["properties"].(map[string]any)
		for _, r := range asList(s["required"]) {
			if _, ok := v[r.(string)]; !ok {
				return fmt.Errorf("%s: missing required %q", path, r)
			}
		}
		for k, x := range v {
			ps, ok := props[k].(map[string]any)
			if !ok {
				switch ap := s["additionalProperties"].(type) {
				case bool:
					if !ap {
						return fmt.Errorf("%s: property %q not in the schema", path, k)
					}
					continue
				case map[string]any:
					ps = ap
				default:
					continue
				}
			}
			if err := validate(root, ps, x, path+"."+k); err != nil {
				return err
			}
		}
	case []any:
		if n, ok := s["minItems"].(float64); ok && len(v) < int(n) {
			return fmt.Errorf("%s: %d items, want at least %v", path, len(v), n)
		}
		if n, ok := s["maxItems"].(float64); ok && len(v) > int(n) {
			return fmt.Errorf("%s: %d items, want at most %v", path, len(v), n)
		}
		if it, ok := s["items"].(map[string]any); ok {
			for i, x := range v {
				if err := validate(root, it, x, fmt.Sprintf("%s[%d]", path, i)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func asList(v any) []any { l, _ := v.([]any); return l }

func typeOK(t string, v any) bool {
	switch t {
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "integer":
		n, ok := v.(json.Number)
		return ok && !strings.ContainsAny(n.String(), ".eE")
	}
	return false
}

func decodeNumber(t *testing.T, b []byte) any {
	t.Helper()
	d := json.NewDecoder(strings.NewReader(string(b)))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestDocumentsMatchSchema validates every served document of both test
// configurations against metadata.schema.json.
func TestDocumentsMatchSchema(t *testing.T) {
	var root map[string]any
	if err := json.Unmarshal(metadata.Schema(), &root); err != nil {
		t.Fatalf("metadata.schema.json: %v", err)
	}
	for _, file := range []string{"testdata/markets.json", "testdata/scripts.json"} {
		s := newServer(t, readFile(t, file))
		n := 0
		for _, p := range s.Paths() {
			if p == metadata.PathConfig || p == metadata.PathSchema {
				continue
			}
			w := httptest.NewRecorder()
			s.ServeHTTP(w, httptest.NewRequest("GET", p, nil))
			if err := validate(root, root, decodeNumber(t, w.Body.Bytes()), p); err != nil {
				t.Errorf("%s: %v", file, err)
			}
			n++
		}
		if n < 5 {
			t.Errorf("%s: only %d documents validated", file, n)
		}
	}
}

// TestSchemaValidatorRejects shows that the validator above can fail:
// each mutation of a valid facts document is reported.
func TestSchemaValidatorRejects(t *testing.T) {
	var root map[string]any
	if err := json.Unmarshal(metadata.Schema(), &root); err != nil {
		t.Fatal(err)
	}
	s := sharedServer(t)
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest("GET", "/v1/markets/ch/fr-CH", nil))
	body := w.Body.Bytes()
	mutations := map[string]func(m map[string]any){
		"unknown field":      func(m map[string]any) { m["colour"] = "blue" },
		"missing currency":   func(m map[string]any) { delete(m, "currency") },
		"wrong schema":       func(m map[string]any) { m["schema_version"] = json.Number("2") },
		"digits not 10":      func(m map[string]any) { n := m["number"].(map[string]any); n["digits"] = n["digits"].([]any)[:9] },
		"string for integer": func(m map[string]any) { m["currency"].(map[string]any)["digits"] = "2" },
		"bad weekday":        func(m map[string]any) { m["countries"].([]any)[0].(map[string]any)["first_day_of_week"] = "mon" },
		"flag of wrong type": func(m map[string]any) { m["flags"].(map[string]any)["gift_wrap"] = []any{} },
		"nested unknown":     func(m map[string]any) { m["tax"].(map[string]any)["vat"] = true },
		"fraction not number": func(m map[string]any) {
			m["number"].(map[string]any)["decimal"].(map[string]any)["group"] = json.Number("1")
		},
	}
	if err := validate(root, root, decodeNumber(t, body), "doc"); err != nil {
		t.Fatalf("unmutated document: %v", err)
	}
	for name, mutate := range mutations {
		doc := decodeNumber(t, body).(map[string]any)
		mutate(doc)
		if err := validate(root, root, doc, "doc"); err == nil {
			t.Errorf("%s: validator accepted the mutated document", name)
		}
	}
}
