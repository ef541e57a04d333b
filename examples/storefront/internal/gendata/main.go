// Command gendata writes the storefront's sample data set: the market
// configuration (13 markets), a catalog of 240 products with variants,
// categories, typed attributes and translations for every market locale,
// and the price lists (some derived by conversion with price endings).
//
// Each price list is also written to prices/<list>.json, the layout
// store.FSLoader reads, so that an isolated instance reads only the lists
// of its market.
//
// The output is deterministic (a seeded generator), so it is committed and
// regenerated with
//
//	go generate ./examples/storefront
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// langs are the content languages: every market locale resolves to one.
var langs = []string{"en", "de", "fr", "it", "nl", "nb", "sv", "es", "ja"}

type tr map[string]string

type category struct {
	ID, Parent string
	Labels     tr
	TaxClass   string
	Nouns      []tr // product nouns for this category
}

var categories = []category{
	{ID: "kitchen", Labels: tr{"en": "Kitchen", "de": "Küche", "fr": "Cuisine", "it": "Cucina", "nl": "Keuken", "nb": "Kjøkken", "sv": "Kök", "es": "Cocina", "ja": "キッチン"}},
	{ID: "mugs", Parent: "kitchen", TaxClass: "standard", Labels: tr{"en": "Mugs", "de": "Tassen", "fr": "Tasses", "it": "Tazze", "nl": "Mokken", "nb": "Krus", "sv": "Muggar", "es": "Tazas", "ja": "マグカップ"},
		Nouns: []tr{{"en": "Mug", "de": "Tasse", "fr": "Tasse", "it": "Tazza", "nl": "Mok", "nb": "Krus", "sv": "Mugg", "es": "Taza", "ja": "マグ"}, {"en": "Cup", "de": "Becher", "fr": "Gobelet", "it": "Bicchiere", "nl": "Beker", "nb": "Kopp", "sv": "Kopp", "es": "Vaso", "ja": "カップ"}}},
	{ID: "knives", Parent: "kitchen", TaxClass: "standard", Labels: tr{"en": "Knives", "de": "Messer", "fr": "Couteaux", "it": "Coltelli", "nl": "Messen", "nb": "Kniver", "sv": "Knivar", "es": "Cuchillos", "ja": "包丁"},
		Nouns: []tr{{"en": "Chef's Knife", "de": "Kochmesser", "fr": "Couteau de chef", "it": "Coltello da chef", "nl": "Koksmes", "nb": "Kokkekniv", "sv": "Kockkniv", "es": "Cuchillo de chef", "ja": "牛刀"}, {"en": "Paring Knife", "de": "Schälmesser", "fr": "Couteau d'office", "it": "Spelucchino", "nl": "Schilmesje", "nb": "Skrellekniv", "sv": "Skalkniv", "es": "Cuchillo mondador", "ja": "ペティナイフ"}}},
	{ID: "cookware", Parent: "kitchen", TaxClass: "standard", Labels: tr{"en": "Cookware", "de": "Kochgeschirr", "fr": "Batterie de cuisine", "it": "Pentole", "nl": "Kookgerei", "nb": "Kokekar", "sv": "Kokkärl", "es": "Menaje de cocina", "ja": "調理器具"},
		Nouns: []tr{{"en": "Pan", "de": "Pfanne", "fr": "Poêle", "it": "Padella", "nl": "Pan", "nb": "Panne", "sv": "Panna", "es": "Sartén", "ja": "フライパン"}, {"en": "Pot", "de": "Topf", "fr": "Casserole", "it": "Pentola", "nl": "Kookpot", "nb": "Gryte", "sv": "Gryta", "es": "Olla", "ja": "鍋"}}},
	{ID: "home", Labels: tr{"en": "Home", "de": "Wohnen", "fr": "Maison", "it": "Casa", "nl": "Wonen", "nb": "Hjem", "sv": "Hem", "es": "Hogar", "ja": "ホーム"}},
	{ID: "lamps", Parent: "home", TaxClass: "standard", Labels: tr{"en": "Lamps", "de": "Lampen", "fr": "Lampes", "it": "Lampade", "nl": "Lampen", "nb": "Lamper", "sv": "Lampor", "es": "Lámparas", "ja": "ランプ"},
		Nouns: []tr{{"en": "Table Lamp", "de": "Tischleuchte", "fr": "Lampe de table", "it": "Lampada da tavolo", "nl": "Tafellamp", "nb": "Bordlampe", "sv": "Bordslampa", "es": "Lámpara de mesa", "ja": "テーブルランプ"}, {"en": "Floor Lamp", "de": "Stehleuchte", "fr": "Lampadaire", "it": "Lampada da terra", "nl": "Vloerlamp", "nb": "Gulvlampe", "sv": "Golvlampa", "es": "Lámpara de pie", "ja": "フロアランプ"}}},
	{ID: "textiles", Parent: "home", TaxClass: "standard", Labels: tr{"en": "Textiles", "de": "Textilien", "fr": "Textiles", "it": "Tessili", "nl": "Textiel", "nb": "Tekstiler", "sv": "Textilier", "es": "Textiles", "ja": "ファブリック"},
		Nouns: []tr{{"en": "Blanket", "de": "Decke", "fr": "Plaid", "it": "Coperta", "nl": "Plaid", "nb": "Pledd", "sv": "Filt", "es": "Manta", "ja": "ブランケット"}, {"en": "Cushion", "de": "Kissen", "fr": "Coussin", "it": "Cuscino", "nl": "Kussen", "nb": "Pute", "sv": "Kudde", "es": "Cojín", "ja": "クッション"}}},
	{ID: "books", TaxClass: "books", Labels: tr{"en": "Books", "de": "Bücher", "fr": "Livres", "it": "Libri", "nl": "Boeken", "nb": "Bøker", "sv": "Böcker", "es": "Libros", "ja": "本"},
		Nouns: []tr{{"en": "Cookbook", "de": "Kochbuch", "fr": "Livre de cuisine", "it": "Libro di cucina", "nl": "Kookboek", "nb": "Kokebok", "sv": "Kokbok", "es": "Libro de cocina", "ja": "料理本"}, {"en": "Travel Guide", "de": "Reiseführer", "fr": "Guide de voyage", "it": "Guida turistica", "nl": "Reisgids", "nb": "Reiseguide", "sv": "Reseguide", "es": "Guía de viaje", "ja": "旅行ガイド"}}},
	{ID: "food", Labels: tr{"en": "Food", "de": "Lebensmittel", "fr": "Épicerie", "it": "Alimentari", "nl": "Levensmiddelen", "nb": "Mat", "sv": "Livsmedel", "es": "Alimentación", "ja": "食品"}},
	{ID: "coffee", Parent: "food", TaxClass: "food", Labels: tr{"en": "Coffee", "de": "Kaffee", "fr": "Café", "it": "Caffè", "nl": "Koffie", "nb": "Kaffe", "sv": "Kaffe", "es": "Café", "ja": "コーヒー"},
		Nouns: []tr{{"en": "Coffee Beans", "de": "Kaffeebohnen", "fr": "Café en grains", "it": "Caffè in grani", "nl": "Koffiebonen", "nb": "Kaffebønner", "sv": "Kaffebönor", "es": "Café en grano", "ja": "コーヒー豆"}, {"en": "Espresso", "de": "Espresso", "fr": "Espresso", "it": "Espresso", "nl": "Espresso", "nb": "Espresso", "sv": "Espresso", "es": "Espresso", "ja": "エスプレッソ"}}},
	{ID: "tea", Parent: "food", TaxClass: "food", Labels: tr{"en": "Tea", "de": "Tee", "fr": "Thé", "it": "Tè", "nl": "Thee", "nb": "Te", "sv": "Te", "es": "Té", "ja": "お茶"},
		Nouns: []tr{{"en": "Green Tea", "de": "Grüner Tee", "fr": "Thé vert", "it": "Tè verde", "nl": "Groene thee", "nb": "Grønn te", "sv": "Grönt te", "es": "Té verde", "ja": "緑茶"}, {"en": "Herbal Tea", "de": "Kräutertee", "fr": "Tisane", "it": "Tisana", "nl": "Kruidenthee", "nb": "Urtete", "sv": "Örtte", "es": "Infusión", "ja": "ハーブティー"}}},
	{ID: "chocolate", Parent: "food", TaxClass: "food", Labels: tr{"en": "Chocolate", "de": "Schokolade", "fr": "Chocolat", "it": "Cioccolato", "nl": "Chocolade", "nb": "Sjokolade", "sv": "Choklad", "es": "Chocolate", "ja": "チョコレート"},
		Nouns: []tr{{"en": "Dark Chocolate", "de": "Zartbitterschokolade", "fr": "Chocolat noir", "it": "Cioccolato fondente", "nl": "Pure chocolade", "nb": "Mørk sjokolade", "sv": "Mörk choklad", "es": "Chocolate negro", "ja": "ダークチョコレート"}, {"en": "Pralines", "de": "Pralinen", "fr": "Pralines", "it": "Praline", "nl": "Pralines", "nb": "Konfekt", "sv": "Praliner", "es": "Bombones", "ja": "プラリネ"}}},
	{ID: "outdoor", TaxClass: "standard", Labels: tr{"en": "Outdoor", "de": "Outdoor", "fr": "Plein air", "it": "Outdoor", "nl": "Buiten", "nb": "Friluft", "sv": "Friluft", "es": "Aire libre", "ja": "アウトドア"},
		Nouns: []tr{{"en": "Water Bottle", "de": "Trinkflasche", "fr": "Gourde", "it": "Borraccia", "nl": "Drinkfles", "nb": "Drikkeflaske", "sv": "Vattenflaska", "es": "Cantimplora", "ja": "水筒"}, {"en": "Camping Stove", "de": "Campingkocher", "fr": "Réchaud de camping", "it": "Fornello da campeggio", "nl": "Campingkooktoestel", "nb": "Stormkjøkken", "sv": "Stormkök", "es": "Hornillo de camping", "ja": "キャンプストーブ"}}},
}

var adjectives = []tr{
	{"en": "Classic", "de": "Klassische", "fr": "Classique", "it": "Classica", "nl": "Klassieke", "nb": "Klassisk", "sv": "Klassisk", "es": "estilo clásico", "ja": "クラシック"},
	{"en": "Nordic", "de": "Nordische", "fr": "Nordique", "it": "Nordica", "nl": "Noordse", "nb": "Nordisk", "sv": "Nordisk", "es": "estilo nórdico", "ja": "北欧の"},
	{"en": "Alpine", "de": "Alpine", "fr": "Alpine", "it": "Alpina", "nl": "Alpiene", "nb": "Alpin", "sv": "Alpin", "es": "estilo alpino", "ja": "アルプスの"},
	{"en": "Rustic", "de": "Rustikale", "fr": "Rustique", "it": "Rustica", "nl": "Rustieke", "nb": "Rustikk", "sv": "Rustik", "es": "estilo rústico", "ja": "素朴な"},
	{"en": "Urban", "de": "Urbane", "fr": "Urbaine", "it": "Urbana", "nl": "Stedelijke", "nb": "Urban", "sv": "Urban", "es": "estilo urbano", "ja": "アーバン"},
	{"en": "Ölands", "de": "Öländische", "fr": "D'Öland", "it": "Di Öland", "nl": "Ölandse", "nb": "Ølandsk", "sv": "Öländsk", "es": "de Öland", "ja": "エーランドの"},
	{"en": "Zen", "de": "Zen-", "fr": "Zen", "it": "Zen", "nl": "Zen", "nb": "Zen", "sv": "Zen", "es": "zen", "ja": "禅の"},
	{"en": "Ärlig", "de": "Ehrliche", "fr": "Honnête", "it": "Onesta", "nl": "Eerlijke", "nb": "Ærlig", "sv": "Ärlig", "es": "Ärlig", "ja": "誠実な"},
	{"en": "Coastal", "de": "Küsten-", "fr": "Côtière", "it": "Costiera", "nl": "Kust-", "nb": "Kyst", "sv": "Kust", "es": "estilo costero", "ja": "海辺の"},
	{"en": "Heritage", "de": "Traditions-", "fr": "Patrimoine", "it": "Tradizionale", "nl": "Erfgoed", "nb": "Arv", "sv": "Arv", "es": "tradicional", "ja": "伝統の"},
}

type enumAttr struct {
	ID     string
	Labels tr
	Values []enumValue
}

type enumValue struct {
	ID     string
	Labels tr
}

func v(id string, labels tr) enumValue { return enumValue{id, labels} }

var colors = enumAttr{ID: "color", Labels: tr{"en": "Colour", "de": "Farbe", "fr": "Couleur", "it": "Colore", "nl": "Kleur", "nb": "Farge", "sv": "Färg", "es": "Color", "ja": "色"}, Values: []enumValue{
	v("red", tr{"en": "Red", "de": "Rot", "fr": "Rouge", "it": "Rosso", "nl": "Rood", "nb": "Rød", "sv": "Röd", "es": "Rojo", "ja": "赤"}),
	v("blue", tr{"en": "Blue", "de": "Blau", "fr": "Bleu", "it": "Blu", "nl": "Blauw", "nb": "Blå", "sv": "Blå", "es": "Azul", "ja": "青"}),
	v("white", tr{"en": "White", "de": "Weiss", "fr": "Blanc", "it": "Bianco", "nl": "Wit", "nb": "Hvit", "sv": "Vit", "es": "Blanco", "ja": "白"}),
	v("black", tr{"en": "Black", "de": "Schwarz", "fr": "Noir", "it": "Nero", "nl": "Zwart", "nb": "Svart", "sv": "Svart", "es": "Negro", "ja": "黒"}),
	v("green", tr{"en": "Green", "de": "Grün", "fr": "Vert", "it": "Verde", "nl": "Groen", "nb": "Grønn", "sv": "Grön", "es": "Verde", "ja": "緑"}),
}}

var materials = enumAttr{ID: "material", Labels: tr{"en": "Material", "de": "Material", "fr": "Matière", "it": "Materiale", "nl": "Materiaal", "nb": "Materiale", "sv": "Material", "es": "Material", "ja": "素材"}, Values: []enumValue{
	v("ceramic", tr{"en": "Ceramic", "de": "Keramik", "fr": "Céramique", "it": "Ceramica", "nl": "Keramiek", "nb": "Keramikk", "sv": "Keramik", "es": "Cerámica", "ja": "陶器"}),
	v("steel", tr{"en": "Steel", "de": "Stahl", "fr": "Acier", "it": "Acciaio", "nl": "Staal", "nb": "Stål", "sv": "Stål", "es": "Acero", "ja": "スチール"}),
	v("wood", tr{"en": "Wood", "de": "Holz", "fr": "Bois", "it": "Legno", "nl": "Hout", "nb": "Tre", "sv": "Trä", "es": "Madera", "ja": "木"}),
	v("wool", tr{"en": "Wool", "de": "Wolle", "fr": "Laine", "it": "Lana", "nl": "Wol", "nb": "Ull", "sv": "Ull", "es": "Lana", "ja": "ウール"}),
	v("paper", tr{"en": "Paper", "de": "Papier", "fr": "Papier", "it": "Carta", "nl": "Papier", "nb": "Papir", "sv": "Papper", "es": "Papel", "ja": "紙"}),
}}

var brands = enumAttr{ID: "brand", Labels: tr{"en": "Brand", "de": "Marke", "fr": "Marque", "it": "Marca", "nl": "Merk", "nb": "Merke", "sv": "Märke", "es": "Marca", "ja": "ブランド"}, Values: []enumValue{
	v("fjord", tr{"en": "Fjord & Co"}), v("lumen", tr{"en": "Lumen"}), v("kaze", tr{"en": "Kaze"}),
	v("atelier", tr{"en": "Atelier Sud"}), v("harbor", tr{"en": "Harbor Goods"}),
}}

// market is one market of the sample configuration (written to
// markets.json through a generic map so that the file reads naturally).
type market struct {
	ID, Name, Group, Path string
	Countries, Subdivs    []string
	Currency, List        string
	Fallback              map[string]any
	DefaultLocale         string
	Locales               []string
	Tax                   map[string]any
	TimeZone              string
	Maintenance           map[string]any
	Residency             string
	Flags                 map[string]any
	Catalog               map[string]any
}

func taxPolicy(include bool, country, region, postal string, mode string, extra map[string]any) map[string]any {
	origin := map[string]any{"country": country}
	if region != "" {
		origin["region"] = region
	}
	if postal != "" {
		origin["postal_code"] = postal
	}
	books, food := "reduced", "reduced"
	switch country {
	case "GB":
		books, food = "zero", "zero"
	case "SE":
		food = "intermediate"
	case "AU", "CA":
		books, food = "standard", "zero"
	case "US":
		books, food = "standard", "exempt"
	case "JP":
		books = "standard"
	}
	t := map[string]any{"prices_include_tax": include, "mode": mode, "origin": origin,
		"classes": []any{map[string]any{"class": "books", "category": books}, map[string]any{"class": "food", "category": food}}}
	for k, v := range extra {
		t[k] = v
	}
	return t
}

var weekly = func(day, from, until string) map[string]any {
	return map[string]any{"windows": []any{map[string]any{"days": []string{day}, "from": from, "until": until}}}
}

var markets = []market{
	{ID: "de", Name: "Deutschland", Group: "eu", Path: "/de", Countries: []string{"DE"}, Currency: "EUR", List: "eur", DefaultLocale: "de-DE", Locales: []string{"de-DE", "en-DE"},
		Tax: taxPolicy(true, "DE", "", "10115", "half-up", nil), TimeZone: "Europe/Berlin", Maintenance: weekly("tuesday", "03:00", "04:00"), Residency: "eu"},
	{ID: "at", Name: "Österreich", Group: "eu", Path: "/at", Countries: []string{"AT"}, Currency: "EUR", List: "eur", DefaultLocale: "de-AT", Locales: []string{"de-AT"},
		Tax: taxPolicy(true, "AT", "", "1010", "half-up", nil), TimeZone: "Europe/Vienna", Maintenance: weekly("tuesday", "03:00", "04:00"), Residency: "eu"},
	{ID: "ch", Name: "Schweiz / Suisse / Svizzera", Group: "ch", Path: "/ch", Countries: []string{"CH", "LI"}, Currency: "CHF", List: "chf", DefaultLocale: "de-CH", Locales: []string{"de-CH", "fr-CH", "it-CH"},
		Tax: taxPolicy(true, "CH", "", "8001", "half-up", nil), TimeZone: "Europe/Zurich", Maintenance: weekly("wednesday", "02:00", "03:00"), Residency: "ch"},
	{ID: "fr", Name: "France", Group: "eu", Path: "/fr", Countries: []string{"FR", "MC"}, Currency: "EUR", List: "eur", DefaultLocale: "fr-FR", Locales: []string{"fr-FR"},
		Tax: taxPolicy(true, "FR", "", "75001", "half-up", nil), TimeZone: "Europe/Paris", Maintenance: weekly("tuesday", "04:00", "05:00"), Residency: "eu"},
	{ID: "nl", Name: "Nederland", Group: "eu", Path: "/nl", Countries: []string{"NL"}, Currency: "EUR", List: "eur", DefaultLocale: "nl-NL", Locales: []string{"nl-NL", "en-NL"},
		Tax: taxPolicy(true, "NL", "", "1012 JS", "half-up", nil), TimeZone: "Europe/Amsterdam", Maintenance: weekly("tuesday", "03:00", "04:00"), Residency: "eu"},
	{ID: "se", Name: "Sverige", Group: "eu", Path: "/se", Countries: []string{"SE"}, Currency: "SEK", List: "sek",
		Fallback:      map[string]any{"list": "eur", "rate": "11.2", "as_of": "2026-12-01", "rounding": "half-up", "ending": map[string]any{"bands": []any{map[string]any{"step": "1", "end": "0", "round": "up"}}}},
		DefaultLocale: "sv-SE", Locales: []string{"sv-SE"}, Tax: taxPolicy(true, "SE", "", "11120", "half-up", nil), TimeZone: "Europe/Stockholm", Maintenance: weekly("tuesday", "03:00", "04:00"), Residency: "eu"},
	{ID: "gb", Name: "United Kingdom", Group: "uk", Path: "/gb", Countries: []string{"GB"}, Currency: "GBP", List: "gbp", DefaultLocale: "en-GB", Locales: []string{"en-GB"},
		Tax: taxPolicy(true, "GB", "", "EC1A 1BB", "half-up", nil), TimeZone: "Europe/London", Maintenance: weekly("tuesday", "02:00", "03:00"), Residency: "uk"},
	{ID: "no", Name: "Norge", Group: "nordics", Path: "/no", Countries: []string{"NO"}, Currency: "NOK", List: "nok",
		Fallback:      map[string]any{"list": "eur", "rate": "11.7", "as_of": "2026-12-01", "rounding": "half-up", "ending": map[string]any{"bands": []any{map[string]any{"step": "1", "end": "0", "round": "up"}}}},
		DefaultLocale: "nb-NO", Locales: []string{"nb-NO"}, Tax: taxPolicy(true, "NO", "", "0150", "half-up", nil), TimeZone: "Europe/Oslo", Maintenance: weekly("tuesday", "03:00", "04:00"), Residency: "no",
		Flags: map[string]any{"sells_food": false}},
	{ID: "us-east", Name: "United States (East)", Group: "na", Path: "/us-east", Countries: []string{"US"}, Subdivs: []string{"US-NY", "US-NJ", "US-PA", "US-MA", "US-CT", "US-FL"}, Currency: "USD", List: "usd",
		DefaultLocale: "en-US", Locales: []string{"en-US", "es-US"}, Tax: taxPolicy(false, "US", "US-NY", "10001", "half-up", map[string]any{"registrations": []string{"us-nj", "us-pa", "us-ma", "us-ct", "us-fl"}}),
		TimeZone: "America/New_York", Maintenance: weekly("sunday", "03:00", "04:00"), Residency: "us"},
	{ID: "us-west", Name: "United States (West)", Group: "na", Path: "/us-west", Countries: []string{"US"}, Subdivs: []string{"US-CA", "US-WA", "US-OR", "US-NV", "US-AZ"}, Currency: "USD", List: "usd",
		DefaultLocale: "en-US", Locales: []string{"en-US", "es-US"}, Tax: taxPolicy(false, "US", "US-CA", "94103", "half-up", map[string]any{"registrations": []string{"us-wa", "us-nv", "us-az"}}),
		TimeZone: "America/Los_Angeles", Maintenance: weekly("sunday", "03:00", "04:00"), Residency: "us"},
	{ID: "ca", Name: "Canada", Group: "na", Path: "/ca", Countries: []string{"CA"}, Currency: "CAD", List: "cad",
		Fallback:      map[string]any{"list": "usd", "rate": "1.38", "as_of": "2026-12-01", "rounding": "half-up", "ending": map[string]any{"bands": []any{map[string]any{"step": "1", "end": "0.99", "round": "up"}}}},
		DefaultLocale: "en-CA", Locales: []string{"en-CA", "fr-CA"}, Tax: taxPolicy(false, "CA", "CA-ON", "M5H 2N2", "half-up", nil), TimeZone: "America/Toronto", Maintenance: weekly("sunday", "03:00", "04:00"), Residency: "ca"},
	{ID: "jp", Name: "日本", Group: "apac", Path: "/jp", Countries: []string{"JP"}, Currency: "JPY", List: "jpy", DefaultLocale: "ja-JP", Locales: []string{"ja-JP", "en-JP"},
		Tax: taxPolicy(true, "JP", "", "100-0001", "down", nil), TimeZone: "Asia/Tokyo", Maintenance: weekly("monday", "04:00", "05:00"), Residency: "jp"},
	{ID: "au", Name: "Australia", Group: "apac", Path: "/au", Countries: []string{"AU"}, Currency: "AUD", List: "aud",
		Fallback:      map[string]any{"list": "usd", "rate": "1.52", "as_of": "2026-12-01", "rounding": "half-up", "ending": map[string]any{"bands": []any{map[string]any{"step": "1", "end": "0.95", "round": "up"}}}},
		DefaultLocale: "en-AU", Locales: []string{"en-AU"}, Tax: taxPolicy(true, "AU", "", "2000", "half-up", nil), TimeZone: "Australia/Sydney", Maintenance: weekly("tuesday", "04:00", "05:00"), Residency: "au"},
}

// listCurrency maps each price list to its currency; lists with a base
// price per SKU are written in full, the others are converted.
var listCurrency = map[string]string{"eur": "EUR", "chf": "CHF", "gbp": "GBP", "usd": "USD", "jpy": "JPY", "sek": "SEK", "nok": "NOK", "cad": "CAD", "aud": "AUD"}

func main() {
	out := flag.String("out", "data", "output directory")
	flag.Parse()
	rng := rand.New(rand.NewPCG(2026, 12))
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	write(filepath.Join(*out, "markets.json"), marketsJSON())
	cat, prices := catalogAndPrices(rng)
	write(filepath.Join(*out, "catalog.jsonl"), cat)
	write(filepath.Join(*out, "prices.json"), prices)
	// The same lists, one file per list, as store.FSLoader reads them: an
	// isolated instance reads only its market's list (and fallback).
	var pd struct{ Lists map[string]json.RawMessage }
	if err := json.Unmarshal(prices, &pd); err != nil {
		log.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(*out, "prices"), 0o755); err != nil {
		log.Fatal(err)
	}
	for list, raw := range pd.Lists {
		write(filepath.Join(*out, "prices", list+".json"), append(slices.Clone(raw), '\n'))
	}
}

func write(path string, b []byte) {
	if err := os.WriteFile(path, b, 0o644); err != nil {
		log.Fatal(err)
	}
}

func marketsJSON() []byte {
	ms := map[string]any{}
	for _, m := range markets {
		prices := map[string]any{"list": m.List}
		if m.Fallback != nil {
			prices["fallback"] = m.Fallback
		}
		o := map[string]any{"name": m.Name, "group": m.Group, "path": m.Path, "countries": m.Countries, "currency": m.Currency,
			"prices": prices, "default_locale": m.DefaultLocale, "locales": m.Locales, "fallback_locale": "en",
			"tax": m.Tax, "time_zone": m.TimeZone, "maintenance": m.Maintenance, "residency": m.Residency}
		if len(m.Subdivs) > 0 {
			o["subdivisions"] = m.Subdivs
		}
		if m.Flags != nil {
			o["flags"] = m.Flags
		}
		if m.Catalog != nil {
			o["catalog"] = m.Catalog
		}
		ms[m.ID] = o
	}
	cfg := map[string]any{
		"$schema":        "../../../store/markets.schema.json",
		"version":        "storefront-1",
		"default_market": "de",
		"flags": map[string]any{
			"gift_wrap":  map[string]any{"type": "bool", "default": false, "description": "Offer gift wrapping at checkout."},
			"sells_food": map[string]any{"type": "bool", "default": true, "description": "The market may sell food (licensing)."},
		},
		"database": map[string]any{"dsn": "data/orders/{market}.db",
			"backup": map[string]any{"schedule": "30 3 * * *", "keep": 7, "destination": "backups/{residency}/{market}"}},
		"groups": map[string]any{
			"eu":      map[string]any{"name": "European Union", "root": "redirect", "flags": map[string]any{"gift_wrap": true}},
			"ch":      map[string]any{"name": "Switzerland", "root": "redirect"},
			"uk":      map[string]any{"name": "United Kingdom", "root": "suggest"},
			"nordics": map[string]any{"name": "Nordics", "root": "suggest"},
			"na":      map[string]any{"name": "North America", "root": "suggest"},
			"apac":    map[string]any{"name": "Asia-Pacific", "root": "suggest"},
		},
		"markets": ms,
	}
	return indent(cfg)
}

func indent(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		log.Fatal(err)
	}
	return b.Bytes()
}

func compact(v any) []byte {
	var b bytes.Buffer
	line(&b, v)
	return b.Bytes()
}

func line(b *bytes.Buffer, v any) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		log.Fatal(err)
	}
}

func labels(t tr) map[string]string {
	out := map[string]string{}
	for _, l := range langs {
		if s, ok := t[l]; ok {
			out[l] = s
		} else if s, ok := t["en"]; ok {
			out[l] = s
		}
	}
	return out
}

func enumRecord(a enumAttr) map[string]any {
	vals := []any{}
	for _, v := range a.Values {
		vals = append(vals, map[string]any{"id": v.ID, "labels": labels(v.Labels)})
	}
	return map[string]any{"type": "attribute", "id": a.ID, "kind": "enum", "labels": labels(a.Labels), "values": vals}
}

// basePrice is a product's EUR price in cents, by category.
func basePrice(rng *rand.Rand, cat string) int64 {
	lo, hi := map[string][2]int64{
		"mugs": {900, 3500}, "knives": {2900, 19900}, "cookware": {2900, 14900}, "lamps": {4900, 29900},
		"textiles": {1900, 12900}, "books": {1200, 4900}, "coffee": {699, 2499}, "tea": {399, 1899},
		"chocolate": {299, 2999}, "outdoor": {1500, 12900},
	}[cat][0], map[string][2]int64{
		"mugs": {900, 3500}, "knives": {2900, 19900}, "cookware": {2900, 14900}, "lamps": {4900, 29900},
		"textiles": {1900, 12900}, "books": {1200, 4900}, "coffee": {699, 2499}, "tea": {399, 1899},
		"chocolate": {299, 2999}, "outdoor": {1500, 12900},
	}[cat][1]
	p := lo + rng.Int64N(hi-lo)
	return p - p%100 + 99 // x.99
}

func money(cents int64, digits int, cur string) map[string]string {
	if digits == 0 {
		return map[string]string{"amount": fmt.Sprint(cents), "currency": cur}
	}
	return map[string]string{"amount": fmt.Sprintf("%d.%02d", cents/100, cents%100), "currency": cur}
}

func catalogAndPrices(rng *rand.Rand) (catalog, prices []byte) {
	var b bytes.Buffer
	line(&b, map[string]any{"type": "catalog", "version": "storefront-2026-12-04"})
	for _, c := range categories {
		r := map[string]any{"type": "category", "id": c.ID, "labels": labels(c.Labels)}
		if c.Parent != "" {
			r["parent"] = c.Parent
		}
		line(&b, r)
	}
	line(&b, enumRecord(colors))
	line(&b, enumRecord(materials))
	line(&b, enumRecord(brands))
	line(&b, map[string]any{"type": "attribute", "id": "capacity", "kind": "number", "labels": labels(tr{"en": "Capacity (l)", "de": "Inhalt (l)", "fr": "Contenance (l)", "it": "Capacità (l)", "nl": "Inhoud (l)", "nb": "Volum (l)", "sv": "Volym (l)", "es": "Capacidad (l)", "ja": "容量 (l)"})})
	line(&b, map[string]any{"type": "attribute", "id": "organic", "kind": "boolean", "labels": labels(tr{"en": "Organic", "de": "Bio", "fr": "Bio", "it": "Biologico", "nl": "Biologisch", "nb": "Økologisk", "sv": "Ekologisk", "es": "Ecológico", "ja": "オーガニック"})})

	lists := map[string][]any{}
	n := 0
	for _, c := range categories {
		if len(c.Nouns) == 0 {
			continue
		}
		for i := range 24 {
			n++
			noun := c.Nouns[i%len(c.Nouns)]
			adj := adjectives[(i/len(c.Nouns))%len(adjectives)]
			id := fmt.Sprintf("%s-%03d", c.ID, i+1)
			content := map[string]any{}
			for _, l := range langs {
				name := adj[l] + " " + noun[l]
				switch l {
				case "ja":
					name = adj[l] + noun[l]
				case "es": // the adjective follows the noun, as a phrase that agrees with any
					name = noun[l] + " " + adj[l]
				}
				desc := description(l, noun[l], c.Labels[l])
				content[l] = map[string]any{"name": name, "description": desc, "slug": slug(adj["en"] + " " + noun["en"] + " " + fmt.Sprint(i+1))}
			}
			color := colors.Values[rng.IntN(len(colors.Values))].ID
			color2 := colors.Values[rng.IntN(len(colors.Values))].ID
			attrs := map[string]any{
				"brand":    []string{brands.Values[rng.IntN(len(brands.Values))].ID},
				"material": []string{materialFor(c.ID, rng)},
				"color":    dedup([]string{color, color2}),
				"organic":  c.TaxClass == "food" && rng.IntN(2) == 0,
			}
			if c.ID == "mugs" || c.ID == "cookware" || c.ID == "outdoor" {
				attrs["capacity"] = fmt.Sprintf("%d.%02d", rng.IntN(3), 25+rng.IntN(75))
			}
			variants := []any{}
			skus := []string{}
			for _, col := range attrs["color"].([]string) {
				sku := strings.ToUpper(fmt.Sprintf("%s-%s", id, col))
				skus = append(skus, sku)
				variants = append(variants, map[string]any{"sku": sku, "attributes": map[string]any{"color": []string{col}}})
			}
			p := map[string]any{"type": "product", "id": id, "category": c.ID, "tax_class": c.TaxClass,
				"created": fmt.Sprintf("2026-%02d-%02dT09:00:00Z", 1+rng.IntN(11), 1+rng.IntN(28)), "rank": rng.IntN(1000),
				"attributes": attrs, "variants": variants, "media": []string{"img/" + id + ".svg"}, "content": content}
			avail := map[string]any{}
			switch {
			case c.ID == "knives":
				avail["exclude_countries"] = []string{"GB"} // sold in the UK only in stores, by law for this retailer
			case c.ID == "lamps" && i%3 == 0:
				avail["exclude_markets"] = []string{"jp", "us-east", "us-west", "ca"} // 230 V only
			}
			if c.TaxClass == "food" {
				avail["require_flags"] = []string{"sells_food"} // Norway's market has no food licence
			}
			if id == "outdoor-024" {
				avail["from"] = "2027-01-15" // announced, not yet for sale
			}
			if len(avail) > 0 {
				p["availability"] = avail
			}
			line(&b, p)

			eur := basePrice(rng, c.ID)
			for _, sku := range skus {
				add := func(list string, cents int64, digits int) {
					e := map[string]any{"sku": sku, "price": money(cents, digits, listCurrency[list])}
					lists[list] = append(lists[list], e)
				}
				add("eur", eur, 2)
				add("chf", roundTo(eur*105/100, 5, 100)-10, 2) // x.90 in CHF
				add("gbp", eur*86/100-eur*86/100%100+99, 2)
				add("usd", eur*108/100-eur*108/100%100+99, 2)
				add("jpy", roundTo(eur*165/100, 100, 1)-20, 0) // yen, ending in 80
				// The Black Week sale: every fifth product, 20 % off in the
				// EUR list, with the regular price as compare-at.
				if n%5 == 0 {
					sale := eur*80/100 - eur*80/100%100 - 1 // x.99, below the regular price
					lists["eur"] = append(lists["eur"], map[string]any{"sku": sku, "price": money(sale, 2, "EUR"), "compare_at": money(eur, 2, "EUR"),
						"from": "2026-11-27", "until": "2027-01-01"})
				}
			}
		}
	}
	pd := map[string]any{}
	for list, cur := range listCurrency {
		entries := lists[list]
		if entries == nil {
			entries = []any{}
		}
		pd[list] = map[string]any{"currency": cur, "entries": entries}
	}
	var pb bytes.Buffer
	pb.WriteString("{\"lists\": {\n")
	names := make([]string, 0, len(pd))
	for k := range pd {
		names = append(names, k)
	}
	slices.Sort(names)
	for i, list := range names {
		l := pd[list].(map[string]any)
		fmt.Fprintf(&pb, "  %q: {\"currency\": %q, \"entries\": [", list, l["currency"])
		for j, e := range l["entries"].([]any) {
			if j > 0 {
				pb.WriteByte(',')
			}
			pb.WriteString("\n    ")
			pb.Write(bytes.TrimSpace(compact(e)))
		}
		pb.WriteString("]}")
		if i < len(names)-1 {
			pb.WriteByte(',')
		}
		pb.WriteByte('\n')
	}
	pb.WriteString("}}\n")
	return b.Bytes(), pb.Bytes()
}

// roundTo rounds eurCents×factor (already applied) to a multiple of step
// minor units of a currency with the given cents per unit.
func roundTo(cents, step, per int64) int64 {
	if per == 1 { // JPY: cents are EUR cents × rate, turn into yen
		yen := cents
		return (yen + step - 1) / step * step
	}
	return (cents + step*20 - 1) / (step * 20) * (step * 20)
}

func materialFor(cat string, rng *rand.Rand) string {
	switch cat {
	case "mugs":
		return "ceramic"
	case "knives", "cookware", "outdoor":
		return []string{"steel", "steel", "wood"}[rng.IntN(3)]
	case "textiles":
		return "wool"
	case "books", "tea", "coffee", "chocolate":
		return "paper"
	}
	return []string{"wood", "steel", "ceramic"}[rng.IntN(3)]
}

func dedup(s []string) []string {
	slices.Sort(s)
	return slices.Compact(s)
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case r == 'ö':
			b.WriteString("o")
		case r == 'ä':
			b.WriteString("a")
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

func description(lang, noun, category string) string {
	switch lang {
	case "de":
		return noun + " aus unserer Kollektion " + category + ". Sorgfältig ausgewählt, langlebig und schön."
	case "fr":
		return noun + " de notre collection " + category + ". Choisi avec soin, durable et beau."
	case "it":
		return noun + " dalla nostra collezione " + category + ". Scelto con cura, durevole e bello."
	case "nl":
		return noun + " uit onze collectie " + category + ". Zorgvuldig gekozen, duurzaam en mooi."
	case "nb":
		return noun + " fra vår kolleksjon " + category + ". Nøye utvalgt, slitesterk og vakker."
	case "sv":
		return noun + " ur vår kollektion " + category + ". Noga utvald, hållbar och vacker."
	case "es":
		return noun + " de nuestra colección " + category + ". Con una selección cuidadosa, calidad duradera y un diseño bonito."
	case "ja":
		return category + "コレクションの" + noun + "。丁寧に選んだ、長く使える美しい品です。"
	}
	return noun + " from our " + category + " collection. Carefully chosen, durable and beautiful."
}
