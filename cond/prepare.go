package cond

import (
	"fmt"
	"sort"
)

// prepare checks what the token stream alone can tell, before the grammar
// runs (and before it recurses): brackets balance, nesting stays within
// maxDepth, no post-ES5 construct is written. It also applies the
// restricted productions of automatic semicolon insertion (§7.9.1), which
// need the line-break flags the grammar cannot see, and marks the 'in' of
// a for-in head, which the expression grammar would otherwise read as an
// operator.
//
// In a script (not expr), a const declaration is a warning (C111), since
// ORS's SpiderMonkey runs it, and reads as var so the rest of the script
// is still checked and its names still declared.
func prepare(src string, toks []token, maxDepth int, expr bool) ([]token, []Diagnostic) {
	p := preparer{src: src, maxDepth: maxDepth, script: !expr, out: make([]token, 0, len(toks)+4)}
	p.frames = append(p.frames, frame{open: -1})
	for i := range toks {
		if !p.step(toks, i) {
			break
		}
	}
	sort.SliceStable(p.diags, func(a, b int) bool { return p.diags[a].Span.Start < p.diags[b].Span.Start })
	return p.out, p.diags
}

// frame is one open bracket.
type frame struct {
	open      int    // index in out of the opening token; -1 for the top level
	closer    string // the bracket that closes it
	kind      frameKind
	questions int  // '?' and assignment operators in the current expression of this frame (each nests)
	ternaries int  // '?' not yet matched by ':'; 'in' between them is an operator
	elses     int  // 'else' seen in this frame (else-if chains nest)
	forDone   bool // for heads: a ';' or the 'in' has been seen
}

type frameKind uint8

const (
	frameOther  frameKind = iota
	frameCall             // call or new arguments
	frameParams           // function parameters
	frameFor              // for (…) head
)

type preparer struct {
	src      string
	maxDepth int
	script   bool // a program, not an expression: Mozilla extensions are warnings
	out      []token
	frames   []frame
	depth    int // nesting as the grammar will recurse, before the unary run
	unary    int // prefix operators in a row
	diags    []Diagnostic
}

var closers = map[string]string{"(": ")", "[": "]", "{": "}"}

func (p *preparer) report(code string, s Span, format string, args ...any) {
	p.diags = append(p.diags, Diagnostic{Code: code, Severity: SeverityError, Span: s, Message: fmt.Sprintf(format, args...)})
}

func (p *preparer) feature(f feature, s Span) { p.diags = append(p.diags, featureDiag(f, s, p.script)) }

func (p *preparer) prevOut() *token {
	if len(p.out) == 0 {
		return nil
	}
	return &p.out[len(p.out)-1]
}

// unclosed reports the bracket opened by token o that the source never
// closes, with the fix of closing it after the last token (not after
// trailing comments, where it would be commented out).
func (p *preparer) unclosed(eof token, o token, closer string) {
	end := 0
	if last := p.prevOut(); last != nil {
		end = last.end
	}
	p.diags = append(p.diags, Diagnostic{Code: CodeUnclosed, Severity: SeverityError, Span: Span{eof.start, eof.start},
		Message: fmt.Sprintf("missing '%s' to close '%s' opened at %s", closer, o.text, position(p.src, o.start)),
		Fix:     &Fix{Span: Span{end, end}, NewText: closer},
		Related: []Span{o.span()}})
}

// step handles toks[i]; it returns false to stop after a fatal problem.
func (p *preparer) step(toks []token, i int) bool {
	prev := p.prevOut()
	top := &p.frames[len(p.frames)-1]
	p.contextualFeature(toks, i, top) // may rewrite toks[i] (const → var)
	t := toks[i]

	// Restricted productions: a line break after return/break/continue ends
	// the statement; a line break before ++/-- ends the expression before it.
	// An explicit ';' on the next line ends the statement itself: a second,
	// inserted one would be an empty statement, which §7.9 never inserts
	// (so "if (a) return\n; else b" keeps its else).
	if t.nl && prev != nil && t.kind != tokEOF {
		if prev.kind == tokKeyword && prev.flags&flagPropName == 0 && (prev.text == "return" || prev.text == "break" || prev.text == "continue") && !t.is(";") ||
			(t.text == "++" || t.text == "--") && t.kind == tokPunct && prev.endsExpression() {
			p.out = append(p.out, token{kind: tokPunct, flags: flagVirtual, start: prev.end, end: prev.end, text: ";"})
			prev = p.prevOut()
		} else if prev.is("throw") {
			p.report(CodeSyntax, prev.span(), "the value thrown must start on the same line as 'throw'")
		}
	}

	if t.feat != featNone {
		p.feature(t.feat, t.span())
	}

	switch t.kind {
	case tokEOF:
		for j := len(p.frames) - 1; j > 0; j-- {
			f := p.frames[j]
			o := p.out[f.open]
			p.unclosed(t, o, f.closer)
		}
	case tokPunct:
		switch t.text {
		case "(", "[", "{":
			f := frame{open: len(p.out), closer: closers[t.text], kind: p.frameKindAt(toks, i)}
			p.frames = append(p.frames, f)
			p.depth++
		case ")", "]", "}":
			if len(p.frames) == 1 {
				p.report(CodeMismatched, t.span(), "unexpected '%s': there is no open '%s' to close", t.text, opener(t.text))
				return false
			}
			if top.closer != t.text {
				o := p.out[top.open]
				p.report(CodeMismatched, t.span(), "unexpected '%s': expected '%s' to close '%s' opened at %s", t.text, top.closer, o.text, position(p.src, o.start))
				p.diags[len(p.diags)-1].Related = []Span{o.span()}
				return false
			}
			p.depth -= 1 + top.questions + top.elses
			p.frames = p.frames[:len(p.frames)-1]
		case "?":
			top.questions++
			top.ternaries++
			p.depth++
		case ":":
			if top.ternaries > 0 {
				top.ternaries--
			}
		case "=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", ">>>=", "&=", "^=", "|=":
			top.questions++
			p.depth++
		case ",", ";":
			p.depth -= top.questions
			top.questions = 0
			if t.text == ";" && top.kind == frameFor {
				top.forDone = true
			}
		}
	case tokKeyword:
		switch {
		case t.text == "else":
			top.elses++
			p.depth++
		case t.text == "in" && top.kind == frameFor && !top.forDone && top.ternaries == 0 && (prev == nil || !prev.is(".")):
			t.flags |= flagForIn
			top.forDone = true
		}
	}

	if isPrefixOperator(&t) && (prev == nil || !prev.endsExpression()) {
		p.unary++
	} else {
		p.unary = 0
	}
	if d := p.depth + p.unary; d > p.maxDepth && p.maxDepth > 0 {
		p.report(CodeTooDeep, t.span(), "nesting is deeper than %d levels (brackets, operators and statements inside one another)", p.maxDepth)
		return false
	}
	p.out = append(p.out, t)
	return true
}

func opener(closer string) string {
	for o, c := range closers {
		if c == closer {
			return o
		}
	}
	return ""
}

func isPrefixOperator(t *token) bool {
	switch t.kind {
	case tokPunct:
		switch t.text {
		case "!", "~", "+", "-", "++", "--":
			return true
		}
	case tokKeyword:
		switch t.text {
		case "typeof", "void", "delete", "new":
			return true
		}
	}
	return false
}

// frameKindAt classifies the bracket toks[i] opens.
func (p *preparer) frameKindAt(toks []token, i int) frameKind {
	if toks[i].text != "(" || i == 0 {
		return frameOther
	}
	b := &toks[i-1]
	switch {
	case b.is("for"):
		return frameFor
	case b.is("function") || b.kind == tokIdent && i >= 2 && toks[i-2].is("function"):
		return frameParams
	case b.endsExpression():
		return frameCall
	}
	return frameOther
}

// contextualFeature reports post-ES5 constructs that are made of ES5
// tokens and only show in context.
func (p *preparer) contextualFeature(toks []token, i int, top *frame) {
	t := &toks[i]
	var next *token
	if i+1 < len(toks) {
		next = &toks[i+1]
	}
	sameLine := next != nil && !next.nl
	var prev *token
	if i > 0 {
		prev = &toks[i-1]
	}
	if t.kind == tokKeyword && isPropertyName(prev, t, next) {
		return
	}
	switch t.kind {
	case tokKeyword:
		switch t.text {
		case "new":
			if next != nil && next.is(".") {
				p.feature(featNewTarget, t.span())
			}
		case "catch":
			if next != nil && next.is("{") {
				p.feature(featOptionalCatch, t.span())
			} else if i+2 < len(toks) && (toks[i+2].is("[") || toks[i+2].is("{")) {
				p.feature(featDestructuring, toks[i+2].span())
			}
		case "const":
			p.feature(featConst, t.span())
			if p.script {
				t.text = "var" // SpiderMonkey's const declares a variable as var does
			}
		case "class":
			p.feature(featClass, t.span())
		case "import", "export":
			p.feature(featModules, t.span())
		case "super":
			p.feature(featSuper, t.span())
		case "function":
			if next != nil && next.is("*") {
				p.feature(featGenerator, Span{t.start, next.end})
			}
		}
	case tokIdent:
		switch {
		case t.value == "let" && sameLine && (prev == nil || !prev.is(".")) &&
			(next.kind == tokIdent || letPattern(toks, i) && (prev == nil || t.nl || prev.is(";") || prev.is("{") || prev.is("}"))):
			p.feature(featLet, t.span())
		case t.value == "async" && sameLine && next.is("function"):
			p.feature(featAsync, t.span())
		case t.value == "async" && sameLine && isNameToken(next) && i+2 < len(toks) && toks[i+2].is("("):
			p.feature(featAsyncMethod, t.span())
		case t.value == "of" && top.kind == frameFor && !top.forDone && i > 0 && toks[i-1].endsExpression() && !toks[i-1].is(")"):
			p.feature(featForOf, t.span())
		}
	case tokPunct:
		switch {
		case t.text == "*" && prev != nil && (prev.is("{") || prev.is(",")) && isNameToken(next) && i+2 < len(toks) && toks[i+2].is("("):
			p.feature(featGeneratorMethod, t.span())
		case t.text == "," && next != nil && next.is(")"):
			switch top.kind {
			case frameCall:
				p.feature(featTrailingCommaCall, t.span())
			case frameParams:
				p.feature(featTrailingCommaParams, t.span())
			}
		case top.kind == frameParams && t.text == "=":
			p.feature(featDefaultParam, t.span())
		case top.kind == frameParams && (t.text == "{" || t.text == "[") && len(p.out) > 0 && !p.out[len(p.out)-1].is(")"):
			p.feature(featDestructuring, t.span())
		}
	}
}

// isPropertyName reports whether keyword t is used as a property name (after
// '.', as an object key, or as an accessor's name), where ES5 allows every
// reserved word.
func isPropertyName(prev, t, next *token) bool {
	switch {
	case prev != nil && prev.is("."):
		return true
	case next != nil && next.is(":") && prev != nil && (prev.is("{") || prev.is(",")):
		return true
	case prev != nil && prev.kind == tokIdent && (prev.value == "get" || prev.value == "set") && next != nil && next.is("("):
		return true
	}
	return false
}

func isNameToken(t *token) bool {
	return t != nil && (t.kind == tokIdent || t.kind == tokKeyword || t.kind == tokString || t.kind == tokNumber)
}

// letPattern reports whether 'let' at i starts a destructuring declaration
// (let [a] = …, let {a} = …) rather than the ES5 reading, a property of a
// variable named let (let[0] = …). A name right inside the bracket decides.
func letPattern(toks []token, i int) bool {
	if i+2 >= len(toks) {
		return false
	}
	return (toks[i+1].is("[") || toks[i+1].is("{")) && toks[i+2].kind == tokIdent
}
