// coerce_test.go: tests of the argument checks (and their error texts), plus the helpers the tests of the
// pure primitives share, and a check that every pure primitive of ir/shared/prims.ts is registered.
package rt

import (
	"math/big"
	"os"
	"regexp"
	"strconv"
	"testing"
)

// crashOf runs f and returns the Crash message ("" if f did not crash).
func crashOf(f func()) string {
	msg, _ := catchCrash(f)
	return msg
}

// expectCrash fails unless f crashes with exactly want.
func expectCrash(t *testing.T, name, want string, f func()) {
	t.Helper()
	msg, crashed := catchCrash(f)
	if !crashed {
		t.Errorf("%s: no crash, want %q", name, want)
	} else if msg != want {
		t.Errorf("%s: crash %q, want %q", name, msg, want)
	}
}

// ints builds a Lune list of Ints.
func ints(xs ...int64) Value {
	vs := make([]Value, len(xs))
	for i, x := range xs {
		vs[i] = x
	}
	return MkList(vs)
}

// bigPow2 is ±2^k as a Lune Int.
func bigPow2(k uint, neg bool) Value {
	b := new(big.Int).Lsh(big.NewInt(1), k)
	if neg {
		b.Neg(b)
	}
	return NormInt(b)
}

func TestCoercionErrors(t *testing.T) {
	expectCrash(t, "AsString", "ExpectedString 1", func() { AsString(int64(1)) })
	expectCrash(t, "AsInt", "NotAFunction <prim>", func() { AsInt("x") })
	expectCrash(t, "BigOf", "NotAFunction <prim>", func() { BigOf(1.5) })
	expectCrash(t, "AsFloat", "NotAFunction <prim>", func() { AsFloat(int64(1)) })
	expectCrash(t, "AsBool", "NotAFunction <prim>", func() { AsBool(Just(True)) })
	expectCrash(t, "AsBool unit", "NotAFunction <prim>", func() { AsBool(Unit) })
	expectCrash(t, "AsChar", "NotAFunction <prim>", func() { AsChar("a") })
	expectCrash(t, "AsBytes", "NotAFunction <prim>", func() { AsBytes(Nil) })
	expectCrash(t, "AsRecord", "NotARecord 3", func() { AsRecord(int64(3)) })
	expectCrash(t, "AsList", "NotARecord 5", func() { AsList(int64(5)) })
	expectCrash(t, "AsList improper", "NotARecord Cons 1 2", func() { AsList(Cons(int64(1), int64(2))) })
}

func TestCoercionsAccept(t *testing.T) {
	if AsString("x") != "x" || AsFloat(2.5) != 2.5 || !AsBool(True) || AsBool(False) || AsChar(Char('a')) != 'a' {
		t.Fatal("basic coercions")
	}
	if n, b := AsInt(int64(7)); n != 7 || b != nil {
		t.Fatal("AsInt small")
	}
	if _, b := AsInt(bigPow2(70, false)); b == nil || b.String() != "1180591620717411303424" {
		t.Fatal("AsInt big")
	}
	xs := AsList(ints(1, 2, 3))
	if len(xs) != 3 || xs[2] != int64(3) || len(AsList(Nil)) != 0 {
		t.Fatal("AsList")
	}
	if got := Show(MkList([]Value{"a", Char('b')})); got != `Cons "a" (Cons 'b' Nil)` {
		t.Fatal(got)
	}
	if r := AsRecord(MkRecord([]string{"a"}, int64(1))); r.Shape().Labels[0] != "a" {
		t.Fatal("AsRecord")
	}
}

// The pure groups of ir/shared/prims.ts (the TypeScript table is the source of truth) must all be registered,
// with the right arity, as P_ values.
func TestPureGroupsRegistered(t *testing.T) {
	src, err := os.ReadFile("../ir/shared/prims.ts")
	if err != nil {
		t.Skip("ir/shared/prims.ts not found:", err)
	}
	groups := regexp.MustCompile(`g\('(\w+)', \{([^}]*)\}\)`).FindAllStringSubmatch(string(src), -1)
	entry := regexp.MustCompile(`(\$?\w+): (\d)`)
	pure := map[string]bool{"ints": true, "bools": true, "floats": true, "strings": true, "templates": true, "json": true, "bytes": true}
	count := 0
	for _, g := range groups {
		if !pure[g[1]] {
			continue
		}
		for _, e := range entry.FindAllStringSubmatch(g[2], -1) {
			count++
			name, arity := e[1], e[2]
			v, ok := Table[name]
			if !ok {
				t.Errorf("%s (%s) is not registered", name, g[1])
				continue
			}
			if arity == "0" {
				if _, isFunc := v.(*Func); isFunc {
					t.Errorf("%s has arity 0 but is a function", name)
				}
				continue
			}
			f, isFunc := v.(*Func)
			if !isFunc || strconv.Itoa(f.Arity) != arity || f.Name != name {
				t.Errorf("%s: want a *Func %s of arity %s, got %#v", name, name, arity, v)
			}
		}
	}
	if count < 10+3+12+6+12+18+12 { // the 73 of PRIMITIVES.md; compiler-internal ones may be added
		t.Errorf("found only %d pure primitives in prims.ts: is the regexp out of date?", count)
	}
}
