// bytes.go: Bytes primitives (PRIMITIVES.md §3.13). Contents: every P_/F_ of the bytes group (floor mod 256,
// clamped slices, big-endian pack/unpack, lenient UTF-8 decoding).
package rt

import (
	"strings"
	"unicode/utf8"
)

// F_prim_bytesFromList makes bytes of a list of Ints, each reduced modulo 256 (floor: -1 → 255). Like the
// evaluator, any constructor whose name ends in `Nil`/`Cons` is accepted as a list; a non-list or a
// non-Int element is fatal `NotAFunction <prim>`.
func F_prim_bytesFromList(list Value) Value {
	var out Bytes
	for cur := list; ; {
		if cell := AsCell(cur); cell != nil {
			out = append(out, lowByte(cell.Head))
			cur = cell.Tail
			continue
		}
		c, ok := cur.(*Con)
		switch {
		case ok && strings.HasSuffix(c.Name(), "Nil") && len(c.Args) == 0:
			if out == nil {
				out = Bytes{}
			}
			return out
		case ok && strings.HasSuffix(c.Name(), "Cons") && len(c.Args) == 2:
			out = append(out, lowByte(c.Args[0]))
			cur = c.Args[1]
		default:
			WrongShape()
		}
	}
}

// lowByte is an Int modulo 256 (two's-complement low bits are the floor modulo).
func lowByte(v Value) byte { return byte(WrapInt64(v)) }

// F_prim_bytesToList lists the bytes as Ints 0…255.
func F_prim_bytesToList(bs Value) Value {
	b := AsBytes(bs)
	xs := make([]Value, len(b))
	for i, x := range b {
		xs[i] = int64(x)
	}
	return MkList(xs)
}

// F_prim_bytesLength is the byte count.
func F_prim_bytesLength(bs Value) Value { return int64(len(AsBytes(bs))) }

// F_prim_bytesConcat is a followed by b (a new value: Bytes are never shared mutably).
func F_prim_bytesConcat(a, b Value) Value {
	x, y := AsBytes(a), AsBytes(b)
	out := make(Bytes, 0, len(x)+len(y))
	return append(append(out, x...), y...)
}

// F_prim_bytesSlice drops `start` bytes then keeps up to `n`; never fails (negative start counts as 0,
// negative n or a start past the end give empty bytes). Like the evaluator, both counts are first
// narrowed to 64 bits (two's complement).
func F_prim_bytesSlice(start, n, bs Value) Value {
	if !IsInt(start) || !IsInt(n) {
		WrongShape()
	}
	b := AsBytes(bs)
	s := clampIndex(start, len(b))
	k := clampIndex(n, len(b)-s)
	return b[s : s+k : s+k] // the full slice expression keeps appends from writing into b
}

// clampIndex reads an Int narrowed to int64, clamped to 0…limit.
func clampIndex(v Value, limit int) int {
	n := WrapInt64(v)
	switch {
	case n <= 0:
		return 0
	case n >= int64(limit):
		return limit
	}
	return int(n)
}

// F_prim_bytesPackInt32BE is the low 32 bits (two's complement) of an Int, big-endian.
func F_prim_bytesPackInt32BE(v Value) Value {
	u := uint32(lowWord(v))
	return Bytes{byte(u >> 24), byte(u >> 16), byte(u >> 8), byte(u)}
}

// F_prim_bytesPackInt16BE is the low 16 bits (two's complement) of an Int, big-endian.
func F_prim_bytesPackInt16BE(v Value) Value {
	u := uint16(lowWord(v))
	return Bytes{byte(u >> 8), byte(u)}
}

func lowWord(v Value) uint64 { return uint64(WrapInt64(v)) }

// F_prim_bytesUnpackInt32BE reads the first 4 bytes as an unsigned big-endian integer (extra bytes
// ignored): `Ok n`, or `Err "bytes too short for Int32"`.
func F_prim_bytesUnpackInt32BE(bs Value) Value {
	b := AsBytes(bs)
	if len(b) < 4 {
		return Err("bytes too short for Int32")
	}
	return Ok(int64(b[0])<<24 | int64(b[1])<<16 | int64(b[2])<<8 | int64(b[3]))
}

// F_prim_bytesUnpackInt16BE reads the first 2 bytes as an unsigned big-endian integer:
// `Ok n`, or `Err "bytes too short for Int16"`.
func F_prim_bytesUnpackInt16BE(bs Value) Value {
	b := AsBytes(bs)
	if len(b) < 2 {
		return Err("bytes too short for Int16")
	}
	return Ok(int64(b[0])<<8 | int64(b[1]))
}

// F_prim_bytesFromString is the UTF-8 encoding of a string (a non-String is `NotAFunction <prim>` here,
// not ExpectedString: the evaluator's bytes group uses its catch-all error throughout).
func F_prim_bytesFromString(s Value) Value {
	str, ok := s.(string)
	if !ok {
		WrongShape()
	}
	return Bytes(str)
}

// F_prim_bytesToString decodes UTF-8 leniently: each byte that does not start a valid sequence becomes
// one U+FFFD (the evaluator's grouping of bad bytes may differ slightly; §3.13 says "roughly one per bad
// byte").
func F_prim_bytesToString(bs Value) Value { return DecodeUTF8Lenient(AsBytes(bs)) }

// DecodeUTF8Lenient decodes UTF-8, replacing each invalid byte with U+FFFD.
func DecodeUTF8Lenient(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + 8)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b) // (RuneError, 1) for an invalid byte
		sb.WriteRune(r)
		b = b[size:]
	}
	return sb.String()
}

// The primitive values (PRIMITIVES.md §3.13); prim_bytesEmpty is the constant itself.
var (
	P_prim_bytesEmpty         Value = Bytes{}
	P_prim_bytesFromList            = MkFunc("prim_bytesFromList", 1, func(a []Value) Value { return F_prim_bytesFromList(a[0]) })
	P_prim_bytesToList              = MkFunc("prim_bytesToList", 1, func(a []Value) Value { return F_prim_bytesToList(a[0]) })
	P_prim_bytesLength              = MkFunc("prim_bytesLength", 1, func(a []Value) Value { return F_prim_bytesLength(a[0]) })
	P_prim_bytesConcat              = MkFunc("prim_bytesConcat", 2, func(a []Value) Value { return F_prim_bytesConcat(a[0], a[1]) })
	P_prim_bytesSlice               = MkFunc("prim_bytesSlice", 3, func(a []Value) Value { return F_prim_bytesSlice(a[0], a[1], a[2]) })
	P_prim_bytesPackInt32BE         = MkFunc("prim_bytesPackInt32BE", 1, func(a []Value) Value { return F_prim_bytesPackInt32BE(a[0]) })
	P_prim_bytesUnpackInt32BE       = MkFunc("prim_bytesUnpackInt32BE", 1, func(a []Value) Value { return F_prim_bytesUnpackInt32BE(a[0]) })
	P_prim_bytesPackInt16BE         = MkFunc("prim_bytesPackInt16BE", 1, func(a []Value) Value { return F_prim_bytesPackInt16BE(a[0]) })
	P_prim_bytesUnpackInt16BE       = MkFunc("prim_bytesUnpackInt16BE", 1, func(a []Value) Value { return F_prim_bytesUnpackInt16BE(a[0]) })
	P_prim_bytesFromString          = MkFunc("prim_bytesFromString", 1, func(a []Value) Value { return F_prim_bytesFromString(a[0]) })
	P_prim_bytesToString            = MkFunc("prim_bytesToString", 1, func(a []Value) Value { return F_prim_bytesToString(a[0]) })
)

func init() {
	register("prim_bytesEmpty", P_prim_bytesEmpty)
	register("prim_bytesFromList", P_prim_bytesFromList)
	register("prim_bytesToList", P_prim_bytesToList)
	register("prim_bytesLength", P_prim_bytesLength)
	register("prim_bytesConcat", P_prim_bytesConcat)
	register("prim_bytesSlice", P_prim_bytesSlice)
	register("prim_bytesPackInt32BE", P_prim_bytesPackInt32BE)
	register("prim_bytesUnpackInt32BE", P_prim_bytesUnpackInt32BE)
	register("prim_bytesPackInt16BE", P_prim_bytesPackInt16BE)
	register("prim_bytesUnpackInt16BE", P_prim_bytesUnpackInt16BE)
	register("prim_bytesFromString", P_prim_bytesFromString)
	register("prim_bytesToString", P_prim_bytesToString)
}
