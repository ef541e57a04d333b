//go:build race

package store

// raceEnabled: the race detector makes sync.Pool drop items, so
// allocation counts are not checked under it.
const raceEnabled = true
