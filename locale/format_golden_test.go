package locale

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
)

var update = flag.Bool("update", false, "rewrite testdata/format.golden")

// TestFormatGolden formats the same numbers, amounts and dates in every
// modern locale and compares them with testdata/format.golden, so that a
// regeneration of the CLDR tables shows every changed output in review.
// Rewrite the file with: go test ./locale -run TestFormatGolden -args -update
func TestFormatGolden(t *testing.T) {
	var b bytes.Buffer
	num := decimal.RequireFromString("-1234567.891")
	pct := decimal.RequireFromString("0.195")
	amt := decimal.RequireFromString("-1234.565")
	accounting := &FormatOptions{Style: StyleAccounting}
	narrow := &FormatOptions{Display: DisplayNarrowSymbol}
	for _, id := range modernLocaleIDs {
		tag := language.MustParse(id)
		f, err := NewFormatter(tag, nil)
		if err != nil {
			t.Fatal(err)
		}
		fa, _ := NewFormatter(tag, accounting)
		fn, _ := NewFormatter(tag, narrow)
		n, _ := f.Number(num)
		p, _ := f.Percent(pct)
		fields := []string{id, n, p}
		for _, code := range []string{"EUR", "USD", "JPY"} {
			c, _ := f.Currency(amt, code)
			a, _ := fa.Currency(amt, code)
			w, _ := fn.Currency(amt, code)
			fields = append(fields, c, a, w)
		}
		for s := DateShort; s <= DateFull; s++ {
			fields = append(fields, f.Date(fixedTime, s))
		}
		fmt.Fprintf(&b, "%q\n", fields)
	}
	path := filepath.Join("testdata", "format.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(b.String(), "\n")); diff != "" {
		t.Errorf("formats differ from %s (-want +got):\n%s", path, diff)
	}
}
