package gen

import (
	"strconv"
	"strings"
)

// The corpus files hold one expression per line. Blank lines and lines
// starting with '#' are skipped. A line starting with '@' carries a Go
// double-quoted string after the '@', so that an expression can hold
// newlines, other line terminators, leading or trailing white space, or begin
// with '@' or '#'. Any other line is the expression byte for byte, which keeps
// JavaScript escapes such as '\n' readable.

// ParseLine decodes one corpus line. skip is true for blank and comment lines.
func ParseLine(line string) (expr string, skip bool, err error) {
	line = strings.TrimSuffix(line, "\r")
	switch {
	case line == "" || strings.HasPrefix(line, "#"):
		return "", true, nil
	case strings.HasPrefix(line, "@"):
		expr, err = strconv.Unquote(line[1:])
		return expr, false, err
	}
	return line, false, nil
}

// FormatLine encodes expr as one corpus line, quoting it only when it cannot
// be written literally.
func FormatLine(expr string) string {
	if needsQuoting(expr) {
		return "@" + strconv.Quote(expr)
	}
	return expr
}

func needsQuoting(expr string) bool {
	if expr == "" || strings.TrimSpace(expr) != expr {
		return true
	}
	if strings.HasPrefix(expr, "@") || strings.HasPrefix(expr, "#") {
		return true
	}
	return strings.ContainsFunc(expr, func(r rune) bool {
		return r < ' ' || r == 0x7f || r == 0x85 || r == '\u2028' || r == '\u2029' || r == '\ufeff'
	})
}
