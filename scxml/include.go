package scxml

import (
	"path"
	"path/filepath"
	"strings"
)

// Include is a file a document loads: a script (<script src>, or an
// <xi:include parse="text"> inside a <script>) or another document (an
// <xi:include parse="xml">, XInclude's default), as Composer's generated
// IPD loads the project's include/*.js and its workflows' SCXML.
type Include struct {
	Href Text // the src or href attribute, decoded, with its place in the file
	// Path is Href resolved against the document's directory (slash
	// separated); empty for a URL.
	Path   string
	Script bool // loaded as script text, not parsed as XML
}

// isXInclude reports whether n is an <xi:include> element.
func isXInclude(n *node) bool {
	return n.Name.Space == NamespaceXInclude && n.Name.Local == "include"
}

// includeOf reads the include an element makes, if it makes one: an
// <xi:include href>, or a <script src>.
func includeOf(n *node, file string) (Include, bool) {
	var inc Include
	var ok bool
	switch {
	case isXInclude(n):
		inc.Href, ok = n.attr("href")
		inc.Script = n.value("parse") == "text"
	case isSCXML(n) && n.Name.Local == "script":
		inc.Href, ok = n.attr("src")
		inc.Script = true
	}
	if !ok || strings.TrimSpace(inc.Href.Value) == "" {
		return Include{}, false
	}
	inc.Path = resolve(file, inc.Href.Value)
	return inc, true
}

// resolve resolves a reference against the directory of the file that
// makes it; a URL resolves to "".
func resolve(file, ref string) string {
	if strings.Contains(ref, "://") {
		return ""
	}
	return path.Join(path.Dir(filepath.ToSlash(file)), ref)
}
