package locale

import "flag"

// long runs the exhaustive tests (every locale × currency against
// bojanz/currency, the time zone database check through the go command,
// two million dates): go test ./locale -long. The default run samples.
var long = flag.Bool("long", false, "run the exhaustive tests")
