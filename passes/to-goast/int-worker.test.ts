// passes/to-goast/int-worker.test.ts: the unboxed worker and the wrapper's prologue for an Int-only function with
// a self tail call (exact Go), which functions get none, and a Go run where the worker must give up (overflow).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Core from '../../ir/core/core';
import { parseCore } from '../../ir/core/parse';
import * as G from '../../ir/goast';
import { goTarget } from '../../ir/shared/prims';
import { compile } from '../pipeline';
import { emitModule } from '../../emit/module';
import { writeModule } from '../../emit/write';
import { goBuild } from '../../emit/build';
import type * as Anf from '../../ir/anf/anf';
import { plan } from './names';
import { planWorkers } from './int-worker';

const sum = (start: string) => `module Main
Main.sum = \\n acc -> case prim_eqInt n 0 of { Lune.Prelude.True -> acc; Lune.Prelude.False -> Main.sum (prim_subInt n 1) (prim_addInt acc n) }
Main.len = \\xs -> case xs of { Lune.Prelude.Nil -> 0; Lune.Prelude.Cons _ r -> prim_addInt 1 (Main.len r) }
Main.main = prim_putStrLn (prim_showInt (prim_addInt (Main.sum 10 ${start}) (Main.len (Lune.Prelude.Cons 1 Lune.Prelude.Nil))))
`;
const goOf = (src: string, optimize = true) => compile(parseCore(src, 't.lcore'), { target: goTarget, optimize }).file!;
const section = (text: string, from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to));

/** Builds the program with Go (optimizations on) and runs it once: its stdout, stderr and exit status. */
const runGo = (src: string) => runGoModule(parseCore(src, 't.lcore'));

/** runGo of a Core module. */
async function runGoModule(m: Core.Module): Promise<{ stdout: string; stderr: string; status: number | null }> {
  const dir = mkdtempSync(join(tmpdir(), 'int-worker-'));
  try {
    writeModule(emitModule(compile(m, { target: goTarget, optimize: true }).file!), dir);
    const b = await goBuild(dir);
    assert.ok(b.ok, b.stderr);
    const r = spawnSync(join(dir, 'program'), [], { encoding: 'utf8' });
    return { stdout: r.stdout, stderr: r.stderr, status: r.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('an Int-only function: the wrapper tries the worker on int64 (a loop for its self tail call), else the boxed half', () => {
  const text = G.print(goOf(sum('0')));
  assert.is(section(text, '// Main_sum is Main.sum', '// fn_Main_len is'), `// Main_sum is Main.sum: its worker when it applies, else its boxed half.
func Main_sum(n rt.Value, acc rt.Value) rt.Value {
\tif i, ok := n.(int64); ok {
\t\tif i_1, ok := acc.(int64); ok {
\t\t\tif r_1, ok := Main_sum_w(i, i_1); ok {
\t\t\t\treturn rt.BoxInt(r_1)
\t\t\t}
\t\t}
\t}
\treturn Main_sum_boxed(n, acc)
}

// Main_sum_boxed is Main.sum on boxed values.
func Main_sum_boxed(n_in rt.Value, acc_in rt.Value) rt.Value {
\tfor {
\t\tn := n_in
\t\tacc := acc_in
\t\tif rt.F_prim_eqInt(n, int64(0)) == rt.True {
\t\t\treturn acc
\t\t} else {
\t\t\t_t := rt.F_prim_subInt(n, int64(1))
\t\t\t_t_1 := rt.F_prim_addInt(acc, n)
\t\t\tn_in, acc_in = _t, _t_1
\t\t\tcontinue
\t\t}
\t}
}

// Main_sum_w is Main.sum on int64 n, acc; false where the boxed code would leave int64 or fail.
func Main_sum_w(n int64, acc int64) (int64, bool) {
\tfor {
\t\t_s := n == 0
\t\tif _s {
\t\t\treturn acc, true
\t\t} else {
\t\t\t_t := n - 1
\t\t\tif (n^1)&(n^_t) < 0 {
\t\t\t\treturn 0, false
\t\t\t}
\t\t\t_t_1 := acc + n
\t\t\tif (acc^_t_1)&(n^_t_1) < 0 {
\t\t\t\treturn 0, false
\t\t\t}
\t\t\tn, acc = _t, _t_1
\t\t\tcontinue
\t\t}
\t}
}

`);
  assert.is(G.check(goOf(sum('0'))).length, 0);
});

test('a function over a list with an Int result: a worker keeps the list boxed and the Int unboxed', () => {
  const text = G.print(goOf(sum('0')));
  assert.is(section(text, '// Main_len_w is', '// v_Main_main caches'), `// Main_len_w is Main.len computing its Int result unboxed; false where the boxed code would leave int64 or fail.
func Main_len_w(xs rt.Value) (int64, bool) {
\tswitch con, cell := rt.ConOrCell(xs); {
\tcase con != nil && con.K == rt.KNil && len(con.Args) == 0:
\t\treturn 0, true
\tcase cell != nil:
\t\tr := cell.Tail
\t\t_t_2, ok_1 := Main_len_w(r)
\t\tif !ok_1 {
\t\t\treturn 0, false
\t\t}
\t\tw := 1 + _t_2
\t\tif (1^w)&(_t_2^w) < 0 {
\t\t\treturn 0, false
\t\t}
\t\treturn w, true
\tdefault:
\t\treturn 0, false
\t}
}

`);
  // The boxed half calls the boxed half: after one give-up, no worker is retried at every level.
  assert.ok(text.includes('_t_2 := Main_len_boxed(r)'), text);
});

test('-O0: no workers, no loops, no if on a comparison', () => {
  const text = G.print(goOf(sum('0'), false));
  assert.not.ok(text.includes('_w('));
  assert.not.ok(text.includes('_boxed('));
  assert.not.ok(text.includes('for {'));
  assert.not.ok(text.includes('== rt.True'));
});

test('a comparison whose case lacks an arm fails on the Bool it tested, naming the default\'s function', () => {
  const text = G.print(goOf(`module Main
Main.f = \\n -> case prim_eqInt (prim_addInt n n) 0 of { Lune.Prelude.True -> Main.f n }
Main.main = prim_putStrLn (prim_showInt (Main.f 1))
`));
  assert.ok(text.includes(`\t\tif rt.F_prim_eqInt(_t, int64(0)) == rt.True {
\t\t\tn_in = n
\t\t\tcontinue
\t\t} else {
\t\t\treturn rt.NonExhaustive("Main.f", rt.False)
\t\t}`), text);
});

test('Go: the worker gives up on overflow and the boxed code computes the big Int', async () => {
  const r = await runGo(sum('9223372036854775800'));
  assert.is(r.stdout, '9223372036854775856\n');
  assert.is(r.status, 0);
});

const allOps = `module Main
Main.ops = \\a b ->
  let s = prim_addInt a b in let d = prim_subInt a b in let m = prim_mulInt a b in let q = prim_divInt a b in let r = prim_modInt a b in
  case prim_and (prim_geInt a b) (prim_or (prim_leInt a b) (prim_not (prim_eqInt a b))) of {
    Lune.Prelude.True -> prim_addInt s (prim_addInt d (prim_addInt m (prim_addInt q r)));
    Lune.Prelude.False -> 0 }
Main.line = \\a b -> prim_putStrLn (prim_showInt (Main.ops a b))
Main.main = prim_ioBind (Main.line 7 2) (\\u1 -> prim_ioBind (Main.line 7 (prim_subInt 0 2)) (\\u2 -> prim_ioBind (Main.line 2 7)
  (\\u3 -> prim_ioBind (Main.line 3037000500 3037000500) (\\u4 -> Main.line 5 0))))
`;

test('every Int and Bool primitive in a worker, exactly: overflow-checked + - (inline), * div mod (rt helpers), comparisons, and, or, not', () => {
  const text = G.print(goOf(allOps));
  assert.is(section(text, '// Main_ops_w is', '// fn_Main_line is'), `// Main_ops_w is Main.ops on int64 a, b; false where the boxed code would leave int64 or fail.
func Main_ops_w(a int64, b int64) (int64, bool) {
\ts := a + b
\tif (a^s)&(b^s) < 0 {
\t\treturn 0, false
\t}
\td := a - b
\tif (a^b)&(a^d) < 0 {
\t\treturn 0, false
\t}
\tm, ok_1 := rt.MulInt64(a, b)
\tif !ok_1 {
\t\treturn 0, false
\t}
\tq, ok_2 := rt.FloorDiv64(a, b)
\tif !ok_2 {
\t\treturn 0, false
\t}
\tr, ok_3 := rt.FloorMod64(a, b)
\tif !ok_3 {
\t\treturn 0, false
\t}
\t_t := a >= b
\t_t_1 := a <= b
\t_t_2 := a == b
\t_t_3 := !_t_2
\t_t_4 := _t_1 || _t_3
\t_s := _t && _t_4
\tif _s {
\t\t_t_5 := q + r
\t\tif (q^_t_5)&(r^_t_5) < 0 {
\t\t\treturn 0, false
\t\t}
\t\t_t_6 := m + _t_5
\t\tif (m^_t_6)&(_t_5^_t_6) < 0 {
\t\t\treturn 0, false
\t\t}
\t\t_t_7 := d + _t_6
\t\tif (d^_t_7)&(_t_6^_t_7) < 0 {
\t\t\treturn 0, false
\t\t}
\t\tw := s + _t_7
\t\tif (s^w)&(_t_7^w) < 0 {
\t\t\treturn 0, false
\t\t}
\t\treturn w, true
\t} else {
\t\treturn 0, true
\t}
}

`, text);
});

test('Go: every primitive of a worker computes what the evaluator does (floor division of negatives, a product past int64, division by zero)', async () => {
  const r = await runGo(allOps);
  assert.is(r.stdout, '32\n-5\n0\n9223372043074251001\n');
  assert.is(r.stderr, 'error: divide by zero\n');
  assert.is(r.status, 1);
});

const mixed = `module Main
Main.walk = \\flag n acc xs -> case xs of {
    Lune.Prelude.Nil -> case flag of { Lune.Prelude.True -> prim_addInt acc 9223372036854775807; Lune.Prelude.False -> prim_subInt acc (prim_subInt 0 9223372036854775807) };
    Lune.Prelude.Cons x r -> case prim_leInt x n of {
      Lune.Prelude.True -> Main.walk Lune.Prelude.True n (prim_addInt acc (prim_addInt x x)) r;
      Lune.Prelude.False -> Main.walk flag n acc r } }
Main.pair = \\a b -> Lune.Prelude.Just (prim_eqInt a b)
Main.big = \\a -> prim_addInt a 9223372036854775808
Main.show = \\v -> prim_putStrLn ($primShowValue v)
Main.main = prim_ioBind (Main.show (Main.walk Lune.Prelude.False 5 (prim_subInt 0 9223372036854775807) (Lune.Prelude.Cons 3 (Lune.Prelude.Cons 9 Lune.Prelude.Nil))))
  (\\u1 -> prim_ioBind (Main.show (Main.walk Lune.Prelude.False 5 0 Lune.Prelude.Nil))
  (\\u2 -> prim_ioBind (Main.show (Main.pair 4 4)) (\\u3 -> Main.show (Main.big 1))))
`;

test('a worker with a boxed Bool parameter set from a constructor, int64 bounds as literals, a boxed element unboxed once, a parameter left out of a loop step, a Bool boxed into a constructor, a literal past int64', () => {
  const text = G.print(goOf(mixed));
  assert.is(section(text, '// Main_walk_w is', '// fn_Main_big is'), `// Main_walk_w is Main.walk on int64 n, acc; false where the boxed code would leave int64 or fail.
func Main_walk_w(flag rt.Value, n int64, acc int64, xs rt.Value) (int64, bool) {
\tvar xs_cur_1 rt.ListCursor
\txs_cur_1.Set(xs)
\tfor {
\t\tswitch elem, isCons := xs_cur_1.Next(); {
\t\tcase isCons:
\t\t\tx := elem
\t\t\tn_1, ok_1 := x.(int64)
\t\t\tif !ok_1 {
\t\t\t\treturn 0, false
\t\t\t}
\t\t\t_s := n_1 <= n
\t\t\tif _s {
\t\t\t\t_t_1 := n_1 + n_1
\t\t\t\tif (n_1^_t_1)&(n_1^_t_1) < 0 {
\t\t\t\t\treturn 0, false
\t\t\t\t}
\t\t\t\t_t_2 := acc + _t_1
\t\t\t\tif (acc^_t_2)&(_t_1^_t_2) < 0 {
\t\t\t\t\treturn 0, false
\t\t\t\t}
\t\t\t\tflag, acc = rt.True, _t_2
\t\t\t\tcontinue
\t\t\t} else {
\t\t\t\tcontinue
\t\t\t}
\t\tcase xs_cur_1.AtNil():
\t\t\tswitch con, _ := flag.(*rt.Con); {
\t\t\tcase con != nil && con.K == rt.KTrue && len(con.Args) == 0:
\t\t\t\tw := acc + 9223372036854775807
\t\t\t\tif (acc^w)&(9223372036854775807^w) < 0 {
\t\t\t\t\treturn 0, false
\t\t\t\t}
\t\t\t\treturn w, true
\t\t\tcase con != nil && con.K == rt.KFalse && len(con.Args) == 0:
\t\t\t\t_t, ok_2 := rt.SubInt64(0, 9223372036854775807)
\t\t\t\tif !ok_2 {
\t\t\t\t\treturn 0, false
\t\t\t\t}
\t\t\t\tw_1 := acc - _t
\t\t\t\tif (acc^_t)&(acc^w_1) < 0 {
\t\t\t\t\treturn 0, false
\t\t\t\t}
\t\t\t\treturn w_1, true
\t\t\tdefault:
\t\t\t\treturn 0, false
\t\t\t}
\t\tdefault:
\t\t\treturn 0, false
\t\t}
\t}
}

// fn_Main_pair is Main.pair as a Lune value.
var fn_Main_pair *rt.Func

// Main_pair is Main.pair: its worker when it applies, else its boxed half.
func Main_pair(a rt.Value, b rt.Value) rt.Value {
\tif i_2, ok := a.(int64); ok {
\t\tif i_3, ok := b.(int64); ok {
\t\t\tif r_2, ok := Main_pair_w(i_2, i_3); ok {
\t\t\t\treturn r_2
\t\t\t}
\t\t}
\t}
\treturn Main_pair_boxed(a, b)
}

// Main_pair_boxed is Main.pair on boxed values.
func Main_pair_boxed(a rt.Value, b rt.Value) rt.Value {
\t_t_3 := rt.F_prim_eqInt(a, b)
\treturn rt.MkCon1(rt.KJust, _t_3)
}

// Main_pair_w is Main.pair on int64 a, b; false where the boxed code would leave int64 or fail.
func Main_pair_w(a int64, b int64) (rt.Value, bool) {
\t_t_3 := a == b
\tvar w_2 rt.Value = rt.MkCon1(rt.KJust, rt.Bool(_t_3))
\treturn w_2, true
}

`, text);
  assert.is(section(text, '// Main_big_w is', '// fn_Main_show is'), `// Main_big_w is Main.big on int64 a_1; false where the boxed code would leave int64 or fail.
func Main_big_w(a_1 int64) (int64, bool) {
\tn_2, ok_3 := rt.IntLit("9223372036854775808").(int64)
\tif !ok_3 {
\t\treturn 0, false
\t}
\tw_3 := a_1 + n_2
\tif (a_1^w_3)&(n_2^w_3) < 0 {
\t\treturn 0, false
\t}
\treturn w_3, true
}

`, text);
});

test('Go: that worker, its give-ups (int64 overflow at both bounds, the literal past int64) and its boxed Bool agree with the evaluator', async () => {
  const r = await runGo(mixed);
  assert.is(r.stdout, '6\n9223372036854775807\nJust True\n9223372036854775809\n');
  assert.is(r.status, 0);
});

test('which functions get a worker, and its signature: Int operands unboxed, Int/Bool results, other primitives on boxed values, records; a boxed signature only when the function calls a worker with Ints at its boundary; not for partial applications; callees of workers included', () => {
  const m = compile(parseCore(`module Main
Main.k = prim_addInt 40 2
Main.inc = \\n -> prim_addInt n 1
Main.isPos = \\n -> prim_leInt 1 n
Main.neg = \\b -> prim_not b
Main.both = \\a b -> prim_and a (prim_or b Lune.Prelude.False)
Main.plusK = \\n -> prim_mulInt n Main.k
Main.sumList = \\xs -> case xs of { Lune.Prelude.Nil -> 0; Lune.Prelude.Cons x r -> prim_addInt x (Main.sumList r) }
Main.orDefault = \\n xs -> case xs of { Lune.Prelude.Nil -> n; Lune.Prelude.Cons x r -> prim_addInt x 1 }
Main.label = \\n -> case prim_eqInt n 0 of { Lune.Prelude.True -> "zero"; Lune.Prelude.False -> "other" }
Main.shown = \\n -> prim_showInt (prim_addInt n 1)
Main.viaInc = \\n -> Main.inc (Main.inc n)
Main.plain = \\xs -> case xs of { Lune.Prelude.Nil -> Lune.Prelude.Nil; Lune.Prelude.Cons x r -> Lune.Prelude.Cons x (Main.plain r) }
Main.usesPlain = \\n xs -> prim_addInt n (Main.sumList (Main.plain xs))
Main.field = \\p -> prim_addInt p.#x 1
Main.byName = \\s n -> case s of { "inc" -> prim_addInt n 1; _ -> n }
Main.loop = \\n -> Main.loop (prim_subInt n 1)
Main.partial = \\n -> prim_addInt n
Main.boolArms = \\b n -> case b of { Lune.Prelude.True -> prim_addInt n 1; Lune.Prelude.False -> n }
Main.stepish = \\p -> { v = Main.inc (prim_addInt p.#x 1) }
Main.noCall = \\p -> { v = prim_addInt p.#x 1 }
Main.viaPlain = \\p xs -> { v = prim_addInt p.#x 1, w = Main.plain xs }
Main.armsMix = \\n -> case prim_leInt n 0 of { Lune.Prelude.True -> prim_addInt n 1; Lune.Prelude.False -> Main.k }
Main.partly = \\n xs -> case xs of { Lune.Prelude.Cons x r -> prim_addInt n x }
Main.onlyFails = \\n -> case prim_eqInt (prim_addInt n 1) 0 of { Lune.Prelude.True -> case Lune.Prelude.Nil of { Lune.Prelude.Cons a b -> Main.onlyFails a } }
Main.top = \\n -> prim_addInt 1 (Main.mid n)
Main.mid = \\n -> Main.bottom n
Main.bottom = \\n -> prim_addInt n 2
Main.all = { f0 = Main.k, f1 = Main.inc, f2 = Main.isPos, f3 = Main.neg, f4 = Main.both, f5 = Main.plusK, f6 = Main.sumList, f7 = Main.orDefault, f8 = Main.label, f9 = Main.shown, f10 = Main.viaInc, f11 = Main.plain, f12 = Main.usesPlain, f13 = Main.field, f14 = Main.byName, f15 = Main.loop, f16 = Main.partial, f17 = Main.boolArms, f18 = Main.stepish, f19 = Main.noCall, f20 = Main.viaPlain, f21 = Main.armsMix, f22 = Main.partly, f23 = Main.onlyFails, f24 = Main.top }
Main.main = prim_putStrLn (prim_showInt (prim_addInt (Main.inc 1) Main.all.#f0))
`, 't.lcore'), { target: goTarget, stopAfter: 'anf' }).outputs.get('anf') as Anf.Module;
  const table = [...planWorkers(m, plan(m))].map(([n, w]) => `${n} (${w.params.join(', ')}) -> ${w.result}`).join('\n');
  assert.is(table, `Main.inc (int) -> int
Main.isPos (int) -> bool
Main.neg (val) -> bool
Main.both (val, val) -> bool
Main.plusK (int) -> int
Main.sumList (val) -> int
Main.label (int) -> val
Main.shown (int) -> val
Main.plain (val) -> val
Main.usesPlain (int, val) -> int
Main.field (val) -> int
Main.byName (val, int) -> int
Main.loop (int) -> val
Main.boolArms (val, int) -> int
Main.stepish (val) -> val
Main.armsMix (int) -> val
Main.partly (int, val) -> int
Main.onlyFails (int) -> val
Main.top (val) -> int
Main.mid (val) -> int
Main.bottom (int) -> int`);
});

const letSwitches = `module Main
Main.pick = \\b n ->
  let y = case b of { Lune.Prelude.True -> prim_addInt n 1; Lune.Prelude.False -> prim_subInt n 1 } in
  let t = case prim_leInt y 10 of { Lune.Prelude.True -> Lune.Prelude.True; Lune.Prelude.False -> prim_eqInt y 20 } in
  let s = case prim_eqInt n 0 of { Lune.Prelude.True -> "zero"; Lune.Prelude.False -> "other" } in
  case t of { Lune.Prelude.True -> prim_mulInt y 2; Lune.Prelude.False -> case s of { "zero" -> 0; _ -> y } }
Main.main = prim_ioBind (prim_putStrLn (prim_showInt (Main.pick Lune.Prelude.True 4))) (\\u -> prim_ioBind (prim_putStrLn (prim_showInt (Main.pick Lune.Prelude.False 21))) (\\v -> prim_ioBind (prim_putStrLn (prim_showInt (Main.pick Lune.Prelude.True 0))) (\\w -> prim_putStrLn (prim_showInt (Main.pick Lune.Prelude.False 30)))))
`;

test('let-bound switches in a worker: an Int one, a Bool one (an if), a boxed one (strings), then a string switch', async () => {
  assert.is(section(G.print(goOf(letSwitches)), '// Main_pick_w is', '// v_Main_main'), `// Main_pick_w is Main.pick on int64 n; false where the boxed code would leave int64 or fail.
func Main_pick_w(b rt.Value, n int64) (int64, bool) {
\tvar y int64
\tswitch con, _ := b.(*rt.Con); {
\tcase con != nil && con.K == rt.KTrue && len(con.Args) == 0:
\t\tw_1 := n + 1
\t\tif (n^w_1)&(1^w_1) < 0 {
\t\t\treturn 0, false
\t\t}
\t\ty = w_1
\tcase con != nil && con.K == rt.KFalse && len(con.Args) == 0:
\t\tw_2 := n - 1
\t\tif (n^1)&(n^w_2) < 0 {
\t\t\treturn 0, false
\t\t}
\t\ty = w_2
\tdefault:
\t\treturn 0, false
\t}
\t_s := y <= 10
\tvar t bool
\tif _s {
\t\tt = true
\t} else {
\t\tw_3 := y == 20
\t\tt = w_3
\t}
\t_s_1 := n == 0
\tvar s rt.Value
\tif _s_1 {
\t\ts = "zero"
\t} else {
\t\ts = "other"
\t}
\tif t {
\t\tw_4, ok_1 := rt.MulInt64(y, 2)
\t\tif !ok_1 {
\t\t\treturn 0, false
\t\t}
\t\treturn w_4, true
\t} else {
\t\tswitch {
\t\tcase s == "zero":
\t\t\treturn 0, true
\t\tdefault:
\t\t\treturn y, true
\t\t}
\t}
}

`);
  const r = await runGo(letSwitches);
  assert.is(r.stdout, '10\n40\n2\n29\n');
  assert.is(r.status, 0);
});

const withPrims = `module Main
Main.len = \\xs acc -> case xs of { Lune.Prelude.Nil -> acc; Lune.Prelude.Cons _ r -> Main.len r (prim_addInt acc 1) }
Main.describe = \\n acc -> case prim_eqInt n 0 of {
    Lune.Prelude.True -> prim_appendString "done " (prim_showInt acc);
    Lune.Prelude.False -> Main.describe (prim_subInt n 1) (prim_addInt acc (Main.len (prim_stringToChars (prim_showInt n)) 0)) }
Main.big = \\n -> prim_showInt (prim_mulInt n 4611686018427387904)
Main.bad = \\n -> prim_showInt (prim_charToInt (prim_intToChar (prim_addInt n 1114111)))
Main.main = \$primIOBind (prim_putStrLn (Main.describe 1000 0)) (\\u -> \$primIOBind (prim_putStrLn (Main.big 3)) (\\v -> \$primIOBind (prim_putStrLn (Main.bad 0)) (\\w -> prim_putStrLn (Main.bad 1))))
`;

test('Go: workers call other primitives on boxed values (showInt n boxes n), give up on an overflow after them, and crash where the boxed code would', async () => {
  const text = G.print(goOf(withPrims));
  assert.match(text, 'func Main_describe_w(n int64, acc_1 int64) (rt.Value, bool) {');
  assert.match(text, '\t\t\tvar _t_3 rt.Value = rt.F_prim_showInt(rt.BoxInt(n))\n\t\t\tvar _t_4 rt.Value = rt.F_prim_stringToChars(_t_3)\n');
  assert.match(text, '\tvar _t_9 rt.Value = rt.F_prim_intToChar(rt.BoxInt(_t_8))\n');
  const r = await runGo(withPrims);
  assert.is(r.stdout, 'done 2893\n13835058055282163712\n1114111\n');
  assert.is(r.stderr, 'error: Prelude.chr: bad argument: 1114112\n');
  assert.is(r.status, 1);
});

const withRecords = `module Main
Main.clamp = \\v -> case prim_leInt v 100 of { Lune.Prelude.True -> v; Lune.Prelude.False -> 100 }
Main.step = \\p -> { x = Main.clamp (prim_addInt p.#x p.#v), v = p.#v }
Main.show = \\p -> prim_appendString (prim_showInt p.#x) (prim_appendString " " (prim_showInt p.#v))
Main.main = \$primIOBind (prim_putStrLn (Main.show (Main.step { x = 95, v = 3 }))) (\\u ->
  \$primIOBind (prim_putStrLn (Main.show (Main.step (Main.step { x = 95, v = 3 })))) (\\w ->
  \$primIOBind (prim_putStrLn (Main.show (Main.step { x = 9223372036854775807, v = 1 }))) (\\y ->
  prim_putStrLn (Main.show (Main.step { x = 1, v = "a" })))))
`;

test('Go: a worker reads Ints from a record, calls another worker unboxed and builds a record; an overflow and a non-Int field go to the boxed code', async () => {
  const text = G.print(goOf(withRecords));
  assert.match(text, 'func Main_step_w(p rt.Value) (rt.Value, bool) {');
  assert.match(text, '\t_t_3, ok_3 := Main_clamp_w(_t_2)\n');
  // The fields it adds are read unboxed from an IntRecord, else searched; not an Int: the boxed code runs.
  assert.match(text, '\t_t_1, ok_2 := rt.IntFieldIn2(p, labels, 0)\n\tif !ok_2 {\n\t\t_t_1, ok_2 = rt.IntSelect(p, labels, 0, "v")\n\t\tif !ok_2 {\n\t\t\treturn nil, false\n');
  assert.match(text, '\tvar w_1 rt.Value = rt.MkIntRecord2(labels, _t_1, _t_3)\n\treturn w_1, true\n');
  const r = await runGo(withRecords);
  assert.is(r.stdout, '98 3\n100 3\n100 1\n');
  assert.is(r.stderr, 'error: NotAFunction <prim>\n');
  assert.is(r.status, 1);
});

const intRecords = `module Main
Main.move = \\p d -> let nx = prim_addInt p.#x d in { y = prim_mulInt nx 1000000000000, x = nx }
Main.show = \\p -> prim_appendString (prim_showInt p.#x) (prim_appendString " " (prim_showInt p.#y))
Main.main = \$primIOBind (prim_putStrLn (Main.show (Main.move { x = 1, y = 0 } 1))) (\\u ->
  \$primIOBind (prim_putStrLn (Main.show (Main.move { x = 9223372036854775807, y = 0 } 1))) (\\w ->
  \$primIOBind (prim_putStrLn (Main.show (Main.move { x = 1, y = 100000000000000000000 } 1))) (\\v ->
  prim_putStrLn (Main.show (Main.move (Main.move { x = 10000000000, y = 0 } 1) 1)))))
`;

test('Go: a worker builds a record of Ints unboxed (an IntRecord) and reads its fields unboxed; an overflow builds it boxed, with big Ints', async () => {
  const text = G.print(goOf(intRecords));
  assert.match(text, '\tvar w_1 rt.Value = rt.MkIntRecord2(labels, nx, _t_1)\n\treturn w_1, true\n');
  assert.match(text, '\treturn rt.MkRecordSorted2(labels, nx, _t_1)\n'); // the boxed half
  const r = await runGo(intRecords);
  // A record with a big Int is boxed: its Int field is found by IntSelect (the worker still applies).
  assert.is(r.stdout, '2 2000000000000\n9223372036854775808 9223372036854775808000000000000\n2 2000000000000\n10000000002 10000000002000000000000\n');
  assert.is(r.status, 0);
});

const recordEdges = `module Main
Main.f = \\p n b -> let four = prim_addInt p.#d n in
  let five = prim_addInt (Main.q { a5 = 1, b5 = 2, c5 = 3, d5 = 4, e5 = 5 }).#e5 n in
  let shared = prim_addInt (Main.q { x = n }).#x (Main.q { x = 1, z = 2 }).#x in
  case prim_and b (prim_leInt 0 n) of {
    Lune.Prelude.True -> { f1 = four, f2 = five, f3 = shared, f4 = n, f5 = 1 };
    Lune.Prelude.False -> Main.q {} }
Main.q = \\r -> r
Main.g = \\p n -> case prim_leInt n 0 of { Lune.Prelude.True -> p.#d; Lune.Prelude.False -> p.#a }
Main.show5 = \\r -> prim_appendString (prim_showInt r.#f1) (prim_appendString " " (prim_appendString (prim_showInt r.#f2) (prim_appendString " " (prim_showInt r.#f3))))
Main.main = \$primIOBind (prim_putStrLn (Main.show5 (Main.f { a = 1, b = 2, c = 3, d = 40 } 2 Lune.Prelude.True))) (\\u ->
  \$primIOBind (prim_putStrLn (prim_showInt (Main.g { a = 1, b = 2, c = 3, d = 40 } 0))) (\\v ->
  prim_putStrLn (prim_showInt (Main.g { a = 1, b = 2, c = 3, d = 40 } 1))))
`;

test('Go: records in a worker at the edges: unboxed reads only of a unique label of a shape of up to four; IntRecords of one to four Ints; a select returned as is', async () => {
  const text = G.print(goOf(recordEdges));
  const f = section(text, 'func Main_f_w(', 'func Main_q(');
  // A Bool parameter stays boxed (only Int operands make Int parameters).
  assert.match(f, 'func Main_f_w(p rt.Value, n int64, b rt.Value) (rt.Value, bool) {');
  assert.match(f, '\t_t, ok_1 := rt.IntFieldIn4(p, labels, 3)\n\tif !ok_1 {\n\t\t_t, ok_1 = rt.IntSelect(p, labels, 3, "d")\n');
  // Five labels: read boxed (FieldInN), then unboxed; a label of two shapes: searched.
  assert.match(f, '\tfield := rt.FieldInN(_t_2, labels_1, 4)\n');
  assert.match(f, '\tvar _t_6 rt.Value = rt.Select(_t_5, "x")\n');
  assert.not.match(f, 'IntSelect(_t_5');
  // Records of Ints: one to four fields unboxed; five, or none, boxed.
  assert.match(f, '\tvar _t_4 rt.Value = rt.MkIntRecord1(labels_2, n)\n');
  assert.match(f, '\tvar _t_7 rt.Value = rt.MkIntRecord2(labels_3, 1, 2)\n');
  assert.match(f, '\tvar _t_1 rt.Value = rt.MkRecordSorted(labels_1, int64(1), int64(2), int64(3), int64(4), int64(5))\n');
  assert.match(f, 'rt.MkRecordSorted(labels_4, rt.BoxInt(four), rt.BoxInt(five), rt.BoxInt(shared), rt.BoxInt(n), int64(1))\n');
  assert.match(f, '\t\tvar _t_11 rt.Value = rt.MkRecordSorted(labels_5)\n');
  // A field returned as it is (not an Int operand) is read boxed.
  assert.match(section(text, 'func Main_g_w(', 'func Main_show5('), '\t\tfield_3 := rt.FieldIn4(p_1, labels, 3)\n');
  const r = await runGo(recordEdges);
  assert.is(r.stdout, '42 7 3\n40\n1\n');
  assert.is(r.status, 0);
});

// A label beyond the BMP: Go and JavaScript order such labels differently, so the literal is left to rt.MkRecord
// (sortedFields gives null), in a worker too. The readable syntax has no such labels; a dump may.
const relabel = <T>(x: T, from: string, to: string): T => {
  if (Array.isArray(x)) return x.map((y) => relabel(y, from, to)) as T;
  if (x === null || typeof x !== 'object') return x;
  return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, k === 'label' && v === from ? to : relabel(v, from, to)])) as T;
};

test('Go: a worker\'s record of Ints with a label beyond the BMP is built by rt.MkRecord', async () => {
  const src = `module Main
Main.f = \\n -> { zz = prim_addInt n 1, a = n }
Main.main = prim_putStrLn (prim_showInt (Main.f 41).#zz)
`;
  const m = relabel(parseCore(src, 't.lcore'), 'zz', 'z\u{1F600}');
  const text = G.print(compile(m, { target: goTarget, optimize: true }).file!);
  assert.match(text, '\tvar w rt.Value = rt.MkRecord([]string{"z\u{1F600}", "a"}, rt.BoxInt(_t), rt.BoxInt(n))\n');
  const r = await runGoModule(m);
  assert.is(r.stdout, '42\n');
});

test('Go: a worker builds a record of four Ints unboxed (rt.MkIntRecord4)', async () => {
  const src = `module Main
Main.f = \\n -> { a = n, b = prim_mulInt n 2, c = 3, d = prim_addInt n 1 }
Main.main = prim_putStrLn (prim_showInt (prim_addInt (Main.f 20).#b (Main.f 20).#d))
`;
  assert.match(G.print(goOf(src)), '\tvar w rt.Value = rt.MkIntRecord4(labels, n, _t, 3, _t_1)\n');
  assert.is((await runGo(src)).stdout, '61\n');
});

test('Go: a worker adding or subtracting two literals computes at run time (Go would refuse a constant past int64)', async () => {
  const src = `module Main
Main.f = \\n -> prim_addInt n (prim_addInt 9223372036854775807 2)
Main.g = \\n -> prim_addInt n (prim_subInt (prim_subInt 0 9223372036854775807) 2)
Main.h = \\n -> prim_addInt n (prim_subInt (prim_addInt 40 1) 1)
Main.main = prim_putStrLn (prim_appendString (prim_showInt (Main.f 1)) (prim_appendString " " (prim_appendString (prim_showInt (Main.g 1)) (prim_appendString " " (prim_showInt (Main.h 2))))))
`;
  const text = G.print(goOf(src));
  assert.match(text, 'rt.AddInt64(9223372036854775807, 2)');
  assert.match(text, 'rt.SubInt64(0, 9223372036854775807)');
  assert.match(text, 'rt.AddInt64(40, 1)');
  assert.is((await runGo(src)).stdout, '9223372036854775810 -9223372036854775808 42\n');
});

test('Go: a function with Int arithmetic that always fails has no Int result (its wrapper would box an rt.Value)', async () => {
  const src = `module Main
Main.g = \\n s b -> 2.5
Main.f = \\u -> let x = prim_mulInt 1 2 in let y = Main.g x "s" Lune.Prelude.True in
  let z = case Main.Dot of { Main.Circle r -> r } in prim_addFloat y z
Main.main = prim_putStrLn (prim_showFloat (Main.f 0))
`;
  const r = await runGo(src);
  assert.is(r.status, 1, r.stderr);
  assert.match(r.stderr, 'error: NonExhaustiveCase Dot');
});

test.run();