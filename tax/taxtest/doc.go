// Package taxtest is a conformance suite for implementations of
// tax.Calculator (the built-in one, or an adapter for an external
// sales-tax service). Run it from a test:
//
//	func TestConformance(t *testing.T) {
//		taxtest.Run(t, taxtest.Suite{New: func() tax.Calculator { return myCalc }})
//	}
//
// The suite checks the invariants every implementation must keep — on each
// line Net + Tax = Gross exactly and Tax is the sum of the line's Taxes; the
// order totals are the sums of the lines; the per-rate breakdown sums to
// the total tax; no net or tax is negative for a non-negative price; a
// tax-inclusive price under the KeepGross policy is never changed on a
// taxed line, nor on any line under KeepGrossAlways — plus context
// cancellation, Result reuse, concurrent use, and typed errors for bad
// input. [Check] exposes the
// invariants for an implementation's own fuzz targets.
package taxtest
