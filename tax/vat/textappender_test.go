package vat

import "encoding"

// Issue 8: AppendText has the encoding.TextAppender signature.
var (
	_ encoding.TextAppender    = Reason(0)
	_ encoding.TextUnmarshaler = (*Reason)(nil)
)
