package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestResolveSymbol(t *testing.T) {
	root := map[string]map[string]string{
		"USD": {"symbol": "US$", "symbol-alt-narrow": "$"},
		"EUR": {"symbol": "€", "symbol-alt-narrow": "€"},
	}
	cs := map[string]map[string]string{
		"USD": {"symbol": "USD"},   // CLDR's symbol is the code
		"MXN": {"symbol": "$"},     // the local dollar
		"ANG": {},                  // no symbol: the code
		"XCG": {"symbol": "ANG"},   // another currency's code
		"EUR": {"displayName": ""}, // no symbol of its own: root's
	}
	tests := []struct {
		code string
		cs   map[string]map[string]string
		want symbolPair
	}{
		{"USD", cs, symbolPair{"USD", "$"}},
		{"MXN", cs, symbolPair{"$", "$"}},
		{"ANG", cs, symbolPair{"ANG", "ANG"}},
		{"XCG", cs, symbolPair{"XCG", "XCG"}},
		{"EUR", cs, symbolPair{"€", "€"}},
		{"USD", nil, symbolPair{"US$", "$"}},
		{"JPY", nil, symbolPair{"JPY", "JPY"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, resolveSymbol(tt.cs, root, tt.code), cmp.AllowUnexported(symbolPair{})); diff != "" {
			t.Errorf("resolveSymbol(%s) (-want +got):\n%s", tt.code, diff)
		}
	}
}
