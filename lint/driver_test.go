package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/scxml"
)

// lintString lints a file given as text and renders each finding as
// "line:col-endline:endcol CODE underlined-file-text".
func lintString(t *testing.T, name, src string) []string {
	t.Helper()
	f, err := scxml.Read(name, []byte(src))
	require.NoError(t, err)
	return render(File(f, Config{}), src)
}

func render(fs []FileFinding, src string) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%d:%d-%d:%d %s %s", f.Start.Line, f.Start.Column, f.End.Line, f.End.Column, f.Code, src[f.Start.Offset:f.End.Offset]))
	}
	return out
}

const ipdHead = `<?xml version="1.0" encoding="UTF-8"?>
<xmi:XMI xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:datatypes="http://studio.genesyslab.com/common/datatypes/" xmlns:ipd="http://studio.genesyslab.com/ipd/">
  <ipd:IpdDiagram name="default">
`
const ipdTail = `  </ipd:IpdDiagram>
</xmi:XMI>
`

func TestLintPositionsThroughEscaping(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            []string
	}{
		{"scxml attribute, escaped once", "a.scxml",
			`<scxml xmlns="http://www.w3.org/2005/07/scxml"><state id="s"><transition event="interaction.deleted" cond="_event.data.resultof == 'deletion' &amp;&amp; _event.data.resultOf == 'x'"/></state></scxml>`,
			[]string{"1:166-1:174 C202 resultOf"}},
		{"ixnprocess condition, escaped twice", "p.ixnprocess",
			ipdHead + `    <events name="h" event="interaction.deleted" condition="_event.name == 'a' &amp;amp;&amp;amp; _event.type == 'b'" body="" target="false"/>` + "\n" + ipdTail,
			[]string{"4:61-4:117 C207 _event.name == 'a' &amp;amp;&amp;amp; _event.type == 'b'"}},
		{"ixnprocess body condition, escaped twice", "p.ixnprocess",
			ipdHead + `    <events name="h" event="interaction.added" condition="" body="&lt;if cond=&quot;_event.nmae == 'x' &amp;amp;&amp;amp; system.InteractionId&quot;/>" target="false"/>` + "\n" + ipdTail,
			[]string{"4:92-4:96 C202 nmae", "4:130-4:143 C202 InteractionId"}},
		{"operator spans every source byte", "w.workflow",
			`<xmi:XMI xmlns:xmi="http://www.omg.org/XMI"><ird:StrategyDiagram xmlns:ird="http://studio.genesyslab.com/ird/" name="M"><blocks name="B"><conditions name="c" expression="typeof x &gt;= undefined"/></blocks></ird:StrategyDiagram></xmi:XMI>`,
			[]string{}},
		{"ixnprocess handler switched off: Composer does not generate it", "p.ixnprocess",
			ipdHead + `    <events name="on" event="interaction.added" condition="_event.nmae == 'x'" body="&lt;if cond=&quot;system.InteractionId&quot;/>" target="false"/>` + "\n" +
				`    <events name="off" event="interaction.added" condition="_event.nmae == 'x'" enabled="false" body="&lt;if cond=&quot;system.InteractionId&quot;/>" target="false"/>` + "\n" + ipdTail,
			[]string{"4:67-4:71 C202 nmae", "4:111-4:124 C202 InteractionId"}},
		{"multi-line attribute with a // comment", "a.scxml",
			"<scxml xmlns=\"http://www.w3.org/2005/07/scxml\"><state id=\"s\">\n<transition event=\"interaction.present\" cond=\"a // mine\n\t&amp;&amp; b\"/>\n</state><datamodel><data id=\"a\"/><data id=\"b\"/></datamodel></scxml>",
			[]string{"2:49-3:14 C211 // mine\n\t&amp;&amp; b"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, lintString(t, tc.file, tc.src))
		})
	}
}

func TestLintIxnprocessConditionLayers(t *testing.T) {
	src := ipdHead + `    <events name="h" event="interaction.deleted" condition="_event.data.interactionid == system.InteractionID &amp;amp;&amp;amp; _event.data.resultof == 'deleted'" body="" target="false"/>` + "\n" + ipdTail
	f, err := scxml.Read("p.ixnprocess", []byte(src))
	require.NoError(t, err)
	fs := File(f, Config{})
	require.Len(t, fs, 1)
	assert.Equal(t, "C203", fs[0].Code)
	assert.Equal(t, "'deleted'", src[fs[0].Start.Offset:fs[0].End.Offset])
	require.NotNil(t, fs[0].Repair)
	assert.Equal(t, "'deletion'", fs[0].Repair.Edits[0].NewText)
}

func TestLintEditsAreEscaped(t *testing.T) {
	scxmlSrc := `<scxml xmlns="http://www.w3.org/2005/07/scxml"><state id="s"><transition event="interaction.notcontrolled" cond="_event.data.interactionid == system.InteractionID"/></state></scxml>`
	ipdSrc := ipdHead + `    <events name="h" event="interaction.notcontrolled" condition="_event.data.interactionid == system.InteractionID" body="" target="false"/>` + "\n" + ipdTail
	const filter = " && (!_event.data.resultof || _event.data.resultof == 'deletion')"
	for _, tc := range []struct{ file, src, want string }{
		{"a.scxml", scxmlSrc, strings.ReplaceAll(filter, "&", "&amp;")},
		{"p.ixnprocess", ipdSrc, strings.ReplaceAll(filter, "&", "&amp;amp;")},
	} {
		f, err := scxml.Read(tc.file, []byte(tc.src))
		require.NoError(t, err)
		fs := File(f, Config{})
		require.Len(t, fs, 1, tc.file)
		require.NotNil(t, fs[0].Repair)
		e := fs[0].Repair.Edits[0]
		assert.Equal(t, tc.want, e.NewText)
		fixed := tc.src[:e.Start.Offset] + e.NewText + tc.src[e.End.Offset:]
		f, err = scxml.Read(tc.file, []byte(fixed))
		require.NoError(t, err)
		assert.Empty(t, File(f, Config{}), "after the fix:\n%s", fixed)
	}
}

// TestLintUnclosedBracket checks that an unclosed bracket is reported with
// the file's line and column of the bracket, through every escaping layer,
// and that its fix closes the bracket inside the attribute.
func TestLintUnclosedBracket(t *testing.T) {
	const seedOpen = "_event.data.interactionid == system.InteractionID &amp;&amp; (!_event.data.resultof || _event.data.resultof == 'deletion'"
	for _, tc := range []struct{ name, file, src, msg string }{
		{"scxml, second line", "a.scxml",
			"<scxml xmlns=\"http://www.w3.org/2005/07/scxml\"><state id=\"s\">\n  <transition event=\"interaction.deleted\" cond=\"" + seedOpen + "\"/>\n</state></scxml>",
			"missing ')' to close '(' opened at 2:110"},
		{"multi-line attribute", "a.scxml",
			"<scxml xmlns=\"http://www.w3.org/2005/07/scxml\"><state id=\"s\">\n<transition event=\"interaction.deleted\" cond=\"_event.data.resultof == 'deletion' &amp;&amp;\n   (_event.data.x || _event.data.y\"/>\n</state></scxml>",
			"missing ')' to close '(' opened at 3:4"},
		{"ixnprocess condition, escaped twice", "p.ixnprocess",
			ipdHead + `    <events name="h" event="interaction.deleted" condition="(_event.data.resultof == 'deletion' &amp;amp;&amp;amp; [1" body="" target="false"/>` + "\n" + ipdTail,
			"missing ']' to close '[' opened at 4:116"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := scxml.Read(tc.file, []byte(tc.src))
			require.NoError(t, err)
			fs := File(f, Config{})
			require.NotEmpty(t, fs)
			assert.Equal(t, cond.CodeUnclosed, fs[0].Code)
			assert.Equal(t, tc.msg, fs[0].Message)
			require.NotNil(t, fs[0].Repair)
			e := fs[0].Repair.Edits[0]
			fixed := tc.src[:e.Start.Offset] + e.NewText + tc.src[e.End.Offset:]
			f, err = scxml.Read(tc.file, []byte(fixed))
			require.NoError(t, err)
			for _, after := range File(f, Config{}) {
				assert.NotEqual(t, fs[0].Message, after.Message, "after the fix:\n%s", fixed)
			}
		})
	}
}

func TestLintXMLSuppression(t *testing.T) {
	const doc = `<scxml xmlns="http://www.w3.org/2005/07/scxml"><state id="s">
<!-- condeval-disable C204 -->
<transition event="error"
    cond="system.ANI = '1'"/>
<transition event="error" cond="system.ANI = '2'"/>
<!-- condeval-disable -->
<transition event="interaction.partystate.changed" cond="system.ANI = '3'"/>
<!-- condeval-disable C201 -->
<script>var x = y;</script>
</state></scxml>`
	assert.Equal(t, []string{"5:44-5:45 C204 ="}, lintString(t, "a.scxml", doc))

	whole := strings.Replace(doc, "<state id=\"s\">", "<state id=\"s\"><!-- condeval-disable-file side-effect -->", 1)
	assert.Empty(t, lintString(t, "a.scxml", whole))

	cond := "// condeval-disable C204 -- a test double\nsystem.ANI = '1'\nsystem.ANI = '2'\n"
	assert.Equal(t, []string{"3:12-3:13 C204 ="}, lintString(t, "c.cond", cond))
}

func TestLintDeclarations(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "lib.js"), []byte("function fromLib() { return 1; }\nvar libVar = 2;\n"), 0o644))
	doc := `<scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:xi="http://www.w3.org/2001/XInclude">
<script src="lib.js"/>
<script><xi:include href="missing.js" parse="text"/></script>
<datamodel><data id="dataId"/></datamodel>
<state id="s"><onentry><script>var scriptVar = 1; function scriptFn() {} assigned = 3;</script></onentry>
<transition event="error" cond="fromLib() + libVar + dataId + scriptVar + scriptFn() + assigned + notDeclared"/>
</state></scxml>`
	path := filepath.Join(dir, "a.scxml")
	require.NoError(t, os.WriteFile(path, []byte(doc), 0o644))
	fs, _, err := Path(path, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"3:27-3:37 C215 missing.js", "6:99-6:110 C201 notDeclared"}, render(fs, doc))
}

func TestLintDocumentRules(t *testing.T) {
	const ends = `<scxml xmlns="http://www.w3.org/2005/07/scxml" initial="s"><state id="s">
<transition event="interaction.notcontrolled" cond="_event.data.interactionid == system.InteractionID"><raise event="application.exit"/></transition>
<transition event="interaction.deleted" target="done"/>
<transition event="application.exit" target="done"/>
%s</state><final id="done"/></scxml>`
	assert.Equal(t, []string{
		"2:20-2:45 C209 interaction.notcontrolled",
		"2:53-2:102 C207 _event.data.interactionid == system.InteractionID",
		"3:20-3:39 C207 interaction.deleted",
	}, lintString(t, "a.scxml", fmt.Sprintf(ends, "")))
	withPresent := fmt.Sprintf(ends, `<transition event="interaction.present"/>`+"\n")
	assert.Equal(t, []string{
		"2:53-2:102 C207 _event.data.interactionid == system.InteractionID",
		"3:20-3:39 C207 interaction.deleted",
	}, lintString(t, "a.scxml", withPresent))
	// Sending application.exit to the session ends it as raising it does.
	sends := strings.Replace(fmt.Sprintf(ends, ""), `<raise event="application.exit"/>`, `<send event="application.exit"/>`, 1)
	assert.Equal(t, lintString(t, "a.scxml", fmt.Sprintf(ends, "")), lintString(t, "a.scxml", sends))
	// Raising it ends the session only where a transition takes it there.
	noExit := strings.Replace(fmt.Sprintf(ends, ""), `<transition event="application.exit" target="done"/>`, "", 1)
	assert.Equal(t, []string{
		"2:53-2:102 C207 _event.data.interactionid == system.InteractionID",
		"3:20-3:39 C207 interaction.deleted",
	}, lintString(t, "a.scxml", noExit))
	// Dispatch never fires a handler on interaction.notcontrolled* for
	// interaction.notcontrolled, so lint reports its descriptor and does not
	// check it as a notcontrolled handler.
	glued := strings.ReplaceAll(fmt.Sprintf(ends, ""), `"interaction.notcontrolled"`, `"interaction.notcontrolled*"`)
	assert.Equal(t, []string{
		"2:20-2:46 C208 interaction.notcontrolled*",
		"3:20-3:39 C207 interaction.deleted",
	}, lintString(t, "a.scxml", glued))
}

func TestLintMalformed(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.scxml")
	require.NoError(t, os.WriteFile(bad, []byte("<scxml xmlns=\"http://www.w3.org/2005/07/scxml\">\n<state></scxml>"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("a = b"), 0o644))
	body := ipdHead + `    <events name="h" event="error" condition="" body="&lt;log expr=&quot;1&quot;>" target="false"/>` + "\n" + ipdTail
	require.NoError(t, os.WriteFile(filepath.Join(dir, "p.ixnprocess"), []byte(body), 0o644))
	fs, _, err := Path(dir, nil)
	require.NoError(t, err)
	require.Len(t, fs, 2)
	for _, f := range fs {
		assert.Equal(t, CodeXML, f.Code)
		assert.Equal(t, cond.SeverityError, f.Severity)
		assert.NotNil(t, f.Source)
	}
	assert.Equal(t, bad, fs[0].File)
	assert.Equal(t, 2, fs[0].Start.Line)

	var off Config
	require.NoError(t, off.Disable("xml-syntax"))
	fs, _, err = Path(dir, func(string) (Config, error) { return off, nil })
	require.NoError(t, err)
	assert.Empty(t, fs)

	_, _, err = Path(filepath.Join(dir, "absent"), nil)
	assert.Error(t, err)
}

func TestConfigFile(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "a", "b")
	require.NoError(t, os.MkdirAll(sub, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(root, ConfigName), []byte("disable: [C204]\nseverity:\n  enum-value: error\n"), 0o644))
	assert.Equal(t, filepath.Join(root, ConfigName), FindConfig(sub))

	var flags Config
	require.NoError(t, flags.Enable("side-effect"))
	c := &Configs{Override: flags}
	cfg, err := c.For(filepath.Join(sub, "x.cond"))
	require.NoError(t, err)
	assert.False(t, cfg.Disabled["C204"], "the flag wins over the file")
	assert.Equal(t, cond.SeverityError, cfg.Severity["C203"])

	for _, bad := range []string{"disable: [C999]\n", "severity: {C201: loud}\n", "disabled: [C204]\n", "disable: C204: x\n"} {
		_, err := ParseConfig("x.yaml", []byte(bad))
		assert.Error(t, err, bad)
	}
	cfg, err = ParseConfig("x.yaml", nil)
	require.NoError(t, err)
	assert.Empty(t, cfg.Disabled)
}

// <foreach item index> declares both names (W3C 4.6): reading them later
// is no unknown identifier, while a misspelt one still is.
func TestLintForeachDeclares(t *testing.T) {
	const doc = `<scxml xmlns="http://www.w3.org/2005/07/scxml"><datamodel><data id="list" expr="[1, 2]"/></datamodel>
<state id="s"><onentry><foreach array="list" item="it" index="ix"><log expr="ix + ': ' + it"/></foreach></onentry>
<transition event="error" cond="it > 1 &amp;&amp; ix == 1 &amp;&amp; itm"/></state></scxml>`
	assert.Equal(t, []string{"3:70-3:73 C201 itm"}, lintString(t, "a.scxml", doc))
}

// The summary counts every file read, a malformed one included, and the
// conditions of those that could be read.
func TestPathSummary(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.scxml"), []byte(`<scxml xmlns="http://www.w3.org/2005/07/scxml"><state id="s">
<transition event="e" cond="1 == 1"/><transition event="f" cond=""/><onentry><if cond="true"><log expr="'x'"/></if></onentry></state></scxml>`), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b.cond"), []byte("a == 1\n// note\nb == 2\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bad.scxml"), []byte("<scxml>"), 0o644))
	_, sum, err := Path(dir, nil)
	require.NoError(t, err)
	assert.Equal(t, Summary{Files: 3, Conditions: 4}, sum)
	assert.Equal(t, "linted 3 files, 4 conditions", sum.String())
}

// Only ECMAScript documents are linted: no datamodel attribute, or
// "ecmascript" in any case. The others are counted as skipped, with no
// findings, however wrong their expressions are as ECMAScript.
func TestPathSkipsOtherDatamodels(t *testing.T) {
	dir := t.TempDir()
	doc := `<scxml xmlns="http://www.w3.org/2005/07/scxml"%s><state id="s"><transition event="e" cond="%s"/></state></scxml>`
	files := map[string]string{
		"lua.scxml":   fmt.Sprintf(doc, ` datamodel="lua"`, "x ~= nil and y"),
		"xpath.scxml": fmt.Sprintf(doc, ` datamodel="xpath"`, "$x/a[1] = 'b'"),
		"null.scxml":  fmt.Sprintf(doc, ` datamodel="null"`, "In('s')"),
		"es.scxml":    fmt.Sprintf(doc, ` datamodel="ECMAScript"`, "a b"),
		"none.scxml":  fmt.Sprintf(doc, "", "c d"),
	}
	for name, src := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
	}
	fs, sum, err := Path(dir, nil)
	require.NoError(t, err)
	var where []string
	for _, f := range fs {
		where = append(where, filepath.Base(f.File)+" "+f.Code)
	}
	assert.Equal(t, []string{"es.scxml C100", "none.scxml C100"}, where)
	assert.Equal(t, Summary{Files: 2, Conditions: 2, Skipped: 3}, sum)
	assert.Equal(t, "linted 2 files, 2 conditions; skipped 3 documents whose datamodel is not ECMAScript", sum.String())

	f, err := scxml.Read("lua.scxml", []byte(files["lua.scxml"]))
	require.NoError(t, err)
	assert.Empty(t, File(f, Config{}), "an editor gets no findings either")
}

// A Composer handler ends the session whether its body raises
// application.exit or sends it to the session itself; C209 fires for both.
func TestLintComposerHandlerEndsOnNotcontrolled(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"raise", `&lt;raise event=&quot;application.exit&quot;/&gt;`, []string{"4:36-4:61 C209 interaction.notcontrolled"}},
		{"send to itself", `&lt;send event=&quot;application.exit&quot;/&gt;`, []string{"4:36-4:61 C209 interaction.notcontrolled"}},
		{"send to the parent", `&lt;send event=&quot;application.exit&quot; target=&quot;#_parent&quot;/&gt;`, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := ipdHead + `    <events name="released" event="interaction.notcontrolled" condition="" body="` + tt.body + `" target="false"/>` + "\n" + ipdTail
			var got []string
			for _, f := range lintString(t, "p.ixnprocess", src) {
				if strings.Contains(f, "C209") {
					got = append(got, f)
				}
			}
			if got == nil {
				got = []string{}
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// A condition's && or < written bare in XML gets the way to write it.
func TestLintXMLHints(t *testing.T) {
	tests := []struct{ name, cond, message, hint string }{
		{"&&", "a && b", "invalid character entity & (no semicolon)", "in XML write && as &amp;&amp; (and < as &lt;)"},
		{"<", "a < b", "unescaped < inside quoted string", "in XML write < as &lt; (and && as &amp;&amp;)"},
		{"other XML mistakes get none", `a" "`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "a.scxml")
			doc := `<scxml xmlns="http://www.w3.org/2005/07/scxml"><state id="s"><transition cond="` + tt.cond + `"/></state></scxml>`
			require.NoError(t, os.WriteFile(p, []byte(doc), 0o644))
			fs, _, err := Path(p, nil)
			require.NoError(t, err)
			require.Len(t, fs, 1)
			assert.Equal(t, CodeXML, fs[0].Code)
			if tt.message != "" {
				assert.Equal(t, tt.message, fs[0].Message)
			}
			assert.Equal(t, tt.hint, fs[0].Suggestion)
		})
	}
}

// A condition given as text is judged by the configuration of the working
// directory, unless a file is named.
func TestConfigForText(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, ConfigName), []byte("disable: [C204]\n"), 0o644))
	other := filepath.Join(t.TempDir(), "other.yaml")
	require.NoError(t, os.WriteFile(other, []byte("disable: [C203]\n"), 0o644))
	t.Chdir(dir)

	cfg, err := (&Configs{}).ForText()
	require.NoError(t, err)
	assert.True(t, cfg.Disabled["C204"], "the working directory's .condeval.yaml")

	cfg, err = (&Configs{File: other}).ForText()
	require.NoError(t, err)
	assert.True(t, cfg.Disabled["C203"], "the file named")
	assert.False(t, cfg.Disabled["C204"])
}
