// alloc.go: allocation-lean constructors for generated code (and BoxInt, small Ints boxed without allocating). MkCon1..MkCon4 put a constructor and its
// arguments in one allocation (MkCon takes two: the Con and the variadic slice); MkRecordSorted builds a record
// whose labels the compiler already sorted and deduplicated, sharing that shape between all of them.
package rt

import "unsafe"

type con1 struct {
	Con
	a [1]Value
}
type con2 struct {
	Con
	a [2]Value
}
type con3 struct {
	Con
	a [3]Value
}
type con4 struct {
	Con
	a [4]Value
}

// MkCon1 is MkCon(k.Name, x) in one allocation.
func MkCon1(k *Ctor, x Value) *Con {
	c := &con1{a: [1]Value{x}}
	c.K, c.Args = k, c.a[:]
	return &c.Con
}

// MkCon2 is MkCon(k.Name, x, y) in one allocation.
func MkCon2(k *Ctor, x, y Value) *Con {
	c := &con2{a: [2]Value{x, y}}
	c.K, c.Args = k, c.a[:]
	return &c.Con
}

// listSlab is how many Cons cells the runtime's own list builders (MkList, prim_stringToChars) allocate at once:
// a list of n elements costs about n/listSlab allocations instead of n. A slab stays alive while any of its
// cells does, so a program that keeps one cell keeps at most listSlab of them (4 KiB).
const listSlab = 128

// initCons makes c the cell `Cons x xs` and returns it (c comes from a slab).
func initCons(c *Cell, x, xs Value) *Cell {
	c.Head, c.Tail = x, xs
	return c
}

// Cells hands out list cells from blocks allocated together: generated code's loops building a list front to
// back (constructor-tail loops) pay one allocation per block instead of one per cell. Blocks grow from 2 to
// listSlab cells, so a list wastes at most as many cells as it has (short ones are common: the words of a text);
// a block stays alive while any of its cells does. Starting at 2 rather than 4 measured 6–13% faster on the
// strings, list and records benchmarks (bench/RESULTS.md).
type Cells struct {
	free []Cell
	size int
}

// New is a fresh cell `Cons head nil`, whose tail the caller sets before anyone reads the cell.
func (s *Cells) New(head Value) *Cell {
	if len(s.free) == 0 {
		s.grow()
	}
	c := &s.free[0]
	s.free = s.free[1:]
	c.Head = head
	return c
}

func (s *Cells) grow() {
	s.size = min(max(2*s.size, 2), listSlab)
	s.free = make([]Cell, s.size)
}

// MkCon3 is MkCon(k.Name, x, y, z) in one allocation.
func MkCon3(k *Ctor, x, y, z Value) *Con {
	c := &con3{a: [3]Value{x, y, z}}
	c.K, c.Args = k, c.a[:]
	return &c.Con
}

// MkCon4 is MkCon(k.Name, w, x, y, z) in one allocation.
func MkCon4(k *Ctor, w, x, y, z Value) *Con {
	c := &con4{a: [4]Value{w, x, y, z}}
	c.K, c.Args = k, c.a[:]
	return &c.Con
}

// The records (Record): values inline for one to four fields, so a record is one allocation of 8 + 16n bytes
// (a 4-field record is 72 bytes, size class 80; a header with label and value slices made it 112). Records of
// Ints only are IntRecord1…4 (intrecord.go).
type (
	// Record1 is a record of one field.
	Record1 struct {
		S *Shape
		V [1]Value
	}
	// Record2 is a record of two fields.
	Record2 struct {
		S *Shape
		V [2]Value
	}
	// Record3 is a record of three fields.
	Record3 struct {
		S *Shape
		V [3]Value
	}
	// Record4 is a record of four fields.
	Record4 struct {
		S *Shape
		V [4]Value
	}
	// RecordN is a record of any other number of fields.
	RecordN struct {
		S *Shape
		V []Value
	}
)

func (r *Record1) Shape() *Shape     { return r.S }
func (r *Record1) Values() []Value   { return r.V[:] }
func (r *Record1) Field(i int) Value { return r.V[i] }
func (r *Record2) Shape() *Shape     { return r.S }
func (r *Record2) Values() []Value   { return r.V[:] }
func (r *Record2) Field(i int) Value { return r.V[i] }
func (r *Record3) Shape() *Shape     { return r.S }
func (r *Record3) Values() []Value   { return r.V[:] }
func (r *Record3) Field(i int) Value { return r.V[i] }
func (r *Record4) Shape() *Shape     { return r.S }
func (r *Record4) Values() []Value   { return r.V[:] }
func (r *Record4) Field(i int) Value { return r.V[i] }
func (r *RecordN) Shape() *Shape     { return r.S }
func (r *RecordN) Values() []Value   { return r.V }
func (r *RecordN) Field(i int) Value { return r.V[i] }

// MkRecordSorted builds a record of a shape from its values in label order (the slice is kept). One to four
// values make the inline kinds, so a record's Go type depends only on its number of fields.
func MkRecordSorted(shape *Shape, values ...Value) Record {
	switch len(values) {
	case 1:
		return MkRecordSorted1(shape, values[0])
	case 2:
		return MkRecordSorted2(shape, values[0], values[1])
	case 3:
		return MkRecordSorted3(shape, values[0], values[1], values[2])
	case 4:
		return MkRecordSorted4(shape, values[0], values[1], values[2], values[3])
	}
	return &RecordN{S: shape, V: values}
}

// MkRecordSorted1 is a record of a one-label shape: an IntRecord1 when its value is an int64 and the shape is
// one of the program's (intrecord.go).
func MkRecordSorted1(shape *Shape, a Value) Record {
	if shape.id != 0 {
		if x, ok := a.(int64); ok {
			return &IntRecord1{shape.id, [1]int64{x}}
		}
	}
	return &Record1{shape, [1]Value{a}}
}

// MkRecordSorted2 is MkRecordSorted1 for a two-label shape.
func MkRecordSorted2(shape *Shape, a, b Value) Record {
	if shape.id != 0 {
		x, ok1 := a.(int64)
		y, ok2 := b.(int64)
		if ok1 && ok2 {
			return &IntRecord2{shape.id, [2]int64{x, y}}
		}
	}
	return &Record2{shape, [2]Value{a, b}}
}

// MkRecordSorted3 is MkRecordSorted1 for a three-label shape.
func MkRecordSorted3(shape *Shape, a, b, c Value) Record {
	if shape.id != 0 {
		x, ok1 := a.(int64)
		y, ok2 := b.(int64)
		z, ok3 := c.(int64)
		if ok1 && ok2 && ok3 {
			return &IntRecord3{shape.id, [3]int64{x, y, z}}
		}
	}
	return &Record3{shape, [3]Value{a, b, c}}
}

// MkRecordSorted4 is MkRecordSorted1 for a four-label shape.
func MkRecordSorted4(shape *Shape, a, b, c, d Value) Record {
	if shape.id != 0 {
		x, ok1 := a.(int64)
		y, ok2 := b.(int64)
		z, ok3 := c.(int64)
		w, ok4 := d.(int64)
		if ok1 && ok2 && ok3 && ok4 {
			return &IntRecord4{shape.id, [4]int64{x, y, z, w}}
		}
	}
	return &Record4{shape, [4]Value{a, b, c, d}}
}

// Small Ints boxed without allocating. Go boxes an int64 in an interface by allocating 8 bytes for any value
// outside 0…255; BoxInt instead points the interface at a slot of a static table for values in
// [boxedIntLo, boxedIntLo+boxedIntCount): counters, indices, lengths, coordinates, characters' code points.
// The table costs 264 KiB; the interface it gives is an ordinary int64 Value (equality, type switches and the
// collector treat it exactly like one Go made itself, as they do the runtime's own table for 0…255).
const (
	boxedIntLo    = -1024
	boxedIntCount = 32 * 1024
)

var (
	boxedInts [boxedIntCount]int64
	int64Type unsafe.Pointer // the type word of an int64 in an interface
)

// eface is the layout of an empty interface (Go's runtime.eface): type word, data pointer.
type eface struct {
	typ  unsafe.Pointer
	data unsafe.Pointer
}

func init() {
	for i := range boxedInts {
		boxedInts[i] = int64(i + boxedIntLo)
	}
	var v Value = int64(boxedIntCount) // any int64
	int64Type = (*eface)(unsafe.Pointer(&v)).typ
}

// BoxInt is Value(i), without allocating for small values.
func BoxInt(i int64) (v Value) {
	if u := uint64(i - boxedIntLo); u < boxedIntCount {
		e := (*eface)(unsafe.Pointer(&v))
		e.typ, e.data = int64Type, unsafe.Pointer(&boxedInts[u])
		return v
	}
	return i
}
