package cond

// feature is a post-ES5 construct that the front end recognises so it can
// name it, instead of answering with a bare syntax error (or, worse, letting
// an ES2015+ engine accept it silently).
type feature uint8

const (
	featNone feature = iota
	featArrow
	featTemplate
	featOptionalChain
	featNullish
	featExponent
	featSpread
	featLogicalAssign
	featBinary
	featOctal
	featSeparator
	featBigInt
	featCodePoint
	featRegexpY
	featRegexpU
	featRegexpS
	featRegexpD
	featRegexpV
	featLet
	featConst
	featClass
	featShorthand
	featComputed
	featMethod
	featTrailingCommaCall
	featTrailingCommaParams
	featGenerator
	featAsync
	featDefaultParam
	featDestructuring
	featForOf
	featModules
	featSuper
	featPrivate
	featNewTarget
	featOptionalCatch
	featRegexpNamedGroup
	featRegexpLookbehind
	featGeneratorMethod
	featAsyncMethod
)

// featureInfo names a construct, the edition that introduced it and what to
// write instead in ES5.
type featureInfo struct {
	name, edition, instead string
}

// mozilla reports whether ORS's SpiderMonkey runs f in a script as a
// Mozilla extension older than ES2015 (const, since JavaScript 1.5): a
// portability warning (C111) there, not an error. SpiderMonkey's let,
// destructuring and generators needed an opt-in version, so they stay errors.
func (f feature) mozilla() bool { return f == featConst }

var features = [...]featureInfo{
	featArrow:               {"arrow function (=>)", "ES2015", "write function (x) { return …; }"},
	featTemplate:            {"template literal (`…`)", "ES2015", "concatenate strings with +"},
	featOptionalChain:       {"optional chaining (?.)", "ES2020", "test each step, e.g. a && a.b"},
	featNullish:             {"nullish coalescing (??)", "ES2020", "write (a != null ? a : b)"},
	featExponent:            {"exponentiation operator (**)", "ES2016", "use Math.pow(a, b)"},
	featSpread:              {"spread or rest syntax (...)", "ES2015", "pass the values explicitly, or use Function.prototype.apply"},
	featLogicalAssign:       {"logical assignment (&&=, ||=, ??=)", "ES2021", "write a = a || b"},
	featBinary:              {"binary literal (0b…)", "ES2015", "use a decimal or hexadecimal (0x…) literal"},
	featOctal:               {"octal literal (0o…)", "ES2015", "use a decimal or hexadecimal (0x…) literal"},
	featSeparator:           {"numeric separator (1_000)", "ES2021", "remove the underscores"},
	featBigInt:              {"BigInt literal (…n)", "ES2020", "use an ordinary number"},
	featCodePoint:           {"code point escape (\\u{…})", "ES2015", "use \\uXXXX escapes (a surrogate pair above U+FFFF)"},
	featRegexpY:             {"regular expression flag y (sticky)", "ES2015", "remove the flag"},
	featRegexpU:             {"regular expression flag u (unicode)", "ES2015", "remove the flag"},
	featRegexpS:             {"regular expression flag s (dotAll)", "ES2018", "use [\\s\\S] instead of . and remove the flag"},
	featRegexpD:             {"regular expression flag d (indices)", "ES2022", "remove the flag"},
	featRegexpV:             {"regular expression flag v (unicodeSets)", "ES2024", "remove the flag"},
	featLet:                 {"let declaration", "ES2015", "use var"},
	featConst:               {"const declaration", "ES2015", "use var"},
	featClass:               {"class", "ES2015", "use a constructor function and its prototype"},
	featShorthand:           {"shorthand property ({a})", "ES2015", "write {a: a}"},
	featComputed:            {"computed property name ({[k]: v})", "ES2015", "create the object, then assign o[k] = v"},
	featMethod:              {"method definition ({f() {…}})", "ES2015", "write {f: function () {…}}"},
	featTrailingCommaCall:   {"trailing comma in call arguments (f(a,))", "ES2017", "remove the trailing comma"},
	featTrailingCommaParams: {"trailing comma in parameters (function (a,))", "ES2017", "remove the trailing comma"},
	featGenerator:           {"generator function (function*)", "ES2015", ""},
	featAsync:               {"async function", "ES2017", ""},
	featDefaultParam:        {"default parameter value", "ES2015", "test for undefined in the function body"},
	featDestructuring:       {"destructuring", "ES2015", "read the properties one by one"},
	featForOf:               {"for…of loop", "ES2015", "use a for loop with an index"},
	featModules:             {"module syntax (import/export)", "ES2015", ""},
	featSuper:               {"super", "ES2015", ""},
	featPrivate:             {"private name (#x)", "ES2022", ""},
	featNewTarget:           {"new.target", "ES2015", ""},
	featOptionalCatch:       {"optional catch binding (catch without a parameter)", "ES2019", "write catch (e)"},
	featRegexpNamedGroup:    {"named capture group (?<name>…)", "ES2018", "use a numbered group (…)"},
	featRegexpLookbehind:    {"lookbehind assertion (?<=…) or (?<!…)", "ES2018", ""},
	featGeneratorMethod:     {"generator method ({*f() {…}})", "ES2015", ""},
	featAsyncMethod:         {"async method ({async f() {…}})", "ES2017", ""},
}

// featureDiag reports feature f over span s: an error, or, for a Mozilla
// extension in a script, a warning.
func featureDiag(f feature, s Span, script bool) Diagnostic {
	info := features[f]
	if f.mozilla() && script {
		c, _ := LookupCode(CodeMozilla)
		return Diagnostic{
			Code:       CodeMozilla,
			Severity:   c.Severity,
			Span:       s,
			Message:    info.name + " is ES2015; ORS's SpiderMonkey accepts it, other ES5 engines do not",
			Suggestion: info.instead,
		}
	}
	return Diagnostic{
		Code:       CodeES2015,
		Severity:   SeverityError,
		Span:       s,
		Message:    info.name + " is " + info.edition + "; ORS evaluates ES5",
		Suggestion: info.instead,
	}
}
