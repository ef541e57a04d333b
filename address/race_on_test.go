//go:build race

package address

// raceEnabled: the race detector makes sync.Pool drop items at random, so
// regexp's pooled matchers are sometimes reallocated.
const raceEnabled = true
