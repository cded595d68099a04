package statechart

import "github.com/condeval/condeval/scxml"

// block is a sequence of executable content: an <onentry>, an <onexit>, a
// transition's body, a branch of <if>. An error stops the rest of the block
// (W3C SCXML 4.9).
type block []action

// action is one executable-content element.
type action interface {
	run(s *Session) error
}

type raiseAction struct {
	event  string
	params []paramDef // an ORS extension: <raise> with <param> gives the event data
	at     place
}

type sendAction struct {
	event, target, typ, id, delay                     string
	eventExpr, targetExpr, typeExpr, delayExpr, idLoc *expr
	namelist                                          []*expr
	params                                            []paramDef
	content                                           *contentDef
	at                                                place
}

type cancelAction struct {
	sendid     string
	sendidExpr *expr
	at         place
}

type assignAction struct {
	location *expr // compiled as a setter (see compileLocation)
	expr     *expr
	content  *contentDef
	at       place
}

type scriptAction struct {
	body *expr
	at   place
}

type logAction struct {
	label string
	expr  *expr
	at    place
}

type ifAction struct {
	branches []branch
}

// branch is one arm of <if>: its condition (nil for <else>) and body.
type branch struct {
	cond *expr
	body block
}

type foreachAction struct {
	array     *expr
	itemName  string
	indexName string
	body      block
	at        place
}

// effectAction is an element outside SCXML (an ORS extension such as
// <ixn:attach> or <queue:submit>): never executed, recorded as an effect.
type effectAction struct {
	name  string // prefix:local as the document's namespace declarations name it
	attrs []effectAttr
	at    place
}

type effectAttr struct {
	name     string
	expr     *expr
	location *expr // for requestid: ORS stores the request's id there
}

// paramDef is a <param>.
type paramDef struct {
	name     string
	expr     *expr // expr, or location read as an expression
	location string
}

// contentDef is <content>: an expr, inline text, or inline markup.
type contentDef struct {
	expr *expr
	text string
	elem *scxml.Element // inline markup: a document to invoke, or XML data
}
