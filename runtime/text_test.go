// text_test.go: String and Char primitives (PRIMITIVES.md §3.4), including the quirks (non-Chars skipped,
// surrogates to U+FFFD) and the chr range error.
package rt

import (
	"strings"
	"sync"
	"testing"
)

func TestStrings(t *testing.T) {
	cases := []struct {
		got  Value
		want string
	}{
		{F_prim_appendString("ab", "cé"), `"abc\233"`},
		{F_prim_appendString("", ""), `""`},
		{F_prim_eqString("abc", "abc"), "True"},
		{F_prim_eqString("abc", "Abc"), "False"},
		{F_prim_eqString("é", "e\u0301"), "False"}, // no normalisation
		{F_prim_stringToChars("héλ"), `Cons 'h' (Cons '\233' (Cons '\955' Nil))`},
		{F_prim_stringToChars(""), "Nil"},
		{F_prim_stringToChars("😀"), `Cons '\128512' Nil`}, // one code point, not UTF-16 units or bytes
		{F_prim_charsToString(MkList([]Value{Char('h'), Char('é'), Char('λ')})), `"h\233\955"`},
		{F_prim_charsToString(Nil), `""`},
		{F_prim_charsToString(MkList([]Value{Char('a'), int64(5), "x", Char('b')})), `"ab"`},
		{F_prim_charsToString(MkList([]Value{Char(0xD800), Char('a')})), `"\65533a"`},
		{F_prim_charToInt(Char('A')), "65"},
		{F_prim_charToInt(Char('λ')), "955"},
		{F_prim_intToChar(int64(97)), "'a'"},
		{F_prim_intToChar(int64(0)), `'\NUL'`},
		{F_prim_intToChar(IntLit("18446744073709551681")), "'A'"}, // 2^64 + 65 narrows to 65
		{F_prim_intToChar(int64(0x10FFFF)), `'\1114111'`},
		{F_prim_intToChar(int64(0xD800)), `'\55296'`},                                        // a surrogate is a valid Char…
		{F_prim_charsToString(MkList([]Value{F_prim_intToChar(int64(0xDFFF))})), `"\65533"`}, // …until put in a String
	}
	for i, c := range cases {
		if Show(c.got) != c.want {
			t.Errorf("case %d: got %s, want %s", i, Show(c.got), c.want)
		}
	}
}

func TestStringErrors(t *testing.T) {
	expectCrash(t, "chr big", "Prelude.chr: bad argument: 1114112", func() { F_prim_intToChar(int64(0x110000)) })
	expectCrash(t, "chr negative", "Prelude.chr: bad argument: (-1)", func() { F_prim_intToChar(int64(-1)) })
	// The Int is narrowed to 64 bits first (chr . fromIntegral): 2^63 becomes -2^63.
	expectCrash(t, "chr huge", "Prelude.chr: bad argument: (-9223372036854775808)", func() {
		F_prim_intToChar(bigPow2(63, false))
	})
	expectCrash(t, "charsToString non-list", "NotARecord 5", func() { F_prim_charsToString(int64(5)) })
	expectCrash(t, "charsToString improper", "NotARecord Cons 'a' 5", func() {
		F_prim_charsToString(Cons(Char('a'), int64(5)))
	})
	expectCrash(t, "append non-string", "ExpectedString 1", func() { F_prim_appendString("a", int64(1)) })
	expectCrash(t, "stringToChars non-string", "ExpectedString 'a'", func() { F_prim_stringToChars(Char('a')) })
	expectCrash(t, "charToInt non-char", "NotAFunction <prim>", func() { F_prim_charToInt("a") })
}

// Lists built in slabs (listSlab cells at a time) are ordinary lists across slab boundaries.
func TestListsAcrossSlabs(t *testing.T) {
	for _, n := range []int{1, listSlab - 1, listSlab, listSlab + 1, 3*listSlab + 7} {
		runes := make([]rune, n)
		xs := make([]Value, n)
		for i := range runes {
			runes[i] = rune('a' + i%26)
			if i%5 == 0 {
				runes[i] = 'λ'
			}
			xs[i] = int64(i)
		}
		s := string(runes)
		chars, ok := ListElems(F_prim_stringToChars(s))
		if !ok || len(chars) != n || chars[n-1] != Char(runes[n-1]) {
			t.Fatalf("stringToChars of %d runes: %d elements, ok %v", n, len(chars), ok)
		}
		if back := F_prim_charsToString(F_prim_stringToChars(s)); back != s {
			t.Errorf("charsToString(stringToChars(s)) differs for %d runes", n)
		}
		got, ok := ListElems(MkList(xs))
		if !ok || len(got) != n {
			t.Fatalf("MkList of %d: %d elements, ok %v", n, len(got), ok)
		}
		for i := range got {
			if got[i] != xs[i] {
				t.Fatalf("MkList of %d: element %d is %v", n, i, got[i])
			}
		}
	}
}

// A long string's characters come as cells for the first charsChunk code points, then a Chars that every
// list reader unfolds: the same list, element for element, however it is read.
func TestStringToCharsUnfoldsLongStrings(t *testing.T) {
	s := strings.Repeat("aé𝄞,", 50) // 200 code points, 1..4 bytes each
	want := []rune(s)
	l := F_prim_stringToChars(s)
	xs, ok := ListElems(l)
	if !ok || len(xs) != len(want) {
		t.Fatalf("ListElems: %d elements, ok %v", len(xs), ok)
	}
	for i, x := range xs {
		if x != Char(want[i]) {
			t.Fatalf("element %d is %v, want %q", i, x, want[i])
		}
	}
	// Walk by hand as generated code does (AsCell), checking where the lazy rest starts and that an unfolded
	// rest is made once.
	cur, n := l, 0
	for cell := AsCell(cur); cell != nil; cell = AsCell(cur) {
		if cs, lazy := cell.Tail.(*Chars); lazy {
			if (n+1)%charsChunk != 0 {
				t.Fatalf("a lazy rest starts after %d cells", n+1)
			}
			if AsCell(cs) != AsCell(cs) {
				t.Fatal("a Chars unfolds into new cells each time")
			}
			if got := F_prim_charsToString(cs); got != string(want[n+1:]) {
				t.Fatalf("charsToString of the rest: %q", got)
			}
		}
		cur, n = cell.Tail, n+1
	}
	if n != len(want) || cur != Nil {
		t.Fatalf("walked %d cells, ending in %v", n, cur)
	}
	if got := F_prim_charsToString(l); got != s {
		t.Fatalf("charsToString gave %q", got)
	}
	if got := Show(F_prim_stringToChars(strings.Repeat("x", 70))); got != strings.Repeat("Cons 'x' (", 69)+"Cons 'x' Nil"+strings.Repeat(")", 69) {
		t.Fatalf("Show gave %s", got)
	}
	// stringToChars builds no cell: the whole string is a Chars until a match reaches it.
	if _, lazy := F_prim_stringToChars("abc").(*Chars); !lazy {
		t.Fatal("stringToChars built cells")
	}
	if con, cell := ConOrCell(AsCell(F_prim_stringToChars(strings.Repeat("y", 65))).Tail); con != nil || cell == nil || cell.Head != Char('y') {
		t.Fatalf("ConOrCell of a Chars: %v %v", con, cell)
	}
	if F_prim_stringToChars("") != Nil {
		t.Fatal(`stringToChars "" is not Nil`)
	}
}

// Fibers may match the same lazy rest at once (go test -race checks the unfolding).
func TestCharsUnfoldConcurrently(t *testing.T) {
	rest := AsCell(F_prim_stringToChars(strings.Repeat("z", 3*charsChunk)))
	for rest.Tail != nil {
		if cs, ok := rest.Tail.(*Chars); ok {
			var wg sync.WaitGroup
			got := make([]*Cell, 8)
			for i := range got {
				wg.Add(1)
				go func() { defer wg.Done(); got[i] = AsCell(cs) }()
			}
			wg.Wait()
			for _, c := range got {
				if c != got[0] {
					t.Fatal("two unfoldings of one Chars were both kept")
				}
			}
			return
		}
		rest = rest.Tail.(*Cell)
	}
	t.Fatal("no lazy rest")
}
