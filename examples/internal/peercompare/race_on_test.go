//go:build race

package peercompare

// raceEnabled: the race detector slows the server several times more
// than the constant page, so the run only checks answers under load.
const raceEnabled = true
