// intrecord.go: records of Ints, stored unboxed. A record of one to four fields whose values are all int64
// (small or large Ints that fit, never a *big.Int) and whose shape is one of the program's own (NewShape) is an
// IntRecord1…4: the shape's number and the fields as int64, no pointer at all. Go allocates such an object
// without heap bits and the collector never scans it, so building one costs about half of a *Record4 (measured on
// the records benchmark: 48 bytes instead of 80, bench/RESULTS.md); points, counters and simulation states are
// records of this kind. Reading a field boxes it again (BoxInt: no allocation for small values).
package rt

import (
	"sync"
	"sync/atomic"
)

// The program's shapes by number (Shape.id - 1): an IntRecord holds a number, not a pointer, to stay pointer-free.
// NewShape appends under shapesMu; readers load the slice header atomically and read below its length, which
// appending never changes.
var (
	shapesMu sync.Mutex
	shapes   atomic.Pointer[[]*Shape]
)

// numberShape gives s the next shape number (generated code declares its shapes at start-up: a few hundred at most).
func numberShape(s *Shape) {
	shapesMu.Lock()
	defer shapesMu.Unlock()
	var table []*Shape
	if old := shapes.Load(); old != nil {
		table = *old
	}
	table = append(table, s)
	s.id = uint32(len(table))
	shapes.Store(&table)
}

// shapeNumbered is the shape whose id is n (never 0: IntRecords are made only of numbered shapes).
func shapeNumbered(n uint32) *Shape { return (*shapes.Load())[n-1] }

type (
	// IntRecord1 is a record of one Int field.
	IntRecord1 struct {
		ID uint32
		V  [1]int64
	}
	// IntRecord2 is a record of two Int fields.
	IntRecord2 struct {
		ID uint32
		V  [2]int64
	}
	// IntRecord3 is a record of three Int fields.
	IntRecord3 struct {
		ID uint32
		V  [3]int64
	}
	// IntRecord4 is a record of four Int fields.
	IntRecord4 struct {
		ID uint32
		V  [4]int64
	}
)

func (r *IntRecord1) Shape() *Shape     { return shapeNumbered(r.ID) }
func (r *IntRecord1) Values() []Value   { return boxInts(r.V[:]) }
func (r *IntRecord1) Field(i int) Value { return BoxInt(r.V[i]) }
func (r *IntRecord2) Shape() *Shape     { return shapeNumbered(r.ID) }
func (r *IntRecord2) Values() []Value   { return boxInts(r.V[:]) }
func (r *IntRecord2) Field(i int) Value { return BoxInt(r.V[i]) }
func (r *IntRecord3) Shape() *Shape     { return shapeNumbered(r.ID) }
func (r *IntRecord3) Values() []Value   { return boxInts(r.V[:]) }
func (r *IntRecord3) Field(i int) Value { return BoxInt(r.V[i]) }
func (r *IntRecord4) Shape() *Shape     { return shapeNumbered(r.ID) }
func (r *IntRecord4) Values() []Value   { return boxInts(r.V[:]) }
func (r *IntRecord4) Field(i int) Value { return BoxInt(r.V[i]) }

func boxInts(v []int64) []Value {
	out := make([]Value, len(v))
	for i, n := range v {
		out[i] = BoxInt(n)
	}
	return out
}

// MkIntRecord1…4 build a record of one of the program's shapes (NewShape) from unboxed Ints: workers
// (int-worker.ts) call them when every field is an int64 there.
func MkIntRecord1(shape *Shape, a int64) Record {
	return &IntRecord1{shape.id, [1]int64{a}}
}

// MkIntRecord2 is MkIntRecord1 for a two-label shape.
func MkIntRecord2(shape *Shape, a, b int64) Record {
	return &IntRecord2{shape.id, [2]int64{a, b}}
}

// MkIntRecord3 is MkIntRecord1 for a three-label shape.
func MkIntRecord3(shape *Shape, a, b, c int64) Record {
	return &IntRecord3{shape.id, [3]int64{a, b, c}}
}

// MkIntRecord4 is MkIntRecord1 for a four-label shape.
func MkIntRecord4(shape *Shape, a, b, c, d int64) Record {
	return &IntRecord4{shape.id, [4]int64{a, b, c, d}}
}

// IntFieldIn1…4 read an Int field by index from an IntRecord of exactly the given shape, unboxed; false for any
// other value, which a worker then reads with IntSelect. A worker reads so a field it uses only as an Int.
func IntFieldIn1(v Value, shape *Shape, i int) (int64, bool) {
	if r, ok := v.(*IntRecord1); ok && r.ID == shape.id {
		return r.V[0], true
	}
	return 0, false
}

// IntFieldIn2 is IntFieldIn1 for a shape of two labels.
func IntFieldIn2(v Value, shape *Shape, i int) (int64, bool) {
	if r, ok := v.(*IntRecord2); ok && r.ID == shape.id {
		return r.V[i&1], true
	}
	return 0, false
}

// IntFieldIn3 is IntFieldIn1 for a shape of three labels.
func IntFieldIn3(v Value, shape *Shape, i int) (int64, bool) {
	if r, ok := v.(*IntRecord3); ok && r.ID == shape.id {
		return r.V[i], true
	}
	return 0, false
}

// IntFieldIn4 is IntFieldIn1 for a shape of four labels.
func IntFieldIn4(v Value, shape *Shape, i int) (int64, bool) {
	if r, ok := v.(*IntRecord4); ok && r.ID == shape.id {
		return r.V[i&3], true
	}
	return 0, false
}

// IntSelect reads a field a worker uses as an Int where IntFieldIn did not: by index from a boxed record of the
// shape, else by Select (NotARecord and MissingField are fatal); false when it is not an int64 (the worker then
// gives up and the boxed code runs).
func IntSelect(v Value, shape *Shape, i int, label string) (int64, bool) {
	var x Value
	if r, ok := v.(Record); ok && r.Shape() == shape {
		x = r.Field(i)
	} else {
		x = Select(v, label)
	}
	n, ok := x.(int64)
	return n, ok
}
