package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/cond"
	"github.com/condeval/condeval/scxml"
)

const docUnknownIdentifier = `A top-level name that nothing declares.

The name is not a W3C system variable (_event, _data, _sessionid, _name, _ioprocessors, In), not Composer's system or ORS's _genesys, not an ES5 global, and not declared by the document (a <data> id, a var or function of a <script> — including a <script src> file that is at hand —, a workflow variable, a <foreach> item or index, or a Composer App_* variable; in one of Composer's subroutine templates, src/subRoutines/*.scxml, also args_, which the calling workflow supplies).

The linter reads a project as a whole, as ORS runs it: Composer's generated IPD (src-gen/IPD_*.scxml) loads include/*.js and pulls each workflow's SCXML in with <xi:include parse="xml">, and all of it shares one global scope. So a document also sees what every document that includes it declares (directly or through another), and what every document it includes declares; a workflow or IPD diagram sees what the SCXML generated from it sees. Generated workflow SCXML that no IPD in the repository includes, and a workflow diagram whose generated SCXML the repository does not hold, see what the project's IPDs declare themselves (their data and include scripts), not the other workflows. Names are matched to files ignoring letter case, as on the Windows Composer runs on. A file linted on its own is read with the project around it: the nearest folder above holding src-gen/, include/, Workflows/, Interaction Processes/, a .project or a .condeval.yaml.

Why: reading an undeclared name throws a ReferenceError. In ORS a condition that throws is false and raises an error event, which Composer's "catch all errors" handler answers by ending the session. The finding is a warning because names can also come from files the linter cannot see (a missing include file, a document outside the project). For a lone condition (a .cond file, -e) only names that look like a typo of a known one are reported.

Example:

    sytem.InteractionID == _event.data.interactionid

Fix: correct the name (did you mean 'system'?), or declare it with <data id="…"> or var in a <script>; in a workflow diagram, add it to the Entry block's variables.`

// unknownIdentifier reports global names nothing declares.
func unknownIdentifier(p *Pass) {
	f := factsOf(p)
	assigned := map[string]bool{} // a script that assigns an undeclared name creates a global
	if p.Program != nil {
		for _, id := range p.GlobalRefs() {
			if f.written[id] {
				assigned[id.Name] = true
			}
		}
	}
	var candidates []string
	for _, id := range p.GlobalRefs() {
		name := id.Name
		if known(p, name) || f.typeofd[id] || assigned[name] || inPlaceholder(p.Source, id.Pos) {
			continue
		}
		if candidates == nil {
			candidates = append(builtins.GlobalNames(), p.Context.Decls.Names()...)
		}
		guess, ok := builtins.Suggest(name, candidates)
		switch {
		case ok:
			p.ReportFix(id.Pos, fmt.Sprintf("'%s' is not declared", name), fmt.Sprintf("did you mean '%s'?", guess),
				&cond.Fix{Span: id.Pos, NewText: guess})
		case p.Context.Decls != nil:
			p.Report(id.Pos, fmt.Sprintf("'%s' is not declared", name), declareHelp(p.Context.File, name))
		}
	}
}

// declareHelp says how to declare a name in the words of the file that
// uses it: a workflow declares its variables in the Entry block, where
// Composer's Variables dialog writes them.
func declareHelp(file, name string) string {
	if f, ok := scxml.FormatOf(file); ok && f == scxml.FormatWorkflow {
		return "add it to the Entry block's variables, or check the include files"
	}
	return "declare it with <data id=\"" + name + "\"> or var in a <script>, or check the include files"
}

// known reports whether a global name is declared by the scope, the
// document or Composer's conventions.
func known(p *Pass, name string) bool {
	if _, ok := builtins.LookupGlobal(name); ok {
		return true
	}
	// Composer declares a variable App_<Block> for each block's results.
	return p.Context.Decls.Has(name) || strings.HasPrefix(name, "App_")
}

const docUnknownField = `A field that the object does not have: _event.data.resultOf, system.InteractionId, _event.nmae.

For _event.data the fields are those of the handler's event when the catalog knows it.

Why: ECMAScript is case-sensitive and reading a missing field is not an error: _event.data.resultOf is always undefined, so _event.data.resultOf != 'revoking' is always true and the handler fires for every reason. Objects whose fields are all known (_event, system) report every unknown field; open objects (_event.data, whose attributes ORS may extend) report only near misses of a known field.

Example:

    _event.data.interactionid == system.InteractionId

Fix: use the declared spelling:

    _event.data.interactionid == system.InteractionID`

// unknownField reports properties of declared objects that they do not
// declare.
func unknownField(p *Pass) {
	f := factsOf(p)
	f.globalPaths(p, func(pa cond.Path) {
		decl, n := builtins.ResolvePrefix(pa.Segments, p.Context.Event)
		if n == 0 || n >= len(pa.Segments) {
			return
		}
		name, prop := pa.Segments[n], pa.Properties[n-1]
		if name == cond.AnyKey || inPlaceholder(p.Source, prop.Span()) {
			return
		}
		written := f.written[cond.Unparen(pa.Node)] || p.Context.Kind == scxml.Location && pa.Node == p.Expr.Root
		if n == len(pa.Segments)-1 && written {
			return // assigning creates the field
		}
		if !decl.MembersClosed() && n == 2 && pa.Segments[0] == "_event" && !knownEvent(p.Context.Event) {
			return // the fields of an event the catalog does not know are anyone's guess
		}
		guess, ok := builtins.Suggest(name, decl.MemberNames())
		if !ok && !decl.MembersClosed() {
			return
		}
		owner := cond.Path{Segments: pa.Segments[:n]}.String()
		msg := fmt.Sprintf("'%s' is not a field of %s", name, owner)
		if !ok {
			p.Report(prop.Span(), msg, "known fields: "+listNames(decl.FieldNames(), 8))
			return
		}
		var fix *cond.Fix
		if _, isName := prop.(*cond.Name); isName {
			fix = &cond.Fix{Span: prop.Span(), NewText: guess}
		}
		p.ReportFix(prop.Span(), msg, fmt.Sprintf("did you mean '%s'?", guess), fix)
	})
}

// knownEvent reports whether a handler's event attribute names a catalogued
// event, or is unknown ("" for a lone condition), so that the fields the
// catalog gives _event.data are worth comparing with.
func knownEvent(attr string) bool {
	if strings.TrimSpace(attr) == "" {
		return true
	}
	for _, d := range strings.Fields(attr) {
		if d != "*" && builtins.KnownEventPrefix(d) {
			return true
		}
	}
	return false
}

// listNames joins up to max names for a message.
func listNames(names []string, max int) string {
	if len(names) > max {
		return strings.Join(names[:max], ", ") + ", …"
	}
	return strings.Join(names, ", ")
}

const docEnumValue = `A comparison of a field with documented values (such as _event.data.resultof) against a string that is not one of them.

Why: ORS sets resultof on interaction.notcontrolled (and, in Composer's generated code, interaction.deleted) to detaching, deletion, routing or revoking, or leaves it out (ORS before 8.1.400.17). A comparison with any other string is never true, so the handler never fires (==) or always fires (!=).

Example:

    _event.data.resultof == 'deleted'

Fix:

    _event.data.resultof == 'deletion'`

// enumValue reports a comparison of an enumerated field with a string
// outside its values.
func enumValue(p *Pass) {
	f := factsOf(p)
	cond.InspectAll(p.Root(), func(n cond.Node) bool {
		b, ok := n.(*cond.Binary)
		if !ok || !b.Op.IsEquality() {
			return true
		}
		for _, side := range [2][2]cond.Node{{b.X, b.Y}, {b.Y, b.X}} {
			pa, ok := cond.PathOf(side[0])
			lit, isStr := cond.Unparen(side[1]).(*cond.String)
			if !ok || !isStr || !f.globals[pa.Root] {
				continue
			}
			decl, ok := builtins.Resolve(pa.Segments, p.Context.Event)
			values := decl.EnumValues()
			if !ok || len(values) == 0 || slices.Contains(values, lit.Value) {
				continue
			}
			msg := fmt.Sprintf("'%s' is not a value of %s (%s)", lit.Value, pa, strings.Join(values, ", "))
			if guess, ok := closestValue(lit.Value, values); ok {
				p.ReportFix(lit.Pos, msg, fmt.Sprintf("did you mean '%s'?", guess), replaceString(lit, guess))
			} else {
				p.Report(lit.Pos, msg, "")
			}
		}
		return true
	})
}

// closestValue suggests the documented value a string probably meant: a
// near miss by edit distance, else the one value sharing a stem of at least
// four letters with it ('deleted' → 'deletion', 'revoked' → 'revoking').
func closestValue(s string, values []string) (string, bool) {
	if v, ok := builtins.Suggest(s, values); ok {
		return v, true
	}
	best, bestLen, unique := "", 0, false
	for _, v := range values {
		n := commonPrefix(strings.ToLower(s), strings.ToLower(v))
		switch {
		case n > bestLen:
			best, bestLen, unique = v, n, true
		case n == bestLen:
			unique = false
		}
	}
	return best, bestLen >= 4 && unique
}

// replaceString is the fix that gives a string literal another value,
// keeping the quotes it was written with.
func replaceString(lit *cond.String, value string) *cond.Fix {
	q := string(lit.Quote)
	return &cond.Fix{Span: lit.Pos, NewText: q + value + q}
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}
