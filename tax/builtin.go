package tax

// builtinDef is the maintained rate data. Every amount cites a source from
// Sources; edit by hand and run the tests (data_test.go checks coverage
// since 2019-01-01, overlaps and citations). Dates are inclusive; an
// amount's From is the first day of the rate as enacted where the source
// gives it; for US states it is the start of our coverage (2018-07-01).
//
// US types are state BASE rates: local jurisdictions add to them. Where a
// state levies part of its rate as a mandatory statewide local rate, the
// figure is the statewide minimum a buyer pays (CA 7.25 = 6 state + 1.25
// local, VA 5.3 = 4.3 + 1). New Mexico's figure is the state gross
// receipts tax rate (a tax on the seller, customarily passed on).
//
// Utah's figure is the state rate only (4.85 %): unlike CA and VA, its
// near-universal local 1.25 % is not included, because it is a local
// option (published rate tables list places at the bare state rate).
//
// Deliberately absent (an address there is an ErrUnknownCountry error on
// customer.address.region, never a silent 0 %): DC. Its rate was 6 % from
// 2018-10-01; the FY2025 Budget Support Act scheduled 6.5 % from 2025-10-01
// and 7 % from 2026-10-01, the FY2026 Budget Support Act cancelled the
// 6.5 % step (6 % through 2026-09-30), and whether 7 % took effect on
// 2026-10-01 could not be confirmed from the Office of Tax and Revenue. A
// wrong current rate is worse than an error.
//
// Hosts selling there add a TypeDef (see BuiltinDefinition) or plug in a
// Calculator backed by a sales-tax service.
var builtinDef = Definition{
	Version: "2026-11-25",
	Sources: []SourceDef{
		{ID: "eu-rates", Citation: "European Commission, DG TAXUD, \"VAT rates applied in the Member States of the European Union\" (situation at 1 January of each year 2019-2026) and Taxes in Europe Database (TEDB), https://taxation-customs.ec.europa.eu/taxation/vat/vat-directive/vat-rates_en and https://ec.europa.eu/taxation_customs/tedb/"},
		{ID: "eu-directive", Citation: "Council Directive 2006/112/EC (VAT Directive) arts. 5-6 (territories excluded from the EU VAT area: Heligoland, Büsingen, Livigno, Campione d'Italia, Mount Athos, Canary Islands, Ceuta, Melilla, Åland, French overseas departments), arts. 98-99 (rates), https://eur-lex.europa.eu/eli/dir/2006/112/oj"},
		{ID: "at-bmf", Citation: "Austria, Umsatzsteuergesetz 1994 § 10, Bundesministerium für Finanzen, https://www.bmf.gv.at/themen/steuern/selbststaendige-unternehmer/umsatzsteuer/umsatzsteuer-steuersaetze.html"},
		{ID: "be-spf", Citation: "Belgium, SPF Finances, TVA taux, https://finances.belgium.be/fr/entreprises/tva/assujettissement-activite/taux-tva"},
		{ID: "bg-nra", Citation: "Bulgaria, Value Added Tax Act art. 66, National Revenue Agency, https://nra.bg"},
		{ID: "hr-pu", Citation: "Croatia, Zakon o porezu na dodanu vrijednost art. 38, Porezna uprava, https://www.porezna-uprava.hr"},
		{ID: "cy-tax", Citation: "Cyprus, Value Added Tax Law 95(I)/2000 as amended (19 % and 9 % from 2014-01-13; 3 % super-reduced rate for books, press, disability aids and some services from 2023-07-21), Tax Department, VAT rates, https://www.mof.gov.cy/mof/tax/taxdep.nsf"},
		{ID: "cz-fs", Citation: "Czechia, zákon č. 235/2004 Sb. § 47 as amended by zákon č. 349/2023 Sb. (single 12 % reduced rate from 2024-01-01), Finanční správa, https://www.financnisprava.cz"},
		{ID: "dk-skat", Citation: "Denmark, Momsloven § 33, Skattestyrelsen, https://skat.dk"},
		{ID: "ee-emta", Citation: "Estonia, Käibemaksuseadus § 15 (22 % from 2024-01-01, 24 % from 2025-07-01; accommodation 13 % from 2025-01-01; press 5 % from 2022-08-01 to 2024-12-31, 9 % from 2025), Maksu- ja Tolliamet, https://www.emta.ee/en/business-client/taxes-and-payment/value-added-tax"},
		{ID: "fi-vero", Citation: "Finland, Arvonlisäverolaki § 84-85a, Vero Skatt, \"VAT rates\" (25.5 % from 2024-09-01; 14 % rate lowered to 13.5 % from 2026-01-01), https://www.vero.fi/en/businesses-and-corporations/taxes-and-charges/vat/rates-of-vat/"},
		{ID: "fr-dgfip", Citation: "France, Code général des impôts arts. 278 to 281 nonies (including 296: Guadeloupe, Martinique, La Réunion 8.5 % / 2.1 % / 1.05 %), DGFiP, https://www.impots.gouv.fr/professionnel/questions/quels-sont-les-taux-de-tva-en-vigueur-en-france-et-dans-lunion-europeenne"},
		{ID: "de-ustg", Citation: "Germany, Umsatzsteuergesetz § 12 (16 % / 5 % from 2020-07-01 to 2020-12-31 by the Zweites Corona-Steuerhilfegesetz, BGBl. I 2020 S. 1512; 0 % for photovoltaic systems from 2023-01-01, § 12 Abs. 3), https://www.gesetze-im-internet.de/ustg_1980/__12.html"},
		{ID: "gr-aade", Citation: "Greece, Code of VAT (law 2859/2000 as amended by law 4389/2016) art. 21, Independent Authority for Public Revenue (AADE), https://www.aade.gr"},
		{ID: "hu-nav", Citation: "Hungary, Act CXXVII of 2007 on VAT § 82, Nemzeti Adó- és Vámhivatal, https://nav.gov.hu"},
		{ID: "ie-revenue", Citation: "Ireland, Revenue Commissioners, \"Current VAT rates\" (21 % from 2020-09-01 to 2021-02-28 under the July Jobs Stimulus), https://www.revenue.ie/en/vat/vat-rates/search-vat-rates/current-vat-rates.aspx"},
		{ID: "it-ade", Citation: "Italy, DPR 633/1972 art. 16 and Tabella A, Agenzia delle Entrate, https://www.agenziaentrate.gov.it"},
		{ID: "lv-vid", Citation: "Latvia, Pievienotās vērtības nodokļa likums § 42, Valsts ieņēmumu dienests, https://www.vid.gov.lv"},
		{ID: "lt-vmi", Citation: "Lithuania, Law on VAT art. 19, Valstybinė mokesčių inspekcija, https://www.vmi.lt"},
		{ID: "lu-aed", Citation: "Luxembourg, Loi TVA art. 40 and 40-1 (rates lowered by 1 point from 2023-01-01 to 2023-12-31, loi du 26 octobre 2022), Administration de l'enregistrement, des domaines et de la TVA, https://pfi.public.lu/fr/tva.html"},
		{ID: "mt-cfr", Citation: "Malta, VAT Act Cap. 406 art. 19 and Fifth Schedule, Commissioner for Revenue, https://cfr.gov.mt"},
		{ID: "nl-bd", Citation: "Netherlands, Wet op de omzetbelasting 1968 art. 9 (reduced 6 % to 9 % from 2019-01-01), Belastingdienst, https://www.belastingdienst.nl/wps/wcm/connect/bldcontenten/belastingdienst/business/vat/vat_in_the_netherlands/calculating_vat/vat_tariffs"},
		{ID: "pl-mf", Citation: "Poland, Ustawa o podatku od towarów i usług art. 41 and 146ef, Ministerstwo Finansów, https://www.podatki.gov.pl/vat/"},
		{ID: "pt-at", Citation: "Portugal, Código do IVA art. 18 (mainland 23/13/6; Madeira 22/12/5, 4 from 2024-10-01; Azores 18/10/5 from 2014-01-01, 18/9/4 from 2015-07-01, 16/9/4 from 2021-07-01 (Decreto Legislativo Regional 15-A/2021/A)), Autoridade Tributária e Aduaneira, https://info.portaldasfinancas.gov.pt"},
		{ID: "ro-anaf", Citation: "Romania, Codul fiscal art. 291 as amended by Legea 141/2025 (21 % and single 11 % reduced rate from 2025-08-01), ANAF, https://www.anaf.ro"},
		{ID: "sk-fs", Citation: "Slovakia, zákon č. 222/2004 Z. z. § 27 as amended by zákon č. 278/2024 Z. z. (23 %, 19 % and 5 % from 2025-01-01), Finančná správa, https://www.financnasprava.sk"},
		{ID: "si-fu", Citation: "Slovenia, ZDDV-1 art. 41 and 41a (5 % from 2020-01-01), Finančna uprava, https://www.fu.gov.si"},
		{ID: "es-aeat", Citation: "Spain, Ley 37/1992 del IVA arts. 90-91, Agencia Tributaria, https://sede.agenciatributaria.gob.es"},
		{ID: "es-igic", Citation: "Canary Islands, Ley 20/1991 and Ley 4/2012 (IGIC general 7 %, reduced 3 %, zero 0 %), Agencia Tributaria Canaria, https://www3.gobiernodecanarias.org/tributos/atc/"},
		{ID: "se-skv", Citation: "Sweden, Mervärdesskattelag (2023:200) ch. 9, Skatteverket, https://www.skatteverket.se/foretag/moms"},
		{ID: "gb-hmrc", Citation: "United Kingdom, VAT Act 1994 and HMRC, \"VAT rates on different goods and services\" (12.5 % hospitality rate from 2021-10-01 to 2022-03-31), https://www.gov.uk/guidance/rates-of-vat-on-different-goods-and-services"},
		{ID: "ch-estv", Citation: "Switzerland, Mehrwertsteuergesetz art. 25 and Federal Tax Administration (ESTV/AFC), \"VAT rates in Switzerland\" (8.1/3.8/2.6 from 2024-01-01; 7.7/3.7/2.5 from 2018-01-01), also applied in Liechtenstein by treaty and in Büsingen, https://www.estv.admin.ch/estv/en/home/value-added-tax/vat-rates-switzerland.html"},
		{ID: "no-skatt", Citation: "Norway, Merverdiavgiftsloven § 5-1 to 6 and Skatteetaten (low rate 12 % cut to 6 % from 2020-04-01 to 2021-09-30), https://www.skatteetaten.no/en/business-and-organisation/vat-and-duties/vat/rates-and-registration/"},
		{ID: "is-rsk", Citation: "Iceland, Lög um virðisaukaskatt nr. 50/1988 art. 14, Skatturinn, https://www.skatturinn.is/english/companies/value-added-tax/"},
		{ID: "au-ato", Citation: "Australia, A New Tax System (Goods and Services Tax) Act 1999 s 9-70, Australian Taxation Office, https://www.ato.gov.au/businesses-and-organisations/gst-excise-and-indirect-taxes/gst"},
		{ID: "nz-ird", Citation: "New Zealand, Goods and Services Tax Act 1985 s 8 (15 % from 2010-10-01), Inland Revenue, https://www.ird.govt.nz/gst"},
		{ID: "sg-iras", Citation: "Singapore, Goods and Services Tax Act 1993 and IRAS, \"GST rate change\" (8 % from 2023-01-01, 9 % from 2024-01-01), https://www.iras.gov.sg/taxes/goods-services-tax-(gst)"},
		{ID: "jp-nta", Citation: "Japan, Consumption Tax Act art. 29 and National Tax Agency, reduced tax rate system from 2019-10-01, https://www.nta.go.jp/english/taxes/consumption_tax/"},
		{ID: "za-sars", Citation: "South Africa, Value-Added Tax Act 89 of 1991 s 7 (15 % from 2018-04-01), SARS, https://www.sars.gov.za/types-of-tax/value-added-tax/"},
		{ID: "in-cbic", Citation: "India, CGST Act 2017 and rate notifications 1/2017-Central Tax (Rate) and 9/2025-Central Tax (Rate) (56th GST Council: 12 % and 28 % slabs replaced by 5/18/40 from 2025-09-22; total CGST+SGST or IGST), CBIC, https://cbic-gst.gov.in/gst-goods-services-rates.html"},
		{ID: "ca-cra", Citation: "Canada, Excise Tax Act Part IX and Canada Revenue Agency, \"GST/HST rates\" (NS HST 14 % from 2025-04-01), https://www.canada.ca/en/revenue-agency/services/tax/businesses/topics/gst-hst-businesses/charge-collect-which-rate/calculator.html"},
		{ID: "ca-bc", Citation: "British Columbia, Provincial Sales Tax Act, PST 7 %, https://www2.gov.bc.ca/gov/content/taxes/sales-taxes/pst"},
		{ID: "ca-mb", Citation: "Manitoba, The Retail Sales Tax Act (RST 7 % from 2019-07-01, 8 % before), https://www.gov.mb.ca/finance/taxation/taxes/retail.html"},
		{ID: "ca-sk", Citation: "Saskatchewan, The Provincial Sales Tax Act, PST 6 %, https://www.saskatchewan.ca/business/taxes-licensing-and-reporting/provincial-taxes-policies-and-bulletins/provincial-sales-tax"},
		{ID: "ca-qc", Citation: "Québec, Act respecting the Québec sales tax, QST 9.975 % (not compounded on GST since 2013-01-01), Revenu Québec, https://www.revenuquebec.ca/en/businesses/consumption-taxes/gsthst-and-qst/"},
		{ID: "us-nm-trd", Citation: "New Mexico Taxation and Revenue Department, gross receipts tax rate schedules and GRT filer's kits: statewide (state) gross receipts tax rate 5.125 %, lowered to 5 % from 2022-07-01 and to 4.875 % from 2023-07-01 by House Bill 163 (2022), https://www.tax.newmexico.gov/businesses/gross-receipts-overview/"},
		{ID: "us-ut-stc", Citation: "Utah State Tax Commission, Tax Bulletin 01-19 (state sales and use tax rate 4.70 % raised to 4.85 % from 2019-04-01 after the November 2018 ballot) and Utah Code § 59-12-103; the 1 % local option (§ 59-12-205) and 0.25 % county option (§ 59-12-1102, imposed by the state where a county does not, § 59-12-1802) come on top, https://tax.utah.gov/sales/rates"},
		{ID: "us-states", Citation: "US state revenue departments' published statewide (base) sales tax rates, e.g. California CDTFA https://www.cdtfa.ca.gov/taxes-and-fees/sales-use-tax-rates.htm, Texas Comptroller https://comptroller.texas.gov/taxes/sales/, New York https://www.tax.ny.gov/bus/st/stidx.htm, Louisiana LDR (5 % from 2025-01-01, Act 11 of 2024), South Dakota DOR (4.2 % from 2023-07-01, HB 1137); Federation of Tax Administrators state rate table https://taxadmin.org"},
	},
	Zones: []ZoneDef{
		{ID: "at", Name: "Austria", Members: []MemberDef{
			{Country: "AT"},
		}},
		{ID: "be", Name: "Belgium", Members: []MemberDef{
			{Country: "BE"},
		}},
		{ID: "bg", Name: "Bulgaria", Members: []MemberDef{
			{Country: "BG"},
		}},
		{ID: "hr", Name: "Croatia", Members: []MemberDef{
			{Country: "HR"},
		}},
		{ID: "cy", Name: "Cyprus", Members: []MemberDef{
			{Country: "CY"},
		}},
		{ID: "cz", Name: "Czechia", Members: []MemberDef{
			{Country: "CZ"},
		}},
		{ID: "dk", Name: "Denmark", Members: []MemberDef{
			{Country: "DK"},
		}},
		{ID: "ee", Name: "Estonia", Members: []MemberDef{
			{Country: "EE"},
		}},
		{ID: "fi", Name: "Finland (ex. Åland)", Members: []MemberDef{
			{Country: "FI", ExcludePostalCodes: []string{"22000:22999"}},
		}},
		{ID: "fr", Name: "France (incl. Monaco, ex. overseas departments)", Members: []MemberDef{
			{Country: "FR", ExcludePostalCodes: []string{"971", "972", "973", "974", "975", "976", "977", "978", "98"}},
			{Country: "MC"},
		}},
		{ID: "de", Name: "Germany (ex. Heligoland and Büsingen)", Members: []MemberDef{
			{Country: "DE", ExcludePostalCodes: []string{"27498", "78266"}},
		}},
		{ID: "gr", Name: "Greece (ex. Mount Athos)", Members: []MemberDef{
			{Country: "GR", ExcludePostalCodes: []string{"63086"}},
		}},
		{ID: "hu", Name: "Hungary", Members: []MemberDef{
			{Country: "HU"},
		}},
		{ID: "ie", Name: "Ireland", Members: []MemberDef{
			{Country: "IE"},
		}},
		// Livigno is CAP 23041 and Campione d'Italia CAP 22061 (Poste
		// Italiane; ibericode/vat-rates agrees). The older codes 23030 and
		// 22060 that commerceguys/tax excludes are shared with other
		// municipalities (Valtellina, Brianza), so excluding them would
		// wrongly zero-rate those; an address written with them gets
		// Italian VAT.
		{ID: "it", Name: "Italy (ex. Livigno and Campione d'Italia)", Members: []MemberDef{
			{Country: "IT", ExcludePostalCodes: []string{"23041", "22061"}},
		}},
		{ID: "lv", Name: "Latvia", Members: []MemberDef{
			{Country: "LV"},
		}},
		{ID: "lt", Name: "Lithuania", Members: []MemberDef{
			{Country: "LT"},
		}},
		{ID: "lu", Name: "Luxembourg", Members: []MemberDef{
			{Country: "LU"},
		}},
		{ID: "mt", Name: "Malta", Members: []MemberDef{
			{Country: "MT"},
		}},
		{ID: "nl", Name: "Netherlands", Members: []MemberDef{
			{Country: "NL"},
		}},
		{ID: "pl", Name: "Poland", Members: []MemberDef{
			{Country: "PL"},
		}},
		{ID: "pt", Name: "Portugal (mainland)", Members: []MemberDef{
			{Country: "PT", ExcludePostalCodes: []string{"9"}},
		}},
		{ID: "pt-20", Name: "Portugal (Azores)", Members: []MemberDef{
			{Country: "PT", PostalCodes: []string{"95:99"}},
		}},
		{ID: "pt-30", Name: "Portugal (Madeira)", Members: []MemberDef{
			{Country: "PT", PostalCodes: []string{"90:94"}},
		}},
		{ID: "ro", Name: "Romania", Members: []MemberDef{
			{Country: "RO"},
		}},
		{ID: "sk", Name: "Slovakia", Members: []MemberDef{
			{Country: "SK"},
		}},
		{ID: "si", Name: "Slovenia", Members: []MemberDef{
			{Country: "SI"},
		}},
		{ID: "es", Name: "Spain (ex. Canary Islands, Ceuta and Melilla)", Members: []MemberDef{
			{Country: "ES", ExcludePostalCodes: []string{"35", "38", "51", "52"}},
		}},
		{ID: "se", Name: "Sweden", Members: []MemberDef{
			{Country: "SE"},
		}},
		{ID: "eu", Name: "European Union VAT area", Members: []MemberDef{
			{Zone: "at"},
			{Zone: "be"},
			{Zone: "bg"},
			{Zone: "hr"},
			{Zone: "cy"},
			{Zone: "cz"},
			{Zone: "dk"},
			{Zone: "ee"},
			{Zone: "fi"},
			{Zone: "fr"},
			{Zone: "de"},
			{Zone: "gr"},
			{Zone: "hu"},
			{Zone: "ie"},
			{Zone: "it"},
			{Zone: "lv"},
			{Zone: "lt"},
			{Zone: "lu"},
			{Zone: "mt"},
			{Zone: "nl"},
			{Zone: "pl"},
			{Zone: "pt"},
			{Zone: "pt-20"},
			{Zone: "pt-30"},
			{Zone: "ro"},
			{Zone: "sk"},
			{Zone: "si"},
			{Zone: "es"},
			{Zone: "se"},
		}},
		{ID: "es-cn", Name: "Canary Islands (IGIC)", Members: []MemberDef{
			{Country: "ES", PostalCodes: []string{"35", "38"}},
			{Country: "IC"},
		}},
		{ID: "es-ce", Name: "Ceuta (outside the EU VAT area; IPSI is a municipal tax, not modelled)", Members: []MemberDef{
			{Country: "ES", PostalCodes: []string{"51"}},
		}},
		{ID: "es-ml", Name: "Melilla (outside the EU VAT area; IPSI is a municipal tax, not modelled)", Members: []MemberDef{
			{Country: "ES", PostalCodes: []string{"52"}},
		}},
		{ID: "de-hgl", Name: "Heligoland (outside the EU VAT area, no VAT)", Members: []MemberDef{
			{Country: "DE", PostalCodes: []string{"27498"}},
		}},
		{ID: "it-lvg", Name: "Livigno (outside the EU VAT area, no VAT)", Members: []MemberDef{
			{Country: "IT", PostalCodes: []string{"23041"}},
		}},
		{ID: "it-cmp", Name: "Campione d'Italia (outside the EU VAT area)", Members: []MemberDef{
			{Country: "IT", PostalCodes: []string{"22061"}},
		}},
		{ID: "gr-ath", Name: "Mount Athos (outside the EU VAT area, no VAT)", Members: []MemberDef{
			{Country: "GR", PostalCodes: []string{"63086"}},
		}},
		{ID: "fi-ax", Name: "Åland (outside the EU VAT area for goods)", Members: []MemberDef{
			{Country: "FI", PostalCodes: []string{"22000:22999"}},
			{Country: "AX"},
		}},
		{ID: "fr-dom", Name: "French overseas departments with VAT (Guadeloupe, Martinique, La Réunion)", Members: []MemberDef{
			{Country: "FR", PostalCodes: []string{"971", "972", "974"}},
			{Country: "GP"},
			{Country: "MQ"},
			{Country: "RE"},
		}},
		{ID: "fr-dom0", Name: "French Guiana and Mayotte (VAT provisionally not applied)", Members: []MemberDef{
			{Country: "FR", PostalCodes: []string{"973", "976"}},
			{Country: "GF"},
			{Country: "YT"},
		}},
		{ID: "gb", Name: "United Kingdom (incl. Isle of Man)", Members: []MemberDef{
			{Country: "GB"},
			{Country: "IM"},
		}},
		{ID: "ch", Name: "Switzerland, Liechtenstein and Büsingen", Members: []MemberDef{
			{Country: "CH"},
			{Country: "LI"},
			{Country: "DE", PostalCodes: []string{"78266"}},
		}},
		{ID: "no", Name: "Norway", Members: []MemberDef{
			{Country: "NO"},
		}},
		{ID: "is", Name: "Iceland", Members: []MemberDef{
			{Country: "IS"},
		}},
		{ID: "au", Name: "Australia", Members: []MemberDef{
			{Country: "AU"},
		}},
		{ID: "nz", Name: "New Zealand", Members: []MemberDef{
			{Country: "NZ"},
		}},
		{ID: "sg", Name: "Singapore", Members: []MemberDef{
			{Country: "SG"},
		}},
		{ID: "jp", Name: "Japan", Members: []MemberDef{
			{Country: "JP"},
		}},
		{ID: "za", Name: "South Africa", Members: []MemberDef{
			{Country: "ZA"},
		}},
		{ID: "in", Name: "India", Members: []MemberDef{
			{Country: "IN"},
		}},
		{ID: "ca-gst", Name: "Canada (GST provinces and territories)", Members: []MemberDef{
			{Country: "CA", Regions: []string{"AB", "BC", "MB", "NT", "NU", "QC", "SK", "YT"}},
		}},
		{ID: "ca-on", Name: "Canada, Ontario (HST)", Members: []MemberDef{
			{Country: "CA", Regions: []string{"ON"}},
		}},
		{ID: "ca-nb", Name: "Canada, New Brunswick (HST)", Members: []MemberDef{
			{Country: "CA", Regions: []string{"NB"}},
		}},
		{ID: "ca-nl", Name: "Canada, Newfoundland and Labrador (HST)", Members: []MemberDef{
			{Country: "CA", Regions: []string{"NL"}},
		}},
		{ID: "ca-ns", Name: "Canada, Nova Scotia (HST)", Members: []MemberDef{
			{Country: "CA", Regions: []string{"NS"}},
		}},
		{ID: "ca-pe", Name: "Canada, Prince Edward Island (HST)", Members: []MemberDef{
			{Country: "CA", Regions: []string{"PE"}},
		}},
		{ID: "ca-bc", Name: "Canada, British Columbia", Members: []MemberDef{
			{Country: "CA", Regions: []string{"BC"}},
		}},
		{ID: "ca-mb", Name: "Canada, Manitoba", Members: []MemberDef{
			{Country: "CA", Regions: []string{"MB"}},
		}},
		{ID: "ca-sk", Name: "Canada, Saskatchewan", Members: []MemberDef{
			{Country: "CA", Regions: []string{"SK"}},
		}},
		{ID: "ca-qc", Name: "Canada, Québec", Members: []MemberDef{
			{Country: "CA", Regions: []string{"QC"}},
		}},
		{ID: "us-al", Name: "United States, AL", Members: []MemberDef{
			{Country: "US", Regions: []string{"AL"}},
		}},
		{ID: "us-ak", Name: "United States, AK", Members: []MemberDef{
			{Country: "US", Regions: []string{"AK"}},
		}},
		{ID: "us-az", Name: "United States, AZ", Members: []MemberDef{
			{Country: "US", Regions: []string{"AZ"}},
		}},
		{ID: "us-ar", Name: "United States, AR", Members: []MemberDef{
			{Country: "US", Regions: []string{"AR"}},
		}},
		{ID: "us-ca", Name: "United States, CA", Members: []MemberDef{
			{Country: "US", Regions: []string{"CA"}},
		}},
		{ID: "us-co", Name: "United States, CO", Members: []MemberDef{
			{Country: "US", Regions: []string{"CO"}},
		}},
		{ID: "us-ct", Name: "United States, CT", Members: []MemberDef{
			{Country: "US", Regions: []string{"CT"}},
		}},
		{ID: "us-de", Name: "United States, DE", Members: []MemberDef{
			{Country: "US", Regions: []string{"DE"}},
		}},
		{ID: "us-fl", Name: "United States, FL", Members: []MemberDef{
			{Country: "US", Regions: []string{"FL"}},
		}},
		{ID: "us-ga", Name: "United States, GA", Members: []MemberDef{
			{Country: "US", Regions: []string{"GA"}},
		}},
		{ID: "us-hi", Name: "United States, HI", Members: []MemberDef{
			{Country: "US", Regions: []string{"HI"}},
		}},
		{ID: "us-id", Name: "United States, ID", Members: []MemberDef{
			{Country: "US", Regions: []string{"ID"}},
		}},
		{ID: "us-il", Name: "United States, IL", Members: []MemberDef{
			{Country: "US", Regions: []string{"IL"}},
		}},
		{ID: "us-in", Name: "United States, IN", Members: []MemberDef{
			{Country: "US", Regions: []string{"IN"}},
		}},
		{ID: "us-ia", Name: "United States, IA", Members: []MemberDef{
			{Country: "US", Regions: []string{"IA"}},
		}},
		{ID: "us-ks", Name: "United States, KS", Members: []MemberDef{
			{Country: "US", Regions: []string{"KS"}},
		}},
		{ID: "us-ky", Name: "United States, KY", Members: []MemberDef{
			{Country: "US", Regions: []string{"KY"}},
		}},
		{ID: "us-la", Name: "United States, LA", Members: []MemberDef{
			{Country: "US", Regions: []string{"LA"}},
		}},
		{ID: "us-me", Name: "United States, ME", Members: []MemberDef{
			{Country: "US", Regions: []string{"ME"}},
		}},
		{ID: "us-md", Name: "United States, MD", Members: []MemberDef{
			{Country: "US", Regions: []string{"MD"}},
		}},
		{ID: "us-ma", Name: "United States, MA", Members: []MemberDef{
			{Country: "US", Regions: []string{"MA"}},
		}},
		{ID: "us-mi", Name: "United States, MI", Members: []MemberDef{
			{Country: "US", Regions: []string{"MI"}},
		}},
		{ID: "us-mn", Name: "United States, MN", Members: []MemberDef{
			{Country: "US", Regions: []string{"MN"}},
		}},
		{ID: "us-ms", Name: "United States, MS", Members: []MemberDef{
			{Country: "US", Regions: []string{"MS"}},
		}},
		{ID: "us-mo", Name: "United States, MO", Members: []MemberDef{
			{Country: "US", Regions: []string{"MO"}},
		}},
		{ID: "us-mt", Name: "United States, MT", Members: []MemberDef{
			{Country: "US", Regions: []string{"MT"}},
		}},
		{ID: "us-ne", Name: "United States, NE", Members: []MemberDef{
			{Country: "US", Regions: []string{"NE"}},
		}},
		{ID: "us-nv", Name: "United States, NV", Members: []MemberDef{
			{Country: "US", Regions: []string{"NV"}},
		}},
		{ID: "us-nh", Name: "United States, NH", Members: []MemberDef{
			{Country: "US", Regions: []string{"NH"}},
		}},
		{ID: "us-nj", Name: "United States, NJ", Members: []MemberDef{
			{Country: "US", Regions: []string{"NJ"}},
		}},
		{ID: "us-nm", Name: "United States, NM", Members: []MemberDef{
			{Country: "US", Regions: []string{"NM"}},
		}},
		{ID: "us-ny", Name: "United States, NY", Members: []MemberDef{
			{Country: "US", Regions: []string{"NY"}},
		}},
		{ID: "us-nc", Name: "United States, NC", Members: []MemberDef{
			{Country: "US", Regions: []string{"NC"}},
		}},
		{ID: "us-nd", Name: "United States, ND", Members: []MemberDef{
			{Country: "US", Regions: []string{"ND"}},
		}},
		{ID: "us-oh", Name: "United States, OH", Members: []MemberDef{
			{Country: "US", Regions: []string{"OH"}},
		}},
		{ID: "us-ok", Name: "United States, OK", Members: []MemberDef{
			{Country: "US", Regions: []string{"OK"}},
		}},
		{ID: "us-or", Name: "United States, OR", Members: []MemberDef{
			{Country: "US", Regions: []string{"OR"}},
		}},
		{ID: "us-pa", Name: "United States, PA", Members: []MemberDef{
			{Country: "US", Regions: []string{"PA"}},
		}},
		{ID: "us-ri", Name: "United States, RI", Members: []MemberDef{
			{Country: "US", Regions: []string{"RI"}},
		}},
		{ID: "us-sc", Name: "United States, SC", Members: []MemberDef{
			{Country: "US", Regions: []string{"SC"}},
		}},
		{ID: "us-sd", Name: "United States, SD", Members: []MemberDef{
			{Country: "US", Regions: []string{"SD"}},
		}},
		{ID: "us-tn", Name: "United States, TN", Members: []MemberDef{
			{Country: "US", Regions: []string{"TN"}},
		}},
		{ID: "us-tx", Name: "United States, TX", Members: []MemberDef{
			{Country: "US", Regions: []string{"TX"}},
		}},
		{ID: "us-ut", Name: "United States, UT", Members: []MemberDef{
			{Country: "US", Regions: []string{"UT"}},
		}},
		{ID: "us-vt", Name: "United States, VT", Members: []MemberDef{
			{Country: "US", Regions: []string{"VT"}},
		}},
		{ID: "us-va", Name: "United States, VA", Members: []MemberDef{
			{Country: "US", Regions: []string{"VA"}},
		}},
		{ID: "us-wa", Name: "United States, WA", Members: []MemberDef{
			{Country: "US", Regions: []string{"WA"}},
		}},
		{ID: "us-wv", Name: "United States, WV", Members: []MemberDef{
			{Country: "US", Regions: []string{"WV"}},
		}},
		{ID: "us-wi", Name: "United States, WI", Members: []MemberDef{
			{Country: "US", Regions: []string{"WI"}},
		}},
		{ID: "us-wy", Name: "United States, WY", Members: []MemberDef{
			{Country: "US", Regions: []string{"WY"}},
		}},
	},
	Types: []TypeDef{
		{ID: "at_vat", Name: "Austrian VAT (USt)", Kind: VAT, Country: "AT", Zone: "at", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"20", "1995-01-01", "", "at-bmf"}}},
			{Category: Intermediate, Amounts: []AmountDef{{"13", "2016-01-01", "", "at-bmf"}}},
			{Category: Reduced, Amounts: []AmountDef{{"10", "1995-01-01", "", "at-bmf"}}},
			{Category: Parking, Amounts: []AmountDef{{"13", "2016-01-01", "", "at-bmf"}}},
		}},
		{ID: "be_vat", Name: "Belgian VAT (TVA/BTW)", Kind: VAT, Country: "BE", Zone: "be", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"21", "1996-01-01", "", "be-spf"}}},
			{Category: Intermediate, Amounts: []AmountDef{{"12", "1992-04-01", "", "be-spf"}}},
			{Category: Reduced, Amounts: []AmountDef{{"6", "1971-01-01", "", "be-spf"}}},
			{Category: Parking, Amounts: []AmountDef{{"12", "1992-04-01", "", "be-spf"}}},
			{Category: Zero, Amounts: []AmountDef{{"0", "1971-01-01", "", "be-spf"}}},
		}},
		{ID: "bg_vat", Name: "Bulgarian VAT (DDS)", Kind: VAT, Country: "BG", Zone: "bg", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"20", "2007-01-01", "", "bg-nra"}}},
			{Category: Reduced, Amounts: []AmountDef{{"9", "2011-04-01", "", "bg-nra"}}},
		}},
		{ID: "hr_vat", Name: "Croatian VAT (PDV)", Kind: VAT, Country: "HR", Zone: "hr", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"25", "2013-07-01", "", "hr-pu"}}},
			{Category: Intermediate, Amounts: []AmountDef{{"13", "2014-01-01", "", "hr-pu"}}},
			{Category: Reduced, Amounts: []AmountDef{{"5", "2014-01-01", "", "hr-pu"}}},
		}},
		{ID: "cy_vat", Name: "Cypriot VAT (FPA)", Kind: VAT, Country: "CY", Zone: "cy", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"19", "2014-01-13", "", "cy-tax"}}},
			{Category: Intermediate, Amounts: []AmountDef{{"9", "2014-01-13", "", "cy-tax"}}},
			{Category: Reduced, Amounts: []AmountDef{{"5", "2004-05-01", "", "cy-tax"}}},
			{Category: SuperReduced, Amounts: []AmountDef{{"3", "2023-07-21", "", "cy-tax"}}},
			{Category: Zero, Amounts: []AmountDef{{"0", "2004-05-01", "", "cy-tax"}}},
		}},
		{ID: "cz_vat", Name: "Czech VAT (DPH)", Kind: VAT, Country: "CZ", Zone: "cz", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"21", "2013-01-01", "", "cz-fs"}}},
			{Category: Intermediate, Amounts: []AmountDef{{"15", "2013-01-01", "2023-12-31", "cz-fs"}, {"12", "2024-01-01", "", "cz-fs"}}},
			{Category: Reduced, Amounts: []AmountDef{{"10", "2015-01-01", "2023-12-31", "cz-fs"}, {"12", "2024-01-01", "", "cz-fs"}}},
		}},
		{ID: "dk_vat", Name: "Danish VAT (moms)", Kind: VAT, Country: "DK", Zone: "dk", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"25", "1992-01-01", "", "dk-skat"}}},
			{Category: Zero, Amounts: []AmountDef{{"0", "1973-01-01", "", "dk-skat"}}},
		}},
		{ID: "ee_vat", Name: "Estonian VAT (käibemaks)", Kind: VAT, Country: "EE", Zone: "ee", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"20", "2009-07-01", "2023-12-31", "ee-emta"}, {"22", "2024-01-01", "2025-06-30", "ee-emta"}, {"24", "2025-07-01", "", "ee-emta"}}},
			{Category: Intermediate, Amounts: []AmountDef{{"9", "2009-01-01", "2024-12-31", "ee-emta"}, {"13", "2025-01-01", "", "ee-emta"}}},
			{Category: Reduced, Amounts: []AmountDef{{"9", "2009-01-01", "", "ee-emta"}}},
			{Category: SuperReduced, Amounts: []AmountDef{{"5", "2022-08-01", "2024-12-31", "ee-emta"}}},
		}},
		{ID: "fi_vat", Name: "Finnish VAT (ALV/moms)", Kind: VAT, Country: "FI", Zone: "fi", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"24", "2013-01-01", "2024-08-31", "fi-vero"}, {"25.5", "2024-09-01", "", "fi-vero"}}},
			{Category: Intermediate, Amounts: []AmountDef{{"14", "2013-01-01", "2025-12-31", "fi-vero"}, {"13.5", "2026-01-01", "", "fi-vero"}}},
			{Category: Reduced, Amounts: []AmountDef{{"10", "2013-01-01", "", "fi-vero"}}},
		}},
		{ID: "fr_vat", Name: "French VAT (TVA)", Kind: VAT, Country: "FR", Zone: "fr", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"20", "2014-01-01", "", "fr-dgfip"}}},
			{Category: Intermediate, Amounts: []AmountDef{{"10", "2014-01-01", "", "fr-dgfip"}}},
			{Category: Reduced, Amounts: []AmountDef{{"5.5", "1982-07-01", "", "fr-dgfip"}}},
			{Category: SuperReduced, Amounts: []AmountDef{{"2.1", "1986-07-01", "", "fr-dgfip"}}},
		}},
		{ID: "de_vat", Name: "German VAT (USt)", Kind: VAT, Country: "DE", Zone: "de", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"19", "2007-01-01", "2020-06-30", "de-ustg"}, {"16", "2020-07-01", "2020-12-31", "de-ustg"}, {"19", "2021-01-01", "", "de-ustg"}}},
			{Category: Reduced, Amounts: []AmountDef{{"7", "1983-07-01", "2020-06-30", "de-ustg"}, {"5", "2020-07-01", "2020-12-31", "de-ustg"}, {"7", "2021-01-01", "", "de-ustg"}}},
			{Category: Zero, Amounts: []AmountDef{{"0", "2023-01-01", "", "de-ustg"}}},
		}},
		{ID: "gr_vat", Name: "Greek VAT (FPA)", Kind: VAT, Country: "GR", Zone: "gr", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"24", "2016-06-01", "", "gr-aade"}}},
			{Category: Intermediate, Amounts: []AmountDef{{"13", "2016-06-01", "", "gr-aade"}}},
			{Category: Reduced, Amounts: []AmountDef{{"6", "2015-07-01", "", "gr-aade"}}},
		}},
		{ID: "hu_vat", Name: "Hungarian VAT (ÁFA)", Kind: VAT, Country: "HU", Zone: "hu", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"27", "2012-01-01", "", "hu-nav"}}},
			{Category: Intermediate, Amounts: []AmountDef{{"18", "2009-07-01", "", "hu-nav"}}},
			{Category: Reduced, Amounts: []AmountDef{{"5", "2004-05-01", "", "hu-nav"}}},
		}},
		{ID: "ie_vat", Name: "Irish VAT", Kind: VAT, Country: "IE", Zone: "ie", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"23", "2012-01-01", "2020-08-31", "ie-revenue"}, {"21", "2020-09-01", "2021-02-28", "ie-revenue"}, {"23", "2021-03-01", "", "ie-revenue"}}},
			{Category: Intermediate, Amounts: []AmountDef{{"13.5", "2003-01-01", "", "ie-revenue"}}},
			{Category: Reduced, Amounts: []AmountDef{{"9", "2011-07-01", "", "ie-revenue"}}},
			{Category: SuperReduced, Amounts: []AmountDef{{"4.8", "2005-01-01", "", "ie-revenue"}}},
			{Category: Parking, Amounts: []AmountDef{{"13.5", "2003-01-01", "", "ie-revenue"}}},
			{Category: Zero, Amounts: []AmountDef{{"0", "1972-04-01", "", "ie-revenue"}}},
		}},
		{ID: "it_vat", Name: "Italian VAT (IVA)", Kind: VAT, Country: "IT", Zone: "it", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"22", "2013-10-01", "", "it-ade"}}},
			{Category: Intermediate, Amounts: []AmountDef{{"10", "1995-02-24", "", "it-ade"}}},
			{Category: Reduced, Amounts: []AmountDef{{"5", "2016-01-01", "", "it-ade"}}},
			{Category: SuperReduced, Amounts: []AmountDef{{"4", "1989-01-01", "", "it-ade"}}},
		}},
		{ID: "lv_vat", Name: "Latvian VAT (PVN)", Kind: VAT, Country: "LV", Zone: "lv", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"21", "2012-07-01", "", "lv-vid"}}},
			{Category: Reduced, Amounts: []AmountDef{{"12", "2011-01-01", "", "lv-vid"}}},
			{Category: SuperReduced, Amounts: []AmountDef{{"5", "2018-01-01", "", "lv-vid"}}},
		}},
		{ID: "lt_vat", Name: "Lithuanian VAT (PVM)", Kind: VAT, Country: "LT", Zone: "lt", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"21", "2009-09-01", "", "lt-vmi"}}},
			{Category: Intermediate, Amounts: []AmountDef{{"9", "2004-05-01", "", "lt-vmi"}}},
			{Category: Reduced, Amounts: []AmountDef{{"5", "2004-05-01", "", "lt-vmi"}}},
		}},
		{ID: "lu_vat", Name: "Luxembourg VAT (TVA)", Kind: VAT, Country: "LU", Zone: "lu", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"17", "2015-01-01", "2022-12-31", "lu-aed"}, {"16", "2023-01-01", "2023-12-31", "lu-aed"}, {"17", "2024-01-01", "", "lu-aed"}}},
			{Category: Reduced, Amounts: []AmountDef{{"8", "2015-01-01", "2022-12-31", "lu-aed"}, {"7", "2023-01-01", "2023-12-31", "lu-aed"}, {"8", "2024-01-01", "", "lu-aed"}}},
			{Category: SuperReduced, Amounts: []AmountDef{{"3", "1983-07-01", "", "lu-aed"}}},
			{Category: Parking, Amounts: []AmountDef{{"14", "2015-01-01", "2022-12-31", "lu-aed"}, {"13", "2023-01-01", "2023-12-31", "lu-aed"}, {"14", "2024-01-01", "", "lu-aed"}}},
		}},
		{ID: "mt_vat", Name: "Maltese VAT", Kind: VAT, Country: "MT", Zone: "mt", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"18", "2004-05-01", "", "mt-cfr"}}},
			{Category: Intermediate, Amounts: []AmountDef{{"7", "2011-01-01", "", "mt-cfr"}}},
			{Category: Reduced, Amounts: []AmountDef{{"5", "2004-05-01", "", "mt-cfr"}}},
		}},
		{ID: "nl_vat", Name: "Dutch VAT (btw)", Kind: VAT, Country: "NL", Zone: "nl", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"21", "2012-10-01", "", "nl-bd"}}},
			{Category: Reduced, Amounts: []AmountDef{{"6", "2001-01-01", "2018-12-31", "nl-bd"}, {"9", "2019-01-01", "", "nl-bd"}}},
		}},
		{ID: "pl_vat", Name: "Polish VAT (PTU)", Kind: VAT, Country: "PL", Zone: "pl", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"23", "2011-01-01", "", "pl-mf"}}},
			{Category: Intermediate, Amounts: []AmountDef{{"8", "2011-01-01", "", "pl-mf"}}},
			{Category: Reduced, Amounts: []AmountDef{{"5", "2011-01-01", "", "pl-mf"}}},
		}},
		{ID: "pt_vat", Name: "Portuguese VAT (IVA), mainland", Kind: VAT, Country: "PT", Zone: "pt", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"23", "2011-01-01", "", "pt-at"}}},
			{Category: Intermediate, Amounts: []AmountDef{{"13", "2010-07-01", "", "pt-at"}}},
			{Category: Reduced, Amounts: []AmountDef{{"6", "2010-07-01", "", "pt-at"}}},
			{Category: Parking, Amounts: []AmountDef{{"13", "2010-07-01", "", "pt-at"}}},
		}},
		{ID: "pt_20_vat", Name: "Portuguese VAT (IVA), Azores", Kind: VAT, Country: "PT", Zone: "pt-20", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"18", "2014-01-01", "2021-06-30", "pt-at"}, {"16", "2021-07-01", "", "pt-at"}}},
			{Category: Intermediate, Amounts: []AmountDef{{"10", "2014-01-01", "2015-06-30", "pt-at"}, {"9", "2015-07-01", "", "pt-at"}}},
			{Category: Reduced, Amounts: []AmountDef{{"5", "2014-01-01", "2015-06-30", "pt-at"}, {"4", "2015-07-01", "", "pt-at"}}},
		}},
		{ID: "pt_30_vat", Name: "Portuguese VAT (IVA), Madeira", Kind: VAT, Country: "PT", Zone: "pt-30", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"22", "2012-04-01", "", "pt-at"}}},
			{Category: Intermediate, Amounts: []AmountDef{{"12", "2012-04-01", "", "pt-at"}}},
			{Category: Reduced, Amounts: []AmountDef{{"5", "2012-04-01", "2024-09-30", "pt-at"}, {"4", "2024-10-01", "", "pt-at"}}},
		}},
		{ID: "ro_vat", Name: "Romanian VAT (TVA)", Kind: VAT, Country: "RO", Zone: "ro", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"19", "2017-01-01", "2025-07-31", "ro-anaf"}, {"21", "2025-08-01", "", "ro-anaf"}}},
			{Category: Intermediate, Amounts: []AmountDef{{"9", "2008-12-01", "2025-07-31", "ro-anaf"}, {"11", "2025-08-01", "", "ro-anaf"}}},
			{Category: Reduced, Amounts: []AmountDef{{"5", "2008-12-01", "2025-07-31", "ro-anaf"}, {"11", "2025-08-01", "", "ro-anaf"}}},
		}},
		{ID: "sk_vat", Name: "Slovak VAT (DPH)", Kind: VAT, Country: "SK", Zone: "sk", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"20", "2011-01-01", "2024-12-31", "sk-fs"}, {"23", "2025-01-01", "", "sk-fs"}}},
			{Category: Intermediate, Amounts: []AmountDef{{"19", "2025-01-01", "", "sk-fs"}}},
			{Category: Reduced, Amounts: []AmountDef{{"10", "2011-01-01", "2024-12-31", "sk-fs"}, {"5", "2025-01-01", "", "sk-fs"}}},
		}},
		{ID: "si_vat", Name: "Slovenian VAT (DDV)", Kind: VAT, Country: "SI", Zone: "si", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"22", "2013-07-01", "", "si-fu"}}},
			{Category: Reduced, Amounts: []AmountDef{{"9.5", "2013-07-01", "", "si-fu"}}},
			{Category: SuperReduced, Amounts: []AmountDef{{"5", "2020-01-01", "", "si-fu"}}},
		}},
		{ID: "es_vat", Name: "Spanish VAT (IVA)", Kind: VAT, Country: "ES", Zone: "es", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"21", "2012-09-01", "", "es-aeat"}}},
			{Category: Reduced, Amounts: []AmountDef{{"10", "2012-09-01", "", "es-aeat"}}},
			{Category: SuperReduced, Amounts: []AmountDef{{"4", "1995-01-01", "", "es-aeat"}}},
		}},
		{ID: "se_vat", Name: "Swedish VAT (moms)", Kind: VAT, Country: "SE", Zone: "se", Tag: TagEU, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"25", "1990-07-01", "", "se-skv"}}},
			{Category: Intermediate, Amounts: []AmountDef{{"12", "1996-01-01", "", "se-skv"}}},
			{Category: Reduced, Amounts: []AmountDef{{"6", "1996-01-01", "", "se-skv"}}},
		}},
		{ID: "es_cn_igic", Name: "Canary Islands General Indirect Tax (IGIC)", Kind: VAT, Country: "ES", Zone: "es-cn", Note: "IGIC is the Canary Islands' own indirect tax; the islands are outside the EU VAT area (Directive 2006/112/EC art. 6).", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"7", "2012-07-01", "", "es-igic"}}},
			{Category: Reduced, Amounts: []AmountDef{{"3", "2012-07-01", "", "es-igic"}}},
			{Category: Zero, Amounts: []AmountDef{{"0", "2012-07-01", "", "es-igic"}}},
		}},
		{ID: "fr_dom_vat", Name: "French VAT, Guadeloupe, Martinique and La Réunion", Kind: VAT, Country: "FR", Zone: "fr-dom", Note: "Overseas departments are outside the EU VAT area (Directive 2006/112/EC art. 6); reduced rates under CGI art. 296.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"8.5", "2000-04-01", "", "fr-dgfip"}}},
			{Category: Reduced, Amounts: []AmountDef{{"2.1", "2000-04-01", "", "fr-dgfip"}}},
			{Category: SuperReduced, Amounts: []AmountDef{{"1.05", "2000-04-01", "", "fr-dgfip"}}},
		}},
		{ID: "gb_vat", Name: "UK VAT", Kind: VAT, Country: "GB", Zone: "gb", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"20", "2011-01-04", "", "gb-hmrc"}}},
			{Category: Intermediate, Amounts: []AmountDef{{"12.5", "2021-10-01", "2022-03-31", "gb-hmrc"}}},
			{Category: Reduced, Amounts: []AmountDef{{"5", "1997-09-01", "", "gb-hmrc"}}},
			{Category: Zero, Amounts: []AmountDef{{"0", "1973-04-01", "", "gb-hmrc"}}},
		}},
		{ID: "ch_vat", Name: "Swiss VAT (MWST/TVA/IVA)", Kind: VAT, Country: "CH", Zone: "ch", Note: "Intermediate is the accommodation rate; Liechtenstein and Büsingen apply Swiss VAT.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"8", "2011-01-01", "2017-12-31", "ch-estv"}, {"7.7", "2018-01-01", "2023-12-31", "ch-estv"}, {"8.1", "2024-01-01", "", "ch-estv"}}},
			{Category: Intermediate, Amounts: []AmountDef{{"3.8", "2011-01-01", "2017-12-31", "ch-estv"}, {"3.7", "2018-01-01", "2023-12-31", "ch-estv"}, {"3.8", "2024-01-01", "", "ch-estv"}}},
			{Category: Reduced, Amounts: []AmountDef{{"2.5", "2011-01-01", "2023-12-31", "ch-estv"}, {"2.6", "2024-01-01", "", "ch-estv"}}},
		}},
		{ID: "no_vat", Name: "Norwegian VAT (MVA)", Kind: VAT, Country: "NO", Zone: "no", Note: "Intermediate is the food rate; Reduced the low rate (passenger transport, accommodation, cinema). The 11.11 % raw-fish rate is not modelled.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"25", "2005-01-01", "", "no-skatt"}}},
			{Category: Intermediate, Amounts: []AmountDef{{"15", "2012-01-01", "", "no-skatt"}}},
			{Category: Reduced, Amounts: []AmountDef{{"12", "2018-01-01", "2020-03-31", "no-skatt"}, {"6", "2020-04-01", "2021-09-30", "no-skatt"}, {"12", "2021-10-01", "", "no-skatt"}}},
			{Category: Zero, Amounts: []AmountDef{{"0", "2001-07-01", "", "no-skatt"}}},
		}},
		{ID: "is_vat", Name: "Icelandic VAT (VSK)", Kind: VAT, Country: "IS", Zone: "is", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"24", "2015-01-01", "", "is-rsk"}}},
			{Category: Reduced, Amounts: []AmountDef{{"11", "2015-01-01", "", "is-rsk"}}},
		}},
		{ID: "au_gst", Name: "Australian GST", Kind: GST, Country: "AU", Zone: "au", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"10", "2000-07-01", "", "au-ato"}}},
			{Category: Zero, Amounts: []AmountDef{{"0", "2000-07-01", "", "au-ato"}}},
		}},
		{ID: "nz_gst", Name: "New Zealand GST", Kind: GST, Country: "NZ", Zone: "nz", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"15", "2010-10-01", "", "nz-ird"}}},
			{Category: Zero, Amounts: []AmountDef{{"0", "2010-10-01", "", "nz-ird"}}},
		}},
		{ID: "sg_gst", Name: "Singapore GST", Kind: GST, Country: "SG", Zone: "sg", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"7", "2007-07-01", "2022-12-31", "sg-iras"}, {"8", "2023-01-01", "2023-12-31", "sg-iras"}, {"9", "2024-01-01", "", "sg-iras"}}},
			{Category: Zero, Amounts: []AmountDef{{"0", "1994-04-01", "", "sg-iras"}}},
		}},
		{ID: "jp_ct", Name: "Japanese consumption tax", Kind: ConsumptionTax, Country: "JP", Zone: "jp", Note: "10 % = 7.8 % national + 2.2 % local; reduced 8 % = 6.24 % + 1.76 % (food and non-alcoholic drinks except dining in, subscribed newspapers).", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"8", "2014-04-01", "2019-09-30", "jp-nta"}, {"10", "2019-10-01", "", "jp-nta"}}},
			{Category: Reduced, Amounts: []AmountDef{{"8", "2019-10-01", "", "jp-nta"}}},
		}},
		{ID: "za_vat", Name: "South African VAT", Kind: VAT, Country: "ZA", Zone: "za", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"14", "1993-04-07", "2018-03-31", "za-sars"}, {"15", "2018-04-01", "", "za-sars"}}},
			{Category: Zero, Amounts: []AmountDef{{"0", "1991-09-30", "", "za-sars"}}},
		}},
		{ID: "in_gst", Name: "Indian GST", Kind: GST, Country: "IN", Zone: "in", Note: "Rates are the total GST: intra-state supplies split it into CGST + SGST (half each), inter-state supplies charge IGST; the split and compensation cess are not modelled. Tobacco stays at 28 % + cess after 2025-09-22 (host maps it to a custom rate).", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"18", "2017-07-01", "", "in-cbic"}}},
			{Category: Intermediate, Amounts: []AmountDef{{"12", "2017-07-01", "2025-09-21", "in-cbic"}}},
			{Category: Reduced, Amounts: []AmountDef{{"5", "2017-07-01", "", "in-cbic"}}},
			{Category: SuperReduced, Amounts: []AmountDef{{"3", "2017-07-01", "", "in-cbic"}}},
			{Category: Increased, Amounts: []AmountDef{{"28", "2017-07-01", "2025-09-21", "in-cbic"}, {"40", "2025-09-22", "", "in-cbic"}}},
			{Category: Zero, Amounts: []AmountDef{{"0", "2017-07-01", "", "in-cbic"}}},
		}},
		{ID: "ca_gst", Name: "Canadian GST", Kind: GST, Country: "CA", Zone: "ca-gst", Tag: TagCA, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"5", "2008-01-01", "", "ca-cra"}}},
			{Category: Zero, Amounts: []AmountDef{{"0", "1991-01-01", "", "ca-cra"}}},
		}},
		{ID: "ca_on_hst", Name: "Canadian HST (ON)", Kind: HST, Country: "CA", Zone: "ca-on", Tag: TagCA, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"13", "2010-07-01", "", "ca-cra"}}},
			{Category: Zero, Amounts: []AmountDef{{"0", "2010-07-01", "", "ca-cra"}}},
		}},
		{ID: "ca_nb_hst", Name: "Canadian HST (NB)", Kind: HST, Country: "CA", Zone: "ca-nb", Tag: TagCA, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"15", "2016-07-01", "", "ca-cra"}}},
			{Category: Zero, Amounts: []AmountDef{{"0", "2016-07-01", "", "ca-cra"}}},
		}},
		{ID: "ca_nl_hst", Name: "Canadian HST (NL)", Kind: HST, Country: "CA", Zone: "ca-nl", Tag: TagCA, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"15", "2016-07-01", "", "ca-cra"}}},
			{Category: Zero, Amounts: []AmountDef{{"0", "2016-07-01", "", "ca-cra"}}},
		}},
		{ID: "ca_pe_hst", Name: "Canadian HST (PE)", Kind: HST, Country: "CA", Zone: "ca-pe", Tag: TagCA, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"15", "2016-10-01", "", "ca-cra"}}},
			{Category: Zero, Amounts: []AmountDef{{"0", "2016-10-01", "", "ca-cra"}}},
		}},
		{ID: "ca_ns_hst", Name: "Canadian HST (NS)", Kind: HST, Country: "CA", Zone: "ca-ns", Tag: TagCA, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"15", "2010-07-01", "2025-03-31", "ca-cra"}, {"14", "2025-04-01", "", "ca-cra"}}},
			{Category: Zero, Amounts: []AmountDef{{"0", "2010-07-01", "", "ca-cra"}}},
		}},
		{ID: "ca_bc_pst", Name: "British Columbia PST", Kind: PST, Country: "CA", Zone: "ca-bc", Tag: TagCA, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"7", "2013-04-01", "", "ca-bc"}}},
			{Category: Zero, Amounts: []AmountDef{{"0", "2013-04-01", "", "ca-bc"}}},
		}},
		{ID: "ca_mb_rst", Name: "Manitoba RST", Kind: PST, Country: "CA", Zone: "ca-mb", Tag: TagCA, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"8", "2013-07-01", "2019-06-30", "ca-mb"}, {"7", "2019-07-01", "", "ca-mb"}}},
			{Category: Zero, Amounts: []AmountDef{{"0", "2013-07-01", "", "ca-mb"}}},
		}},
		{ID: "ca_sk_pst", Name: "Saskatchewan PST", Kind: PST, Country: "CA", Zone: "ca-sk", Tag: TagCA, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"6", "2017-03-23", "", "ca-sk"}}},
			{Category: Zero, Amounts: []AmountDef{{"0", "2017-03-23", "", "ca-sk"}}},
		}},
		{ID: "ca_qc_qst", Name: "Québec QST", Kind: QST, Country: "CA", Zone: "ca-qc", Tag: TagCA, Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"9.975", "2013-01-01", "", "ca-qc"}}},
			{Category: Zero, Amounts: []AmountDef{{"0", "2013-01-01", "", "ca-qc"}}},
		}},
		{ID: "us_al_sales", Name: "US-AL state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-al", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"4", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_ak_sales", Name: "US-AK state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-ak", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"0", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_az_sales", Name: "US-AZ state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-az", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"5.6", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_ar_sales", Name: "US-AR state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-ar", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"6.5", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_ca_sales", Name: "US-CA state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-ca", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"7.25", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_co_sales", Name: "US-CO state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-co", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"2.9", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_ct_sales", Name: "US-CT state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-ct", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"6.35", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_de_sales", Name: "US-DE state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-de", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"0", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_fl_sales", Name: "US-FL state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-fl", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"6", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_ga_sales", Name: "US-GA state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-ga", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"4", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_hi_sales", Name: "US-HI state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-hi", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"4", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_id_sales", Name: "US-ID state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-id", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"6", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_il_sales", Name: "US-IL state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-il", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"6.25", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_in_sales", Name: "US-IN state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-in", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"7", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_ia_sales", Name: "US-IA state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-ia", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"6", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_ks_sales", Name: "US-KS state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-ks", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"6.5", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_ky_sales", Name: "US-KY state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-ky", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"6", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_la_sales", Name: "US-LA state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-la", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"4.45", "2018-07-01", "2024-12-31", "us-states"}, {"5", "2025-01-01", "", "us-states"}}},
		}},
		{ID: "us_me_sales", Name: "US-ME state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-me", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"5.5", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_md_sales", Name: "US-MD state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-md", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"6", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_ma_sales", Name: "US-MA state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-ma", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"6.25", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_mi_sales", Name: "US-MI state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-mi", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"6", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_mn_sales", Name: "US-MN state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-mn", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"6.875", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_ms_sales", Name: "US-MS state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-ms", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"7", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_mo_sales", Name: "US-MO state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-mo", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"4.225", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_mt_sales", Name: "US-MT state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-mt", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"0", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_ne_sales", Name: "US-NE state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-ne", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"5.5", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_nv_sales", Name: "US-NV state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-nv", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"6.85", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_nh_sales", Name: "US-NH state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-nh", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"0", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_nj_sales", Name: "US-NJ state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-nj", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"6.625", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_nm_grt", Name: "US-NM state gross receipts tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-nm", Note: "New Mexico levies a gross receipts tax on the seller, not a sales tax on the buyer; sellers customarily pass it on. This is the statewide (state) GRT rate only: counties and municipalities add local GRT (destination-sourced since 2021-07-01), and taxability differs per product. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"5.125", "2018-07-01", "2022-06-30", "us-nm-trd"}, {"5", "2022-07-01", "2023-06-30", "us-nm-trd"}, {"4.875", "2023-07-01", "", "us-nm-trd"}}},
		}},
		{ID: "us_ny_sales", Name: "US-NY state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-ny", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"4", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_nc_sales", Name: "US-NC state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-nc", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"4.75", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_nd_sales", Name: "US-ND state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-nd", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"5", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_oh_sales", Name: "US-OH state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-oh", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"5.75", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_ok_sales", Name: "US-OK state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-ok", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"4.5", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_or_sales", Name: "US-OR state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-or", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"0", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_pa_sales", Name: "US-PA state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-pa", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"6", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_ri_sales", Name: "US-RI state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-ri", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"7", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_sc_sales", Name: "US-SC state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-sc", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"6", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_sd_sales", Name: "US-SD state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-sd", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"4.5", "2016-06-01", "2023-06-30", "us-states"}, {"4.2", "2023-07-01", "", "us-states"}}},
		}},
		{ID: "us_tn_sales", Name: "US-TN state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-tn", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"7", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_tx_sales", Name: "US-TX state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-tx", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"6.25", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_ut_sales", Name: "US-UT state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-ut", Note: "Utah's state rate only (4.85 % since 2019-04-01). The 1 % local option and the 0.25 % county option apply almost everywhere (so most buyers pay at least 6.10 %), and counties, cities and districts add more; unprepared food is taxed at 3 %. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"4.7", "2018-07-01", "2019-03-31", "us-ut-stc"}, {"4.85", "2019-04-01", "", "us-ut-stc"}}},
		}},
		{ID: "us_vt_sales", Name: "US-VT state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-vt", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"6", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_va_sales", Name: "US-VA state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-va", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"5.3", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_wa_sales", Name: "US-WA state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-wa", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"6.5", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_wv_sales", Name: "US-WV state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-wv", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"6", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_wi_sales", Name: "US-WI state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-wi", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"5", "2018-07-01", "", "us-states"}}},
		}},
		{ID: "us_wy_sales", Name: "US-WY state sales tax (base rate)", Kind: SalesTax, Country: "US", Zone: "us-wy", Note: "State base rate only: counties, cities and districts add local rates, and product taxability differs per state. Plug in a Calculator backed by a sales-tax service for compliance.", Rates: []RateDef{
			{Category: Standard, Amounts: []AmountDef{{"4", "2018-07-01", "", "us-states"}}},
		}},
	},
}
