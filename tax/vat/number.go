package vat

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/marketkit/marketkit/internal/enum"
	"github.com/marketkit/marketkit/internal/errtext"
)

// MaxInput is the longest input [Parse] and [Validate] read; longer input
// is an error before any other work is done.
const MaxInput = 64

// Sentinel errors. [Parse] and [Validate] return a [*Error] wrapping
// ErrInvalidNumber; Verifier implementations return an error wrapping
// ErrUnavailable when the service cannot answer.
var (
	// ErrInvalidNumber reports a VAT number that fails normalization,
	// format or checksum validation.
	ErrInvalidNumber = errors.New("vat: invalid VAT number")
	// ErrUnavailable is returned by Verifier implementations when the
	// online service cannot answer (timeouts, maintenance).
	ErrUnavailable = errors.New("vat: verification service unavailable")
	// ErrInvalidReason reports the text of a Reason that is not one of the
	// defined names.
	ErrInvalidReason = errors.New("vat: invalid reason")
)

// Number is a normalized, format- and checksum-valid VAT identification
// number. Prefix is the VIES prefix ("DE", "EL" for Greece, "XI" for
// Northern Ireland, "CHE" for Switzerland, "NO" for Norway) and Number the
// national part without separators; Suffix holds the optional Swiss
// MWST/TVA/IVA/TPV or Norwegian MVA suffix. The zero Number is not a
// valid number (its String is "").
type Number struct {
	Prefix string
	Number string
	Suffix string
}

// String returns the compact form: "DE136695976", "CHE100155212MWST".
func (v Number) String() string { return v.Prefix + v.Number + v.Suffix }

// Country returns the ISO 3166-1 country of the number: GR for EL, GB for
// XI (Northern Ireland), CH for CHE.
func (v Number) Country() string { return PrefixCountry(v.Prefix) }

// PrefixCountry returns the ISO 3166-1 country of a VIES prefix as
// returned by [Validate]: GR for EL, GB for XI, CH for CHE, the prefix
// itself otherwise.
func PrefixCountry(prefix string) string {
	switch prefix {
	case "EL":
		return "GR"
	case "XI":
		return "GB"
	case "CHE":
		return "CH"
	}
	return prefix
}

// Reason says what is wrong with a VAT number.
type Reason uint8

// Reasons reported by [Error].
const (
	ReasonEmpty    Reason = iota + 1 // nothing but separators
	ReasonTooLong                    // longer than MaxInput bytes
	ReasonCountry                    // unknown or unsupported country prefix
	ReasonLength                     // wrong length for the country
	ReasonFormat                     // wrong characters or layout for the country
	ReasonChecksum                   // check digits do not match
)

var reasonNames = enum.New("Reason", ReasonEmpty,
	"empty", "too-long", "unknown-country", "wrong-length", "wrong-format", "checksum-mismatch")

var reasonText = [...]string{"", "empty", "too long", "unknown or unsupported country prefix", "wrong length", "wrong format", "checksum mismatch"}

// String returns the name ("checksum-mismatch"), or "Reason(N)".
func (r Reason) String() string { return reasonNames.String(r) }

// IsValid reports whether r is one of the defined reasons.
func (r Reason) IsValid() bool { return reasonNames.IsValid(r) }

// ParseReason parses a name as returned by String ("wrong-length");
// anything else is an *Error wrapping ErrInvalidReason.
func ParseReason(s string) (Reason, error) {
	if r, ok := reasonNames.Parse(s); ok {
		return r, nil
	}
	return 0, &Error{Op: "ParseReason", Field: "reason", Value: s, Err: ErrInvalidReason}
}

// AppendText implements encoding.TextAppender; an undefined reason is an
// error and b is returned unchanged.
func (r Reason) AppendText(b []byte) ([]byte, error) {
	if out, ok := reasonNames.AppendText(b, r); ok {
		return out, nil
	}
	return b, &Error{Op: "AppendText", Field: "reason", Value: r.String(), Err: ErrInvalidReason}
}

// MarshalText implements encoding.TextMarshaler; an undefined reason is an
// error.
func (r Reason) MarshalText() ([]byte, error) { return r.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler with ParseReason.
func (r *Reason) UnmarshalText(b []byte) error {
	x, err := ParseReason(string(b))
	if err != nil {
		return err
	}
	*r = x
	return nil
}

// Error reports an invalid VAT number: the operation, the input, the
// prefix that was recognized (if any) and the reason. It wraps
// ErrInvalidNumber. Its message has the layout of every marketkit error:
//
//	vat: Parse: number "DE136695977": invalid VAT number: DE: checksum mismatch
//
// with the value quoted and cut after 64 bytes. Error never panics, also
// on the zero or a nil *Error.
type Error struct {
	Op     string // "Parse" or "Validate"
	Field  string // "number"
	Value  string // the input as given
	Err    error  // ErrInvalidNumber
	Prefix string // the recognized prefix, "" when none
	Reason Reason
}

// Error returns the message described on [Error].
func (e *Error) Error() string {
	if e == nil {
		return "vat: <nil>"
	}
	var b strings.Builder
	b.WriteString("vat: ")
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteByte(' ')
	}
	b.WriteString(errtext.Quote(e.Value))
	b.WriteString(": ")
	if e.Err != nil {
		b.WriteString(strings.TrimPrefix(e.Err.Error(), "vat: "))
	} else {
		b.WriteString("invalid value")
	}
	if e.Prefix != "" {
		b.WriteString(": ")
		b.WriteString(e.Prefix)
	}
	if e.Reason.IsValid() {
		b.WriteString(": ")
		b.WriteString(reasonText[e.Reason])
	}
	return b.String()
}

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// Parse normalizes s (drops spaces, tabs, dots, dashes, slashes and
// commas; upper-cases ASCII; accepts GR for EL and "CHE-123.456.789
// MWST") and validates the format and check digits of the country. It
// supports the EU-27 (EL, with GR accepted), XI, GB, CHE and NO. Input
// longer than [MaxInput] bytes is rejected before any other work.
func Parse(s string) (Number, error) {
	var buf [MaxInput]byte
	p, n, sfx, r := normalize(s, &buf)
	if r != 0 {
		return Number{}, newError("Parse", s, p, r)
	}
	return Number{Prefix: p, Number: string(n), Suffix: sfx}, nil
}

// Validate is Parse without the number: it returns the canonical prefix
// of a valid number ("EL" for "GR…", "CHE" for "CHE-…"), which
// [PrefixCountry] maps to its country. It allocates nothing for valid
// input.
func Validate(s string) (prefix string, err error) {
	var buf [MaxInput]byte
	p, _, _, r := normalize(s, &buf)
	if r != 0 {
		return "", newError("Validate", s, p, r)
	}
	return p, nil
}

func newError(op, in, prefix string, r Reason) error {
	return &Error{Op: op, Field: "number", Value: in, Err: ErrInvalidNumber, Prefix: prefix, Reason: r}
}

// normalize returns the prefix, the national part (in buf) and the suffix
// of s, or the reason s is invalid (with the recognized prefix, if any).
func normalize(s string, buf *[MaxInput]byte) (prefix string, num []byte, suffix string, r Reason) {
	if len(s) > MaxInput {
		return "", nil, "", ReasonTooLong
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '.' || c == '-' || c == '/' || c == ',' || c == '\t':
			continue
		case 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		case 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		default:
			return "", nil, "", ReasonFormat
		}
		buf[n] = c
		n++
	}
	b := buf[:n]
	if len(b) == 0 {
		return "", nil, "", ReasonEmpty
	}
	if len(b) < 2 {
		return "", nil, "", ReasonCountry
	}
	ci := vatPrefix(b[:2])
	if ci < 0 {
		return "", nil, "", ReasonCountry
	}
	pfx := checkers[ci].prefix
	b = b[2:]
	switch pfx {
	case "CHE":
		if len(b) == 0 || b[0] != 'E' {
			return pfx, nil, "", ReasonFormat
		}
		b = b[1:]
		b, suffix = cutSuffix(b, "MWST", "TVA", "IVA", "TPV")
	case "NO":
		b, suffix = cutSuffix(b, "MVA")
	case "BE":
		if len(b) == 9 { // legacy form without the leading 0
			n := len(buf) - 10
			buf[n] = '0'
			copy(buf[n+1:], b)
			b = buf[n : n+10]
		}
	}
	if r := checkVAT(ci, b); r != 0 {
		return pfx, nil, "", r
	}
	return pfx, b, suffix, 0
}

func cutSuffix(b []byte, sfx ...string) ([]byte, string) {
	for _, x := range sfx {
		if len(b) >= len(x) && string(b[len(b)-len(x):]) == x {
			return b[:len(b)-len(x)], x
		}
	}
	return b, ""
}

// vatPrefix returns the index in checkers of the canonical prefix of the
// first two normalized bytes ("GR" → "EL", "CH" → "CHE"), or -1.
func vatPrefix(b []byte) int {
	switch string(b) {
	case "GR":
		b = []byte("EL")
	case "CH":
		return cheIndex
	}
	for i := range checkers {
		if p := checkers[i].prefix; len(p) == 2 && p[0] == b[0] && p[1] == b[1] {
			return i
		}
	}
	return -1
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func dig(c byte) int { return int(c - '0') }

// weighted returns Σ w[i]·digit(b[i]).
func weighted(b []byte, w ...int) int {
	s := 0
	for i, x := range w {
		s += x * dig(b[i])
	}
	return s
}

// luhnValid reports whether the digits pass the Luhn check.
func luhnValid(b []byte) bool {
	s := 0
	for i := len(b) - 1; i >= 0; i-- {
		d := dig(b[i])
		if (len(b)-1-i)%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		s += d
	}
	return s%10 == 0
}

// mod11_10 is the ISO 7064 MOD 11,10 check over all digits but the last;
// it reports whether the last digit matches.
func mod11_10(b []byte) bool {
	p := 10
	for _, c := range b[:len(b)-1] {
		s := (dig(c) + p) % 10
		if s == 0 {
			s = 10
		}
		p = (2 * s) % 11
	}
	return (11-p)%10 == dig(b[len(b)-1])
}

// mod97 returns the value of the decimal/alphanumeric string modulo 97,
// letters counting as 10..35.
func mod97(b []byte) int {
	r := 0
	for _, c := range b {
		if isDigit(c) {
			r = (r*10 + dig(c)) % 97
		} else {
			r = (r*100 + int(c-'A') + 10) % 97
		}
	}
	return r
}

func atoiB(b []byte) int {
	n := 0
	for _, c := range b {
		n = n*10 + dig(c)
	}
	return n
}

func lenIs(b []byte, ns ...int) bool {
	for _, n := range ns {
		if len(b) == n {
			return true
		}
	}
	return false
}

// checkers holds the check of the national part of each supported prefix.
var checkers = [...]struct {
	prefix string
	check  func(v national) Reason
}{
	{"AT", checkAT},
	{"BE", checkBE},
	{"BG", checkBG},
	{"CY", checkCY},
	{"CZ", checkCZ},
	{"DE", checkDE},
	{"DK", checkDK},
	{"EE", checkEE},
	{"EL", checkEL},
	{"ES", checkES},
	{"FI", checkFI},
	{"FR", checkFR},
	{"HR", checkHR},
	{"HU", checkHU},
	{"IE", checkIE},
	{"IT", checkIT},
	{"LT", checkLT},
	{"LU", checkLU},
	{"LV", checkLV},
	{"MT", checkMT},
	{"NL", checkNL},
	{"PL", checkPL},
	{"PT", checkPT},
	{"RO", checkRO},
	{"SE", checkSE},
	{"SI", checkSI},
	{"SK", checkSK},
	{"GB", checkGB},
	{"XI", checkGB},
	{"CHE", checkCHE},
	{"NO", checkNO},
}

// checkVAT validates the national part b of a number with prefix pfx; it
// returns 0 when valid.
func checkVAT(ci int, b []byte) Reason {
	var v national
	if len(b) > len(v.buf) {
		return ReasonLength // no national part is that long
	}
	v.n = copy(v.buf[:], b)
	return checkers[ci].check(v)
}

// cheIndex is the index of "CHE" in checkers.
var cheIndex = func() int {
	for i := range checkers {
		if checkers[i].prefix == "CHE" {
			return i
		}
	}
	panic("vat: no CHE checker")
}()

// national is the national part of a number, passed by value to the
// checkers so that the caller's buffer does not escape through the
// function values of the table (Validate allocates nothing).
type national struct {
	buf [16]byte
	n   int
}

func (v *national) bytes() []byte { return v.buf[:v.n] }

func checkAT(v national) Reason {
	b := v.bytes()
	ok := true
	if len(b) != 9 {
		return ReasonLength
	}
	if b[0] != 'U' || !allDigits(b[1:]) {
		return ReasonFormat
	}
	ok = (10-(doubledSum(b[1:8], 1)+4)%10)%10 == dig(b[8])
	if !ok {
		return ReasonChecksum
	}
	return 0
}

func checkBE(v national) Reason {
	b := v.bytes()
	ok := true
	if len(b) != 10 {
		return ReasonLength
	}
	if !allDigits(b) || b[0] > '1' {
		return ReasonFormat
	}
	ok = 97-atoiB(b[:8])%97 == atoiB(b[8:])
	if !ok {
		return ReasonChecksum
	}
	return 0
}

func checkBG(v national) Reason {
	b := v.bytes()
	ok := true
	if !lenIs(b, 9, 10) {
		return ReasonLength
	}
	if !allDigits(b) {
		return ReasonFormat
	}
	if len(b) == 9 {
		c := weighted(b, 1, 2, 3, 4, 5, 6, 7, 8) % 11
		if c == 10 {
			c = weighted(b, 3, 4, 5, 6, 7, 8, 9, 10) % 11 % 10
		}
		ok = c == dig(b[8])
	} else {
		// EGN (citizens) embed a birth date: YYMMDD with 20 added to
		// the month for 1800-1899 and 40 for 2000-2099.
		person := -1
		if yy, mm, dd := atoiB(b[:2]), atoiB(b[2:4]), atoiB(b[4:6]); validBirth(egnYear(yy, mm), egnMonth(mm), dd) {
			person = weighted(b, 2, 4, 8, 5, 10, 9, 7, 3, 6) % 11 % 10
		}
		foreign := weighted(b, 21, 19, 17, 13, 11, 9, 7, 3, 1) % 10
		other := 11 - weighted(b, 4, 3, 2, 7, 6, 5, 4, 3, 2)%11
		if other == 11 {
			other = 0
		}
		last := dig(b[9])
		ok = person == last || foreign == last || (other != 10 && other == last)
	}
	if !ok {
		return ReasonChecksum
	}
	return 0
}

func checkCY(v national) Reason {
	b := v.bytes()
	ok := true
	if len(b) != 9 {
		return ReasonLength
	}
	if !allDigits(b[:8]) || !isUpper(b[8]) || b[0] == '2' || b[0] == '1' && b[1] == '2' {
		return ReasonFormat
	}
	odd := [10]int{1, 0, 5, 7, 9, 13, 15, 17, 19, 21}
	s := 0
	for i := 0; i < 8; i++ {
		if i%2 == 0 {
			s += odd[dig(b[i])]
		} else {
			s += dig(b[i])
		}
	}
	ok = byte('A'+s%26) == b[8]
	if !ok {
		return ReasonChecksum
	}
	return 0
}

func checkCZ(v national) Reason {
	b := v.bytes()
	ok := true
	if !lenIs(b, 8, 9, 10) {
		return ReasonLength
	}
	if !allDigits(b) {
		return ReasonFormat
	}
	switch len(b) {
	case 8:
		if b[0] == '9' {
			return ReasonFormat
		}
		c := (11 - weighted(b, 8, 7, 6, 5, 4, 3, 2)%11) % 11
		if c == 0 {
			c = 1
		}
		ok = c%10 == dig(b[7])
	case 9:
		if b[0] == '6' { // special numbers: check digit over digits 2-8
			c := 0
			for i, x := range b[1:8] {
				c += (8 - i) * dig(x)
			}
			c %= 11
			ok = ((8-(10-c)%11)%10+10)%10 == dig(b[8])
			break
		}
		// Birth numbers of people born before 1954 have no check
		// digit, but their date must exist.
		if !czBirth(b) {
			return ReasonFormat
		}
	case 10:
		if !czBirth(b) {
			return ReasonFormat
		}
		n, _ := strconv.ParseInt(string(b), 10, 64)
		head, _ := strconv.ParseInt(string(b[:9]), 10, 64)
		// The number is divisible by 11. Exception: numbers issued
		// before 1985 whose first nine digits leave remainder 10
		// end in 0; from 1985 such numbers are not issued. A
		// 10-digit number's year is 1954 (YY 54) to 2053 (YY 53).
		yy := atoiB(b[:2])
		ok = n%11 == 0 || (head%11 == 10 && b[9] == '0' && yy >= 54 && yy < 85)
	}
	if !ok {
		return ReasonChecksum
	}
	return 0
}

func checkDE(v national) Reason {
	b := v.bytes()
	ok := true
	if len(b) != 9 {
		return ReasonLength
	}
	if !allDigits(b) || b[0] == '0' {
		return ReasonFormat
	}
	ok = mod11_10(b)
	if !ok {
		return ReasonChecksum
	}
	return 0
}

func checkDK(v national) Reason {
	b := v.bytes()
	ok := true
	if len(b) != 8 {
		return ReasonLength
	}
	if !allDigits(b) || b[0] == '0' {
		return ReasonFormat
	}
	ok = weighted(b, 2, 7, 6, 5, 4, 3, 2, 1)%11 == 0
	if !ok {
		return ReasonChecksum
	}
	return 0
}

// digitsChecked is the rule of the countries whose numbers are n digits
// with a check: the length, then digits only, then sum.
func digitsChecked(b []byte, n int, sum func(b []byte) bool) Reason {
	switch {
	case len(b) != n:
		return ReasonLength
	case !allDigits(b):
		return ReasonFormat
	case !sum(b):
		return ReasonChecksum
	}
	return 0
}

func checkEE(v national) Reason {
	return digitsChecked(v.bytes(), 9, func(b []byte) bool { return (10-weighted(b, 3, 7, 1, 3, 7, 1, 3, 7)%10)%10 == dig(b[8]) })
}

func checkEL(v national) Reason {
	return digitsChecked(v.bytes(), 9, func(b []byte) bool { return weighted(b, 256, 128, 64, 32, 16, 8, 4, 2)%11%10 == dig(b[8]) })
}

func checkFI(v national) Reason {
	return digitsChecked(v.bytes(), 8, func(b []byte) bool { return mod11Check(b, 7, 9, 10, 5, 8, 4, 2) })
}

func checkFR(v national) Reason {
	b := v.bytes()
	ok := true
	if len(b) != 11 {
		return ReasonLength
	}
	if !allDigits(b[2:]) || !frKeyChar(b[0]) || !frKeyChar(b[1]) {
		return ReasonFormat
	}
	// The SIREN carries a Luhn check digit (Monaco's numbers, SIREN
	// 000…, do not).
	if !(b[2] == '0' && b[3] == '0' && b[4] == '0') && !luhnValid(b[2:]) {
		return ReasonChecksum
	}
	if isDigit(b[0]) && isDigit(b[1]) {
		siren := atoiB(b[2:])
		ok = (12+3*(siren%97))%97 == atoiB(b[:2])
	}
	// Alphanumeric keys (new-style numbers) are checked by format only.
	if !ok {
		return ReasonChecksum
	}
	return 0
}

func checkHR(v national) Reason {
	return digitsChecked(v.bytes(), 11, func(b []byte) bool { return mod11_10(b) })
}

func checkHU(v national) Reason {
	return digitsChecked(v.bytes(), 8, func(b []byte) bool { return (10-weighted(b, 9, 7, 3, 1, 9, 7, 3)%10)%10 == dig(b[7]) })
}

func checkIT(v national) Reason {
	b := v.bytes()
	ok := true
	if len(b) != 11 {
		return ReasonLength
	}
	if !allDigits(b) || atoiB(b[:7]) == 0 {
		return ReasonFormat
	}
	office := atoiB(b[7:10])
	if !(office >= 1 && office <= 100 || office == 120 || office == 121 || office == 888 || office == 999) {
		return ReasonFormat
	}
	ok = luhnValid(b)
	if !ok {
		return ReasonChecksum
	}
	return 0
}

func checkLT(v national) Reason {
	b := v.bytes()
	ok := true
	if !lenIs(b, 9, 12) {
		return ReasonLength
	}
	if !allDigits(b) || b[len(b)-2] != '1' {
		return ReasonFormat
	}
	body := b[:len(b)-1]
	s := 0
	for i, c := range body {
		s += (1 + i%9) * dig(c)
	}
	c := s % 11
	if c == 10 {
		s = 0
		for i, c := range body {
			s += (1 + (i+2)%9) * dig(c)
		}
		c = s % 11
	}
	ok = c%10 == dig(b[len(b)-1])
	if !ok {
		return ReasonChecksum
	}
	return 0
}

func checkLU(v national) Reason {
	return digitsChecked(v.bytes(), 8, func(b []byte) bool { return atoiB(b[:6])%89 == atoiB(b[6:]) })
}

func checkLV(v national) Reason {
	b := v.bytes()
	ok := true
	if len(b) != 11 {
		return ReasonLength
	}
	if !allDigits(b) {
		return ReasonFormat
	}
	if b[0] > '3' { // legal entity
		ok = weighted(b, 9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1)%11 == 3
	} else if !(b[0] == '3' && b[1] == '2') { // personal code with a birth date
		// DDMMYY-C…: C is the century (0: 1800s, 1: 1900s, 2: 2000s).
		dd, mm, yy := atoiB(b[:2]), atoiB(b[2:4]), atoiB(b[4:6])
		if b[6] > '2' || !validBirth(1800+100*dig(b[6])+yy, mm, dd) {
			return ReasonFormat
		}
		ok = (1+weighted(b, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9))%11%10 == dig(b[10])
	}
	// New-style personal codes (32…, since 2017) carry no birth date;
	// they are checked by format only.
	if !ok {
		return ReasonChecksum
	}
	return 0
}

func checkMT(v national) Reason {
	b := v.bytes()
	ok := true
	if len(b) != 8 {
		return ReasonLength
	}
	if !allDigits(b) || b[0] == '0' {
		return ReasonFormat
	}
	ok = 37-weighted(b, 3, 4, 6, 7, 8, 9)%37 == atoiB(b[6:])
	if !ok {
		return ReasonChecksum
	}
	return 0
}

func checkNL(v national) Reason {
	b := v.bytes()
	ok := true
	if len(b) != 12 {
		return ReasonLength
	}
	if !allDigits(b[:9]) || b[9] != 'B' || !allDigits(b[10:]) || b[10] == '0' && b[11] == '0' || atoiB(b[:9]) == 0 {
		return ReasonFormat
	}
	c := weighted(b, 9, 8, 7, 6, 5, 4, 3, 2) % 11
	if c != 10 && c == dig(b[8]) {
		return 0
	}
	var t [14]byte
	t[0], t[1] = 'N', 'L'
	copy(t[2:], b)
	ok = mod97(t[:]) == 1
	if !ok {
		return ReasonChecksum
	}
	return 0
}

func checkPL(v national) Reason {
	return digitsChecked(v.bytes(), 10, func(b []byte) bool { return weighted(b, 6, 5, 7, 2, 3, 4, 5, 6, 7)%11 == dig(b[9]) })
}

func checkPT(v national) Reason {
	b := v.bytes()
	ok := true
	if len(b) != 9 {
		return ReasonLength
	}
	if !allDigits(b) || b[0] == '0' {
		return ReasonFormat
	}
	c := 11 - weighted(b, 9, 8, 7, 6, 5, 4, 3, 2)%11
	if c >= 10 {
		c = 0
	}
	ok = c == dig(b[8])
	if !ok {
		return ReasonChecksum
	}
	return 0
}

func checkRO(v national) Reason {
	b := v.bytes()
	ok := true
	if len(b) < 2 || len(b) > 10 {
		return ReasonLength
	}
	if !allDigits(b) || b[0] == '0' {
		return ReasonFormat
	}
	w := [9]int{7, 5, 3, 2, 1, 7, 5, 3, 2}
	body := b[:len(b)-1]
	off := 9 - len(body)
	s := 0
	for i, c := range body {
		s += w[off+i] * dig(c)
	}
	ok = (10*s)%11%10 == dig(b[len(b)-1])
	if !ok {
		return ReasonChecksum
	}
	return 0
}

func checkSE(v national) Reason {
	b := v.bytes()
	ok := true
	if len(b) != 12 {
		return ReasonLength
	}
	if !allDigits(b) || b[10] != '0' || b[11] != '1' {
		return ReasonFormat
	}
	ok = luhnValid(b[:10])
	if !ok {
		return ReasonChecksum
	}
	return 0
}

func checkSI(v national) Reason {
	b := v.bytes()
	ok := true
	if len(b) != 8 {
		return ReasonLength
	}
	if !allDigits(b) || b[0] == '0' {
		return ReasonFormat
	}
	c := 11 - weighted(b, 8, 7, 6, 5, 4, 3, 2)%11
	if c == 10 {
		c = 0
	}
	ok = c != 11 && c == dig(b[7])
	if !ok {
		return ReasonChecksum
	}
	return 0
}

func checkSK(v national) Reason {
	b := v.bytes()
	ok := true
	if len(b) != 10 {
		return ReasonLength
	}
	if !allDigits(b) || b[0] == '0' || b[2] == '0' || b[2] == '1' || b[2] == '5' {
		return ReasonFormat
	}
	n, _ := strconv.ParseInt(string(b), 10, 64)
	ok = n%11 == 0
	if !ok {
		return ReasonChecksum
	}
	return 0
}

func checkGB(v national) Reason {
	b := v.bytes()
	ok := true
	switch {
	case len(b) == 5 && (b[0] == 'G' && b[1] == 'D' || b[0] == 'H' && b[1] == 'A'):
		if !allDigits(b[2:]) {
			return ReasonFormat
		}
		n := atoiB(b[2:])
		if b[0] == 'G' && n >= 500 || b[0] == 'H' && n < 500 {
			return ReasonFormat
		}
	case lenIs(b, 9, 12):
		if !allDigits(b) {
			return ReasonFormat
		}
		// Old numbers: weighted sum ≡ 0 (mod 97); numbers from 100 0000
		// on may use the "9755" method (sum + 55 ≡ 0, i.e. ≡ 42).
		// python-stdnum also accepts ≡ 55; jsvat and HMRC's method do
		// not.
		c := weighted(b, 8, 7, 6, 5, 4, 3, 2, 10, 1) % 97
		ok = c == 0 || c == 42 && atoiB(b[:3]) >= 100
	default:
		return ReasonLength
	}
	if !ok {
		return ReasonChecksum
	}
	return 0
}

func checkCHE(v national) Reason {
	return digitsChecked(v.bytes(), 9, func(b []byte) bool { return mod11Check(b, 5, 4, 3, 2, 7, 6, 5, 4) })
}

func checkNO(v national) Reason {
	return digitsChecked(v.bytes(), 9, func(b []byte) bool { return mod11Check(b, 3, 2, 7, 6, 5, 4, 3, 2) })
}

func frKeyChar(c byte) bool { return isDigit(c) || isUpper(c) && c != 'I' && c != 'O' }

const dniLetters = "TRWAGMYFPDXBNJZSQVHLCKE"

// checkES validates NIF (DNI), NIE and CIF forms.
func checkES(v national) Reason {
	b := v.bytes()
	if len(b) != 9 {
		return ReasonLength
	}
	first, last := b[0], b[8]
	if !allDigits(b[1:8]) || !(isDigit(first) || isUpper(first)) || !(isDigit(last) || isUpper(last)) {
		return ReasonFormat
	}
	switch {
	case isDigit(first): // DNI
		if !isUpper(last) {
			return ReasonFormat
		}
		if dniLetters[atoiB(b[:8])%23] != last {
			return ReasonChecksum
		}
	case first == 'X' || first == 'Y' || first == 'Z': // NIE
		if !isUpper(last) {
			return ReasonFormat
		}
		n := int(first-'X')*10_000_000 + atoiB(b[1:8])
		if dniLetters[n%23] != last {
			return ReasonChecksum
		}
	case first == 'K' || first == 'L' || first == 'M': // other natural persons
		if !isUpper(last) {
			return ReasonFormat
		}
		if dniLetters[atoiB(b[1:8])%23] != last {
			return ReasonChecksum
		}
	default: // CIF: legal entities
		switch first {
		case 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'N', 'P', 'Q', 'R', 'S', 'U', 'V', 'W':
		default:
			return ReasonFormat
		}
		c := (10 - doubledSum(b[1:8], 0)%10) % 10
		if !(isDigit(last) && dig(last) == c || last == "JABCDEFGHI"[c]) {
			return ReasonChecksum
		}
	}
	return 0
}

// checkIE validates the Irish forms 1234567T, 1234567TW (2013+), 1234567FA
// and the old 1X23456T form.
func checkIE(in national) Reason {
	b := in.bytes()
	if !lenIs(b, 8, 9) {
		return ReasonLength
	}
	var t [9]byte
	n := copy(t[:], b)
	if !isDigit(b[1]) { // old form: d L ddddd L  ->  0 ddddd d L
		if len(b) != 8 || !isDigit(b[0]) || !(isUpper(b[1]) || b[1] == '+' || b[1] == '*') || !allDigits(b[2:7]) || !isUpper(b[7]) {
			return ReasonFormat
		}
		t = [9]byte{'0', b[2], b[3], b[4], b[5], b[6], b[0], b[7]}
		n = 8
	}
	v := t[:n]
	if !allDigits(v[:7]) || !isUpper(v[7]) || n == 9 && !isUpper(v[8]) {
		return ReasonFormat
	}
	s := weighted(v, 8, 7, 6, 5, 4, 3, 2)
	if n == 9 && v[8] != 'W' {
		s += 9 * int(v[8]-'A'+1)
	}
	if "WABCDEFGHIJKLMNOPQRSTUV"[s%23] != v[7] {
		return ReasonChecksum
	}
	return 0
}

// doubledSum is the Luhn-style sum of the digits of d where the digits at
// positions parity, parity+2, … are doubled and their digits summed (AT
// UID, ES CIF).
func doubledSum(d []byte, parity int) int {
	s := 0
	for i, c := range d {
		x := dig(c)
		if i%2 == parity {
			x *= 2
			x = x/10 + x%10
		}
		s += x
	}
	return s
}

// mod11Check reports whether the digit after the weighted ones is
// 11 − (Σ wᵢdᵢ mod 11), where 11 means 0 and 10 is never valid (CH UID,
// NO organisation numbers, FI).
func mod11Check(b []byte, w ...int) bool {
	c := 11 - weighted(b, w...)%11
	if c == 11 {
		c = 0
	}
	return c != 10 && c == dig(b[len(w)])
}

// validBirth reports whether y-m-d is a calendar date.
func validBirth(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, time.Month(m))
}

// egnYear is the birth year of a Bulgarian EGN: YY plus 1900, 1800 when 20
// is added to the month, 2000 when 40 is.
func egnYear(yy, mm int) int {
	switch {
	case mm > 40:
		return 2000 + yy
	case mm > 20:
		return 1800 + yy
	}
	return 1900 + yy
}

// egnMonth is the calendar month of an EGN month field.
func egnMonth(mm int) int {
	switch {
	case mm > 40:
		return mm - 40
	case mm > 20:
		return mm - 20
	}
	return mm
}

// czBirth reports whether a Czech birth number (9 digits: born before
// 1954; 10 digits: from 1954) starts with an existing date YYMMDD, where
// women add 50 to the month and 20 is added when the serials of a day run
// out (since 2004).
func czBirth(b []byte) bool {
	y := 1900 + atoiB(b[:2])
	if len(b) == 9 {
		if y >= 1980 {
			y -= 100
		}
		if y > 1953 {
			return false
		}
	} else if y < 1954 {
		y += 100
	}
	return validBirth(y, atoiB(b[2:4])%50%20, atoiB(b[4:6]))
}

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}
