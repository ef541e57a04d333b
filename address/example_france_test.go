package address_test

import (
	"fmt"

	"github.com/marketkit/marketkit/address"
)

// French business mail: the CEDEX sorting code ends the last line, after
// the city, in capitals on a label.
func ExampleFormat_france() {
	a := address.Address{CountryCode: "FR", Organization: "Société Exemple", Name: "Marie Dupont",
		Line1: "12 avenue des Champs-Élysées", PostalCode: "75381", Locality: "Paris", SortingCode: "cedex 08"}
	fmt.Println(address.Validate(a))
	fmt.Println(address.Format(address.Normalize(a), &address.FormatOptions{Style: address.PostalLabel, Origin: "DE"}))

	a.SortingCode = "BP 12" // a post office box is an address line, not a sorting code
	fmt.Println(address.Validate(a))
	// Output:
	// <nil>
	// Société Exemple
	// Marie Dupont
	// 12 avenue des Champs-Élysées
	// 75381 PARIS CEDEX 08
	// FRANCE
	// address: Validate: sorting-code "BP 12": invalid sorting code (example "CEDEX")
}
