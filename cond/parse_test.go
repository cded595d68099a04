package cond

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const seed = "_event.data.interactionid == system.InteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion')"

func TestParseExpressionShapes(t *testing.T) {
	tests := []struct{ src, want string }{
		{"a + b * c - d", "(- (+ a (* b c)) d)"},
		{"a || b && c | d ^ e & f", "(|| a (&& b (| c (^ d (& e f)))))"},
		{"a == b < c << d + e * f", "(== a (< b (<< c (+ d (* e f)))))"},
		{"a instanceof B in c", "(in (instanceof a B) c)"},
		{"a = b += c", "(= a (+= b c))"},
		{"a ? b : c ? d : e", "(? a b (? c d e))"},
		{"a ? b : c = d", "(? a b (= c d))"},
		{"a, b = c", "(, a (= b c))"},
		{"!typeof -~+a", "(! (typeof (- (~ (+ a)))))"},
		{"++a + b--", "(+ (++pre a) (--post b))"},
		{"delete a[0], void 0", "(, (delete (index a 0)) (void 0))"},
		{"new a.b().c", "(dot (new (dot a .b) ) .c)"},
		{"new new a()()", "(new (new a ) )"},
		{"new a", "(new a)"},
		{"!new a", "(! (new a))"},
		{"typeof new a.b(c).d", "(typeof (dot (new (dot a .b) c) .d))"},
		{"new a()()", "(call (new a ) )"},
		{"a.b(c)[d].e", "(dot (index (call (dot a .b) c) d) .e)"},
		{"a.if.in", "(dot (dot a .if) .in)"},
		{`a.\u0069f`, "(dot a .if)"},
		{"a.if(b) / 2", "(/ (call (dot a .if) b) 2)"},
		{"[1, , 2, ]", "[1 _ 2]"},
		{"[,]", "[_]"},
		{"({a: 1, 'b': 2, 3: c, get d() { return 1 }, set e(v) {}, if: 4})", `(paren {(init .a 1) (init "b" 2) (init 3 c) (get .d (function _ () (return 1))) (set .e (function _ (v) )) (init .if 4)})`},
		{"({get: 1, set: 2})", "(paren {(init .get 1) (init .set 2)})"},
		{"function f(a, b) { return a }", "(function f (a b) (return a))"},
		{"(function () { 'use strict'; return this })()", `(call (paren (function _ () "use strict"; (return this))) )`},
		{"/a+/gi.test(x)", "(call (dot /a+/gi .test) x)"},
		{"a / b / c", "(/ (/ a b) c)"},
		{"x = y / 2 / z", "(= x (/ (/ y 2) z))"},
		{"true && null || this", "(|| (&& true null) this)"},
		{"'a' + \"b\"", `(+ "a" "b")`},
		{"0x10 + 1e2 + .5", "(+ (+ 16 100) 0.5)"},
		{"(a) = 1", "(= (paren a) 1)"},
		{"var_ == let", "(== var_ let)"},
		{"yield + static", "(+ yield static)"},
		{seed, "(&& (== (dot (dot _event .data) .interactionid) (dot system .InteractionID)) (paren (|| (! (dot (dot _event .data) .resultof)) (== (dot (dot _event .data) .resultof) \"deletion\"))))"},
		{"_event.data.requestid==App_TargetBySkill1['requestid']", `(== (dot (dot _event .data) .requestid) (index App_TargetBySkill1 "requestid"))`},
		{"(CallerTime>'09:00:00') && (CallerTime <'17:00:00')", `(&& (paren (> CallerTime "09:00:00")) (paren (< CallerTime "17:00:00")))`},
		{"_event.data.x == 1 \n\t&& y ", "(&& (== (dot (dot _event .data) .x) 1) y)"},
		{"In('s1')", `(call In "s1")`},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			e, err := ParseExpression(tt.src)
			require.NoError(t, err)
			assert.Equal(t, tt.want, sexpr(e.Root))
			assert.Equal(t, tt.src, e.Source)
		})
	}
}

func TestParseProgramShapes(t *testing.T) {
	tests := []struct{ src, want string }{
		{"var a = 1, b", "(var a=1 b=_)"},
		{"a\nb", "a; b;"},
		{"a;;b", "a; ; b;"},
		{"return_ = 1", "(= return_ 1);"},
		{"function f() { return\n1 }", "(decl (function f () (return _) 1;))"},
		{"function f() { return }", "(decl (function f () (return _)))"},
		{"a\n++b", "a; (++pre b);"},
		{"if (a)\n++b", "(if a (++pre b); _)"},
		{"if (a) b; else if (c) d\nelse e", "(if a b; (if c d; e;))"},
		{"for (var i = 0, n = 2; i < n; i++) {}", "(for (var i=0 n=2) (< i n) (++post i) {})"},
		{"for (;;) break", "(for _ _ _ (break _))"},
		{"for (var k in o) ;", "(forin (var k=_) o ;)"},
		{"for (k in o) {}", "(forin k o {})"},
		{"for (a.b in c, d) {}", "(forin (dot a .b) (, c d) {})"},
		{"for (var x = 1 in o) {}", "(forin (var x=1) o {})"},
		{"for ((a in b);;) {}", "(for (paren (in a b)) _ _ {})"},
		{"for (a.in in b) {}", "(forin (dot a .in) b {})"},
		{"while (a) { continue }", "(while a {(continue _)})"},
		{"do a(); while (b)", "(do (call a ); b)"},
		{"L: for (;;) { break L; continue L }", "(label L (for _ _ _ {(break .L) (continue .L)}))"},
		{"switch (x) { case 1: a(); break; default: b() }", "(switch x (case 1 (call a ); (break _)) (case _ (call b );))"},
		{"try { a() } catch (e) { b(e) } finally { c() }", "(try {(call a );} e {(call b e);} {(call c );})"},
		{"throw new Error('x')", `(throw (new Error "x"))`},
		{"with (o) { a }", "(with o {a;})"},
		{"debugger", "debugger"},
		{"var let = 1; var yield, static", "(var let=1) (var yield=_ static=_)"},
		{"x = /=/.test(y)", "(= x (call (dot /=/ .test) y));"},
		{"{}\n/foo/.test(a)", "{} (call (dot /foo/ .test) a);"},
		{"if (a) {}\n/foo/.test(a)", "(if a {} _) (call (dot /foo/ .test) a);"},
		{"(function () {}) / 2", "(/ (paren (function _ () )) 2);"},
		{"(function () { function f() {} /x/.test(b) })", "(paren (function _ () (decl (function f () )) (call (dot /x/ .test) b);));"},
		{"for (var a = b ? c : d in e) ;", "(forin (var a=(? b c d)) e ;)"},
		{"for (var a = b ? c in d : e in f) ;", "(forin (var a=(? b (in c d) e)) f ;)"},
		{"a = {} / 2", "(= a (/ {} 2));"},
		{"a.in-- / 2", "(/ (--post (dot a .in)) 2);"},
		{"a.enum-- / b / c", "(/ (/ (--post (dot a .enum)) b) c);"},
		{"a.return\n(b)", "(call (dot a .return) b);"},
		{"a.in\n++b", "(dot a .in); (++pre b);"},
		{"function f() { if (a) return\n; else c }", "(decl (function f () (if a (return _) c;)))"},
		{"while (1) { if (a) break\n; else c }", "(while 1 {(if a (break _) c;)})"},
		{"while (1) { if (a) continue\n; else c }", "(while 1 {(if a (continue _) c;)})"},
		{"function f() { return\n; }", "(decl (function f () (return _)))"},
		{"o = {get a() { function f(){} /x/ }}", "(= o {(get .a (function _ () (decl (function f () )) /x/;))});"},
		{"o = {set a(v) { x: {} /x/ }}", "(= o {(set .a (function _ (v) (label x {}) /x/;))});"},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			p, err := ParseProgram(tt.src)
			require.NoError(t, err)
			var parts []string
			for _, s := range p.Body {
				parts = append(parts, sexpr(s))
			}
			assert.Equal(t, tt.want, strings.Join(parts, " "))
		})
	}
}

// diagOf parses src and returns "line:col: message [code]" of each
// diagnostic.
func diagOf(t *testing.T, src string, program bool) []string {
	t.Helper()
	var err error
	if program {
		_, err = ParseProgram(src)
	} else {
		_, err = ParseExpression(src)
	}
	require.Error(t, err, "%q should not parse", src)
	var perr *Error
	require.ErrorAs(t, err, &perr)
	var out []string
	for _, d := range perr.Diagnostics {
		line, col := LineCol(src, d.Span.Start)
		assert.Equal(t, SeverityError, d.Severity)
		assert.LessOrEqual(t, d.Span.Start, d.Span.End)
		assert.LessOrEqual(t, d.Span.End, len(src))
		out = append(out, itoa(line)+":"+itoa(col)+": "+d.Message+" ["+d.Code+"]")
	}
	return out
}

func itoa(i int) string {
	return strings.TrimSpace(strings.Repeat(" ", 0) + string(rune('0'+i%10)))[0:0] + fmtInt(i)
}

func fmtInt(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return fmtInt(i/10) + string(rune('0'+i%10))
}

func TestSyntaxErrors(t *testing.T) {
	tests := []struct {
		src     string
		program bool
		want    string
	}{
		{seed[:len(seed)-1], false, "1:114: missing ')' to close '(' opened at 1:54 [C101]"},
		{"f(a, [b)", false, "1:8: unexpected ')': expected ']' to close '[' opened at 1:6 [C102]"},
		{"a)", false, "1:2: unexpected ')': there is no open '(' to close [C102]"},
		{"a b", false, "1:3: unexpected identifier 'b': expected an operator or the end of the expression [C100]"},
		{"(a b)", false, "1:4: unexpected identifier 'b': expected an operator or ')' [C100]"},
		{"a +", false, "1:4: unexpected end of input: expected an expression [C100]"},
		{"a + * b", false, "1:5: unexpected '*': expected an expression [C100]"},
		{"a ? b", false, "1:6: unexpected end of input: expected ':' [C100]"},
		{"x.", false, "1:3: unexpected end of input: expected a property name [C100]"},
		{"", false, "1:1: unexpected end of input: expected an expression [C100]"},
		{"[a b]", false, "1:4: missing ',' between array elements [C100]"},
		{"return", false, "1:1: 'return' is only allowed inside a function; a condition is an expression, not a function body [C121]"},
		{"if (a) b", false, "1:1: a condition is a single expression; 'if' starts a statement [C100]"},
		{"new !a", false, "1:5: unexpected '!' after 'new': expected what to construct [C100]"},
		{"a = = b", false, "1:5: unexpected '=': expected an expression [C100]"},
		{"var if = 1", true, "1:5: 'if' is a reserved word and cannot be used as a name [C126]"},
		{"a b", true, "1:3: missing ';' before identifier 'b': statements on one line must be separated by ';' [C104]"},
		{"if (a) b else c", true, "1:10: missing ';' before keyword 'else': statements on one line must be separated by ';' [C104]"},
		{"throw\nx", true, "1:1: the value thrown must start on the same line as 'throw' [C100]"},
		{"for (a in b;;) {}", true, "1:12: unexpected ';': expected an operator or ')' [C100]"},
		{"function () {}", true, "1:1: a function declaration needs a name [C100]"},
		{"try {}", true, "1:1: 'try' needs a 'catch' or a 'finally' block [C100]"},
		{"do x", true, "1:5: unexpected end of input: expected 'while' [C100]"},
		{"(function(){ {'b': 1} })", false, "1:18: unexpected ':': a '{' that starts a statement opens a block, and only a name can label a statement [C100]"},
		{"{1: 1}", true, "1:3: unexpected ':': a '{' that starts a statement opens a block, and only a name can label a statement [C100]"},
		{"a.in\n++b", false, "1:5: unexpected line break: expected an operator or the end of the expression [C100]"},
		{"'abc", false, "1:1: unterminated string: missing closing ' [C103]"},
		{`v\u0061r`, false, "1:1: 'var' is a reserved word; writing it with escape sequences does not make it a name [C126]"},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			got := diagOf(t, tt.src, tt.program)
			assert.Equal(t, tt.want, got[0])
		})
	}
}

func TestES2015Constructs(t *testing.T) {
	tests := []struct {
		src     string
		program bool
		want    string
	}{
		{"a?.b", false, "1:2: optional chaining (?.) is ES2020; ORS evaluates ES5 [C110]"},
		{"a ?? b", false, "1:3: nullish coalescing (??) is ES2020; ORS evaluates ES5 [C110]"},
		{"x => x", false, "1:3: arrow function (=>) is ES2015; ORS evaluates ES5 [C110]"},
		{"`a${b}`", false, "1:1: template literal (`…`) is ES2015; ORS evaluates ES5 [C110]"},
		{"a ** 2", false, "1:3: exponentiation operator (**) is ES2016; ORS evaluates ES5 [C110]"},
		{"f(...a)", false, "1:3: spread or rest syntax (...) is ES2015; ORS evaluates ES5 [C110]"},
		{"({a})", false, "1:3: shorthand property ({a}) is ES2015; ORS evaluates ES5 [C110]"},
		{"({[k]: 1})", false, "1:3: computed property name ({[k]: v}) is ES2015; ORS evaluates ES5 [C110]"},
		{"({f() {}})", false, "1:3: method definition ({f() {…}}) is ES2015; ORS evaluates ES5 [C110]"},
		{"f(a,)", false, "1:4: trailing comma in call arguments (f(a,)) is ES2017; ORS evaluates ES5 [C110]"},
		{"0b11", false, "1:1: binary literal (0b…) is ES2015; ORS evaluates ES5 [C110]"},
		{"0o7", false, "1:1: octal literal (0o…) is ES2015; ORS evaluates ES5 [C110]"},
		{"1_000", false, "1:1: numeric separator (1_000) is ES2021; ORS evaluates ES5 [C110]"},
		{"/a/y", false, "1:4: regular expression flag y (sticky) is ES2015; ORS evaluates ES5 [C110]"},
		{"/a/u", false, "1:4: regular expression flag u (unicode) is ES2015; ORS evaluates ES5 [C110]"},
		{"'\\u{41}'", false, "1:1: code point escape (\\u{…}) is ES2015; ORS evaluates ES5 [C110]"},
		{"let x = 1", true, "1:1: let declaration is ES2015; ORS evaluates ES5 [C110]"},
		{"a == const", false, "1:6: const declaration is ES2015; ORS evaluates ES5 [C110]"},
		{"class A {}", true, "1:1: class is ES2015; ORS evaluates ES5 [C110]"},
		{"function* g() {}", true, "1:1: generator function (function*) is ES2015; ORS evaluates ES5 [C110]"},
		{"function f(a = 1) {}", true, "1:14: default parameter value is ES2015; ORS evaluates ES5 [C110]"},
		{"for (x of y) {}", true, "1:8: for…of loop is ES2015; ORS evaluates ES5 [C110]"},
		{"async function f() {}", true, "1:1: async function is ES2017; ORS evaluates ES5 [C110]"},
		{"a ||= b", false, "1:3: logical assignment (&&=, ||=, ??=) is ES2021; ORS evaluates ES5 [C110]"},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			got := diagOf(t, tt.src, tt.program)
			assert.Equal(t, tt.want, got[0])
		})
	}
}

func TestEarlyErrors(t *testing.T) {
	tests := []struct {
		src     string
		program bool
		want    string
	}{
		{"1 = 2", false, "1:1: invalid assignment target: the left side of '=' must be a variable or a property [C120]"},
		{"a + b = c", false, "1:1: invalid assignment target: the left side of '=' must be a variable or a property [C120]"},
		{"f() += 1", false, "1:1: invalid assignment target: the left side of '+=' must be a variable or a property [C120]"},
		{"++a()", false, "1:3: invalid assignment target: the operand of '++' must be a variable or a property [C120]"},
		{"1--", false, "1:1: invalid assignment target: the operand of '--' must be a variable or a property [C120]"},
		{"for (a + b in c) {}", true, "1:6: invalid assignment target: the variable of a for-in loop must be a variable or a property [C120]"},
		{"/a/gg", false, "1:5: regular expression flag 'g' is given twice [C124]"},
		{"/a/x", false, "1:4: unknown regular expression flag \"x\" [C124]"},
		{"/+a/", false, "1:2: invalid regular expression: nothing to repeat before '+' [C124]"},
		{"/(a/", false, "1:4: invalid regular expression: missing ')' to close a group [C124]"},
		{"/a)/", false, "1:3: invalid regular expression: unmatched ')' [C124]"},
		{"/[z-a]/", false, "1:3: invalid regular expression: range out of order in character class [C124]"},
		{"/a{3,1}/", false, "1:3: invalid regular expression: numbers out of order in {3,1} quantifier [C124]"},
		{"/(?<n>a)/", false, "1:2: named capture group (?<name>…) is ES2018; ORS evaluates ES5 [C110]"},
		{"/(?<=a)b/", false, "1:2: lookbehind assertion (?<=…) or (?<!…) is ES2018; ORS evaluates ES5 [C110]"},
		{"break", true, "1:1: 'break' must be inside a loop or a switch [C122]"},
		{"while (a) { function f() { continue } }", true, "1:28: 'continue' must be inside a loop [C122]"},
		{"L: { continue L }", true, "1:15: continue can only name the label of a loop; 'L' labels another statement [C122]"},
		{"for (;;) break M", true, "1:16: unknown label 'M' [C122]"},
		{"L: L: ;", true, "1:4: label 'L' is already declared around this statement [C122]"},
		{"return 1", true, "1:1: 'return' is only allowed inside a function; a condition is an expression, not a function body [C121]"},
		{"'use strict'; with (a) {}", true, "1:15: 'with' is not allowed in strict mode code [C123]"},
		{"'use strict'; delete x", true, "1:15: cannot delete a variable in strict mode code [C123]"},
		{"'use strict'; x = 017", true, "1:19: octal literals and numbers with a leading zero are not allowed in strict mode code [C123]"},
		{"'use strict'; x = '\\07'", true, "1:19: octal escape sequences are not allowed in strict mode code [C123]"},
		{"function f(a, a) { 'use strict' }", true, "1:15: duplicate parameter name 'a' is not allowed in strict mode code [C123]"},
		{"'use strict'; eval = 1", true, "1:15: cannot assign to 'eval' in strict mode code [C123]"},
		{"'use strict'; var let = 1", true, "1:19: 'let' is a reserved word in strict mode code [C126]"},
		{"({get a() {}, a: 1})", false, "1:15: property 'a' is already defined with a getter or setter [C125]"},
		{"({get a(x) {}})", false, "1:8: a getter takes no parameters [C100]"},
		{"({set a() {}})", false, "1:8: a setter takes exactly one parameter [C100]"},
		{"(function () { 'use strict'; ({a: 1, a: 2}) })", false, "1:38: duplicate property 'a' is not allowed in strict mode code [C123]"},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			got := diagOf(t, tt.src, tt.program)
			assert.Equal(t, tt.want, got[0])
		})
	}
}

func TestValidNonStrict(t *testing.T) {
	for _, src := range []string{
		"var let = 1", "var yield = 2; yield", "static = 3", "x = 017 + 010", "x = '\\07'", "delete x",
		"function f(a, a) {}", "({a: 1, a: 2})", "with (o) {}", "eval = 1",
		"(function () { 'use strict' }); with (o) {}",
		"x = 'use strict'; with (o) {}",
	} {
		_, err := ParseProgram(src)
		assert.NoError(t, err, src)
	}
}

func TestGlobals(t *testing.T) {
	tests := []struct {
		src     string
		program bool
		want    []string
	}{
		{seed, false, []string{"_event", "system"}},
		{"a.b + c[d] + a", false, []string{"a", "c", "d"}},
		{"(function (x) { var y = x + z; return y + arguments.length })(w)", false, []string{"z", "w"}},
		{"(function f() { return f })()", false, nil},
		{"(function () { try {} catch (e) { e + g } return e })()", false, []string{"g", "e"}},
		{"({a: b, c: function () { return h(inner) }})", false, []string{"b", "h", "inner"}},
		{"var v = 1; function f(p) { return p + v + q } f(u)", true, []string{"q", "u"}},
		{"L: for (k in o) break L", true, []string{"k", "o"}},
		{"(function () { g(); function g() {} })()", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			if tt.program {
				p, err := ParseProgram(tt.src)
				require.NoError(t, err)
				assert.Equal(t, tt.want, p.Globals())
				return
			}
			e, err := ParseExpression(tt.src)
			require.NoError(t, err)
			assert.Equal(t, tt.want, e.Globals())
			for _, id := range e.GlobalRefs() {
				assert.Equal(t, id.Name, tt.src[id.Pos.Start:id.Pos.End])
			}
		})
	}
}

func TestProgramDeclared(t *testing.T) {
	tests := []struct {
		src  string
		want []string
	}{
		{"var a = 1, b; function f(p) { var inner; function g() {} } c = 2", []string{"a", "b", "f"}},
		{"if (x) { var late } else for (var i in o) {} try {} catch (e) { var inCatch }", []string{"late", "i", "inCatch"}},
		{"g(); function g() {} var g", []string{"g"}},
		{"(function h() { var hidden })()", nil},
		{"x = 1", nil},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			p, err := ParseProgram(tt.src)
			require.NoError(t, err)
			assert.Equal(t, tt.want, p.Declared())
		})
	}
}

func TestComments(t *testing.T) {
	tests := []struct {
		src     string
		program bool
		want    []Comment
	}{
		{"a /* b */ + c // d", false, []Comment{{Span{2, 9}, " b ", true}, {Span{14, 18}, " d", false}}},
		{`'/* no */' + /\/\/ no/.source`, false, nil},
		{"a.return / 2 // yes", false, []Comment{{Span{13, 19}, " yes", false}}},
		{"// one\nx = 1 /*\ntwo\n*/ + 2", true, []Comment{{Span{0, 6}, " one", false}, {Span{13, 22}, "\ntwo\n", true}}},
		{"x = 1", true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			if tt.program {
				p, err := ParseProgram(tt.src)
				require.NoError(t, err)
				assert.Equal(t, tt.want, p.Comments)
				return
			}
			e, err := ParseExpression(tt.src)
			require.NoError(t, err)
			assert.Equal(t, tt.want, e.Comments)
		})
	}
}

// TestSpans checks every node's span: within the source, nested in its
// parent's, and starting and ending on the text one would expect.
func TestSpans(t *testing.T) {
	src := "a.b(c, 'd') + (e ? [f, {g: h}] : /r/g) * -i++"
	e, err := ParseExpression(src)
	require.NoError(t, err)
	texts := map[string]bool{}
	checkSpans(t, src, e.Root)
	Inspect(e.Root, func(n Node) bool {
		if n != nil {
			texts[src[n.Span().Start:n.Span().End]] = true
		}
		return true
	})
	for _, want := range []string{src, "a.b(c, 'd')", "a.b", "'d'", "(e ? [f, {g: h}] : /r/g)", "e ? [f, {g: h}] : /r/g", "[f, {g: h}]", "{g: h}", "g: h", "/r/g", "-i++", "i++", "b"} {
		assert.True(t, texts[want], "no node spans %q", want)
	}

	p, err := ParseProgram("function f(x) {\n  if (x) { return 1 }\n  return 2;\n}\nvar y = f(1)\n")
	require.NoError(t, err)
	for _, n := range p.Body {
		checkSpans(t, p.Source, n)
	}
	assert.Equal(t, "function f(x) {\n  if (x) { return 1 }\n  return 2;\n}", p.Source[p.Body[0].Span().Start:p.Body[0].Span().End])
	assert.Equal(t, "var y = f(1)", p.Source[p.Body[1].Span().Start:p.Body[1].Span().End])
}

// checkSpans asserts that spans are ordered, inside the source and nested.
func checkSpans(t testing.TB, src string, root Node) {
	var stack []Span
	Inspect(root, func(n Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		s := n.Span()
		if s.Start < 0 || s.Start > s.End || s.End > len(src) {
			t.Fatalf("%T span %v outside %q", n, s, src)
		}
		if len(stack) > 0 {
			p := stack[len(stack)-1]
			if s.Start < p.Start || s.End > p.End {
				t.Fatalf("%T span %v %q not inside parent %v %q", n, s, src[s.Start:s.End], p, src[p.Start:p.End])
			}
		}
		stack = append(stack, s)
		return true
	})
}

func TestLimits(t *testing.T) {
	_, err := ParseExpression(strings.Repeat("a+", 40000) + "a")
	assert.ErrorContains(t, err, "the source is 80001 bytes long; the limit is 65536")
	_, err = ParseExpression("a+b", MaxLength(2))
	assert.ErrorContains(t, err, "the limit is 2")

	deep := strings.Repeat("(", 100000) + "a" + strings.Repeat(")", 100000)
	_, err = ParseExpression(deep, MaxLength(0))
	assert.EqualError(t, err, "1:257: nesting is deeper than 256 levels (brackets, operators and statements inside one another)")

	for _, src := range []string{
		strings.Repeat("!", 300) + "a",
		strings.Repeat("a ? b : ", 300) + "c",
		strings.Repeat("a = ", 300) + "c",
		strings.Repeat("[", 300) + strings.Repeat("]", 300),
		strings.Repeat("f(", 300) + strings.Repeat(")", 300),
	} {
		_, err = ParseExpression(src)
		var perr *Error
		require.ErrorAs(t, err, &perr, src[:10])
		assert.Equal(t, CodeTooDeep, perr.Diagnostics[0].Code)
	}
	_, err = ParseProgram(strings.Repeat("if (a) b; else ", 300) + "c")
	assert.ErrorContains(t, err, "nesting is deeper than 256")

	_, err = ParseExpression(strings.Repeat("(", 20)+"a"+strings.Repeat(")", 20), MaxDepth(10))
	assert.ErrorContains(t, err, "deeper than 10")
	_, err = ParseExpression(strings.Repeat("(", 200)+"a"+strings.Repeat(")", 200), MaxDepth(0))
	assert.NoError(t, err)
	_, err = ParseExpression(strings.Repeat("a ? b : ", 100)+"c", MaxDepth(0))
	assert.NoError(t, err)
}

func TestCodesTable(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Codes() {
		assert.False(t, seen[c.Code], c.Code)
		seen[c.Code] = true
		assert.Regexp(t, `^C1\d\d$`, c.Code)
		assert.NotEmpty(t, c.Name)
		assert.NotEmpty(t, c.Doc)
	}
	for _, code := range []string{CodeSyntax, CodeUnclosed, CodeMismatched, CodeBadToken, CodeMissingSemi, CodeES2015, CodeInvalidTarget,
		CodeReturnOutside, CodeBadJump, CodeStrict, CodeInvalidRegexp, CodeDuplicateProp, CodeReservedWord, CodeTooLong, CodeTooDeep, CodeInternal} {
		assert.True(t, seen[code], code)
	}
}

// TestBracketDiagnostics checks that a bracket error names where the bracket
// was opened as a related span, and that a missing closer comes with the
// fix of writing it after the last token.
func TestBracketDiagnostics(t *testing.T) {
	tests := []struct {
		src     string
		code    string
		related Span
		fix     *Fix
		fixed   string
	}{
		{seed[:len(seed)-1], CodeUnclosed, Span{53, 54}, &Fix{Span{113, 113}, ")"}, seed},
		{"f(a // the end", CodeUnclosed, Span{1, 2}, &Fix{Span{3, 3}, ")"}, "f(a) // the end"},
		{"[a, {b: 1}\n", CodeUnclosed, Span{0, 1}, &Fix{Span{10, 10}, "]"}, "[a, {b: 1}]\n"},
		{"f(a, [b)", CodeMismatched, Span{5, 6}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			_, err := ParseExpression(tt.src)
			var perr *Error
			require.ErrorAs(t, err, &perr)
			d := perr.Diagnostics[0]
			assert.Equal(t, tt.code, d.Code)
			assert.Equal(t, []Span{tt.related}, d.Related)
			assert.Equal(t, tt.fix, d.Fix)
			if tt.fix != nil {
				fixed := tt.src[:d.Fix.Span.Start] + d.Fix.NewText + tt.src[d.Fix.Span.End:]
				assert.Equal(t, tt.fixed, fixed)
				_, err := ParseExpression(fixed)
				assert.NoError(t, err)
			}
		})
	}
}

func TestMessageAt(t *testing.T) {
	_, err := ParseExpression("a &&\n  (b || c")
	var perr *Error
	require.ErrorAs(t, err, &perr)
	d := perr.Diagnostics[0]
	assert.Equal(t, "missing ')' to close '(' opened at 2:3", d.Message)
	assert.Equal(t, "missing ')' to close '(' opened at 7:15", d.MessageAt(perr.Source, func(offset int) string {
		assert.Equal(t, 7, offset)
		return "7:15"
	}))
	plain := Diagnostic{Message: "unexpected 'at 2:3'"}
	assert.Equal(t, plain.Message, plain.MessageAt("a\nb", func(int) string { return "9:9" }))
}
