package main

func init() { register("version", "version_tables.go", genVersion) }

// genVersion writes locale.CLDRVersion from the pinned release, so the
// constant can never name another release than the tables' data.
func genVersion(*data) ([]byte, error) {
	var b buf
	b.p("package locale\n\n")
	b.p("// CLDRVersion is the Unicode CLDR release the tables of this package are\n")
	b.p("// generated from (npm packages cldr-core, cldr-numbers-full, cldr-dates-full\n")
	b.p("// and cldr-localenames-full, Unicode-3.0 licence). The current IANA names\n")
	b.p("// of time zones come from cldr-bcp47 %s.\n", bcp47Version)
	b.p("const CLDRVersion = %q\n", cldrVersion)
	return b.Bytes(), nil
}
