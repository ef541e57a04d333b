// Package web puts a set of markets on the web: one domain (or several)
// for many markets, with path routing, detection that never traps
// anyone, a country switcher, per-market maintenance, forwarding to
// isolated instances and SEO alternates. It uses net/http only and fits
// Go 1.22+ http.ServeMux patterns and any router.
//
// # Routing
//
// A market owns a path prefix ("/de", "/fr-ch", "/us/es") and optionally
// a host: the only market of a host owns every path there (and is also
// served under its prefix on the shared host); markets sharing a host
// are routed there by prefix. Prefixes match whole path segments, the
// longest first:
// "/de-ch/x" is the de-ch market, "/dealer" is no market at all when only
// "/de" exists (raw string prefixes, as in http.StripPrefix, would serve it
// as "aler"). An unknown prefix goes to the host's NotFound handler, never
// to a guessed market, and a prefixed URL is never redirected to another
// market. Paths are matched in their escaped form ("/%64e/" is not "/de/")
// and paths with empty, "." or ".." segments are not found rather than
// cleaned into another market.
//
// # Detection
//
// Only "/" (on a host without a market of its own) needs detection. The
// chain, first answer wins: the ?market= query; the preference cookie
// (a market ID, validated against the current configuration); the CDN
// geolocation header (Options.GeoHeader, presets GeoCloudflare,
// GeoCloudFront, GeoFastly, GeoVercel, GeoAppEngine), believed only from
// Options.TrustedProxies, where XX, T1, ZZ and blanks mean unknown (with
// Options.GeoRegionHeader, the subdivision then picks among markets that
// split a country, Market.Subdivisions); the
// region of the best Accept-Language match among every market's locales;
// the default market.
//
// The detected market's group decides what "/" does (RootPolicy, the
// store's type): Suggest (the default) serves the root page with the
// detected market in the Selection; Stay serves it with the default
// market; Redirect answers real navigations (Sec-Fetch-Mode:
// navigate, or a GET/HEAD accepting text/html, never a prefetch) with
// 302 Found. Crawlers (IsCrawler) are never redirected and never get a
// cookie; a short-lived hop cookie breaks redirect loops after three
// hops, "/?market=" escapes the redirect, and a market in maintenance is
// not redirected to. Each answer's Vary lists exactly the inputs its
// decision read — Cookie, the geo header, Accept-Language, and for
// redirects User-Agent, Sec-Fetch-Mode, Accept and Sec-Purpose — even when
// the request did not carry them, so a cache never serves the first
// visitor's market to everyone. Market pages vary on none of these,
// except that a market with several locales whose URL does not name one
// negotiates it from the locale cookie and Accept-Language and says so.
//
// # Locales
//
// Country and language are separate choices. Within a market the locale
// comes from a path segment after the prefix ("/ch/fr/…"), the ?lang=
// query, the locale cookie, Accept-Language, then the market default,
// always negotiated against the market's supported locales.
//
// # Switching, cookies and redirects
//
// The switcher (Options.SwitchPath, "/_market") takes a POST with market,
// return and optionally locale, refuses cross-origin requests
// (http.CrossOriginProtection) and bodies over 4 KiB, stores the choice
// and answers 303 See Other to the same page in the chosen market when
// it exists there (Options.PageExists), else to its home. Every redirect
// target passes LocalPath, which refuses "//evil.example", "/\evil",
// "%2F%2F", tabs and newlines, "javascript:" and the like.
//
// The preference cookies ("market", "locale") are host-wide (Path=/), so
// "/" and every market read the same choice; they are HttpOnly,
// SameSite=Lax, Secure on TLS and live CookieMaxAge (180 days by
// default, at most 400). Cart, session and checkout cookies belong to
// one market, because a cart has one currency: set them with
// Path=Market.CookiePath() ("/de/"), so that switching market starts that
// market's own cart instead of silently keeping another currency.
//
// Every cookie and header value read is length-bounded (MaxIDLength,
// MaxCookieHeaderLength, MaxUserAgentLength, locale.MaxAcceptLanguageLength)
// and validated; nothing from a request is written back unescaped.
//
// # Maintenance, forwarding and reloads
//
// A market is in maintenance during its windows, read in its time zone
// (see Window for the DST rules), or while its operator switch is on: it
// then answers 503 with Retry-After and the host's page, and every other
// market keeps serving. A market with an Origin is forwarded with
// httputil.ReverseProxy's Rewrite hook, its path prefix kept, and an
// error page (502, or 504 on a timeout) when the origin is down.
//
// The Handler reads the configuration through Options.Site once per
// request; a reload publishes a new *Site (for example with an
// atomic.Pointer) and applies to new requests only, while requests in
// flight finish with the version they started with.
//
// The store configuration plugs in with FromStore, SiteFromStore, and
// StoreSite, which compiles each version of a store.Cache's configuration
// once and keeps the previous Site when a version does not compile.
//
// # Request context
//
// The market, locale and formatter travel with the request: FromContext
// returns the *Selection in the context of Next's requests, or Next
// implements MarketHandler and receives it as an argument, which costs
// no allocation.
//
// # Limits
//
// Market IDs and group IDs: MaxIDLength (32) bytes; prefixes:
// MaxPrefixSegments (4) segments; redirect targets: MaxLocalPathLength
// (2048) bytes; Cookie headers scanned: MaxCookieHeaderLength (8 KiB);
// User-Agent inspected: MaxUserAgentLength (512, longer counts as a
// crawler); Accept-Language: locale.MaxAcceptLanguageLength (1 KiB);
// Accept: 1 KiB; switcher bodies: 4 KiB; geo header values: exactly two
// letters. Compiling a Site (a reload) takes about 0.2 ms for nine
// markets.
//
// # Sign-in hand-off
//
// Package handoff (store/web/handoff) signs a customer in across domains
// and instances with short-lived, single-use, browser-bound tokens.
//
// # Performance
//
// On a market page the Handler costs a few hundred nanoseconds and no
// allocation with a MarketHandler (routing is a handful of map lookups on
// the escaped path; Accept-Language negotiation hits locale.Matcher's
// cache); the context form adds the two allocations of context.WithValue
// and Request.WithContext. Detection on "/" allocates its Selection (48
// bytes). The package's benchmarks run beside a no-op handler baseline,
// and TestExplicitPathNoAlloc pins the zero.
package web
