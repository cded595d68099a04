package statechart

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/condeval/condeval/builtins"
	"github.com/condeval/condeval/runtime"
	"github.com/condeval/condeval/yamlerr"
)

// DefaultRegion is the state of a handler-file entry that names none.
const DefaultRegion = "handlers"

// handlerFields are the keys a handler-file entry may have.
var handlerFields = []string{"name", "event", "cond", "condition", "enabled", "state", "target", "ends", "description"}

// fileHandler is one entry of a handler file.
type fileHandler struct {
	Name        string `yaml:"name"`
	Event       string `yaml:"event"`
	Cond        string `yaml:"cond"`
	Condition   string `yaml:"condition"`
	Enabled     *bool  `yaml:"enabled"`
	State       string `yaml:"state"`
	Target      string `yaml:"target"`
	Ends        bool   `yaml:"ends"`
	Description string `yaml:"description"`
}

// LoadHandlers reads a handler set from a file, choosing the reader by its
// extension: .yaml, .yml or .json (a handler file), .scxml (the transitions
// of an SCXML document) or .ixnprocess (a Composer IPD's event handlers).
func LoadHandlers(path string, opts ...runtime.Option) (*HandlerSet, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml", ".json":
		return ReadHandlerFile(path, data, opts...)
	case ".scxml":
		return ReadSCXMLHandlers(path, data, opts...)
	case ".ixnprocess":
		return ReadProcessHandlers(path, data, opts...)
	}
	return nil, fmt.Errorf("%s: unknown handler file type (want .yaml, .yml, .json, .scxml or .ixnprocess)", path)
}

// ReadHandlerFile reads condeval's own handler format, YAML or JSON:
//
//	name: Composer 8.1.400.20 default handlers   # optional title
//	handlers:
//	  - name: interaction deleted                # shown in reports
//	    event: interaction.deleted               # descriptors, space separated
//	    cond: _event.data.interactionid == system.InteractionID
//	    enabled: true                            # default true
//	    state: handlers                          # region; default "handlers"
//	    target: ""                               # a label; optional
//	    ends: true                               # firing it ends the session
//	    description: raise application.exit
//
// Handlers in the same state are tried in order and at most one of them
// fires, like the transitions of one SCXML state; handlers in different
// states are parallel regions, each firing its own. `condition` is accepted
// for `cond`.
func ReadHandlerFile(name string, data []byte, opts ...runtime.Option) (*HandlerSet, error) {
	if strings.EqualFold(filepath.Ext(name), ".json") {
		if err := checkJSON(name, data); err != nil {
			return nil, err
		}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlerr.Syntax(name, data, err)
	}
	if len(doc.Content) == 0 {
		return nil, fmt.Errorf("%s: empty handler file", name)
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d:%d: a handler file is a mapping with a handlers list", name, root.Line, root.Column)
	}
	set := &HandlerSet{Name: name, File: name, chart: flatChart()}
	var list *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "name":
			set.Name = v.Value
		case "handlers":
			list = v
		default:
			return nil, fmt.Errorf("%s:%d:%d: unknown key %q (want name, handlers)", name, k.Line, k.Column, k.Value)
		}
	}
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s:%d:%d: no handlers list", name, root.Line, root.Column)
	}
	b := &setBuilder{set: set, opts: opts}
	for n, item := range list.Content {
		h, at, err := readFileHandler(name, n, item)
		if err != nil {
			return nil, err
		}
		st := set.chart.byID[h.State]
		if st == nil {
			st = set.chart.region(h.State)
		}
		b.add(h, st, at)
	}
	return b.finish(), nil
}

// fieldKind says what a handler field's value must be when v is not that
// ("true or false", "text"); "" when v will do.
func fieldKind(field string, v *yaml.Node) string {
	switch {
	case field == "enabled" || field == "ends":
		if v.Kind != yaml.ScalarNode || (v.Tag != "!!bool" && v.Tag != "!!null") {
			return "true or false"
		}
	case v.Kind != yaml.ScalarNode:
		return "text"
	}
	return ""
}

// readFileHandler decodes one entry, checking its keys, and returns the
// handler with a map from condition offsets to file positions.
func readFileHandler(file string, n int, item *yaml.Node) (*Handler, func(int) (int, int), error) {
	if item.Kind != yaml.MappingNode {
		return nil, nil, fmt.Errorf("%s:%d:%d: handler %d is not a mapping", file, item.Line, item.Column, n+1)
	}
	var condNode, eventNode *yaml.Node
	for i := 0; i+1 < len(item.Content); i += 2 {
		k := item.Content[i]
		if !slices.Contains(handlerFields, k.Value) {
			return nil, nil, fmt.Errorf("%s:%d:%d: unknown handler key %q (want %s)", file, k.Line, k.Column, k.Value, strings.Join(handlerFields, ", "))
		}
		switch k.Value {
		case "cond", "condition":
			condNode = item.Content[i+1]
		case "event":
			eventNode = item.Content[i+1]
		}
		if want := fieldKind(k.Value, item.Content[i+1]); want != "" {
			v := item.Content[i+1]
			return nil, nil, fmt.Errorf("%s:%d:%d: handler %d: %s must be %s", file, v.Line, v.Column, n+1, k.Value, want)
		}
	}
	var fh fileHandler
	if err := item.Decode(&fh); err != nil {
		return nil, nil, fmt.Errorf("%s:%d:%d: handler %d: %w", file, item.Line, item.Column, n+1, err)
	}
	if fh.Cond != "" && fh.Condition != "" {
		return nil, nil, fmt.Errorf("%s:%d:%d: handler %d has both cond and condition", file, item.Line, item.Column, n+1)
	}
	h := &Handler{
		Name:        fh.Name,
		Event:       builtins.ParseDescriptors(fh.Event),
		Cond:        fh.Cond + fh.Condition,
		File:        file,
		Line:        item.Line,
		Column:      item.Column,
		Enabled:     fh.Enabled == nil || *fh.Enabled,
		State:       fh.State,
		Target:      fh.Target,
		EndsSession: fh.Ends,
		Description: fh.Description,
	}
	if h.Name == "" {
		h.Name = fmt.Sprintf("handler %d", n+1)
	}
	if h.State == "" {
		h.State = DefaultRegion
	}
	if eventNode != nil {
		h.EventLine, h.EventColumn = eventNode.Line, eventNode.Column
	}
	if condNode == nil {
		return h, nil, nil
	}
	h.Line, h.Column = condNode.Line, condNode.Column
	return h, scalarPositions(condNode), nil
}

// scalarPositions maps a byte offset of a scalar's value to its file
// position. It is exact for plain and quoted scalars on one line without
// escapes; for other scalars it points at the value's start.
func scalarPositions(n *yaml.Node) func(int) (int, int) {
	shift := 0
	switch n.Style {
	case 0:
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		shift = 1
	default:
		return func(int) (int, int) { return n.Line, n.Column }
	}
	val := n.Value
	return func(i int) (int, int) {
		if i < 0 || i > len(val) || strings.ContainsAny(val[:i], "\n\r") {
			return n.Line, n.Column
		}
		return n.Line, n.Column + shift + utf8.RuneCountInString(val[:i])
	}
}
