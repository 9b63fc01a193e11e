// lists.go: the primitives of passes/fuse-lists.ts. Each replaces a call `f xs…` of a list function the compiler
// recognized by its shape (length, length onto an accumulator, append, charsToString of a reverse onto) and takes
// f first. It walks the list in a loop, reading a string's characters not yet unfolded (a Chars) straight from
// the string, and builds nothing it does not return. On anything but a proper list (never, in a typed program)
// it calls f itself, so that a crash is f's own, message and all.
package rt

import (
	"math/big"
	"strings"
	"unicode/utf8"
)

// listLength is how many elements xs has, if it is a proper list (cells and Chars ending in Nil); a Chars is
// counted in its string. (As fast as a loop of its own: 6.5 ms for a million cells either way, memory-bound.)
func listLength(xs Value) (int64, bool) {
	n := int64(0)
	ok := walkList(xs, func(Value) { n++ }, func(s string) { n += int64(utf8.RuneCountInString(s)) })
	return n, ok
}

// F__dollar_listLength is `f xs` for f a length (`Nil -> 0; Cons _ r -> 1 + f r`).
func F__dollar_listLength(f, xs Value) Value {
	if n, ok := listLength(xs); ok {
		return BoxInt(n)
	}
	return Apply(f, xs)
}

// F__dollar_listLengthOnto is `f xs k` for f a length onto an accumulator (`Nil -> k; Cons _ r -> f r (k + 1)`).
func F__dollar_listLengthOnto(f, xs, k Value) Value {
	n, ok := listLength(xs)
	if ok && n == 0 {
		return k // f returns k as it is, whatever it is
	}
	switch k.(type) {
	case int64, *big.Int:
		if ok {
			return F_prim_addInt(k, BoxInt(n))
		}
	}
	return ApplyN(f, xs, k) // not a list, or an accumulator prim_addInt would refuse: f's own crash
}

// walkList calls each for every element of xs and chars for the characters of a string not yet unfolded (a
// Chars), and says whether xs is a proper list; it stops at the first thing that is not.
func walkList(xs Value, each func(Value), chars func(string)) bool {
	for {
		switch x := xs.(type) {
		case *Cell:
			each(x.Head)
			xs = x.Tail
		case *Chars:
			if first := x.first.Load(); first != nil {
				xs = first
				continue
			}
			chars(x.s)
			xs = x.tail
		case *Con:
			return x.K == KNil && len(x.Args) == 0
		default:
			return false
		}
	}
}

// F__dollar_listAppend is `f xs ys` for f an append (`Nil -> ys; Cons x r -> Cons x (f r ys)`): xs copied
// (appendInto), ending in ys.
func F__dollar_listAppend(f, xs, ys Value) Value {
	var head Value
	end, ok := appendInto(&head, xs)
	if !ok {
		return ApplyN(f, xs, ys)
	}
	*end = ys
	return head
}

// AppendInto stores a copy of the proper list xs (appendInto) in *hole and returns the hole at the copy's end,
// where the rest goes: the link `$listAppend f xs rest` of a loop building its result front to back
// (passes/to-goast/contexts.ts), whose compiler proved xs a proper list.
func AppendInto(hole *Value, xs Value) *Value {
	end, ok := appendInto(hole, xs)
	if !ok {
		panic("rt.AppendInto: not a proper list (the compiler proved it one)")
	}
	return end
}

// AppendStringInto stores the characters of the String s in *hole, as a Chars (no cell built), and returns the
// hole after them: AppendInto of `prim_stringToChars s` without that list.
func AppendStringInto(hole *Value, s Value) *Value {
	str := AsString(s)
	if str == "" {
		return hole
	}
	c := &Chars{s: str}
	*hole = c
	return &c.tail
}

// appendInto stores in *hole a copy of the list xs with nothing yet at its end, and returns that end (a hole),
// if xs is a proper list; else it stores nothing and says false. Cells are copied into fresh cells, taken
// listSlab at a time from one allocation (as many as needed, not more); a string's characters not yet unfolded
// (a Chars) become a Chars of the same string before the rest, so that appending a string's characters copies
// no character. Counting first walks xs twice, but measured faster than an rt.Cells growing from 2 (strings
// benchmark 121 vs 132 ms: its appends are of 5-character strings, one allocation instead of two).
func appendInto(hole *Value, xs Value) (*Value, bool) {
	n := 0
	if !walkList(xs, func(Value) { n++ }, func(string) {}) {
		return nil, false
	}
	var free []Cell
	for {
		switch x := xs.(type) {
		case *Cell:
			if len(free) == 0 {
				free = make([]Cell, min(n, listSlab))
			}
			c := &free[0]
			free = free[1:]
			n--
			c.Head = x.Head
			*hole = c
			hole = &c.Tail
			xs = x.Tail
		case *Chars:
			if first := x.first.Load(); first != nil {
				xs = first
				continue
			}
			c := &Chars{s: x.s}
			*hole = c
			hole = &c.tail
			xs = x.tail
		default: // Nil: walkList said xs is a proper list
			return hole, true
		}
	}
}

// F__dollar_charsToStringRevOnto is `prim_charsToString (f xs acc)` for f a reverse onto (`Nil -> acc;
// Cons x r -> f r (Cons x acc)`): xs's characters backwards, then acc's, with no list in between. Like
// charsToString, it skips elements that are not Chars and writes U+FFFD for a surrogate.
func F__dollar_charsToStringRevOnto(f, xs, acc Value) Value {
	var buf [64]rune
	runes := buf[:0]
	proper := walkList(xs, func(x Value) {
		if ch, ok := x.(Char); ok {
			runes = append(runes, rune(ch))
		}
	}, func(s string) {
		for _, r := range s {
			runes = append(runes, r)
		}
	})
	var b strings.Builder
	b.Grow(len(runes))
	for i := len(runes) - 1; i >= 0; i-- {
		b.WriteRune(runes[i])
	}
	proper = proper && walkList(acc, func(x Value) {
		if ch, ok := x.(Char); ok {
			b.WriteRune(rune(ch))
		}
	}, func(s string) { b.WriteString(s) })
	if !proper {
		return F_prim_charsToString(ApplyN(f, xs, acc))
	}
	return b.String()
}

// ListCursor is a list read from the front by a loop that only matches it and passes its tail to its next
// iteration (passes/to-goast/cursors.ts): a string's characters not yet unfolded (a Chars) are read from the
// string itself, and no cell is built for them. The zero ListCursor is not a list: Set one first.
type ListCursor struct {
	v    Value  // the list at the cursor; nil while reading s
	s    string // the rest of a string's characters (non-empty while v is nil)
	tail Value  // what follows s
}

// Set puts the cursor at the front of the list v.
func (c *ListCursor) Set(v Value) { *c = ListCursor{v: v} }

// Next matches the list at the cursor: a cell gives its head and true, and the cursor moves to its tail;
// anything else gives false, and the cursor stays (AtNil and Value then tell what it is). A cell is matched
// inline (Go inlines Next); anything else in next.
func (c *ListCursor) Next() (Value, bool) {
	if x, ok := c.v.(*Cell); ok {
		c.v = x.Tail
		return x.Head, true
	}
	return c.next()
}

func (c *ListCursor) next() (Value, bool) {
	for {
		if c.v == nil {
			r, size := utf8.DecodeRuneInString(c.s) // s holds valid UTF-8: as charsOf's range loop decodes it
			c.s = c.s[size:]
			if c.s == "" {
				c.v, c.tail = c.tail, nil
			}
			return Char(r), true
		}
		switch x := c.v.(type) {
		case *Cell:
			c.v = x.Tail
			return x.Head, true
		case *Chars:
			if first := x.first.Load(); first != nil {
				c.v = first // unfolded already: its cells
				continue
			}
			c.v, c.s, c.tail = nil, x.s, x.tail
		default:
			return nil, false
		}
	}
}

// AtNil is whether the list at the cursor is Nil (after Next said it is not a cell).
func (c *ListCursor) AtNil() bool {
	x, ok := c.v.(*Con)
	return ok && x.K == KNil && len(x.Args) == 0
}

// Value is the list at the cursor (the rest of a string: a Chars of it).
func (c *ListCursor) Value() Value {
	if c.v == nil {
		return &Chars{s: c.s, tail: c.tail}
	}
	return c.v
}

// StringAcc is a loop's accumulator `Cons x acc` read only by `$charsToStringRevOnto f acc Nil`, the string of its
// characters in the order they were pushed (passes/to-goast/string-accs.ts): the prelude's way of building a
// string, such as a word of split or words. The Chars pushed onto the list it was Set to are kept as UTF-8, with
// no cell; anything else pushed (never, in a typed program), or a surrogate, spills them into cells first.
type StringAcc struct {
	buf  []byte // the characters pushed onto base, in the order pushed
	base Value  // the list they were pushed onto
}

// Set makes the accumulator the list v (its buffer is reused: the strings made from it are copies).
func (a *StringAcc) Set(v Value) { a.buf, a.base = a.buf[:0], v }

// Push makes the accumulator `Cons x acc`.
func (a *StringAcc) Push(x Value) {
	if ch, ok := x.(Char); ok && utf8.ValidRune(rune(ch)) {
		a.buf = utf8.AppendRune(a.buf, rune(ch))
		return
	}
	a.base = &Cell{Head: x, Tail: a.Value()}
	a.buf = a.buf[:0]
}

// Value is the accumulator as a list: the pushed characters, last pushed first, onto base.
func (a *StringAcc) Value() Value {
	v := a.base
	for _, r := range string(a.buf) {
		v = &Cell{Head: Char(r), Tail: v}
	}
	return v
}

// RevString is `$charsToStringRevOnto f acc Nil`: the pushed characters as they are, when they were pushed onto
// Nil; else the primitive on the list itself.
func (a *StringAcc) RevString(f Value) Value {
	if c, ok := a.base.(*Con); ok && c.K == KNil && len(c.Args) == 0 {
		return string(a.buf)
	}
	return F__dollar_charsToStringRevOnto(f, a.Value(), Nil)
}

var (
	P__dollar_listLength     = MkFunc("$listLength", 2, func(a []Value) Value { return F__dollar_listLength(a[0], a[1]) })
	P__dollar_listLengthOnto = MkFunc("$listLengthOnto", 3, func(a []Value) Value {
		return F__dollar_listLengthOnto(a[0], a[1], a[2])
	})
	P__dollar_listAppend           = MkFunc("$listAppend", 3, func(a []Value) Value { return F__dollar_listAppend(a[0], a[1], a[2]) })
	P__dollar_charsToStringRevOnto = MkFunc("$charsToStringRevOnto", 3, func(a []Value) Value {
		return F__dollar_charsToStringRevOnto(a[0], a[1], a[2])
	})
)

func init() {
	register("$listLength", P__dollar_listLength)
	register("$listLengthOnto", P__dollar_listLengthOnto)
	register("$listAppend", P__dollar_listAppend)
	register("$charsToStringRevOnto", P__dollar_charsToStringRevOnto)
}
