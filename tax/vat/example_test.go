package vat_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/marketkit/marketkit/tax/vat"
)

func ExampleParse() {
	for _, s := range []string{"de 136.695.976", "GR094259216", "CHE-100.155.212 MWST", "DE136695977", "FR4030326504"} {
		n, err := vat.Parse(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(n, n.Country())
	}
	// Output:
	// DE136695976 DE
	// EL094259216 GR
	// CHE100155212MWST CH
	// vat: Parse: number "DE136695977": invalid VAT number: DE: checksum mismatch
	// vat: Parse: number "FR4030326504": invalid VAT number: FR: wrong length
}

// Validate checks a number without allocating and returns its canonical
// prefix; the error says what is wrong.
func ExampleValidate() {
	p, err := vat.Validate("XI 980 7806 84")
	fmt.Println(p, vat.PrefixCountry(p), err)
	_, err = vat.Validate("ATU1358562")
	var ve *vat.Error
	if errors.As(err, &ve) {
		fmt.Println(ve.Prefix, ve.Reason, errors.Is(err, vat.ErrInvalidNumber))
	}
	// Output:
	// XI GB <nil>
	// AT wrong-length true
}

// Wrap an online register (here a fake) in a cache that records when and
// how each number was verified.
func ExampleNewCachingVerifier() {
	now := time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC)
	register := vat.VerifierFunc(func(ctx context.Context, n vat.Number) (vat.Verification, error) {
		return vat.Verification{Valid: n.String() == "FR40303265045", Service: "vies", Reference: "WAPIAAAAW1", CheckedAt: now}, nil
	})
	v := vat.NewCachingVerifier(register, &vat.CacheOptions{Now: func() time.Time { return now }})
	n, _ := vat.Parse("FR 40 303 265 045")
	for range 2 {
		r, err := v.Verify(context.Background(), n)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(r.Number, r.Valid, r.Service, r.Reference, r.CheckedAt.Format(time.RFC3339), "cached:", r.Cached)
	}
	// Output:
	// FR40303265045 true vies WAPIAAAAW1 2025-03-14T09:30:00Z cached: false
	// FR40303265045 true vies WAPIAAAAW1 2025-03-14T09:30:00Z cached: true
}
