package store

import (
	"errors"
	"strings"
	"testing"

	"github.com/marketkit/marketkit/locale"
)

// A currency that locale knows only for historical invoices (HRK ended
// with Croatia's adoption of the euro) is no currency to sell in.
func TestCheckHistoricalCurrency(t *testing.T) {
	cfg, err := Decode(ExampleConfig())
	if err != nil {
		t.Fatal(err)
	}
	if cur, ok := locale.CurrencyInfo("HRK"); !ok || !cur.Historical() {
		t.Fatalf("HRK is not a known historical currency: %+v %v", cur, ok)
	}
	id := cfg.MarketIDs()[0]
	cfg.Markets[id].Currency = "HRK"
	r := Check(cfg, &CheckOptions{Date: checkDate})
	var found *Problem
	for i, p := range r.Problems {
		if p.Code == "historical-currency" {
			found = &r.Problems[i]
		}
	}
	if found == nil {
		t.Fatalf("no historical-currency problem in:\n%v", r.Problems)
	}
	if found.Market != id || found.Field != "markets."+id+".currency" || found.Value != "HRK" || found.Severity != SeverityError {
		t.Errorf("problem = %+v", *found)
	}
	if !errors.Is(found.Err, locale.ErrUnknownCurrency) || !strings.Contains(found.Message, "no longer legal tender") {
		t.Errorf("problem error = %v", found.Err)
	}
	if r.Errors() == 0 || r.Err() == nil {
		t.Error("the report has no error")
	}
}
