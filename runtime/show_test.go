// show_test.go: the value printer against PRIMITIVES.md §1.11 (every example there), Haskell string and
// char escapes, and a long list printed without deep recursion.
package rt

import (
	"math"
	"strings"
	"testing"
)

// fakeIO stands for a value of D2's kinds, which print themselves.
type fakeIO struct{}

func (fakeIO) LuneShow() string { return "<io>" }

func TestShow(t *testing.T) {
	cases := []struct {
		v    Value
		want string
	}{
		{int64(42), "42"},
		{int64(-5), "-5"},
		{bigPow2(70, true), "-1180591620717411303424"},
		{1.5, "1.5"},
		{-2.5, "-2.5"},
		{1e7, "1.0e7"},
		{math.NaN(), "NaN"},
		{"", `""`},
		{"hi", `"hi"`},
		{`a"b\c`, `"a\"b\\c"`},
		{"λ", `"\955"`},
		{"λ1", `"\955\&1"`},
		{"λx", `"\955x"`},
		{"é9λ", `"\233\&9\955"`},
		{"\n\t\r\a\b\f\v", `"\n\t\r\a\b\f\v"`},
		{"\x00\x01\x1b\x1f", `"\NUL\SOH\ESC\US"`},
		{"\x7f", `"\DEL"`},
		{"\x0eH", `"\SO\&H"`},
		{"\x0eh", `"\SOh"`},
		{"\x0e", `"\SO"`},
		{"\x00" + "1", `"\NUL1"`}, // only numeric escapes need \& before a digit
		{"it's", `"it's"`},
		{"😀", `"\128512"`},
		{Char('a'), "'a'"},
		{Char('\''), `'\''`},
		{Char('"'), `'"'`},
		{Char('\n'), `'\n'`},
		{Char('\\'), `'\\'`},
		{Char('λ'), `'\955'`},
		{Char(0), `'\NUL'`},
		{Char(0x0e), `'\SO'`},
		{Just(Just(int64(1))), "Just (Just 1)"},
		{Just(int64(-1)), "Just -1"},
		{Cons(int64(1), Cons(int64(2), Nil)), "Cons 1 (Cons 2 Nil)"},
		{Ok(-2.5), "Ok -2.5"},
		{MkCon("Lune.Prelude.Task", fakeIO{}), "Task <io>"},
		{MkCon("Lune.Prelude.Pair", Just(int64(1)), Nothing), "Pair (Just 1) Nothing"},
		{MkCon("Lune.Prelude.Pair", MkRecord([]string{"a"}, int64(1)), Nil), "Pair ({ a = 1 }) Nil"},
		{Just(MkRecord(nil)), "Just ({  })"},
		{MkCon("Main.Leaf"), "Leaf"},
		{MkCon("Bare", "x"), `Bare "x"`},
		{Err("bad"), `Err "bad"`},
		{MkRecord([]string{"b", "a"}, "x", 1.5), `{ a = 1.5 , b = "x" }`},
		{MkRecord(nil), "{  }"},
		{MkRecord([]string{"a"}, Just(int64(1))), "{ a = Just 1 }"},
		{MkRecord([]string{"r"}, MkRecord([]string{"x"}, int64(0))), "{ r = { x = 0 } }"},
		{MkFunc("prim_addInt", 2, nil), "<prim>"},
		{&Func{Name: "prim_addInt", Arity: 2, Args: []Value{int64(1)}}, "<prim>"},
		{MkFunc("$primIOBind", 2, nil), "<prim>"},
		{MkFunc("Main.f", 1, nil), "<closure>"},
		{MkFunc("", 1, nil), "<closure>"},
		{Bytes{1, 2, 3}, "<bytes:3>"},
		{Bytes{}, "<bytes:0>"},
		{emptyTemplate, "<template>"},
		{jsonNull, "<json>"},
		{fakeIO{}, "<io>"},
	}
	for _, c := range cases {
		if got := Show(c.v); got != c.want {
			t.Errorf("Show(%#v) = %s, want %s", c.v, got, c.want)
		}
	}
}

func TestShowString(t *testing.T) {
	if got := ShowString("name"); got != `"name"` {
		t.Error(got)
	}
	if got := ShowString("\u00a0"); got != `"\160"` {
		t.Error(got)
	}
}

// A 200 000-element list prints iteratively (a recursive printer would still work in Go, but slowly).
func TestShowLongList(t *testing.T) {
	const n = 200000
	var l Value = Nil
	for i := 0; i < n; i++ {
		l = Cons(int64(1), l)
	}
	s := Show(l)
	if !strings.HasPrefix(s, "Cons 1 (Cons 1 (") || !strings.HasSuffix(s, "Nil"+strings.Repeat(")", n-1)) {
		t.Errorf("long list printed wrongly: %s…%s", s[:30], s[len(s)-30:])
	}
	if len(s) != n*len("Cons 1 (")-1+len("Nil")+(n-1) {
		t.Errorf("length %d", len(s))
	}
}
