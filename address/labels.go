package address

// Label translations (zh in simplified characters). Google's metadata names the kind of each field
// (state, prefecture, post_town, eircode, …) but ships no translations, and
// no npm package carries libaddressinput's messages; so marketkit keeps this
// small table itself, for the languages in labelLanguages. Other languages
// fall back to English.

// labelLanguages are the languages of the columns of labels.
var labelLanguages = [...]string{"en", "fr", "de", "es", "it", "pt", "nl", "ja", "zh"}

// labels maps a label kind to its translations, one per labelLanguages
// entry. Sorted by kind.
var labels = [...]struct {
	kind string
	tr   [len(labelLanguages)]string
}{
	{"address", [...]string{"Street address", "Adresse", "Straße und Hausnummer", "Dirección", "Indirizzo", "Endereço", "Straat en huisnummer", "住所", "街道地址"}},
	{"area", [...]string{"Area", "Zone", "Gebiet", "Área", "Area", "Área", "Gebied", "地域", "地区"}},
	{"city", [...]string{"City", "Ville", "Stadt", "Ciudad", "Città", "Cidade", "Plaats", "市区町村", "城市"}},
	{"country", [...]string{"Country", "Pays", "Land", "País", "Paese", "País", "Land", "国", "国家/地区"}},
	{"county", [...]string{"County", "Comté", "County", "Condado", "Contea", "Condado", "County", "郡", "县"}},
	{"department", [...]string{"Department", "Département", "Departement", "Departamento", "Dipartimento", "Departamento", "Departement", "県", "省"}},
	{"district", [...]string{"District", "District", "Bezirk", "Distrito", "Distretto", "Distrito", "District", "地区", "区"}},
	{"do_si", [...]string{"Do/si", "Province", "Provinz", "Provincia", "Provincia", "Província", "Provincie", "道/市", "道/市"}},
	{"eircode", [...]string{"Eircode", "Eircode", "Eircode", "Eircode", "Eircode", "Eircode", "Eircode", "Eircode", "Eircode"}},
	{"emirate", [...]string{"Emirate", "Émirat", "Emirat", "Emirato", "Emirato", "Emirado", "Emiraat", "首長国", "酋长国"}},
	{"island", [...]string{"Island", "Île", "Insel", "Isla", "Isola", "Ilha", "Eiland", "島", "岛"}},
	{"name", [...]string{"Full name", "Nom complet", "Vollständiger Name", "Nombre completo", "Nome e cognome", "Nome completo", "Volledige naam", "氏名", "姓名"}},
	{"neighborhood", [...]string{"Neighborhood", "Quartier", "Stadtteil", "Barrio", "Quartiere", "Bairro", "Wijk", "地区", "社区"}},
	{"oblast", [...]string{"Oblast", "Oblast", "Oblast", "Óblast", "Oblast", "Óblast", "Oblast", "州", "州"}},
	{"organization", [...]string{"Organization", "Entreprise", "Firma", "Empresa", "Azienda", "Empresa", "Organisatie", "会社名", "单位"}},
	{"parish", [...]string{"Parish", "Paroisse", "Gemeinde", "Parroquia", "Parrocchia", "Paróquia", "Parochie", "教区", "教区"}},
	{"pin", [...]string{"PIN code", "Code PIN", "PIN-Code", "Código PIN", "Codice PIN", "Código PIN", "Pincode", "PIN コード", "PIN 码"}},
	{"post_town", [...]string{"Post town", "Ville postale", "Poststadt", "Ciudad postal", "Città postale", "Cidade postal", "Postplaats", "郵便都市", "邮政城镇"}},
	{"postal", [...]string{"Postal code", "Code postal", "Postleitzahl", "Código postal", "Codice postale", "Código postal", "Postcode", "郵便番号", "邮政编码"}},
	{"prefecture", [...]string{"Prefecture", "Préfecture", "Präfektur", "Prefectura", "Prefettura", "Prefeitura", "Prefectuur", "都道府県", "都道府县"}},
	{"province", [...]string{"Province", "Province", "Provinz", "Provincia", "Provincia", "Província", "Provincie", "州", "省"}},
	{"region", [...]string{"Region", "Région", "Region", "Región", "Regione", "Região", "Regio", "地域", "地区"}},
	{"sorting_code", [...]string{"Sorting code", "Code de tri", "Sortiercode", "Código de clasificación", "Codice di smistamento", "Código de triagem", "Sorteercode", "仕分けコード", "分拣代码"}},
	{"state", [...]string{"State", "État", "Bundesstaat", "Estado", "Stato", "Estado", "Staat", "州", "州"}},
	{"suburb", [...]string{"Suburb", "Banlieue", "Vorort", "Barrio", "Sobborgo", "Bairro", "Voorstad", "郊外", "郊区"}},
	{"townland", [...]string{"Townland", "Townland", "Townland", "Townland", "Townland", "Townland", "Townland", "タウンランド", "镇区"}},
	{"village_township", [...]string{"Village/township", "Village/commune", "Dorf/Gemeinde", "Pueblo/municipio", "Villaggio/comune", "Vila/município", "Dorp/gemeente", "村/郡区", "村/镇"}},
	{"zip", [...]string{"ZIP code", "Code ZIP", "Postleitzahl", "Código ZIP", "Codice ZIP", "Código ZIP", "Postcode", "郵便番号", "邮政编码"}},
}

// labelIndex returns the column of lang in labels, and false (with the
// English column) when there is none.
func labelIndex(lang string) (int, bool) {
	for i, l := range labelLanguages {
		if l == lang {
			return i, true
		}
	}
	return 0, false
}

// label returns the translation of kind in column col; the kind itself when
// the table has no row for it (a new kind in refreshed data).
func label(kind string, col int) string {
	for i := range labels {
		if labels[i].kind == kind {
			return labels[i].tr[col]
		}
	}
	return kind
}
