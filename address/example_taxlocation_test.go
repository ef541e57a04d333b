package address_test

import (
	"errors"
	"fmt"

	"github.com/marketkit/marketkit/address"
	"github.com/marketkit/marketkit/locale"
)

// An address as a customer typed it goes to tax in one call:
// tax.AddressOf(a) reads TaxLocation.
func ExampleAddress_TaxLocation() {
	a := address.Address{CountryCode: "ca", AdministrativeArea: "Québec", Locality: "Montréal",
		Line1: "1 rue Sainte-Catherine", PostalCode: "h3z 2y7"}
	country, region, postalCode, err := a.TaxLocation()
	fmt.Println(country, region, postalCode, err)

	a = address.Address{CountryCode: " ca", AdministrativeArea: "QC"}
	_, _, _, err = a.TaxLocation()
	fmt.Println(errors.Is(err, locale.ErrUnknownCountry))
	fmt.Println(err)
	// Output:
	// CA CA-QC H3Z 2Y7 <nil>
	// true
	// address: TaxLocation: country " ca": unknown country code: surrounding white space (Normalize removes it)
}
