// Package tax resolves and calculates VAT, GST and sales tax exactly:
// effective-dated rates for the supported countries, tax zones, a resolution
// chain (EU, Canada, default), tax-inclusive and tax-exclusive calculation
// with a stated rounding policy, and VAT number validation.
//
// # Data
//
// [Builtin] returns the rate data maintained in this package (builtin.go):
// tax types (one tax in one zone, e.g. German VAT, Québec QST), each with
// rates per [Category] and effective-dated amounts with inclusive civil
// [Date] bounds. Every amount cites an official source ([Data.Source]).
// Percentages are exact ([Percent], never a float). Hosts may load their own
// data with [LoadJSON] or extend [BuiltinDefinition] and call [Build].
package tax
