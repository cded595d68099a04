package main

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/condeval/condeval/lint"
	"github.com/condeval/condeval/scxml"
	"github.com/condeval/condeval/statechart"
)

// Handler files (condeval's own YAML or JSON, as dispatch reads them) are
// read by statechart, which knows their format; their conditions are then
// linted as the items of a condition list, each with its handler's event,
// at their place in the file.

// isHandlerFile reports whether path names a handler file by its extension.
// Directories are not searched for them: a project holds many YAML files
// that are not.
func isHandlerFile(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

// lintHandlers lints the conditions of a handler file, with the
// configuration that applies to it; it is lint.Path for handler files.
func lintHandlers(path string, config func(file string) (lint.Config, error)) ([]lint.FileFinding, lint.Summary, error) {
	cfg, err := config(path)
	if err != nil {
		return nil, lint.Summary{}, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, lint.Summary{}, err
	}
	set, err := statechart.ReadHandlerFile(path, data)
	if err != nil {
		return nil, lint.Summary{}, err
	}
	src, err := scxml.NewFileSource(path, data)
	if err != nil {
		return nil, lint.Summary{}, err
	}
	f := &scxml.File{Path: path, Format: scxml.FormatCond, Source: src}
	var loose []lint.FileFinding
	sum := lint.Summary{Files: 1}
	for _, h := range set.Handlers {
		if h.EventLine > 0 { // its events are checked as a document's
			if event, ok := plainText(src, h.EventLine, h.EventColumn, h.Event.String()); ok {
				f.Items = append(f.Items, scxml.Item{Kind: scxml.Descriptors, Text: event, Attr: "event", Element: "handler", Event: h.Event.String(), State: h.State, Handler: h.Name, File: path})
			}
		}
		if strings.TrimSpace(h.Cond) == "" {
			continue
		}
		sum.Conditions++
		it := scxml.Item{Kind: scxml.Condition, Element: "handler", Event: h.Event.String(), State: h.State, Handler: h.Name, File: path}
		if text, ok := plainText(src, h.Line, h.Column, h.Cond); ok {
			it.Text = text
			f.Items = append(f.Items, it)
			continue
		}
		// A condition YAML escaped or folded: its findings are placed at
		// the condition's start.
		at := src.Position(condOffset(src, h))
		for _, ff := range lint.Condition(path, h.Cond, cfg) {
			ff.Start, ff.End, ff.Source, ff.Repair = at, at, src, nil
			loose = append(loose, ff)
		}
	}
	return append(lint.File(f, cfg), loose...), sum, nil
}

// condOffset is the byte offset of the handler's condition in the file.
func condOffset(src *scxml.Source, h *statechart.Handler) int {
	return src.RuneOffset(h.Line, h.Column)
}

// plainText is value, which the file writes at line and column, as it
// stands there when it is written unchanged: a plain YAML scalar, or a
// quoted one with no escape.
func plainText(src *scxml.Source, line, column int, value string) (scxml.Text, bool) {
	off := src.RuneOffset(line, column)
	for _, start := range []int{off, off + 1} { // after an opening quote
		if end := start + len(value); end <= len(src.Data) && string(src.Data[start:end]) == value {
			return scxml.PlainText(src, start, end), true
		}
	}
	return scxml.Text{}, false
}
