package lsp

import (
	"fmt"
	"strings"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/cond"
)

// maxListedFields bounds the field list of an object's hover; a longer one
// (system has dozens) is left to completion.
const maxListedFields = 12

// describeDecl renders a declaration as Markdown: the path and its type,
// the documentation, the documented values or fields, and where the facts
// come from.
func describeDecl(d builtins.Decl, path cond.Path, event string) string {
	var b strings.Builder
	name := path.String()
	if d.Signature != "" {
		name = d.Signature
	}
	fmt.Fprintf(&b, "```javascript\n%s: %s\n```\n\n", name, d.Kind)
	if d.Deprecated {
		fmt.Fprintf(&b, "**Deprecated**: use `%s`.\n\n", d.ReplacedBy)
	}
	b.WriteString(d.Doc)
	b.WriteString("\n")
	if vs := d.Enum(); len(vs) > 0 {
		b.WriteString("\nValues:\n\n")
		for _, v := range vs {
			fmt.Fprintf(&b, "- `'%s'`: %s\n", v.Value, v.Doc)
		}
	}
	if fs := d.FieldNames(); len(fs) > 0 && len(fs) <= maxListedFields {
		fmt.Fprintf(&b, "\nFields: `%s`", strings.Join(fs, "`, `"))
		if segs := path.Segments; len(segs) == 2 && segs[0] == "_event" && segs[1] == "data" && event != "" {
			fmt.Fprintf(&b, " (for `%s`)", event)
		}
		b.WriteString("\n")
	}
	writeProvenance(&b, d.Origin.String(), d.Source, d.Evidence)
	return b.String()
}

// describeValue renders one documented value of an enumerated field, or
// says that a value is not among them.
func describeValue(d builtins.Decl, path cond.Path, value string) (string, bool) {
	vs := d.Enum()
	if len(vs) == 0 {
		return "", false
	}
	var b strings.Builder
	for _, v := range vs {
		if v.Value == value {
			fmt.Fprintf(&b, "```javascript\n%s == '%s'\n```\n\n%s\n", path, value, v.Doc)
			writeProvenance(&b, d.Origin.String(), d.Source, d.Evidence)
			return b.String(), true
		}
	}
	fmt.Fprintf(&b, "`'%s'` is not a documented value of `%s`: a comparison with it never holds.\n\nValues: `'%s'`\n",
		value, path, strings.Join(d.EnumValues(), "'`, `'"))
	return b.String(), true
}

// describeEvent renders a catalogued event: its name and IPD label, what
// it means and what its _event.data carries.
func describeEvent(e builtins.Event) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s**", e.Name)
	if e.Label != "" {
		fmt.Fprintf(&b, " (Composer: %s)", e.Label)
	}
	fmt.Fprintf(&b, "\n\n%s\n", e.Doc)
	if data := e.Data(); len(data) > 0 {
		names := make([]string, len(data))
		for i, d := range data {
			names[i] = d.Name
		}
		fmt.Fprintf(&b, "\n`_event.data`: `%s`\n", strings.Join(names, "`, `"))
	}
	writeProvenance(&b, "", e.Source, e.Evidence)
	return b.String()
}

// evidenceWords say in words how sure the sources are.
var evidenceWords = map[builtins.Evidence]string{
	builtins.Documented: "documented",
	builtins.Observed:   "observed in generated code",
	builtins.Inferred:   "inferred",
}

func writeProvenance(b *strings.Builder, origin, source string, ev builtins.Evidence) {
	if source == "" {
		return
	}
	b.WriteString("\n---\n")
	if origin != "" {
		fmt.Fprintf(b, "%s · ", origin)
	}
	fmt.Fprintf(b, "%s · %s\n", evidenceWords[ev], source)
}
