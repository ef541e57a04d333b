package address_test

import (
	"fmt"

	"github.com/marketkit/marketkit/address"
)

func ExampleAppendFormat() {
	a := address.Address{
		CountryCode:        "US",
		Name:               "Jane Doe",
		Line1:              "1600 Amphitheatre Parkway",
		Locality:           "Mountain View",
		AdministrativeArea: "CA",
		PostalCode:         "94043",
	}
	// Reuse one buffer for many addresses: no allocation once it is large
	// enough.
	buf := make([]byte, 0, 256)
	buf = address.AppendFormat(buf[:0], a, &address.FormatOptions{Style: address.SingleLine})
	fmt.Println(string(buf))
	// Output:
	// Jane Doe, 1600 Amphitheatre Parkway, Mountain View, CA 94043
}

func ExampleHasMetadata() {
	fmt.Println(address.HasMetadata("de"), address.HasMetadata("XX"))
	// Output:
	// true false
}
