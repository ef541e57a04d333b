package locale

import "encoding"

// Issue 8: AppendText has the encoding.TextAppender signature wherever it
// exists (the enums are also checked by checkEnum).
var (
	_ encoding.TextAppender    = Date{}
	_ encoding.TextUnmarshaler = (*Date)(nil)
	_ encoding.TextAppender    = RoundingMode(0)
	_ encoding.TextAppender    = Style(0)
	_ encoding.TextAppender    = Display(0)
	_ encoding.TextAppender    = DateStyle(0)
	_ encoding.TextAppender    = MeasurementSystem(0)
)
