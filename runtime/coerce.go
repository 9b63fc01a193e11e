// coerce.go: argument checks shared by every primitive. Contents: AsString, AsInt, BigOf, AsFloat, AsBool,
// AsChar, AsBytes, AsList, AsRecord, MkList, MkInt, IsInt. Each As… crashes with the evaluator's error
// when the value has the wrong shape (the type checker normally rules this out).
package rt

import "math/big"

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

// AsInt returns an Int as (n, nil) when it fits in int64, else (0, b); otherwise fatal `NotAFunction <v>`.
func AsInt(v Value) (int64, *big.Int) {
	switch x := v.(type) {
	case int64:
		return x, nil
	case *big.Int:
		return 0, x
	}
	Crash("NotAFunction " + Show(v))
	return 0, nil
}

// BigOf returns an Int as a *big.Int (a fresh one for int64 values: callers may modify it);
// otherwise fatal `NotAFunction <v>`.
func BigOf(v Value) *big.Int {
	switch x := v.(type) {
	case int64:
		return big.NewInt(x)
	case *big.Int:
		return x
	}
	Crash("NotAFunction " + Show(v))
	return nil
}

// AsFloat returns a Float; otherwise fatal `NotAFunction <v>`.
func AsFloat(v Value) float64 {
	f, ok := v.(float64)
	if !ok {
		Crash("NotAFunction " + Show(v))
	}
	return f
}

// AsBool returns the Go bool of exactly `Lune.Prelude.True`/`False` (no arguments); otherwise fatal
// `NotAFunction <v>`.
func AsBool(v Value) bool {
	if c, ok := v.(*Con); ok && len(c.Args) == 0 {
		switch c.Name {
		case "Lune.Prelude.True":
			return true
		case "Lune.Prelude.False":
			return false
		}
	}
	Crash("NotAFunction " + Show(v))
	return false
}

// AsChar returns a Char; otherwise fatal `NotAFunction <v>`.
func AsChar(v Value) Char {
	c, ok := v.(Char)
	if !ok {
		Crash("NotAFunction " + Show(v))
	}
	return c
}

// AsBytes returns a Bytes value; otherwise fatal `NotAFunction <v>`.
func AsBytes(v Value) Bytes {
	b, ok := v.(Bytes)
	if !ok {
		Crash("NotAFunction " + Show(v))
	}
	return b
}

// AsRecord returns a record; otherwise fatal `NotARecord <v>`.
func AsRecord(v Value) *Record {
	r, ok := v.(*Record)
	if !ok {
		Crash("NotARecord " + Show(v))
	}
	return r
}

// AsList returns the elements of a proper `Lune.Prelude.Cons`/`Nil` chain; anything else (including a
// chain ending in a non-Nil) is fatal `NotARecord <v>` with the whole value, the evaluator's (odd) error
// for list-taking primitives.
func AsList(v Value) []Value {
	var xs []Value
	for cur := v; ; {
		c, ok := cur.(*Con)
		if ok && c.Name == "Lune.Prelude.Nil" && len(c.Args) == 0 {
			return xs
		}
		if !ok || c.Name != "Lune.Prelude.Cons" || len(c.Args) != 2 {
			Crash("NotARecord " + Show(v))
		}
		xs = append(xs, c.Args[0])
		cur = c.Args[1]
	}
}

// MkList builds a Lune list from xs (the slice is not kept).
func MkList(xs []Value) Value {
	var l Value = Nil
	for i := len(xs) - 1; i >= 0; i-- {
		l = Cons(xs[i], l)
	}
	return l
}

// MkInt boxes an int64 as a Lune Int.
func MkInt(n int64) Value { return n }
