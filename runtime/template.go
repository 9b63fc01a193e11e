// template.go: templates (PRIMITIVES.md §1.8, §3.6). Contents: Template (a tree whose nodes carry the
// flags empty / startsNL / endsNL / block), TPart, TemplateLit, raw and block-aware append, rendering
// (holes re-run at every render), and every P_/F_ of the templates group.
package rt

import (
	"strconv"
	"strings"
)

// TPart is one part of a template literal: a text (Hole == nil) or a hole, run at each render.
type TPart struct {
	Text string
	Hole func() Value
}

type templateKind uint8

const (
	tLeaf       templateKind = iota // parts
	tJoinedLeaf                     // the leaf whose parts are a's then b's (both leaves): O(1) merging
	tAppend                         // raw concatenation of a and b that are not both leaves
	tIndent                         // a, rendered with n spaces before each non-empty line
	tEnsureNL                       // a, rendered with a final newline added when missing
)

// Template is Lune's Template value. Immutable; the flags are those of PRIMITIVES.md §3.6.
type Template struct {
	kind     templateKind
	parts    []TPart // tLeaf: no empty texts
	a, b     *Template
	n        int64 // tIndent
	empty    bool
	startsNL bool
	endsNL   bool
	block    bool
}

// LuneShow prints a template as the evaluator does.
func (*Template) LuneShow() string { return "<template>" }

// emptyTemplate is the empty inline leaf (prim_templateEmpty).
var emptyTemplate = &Template{kind: tLeaf, empty: true}

// TemplateLit builds the value of a template literal (CTemplate): a leaf of the parts, empty texts dropped
// (adjacent texts need not be merged: that changes neither the flags nor the rendering). Holes are not run.
func TemplateLit(block bool, parts ...TPart) Value { return mkLeaf(block, parts) }

func mkLeaf(block bool, parts []TPart) *Template {
	kept := make([]TPart, 0, len(parts))
	for _, p := range parts {
		if p.Hole != nil || p.Text != "" {
			kept = append(kept, p)
		}
	}
	if len(kept) == 0 {
		return emptyTemplate // a leaf without parts is the empty template, never a block
	}
	first, last := kept[0], kept[len(kept)-1]
	return &Template{kind: tLeaf, parts: kept, block: block,
		startsNL: first.Hole == nil && strings.HasPrefix(first.Text, "\n"),
		endsNL:   last.Hole == nil && strings.HasSuffix(last.Text, "\n")}
}

func textLeaf(s string, block bool) *Template { return mkLeaf(block, []TPart{{Text: s}}) }

func (t *Template) isLeaf() bool { return t.kind == tLeaf || t.kind == tJoinedLeaf }

// rawCat is raw concatenation: no newline is ever inserted.
func rawCat(a, b *Template) *Template {
	if a.empty {
		return b
	}
	if b.empty {
		return a
	}
	kind := tAppend
	if a.isLeaf() && b.isLeaf() {
		kind = tJoinedLeaf
	}
	return &Template{kind: kind, a: a, b: b, startsNL: a.startsNL, endsNL: b.endsNL, block: a.block || b.block}
}

// appendTemplates is the block-aware `<>`: a newline goes between a and a block b unless one is already there.
func appendTemplates(a, b *Template) *Template {
	switch {
	case a.empty:
		return b
	case b.empty:
		return a
	case a.endsNL, b.startsNL, !b.block:
		return rawCat(a, b)
	}
	return rawCat(a, rawCat(textLeaf("\n", false), b))
}

// withBlock returns t with its block flag set to block (the empty template is left alone).
func withBlock(t *Template, block bool) *Template {
	if t.empty || t.block == block {
		return t
	}
	c := *t
	c.block = block
	return &c
}

func mkIndent(n int64, t *Template) *Template {
	if n <= 0 || t.empty {
		return t
	}
	return &Template{kind: tIndent, a: t, n: n, startsNL: t.startsNL, endsNL: t.endsNL, block: t.block}
}

func mkEnsureNL(t *Template) *Template {
	if t.empty {
		return t
	}
	return &Template{kind: tEnsureNL, a: t, startsNL: t.startsNL, endsNL: true, block: t.block}
}

// AsTemplate returns a Template; otherwise fatal `ExpectedTemplate <v>`.
func AsTemplate(v Value) *Template {
	t, ok := v.(*Template)
	if !ok {
		Crash("ExpectedTemplate " + Show(v))
	}
	return t
}

func asTemplates(list Value) []*Template {
	xs := AsList(list)
	ts := make([]*Template, len(xs))
	for i, x := range xs {
		ts[i] = AsTemplate(x)
	}
	return ts
}

// RenderTemplate runs every hole (again, at each call) and produces the text.
func RenderTemplate(t *Template) string {
	var b strings.Builder
	writeText(&b, expandHoles(t))
	return b.String()
}

// expandHoles rebuilds t with every hole replaced by its (expanded) template: a leaf becomes the
// block-aware fold of its parts, keeping the leaf's block flag; other nodes are rebuilt as they were made.
func expandHoles(t *Template) *Template {
	switch t.kind {
	case tLeaf, tJoinedLeaf:
		acc := emptyTemplate
		for _, p := range leafParts(t) {
			if p.Hole == nil {
				acc = appendTemplates(acc, textLeaf(p.Text, false))
				continue
			}
			v := p.Hole()
			h, ok := v.(*Template)
			if !ok {
				Crash("ExpectedTemplate " + Show(v))
			}
			acc = appendTemplates(acc, expandHoles(h))
		}
		return withBlock(acc, t.block)
	case tAppend:
		return rawCat(expandHoles(t.a), expandHoles(t.b))
	case tIndent:
		return mkIndent(t.n, expandHoles(t.a))
	case tEnsureNL:
		return mkEnsureNL(expandHoles(t.a))
	}
	panic("rt: unknown template node")
}

// leafParts lists the parts of a (possibly joined) leaf in order, without recursion (joins can be long).
func leafParts(t *Template) []TPart {
	if t.kind == tLeaf {
		return t.parts
	}
	var parts []TPart
	stack := []*Template{t}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.kind == tLeaf {
			parts = append(parts, n.parts...)
		} else {
			stack = append(stack, n.b, n.a)
		}
	}
	return parts
}

// writeText produces the text of a hole-free template.
func writeText(b *strings.Builder, t *Template) {
	stack := []*Template{t}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch n.kind {
		case tLeaf:
			for _, p := range n.parts {
				b.WriteString(p.Text) // expanded: no holes left
			}
		case tJoinedLeaf, tAppend:
			stack = append(stack, n.b, n.a)
		case tIndent:
			var inner strings.Builder
			writeText(&inner, n.a)
			b.WriteString(indentLines(inner.String(), n.n))
		case tEnsureNL:
			var inner strings.Builder
			writeText(&inner, n.a)
			s := inner.String()
			b.WriteString(s)
			if s != "" && !strings.HasSuffix(s, "\n") {
				b.WriteByte('\n')
			}
		}
	}
}

// maxIndent bounds an indent at render time: the evaluator would exhaust memory building the prefix.
const maxIndent = 100_000_000

// indentLines prefixes every non-empty line (whitespace-only lines count as non-empty) with n spaces.
// Past maxIndent it is fatal `template indent too large: N` (what the TypeScript evaluator says too).
func indentLines(s string, n int64) string {
	if s == "" {
		return s
	}
	if n > maxIndent {
		Crash("template indent too large: " + strconv.FormatInt(n, 10))
	}
	pad := strings.Repeat(" ", int(n))
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = pad + l
		}
	}
	return strings.Join(lines, "\n")
}

// F_prim_templateText is an inline leaf holding the text verbatim.
func F_prim_templateText(s Value) Value { return textLeaf(AsString(s), false) }

// F_prim_templateLine is templateText after removing one trailing newline.
func F_prim_templateLine(s Value) Value {
	return textLeaf(strings.TrimSuffix(AsString(s), "\n"), false)
}

// F_prim_templateLines: [] → empty; [x] → line x; otherwise a block leaf of the items joined with `\n`.
func F_prim_templateLines(list Value) Value {
	xs := AsList(list)
	switch len(xs) {
	case 0:
		return emptyTemplate
	case 1:
		return F_prim_templateLine(xs[0])
	}
	ss := make([]string, len(xs))
	for i, x := range xs {
		ss[i] = AsString(x)
	}
	return textLeaf(strings.Join(ss, "\n"), true)
}

// F_prim_templateBlock is a block leaf of the text with every `\r` turned into `\n` (so CRLF becomes two
// newlines, the evaluator's quirk), then one leading and one trailing newline removed.
func F_prim_templateBlock(s Value) Value {
	text := strings.ReplaceAll(AsString(s), "\r", "\n")
	text = strings.TrimSuffix(strings.TrimPrefix(text, "\n"), "\n")
	return textLeaf(text, true)
}

// F_prim_templateAppend is the block-aware append.
func F_prim_templateAppend(a, b Value) Value { return appendTemplates(AsTemplate(a), AsTemplate(b)) }

// F_prim_templateJoin: [] → empty; else the left fold acc ← (acc <> sep) <> item from the first item.
func F_prim_templateJoin(sep, list Value) Value {
	s := AsTemplate(sep)
	items := asTemplates(list)
	if len(items) == 0 {
		return emptyTemplate
	}
	acc := items[0]
	for _, it := range items[1:] {
		acc = appendTemplates(appendTemplates(acc, s), it)
	}
	return acc
}

// F_prim_templateVcat stacks the non-empty items, with a newline between neighbours unless the left one
// ends or the right one starts with one (block flags ignored); the result is a block.
func F_prim_templateVcat(list Value) Value {
	acc := emptyTemplate
	for _, it := range asTemplates(list) {
		switch {
		case it.empty:
		case acc.empty, acc.endsNL, it.startsNL:
			acc = rawCat(acc, it)
		default:
			acc = rawCat(acc, rawCat(textLeaf("\n", false), it))
		}
	}
	return withBlock(acc, true)
}

// F_prim_templateHcat is the raw concatenation of the items (never inserts newlines).
func F_prim_templateHcat(list Value) Value {
	acc := emptyTemplate
	for _, it := range asTemplates(list) {
		acc = rawCat(acc, it)
	}
	return acc
}

// F_prim_templateIndent indents every non-empty rendered line by n spaces; n ≤ 0 leaves t unchanged. Like
// the evaluator, n is first narrowed to 64 bits. A non-Int n or non-Template t: `NotAFunction <prim>`.
func F_prim_templateIndent(n, t Value) Value {
	tt, ok := t.(*Template)
	if !IsInt(n) || !ok {
		WrongShape()
	}
	return mkIndent(WrapInt64(n), tt)
}

// F_prim_templateEnsureNL adds a final newline at render time when the text lacks one; empty stays empty.
func F_prim_templateEnsureNL(t Value) Value { return mkEnsureNL(AsTemplate(t)) }

// F_prim_templateRender renders a template to a String, running its holes.
func F_prim_templateRender(t Value) Value { return RenderTemplate(AsTemplate(t)) }

// The primitive values (PRIMITIVES.md §3.6); prim_templateEmpty is the constant itself.
var (
	P_prim_templateEmpty    Value = emptyTemplate
	P_prim_templateText           = MkFunc("prim_templateText", 1, func(a []Value) Value { return F_prim_templateText(a[0]) })
	P_prim_templateLine           = MkFunc("prim_templateLine", 1, func(a []Value) Value { return F_prim_templateLine(a[0]) })
	P_prim_templateLines          = MkFunc("prim_templateLines", 1, func(a []Value) Value { return F_prim_templateLines(a[0]) })
	P_prim_templateBlock          = MkFunc("prim_templateBlock", 1, func(a []Value) Value { return F_prim_templateBlock(a[0]) })
	P_prim_templateAppend         = MkFunc("prim_templateAppend", 2, func(a []Value) Value { return F_prim_templateAppend(a[0], a[1]) })
	P_prim_templateJoin           = MkFunc("prim_templateJoin", 2, func(a []Value) Value { return F_prim_templateJoin(a[0], a[1]) })
	P_prim_templateVcat           = MkFunc("prim_templateVcat", 1, func(a []Value) Value { return F_prim_templateVcat(a[0]) })
	P_prim_templateHcat           = MkFunc("prim_templateHcat", 1, func(a []Value) Value { return F_prim_templateHcat(a[0]) })
	P_prim_templateIndent         = MkFunc("prim_templateIndent", 2, func(a []Value) Value { return F_prim_templateIndent(a[0], a[1]) })
	P_prim_templateEnsureNL       = MkFunc("prim_templateEnsureNL", 1, func(a []Value) Value { return F_prim_templateEnsureNL(a[0]) })
	P_prim_templateRender         = MkFunc("prim_templateRender", 1, func(a []Value) Value { return F_prim_templateRender(a[0]) })
)

func init() {
	register("prim_templateEmpty", P_prim_templateEmpty)
	register("prim_templateText", P_prim_templateText)
	register("prim_templateLine", P_prim_templateLine)
	register("prim_templateLines", P_prim_templateLines)
	register("prim_templateBlock", P_prim_templateBlock)
	register("prim_templateAppend", P_prim_templateAppend)
	register("prim_templateJoin", P_prim_templateJoin)
	register("prim_templateVcat", P_prim_templateVcat)
	register("prim_templateHcat", P_prim_templateHcat)
	register("prim_templateIndent", P_prim_templateIndent)
	register("prim_templateEnsureNL", P_prim_templateEnsureNL)
	register("prim_templateRender", P_prim_templateRender)
}
