// num.go: Int (unbounded), Float and Bool primitives (PRIMITIVES.md §3.1–3.3). Contents: the int64 fast
// paths with overflow promotion to *big.Int, floor div/mod, ShowFloat (Haskell `show` for doubles),
// FloatToInt / IntToFloat, and every P_/F_ of the ints, bools and floats groups.
package rt

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// ShowFloat formats a double exactly as GHC's `show`: GHC's shortest digits (floatToDigits), fixed
// notation for 0.1 ≤ |x| < 10^7 and zero (`42.0`, `0.5`), otherwise `1.0e-2`, `1.23456789e7`; `NaN`,
// `Infinity`, `-Infinity`, `-0.0`.
func ShowFloat(x float64) string {
	switch {
	case math.IsNaN(x):
		return "NaN"
	case math.IsInf(x, 1):
		return "Infinity"
	case math.IsInf(x, -1):
		return "-Infinity"
	case x < 0 || (x == 0 && math.Signbit(x)):
		return "-" + ShowFloat(-x)
	case x == 0:
		return "0.0"
	}
	digits, e := floatToDigits(x) // x = 0.digits × 10^e
	if e >= 0 && e <= 7 {
		whole := digits
		frac := ""
		if len(digits) > e {
			whole, frac = digits[:e], digits[e:]
		} else {
			whole += strings.Repeat("0", e-len(digits))
		}
		if whole == "" {
			whole = "0"
		}
		if frac == "" {
			frac = "0"
		}
		return whole + "." + frac
	}
	rest := digits[1:]
	if rest == "" {
		rest = "0"
	}
	return digits[:1] + "." + rest + "e" + strconv.Itoa(e-1)
}

// floatToDigits is GHC's floatToDigits for x > 0: digits d1…dn and E with x = 0.d1…dn × 10^E.
// strconv's shortest digits differ from GHC's in two cases only: GHC excludes the rounding boundaries
// (1e23: Go `1e+23`, GHC `9.999999999999999e22`), and on an exact tie for the last digit GHC rounds up
// (132405809496.453125: GHC `…313`). Both need x's exact decimal expansion to be short, so a non-integer
// below 2^53 with a longer expansion (nearly every double) takes the strconv path; the rest use an exact
// port of GHC's algorithm.
func floatToDigits(x float64) (string, int) {
	mant, exp := decodeFloat(x)
	if x < 1<<53 && exactDecimalLength(x, mant, exp) > 19 {
		s := strconv.FormatFloat(x, 'e', -1, 64) // d.ddde±XX, the shortest round-trip digits
		ePos := strings.IndexByte(s, 'e')
		e, _ := strconv.Atoi(s[ePos+1:])
		return strings.Replace(s[:ePos], ".", "", 1), e + 1
	}
	return ghcDigits(mant, exp)
}

// decodeFloat is Haskell's decodeFloat for a positive finite double: x = mant × 2^exp with mant normalised
// to 53 bits (for subnormals too, whose exponent then drops below −1074).
func decodeFloat(x float64) (uint64, int) {
	bits := math.Float64bits(x)
	biased := int(bits>>52) & 0x7ff
	mant := bits & (1<<52 - 1)
	if biased != 0 {
		return mant | 1<<52, biased - 1075
	}
	exp := -1074
	for mant < 1<<52 {
		mant <<= 1
		exp--
	}
	return mant, exp
}

// exactDecimalLength is a lower bound on the number of significant digits of x's exact decimal expansion
// (x < 2^53); an integer counts as long, since neither difference from strconv can occur for one.
func exactDecimalLength(x float64, mant uint64, exp int) int {
	for mant&1 == 0 {
		mant >>= 1
		exp++
	}
	if exp >= 0 {
		return math.MaxInt
	}
	fractionDigits := -exp // m·2^e with m odd has exactly −e digits after the point
	if x >= 1 {
		return fractionDigits + 1
	}
	return fractionDigits - int(math.Ceil(-math.Log10(x)))
}

// ghcDigits is a direct port of GHC.Float.floatToDigits (base 10, Double: p = 53, minExp = −1074):
// Burger & Dybvig's free-format algorithm with exclusive bounds, a last-digit tie rounding up.
func ghcDigits(f0 uint64, e0 int) (string, int) {
	const p = 53
	const minExp = -1021 - p
	const hidden = uint64(1) << (p - 1)
	f, e := f0, e0
	if shift := minExp - e0; shift > 0 {
		f, e = f0>>uint(shift), e0+shift
	}
	bf := new(big.Int).SetUint64(f)
	pow2 := func(n int) *big.Int { return new(big.Int).Lsh(big.NewInt(1), uint(n)) }
	var r, s, mUp, mDn *big.Int
	switch {
	case e >= 0 && f == hidden:
		r, s, mUp, mDn = new(big.Int).Mul(bf, pow2(e+2)), big.NewInt(4), pow2(e+1), pow2(e)
	case e >= 0:
		r, s, mUp, mDn = new(big.Int).Mul(bf, pow2(e+1)), big.NewInt(2), pow2(e), pow2(e) // distinct: both are scaled in place
	case e > minExp && f == hidden:
		r, s, mUp, mDn = new(big.Int).Mul(bf, big.NewInt(4)), pow2(-e+2), big.NewInt(2), big.NewInt(1)
	default:
		r, s, mUp, mDn = new(big.Int).Mul(bf, big.NewInt(2)), pow2(-e+1), big.NewInt(1), big.NewInt(1)
	}
	// k: GHC's estimate from below (8651/28738 is just under log10 2), then fixed up.
	lx := p - 1 + e0
	k := lx * 8651 / 28738 // Go's / truncates toward zero, as Haskell's quot
	if lx >= 0 {
		k++
	}
	ten := big.NewInt(10)
	pow10 := func(n int) *big.Int { return new(big.Int).Exp(ten, big.NewInt(int64(n)), nil) }
	tmp := new(big.Int)
	for {
		up := new(big.Int).Add(r, mUp)
		if k >= 0 {
			if up.Cmp(tmp.Mul(pow10(k), s)) <= 0 {
				break
			}
		} else if tmp.Mul(pow10(-k), up).Cmp(s) <= 0 {
			break
		}
		k++
	}
	if k >= 0 {
		s = new(big.Int).Mul(s, pow10(k))
	} else {
		bk := pow10(-k)
		r, mUp, mDn = new(big.Int).Mul(r, bk), new(big.Int).Mul(mUp, bk), new(big.Int).Mul(mDn, bk)
	}
	var digits []byte
	d := new(big.Int)
	for {
		r.Mul(r, ten)
		d.QuoRem(r, s, r)
		mUp.Mul(mUp, ten)
		mDn.Mul(mDn, ten)
		low := r.Cmp(mDn) < 0
		high := tmp.Add(r, mUp).Cmp(s) > 0
		if !low && !high {
			digits = append(digits, byte('0'+d.Int64()))
			continue
		}
		last := d.Int64()
		if (low && high && tmp.Lsh(r, 1).Cmp(s) >= 0) || (high && !low) {
			last++ // both possible: the closer one, a tie rounds up
		}
		return string(append(digits, byte('0'+last))), k
	}
}

// ---- Int ----

// The int64 fast paths detect overflow and redo the operation on *big.Int; results go through NormInt so
// an Int that fits in int64 is always an int64 (equal values have one representation). Each F_ keeps a short
// fast path (both int64, no overflow; for div/mod a positive divisor, the common case) and calls a
// separate function for everything else.

// F_prim_addInt is a + b.
func F_prim_addInt(a, b Value) Value {
	if x, ok := a.(int64); ok {
		if y, ok := b.(int64); ok {
			if s := x + y; (x^s)&(y^s) >= 0 {
				return BoxInt(s)
			}
		}
	}
	return addIntBig(a, b)
}

func addIntBig(a, b Value) Value { return NormInt(new(big.Int).Add(BigOf(a), BigOf(b))) }

// F_prim_subInt is a − b.
func F_prim_subInt(a, b Value) Value {
	if x, ok := a.(int64); ok {
		if y, ok := b.(int64); ok {
			if d := x - y; (x^y)&(x^d) >= 0 {
				return BoxInt(d)
			}
		}
	}
	return subIntBig(a, b)
}

func subIntBig(a, b Value) Value { return NormInt(new(big.Int).Sub(BigOf(a), BigOf(b))) }

// F_prim_mulInt is a × b.
func F_prim_mulInt(a, b Value) Value {
	if x, ok := a.(int64); ok {
		if y, ok := b.(int64); ok && x == int64(int32(x)) && y == int64(int32(y)) {
			return BoxInt(x * y) // both fit in 32 bits: the product cannot overflow
		}
	}
	return mulIntWide(a, b)
}

func mulIntWide(a, b Value) Value {
	if x, ok := a.(int64); ok {
		if y, ok := b.(int64); ok {
			// |x|·|y| as a 128-bit product (uint64(absInt64(MinInt64)) is 2^63, the right magnitude).
			hi, lo := bits.Mul64(uint64(absInt64(x)), uint64(absInt64(y)))
			neg := (x < 0) != (y < 0)
			if hi == 0 && (lo <= math.MaxInt64 || (neg && lo == 1<<63)) {
				if neg {
					return -int64(lo)
				}
				return int64(lo)
			}
		}
	}
	return NormInt(new(big.Int).Mul(BigOf(a), BigOf(b)))
}

func absInt64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// F_prim_divInt is the quotient rounded toward −∞. A zero divisor is fatal `divide by zero` at once (the
// evaluator raises the Haskell exception lazily, when the result is first used; failing eagerly is the
// documented choice).
func F_prim_divInt(a, b Value) Value {
	if x, ok := a.(int64); ok {
		if y, ok := b.(int64); ok && y > 0 {
			q := x / y
			if x%y < 0 {
				q-- // a negative remainder with a positive divisor: round toward −∞
			}
			return BoxInt(q)
		}
	}
	return divIntSlow(a, b)
}

func divIntSlow(a, b Value) Value {
	if x, ok := a.(int64); ok {
		if y, ok := b.(int64); ok && y != 0 && !(x == math.MinInt64 && y == -1) {
			q := x / y
			if x%y != 0 && (x < 0) != (y < 0) {
				q--
			}
			return q
		}
	}
	q, _ := floorDivMod(BigOf(a), BigOf(b))
	return NormInt(q)
}

// F_prim_modInt is the floor modulo: the result has the sign of the divisor. Zero divisor as for div.
func F_prim_modInt(a, b Value) Value {
	if x, ok := a.(int64); ok {
		if y, ok := b.(int64); ok && y > 0 {
			r := x % y
			if r < 0 {
				r += y // a negative remainder with a positive divisor: take the divisor's sign
			}
			return BoxInt(r)
		}
	}
	return modIntSlow(a, b)
}

func modIntSlow(a, b Value) Value {
	if x, ok := a.(int64); ok {
		if y, ok := b.(int64); ok && y != 0 {
			r := x % y // MinInt64 % -1 is 0 in Go, no trap
			if r != 0 && (r < 0) != (y < 0) {
				r += y
			}
			return r
		}
	}
	_, m := floorDivMod(BigOf(a), BigOf(b))
	return NormInt(m)
}

func floorDivMod(x, y *big.Int) (*big.Int, *big.Int) {
	if y.Sign() == 0 {
		Crash("divide by zero")
	}
	q, r := new(big.Int).QuoRem(x, y, new(big.Int))
	if r.Sign() != 0 && r.Sign() != y.Sign() {
		q.Sub(q, big.NewInt(1))
		r.Add(r, y)
	}
	return q, r
}

// CompareInt returns -1, 0 or 1 as a <, =, > b.
func CompareInt(a, b Value) int {
	if x, ok := a.(int64); ok {
		if y, ok := b.(int64); ok {
			switch {
			case x < y:
				return -1
			case x > y:
				return 1
			}
			return 0
		}
	}
	return BigOf(a).Cmp(BigOf(b))
}

// F_prim_eqInt is a = b.
func F_prim_eqInt(a, b Value) Value {
	if x, ok := a.(int64); ok {
		if y, ok := b.(int64); ok {
			return Bool(x == y)
		}
	}
	return Bool(CompareInt(a, b) == 0)
}

// F_prim_leInt is a ≤ b.
func F_prim_leInt(a, b Value) Value {
	if x, ok := a.(int64); ok {
		if y, ok := b.(int64); ok {
			return Bool(x <= y)
		}
	}
	return Bool(CompareInt(a, b) <= 0)
}

// F_prim_geInt is a ≥ b.
func F_prim_geInt(a, b Value) Value {
	if x, ok := a.(int64); ok {
		if y, ok := b.(int64); ok {
			return Bool(x >= y)
		}
	}
	return Bool(CompareInt(a, b) >= 0)
}

// ShowInt is an Int in decimal (`-5`, any length).
func ShowInt(v Value) string {
	if x, ok := v.(int64); ok {
		return strconv.FormatInt(x, 10)
	}
	return BigOf(v).String()
}

// F_prim_showInt is the decimal rendering of an Int.
func F_prim_showInt(a Value) Value { return ShowInt(a) }

// F_prim_parseInt accepts a non-empty string of ASCII digits only (no sign, no spaces), of any length:
// `Ok n`, else `Err "invalid int"`.
func F_prim_parseInt(a Value) Value {
	s := AsString(a)
	if n, ok := parseIntDigits(s); ok {
		return Ok(n)
	}
	return Err("invalid int")
}

// parseIntDigits parses a non-empty run of ASCII digits into an Int.
func parseIntDigits(s string) (Value, bool) {
	if s == "" {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return nil, false
		}
	}
	if len(s) <= 18 {
		n, _ := strconv.ParseInt(s, 10, 64)
		return n, true
	}
	b, _ := new(big.Int).SetString(s, 10)
	return NormInt(b), true
}

// ---- Bool ----

// F_prim_and is logical and: a False first argument decides without inspecting the second.
func F_prim_and(a, b Value) Value {
	if !AsBool(a) {
		return False
	}
	return Bool(AsBool(b))
}

// F_prim_or is logical or (missing from the evaluator, which fails with `UnboundVariable "prim_or"`; we
// give it the obvious meaning, mirroring prim_and: a True first argument decides).
func F_prim_or(a, b Value) Value {
	if AsBool(a) {
		return True
	}
	return Bool(AsBool(b))
}

// F_prim_not is negation (missing from the evaluator; the obvious meaning).
func F_prim_not(a Value) Value { return Bool(!AsBool(a)) }

// ---- Float ----

// F_prim_addFloat is IEEE a + b.
func F_prim_addFloat(a, b Value) Value { return AsFloat(a) + AsFloat(b) }

// F_prim_subFloat is IEEE a − b.
func F_prim_subFloat(a, b Value) Value { return AsFloat(a) - AsFloat(b) }

// F_prim_mulFloat is IEEE a × b.
func F_prim_mulFloat(a, b Value) Value { return AsFloat(a) * AsFloat(b) }

// F_prim_divFloat is IEEE a ÷ b (never an error: 1/0 = Infinity, 0/0 = NaN).
func F_prim_divFloat(a, b Value) Value { return AsFloat(a) / AsFloat(b) }

// F_prim_eqFloat is IEEE equality (NaN ≠ NaN, 0.0 = -0.0).
func F_prim_eqFloat(a, b Value) Value { return Bool(AsFloat(a) == AsFloat(b)) }

// F_prim_gtFloat is a > b (False with NaN).
func F_prim_gtFloat(a, b Value) Value { return Bool(AsFloat(a) > AsFloat(b)) }

// F_prim_ltFloat is a < b (False with NaN).
func F_prim_ltFloat(a, b Value) Value { return Bool(AsFloat(a) < AsFloat(b)) }

// F_prim_geFloat is a ≥ b (False with NaN).
func F_prim_geFloat(a, b Value) Value { return Bool(AsFloat(a) >= AsFloat(b)) }

// F_prim_leFloat is a ≤ b (False with NaN).
func F_prim_leFloat(a, b Value) Value { return Bool(AsFloat(a) <= AsFloat(b)) }

// IntToFloat is the nearest double to an Int (round half to even); beyond the double range ±Infinity.
func IntToFloat(v Value) float64 {
	if x, ok := v.(int64); ok {
		return float64(x) // Go rounds int64→float64 to nearest even, as GHC's fromInteger does
	}
	f, _ := new(big.Float).SetInt(BigOf(v)).Float64() // SetInt is exact; Float64 rounds to nearest even
	return f
}

// F_prim_fromIntFloat is IntToFloat.
func F_prim_fromIntFloat(a Value) Value { return IntToFloat(a) }

// twoTo1024 is 2^1024, the value GHC's truncate gives for Infinity (its decoded mantissa × 2^exponent).
var twoTo1024 = new(big.Int).Lsh(big.NewInt(1), 1024)

// FloatToInt truncates toward zero, exactly (`1e20` → 100000000000000000000). Like GHC, the
// non-finite values give the integers their bit patterns decode to: Infinity → 2^1024,
// -Infinity → −2^1024, NaN → −1.5·2^1024.
func FloatToInt(x float64) Value {
	switch {
	case math.IsNaN(x):
		return new(big.Int).Neg(new(big.Int).Add(twoTo1024, new(big.Int).Rsh(twoTo1024, 1)))
	case math.IsInf(x, 1):
		return twoTo1024
	case math.IsInf(x, -1):
		return new(big.Int).Neg(twoTo1024)
	case x > -(1<<63) && x < 1<<63:
		return int64(x) // Go truncates toward zero; the bounds are exact powers of two
	}
	b, _ := new(big.Float).SetFloat64(math.Trunc(x)).Int(nil)
	return NormInt(b)
}

// F_prim_truncateFloat is FloatToInt.
func F_prim_truncateFloat(a Value) Value { return FloatToInt(AsFloat(a)) }

// F_prim_showFloat is ShowFloat.
func F_prim_showFloat(a Value) Value { return ShowFloat(AsFloat(a)) }

// The primitive values (PRIMITIVES.md §3.1–3.3).
var (
	P_prim_addInt        = MkFunc("prim_addInt", 2, func(a []Value) Value { return F_prim_addInt(a[0], a[1]) })
	P_prim_subInt        = MkFunc("prim_subInt", 2, func(a []Value) Value { return F_prim_subInt(a[0], a[1]) })
	P_prim_mulInt        = MkFunc("prim_mulInt", 2, func(a []Value) Value { return F_prim_mulInt(a[0], a[1]) })
	P_prim_divInt        = MkFunc("prim_divInt", 2, func(a []Value) Value { return F_prim_divInt(a[0], a[1]) })
	P_prim_modInt        = MkFunc("prim_modInt", 2, func(a []Value) Value { return F_prim_modInt(a[0], a[1]) })
	P_prim_eqInt         = MkFunc("prim_eqInt", 2, func(a []Value) Value { return F_prim_eqInt(a[0], a[1]) })
	P_prim_leInt         = MkFunc("prim_leInt", 2, func(a []Value) Value { return F_prim_leInt(a[0], a[1]) })
	P_prim_geInt         = MkFunc("prim_geInt", 2, func(a []Value) Value { return F_prim_geInt(a[0], a[1]) })
	P_prim_showInt       = MkFunc("prim_showInt", 1, func(a []Value) Value { return F_prim_showInt(a[0]) })
	P_prim_parseInt      = MkFunc("prim_parseInt", 1, func(a []Value) Value { return F_prim_parseInt(a[0]) })
	P_prim_and           = MkFunc("prim_and", 2, func(a []Value) Value { return F_prim_and(a[0], a[1]) })
	P_prim_or            = MkFunc("prim_or", 2, func(a []Value) Value { return F_prim_or(a[0], a[1]) })
	P_prim_not           = MkFunc("prim_not", 1, func(a []Value) Value { return F_prim_not(a[0]) })
	P_prim_addFloat      = MkFunc("prim_addFloat", 2, func(a []Value) Value { return F_prim_addFloat(a[0], a[1]) })
	P_prim_subFloat      = MkFunc("prim_subFloat", 2, func(a []Value) Value { return F_prim_subFloat(a[0], a[1]) })
	P_prim_mulFloat      = MkFunc("prim_mulFloat", 2, func(a []Value) Value { return F_prim_mulFloat(a[0], a[1]) })
	P_prim_divFloat      = MkFunc("prim_divFloat", 2, func(a []Value) Value { return F_prim_divFloat(a[0], a[1]) })
	P_prim_eqFloat       = MkFunc("prim_eqFloat", 2, func(a []Value) Value { return F_prim_eqFloat(a[0], a[1]) })
	P_prim_gtFloat       = MkFunc("prim_gtFloat", 2, func(a []Value) Value { return F_prim_gtFloat(a[0], a[1]) })
	P_prim_ltFloat       = MkFunc("prim_ltFloat", 2, func(a []Value) Value { return F_prim_ltFloat(a[0], a[1]) })
	P_prim_geFloat       = MkFunc("prim_geFloat", 2, func(a []Value) Value { return F_prim_geFloat(a[0], a[1]) })
	P_prim_leFloat       = MkFunc("prim_leFloat", 2, func(a []Value) Value { return F_prim_leFloat(a[0], a[1]) })
	P_prim_fromIntFloat  = MkFunc("prim_fromIntFloat", 1, func(a []Value) Value { return F_prim_fromIntFloat(a[0]) })
	P_prim_truncateFloat = MkFunc("prim_truncateFloat", 1, func(a []Value) Value { return F_prim_truncateFloat(a[0]) })
	P_prim_showFloat     = MkFunc("prim_showFloat", 1, func(a []Value) Value { return F_prim_showFloat(a[0]) })
)

func init() {
	register("prim_addInt", P_prim_addInt)
	register("prim_subInt", P_prim_subInt)
	register("prim_mulInt", P_prim_mulInt)
	register("prim_divInt", P_prim_divInt)
	register("prim_modInt", P_prim_modInt)
	register("prim_eqInt", P_prim_eqInt)
	register("prim_leInt", P_prim_leInt)
	register("prim_geInt", P_prim_geInt)
	register("prim_showInt", P_prim_showInt)
	register("prim_parseInt", P_prim_parseInt)
	register("prim_and", P_prim_and)
	register("prim_or", P_prim_or)
	register("prim_not", P_prim_not)
	register("prim_addFloat", P_prim_addFloat)
	register("prim_subFloat", P_prim_subFloat)
	register("prim_mulFloat", P_prim_mulFloat)
	register("prim_divFloat", P_prim_divFloat)
	register("prim_eqFloat", P_prim_eqFloat)
	register("prim_gtFloat", P_prim_gtFloat)
	register("prim_ltFloat", P_prim_ltFloat)
	register("prim_geFloat", P_prim_geFloat)
	register("prim_leFloat", P_prim_leFloat)
	register("prim_fromIntFloat", P_prim_fromIntFloat)
	register("prim_truncateFloat", P_prim_truncateFloat)
	register("prim_showFloat", P_prim_showFloat)
}
