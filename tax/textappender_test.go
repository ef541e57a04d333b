package tax

import "encoding"

// Issue 8: AppendText has the encoding.TextAppender signature wherever it
// exists, and every text type reads its text back. These fail to compile
// otherwise.
var (
	_ encoding.TextAppender = Rounding(0)
	_ encoding.TextAppender = CrossBorder(0)
	_ encoding.TextAppender = OutcomeKind(0)
	_ encoding.TextAppender = Category(0)
	_ encoding.TextAppender = Kind(0)
	_ encoding.TextAppender = Supply(0)
	_ encoding.TextAppender = Date{}

	_ encoding.TextUnmarshaler = (*Rounding)(nil)
	_ encoding.TextUnmarshaler = (*CrossBorder)(nil)
	_ encoding.TextUnmarshaler = (*OutcomeKind)(nil)
	_ encoding.TextUnmarshaler = (*Category)(nil)
	_ encoding.TextUnmarshaler = (*Kind)(nil)
	_ encoding.TextUnmarshaler = (*Supply)(nil)
	_ encoding.TextUnmarshaler = (*Date)(nil)
)
