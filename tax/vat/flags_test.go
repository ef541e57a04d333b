package vat

import "flag"

// CI runs go test ./tax/... -long; this package has no exhaustive tests,
// but it must accept the flag.
var _ = flag.Bool("long", false, "run the exhaustive tests (none in this package)")
