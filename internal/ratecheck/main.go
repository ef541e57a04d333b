// Command ratecheck checks the built-in rate data of package tax against
// a reference comparison of public rate sources: the subset of the
// vat-rates.json research file (six sources, their consensus and their
// dated checks) committed as testdata/vat-rates.json and embedded in the
// command. It prints every difference; a difference is a prompt to re-read
// the official source cited in tax/builtin.go, not an automatic
// correction. It holds no rate data of its own.
//
// Usage:
//
//	go run ./internal/ratecheck                 # the committed reference
//	go run ./internal/ratecheck -ref file.json  # a newer research file
//
// It exits with status 1 when a single-valued reference check since
// 2019-01-01 disagrees with our data. The test of this package runs the
// same check on the committed reference, so go test ./... fails on such a
// disagreement.
package main

import (
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/marketkit/marketkit/tax"
)

//go:embed testdata/vat-rates.json
var committedRef []byte

type ref struct {
	AsOf      string                `json:"as_of"`
	Countries map[string]refCountry `json:"countries"`
	US        struct {
		States map[string]struct {
			Rate string `json:"rate"`
		} `json:"states"`
	} `json:"us_states"`
	Checks []struct {
		Territory string  `json:"territory"`
		Date      string  `json:"date"`
		Kind      string  `json:"kind"`
		Expected  *string `json:"expected"`
		Majority  *string `json:"majority"`
	} `json:"date_checks"`
}

type refCountry struct {
	Consensus struct {
		Standard string `json:"standard"`
		Other    []struct {
			Rate string `json:"rate"`
		} `json:"other_rates"`
	} `json:"consensus_current"`
}

// typeOf maps a reference territory to our tax type.
func typeOf(territory string) (string, bool) {
	special := map[string]string{
		"PT-Azores": "pt_20_vat", "PT-Madeira": "pt_30_vat", "ES-GC": "es_cn_igic", "ES-TF": "es_cn_igic",
		"GR": "gr_vat", "CA": "ca_gst", "CA-BC": "ca_bc_pst", "CA-MB": "ca_mb_rst", "CA-SK": "ca_sk_pst",
		"CA-QC": "ca_qc_qst", "CA-ON": "ca_on_hst", "CA-NB": "ca_nb_hst", "CA-NL": "ca_nl_hst", "CA-NS": "ca_ns_hst",
		"CA-PE": "ca_pe_hst", "JP": "jp_ct", "AU": "au_gst", "NZ": "nz_gst", "SG": "sg_gst", "IN": "in_gst",
		"LI": "ch_vat", "MC": "fr_vat", "IM": "gb_vat",
	}
	if t, ok := special[territory]; ok {
		return t, true
	}
	if len(territory) == 2 {
		return strings.ToLower(territory) + "_vat", true
	}
	return "", false
}

func main() {
	path := flag.String("ref", "", "reference comparison file (default: the committed testdata/vat-rates.json)")
	flag.Parse()
	b := committedRef
	if *path != "" {
		var err error
		if b, err = os.ReadFile(*path); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
	failed, err := check(os.Stdout, b)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if failed {
		os.Exit(1)
	}
}

// check compares tax.Builtin with the reference b and writes the
// differences to out; failed reports a single-valued check since
// 2019-01-01 that disagrees.
func check(out io.Writer, b []byte) (failed bool, err error) {
	var r ref
	if err := json.Unmarshal(b, &r); err != nil {
		return false, err
	}
	d := tax.Builtin()
	asOf, err := tax.ParseDate(r.AsOf)
	if err != nil {
		return false, err
	}
	since := tax.MustDate("2019-01-01")

	fmt.Fprintln(out, "== date checks (standard rate on the dates where sources record a change)")
	for _, c := range r.Checks {
		id, ok := typeOf(c.Territory)
		if !ok || c.Kind != "standard" {
			continue
		}
		day, err := tax.ParseDate(c.Date)
		if err != nil {
			continue
		}
		a, err := d.Lookup(id, tax.Standard, day)
		got := "none"
		if err == nil {
			got = strings.TrimSuffix(a.Percent.String(), "%")
		}
		want, note := "", ""
		switch {
		case c.Expected != nil:
			want = *c.Expected
		case c.Majority != nil:
			want, note = *c.Majority, " (majority of disagreeing sources)"
		default:
			want, note = "?", " (sources disagree, no majority)"
		}
		status := "ok  "
		switch {
		case got == "none" && day.Before(since):
			status = "n/a " // before our coverage
		case got != want:
			status = "DIFF"
			if c.Expected != nil && !day.Before(since) {
				failed = true
			}
		}
		if got != want || note != "" {
			fmt.Fprintf(out, "%s %-11s %s ours %s, reference %s%s\n", status, c.Territory, c.Date, got, want, note)
		}
	}

	fmt.Fprintf(out, "\n== current rates on %s (consensus standard; other rates listed by any source)\n", r.AsOf)
	names := make([]string, 0, len(r.Countries))
	for n := range r.Countries {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		id, ok := typeOf(n)
		if !ok {
			continue
		}
		ty, ok := d.Type(id)
		if !ok {
			fmt.Fprintf(out, "skip %-11s no type %s\n", n, id)
			continue
		}
		c := r.Countries[n]
		if a, err := ty.Rate(tax.Standard, asOf); err != nil || strings.TrimSuffix(a.Percent.String(), "%") != c.Consensus.Standard {
			fmt.Fprintf(out, "DIFF %-11s standard ours %v, reference consensus %s\n", n, a.Percent, c.Consensus.Standard)
		}
		ours := map[string]bool{}
		for cat := tax.Intermediate; cat <= tax.Increased; cat++ {
			if cat == tax.Exempt || cat == tax.Zero {
				continue
			}
			if a, err := ty.Rate(cat, asOf); err == nil {
				ours[strings.TrimSuffix(a.Percent.String(), "%")] = true
			}
		}
		theirs := map[string]bool{}
		for _, o := range c.Consensus.Other {
			if o.Rate != "0" {
				theirs[o.Rate] = true
			}
		}
		var onlyOurs, onlyTheirs []string
		for p := range ours {
			if !theirs[p] {
				onlyOurs = append(onlyOurs, p)
			}
		}
		for p := range theirs {
			if !ours[p] {
				onlyTheirs = append(onlyTheirs, p)
			}
		}
		sort.Strings(onlyOurs)
		sort.Strings(onlyTheirs)
		if len(onlyOurs)+len(onlyTheirs) > 0 {
			fmt.Fprintf(out, "note %-11s other rates only ours %v, only in some reference source %v\n", n, onlyOurs, onlyTheirs)
		}
	}

	fmt.Fprintf(out, "\n== US state base rates on %s (reference: npm sales-tax, single source)\n", r.AsOf)
	states := make([]string, 0, len(r.US.States))
	for s := range r.US.States {
		states = append(states, s)
	}
	sort.Strings(states)
	for _, s := range states {
		id := "us_" + strings.ToLower(s) + "_sales"
		if s == "NM" {
			id = "us_nm_grt" // New Mexico: gross receipts tax
		}
		a, err := d.Lookup(id, tax.Standard, asOf)
		got := "none"
		if err == nil {
			got = strings.TrimSuffix(a.Percent.String(), "%")
		}
		if got != r.US.States[s].Rate {
			fmt.Fprintf(out, "note US-%s ours %s, reference %s\n", s, got, r.US.States[s].Rate)
		}
	}
	return failed, nil
}
