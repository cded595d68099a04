package statechart

import (
	"strings"

	"github.com/dop251/goja"

	"github.com/condeval/condeval/scxml"
)

// XML content in the ECMAScript data model is a DOM (W3C SCXML B.2.2):
// markup inside <data>, <content> or <assign>, or a <data src> file
// holding XML. This is the small, read-only part of the DOM the W3C tests
// and strategies use: tagName, getAttribute, getElementsByTagName,
// childNodes, textContent.

// domOf makes the DOM object of an element, remembering the element so an
// <invoke> given the object can run the document it holds.
func (s *Session) domOf(e *scxml.Element) *goja.Object {
	o := s.rt.NewObject()
	if s.dom == nil {
		s.dom = map[*goja.Object]*scxml.Element{}
	}
	s.dom[o] = e
	_ = o.Set("nodeType", 1)
	_ = o.Set("tagName", e.Name)
	_ = o.Set("nodeName", e.Name)
	_ = o.Set("textContent", textContent(e))
	_ = o.Set("getAttribute", func(name string) goja.Value {
		if v, ok := e.Attr(name); ok {
			return s.rt.ToValue(v)
		}
		return goja.Null()
	})
	_ = o.Set("getElementsByTagName", func(name string) goja.Value {
		var found []any
		var walk func(*scxml.Element)
		walk = func(x *scxml.Element) {
			for _, k := range x.Children {
				if name == "*" || k.Name == name {
					found = append(found, s.domOf(k))
				}
				walk(k)
			}
		}
		walk(e)
		return s.rt.NewArray(found...)
	})
	kids := make([]any, len(e.Children))
	for i, k := range e.Children {
		kids[i] = s.domOf(k)
	}
	_ = o.Set("childNodes", s.rt.NewArray(kids...))
	return o
}

func textContent(e *scxml.Element) string {
	var b strings.Builder
	b.WriteString(e.Text.Value)
	for _, k := range e.Children {
		b.WriteString(textContent(k))
	}
	return b.String()
}

// markupOf returns the element a DOM value was made from, if it was.
func (s *Session) markupOf(v goja.Value) *scxml.Element {
	if o, ok := v.(*goja.Object); ok {
		return s.dom[o]
	}
	return nil
}
