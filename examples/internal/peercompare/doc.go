// Package peercompare measures the storefront against its peer on the
// peer's own workload: the Vendure 3.7.3 listing benchmark in
// shared/reference/peers/vendure (10,000 products with one variant each,
// 20 collections of exactly 500, 10 brands, 8 colours, two channels: USD
// with net prices and EUR with gross prices at 0.9 × the USD gross).
//
// The catalog is generated here with the same shape ([Generate]) and
// served by the storefront's own server (examples/internal/shop) with two
// markets, us-east (USD, net) and de (EUR, gross). The four cases are the
// peer's: a category page of 24 sorted by price with facet counts, the same
// filtered by one brand, a text search for "steel", and the filtered page
// in the EUR market. Each is measured with one sequential client (100
// warm-up requests, then 500 timed) and with 16 keep-alive connections,
// beside a net/http handler that writes the filtered page's bytes as a
// constant (the limit for any Go server on the machine).
//
// The test always checks that every answer is a 200 whose products are the
// Store's first page, in the Store's order, at the Store's prices. It
// measures briefly by default; with -peer.measure it runs the peer's method
// (wrk -t1 -c16 -d20s --timeout 30s --latency when wrk is installed, three
// passes, medians) and logs a table to compare with the peer's RESULTS.md.
package peercompare
