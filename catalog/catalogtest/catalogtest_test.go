package catalogtest_test

import (
	"testing"

	"github.com/marketkit/marketkit/catalog"
	"github.com/marketkit/marketkit/catalog/catalogtest"
)

func newMemory(t *testing.T, d catalog.Data) catalog.Source {
	c, err := catalog.New(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	return catalog.NewMemorySource(c)
}

func TestMemorySourceConforms(t *testing.T) {
	catalogtest.Run(t, catalogtest.Suite{
		New: newMemory,
		Update: func(t *testing.T, src catalog.Source, d catalog.Data) {
			c, err := catalog.New(d, nil)
			if err != nil {
				t.Fatal(err)
			}
			src.(*catalog.MemorySource).Set(c)
		},
	})
}
