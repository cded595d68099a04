package statechart

import (
	"fmt"
	"strings"

	"github.com/condeval/condeval/scxml"
)

// block reads the executable content among e's children.
func (b *builder) block(e *scxml.Element, sc scope) block {
	kids, scopes := b.children(e, sc)
	var out block
	for i, k := range kids {
		if a := b.action(k, scopes[i]); a != nil {
			out = append(out, a)
		}
	}
	return out
}

// action reads one element of executable content; nil for the elements
// that are not (a transition's own children are all executable content,
// but <onentry> may hold comments' neighbours such as <param> by mistake).
func (b *builder) action(e *scxml.Element, sc scope) action {
	at := placeOf(sc.file, e.Pos)
	if !e.InSCXML() {
		return b.effect(e, sc)
	}
	switch e.Name {
	case "raise":
		r := &raiseAction{at: at}
		r.event, _ = e.Attr("event")
		for _, k := range e.Children {
			if k.Name == "param" {
				r.params = append(r.params, b.param(k, sc))
			}
		}
		return r
	case "send":
		return b.send(e, sc)
	case "cancel":
		c := &cancelAction{at: at, sendidExpr: b.optExpr(e, "sendidexpr", sc, formValue)}
		c.sendid, _ = e.Attr("sendid")
		return c
	case "assign":
		a := &assignAction{at: at, expr: b.optExpr(e, "expr", sc, formValue)}
		loc, _ := e.AttrText("location")
		a.location = b.compile(loc, sc, formLocation)
		if a.expr == nil {
			a.content = b.content(e, sc)
		}
		return a
	case "script":
		return b.script(e, sc)
	case "log":
		// expr="" logs the label alone, as an absent expr does (W3C
		// test 307 writes it so).
		l := &logAction{at: at}
		if t, ok := e.AttrText("expr"); ok && strings.TrimSpace(t.Value) != "" {
			l.expr = b.compile(t, sc, formValue)
		}
		l.label, _ = e.Attr("label")
		return l
	case "if":
		return b.ifAction(e, sc)
	case "foreach":
		f := &foreachAction{at: at, array: b.optExpr(e, "array", sc, formValue), body: b.block(e, sc)}
		f.itemName, _ = e.Attr("item")
		f.indexName, _ = e.Attr("index")
		if f.array == nil || f.itemName == "" {
			b.fail(sc.file, e.Pos, "<foreach> needs array and item")
		}
		return f
	case "param", "content", "elseif", "else":
		return nil // read by their parent
	}
	b.fail(sc.file, e.Pos, fmt.Sprintf("<%s> is not executable content", e.Name))
	return nil
}

func (b *builder) script(e *scxml.Element, sc scope) *scriptAction {
	at := placeOf(sc.file, e.Pos)
	if src, ok := e.Attr("src"); ok {
		_, data, err := b.m.files.read(sc.file, src)
		if err != nil {
			b.fail(sc.file, e.Pos, "<script src>: "+err.Error())
			return &scriptAction{at: at, body: &expr{err: err, file: sc.file}}
		}
		return &scriptAction{at: at, body: compileText(string(data), scxml.Text{Value: string(data)}, sc.file, formScript)}
	}
	text := b.textOf(e, sc)
	if text == e.Text.Value {
		return &scriptAction{at: at, body: b.compile(e.Text, sc, formScript)}
	}
	return &scriptAction{at: at, body: compileText(text, scxml.Text{Value: text}, sc.file, formScript)}
}

func (b *builder) ifAction(e *scxml.Element, sc scope) *ifAction {
	cond, _ := e.AttrText("cond")
	cur := branch{cond: b.compile(cond, sc, formValue)}
	var out ifAction
	kids, scopes := b.children(e, sc)
	for i, k := range kids {
		if k.InSCXML() && (k.Name == "elseif" || k.Name == "else") {
			out.branches = append(out.branches, cur)
			cur = branch{}
			if k.Name == "elseif" {
				c, _ := k.AttrText("cond")
				cur.cond = b.compile(c, scopes[i], formValue)
			}
			continue
		}
		if a := b.action(k, scopes[i]); a != nil {
			cur.body = append(cur.body, a)
		}
	}
	out.branches = append(out.branches, cur)
	return &out
}

func (b *builder) send(e *scxml.Element, sc scope) *sendAction {
	s := &sendAction{at: placeOf(sc.file, e.Pos)}
	s.event, _ = e.Attr("event")
	s.target, _ = e.Attr("target")
	s.typ, _ = e.Attr("type")
	s.id, _ = e.Attr("id")
	s.delay, _ = e.Attr("delay")
	s.eventExpr = b.optExpr(e, "eventexpr", sc, formValue)
	s.targetExpr = b.optExpr(e, "targetexpr", sc, formValue)
	s.typeExpr = b.optExpr(e, "typeexpr", sc, formValue)
	s.delayExpr = b.optExpr(e, "delayexpr", sc, formValue)
	s.idLoc = b.optExpr(e, "idlocation", sc, formLocation)
	s.namelist = namelist(e, sc)
	for _, k := range e.Children {
		switch k.Name {
		case "param":
			s.params = append(s.params, b.param(k, sc))
		case "content":
			s.content = b.content(k, sc)
		}
	}
	return s
}

// effect reads an element of another namespace: an ORS action.
func (b *builder) effect(e *scxml.Element, sc scope) action {
	prefix := sc.ns[e.Space]
	if prefix == "" {
		prefix = e.Space
	}
	ef := &effectAction{name: prefix + ":" + e.Name, at: placeOf(sc.file, e.Pos)}
	for _, a := range e.Attrs {
		if strings.HasPrefix(a.Name, "xmlns") {
			continue
		}
		at := effectAttr{name: a.Name}
		if a.Name == "requestid" {
			at.location = b.compile(a.Value, sc, formLocation)
		} else {
			at.expr = b.compile(a.Value, sc, formValue)
		}
		ef.attrs = append(ef.attrs, at)
	}
	return ef
}
