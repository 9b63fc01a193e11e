// bytes_test.go: Bytes primitives (PRIMITIVES.md §3.13, every example there).
package rt

import (
	"bytes"
	"math"
	"testing"
)

func TestBytes(t *testing.T) {
	cases := []struct {
		name string
		got  Value
		want []byte
	}{
		{"fromList mod 256", F_prim_bytesFromList(ints(300, -1, 256, 0, 255)), []byte{44, 255, 0, 0, 255}},
		{"fromList big", F_prim_bytesFromList(MkList([]Value{IntLit("18446744073709551617"), IntLit("-18446744073709551617")})), []byte{1, 255}},
		{"fromList lenient names", F_prim_bytesFromList(MkCon("My.Cons", int64(7), MkCon("My.Nil"))), []byte{7}},
		{"fromList empty", F_prim_bytesFromList(Nil), []byte{}},
		{"concat", F_prim_bytesConcat(Bytes{1, 2}, Bytes{3}), []byte{1, 2, 3}},
		{"concat empty", F_prim_bytesConcat(P_prim_bytesEmpty, Bytes{}), []byte{}},
		{"slice", F_prim_bytesSlice(int64(1), int64(2), Bytes{1, 2, 3, 4}), []byte{2, 3}},
		{"slice negative start", F_prim_bytesSlice(int64(-5), int64(2), Bytes{1, 2, 3}), []byte{1, 2}},
		{"slice start past end", F_prim_bytesSlice(int64(9), int64(2), Bytes{1, 2, 3}), []byte{}},
		{"slice negative len", F_prim_bytesSlice(int64(1), int64(-1), Bytes{1, 2, 3}), []byte{}},
		{"slice len past end", F_prim_bytesSlice(int64(1), int64(99), Bytes{1, 2, 3}), []byte{2, 3}},
		// Counts are narrowed to 64 bits first: 2^64+1 is 1, 2^70 is 0, 2^63 is -2^63.
		{"slice big wraps", F_prim_bytesSlice(IntLit("18446744073709551617"), bigPow2(70, false), Bytes{1, 2, 3}), []byte{}},
		{"slice big wraps 2", F_prim_bytesSlice(bigPow2(63, false), IntLit("18446744073709551618"), Bytes{1, 2, 3}), []byte{1, 2}},
		{"slice huge len", F_prim_bytesSlice(int64(1), int64(math.MaxInt64), Bytes{1, 2, 3}), []byte{2, 3}},
		{"pack32", F_prim_bytesPackInt32BE(int64(305419896)), []byte{18, 52, 86, 120}},
		{"pack32 -1", F_prim_bytesPackInt32BE(int64(-1)), []byte{255, 255, 255, 255}},
		{"pack32 2^32+5", F_prim_bytesPackInt32BE(int64(1)<<32 + 5), []byte{0, 0, 0, 5}},
		{"pack32 big", F_prim_bytesPackInt32BE(F_prim_addInt(bigPow2(80, false), int64(5))), []byte{0, 0, 0, 5}},
		{"pack32 big negative", F_prim_bytesPackInt32BE(F_prim_subInt(bigPow2(80, true), int64(1))), []byte{255, 255, 255, 255}},
		{"pack16", F_prim_bytesPackInt16BE(int64(1000)), []byte{3, 232}},
		{"pack16 -2", F_prim_bytesPackInt16BE(int64(-2)), []byte{255, 254}},
		{"fromString", F_prim_bytesFromString("aé"), []byte{'a', 195, 169}},
	}
	for _, c := range cases {
		b, ok := c.got.(Bytes)
		if !ok || !bytes.Equal(b, c.want) || b == nil {
			t.Errorf("%s: got %#v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestBytesValues(t *testing.T) {
	cases := []struct {
		got  Value
		want string
	}{
		{F_prim_bytesToList(Bytes{0, 128, 255}), "Cons 0 (Cons 128 (Cons 255 Nil))"},
		{F_prim_bytesToList(Bytes{}), "Nil"},
		{F_prim_bytesLength(Bytes{1, 2, 3}), "3"},
		{F_prim_bytesLength(P_prim_bytesEmpty), "0"},
		{F_prim_bytesUnpackInt32BE(Bytes{18, 52, 86, 120}), "Ok 305419896"},
		{F_prim_bytesUnpackInt32BE(F_prim_bytesPackInt32BE(int64(-1))), "Ok 4294967295"},
		{F_prim_bytesUnpackInt32BE(Bytes{0, 0, 1, 0, 9, 9}), "Ok 256"},
		{F_prim_bytesUnpackInt32BE(Bytes{1, 2, 3}), `Err "bytes too short for Int32"`},
		{F_prim_bytesUnpackInt16BE(Bytes{3, 232}), "Ok 1000"},
		{F_prim_bytesUnpackInt16BE(Bytes{255, 255, 7}), "Ok 65535"},
		{F_prim_bytesUnpackInt16BE(Bytes{1}), `Err "bytes too short for Int16"`},
		{F_prim_bytesToString(Bytes("aé")), `"a\233"`},
		{F_prim_bytesToString(Bytes{0xff, 'a'}), `"\65533a"`},
		{F_prim_bytesToString(Bytes{0xe2, 0x82}), `"\65533\65533"`},
		{F_prim_bytesToString(Bytes{}), `""`},
		// One U+FFFD per byte that does not start a well-formed sequence, resuming at the next byte (the
		// text library's decodeUtf8Lenient), BOM kept.
		{F_prim_bytesToString(Bytes{0x41, 0xff, 0x42}), `"A\65533B"`},
		{F_prim_bytesToString(Bytes{0x80}), `"\65533"`},
		{F_prim_bytesToString(Bytes{0xe2, 0x82, 0x41}), `"\65533\65533A"`},
		{F_prim_bytesToString(Bytes{0xf0, 0x9f, 0x98}), `"\65533\65533\65533"`},
		{F_prim_bytesToString(Bytes{0xc0, 0x80}), `"\65533\65533"`},
		{F_prim_bytesToString(Bytes{0xed, 0xa0, 0x80}), `"\65533\65533\65533"`},
		{F_prim_bytesToString(Bytes{0xf4, 0x90, 0x80, 0x80}), `"\65533\65533\65533\65533"`},
		{F_prim_bytesToString(Bytes{0xe2, 0x82, 0xac, 0xff, 0xc3, 0xa9}), `"\8364\65533\233"`},
		{F_prim_bytesToString(Bytes{0xef, 0xbb, 0xbf, 0xff}), `"\65279\65533"`},
		{F_prim_bytesToString(Bytes{0xef, 0xbf, 0xbd}), `"\65533"`},
		{F_prim_bytesToString(F_prim_bytesFromString("a\u00e9\u20ac\U0001F600\x00")), `"a\233\8364\128512\NUL"`},
		{P_prim_bytesEmpty, "<bytes:0>"},
	}
	for i, c := range cases {
		if got := Show(c.got); got != c.want {
			t.Errorf("case %d: got %s, want %s", i, got, c.want)
		}
	}
}

// A slice must not share capacity that a later concat could write into.
func TestBytesSliceIsolated(t *testing.T) {
	orig := Bytes{1, 2, 3, 4}
	s := F_prim_bytesSlice(int64(0), int64(2), orig).(Bytes)
	_ = append(s, 9)
	if orig[2] != 3 {
		t.Error("slice aliases its source")
	}
}

func TestBytesErrors(t *testing.T) {
	expectCrash(t, "fromList non-int", "NotAFunction <prim>", func() { F_prim_bytesFromList(MkList([]Value{"a"})) })
	expectCrash(t, "fromList non-list", "NotAFunction <prim>", func() { F_prim_bytesFromList(int64(5)) })
	expectCrash(t, "concat non-bytes", "NotAFunction <prim>", func() { F_prim_bytesConcat(Bytes{}, int64(1)) })
	expectCrash(t, "slice non-bytes", "NotAFunction <prim>", func() { F_prim_bytesSlice(int64(0), int64(1), int64(5)) })
	expectCrash(t, "slice non-int", "NotAFunction <prim>", func() { F_prim_bytesSlice("0", int64(1), Bytes{}) })
	expectCrash(t, "pack non-int", "NotAFunction <prim>", func() { F_prim_bytesPackInt32BE("x") })
	expectCrash(t, "unpack non-bytes", "NotAFunction <prim>", func() { F_prim_bytesUnpackInt16BE(int64(1)) })
	expectCrash(t, "toString non-bytes", "NotAFunction <prim>", func() { F_prim_bytesToString("x") })
	expectCrash(t, "length non-bytes", "NotAFunction <prim>", func() { F_prim_bytesLength("ab") })
	expectCrash(t, "fromString non-string", "NotAFunction <prim>", func() { F_prim_bytesFromString(Bytes{1}) })
}
