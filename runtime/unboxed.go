// unboxed.go: int64 helpers for the generated unboxed workers (passes/to-goast/int-worker.ts). Each returns
// false where the boxed primitive would leave int64 (overflow) or fail (zero divisor): the worker then gives
// up and the boxed code runs instead, so these never decide an outcome themselves.
package rt

// MulInt64 is a × b when the product fits in int64.
func MulInt64(a, b int64) (int64, bool) {
	if a == int64(int32(a)) && b == int64(int32(b)) {
		return a * b, true // both fit in 32 bits: the product cannot overflow
	}
	p := a * b
	if a != 0 && (p/a != b || (a == -1 && b == minInt64) || (b == -1 && a == minInt64)) {
		return 0, false
	}
	return p, true
}

const minInt64 = -1 << 63

// AddInt64 is a + b when the sum fits in int64. Workers add inline; they call this when both operands are
// literals, which Go would add at compile time and reject when the sum overflows.
func AddInt64(a, b int64) (int64, bool) {
	s := a + b
	return s, (a^s)&(b^s) >= 0
}

// SubInt64 is a − b when the difference fits in int64 (for two literals, as AddInt64).
func SubInt64(a, b int64) (int64, bool) {
	d := a - b
	return d, (a^b)&(a^d) >= 0
}

// FloorDiv64 is prim_divInt (floor division) on int64; false for a zero divisor and for MinInt64 / −1.
func FloorDiv64(a, b int64) (int64, bool) {
	if b == 0 || (b == -1 && a == minInt64) {
		return 0, false
	}
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q, true
}

// FloorMod64 is prim_modInt (floor modulo: the sign of the divisor) on int64; false for a zero divisor.
func FloorMod64(a, b int64) (int64, bool) {
	if b == 0 {
		return 0, false
	}
	if b == -1 {
		return 0, true // also avoids the MinInt64 % −1 trap
	}
	m := a % b
	if m != 0 && ((m < 0) != (b < 0)) {
		m += b
	}
	return m, true
}

// BoolOf is a Lune Bool (exactly `Lune.Prelude.True`/`False`, no arguments) as a Go bool; false as its second
// result for any other value, where a worker gives up and the boxed code decides what happens.
func BoolOf(v Value) (b, ok bool) {
	if c, isCon := v.(*Con); isCon && len(c.Args) == 0 {
		switch c.K {
		case KTrue:
			return true, true
		case KFalse:
			return false, true
		}
	}
	return false, false
}
