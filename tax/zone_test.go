package tax

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/marketkit/marketkit/pricing"
)

// regionReq is a sale within one country, store and customer at the given
// regions.
func regionReq(cc, cur, storeRegion, customerRegion string) *Request {
	return &Request{
		Date:     MustDate("2025-06-01"),
		Store:    Store{Origin: Address{Country: cc, Region: storeRegion}},
		Customer: Customer{Address: Address{Country: cc, Region: customerRegion}},
		Policy:   Policy{Mode: pricing.RoundHalfUp},
		Lines:    lines(cur, "", "100.00"),
	}
}

// taxSummary is what a region changes: the amounts applied and the tax.
func taxSummary(res *Result) []string {
	var s []string
	for _, l := range res.Lines {
		for _, a := range l.Taxes {
			s = append(s, a.Rate.ID+" "+a.Tax.String())
		}
		s = append(s, "outcome "+string(l.Outcome.Rule))
	}
	return s
}

// TestRegionCountries pins the documented list: with the built-in data
// only Canada and the United States are divided by subdivision.
func TestRegionCountries(t *testing.T) {
	d := Builtin()
	var got []string
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			cc := string([]rune{a, b})
			if i, _ := cidx(cc); d.byRegion[i] {
				got = append(got, cc)
			}
		}
	}
	if diff := cmp.Diff([]string{"CA", "US"}, got); diff != "" {
		t.Errorf("countries divided by region (-want +got):\n%s", diff)
	}
}

// TestRegionIgnored: where no zone is divided by subdivision, a
// well-formed Region does not change the tax (names are errors: see
// TestRegionMalformed).
func TestRegionIgnored(t *testing.T) {
	tests := []struct {
		name, cc, cur string
		regions       []string
	}{
		{"India without a state", "IN", "INR", []string{"", "MH", "IN-MH", "in-mh"}},
		{"Japan with a prefecture code", "JP", "JPY", []string{"", "13", "JP-13"}},
		{"Germany with a state code", "DE", "EUR", []string{"", "BE", "DE-BE", "de-be"}},
		{"Switzerland with a canton code", "CH", "CHF", []string{"", "ZH", "CH-ZH"}},
	}
	var calc BuiltinCalculator
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want []string
			for i, r := range tt.regions {
				var res Result
				if err := calc.Calculate(context.Background(), regionReq(tt.cc, tt.cur, r, r), &res); err != nil {
					t.Fatalf("region %q: %v", r, err)
				}
				got := taxSummary(&res)
				if res.Tax.IsZero() {
					t.Errorf("region %q: no tax: %v", r, got)
				}
				if i == 0 {
					want = got
					continue
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("region %q differs from no region (-want +got):\n%s", r, diff)
				}
			}
		})
	}
}

// TestRegionAccepted: where the region is needed, the ISO 3166-2 code is
// accepted bare or prefixed, in any letter case.
func TestRegionAccepted(t *testing.T) {
	tests := []struct {
		name, cc, cur, region, want string
	}{
		{"US bare", "US", "USD", "NY", "us_ny_sales/standard/2018-07-01"},
		{"US lower case", "US", "USD", "ny", "us_ny_sales/standard/2018-07-01"},
		{"US prefixed", "US", "USD", "US-NY", "us_ny_sales/standard/2018-07-01"},
		{"US prefixed lower case", "US", "USD", "us-ny", "us_ny_sales/standard/2018-07-01"},
		{"CA bare", "CA", "CAD", "ON", "ca_on_hst/standard/2010-07-01"},
		{"CA prefixed", "CA", "CAD", "CA-ON", "ca_on_hst/standard/2010-07-01"},
	}
	var calc BuiltinCalculator
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var res Result
			if err := calc.Calculate(context.Background(), regionReq(tt.cc, tt.cur, tt.region, tt.region), &res); err != nil {
				t.Fatal(err)
			}
			if got := res.Lines[0].Taxes[0].Rate.ID; got != tt.want {
				t.Errorf("amount = %s, want %s", got, tt.want)
			}
		})
	}
}

// TestRegionRequired: where the region is needed, anything but a code of
// a covered subdivision is a typed error naming the field and the value.
func TestRegionRequired(t *testing.T) {
	tests := []struct {
		name, cc, cur, store, customer, field, value string
		want                                         error
	}{
		{"US customer state name", "US", "USD", "NY", "New York", "customer.address.region", "New York", ErrInvalidInput},
		{"US customer missing", "US", "USD", "NY", "", "customer.address.region", "", ErrUnknownCountry},
		{"US customer other country's prefix", "US", "USD", "NY", "CA-NY", "customer.address.region", "CA-NY", ErrInvalidInput},
		{"US customer DC not covered", "US", "USD", "NY", "DC", "customer.address.region", "DC", ErrUnknownCountry},
		{"US customer region with a space", "US", "USD", "NY", "NY ", "customer.address.region", "NY ", ErrInvalidInput},
		{"US store state name", "US", "USD", "New York", "NY", "store.origin.region", "New York", ErrInvalidInput},
		{"CA customer province name", "CA", "CAD", "ON", "Québec", "customer.address.region", "Québec", ErrInvalidInput},
		{"CA customer subdivision in another script", "CA", "CAD", "ON", "東京都", "customer.address.region", "東京都", ErrInvalidInput},
		{"CA store unknown code", "CA", "CAD", "XX", "ON", "store.origin.region", "XX", ErrUnknownCountry},
		{"JP customer prefecture name", "JP", "JPY", "13", "東京都", "customer.address.region", "東京都", ErrInvalidInput},
		{"DE customer state name", "DE", "EUR", "BE", "Berlin", "customer.address.region", "Berlin", ErrInvalidInput},
	}
	var calc BuiltinCalculator
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var res Result
			err := calc.Calculate(context.Background(), regionReq(tt.cc, tt.cur, tt.store, tt.customer), &res)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Calculate error = %v, want %v", err, tt.want)
			}
			var fe *Error
			if !errors.As(err, &fe) || fe.Field != tt.field || fe.Value != tt.value {
				t.Errorf("Calculate error = %v, want a *Error %s %q", err, tt.field, tt.value)
			}
		})
	}
}
