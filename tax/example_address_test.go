package tax_test

import (
	"fmt"

	"github.com/marketkit/marketkit/address"
	"github.com/marketkit/marketkit/tax"
)

// An address.Address goes to tax in one call: TaxLocation normalizes it
// and maps the administrative area to its ISO 3166-2 code.
func ExampleAddressOf() {
	a := address.Address{CountryCode: "us", Name: "Jane Doe", Line1: "350 Fifth Avenue",
		Locality: "New York", AdministrativeArea: "New York", PostalCode: "10118"}
	ta, err := tax.AddressOf(a)
	fmt.Printf("%+v %v\n", ta, err)

	_, err = tax.AddressOf(address.Address{CountryCode: "US ", AdministrativeArea: "NY"})
	fmt.Println(err != nil)
	// Output:
	// {Country:US Region:US-NY PostalCode:10118} <nil>
	// true
}
