package phone_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/marketkit/marketkit/address/phone"
	"github.com/marketkit/marketkit/locale"
)

func ExampleParse() {
	// The number of the package overview, national and international.
	for _, in := range []string{"030 123456", "+49 30 123456", "0049 30 123456"} {
		n, err := phone.Parse(in, "DE")
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(n.E164(), n.International(), n.National(), n.RFC3966(), n.Type(), n.IsValid())
	}

	// An unknown default region is an error, whatever the number.
	_, err := phone.Parse("+44 20 7946 0000", "UK")
	fmt.Println(errors.Is(err, phone.ErrInvalidRegion), errors.Is(err, locale.ErrUnknownCountry))

	// Oversized input is rejected before any parsing.
	_, err = phone.Parse(strings.Repeat("1", phone.MaxInputLength+1), "US")
	fmt.Println(errors.Is(err, phone.ErrTooLong))
	// Output:
	// +4930123456 +49 30 123456 030 123456 tel:+49-30-123456 fixed-line true
	// +4930123456 +49 30 123456 030 123456 tel:+49-30-123456 fixed-line true
	// +4930123456 +49 30 123456 030 123456 tel:+49-30-123456 fixed-line true
	// true true
	// true
}

func ExampleNumber_Extension() {
	n, err := phone.Parse("+1 650-253-0000 ext. 123", "US")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n.E164(), n.Extension())
	fmt.Println(n.International())
	fmt.Println(n.RFC3966())
	// Output:
	// +16502530000 123
	// +1 650-253-0000 ext. 123
	// tel:+1-650-253-0000;ext=123
}
