package scxml

// attr is one attribute of a start tag, as written and as decoded.
type attr struct {
	Name   string // qualified name as written, e.g. "cond" or "xmi:type"
	Value  Text
	Offset int // file offset of the attribute name
}

// scanAttrs reads the attributes of one start tag from its raw bytes, which
// begin at file offset at. encoding/xml has already accepted the tag, so
// the scanner only has to find names and quoted values; it still stops
// quietly, without panicking, on anything it does not expect.
func scanAttrs(src *Source, raw []byte, at int) []attr {
	i := 1 // past '<'
	for i < len(raw) && !isSpace(raw[i]) && raw[i] != '/' && raw[i] != '>' {
		i++
	}
	var attrs []attr
	for {
		for i < len(raw) && isSpace(raw[i]) {
			i++
		}
		if i >= len(raw) || raw[i] == '/' || raw[i] == '>' {
			return attrs
		}
		nameStart := i
		for i < len(raw) && raw[i] != '=' && !isSpace(raw[i]) && raw[i] != '>' && raw[i] != '/' {
			i++
		}
		name := string(raw[nameStart:i])
		for i < len(raw) && isSpace(raw[i]) {
			i++
		}
		if i >= len(raw) || raw[i] != '=' {
			return attrs
		}
		i++
		for i < len(raw) && isSpace(raw[i]) {
			i++
		}
		if i >= len(raw) || (raw[i] != '"' && raw[i] != '\'') {
			return attrs
		}
		quote := raw[i]
		i++
		valStart := i
		for i < len(raw) && raw[i] != quote {
			i++
		}
		if i >= len(raw) {
			return attrs
		}
		var b textBuilder
		decodeAttr(&b, raw[valStart:i], at+valStart)
		attrs = append(attrs, attr{Name: name, Value: b.text(src, at+valStart, at+i), Offset: at + nameStart})
		i++ // closing quote
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
