package store

import (
	"time"

	"github.com/marketkit/marketkit/internal/enum"
)

// RootPolicy says what the web layer does with a request for "/" (no
// market in the path) once it has guessed a market from the visitor's
// stored preference, geolocation or language. The zero value is
// RootSuggest.
type RootPolicy uint8

const (
	// RootSuggest serves the default market and suggests the guessed one
	// (a banner "Shop in Switzerland?"). It is the default because the EU
	// Geo-blocking Regulation (2018/302) forbids redirecting without
	// consent.
	RootSuggest RootPolicy = iota
	// RootRedirect redirects real navigations to the guessed market
	// (crawlers are never redirected).
	RootRedirect
	// RootStay serves the default market and suggests nothing.
	RootStay
)

var rootNames = enum.New[RootPolicy]("RootPolicy", 0, "suggest", "redirect", "stay")

// String returns "suggest", "redirect" or "stay", or "RootPolicy(N)".
func (p RootPolicy) String() string { return rootNames.String(p) }

// IsValid reports whether p is one of the defined policies.
func (p RootPolicy) IsValid() bool { return rootNames.IsValid(p) }

// AppendText implements encoding.TextAppender; an invalid value is an error.
func (p RootPolicy) AppendText(b []byte) ([]byte, error) {
	return appendEnum(b, rootNames, p, "root")
}

// MarshalText implements encoding.TextMarshaler.
func (p RootPolicy) MarshalText() ([]byte, error) { return p.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler with ParseRootPolicy.
func (p *RootPolicy) UnmarshalText(b []byte) error {
	v, err := ParseRootPolicy(string(b))
	if err == nil {
		*p = v
	}
	return err
}

// ParseRootPolicy parses a policy name as returned by String.
func ParseRootPolicy(s string) (RootPolicy, error) { return parseEnum(rootNames, s, "root") }

// Severity is how bad a Problem is. The zero value is SeverityError.
type Severity uint8

const (
	// SeverityError: the configuration must not be used as it is.
	SeverityError Severity = iota
	// SeverityWarning: probably a mistake, but the market works.
	SeverityWarning
)

var severityNames = enum.New[Severity]("Severity", 0, "error", "warning")

// String returns "error" or "warning", or "Severity(N)".
func (s Severity) String() string { return severityNames.String(s) }

// IsValid reports whether s is a defined severity.
func (s Severity) IsValid() bool { return severityNames.IsValid(s) }

// AppendText implements encoding.TextAppender.
func (s Severity) AppendText(b []byte) ([]byte, error) {
	return appendEnum(b, severityNames, s, "severity")
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return s.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler with ParseSeverity.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err == nil {
		*s = v
	}
	return err
}

// ParseSeverity parses "error" or "warning".
func ParseSeverity(s string) (Severity, error) { return parseEnum(severityNames, s, "severity") }

// FlagType is the type of a feature flag's values. The zero value is
// invalid: every flag declares its type.
type FlagType uint8

const (
	// FlagBool flags hold true or false.
	FlagBool FlagType = iota + 1
	// FlagInt flags hold an integer (a JSON number without fraction or
	// exponent, within int64).
	FlagInt
	// FlagString flags hold a string.
	FlagString
)

var flagTypeNames = enum.New[FlagType]("FlagType", 1, "bool", "int", "string")

// String returns "bool", "int" or "string", or "FlagType(N)".
func (t FlagType) String() string { return flagTypeNames.String(t) }

// IsValid reports whether t is a defined type.
func (t FlagType) IsValid() bool { return flagTypeNames.IsValid(t) }

// AppendText implements encoding.TextAppender.
func (t FlagType) AppendText(b []byte) ([]byte, error) {
	return appendEnum(b, flagTypeNames, t, "type")
}

// MarshalText implements encoding.TextMarshaler.
func (t FlagType) MarshalText() ([]byte, error) { return t.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler with ParseFlagType.
func (t *FlagType) UnmarshalText(b []byte) error {
	v, err := ParseFlagType(string(b))
	if err == nil {
		*t = v
	}
	return err
}

// ParseFlagType parses "bool", "int" or "string".
func ParseFlagType(s string) (FlagType, error) { return parseEnum(flagTypeNames, s, "type") }

// Weekday is a day of the week in a maintenance window. Its values equal
// time.Weekday's (Sunday is 0); its names are "sunday" … "saturday".
type Weekday uint8

var weekdayNames = enum.New[Weekday]("Weekday", 0,
	"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")

// String returns the lower-case English name, or "Weekday(N)".
func (d Weekday) String() string { return weekdayNames.String(d) }

// IsValid reports whether d is 0 (Sunday) … 6 (Saturday).
func (d Weekday) IsValid() bool { return weekdayNames.IsValid(d) }

// Time returns d as a time.Weekday.
func (d Weekday) Time() time.Weekday { return time.Weekday(d) }

// AppendText implements encoding.TextAppender.
func (d Weekday) AppendText(b []byte) ([]byte, error) { return appendEnum(b, weekdayNames, d, "day") }

// MarshalText implements encoding.TextMarshaler.
func (d Weekday) MarshalText() ([]byte, error) { return d.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler with ParseWeekday.
func (d *Weekday) UnmarshalText(b []byte) error {
	v, err := ParseWeekday(string(b))
	if err == nil {
		*d = v
	}
	return err
}

// ParseWeekday parses "sunday" … "saturday".
func ParseWeekday(s string) (Weekday, error) { return parseEnum(weekdayNames, s, "day") }

// DistanceSelling is an EU seller's choice for B2C distance sales of goods
// and digital services to other member states. The zero value is
// DistanceDestination.
type DistanceSelling uint8

const (
	// DistanceDestination charges the customer's member state's VAT (the
	// rule above the €10,000 EU-wide threshold, and for anyone who opted
	// in; the One-Stop Shop).
	DistanceDestination DistanceSelling = iota
	// DistanceBelowThreshold declares that the seller's intra-EU distance
	// sales stay below €10,000 a year (Directive 2006/112/EC art. 59c)
	// and that it has not opted in: the origin VAT applies.
	DistanceBelowThreshold
)

var distanceNames = enum.New[DistanceSelling]("DistanceSelling", 0, "destination", "below-threshold")

// String returns "destination" or "below-threshold", or "DistanceSelling(N)".
func (d DistanceSelling) String() string { return distanceNames.String(d) }

// IsValid reports whether d is defined.
func (d DistanceSelling) IsValid() bool { return distanceNames.IsValid(d) }

// AppendText implements encoding.TextAppender.
func (d DistanceSelling) AppendText(b []byte) ([]byte, error) {
	return appendEnum(b, distanceNames, d, "eu_distance_selling")
}

// MarshalText implements encoding.TextMarshaler.
func (d DistanceSelling) MarshalText() ([]byte, error) { return d.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler with ParseDistanceSelling.
func (d *DistanceSelling) UnmarshalText(b []byte) error {
	v, err := ParseDistanceSelling(string(b))
	if err == nil {
		*d = v
	}
	return err
}

// ParseDistanceSelling parses "destination" or "below-threshold".
func ParseDistanceSelling(s string) (DistanceSelling, error) {
	return parseEnum(distanceNames, s, "eu_distance_selling")
}

func appendEnum[T ~uint8](b []byte, n enum.Names[T], v T, field string) ([]byte, error) {
	out, ok := n.AppendText(b, v)
	if !ok {
		return b, &Error{Op: "MarshalText", Field: field, Value: n.String(v), Err: ErrInvalid}
	}
	return out, nil
}

func parseEnum[T ~uint8](n enum.Names[T], s, field string) (T, error) {
	v, ok := n.Parse(s)
	if !ok {
		return 0, &Error{Op: "Parse", Field: field, Value: s,
			Err: because(ErrInvalid, "want one of "+joinNames(n.All()))}
	}
	return v, nil
}

func joinNames(names []string) string {
	s := ""
	for i, n := range names {
		if i > 0 {
			s += ", "
		}
		s += `"` + n + `"`
	}
	return s
}
