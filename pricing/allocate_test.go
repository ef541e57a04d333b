package pricing

import (
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func amounts(ms []Money) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Amount()
	}
	return out
}

func TestAllocate(t *testing.T) {
	tests := []struct {
		name, amount, code string
		ratios             []int64
		want               []string
	}{
		{"thirds", "10.00", "EUR", []int64{1, 1, 1}, []string{"3.34", "3.33", "3.33"}},
		{"thirds negative", "-10.00", "EUR", []int64{1, 1, 1}, []string{"-3.34", "-3.33", "-3.33"}},
		{"largest remainder", "1.00", "EUR", []int64{3, 7}, []string{"0.30", "0.70"}},
		{"remainder to the largest fraction", "0.05", "EUR", []int64{1, 2, 3}, []string{"0.01", "0.02", "0.02"}},
		{"tie goes to the earlier part", "0.01", "EUR", []int64{1, 1}, []string{"0.01", "0.00"}},
		{"zero ratio gets zero", "1.00", "EUR", []int64{0, 1, 2}, []string{"0.00", "0.33", "0.67"}},
		{"JPY", "100", "JPY", []int64{1, 1, 1}, []string{"34", "33", "33"}},
		{"BHD", "1.000", "BHD", []int64{1, 1, 1}, []string{"0.334", "0.333", "0.333"}},
		{"zero amount", "0", "EUR", []int64{1, 2}, []string{"0.00", "0.00"}},
		{"huge ratios", "100.00", "EUR", []int64{9_000_000_000_000_000_000, 100_000_000_000_000_000}, []string{"98.90", "1.10"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts, err := MustParseMoney(tt.amount, tt.code).Allocate(tt.ratios...)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, amounts(parts)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestAllocateDecimalAndCash(t *testing.T) {
	parts, err := MustParseMoney("100.00", "EUR").AllocateDecimal(
		decimal.RequireFromString("0.5"), decimal.RequireFromString("0.333"), decimal.RequireFromString("0.167"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"50.00", "33.30", "16.70"}, amounts(parts)); diff != "" {
		t.Errorf("decimal ratios (-want +got):\n%s", diff)
	}
	parts, err = MustParseMoney("10.00", "CHF").SplitIn(3, CashUnit)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"3.35", "3.35", "3.30"}, amounts(parts)); diff != "" {
		t.Errorf("CHF cash (-want +got):\n%s", diff)
	}
	parts, err = MustParseMoney("10", "SEK").SplitIn(3, CashUnit)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"4.00", "3.00", "3.00"}, amounts(parts)); diff != "" {
		t.Errorf("SEK cash (-want +got):\n%s", diff)
	}
}

func TestAllocateErrors(t *testing.T) {
	eur := MustParseMoney("10.00", "EUR")
	tests := []struct {
		name string
		do   func() error
		want error
	}{
		{"no ratios", func() error { _, err := eur.Allocate(); return err }, ErrRatio},
		{"negative ratio", func() error { _, err := eur.Allocate(1, -1); return err }, ErrRatio},
		{"all zero", func() error { _, err := eur.Allocate(0, 0); return err }, ErrRatio},
		{"not rounded", func() error { _, err := MustParseMoney("1.005", "EUR").Split(2); return err }, ErrNotRounded},
		{"not cash", func() error { _, err := MustParseMoney("1.02", "CHF").SplitIn(2, CashUnit); return err }, ErrNotRounded},
		{"split zero", func() error { _, err := eur.Split(0); return err }, ErrRatio},
		{"ratio sum overflow", func() error {
			_, err := eur.Allocate(9_000_000_000_000_000_000, 9_000_000_000_000_000_000, 9_000_000_000_000_000_000)
			return err
		}, ErrRange},
		{"too wide", func() error {
			_, err := MustParseMoney("1000000000000000000000", "EUR").Split(2)
			return err
		}, ErrRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.do(); !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestAllocateManyParts(t *testing.T) {
	// More than 64 parts takes the sorting path; it must agree with the
	// selection path's rules: sum, bounds and tie break.
	ratios := make([]int64, 100)
	for i := range ratios {
		ratios[i] = int64(i%7 + 1)
	}
	checkAllocation(t, MustParseMoney("1234.57", "EUR"), ratios)
	parts, err := MustParseMoney("1.00", "EUR").Split(100 + 3)
	if err != nil {
		t.Fatal(err)
	}
	if parts[0].Amount() != "0.01" || parts[99].Amount() != "0.01" || parts[100].Amount() != "0.00" {
		t.Errorf("tie break over 103 parts: %v", amounts(parts[98:102]))
	}
}

// checkAllocation checks the allocation invariants: the parts sum to the
// whole, each part is within one unit of its exact share, and permuting
// the ratios moves the parts with them, except between parts whose exact
// shares have equal fractions (the documented tie break).
func checkAllocation(t *testing.T, m Money, ratios []int64) {
	t.Helper()
	parts, err := m.Allocate(ratios...)
	if err != nil {
		return
	}
	if len(parts) != len(ratios) {
		t.Fatalf("%d parts for %d ratios", len(parts), len(ratios))
	}
	var sum Money
	for _, p := range parts {
		sum, _ = sum.Add(p)
	}
	if !sum.Equal(m) && !(m.IsZero() && sum.IsZero()) {
		t.Fatalf("Allocate(%v, %v) parts sum to %v", m, ratios, sum)
	}
	minor, _ := m.Minor()
	var total big.Int
	for _, r := range ratios {
		total.Add(&total, big.NewInt(r))
	}
	fracs := make([]*big.Int, len(ratios))
	for i, r := range ratios {
		exact := new(big.Int).Mul(big.NewInt(minor), big.NewInt(r))
		q, rem := new(big.Int).QuoRem(exact, &total, new(big.Int))
		fracs[i] = rem.Abs(rem)
		pu, _ := parts[i].Minor()
		d := new(big.Int).Sub(big.NewInt(pu), q)
		if d.CmpAbs(big.NewInt(1)) > 0 || (d.Sign() != 0 && fracs[i].Sign() == 0) {
			t.Fatalf("Allocate(%v, %v): part %d = %d, exact share %s + %s/%s", m, ratios, i, pu, q, fracs[i], &total)
		}
		if r == 0 && !parts[i].IsZero() {
			t.Fatalf("zero ratio got %v", parts[i])
		}
	}
	// Reverse the ratios; parts must follow unless tied.
	rev := make([]int64, len(ratios))
	for i, r := range ratios {
		rev[len(ratios)-1-i] = r
	}
	rparts, err := m.Allocate(rev...)
	if err != nil {
		t.Fatal(err)
	}
	for i := range parts {
		j := len(ratios) - 1 - i
		if parts[i].Equal(rparts[j]) {
			continue
		}
		tied := false
		for k := range ratios {
			if k != i && fracs[k].Cmp(fracs[i]) == 0 {
				tied = true
			}
		}
		if !tied {
			t.Fatalf("Allocate(%v, %v): part %d changed from %v to %v when reversed, without a tie", m, ratios, i, parts[i], rparts[j])
		}
	}
}

func FuzzAllocate(f *testing.F) {
	f.Add(int64(1000), int64(1), int64(1), int64(1), uint8(3))
	f.Add(int64(-1), int64(3), int64(0), int64(7), uint8(3))
	f.Add(int64(9223372036854775807), int64(9_000_000_000_000_000_000), int64(1), int64(2), uint8(2))
	f.Fuzz(func(t *testing.T, minor, r1, r2, r3 int64, n uint8) {
		m, err := MoneyFromMinor(minor, "EUR")
		if err != nil {
			t.Fatal(err)
		}
		ratios := []int64{r1, r2, r3}[:n%3+1]
		for i := range ratios {
			if ratios[i] < 0 {
				ratios[i] = -(ratios[i] + 1)
			}
		}
		checkAllocation(t, m, ratios)
		if parts, err := m.Split(int(n%17) + 1); err == nil {
			var sum Money
			for _, p := range parts {
				sum, _ = sum.Add(p)
			}
			if !sum.Equal(m) && !(minor == 0 && sum.IsZero()) {
				t.Fatalf("Split(%v) sums to %v", m, sum)
			}
		}
	})
}

func TestSplitErrorNamesSplit(t *testing.T) {
	for _, tt := range []struct {
		name string
		call func() error
		want string
	}{
		{"Split unrounded", func() error { _, err := MustParseMoney("10.005", "EUR").Split(3); return err }, "pricing: Split: "},
		{"SplitIn unrounded cash", func() error { _, err := MustParseMoney("10.02", "CHF").SplitIn(2, CashUnit); return err }, "pricing: Split: "},
		{"Split bad n", func() error { _, err := MustParseMoney("10.00", "EUR").Split(0); return err }, "pricing: Split: "},
		{"Allocate unrounded", func() error { _, err := MustParseMoney("10.005", "EUR").Allocate(1, 2); return err }, "pricing: Allocate: "},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("error = %v, want prefix %q", err, tt.want)
			}
			if !errors.Is(err, ErrNotRounded) && !errors.Is(err, ErrRatio) {
				t.Errorf("error %v wraps neither ErrNotRounded nor ErrRatio", err)
			}
		})
	}
}
