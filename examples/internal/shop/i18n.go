package shop

import (
	"fmt"

	"golang.org/x/text/language"
)

// messages are the page texts, by base language. English is complete and
// the fallback of every key; de, fr and it cover the sample markets'
// checkout languages. A host would keep these in its translation system;
// the example keeps them in one table so that a missing key is a test
// failure (TestMessagesComplete), never an empty label.
var messages = map[string]map[string]string{
	"en": {
		"shop": "marketkit shop", "skip": "Skip to content", "home": "All products", "cart": "Cart",
		"categories": "Categories", "country": "Country", "language": "Language", "switch": "Change",
		"results": "%d products", "sort": "Sort by", "sort.rank": "Featured", "sort.price": "Price: low to high",
		"sort.price-desc": "Price: high to low", "sort.name": "Name", "sort.newest": "Newest", "filters": "Filters",
		"apply": "Apply", "min": "Min. price", "max": "Max. price", "search": "Search", "next": "Next page",
		"first": "First page", "clear": "Clear filters", "incl": "incl. %s tax", "excl": "excl. tax (%s)",
		"net": "Net", "gross": "Gross", "was": "Was", "add": "Add to cart", "variant": "Variant", "qty": "Quantity",
		"empty": "Your cart is empty.", "update": "Update", "remove": "Remove", "subtotal": "Subtotal",
		"checkout": "Checkout", "email": "Email", "phone": "Phone", "place": "Place order", "requote": "Update quote",
		"summary": "Order summary", "tax": "Tax", "total": "Total", "shipping": "Shipping",
		"fix": "Please correct the fields marked below.", "err.required": "Required.",
		"err.postal": "Not a valid postal code here (example: %s).", "err.postal0": "Not a valid postal code here.",
		"err.subdivision": "Choose one of the listed regions.", "err.invalid": "Not a valid value.",
		"err.phone": "Not a valid phone number for this country.", "err.email": "Enter an email address like name@example.com.",
		"err.served": "We do not deliver there from this shop.", "thanks": "Thank you for your order",
		"order": "Order %s", "shipto": "Ship to", "maintenance": "This shop is closed for maintenance",
		"back": "Please come back at %s.", "backsoon": "Please come back soon.", "suggest": "Shop in %s?",
		"choose": "Choose your country", "notfound": "Page not found", "notsold": "This product is not sold in this market.",
		"item": "Item", "price": "Price", "rate": "Rate", "base": "Base", "unitprice": "Unit price",
		"pricesincl": "Prices include tax.", "pricesexcl": "Prices exclude tax; tax is added at checkout.",
		"page": "Page", "other": "This page in other countries", "instock": "Sold in %s",
		"bool.true": "Yes", "bool.false": "No", "breakdown": "Tax breakdown", "yourorder": "Your order",
	},
	"de": {
		"shop": "marketkit Shop", "skip": "Zum Inhalt springen", "home": "Alle Produkte", "cart": "Warenkorb",
		"categories": "Kategorien", "country": "Land", "language": "Sprache", "switch": "Wechseln",
		"results": "%d Produkte", "sort": "Sortieren nach", "sort.rank": "Empfohlen", "sort.price": "Preis aufsteigend",
		"sort.price-desc": "Preis absteigend", "sort.name": "Name", "sort.newest": "Neueste", "filters": "Filter",
		"apply": "Anwenden", "min": "Mindestpreis", "max": "Höchstpreis", "search": "Suche", "next": "Nächste Seite",
		"first": "Erste Seite", "clear": "Filter zurücksetzen", "incl": "inkl. %s MwSt.", "excl": "zzgl. Steuer (%s)",
		"net": "Netto", "gross": "Brutto", "was": "Statt", "add": "In den Warenkorb", "variant": "Variante", "qty": "Menge",
		"empty": "Ihr Warenkorb ist leer.", "update": "Aktualisieren", "remove": "Entfernen", "subtotal": "Zwischensumme",
		"checkout": "Zur Kasse", "email": "E-Mail", "phone": "Telefon", "place": "Bestellung aufgeben", "requote": "Angebot aktualisieren",
		"summary": "Bestellübersicht", "tax": "MwSt.", "total": "Gesamt", "shipping": "Versand",
		"fix": "Bitte korrigieren Sie die markierten Felder.", "err.required": "Pflichtfeld.",
		"err.postal": "Keine gültige Postleitzahl (Beispiel: %s).", "err.postal0": "Keine gültige Postleitzahl.",
		"err.subdivision": "Bitte eine der Regionen wählen.", "err.invalid": "Ungültiger Wert.",
		"err.phone": "Keine gültige Telefonnummer für dieses Land.", "err.email": "Bitte eine E-Mail-Adresse wie name@example.com angeben.",
		"err.served": "Dorthin liefert dieser Shop nicht.", "thanks": "Vielen Dank für Ihre Bestellung",
		"order": "Bestellung %s", "shipto": "Lieferadresse", "maintenance": "Dieser Shop wird gerade gewartet",
		"back": "Bitte schauen Sie um %s wieder vorbei.", "backsoon": "Bitte schauen Sie bald wieder vorbei.", "suggest": "Im Shop für %s einkaufen?",
		"choose": "Land wählen", "notfound": "Seite nicht gefunden", "notsold": "Dieses Produkt wird in diesem Markt nicht verkauft.",
		"item": "Artikel", "price": "Preis", "rate": "Satz", "base": "Basis", "unitprice": "Stückpreis",
		"pricesincl": "Preise inklusive MwSt.", "pricesexcl": "Preise ohne Steuer; die Steuer wird an der Kasse berechnet.",
		"page": "Seite", "other": "Diese Seite in anderen Ländern", "instock": "Verkauft in %s",
		"bool.true": "Ja", "bool.false": "Nein", "breakdown": "Steueraufstellung", "yourorder": "Ihre Bestellung",
	},
	"fr": {
		"shop": "Boutique marketkit", "skip": "Aller au contenu", "home": "Tous les produits", "cart": "Panier",
		"categories": "Catégories", "country": "Pays", "language": "Langue", "switch": "Changer",
		"results": "%d produits", "sort": "Trier par", "sort.rank": "Sélection", "sort.price": "Prix croissant",
		"sort.price-desc": "Prix décroissant", "sort.name": "Nom", "sort.newest": "Nouveautés", "filters": "Filtres",
		"apply": "Appliquer", "min": "Prix min.", "max": "Prix max.", "search": "Recherche", "next": "Page suivante",
		"first": "Première page", "clear": "Effacer les filtres", "incl": "TVA %s incluse", "excl": "hors taxes (%s)",
		"net": "HT", "gross": "TTC", "was": "Au lieu de", "add": "Ajouter au panier", "variant": "Variante", "qty": "Quantité",
		"empty": "Votre panier est vide.", "update": "Mettre à jour", "remove": "Retirer", "subtotal": "Sous-total",
		"checkout": "Commander", "email": "E-mail", "phone": "Téléphone", "place": "Passer la commande", "requote": "Mettre à jour le devis",
		"summary": "Récapitulatif", "tax": "TVA", "total": "Total", "shipping": "Livraison",
		"fix": "Veuillez corriger les champs signalés.", "err.required": "Champ obligatoire.",
		"err.postal": "Code postal non valable (exemple : %s).", "err.postal0": "Code postal non valable.",
		"err.subdivision": "Choisissez une des régions proposées.", "err.invalid": "Valeur non valable.",
		"err.phone": "Numéro de téléphone non valable pour ce pays.", "err.email": "Saisissez une adresse comme nom@example.com.",
		"err.served": "Cette boutique ne livre pas à cette adresse.", "thanks": "Merci pour votre commande",
		"order": "Commande %s", "shipto": "Livrer à", "maintenance": "Cette boutique est en maintenance",
		"back": "Revenez à %s, s’il vous plaît.", "backsoon": "Revenez bientôt, s’il vous plaît.", "suggest": "Acheter dans la boutique %s ?",
		"choose": "Choisissez votre pays", "notfound": "Page introuvable", "notsold": "Ce produit n’est pas vendu sur ce marché.",
		"item": "Article", "price": "Prix", "rate": "Taux", "base": "Base", "unitprice": "Prix unitaire",
		"pricesincl": "Prix TTC.", "pricesexcl": "Prix hors taxes ; les taxes sont ajoutées à la commande.",
		"page": "Page", "other": "Cette page dans d’autres pays", "instock": "Vendu en %s",
		"bool.true": "Oui", "bool.false": "Non", "breakdown": "Détail de la TVA", "yourorder": "Votre commande",
	},
	"it": {
		"shop": "Negozio marketkit", "skip": "Vai al contenuto", "home": "Tutti i prodotti", "cart": "Carrello",
		"categories": "Categorie", "country": "Paese", "language": "Lingua", "switch": "Cambia",
		"results": "%d prodotti", "sort": "Ordina per", "sort.rank": "In evidenza", "sort.price": "Prezzo crescente",
		"sort.price-desc": "Prezzo decrescente", "sort.name": "Nome", "sort.newest": "Novità", "filters": "Filtri",
		"apply": "Applica", "min": "Prezzo min.", "max": "Prezzo max.", "search": "Cerca", "next": "Pagina successiva",
		"first": "Prima pagina", "clear": "Azzera filtri", "incl": "IVA %s inclusa", "excl": "IVA esclusa (%s)",
		"net": "Netto", "gross": "Lordo", "was": "Invece di", "add": "Aggiungi al carrello", "variant": "Variante", "qty": "Quantità",
		"empty": "Il carrello è vuoto.", "update": "Aggiorna", "remove": "Rimuovi", "subtotal": "Subtotale",
		"checkout": "Cassa", "email": "E-mail", "phone": "Telefono", "place": "Invia ordine", "requote": "Aggiorna preventivo",
		"summary": "Riepilogo", "tax": "IVA", "total": "Totale", "shipping": "Spedizione",
		"fix": "Correggi i campi segnalati.", "err.required": "Campo obbligatorio.",
		"err.postal": "Codice postale non valido (esempio: %s).", "err.postal0": "Codice postale non valido.",
		"err.subdivision": "Scegli una delle regioni elencate.", "err.invalid": "Valore non valido.",
		"err.phone": "Numero di telefono non valido per questo paese.", "err.email": "Inserisci un indirizzo come nome@example.com.",
		"err.served": "Questo negozio non consegna a questo indirizzo.", "thanks": "Grazie per il tuo ordine",
		"order": "Ordine %s", "shipto": "Spedire a", "maintenance": "Questo negozio è in manutenzione",
		"back": "Torna alle %s, per favore.", "backsoon": "Torna presto, per favore.", "suggest": "Acquistare nel negozio %s?",
		"choose": "Scegli il tuo paese", "notfound": "Pagina non trovata", "notsold": "Questo prodotto non è venduto in questo mercato.",
		"item": "Articolo", "price": "Prezzo", "rate": "Aliquota", "base": "Imponibile", "unitprice": "Prezzo unitario",
		"pricesincl": "Prezzi IVA inclusa.", "pricesexcl": "Prezzi IVA esclusa; l’imposta si aggiunge alla cassa.",
		"page": "Pagina", "other": "Questa pagina in altri paesi", "instock": "Venduto in %s",
		"bool.true": "Sì", "bool.false": "No", "breakdown": "Dettaglio IVA", "yourorder": "Il tuo ordine",
	},
}

// texts are the messages of one language, English filling the gaps: a
// map, so that templates read {{.T.cart}} without a method call.
type texts map[string]string

// textTables are the complete tables per language, built once.
var textTables = func() map[string]texts {
	out := map[string]texts{}
	for lang, m := range messages {
		t := texts{}
		for k, v := range messages["en"] {
			t[k] = v
		}
		for k, v := range m {
			t[k] = v
		}
		out[lang] = t
	}
	return out
}()

// textsFor returns the messages of tag's base language, English for the
// rest.
func textsFor(tag language.Tag) texts {
	base, _ := tag.Base()
	if t, ok := textTables[base.String()]; ok {
		return t
	}
	return textTables["en"]
}

// T returns the message key, formatted with args when it has verbs.
func (t texts) T(key string, args ...any) string {
	s, ok := t[key]
	if !ok {
		return "!" + key // a missing key shows, and TestMessagesComplete fails
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}
