package shop

import (
	"fmt"

	"golang.org/x/text/language"
)

// messages are the page texts, by base language: every language a sample
// market uses (de, en, es, fr, it, ja, nb, nl, sv). English is the
// fallback of a language no table has. A host would keep these in its
// translation system; the example keeps them in one table so that a
// missing key is a test failure (TestMessagesComplete), never an empty
// label, and TestNoEnglishFallback renders every page of every market in
// each of its languages and finds no English text on it.
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
		"badrequest": "Bad request", "error": "Something went wrong",
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
		"badrequest": "Ungültige Anfrage", "error": "Etwas ist schiefgelaufen",
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
		"badrequest": "Requête non valable", "error": "Une erreur s’est produite",
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
		"badrequest": "Richiesta non valida", "error": "Si è verificato un errore",
	},
	"es": {
		"shop": "Tienda marketkit", "skip": "Ir al contenido", "home": "Todos los productos", "cart": "Carrito",
		"categories": "Categorías", "country": "País", "language": "Idioma", "switch": "Cambiar",
		"results": "%d productos", "sort": "Ordenar por", "sort.rank": "Destacados", "sort.price": "Precio: de menor a mayor",
		"sort.price-desc": "Precio: de mayor a menor", "sort.name": "Nombre", "sort.newest": "Novedades", "filters": "Filtros",
		"apply": "Aplicar", "min": "Precio mín.", "max": "Precio máx.", "search": "Buscar", "next": "Página siguiente",
		"first": "Primera página", "clear": "Borrar filtros", "incl": "impuestos incluidos (%s)", "excl": "sin impuestos (%s)",
		"net": "Neto", "gross": "Bruto", "was": "Antes", "add": "Agregar al carrito", "variant": "Variante", "qty": "Cantidad",
		"empty": "Tu carrito está vacío.", "update": "Actualizar", "remove": "Eliminar", "subtotal": "Subtotal",
		"checkout": "Finalizar compra", "email": "Correo electrónico", "phone": "Teléfono", "place": "Realizar pedido", "requote": "Actualizar cotización",
		"summary": "Resumen del pedido", "tax": "Impuesto", "total": "Total", "shipping": "Envío",
		"fix": "Corrige los campos marcados.", "err.required": "Obligatorio.",
		"err.postal": "No es un código postal válido aquí (ejemplo: %s).", "err.postal0": "No es un código postal válido aquí.",
		"err.subdivision": "Elige una de las regiones de la lista.", "err.invalid": "Valor no válido.",
		"err.phone": "No es un número de teléfono válido para este país.", "err.email": "Escribe un correo como nombre@example.com.",
		"err.served": "Esta tienda no hace envíos a esa dirección.", "thanks": "Gracias por tu pedido",
		"order": "Pedido %s", "shipto": "Enviar a", "maintenance": "Esta tienda está cerrada por mantenimiento",
		"back": "Vuelve a las %s, por favor.", "backsoon": "Vuelve pronto, por favor.", "suggest": "¿Comprar en %s?",
		"choose": "Elige tu país", "notfound": "Página no encontrada", "notsold": "Este producto no se vende en este mercado.",
		"item": "Artículo", "price": "Precio", "rate": "Tasa", "base": "Base imponible", "unitprice": "Precio unitario",
		"pricesincl": "Los precios incluyen impuestos.", "pricesexcl": "Los precios no incluyen impuestos; se suman al finalizar la compra.",
		"page": "Página", "other": "Esta página en otros países", "instock": "Se vende en %s",
		"bool.true": "Sí", "bool.false": "No", "breakdown": "Desglose de impuestos", "yourorder": "Tu pedido",
		"badrequest": "Solicitud no válida", "error": "Algo salió mal",
	},
	"ja": {
		"shop": "marketkit ショップ", "skip": "本文へスキップ", "home": "すべての商品", "cart": "カート",
		"categories": "カテゴリー", "country": "国", "language": "言語", "switch": "変更",
		"results": "%d 件", "sort": "並べ替え", "sort.rank": "おすすめ順", "sort.price": "価格の安い順",
		"sort.price-desc": "価格の高い順", "sort.name": "名前順", "sort.newest": "新着順", "filters": "絞り込み",
		"apply": "適用", "min": "最低価格", "max": "最高価格", "search": "検索", "next": "次のページ",
		"first": "最初のページ", "clear": "絞り込みを解除", "incl": "税込（%s）", "excl": "税抜（%s）",
		"net": "税抜", "gross": "税込", "was": "通常価格", "add": "カートに入れる", "variant": "種類", "qty": "数量",
		"empty": "カートは空です。", "update": "更新", "remove": "削除", "subtotal": "小計",
		"checkout": "レジに進む", "email": "メールアドレス", "phone": "電話番号", "place": "注文を確定する", "requote": "金額を再計算",
		"summary": "ご注文内容の確認", "tax": "消費税", "total": "合計", "shipping": "送料",
		"fix": "下記の項目を修正してください。", "err.required": "必須項目です。",
		"err.postal": "有効な郵便番号ではありません（例: %s）。", "err.postal0": "有効な郵便番号ではありません。",
		"err.subdivision": "一覧から地域を選んでください。", "err.invalid": "有効な値ではありません。",
		"err.phone": "この国の有効な電話番号ではありません。", "err.email": "name@example.com のような形式でメールアドレスを入力してください。",
		"err.served": "このショップからはお届けできない地域です。", "thanks": "ご注文ありがとうございます",
		"order": "注文番号 %s", "shipto": "お届け先", "maintenance": "このショップはただいまメンテナンス中です",
		"back": "%s 以降に改めてお越しください。", "backsoon": "しばらくしてから改めてお越しください。", "suggest": "%s のショップで買い物しますか？",
		"choose": "国を選んでください", "notfound": "ページが見つかりません", "notsold": "この商品はこの地域では販売していません。",
		"item": "商品", "price": "価格", "rate": "税率", "base": "対象額", "unitprice": "単価",
		"pricesincl": "価格はすべて税込です。", "pricesexcl": "価格は税抜です。税はレジで加算されます。",
		"page": "ページ", "other": "他の国のこのページ", "instock": "%s で販売",
		"bool.true": "はい", "bool.false": "いいえ", "breakdown": "税の内訳", "yourorder": "ご注文内容",
		"badrequest": "リクエストが正しくありません", "error": "問題が発生しました",
	},
	"nb": {
		"shop": "marketkit-butikk", "skip": "Gå til innholdet", "home": "Alle produkter", "cart": "Handlekurv",
		"categories": "Kategorier", "country": "Land", "language": "Språk", "switch": "Bytt",
		"results": "%d produkter", "sort": "Sorter etter", "sort.rank": "Utvalgte", "sort.price": "Pris: lav til høy",
		"sort.price-desc": "Pris: høy til lav", "sort.name": "Navn", "sort.newest": "Nyeste", "filters": "Filtre",
		"apply": "Bruk", "min": "Laveste pris", "max": "Høyeste pris", "search": "Søk", "next": "Neste side",
		"first": "Første side", "clear": "Fjern filtrene", "incl": "inkl. %s mva.", "excl": "ekskl. mva. (%s)",
		"net": "Netto", "gross": "Brutto", "was": "Før", "add": "Legg i handlekurven", "variant": "Variant", "qty": "Antall",
		"empty": "Handlekurven din er tom.", "update": "Oppdater", "remove": "Fjern", "subtotal": "Delsum",
		"checkout": "Til kassen", "email": "E-post", "phone": "Telefon", "place": "Fullfør bestillingen", "requote": "Oppdater prisen",
		"summary": "Bestillingsoversikt", "tax": "Mva.", "total": "Totalt", "shipping": "Frakt",
		"fix": "Rett opp feltene som er merket.", "err.required": "Må fylles ut.",
		"err.postal": "Ikke et gyldig postnummer her (eksempel: %s).", "err.postal0": "Ikke et gyldig postnummer her.",
		"err.subdivision": "Velg en av regionene i listen.", "err.invalid": "Ugyldig verdi.",
		"err.phone": "Ikke et gyldig telefonnummer for dette landet.", "err.email": "Skriv inn en e-postadresse som navn@example.com.",
		"err.served": "Denne butikken leverer ikke dit.", "thanks": "Takk for bestillingen",
		"order": "Bestilling %s", "shipto": "Leveringsadresse", "maintenance": "Butikken er stengt for vedlikehold",
		"back": "Kom tilbake kl. %s.", "backsoon": "Kom tilbake snart.", "suggest": "Handle i %s?",
		"choose": "Velg land", "notfound": "Fant ikke siden", "notsold": "Dette produktet selges ikke i dette markedet.",
		"item": "Vare", "price": "Pris", "rate": "Sats", "base": "Grunnlag", "unitprice": "Enhetspris",
		"pricesincl": "Prisene er inkludert mva.", "pricesexcl": "Prisene er uten mva.; mva. legges til i kassen.",
		"page": "Side", "other": "Denne siden i andre land", "instock": "Selges i %s",
		"bool.true": "Ja", "bool.false": "Nei", "breakdown": "Mva.-oversikt", "yourorder": "Din bestilling",
		"badrequest": "Ugyldig forespørsel", "error": "Noe gikk galt",
	},
	"nl": {
		"shop": "marketkit-winkel", "skip": "Naar de inhoud", "home": "Alle producten", "cart": "Winkelwagen",
		"categories": "Categorieën", "country": "Land", "language": "Taal", "switch": "Wijzigen",
		"results": "%d producten", "sort": "Sorteren op", "sort.rank": "Aanbevolen", "sort.price": "Prijs: laag naar hoog",
		"sort.price-desc": "Prijs: hoog naar laag", "sort.name": "Naam", "sort.newest": "Nieuwste", "filters": "Filters",
		"apply": "Toepassen", "min": "Min. prijs", "max": "Max. prijs", "search": "Zoeken", "next": "Volgende pagina",
		"first": "Eerste pagina", "clear": "Filters wissen", "incl": "incl. %s btw", "excl": "excl. btw (%s)",
		"net": "Netto", "gross": "Bruto", "was": "Van", "add": "In winkelwagen", "variant": "Variant", "qty": "Aantal",
		"empty": "Je winkelwagen is leeg.", "update": "Bijwerken", "remove": "Verwijderen", "subtotal": "Subtotaal",
		"checkout": "Afrekenen", "email": "E-mail", "phone": "Telefoon", "place": "Bestelling plaatsen", "requote": "Prijs bijwerken",
		"summary": "Besteloverzicht", "tax": "Btw", "total": "Totaal", "shipping": "Verzending",
		"fix": "Corrigeer de gemarkeerde velden.", "err.required": "Verplicht.",
		"err.postal": "Geen geldige postcode hier (voorbeeld: %s).", "err.postal0": "Geen geldige postcode hier.",
		"err.subdivision": "Kies een van de genoemde regio’s.", "err.invalid": "Geen geldige waarde.",
		"err.phone": "Geen geldig telefoonnummer voor dit land.", "err.email": "Vul een e-mailadres in zoals naam@example.com.",
		"err.served": "Vanuit deze winkel leveren we daar niet.", "thanks": "Bedankt voor je bestelling",
		"order": "Bestelling %s", "shipto": "Bezorgen aan", "maintenance": "Deze winkel is gesloten voor onderhoud",
		"back": "Kom om %s terug.", "backsoon": "Kom snel terug.", "suggest": "Winkelen in %s?",
		"choose": "Kies je land", "notfound": "Pagina niet gevonden", "notsold": "Dit product wordt in deze markt niet verkocht.",
		"item": "Artikel", "price": "Prijs", "rate": "Tarief", "base": "Grondslag", "unitprice": "Stukprijs",
		"pricesincl": "Prijzen inclusief btw.", "pricesexcl": "Prijzen exclusief btw; de btw komt erbij bij het afrekenen.",
		"page": "Pagina", "other": "Deze pagina in andere landen", "instock": "Verkocht in %s",
		"bool.true": "Ja", "bool.false": "Nee", "breakdown": "Btw-specificatie", "yourorder": "Je bestelling",
		"badrequest": "Ongeldig verzoek", "error": "Er ging iets mis",
	},
	"sv": {
		"shop": "marketkit-butik", "skip": "Hoppa till innehållet", "home": "Alla produkter", "cart": "Varukorg",
		"categories": "Kategorier", "country": "Land", "language": "Språk", "switch": "Byt",
		"results": "%d produkter", "sort": "Sortera efter", "sort.rank": "Utvalda", "sort.price": "Pris: lägst först",
		"sort.price-desc": "Pris: högst först", "sort.name": "Namn", "sort.newest": "Nyast", "filters": "Filter",
		"apply": "Använd", "min": "Lägsta pris", "max": "Högsta pris", "search": "Sök", "next": "Nästa sida",
		"first": "Första sidan", "clear": "Rensa filter", "incl": "inkl. %s moms", "excl": "exkl. moms (%s)",
		"net": "Netto", "gross": "Brutto", "was": "Tidigare", "add": "Lägg i varukorgen", "variant": "Variant", "qty": "Antal",
		"empty": "Din varukorg är tom.", "update": "Uppdatera", "remove": "Ta bort", "subtotal": "Delsumma",
		"checkout": "Till kassan", "email": "E-post", "phone": "Telefon", "place": "Slutför köpet", "requote": "Uppdatera priset",
		"summary": "Ordersammanfattning", "tax": "Moms", "total": "Totalt", "shipping": "Frakt",
		"fix": "Rätta de markerade fälten.", "err.required": "Obligatoriskt.",
		"err.postal": "Inte ett giltigt postnummer här (exempel: %s).", "err.postal0": "Inte ett giltigt postnummer här.",
		"err.subdivision": "Välj en av regionerna i listan.", "err.invalid": "Ogiltigt värde.",
		"err.phone": "Inte ett giltigt telefonnummer för det här landet.", "err.email": "Ange en e-postadress som namn@example.com.",
		"err.served": "Vi levererar inte dit från den här butiken.", "thanks": "Tack för din beställning",
		"order": "Beställning %s", "shipto": "Leveransadress", "maintenance": "Butiken är stängd för underhåll",
		"back": "Välkommen tillbaka kl. %s.", "backsoon": "Välkommen tillbaka snart.", "suggest": "Handla i %s?",
		"choose": "Välj ditt land", "notfound": "Sidan hittades inte", "notsold": "Den här produkten säljs inte på den här marknaden.",
		"item": "Artikel", "price": "Pris", "rate": "Sats", "base": "Underlag", "unitprice": "Styckpris",
		"pricesincl": "Priserna är inklusive moms.", "pricesexcl": "Priserna är exklusive moms; momsen läggs till i kassan.",
		"page": "Sida", "other": "Den här sidan i andra länder", "instock": "Säljs i %s",
		"bool.true": "Ja", "bool.false": "Nej", "breakdown": "Momsspecifikation", "yourorder": "Din beställning",
		"badrequest": "Ogiltig begäran", "error": "Något gick fel",
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
