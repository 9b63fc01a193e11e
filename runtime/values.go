// values.go: the Lune value representation shared by generated code and every primitive.
// Contents: Value, Char, Bytes, Con (+ MkCon, the Unit/True/False/Nil/Nothing singletons, Bool),
// Record (MkRecord, Select), Func (MkFunc), Int helpers (IntLit), and the Lune value printer (Show).
//
// Representation (PRIMITIVES.md §1.4):
//
//	Int       int64 on the fast path, *big.Int only when the value does not fit in int64 (always normalised)
//	Float     float64            String  string (UTF-8)        Char  Char (a code point)
//	Bytes     Bytes (immutable)  Con     *Con                  Record *Record
//	function  *Func (closures, primitives, partial applications)
//	IO action *IO, STM action *STM, Template *Template, Json Json, TVar/Fiber/handles: see their files.
//
// No Lune value is ever mutated in place once built.
package rt

import (
	"math/big"
	"sort"
)

// Value is any Lune runtime value.
type Value = any

// Char is a Unicode code point (Lune's Char).
type Char rune

// Bytes is Lune's immutable byte string.
type Bytes []byte

// Con is a constructor value: its fully qualified name and its arguments so far (constructors are curried).
type Con struct {
	Name string
	Args []Value
}

// MkCon builds a constructor value.
func MkCon(name string, args ...Value) *Con { return &Con{Name: name, Args: args} }

// Singletons for the constructors the runtime produces itself.
var (
	Unit    = &Con{Name: "Lune.Prelude.Unit"}
	True    = &Con{Name: "Lune.Prelude.True"}
	False   = &Con{Name: "Lune.Prelude.False"}
	Nil     = &Con{Name: "Lune.Prelude.Nil"}
	Nothing = &Con{Name: "Lune.Prelude.Nothing"}
)

// Bool converts a Go bool to Lune's True/False.
func Bool(b bool) Value {
	if b {
		return True
	}
	return False
}

// Cons, Just, Ok, Err build the built-in data shapes of PRIMITIVES.md §1.6 (each in one allocation, alloc.go).
func Cons(x, xs Value) *Con { return MkCon2("Lune.Prelude.Cons", x, xs) }
func Just(x Value) *Con     { return MkCon1("Lune.Prelude.Just", x) }
func Ok(x Value) *Con       { return MkCon1("Lune.Prelude.Ok", x) }
func Err(x Value) *Con      { return MkCon1("Lune.Prelude.Err", x) }

// Record is an immutable record: labels sorted, values aligned with them.
type Record struct {
	Labels []string
	Values []Value
}

// MkRecord builds a record from parallel labels and values. A repeated label keeps the last value.
func MkRecord(labels []string, values ...Value) *Record {
	idx := make([]int, len(labels))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return labels[idx[a]] < labels[idx[b]] })
	r := &Record{Labels: make([]string, 0, len(labels)), Values: make([]Value, 0, len(labels))}
	for _, i := range idx {
		if n := len(r.Labels); n > 0 && r.Labels[n-1] == labels[i] {
			r.Values[n-1] = values[i] // same label: the later one wins (stable sort keeps source order)
			continue
		}
		r.Labels = append(r.Labels, labels[i])
		r.Values = append(r.Values, values[i])
	}
	return r
}

// Get returns a field's value, or false when the record lacks it.
func (r *Record) Get(label string) (Value, bool) {
	if len(r.Labels) <= 8 {
		// Small records: a scan is faster than a binary search (equality needs no ordering compare, and labels
		// from the same program literal share their bytes, which string equality checks first).
		for i, l := range r.Labels {
			if l == label {
				return r.Values[i], true
			}
		}
		return nil, false
	}
	i := sort.SearchStrings(r.Labels, label)
	if i < len(r.Labels) && r.Labels[i] == label {
		return r.Values[i], true
	}
	return nil, false
}

// Select is CSelect: a field of a record; NotARecord / MissingField are fatal.
func Select(v Value, label string) Value {
	r, ok := v.(*Record)
	if !ok {
		Crash("NotARecord " + Show(v))
	}
	x, ok := r.Get(label)
	if !ok {
		Crash("MissingField " + ShowString(label))
	}
	return x
}

// IntLit parses a decimal Int literal of any size (generated code uses it only past int64).
func IntLit(decimal string) Value {
	b, ok := new(big.Int).SetString(decimal, 10)
	if !ok {
		panic("rt.IntLit: bad literal " + decimal)
	}
	return NormInt(b)
}

// NormInt returns b as int64 when it fits, else b itself.
func NormInt(b *big.Int) Value {
	if b.IsInt64() {
		return b.Int64()
	}
	return b
}
