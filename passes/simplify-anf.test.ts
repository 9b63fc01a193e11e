// passes/simplify-anf.test.ts: each rewrite of the ANF simplifier on a small program (exact printed output),
// what it must leave alone (anything that could crash or force a top-level value), and -O0.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseCore } from '../ir/core/parse';
import * as Anf from '../ir/anf';
import { goTarget } from '../ir/shared/prims';
import { compile } from './pipeline';
import { simplifyAnf } from './simplify-anf';

const anfOf = (src: string): Anf.Module =>
  compile(parseCore(src, 't.lcore'), { target: goTarget, stopAfter: 'anf' }).outputs.get('anf') as Anf.Module;
const simplified = (src: string): string => Anf.print(simplifyAnf(anfOf(src)), { spans: false });

test('known dictionary fields, case of a known constructor, call merging, dead lets', () => {
  assert.is(simplified(`module Main
$dict = { combine = prim_addInt, empty = 0 }
Main.pick = \\x -> case Lune.Prelude.Just x of { Lune.Prelude.Nothing -> 0; Lune.Prelude.Just y -> prim_addInt y 1 }
Main.main = prim_putStrLn (prim_showInt ($dict.#combine (Main.pick 2) $dict.#empty))
`), `module Main (main = Main.main)

$dict =
  { combine = %prim_addInt, empty = 0 }

Main.pick =
  \\x -> %prim_addInt x 1

Main.main =
  let _t_1 = @Main.pick 2
  let _t_4 = %prim_addInt _t_1 0
  let _t_5 = %prim_showInt _t_4
  %prim_putStrLn _t_5
`);
});

test('inside an arm the scrutinee is known: a nested case on it takes the same arm', () => {
  assert.is(simplified(`module Main
Main.f = \\m -> case m of { Lune.Prelude.Just a -> case m of { Lune.Prelude.Nothing -> 0; Lune.Prelude.Just b -> b }; Lune.Prelude.Nothing -> 1 }
Main.main = prim_putStrLn (prim_showInt (Main.f (Lune.Prelude.Just 4)))
`), `module Main (main = Main.main)

Main.f =
  \\m ->
    switch m of
      Lune.Prelude.Just a -> a
      Lune.Prelude.Nothing -> 1
      _ -> fail NonExhaustiveCase m in Main.f

Main.main =
  let _t = Lune.Prelude.Just 4
  let _t_1 = @Main.f _t
  let _t_2 = %prim_showInt _t_1
  %prim_putStrLn _t_2
`);
});

test('kept: unused lets that may crash or force a top-level value, selects from records holding values', () => {
  const src = `module Main
Main.v = prim_divInt 1 0
$d = { x = Main.v }
Main.main = let a = Main.v in let b = prim_divInt 1 0 in let c = $d.#x in prim_putStrLn "ok"
`;
  assert.is(simplified(src), `module Main (main = Main.main)

Main.v =
  %prim_divInt 1 0

$d =
  let _t = @Main.v
  { x = _t }

Main.main =
  let a = @Main.v
  let b = %prim_divInt 1 0
  let _t_1 = @$d
  let c = _t_1.x
  %prim_putStrLn "ok"
`);
});

test('-O0: the anf-simplified stage is the identity', () => {
  const m = parseCore(`module Main
Main.main = case Lune.Prelude.Just 1 of { Lune.Prelude.Just x -> prim_putStrLn (prim_showInt x) }
`, 't.lcore');
  const off = compile(m, { target: goTarget, stopAfter: 'anf-simplified', optimize: false }).outputs;
  assert.is(off.get('anf-simplified'), off.get('anf'));
  const on = compile(m, { target: goTarget, stopAfter: 'anf-simplified' }).outputs;
  assert.is(Anf.print(on.get('anf-simplified') as Anf.Module, { spans: false }), `module Main (main = Main.main)

Main.main =
  let _t = %prim_showInt 1
  %prim_putStrLn _t
`);
});

test('holes, string arms, defaults, wildcard binders, aliases, fail scrutinees and chains of dead lets', () => {
  const hole = '$' + '{let u = Lune.Prelude.Just n in let v = n in case Lune.Prelude.Just v of { Lune.Prelude.Just w -> prim_templateText (prim_showInt w) } : Int}';
  assert.is(simplified(`module Main
Main.t = \\n -> $"n=${hole}!"
Main.s = \\s -> case s of { "a" -> let u = Lune.Prelude.Just s in case Lune.Prelude.Nothing of { Lune.Prelude.Just z -> 1; _ -> 2 }; _ -> 3 }
Main.f = \\m -> case m of { Lune.Prelude.Just _ -> case m of { Lune.Prelude.Just b -> b; Lune.Prelude.Nothing -> 0 }; Lune.Prelude.Nothing -> 1 }
Main.g = \\x -> let j = Lune.Prelude.Just x in let k = j in case k of { Lune.Prelude.Just q -> q; Lune.Prelude.Nothing -> 0 }
Main.h = \\x -> let y = x in case y of { Lune.Prelude.Just a -> a }
Main.d = let a = Lune.Prelude.Just 1 in let b = Lune.Prelude.Just a in let c = Lune.Prelude.Just b in 5
Main.main = let a1 = Main.f Lune.Prelude.Nothing in let a2 = Main.g 1 in let a3 = Main.h (Lune.Prelude.Just 2) in let a4 = Main.d in prim_putStrLn (prim_templateRender (Main.t (Main.s "a")))
`), `module Main (main = Main.main)

Main.t =
  \\n ->
    template inline ["n=", \${let _t = %prim_showInt n
      %prim_templateText _t}, "!"]

Main.s =
  \\s ->
    switch s of
      "a" -> 2
      _ -> 3

Main.f =
  \\m ->
    switch m of
      Lune.Prelude.Just _ ->
        switch m of
          Lune.Prelude.Just b -> b
          Lune.Prelude.Nothing -> 0
          _ -> fail NonExhaustiveCase m in Main.f
      Lune.Prelude.Nothing -> 1
      _ -> fail NonExhaustiveCase m in Main.f

Main.g =
  \\x -> x

Main.h =
  \\x_1 ->
    switch x_1 of
      Lune.Prelude.Just a -> a
      _ -> fail NonExhaustiveCase x_1 in Main.h

Main.d =
  5

Main.main =
  let a1 = @Main.f Lune.Prelude.Nothing
  let a2 = @Main.g 1
  let _t_1 = Lune.Prelude.Just 2
  let a3 = @Main.h _t_1
  let a4 = @Main.d
  let _t_2 = @Main.s "a"
  let _t_3 = @Main.t _t_2
  let _t_4 = %prim_templateRender _t_3
  %prim_putStrLn _t_4
`);
});

test('dead lets: unused templates go; uses in record fields and tails count; at most 8 rounds', () => {
  const chain = Array.from({ length: 9 }, (_, i) => `let c${i} = Lune.Prelude.Just ${i === 0 ? '1' : 'c' + (i - 1)} in `).join('');
  assert.is(simplified(`module Main
Main.r = \\x -> let a = Lune.Prelude.Just x in let t = $"u" in { f = a }
Main.v = \\x -> let a = Lune.Prelude.Just x in a
Main.c = ${chain}5
Main.main = let r = Main.r 1 in let v = Main.v 2 in let c = Main.c in prim_putStrLn "x"
`), `module Main (main = Main.main)

Main.r =
  \\x ->
    let a = Lune.Prelude.Just x
    { f = a }

Main.v =
  \\x_1 ->
    let a_1 = Lune.Prelude.Just x_1
    a_1

Main.c =
  let c0 = Lune.Prelude.Just 1
  5

Main.main =
  let r = @Main.r 1
  let v = @Main.v 2
  let c = @Main.c
  %prim_putStrLn "x"
`);
});

test('call merging through a chain of partial applications, copies of top-level functions, known fields (the last label wins); kept: values, saturated calls', () => {
  assert.is(simplified(`module Main
Main.add3 = \\a b c -> prim_addInt a (prim_addInt b c)
Main.crash = \\x -> prim_divInt x 0
Main.v = prim_addInt 1 2
$d = { f = Main.add3, k = Lune.Prelude.Nothing, p = prim_addInt, n = 3, n = 4 }
Main.m = \\x y -> let f = Main.add3 1 in let g = prim_addInt x in let h = Main.add3 in let w = Main.v in let s = Main.add3 1 2 3 in let u = Main.crash 1 in let q = f 2 in let dead = Main.add3 1 2 in prim_addInt (h (g (q y)) $d.#n w) s
Main.sel = \\x -> { a = $d.#f x 1 2, b = $d.#k, c = $d.#p x, n = $d.#n }
Main.main = let r = Main.sel 1 in prim_putStrLn (prim_showInt (Main.m 1 2))
`), `module Main (main = Main.main)

Main.add3 =
  \\a b c ->
    let _t = %prim_addInt b c
    %prim_addInt a _t

Main.crash =
  \\x -> %prim_divInt x 0

Main.v =
  %prim_addInt 1 2

$d =
  { f = @Main.add3, k = Lune.Prelude.Nothing, p = %prim_addInt, n = 3, n = 4 }

Main.m =
  \\x_1 y ->
    let w = @Main.v
    let s = @Main.add3 1 2 3
    let u = @Main.crash 1
    let _t_1 = @Main.add3 1 2 y
    let _t_2 = %prim_addInt x_1 _t_1
    let _t_5 = @Main.add3 _t_2 4 w
    %prim_addInt _t_5 s

Main.sel =
  \\x_2 ->
    let _t_7 = @Main.add3 x_2 1 2
    let _t_10 = %prim_addInt x_2
    { a = _t_7, b = Lune.Prelude.Nothing, c = _t_10, n = 4 }

Main.main =
  let r = @Main.sel 1
  let _t_12 = @Main.m 1 2
  let _t_13 = %prim_showInt _t_12
  %prim_putStrLn _t_13
`);
});

test('dead lets: a pure let read only in a switch default or in a template hole stays', () => {
  const hole = '$' + '{prim_templateText (prim_showInt (b 1)) : Int}';
  assert.is(simplified(`module Main
Main.dflt = \\x s -> let a = Lune.Prelude.Just x in case s of { "a" -> Lune.Prelude.Nothing; _ -> a }
Main.hole = \\x -> let b = \\y -> prim_addInt x y in $"v=${hole}"
Main.main = let t = Main.dflt 1 "b" in prim_putStrLn (prim_templateRender (Main.hole 2))
`), `module Main (main = Main.main)

Main.dflt =
  \\x s ->
    let a = Lune.Prelude.Just x
    switch s of
      "a" -> Lune.Prelude.Nothing
      _ -> a

Main.hole =
  \\x_1 ->
    let b = \\y -> %prim_addInt x_1 y
    template inline ["v=", \${let _t = b 1
      let _t_1 = %prim_showInt _t
      %prim_templateText _t_1}]

Main.main =
  let t = @Main.dflt 1 "b"
  let _t_2 = @Main.hole 2
  let _t_3 = %prim_templateRender _t_2
  %prim_putStrLn _t_3
`);
});

test('a known constructor that no arm matches, in a switch without default (hand-built ANF): the switch stays', () => {
  const { mk } = Anf;
  const m = mk.module('Main', [mk.decl('Main.main', mk.let('k', mk.var('Lune.Prelude.Nothing', 'con'),
    mk.ret(mk.switch(mk.var('k', 'local'), [mk.conArm('Lune.Prelude.Just', ['x'], mk.ret(mk.var('x', 'local')))], null))))], 'Main.main');
  assert.is(Anf.print(simplifyAnf(m), { spans: false }), `module Main (main = Main.main)

Main.main =
  switch Lune.Prelude.Nothing of
    Lune.Prelude.Just x -> x
`);
});

test('known records (hand-built ANF): a dictionary holding a top-level value is not known (evaluating it forces that value)', () => {
  const { mk } = Anf;
  const gl = (n: string) => mk.var(n, 'global');
  const int = (n: bigint) => mk.lit({ kind: 'int', value: n });
  const m = mk.module('Main', [
    mk.decl('Main.v', mk.ret(mk.app(mk.var('prim_divInt', 'prim'), [int(1n), int(0n)]))),
    mk.decl('Main.f', mk.ret(mk.lam(['x'], mk.ret(mk.var('x', 'local')), 'Main.f'))),
    mk.decl('$d', mk.ret(mk.record([{ label: 'v', value: gl('Main.v') }, { label: 'f', value: gl('Main.f') }]))),
    mk.decl('$e', mk.ret(mk.record([{ label: 'f', value: gl('Main.f') }, { label: 'n', value: int(3n) }]))),
    mk.decl('Main.main', mk.let('a', mk.select(gl('$d'), 'f'), mk.let('b', mk.select(gl('$e'), 'f'), mk.let('c', mk.select(gl('$e'), 'n'),
      mk.ret(mk.record([{ label: 'a', value: mk.var('a', 'local') }, { label: 'b', value: mk.var('b', 'local') }, { label: 'c', value: mk.var('c', 'local') }])))))),
  ], 'Main.main');
  assert.equal(Anf.check(m), []);
  assert.is(Anf.print(simplifyAnf(m), { spans: false }), `module Main (main = Main.main)

Main.v =
  %prim_divInt 1 0

Main.f =
  \\x -> x

$d =
  { v = @Main.v, f = @Main.f }

$e =
  { f = @Main.f, n = 3 }

Main.main =
  let a = @$d.f
  { a = a, b = @Main.f, c = 3 }
`);
});

test('repeated selects: a select of the same record and label in scope is reused; not across arms or from an inner scope', () => {
  const text = simplified(`module Main
Main.step = \\p -> let q = p in case prim_eqInt p.#x 0 of {
    Lune.Prelude.True -> prim_addInt q.#x p.#y;
    Lune.Prelude.False -> let g = \\u -> prim_addInt p.#y p.#x in prim_addInt (g 0) p.#y }
Main.main = prim_putStrLn (prim_showInt (Main.step { x = 1, y = 2 }))
`);
  assert.is(text, `module Main (main = Main.main)

Main.step =
  \\p ->
    let _t = p.x
    let _s = %prim_eqInt _t 0
    switch _s of
      Lune.Prelude.True ->
        let _t_2 = p.y
        %prim_addInt _t _t_2
      Lune.Prelude.False ->
        let g = \\u ->
            let _t_3 = p.y
            %prim_addInt _t_3 _t
        let _t_5 = g 0
        let _t_6 = p.y
        %prim_addInt _t_5 _t_6
      _ -> fail NonExhaustiveCase _s in Main.step

Main.main =
  let _t_7 = { x = 1, y = 2 }
  let _t_8 = @Main.step _t_7
  let _t_9 = %prim_showInt _t_8
  %prim_putStrLn _t_9
`);
});

test('repeated primitive applications: the same saturated primitive on the same atoms in scope is reused (also inside a lambda made in that scope); not another literal, not -0.0 for 0.0, not strings that only print alike, not across arms', () => {
  assert.is(simplified(`module Main
Main.f = \\i -> let a = prim_addInt i 1 in let b = prim_addInt i 1 in case prim_eqInt a b of {
    Lune.Prelude.True -> prim_appendString (prim_showInt (prim_addInt i 1)) (prim_showInt (prim_addInt i 2));
    Lune.Prelude.False -> let g = \\u -> prim_showInt (prim_addInt i 1) in g 0 }
Main.z = prim_appendString (prim_showFloat 0.0) (prim_appendString (prim_showFloat -0.0) (prim_appendString "1" "1"))
Main.q = prim_appendString (prim_appendString "a, string:b" "c") (prim_appendString "a" "b, string:c")
Main.main = prim_putStrLn (prim_appendString (prim_appendString (Main.f 4) Main.z) Main.q)
`), `module Main (main = Main.main)

Main.f =
  \\i ->
    let a = %prim_addInt i 1
    let _s = %prim_eqInt a a
    switch _s of
      Lune.Prelude.True ->
        let _t_1 = %prim_showInt a
        let _t_2 = %prim_addInt i 2
        let _t_3 = %prim_showInt _t_2
        %prim_appendString _t_1 _t_3
      Lune.Prelude.False ->
        let g = \\u -> %prim_showInt a
        g 0
      _ -> fail NonExhaustiveCase _s in Main.f

Main.z =
  let _t_5 = %prim_showFloat 0.0
  let _t_6 = %prim_showFloat -0.0
  let _t_7 = %prim_appendString "1" "1"
  let _t_8 = %prim_appendString _t_6 _t_7
  %prim_appendString _t_5 _t_8

Main.q =
  let _t_9 = %prim_appendString "a, string:b" "c"
  let _t_10 = %prim_appendString "a" "b, string:c"
  %prim_appendString _t_9 _t_10

Main.main =
  let _t_11 = @Main.f 4
  let _t_12 = @Main.z
  let _t_13 = %prim_appendString _t_11 _t_12
  let _t_14 = @Main.q
  let _t_15 = %prim_appendString _t_13 _t_14
  %prim_putStrLn _t_15
`);
});

test.run();
