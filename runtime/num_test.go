// num_test.go: Int (overflow promotion, normalisation, floor div/mod, parse), Bool and Float primitives,
// with every example of PRIMITIVES.md §3.1–3.3.
package rt

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

func bigInt(s string) Value { return IntLit(s) }

func TestIntArithmetic(t *testing.T) {
	max, min := int64(math.MaxInt64), int64(math.MinInt64)
	cases := []struct {
		name string
		f    func(a, b Value) Value
		a, b Value
		want string
	}{
		{"add", F_prim_addInt, int64(2), int64(3), "5"},
		{"add overflow", F_prim_addInt, max, int64(1), "9223372036854775808"},
		{"add neg overflow", F_prim_addInt, min, int64(-1), "-9223372036854775809"},
		{"add back to int64", F_prim_addInt, bigInt("9223372036854775808"), int64(-1), "9223372036854775807"},
		{"add bigs", F_prim_addInt, bigPow2(100, false), bigPow2(100, true), "0"},
		{"sub", F_prim_subInt, int64(0), int64(5), "-5"},
		{"sub overflow", F_prim_subInt, min, int64(1), "-9223372036854775809"},
		{"sub overflow 2", F_prim_subInt, int64(0), min, "9223372036854775808"},
		{"sub max", F_prim_subInt, max, int64(-1), "9223372036854775808"},
		{"mul", F_prim_mulInt, int64(-6), int64(7), "-42"},
		{"mul 32-bit edge", F_prim_mulInt, int64(math.MaxInt32), int64(math.MinInt32), "-4611686016279904256"},
		{"mul overflow", F_prim_mulInt, int64(1) << 32, int64(1) << 31, "9223372036854775808"},
		{"mul to min", F_prim_mulInt, -(int64(1) << 32), int64(1) << 31, "-9223372036854775808"},
		{"mul min*-1", F_prim_mulInt, min, int64(-1), "9223372036854775808"},
		{"mul min*1", F_prim_mulInt, min, int64(1), "-9223372036854775808"},
		{"mul large", F_prim_mulInt, int64(3037000500), int64(3037000500), "9223372037000250000"},
		{"mul big", F_prim_mulInt, bigPow2(64, false), bigPow2(64, true), "-340282366920938463463374607431768211456"},
		{"mul big by 0", F_prim_mulInt, bigPow2(64, false), int64(0), "0"},
		{"div 7/2", F_prim_divInt, int64(7), int64(2), "3"},
		{"div -7/2", F_prim_divInt, int64(-7), int64(2), "-4"},
		{"div 7/-2", F_prim_divInt, int64(7), int64(-2), "-4"},
		{"div -7/-2", F_prim_divInt, int64(-7), int64(-2), "3"},
		{"div exact neg", F_prim_divInt, int64(-8), int64(2), "-4"},
		{"div min/-1", F_prim_divInt, min, int64(-1), "9223372036854775808"},
		{"div big", F_prim_divInt, bigPow2(70, true), int64(3), "-393530540239137101142"},
		{"div big neg divisor", F_prim_divInt, bigPow2(70, false), int64(-3), "-393530540239137101142"},
		{"div small by big", F_prim_divInt, int64(-1), bigPow2(70, false), "-1"},
		{"mod 7%2", F_prim_modInt, int64(7), int64(2), "1"},
		{"mod -7%2", F_prim_modInt, int64(-7), int64(2), "1"},
		{"mod 7%-2", F_prim_modInt, int64(7), int64(-2), "-1"},
		{"mod -7%-2", F_prim_modInt, int64(-7), int64(-2), "-1"},
		{"mod min%-1", F_prim_modInt, min, int64(-1), "0"},
		{"mod big", F_prim_modInt, bigPow2(70, true), int64(3), "2"},
		{"mod big neg divisor", F_prim_modInt, bigPow2(70, false), int64(-3), "-2"},
		{"mod small by big", F_prim_modInt, int64(-1), bigPow2(70, false), "1180591620717411303423"},
		{"eq", F_prim_eqInt, int64(3), int64(3), "True"},
		{"eq big/small", F_prim_eqInt, bigPow2(64, false), int64(0), "False"},
		{"eq bigs", F_prim_eqInt, bigPow2(64, false), bigPow2(64, false), "True"},
		{"le", F_prim_leInt, int64(3), int64(3), "True"},
		{"le big", F_prim_leInt, bigPow2(64, true), min, "True"},
		{"le false", F_prim_leInt, int64(4), int64(3), "False"},
		{"ge", F_prim_geInt, int64(3), int64(4), "False"},
		{"ge big", F_prim_geInt, bigPow2(64, false), max, "True"},
	}
	for _, c := range cases {
		if got := Show(c.f(c.a, c.b)); got != c.want {
			t.Errorf("%s: got %s, want %s", c.name, got, c.want)
		}
	}
	// Results that fit are always int64 (one representation per value).
	if _, ok := F_prim_subInt(bigInt("9223372036854775808"), int64(1)).(int64); !ok {
		t.Error("sub result not normalised")
	}
	if _, ok := F_prim_divInt(bigPow2(64, false), bigPow2(64, false)).(int64); !ok {
		t.Error("div result not normalised")
	}
}

func TestDivideByZero(t *testing.T) {
	for name, f := range map[string]func(a, b Value) Value{"div": F_prim_divInt, "mod": F_prim_modInt} {
		expectCrash(t, name, "divide by zero", func() { f(int64(1), int64(0)) })
		expectCrash(t, name+" big", "divide by zero", func() { f(bigPow2(80, false), int64(0)) })
	}
	expectCrash(t, "add non-int", "NotAFunction <prim>", func() { F_prim_addInt(int64(1), "1") })
}

func TestShowParseInt(t *testing.T) {
	shows := map[string]Value{"42": int64(42), "-5": int64(-5), "0": int64(0),
		"-1180591620717411303424": bigPow2(70, true)}
	for want, v := range shows {
		if got := F_prim_showInt(v); got != want {
			t.Errorf("showInt: got %v, want %s", got, want)
		}
	}
	parses := []struct{ in, want string }{
		{"42", "Ok 42"}, {"007", "Ok 7"}, {"0", "Ok 0"},
		{"9223372036854775807", "Ok 9223372036854775807"},
		{"9223372036854775808", "Ok 9223372036854775808"},
		{"123456789012345678901234567890", "Ok 123456789012345678901234567890"},
		{"", `Err "invalid int"`}, {"-5", `Err "invalid int"`}, {"+5", `Err "invalid int"`},
		{" 5", `Err "invalid int"`}, {"5 ", `Err "invalid int"`}, {"1_000", `Err "invalid int"`},
		{"٣", `Err "invalid int"`}, {"0x10", `Err "invalid int"`},
	}
	for _, c := range parses {
		if got := Show(F_prim_parseInt(c.in)); got != c.want {
			t.Errorf("parseInt %q: got %s, want %s", c.in, got, c.want)
		}
	}
	if _, ok := F_prim_parseInt("000000000000000000000000001").(*Con).Args[0].(int64); !ok {
		t.Error("long parse of a small number not normalised")
	}
}

func TestBools(t *testing.T) {
	cases := []struct {
		got  Value
		want string
	}{
		{F_prim_and(True, True), "True"}, {F_prim_and(True, False), "False"},
		{F_prim_and(False, True), "False"}, {F_prim_and(False, int64(5)), "False"},
		{F_prim_or(False, False), "False"}, {F_prim_or(False, True), "True"},
		{F_prim_or(True, int64(5)), "True"},
		{F_prim_not(True), "False"}, {F_prim_not(False), "True"},
	}
	for i, c := range cases {
		if Show(c.got) != c.want {
			t.Errorf("case %d: got %s, want %s", i, Show(c.got), c.want)
		}
	}
	expectCrash(t, "and True 5", "NotAFunction <prim>", func() { F_prim_and(True, int64(5)) })
	expectCrash(t, "or False 5", "NotAFunction <prim>", func() { F_prim_or(False, int64(5)) })
	expectCrash(t, "not Unit", "NotAFunction <prim>", func() { F_prim_not(Unit) })
}

func TestShowFloat(t *testing.T) {
	tenth := 0.1 // a variable: Go constant arithmetic would make 0.1 + 0.2 exactly 0.3
	cases := []struct {
		x    float64
		want string
	}{
		{42, "42.0"}, {0.1, "0.1"}, {0.01, "1.0e-2"}, {1e7, "1.0e7"}, {9999999, "9999999.0"},
		{12345678.9, "1.23456789e7"}, {1.5e-3, "1.5e-3"}, {95.5, "95.5"}, {tenth + 0.2, "0.30000000000000004"},
		{math.Copysign(0, -1), "-0.0"}, {0, "0.0"}, {math.NaN(), "NaN"}, {math.Inf(1), "Infinity"},
		{math.Inf(-1), "-Infinity"}, {150, "150.0"}, {123456.789, "123456.789"}, {0.5, "0.5"},
		{1e21, "1.0e21"}, {2.5, "2.5"}, {-2.5, "-2.5"}, {1e-7, "1.0e-7"}, {5e-324, "5.0e-324"},
		{math.MaxFloat64, "1.7976931348623157e308"}, {1.2345678e7, "1.2345678e7"}, {100, "100.0"},
		{1e6, "1000000.0"}, {0.09999999999999999, "9.999999999999999e-2"}, {-1e-2, "-1.0e-2"},
		{3.14159, "3.14159"}, {1e22, "1.0e22"}, {123.0e10, "1.23e12"},
	}
	for _, c := range cases {
		if got := ShowFloat(c.x); got != c.want {
			t.Errorf("ShowFloat(%v) = %s, want %s", c.x, got, c.want)
		}
		if got := F_prim_showFloat(c.x); got != c.want {
			t.Errorf("prim_showFloat(%v) = %s", c.x, got)
		}
	}
}

func TestFloatOps(t *testing.T) {
	nan, negZero := math.NaN(), math.Copysign(0, -1)
	cases := []struct {
		got  Value
		want string
	}{
		{F_prim_addFloat(0.1, 0.2), "0.30000000000000004"},
		{F_prim_subFloat(1.0, 2.5), "-1.5"},
		{F_prim_mulFloat(1.5, 4.0), "6.0"},
		{F_prim_divFloat(1.0, 0.0), "Infinity"},
		{F_prim_divFloat(-1.0, 0.0), "-Infinity"},
		{F_prim_divFloat(0.0, 0.0), "NaN"},
		{F_prim_eqFloat(nan, nan), "False"},
		{F_prim_eqFloat(0.0, negZero), "True"},
		{F_prim_gtFloat(nan, 1.0), "False"}, {F_prim_ltFloat(nan, 1.0), "False"},
		{F_prim_geFloat(1.0, nan), "False"}, {F_prim_leFloat(1.0, nan), "False"},
		{F_prim_gtFloat(2.0, 1.0), "True"}, {F_prim_ltFloat(2.0, 1.0), "False"},
		{F_prim_geFloat(1.0, 1.0), "True"}, {F_prim_leFloat(1.0, 1.0), "True"},
		{F_prim_fromIntFloat(int64(3)), "3.0"},
		{F_prim_fromIntFloat(int64(1)<<53 + 1), "9.007199254740992e15"},
		{F_prim_fromIntFloat(bigPow2(70, false)), "1.1805916207174113e21"},
		{F_prim_fromIntFloat(bigPow2(1024, false)), "Infinity"},
		{F_prim_fromIntFloat(bigPow2(1024, true)), "-Infinity"},
		{F_prim_fromIntFloat(bigInt("9223372036854775809")), "9.223372036854776e18"},
		{F_prim_truncateFloat(2.7), "2"}, {F_prim_truncateFloat(-2.7), "-2"},
		{F_prim_truncateFloat(1e20), "100000000000000000000"},
		{F_prim_truncateFloat(-1e20), "-100000000000000000000"},
		{F_prim_truncateFloat(negZero), "0"},
		{F_prim_truncateFloat(-0.5), "0"},
		{F_prim_truncateFloat(math.MaxFloat64), new(big.Int).Lsh(big.NewInt(1<<53-1), 971).String()},
		{F_prim_fromIntFloat(int64(1)<<53 + 3), "9.007199254740996e15"}, // tie → even
		{F_prim_fromIntFloat(F_prim_addInt(bigPow2(64, false), int64(1))), "1.8446744073709552e19"},
		{F_prim_fromIntFloat(int64(10000000)), "1.0e7"},
		{F_prim_truncateFloat(-9223372036854775808.0), "-9223372036854775808"},
		{F_prim_truncateFloat(9223372036854775808.0), "9223372036854775808"},
		{F_prim_truncateFloat(math.Inf(1)), new(big.Int).Lsh(big.NewInt(1), 1024).String()},
		{F_prim_truncateFloat(math.Inf(-1)), "-" + new(big.Int).Lsh(big.NewInt(1), 1024).String()},
		{F_prim_truncateFloat(nan), "-" + new(big.Int).Mul(big.NewInt(3), new(big.Int).Lsh(big.NewInt(1), 1023)).String()},
	}
	for i, c := range cases {
		if Show(c.got) != c.want {
			t.Errorf("case %d: got %s, want %s", i, Show(c.got), c.want)
		}
	}
	if _, ok := F_prim_truncateFloat(-9223372036854775808.0).(int64); !ok {
		t.Error("truncate of -2^63 not normalised")
	}
	expectCrash(t, "addFloat int", "NotAFunction <prim>", func() { F_prim_addFloat(int64(1), 1.0) })
}

// The int64 fast path must not allocate beyond boxing the result.
func TestAddIntAllocations(t *testing.T) {
	a, b := Value(int64(1000)), Value(int64(2000))
	allocs := testing.AllocsPerRun(100, func() { _ = F_prim_addInt(a, b) })
	if allocs > 1 {
		t.Errorf("addInt fast path allocates %v times", allocs)
	}
}

func BenchmarkAddInt(b *testing.B) {
	x, y := Value(int64(1000)), Value(int64(2000))
	for i := 0; i < b.N; i++ {
		_ = F_prim_addInt(x, y)
	}
}

// fib in the shape generated code has: boxed Ints through the F_ primitives.
func fibRT(n Value) Value {
	if F_prim_leInt(n, int64(1)) == True {
		return n
	}
	return F_prim_addInt(fibRT(F_prim_subInt(n, int64(1))), fibRT(F_prim_subInt(n, int64(2))))
}

func BenchmarkFib20(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if fibRT(int64(20)) != Value(int64(6765)) {
			b.Fatal("fib")
		}
	}
}

// The int64 fast paths against math/big on edge values and a fixed-seed random sample: same numbers,
// and a result that fits in int64 is an int64.
func TestIntOpsAgainstBig(t *testing.T) {
	edges := []int64{0, 1, -1, 2, -2, 3, -3, 7, -7, 255, 256, -256, math.MaxInt32, math.MinInt32,
		math.MaxInt32 + 1, math.MinInt32 - 1, 3037000499, 3037000500, -3037000500,
		math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, math.MinInt64 + 1, 1 << 62, -(1 << 62)}
	r := rand.New(rand.NewPCG(1, 2))
	vals := append([]int64{}, edges...)
	for i := 0; i < 40; i++ {
		vals = append(vals, int64(r.Uint64()), int64(r.Uint64())>>int(r.IntN(63)))
	}
	floorDivModRef := func(x, y *big.Int) (*big.Int, *big.Int) {
		q, m := new(big.Int).DivMod(x, y, new(big.Int)) // Euclidean: m ≥ 0
		if m.Sign() != 0 && y.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
			m.Add(m, y)
		}
		return q, m
	}
	check := func(op string, x, y int64, got Value, want *big.Int) {
		if _, isSmall := got.(int64); isSmall != want.IsInt64() || BigOf(got).Cmp(want) != 0 {
			t.Fatalf("%s(%d, %d) = %#v, want %s", op, x, y, got, want)
		}
	}
	for _, x := range vals {
		for _, y := range vals {
			bx, by := big.NewInt(x), big.NewInt(y)
			check("add", x, y, F_prim_addInt(x, y), new(big.Int).Add(bx, by))
			check("sub", x, y, F_prim_subInt(x, y), new(big.Int).Sub(bx, by))
			check("mul", x, y, F_prim_mulInt(x, y), new(big.Int).Mul(bx, by))
			if y != 0 {
				q, m := floorDivModRef(bx, by)
				check("div", x, y, F_prim_divInt(x, y), q)
				check("mod", x, y, F_prim_modInt(x, y), m)
			}
			if (F_prim_leInt(x, y) == True) != (x <= y) || (F_prim_geInt(x, y) == True) != (x >= y) ||
				(F_prim_eqInt(x, y) == True) != (x == y) {
				t.Fatalf("compare %d %d", x, y)
			}
		}
	}
}

// The same with operands past int64 mixed in (the *big.Int paths).
func TestBigIntOpsAgainstBig(t *testing.T) {
	vals := []Value{int64(0), int64(1), int64(-1), int64(7), int64(-7), int64(math.MaxInt64), int64(math.MinInt64),
		bigPow2(63, false), bigPow2(64, false), bigPow2(64, true), bigPow2(100, false), bigPow2(100, true),
		F_prim_addInt(bigPow2(70, false), int64(12345)), F_prim_subInt(bigPow2(65, true), int64(3))}
	for _, a := range vals {
		for _, b := range vals {
			x, y := BigOf(a), BigOf(b)
			want := map[string]*big.Int{
				"add": new(big.Int).Add(x, y), "sub": new(big.Int).Sub(x, y), "mul": new(big.Int).Mul(x, y)}
			got := map[string]Value{"add": F_prim_addInt(a, b), "sub": F_prim_subInt(a, b), "mul": F_prim_mulInt(a, b)}
			if y.Sign() != 0 {
				q, m := new(big.Int).DivMod(x, y, new(big.Int))
				if m.Sign() != 0 && y.Sign() < 0 {
					q.Sub(q, big.NewInt(1))
					m.Add(m, y)
				}
				want["div"], want["mod"] = q, m
				got["div"], got["mod"] = F_prim_divInt(a, b), F_prim_modInt(a, b)
			}
			for op, w := range want {
				g := got[op]
				if _, isSmall := g.(int64); isSmall != w.IsInt64() || BigOf(g).Cmp(w) != 0 {
					t.Errorf("%s(%s, %s) = %s, want %s", op, Show(a), Show(b), Show(g), w)
				}
			}
			if (F_prim_leInt(a, b) == True) != (x.Cmp(y) <= 0) || (F_prim_eqInt(a, b) == True) != (x.Cmp(y) == 0) {
				t.Errorf("compare %s %s", Show(a), Show(b))
			}
		}
	}
}

// GHC's digit choices where strconv's shortest digits differ (boundaries excluded, ties rounded up).
func TestShowFloatGhcDigits(t *testing.T) {
	cases := []struct {
		x    float64
		want string
	}{
		{1e23, "9.999999999999999e22"},
		{132405809496.453125, "1.3240580949645313e11"},
		{-5.0441201453113344e16, "-5.0441201453113344e16"},
		{math.Float64frombits(0x4265e5006f28e100), "7.522905930950313e11"},
		{math.Float64frombits(0xc231c1800124c400), "-7.626083562076563e10"},
		{math.SmallestNonzeroFloat64, "5.0e-324"},
		{math.Float64frombits(0x000fffffffffffff), "2.225073858507201e-308"}, // largest subnormal
		{math.Float64frombits(0x0010000000000000), "2.2250738585072014e-308"},
		{math.MaxFloat64, "1.7976931348623157e308"},
		{9007199254740993, "9.007199254740992e15"},
		{1 << 53, "9.007199254740992e15"},
		{123456789, "1.23456789e8"},
	}
	for _, c := range cases {
		if got := ShowFloat(c.x); got != c.want {
			t.Errorf("ShowFloat(%v) = %s, want %s", c.x, got, c.want)
		}
	}
}

// The strconv fast path agrees with the exact port of GHC's algorithm wherever it is taken.
func TestFloatToDigitsFastPathAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 3000; i++ {
		x := math.Float64frombits(r.Uint64() &^ (1 << 63))
		if i%2 == 0 {
			x = float64(r.IntN(1e9)) / math.Pow(10, float64(r.IntN(12)))
		}
		if math.IsNaN(x) || math.IsInf(x, 0) || x == 0 {
			continue
		}
		d1, e1 := floatToDigits(x)
		d2, e2 := ghcDigits(decodeFloat(x))
		if d1 != d2 || e1 != e2 {
			t.Fatalf("%v (%x): fast %s e%d, exact %s e%d", x, math.Float64bits(x), d1, e1, d2, e2)
		}
	}
}
