package rt

import (
	"math"
	"reflect"
	"sync"
	"testing"
)

// TestIntRecords: a record of the program's shape whose values are all int64 is an IntRecord (pointer-free, 8 bytes
// a field plus the shape number), however it is built; any other value, a big Int, or a shape the runtime made
// gives the boxed kind. Both kinds read, search and print alike.
func TestIntRecords(t *testing.T) {
	labels := []string{"a", "b", "c", "d"}
	ints := []Value{int64(-1 << 40), int64(7), int64(math.MaxInt64), int64(-5000)} // outside BoxInt's table too
	mk := []func(*Shape, []int64) Record{
		func(s *Shape, v []int64) Record { return MkIntRecord1(s, v[0]) },
		func(s *Shape, v []int64) Record { return MkIntRecord2(s, v[0], v[1]) },
		func(s *Shape, v []int64) Record { return MkIntRecord3(s, v[0], v[1], v[2]) },
		func(s *Shape, v []int64) Record { return MkIntRecord4(s, v[0], v[1], v[2], v[3]) },
	}
	fieldIn := []func(Value, *Shape, int) Value{FieldIn1, FieldIn2, FieldIn3, FieldIn4}
	for n := 1; n <= 4; n++ {
		shape := NewShape(labels[:n]...)
		vals := ints[:n]
		unboxed := make([]int64, n)
		for i, v := range vals {
			unboxed[i] = v.(int64)
		}
		built := MkRecordSorted(shape, vals...)
		direct := mk[n-1](shape, unboxed)
		boxed := MkRecord(labels[:n], vals...) // the runtime's own shape: not numbered
		mixed := MkRecordSorted(shape, append(append([]Value{}, vals[:n-1]...), "s")...)
		for _, r := range []Record{built, direct} {
			if size, want := kindSize(r), uintptr(8+8*n); size != want {
				t.Fatalf("%d fields: %T of %d bytes, want an IntRecord of %d", n, r, size, want)
			}
			if Show(r) != Show(boxed) || r.Shape() != shape {
				t.Fatalf("%d fields: %s, want %s", n, Show(r), Show(boxed))
			}
			for i, l := range labels[:n] {
				if got := fieldIn[n-1](r, shape, i); got != vals[i] {
					t.Fatalf("%d fields: FieldIn(%q) = %v", n, l, got)
				}
				if got := Select(r, l); got != vals[i] {
					t.Fatalf("%d fields: Select(%q) = %v", n, l, got)
				}
			}
			if fieldIn[n-1](r, NewShape(labels[:n]...), 0) != nil {
				t.Fatalf("%d fields: read as another shape of the same labels", n)
			}
		}
		for _, r := range []Record{boxed, mixed} {
			if size := kindSize(r); size != uintptr(8+16*n) {
				t.Fatalf("%d fields: %s is a %T, want a boxed record", n, Show(r), r)
			}
		}
	}
	huge := IntLit("123456789012345678901234567890")
	if r := MkRecordSorted2(NewShape("a", "b"), int64(1), huge); Show(r) != "{ a = 1 , b = 123456789012345678901234567890 }" || kindSize(r) != 40 {
		t.Fatalf("a big Int in a record: %s (%T)", Show(r), r)
	}
	shape := NewShape("x", "y")
	if n := testing.AllocsPerRun(100, func() { recordSink = MkRecordSorted2(shape, int64(1), int64(2)) }); n != 1 {
		t.Fatalf("MkRecordSorted2 of Ints allocates %v times, want 1", n)
	}
}

// kindSize is the size of the record's Go type (which kind it is).
func kindSize(r Record) uintptr { return reflect.TypeOf(r).Elem().Size() }

// TestShapesNumberedConcurrently: shapes made while other goroutines read IntRecords' shapes (the race detector
// checks the table's publication) each get a number of their own.
func TestShapesNumberedConcurrently(t *testing.T) {
	first := NewShape("p")
	r := MkIntRecord1(first, 1)
	var wg sync.WaitGroup
	made := make([]*Shape, 64)
	for g := range 4 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := g; i < len(made); i += 4 {
				made[i] = NewShape("q")
			}
		}()
		go func() {
			defer wg.Done()
			for range 1000 {
				if r.Shape() != first {
					t.Error("an IntRecord lost its shape")
					return
				}
			}
		}()
	}
	wg.Wait()
	seen := map[uint32]bool{first.id: true}
	for _, s := range made {
		if s.id == 0 || seen[s.id] || shapeNumbered(s.id) != s {
			t.Fatalf("shape number %d reused or unknown", s.id)
		}
		seen[s.id] = true
	}
}

// TestIntFieldIn: an IntRecord of the shape gives its field unboxed; a boxed record (a big Int in it), another
// shape or a non-record gives false, and IntSelect then finds an int64 field, or says it is not one.
func TestIntFieldIn(t *testing.T) {
	readers := []func(Value, *Shape, int) (int64, bool){IntFieldIn1, IntFieldIn2, IntFieldIn3, IntFieldIn4}
	huge := IntLit("100000000000000000000")
	for n := 1; n <= 4; n++ {
		labels := []string{"a", "b", "c", "d"}[:n]
		shape := NewShape(labels...)
		ints, withBig := make([]Value, n), make([]Value, n)
		for i := range ints {
			ints[i] = int64(-3000 * (i + 1))
			withBig[i] = ints[i]
		}
		withBig[0] = huge
		unboxed, boxed := MkRecordSorted(shape, ints...), MkRecordSorted(shape, withBig...)
		for i := range labels {
			if got, ok := readers[n-1](unboxed, shape, i); !ok || got != ints[i] {
				t.Fatalf("%d fields: IntFieldIn(%d) = %d, %v", n, i, got, ok)
			}
			if _, ok := readers[n-1](boxed, shape, i); ok {
				t.Fatalf("%d fields: IntFieldIn of a boxed record", n)
			}
			if _, ok := readers[n-1](unboxed, NewShape(labels...), i); ok {
				t.Fatalf("%d fields: IntFieldIn of another shape", n)
			}
		}
		other := MkRecord(labels, ints...) // searched
		if got, ok := IntSelect(other, shape, 0, labels[n-1]); !ok || got != ints[n-1] {
			t.Fatalf("%d fields: IntSelect of another shape = %d, %v", n, got, ok)
		}
		if _, ok := readers[n-1]("s", shape, 0); ok {
			t.Fatalf("IntFieldIn of a String")
		}
		if got, ok := IntSelect(boxed, shape, n-1, labels[n-1]); n > 1 && (!ok || got != ints[n-1]) {
			t.Fatalf("%d fields: IntSelect = %d, %v", n, got, ok)
		}
		if _, ok := IntSelect(boxed, shape, 0, labels[0]); ok {
			t.Fatalf("%d fields: IntSelect of a big Int", n)
		}
	}
}
