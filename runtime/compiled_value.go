package runtime

import (
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// The compiled path's values. A value is a small struct passed by value, so
// evaluating a condition allocates nothing; host maps and slices are kept as
// the caller's own interface values. Every conversion either gives exactly
// the answer goja gives or answers kBail, and the evaluation is then handed
// to goja: the compiled path never guesses.

type kind uint8

const (
	kUndefined kind = iota
	kNull
	kBool
	kNumber
	kString
	kMap    // a map[string]any of host data
	kArray  // a []any of host data
	kEvent  // _event
	kSystem // system
	kIn     // the In function
	// kGlobals and kData are only ever the start of a member chain: the
	// caller's globals as names (App_Target.requestid), and _data, whose
	// items are the same globals (_data.App_Target.requestid).
	kGlobals
	kData
	kBail // the compiled path cannot answer: goja must
)

// value is 32 bytes: closures return it by value at every step.
type value struct {
	k kind
	n float64 // a number; 1 or 0 for a boolean
	// ref is a string, or the host map or slice of kMap and kArray as the
	// caller gave it: a string read from host data stays in the interface
	// that held it, so passing it on allocates nothing.
	ref any
}

// str is a kString's string.
func (v value) str() string {
	s, _ := v.ref.(string)
	return s
}

var (
	undefinedValue = value{k: kUndefined}
	nullValue      = value{k: kNull}
	bailValue      = value{k: kBail}
	trueValue      = value{k: kBool, n: 1}
	falseValue     = value{k: kBool}
	globalsValue   = value{k: kGlobals}
	dataValue      = value{k: kData}
)

func boolValue(b bool) value {
	if b {
		return trueValue
	}
	return falseValue
}

// stringValue is a computed string (boxing it allocates, unlike a host
// string's value).
func stringValue(s string) value { return value{k: kString, ref: s} }

// maxSafe is 2^53: goja keeps integers beyond it exact (as int64) where
// ECMAScript rounds them to doubles, so the compiled path leaves them to goja.
const maxSafe = 1 << 53

// numberValue is a number result. An integer beyond ±2^53 bails, and so
// does -0, which goja's integer arithmetic does not always keep.
func numberValue(f float64) value {
	if (f > maxSafe || f < -maxSafe) && f == math.Trunc(f) && !math.IsInf(f, 0) || f == 0 && math.Signbit(f) {
		return bailValue
	}
	return value{k: kNumber, n: f}
}

func (v value) isObject() bool { return v.k >= kMap && v.k <= kIn }

// host converts a value of the caller's data the way builtins.Scope does.
// Types the scope converts through reflection bail.
func host(x any) value {
	switch t := x.(type) {
	case nil:
		return nullValue
	case string:
		if !utf8.ValidString(t) {
			return bailValue // goja reads invalid UTF-8 as U+FFFD
		}
		return value{k: kString, ref: x}
	case bool:
		return boolValue(t)
	case float64:
		return numberValue(t)
	case int:
		return numberValue(float64(t))
	case int64:
		return numberValue(float64(t))
	case json.Number:
		if i, err := strconv.ParseInt(string(t), 10, 64); err == nil {
			return numberValue(float64(i))
		}
		f, err := strconv.ParseFloat(string(t), 64)
		if err != nil {
			return bailValue
		}
		return numberValue(f)
	case map[string]any:
		if t == nil {
			return nullValue
		}
		return value{k: kMap, ref: x}
	case []any:
		if t == nil {
			return nullValue
		}
		return value{k: kArray, ref: x}
	}
	return bailValue
}

// toBoolean is ECMAScript ToBoolean (9.2).
func toBoolean(v value) bool {
	switch v.k {
	case kUndefined, kNull:
		return false
	case kBool:
		return v.n != 0
	case kNumber:
		return v.n != 0 && !math.IsNaN(v.n)
	case kString:
		return v.str() != ""
	}
	return true
}

// toNumber is ECMAScript ToNumber (9.3) for primitives; ok is false for an
// object, whose ToPrimitive may run code, and for a string that is not a
// plain decimal numeral (goja's reading of the others has its own rules).
func toNumber(v value) (float64, bool) {
	switch v.k {
	case kUndefined:
		return math.NaN(), true
	case kNull:
		return 0, true
	case kBool, kNumber:
		return v.n, true
	case kString:
		return stringToNumber(v.str())
	}
	return 0, false
}

// stringToNumber reads "", and decimal numerals with an optional sign,
// fraction and exponent, with no surrounding space.
func stringToNumber(s string) (float64, bool) {
	if s == "" {
		return 0, true
	}
	i := 0
	if s[0] == '+' || s[0] == '-' {
		i++
	}
	digits := 0
	for ; i < len(s) && isDigit(s[i]); i++ {
		digits++
	}
	if i < len(s) && s[i] == '.' {
		for i++; i < len(s) && isDigit(s[i]); i++ {
			digits++
		}
	}
	if digits == 0 {
		return 0, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for ; i < len(s) && isDigit(s[i]); i++ {
			exp++
		}
		if exp == 0 {
			return 0, false
		}
	}
	if i != len(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f == 0 && s[0] == '-' {
		return 0, false // goja reads "-00" as an integer and loses its sign
	}
	return f, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// toInteger is goja's ToInteger of a number: truncation, NaN as 0, clipped
// to int64.
func toInteger(f float64) int64 {
	switch {
	case math.IsNaN(f):
		return 0
	case f >= math.MaxInt64:
		return math.MaxInt64
	case f <= math.MinInt64:
		return math.MinInt64
	}
	return int64(f)
}

// toString is ECMAScript ToString (9.8) for primitives; ok is false for an
// object.
func toString(v value) (string, bool) {
	switch v.k {
	case kUndefined:
		return "undefined", true
	case kNull:
		return "null", true
	case kBool:
		if v.n != 0 {
			return "true", true
		}
		return "false", true
	case kNumber:
		return numberToString(v.n), true
	case kString:
		return v.str(), true
	}
	return "", false
}

// numberToString is ECMAScript 9.8.1: the shortest digits that read back as
// the number, laid out by the exponent.
func numberToString(m float64) string {
	switch {
	case math.IsNaN(m):
		return "NaN"
	case m == 0:
		return "0"
	case math.IsInf(m, 1):
		return "Infinity"
	case math.IsInf(m, -1):
		return "-Infinity"
	case m < 0:
		return "-" + numberToString(-m)
	case m < 1e21 && m == math.Trunc(m):
		return strconv.FormatFloat(m, 'f', -1, 64)
	}
	e := strconv.FormatFloat(m, 'e', -1, 64) // d.ddde±XX
	mant, exp, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	x, _ := strconv.Atoi(exp)
	k, n := len(digits), x+1
	switch {
	case k <= n && n <= 21:
		return digits + strings.Repeat("0", n-k)
	case 0 < n && n <= 21:
		return digits[:n] + "." + digits[n:]
	case -6 < n && n <= 0:
		return "0." + strings.Repeat("0", -n) + digits
	}
	sign := "+"
	if n-1 < 0 {
		sign = "-"
	}
	exponent := "e" + sign + strconv.Itoa(abs(n-1))
	if k == 1 {
		return digits + exponent
	}
	return digits[:1] + "." + digits[1:] + exponent
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// sameObject is identity of objects: host maps and slices are the same
// object when goja's scope would give them the same wrapper (the same map;
// the same array start and length).
func sameObject(x, y value) bool {
	if x.k != y.k {
		return false
	}
	switch x.k {
	case kMap:
		return reflect.ValueOf(x.ref).UnsafePointer() == reflect.ValueOf(y.ref).UnsafePointer()
	case kArray:
		a, b := x.ref.([]any), y.ref.([]any)
		return unsafe.SliceData(a) == unsafe.SliceData(b) && len(a) == len(b)
	}
	return true
}

// strictEquals is === (11.9.6).
func strictEquals(x, y value) bool {
	switch {
	case x.isObject() || y.isObject():
		return sameObject(x, y)
	case x.k != y.k:
		return false
	}
	switch x.k {
	case kBool, kNumber:
		return x.n == y.n
	case kString:
		return x.str() == y.str()
	}
	return true // undefined, null
}

// looseEquals is == (11.9.3); ok is false where an object would be
// converted to a primitive.
func looseEquals(x, y value) (eq, ok bool) {
	nullish := func(v value) bool { return v.k == kUndefined || v.k == kNull }
	switch {
	case x.k == y.k || x.isObject() && y.isObject():
		return strictEquals(x, y), true
	case nullish(x) || nullish(y):
		return nullish(x) && nullish(y), true
	case x.isObject() || y.isObject():
		return false, false
	case x.k == kString && !plainInteger(x.str()) || y.k == kString && !plainInteger(y.str()):
		// goja compares a string with a number by reading the string as an
		// integer (string_ascii.go, Equals), so "1e3" == 1000 is false
		// there though ECMAScript says true: such strings go to goja.
		return false, false
	}
	a, okA := toNumber(x)
	b, okB := toNumber(y)
	return a == b, okA && okB
}

// plainInteger reports whether s is "" or a decimal integer of at most 15
// digits with an optional sign ("-0" aside): the strings goja's == reads as
// ECMAScript does.
func plainInteger(s string) bool {
	if s == "-0" {
		return false
	}
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
		if s == "" {
			return false
		}
	}
	if len(s) > 15 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// compare is the abstract relational comparison x < y (11.8.5): less is
// its answer, and nan reports the undefined outcome (a NaN involved), for
// which <, >, <= and >= are all false. ok is false where an object would be
// converted.
func compare(x, y value) (less, nan, ok bool) {
	if x.isObject() || y.isObject() {
		return false, false, false
	}
	if x.k == kString && y.k == kString {
		return compareUTF16(x.str(), y.str()) < 0, false, true
	}
	a, okA := toNumber(x)
	b, okB := toNumber(y)
	return a < b, math.IsNaN(a) || math.IsNaN(b), okA && okB
}
