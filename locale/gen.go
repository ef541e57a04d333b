package locale

// The tables (*_tables.go, and the generated test data) are written by
// internal/gen/cldr, which reads pinned CLDR npm packages; CLDRVersion is
// generated with them (version_tables.go).
//go:generate go run ../internal/gen/cldr -out .
