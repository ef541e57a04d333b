package address_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/marketkit/marketkit/address"
	"github.com/marketkit/marketkit/locale"
	"golang.org/x/text/language"
)

func ExampleFormat_japan() {
	a := address.Address{
		CountryCode:        "JP",
		PostalCode:         "100-8994",
		AdministrativeArea: "東京都",
		Line1:              "中央区八重洲一丁目5番3号",
		Organization:       "東京中央郵便局",
		Name:               "山田太郎",
	}
	fmt.Println(address.Format(a, nil))
	fmt.Println("--")
	// The Latin-script layout, for an address written in Latin letters;
	// the prefecture key is printed by its Latin name.
	a.Line1, a.Organization, a.Name = "1-5-3 Yaesu, Chuo-ku", "", "Taro Yamada"
	fmt.Println(address.Format(a, &address.FormatOptions{Latin: true}))
	// Output:
	// 〒100-8994
	// 東京都
	// 中央区八重洲一丁目5番3号
	// 東京中央郵便局
	// 山田太郎
	// --
	// Taro Yamada
	// 1-5-3 Yaesu, Chuo-ku, Tokyo
	// 100-8994
}

func ExampleFormat_unitedStates() {
	a := address.Address{
		CountryCode:        "US",
		Name:               "Jane Doe",
		Organization:       "Acme Inc.",
		Line1:              "1600 Amphitheatre Pkwy",
		Line2:              "Suite 100",
		Locality:           "Mountain View",
		AdministrativeArea: "CA",
		PostalCode:         "94043",
	}
	fmt.Println(address.Format(a, nil))
	fmt.Println(address.Format(a, &address.FormatOptions{Style: address.SingleLine}))
	// Output:
	// Jane Doe
	// Acme Inc.
	// 1600 Amphitheatre Pkwy
	// Suite 100
	// Mountain View, CA 94043
	// Jane Doe, Acme Inc., 1600 Amphitheatre Pkwy, Suite 100, Mountain View, CA 94043
}

func ExampleFormat_germany() {
	a := address.Address{
		CountryCode: "DE",
		Name:        "Erika Mustermann",
		Line1:       "Heidestraße 17",
		PostalCode:  "51147",
		Locality:    "Köln",
	}
	// A postal label for mail sent from France: the country name is in
	// the sender's language, from package locale.
	sender, err := locale.NewFormatter(language.French, nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(address.Format(a, &address.FormatOptions{Style: address.PostalLabel, Origin: "FR", CountryNames: sender}))
	fmt.Println("--")
	fmt.Println(address.Format(a, &address.FormatOptions{Style: address.HTML}))
	// Output:
	// Erika Mustermann
	// Heidestraße 17
	// 51147 KÖLN
	// ALLEMAGNE
	// --
	// Erika Mustermann<br>
	// Heidestraße 17<br>
	// 51147 Köln
}

func ExampleFormat_brazil() {
	a := address.Address{
		CountryCode:        "BR",
		Name:               "João da Silva",
		Line1:              "Rua Dr. Jorge de Oliveira, 56",
		DependentLocality:  "Jardim Paulistano",
		Locality:           "São Paulo",
		AdministrativeArea: "SP",
		PostalCode:         "01454-000",
	}
	fmt.Println(address.Format(a, nil))
	// Output:
	// João da Silva
	// Rua Dr. Jorge de Oliveira, 56
	// Jardim Paulistano
	// São Paulo-SP
	// 01454-000
}

func ExampleValidate() {
	a := address.Address{
		CountryCode: "GB",
		Line1:       "10 Downing Street",
		Locality:    "London",
		PostalCode:  "SW1A 2AAA",
	}
	err := address.Validate(a)
	var fe *address.FieldError
	if errors.As(err, &fe) {
		fmt.Println(fe.Field, fe.Example)
		fmt.Println(err)
	}
	fmt.Println(errors.Is(err, address.ErrInvalidPostalCode))

	a.PostalCode = "sw1a 2aa" // compared in capitals, as the Royal Mail writes them
	fmt.Println(address.Validate(a))
	fmt.Println(address.Normalize(a).PostalCode)
	// Output:
	// postal-code EC1Y 8SY
	// address: Validate: postal-code "SW1A 2AAA": invalid postal code (example "EC1Y 8SY")
	// true
	// <nil>
	// SW1A 2AA
}

func ExampleForm() {
	f, err := address.Form("CA", language.CanadianFrench)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, row := range f.Rows {
		var cells []string
		for _, field := range row {
			cells = append(cells, fmt.Sprintf("%s (%s, required=%t)", field.Label, field.Field, field.Required))
		}
		fmt.Println(strings.Join(cells, " | "))
	}
	fmt.Println(f.PostalCodeExamples[0])
	fmt.Println(f.Subdivisions[1].Key, f.Subdivisions[1].Name, f.Subdivisions[1].ISOCode)

	// A code that names no country has no form.
	_, err = address.Form("CAN", language.CanadianFrench)
	fmt.Println(err)
	// Output:
	// Nom complet (name, required=false)
	// Entreprise (organization, required=false)
	// Adresse (address-lines, required=true)
	// Ville (locality, required=true) | Province (administrative-area, required=true) | Code postal (postal-code, required=true)
	// H3Z 2Y7
	// BC Colombie-Britannique CA-BC
	// address: Form: country "CAN": unknown country code
}

func ExampleNormalize() {
	a := address.Normalize(address.Address{
		CountryCode:        "ca",
		Line1:              "  1 rue   Sainte-Catherine ",
		Locality:           "Montréal",
		AdministrativeArea: "Québec",
		PostalCode:         "h2x 1z4",
	})
	fmt.Printf("%q %q %q %q\n", a.CountryCode, a.Line1, a.AdministrativeArea, a.PostalCode)
	fmt.Println(address.Validate(a))
	// Output:
	// "CA" "1 rue Sainte-Catherine" "QC" "H2X 1Z4"
	// <nil>
}

func ExampleSubdivisions() {
	// Nested levels: the districts of Seoul, named for an English reader.
	districts := address.Subdivisions("KR", language.English, "Seoul")
	fmt.Println(len(districts))
	fmt.Println(districts[0].Key, districts[0].Name)
	// Output:
	// 25
	// 강남구 Gangnam-gu
}

func ExampleSubdivisionCode() {
	for _, a := range []address.Address{
		{CountryCode: "US", AdministrativeArea: "NY"},
		{CountryCode: "CA", AdministrativeArea: "QC"},
		{CountryCode: "JP", AdministrativeArea: "東京都"},
		{CountryCode: "CN", AdministrativeArea: "广东省"},
		{CountryCode: "US", AdministrativeArea: "PR"},
	} {
		iso, ok := address.SubdivisionCode(a.CountryCode, a.AdministrativeArea)
		fmt.Println(a.AdministrativeArea, iso, ok)
	}

	// Only canonical keys are looked up: normalize a typed address first.
	typed := address.Address{CountryCode: "ca", AdministrativeArea: "Québec"}
	fmt.Println(address.SubdivisionCode(typed.CountryCode, typed.AdministrativeArea))
	a := address.Normalize(typed)
	fmt.Println(address.SubdivisionCode(a.CountryCode, a.AdministrativeArea))
	// Output:
	// NY US-NY true
	// QC CA-QC true
	// 東京都 JP-13 true
	// 广东省 CN-GD true
	// PR US-PR true
	//  false
	// CA-QC true
}
