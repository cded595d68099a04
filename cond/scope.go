package cond

// scope is one ES5 name scope: a function (parameters, var and function
// declarations, hoisted), a named function expression's own name, or a
// catch clause's parameter.
type scope struct {
	names  map[string]bool
	parent *scope
}

func (s *scope) declares(name string) bool {
	for ; s != nil; s = s.parent {
		if s.names[name] {
			return true
		}
	}
	return false
}

// globalRefs returns, in source order, every identifier in body that reads
// or writes a name not declared inside the code: the names the runtime
// must provide and the linter can check.
func globalRefs(body []Node) []*Ident {
	r := resolver{}
	top := &scope{names: map[string]bool{}}
	hoist(body, top)
	for _, n := range body {
		r.walk(n, top)
	}
	return r.refs
}

type resolver struct{ refs []*Ident }

func (r *resolver) walk(n Node, s *scope) {
	switch n := n.(type) {
	case *Ident:
		if !s.declares(n.Name) {
			r.refs = append(r.refs, n)
		}
		return
	case *Function:
		r.function(n, s)
		return
	case *Try:
		r.walk(n.Block, s)
		if n.Catch != nil {
			r.walk(n.Catch, &scope{names: map[string]bool{n.Param.Name: true}, parent: s})
		}
		if n.Finally != nil {
			r.walk(n.Finally, s)
		}
		return
	case *Property:
		// The key is a name, not a variable; shorthand values are idents.
		r.walk(n.Value, s)
		return
	case *Member:
		r.walk(n.Object, s)
		if n.Computed {
			r.walk(n.Property, s)
		}
		return
	// Labels live in their own namespace.
	case *Labelled:
		r.walk(n.Body, s)
		return
	case *Break, *Continue:
		return
	}
	eachChild(n, func(c Node) { r.walk(c, s) })
}

func (r *resolver) function(f *Function, outer *scope) {
	if f.Name != nil && !outer.names[f.Name.Name] {
		// A named function expression sees its own name.
		outer = &scope{names: map[string]bool{f.Name.Name: true}, parent: outer}
	}
	s := &scope{names: map[string]bool{"arguments": true}, parent: outer}
	for _, p := range f.Params {
		s.names[p.Name] = true
	}
	hoist(f.Body, s)
	for _, n := range f.Body {
		r.walk(n, s)
	}
}

// hoist declares in s the names the body declares.
func hoist(body []Node, s *scope) {
	eachDeclared(body, func(id *Ident) { s.names[id.Name] = true })
}

// eachDeclared calls f, in source order, for the name of each var and
// function declaration of a body, not looking into nested functions: the
// names ES5 hoists to the top of the body's scope (§10.5).
func eachDeclared(body []Node, f func(*Ident)) {
	InspectAll(body, func(n Node) bool {
		switch n := n.(type) {
		case *Function:
			return false
		case *FuncDecl:
			f(n.Func.Name)
			return false
		case *VarDeclarator:
			f(n.Name)
		}
		return true
	})
}

// UniqueNames lists the distinct names of refs in order of first use.
func UniqueNames(refs []*Ident) []string {
	seen := map[string]bool{}
	var out []string
	for _, id := range refs {
		if !seen[id.Name] {
			seen[id.Name] = true
			out = append(out, id.Name)
		}
	}
	return out
}
