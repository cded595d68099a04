package lint_test

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/lint"
	"github.com/condeval/condeval/scxml"
)

var updateDocs = flag.Bool("update", false, "rewrite docs/rules.md from the rule table")

const rulesDoc = "../docs/rules.md"

// kindNames says what a rule looks at, for the reference.
var kindNames = []struct {
	kind scxml.Kind
	name string
}{
	{scxml.Condition, "conditions"}, {scxml.Expression, "expressions"}, {scxml.Location, "locations"},
	{scxml.Program, "scripts"}, {scxml.Descriptors, "event attributes"},
}

// rulesMarkdown renders the reference of every code from the rule table
// and the front end's code list.
func rulesMarkdown() string {
	var b strings.Builder
	b.WriteString(`# condeval lint rules

<!-- Generated from lint.Rules() and cond.Codes(); do not edit.
     Regenerate with: go test ./lint -run TestRulesDocUpToDate -update -->

` + "`condeval lint`" + ` reports syntax errors from the ES5.1 front end (C100–C199) and the findings of
the rules below (C200 and up). Every code can be switched off or re-graded, by code or by name:
` + "`--disable C206`, `--severity enum-value=error`" + `, or in a ` + "`.condeval.yaml`" + ` found by walking up from
the linted file:

` + "```yaml" + `
disable: [C206, unknown-identifier]
severity:
  enum-value: error    # error, warning, info or off
` + "```" + `

A finding is suppressed inline with a JavaScript comment inside the condition —
` + "`/* condeval-disable C203 -- reason */`" + ` (no codes: every rule) — or, in a document, with an XML
comment before the element: ` + "`<!-- condeval-disable C203 -->`" + ` (` + "`condeval-disable-file`" + ` for the whole
file). In a ` + "`.cond`" + ` file a line ` + "`// condeval-disable C203`" + ` covers the next line.

A project is linted as a whole, as ORS runs it: Composer's generated IPD (` + "`" + `src-gen/IPD_*.scxml` + "`" + `)
loads ` + "`" + `include/*.js` + "`" + ` and pulls each workflow's SCXML in with ` + "`" + `<xi:include parse="xml">` + "`" + `, all in
one global scope. So a document sees the names it declares (` + "`" + `<data>` + "`" + ` ids, ` + "`" + `var` + "`" + `s and functions of
its scripts, ` + "`" + `<foreach>` + "`" + ` items and indexes, workflow variables), those of every document that
includes it, directly or through another, and those of every file it includes; a workflow or IPD
diagram sees what the SCXML generated from it sees. Generated workflow SCXML that no IPD in the
repository includes, and a workflow diagram whose generated SCXML the repository does not hold,
see what the project's IPDs declare themselves (their data and include scripts), not the other
workflows. File names are matched ignoring letter case, as on the Windows Composer runs on; a
name that differs from its file's only in case is C215. Workflow blocks switched off in Composer
(Disabled) are not linted: Composer generates nothing of them. A file linted on its own is read with its
project around it: the nearest folder above holding ` + "`" + `src-gen/` + "`" + `, ` + "`" + `include/` + "`" + `, ` + "`" + `Workflows/` + "`" + `,
` + "`" + `Interaction Processes/` + "`" + `, a ` + "`" + `.project` + "`" + ` or a ` + "`" + `.condeval.yaml` + "`" + `. An include whose file is missing is
C215; a script file's own syntax errors are reported in that file. Documents whose ` + "`" + `datamodel` + "`" + ` is
not ECMAScript (` + "`" + `lua` + "`" + `, ` + "`" + `xpath` + "`" + `, ` + "`" + `null` + "`" + `…) are skipped, and counted as such in the summary.

` + "`condeval lint --fix`" + ` applies the fixes the column Fix marks **safe**: they keep the meaning the
author plainly intended and change nothing else. ` + "`--unsafe-fixes`" + ` also applies the **unsafe**
ones, which change what the strategy does; read them first with ` + "`--diff`" + `. A rule marked "—"
has no fix; its help says what to do.

| Code | Name | Severity | Fix | What it catches |
|---|---|---|---|---|
`)
	for _, r := range lint.Rules() {
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s | %s | %s |\n", r.Code, strings.ToLower(r.Code+"-"+r.Name), r.Name, r.Severity, fixName(r.Fix), (&lint.Rule{Doc: r.Summary()}).Markdown())
	}
	for _, r := range lint.Rules() {
		fmt.Fprintf(&b, "\n## %s %s\n\nDefault severity: **%s**. Looks at: %s. Fix: %s.\n\n%s\n", r.Code, r.Name, r.Severity, looksAt(r), fixName(r.Fix), r.Markdown())
	}
	b.WriteString("\n## Front-end codes\n\nReported by the ES5.1 parser for every condition, expression and script; all are errors by default.\n\n| Code | Name | Fix | Meaning |\n|---|---|---|---|\n")
	for _, c := range cond.Codes() {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", c.Code, c.Name, fixName(c.Fix), (&lint.Rule{Doc: c.Doc}).Markdown())
	}
	return b.String()
}

// fixName says in the reference what kind of fix a code has.
func fixName(k cond.FixKind) string {
	if k == cond.FixNone {
		return "—"
	}
	return k.String()
}

func looksAt(r lint.Rule) string {
	var parts []string
	for _, k := range kindNames {
		if r.Kinds.Has(k.kind) {
			parts = append(parts, k.name)
		}
	}
	switch {
	case r.Code == lint.CodeXML:
		parts = append(parts, "the XML of documents")
	case r.Code == lint.CodeInclude:
		parts = append(parts, "the files documents include")
	case r.RunDocument != nil:
		parts = append(parts, "the handlers of a document")
	}
	return strings.Join(parts, ", ")
}

// docs/rules.md is what the rule table says.
func TestRulesDocUpToDate(t *testing.T) {
	got := rulesMarkdown()
	if *updateDocs {
		require.NoError(t, os.WriteFile(rulesDoc, []byte(got), 0o644))
	}
	want, err := os.ReadFile(rulesDoc)
	require.NoError(t, err, "run go test ./lint -run TestRulesDocUpToDate -update")
	assert.Equal(t, string(want), got, "docs/rules.md is stale: run go test ./lint -run TestRulesDocUpToDate -update")
}
