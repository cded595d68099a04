package cond

// FixKind grades a fix as ruff does, by how far it may be applied without
// reading it: a safe fix keeps the meaning the author plainly intended and
// changes nothing else (closing a bracket); an unsafe fix changes what the
// strategy does (= becomes ==, a misspelt field is corrected) and is
// applied only when the user asks for unsafe fixes.
type FixKind uint8

// Fix kinds. A code or rule marked FixNone never has its fixes applied.
const (
	FixNone FixKind = iota
	FixSafe
	FixUnsafe
)

var fixKindNames = [...]string{"none", "safe", "unsafe"}

func (k FixKind) String() string {
	if int(k) < len(fixKindNames) {
		return fixKindNames[k]
	}
	return "fix?"
}

// Allows reports whether fixes of kind k may be applied when the user
// accepts fixes up to level max (FixSafe, or FixUnsafe for both).
func (k FixKind) Allows(max FixKind) bool { return k != FixNone && k <= max }
