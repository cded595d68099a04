package lint_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/lint"
	"github.com/condeval/condeval/scxml"
)

// fixFiles wrap one handler or condition (%ROW%) in a file of each kind.
// What surrounds it — the XML declaration, a comment, attributes in
// single quotes, a non-ASCII character, the indentation — must come out
// of a fix byte for byte.
var fixFiles = map[string]string{
	"a.scxml": `<?xml version="1.0" encoding="%ENC%"?>%NL%` +
		`<!-- Appel reçu -->%NL%` +
		`<scxml xmlns="http://www.w3.org/2005/07/scxml" version='1.0' datamodel="ecmascript" initial="s">%NL%` +
		"\t<state id=\"s\">%NL%" +
		"\t\t%ROW%%NL%" +
		"\t</state>%NL%" +
		"\t<final id='end'/>%NL%" +
		"</scxml>%NL%",
	"default.ixnprocess": `<?xml version="1.0" encoding="%ENC%"?>%NL%` +
		`<xmi:XMI xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:datatypes="http://studio.genesyslab.com/common/datatypes/" xmlns:ipd="http://studio.genesyslab.com/ipd/">%NL%` +
		`  <ipd:IpdDiagram xmi:id="_d" name="default" description='Appel reçu'>%NL%` +
		`    %ROW%%NL%` +
		`  </ipd:IpdDiagram>%NL%` +
		`</xmi:XMI>%NL%`,
	"Main.workflow": `<?xml version="1.0" encoding="%ENC%"?>%NL%` +
		`<xmi:XMI xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:datatypes="http://studio.genesyslab.com/common/datatypes/" xmlns:ird="http://studio.genesyslab.com/ird/">%NL%` +
		`  <ird:StrategyDiagram xmi:id="_d" name="Main">%NL%` +
		`    <blocks xmi:type="ird:AssignBlock" xmi:id="_b" name="Reçu" category="Assign">%NL%` +
		`      %ROW%%NL%` +
		`    </blocks>%NL%` +
		`  </ird:StrategyDiagram>%NL%` +
		`</xmi:XMI>%NL%`,
	"list.cond": "// Appel reçu%NL%%ROW%%NL%",
}

// fixVariant is a way of storing the same file: line breaks and encoding.
type fixVariant struct {
	name     string
	nl, enc  string
	latin1   bool // store the text as ISO-8859-1
	bom      bool // start with a UTF-8 byte order mark
	xmlsOnly bool // only for XML files (a condition list declares no encoding)
}

var fixVariants = []fixVariant{
	{name: "LF", nl: "\n", enc: "UTF-8"},
	{name: "CRLF", nl: "\r\n", enc: "UTF-8"},
	{name: "ISO-8859-1", nl: "\n", enc: "ISO-8859-1", latin1: true, xmlsOnly: true},
	{name: "BOM", nl: "\r\n", enc: "UTF-8", bom: true},
}

// store writes a file of kind file around row as the variant stores it.
func (v fixVariant) store(t *testing.T, file, row string) []byte {
	t.Helper()
	text := strings.NewReplacer("%ROW%", row).Replace(fixFiles[file])
	text = strings.NewReplacer("%NL%", v.nl, "%ENC%", v.enc).Replace(text)
	out := []byte(text)
	if v.latin1 {
		var err error
		out, err = charmap.ISO8859_1.NewEncoder().Bytes(out)
		require.NoError(t, err)
	}
	if v.bom {
		out = append([]byte{0xEF, 0xBB, 0xBF}, out...)
	}
	return out
}

// only is the configuration that runs one code and nothing else, so each
// row shows one rule's fix.
func only(code string) lint.Config {
	cfg := lint.Config{Disabled: map[string]bool{}}
	for _, r := range lint.Rules() {
		cfg.Disabled[r.Code] = r.Code != code
	}
	for _, c := range cond.Codes() {
		cfg.Disabled[c.Code] = c.Code != code
	}
	return cfg
}

// freshID finds the xmi:id a fix gave a new IPD handler.
var freshID = regexp.MustCompile(`xmi:id="(_[A-Za-z0-9_-]{22})"`)

func TestFixEachRuleInEachFileKind(t *testing.T) {
	const filter = "(!_event.data.resultof || _event.data.resultof == 'deletion')"
	tests := []struct {
		code, file    string
		before, after string // the row as stored (escaped), %NL% for the file's line break
	}{
		// C101: a missing ')' is closed inside the attribute, whatever its layers.
		{"C101", "a.scxml",
			`<transition event="interaction.deleted" cond="_event.data.interactionid == system.InteractionID &amp;&amp; ` + filter[:len(filter)-1] + `" target="end"/>`,
			`<transition event="interaction.deleted" cond="_event.data.interactionid == system.InteractionID &amp;&amp; ` + filter + `" target="end"/>`},
		{"C101", "default.ixnprocess",
			`<events name="revoked" event="interaction.notcontrolled" condition="_event.data.interactionid == system.InteractionID &amp;amp;&amp;amp; ` + filter[:len(filter)-1] + `" body="" target="false"/>`,
			`<events name="revoked" event="interaction.notcontrolled" condition="_event.data.interactionid == system.InteractionID &amp;amp;&amp;amp; ` + filter + `" body="" target="false"/>`},
		{"C101", "default.ixnprocess",
			`<events name="moved" event="interaction.partystatechanged" condition="" body="&lt;if cond=&quot;(_event.data.x || _event.data.y&quot;/>" target="false"/>`,
			`<events name="moved" event="interaction.partystatechanged" condition="" body="&lt;if cond=&quot;(_event.data.x || _event.data.y)&quot;/>" target="false"/>`},
		{"C101", "Main.workflow",
			`<conditions name="Known" expression="(system.ANI == &quot;1&quot; &amp;&amp; system.DNIS == &quot;2&quot;"/>`,
			`<conditions name="Known" expression="(system.ANI == &quot;1&quot; &amp;&amp; system.DNIS == &quot;2&quot;)"/>`},
		{"C101", "list.cond", `(_event.data.resultof == 'deletion'`, `(_event.data.resultof == 'deletion')`},

		// C201: a near miss of a known name.
		{"C201", "a.scxml",
			`<transition event="interaction.added" cond="sytem.Type == 'consult'"/>`,
			`<transition event="interaction.added" cond="system.Type == 'consult'"/>`},
		{"C201", "list.cond", `sytem.Type == 'consult'`, `system.Type == 'consult'`},

		// C202: a misspelt field.
		{"C202", "a.scxml",
			`<transition event="interaction.deleted" cond="_event.data.resultOf == 'deletion'"/>`,
			`<transition event="interaction.deleted" cond="_event.data.resultof == 'deletion'"/>`},
		{"C202", "default.ixnprocess",
			`<events name="gone" event="interaction.deleted" condition="_event.data.resultOf == 'deletion' &amp;amp;&amp;amp; _event.data.interactionid == system.InteractionID" body="" target="false"/>`,
			`<events name="gone" event="interaction.deleted" condition="_event.data.resultof == 'deletion' &amp;amp;&amp;amp; _event.data.interactionid == system.InteractionID" body="" target="false"/>`},
		{"C202", "Main.workflow",
			`<conditionalExceptions name="interaction.deleted" event="interaction.deleted" condition="_event.data.interactionid == system.InteractionId"/>`,
			`<conditionalExceptions name="interaction.deleted" event="interaction.deleted" condition="_event.data.interactionid == system.InteractionID"/>`},
		{"C202", "list.cond", `_event.data.interactionid === system.InteractionId`, `_event.data.interactionid === system.InteractionID`},

		// C203: a value that is not a resultof value keeps its quotes,
		// escaped as often as the text is.
		{"C203", "a.scxml",
			`<transition event="interaction.deleted" cond="_event.data.resultof == &quot;deleted&quot;"/>`,
			`<transition event="interaction.deleted" cond="_event.data.resultof == &quot;deletion&quot;"/>`},
		{"C203", "default.ixnprocess",
			`<events name="gone" event="interaction.deleted" condition="_event.data.resultof == 'deleted'" body="&lt;if cond=&quot;_event.data.resultof != &amp;quot;revoked&amp;quot;&quot;/>" target="false"/>`,
			`<events name="gone" event="interaction.deleted" condition="_event.data.resultof == 'deletion'" body="&lt;if cond=&quot;_event.data.resultof != &amp;quot;revoking&amp;quot;&quot;/>" target="false"/>`},
		{"C203", "Main.workflow",
			`<assignData Key="gone" Value="_event.data.resultof == &quot;deleted&quot;"/>`,
			`<assignData Key="gone" Value="_event.data.resultof == &quot;deletion&quot;"/>`},
		{"C203", "list.cond", `_event.data.resultof == "deleted"`, `_event.data.resultof == "deletion"`},

		// C204: = where == was meant.
		{"C204", "a.scxml",
			`<transition event="interaction.added" cond="system.ANI = '5551234'"/>`,
			`<transition event="interaction.added" cond="system.ANI == '5551234'"/>`},
		{"C204", "default.ixnprocess",
			`<events name="known" event="interaction.added" condition="system.ANI = &amp;quot;5551234&amp;quot;" body="" target="false"/>`,
			`<events name="known" event="interaction.added" condition="system.ANI == &amp;quot;5551234&amp;quot;" body="" target="false"/>`},
		{"C204", "Main.workflow",
			`<conditions name="Known" expression="system.ANI = &quot;5551234&quot;"/>`,
			`<conditions name="Known" expression="system.ANI == &quot;5551234&quot;"/>`},
		{"C204", "list.cond", `system.ANI = "5551234"`, `system.ANI == "5551234"`},

		// C207: the resultof filter, && escaped once or twice; a condition
		// whose operators bind looser than && is parenthesised; a handler
		// with no condition gets the seed's.
		{"C207", "a.scxml",
			`<transition event="interaction.notcontrolled" cond="_event.data.interactionid == system.InteractionID"/>`,
			`<transition event="interaction.notcontrolled" cond="_event.data.interactionid == system.InteractionID &amp;&amp; ` + filter + `"/>`},
		{"C207", "a.scxml",
			`<transition event="interaction.notcontrolled" cond="_event.data.interactionid == system.InteractionID || _event.data.interactionid == system.ParentInteractionID"/>`,
			`<transition event="interaction.notcontrolled" cond="(_event.data.interactionid == system.InteractionID || _event.data.interactionid == system.ParentInteractionID) &amp;&amp; ` + filter + `"/>`},
		{"C207", "a.scxml",
			`<transition event="interaction.notcontrolled" target='end'/>`,
			`<transition event="interaction.notcontrolled" cond="_event.data.interactionid == system.InteractionID &amp;&amp; ` + filter + `" target='end'/>`},
		{"C207", "default.ixnprocess",
			`<events name="gone" event="interaction.notcontrolled" condition="_event.data.interactionid == system.InteractionID" body="" target="false"/>`,
			`<events name="gone" event="interaction.notcontrolled" condition="_event.data.interactionid == system.InteractionID &amp;amp;&amp;amp; ` + filter + `" body="" target="false"/>`},
		{"C207", "default.ixnprocess",
			`<events name="gone" event="interaction.deleted" condition="" body="" target="false"/>`,
			`<events name="gone" event="interaction.deleted" condition="_event.data.interactionid == system.InteractionID &amp;amp;&amp;amp; ` + filter + `" body="" target="false"/>`},
		{"C207", "Main.workflow",
			`<conditionalExceptions name="interaction.deleted" event="interaction.deleted" condition="_event.data.interactionid == system.InteractionID"/>`,
			`<conditionalExceptions name="interaction.deleted" event="interaction.deleted" condition="_event.data.interactionid == system.InteractionID &amp;amp;&amp;amp; ` + filter + `"/>`},

		// C209: the "interaction re-queued" handler is added after the
		// others, indented like them, with the file's line breaks.
		{"C209", "a.scxml",
			`<transition event="interaction.notcontrolled" cond="_event.data.interactionid == system.InteractionID" target="end"/>`,
			`<transition event="interaction.notcontrolled" cond="_event.data.interactionid == system.InteractionID" target="end"/>` +
				"%NL%\t\t<!-- interaction re-queued -->" +
				"%NL%\t\t<transition event=\"interaction.present\" cond=\"_event.data.interactionid == _data.system.context.InteractionID\">" +
				"%NL%\t\t\t<log expr=\"_sessionid + ': interaction re-queued, available to this session again'\"/>" +
				"%NL%\t\t</transition>"},
		{"C209", "default.ixnprocess",
			`<events xmi:type="datatypes:TransitionCommonItem" xmi:id="_h1" name="interaction not controlled" event="interaction.notcontrolled" condition="_event.data.interactionid == system.InteractionID" body="&lt;raise event=&quot;application.exit&quot;/>" target="false"/>`,
			`<events xmi:type="datatypes:TransitionCommonItem" xmi:id="_h1" name="interaction not controlled" event="interaction.notcontrolled" condition="_event.data.interactionid == system.InteractionID" body="&lt;raise event=&quot;application.exit&quot;/>" target="false"/>` +
				`%NL%    <events xmi:type="datatypes:TransitionCommonItem" xmi:id="%ID%" name="interaction re-queued" event="interaction.present" condition="_event.data.interactionid == _data.system.context.InteractionID"` +
				` body="&lt;log expr=&quot;_sessionid + ': interaction re-queued, available to this session again'&quot;/&gt;" target="false" description="The interaction is available to this session again after an eServices switchover."/>`},

		// C211: a // comment in a multi-line attribute becomes /* */.
		{"C211", "a.scxml",
			"<transition event=\"interaction.present\" cond=\"_event.data.interactionid == system.InteractionID // ours%NL%\t\t\t&amp;&amp; typeof system.SessionID != 'undefined'\"/>",
			"<transition event=\"interaction.present\" cond=\"_event.data.interactionid == system.InteractionID /* ours */%NL%\t\t\t&amp;&amp; typeof system.SessionID != 'undefined'\"/>"},
		{"C211", "Main.workflow",
			"<conditions name=\"Known\" expression=\"system.ANI == &quot;1&quot; // the test line%NL%        || system.DNIS == &quot;2&quot;\"/>",
			"<conditions name=\"Known\" expression=\"system.ANI == &quot;1&quot; /* the test line */%NL%        || system.DNIS == &quot;2&quot;\"/>"},

		// C214: a trailing ';' goes.
		{"C214", "a.scxml",
			`<transition event="interaction.deleted" cond="_event.data.resultof == 'deletion';"/>`,
			`<transition event="interaction.deleted" cond="_event.data.resultof == 'deletion'"/>`},
		{"C214", "default.ixnprocess",
			`<events name="gone" event="interaction.deleted" condition="_event.data.resultof == 'deletion' ;" body="" target="false"/>`,
			`<events name="gone" event="interaction.deleted" condition="_event.data.resultof == 'deletion' " body="" target="false"/>`},
		{"C214", "Main.workflow",
			`<assignData Key="when" Value="new Date();"/>`,
			`<assignData Key="when" Value="new Date()"/>`},
		{"C214", "list.cond", `_event.data.resultof == 'deletion';`, `_event.data.resultof == 'deletion'`},
	}
	for _, tt := range tests {
		for _, v := range fixVariants {
			if v.xmlsOnly && tt.file == "list.cond" {
				continue
			}
			t.Run(tt.code+"/"+tt.file+"/"+v.name, func(t *testing.T) {
				before := v.store(t, tt.file, tt.before)
				cfg := only(tt.code)
				f, err := scxml.Read(tt.file, before)
				require.NoError(t, err)
				require.Contains(t, codesOf(lint.File(f, cfg)), tt.code, "before")

				if kind := lint.FixKindOf(tt.code); kind == cond.FixUnsafe {
					safe, err := lint.FixFile(tt.file, before, cfg, cond.FixSafe)
					require.NoError(t, err)
					assert.False(t, safe.Changed(), "an unsafe fix is applied only on request")
				}

				fx, err := lint.FixFile(tt.file, before, cfg, cond.FixUnsafe)
				require.NoError(t, err)
				after := tt.after
				if strings.Contains(after, "%ID%") {
					m := freshID.FindSubmatch(fx.After)
					require.NotNil(t, m, "a new handler has an xmi:id")
					assert.NotContains(t, string(before), string(m[1]), "the xmi:id is fresh")
					after = strings.ReplaceAll(after, "%ID%", string(m[1]))
				}
				assert.Equal(t, string(v.store(t, tt.file, after)), string(fx.After), "the whole file")
				require.NotEmpty(t, fx.Applied)
				for _, code := range codesOf(fx.Applied) {
					assert.Equal(t, tt.code, code, "applied")
				}
				assert.NotContains(t, codesOf(fx.Findings), tt.code, "after")

				f, err = scxml.Read(tt.file, fx.After)
				require.NoError(t, err)
				assert.NotContains(t, codesOf(lint.File(f, cfg)), tt.code, "the fixed file linted again")

				again, err := lint.FixFile(tt.file, fx.After, cfg, cond.FixUnsafe)
				require.NoError(t, err)
				assert.False(t, again.Changed(), "a second fix changes nothing")
			})
		}
	}
}

func codesOf(fs []lint.FileFinding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}

// Every fix a rule or the front end reports has a kind: lint --fix applies
// none that is not marked, so a fix nobody graded would be silently lost.
func TestEveryReportedFixIsGraded(t *testing.T) {
	for _, tc := range ruleCases {
		for _, f := range lint.Lint(tc.src, tc.ctx, lint.Config{}) {
			if f.Fix != nil {
				assert.NotEqual(t, cond.FixNone, lint.FixKindOf(f.Code), "%s: %s reports a fix its rule does not mark", tc.name, f.Code)
			}
		}
	}
	assert.False(t, cond.FixNone.Allows(cond.FixUnsafe), "an unmarked fix is never applied")
	assert.True(t, cond.FixSafe.Allows(cond.FixSafe))
	assert.False(t, cond.FixUnsafe.Allows(cond.FixSafe))
	assert.True(t, cond.FixUnsafe.Allows(cond.FixUnsafe))
}
