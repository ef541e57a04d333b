package phone

import "encoding"

// Issue 8: AppendText has the encoding.TextAppender signature.
var (
	_ encoding.TextAppender    = Type(0)
	_ encoding.TextUnmarshaler = (*Type)(nil)
)
