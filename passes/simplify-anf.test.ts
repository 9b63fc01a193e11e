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

test.run();
