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


test('a copy renames every binder (lets, lambdas, arms, holes) and keeps templates, string arms and failures', async () => {
  const text = await resolved(`module Main
$dictShow_Int = { show = prim_showInt, name = "Int", zero = Lune.Prelude.Nothing }
$dictShow_Wrap = { show = \\x -> prim_appendString "w" (prim_showInt x), super = $dictShow_Int }
Main.render = \\d tag n -> case tag of {
    "plain" -> d.#show n;
    "twice" -> let k = \\m -> prim_appendString (d.#show m) (d.#show m) in k n;
    _ -> case Lune.Prelude.Just n of {
        Lune.Prelude.Just v -> $"<\${d.#show v : String}>";
        Lune.Prelude.Nothing -> Main.render d "plain" n } }
Main.pick = \\d1 d2 b -> case b of { Lune.Prelude.True -> d1.#show 1; Lune.Prelude.False -> Main.pick d1 d2 Lune.Prelude.True }
Main.main = prim_putStrLn (prim_appendString (Main.render $dictShow_Wrap "twice" 7)
  (prim_appendString (Main.render $dictShow_Wrap "other" 8)
  (prim_appendString (Main.render $dictShow_Int "plain" 9)
  (prim_appendString ($dictShow_Wrap.#super.#name) (Main.pick $dictShow_Wrap $dictShow_Int Lune.Prelude.False)))))
`);
  assert.is(text, `module Main (main = Main.main)

$dictShow_Wrap.show =
  \\x -> [$dictShow_Wrap]
    let _t = %prim_showInt x
    %prim_appendString "w" _t

Main.main =
  let _t_9 = @Main.render$dictShow_Wrap "twice" 7
  let _t_10 = @Main.render$dictShow_Wrap "other" 8
  let _t_11 = @Main.render$dictShow_Int "plain" 9
  let _t_13 = "Int"
  let _t_14 = @Main.pick$dictShow_Wrap$dictShow_Int Lune.Prelude.False
  let _t_15 = %prim_appendString _t_13 _t_14
  let _t_16 = %prim_appendString _t_11 _t_15
  let _t_17 = %prim_appendString _t_10 _t_16
  let _t_18 = %prim_appendString _t_9 _t_17
  %prim_putStrLn _t_18

Main.render$dictShow_Wrap =
  \\tag_1 n_1 -> [Main.render]
    switch tag_1 of
      "plain" ->
        let _t_2_1 = @$dictShow_Wrap.show
        _t_2_1 n_1
      "twice" ->
        let k_1 = \\m_1 -> [Main.render]
            let _t_3_1 = @$dictShow_Wrap.show
            let _t_4_1 = _t_3_1 m_1
            let _t_5_1 = @$dictShow_Wrap.show
            let _t_6_1 = _t_5_1 m_1
            %prim_appendString _t_4_1 _t_6_1
        k_1 n_1
      _ ->
        let _s_1 = Lune.Prelude.Just n_1
        switch _s_1 of
          Lune.Prelude.Just v_1 ->
            template inline ["<", \${let _t_7_1 = @$dictShow_Wrap.show
              _t_7_1 v_1}, ">"]
          Lune.Prelude.Nothing -> @Main.render$dictShow_Wrap "plain" n_1
          _ -> fail NonExhaustiveCase _s_1 in Main.render

Main.render$dictShow_Int =
  \\tag_2 n_2 -> [Main.render]
    switch tag_2 of
      "plain" ->
        let _t_2_2 = %prim_showInt
        _t_2_2 n_2
      "twice" ->
        let k_2 = \\m_2 -> [Main.render]
            let _t_3_2 = %prim_showInt
            let _t_4_2 = _t_3_2 m_2
            let _t_5_2 = %prim_showInt
            let _t_6_2 = _t_5_2 m_2
            %prim_appendString _t_4_2 _t_6_2
        k_2 n_2
      _ ->
        let _s_2 = Lune.Prelude.Just n_2
        switch _s_2 of
          Lune.Prelude.Just v_2 ->
            template inline ["<", \${let _t_7_2 = %prim_showInt
              _t_7_2 v_2}, ">"]
          Lune.Prelude.Nothing -> @Main.render$dictShow_Int "plain" n_2
          _ -> fail NonExhaustiveCase _s_2 in Main.render

Main.pick$dictShow_Wrap$dictShow_Int =
  \\b_1 -> [Main.pick]
    switch b_1 of
      Lune.Prelude.True ->
        let _t_8_1 = @$dictShow_Wrap.show
        _t_8_1 1
      Lune.Prelude.False -> @Main.pick$dictShow_Wrap$dictShow_Int Lune.Prelude.True
      _ -> fail NonExhaustiveCase b_1 in Main.pick
`);
});

test('over-application and partial application of a specialized function; a dictionary as a plain argument', async () => {
  const text = await resolved(`module Main
$dictF = { f = prim_addInt }
Main.adder = \\d -> \\k -> d.#f k
Main.twice = \\d x -> d.#f x x
Main.use = \\g -> g 1 2
Main.main = prim_putStrLn (prim_showInt (prim_addInt (Main.adder $dictF 3) (prim_addInt (Main.twice $dictF 4) (Main.use (Main.twice $dictF)))))
`);
  assert.is(text, `module Main (main = Main.main)

$dictF =
  { f = %prim_addInt }

Main.adder =
  \\d ->
    \\k ->
      let _t = d.f
      _t k

Main.twice =
  \\d_1 x ->
    let _t_1 = d_1.f
    _t_1 x x

Main.use =
  \\g -> g 1 2

Main.main =
  let _t_2 = @Main.adder @$dictF 3
  let _t_3 = @Main.twice$dictF 4
  let _t_4 = @Main.twice @$dictF
  let _t_5 = @Main.use _t_4
  let _t_6 = %prim_addInt _t_3 _t_5
  let _t_7 = %prim_addInt _t_2 _t_6
  let _t_8 = %prim_showInt _t_7
  %prim_putStrLn _t_8

Main.twice$dictF =
  \\x_1 -> [Main.twice]
    let _t_1_1 = %prim_addInt
    _t_1_1 x_1 x_1
`);
});

test.run();
