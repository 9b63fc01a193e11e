// coerce.go: argument checks shared by every primitive. Contents: WrongShape, AsString, IsInt, AsInt, BigOf,
// AsFloat, AsBool, AsChar, AsBytes, AsRecord, AsList, ListElems, WrapInt64, MkList, MkInt. Each As… crashes
// with the evaluator's error when the value has the wrong shape (the type checker normally rules this out).
package rt

import "math/big"

// WrongShape is the evaluator's catch-all for a primitive given an argument of the wrong shape: fatal
// `NotAFunction <prim>` (the Haskell evaluator reports the partially applied primitive itself, which
// prints as `<prim>`, not the offending argument). The return type lets it sit in expression position.
func WrongShape() Value {
	Crash("NotAFunction <prim>")
	return nil
}

// AsString returns a String's text; otherwise fatal `ExpectedString <v>`.
func AsString(v Value) string {
	s, ok := v.(string)
	if !ok {
		Crash("ExpectedString " + Show(v))
	}
	return s
}

// IsInt reports whether v is a Lune Int (int64 or *big.Int).
func IsInt(v Value) bool {
	switch v.(type) {
	case int64, *big.Int:
		return true
	}
	return false
}

// AsInt returns an Int as (n, nil) when it fits in int64, else (0, b); otherwise fatal `NotAFunction <prim>`.
func AsInt(v Value) (int64, *big.Int) {
	switch x := v.(type) {
	case int64:
		return x, nil
	case *big.Int:
		return 0, x
	}
	WrongShape()
	return 0, nil
}

// BigOf returns an Int as a *big.Int; otherwise fatal `NotAFunction <prim>`. For a big Int the result
// is the value itself: never modify it (values are immutable).
func BigOf(v Value) *big.Int {
	switch x := v.(type) {
	case int64:
		return big.NewInt(x)
	case *big.Int:
		return x
	}
	WrongShape()
	return nil
}

// AsFloat returns a Float; otherwise fatal `NotAFunction <prim>`.
func AsFloat(v Value) float64 {
	f, ok := v.(float64)
	if !ok {
		WrongShape()
	}
	return f
}

// AsBool returns the Go bool of exactly `Lune.Prelude.True`/`False` (no arguments); otherwise fatal
// `NotAFunction <prim>`.
func AsBool(v Value) bool {
	if c, ok := v.(*Con); ok && len(c.Args) == 0 {
		switch c.K {
		case KTrue:
			return true
		case KFalse:
			return false
		}
	}
	WrongShape()
	return false
}

// AsChar returns a Char; otherwise fatal `NotAFunction <prim>`.
func AsChar(v Value) Char {
	c, ok := v.(Char)
	if !ok {
		WrongShape()
	}
	return c
}

// AsBytes returns a Bytes value; otherwise fatal `NotAFunction <prim>`.
func AsBytes(v Value) Bytes {
	b, ok := v.(Bytes)
	if !ok {
		WrongShape()
	}
	return b
}

// AsRecord returns a record; otherwise fatal `NotARecord <v>`.
func AsRecord(v Value) Record {
	r, ok := v.(Record)
	if !ok {
		Crash("NotARecord " + Show(v))
	}
	return r
}

// AsList returns the elements of a proper `Lune.Prelude.Cons`/`Nil` chain; anything else (including a
// chain ending in a non-Nil) is fatal `NotARecord <v>` with the whole value, the evaluator's (odd) error
// for the list-taking template and char primitives.
func AsList(v Value) []Value {
	xs, ok := ListElems(v)
	if !ok {
		Crash("NotARecord " + Show(v))
	}
	return xs
}

// ListElems returns the elements of a proper `Lune.Prelude.Cons`/`Nil` chain, or false.
func ListElems(v Value) ([]Value, bool) {
	var xs []Value
	for cur := v; ; {
		if cell := AsCell(cur); cell != nil {
			xs = append(xs, cell.Head)
			cur = cell.Tail
			continue
		}
		if c, ok := cur.(*Con); ok && c.K == KNil && len(c.Args) == 0 {
			return xs, true
		}
		return nil, false
	}
}

// WrapInt64 is an Int narrowed to its low 64 bits, two's complement (Haskell's `fromInteger :: Int`,
// which the evaluator applies to counts and indices); a non-Int is fatal `NotAFunction <prim>`.
func WrapInt64(v Value) int64 {
	n, b := AsInt(v)
	if b == nil {
		return n
	}
	return int64(lowBits(b, 64))
}

// lowBits is the low `width` (≤ 64) bits of an unbounded integer in two's complement.
func lowBits(b *big.Int, width uint) uint64 {
	mask := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), width), big.NewInt(1))
	return new(big.Int).And(b, mask).Uint64() // And treats a negative big.Int as two's complement
}

// MkList builds a Lune list from xs (the slice is not kept).
func MkList(xs []Value) Value {
	var l Value = Nil
	// Back to front, one slab of cells per listSlab elements (alloc.go).
	for end := len(xs); end > 0; {
		start := max(0, end-listSlab)
		cells := make([]Cell, end-start)
		for i := end - 1; i >= start; i-- {
			l = initCons(&cells[i-start], xs[i], l)
		}
		end = start
	}
	return l
}

// MkInt boxes an int64 as a Lune Int.
func MkInt(n int64) Value { return n }
