package tax

// maxTypes is the number of taxes one line can carry in the built-in
// calculator (Canada: GST + PST/QST; host data: state + county + city).
// More is an error, never a silently dropped tax.
const maxTypes = 3

// resolution is the outcome of the resolver chain for one supply kind.
type resolution struct {
	types    [maxTypes]*Type
	n        int
	overflow bool   // more than maxTypes types applied
	country  string // country whose class mapping applies
	outcome  Outcome
}

func (r *resolution) add(t *Type) {
	if r.n == maxTypes {
		r.overflow = true
		return
	}
	r.types[r.n] = t
	r.n++
}

// Invoice texts recorded in Outcome.Reason.
const (
	reasonDomestic       = "Domestic supply: tax of the store's country."
	reasonOrigin         = "B2C distance sale below the EU €10,000 threshold (Directive 2006/112/EC art. 59c): VAT of the seller's member state."
	reasonDestination    = "B2C distance sale (Directive 2006/112/EC arts. 33 and 58, One-Stop Shop since 2021-07-01): VAT of the customer's member state."
	reasonB2BSellerState = "Business customer identified for VAT in the seller's member state: no intra-Community exemption (Directive 2006/112/EC art. 138(1)(b)); VAT of the seller's member state."
	reasonServiceB2C     = "B2C service: place of supply where the supplier is established (Directive 2006/112/EC art. 45)."
	reasonRCGoods        = "Intra-Community supply of goods, exempt (Directive 2006/112/EC art. 138); reverse charge: the customer accounts for VAT."
	reasonRCServices     = "Reverse charge: VAT to be accounted for by the recipient (Directive 2006/112/EC arts. 44 and 196)."
	reasonRCNonEU        = "Supply by a seller established outside the EU to an EU business: the customer accounts for VAT (reverse charge or import VAT)."
	reasonServiceNonEU   = "B2C service by a seller established outside the EU: place of supply where the supplier is established (Directive 2006/112/EC art. 45), no EU VAT."
	reasonNonEUOSS       = "B2C supply by a seller established outside the EU and registered for the One-Stop Shop: VAT of the customer's member state."
	reasonExportEU       = "Export outside the EU VAT area: zero-rated (Directive 2006/112/EC art. 146; services: place of supply outside the EU)."
	reasonRCGoodsNI      = "Supply of goods to Northern Ireland to a customer identified for VAT with an XI number: treated as an intra-Community supply (Windsor Framework art. 8), exempt (Directive 2006/112/EC art. 138); the customer accounts for VAT."
	reasonXIService      = "Service to a business identified for VAT with an XI (Northern Ireland) number: the Windsor Framework treats it as an EU number for goods only; place of supply in the United Kingdom (Directive 2006/112/EC art. 44): outside the scope of EU VAT, no EU reverse charge."
	reasonCanada         = "Canada: GST/HST and PST/QST of the customer's province (Excise Tax Act Part IX); PST and QST are not compounded."
	reasonExportCanada   = "Export from Canada: zero-rated (Excise Tax Act Schedule VI Part V)."
	reasonDefault        = "Tax of the customer's zone, where the store is established or registered."
	reasonNotInZone      = "Customer outside every tax zone where the store is established or registered: no tax charged by the seller."
)

// registered reports whether the store collects tax t: established in its
// zone (origin) or registered by country, zone ID, type ID, or "EU" (OSS)
// for EU types.
func registered(s *Store, t *Type) bool {
	if t.zone.Contains(s.Origin) {
		return true
	}
	for _, r := range s.Registrations {
		if equalFoldASCII(r, t.country) || equalFoldASCII(r, t.id) || equalFoldASCII(r, t.zone.id) ||
			t.tag == TagEU && equalFoldASCII(r, TagEU) {
			return true
		}
	}
	return false
}

// firstTagged returns the first type at a with tag.
func firstTagged(d *Data, a Address, tag string) *Type {
	for _, t := range d.typesIn(a.Country) {
		if t.tag == tag && t.zone.Contains(a) {
			return t
		}
	}
	return nil
}

// resolve runs the chain: EU rules, Canada rules, default.
func (c *BuiltinCalculator) resolve(d *Data, req *Request, supply Supply, vatCountry string, origin []*Type) resolution {
	if r, ok := resolveEU(d, req, supply, vatCountry, origin); ok {
		return r
	}
	if r, ok := resolveCanada(d, req); ok {
		return r
	}
	return resolveDefault(d, req)
}

var oss = MustDate("2021-07-01")
var moss = MustDate("2015-01-01")

// tbeThreshold is when the €10,000 threshold for B2C telecom, broadcasting
// and electronic services started (Directive 2017/2455 art. 1).
var tbeThreshold = MustDate("2019-01-01")

// resolveEU implements the EU VAT rules for a store established in the EU
// VAT area, or established outside it and selling to a customer inside it.
//
//   - domestic (same member state): the VAT of the customer's zone (which
//     is the origin zone, or a regional zone such as the Azores);
//   - business customer in another member state with a valid-format EU VAT
//     number (EL accepted) not issued by the seller's member state:
//     reverse charge at 0 %, with the legal mention as the reason; with a
//     number of the seller's member state: the seller's VAT;
//   - XI (Northern Ireland) numbers are EU numbers for goods only
//     (Windsor Framework art. 8): goods to an XI-numbered business in
//     another member state or in Northern Ireland (GB postal code BT…) are
//     reverse-charged; for services (digital or other) the customer is a UK
//     business and the supply is outside the scope of EU VAT (art. 44:
//     the customer's place, the UK);
//   - consumer, goods or digital services, from 2021-07-01: destination
//     VAT, unless the store declares EUBelowThreshold (origin VAT); before
//     2021-07-01 digital services (from 2015) were taxed at destination
//     (from 2019 with the same threshold option) and goods at origin unless
//     the store was registered at destination;
//   - consumer, other services: origin VAT (general rule);
//   - customer outside the EU VAT area (third country or special
//     territory such as the Canary Islands): export, zero-rated — unless the
//     store is registered in the customer's zone (default resolver);
//   - non-EU store: B2B reverse charge; B2C goods and digital services:
//     destination VAT when registered in the customer's member state or
//     for the OSS ("EU"), otherwise the EU rules do not apply and the
//     chain continues; B2C other services: no EU VAT (art. 45, place of
//     the supplier).
func resolveEU(d *Data, req *Request, supply Supply, vatCountry string, origin []*Type) (resolution, bool) {
	var r resolution
	s, cu := &req.Store, &req.Customer
	var storeT *Type // the origin's EU type, from the types at the origin
	for _, t := range origin {
		if t.tag == TagEU {
			storeT = t
			break
		}
	}
	custT := firstTagged(d, cu.Address, TagEU)
	if vatCountry == "XI" && supply != Goods && (storeT != nil || custT != nil) {
		// Windsor Framework art. 8 covers goods only: for services an
		// XI number identifies a UK business, wherever its address.
		if storeT != nil {
			r.country = storeT.country
		} else {
			r.country = custT.country
		}
		r.outcome = Outcome{Kind: Export, Rule: RuleEUXINumberService, Reason: reasonXIService}
		return r, true
	}
	if storeT == nil {
		if custT == nil {
			return r, false
		}
		if isEUVATCountry(vatCountry) {
			r.country = custT.country
			r.outcome = Outcome{Kind: ReverseCharge, Rule: RuleEUNonEUSellerB2B, Reason: reasonRCNonEU}
			return r, true
		}
		if supply == Service {
			// General rule: the place of a B2C service is where the
			// supplier is established — outside the EU.
			r.country = custT.country
			r.outcome = Outcome{Kind: Export, Rule: RuleEUNonEUSellerService, Reason: reasonServiceNonEU}
			return r, true
		}
		if registered(s, custT) {
			r.add(custT)
			r.country = custT.country
			r.outcome = Outcome{Kind: Taxed, Rule: RuleEUNonEUSellerOSS, Reason: reasonNonEUOSS}
			return r, true
		}
		return r, false
	}
	if custT == nil {
		if vatCountry == "XI" && supply == Goods && northernIreland(cu.Address) {
			// Northern Ireland stays in the EU VAT area for goods.
			r.country = storeT.country
			r.outcome = Outcome{Kind: ReverseCharge, Rule: RuleEUReverseCharge, Reason: reasonRCGoodsNI}
			return r, true
		}
		if cr, ok := resolveCanada(d, req); ok && cr.outcome.Kind == Taxed {
			return cr, true
		}
		if dr := resolveDefault(d, req); dr.outcome.Kind == Taxed {
			return dr, true
		}
		r.country = storeT.country
		r.outcome = Outcome{Kind: Export, Rule: RuleEUExport, Reason: reasonExportEU}
		return r, true
	}
	if custT.country == storeT.country {
		r.add(custT)
		r.country = custT.country
		r.outcome = Outcome{Kind: Taxed, Rule: RuleEUDomestic, Reason: reasonDomestic}
		return r, true
	}
	// Reverse charge needs an EU VAT number of a member state other than
	// the seller's (Directive 2006/112/EC art. 138(1)(b)).
	if isEUVATCountry(vatCountry) && vatCountry != storeT.country {
		r.country = storeT.country
		reason := reasonRCGoods
		if supply != Goods {
			reason = reasonRCServices
		}
		r.outcome = Outcome{Kind: ReverseCharge, Rule: RuleEUReverseCharge, Reason: reason}
		return r, true
	}
	// A business that gives a VAT number of the seller's own member state
	// is a taxable person identified there: no exemption (art. 138), no
	// distance sale (art. 14(4) covers only non-taxable customers) and, for
	// services, the establishment its number identifies (art. 44;
	// Implementing Regulation 282/2011 art. 22): the seller's VAT.
	if isEUVATCountry(vatCountry) && vatCountry == storeT.country {
		r.add(storeT)
		r.country = storeT.country
		r.outcome = Outcome{Kind: Taxed, Rule: RuleEUB2BSellerState, Reason: reasonB2BSellerState}
		return r, true
	}
	dest := false
	switch {
	case supply == Service:
		dest = false
	case !req.Date.Before(oss):
		dest = !s.EUBelowThreshold
	case supply == Digital:
		// Destination since 2015 (MOSS); from 2019-01-01 a seller
		// established in one member state below the €10,000 threshold
		// may keep origin VAT (art. 58(2), inserted by Directive
		// 2017/2455).
		dest = !req.Date.Before(moss) && !(!req.Date.Before(tbeThreshold) && s.EUBelowThreshold)
	default:
		dest = registered(s, custT)
	}
	if dest {
		r.add(custT)
		r.country = custT.country
		r.outcome = Outcome{Kind: Taxed, Rule: RuleEUDestination, Reason: reasonDestination}
		return r, true
	}
	r.add(storeT)
	r.country = storeT.country
	if supply == Service {
		r.outcome = Outcome{Kind: Taxed, Rule: RuleEUServiceOrigin, Reason: reasonServiceB2C}
	} else {
		r.outcome = Outcome{Kind: Taxed, Rule: RuleEUOriginBelowThreshold, Reason: reasonOrigin}
	}
	return r, true
}

// resolveCanada applies when the store is established in Canada, or
// sells to a Canadian customer while registered there (non-resident GST/HST
// registration: "CA", or a province's zone or type ID). The customer's
// province decides: GST, or HST, plus PST/QST charged on the pre-tax price,
// not compounded. A resident store charges every tax of the province; a
// non-resident store only those it is registered for. A customer outside
// Canada buys an export.
func resolveCanada(d *Data, req *Request) (resolution, bool) {
	var r resolution
	resident := req.Store.Origin.Country == "CA"
	if !resident && req.Customer.Address.Country != "CA" {
		return r, false
	}
	r.country = "CA"
	if req.Customer.Address.Country != "CA" {
		if dr := resolveDefault(d, req); dr.outcome.Kind == Taxed {
			return dr, true
		}
		r.outcome = Outcome{Kind: Export, Rule: RuleCAExport, Reason: reasonExportCanada}
		return r, true
	}
	for _, t := range d.typesIn("CA") {
		if t.tag == TagCA && t.zone.Contains(req.Customer.Address) && (resident || registered(&req.Store, t)) {
			r.add(t)
		}
	}
	if r.n == 0 {
		return r, false // non-resident and not registered: default resolver
	}
	r.outcome = Outcome{Kind: Taxed, Rule: RuleCAProvince, Reason: reasonCanada}
	return r, true
}

// resolveDefault charges the untagged types of the customer's zone when
// the store is established or registered there; otherwise no tax.
func resolveDefault(d *Data, req *Request) resolution {
	var r resolution
	for _, t := range d.typesIn(req.Customer.Address.Country) {
		if t.tag == "" && t.zone.Contains(req.Customer.Address) && registered(&req.Store, t) {
			r.add(t)
			r.country = t.country
		}
	}
	if r.n > 0 {
		r.outcome = Outcome{Kind: Taxed, Rule: RuleDefaultZone, Reason: reasonDefault}
		return r
	}
	r.country = req.Store.Origin.Country
	r.outcome = Outcome{Kind: NotRegistered, Rule: RuleDefaultNotRegistered, Reason: reasonNotInZone}
	return r
}

// niPostal is the postal area of Northern Ireland (BT).
var niPostal = [...]postalPat{{lo: "BT"}}

// northernIreland reports whether a is in Northern Ireland: GB with a BT
// postal code.
func northernIreland(a Address) bool {
	return a.Country == "GB" && postalIn(a.PostalCode, niPostal[:])
}

// isEUVATCountry reports whether a VAT number country (GR for EL, XI for
// Northern Ireland) is an EU one. XI is one for goods only: resolveEU
// handles services to XI numbers before asking.
func isEUVATCountry(cc string) bool {
	switch cc {
	case "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
		"LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI":
		return true
	}
	return false
}
