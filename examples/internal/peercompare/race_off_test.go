//go:build !race

package peercompare

const raceEnabled = false
