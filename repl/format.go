package repl

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// How the REPL shows values: a condition's raw value with its JavaScript
// type, and the JSON of payloads.

// maxShown caps the characters of one shown value, so that printing a whole
// payload by accident does not flood the screen.
const maxShown = 160

// describeValue renders a condition's raw value as "type value", the way a
// JavaScript console would spell the value: `string "deletion"`,
// `number 1e+21`, `object {"resultof":"deletion"}`, `undefined`.
func describeValue(typ string, raw any) string {
	switch typ {
	case "undefined", "null", "function":
		return typ
	}
	return typ + " " + jsValue(raw)
}

// jsValue spells a value exported from goja as JavaScript source would.
func jsValue(raw any) string {
	switch v := raw.(type) {
	case nil:
		return "null"
	case float64:
		return jsNumber(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case time.Time:
		return v.UTC().Format("2006-01-02T15:04:05.000Z")
	}
	return compactJSON(raw)
}

// jsNumber formats a number as ECMAScript's Number.prototype.toString does:
// plain decimals between 1e-6 and 1e21, exponent notation outside, and the
// names of the special values. -0 keeps its sign, as consoles show it.
func jsNumber(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0 && math.Signbit(f):
		return "-0"
	}
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		s := strconv.FormatFloat(f, 'e', -1, 64) // 1e+21, 1.5e-07
		mant, exp, _ := strings.Cut(s, "e")
		sign, digits := exp[:1], strings.TrimLeft(exp[1:], "0")
		return mant + "e" + sign + digits
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// compactJSON renders a JSON-shaped value on one line, cut at maxShown.
func compactJSON(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprint(v)
	}
	return clip(strings.TrimSuffix(b.String(), "\n"))
}

// indentJSON renders a JSON-shaped value over several lines, for :show.
func indentJSON(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Sprint(v)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// clip cuts s to maxShown characters, marking the cut.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= maxShown {
		return s
	}
	return string([]rune(s)[:maxShown-1]) + "…"
}

// palette colours the REPL's answers. The zero palette writes plain text.
type palette struct{ on bool }

// ANSI SGR codes for each kind of text the REPL colours.
const (
	sgrTrue  = "32" // green
	sgrFalse = "31" // red
	sgrError = "1;31"
)

func (p palette) paint(sgr, s string) string {
	if !p.on || s == "" {
		return s
	}
	return "\x1b[" + sgr + "m" + s + "\x1b[0m"
}

// outcome paints a condition's boolean outcome, padded so that answers
// line up: "true " and "false".
func (p palette) outcome(v bool) string {
	if v {
		return p.paint(sgrTrue, "true") + " "
	}
	return p.paint(sgrFalse, "false")
}
