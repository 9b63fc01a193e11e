package rt

import (
	"math/big"
	"strings"
	"testing"
)

// calls is a list function that records being called and answers `answer`: the fallback of a fused primitive.
func calls(n *int, answer Value) *Func {
	return MkFunc("Main.f", 1, func(a []Value) Value {
		*n++
		return answer
	})
}

// calls2 is calls for a function of two parameters.
func calls2(n *int, answer Value) *Func {
	return MkFunc("Main.f", 2, func(a []Value) Value {
		*n++
		return answer
	})
}

// The lists the primitives read: cells, a string's characters not unfolded, the same unfolded (the first chunk
// made), and cells ending in a string's characters.
func listKinds(s string) map[string]Value {
	unfolded := F_prim_stringToChars(s)
	if c, ok := unfolded.(*Chars); ok {
		c.unfold()
	}
	xs := []Value{}
	for _, r := range s {
		xs = append(xs, Char(r))
	}
	mixed := F_prim_stringToChars(s)
	for i := len(xs) - 1; i >= 0 && i >= len(xs)-3; i-- {
		mixed = &Cell{Head: xs[i], Tail: mixed}
	}
	return map[string]Value{"cells": MkList(xs), "chars": F_prim_stringToChars(s), "unfolded": unfolded, "mixed": mixed}
}

func TestListLengthEveryKind(t *testing.T) {
	s := strings.Repeat("aé𝄞,", 40) // 160 code points, more than one chunk
	for name, xs := range listKinds(s) {
		n := 0
		want := int64(160)
		if name == "mixed" {
			want = 163
		}
		if got := F__dollar_listLength(calls(&n, nil), xs); got != want || n != 0 {
			t.Errorf("%s: length %v (fallback called %d times), want %d", name, got, n, want)
		}
		if got := F__dollar_listLengthOnto(calls2(&n, nil), xs, int64(1)); got != want+1 || n != 0 {
			t.Errorf("%s: length onto 1 = %v, want %d", name, got, want+1)
		}
	}
	n := 0
	if got := F__dollar_listLength(calls(&n, nil), Nil); got != int64(0) || n != 0 {
		t.Errorf("length Nil = %v", got)
	}
}

func TestListLengthOntoAccumulators(t *testing.T) {
	n := 0
	f := calls2(&n, "fallback")
	xs := F_prim_stringToChars("abc")
	// Past int64: a big Int, as k + 1 + 1 + 1 would be (2^63 + 1).
	if got := F__dollar_listLengthOnto(f, xs, int64(1<<63-2)); Show(got) != "9223372036854775809" {
		t.Errorf("overflow: %s", Show(got))
	}
	big := new(big.Int).Lsh(big.NewInt(1), 70)
	if got := F__dollar_listLengthOnto(f, xs, big); Show(got) != "1180591620717411303427" {
		t.Errorf("big accumulator: %s", Show(got))
	}
	// Nil returns the accumulator as it is, whatever it is; a non-Int with elements to count is the function's.
	if got := F__dollar_listLengthOnto(f, Nil, "k"); got != "k" || n != 0 {
		t.Errorf("Nil onto a String: %v", got)
	}
	if got := F__dollar_listLengthOnto(f, xs, "k"); got != "fallback" || n != 1 {
		t.Errorf("a String accumulator: %v (fallback called %d times)", got, n)
	}
}

func TestListPrimitivesFallBackOnImproperLists(t *testing.T) {
	improper := []Value{&Cell{Head: int64(1), Tail: int64(2)}, int64(3), MkCon("Lune.Prelude.Just", int64(1)), &Cell{Head: Char('a'), Tail: MkCon("Lune.Prelude.Unit")}}
	for _, xs := range improper {
		n := 0
		if got := F__dollar_listLength(calls(&n, "f1"), xs); got != "f1" || n != 1 {
			t.Errorf("length %s: %v", Show(xs), got)
		}
		if got := F__dollar_listLengthOnto(calls2(&n, "f2"), xs, int64(0)); got != "f2" || n != 2 {
			t.Errorf("length onto %s: %v", Show(xs), got)
		}
		if got := F__dollar_listAppend(calls2(&n, "f3"), xs, Nil); got != "f3" || n != 3 {
			t.Errorf("append %s: %v", Show(xs), got)
		}
		// charsToString of what the function returns.
		if got := F__dollar_charsToStringRevOnto(calls2(&n, MkList([]Value{Char('z')})), xs, Nil); got != "z" || n != 4 {
			t.Errorf("charsToString of reverse of %s: %v", Show(xs), got)
		}
	}
	// A proper list reversed onto an improper one: the function's result, given to charsToString.
	n := 0
	if got := F__dollar_charsToStringRevOnto(calls2(&n, Nil), F_prim_stringToChars("ab"), int64(5)); got != "" || n != 1 {
		t.Errorf("onto an improper list: %v (fallback called %d times)", got, n)
	}
}

func TestListAppendEveryKindAndSize(t *testing.T) {
	for _, size := range []int{1, 2, listSlab - 1, listSlab, listSlab + 1, 3*listSlab + 5} {
		s := strings.Repeat("é", size)
		for name, xs := range listKinds(s) {
			tail := MkList([]Value{int64(7)})
			n := 0
			got := F__dollar_listAppend(calls2(&n, nil), xs, tail)
			elems, ok := ListElems(got)
			want := size + 1
			if name == "mixed" {
				want += min(3, size)
			}
			if !ok || len(elems) != want || elems[len(elems)-1] != int64(7) || elems[0] != Char('é') || n != 0 {
				t.Fatalf("size %d, %s: %d elements, last %v (fallback %d)", size, name, len(elems), elems[len(elems)-1], n)
			}
			// The tail is shared, not copied.
			last := got
			for i := 0; i < want-1; i++ {
				last = AsCell(last).Tail
			}
			if last != tail {
				t.Fatalf("size %d, %s: the tail was copied", size, name)
			}
		}
	}
	n := 0
	if got := F__dollar_listAppend(calls2(&n, nil), Nil, "anything"); got != "anything" || n != 0 {
		t.Errorf("append Nil: %v", got)
	}
}

// Appending a string's characters not yet unfolded copies none of them: the result is a Chars of the same
// string before the appended list, which every reader then follows (matching, length, charsToString, Show,
// another append).
func TestListAppendKeepsCharsUnfolded(t *testing.T) {
	n := 0
	f := calls2(&n, nil)
	long := strings.Repeat("xé", charsChunk) // two chunks when unfolded
	ys := MkList([]Value{Char('!')})
	got := F__dollar_listAppend(f, F_prim_stringToChars(long), ys)
	cs, ok := got.(*Chars)
	if !ok || cs.s != long || cs.tail != ys || cs.first.Load() != nil {
		t.Fatalf("append of a string's characters: %#v", got)
	}
	if F_prim_charsToString(got) != long+"!" || F__dollar_listLength(f, got) != int64(2*charsChunk+1) {
		t.Errorf("charsToString %q, length %v", F_prim_charsToString(got), F__dollar_listLength(f, got))
	}
	// Cells, then Chars, then cells, then Chars: appended twice, read through every path.
	mixed := &Cell{Head: Char('<'), Tail: F__dollar_listAppend(f, F_prim_stringToChars("ab"), &Cell{Head: Char('-'), Tail: F_prim_stringToChars("cd")})}
	twice := F__dollar_listAppend(f, mixed, mixed)
	want := "<ab-cd<ab-cd"
	if s := F_prim_charsToString(twice); s != want {
		t.Errorf("charsToString of an append of mixed lists: %q", s)
	}
	if s := F__dollar_charsToStringRevOnto(f, twice, F_prim_stringToChars("z")); s != "dc-ba<dc-ba<z" {
		t.Errorf("reverse of it onto z: %q", s)
	}
	if s := Show(twice); s != `Cons '<' (Cons 'a' (Cons 'b' (Cons '-' (Cons 'c' (Cons 'd' (Cons '<' (Cons 'a' (Cons 'b' (Cons '-' (Cons 'c' (Cons 'd' Nil)))))))))))` {
		t.Errorf("show: %s", s)
	}
	elems, ok := ListElems(got) // matching unfolds the string, then goes on into the tail
	if !ok || len(elems) != 2*charsChunk+1 || elems[1] != Char('é') || elems[2*charsChunk] != Char('!') || n != 0 {
		t.Errorf("elements: %d, ok %v, fallback %d", len(elems), ok, n)
	}
	// An unfolded string is copied cell by cell (its cells exist already), still ending in the appended list.
	if s := F_prim_charsToString(F__dollar_listAppend(f, got, F_prim_stringToChars("?"))); s != long+"!?" {
		t.Errorf("append of an unfolded string: %q", s)
	}
	// A string's characters before an improper list: the function decides, as for any improper list.
	improper := &Chars{s: "ab", tail: int64(3)}
	if got := F__dollar_listAppend(calls2(&n, "f"), improper, Nil); got != "f" || n != 1 {
		t.Errorf("append of characters before an improper tail: %v (fallback %d)", got, n)
	}
}

func TestListAppendNilUnchanged(t *testing.T) {
	n := 0
	if got := F__dollar_listAppend(calls2(&n, nil), Nil, "anything"); got != "anything" || n != 0 {
		t.Errorf("append Nil: %v", got)
	}
}

func TestCharsToStringRevOnto(t *testing.T) {
	n := 0
	f := calls2(&n, nil)
	for name, xs := range listKinds("ab𝄞") {
		want := "𝄞ba"
		if name == "mixed" {
			want = "𝄞ba𝄞ba"
		}
		if got := F__dollar_charsToStringRevOnto(f, xs, Nil); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
		if got := F__dollar_charsToStringRevOnto(f, xs, F_prim_stringToChars("cd")); got != want+"cd" {
			t.Errorf("%s onto cd: %q", name, got)
		}
	}
	// Non-Chars are skipped and surrogates become U+FFFD, as charsToString does; long lists need no buffer limit.
	xs := MkList([]Value{Char('a'), int64(1), Char(0xD800), Char('b')})
	if got := F__dollar_charsToStringRevOnto(f, xs, MkList([]Value{True, Char('c')})); got != "b\uFFFDac" || n != 0 {
		t.Errorf("quirks: %q", got)
	}
	long := strings.Repeat("xy", 1000)
	if got := F__dollar_charsToStringRevOnto(f, F_prim_stringToChars(long), Nil); got != strings.Repeat("yx", 1000) {
		t.Errorf("long string reversed wrongly")
	}
}

// AppendInto copies a proper list into the hole and returns the hole at the copy's end; AppendStringInto puts a
// string's characters there as a Chars (an empty string: nothing, the same hole).
func TestAppendIntoMovesTheHole(t *testing.T) {
	for name, xs := range listKinds("ab𝄞") {
		var head Value
		end := AppendInto(&head, xs)
		*end = F_prim_stringToChars("!")
		want := "ab𝄞!"
		if name == "mixed" {
			want = "ab𝄞ab𝄞!"
		}
		if got := F_prim_charsToString(head); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	var head Value = "untouched"
	if end := AppendInto(&head, Nil); end != &head || head != "untouched" {
		t.Errorf("AppendInto of Nil: a new hole, or the hole written (%v)", head)
	}
	if end := AppendStringInto(&head, ""); end != &head || head != "untouched" {
		t.Errorf("AppendStringInto of \"\": a new hole, or the hole written (%v)", head)
	}
	end := AppendStringInto(&head, "é,")
	*end = Nil
	if cs, ok := head.(*Chars); !ok || cs.s != "é," || F_prim_charsToString(head) != "é," {
		t.Errorf("AppendStringInto: %#v", head)
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "not a proper list") {
			t.Errorf("AppendInto of an improper list: %v", r)
		}
	}()
	AppendInto(&head, &Cell{Head: Char('a'), Tail: int64(1)})
}

// A cursor gives a list's elements as matching would, from cells, from a string's characters not unfolded
// (reading the string, unfolding nothing) and from unfolded ones, into what follows them; it stays on what is not a
// cell, and Value is the list at the cursor.
func TestListCursor(t *testing.T) {
	s := strings.Repeat("aé𝄞,", 40)
	for name, xs := range listKinds(s) {
		var c ListCursor
		c.Set(F__dollar_listAppend(calls2(new(int), nil), xs, MkList([]Value{int64(7)})))
		want := []rune(s)
		if name == "mixed" {
			want = append(append([]rune{}, want[len(want)-3:]...), want...)
		}
		var got []Value
		for {
			head, ok := c.Next()
			if !ok {
				if !c.AtNil() {
					t.Errorf("%s: ended on %v", name, c.Value())
				}
				break
			}
			got = append(got, head)
			if len(got) == 10 {
				if rest, _ := ListElems(c.Value()); len(rest) != len(want)+1-10 {
					t.Errorf("%s: Value after 10 elements has %d", name, len(rest))
				}
			}
		}
		if len(got) != len(want)+1 || got[len(got)-1] != int64(7) || got[len(got)-3] != Char('𝄞') || got[len(got)-4] != Char('é') {
			t.Errorf("%s: %d elements", name, len(got))
		}
		if name == "chars" {
			if cs := xs.(*Chars); cs.first.Load() != nil {
				t.Errorf("a cursor unfolded the string")
			}
		}
	}
	var c ListCursor
	c.Set(&Cell{Head: Char('a'), Tail: int64(3)})
	if h, ok := c.Next(); !ok || h != Char('a') {
		t.Errorf("first of an improper list")
	}
	for i := 0; i < 2; i++ {
		if h, ok := c.Next(); h != nil || ok || c.AtNil() || c.Value() != int64(3) {
			t.Errorf("improper tail: %v %v, stays at %v", h, ok, c.Value())
		}
	}
	just := MkCon("Lune.Prelude.Just", int64(1))
	c.Set(just)
	if _, ok := c.Next(); ok || c.AtNil() || c.Value() != Value(just) {
		t.Errorf("a constructor: %v", c.Value())
	}
}

// A string accumulator is the list `Cons x (… (Cons y base))` it was pushed into: its RevString is
// charsToString of that list reversed (a surrogate as U+FFFD, a non-Char skipped), its Value that list.
func TestStringAcc(t *testing.T) {
	n := 0
	f := calls2(&n, Nil)
	var a StringAcc
	a.Set(Nil)
	if got := a.RevString(f); got != "" {
		t.Errorf("empty: %q", got)
	}
	for _, r := range "aé𝄞" {
		a.Push(Char(r))
	}
	if got := a.RevString(f); got != "aé𝄞" || F_prim_charsToString(a.Value()) != "𝄞éa" {
		t.Errorf("pushed: %q, value %q", got, F_prim_charsToString(a.Value()))
	}
	a.Push(Char(0xD800)) // spills: the list keeps the surrogate itself
	a.Push(int64(5))
	a.Push(Char('z'))
	if elems, _ := ListElems(a.Value()); len(elems) != 6 || elems[0] != Char('z') || elems[1] != int64(5) || elems[2] != Char(0xD800) || elems[5] != Char('a') {
		t.Errorf("spilled: %v", Show(a.Value()))
	}
	if got := a.RevString(f); got != "aé𝄞\uFFFDz" || n != 0 {
		t.Errorf("spilled string: %q", got)
	}
	a.Set(F_prim_stringToChars("yx")) // onto a list: reversed too
	a.Push(Char('!'))
	if got := a.RevString(f); got != "xy!" {
		t.Errorf("onto a list: %q", got)
	}
	a.Set(int64(3)) // onto an improper list: the function decides
	a.Push(Char('!'))
	if got := a.RevString(f); got != "" || n != 1 {
		t.Errorf("onto an improper list: %q (fallback %d)", got, n)
	}
}
