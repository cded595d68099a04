package gen

import "strings"

// Separators between tokens. Most are a plain space; one in ten is another
// kind of white space, a line terminator or a comment. Those holding a line
// terminator are skipped before a glued token; comments are skipped after a
// token ending in '/', where they would start a line comment.
var (
	rareSeparators  = []string{"\n", "\n", "\t", "  ", "/* c */", "// c\n", "\r\n", "\u00a0", "\u2028"}
	tightSeparators = []string{"", "", " "}
)

func (g *Generator) render(toks []token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteString(g.separator(toks[i-1], t))
		}
		b.WriteString(t.text)
	}
	return b.String()
}

func (g *Generator) separator(prev, next token) string {
	if !needsSpace(prev, next) {
		return pick(&g.r, tightSeparators)
	}
	if !g.r.chance(10) {
		return " "
	}
	for {
		sep := pick(&g.r, rareSeparators)
		breaksLine := strings.ContainsAny(sep, "\n\r\u2028")
		if next.glue && breaksLine {
			continue
		}
		if strings.HasSuffix(prev.text, "/") && strings.HasPrefix(sep, "/") {
			continue
		}
		return sep
	}
}
