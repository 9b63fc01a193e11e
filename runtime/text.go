// text.go: String and Char primitives (PRIMITIVES.md §3.4). Contents: every P_/F_ of the strings group.
// Strings are Go strings holding valid UTF-8; operations work on code points (runes).
package rt

import (
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf8"
)

// F_prim_appendString concatenates two strings.
func F_prim_appendString(a, b Value) Value { return AsString(a) + AsString(b) }

// F_prim_eqString is exact code-point equality (no normalisation).
func F_prim_eqString(a, b Value) Value { return Bool(AsString(a) == AsString(b)) }

// F_prim_stringToChars lists the code points of a string (`""` → Nil) as a Chars: no cell is built until a
// match reaches it, and then charsChunk at a time. The list primitives of lists.go (length, append) and
// charsToString read the string itself, so `Lune.String.length s` builds no list at all.
func F_prim_stringToChars(a Value) Value {
	s := AsString(a)
	if s == "" {
		return Nil
	}
	return &Chars{s: s, tail: Nil}
}

// charsChunk is how many code points of a string become cells at a time (one allocation of 2 KiB): a loop
// over a long string's characters then keeps a chunk of cells alive, not a list as long as the string.
const charsChunk = 64

// Chars is a non-empty string's code points followed by the list tail (Nil for prim_stringToChars, another
// list when $listAppend puts a string's characters before it), not built yet: the list whose cells
// charsOf(s, tail) gives. Generated code and the runtime reach it only through AsCell, ConOrCell, ListElems,
// walkList, charsToString and Show, which unfold it or read s; the first unfolding is kept (fibers may race to
// make it: both results are equal, one is kept).
type Chars struct {
	s     string
	tail  Value
	first atomic.Pointer[Cell]
}

// unfold is the list's first cell (made once).
func (c *Chars) unfold() *Cell {
	if first := c.first.Load(); first != nil {
		return first
	}
	c.first.CompareAndSwap(nil, charsOf(c.s, c.tail))
	return c.first.Load()
}

// charsOf is the list of a non-empty s's code points followed by tail: cells for the first charsChunk, then a
// Chars for the rest.
func charsOf(s string, tail Value) *Cell {
	cells := make([]Cell, min(len(s), charsChunk)) // at most one code point per byte
	i := 0
	for off, r := range s {
		if i == len(cells) {
			cells[i-1].Tail = &Chars{s: s[off:], tail: tail}
			return &cells[0]
		}
		cells[i].Head = Char(r)
		if i > 0 {
			cells[i-1].Tail = &cells[i]
		}
		i++
	}
	cells[i-1].Tail = tail
	return &cells[0]
}

// F_prim_charsToString concatenates a list of Chars. The list must be a proper Cons/Nil chain (else fatal
// `NotARecord <list>`); elements that are not Chars are skipped (the evaluator's quirk). Surrogate code
// points become U+FFFD.
func F_prim_charsToString(a Value) Value {
	// Walks the list itself (no slice of its elements), twice: its length in bytes first, so that the string is
	// built in one allocation (measured faster on the strings benchmark, 689,000 characters: 61 → 57 ms); an
	// improper list fails as AsList would.
	n := 0
	walkList(a, func(x Value) {
		if ch, ok := x.(Char); ok {
			if l := utf8.RuneLen(rune(ch)); l > 0 {
				n += l
			} else {
				n += utf8.RuneLen(utf8.RuneError) // a surrogate is written as U+FFFD
			}
		}
	}, func(s string) { n += len(s) })
	var b strings.Builder
	b.Grow(n)
	for cur := a; ; {
		if cs, ok := cur.(*Chars); ok { // a string's characters, as they were
			b.WriteString(cs.s)
			cur = cs.tail
			continue
		}
		if cell, ok := cur.(*Cell); ok {
			if ch, ok := cell.Head.(Char); ok {
				b.WriteRune(rune(ch)) // WriteRune writes U+FFFD for surrogates and invalid code points
			}
			cur = cell.Tail
			continue
		}
		if c, ok := cur.(*Con); ok && c.K == KNil && len(c.Args) == 0 {
			return b.String()
		}
		AsList(a) // fails with the whole list in the message
		panic("unreachable: AsList accepted an improper list")
	}
}

// F_prim_charToInt is a Char's code point.
func F_prim_charToInt(a Value) Value { return int64(AsChar(a)) }

// F_prim_intToChar makes a Char of a code point in 0…0x10FFFF (surrogates allowed: they become U+FFFD
// only when put in a String). Like the evaluator's `chr . fromIntegral`, the Int is first narrowed to
// 64 bits; out of range: fatal `Prelude.chr: bad argument: N`, N as GHC's `showSignedInt 9` prints it
// (`(-1)` for a negative). The evaluator raises this lazily, when the Char is used; we fail at once.
func F_prim_intToChar(a Value) Value {
	n := WrapInt64(a)
	if n >= 0 && n <= 0x10FFFF {
		return Char(n)
	}
	s := strconv.FormatInt(n, 10)
	if n < 0 {
		s = "(" + s + ")"
	}
	Crash("Prelude.chr: bad argument: " + s)
	return nil
}

// The primitive values (PRIMITIVES.md §3.4).
var (
	P_prim_appendString  = MkFunc("prim_appendString", 2, func(a []Value) Value { return F_prim_appendString(a[0], a[1]) })
	P_prim_eqString      = MkFunc("prim_eqString", 2, func(a []Value) Value { return F_prim_eqString(a[0], a[1]) })
	P_prim_stringToChars = MkFunc("prim_stringToChars", 1, func(a []Value) Value { return F_prim_stringToChars(a[0]) })
	P_prim_charsToString = MkFunc("prim_charsToString", 1, func(a []Value) Value { return F_prim_charsToString(a[0]) })
	P_prim_charToInt     = MkFunc("prim_charToInt", 1, func(a []Value) Value { return F_prim_charToInt(a[0]) })
	P_prim_intToChar     = MkFunc("prim_intToChar", 1, func(a []Value) Value { return F_prim_intToChar(a[0]) })
)

func init() {
	register("prim_appendString", P_prim_appendString)
	register("prim_eqString", P_prim_eqString)
	register("prim_stringToChars", P_prim_stringToChars)
	register("prim_charsToString", P_prim_charsToString)
	register("prim_charToInt", P_prim_charToInt)
	register("prim_intToChar", P_prim_intToChar)
}
