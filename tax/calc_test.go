package tax

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/marketkit/marketkit/pricing"
	"github.com/marketkit/marketkit/tax/vat"
)

func lines(cur string, items ...string) []pricing.Line {
	o := pricing.Order{Currency: cur, Rounding: pricing.RoundHalfUp}
	for i := 0; i+1 < len(items); i += 2 {
		o.Items = append(o.Items, pricing.Item{TaxClass: items[i], Quantity: 1, UnitPrice: pricing.MustParseMoney(items[i+1], cur)})
	}
	q, err := o.Quote()
	if err != nil {
		panic(err)
	}
	return q.Lines
}

func addr(cc, pc string) Address { return Address{Country: cc, PostalCode: pc} }

func TestResolution(t *testing.T) {
	de := Store{Origin: addr("DE", "10115")}
	calc, err := NewCalculator(&CalculatorOptions{Classes: []ClassRule{
		{Class: "ebook", Category: Reduced, Supply: Digital},
		{Class: "saas", Category: Standard, Supply: Digital},
		{Class: "repair", Category: Standard, Supply: Service},
	}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		date     string
		store    Store
		cust     Customer
		class    string
		wantRule string
		wantKind OutcomeKind
		wantAmt  string // amount ID of the first tax, "" if none
	}{
		{"EU domestic", "2025-01-01", de, Customer{Address: addr("DE", "80331")}, "", "eu.domestic", Taxed, "de_vat/standard/2021-01-01"},
		{"EU domestic B2B pays VAT", "2025-01-01", de, Customer{Address: addr("DE", "80331"), Business: true, VATNumber: "DE136695976"}, "", "eu.domestic", Taxed, "de_vat/standard/2021-01-01"},
		{"EU B2C goods after OSS: destination", "2021-07-01", de, Customer{Address: addr("FR", "75001")}, "", "eu.destination", Taxed, "fr_vat/standard/2014-01-01"},
		{"EU B2C goods before OSS: origin", "2021-06-30", de, Customer{Address: addr("FR", "75001")}, "", "eu.origin-below-threshold", Taxed, "de_vat/standard/2021-01-01"},
		{"EU B2C goods before OSS, registered at destination", "2021-06-30", Store{Origin: addr("DE", "10115"), Registrations: []string{"FR"}}, Customer{Address: addr("FR", "75001")}, "", "eu.destination", Taxed, "fr_vat/standard/2014-01-01"},
		{"EU B2C below threshold: origin", "2025-01-01", Store{Origin: addr("DE", "10115"), EUBelowThreshold: true}, Customer{Address: addr("FR", "75001")}, "", "eu.origin-below-threshold", Taxed, "de_vat/standard/2021-01-01"},
		{"EU B2C digital 2020: destination", "2020-03-01", de, Customer{Address: addr("FR", "75001")}, "saas", "eu.destination", Taxed, "fr_vat/standard/2014-01-01"},
		{"EU B2C digital 2019 below threshold: origin", "2019-01-01", Store{Origin: addr("DE", "10115"), EUBelowThreshold: true}, Customer{Address: addr("FR", "75001")}, "saas", "eu.origin-below-threshold", Taxed, "de_vat/standard/2007-01-01"},
		{"EU B2C digital 2018 below threshold: destination (no threshold yet)", "2018-12-31", Store{Origin: addr("DE", "10115"), EUBelowThreshold: true}, Customer{Address: addr("FR", "75001")}, "saas", "eu.destination", Taxed, "fr_vat/standard/2014-01-01"},
		{"EU B2C digital 2014: origin (before MOSS)", "2014-12-31", de, Customer{Address: addr("FR", "75001")}, "saas", "eu.origin-below-threshold", Taxed, "de_vat/standard/2007-01-01"},
		{"EU B2C goods 2020 below threshold flag is irrelevant before OSS", "2020-03-01", Store{Origin: addr("DE", "10115"), EUBelowThreshold: true, Registrations: []string{"FR"}}, Customer{Address: addr("FR", "75001")}, "", "eu.destination", Taxed, "fr_vat/standard/2014-01-01"},
		{"EU B2C at DE 16 % in 2H2020", "2020-07-01", de, Customer{Address: addr("DE", "80331")}, "", "eu.domestic", Taxed, "de_vat/standard/2020-07-01"},
		{"XI number in France: EU number for goods", "2025-01-01", de, Customer{Address: addr("FR", "75001"), Business: true, VATNumber: "XI980780684"}, "", "eu.reverse-charge", ReverseCharge, ""},
		// Windsor Framework: an XI number is an EU number for goods only;
		// for services its holder is a UK business (outside EU VAT).
		{"XI number in France, digital service: outside EU VAT", "2025-01-01", de, Customer{Address: addr("FR", "75001"), Business: true, VATNumber: "XI980780684"}, "saas", "eu.xi-number-service", Export, ""},
		{"XI number in France, other service: outside EU VAT", "2025-01-01", de, Customer{Address: addr("FR", "75001"), Business: true, VATNumber: "XI980780684"}, "repair", "eu.xi-number-service", Export, ""},
		{"XI number in the seller's state, service: outside EU VAT", "2025-01-01", de, Customer{Address: addr("DE", "80331"), Business: true, VATNumber: "XI980780684"}, "saas", "eu.xi-number-service", Export, ""},
		{"XI number in the seller's state, goods: domestic", "2025-01-01", de, Customer{Address: addr("DE", "80331"), Business: true, VATNumber: "XI980780684"}, "", "eu.domestic", Taxed, "de_vat/standard/2021-01-01"},
		{"XI number in Belfast, goods: intra-Community supply", "2025-01-01", de, Customer{Address: addr("GB", "BT1 1AA"), Business: true, VATNumber: "XI980780684"}, "", "eu.reverse-charge", ReverseCharge, ""},
		{"XI number in Belfast, lower-case postal code, goods", "2025-01-01", de, Customer{Address: addr("GB", "bt7 1nn"), Business: true, VATNumber: "xi 980 7806 84"}, "", "eu.reverse-charge", ReverseCharge, ""},
		{"XI number in Belfast, goods, store registered for UK VAT", "2025-01-01", Store{Origin: addr("DE", "10115"), Registrations: []string{"GB"}}, Customer{Address: addr("GB", "BT1 1AA"), Business: true, VATNumber: "XI980780684"}, "", "eu.reverse-charge", ReverseCharge, ""},
		{"XI number in Belfast, digital service: outside EU VAT", "2025-01-01", de, Customer{Address: addr("GB", "BT1 1AA"), Business: true, VATNumber: "XI980780684"}, "saas", "eu.xi-number-service", Export, ""},
		{"XI number in Belfast, other service: outside EU VAT", "2025-01-01", de, Customer{Address: addr("GB", "BT1 1AA"), Business: true, VATNumber: "XI980780684"}, "repair", "eu.xi-number-service", Export, ""},
		{"XI number in London, goods: export", "2025-01-01", de, Customer{Address: addr("GB", "SW1A 1AA"), Business: true, VATNumber: "XI980780684"}, "", "eu.export", Export, ""},
		{"GB number in Belfast, goods: export", "2025-01-01", de, Customer{Address: addr("GB", "BT1 1AA"), Business: true, VATNumber: "GB980780684"}, "", "eu.export", Export, ""},
		{"Belfast consumer, digital service: export", "2025-01-01", de, Customer{Address: addr("GB", "BT1 1AA")}, "saas", "eu.export", Export, ""},
		{"non-EU seller, XI number in Italy, digital service: outside EU VAT", "2025-01-01", Store{Origin: addr("CH", "8001")}, Customer{Address: addr("IT", "00118"), Business: true, VATNumber: "XI980780684"}, "saas", "eu.xi-number-service", Export, ""},
		{"non-EU seller, XI number in Italy, goods", "2025-01-01", Store{Origin: addr("CH", "8001")}, Customer{Address: addr("IT", "00118"), Business: true, VATNumber: "XI980780684"}, "", "eu.non-eu-seller-b2b", ReverseCharge, ""},
		{"non-EU seller, XI number in Belfast, goods: not EU rules", "2025-01-01", Store{Origin: addr("CH", "8001")}, Customer{Address: addr("GB", "BT1 1AA"), Business: true, VATNumber: "XI980780684"}, "", "default.not-registered", NotRegistered, ""},
		{"GB number in France is not an EU number", "2025-01-01", de, Customer{Address: addr("FR", "75001"), Business: true, VATNumber: "GB980780684"}, "", "eu.destination", Taxed, "fr_vat/standard/2014-01-01"},
		{"Ceuta: export", "2025-01-01", de, Customer{Address: addr("ES", "51001")}, "", "eu.export", Export, ""},
		{"Melilla: export", "2025-01-01", de, Customer{Address: addr("ES", "52001")}, "", "eu.export", Export, ""},
		{"Livigno: export", "2025-01-01", de, Customer{Address: addr("IT", "23041")}, "", "eu.export", Export, ""},
		{"Campione: export", "2025-01-01", de, Customer{Address: addr("IT", "22061")}, "", "eu.export", Export, ""},
		{"Mount Athos: export", "2025-01-01", de, Customer{Address: addr("GR", "63086")}, "", "eu.export", Export, ""},
		{"Büsingen from DE: export", "2025-01-01", de, Customer{Address: addr("DE", "78266")}, "", "eu.export", Export, ""},
		{"Guadeloupe from mainland FR: export", "2025-01-01", Store{Origin: addr("FR", "75001")}, Customer{Address: addr("FR", "97110")}, "", "eu.export", Export, ""},
		{"Monaco from DE: French VAT", "2025-01-01", de, Customer{Address: addr("MC", "98000")}, "", "eu.destination", Taxed, "fr_vat/standard/2014-01-01"},
		{"Madeira from DE: Madeira rate", "2025-01-01", de, Customer{Address: addr("PT", "9000-001")}, "", "eu.destination", Taxed, "pt_30_vat/standard/2012-04-01"},
		{"EU B2C digital reduced e-book", "2025-01-01", de, Customer{Address: addr("FR", "75001")}, "ebook", "eu.destination", Taxed, "fr_vat/reduced/1982-07-01"},
		{"EU B2C other service: origin", "2025-01-01", de, Customer{Address: addr("FR", "75001")}, "repair", "eu.service-origin", Taxed, "de_vat/standard/2021-01-01"},
		{"EU B2B reverse charge", "2025-01-01", de, Customer{Address: addr("AT", "1010"), Business: true, VATNumber: "ATU13585627"}, "", "eu.reverse-charge", ReverseCharge, ""},
		{"VAT number of the seller's own state: the seller's VAT", "2025-01-01", de, Customer{Address: addr("AT", "1010"), Business: true, VATNumber: "DE136695976"}, "", "eu.b2b-seller-state-number", Taxed, "de_vat/standard/2021-01-01"},
		{"VAT number of the seller's own state, digital service", "2025-01-01", de, Customer{Address: addr("AT", "1010"), Business: true, VATNumber: "DE136695976"}, "saas", "eu.b2b-seller-state-number", Taxed, "de_vat/standard/2021-01-01"},
		{"Greek store, EL number in Cyprus", "2025-01-01", Store{Origin: addr("GR", "10431")}, Customer{Address: addr("CY", "1010"), Business: true, VATNumber: "EL094259216"}, "", "eu.b2b-seller-state-number", Taxed, "gr_vat/standard/2016-06-01"},
		{"Swiss number in France is not an EU number", "2025-01-01", de, Customer{Address: addr("FR", "75001"), Business: true, VATNumber: "CHE-100.155.212 MWST"}, "", "eu.destination", Taxed, "fr_vat/standard/2014-01-01"},
		{"Greek number with EL prefix", "2025-01-01", de, Customer{Address: addr("GR", "10431"), Business: true, VATNumber: "EL094259216"}, "", "eu.reverse-charge", ReverseCharge, ""},
		{"business without number is B2C", "2025-01-01", de, Customer{Address: addr("AT", "1010"), Business: true}, "", "eu.destination", Taxed, "at_vat/standard/1995-01-01"},
		{"Azores from mainland PT", "2025-01-01", Store{Origin: addr("PT", "1000-001")}, Customer{Address: addr("PT", "9500-123")}, "", "eu.domestic", Taxed, "pt_20_vat/standard/2021-07-01"},
		{"Canary Islands: export", "2025-01-01", de, Customer{Address: addr("ES", "35001")}, "", "eu.export", Export, ""},
		{"Heligoland: export", "2025-01-01", Store{Origin: addr("FR", "75001")}, Customer{Address: addr("DE", "27498")}, "", "eu.export", Export, ""},
		{"Åland: export", "2025-01-01", de, Customer{Address: addr("FI", "22100")}, "", "eu.export", Export, ""},
		{"Northern Ireland is not EU for this resolver", "2025-01-01", de, Customer{Address: addr("GB", "BT1 1AA")}, "", "eu.export", Export, ""},
		{"EU to GB, registered for UK VAT", "2025-01-01", Store{Origin: addr("DE", "10115"), Registrations: []string{"GB"}}, Customer{Address: addr("GB", "SW1A 1AA")}, "", "default.zone", Taxed, "gb_vat/standard/2011-01-04"},
		{"non-EU seller with OSS", "2025-01-01", Store{Origin: addr("CH", "8001"), Registrations: []string{"EU"}}, Customer{Address: addr("IT", "00118")}, "saas", "eu.non-eu-seller-oss", Taxed, "it_vat/standard/2013-10-01"},
		{"non-EU seller with OSS, other service: no EU VAT", "2025-01-01", Store{Origin: addr("CH", "8001"), Registrations: []string{"EU"}}, Customer{Address: addr("IT", "00118")}, "repair", "eu.non-eu-seller-service", Export, ""},
		{"non-EU seller with OSS, goods", "2025-01-01", Store{Origin: addr("CH", "8001"), Registrations: []string{"EU"}}, Customer{Address: addr("IT", "00118")}, "", "eu.non-eu-seller-oss", Taxed, "it_vat/standard/2013-10-01"},
		{"non-EU seller B2B", "2025-01-01", Store{Origin: addr("CH", "8001")}, Customer{Address: addr("IT", "00118"), Business: true, VATNumber: "IT00743110157"}, "", "eu.non-eu-seller-b2b", ReverseCharge, ""},
		{"non-EU seller unregistered", "2025-01-01", Store{Origin: addr("CH", "8001")}, Customer{Address: addr("IT", "00118")}, "", "default.not-registered", NotRegistered, ""},
		{"CH domestic incl. Liechtenstein", "2025-01-01", Store{Origin: addr("CH", "8001")}, Customer{Address: addr("LI", "9490")}, "", "default.zone", Taxed, "ch_vat/standard/2024-01-01"},
		{"Büsingen from CH is Swiss VAT", "2025-01-01", Store{Origin: addr("CH", "8001")}, Customer{Address: addr("DE", "78266")}, "", "default.zone", Taxed, "ch_vat/standard/2024-01-01"},
		{"CA Ontario to Alberta: GST", "2025-01-01", Store{Origin: Address{Country: "CA", Region: "ON"}}, Customer{Address: Address{Country: "CA", Region: "AB"}}, "", "ca.province", Taxed, "ca_gst/standard/2008-01-01"},
		{"CA Quebec to Nova Scotia: HST 14", "2025-04-01", Store{Origin: Address{Country: "CA", Region: "QC"}}, Customer{Address: Address{Country: "CA", Region: "NS"}}, "", "ca.province", Taxed, "ca_ns_hst/standard/2025-04-01"},
		{"non-resident registered for GST/HST", "2025-01-01", Store{Origin: Address{Country: "US", Region: "NY"}, Registrations: []string{"CA"}}, Customer{Address: Address{Country: "CA", Region: "ON"}}, "", "ca.province", Taxed, "ca_on_hst/standard/2010-07-01"},
		{"EU store registered for GST/HST", "2025-01-01", Store{Origin: addr("DE", "10115"), Registrations: []string{"CA"}}, Customer{Address: Address{Country: "CA", Region: "AB"}}, "saas", "ca.province", Taxed, "ca_gst/standard/2008-01-01"},
		{"non-resident not registered in Canada", "2025-01-01", Store{Origin: Address{Country: "US", Region: "NY"}}, Customer{Address: Address{Country: "CA", Region: "ON"}}, "", "default.not-registered", NotRegistered, ""},
		{"CA to US: export", "2025-01-01", Store{Origin: Address{Country: "CA", Region: "ON"}}, Customer{Address: Address{Country: "US", Region: "NY"}}, "", "ca.export", Export, ""},
		{"US nexus in CA", "2025-01-01", Store{Origin: Address{Country: "US", Region: "CA"}}, Customer{Address: Address{Country: "US", Region: "CA"}}, "", "default.zone", Taxed, "us_ca_sales/standard/2018-07-01"},
		{"US no nexus in NY", "2025-01-01", Store{Origin: Address{Country: "US", Region: "CA"}}, Customer{Address: Address{Country: "US", Region: "NY"}}, "", "default.not-registered", NotRegistered, ""},
		{"US registered in NY", "2025-01-01", Store{Origin: Address{Country: "US", Region: "CA"}, Registrations: []string{"US-NY"}}, Customer{Address: Address{Country: "US", Region: "NY"}}, "", "default.zone", Taxed, "us_ny_sales/standard/2018-07-01"},
		{"JP domestic", "2019-10-01", Store{Origin: addr("JP", "100-0001")}, Customer{Address: addr("JP", "530-0001")}, "reduced", "default.zone", Taxed, "jp_ct/reduced/2019-10-01"},
		{"DE shop to Brazil", "2025-01-01", de, Customer{Address: addr("BR", "01000-000")}, "", "eu.export", Export, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := &Request{Date: MustDate(tt.date), Store: tt.store, Customer: tt.cust,
				Policy: Policy{Mode: pricing.RoundHalfUp}, Lines: lines("EUR", tt.class, "100.00")}
			var res Result
			if err := calc.Calculate(context.Background(), req, &res); err != nil {
				t.Fatal(err)
			}
			l := res.Lines[0]
			if string(l.Outcome.Rule) != tt.wantRule || l.Outcome.Kind != tt.wantKind || l.Outcome.Reason == "" {
				t.Errorf("outcome = %+v, want %s/%s", l.Outcome, tt.wantRule, tt.wantKind)
			}
			got := ""
			if len(l.Taxes) > 0 {
				got = l.Taxes[0].Rate.ID
			}
			if got != tt.wantAmt {
				t.Errorf("amount = %q, want %q", got, tt.wantAmt)
			}
			if tt.wantKind != Taxed && !l.Tax.IsZero() {
				t.Errorf("untaxed line has tax %v", l.Tax)
			}
		})
	}
}

// An XI number is an EU number for goods only (Windsor Framework art. 8):
// the recorded outcome says so, no tax is charged and a tax-inclusive price
// loses its German VAT (19 % of 119.00 = 19.00) like any untaxed line.
func TestNorthernIrelandOutcomes(t *testing.T) {
	calc, err := NewCalculator(&CalculatorOptions{Classes: []ClassRule{
		{Class: "saas", Category: Standard, Supply: Digital},
		{Class: "repair", Category: Standard, Supply: Service},
	}})
	if err != nil {
		t.Fatal(err)
	}
	belfast := Customer{Address: addr("GB", "BT1 1AA"), Business: true, VATNumber: "XI980780684"}
	paris := Customer{Address: addr("FR", "75001"), Business: true, VATNumber: "XI980780684"}
	tests := []struct {
		name  string
		cust  Customer
		class string
		want  Outcome
	}{
		{"Belfast goods", belfast, "", Outcome{Kind: ReverseCharge, Rule: "eu.reverse-charge", Reason: reasonRCGoodsNI}},
		{"Belfast digital", belfast, "saas", Outcome{Kind: Export, Rule: "eu.xi-number-service", Reason: reasonXIService}},
		{"Belfast repair", belfast, "repair", Outcome{Kind: Export, Rule: "eu.xi-number-service", Reason: reasonXIService}},
		{"Paris goods", paris, "", Outcome{Kind: ReverseCharge, Rule: "eu.reverse-charge", Reason: reasonRCGoods}},
		{"Paris digital", paris, "saas", Outcome{Kind: Export, Rule: "eu.xi-number-service", Reason: reasonXIService}},
		{"Paris repair", paris, "repair", Outcome{Kind: Export, Rule: "eu.xi-number-service", Reason: reasonXIService}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := &Request{Date: MustDate("2025-01-01"), Store: Store{Origin: addr("DE", "10115")}, Customer: tt.cust,
				Policy: Policy{Mode: pricing.RoundHalfUp, PricesIncludeTax: true}, Lines: lines("EUR", tt.class, "119.00")}
			var res Result
			if err := calc.Calculate(context.Background(), req, &res); err != nil {
				t.Fatal(err)
			}
			l := res.Lines[0]
			if diff := cmp.Diff(&tt.want, l.Outcome); diff != "" {
				t.Errorf("outcome (-want +got)\n%s", diff)
			}
			if !l.Tax.IsZero() || l.Gross.Amount() != "100.00" {
				t.Errorf("tax %v gross %v, want 0 and 100.00", l.Tax, l.Gross)
			}
		})
	}
}

func TestCalculateErrors(t *testing.T) {
	base := func() *Request {
		return &Request{Date: MustDate("2025-01-01"), Store: Store{Origin: addr("DE", "10115")},
			Customer: Customer{Address: addr("DK", "1000")}, Policy: Policy{Mode: pricing.RoundHalfUp},
			Lines: lines("EUR", "standard", "10.00")}
	}
	tests := []struct {
		name   string
		edit   func(*Request)
		want   error
		field  string
		naming string
	}{
		{"zero date", func(r *Request) { r.Date = Date{} }, ErrInvalidInput, "date", ""},
		{"undefined rounding mode", func(r *Request) { r.Policy.Mode = 99 }, ErrInvalidInput, "policy.mode", "RoundingMode(99)"},
		{"bad rounding", func(r *Request) { r.Policy.Rounding = 9 }, ErrInvalidInput, "policy.rounding", ""},
		{"store in unknown country", func(r *Request) { r.Store.Origin = addr("BR", "") }, ErrUnknownCountry, "store.origin.country", "BR"},
		{"US store without a state", func(r *Request) { r.Store.Origin = addr("US", "10001") }, ErrUnknownCountry, "store.origin.region", ""},
		{"CA store in an unknown province", func(r *Request) { r.Store.Origin = Address{Country: "CA", Region: "XX"} }, ErrUnknownCountry, "store.origin.region", "XX"},
		{"customer not a country", func(r *Request) { r.Customer.Address = addr("ZZ", "") }, ErrUnknownCountry, "customer.address.country", "ZZ"},
		{"customer malformed", func(r *Request) { r.Customer.Address = addr("DNK", "") }, ErrUnknownCountry, "customer.address.country", "DNK"},
		{"customer country with a space", func(r *Request) { r.Customer.Address = addr("DK ", "") }, ErrUnknownCountry, "customer.address.country", "DK "},
		{"category without rate in DK", func(r *Request) { r.Lines = lines("EUR", "reduced", "1.00") }, ErrUnknownCategory, "lines[0].tax_class", "reduced"},
		{"unknown class", func(r *Request) { r.Lines = lines("EUR", "books", "1.00") }, ErrUnknownCategory, "lines[0].tax_class", "books"},
		{"no rate on date", func(r *Request) {
			r.Store.Origin, r.Customer.Address, r.Date = addr("JP", ""), addr("JP", ""), MustDate("2019-01-01")
			r.Lines = lines("JPY", "reduced", "100")
		}, ErrNoTaxRate, "lines[0].tax_class", "reduced"},
		{"invalid VAT number", func(r *Request) { r.Customer.Business, r.Customer.VATNumber = true, "DK13585627" }, vat.ErrInvalidNumber, "customer.vat_number", "DK13585627"},
		{"CA without province", func(r *Request) {
			r.Store.Origin, r.Customer.Address = Address{Country: "CA", Region: "ON"}, Address{Country: "CA"}
		}, ErrUnknownCountry, "customer.address.region", ""},
		{"CA unknown province", func(r *Request) {
			r.Store.Origin, r.Customer.Address = Address{Country: "CA", Region: "ON"}, Address{Country: "CA", Region: "ZZ"}
		}, ErrUnknownCountry, "customer.address.region", "ZZ"},
		{"US without state", func(r *Request) {
			r.Store.Origin, r.Customer.Address = Address{Country: "US", Region: "NY"}, Address{Country: "US"}
		}, ErrUnknownCountry, "customer.address.region", ""},
		{"mixed currencies", func(r *Request) { r.Lines = append(lines("EUR", "", "1.00"), lines("USD", "", "1.00")...) }, ErrInvalidInput, "lines[1].total.currency", "USD"},
		{"per-unit with sub-cent unit price", func(r *Request) {
			r.Policy.Rounding = PerUnit
			r.Lines = lines("EUR", "", "0.125")
		}, ErrInvalidInput, "lines[0].unit_price", "0.125"},
	}
	var calc BuiltinCalculator
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := base()
			tt.edit(r)
			var res Result
			err := calc.Calculate(context.Background(), r, &res)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			var fe *Error
			if !errors.As(err, &fe) || fe.Field != tt.field {
				t.Fatalf("err = %v, want Error on %q", err, tt.field)
			}
			if tt.naming != "" && !strings.Contains(err.Error(), tt.naming) {
				t.Errorf("error %q does not name %q", err, tt.naming)
			}
		})
	}
	if err := calc.Calculate(context.Background(), nil, &Result{}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("nil request: err = %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var res Result
	if err := calc.Calculate(ctx, base(), &res); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled ctx: err = %v", err)
	}
}

// Rounding strategies on the commercetools example: 3 × 1.08 net at 19 %.
func TestRoundingStrategies(t *testing.T) {
	o := pricing.Order{Currency: "EUR", Rounding: pricing.RoundHalfUp, Items: []pricing.Item{
		{Quantity: 3, UnitPrice: pricing.MustParseMoney("1.08", "EUR")},
	}}
	q, err := o.Quote()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		r         Rounding
		wantTax   string
		wantGross string
	}{
		{PerLine, "0.62", "3.86"}, // 3.24 × 0.19 = 0.6156
		{PerUnit, "0.63", "3.87"}, // 1.08 × 0.19 = 0.2052 → 0.21 × 3
		{PerOrderPerRate, "0.62", "3.86"},
	}
	for _, tt := range tests {
		req := &Request{Date: MustDate("2025-01-01"), Store: Store{Origin: addr("DE", "10115")},
			Customer: Customer{Address: addr("DE", "10115")}, Policy: Policy{Rounding: tt.r, Mode: pricing.RoundHalfUp}, Lines: q.Lines}
		var res Result
		if err := (&BuiltinCalculator{}).Calculate(context.Background(), req, &res); err != nil {
			t.Fatal(err)
		}
		if res.Tax.Amount() != tt.wantTax || res.Gross.Amount() != tt.wantGross {
			t.Errorf("rounding %d: tax %s gross %s, want %s %s", tt.r, res.Tax.Amount(), res.Gross.Amount(), tt.wantTax, tt.wantGross)
		}
	}
}

// KeepNet: a DE gross price of 119.00 sold to an Austrian consumer becomes
// net 100.00 + 20 % = 120.00; KeepGross keeps 119.00.
func TestCrossBorderPolicies(t *testing.T) {
	for _, tt := range []struct {
		cb                   CrossBorder
		net, taxAmt, grossAm string
	}{
		{KeepGross, "99.17", "19.83", "119.00"},
		{KeepNet, "100.00", "20.00", "120.00"},
	} {
		req := &Request{Date: MustDate("2025-01-01"), Store: Store{Origin: addr("DE", "10115")},
			Customer: Customer{Address: addr("AT", "1010")},
			Policy:   Policy{PricesIncludeTax: true, CrossBorder: tt.cb, Mode: pricing.RoundHalfUp},
			Lines:    lines("EUR", "", "119.00")}
		var res Result
		if err := (&BuiltinCalculator{}).Calculate(context.Background(), req, &res); err != nil {
			t.Fatal(err)
		}
		l := res.Lines[0]
		if l.Net.Amount() != tt.net || l.Tax.Amount() != tt.taxAmt || l.Gross.Amount() != tt.grossAm {
			t.Errorf("policy %d: %s + %s = %s, want %s + %s = %s", tt.cb, l.Net.Amount(), l.Tax.Amount(), l.Gross.Amount(), tt.net, tt.taxAmt, tt.grossAm)
		}
	}
}

// KeepNet and export remove the origin tax of the line's own category:
// a reduced-rate DE price (7 %) sold to an Austrian consumer (10 %) or
// exported to Switzerland.
func TestOriginCategoryRemoved(t *testing.T) {
	tests := []struct {
		name              string
		cust              Address
		cb                CrossBorder
		net, taxAmt, gros string
	}{
		{"AT keep net", addr("AT", "1010"), KeepNet, "10.00", "1.00", "11.00"},
		{"AT keep gross", addr("AT", "1010"), KeepGross, "9.73", "0.97", "10.70"},
		{"CH export", addr("CH", "8001"), KeepGross, "10.00", "0.00", "10.00"},
		{"CH export, keep gross always", addr("CH", "8001"), KeepGrossAlways, "10.70", "0.00", "10.70"},
		{"AT keep gross always", addr("AT", "1010"), KeepGrossAlways, "9.73", "0.97", "10.70"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := &Request{Date: MustDate("2025-01-01"), Store: Store{Origin: addr("DE", "10115")},
				Customer: Customer{Address: tt.cust},
				Policy:   Policy{PricesIncludeTax: true, CrossBorder: tt.cb, Mode: pricing.RoundHalfUp},
				Lines:    lines("EUR", "reduced", "10.70")}
			var res Result
			if err := (&BuiltinCalculator{}).Calculate(context.Background(), req, &res); err != nil {
				t.Fatal(err)
			}
			l := res.Lines[0]
			if l.Net.Amount() != tt.net || l.Tax.Amount() != tt.taxAmt || l.Gross.Amount() != tt.gros {
				t.Errorf("%s + %s = %s, want %s + %s = %s", l.Net.Amount(), l.Tax.Amount(), l.Gross.Amount(), tt.net, tt.taxAmt, tt.gros)
			}
		})
	}
}

func TestEmptyOrder(t *testing.T) {
	req := &Request{Date: MustDate("2025-01-01"), Store: Store{Origin: addr("DE", "10115")},
		Customer: Customer{Address: addr("DE", "10115")}, Policy: Policy{Mode: pricing.RoundHalfUp}}
	res := Result{Lines: make([]LineResult, 3)}
	if err := (&BuiltinCalculator{}).Calculate(context.Background(), req, &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Lines) != 0 || len(res.Rates) != 0 || !res.Tax.IsZero() || !res.Gross.IsZero() {
		t.Errorf("empty order: %+v", res)
	}
}

// DC is deliberately not covered (builtin.go explains why): an address
// there is a typed error naming the region, never a silent 0 %; New Mexico
// is covered with its state gross receipts tax rate.
func TestUSStatesNotCovered(t *testing.T) {
	store := Store{Origin: Address{Country: "US", Region: "NM"}}
	for _, region := range []string{"DC", "US-DC", "", "ZZ"} {
		t.Run(region, func(t *testing.T) {
			req := &Request{Date: MustDate("2025-01-01"), Store: store,
				Customer: Customer{Address: Address{Country: "US", Region: region}},
				Policy:   Policy{Mode: pricing.RoundHalfUp}, Lines: lines("USD", "", "100.00")}
			var res Result
			err := (&BuiltinCalculator{}).Calculate(context.Background(), req, &res)
			var fe *Error
			if !errors.Is(err, ErrUnknownCountry) || !errors.As(err, &fe) || fe.Field != "customer.address.region" || fe.Value != region {
				t.Fatalf("err = %v, want ErrUnknownCountry naming customer.address.region %q", err, region)
			}
		})
	}
	req := &Request{Date: MustDate("2025-01-01"), Store: store,
		Customer: Customer{Address: Address{Country: "US", Region: "NM"}},
		Policy:   Policy{Mode: pricing.RoundHalfUp}, Lines: lines("USD", "", "100.00")}
	var res Result
	if err := (&BuiltinCalculator{}).Calculate(context.Background(), req, &res); err != nil {
		t.Fatal(err)
	}
	if got := res.Tax.Amount(); got != "4.88" || res.Lines[0].Taxes[0].Rate.ID != "us_nm_grt/standard/2023-07-01" {
		t.Errorf("NM tax = %s (%s), want 4.88 at 4.875 %%", got, res.Lines[0].Taxes[0].Rate.ID)
	}
}

// Québec: GST 5 % and QST 9.975 % are both charged on the pre-tax price
// (not compounded since 2013): 100.00 → 5.00 + 9.98, not 5.00 + 10.47.
// Japan: one rounding per rate for the order (qualified invoices).
// Estonia: 21:30 UTC on 2025-06-30 is already 2025-07-01 in Tallinn, so the
// 24 % rate applies.
func TestCalculateRegimes(t *testing.T) {
	tallinn := time.FixedZone("EEST", 3*60*60)
	tests := []struct {
		name      string
		req       Request
		wantTaxes []string // per applied tax of line 0: "ID=amount"
		wantTotal string
	}{
		{"Quebec not compounded", Request{Date: MustDate("2025-03-14"),
			Store: Store{Origin: Address{Country: "CA", Region: "ON"}}, Customer: Customer{Address: Address{Country: "CA", Region: "QC"}},
			Policy: Policy{Mode: pricing.RoundHalfUp}, Lines: lines("CAD", "", "100.00")},
			[]string{"ca_gst/standard/2008-01-01=5.00", "ca_qc_qst/standard/2013-01-01=9.98"}, "14.98"},
		{"Quebec inclusive keeps the price", Request{Date: MustDate("2025-03-14"),
			Store: Store{Origin: Address{Country: "CA", Region: "QC"}}, Customer: Customer{Address: Address{Country: "CA", Region: "QC"}},
			Policy: Policy{PricesIncludeTax: true, Mode: pricing.RoundHalfUp}, Lines: lines("CAD", "", "114.98")},
			[]string{"ca_gst/standard/2008-01-01=5.00", "ca_qc_qst/standard/2013-01-01=9.98"}, "14.98"},
		{"Japan per order per rate", Request{Date: MustDate("2025-03-14"),
			Store: Store{Origin: Address{Country: "JP"}}, Customer: Customer{Address: Address{Country: "JP"}},
			Policy: Policy{Rounding: PerOrderPerRate, Mode: pricing.RoundDown},
			Lines:  lines("JPY", "reduced", "105", "reduced", "105", "", "1005", "", "1005")},
			// 8 % of 210 = 16.8 → 16; 10 % of 2010 = 201. Per line it would
			// be 8 + 8 + 100 + 100 = 216.
			[]string{"jp_ct/reduced/2019-10-01=8"}, "217"},
		{"Estonia at midnight in Tallinn", Request{Date: DateOf(time.Date(2025, 6, 30, 21, 30, 0, 0, time.UTC), tallinn),
			Store: Store{Origin: addr("EE", "10111")}, Customer: Customer{Address: addr("EE", "10111")},
			Policy: Policy{Mode: pricing.RoundHalfUp}, Lines: lines("EUR", "", "100.00")},
			[]string{"ee_vat/standard/2025-07-01=24.00"}, "24.00"},
		{"Estonia the evening before in Tallinn", Request{Date: DateOf(time.Date(2025, 6, 30, 20, 59, 0, 0, time.UTC), tallinn),
			Store: Store{Origin: addr("EE", "10111")}, Customer: Customer{Address: addr("EE", "10111")},
			Policy: Policy{Mode: pricing.RoundHalfUp}, Lines: lines("EUR", "", "100.00")},
			[]string{"ee_vat/standard/2024-01-01=22.00"}, "22.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var res Result
			if err := (&BuiltinCalculator{}).Calculate(context.Background(), &tt.req, &res); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, a := range res.Lines[0].Taxes {
				got = append(got, a.Rate.ID+"="+a.Tax.Amount())
			}
			if strings.Join(got, " ") != strings.Join(tt.wantTaxes, " ") || res.Tax.Amount() != tt.wantTotal {
				t.Errorf("taxes %v total %s, want %v total %s", got, res.Tax.Amount(), tt.wantTaxes, tt.wantTotal)
			}
			if tt.req.Policy.PricesIncludeTax && !res.Gross.Equal(tt.req.Lines[0].Total) {
				t.Errorf("gross %v, want the shelf price %v", res.Gross, tt.req.Lines[0].Total)
			}
		})
	}
}

func TestCalculatorData(t *testing.T) {
	def := BuiltinDefinition()
	for i := range def.Types {
		if def.Types[i].ID == "de_vat" {
			def.Types[i].Name = "Umsatzsteuer"
		}
	}
	custom, err := Build(def)
	if err != nil {
		t.Fatal(err)
	}
	withCustom, err := NewCalculator(&CalculatorOptions{Data: custom})
	if err != nil {
		t.Fatal(err)
	}
	withNil, err := NewCalculator(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		calc *BuiltinCalculator
		want *Data
	}{
		{"zero value", &BuiltinCalculator{}, Builtin()},
		{"nil calculator", nil, Builtin()},
		{"NewCalculator(nil)", withNil, Builtin()},
		{"Options without data", mustCalc(t, &CalculatorOptions{Classes: []ClassRule{{Class: "book", Category: Reduced}}}), Builtin()},
		{"host data", withCustom, custom},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.calc.Data(); got != tt.want {
				t.Errorf("Data() = %p, want %p", got, tt.want)
			}
		})
	}

	// The names of a result's taxes come from the calculator's data.
	req := &Request{
		Date:     MustDate("2025-05-01"),
		Store:    Store{Origin: Address{Country: "DE", PostalCode: "10115"}},
		Customer: Customer{Address: Address{Country: "DE", PostalCode: "51147"}},
		Policy:   Policy{Mode: pricing.RoundHalfUp},
		Lines:    []pricing.Line{{SKU: "a", Quantity: 1, Total: pricing.MustParseMoney("100.00", "EUR")}},
	}
	for _, tt := range []struct {
		calc *BuiltinCalculator
		want string
	}{{&BuiltinCalculator{}, "German VAT (USt)"}, {withCustom, "Umsatzsteuer"}} {
		var res Result
		if err := tt.calc.Calculate(context.Background(), req, &res); err != nil {
			t.Fatal(err)
		}
		for _, a := range []*Rate{res.Lines[0].Taxes[0].Rate, res.Rates[0].Rate} {
			ty, ok := tt.calc.Data().Type(a.Type)
			if !ok {
				t.Errorf("Data().Type(%q) not found", a.Type)
				continue
			}
			if ty.Name() != tt.want {
				t.Errorf("Data().Type(%q).Name() = %q, want %q", a.Type, ty.Name(), tt.want)
			}
			if got, _ := ty.Rate(a.Category, req.Date); got != *a {
				t.Errorf("Data().Type(%q).Amount = %+v, want the result's amount %+v", a.Type, got, *a)
			}
		}
	}
}

func mustCalc(t *testing.T, o *CalculatorOptions) *BuiltinCalculator {
	t.Helper()
	c, err := NewCalculator(o)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
