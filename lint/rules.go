package lint

import "github.com/condeval/condeval/cond"

// Rules returns the lint rules, in code order. Syntax errors and ES2015+
// constructs are the front end's diagnostics (Codes, C100–C199); these are
// the checks on top of a tree that parses.
func Rules() []Rule {
	return []Rule{
		{Code: CodeXML, Name: "xml-syntax", Severity: cond.SeverityError, Doc: docXML},
		{Code: "C201", Name: "unknown-identifier", Severity: cond.SeverityWarning, Fix: cond.FixUnsafe, Kinds: OnCode, Run: unknownIdentifier, Doc: docUnknownIdentifier},
		{Code: "C202", Name: "unknown-field", Severity: cond.SeverityWarning, Fix: cond.FixUnsafe, Kinds: OnCode, Run: unknownField, Doc: docUnknownField},
		{Code: "C203", Name: "enum-value", Severity: cond.SeverityWarning, Fix: cond.FixUnsafe, Kinds: OnCode, Run: enumValue, Doc: docEnumValue},
		{Code: "C204", Name: "side-effect", Severity: cond.SeverityError, Fix: cond.FixUnsafe, Kinds: OnConditions, Run: sideEffect, Doc: docSideEffect},
		{Code: "C205", Name: "typeof-compare", Severity: cond.SeverityError, Fix: cond.FixUnsafe, Kinds: OnCode, Run: typeofCompare, Doc: docTypeof},
		{Code: "C206", Name: "constant-condition", Severity: cond.SeverityWarning, Kinds: OnConditions, Run: constantCondition, Doc: docConstant},
		{Code: "C207", Name: "resultof-unchecked", Severity: cond.SeverityWarning, Fix: cond.FixUnsafe, Kinds: OnConditions, Run: resultofUnchecked, RunDocument: resultofUncheckedDocument, Doc: docResultofUnchecked},
		{Code: "C208", Name: "unknown-event", Severity: cond.SeverityWarning, Fix: cond.FixUnsafe, Kinds: OnEvents, Run: unknownEvent, Doc: docUnknownEvent},
		{Code: "C209", Name: "ends-on-notcontrolled", Severity: cond.SeverityWarning, Fix: cond.FixUnsafe, RunDocument: endsOnNotcontrolled, Doc: docEndsOnNotcontrolled},
		{Code: "C210", Name: "backtracking-regexp", Severity: cond.SeverityWarning, Kinds: OnCode, Run: backtracking, Doc: docBacktracking},
		{Code: "C211", Name: "line-comment-in-attribute", Severity: cond.SeverityError, Fix: cond.FixSafe, Kinds: OnConditions | OnValues, Run: lineComment, Doc: docLineComment},
		{Code: "C212", Name: "unreplaced-placeholder", Severity: cond.SeverityError, Kinds: OnCode, Run: unreplacedPlaceholder, Doc: docPlaceholder},
		{Code: "C213", Name: "uninitialised-interactionid", Severity: cond.SeverityInfo, Kinds: OnConditions, Run: uninitialised, Doc: docUninitialised},
		{Code: "C214", Name: "trailing-semicolon", Severity: cond.SeverityWarning, Fix: cond.FixSafe, Kinds: OnConditions | OnValues, Run: trailingSemi, Doc: docTrailingSemicolon},
		{Code: CodeInclude, Name: "missing-include", Severity: cond.SeverityWarning, Doc: docMissingInclude},
		{Code: "C216", Name: "comparison-chain", Severity: cond.SeverityWarning, Fix: cond.FixUnsafe, Kinds: OnCode, Run: comparisonChain, Doc: docComparisonChain},
	}
}

// CodeXML is the code of a finding about a document's XML, which the
// document reader reports: no rule runs for it, but it is configured and
// documented like one.
const CodeXML = "C200"

const docXML = `A document, or the escaped SCXML in a Composer handler's body, that is not well-formed XML.

Why: ORS (and Composer's code generator) reject a document that is not well-formed, and the linter cannot find the conditions in what it cannot read; in a handler body only that body is skipped.

Example:

    <events name="caller moved" body="&lt;log expr=&quot;'moved'&quot;>"/>

Fix: close the element (in a handler body, <log …/> is written &lt;log …/&gt;), or fix whatever the message points at.`
