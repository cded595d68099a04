package cond

import (
	"fmt"
	"strings"
)

// sexpr renders a tree compactly so tests can state its shape.
func sexpr(n Node) string {
	if isNil(n) {
		return "_"
	}
	list := func(ns []Node) string {
		var parts []string
		for _, c := range ns {
			parts = append(parts, sexpr(c))
		}
		return strings.Join(parts, " ")
	}
	switch n := n.(type) {
	case *Ident:
		return n.Name
	case *Name:
		return "." + n.Name
	case *This:
		return "this"
	case *Null:
		return "null"
	case *Bool:
		return fmt.Sprint(n.Value)
	case *Number:
		return fmt.Sprint(n.Value)
	case *String:
		return fmt.Sprintf("%q", n.Value)
	case *Regexp:
		return "/" + n.Pattern + "/" + n.Flags
	case *Array:
		return "[" + list(n.Elements) + "]"
	case *Object:
		var parts []string
		for _, p := range n.Properties {
			parts = append(parts, sexpr(p))
		}
		return "{" + strings.Join(parts, " ") + "}"
	case *Property:
		kind := [...]string{"init", "get", "set"}[n.Kind]
		return "(" + kind + " " + sexpr(n.Key) + " " + sexpr(n.Value) + ")"
	case *Function:
		var ps []string
		for _, p := range n.Params {
			ps = append(ps, p.Name)
		}
		return "(function " + sexpr(n.Name) + " (" + strings.Join(ps, " ") + ") " + list(n.Body) + ")"
	case *Paren:
		return "(paren " + sexpr(n.X) + ")"
	case *Unary:
		return "(" + n.Op.String() + " " + sexpr(n.X) + ")"
	case *Update:
		if n.Prefix {
			return "(" + n.Op.String() + "pre " + sexpr(n.X) + ")"
		}
		return "(" + n.Op.String() + "post " + sexpr(n.X) + ")"
	case *Binary:
		return "(" + n.Op.String() + " " + sexpr(n.X) + " " + sexpr(n.Y) + ")"
	case *Logical:
		return "(" + n.Op.String() + " " + sexpr(n.X) + " " + sexpr(n.Y) + ")"
	case *Conditional:
		return "(? " + sexpr(n.Test) + " " + sexpr(n.Then) + " " + sexpr(n.Else) + ")"
	case *Assign:
		return "(" + n.Op.String() + " " + sexpr(n.Target) + " " + sexpr(n.Value) + ")"
	case *Sequence:
		return "(, " + list(n.List) + ")"
	case *Call:
		return "(call " + sexpr(n.Callee) + " " + list(n.Args) + ")"
	case *New:
		if !n.HasArgs {
			return "(new " + sexpr(n.Callee) + ")"
		}
		return "(new " + sexpr(n.Callee) + " " + list(n.Args) + ")"
	case *Member:
		if n.Computed {
			return "(index " + sexpr(n.Object) + " " + sexpr(n.Property) + ")"
		}
		return "(dot " + sexpr(n.Object) + " " + sexpr(n.Property) + ")"
	case *VarDecl:
		var parts []string
		for _, d := range n.List {
			parts = append(parts, d.Name.Name+"="+sexpr(d.Init))
		}
		return "(var " + strings.Join(parts, " ") + ")"
	case *FuncDecl:
		return "(decl " + sexpr(n.Func) + ")"
	case *If:
		return "(if " + sexpr(n.Test) + " " + sexpr(n.Then) + " " + sexpr(n.Else) + ")"
	case *For:
		return "(for " + sexpr(n.Init) + " " + sexpr(n.Test) + " " + sexpr(n.Update) + " " + sexpr(n.Body) + ")"
	case *ForIn:
		return "(forin " + sexpr(n.Left) + " " + sexpr(n.Right) + " " + sexpr(n.Body) + ")"
	case *While:
		return "(while " + sexpr(n.Test) + " " + sexpr(n.Body) + ")"
	case *DoWhile:
		return "(do " + sexpr(n.Body) + " " + sexpr(n.Test) + ")"
	case *Return:
		return "(return " + sexpr(n.Value) + ")"
	case *Break:
		return "(break " + sexpr(n.Label) + ")"
	case *Continue:
		return "(continue " + sexpr(n.Label) + ")"
	case *Throw:
		return "(throw " + sexpr(n.Value) + ")"
	case *Try:
		return "(try " + sexpr(n.Block) + " " + sexpr(n.Param) + " " + sexpr(n.Catch) + " " + sexpr(n.Finally) + ")"
	case *Switch:
		var parts []string
		for _, c := range n.Cases {
			parts = append(parts, "(case "+sexpr(c.Test)+" "+list(c.Body)+")")
		}
		return "(switch " + sexpr(n.Discriminant) + " " + strings.Join(parts, " ") + ")"
	case *Labelled:
		return "(label " + n.Label.Name + " " + sexpr(n.Body) + ")"
	case *With:
		return "(with " + sexpr(n.Object) + " " + sexpr(n.Body) + ")"
	case *Debugger:
		return "debugger"
	case *Block:
		return "{" + list(n.Body) + "}"
	case *Empty:
		return ";"
	case *ExprStmt:
		return sexpr(n.X) + ";"
	}
	return fmt.Sprintf("%T", n)
}
