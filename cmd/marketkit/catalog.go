package main

import (
	"context"
	"errors"

	"github.com/marketkit/marketkit/store"
)

// loadCatalog reads a catalog file for check.
func loadCatalog(ctx context.Context, path string) (store.CatalogView, error) {
	return nil, errors.New("--catalog: the catalog package is not available yet")
}
