package lint_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/condeval/condeval/lint"
	"github.com/condeval/condeval/scxml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ruleCase is one text linted in one context: want lists the findings a
// user sees as "CODE at 'underlined text': message fragment"; an empty
// want is a near miss that must stay silent.
type ruleCase struct {
	name string
	src  string
	ctx  lint.Context
	want []string
}

// document is the context of a condition inside a document that declares
// some names.
func document(event string) lint.Context {
	return lint.Context{Kind: scxml.Condition, Event: event, Gate: true, File: "x.scxml",
		Decls: lint.NewDeclarations("stopIxn", "varCustomerTier", "CallerTime")}
}

func kind(k scxml.Kind) lint.Context { c := document(""); c.Kind = k; return c }

func multiLine(src string) lint.Context {
	c := document("interaction.present")
	for i, r := range src {
		if r == '\n' {
			c.Folds = append(c.Folds, i)
		}
	}
	return c
}

var ruleCases = []ruleCase{
	// syntax, from the front end
	{"seed's missing paren", "_event.data.interactionid == system.InteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion'", document("interaction.deleted"),
		[]string{"C101 at '': missing ')' to close '(' opened at 1:54"}},
	{"ES2020 ??", "(_event.data.tags ?? []).length > 0", lint.Context{}, []string{"C110 at '??': nullish coalescing"}},
	{"empty condition is no condition", "   ", document("interaction.deleted"), nil},
	{"seed repaired", "_event.data.interactionid == system.InteractionID && (!_event.data.resultof || _event.data.resultof == 'deletion')", document("interaction.notcontrolled"), nil},

	// C201 unknown-identifier
	{"typo of a global", "sytem.InteractionID == _event.data.interactionid", lint.Context{}, []string{"C201 at 'sytem': did you mean 'system'?"}},
	{"undeclared in a document", "CallerDay == 'Monday'", document("error"), []string{"C201 at 'CallerDay': 'CallerDay' is not declared"}},
	{"standalone, not a typo", "CallerDay == 'Monday'", lint.Context{}, nil},
	{"declared by the document", "stopIxn && varCustomerTier == 'vip'", document("error"), nil},
	{"typeof guard of an undeclared name", "typeof CallerDay != 'undefined'", document("error"), nil},
	{"Composer block variable", "_event.data.requestid==App_TargetBySkill1['requestid']", document("queue.submit.done"), nil},
	{"script assigns a new global", "counter = 1; log(counter)", kind(scxml.Program), []string{"C201 at 'log': 'log' is not declared"}},
	{"script's own declarations", "var n = 1; function f(a) { return a + n; } f(2)", kind(scxml.Program), nil},

	// C202 unknown-field
	{"resultOf", "_event.data.resultOf != 'revoking'", document("interaction.notcontrolled"), []string{"C202 at 'resultOf': did you mean 'resultof'?"}},
	{"system.InteractionId", "_event.data.interactionid === system.InteractionId", lint.Context{}, []string{"C202 at 'InteractionId': 'InteractionId' is not a field of system"}},
	{"_event.nmae", "_event.nmae == 'error'", lint.Context{}, []string{"C202 at 'nmae': did you mean 'name'?"}},
	{"open _event.data, no near miss", "_event.data.customerSegment == 'gold'", document("interaction.added"), nil},
	{"string methods", "system.Type.toLowerCase() == 'consult' && _event.name.indexOf('error') == 0", lint.Context{}, nil},
	{"field under a computed key", "_genesys.ixn.interactions[system.InteractionID].voice.typ == 'consult'", lint.Context{},
		[]string{"C202 at 'typ': 'typ' is not a field of _genesys.ixn.interactions[…].voice did you mean 'type'?"}},
	{"computed key", "_genesys.ixn.interactions[system.InteractionID].voice.type == 'consult'", lint.Context{}, nil},
	{"local variable shadows system", "var system = _data.system.context; system.Whatever = 1", kind(scxml.Program), nil},
	{"assignment creates a field in a script", "system.Custom = 1", kind(scxml.Program), nil},

	// C203 enum-value
	{"deleted", "_event.data.resultof == 'deleted'", document("interaction.deleted"), []string{"C203 at \"'deleted'\": did you mean 'deletion'?"}},
	{"reversed operands", "'revoked' !== _event.data.resultof", document("interaction.notcontrolled"), []string{"C203 at \"'revoked'\": did you mean 'revoking'?"}},
	{"a known value", "_event.data.resultof == 'routing'", document("interaction.notcontrolled"), nil},

	// C204 side-effect
	{"assignment", `system.ANI = "5551234"`, document("error"), []string{"C204 at '=': '=' assigns to system.ANI"}},
	{"compound and update", "x += 1, y++, delete z.a", lint.Context{}, []string{"C204 at '+=': changes x", "C204 at 'y++': changes y", "C204 at 'delete': removes z.a"}},
	{"comparison", `system.ANI == "5551234"`, document("error"), nil},
	{"assignment inside a function expression", "[1].some(function (x) { var y = x; y++; return y > 1; })", lint.Context{}, nil},
	{"assignment in an expr attribute", "system.ANI = '1'", kind(scxml.Expression), nil},

	// C205 typeof-compare
	{"typeof == undefined", "typeof system.LastErrorEventName == undefined", lint.Context{}, []string{"C205 at 'undefined': never the value undefined: this comparison is always false"}},
	{"typo'd type", "typeof _event.data.resultof == 'undefind'", lint.Context{}, []string{"C205 at \"'undefind'\": did you mean 'undefined'?"}},
	{"capitalised type", "'String' === typeof x", lint.Context{}, []string{"C205 at \"'String'\": did you mean 'string'?"}},
	{"proper typeof guard", "typeof _data.cdpApiBaseURL == \"undefined\" || typeof x === 'function'", lint.Context{}, nil},

	// C206 constant-condition
	{"lone string", "'interaction.deleted'", document("error"), []string{"C206 at \"'interaction.deleted'\": always true"}},
	{"self comparison", "_event.data.interactionid == _event.data.interactionid", document("error"), []string{"C206 at '_event.data.interactionid == _event.data.interactionid': compared with itself: always true (unless it is NaN)"}},
	{"self comparison of a literal, never NaN", "1 == 1", document("error"), []string{"C206 at '1 == 1': 1 is compared with itself: always true"}},
	{"self comparison, always false", "'a' < 'a'", document("error"), []string{`C206 at "'a' < 'a'": 'a' is compared with itself: always false`}},
	{"or with a literal", "_event.data.resultof == 'deletion' || 'detaching'", document("interaction.deleted"), []string{"C206 at \"'detaching'\": always true as an operand of ||"}},
	{"NaN test and booleans", "stopIxn != stopIxn || true || _data.keepGVPSessionAlive==true", document("error"), nil},
	{"literal in an expr is fine", "'Waiting for application.start'", kind(scxml.Expression), nil},

	// C207 resultof-unchecked
	{"notcontrolled without resultof", "_event.data.interactionid == system.InteractionID", document("interaction.notcontrolled"), []string{"C207 at '_event.data.interactionid == system.InteractionID': also fires for 'routing'"}},
	{"deleted without resultof", "_event.data.interactionid == system.InteractionID", document("interaction.deleted"), []string{"C207 at '_event.data.interactionid == system.InteractionID': interaction.deleted handler"}},
	{"an <if> in the body is no gate", "_event.data.interactionid == system.InteractionID", func() lint.Context { c := document("interaction.deleted"); c.Gate = false; return c }(), nil},
	{"other event", "_event.data.interactionid == system.InteractionID", document("interaction.present"), nil},

	// C208 unknown-event
	{"partystate.changed", "interaction.partystate.changed", kind(scxml.Descriptors), []string{"C208 at 'interaction.partystate.changed': did you mean interaction.partystatechanged?"}},
	{"attached and error in a list", "interaction.attached interaction.error", kind(scxml.Descriptors), []string{"C208 at 'interaction.attached': did you mean interaction.attach.done?", "C208 at 'interaction.error': did you mean error.interaction.*?"}},
	{"a '*' glued to a token", "interaction.notcontrolled* *.deleted", kind(scxml.Descriptors), []string{"C208 at 'interaction.notcontrolled*': matches only an event of that very name did you mean interaction.notcontrolled?", "C208 at '*.deleted': '*' is a wildcard only alone"}},
	{"unknown in a known namespace", "interaction.onremove", kind(scxml.Descriptors), []string{"C208 at 'interaction.onremove': no known interaction event"}},
	{"known events, prefixes and the application's own", "interaction.partystatechanged error.* * myapp.done done.state.s1 application.start", kind(scxml.Descriptors), nil},

	// C210 backtracking-regexp
	{"backreference", `/(a)\1/.test(x)`, lint.Context{}, []string{`C210 at '/(a)\1/': backreference \1`}},
	{"lookahead and nested", `/^(?=\d)(\d+-?)+$/.test(x)`, lint.Context{}, []string{`C210 at '/^(?=\d)(\d+-?)+$/': lookahead (?=…), nested quantifier (…)+`}},
	{"RegExp constructor", `new RegExp('(\\w+\\s?)*$').test(x)`, lint.Context{}, []string{`C210 at "'(\\w+\\s?)*$'": nested quantifier (…)*`}},
	{"linear patterns", `/^[\d-]+$/.test(x) && /(ab){2}\d+/.test(y) && /(a|b)*/.test(z)`, lint.Context{}, nil},

	// C211 line-comment-in-attribute
	{"comment swallows a line", "_event.data.interactionid == system.InteractionID // ours\n && typeof system.SessionID != 'undefined'", multiLine("_event.data.interactionid == system.InteractionID // ours\n && typeof system.SessionID != 'undefined'"),
		[]string{`C211 at "// ours\n && typeof system.SessionID != 'undefined'": also hides "&& typeof system.SessionID != 'undefined'"`}},
	{"comment on the last line", "a == 1\n && b == 2 // the end", func() lint.Context {
		c := multiLine("a == 1\n && b == 2 // the end")
		c.Decls = lint.NewDeclarations("a", "b")
		return c
	}(), nil},
	{"block comment", "a == 1 /* ours */\n && b == 2", func() lint.Context {
		c := multiLine("a == 1 /* ours */\n && b == 2")
		c.Decls = lint.NewDeclarations("a", "b")
		return c
	}(), nil},

	// C212 unreplaced-placeholder
	{"{block} in hand-written SCXML", "_event.data.requestid==App_{block}['requestid']", document("error.queue.submit"), []string{"C212 at '{block}': never replaced"}},
	{"{block} in a workflow", "_event.data.requestid==App_{block}['requestid']", func() lint.Context { c := document("error.queue.submit"); c.Diagram = true; return c }(), nil},
	{"prefix in hand-written SCXML", "In('$$_MY_PREFIX_$$Block1')", document("error"), []string{"C212 at '$$_MY_PREFIX_$$': never replaced"}},
	{"prefix in generated SCXML", "In('$$_MY_PREFIX_$$Block1')", func() lint.Context { c := document("error"); c.Generated = true; return c }(), nil},

	// C202 on the data of an event the catalog does not know
	{"application event's own data", "_event.data.param1 == 1", document("event1"), nil},

	// C214 trailing-semicolon
	{"expr ending in ;", "new Date();", kind(scxml.Expression), []string{"C214 at ';': makes it a statement"}},
	{"; inside a string", "x == ';'", document("error"), []string{"C201 at 'x': 'x' is not declared"}},

	// C216 comparison-chain
	{"a range written as in mathematics", "0 < _event.data.n < 10", document("error"), []string{"C216 at '0 < _event.data.n < 10': the boolean 0 < _event.data.n is compared with 10, not _event.data.n write 0 < _event.data.n && _event.data.n < 10"}},
	{"mixed operators", "CallerTime >= 1 <= varCustomerTier", document("error"), []string{"C216 at 'CallerTime >= 1 <= varCustomerTier': the boolean CallerTime >= 1 is compared with varCustomerTier, not 1"}},
	{"inside ||", "_event.name == 'x' || 1 < _event.data.n < 3", document("error"), []string{"C216 at '1 < _event.data.n < 3': write 1 < _event.data.n && _event.data.n < 3"}},
	{"the middle has a side effect: no fix", "0 < _event.data.s.indexOf('a') < 3", document("error"), []string{"C216 at \"0 < _event.data.s.indexOf('a') < 3\": compare _event.data.s.indexOf('a') twice"}},
	{"the first comparison in parentheses is meant", "(0 < _event.data.n) < 10", document("error"), nil},
	{"a range joined by &&", "0 < _event.data.n && _event.data.n < 10", document("error"), nil},
	{"equality of a comparison", "(_event.data.n < 10) == true", document("error"), nil},

	// C213 uninitialised-interactionid
	{"added-time comparison", "_event.data.interactionid == system.InteractionID", document("interaction.added"), []string{"C213 at '_event.data.interactionid == system.InteractionID': undefined until the interaction.added handler sets it"}},
	{"guarded", "typeof system.InteractionID != 'undefined' && _event.data.interactionid == system.InteractionID", document("interaction.added"), nil},
}

func TestRules(t *testing.T) {
	for _, tc := range ruleCases {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.src
			if tc.ctx.MultiLine() {
				src = strings.ReplaceAll(src, "\n", " ") // as XML attribute normalisation does
			}
			got := []string{}
			for _, f := range lint.Lint(src, tc.ctx, lint.Config{}) {
				got = append(got, fmt.Sprintf("%s at %q: %s %s", f.Code, src[f.Span.Start:f.Span.End], f.Message, f.Suggestion))
			}
			require.Len(t, got, len(tc.want), "findings: %q", got)
			for i, w := range tc.want {
				code, rest, _ := strings.Cut(w, " at ")
				where, frag, _ := strings.Cut(rest, ": ")
				where = strings.Trim(where, "'")
				if strings.HasPrefix(where, "\"") {
					where = strings.Trim(where, "\"")
					where = strings.ReplaceAll(where, `\n`, " ")
				}
				assert.True(t, strings.HasPrefix(got[i], code+" at "), "%s: want %s", got[i], code)
				assert.Contains(t, got[i], fmt.Sprintf("%q", where))
				assert.Contains(t, got[i], frag)
			}
		})
	}
}
