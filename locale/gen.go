package locale

//go:generate go run ../internal/gen/cldr -out .

// CLDRVersion is the Unicode CLDR release the tables of this package are
// generated from (npm packages cldr-core, cldr-numbers-full, cldr-dates-full
// and cldr-localenames-full, Unicode-3.0 licence).
const CLDRVersion = "48.1.0"
