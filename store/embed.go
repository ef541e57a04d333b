package store

import _ "embed"

// exampleConfig is markets.json: the example configuration, also the
// embedded default of DefaultSource.
//
//go:embed markets.json
var exampleConfig []byte

// schemaJSON is markets.schema.json, the JSON Schema of the format.
//
//go:embed markets.schema.json
var schemaJSON []byte

// ExampleConfig returns a copy of the embedded example configuration
// (markets.json): six markets (de, at, fr-be, ch, us-east) in three groups,
// with declared flags, a fallback price list, maintenance windows and an
// isolated market.
func ExampleConfig() []byte { return append([]byte(nil), exampleConfig...) }

// Schema returns a copy of the JSON Schema (draft 2020-12) of the
// configuration format, markets.schema.json, for editors and validators.
func Schema() []byte { return append([]byte(nil), schemaJSON...) }
