package locale

import (
	"strings"

	"github.com/marketkit/marketkit/internal/enum"
	"github.com/marketkit/marketkit/internal/round"
)

// RoundingMode says how a number is rounded to the digits kept. It is the
// one rounding type of marketkit: package pricing's RoundingMode is an
// alias of it, and pricing, tax and locale round with one kernel, so a mode
// means the same everywhere.
//
// Its zero value is RoundHalfEven ("ties to even", the default of CLDR, ICU
// and IEEE 754), which is valid: the zero FormatOptions, and any zero mode
// in the library, round half-even. The text names are "half-even",
// "half-up", "half-down", "up", "down", "ceiling" and "floor".
type RoundingMode uint8

const (
	// RoundHalfEven rounds to the nearest digit, ties to the even digit
	// (banker's rounding; the CLDR and ICU default): 2.345 → 2.34,
	// 2.355 → 2.36. It is the zero value.
	RoundHalfEven RoundingMode = RoundingMode(round.HalfEven)
	// RoundHalfUp rounds to the nearest digit, ties away from zero:
	// 2.345 → 2.35, -2.345 → -2.35.
	RoundHalfUp RoundingMode = RoundingMode(round.HalfUp)
	// RoundHalfDown rounds to the nearest digit, ties toward zero:
	// 2.345 → 2.34.
	RoundHalfDown RoundingMode = RoundingMode(round.HalfDown)
	// RoundUp rounds away from zero: 2.341 → 2.35.
	RoundUp RoundingMode = RoundingMode(round.Up)
	// RoundDown rounds toward zero (truncation): 2.349 → 2.34.
	RoundDown RoundingMode = RoundingMode(round.Down)
	// RoundCeiling rounds toward positive infinity: -2.349 → -2.34.
	RoundCeiling RoundingMode = RoundingMode(round.Ceiling)
	// RoundFloor rounds toward negative infinity: -2.341 → -2.35.
	RoundFloor RoundingMode = RoundingMode(round.Floor)
)

var roundingNames = enum.New[RoundingMode]("RoundingMode", 0,
	"half-even", "half-up", "half-down", "up", "down", "ceiling", "floor")

// IsValid reports whether m is one of the defined modes.
func (m RoundingMode) IsValid() bool { return roundingNames.IsValid(m) }

// String returns the mode's name, such as "half-even", or
// "RoundingMode(N)" for an undefined value.
func (m RoundingMode) String() string { return roundingNames.String(m) }

// AppendText implements encoding.TextAppender; an undefined mode is an
// error wrapping ErrInvalidOption.
func (m RoundingMode) AppendText(b []byte) ([]byte, error) {
	return appendEnum(b, roundingNames, m, "RoundingMode.AppendText", "mode")
}

// MarshalText implements encoding.TextMarshaler; an undefined mode is an
// error wrapping ErrInvalidOption.
func (m RoundingMode) MarshalText() ([]byte, error) { return m.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler with ParseRoundingMode.
func (m *RoundingMode) UnmarshalText(b []byte) error {
	v, err := ParseRoundingMode(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// ParseRoundingMode returns the mode named s ("half-even", "half-up",
// "half-down", "up", "down", "ceiling" or "floor", exactly). Any other
// text is an *Error wrapping ErrInvalidOption that lists the names.
func ParseRoundingMode(s string) (RoundingMode, error) {
	return parseEnum(roundingNames, s, "ParseRoundingMode", "mode")
}

// kernel returns m as the internal rounding kernel's mode.
func (m RoundingMode) kernel() round.Mode { return round.Mode(m) }

var styleNames = enum.New[Style]("Style", 0, "standard", "accounting")

// IsValid reports whether s is one of the defined styles.
func (s Style) IsValid() bool { return styleNames.IsValid(s) }

// String returns "standard" or "accounting", or "Style(N)".
func (s Style) String() string { return styleNames.String(s) }

// AppendText implements encoding.TextAppender; an undefined style is an
// error wrapping ErrInvalidOption.
func (s Style) AppendText(b []byte) ([]byte, error) {
	return appendEnum(b, styleNames, s, "Style.AppendText", "style")
}

// MarshalText implements encoding.TextMarshaler.
func (s Style) MarshalText() ([]byte, error) { return s.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler with ParseStyle.
func (s *Style) UnmarshalText(b []byte) error {
	v, err := ParseStyle(string(b))
	if err == nil {
		*s = v
	}
	return err
}

// ParseStyle returns the style named s: "standard" or "accounting".
func ParseStyle(s string) (Style, error) { return parseEnum(styleNames, s, "ParseStyle", "style") }

var displayNames = enum.New[Display]("Display", 0, "symbol", "narrow-symbol", "code", "none")

// IsValid reports whether d is one of the defined displays.
func (d Display) IsValid() bool { return displayNames.IsValid(d) }

// String returns "symbol", "narrow-symbol", "code" or "none", or
// "Display(N)".
func (d Display) String() string { return displayNames.String(d) }

// AppendText implements encoding.TextAppender; an undefined display is an
// error wrapping ErrInvalidOption.
func (d Display) AppendText(b []byte) ([]byte, error) {
	return appendEnum(b, displayNames, d, "Display.AppendText", "display")
}

// MarshalText implements encoding.TextMarshaler.
func (d Display) MarshalText() ([]byte, error) { return d.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler with ParseDisplay.
func (d *Display) UnmarshalText(b []byte) error {
	v, err := ParseDisplay(string(b))
	if err == nil {
		*d = v
	}
	return err
}

// ParseDisplay returns the display named s: "symbol", "narrow-symbol",
// "code" or "none".
func ParseDisplay(s string) (Display, error) {
	return parseEnum(displayNames, s, "ParseDisplay", "display")
}

var dateStyleNames = enum.New[DateStyle]("DateStyle", 0, "short", "medium", "long", "full")

// IsValid reports whether s is one of the defined date styles.
func (s DateStyle) IsValid() bool { return dateStyleNames.IsValid(s) }

// String returns "short", "medium", "long" or "full", or "DateStyle(N)".
func (s DateStyle) String() string { return dateStyleNames.String(s) }

// AppendText implements encoding.TextAppender; an undefined style is an
// error wrapping ErrInvalidOption.
func (s DateStyle) AppendText(b []byte) ([]byte, error) {
	return appendEnum(b, dateStyleNames, s, "DateStyle.AppendText", "style")
}

// MarshalText implements encoding.TextMarshaler.
func (s DateStyle) MarshalText() ([]byte, error) { return s.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler with ParseDateStyle.
func (s *DateStyle) UnmarshalText(b []byte) error {
	v, err := ParseDateStyle(string(b))
	if err == nil {
		*s = v
	}
	return err
}

// ParseDateStyle returns the date style named s: "short", "medium", "long"
// or "full".
func ParseDateStyle(s string) (DateStyle, error) {
	return parseEnum(dateStyleNames, s, "ParseDateStyle", "style")
}

var measurementNames = enum.New[MeasurementSystem]("MeasurementSystem", 0, "metric", "us-customary", "imperial")

// IsValid reports whether m is one of the defined systems.
func (m MeasurementSystem) IsValid() bool { return measurementNames.IsValid(m) }

// String returns "metric", "us-customary" or "imperial" (CLDR's "metric",
// "US" and "UK"), or "MeasurementSystem(N)".
func (m MeasurementSystem) String() string { return measurementNames.String(m) }

// AppendText implements encoding.TextAppender; an undefined system is an
// error wrapping ErrInvalidOption.
func (m MeasurementSystem) AppendText(b []byte) ([]byte, error) {
	return appendEnum(b, measurementNames, m, "MeasurementSystem.AppendText", "measurement")
}

// MarshalText implements encoding.TextMarshaler.
func (m MeasurementSystem) MarshalText() ([]byte, error) { return m.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler with
// ParseMeasurementSystem.
func (m *MeasurementSystem) UnmarshalText(b []byte) error {
	v, err := ParseMeasurementSystem(string(b))
	if err == nil {
		*m = v
	}
	return err
}

// ParseMeasurementSystem returns the system named s: "metric",
// "us-customary" or "imperial".
func ParseMeasurementSystem(s string) (MeasurementSystem, error) {
	return parseEnum(measurementNames, s, "ParseMeasurementSystem", "measurement")
}

func appendEnum[T ~uint8](b []byte, names enum.Names[T], v T, op, field string) ([]byte, error) {
	out, ok := names.AppendText(b, v)
	if !ok {
		return b, newError(op, field, names.String(v), ErrInvalidOption, "undefined value")
	}
	return out, nil
}

func parseEnum[T ~uint8](names enum.Names[T], s, op, field string) (T, error) {
	v, ok := names.Parse(s)
	if !ok {
		return 0, newError(op, field, s, ErrInvalidOption, "want one of "+strings.Join(names.All(), ", "))
	}
	return v, nil
}
