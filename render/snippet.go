package render

import (
	"strings"
	"unicode/utf8"
)

// maxSnippet is the widest source line printed whole; longer lines (an
// IPD handler is one line of a thousand characters) are cut around the
// place.
const maxSnippet = 120

// cut cuts a long line to a window around [from, to), marking the cuts
// with "…", and returns the offsets within the window.
func cut(line string, from, to int) (string, int, int) {
	if len(line) <= maxSnippet {
		return line, from, to
	}
	start := runeStart(line, max(0, from-40))
	end := runeStart(line, min(len(line), max(to, from+1)+40))
	if end-start > maxSnippet+40 {
		end = runeStart(line, start+maxSnippet+40)
	}
	out, shift := line[start:end], start
	if start > 0 {
		out = "…" + out
		shift -= len("…")
	}
	if end < len(line) {
		out += "…"
	}
	return out, from - shift, min(to-shift, len(out))
}

// runeStart moves i back to the start of the rune it is in.
func runeStart(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// caretLine underlines bytes [from, to) of line: '^' at the start, '~'
// after it, to the end of the line at most. Tabs in the line are copied so
// the caret lines up in a terminal.
func caretLine(line string, from, to int) string {
	var b strings.Builder
	for _, r := range line[:max(0, min(from, len(line)))] {
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	b.WriteByte('^')
	if to > len(line) {
		to = len(line)
	}
	if from < to {
		n := utf8.RuneCountInString(line[from:to])
		b.WriteString(strings.Repeat("~", n-1))
	}
	return b.String()
}
