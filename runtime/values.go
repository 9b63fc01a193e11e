// values.go: the Lune value representation shared by generated code and every primitive.
// Contents: Value, Char, Bytes, Con (+ MkCon, the Unit/True/False/Nil/Nothing singletons, Bool),
// Record (MkRecord, Select), Func (MkFunc), Int helpers (IntLit), and the Lune value printer (Show).
//
// Representation (PRIMITIVES.md §1.4):
//
//	Int       int64 on the fast path, *big.Int only when the value does not fit in int64 (always normalised)
//	Float     float64            String  string (UTF-8)        Char  Char (a code point)
//	Bytes     Bytes (immutable)  Con     *Con (K: *Ctor, Args)  Record Record (*Record1…4, *RecordN)
//	list cell *Cell (Head, Tail): Lune.Prelude.Cons of two arguments; Nil and a partial Cons are *Con;
//	          *Chars: the rest of a string's code points as a list, unfolded into cells when matched (text.go)
//	function  *Func (closures, primitives, partial applications)
//	IO action *IO, STM action *STM, Template *Template, Json Json, TVar/Fiber/handles: see their files.
//
// No Lune value is ever mutated in place once built.
package rt

import (
	"math/big"
	"sort"
	"sync"
)

// Value is any Lune runtime value.
type Value = any

// Char is a Unicode code point (Lune's Char).
type Char rune

// Bytes is Lune's immutable byte string.
type Bytes []byte

// Con is a constructor value: its constructor and its arguments so far (constructors are curried).
type Con struct {
	K    *Ctor
	Args []Value
}

// Ctor is a constructor's identity: exactly one per fully qualified name (CtorOf interns them), so two
// constructor values have the same constructor exactly when their K pointers are equal. A pointer instead of
// the name also keeps a Cons cell and its two arguments in 64 bytes.
type Ctor struct{ Name string }

// Name is the constructor's fully qualified name.
func (c *Con) Name() string { return c.K.Name }

// Cell is a list cell, `Lune.Prelude.Cons Head Tail`: the one constructor with a Go type of its own, because
// lists are the most common data. It takes 32 bytes where a two-argument *Con takes 64 (constructor pointer
// and slice header). `Cons` applied to fewer than two arguments stays a *Con (constructors are curried);
// Apply makes the Cell when the second argument arrives, so a saturated Cons is always a Cell.
type Cell struct{ Head, Tail Value }

// AsCell is v as a list cell, unfolding a Chars (text.go); nil for any other value. Generated code matches a
// Cons arm through it.
func AsCell(v Value) *Cell {
	switch x := v.(type) {
	case *Cell:
		return x
	case *Chars:
		return x.unfold()
	}
	return nil
}

// ConOrCell is v as a constructor or as a list cell (AsCell), at most one of them non-nil: generated code
// switches on both when a match has a Cons arm and another constructor's arm. AsCell's cases are written out
// again: calling it would put ConOrCell over Go's inlining budget, and it runs at every list match.
func ConOrCell(v Value) (*Con, *Cell) {
	switch x := v.(type) {
	case *Con:
		return x, nil
	case *Cell:
		return nil, x
	case *Chars:
		return nil, x.unfold()
	}
	return nil, nil
}

var ctors sync.Map // name → *Ctor

// CtorOf is the constructor named `name` (generated code calls it once per constructor, at start-up).
func CtorOf(name string) *Ctor {
	if k, ok := ctors.Load(name); ok {
		return k.(*Ctor)
	}
	k, _ := ctors.LoadOrStore(name, &Ctor{Name: name})
	return k.(*Ctor)
}

// MkCon builds a constructor value by name (never a saturated Lune.Prelude.Cons: that is a Cell).
func MkCon(name string, args ...Value) *Con { return &Con{K: CtorOf(name), Args: args} }

// The constructors the runtime itself builds or takes apart.
var (
	KUnit    = CtorOf("Lune.Prelude.Unit")
	KTrue    = CtorOf("Lune.Prelude.True")
	KFalse   = CtorOf("Lune.Prelude.False")
	KNil     = CtorOf("Lune.Prelude.Nil")
	KCons    = CtorOf("Lune.Prelude.Cons")
	KNothing = CtorOf("Lune.Prelude.Nothing")
	KJust    = CtorOf("Lune.Prelude.Just")
	KOk      = CtorOf("Lune.Prelude.Ok")
	KErr     = CtorOf("Lune.Prelude.Err")
	KTask    = CtorOf("Lune.Prelude.Task")
)

// Singletons for the constructors the runtime produces itself.
var (
	Unit    = &Con{K: KUnit}
	True    = &Con{K: KTrue}
	False   = &Con{K: KFalse}
	Nil     = &Con{K: KNil}
	Nothing = &Con{K: KNothing}
)

// Bool converts a Go bool to Lune's True/False.
func Bool(b bool) Value {
	if b {
		return True
	}
	return False
}

// Cons, Just, Ok, Err build the built-in data shapes of PRIMITIVES.md §1.6 (each in one allocation, alloc.go).
func Cons(x, xs Value) *Cell { return &Cell{Head: x, Tail: xs} }
func Just(x Value) *Con      { return MkCon1(KJust, x) }
func Ok(x Value) *Con        { return MkCon1(KOk, x) }
func Err(x Value) *Con       { return MkCon1(KErr, x) }

// Record is an immutable record: its shape (labels sorted, without repeats) and its values in that order.
// The implementations (alloc.go) hold the values inline for one to four fields (one allocation of 8 + 16n
// bytes), in a slice beyond that. Records built by one literal of a program share its Shape.
type Record interface {
	Shape() *Shape
	// Values are aligned with Shape().Labels; never modified (an IntRecord makes them afresh).
	Values() []Value
	// Field is Values()[i] without making the slice.
	Field(i int) Value
}

// Shape is the sorted label list of records (never modified). Generated code declares one per record literal
// shape (NewShape), which FieldIn1..4/N compare by identity; the runtime makes its own for the records it builds.
type Shape struct {
	Labels []string
	id     uint32 // its number among the program's shapes (intrecord.go); 0 for the runtime's own
}

// NewShape is the shape of a program's record literals with these labels, which must be sorted and without
// repeats (generated code declares each once, at start-up): numbered, so records of Ints of it can be IntRecords.
func NewShape(labels ...string) *Shape {
	s := &Shape{Labels: labels}
	numberShape(s)
	return s
}

// MkRecord builds a record from parallel labels and values. A repeated label keeps the last value.
func MkRecord(labels []string, values ...Value) Record {
	idx := make([]int, len(labels))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return labels[idx[a]] < labels[idx[b]] })
	sorted := make([]string, 0, len(labels))
	vals := make([]Value, 0, len(labels))
	for _, i := range idx {
		if n := len(sorted); n > 0 && sorted[n-1] == labels[i] {
			vals[n-1] = values[i] // same label: the later one wins (stable sort keeps source order)
			continue
		}
		sorted = append(sorted, labels[i])
		vals = append(vals, values[i])
	}
	return MkRecordSorted(&Shape{Labels: sorted}, vals...) // not numbered: built at run time, never kept
}

// GetField returns a record's field, or false when the record lacks it.
func GetField(r Record, label string) (Value, bool) {
	labels := r.Shape().Labels
	if len(labels) <= 8 {
		// Small records: a scan is faster than a binary search (equality needs no ordering compare, and labels
		// from the same program literal share their bytes, which string equality checks first).
		for i, l := range labels {
			if l == label {
				return r.Field(i), true
			}
		}
		return nil, false
	}
	i := sort.SearchStrings(labels, label)
	if i < len(labels) && labels[i] == label {
		return r.Field(i), true
	}
	return nil, false
}

// Select is CSelect: a field of a record; NotARecord / MissingField are fatal.
func Select(v Value, label string) Value {
	r, ok := v.(Record)
	if !ok {
		Crash("NotARecord " + Show(v))
	}
	x, ok := GetField(r, label)
	if !ok {
		Crash("MissingField " + ShowString(label))
	}
	return x
}

// FieldIn1…FieldIn4 and FieldInN read a field by index from a record of exactly the given shape (built by one of
// the program's literals of that shape, so of the type its label count gives, or its IntRecord); nil for any other
// value, which the generated code then searches with Select (passes/to-goast/shapes.ts). No Lune value is nil, so
// nil means only "not this shape". One function per record type keeps each small enough for Go to inline.
func FieldIn1(v Value, shape *Shape, i int) Value {
	switch r := v.(type) {
	case *Record1:
		if r.S == shape {
			return r.V[0]
		}
	case *IntRecord1:
		if r.ID == shape.id {
			return BoxInt(r.V[0])
		}
	}
	return nil
}

// FieldIn2 is FieldIn1 for a shape of two labels.
func FieldIn2(v Value, shape *Shape, i int) Value {
	switch r := v.(type) {
	case *Record2:
		if r.S == shape {
			return r.V[i&1]
		}
	case *IntRecord2:
		if r.ID == shape.id {
			return BoxInt(r.V[i&1])
		}
	}
	return nil
}

// FieldIn3 is FieldIn1 for a shape of three labels.
func FieldIn3(v Value, shape *Shape, i int) Value {
	switch r := v.(type) {
	case *Record3:
		if r.S == shape {
			return r.V[i]
		}
	case *IntRecord3:
		if r.ID == shape.id {
			return BoxInt(r.V[i])
		}
	}
	return nil
}

// FieldIn4 is FieldIn1 for a shape of four labels.
func FieldIn4(v Value, shape *Shape, i int) Value {
	switch r := v.(type) {
	case *Record4:
		if r.S == shape {
			return r.V[i&3]
		}
	case *IntRecord4:
		if r.ID == shape.id {
			return BoxInt(r.V[i&3])
		}
	}
	return nil
}

// FieldInN is FieldIn1 for a shape of more than four labels.
func FieldInN(v Value, shape *Shape, i int) Value {
	if r, ok := v.(*RecordN); ok && r.S == shape {
		return r.V[i]
	}
	return nil
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
