package cond

import (
	"unicode/utf16"
	"unicode/utf8"
)

// LineCol converts a byte offset into a 1-based line and a 1-based column
// counted in runes, as people and terminal tools count them. Line
// terminators are LF, CR, CRLF, U+2028 and U+2029, as in ECMAScript.
func LineCol(src string, offset int) (line, col int) {
	return lineCol(src, offset, func(r rune) int { return 1 })
}

// LineColUTF16 is LineCol with the column counted in UTF-16 code units, the
// Language Server Protocol's default.
func LineColUTF16(src string, offset int) (line, col int) {
	return lineCol(src, offset, func(r rune) int { return utf16.RuneLen(r) })
}

func lineCol(src string, offset int, width func(rune) int) (line, col int) {
	if offset > len(src) {
		offset = len(src)
	}
	line, col = 1, 1
	for i := 0; i < offset; {
		r, size := utf8.DecodeRuneInString(src[i:])
		switch {
		case r == '\r' && i+1 < len(src) && src[i+1] == '\n' && i+1 < offset:
			// CRLF counts once, at the LF.
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			line, col = line+1, 1
		default:
			if w := width(r); w > 0 {
				col += w
			} else {
				col++
			}
		}
		i += size
	}
	return line, col
}
