package cond

// Inspect walks the tree rooted at n in source order, like go/ast.Inspect:
// it calls f(n); if that returns true it inspects each child of n, then
// calls f(nil). A nil n is ignored.
func Inspect(n Node, f func(Node) bool) {
	if isNil(n) || !f(n) {
		return
	}
	eachChild(n, func(c Node) { Inspect(c, f) })
	f(nil)
}

// InspectAll inspects each node of a list, such as Program.Body.
func InspectAll(list []Node, f func(Node) bool) {
	for _, n := range list {
		Inspect(n, f)
	}
}

// Unparen strips the parentheses around an expression: (a) and ((a)) are
// a to every check that asks what an operand is.
func Unparen(n Node) Node {
	for {
		p, ok := n.(*Paren)
		if !ok {
			return n
		}
		n = p.X
	}
}

// isNil reports whether n is nil or a typed nil pointer.
func isNil(n Node) bool {
	if n == nil {
		return true
	}
	switch v := n.(type) {
	case *Ident:
		return v == nil
	case *Name:
		return v == nil
	case *Block:
		return v == nil
	case *Function:
		return v == nil
	case *VarDecl:
		return v == nil
	}
	return false
}

// eachChild calls visit for every non-nil child of n, in source order. It
// is the one place that knows the shape of every node.
func eachChild(n Node, visit func(Node)) {
	v := func(c Node) {
		if !isNil(c) {
			visit(c)
		}
	}
	list := func(cs []Node) {
		for _, c := range cs {
			v(c)
		}
	}
	switch n := n.(type) {
	case *Array:
		list(n.Elements)
	case *Object:
		for _, p := range n.Properties {
			v(p)
		}
	case *Property:
		v(n.Key)
		v(n.Value)
	case *Function:
		v(n.Name)
		for _, p := range n.Params {
			v(p)
		}
		list(n.Body)
	case *Paren:
		v(n.X)
	case *Unary:
		v(n.X)
	case *Update:
		v(n.X)
	case *Binary:
		v(n.X)
		v(n.Y)
	case *Logical:
		v(n.X)
		v(n.Y)
	case *Conditional:
		v(n.Test)
		v(n.Then)
		v(n.Else)
	case *Assign:
		v(n.Target)
		v(n.Value)
	case *Sequence:
		list(n.List)
	case *Call:
		v(n.Callee)
		list(n.Args)
	case *New:
		v(n.Callee)
		list(n.Args)
	case *Member:
		v(n.Object)
		v(n.Property)
	case *VarDecl:
		for _, d := range n.List {
			v(d)
		}
	case *VarDeclarator:
		v(n.Name)
		v(n.Init)
	case *FuncDecl:
		v(n.Func)
	case *If:
		v(n.Test)
		v(n.Then)
		v(n.Else)
	case *For:
		v(n.Init)
		v(n.Test)
		v(n.Update)
		v(n.Body)
	case *ForIn:
		v(n.Left)
		v(n.Right)
		v(n.Body)
	case *While:
		v(n.Test)
		v(n.Body)
	case *DoWhile:
		v(n.Body)
		v(n.Test)
	case *Return:
		v(n.Value)
	case *Break:
		v(n.Label)
	case *Continue:
		v(n.Label)
	case *Throw:
		v(n.Value)
	case *Try:
		v(n.Block)
		v(n.Param)
		v(n.Catch)
		v(n.Finally)
	case *Switch:
		v(n.Discriminant)
		for _, c := range n.Cases {
			v(c)
		}
	case *Case:
		v(n.Test)
		list(n.Body)
	case *Labelled:
		v(n.Label)
		v(n.Body)
	case *With:
		v(n.Object)
		v(n.Body)
	case *Block:
		list(n.Body)
	case *ExprStmt:
		v(n.X)
	}
}
