package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// update, golden and runCmd are shared with fleet_test.go.

const (
	example = "../../store/markets.json"
	broken  = "../../store/testdata/broken.json"
	prices  = "../../store/testdata/prices.json"
	cat     = "../../store/testdata/catalog.jsonl"
)

func TestCheckExample(t *testing.T) {
	out, errOut, code := runCmd(t, "check", "--catalog", cat, "--prices", prices, "--date", "2026-12-04", example)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q, stdout:\n%s", code, errOut, out)
	}
	if want := "5 markets, 22 products checked: 0 errors, 0 warnings\n"; out != want {
		t.Errorf("stdout = %q, want %q", out, want)
	}
}

// TestCheckBroken: a configuration with one of each problem; the text
// report is golden, flags may follow the file, and the exit status is 1.
func TestCheckBroken(t *testing.T) {
	out, errOut, code := runCmd(t, "check", broken, "--catalog", cat, "--prices", prices, "--date", "2026-12-04")
	if code != 1 {
		t.Errorf("exit %d, want 1 (stderr %q)", code, errOut)
	}
	golden(t, "check.golden", []byte(out))

	jsonOut, _, code := runCmd(t, "check", "--json", "--catalog", cat, "--prices", prices, "--date", "2026-12-04", broken)
	if code != 1 {
		t.Errorf("--json exit %d, want 1", code)
	}
	golden(t, "check.json.golden", []byte(jsonOut))
	var rep struct {
		Problems []struct{ Severity, Code, Market, Field, Value, Message string }
	}
	if err := json.Unmarshal([]byte(jsonOut), &rep); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out, "\n") - 1; len(rep.Problems) != n {
		t.Errorf("JSON has %d problems, text %d", len(rep.Problems), n)
	}
}

func TestCheckUndecodable(t *testing.T) {
	path := t.TempDir() + "/bad.json"
	if err := os.WriteFile(path, []byte(`{"markets":{"de":{"curency":"EUR","path":7}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := runCmd(t, "check", path)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	want := `error   markets.de.curency "curency": decode-config: unknown field: did you mean "currency"?
error   markets.de.path "7": decode-config: wrong type: want a string, got a number
0 markets, 0 products checked: 2 errors, 0 warnings
`
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}
}

func TestCheckUsage(t *testing.T) {
	for _, args := range [][]string{{"check"}, {"check", "a", "b"}, {"check", "--date", "tomorrow", example}, {"check", "/nonexistent/markets.json"}} {
		if _, _, code := runCmd(t, args...); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
	if _, errOut, code := runCmd(t, "no-such-command"); code != 2 || !strings.Contains(errOut, "unknown command") {
		t.Errorf("unknown command: exit %d, stderr %q", code, errOut)
	}
	if out, _, code := runCmd(t, "help"); code != 0 || !strings.Contains(out, "check") {
		t.Errorf("help: exit %d, stdout %q", code, out)
	}
}

// TestCheckPricesDirectory: --prices also reads a directory of
// <list>.json files (the layout store.FSLoader serves from), and names the
// file of a bad one.
func TestCheckPricesDirectory(t *testing.T) {
	raw, err := os.ReadFile(prices)
	if err != nil {
		t.Fatal(err)
	}
	var d struct{ Lists map[string]json.RawMessage }
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, l := range d.Lists {
		if err := os.WriteFile(dir+"/"+name+".json", l, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, _, code := runCmd(t, "check", "--catalog", cat, "--prices", dir, "--date", "2026-12-04", example)
	if code != 0 || out != "5 markets, 22 products checked: 0 errors, 0 warnings\n" {
		t.Errorf("exit %d:\n%s", code, out)
	}
	if err := os.WriteFile(dir+"/eur.json", []byte(`{"currency":"EUR","entries":[{"sku":"X","prize":1}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code = runCmd(t, "check", "--prices", dir, example)
	if code != 1 || !strings.Contains(out, `eur.json: entries[0].prize "prize": decode-prices: unknown field`) {
		t.Errorf("exit %d:\n%s", code, out)
	}
}
