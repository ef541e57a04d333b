// Package data is the storefront's embedded sample data set: the market
// configuration (markets.json, 13 markets), the catalog (catalog.jsonl,
// 240 products with variants, categories, attributes and translations for
// every market locale) and the price lists, both as one document
// (prices.json, what "marketkit check --prices" reads) and one file per list
// (prices/<list>.json, what store.FSLoader reads).
//
// The files are written by examples/storefront/internal/gendata
// (go generate ./examples/storefront); do not edit them by hand.
package data

import (
	"embed"
	"io/fs"
)

//go:embed markets.json catalog.jsonl prices.json prices
var files embed.FS

// FS returns the data set as a read-only file system.
func FS() fs.FS { return files }

// Markets returns a copy of markets.json.
func Markets() []byte {
	b, err := files.ReadFile("markets.json")
	if err != nil {
		panic("data: markets.json not embedded: " + err.Error()) // a build defect, not input
	}
	return b
}
