package scxml

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/condeval/condeval/yamlerr"
)

// HandlerFile is condeval's own handler file, YAML or JSON, as written:
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
// `condition` is accepted for `cond`. What the entries mean (order,
// regions, dispatch) is statechart's business; this is the reading.
type HandlerFile struct {
	Title    Scalar // the name key
	File     string
	Handlers []*FileHandler // in file order
	Items    []Item         // the event attributes and conditions of Handlers, in file order
	Source   *Source
}

// FileHandler is one entry of a handler file.
type FileHandler struct {
	Number      int      // 1-based, in file order
	Pos         Position // where the entry starts
	Name        Scalar
	Event       Scalar
	Cond        Scalar // cond or condition
	State       Scalar
	Target      Scalar
	Description Scalar
	Enabled     bool // true unless the entry says enabled: false
	Ends        bool
}

// HandlerFileRegion is the state of a handler-file entry that names none.
const HandlerFileRegion = "handlers"

// Label is the entry's name, or "handler N" for an entry that has none.
func (h *FileHandler) Label() string {
	if h.Name.Text.Value != "" {
		return h.Name.Text.Value
	}
	return fmt.Sprintf("handler %d", h.Number)
}

// Region is the entry's state, or HandlerFileRegion.
func (h *FileHandler) Region() string {
	if h.State.Text.Value != "" {
		return h.State.Text.Value
	}
	return HandlerFileRegion
}

// handlerFileExts are the extensions of handler files. A directory walk
// passes them by (FormatOf does not name them): a project holds many YAML
// and JSON files that are not handler files.
var handlerFileExts = []string{".yaml", ".yml", ".json"}

// IsHandlerFile reports whether name is a handler file by its extension.
func IsHandlerFile(name string) bool {
	return slices.Contains(handlerFileExts, strings.ToLower(filepath.Ext(name)))
}

// handlerFields are the keys a handler-file entry may have.
var handlerFields = []string{"name", "event", "cond", "condition", "enabled", "state", "target", "ends", "description"}

// fileHandler is one entry of a handler file as YAML decodes it: the
// values the reader gives, and its errors, in its own words.
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

// ReadHandlerFile reads a handler file. A .json file is held to JSON's
// rules first; the rest of the reading is YAML's, JSON being a subset.
func ReadHandlerFile(name string, data []byte) (*HandlerFile, error) {
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
	var title, list *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "name":
			title = v
		case "handlers":
			list = v
		default:
			return nil, fmt.Errorf("%s:%d:%d: unknown key %q (want name, handlers)", name, k.Line, k.Column, k.Value)
		}
	}
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s:%d:%d: no handlers list", name, root.Line, root.Column)
	}
	s, err := NewFileSource(name, data)
	if err != nil {
		// The YAML reader took the text; say why it still cannot be shown
		// as an error, not as a finding about XML.
		return nil, errors.New(err.Error())
	}
	f := &HandlerFile{File: name, Source: s}
	if title != nil {
		f.Title = scalarAt(s, title, title.Value, 0)
	}
	for n, item := range list.Content {
		h, err := readFileHandler(s, n, item)
		if err != nil {
			return nil, err
		}
		f.Handlers = append(f.Handlers, h)
		f.Items = append(f.Items, h.items(name)...)
	}
	return f, nil
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

// readFileHandler reads entry n, checking its keys and their values.
func readFileHandler(s *Source, n int, item *yaml.Node) (*FileHandler, error) {
	file := s.Name
	if item.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d:%d: handler %d is not a mapping", file, item.Line, item.Column, n+1)
	}
	nodes := map[string]*yaml.Node{}
	for i := 0; i+1 < len(item.Content); i += 2 {
		k, v := item.Content[i], item.Content[i+1]
		if !slices.Contains(handlerFields, k.Value) {
			return nil, fmt.Errorf("%s:%d:%d: unknown handler key %q (want %s)", file, k.Line, k.Column, k.Value, strings.Join(handlerFields, ", "))
		}
		if want := fieldKind(k.Value, v); want != "" {
			return nil, fmt.Errorf("%s:%d:%d: handler %d: %s must be %s", file, v.Line, v.Column, n+1, k.Value, want)
		}
		field := k.Value
		if field == "condition" {
			field = "cond"
		}
		nodes[field] = v
	}
	var fh fileHandler
	if err := item.Decode(&fh); err != nil {
		return nil, fmt.Errorf("%s:%d:%d: handler %d: %w", file, item.Line, item.Column, n+1, err)
	}
	if fh.Cond != "" && fh.Condition != "" {
		return nil, fmt.Errorf("%s:%d:%d: handler %d has both cond and condition", file, item.Line, item.Column, n+1)
	}
	indent := item.Column - 1 // the further lines of a value are deeper
	field := func(key, value string) Scalar {
		if v := nodes[key]; v != nil {
			return scalarAt(s, v, value, indent)
		}
		return Scalar{}
	}
	return &FileHandler{
		Number:      n + 1,
		Pos:         s.Position(s.RuneOffset(item.Line, item.Column)),
		Name:        field("name", fh.Name),
		Event:       field("event", fh.Event),
		Cond:        field("cond", fh.Cond+fh.Condition),
		State:       field("state", fh.State),
		Target:      field("target", fh.Target),
		Description: field("description", fh.Description),
		Enabled:     fh.Enabled == nil || *fh.Enabled,
		Ends:        fh.Ends,
	}, nil
}

// items are the entry's event attribute, checked as a document's, and its
// condition when it has one.
func (h *FileHandler) items(file string) []Item {
	ctx := Item{Element: "handler", Event: h.Event.Text.Value, State: h.Region(), Handler: h.Label(), File: file}
	var out []Item
	if h.Event.Set() {
		it := ctx
		it.Kind, it.Text, it.Attr = Descriptors, h.Event.Text, "event"
		out = append(out, it)
	}
	if strings.TrimSpace(h.Cond.Text.Value) != "" {
		it := ctx
		it.Kind, it.Text = Condition, h.Cond.Text
		out = append(out, it)
	}
	return out
}
