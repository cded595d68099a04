package scxml

// Element is one XML element of a document, with every attribute and its
// text decoded and positioned. The interpreter runs executable content,
// which the Document model leaves out, from this tree.
type Element struct {
	Space    string // namespace URI, or the undeclared prefix, "" for none
	Name     string // local name
	Attrs    []Attribute
	Children []*Element
	Text     Text     // character data directly inside, comments left out
	Pos      Position // where the start tag begins
}

// Attribute is one attribute of an Element.
type Attribute struct {
	Name  string // qualified name as written, e.g. "expr" or "xmlns:ixn"
	Value Text
}

// Attr returns the decoded value of the attribute with the qualified name,
// and whether it is present.
func (e *Element) Attr(name string) (string, bool) {
	t, ok := e.AttrText(name)
	return t.Value, ok
}

// AttrText is Attr with the value's map back into the file.
func (e *Element) AttrText(name string) (Text, bool) {
	for _, a := range e.Attrs {
		if a.Name == name {
			return a.Value, true
		}
	}
	return Text{}, false
}

// InSCXML reports whether the element belongs to SCXML: in its namespace or
// in none.
func (e *Element) InSCXML() bool { return e.Space == NamespaceSCXML || e.Space == "" }

// ParseElement reads the root element of an XML document, in any encoding
// XML allows. Errors carry the position of the problem.
func ParseElement(name string, src []byte) (*Element, error) {
	s, x, err := readXML(name, src)
	if err != nil {
		return nil, err
	}
	root, err := x.root(s, "no root element")
	if err != nil {
		return nil, err
	}
	return elementOf(s, root), nil
}

func elementOf(s *Source, n *node) *Element {
	e := &Element{Space: n.Name.Space, Name: n.Name.Local, Text: n.Text, Pos: s.Position(n.Offset)}
	for _, a := range n.Attrs {
		e.Attrs = append(e.Attrs, Attribute{Name: a.Name, Value: a.Value})
	}
	for _, k := range n.Kids {
		e.Children = append(e.Children, elementOf(s, k))
	}
	return e
}
