package locale

//go:generate go run ../internal/gen/cldr -out .

// CLDRVersion is the Unicode CLDR release the tables of this package are
// generated from (npm packages cldr-core, cldr-numbers-full, cldr-dates-full
// and cldr-localenames-full, Unicode-3.0 licence). The current IANA names
// of time zones come from cldr-bcp47 48.2.0, which npm does not have at
// 48.1.0.
const CLDRVersion = "48.1.0"
