package cond

// BinaryOp is an arithmetic, bitwise, shift, relational or equality
// operator.
type BinaryOp uint8

// Binary operators.
const (
	OpMul BinaryOp = iota + 1
	OpDiv
	OpMod
	OpAdd
	OpSub
	OpShl
	OpShr
	OpUShr
	OpLT
	OpGT
	OpLE
	OpGE
	OpInstanceof
	OpIn
	OpEq
	OpNe
	OpStrictEq
	OpStrictNe
	OpBitAnd
	OpBitXor
	OpBitOr
)

// LogicalOp is && or ||, which short-circuit.
type LogicalOp uint8

// Logical operators.
const (
	OpAnd LogicalOp = iota + 1
	OpOr
)

// AssignOp is = or a compound assignment.
type AssignOp uint8

// Assignment operators.
const (
	OpAssign AssignOp = iota + 1
	OpAddAssign
	OpSubAssign
	OpMulAssign
	OpDivAssign
	OpModAssign
	OpShlAssign
	OpShrAssign
	OpUShrAssign
	OpAndAssign
	OpXorAssign
	OpOrAssign
)

// UnaryOp is a prefix operator other than ++ and --.
type UnaryOp uint8

// Unary operators.
const (
	OpDelete UnaryOp = iota + 1
	OpVoid
	OpTypeof
	OpPlus
	OpMinus
	OpBitNot
	OpNot
)

// UpdateOp is ++ or --.
type UpdateOp uint8

// Update operators.
const (
	OpInc UpdateOp = iota + 1
	OpDec
)

// infixOp is one row of the binary precedence table (ECMA-262 5.1 §11.5–
// §11.11): higher binds tighter; all are left-associative.
type infixOp struct {
	text    string
	prec    int
	binary  BinaryOp
	logical LogicalOp
}

var infixTable = [...]infixOp{
	{"||", 1, 0, OpOr},
	{"&&", 2, 0, OpAnd},
	{"|", 3, OpBitOr, 0},
	{"^", 4, OpBitXor, 0},
	{"&", 5, OpBitAnd, 0},
	{"==", 6, OpEq, 0}, {"!=", 6, OpNe, 0}, {"===", 6, OpStrictEq, 0}, {"!==", 6, OpStrictNe, 0},
	{"<", 7, OpLT, 0}, {">", 7, OpGT, 0}, {"<=", 7, OpLE, 0}, {">=", 7, OpGE, 0},
	{"instanceof", 7, OpInstanceof, 0}, {"in", 7, OpIn, 0},
	{"<<", 8, OpShl, 0}, {">>", 8, OpShr, 0}, {">>>", 8, OpUShr, 0},
	{"+", 9, OpAdd, 0}, {"-", 9, OpSub, 0},
	{"*", 10, OpMul, 0}, {"/", 10, OpDiv, 0}, {"%", 10, OpMod, 0},
}

var (
	infixByText  = indexInfix()
	binaryByOp   = indexBinary()
	assignTexts  = [...]string{"", "=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", ">>>=", "&=", "^=", "|="}
	unaryTexts   = [...]string{"", "delete", "void", "typeof", "+", "-", "~", "!"}
	updateTexts  = [...]string{"", "++", "--"}
	logicalTexts = [...]string{"", "&&", "||"}
	assignOps    = indexTexts[AssignOp](assignTexts[:])
	unaryOps     = indexTexts[UnaryOp](unaryTexts[:])
)

func indexInfix() map[string]*infixOp {
	m := make(map[string]*infixOp, len(infixTable))
	for i := range infixTable {
		m[infixTable[i].text] = &infixTable[i]
	}
	return m
}

func indexBinary() map[BinaryOp]*infixOp {
	m := make(map[BinaryOp]*infixOp, len(infixTable))
	for i := range infixTable {
		if op := infixTable[i].binary; op != 0 {
			m[op] = &infixTable[i]
		}
	}
	return m
}

func indexTexts[T ~uint8](texts []string) map[string]T {
	m := make(map[string]T, len(texts))
	for i, t := range texts[1:] {
		m[t] = T(i + 1)
	}
	return m
}

func textOf(texts []string, i int) string {
	if i > 0 && i < len(texts) {
		return texts[i]
	}
	return "?"
}

func (op BinaryOp) String() string {
	if r := binaryByOp[op]; r != nil {
		return r.text
	}
	return "?"
}

// Precedence is the operator's binding strength in the precedence table
// (1 for ||, 10 for * / %).
func (op BinaryOp) Precedence() int {
	if r := binaryByOp[op]; r != nil {
		return r.prec
	}
	return 0
}

// IsRelational reports whether op is of ECMAScript's relational level
// (< > <= >= instanceof in), whose chains group from the left:
// a < b < c is (a < b) < c.
func (op BinaryOp) IsRelational() bool { return op.Precedence() == relationalPrecedence }

// relationalPrecedence is the level of < in infixTable.
var relationalPrecedence = binaryByOp[OpLT].prec

// IsEquality reports whether op compares for (in)equality (== != === !==),
// the comparisons that can test a field against one of its values.
func (op BinaryOp) IsEquality() bool {
	switch op {
	case OpEq, OpNe, OpStrictEq, OpStrictNe:
		return true
	}
	return false
}

func (op LogicalOp) String() string { return textOf(logicalTexts[:], int(op)) }

// Precedence is the operator's binding strength (see BinaryOp.Precedence).
func (op LogicalOp) Precedence() int {
	if r := infixByText[op.String()]; r != nil {
		return r.prec
	}
	return 0
}

func (op AssignOp) String() string { return textOf(assignTexts[:], int(op)) }
func (op UnaryOp) String() string  { return textOf(unaryTexts[:], int(op)) }
func (op UpdateOp) String() string { return textOf(updateTexts[:], int(op)) }

// Binary is the operator a compound assignment applies (+ for +=), or 0 for
// plain =.
func (op AssignOp) Binary() BinaryOp {
	if op <= OpAssign {
		return 0
	}
	t := op.String()
	return infixByText[t[:len(t)-1]].binary
}
