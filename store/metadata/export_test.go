package metadata

// Exported for the fuzz targets of package metadata_test.
var (
	AcceptsGzip = acceptsGzip
	NoneMatch   = noneMatch
)
