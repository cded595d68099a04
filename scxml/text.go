package scxml

import "sort"

// Text is a decoded piece of a file — an attribute value or a script body as
// the ECMAScript engine sees it — together with the map from each of its
// bytes back to the file bytes it was decoded from. The map runs through
// every escaping layer: `&amp;amp;` decoded twice is one byte of Value that
// maps to nine bytes of the file.
type Text struct {
	Value string

	src        *Source
	runs       []run
	start, end int // file offsets where the text begins and where it ends (the closing delimiter)
}

// run is a stretch of Value with one way of mapping to the file. A literal
// run maps byte for byte; any other run (an entity reference, a CRLF) maps
// each of its bytes to the whole source range [src, end).
type run struct {
	dec      int // offset in Value of the first byte of the run
	src, end int // file byte range the run came from
	literal  bool
	folded   bool // a line break that XML turned into a space
}

// Source is the file the text was read from (nil for the zero Text).
func (t Text) Source() *Source { return t.src }

// MultiLine reports whether a line break in the source was folded into a
// space by XML attribute-value normalisation. In such a text a `//` comment
// runs to the end of the whole value, not of its line.
func (t Text) MultiLine() bool {
	for _, r := range t.runs {
		if r.folded {
			return true
		}
	}
	return false
}

// Folds lists the offsets in Value of the spaces that XML attribute-value
// normalisation made of line breaks.
func (t Text) Folds() []int {
	var out []int
	for _, r := range t.runs {
		if r.folded {
			out = append(out, r.dec)
		}
	}
	return out
}

// FileOffset returns the file offset of the source of Value byte i. An i at
// or past the end maps to where the text ends in the file; a negative i to
// where it starts.
func (t Text) FileOffset(i int) int {
	if i < 0 || len(t.runs) == 0 {
		return t.start
	}
	if i >= len(t.Value) {
		return t.end
	}
	s, _ := t.srcRange(i)
	return s
}

// FileSpan maps the half-open range [start, end) of Value to the file range
// that produced it, so a diagnostic can underline every source character of
// `&amp;&amp;`.
func (t Text) FileSpan(start, end int) (int, int) {
	from := t.FileOffset(start)
	if end <= start || start >= len(t.Value) || len(t.runs) == 0 {
		return from, from
	}
	end = min(end, len(t.Value))
	_, to := t.srcRange(end - 1)
	return from, max(from, to)
}

// Verbatim reports whether the range [start, end) of Value is written in
// the file byte for byte, so that an edit there needs no escaping undone:
// no entity, escape or folded line maps onto it. An empty range asks
// about the bytes on either side of it.
func (t Text) Verbatim(start, end int) bool {
	if end <= start {
		start, end = start-1, start+1
	}
	start, end = max(start, 0), min(end, len(t.Value))
	if len(t.runs) == 0 || start >= end {
		return false
	}
	for k, r := range t.runs {
		if r.dec < end && t.runEnd(k) > start && !r.literal {
			return false
		}
	}
	return true
}

// Pos returns the file position of Value byte i (see FileOffset).
func (t Text) Pos(i int) Position {
	if t.src == nil {
		return Position{Line: 1, Column: 1, Column16: 1}
	}
	return t.src.Position(t.FileOffset(i))
}

// Span returns the file positions of the range [start, end) of Value.
func (t Text) Span(start, end int) (Position, Position) {
	from, to := t.FileSpan(start, end)
	if t.src == nil {
		p := Position{Line: 1, Column: 1, Column16: 1}
		return p, p
	}
	return t.src.Position(from), t.src.Position(to)
}

// srcRange returns the file bytes that produced Value byte i (0 <= i < len).
func (t Text) srcRange(i int) (int, int) {
	k := sort.Search(len(t.runs), func(k int) bool { return t.runs[k].dec > i }) - 1
	r := t.runs[max(k, 0)]
	if r.literal {
		s := r.src + i - r.dec
		return s, s + 1
	}
	return r.src, r.end
}

// runEnd returns the offset in Value just past run k.
func (t Text) runEnd(k int) int {
	if k+1 < len(t.runs) {
		return t.runs[k+1].dec
	}
	return len(t.Value)
}

// through maps a text decoded from outer.Value (its offsets are offsets in
// outer.Value) onto outer's file: the second layer of a doubly escaped
// attribute, or a condition inside an escaped handler body.
func (t Text) through(outer Text) Text {
	var b textBuilder
	if len(outer.runs) == 0 {
		return Text{Value: t.Value, src: outer.src, start: outer.start, end: outer.end}
	}
	for k, r := range t.runs {
		n := t.runEnd(k) - r.dec
		piece := t.Value[r.dec : r.dec+n]
		if !r.literal {
			from, _ := outer.srcRange(min(r.src, len(outer.Value)-1))
			_, to := outer.srcRange(min(max(r.end-1, r.src), len(outer.Value)-1))
			b.expand([]byte(piece), from, to, r.folded)
			continue
		}
		// A literal run may cross several runs of outer: split it.
		for lo := r.src; lo < r.src+n; {
			ok := sort.Search(len(outer.runs), func(j int) bool { return outer.runs[j].dec > lo }) - 1
			o := outer.runs[max(ok, 0)]
			hi := min(r.src+n, outer.runEnd(max(ok, 0)))
			sub := piece[lo-r.src : hi-r.src]
			if o.literal {
				b.literal([]byte(sub), o.src+lo-o.dec)
			} else {
				b.expand([]byte(sub), o.src, o.end, o.folded)
			}
			lo = hi
		}
	}
	return b.text(outer.src, outer.FileOffset(t.start), outer.FileOffset(t.end))
}

// textBuilder accumulates decoded bytes and their runs.
type textBuilder struct {
	buf  []byte
	runs []run
}

// literal appends bytes that sit at file offset at, one for one (a tab
// normalised to a space still maps one for one).
func (b *textBuilder) literal(s []byte, at int) {
	if len(s) == 0 {
		return
	}
	if n := len(b.runs); n > 0 && b.runs[n-1].literal && b.runs[n-1].end == at {
		b.runs[n-1].end += len(s)
	} else {
		b.runs = append(b.runs, run{dec: len(b.buf), src: at, end: at + len(s), literal: true})
	}
	b.buf = append(b.buf, s...)
}

// expand appends bytes decoded from the file range [from, to).
func (b *textBuilder) expand(s []byte, from, to int, folded bool) {
	if len(s) == 0 {
		return
	}
	b.runs = append(b.runs, run{dec: len(b.buf), src: from, end: to, folded: folded})
	b.buf = append(b.buf, s...)
}

func (b *textBuilder) text(src *Source, start, end int) Text {
	return Text{Value: string(b.buf), src: src, runs: b.runs, start: start, end: end}
}

// PlainText is text that maps one for one onto src[start:end], such as a
// line of a .cond file or a condition given on a command line.
func PlainText(src *Source, start, end int) Text {
	var b textBuilder
	b.literal(src.Data[start:end], start)
	return b.text(src, start, end)
}
