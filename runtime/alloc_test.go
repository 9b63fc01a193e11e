package rt

import (
	"math"
	"runtime"
	"strconv"
	"testing"
	"unsafe"
)

func TestMkConNIsMkCon(t *testing.T) {
	for _, c := range []*Con{MkCon1(CtorOf("K"), int64(1)), MkCon2(CtorOf("K"), int64(1), "a"), MkCon3(CtorOf("K"), int64(1), "a", True), MkCon4(CtorOf("K"), int64(1), "a", True, Nil)} {
		want := MkCon("K", c.Args...)
		if Show(c) != Show(want) || len(c.Args) != len(want.Args) {
			t.Fatalf("MkCon%d: %s, want %s", len(c.Args), Show(c), Show(want))
		}
	}
	// Applying a constructor built in one allocation appends to a copy: the original is unchanged.
	c := MkCon1(CtorOf("M.K"), int64(1))
	d := Apply(c, int64(2)).(*Con)
	if len(c.Args) != 1 || len(d.Args) != 2 {
		t.Fatalf("apply changed the original: %v %v", c.Args, d.Args)
	}
	if n := testing.AllocsPerRun(100, func() { _ = MkCon2(CtorOf("K"), True, False) }); n != 1 {
		t.Fatalf("MkCon2 allocates %v times, want 1", n)
	}
}

func TestMkRecordSortedSelect(t *testing.T) {
	r := MkRecordSorted(NewShape("a", "b"), int64(1), int64(2))
	if Select(r, "b") != int64(2) || Show(r) != Show(MkRecord([]string{"b", "a"}, int64(2), int64(1))) {
		t.Fatalf("got %s", Show(r))
	}
	for _, r := range []Record{MkRecordSorted1(NewShape("a"), int64(1)), MkRecordSorted2(NewShape("a", "b"), int64(1), int64(2)),
		MkRecordSorted3(NewShape("a", "b", "c"), int64(1), int64(2), int64(3)), MkRecordSorted4(NewShape("a", "b", "c", "d"), int64(1), int64(2), int64(3), int64(4))} {
		if Show(r) != Show(MkRecordSorted(r.Shape(), r.Values()...)) || len(r.Values()) != len(r.Shape().Labels) {
			t.Fatalf("MkRecordSorted%d: %s", len(r.Values()), Show(r))
		}
	}
	ab := NewShape("a", "b")
	if n := testing.AllocsPerRun(100, func() { recordSink = MkRecordSorted2(ab, True, False) }); n != 1 {
		t.Fatalf("MkRecordSorted2 allocates %v times, want 1", n)
	}
	labels := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}
	vals := []Value{int64(0), int64(1), int64(2), int64(3), int64(4), int64(5), int64(6), int64(7), int64(8), int64(9)}
	big := MkRecordSorted(NewShape(labels...), vals...)
	for i, l := range labels {
		if v, ok := GetField(big, l); !ok || v != vals[i] {
			t.Fatalf("GetField(%q) = %v, %v", l, v, ok)
		}
	}
	if _, ok := GetField(big, "z"); ok {
		t.Fatal("GetField of a missing label succeeded")
	}
}

// TestFieldIn: a record of the guessed shape is read by index; a record of another shape (even one with the
// same labels) and a non-record give nil, which generated code answers with Select.
var recordSink Record

func TestFieldIn(t *testing.T) {
	sized := []func(Value, *Shape, int) Value{FieldIn1, FieldIn2, FieldIn3, FieldIn4, FieldInN, FieldInN}
	for n := 1; n <= 6; n++ {
		FieldIn := sized[n-1]
		labels := []string{"a", "b", "c", "d", "e", "f"}[:n]
		vals := make([]Value, n)
		for i := range vals {
			vals[i] = int64(10 + i)
		}
		shape := NewShape(labels...)
		r := MkRecordSorted(shape, vals...)
		other := MkRecord(labels, vals...) // the same labels in a shape of its own
		for i, l := range labels {
			if got := FieldIn(r, shape, i); got != vals[i] {
				t.Fatalf("%d fields: FieldIn(%q) = %v", n, l, got)
			}
			if got := FieldIn(other, shape, i); got != nil {
				t.Fatalf("%d fields, other shape: FieldIn(%q) = %v", n, l, got)
			}
		}
		if got := FieldIn(int64(3), shape, 0); got != nil {
			t.Fatalf("FieldIn of an Int: %v", got)
		}
		if n > 1 && n <= 5 && sized[n-2](r, shape, 0) != nil {
			t.Fatalf("%d fields read as a record of %d", n, n-1)
		}
	}
	shape := NewShape("x")
	if n := testing.AllocsPerRun(100, func() { recordSink = MkRecordSorted4(shape, True, False, Nil, Unit) }); n != 1 {
		t.Fatalf("MkRecordSorted4 allocates %v times, want 1", n)
	}
}

func TestMkFunc1(t *testing.T) {
	inc := MkFunc1("inc", func(x Value) Value { return F_prim_addInt(x, int64(1)) })
	if Apply(inc, int64(41)) != int64(42) || ApplyN(inc, int64(1)) != int64(2) {
		t.Fatal("MkFunc1 apply")
	}
	pair := MkFunc("pair", 2, func(a []Value) Value { return MkCon2(CtorOf("P"), a[0], a[1]) })
	if Show(ApplyN(pair, inc, int64(1))) != Show(MkCon2(CtorOf("P"), inc, int64(1))) {
		t.Fatal("MkFunc1 as an argument")
	}
}

func TestUnboxedHelpers(t *testing.T) {
	mul := []struct {
		a, b int64
		p    int64
		ok   bool
	}{{3, 4, 12, true}, {-1, math.MinInt64, 0, false}, {math.MinInt64, -1, 0, false}, {1 << 32, 1 << 31, 0, false}, {1 << 32, 1 << 30, 1 << 62, true}, {0, math.MinInt64, 0, true}}
	for _, c := range mul {
		if p, ok := MulInt64(c.a, c.b); ok != c.ok || (ok && p != c.p) {
			t.Errorf("MulInt64(%d, %d) = %d, %v", c.a, c.b, p, ok)
		}
	}
	div := []struct{ a, b, q, m int64 }{{7, 2, 3, 1}, {-7, 2, -4, 1}, {7, -2, -4, -1}, {-7, -2, 3, -1}, {math.MinInt64, 1, math.MinInt64, 0}}
	for _, c := range div {
		q, ok1 := FloorDiv64(c.a, c.b)
		m, ok2 := FloorMod64(c.a, c.b)
		if !ok1 || !ok2 || q != c.q || m != c.m {
			t.Errorf("%d div/mod %d = %d %d", c.a, c.b, q, m)
		}
		// Same as the boxed primitives.
		if F_prim_divInt(c.a, c.b) != q || F_prim_modInt(c.a, c.b) != m {
			t.Errorf("%d div/mod %d differs from the primitives", c.a, c.b)
		}
	}
	if _, ok := FloorDiv64(1, 0); ok {
		t.Error("division by zero did not give up")
	}
	if _, ok := FloorDiv64(math.MinInt64, -1); ok {
		t.Error("MinInt64 / -1 did not give up")
	}
	if m, ok := FloorMod64(math.MinInt64, -1); !ok || m != 0 {
		t.Error("MinInt64 mod -1")
	}
}

func TestBoolOf(t *testing.T) {
	cases := []struct {
		v      Value
		b, ok  bool
		reason string
	}{
		{True, true, true, "the singleton True"},
		{False, false, true, "the singleton False"},
		{MkCon("Lune.Prelude.True"), true, true, "another True value"},
		{MkCon1(CtorOf("Lune.Prelude.True"), int64(1)), false, false, "True with an argument is not a Bool"},
		{Nil, false, false, "another constructor"},
		{int64(1), false, false, "not a constructor"},
		{nil, false, false, "nil"},
	}
	for _, c := range cases {
		if b, ok := BoolOf(c.v); b != c.b || ok != c.ok {
			t.Errorf("BoolOf(%s) = %v, %v; want %v, %v", c.reason, b, ok, c.b, c.ok)
		}
	}
}

func TestBoxInt(t *testing.T) {
	for _, i := range []int64{boxedIntLo - 1, boxedIntLo, -1, 0, 1, 255, 256, 10000, boxedIntLo + boxedIntCount - 1, boxedIntLo + boxedIntCount, math.MinInt64, math.MaxInt64} {
		v := BoxInt(i)
		x, ok := v.(int64)
		if !ok || x != i {
			t.Fatalf("BoxInt(%d) = %#v", i, v)
		}
		if v != Value(i) {
			t.Errorf("BoxInt(%d) != Value(%d)", i, i)
		}
		switch w := v.(type) {
		case int64:
			if w != i {
				t.Errorf("type switch on BoxInt(%d) gives %d", i, w)
			}
		default:
			t.Errorf("type switch on BoxInt(%d) misses int64", i)
		}
		if Show(v) != strconv.FormatInt(i, 10) && i >= 0 {
			t.Errorf("Show(BoxInt(%d)) = %s", i, Show(v))
		}
	}
	if n := testing.AllocsPerRun(100, func() { sink = BoxInt(12345) }); n != 0 {
		t.Errorf("BoxInt(12345) allocates %v times", n)
	}
	runtime.GC() // boxed values pointing into the table survive a collection
	if v := BoxInt(-7); v.(int64) != -7 {
		t.Errorf("after GC: %v", v)
	}
}

var sink Value

func TestCtorIdentity(t *testing.T) {
	if CtorOf("Lune.Prelude.Cons") != KCons || CtorOf("M.K") != CtorOf("M.K") || CtorOf("M.K") == CtorOf("M.J") {
		t.Fatal("CtorOf does not intern constructors by name")
	}
	if c := MkCon("Lune.Prelude.Just", int64(1)); c.K != KJust || c.Name() != "Lune.Prelude.Just" {
		t.Fatalf("MkCon by name: %v", c.K)
	}
	// A two-argument constructor fits the 64-byte size class (a name string instead of K needed 80); a list
	// cell takes half of that.
	if n := unsafe.Sizeof(con2{}); n != 64 {
		t.Fatalf("a two-argument constructor takes %d bytes", n)
	}
	if n := unsafe.Sizeof(Cell{}); n != 32 {
		t.Fatalf("a Cons cell takes %d bytes", n)
	}
}

// A saturated Lune.Prelude.Cons is always a Cell, however it was built; it prints as the constructor it is.
func TestConsIsACell(t *testing.T) {
	partial := Apply(MkCon("Lune.Prelude.Cons"), int64(1))
	if c, ok := partial.(*Con); !ok || c.K != KCons || len(c.Args) != 1 {
		t.Fatalf("Cons 1 is %#v", partial)
	}
	l := Apply(partial, Nil)
	if c, ok := l.(*Cell); !ok || c.Head != int64(1) || c.Tail != Nil {
		t.Fatalf("Cons 1 Nil is %#v", l)
	}
	for _, c := range []struct {
		v    Value
		want string
	}{
		{l, "Cons 1 Nil"},
		{partial, "Cons 1"},
		{Cons(int64(1), Cons(Just(int64(2)), Nil)), "Cons 1 (Cons (Just 2) Nil)"},
		{Just(Cons(Cons(int64(3), Nil), Nil)), "Just (Cons (Cons 3 Nil) Nil)"},
		{MkList([]Value{Char('a'), "b"}), `Cons 'a' (Cons "b" Nil)`},
	} {
		if got := Show(c.v); got != c.want {
			t.Errorf("Show gave %s, want %s", got, c.want)
		}
	}
	if xs, ok := ListElems(Apply(Apply(MkCon("Lune.Prelude.Cons"), int64(7)), Nil)); !ok || len(xs) != 1 || xs[0] != int64(7) {
		t.Fatalf("ListElems of an applied Cons: %v %v", xs, ok)
	}
}

// Cells hands out cells from blocks of 2, 4, … 128: every cell distinct, set as asked, one allocation per block.
func TestCells(t *testing.T) {
	var cells Cells
	seen := map[*Cell]bool{}
	for i := 0; i < 300; i++ {
		c := cells.New(int64(i))
		if seen[c] || c.Head != int64(i) || c.Tail != nil {
			t.Fatalf("cell %d: %p %#v", i, c, c)
		}
		seen[c] = true
	}
	var fresh Cells
	if n := testing.AllocsPerRun(1, func() {
		fresh = Cells{}
		for i := 0; i < 2+4+8+16+32+64+128+128; i++ {
			fresh.New(Nil)
		}
	}); n != 8 {
		t.Fatalf("382 cells took %v allocations, want 8", n)
	}
	// A short list wastes at most as many cells as it has: five cells come from blocks of 2 and 4.
	if n := testing.AllocsPerRun(1, func() {
		fresh = Cells{}
		for range 5 {
			fresh.New(Nil)
		}
	}); n != 2 || len(fresh.free) != 1 || fresh.size != 4 {
		t.Fatalf("5 cells: %v allocations, last block of %d, %d cells left", n, fresh.size, len(fresh.free))
	}
}
