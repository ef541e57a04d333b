package address

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"
)

// TestNoFormatterBuilt: the package never builds a locale.Formatter
// itself (FormatOptions.Locale did, on every call), so that a program
// formatting addresses without display names does not link locale's
// display-name tables (4.3 MB stripped against 2.9 MB for an address-only
// program, measured when the option was removed). The names come only
// through FormatOptions.CountryNames.
func TestNoFormatterBuilt(t *testing.T) {
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "locale" && (sel.Sel.Name == "NewFormatter" || sel.Sel.Name == "MustNewFormatter") {
				t.Errorf("%s: calls locale.%s", fset.Position(sel.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
}
