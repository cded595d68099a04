package builtins

// Kind is the ECMAScript type a declaration holds, as far as the sources tell.
type Kind uint8

// The kinds a declaration can have. KindAny means the sources do not say.
const (
	KindAny Kind = iota
	KindObject
	KindArray
	KindString
	KindNumber
	KindBoolean
	KindFunction
)

var kindNames = [...]string{"any", "object", "array", "string", "number", "boolean", "function"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "any"
}

// Evidence says how sure the sources are about a declaration or an event.
type Evidence uint8

// The evidence tags of docs/ors.md: vendor (DOC), generated (OBS), assumed (INF).
const (
	Documented Evidence = iota // DOC: stated by Genesys or the W3C
	Observed                   // OBS: seen in Composer-generated projects
	Inferred                   // INF: a hypothesis drawn from the sources
)

var evidenceNames = [...]string{"DOC", "OBS", "INF"}

func (e Evidence) String() string {
	if int(e) < len(evidenceNames) {
		return evidenceNames[e]
	}
	return "INF"
}

// Origin says who provides a name at run time, so a tool can tell a user
// why a name may be missing (an include file not loaded, an old ORS).
type Origin uint8

// Where a declared name comes from.
const (
	FromSCXML        Origin = iota // the SCXML processor (W3C system variables, In)
	FromORS                        // Orchestration Server extensions (_genesys, __Log)
	FromComposer                   // code Composer generates (system, App_* globals, <data> ids)
	FromIncludeFile                // Composer's project include files (include/*.js)
	FromECMAScript                 // the ES5 standard library
	FromSpiderMonkey               // SpiderMonkey extensions to ES5 (uneval, toSource)
)

var originNames = [...]string{"SCXML", "ORS", "Composer", "Composer include file", "ECMAScript 5", "SpiderMonkey"}

func (o Origin) String() string {
	if int(o) < len(originNames) {
		return originNames[o]
	}
	return "unknown"
}

// EnumValue is one documented value of a string field, with its meaning.
type EnumValue struct {
	Value string
	Doc   string
}

// Decl declares a name a condition can read: a global, a field of an object,
// a function or an _event.data attribute. It is a value: its children are
// reached through methods that return copies, so no caller can change the
// tables it came from.
type Decl struct {
	Name      string
	Kind      Kind
	Doc       string // user-facing text for hover and completion
	Signature string // for functions, how to call it: "In(stateID)"
	Source    string // where the facts come from (short names of the sources docs/ors.md lists)
	Evidence  Evidence
	Origin    Origin

	// Closed is true when what is listed is all there is, so anything else
	// is likely a typo: the fields of an object or function, the enum
	// values of a string. An open declaration may carry more than the
	// sources list. See also MembersClosed.
	Closed bool

	Deprecated bool
	ReplacedBy string // for a deprecated name, what to write instead

	fields []Decl
	enum   []EnumValue
	elem   *Decl // for collections keyed by a computed value: the declaration of every element
}

// Fields lists the declared fields of an object, in declaration order.
func (d Decl) Fields() []Decl { return append([]Decl(nil), d.fields...) }

// FieldNames lists the names of the declared fields, for did-you-mean.
func (d Decl) FieldNames() []string { return names(d.fields) }

// Field looks up a declared field by its exact name.
func (d Decl) Field(name string) (Decl, bool) { return find(d.fields, name) }

// Enum lists the documented values of a string field.
func (d Decl) Enum() []EnumValue { return append([]EnumValue(nil), d.enum...) }

// EnumValues lists just the documented values of a string field.
func (d Decl) EnumValues() []string {
	out := make([]string, len(d.enum))
	for i, e := range d.enum {
		out[i] = e.Value
	}
	return out
}

// Elem is the declaration of every element of a collection keyed by a
// computed value, such as _genesys.ixn.interactions[id].
func (d Decl) Elem() (Decl, bool) {
	if d.elem == nil {
		return Decl{}, false
	}
	return *d.elem, true
}

// Member looks a property up as ECMAScript would: a declared field first,
// then the prototype methods of the declaration's kind (String.prototype for
// a string, Object.prototype for every object).
func (d Decl) Member(name string) (Decl, bool) {
	if f, ok := d.Field(name); ok {
		return f, true
	}
	return find(prototypeMembers(d.Kind), name)
}

// Members lists the declared fields followed by the inherited prototype
// members, for completion.
func (d Decl) Members() []Decl {
	return append(d.Fields(), prototypeMembers(d.Kind)...)
}

// MembersClosed reports whether Members is all a value of d can have, so
// that reading any other member is likely a typo: always for strings,
// numbers and booleans (their members come from a fixed prototype), when
// Closed for objects and functions, never for arrays (indices) or values of
// unknown kind.
func (d Decl) MembersClosed() bool {
	switch d.Kind {
	case KindString, KindNumber, KindBoolean:
		return true
	case KindObject, KindFunction:
		return d.Closed
	}
	return false
}

// MemberNames lists the names of Members, for did-you-mean.
func (d Decl) MemberNames() []string { return names(d.Members()) }

// renamed returns d reached under another key (system as _data.system.context).
func (d Decl) renamed(name string) Decl {
	d.Name = name
	return d
}

func names(ds []Decl) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Name
	}
	return out
}

func find(ds []Decl, name string) (Decl, bool) {
	for _, d := range ds {
		if d.Name == name {
			return d, true
		}
	}
	return Decl{}, false
}

// Builders used by the declaration tables; each returns a modified copy.

func decl(kind Kind, name, doc string) Decl { return Decl{Name: name, Kind: kind, Doc: doc} }

func object(name, doc string, fields ...Decl) Decl {
	return Decl{Name: name, Kind: KindObject, Doc: doc, fields: fields}
}

func function(signature, doc string) Decl {
	name := signature
	for i, r := range signature {
		if r == '(' {
			name = signature[:i]
			break
		}
	}
	return Decl{Name: name, Kind: KindFunction, Doc: doc, Signature: signature}
}

func (d Decl) cite(ev Evidence, source string) Decl {
	d.Evidence, d.Source = ev, source
	return d
}

func (d Decl) closed() Decl {
	d.Closed = true
	return d
}

func (d Decl) values(vs ...EnumValue) Decl {
	d.enum = vs
	return d
}

func (d Decl) each(elem Decl) Decl {
	d.elem = &elem
	return d
}

func (d Decl) deprecated(replacedBy string) Decl {
	d.Deprecated, d.ReplacedBy = true, replacedBy
	return d
}

// rooted gives every descendant of a global its origin and, where a child
// cites nothing itself, its parent's source and evidence.
func (d Decl) rooted(o Origin) Decl {
	d.Origin = o
	if len(d.fields) > 0 {
		fields := make([]Decl, len(d.fields))
		for i, f := range d.fields {
			if f.Source == "" {
				f.Source, f.Evidence = d.Source, d.Evidence
			}
			fields[i] = f.rooted(o)
		}
		d.fields = fields
	}
	if d.elem != nil {
		e := *d.elem
		if e.Source == "" {
			e.Source, e.Evidence = d.Source, d.Evidence
		}
		e = e.rooted(o)
		d.elem = &e
	}
	return d
}
