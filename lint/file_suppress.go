package lint

import (
	"bytes"
	"strings"

	"github.com/condeval/condeval/scxml"
)

// rangeSuppression is an inline directive that covers a range of the file.
type rangeSuppression struct {
	from, to int // file offsets
	s        Suppression
}

// fileDirective is the form of the directive that covers a whole file.
const fileDirective = "condeval-disable-file"

// xmlSuppressions finds the directives of a file. In XML an
//
//	<!-- condeval-disable C203 -->
//
// covers the element that follows it: its start tag with every attribute
// (for a Composer handler that includes its body), and the content of a
// <script>. <!-- condeval-disable-file … --> covers the whole file. In a
// condition list or a handler file a line "// condeval-disable …" covers
// the next line.
func xmlSuppressions(f *scxml.File) []rangeSuppression {
	data := f.Source.Data
	if !bytes.Contains(data, []byte("condeval-disable")) {
		return nil
	}
	if standalone(f.Format) {
		return lineSuppressions(f.Source)
	}
	var out []rangeSuppression
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("<!--"))
		if j < 0 {
			return out
		}
		start := i + j + 4
		k := bytes.Index(data[start:], []byte("-->"))
		if k < 0 {
			return out
		}
		end := start + k + 3
		body := strings.TrimSpace(string(data[start : start+k]))
		i = end
		if rest, ok := strings.CutPrefix(body, fileDirective); ok {
			if s, ok := ParseSuppression("condeval-disable" + rest); ok {
				out = append(out, rangeSuppression{0, len(data), s})
			}
			continue
		}
		if s, ok := ParseSuppression(body); ok {
			out = append(out, rangeSuppression{end, elementEnd(data, end), s})
		}
	}
}

// elementEnd returns the end of the start tag of the element after from
// (through its content for a <script>).
func elementEnd(data []byte, from int) int {
	i := from
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	if i >= len(data) || data[i] != '<' {
		return from
	}
	var quote byte
	for j := i + 1; j < len(data); j++ {
		switch c := data[j]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			if bytes.HasPrefix(data[i:], []byte("<script")) && data[j-1] != '/' {
				if k := bytes.Index(data[j:], []byte("</script")); k >= 0 {
					return j + k
				}
			}
			return j + 1
		}
	}
	return len(data)
}

// lineSuppressions reads "// condeval-disable" lines of a condition list.
func lineSuppressions(s *scxml.Source) []rangeSuppression {
	var out []rangeSuppression
	for n := 1; n <= s.Lines(); n++ {
		line := strings.TrimSpace(s.Line(n))
		body, ok := strings.CutPrefix(line, "//")
		if !ok {
			continue
		}
		if sup, ok := ParseSuppression(body); ok && n < s.Lines() {
			next := s.LineStart(n + 1)
			out = append(out, rangeSuppression{next, next + len(s.Line(n+1)), sup})
		}
	}
	return out
}

// suppression is what the directives covering a file offset switch off.
func (l *fileLinter) suppression(offset int) Suppression {
	var s Suppression
	for _, r := range l.sup {
		if offset >= r.from && offset <= r.to {
			s = s.Add(r.s)
		}
	}
	return s
}
