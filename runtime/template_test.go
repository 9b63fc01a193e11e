// template_test.go: templates against every example of PRIMITIVES.md §3.6 (including the "Consequences
// (verified)" list), holes re-run at each render, and the error forms.
package rt

import "testing"

func txt(s string) Value      { return F_prim_templateText(s) }
func blk(s string) Value      { return F_prim_templateBlock(s) }
func cat(a, b Value) Value    { return F_prim_templateAppend(a, b) }
func hole(v Value) TPart      { return TPart{Hole: func() Value { return v }} }
func tmpls(ts ...Value) Value { return MkList(ts) }
func strs(ss ...string) Value {
	vs := make([]Value, len(ss))
	for i, s := range ss {
		vs[i] = s
	}
	return MkList(vs)
}
func render(t Value) string         { return F_prim_templateRender(t).(string) }
func indent(n int64, t Value) Value { return F_prim_templateIndent(n, t) }

func TestTemplateExamples(t *testing.T) {
	empty := P_prim_templateEmpty
	cases := []struct {
		name string
		t    Value
		want string
	}{
		{"empty", empty, ""},
		{"text verbatim", txt("a\nb\n"), "a\nb\n"},
		{"line", F_prim_templateLine("a\n\n"), "a\n"},
		{"line no newline", F_prim_templateLine("a"), "a"},
		{"lines", F_prim_templateLines(strs("a", "b")), "a\nb"},
		{"lines one", F_prim_templateLines(strs("a\n")), "a"},
		{"lines none", F_prim_templateLines(Nil), ""},
		{"lines is a block", cat(txt("x"), F_prim_templateLines(strs("a", "b"))), "x\na\nb"},
		{"one line is inline", cat(txt("x"), F_prim_templateLines(strs("a"))), "xa"},
		{"block", blk("\na\n"), "a"},
		{"block only one newline removed", blk("\n\na\n\n"), "\na\n"},
		{"block CRLF quirk", blk("\r\na\r\nb\r\n"), "\na\n\nb\n"},
		{"text <> text", cat(txt("a"), txt("b")), "ab"},
		{"text <> block", cat(txt("a"), blk("b")), "a\nb"},
		{"block <> text", cat(blk("a"), txt("b")), "ab"},
		{"block <> block", cat(blk("a"), blk("b")), "a\nb"},
		{"text nl <> block", cat(txt("a\n"), blk("b")), "a\nb"},
		{"text <> block starting nl", cat(txt("a"), blk("\n\nb")), "a\nb"},
		{"empty <> block", cat(empty, blk("b")), "b"},
		{"block <> empty", cat(blk("a"), empty), "a"},
		{"join", F_prim_templateJoin(txt(","), tmpls(txt("a"), txt("b"), txt("c"))), "a,b,c"},
		{"join blocks", F_prim_templateJoin(txt(","), tmpls(blk("a"), blk("b"))), "a,\nb"},
		{"join none", F_prim_templateJoin(txt(","), Nil), ""},
		{"join one", F_prim_templateJoin(txt(","), tmpls(txt("a"))), "a"},
		{"vcat", F_prim_templateVcat(tmpls(txt("a"), txt("b"))), "a\nb"},
		{"vcat nl", F_prim_templateVcat(tmpls(txt("a\n"), txt("b"))), "a\nb"},
		{"vcat right nl", F_prim_templateVcat(tmpls(txt("a"), txt("\nb"))), "a\nb"},
		{"vcat skips empties", F_prim_templateVcat(tmpls(empty, txt("a"), empty, txt("b"), empty)), "a\nb"},
		{"vcat ignores block flags", F_prim_templateVcat(tmpls(blk("a"), blk("b"))), "a\nb"},
		{"vcat is a block", cat(txt("x"), F_prim_templateVcat(tmpls(txt("a"), txt("b")))), "x\na\nb"},
		{"vcat none", F_prim_templateVcat(Nil), ""},
		{"hcat", F_prim_templateHcat(tmpls(blk("a"), blk("b"))), "ab"},
		{"hcat is a block if an item is", cat(txt("x"), F_prim_templateHcat(tmpls(txt("a"), blk("b")))), "x\nab"},
		{"indent", indent(2, txt("a\n\nb\n")), "  a\n\n  b\n"},
		{"indent whitespace line", indent(2, txt("a\n \nb")), "  a\n   \n  b"},
		{"indent 0", indent(0, txt("a\nb")), "a\nb"},
		{"indent negative", indent(-3, txt("a")), "a"},
		{"indent empty", indent(2, empty), ""},
		{"indent keeps block flag", cat(txt("x"), indent(2, blk("a"))), "x\n  a"},
		{"ensureNL <> text", cat(F_prim_templateEnsureNL(txt("a")), txt("b")), "a\nb"},
		{"ensureNL already", F_prim_templateEnsureNL(txt("a\n")), "a\n"},
		{"ensureNL empty", F_prim_templateEnsureNL(empty), ""},
		{"ensureNL <> block", cat(F_prim_templateEnsureNL(txt("a")), blk("b")), "a\nb"},
		// Consequences (verified), §3.6.
		{"pre${block b}post", TemplateLit(false, TPart{Text: "pre"}, hole(blk("b")), TPart{Text: "post"}), "pre\nbpost"},
		{"block literal with block hole", TemplateLit(true, TPart{Text: "outer:\n"},
			hole(TemplateLit(true, TPart{Text: "inner line"})), TPart{Text: "\nend"}), "outer:\ninner line\nend"},
		{"hole newline invisible", cat(TemplateLit(false, hole(txt("a\n"))), blk("b")), "a\n\nb"},
		{"empty hole <> block", cat(TemplateLit(false, hole(empty)), blk("b")), "\nb"},
		{"indent block <> text", cat(indent(2, blk("a\nb")), txt("c")), "  a\n  bc"},
		// §1.8 hole conversions.
		{"v=${hi}", TemplateLit(false, TPart{Text: "v="}, hole(txt("hi"))), "v=hi"},
		{"v=${-5}", TemplateLit(false, TPart{Text: "v="}, hole(txt(F_prim_showInt(int64(-5)).(string)))), "v=-5"},
		{"v=${0.01}", TemplateLit(false, TPart{Text: "v="}, hole(txt(ShowFloat(0.01)))), "v=1.0e-2"},
		{"v=${2.5}", TemplateLit(false, TPart{Text: "v="}, hole(txt(F_prim_showFloat(2.5).(string)))), "v=2.5"},
		{"v=${1.0e7}", TemplateLit(false, TPart{Text: "v="}, hole(txt(F_prim_showFloat(1e7).(string)))), "v=1.0e7"},
		{"v=${'a'}", TemplateLit(false, TPart{Text: "v="}, hole(txt(F_prim_charsToString(MkList([]Value{Char('a')})).(string)))), "v=a"},
		{"v=${True}", TemplateLit(false, TPart{Text: "v="}, hole(txt("True"))), "v=True"},
		{"literal drops empty texts", TemplateLit(false, TPart{Text: ""}, TPart{Text: "a"}, TPart{Text: ""}), "a"},
		{"nested holes", TemplateLit(false, TPart{Text: "<"}, hole(TemplateLit(false, hole(txt("x")))), TPart{Text: ">"}), "<x>"},
		{"hole inside indent", indent(2, TemplateLit(false, hole(txt("x\ny")))), "  x\n  y"},
		{"two block holes in one leaf", TemplateLit(false, hole(blk("a")), hole(blk("b"))), "a\nb"},
		{"nested hole splices a block", TemplateLit(false, TPart{Text: "["}, hole(TemplateLit(false, TPart{Text: "("}, hole(blk("x")), TPart{Text: ")"})), TPart{Text: "]"}), "[(\nx)]"},
		{"hole newline then block", cat(TemplateLit(false, TPart{Text: "a"}, hole(txt("\n"))), blk("b")), "a\n\nb"},
		{"inline literal splicing a block stays inline", cat(txt("a"), TemplateLit(false, hole(blk("x")))), "a\nx"},
		{"indent of ensureNL hole", indent(2, TemplateLit(false, hole(F_prim_templateEnsureNL(txt("a"))), TPart{Text: "b"})), "  a\n  b"},
		{"indent of indent", indent(1, indent(1, txt("a\nb"))), "  a\n  b"},
		{"indent narrows to 64 bits", indent(0, txt("a")), "a"},
		{"block of a newline is empty", cat(txt("a"), blk("\n")), "a"},
		{"text keeps CR", txt("a\nb\r"), "a\nb\r"},
		{"leaves joined then expanded", cat(TemplateLit(false, hole(txt("a"))), TemplateLit(false, hole(blk("b")))), "a\nb"},
	}
	for _, c := range cases {
		if got := render(c.t); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestTemplateHolesRerun(t *testing.T) {
	n := int64(0)
	tm := TemplateLit(false, TPart{Text: "n="}, TPart{Hole: func() Value {
		n++
		return txt(ShowInt(n))
	}})
	if n != 0 {
		t.Fatal("building a template ran its hole")
	}
	if a, b := render(tm), render(tm); a != "n=1" || b != "n=2" {
		t.Errorf("renders: %q %q", a, b)
	}
}

func TestTemplateErrors(t *testing.T) {
	bad := TemplateLit(false, TPart{Text: "x"}, hole(int64(5)))
	expectCrash(t, "hole not a template", "ExpectedTemplate 5", func() { render(bad) })
	expectCrash(t, "hole string", `ExpectedTemplate "s"`, func() { render(TemplateLit(true, hole("s"))) })
	expectCrash(t, "append", "ExpectedTemplate 5", func() { cat(int64(5), txt("a")) })
	expectCrash(t, "render", `ExpectedTemplate "a"`, func() { F_prim_templateRender("a") })
	expectCrash(t, "lines non-list", "NotARecord 5", func() { F_prim_templateLines(int64(5)) })
	expectCrash(t, "lines non-string", "ExpectedString 1", func() { F_prim_templateLines(ints(1, 2)) })
	expectCrash(t, "vcat non-template", "ExpectedTemplate 1", func() { F_prim_templateVcat(ints(1)) })
	expectCrash(t, "text non-string", "ExpectedString 1", func() { txt2(int64(1)) })
	expectCrash(t, "line non-string", "ExpectedString 1", func() { F_prim_templateLine(int64(1)) })
	expectCrash(t, "block non-string", "ExpectedString 1", func() { F_prim_templateBlock(int64(1)) })
	expectCrash(t, "append right", `ExpectedTemplate "x"`, func() { cat(txt("a"), "x") })
	expectCrash(t, "join sep", "ExpectedTemplate 5", func() { F_prim_templateJoin(int64(5), Nil) })
	expectCrash(t, "join non-list", "NotARecord 5", func() { F_prim_templateJoin(txt(","), int64(5)) })
	expectCrash(t, "join element", "ExpectedTemplate 1", func() { F_prim_templateJoin(txt(","), MkList([]Value{txt("a"), int64(1)})) })
	expectCrash(t, "hcat non-list", `NotARecord "x"`, func() { F_prim_templateHcat("x") })
	expectCrash(t, "indent non-int", "NotAFunction <prim>", func() { F_prim_templateIndent("x", txt("a")) })
	expectCrash(t, "indent non-template", "NotAFunction <prim>", func() { F_prim_templateIndent(int64(1), "x") })
	expectCrash(t, "ensureNL", "ExpectedTemplate 1", func() { F_prim_templateEnsureNL(int64(1)) })
	expectCrash(t, "indent too large", "template indent too large: 100000001", func() {
		render(F_prim_templateIndent(int64(100000001), txt("a")))
	})
	if got := render(F_prim_templateIndent(IntLit("18446744073709551618"), txt("a"))); got != "  a" {
		t.Errorf("indent 2^64+2 should narrow to 2: %q", got)
	}
	if Show(blk("a")) != "<template>" {
		t.Error("show")
	}
}

func txt2(v Value) Value { return F_prim_templateText(v) }

// Long joins stay linear: 30 000 appends of holes and texts.
func TestTemplateLongJoin(t *testing.T) {
	items := make([]Value, 30000)
	for i := range items {
		items[i] = TemplateLit(false, hole(txt("x")))
	}
	s := render(F_prim_templateJoin(txt(","), MkList(items)))
	if len(s) != 2*len(items)-1 {
		t.Errorf("length %d", len(s))
	}
}

func TestTemplateLeafFlags(t *testing.T) {
	flags := func(v Value) [4]bool {
		tm := v.(*Template)
		return [4]bool{tm.empty, tm.startsNL, tm.endsNL, tm.block}
	}
	if f := flags(TemplateLit(true, hole(P_prim_templateEmpty))); f != [4]bool{false, false, false, true} {
		t.Errorf("hole-only leaf: %v", f)
	}
	if f := flags(TemplateLit(false, TPart{Text: "\nx\n"})); f != [4]bool{false, true, true, false} {
		t.Errorf("text leaf: %v", f)
	}
	if f := flags(TemplateLit(true)); f != [4]bool{true, false, false, false} {
		t.Errorf("empty block literal: %v", f)
	}
	if f := flags(TemplateLit(false, TPart{Text: "\n"}, hole(txt("x")))); f != [4]bool{false, true, false, false} {
		t.Errorf("text then hole: %v", f)
	}
	if f := flags(F_prim_templateVcat(tmpls(txt("a")))); f != [4]bool{false, false, false, true} {
		t.Errorf("vcat: %v", f)
	}
	if got := render(TemplateLit(true, hole(P_prim_templateEmpty))); got != "" {
		t.Errorf("hole-only leaf renders %q", got)
	}
}
