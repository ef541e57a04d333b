package pricing

import (
	"flag"
	"math/rand/v2"
	"testing"
)

var long = flag.Bool("long", false, "run the exhaustive tests")

// TestQuoteOracleRandom reprices random orders (up to 50 items, every
// mode, EUR and JPY) against the big.Rat oracle: 100 in the default run,
// 100,000 with -long (about 45 s here; the independent audit of issue 9
// repriced 500,000).
func TestQuoteOracleRandom(t *testing.T) {
	n := 100
	if *long {
		n = 100_000
	}
	r := rand.New(rand.NewPCG(9, 2026))
	for range n {
		data := make([]byte, 5*(1+r.IntN(50)))
		for i := range data {
			data[i] = byte(r.Uint32())
		}
		checkQuoteOracle(t, orderFromBytes(t, data, uint16(r.Uint32()), uint8(r.Uint32()), uint8(r.Uint32()), r.IntN(4) == 0))
	}
}
