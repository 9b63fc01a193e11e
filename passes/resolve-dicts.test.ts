// passes/resolve-dicts.test.ts: each rewrite of the dictionary resolver on a small program (exact printed output
// of the resolved ANF), what it must leave alone (anything whose evaluation could crash or act), that every
// output checks and evaluates as its input does, and -O0.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseCore } from '../ir/core/parse';
import * as Anf from '../ir/anf';
import { goTarget } from '../ir/shared/prims';
import { compile } from './pipeline';
import { resolveDicts } from './resolve-dicts';
import { assertSameOutcome, outcomeOf } from '../properties/outcome';

const anfOf = (src: string): Anf.Module =>
  compile(parseCore(src, 't.lcore'), { target: goTarget, stopAfter: 'anf' }).outputs.get('anf') as Anf.Module;

/** The resolved module printed, after checking that it is well formed and runs as its input does. */
async function resolved(src: string): Promise<string> {
  const before = anfOf(src);
  const after = resolveDicts(before);
  assert.equal(Anf.check(after), []);
  const expected = await outcomeOf((io) => Anf.runMain(before, io));
  assertSameOutcome(expected, await outcomeOf((io) => Anf.runMain(after, io)), ['before', 'after']);
  return Anf.print(after, { spans: false });
}

test('dictionary methods become top-level functions; selects on the dictionary name them; aliases are their atom', async () => {
  assert.is(await resolved(`module Main
Lune.IO.println = prim_putStrLn
$dictShow_Int = { show = \\n -> prim_appendString "#" (prim_showInt n), sep = ", " }
Main.main = Lune.IO.println (prim_appendString ($dictShow_Int.#show 4) $dictShow_Int.#sep)
`), `module Main (main = Main.main)

$dictShow_Int.show =
  \\n -> [$dictShow_Int]
    let _t = %prim_showInt n
    %prim_appendString "#" _t

Main.main =
  let _t_2 = @$dictShow_Int.show
  let _t_3 = _t_2 4
  let _t_4 = ", "
  let _t_5 = %prim_appendString _t_3 _t_4
  %prim_putStrLn _t_5
`);
});

test('a function passing its dictionary to itself unchanged is copied for a constant dictionary; the copy resolves it', async () => {
  assert.is(await resolved(`module Main
$dictMonoid_Sum = { combine = prim_addInt, empty = 0 }
Main.foldMap = \\d f xs -> case xs of {
    Lune.Prelude.Nil -> d.#empty;
    Lune.Prelude.Cons x r -> d.#combine (f x) (Main.foldMap d f r) }
Main.main = prim_putStrLn (prim_showInt (Main.foldMap $dictMonoid_Sum (\\x -> x) (Lune.Prelude.Cons 1 (Lune.Prelude.Cons 2 Lune.Prelude.Nil))))
`), `module Main (main = Main.main)

Main.main =
  let _t_4 = \\x_1 -> x_1
  let _t_5 = Lune.Prelude.Cons 2 Lune.Prelude.Nil
  let _t_6 = Lune.Prelude.Cons 1 _t_5
  let _t_7 = @Main.foldMap$dictMonoid_Sum _t_4 _t_6
  let _t_8 = %prim_showInt _t_7
  %prim_putStrLn _t_8

Main.foldMap$dictMonoid_Sum =
  \\f_1 xs_1 -> [Main.foldMap]
    switch xs_1 of
      Lune.Prelude.Nil -> 0
      Lune.Prelude.Cons x_2 r_1 ->
        let _t_9 = %prim_addInt
        let _t_1_1 = f_1 x_2
        let _t_2_1 = _t_9 _t_1_1
        let _t_3_1 = @Main.foldMap$dictMonoid_Sum f_1 r_1
        _t_2_1 _t_3_1
      _ -> fail NonExhaustiveCase xs_1 in Main.foldMap
`);
});

test('left alone: a dictionary that mentions a value which may crash, a changed dictionary, a data record', async () => {
  const text = await resolved(`module Main
Main.n = prim_divInt 1 0
$dictBad = { value = Main.n, f = prim_addInt }
$dictOk = { f = prim_addInt }
Main.swap = \\d k -> case prim_eqInt k 0 of { Lune.Prelude.True -> 0; Lune.Prelude.False -> Main.swap $dictBad (prim_subInt k 1) }
Main.point = { x = 1 }
Main.getX = \\p -> p.#x
Main.main = prim_putStrLn (prim_showInt (prim_addInt (Main.swap $dictOk 3) (Main.getX Main.point)))
`);
  assert.ok(text.includes('$dictBad =\n  let _t = @Main.n\n  { value = _t, f = %prim_addInt }'), text); // not lifted or resolved: forcing it fails
  assert.ok(text.includes('@Main.swap @$dictOk 3'), text); // the recursive call changes the dictionary: no copy
  assert.ok(text.includes('@Main.getX @Main.point'), text); // a data record: no copy
});

test('a cycle of dictionaries is not constant (evaluating it never finishes): not resolved', () => {
  const m = resolveDicts(anfOf(`module Main
$dictA = { other = $dictB, f = prim_addInt }
$dictB = { other = $dictA, f = prim_subInt }
Main.main = prim_putStrLn (prim_showInt ($dictA.#f 1 2))
`));
  assert.equal(Anf.check(m), []);
  const text = Anf.print(m, { spans: false });
  assert.ok(text.includes('let _t_2 = @$dictA\n  let _t_3 = _t_2.f'), text);
});

test('-O0: the anf-dicts stage is the identity', () => {
  const m = parseCore(`module Main
$d = { f = prim_addInt }
Main.main = prim_putStrLn (prim_showInt ($d.#f 1 2))
`, 't.lcore');
  const off = compile(m, { target: goTarget, stopAfter: 'anf-dicts', optimize: false }).outputs;
  assert.is(off.get('anf-dicts'), off.get('anf'));
});

test.run();
