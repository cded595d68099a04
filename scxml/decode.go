package scxml

import (
	"strconv"
	"unicode/utf8"
)

// The five entities XML predefines; encoding/xml (strict) rejects any other.
var predefinedEntities = map[string]string{
	"lt": "<", "gt": ">", "amp": "&", "apos": "'", "quot": `"`,
}

// entityAt decodes the entity or character reference at the start of s,
// returning its replacement text and source length.
func entityAt(s []byte) (string, int, bool) {
	end := -1
	for i := 1; i < len(s) && i < 16; i++ {
		if s[i] == ';' {
			end = i
			break
		}
	}
	if len(s) == 0 || s[0] != '&' || end < 2 {
		return "", 0, false
	}
	name := string(s[1:end])
	if v, ok := predefinedEntities[name]; ok {
		return v, end + 1, true
	}
	if name[0] != '#' {
		return "", 0, false
	}
	digits, base := name[1:], 10
	if len(digits) > 0 && digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil || digits == "" || digits[0] == '+' || !utf8.ValidRune(rune(n)) {
		return "", 0, false
	}
	return string(rune(n)), end + 1, true
}

// reference appends the replacement of the reference at the start of raw,
// or a '&' that starts none as it is, and returns how many bytes it read.
func reference(b *textBuilder, raw []byte, at int) int {
	if v, n, ok := entityAt(raw); ok {
		b.expand([]byte(v), at, at+n, false)
		return n
	}
	b.literal(raw[:1], at)
	return 1
}

// decodeAttr appends the value of an attribute as an XML processor reports
// it: references replaced, and every literal tab, CR, LF or CRLF turned into
// one space (XML 1.0 §3.3.3). A character reference such as `&#xA;` is not
// normalised: it stays a line break.
func decodeAttr(b *textBuilder, raw []byte, at int) {
	for i := 0; i < len(raw); {
		switch c := raw[i]; c {
		case '&':
			i += reference(b, raw[i:], at+i)
		case '\r', '\n':
			n := 1
			if c == '\r' && i+1 < len(raw) && raw[i+1] == '\n' {
				n = 2
			}
			b.expand([]byte{' '}, at+i, at+i+n, true)
			i += n
		case '\t':
			b.literal([]byte{' '}, at+i)
			i++
		default:
			j := i + 1
			for j < len(raw) && !isAttrSpecial(raw[j]) {
				j++
			}
			b.literal(raw[i:j], at+i)
			i = j
		}
	}
}

func isAttrSpecial(c byte) bool { return c == '&' || c == '\r' || c == '\n' || c == '\t' }

const (
	cdataOpen  = "<![CDATA["
	cdataClose = "]]>"
)

// decodeChars appends the raw bytes of one character-data token: either a
// run of text with references, or a CDATA section whose content is taken
// as is. Line ends are normalised to LF in both (XML 1.0 §2.11).
func decodeChars(b *textBuilder, raw []byte, at int) {
	if len(raw) >= len(cdataOpen)+len(cdataClose) && string(raw[:len(cdataOpen)]) == cdataOpen {
		body := raw[len(cdataOpen) : len(raw)-len(cdataClose)]
		appendLines(b, body, at+len(cdataOpen), false)
		return
	}
	appendLines(b, raw, at, true)
}

// appendLines copies raw text, normalising CR and CRLF to LF and, when refs
// is set, replacing entity and character references.
func appendLines(b *textBuilder, raw []byte, at int, refs bool) {
	for i := 0; i < len(raw); {
		switch c := raw[i]; {
		case c == '&' && refs:
			i += reference(b, raw[i:], at+i)
		case c == '\r' && i+1 < len(raw) && raw[i+1] == '\n':
			b.expand([]byte{'\n'}, at+i, at+i+2, false)
			i += 2
		case c == '\r':
			b.literal([]byte{'\n'}, at+i)
			i++
		default:
			j := i + 1
			for j < len(raw) && raw[j] != '\r' && !(refs && raw[j] == '&') {
				j++
			}
			b.literal(raw[i:j], at+i)
			i = j
		}
	}
}

// decodeAgain applies a second round of XML attribute decoding to a text
// that was itself an attribute value: Composer writes IPD handler
// conditions escaped twice. The result maps through both layers.
func decodeAgain(t Text) Text {
	var b textBuilder
	inner := NewSource("", []byte(t.Value))
	decodeAttr(&b, inner.Data, 0)
	return b.text(inner, 0, len(inner.Data)).through(t)
}
