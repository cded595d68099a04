package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/lint"
	"github.com/condeval/condeval/render"
	"github.com/condeval/condeval/runtime"
	"github.com/condeval/condeval/statechart"
)

// explaining collects the explanation of an evaluation asked for with
// --explain; with explain false it asks for none, so the evaluation costs
// what it always does.
func explaining(explain bool, into **runtime.Explanation) []runtime.EvalOption {
	if !explain {
		return nil
	}
	return []runtime.EvalOption{runtime.Explain(func(x *runtime.Explanation) { *into = x })}
}

// conditionFindings lints a condition as the gate of a handler of event
// (the handler's event attribute, or the event's name; "" when unknown),
// with the configuration lint -e would apply.
func conditionFindings(src, event string) []lint.Finding {
	cfg, err := (&lint.Configs{}).ForText()
	if err != nil {
		cfg = lint.Config{}
	}
	return lint.Lint(src, lint.Context{Event: event, Gate: true}, cfg)
}

// writeExplanation writes the layout of every part's value, then the lint
// findings of the condition, in lint's form.
func writeExplanation(w io.Writer, file string, ex *runtime.Explanation, findings []lint.Finding) {
	fmt.Fprint(w, ex)
	diags := make([]cond.Diagnostic, len(findings))
	for i, f := range findings {
		diags[i] = f.Diagnostic
	}
	_ = render.Write(w, render.Diagnostics(file, 1, ex.Source, diags)...)
}

// explainedJSON is the tree --explain --format json writes: the same
// explanation, and the findings as lint --format json writes them.
type explainedJSON struct {
	Explanation *runtime.Explanation `json:"explanation"`
	Findings    []jsonDiagnostic     `json:"findings"`
}

func newExplainedJSON(file string, ex *runtime.Explanation, findings []lint.Finding) explainedJSON {
	out := explainedJSON{Explanation: ex, Findings: []jsonDiagnostic{}}
	m := cond.NewMapper(ex.Source, cond.ECMAScriptBreaks)
	for _, f := range findings {
		start, end := m.Position(f.Span.Start), m.Position(f.Span.End)
		out.Findings = append(out.Findings, jsonDiagnostic{
			File: file, Line: start.Line, Column: start.Column, EndLine: end.Line, EndColumn: end.Column,
			Severity: f.Severity.String(), Code: f.Code, Message: f.Message, Suggestion: f.Suggestion,
		})
	}
	return out
}

// evalJSON is what eval --format json writes: the outcome, the
// error.execution (null when none), what the condition wrote, and with
// --explain the explanation and the findings.
type evalJSON struct {
	Result  bool               `json:"result"`
	Error   *runtime.ExecError `json:"error"`
	Written []string           `json:"written,omitempty"`
	*explainedJSON
}

func encodeJSON(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// explanations are a dispatch's evaluations, by condition: the handlers of
// one event all see the same data, so one condition's text explains every
// handler it guards.
type explanations map[string]*runtime.Explanation

// write lays out the explanation of h's condition, indented under the
// handler's line, with the findings for h's event; nothing when h's
// condition was not evaluated.
func (e explanations) write(w io.Writer, h *statechart.Handler) {
	ex := e[h.Cond]
	if ex == nil {
		return
	}
	writeExplanation(render.Indent(w, "           "), h.Name, ex, conditionFindings(h.Cond, h.Event.String()))
}

// handlerExplanation is one evaluated handler's condition in dispatch
// --explain --format json.
type handlerExplanation struct {
	Handler string `json:"handler"`
	explainedJSON
}

// list is the explanations of the handlers of out whose condition ran, in
// document order: the ones that fired, then the skipped ones.
func (e explanations) list(out *statechart.Outcome) []handlerExplanation {
	list := []handlerExplanation{}
	for _, h := range out.Evaluated() {
		if ex := e[h.Cond]; ex != nil {
			list = append(list, handlerExplanation{h.Name, newExplainedJSON(h.Name, ex, conditionFindings(h.Cond, h.Event.String()))})
		}
	}
	return list
}
