package main

import (
	"context"
	"errors"
	"os"
	"strconv"

	"github.com/marketkit/marketkit/catalog"
	"github.com/marketkit/marketkit/store"
)

// loadCatalog reads a JSON Lines catalog for check. Bad lines are
// problems of the report (each with its line and field); the good ones are
// still checked.
func loadCatalog(ctx context.Context, path string) (*catalog.Catalog, []store.Problem, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	d, readErr := catalog.ReadJSONL(f)
	var problems []store.Problem
	addAll := func(err error) {
		var list *catalog.Errors
		if errors.As(err, &list) {
			for _, e := range list.List {
				problems = append(problems, catalogProblem(e))
			}
			return
		}
		var e *catalog.Error
		if errors.As(err, &e) {
			problems = append(problems, catalogProblem(e))
			return
		}
		problems = append(problems, store.Problem{Code: "catalog", Field: "catalog", Message: err.Error(), Err: err})
	}
	if readErr != nil {
		addAll(readErr)
	}
	cat, err := catalog.New(d, nil)
	if err != nil {
		addAll(err)
		return nil, problems, nil
	}
	return cat, problems, nil
}

func catalogProblem(e *catalog.Error) store.Problem {
	field := "catalog"
	if e.Line > 0 {
		field += ":" + strconv.Itoa(e.Line)
	}
	if e.Field != "" {
		field += " " + e.Field
	}
	msg := e.Error()
	if e.Err != nil {
		msg = e.Err.Error()
	}
	return store.Problem{Code: "catalog", Field: field, Value: e.Value, Message: msg, Err: e}
}
