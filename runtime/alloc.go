// alloc.go: allocation-lean constructors for generated code (and BoxInt, small Ints boxed without allocating). MkCon1..MkCon4 put a constructor and its
// arguments in one allocation (MkCon takes two: the Con and the variadic slice); MkRecordSorted builds a record
// whose labels the compiler already sorted and deduplicated, sharing that label slice between all of them.
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
// cells does, so a program that keeps one cell keeps at most listSlab of them (about 9 KiB).
const listSlab = 128

// initCons makes c the cell `Cons x xs` and returns it (c comes from a slab).
func initCons(c *con2, x, xs Value) *Con {
	c.a = [2]Value{x, xs}
	c.K, c.Args = KCons, c.a[:]
	return &c.Con
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

// MkRecordSorted builds a record from labels already sorted and without repeats (shared, never modified) and
// the values in that order.
func MkRecordSorted(labels []string, values ...Value) *Record {
	return &Record{Labels: labels, Values: values}
}

type record1 struct {
	Record
	a [1]Value
}
type record2 struct {
	Record
	a [2]Value
}
type record3 struct {
	Record
	a [3]Value
}
type record4 struct {
	Record
	a [4]Value
}

// MkRecordSorted1 is MkRecordSorted(labels, a) in one allocation.
func MkRecordSorted1(labels []string, a Value) *Record {
	r := &record1{a: [1]Value{a}}
	r.Labels, r.Values = labels, r.a[:]
	return &r.Record
}

// MkRecordSorted2 is MkRecordSorted(labels, a, b) in one allocation.
func MkRecordSorted2(labels []string, a, b Value) *Record {
	r := &record2{a: [2]Value{a, b}}
	r.Labels, r.Values = labels, r.a[:]
	return &r.Record
}

// MkRecordSorted3 is MkRecordSorted(labels, a, b, c) in one allocation.
func MkRecordSorted3(labels []string, a, b, c Value) *Record {
	r := &record3{a: [3]Value{a, b, c}}
	r.Labels, r.Values = labels, r.a[:]
	return &r.Record
}

// MkRecordSorted4 is MkRecordSorted(labels, a, b, c, d) in one allocation.
func MkRecordSorted4(labels []string, a, b, c, d Value) *Record {
	r := &record4{a: [4]Value{a, b, c, d}}
	r.Labels, r.Values = labels, r.a[:]
	return &r.Record
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
