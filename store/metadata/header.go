package metadata

// The request headers the server reads, parsed without allocating. Both
// parsers are lenient in what they skip and strict in what they accept: a
// malformed element never turns into a match.

// maxHeaderScan bounds the bytes of one header value that are parsed; the
// rest is ignored (net/http already limits the whole header block to
// http.DefaultMaxHeaderBytes, 1 MB, by default).
const maxHeaderScan = 4096

// isOWS reports optional white space (RFC 9110 §5.6.3).
func isOWS(c byte) bool { return c == ' ' || c == '\t' }

func trimOWS(s string) string {
	for len(s) > 0 && isOWS(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isOWS(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

// equalFold reports whether s equals the lower-case ASCII word lower,
// ignoring ASCII case.
func equalFold(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// acceptsGzip reports whether the Accept-Encoding values allow gzip
// (RFC 9110 §12.5.3): a "gzip" or "x-gzip" element with a non-zero q,
// or, when neither is listed, a "*" with a non-zero q. An element with a
// malformed q-value counts as not acceptable.
func acceptsGzip(values []string) bool {
	gzip, star := -1, -1 // -1 unlisted, 0 refused, 1 accepted
	for _, v := range values {
		if len(v) > maxHeaderScan {
			// Keep whole elements only: a cut "gzipfoo" must not read
			// as "gzip".
			v = v[:maxHeaderScan]
			i := len(v) - 1
			for i >= 0 && v[i] != ',' {
				i--
			}
			v = v[:max(i, 0)]
		}
		for len(v) > 0 {
			var elem string
			elem, v = cutByte(v, ',')
			coding, params := cutByte(elem, ';')
			coding = trimOWS(coding)
			ok := qNonZero(params)
			switch {
			case equalFold(coding, "gzip") || equalFold(coding, "x-gzip"):
				gzip = max(gzip, b2i(ok))
			case coding == "*":
				star = max(star, b2i(ok))
			}
		}
	}
	if gzip >= 0 {
		return gzip == 1
	}
	return star == 1
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// cutByte is strings.Cut for one byte.
func cutByte(s string, sep byte) (before, after string) {
	for i := 0; i < len(s); i++ {
		if s[i] == sep {
			return s[:i], s[i+1:]
		}
	}
	return s, ""
}

// qNonZero reads the parameters after a coding ("q=0.5", "q=0;x=y") and
// reports whether its weight is above zero: true without a q parameter,
// false for q=0 (0, 0.0, 0.000) and for a malformed q-value.
func qNonZero(params string) bool {
	for len(params) > 0 {
		var p string
		p, params = cutByte(params, ';')
		name, val := cutByte(p, '=')
		if !equalFold(trimOWS(name), "q") {
			continue
		}
		val = trimOWS(val)
		// qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
		if len(val) == 0 || len(val) > 5 || (val[0] != '0' && val[0] != '1') {
			return false
		}
		if len(val) > 1 && val[1] != '.' {
			return false
		}
		nonzero := val[0] == '1'
		for i := 2; i < len(val); i++ {
			c := val[i]
			if c < '0' || c > '9' || (val[0] == '1' && c != '0') {
				return false
			}
			nonzero = nonzero || c != '0'
		}
		return nonzero
	}
	return true
}

// noneMatch reports whether the If-None-Match values match one of tags
// (quoted strong entity-tags such as `"abc"`) by weak comparison (RFC 9110
// §13.1.2): "*" matches, W/ prefixes are ignored. Parsing stops at the
// first malformed element, which never matches.
func noneMatch(values []string, tags ...string) bool {
	for _, v := range values {
		if len(v) > maxHeaderScan {
			v = v[:maxHeaderScan]
		}
		for {
			for len(v) > 0 && (isOWS(v[0]) || v[0] == ',') {
				v = v[1:]
			}
			if len(v) == 0 {
				break
			}
			if v[0] == '*' {
				rest := trimOWS(v[1:])
				if rest == "" || rest[0] == ',' {
					return true
				}
				break
			}
			if len(v) >= 2 && v[0] == 'W' && v[1] == '/' {
				v = v[2:]
			}
			if len(v) == 0 || v[0] != '"' {
				break
			}
			end := -1
			for i := 1; i < len(v); i++ {
				if v[i] == '"' {
					end = i
					break
				}
			}
			if end < 0 {
				break
			}
			tag := v[:end+1]
			for _, t := range tags {
				if tag == t {
					return true
				}
			}
			v = v[end+1:]
		}
	}
	return false
}
