package main

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/marketkit/marketkit/locale"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

func TestRenderGolden(t *testing.T) {
	var out bytes.Buffer
	at := time.Date(2026, time.November, 25, 17, 0, 0, 0, time.UTC)
	markets := []string{"DE", "CH", "FR", "US", "IN", "JP", "BR", "EG"}
	if err := render(&out, markets, decimal.RequireFromString("1234.5"), at); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "markets.golden")
	if *update {
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), out.String()); diff != "" {
		t.Errorf("render output (-want +got):\n%s", diff)
	}
}

func TestRenderUnknownCountry(t *testing.T) {
	var out bytes.Buffer
	err := render(&out, []string{"QQ"}, decimal.NewFromInt(1), time.Unix(0, 0))
	if !errors.Is(err, locale.ErrUnknownCountry) || err.Error() != `locale: NormalizeCountry: country "QQ": unknown country code` {
		t.Fatalf("render(QQ) error = %v, want locale.ErrUnknownCountry", err)
	}
}
