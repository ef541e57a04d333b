package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/marketkit/marketkit/catalog"
	"github.com/marketkit/marketkit/locale"
	"github.com/marketkit/marketkit/store"
)

func init() {
	register(command{Name: "check", Summary: "check a market configuration against catalog, prices and tax data", Run: runCheck})
}

const checkUsage = `usage: marketkit check [--catalog FILE] [--prices FILE|DIR] [--date YYYY-MM-DD] [--json] CONFIG

Checks the market configuration CONFIG (JSON, see store/markets.schema.json)
and reports every problem at once, each with its market, field path and
value. With --catalog (JSON Lines) it also checks that every product
available in a market has a price there (needs --prices) and a text in the
market's default locale, and checks tax rates for the catalog's tax
classes. --date checks the rates in force on that date (default: today)
and on the next rate change the data knows of.

Exit status: 0 no errors (warnings allowed), 1 errors, 2 usage or
unreadable files.
`

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, checkUsage) }
	catalogPath := fs.String("catalog", "", "catalog `file` (JSON Lines)")
	pricesPath := fs.String("prices", "", "price data `file` ({\"lists\": …}) or directory of <list>.json files")
	date := fs.String("date", "", "check `date` YYYY-MM-DD (default today)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if err := fs.Parse(reorder(args)); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	opts := &store.CheckOptions{}
	if *date != "" {
		d, err := time.Parse(time.DateOnly, *date)
		if err != nil {
			fmt.Fprintf(stderr, "marketkit check: --date %q: want YYYY-MM-DD\n", *date)
			return 2
		}
		opts.Date = locale.DateOf(d)
	}
	report, code := checkFiles(ctx, fs.Arg(0), *catalogPath, *pricesPath, opts)
	if report == nil {
		fmt.Fprintln(stderr, "marketkit check:", code.err)
		return 2
	}
	var err error
	if *asJSON {
		err = report.WriteJSON(stdout)
	} else {
		err = report.WriteText(stdout)
	}
	if err != nil {
		fmt.Fprintln(stderr, "marketkit check:", err)
		return 2
	}
	if report.Errors() > 0 {
		return 1
	}
	return 0
}

type failure struct{ err error }

// checkFiles reads the files and checks them. A configuration that does
// not decode is reported as problems (every decode error), not as a usage
// failure; unreadable files are failures.
func checkFiles(ctx context.Context, configPath, catalogPath, pricesPath string, opts *store.CheckOptions) (*store.Report, failure) {
	data, err := os.ReadFile(configPath)
	if err != nil {
		return nil, failure{err}
	}
	if pricesPath != "" {
		p, err := readPrices(pricesPath)
		if err != nil {
			if len(store.Errors(err)) > 0 {
				return decodeReport("prices", err), failure{}
			}
			return nil, failure{err}
		}
		opts.Prices = p
	}
	var cat *catalog.Catalog
	var catProblems []store.Problem
	if catalogPath != "" {
		cat, catProblems, err = loadCatalog(ctx, catalogPath)
		if err != nil {
			return nil, failure{err}
		}
	}
	cfg, err := store.Decode(data)
	if err != nil {
		r := decodeReport("config", err)
		r.Problems = append(r.Problems, catProblems...)
		return r, failure{}
	}
	if cat != nil {
		opts.Catalog = store.NewCatalogView(cat, cfg)
	}
	r := store.Check(cfg, opts)
	r.Problems = append(catProblems, r.Problems...)
	return r, failure{}
}

// readPrices reads price data from a file ({"lists": {...}}) or from a
// directory of <list>.json files ({"currency": …, "entries": […]}), the
// layout store.FSLoader reads.
func readPrices(path string) (*store.PriceData, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return store.DecodePricesReader(f)
	}
	files, err := filepath.Glob(filepath.Join(path, "*.json"))
	if err != nil {
		return nil, err
	}
	d := &store.PriceData{Lists: map[string]store.PriceListData{}}
	var errs []error
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		ld, err := store.DecodePriceList(data)
		if err != nil {
			for _, e := range store.Errors(err) {
				e.Field = filepath.Base(f) + ": " + e.Field
			}
			errs = append(errs, err)
			continue
		}
		d.Lists[name] = ld
	}
	return d, errors.Join(errs...)
}

// decodeReport turns decode errors into a report of problems.
func decodeReport(what string, err error) *store.Report {
	r := &store.Report{Problems: []store.Problem{}}
	errs := store.Errors(err)
	if len(errs) == 0 {
		r.Problems = append(r.Problems, store.Problem{Code: "decode-" + what, Field: what, Message: err.Error(), Err: err})
		return r
	}
	for _, e := range errs {
		msg := e.Error()
		if e.Err != nil {
			msg = e.Err.Error()
		}
		r.Problems = append(r.Problems, store.Problem{Code: "decode-" + what, Field: e.Field, Value: e.Value, Message: msg, Err: e})
	}
	return r
}

// reorder moves flags after the positional argument to the front, so
// that "check CONFIG --json" works like "check --json CONFIG".
func reorder(args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			pos = append(pos, args[i+1:]...)
			i = len(args)
		case len(a) > 1 && a[0] == '-':
			flags = append(flags, a)
			if (a == "--catalog" || a == "-catalog" || a == "--prices" || a == "-prices" || a == "--date" || a == "-date") && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
		default:
			pos = append(pos, a)
		}
	}
	return append(flags, pos...)
}
