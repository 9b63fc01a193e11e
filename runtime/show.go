// show.go: the Lune value printer (PRIMITIVES.md §1.11), used in error messages. Contents: Show, ShowString,
// ShowChar, and the Haskell `showLitChar` escaping they share.
package rt

import (
	"math/big"
	"strconv"
	"strings"
)

// Show prints a value as the evaluator does: `Just (Just 1)`, `Cons 1 Nil`, `{ a = 1 , b = "x" }`, `<io>`.
// Long constructor chains (lists) are printed without recursion on the last argument.
func Show(v Value) string {
	var b strings.Builder
	showTo(&b, v)
	return b.String()
}

// ShowString prints s as a Haskell string literal: `"a\"b\n\955\&1"`.
func ShowString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	rs := []rune(s)
	for i, r := range rs {
		if r == '"' {
			b.WriteString(`\"`)
			continue
		}
		var next rune = -1
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		writeLitChar(&b, r, next)
	}
	b.WriteByte('"')
	return b.String()
}

// ShowChar prints c as a Haskell char literal: `'a'`, `'\n'`, `'\955'` (a quote is escaped as backslash-quote).
func ShowChar(c Char) string {
	if c == '\'' {
		return `'\''`
	}
	var b strings.Builder
	b.WriteByte('\'')
	writeLitChar(&b, rune(c), '\'')
	b.WriteByte('\'')
	return b.String()
}

// LuneShower is implemented by runtime values whose printed form is fixed text (`<io>`, `<tvar:3>`).
type LuneShower interface{ LuneShow() string }

func showTo(b *strings.Builder, v Value) {
	closers := 0
	for {
		name, args, ok := conParts(v)
		if !ok {
			showAtom(b, v)
			break
		}
		b.WriteString(lastSegment(name))
		if len(args) == 0 {
			break
		}
		for _, a := range args[:len(args)-1] {
			b.WriteByte(' ')
			showArg(b, a)
		}
		last := args[len(args)-1]
		if _, largs, ok := conParts(last); ok && len(largs) > 0 {
			b.WriteString(" (") // continue with the last argument in this loop: lists stay iterative
			closers++
			v = last
			continue
		}
		b.WriteByte(' ')
		showArg(b, last)
		break
	}
	for ; closers > 0; closers-- {
		b.WriteByte(')')
	}
}

// conParts is a constructor value's name and arguments (a list cell is `Lune.Prelude.Cons` of two).
func conParts(v Value) (string, []Value, bool) {
	switch c := v.(type) {
	case *Con:
		return c.Name(), c.Args, true
	case *Cell:
		return KCons.Name, []Value{c.Head, c.Tail}, true
	case *Chars:
		first := c.unfold()
		return KCons.Name, []Value{first.Head, first.Tail}, true
	}
	return "", nil, false
}

// showArg prints a constructor argument: parenthesised only if it is an applied constructor or a record.
func showArg(b *strings.Builder, a Value) {
	switch x := a.(type) {
	case *Con:
		if len(x.Args) > 0 {
			b.WriteByte('(')
			showTo(b, x)
			b.WriteByte(')')
			return
		}
	case *Cell, *Chars, Record:
		b.WriteByte('(')
		showTo(b, x)
		b.WriteByte(')')
		return
	}
	showTo(b, a)
}

// showAtom prints every value that is not a constructor.
func showAtom(b *strings.Builder, v Value) {
	switch x := v.(type) {
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case *big.Int:
		b.WriteString(x.String())
	case float64:
		b.WriteString(ShowFloat(x))
	case string:
		b.WriteString(ShowString(x))
	case Char:
		b.WriteString(ShowChar(x))
	case Record:
		b.WriteString("{ ")
		values := x.Values()
		for i, l := range x.Shape().Labels {
			if i > 0 {
				b.WriteString(" , ")
			}
			b.WriteString(l)
			b.WriteString(" = ")
			showTo(b, values[i])
		}
		b.WriteString(" }")
	case *Func:
		if strings.HasPrefix(x.Name, "prim_") || strings.HasPrefix(x.Name, "$prim") {
			b.WriteString("<prim>")
		} else {
			b.WriteString("<closure>")
		}
	case Bytes:
		b.WriteString("<bytes:" + strconv.Itoa(len(x)) + ">")
	case LuneShower:
		b.WriteString(x.LuneShow())
	default:
		b.WriteString("<unknown>") // not a Lune value: a runtime bug, but printing must not fail
	}
}

func lastSegment(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// asciiNames are Haskell's names of the control characters 0..31 (`\NUL` … `\US`).
var asciiNames = [32]string{"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT",
	"FF", "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC",
	"FS", "GS", "RS", "US"}

// writeLitChar is Haskell's showLitChar: next is the following character (-1 at the end), needed for the
// `\&` separators after a decimal escape followed by a digit and after `\SO` followed by `H`.
func writeLitChar(b *strings.Builder, r rune, next rune) {
	switch {
	case r > 0x7f:
		b.WriteByte('\\')
		b.WriteString(strconv.Itoa(int(r)))
		if next >= '0' && next <= '9' {
			b.WriteString(`\&`)
		}
	case r == 0x7f:
		b.WriteString(`\DEL`)
	case r == '\\':
		b.WriteString(`\\`)
	case r >= ' ':
		b.WriteRune(r)
	case r == '\a':
		b.WriteString(`\a`)
	case r == '\b':
		b.WriteString(`\b`)
	case r == '\f':
		b.WriteString(`\f`)
	case r == '\n':
		b.WriteString(`\n`)
	case r == '\r':
		b.WriteString(`\r`)
	case r == '\t':
		b.WriteString(`\t`)
	case r == '\v':
		b.WriteString(`\v`)
	case r == 0x0e:
		b.WriteString(`\SO`)
		if next == 'H' {
			b.WriteString(`\&`)
		}
	case r >= 0:
		b.WriteByte('\\')
		b.WriteString(asciiNames[r])
	default:
		b.WriteRune(r) // a negative code point cannot be built (prim_intToChar checks); WriteRune gives U+FFFD
	}
}
