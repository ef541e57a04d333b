package main

func init() { register("locales", "cldr_locales_test.go", genLocales) }

// genLocales writes, for the consistency tests of package locale only, the
// IDs of every locale CLDR has data for (availableLocales.json "full")
// and of those with modern coverage (coverageLevels.json). Being a
// _test.go file, it costs importers of the package nothing.
func genLocales(d *data) ([]byte, error) {
	avail, err := d.availableLocales()
	if err != nil {
		return nil, err
	}
	modern, err := d.modernLocales()
	if err != nil {
		return nil, err
	}
	var b buf
	b.p("package locale\n\n")
	list := func(name, doc string, ids []string) {
		b.p("// %s %s, sorted.\n", name, doc)
		b.p("var %s = [...]string{", name)
		elems(&b, ids, 10, "%q")
		b.p("}\n\n")
	}
	list("cldrAvailableLocales", "holds the IDs of every locale CLDR has data for", avail)
	list("cldrModernLocales", "holds the IDs of the locales with modern coverage", modern)
	return b.Bytes(), nil
}
