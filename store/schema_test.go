package store

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestSchemaMatchesTypes: markets.schema.json names exactly the fields
// Decode accepts, at every level, and forbids the others — so an editor
// never suggests a key Decode rejects, nor misses one it accepts.
func TestSchemaMatchesTypes(t *testing.T) {
	var schema map[string]any
	if err := json.Unmarshal(Schema(), &schema); err != nil {
		t.Fatal(err)
	}
	defs, _ := schema["$defs"].(map[string]any)
	resolve := func(n map[string]any) map[string]any {
		for {
			ref, ok := n["$ref"].(string)
			if !ok {
				return n
			}
			n, _ = defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		}
	}
	textType := reflect.TypeFor[interface{ UnmarshalText([]byte) error }]()
	jsonType := reflect.TypeFor[json.Unmarshaler]()
	seen := map[reflect.Type]bool{}
	var walk func(path string, typ reflect.Type, node map[string]any)
	walk = func(path string, typ reflect.Type, node map[string]any) {
		node = resolve(node)
		if node == nil {
			t.Errorf("%s: no schema", path)
			return
		}
		for typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		if reflect.PointerTo(typ).Implements(textType) || reflect.PointerTo(typ).Implements(jsonType) || typ == reflect.TypeFor[time.Time]() {
			return
		}
		switch typ.Kind() {
		case reflect.Struct:
			if seen[typ] {
				return
			}
			seen[typ] = true
			if node["additionalProperties"] != false {
				t.Errorf("%s: the schema allows additional properties", path)
			}
			props, _ := node["properties"].(map[string]any)
			var want, got []string
			for name := range fieldsOf(typ) {
				want = append(want, name)
			}
			for name := range props {
				got = append(got, name)
			}
			slices.Sort(want)
			slices.Sort(got)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s: properties (-Go +schema):\n%s", path, diff)
				return
			}
			for name, f := range fieldsOf(typ) {
				walk(path+"."+name, f.Type, props[name].(map[string]any))
			}
		case reflect.Map:
			ap, ok := node["additionalProperties"].(map[string]any)
			if !ok {
				t.Errorf("%s: a map without an additionalProperties schema", path)
				return
			}
			walk(path+".*", typ.Elem(), ap)
		case reflect.Slice:
			items, ok := node["items"].(map[string]any)
			if !ok {
				t.Errorf("%s: an array without an items schema", path)
				return
			}
			walk(path+"[]", typ.Elem(), items)
		}
	}
	walk("config", reflect.TypeFor[Config](), schema)
	if len(seen) < 10 {
		t.Errorf("walked only %d struct types", len(seen))
	}
}
