package main

import (
	"golang.org/x/text/language"

	"github.com/marketkit/marketkit/address"
	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/tax"
)

// market is what a host application configures per country: locale,
// currency, time zone, prices and tax policy. The order is this example's
// sample cart.
type market struct {
	ID       string
	Locale   language.Tag
	Currency string
	TimeZone string // IANA name: sale windows and the tax date follow it
	Prices   []pricing.PriceEntry
	Rounding pricing.RoundingMode // line subtotals and percentage discounts
	Store    tax.Store
	Policy   tax.Policy
	Order    order
}

// The shop ships every parcel from Berlin: postal labels are written for the
// German post, naming the destination country in German.
var (
	senderCountry = "DE"
	senderLocale  = language.MustParse("de-DE")
)

// store is the seller for tax: established in Berlin, registered for Swiss
// VAT, New York sales tax and Japanese consumption tax. Without a
// registration no tax of that country or state would be charged (the
// outcome would say not-registered or export).
var store = tax.Store{
	Origin:        tax.Address{Country: "DE", PostalCode: "10115"},
	Registrations: []string{"CH", "us-ny", "JP"},
}

func money(code string) func(string) pricing.Money {
	return func(amount string) pricing.Money { return pricing.MustParseMoney(amount, code) }
}

var (
	eur = money("EUR")
	chf = money("CHF")
	usd = money("USD")
	jpy = money("JPY")
)

// The Black Friday sale runs from Friday to Monday, in each market's own time.
const saleFrom, saleUntil = "2026-11-27", "2026-12-01"

var markets = []market{
	{
		ID: "de", Locale: language.MustParse("de-DE"), Currency: "EUR", TimeZone: "Europe/Berlin",
		Prices: []pricing.PriceEntry{
			{SKU: "MUG", Price: eur("12.90")},
			{SKU: "MUG", Price: eur("11.50"), MinQuantity: 6},
			{SKU: "BEANS", Price: eur("8.99")},
			{SKU: "BEANS", Price: eur("7.49"), CompareAt: eur("8.99"), From: saleFrom, Until: saleUntil},
			{SKU: "TOTE", Price: eur("19.00")},
		},
		Rounding: pricing.RoundHalfUp,
		Store:    store,
		Policy:   tax.Policy{PricesIncludeTax: true, Rounding: tax.PerLine, Mode: pricing.RoundHalfUp},
		Order: order{
			Items: []pricing.Item{
				{SKU: "MUG", Quantity: 6},
				{SKU: "BEANS", TaxClass: "reduced", Quantity: 3}, // coffee beans: food, 7 %
				{SKU: "TOTE", Quantity: 1},
			},
			Discount: pricing.AmountOff("WELCOME5", eur("5.00")),
			Customer: address.Address{CountryCode: "DE", Name: "Erika Mustermann",
				Line1: "Heidestraße 17", Locality: "Köln", PostalCode: "51147"},
			Phone: "0221 4710 0",
		},
	},
	{
		ID: "ch", Locale: language.MustParse("de-CH"), Currency: "CHF", TimeZone: "Europe/Zurich",
		Prices: []pricing.PriceEntry{
			{SKU: "MUG", Price: chf("14.90")},
			{SKU: "MUG", Price: chf("12.90"), MinQuantity: 4},
			{SKU: "BEANS", Price: chf("10.50")},
			{SKU: "BEANS", Price: chf("8.95"), CompareAt: chf("10.50"), From: saleFrom, Until: saleUntil},
			{SKU: "TOTE", Price: chf("24.00")},
			{SKU: "FILTER", Price: chf("3.35")},
		},
		Rounding: pricing.RoundHalfUp,
		Store:    store,
		Policy:   tax.Policy{PricesIncludeTax: true, Rounding: tax.PerLine, Mode: pricing.RoundHalfUp},
		Order: order{
			Items: []pricing.Item{
				{SKU: "MUG", Quantity: 4},
				{SKU: "BEANS", TaxClass: "reduced", Quantity: 2}, // 2.6 %
				{SKU: "TOTE", Quantity: 1},
				{SKU: "FILTER", Quantity: 3},
			},
			Discount: pricing.PercentOff("TREUE10", pricing.MustParsePercent("10")),
			Customer: address.Address{CountryCode: "CH", Name: "Hans Muster",
				Line1: "Bahnhofstrasse 1", Locality: "Zürich", PostalCode: "8001"},
			Phone: "044 668 18 00",
			Cash:  true, // cash on delivery
		},
	},
	{
		ID: "us", Locale: language.MustParse("en-US"), Currency: "USD", TimeZone: "America/New_York",
		Prices: []pricing.PriceEntry{
			{SKU: "MUG", Price: usd("14.00")},
			{SKU: "MUG", Price: usd("12.00"), MinQuantity: 4},
			{SKU: "BEANS", Price: usd("11.99")},
			{SKU: "BEANS", Price: usd("9.99"), CompareAt: usd("11.99"), From: saleFrom, Until: saleUntil},
			{SKU: "TOTE", Price: usd("18.00")},
		},
		Rounding: pricing.RoundHalfUp,
		Store:    store,
		// US rates are state base rates only: county and city taxes
		// need a sales-tax service behind tax.Calculator.
		Policy: tax.Policy{PricesIncludeTax: false, Rounding: tax.PerLine, Mode: pricing.RoundHalfUp},
		Order: order{
			Items: []pricing.Item{
				{SKU: "MUG", Quantity: 4},
				{SKU: "BEANS", Quantity: 2},
				{SKU: "TOTE", Quantity: 1},
			},
			Discount: pricing.PercentOff("BLACKFRIDAY", pricing.MustParsePercent("15")),
			Customer: address.Address{CountryCode: "US", Name: "Jane Doe",
				Line1: "350 5th Ave", Line2: "Floor 21", Locality: "New York", AdministrativeArea: "New York", PostalCode: "10118"},
			// No phone number: it is optional.
		},
	},
	{
		ID: "jp", Locale: language.MustParse("ja-JP"), Currency: "JPY", TimeZone: "Asia/Tokyo",
		Prices: []pricing.PriceEntry{
			{SKU: "MUG", Price: jpy("1650")},
			{SKU: "BEANS", Price: jpy("1280")},
			{SKU: "BEANS", Price: jpy("1180"), MinQuantity: 3},
			{SKU: "TOTE", Price: jpy("2200")},
			{SKU: "TOTE", Price: jpy("1980"), CompareAt: jpy("2200"), From: saleFrom, Until: saleUntil},
		},
		Rounding: pricing.RoundHalfUp,
		Store:    store,
		// Qualified invoices (インボイス制度) round the tax once per rate
		// per invoice, so Japan rounds per order and rate, not per line.
		Policy: tax.Policy{PricesIncludeTax: true, Rounding: tax.PerOrderPerRate, Mode: pricing.RoundDown},
		Order: order{
			Items: []pricing.Item{
				{SKU: "MUG", Quantity: 2},
				{SKU: "BEANS", TaxClass: "reduced", Quantity: 3}, // food: 8 %
				{SKU: "TOTE", Quantity: 1},
			},
			Discount: pricing.AmountOff("WELCOME500", jpy("500")),
			Customer: address.Address{CountryCode: "JP", Name: "山田太郎",
				AdministrativeArea: "東京都", Line1: "千代田区丸の内1-9-1", PostalCode: "100-0005"},
			Phone: "03-3212-2323",
		},
	},
}
