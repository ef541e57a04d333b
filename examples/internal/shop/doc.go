// Package shop is the storefront both examples run: examples/storefront
// (every market in one process) and examples/percountry (one instance per
// market, and the front router that forwards each market to its
// instance). The pages are the same code in both topologies, so a test can
// compare them request for request.
//
// # Pages
//
// Server-rendered html/template pages that work without JavaScript, with
// one style sheet: the root page (country chooser, suggestion), listings
// (category, facets, price range, text, sorts, cursor pagination), product
// pages (prices with and without tax as the market shows them, compare-at
// price, hreflang alternates, schema.org Product JSON-LD with an Offer per
// variant at the displayed price), the cart, checkout (the country's address
// form and phone number, messages beside the fields, the quote with its
// tax breakdown) and the order confirmation. Routing, detection, the
// switcher, maintenance and forwarding are package store/web's; the shop
// implements web.MarketHandler. Templates are parsed at start-up, one set
// per page, and render into a pooled buffer, so a template error is a 500
// and never half a page. Parts that depend only on the configuration
// version, the market, the locale and the page (the switcher, the category
// navigation, the sorts, the hreflang links) are rendered once and cached;
// the facet checkboxes and the product grid are written with
// html.EscapeString (see markup.go) because html/template's reflection was
// two thirds of a listing's cost.
//
// # State
//
// The cart is a cookie of its market (Path is the market's CookiePath),
// holding SKUs and quantities signed with HMAC-SHA256 over the market ID;
// prices always come from the market's price list. Orders go to the
// market's own database through store/sqlstore (Open opens only the
// databases of the markets the process serves), with the checkout's
// idempotency key. An order's confirmation page (name, address, email,
// phone) answers only the browser that placed it: placing an order
// records its ID in the market's "orders" cookie, signed the same way
// (the newest 10 orders, for 30 days), and any other request, whatever
// is wrong with it, is the 404 of an order that does not exist.
//
// # Operations
//
// /healthz serves the document marketkit fleet status reads (status,
// build, markets, configuration version, hash and staleness); the hash is
// that of the configuration as deployed, before the instance's local
// overrides, so one file across a fleet is one hash. /metrics serves
// Prometheus metrics from a registry of the server's own: requests by
// market and status, durations, the configuration's age and staleness,
// and marketkit_build_info labelled with the current configuration hash.
// Every request is logged through the host's *slog.Logger.
package shop
