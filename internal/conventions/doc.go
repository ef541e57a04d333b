// Package conventions holds no code: its tests check that the packages
// locale, address, address/phone, tax and tax/vat follow the conventions
// of the root package documentation where a machine can tell (the error
// structs' fields and the enums' text methods), so that a new type that
// does not is caught.
package conventions
