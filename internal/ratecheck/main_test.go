package main

import (
	"strings"
	"testing"
)

// TestBuiltinAgreesWithReference runs the check on the committed
// reference data: a single-valued dated check since 2019 that disagrees
// with tax.Builtin fails the test suite.
func TestBuiltinAgreesWithReference(t *testing.T) {
	var out strings.Builder
	failed, err := check(&out, committedRef)
	if err != nil {
		t.Fatal(err)
	}
	if failed {
		t.Errorf("built-in rates disagree with the reference:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "== current rates on") {
		t.Errorf("check printed no current-rate section:\n%s", out.String())
	}
}

// TestCheckReportsADifference: a reference that contradicts the data is
// a failure, so the test above can fail.
func TestCheckReportsADifference(t *testing.T) {
	ref := `{"as_of":"2025-01-01","countries":{},"us_states":{"states":{}},
	  "date_checks":[{"territory":"DE","date":"2025-01-01","kind":"standard","expected":"21"}]}`
	var out strings.Builder
	failed, err := check(&out, []byte(ref))
	if err != nil {
		t.Fatal(err)
	}
	if !failed || !strings.Contains(out.String(), "DIFF DE") {
		t.Errorf("failed = %v, output:\n%s", failed, out.String())
	}
}
