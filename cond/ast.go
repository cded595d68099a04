package cond

// Node is any node of the syntax tree. Its span runs from the first byte of
// its first token to the last byte of its last token.
type Node interface {
	Span() Span
}

// At is embedded in every node and carries its span.
type At struct{ Pos Span }

// Span returns the node's byte span.
func (a *At) Span() Span { return a.Pos }

// Comment is a comment of the source. The tree has no place for comments,
// so a parse lists them beside it: lint directives and the rules about
// comments read them from there rather than scanning the text again.
type Comment struct {
	Span  Span   // the whole comment, markers included
	Text  string // the body, without the // or /* */ markers
	Block bool   // a /* */ comment; false for a // comment
}

// ---- Names and literals ----

// Ident is a name in a variable position: a reference, or the name being
// declared by var, function, a parameter or a catch clause.
type Ident struct {
	At
	Name string // with \u escapes resolved
}

// Name is an IdentifierName that is not a variable: the property after '.',
// an object literal key, or a label.
type Name struct {
	At
	Name string
}

// This is the this keyword.
type This struct{ At }

// Null is the null literal.
type Null struct{ At }

// Bool is true or false.
type Bool struct {
	At
	Value bool
}

// Number is a numeric literal.
type Number struct {
	At
	Value float64
	Raw   string // as written, e.g. "0x1F"
}

// String is a string literal.
type String struct {
	At
	Value string // decoded; a lone surrogate escape becomes U+FFFD
	Raw   string // as written, quotes included
	Quote byte   // ' or "
}

// Regexp is a regular expression literal /Pattern/Flags.
type Regexp struct {
	At
	Pattern, Flags string
}

// Array is [a, , b]; a hole is a nil element.
type Array struct {
	At
	Elements []Node
}

// PropertyKind tells data properties from accessors.
type PropertyKind uint8

// Property kinds.
const (
	PropInit PropertyKind = iota // key: value
	PropGet                      // get key() {…}
	PropSet                      // set key(v) {…}
)

// Object is {key: value, get k() {…}, …}.
type Object struct {
	At
	Properties []*Property
}

// Property is one entry of an object literal. Key is a *Name, *String or
// *Number; for accessors Value is the *Function.
type Property struct {
	At
	Kind  PropertyKind
	Key   Node
	Value Node
}

// Function is a function expression or, inside a FuncDecl, a declaration.
type Function struct {
	At
	Name   *Ident // nil for an anonymous function expression
	Params []*Ident
	Body   []Node // statements
	Strict bool   // the body, or code around it, is strict mode code
}

// ---- Operators ----

// Paren is a parenthesised expression, kept so that spans and lint rules
// (an assignment in parentheses is intended) can see it.
type Paren struct {
	At
	X Node
}

// Unary is delete, void, typeof, +, -, ~ or ! applied to X.
type Unary struct {
	At
	Op     UnaryOp
	OpSpan Span
	X      Node
}

// Update is ++ or --, prefix or postfix.
type Update struct {
	At
	Op     UpdateOp
	Prefix bool
	OpSpan Span
	X      Node
}

// Binary is X Op Y for every binary operator except && and ||.
type Binary struct {
	At
	Op     BinaryOp
	OpSpan Span
	X, Y   Node
}

// Logical is X && Y or X || Y.
type Logical struct {
	At
	Op     LogicalOp
	OpSpan Span
	X, Y   Node
}

// Conditional is Test ? Then : Else.
type Conditional struct {
	At
	Test, Then, Else Node
}

// Assign is Target Op Value; Target is an *Ident or *Member, possibly in
// parentheses.
type Assign struct {
	At
	Op     AssignOp
	OpSpan Span
	Target Node
	Value  Node
}

// Sequence is a, b, c.
type Sequence struct {
	At
	List []Node
}

// Call is Callee(Args…).
type Call struct {
	At
	Callee Node
	Args   []Node
}

// New is new Callee(Args…); HasArgs is false for new Callee without
// parentheses.
type New struct {
	At
	Callee  Node
	Args    []Node
	HasArgs bool
}

// Member is Object.Property (Property a *Name) or Object[Property]
// (Computed, Property an expression).
type Member struct {
	At
	Object   Node
	Property Node
	Computed bool
}

// ---- Statements ----

// VarDecl is var a = 1, b.
type VarDecl struct {
	At
	List []*VarDeclarator
}

// VarDeclarator is one name of a var statement, with its initialiser.
type VarDeclarator struct {
	At
	Name *Ident
	Init Node // nil when absent
}

// FuncDecl is a function declaration.
type FuncDecl struct {
	At
	Func *Function
}

// If is if (Test) Then else Else.
type If struct {
	At
	Test, Then, Else Node // Else may be nil
}

// For is for (Init; Test; Update) Body; Init is a *VarDecl, an expression
// or nil; Test and Update may be nil.
type For struct {
	At
	Init, Test, Update, Body Node
}

// ForIn is for (Left in Right) Body; Left is a *VarDecl of one name or an
// *Ident or *Member.
type ForIn struct {
	At
	Left, Right, Body Node
}

// While is while (Test) Body.
type While struct {
	At
	Test, Body Node
}

// DoWhile is do Body while (Test).
type DoWhile struct {
	At
	Body, Test Node
}

// Return is return Value; Value may be nil.
type Return struct {
	At
	Value Node
}

// Break is break or break Label.
type Break struct {
	At
	Label *Name
}

// Continue is continue or continue Label.
type Continue struct {
	At
	Label *Name
}

// Throw is throw Value.
type Throw struct {
	At
	Value Node
}

// Try is try Block catch (Param) Catch finally Finally; either the catch
// part (Param and Catch) or Finally may be nil, not both.
type Try struct {
	At
	Block   *Block
	Param   *Ident
	Catch   *Block
	Finally *Block
}

// Switch is switch (Discriminant) { Cases }.
type Switch struct {
	At
	Discriminant Node
	Cases        []*Case
}

// Case is case Test: Body, or default: Body when Test is nil.
type Case struct {
	At
	Test Node
	Body []Node
}

// Labelled is Label: Body.
type Labelled struct {
	At
	Label *Name
	Body  Node
}

// With is with (Object) Body.
type With struct {
	At
	Object, Body Node
}

// Debugger is the debugger statement.
type Debugger struct{ At }

// Block is { Body }.
type Block struct {
	At
	Body []Node
}

// Empty is a lone ';'.
type Empty struct{ At }

// ExprStmt is an expression used as a statement.
type ExprStmt struct {
	At
	X Node
}
