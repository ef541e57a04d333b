package phone_test

import (
	"errors"
	"fmt"

	"github.com/marketkit/marketkit/address/phone"
)

func Example() {
	// A national number typed into a German checkout form.
	n, err := phone.ParseValid("030 901820", "DE")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n.E164())
	fmt.Println(n.International())
	fmt.Println(n.National())
	fmt.Println(n.RFC3966())
	fmt.Println(n.Type(), n.Region())

	// An international number parses whatever the default region.
	m, _ := phone.Parse("+1 650-253-0000", "DE")
	fmt.Println(m.National(), m.Region())
	// Output:
	// +4930901820
	// +49 30 901820
	// 030 901820
	// tel:+49-30-901820
	// fixed-line DE
	// (650) 253-0000 US
}

func ExampleParseValid_errors() {
	_, err := phone.ParseValid("hello", "FR")
	fmt.Println(errors.Is(err, phone.ErrNotANumber))
	_, err = phone.ParseValid("+33 1 23", "FR")
	fmt.Println(errors.Is(err, phone.ErrInvalid), err)
	// Output:
	// true
	// true phone: ParseValid: number "+33 1 23": not a valid number (default region "FR")
}

// Argentine mobile numbers are written nationally with the area code
// after the national prefix and 15 before the subscriber number, as
// libphonenumber writes them.
func ExampleNumber_National() {
	n, _ := phone.ParseValid("+54 9 11 2345-6789", "")
	fmt.Println(n.National(), n.Type())
	m, _ := phone.ParseValid(n.National(), "AR") // and it reads back
	fmt.Println(m.E164() == n.E164())
	// Output:
	// 011 15-2345-6789 mobile
	// true
}
