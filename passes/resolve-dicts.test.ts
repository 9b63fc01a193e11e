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

test('a function passing its dictionary to itself unchanged is copied for a constant dictionary (and a closed lambda argument, lifted); the copy resolves it', async () => {
  assert.is(await resolved(`module Main
$dictMonoid_Sum = { combine = prim_addInt, empty = 0 }
Main.foldMap = \\d f xs -> case xs of {
    Lune.Prelude.Nil -> d.#empty;
    Lune.Prelude.Cons x r -> d.#combine (f x) (Main.foldMap d f r) }
Main.main = prim_putStrLn (prim_showInt (Main.foldMap $dictMonoid_Sum (\\x -> x) (Lune.Prelude.Cons 1 (Lune.Prelude.Cons 2 Lune.Prelude.Nil))))
`), `module Main (main = Main.main)

Main.main =
  let _t_5 = Lune.Prelude.Cons 2 Lune.Prelude.Nil
  let _t_6 = Lune.Prelude.Cons 1 _t_5
  let _t_7 = @Main.foldMap$dictMonoid_Sum$Main.main._t_4 _t_6
  let _t_8 = %prim_showInt _t_7
  %prim_putStrLn _t_8

Main.main._t_4 =
  \\x_1 -> [Main.main] x_1

Main.foldMap$dictMonoid_Sum$Main.main._t_4 =
  \\xs_1 -> [Main.foldMap]
    switch xs_1 of
      Lune.Prelude.Nil -> 0
      Lune.Prelude.Cons x_2 r_1 ->
        let _t_9 = %prim_addInt
        let _t_1_1 = @Main.main._t_4 x_2
        let _t_2_1 = _t_9 _t_1_1
        let _t_3_1 = @Main.foldMap$dictMonoid_Sum$Main.main._t_4 r_1
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
    "twice" -> let k = \\m -> prim_appendString (d.#show m) (d.#show n) in k n;
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
            let _t_6_1 = _t_5_1 n_1
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
            let _t_6_2 = _t_5_2 n_2
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

test('an alias of a function is the function; a value that is lambdas then one of them is that lifted function (its uses too); a local bound to a dictionary', async () => {
  assert.is(await resolved(`module Main
Main.inc = \\x -> prim_addInt x 1
Main.inc2 = Main.inc
Main.twice = let g = \\x -> prim_mulInt x 2 in g
Main.dictNum = { plus = prim_addInt, zero = 0 }
Main.total = \\d n -> case prim_eqInt n 0 of { Lune.Prelude.True -> d.#zero; Lune.Prelude.False -> d.#plus n (Main.total d (prim_subInt n 1)) }
Main.viaLet = \\n -> let d = Main.dictNum in d.#plus n 1
Main.main = prim_putStrLn (prim_showInt (prim_addInt (Main.inc2 3) (prim_addInt (Main.twice 4) (prim_addInt (Main.total Main.dictNum 3) (Main.viaLet 5)))))
`), `module Main (main = Main.main)

Main.inc =
  \\x -> %prim_addInt x 1

Main.twice.g =
  \\x_1 -> [Main.twice] %prim_mulInt x_1 2

Main.viaLet =
  \\n_1 ->
    let _t_4 = %prim_addInt
    _t_4 n_1 1

Main.main =
  let _t_5 = @Main.inc 3
  let _t_6 = @Main.twice.g
  let _t_7 = _t_6 4
  let _t_8 = @Main.total$Main.dictNum 3
  let _t_9 = @Main.viaLet 5
  let _t_10 = %prim_addInt _t_8 _t_9
  let _t_11 = %prim_addInt _t_7 _t_10
  let _t_12 = %prim_addInt _t_5 _t_11
  let _t_13 = %prim_showInt _t_12
  %prim_putStrLn _t_13

Main.total$Main.dictNum =
  \\n_2 -> [Main.total]
    let _s_1 = %prim_eqInt n_2 0
    switch _s_1 of
      Lune.Prelude.True -> 0
      Lune.Prelude.False ->
        let _t_14 = %prim_addInt
        let _t_1_1 = _t_14 n_2
        let _t_2_1 = %prim_subInt n_2 1
        let _t_3_1 = @Main.total$Main.dictNum _t_2_1
        _t_1_1 _t_3_1
      _ -> fail NonExhaustiveCase _s_1 in Main.total
`);
});

test('a copy of a copy: the remaining static parameter is renumbered and specializes again; data records are not copied for, a record holding a dictionary is', async () => {
  assert.is(await resolved(`module Main
$dA = { v = prim_addInt, w = 1 }
$dB = { v = prim_mulInt, w = 2 }
Main.f = \\d1 d2 n -> case prim_eqInt n 0 of { Lune.Prelude.True -> d1.#v d2.#w d1.#w; Lune.Prelude.False -> Main.f d1 d2 (prim_subInt n 1) }
Main.g = \\d2 k -> case prim_eqInt k 0 of { Lune.Prelude.True -> Main.f $dA d2 3; Lune.Prelude.False -> Main.g d2 (prim_subInt k 1) }
Main.data = { v = 3, w = Lune.Prelude.Nil }
Main.nested = { inner = $dA, w = 5 }
Main.h = \\d n -> case prim_eqInt n 0 of { Lune.Prelude.True -> d.#w; Lune.Prelude.False -> Main.h d (prim_subInt n 1) }
Main.main = prim_putStrLn (prim_showInt (prim_addInt (Main.g $dB 2) (prim_addInt (Main.h Main.data 1) (Main.h Main.nested 1))))
`), `module Main (main = Main.main)

Main.data =
  { v = 3, w = Lune.Prelude.Nil }

Main.h =
  \\d n_1 ->
    let _s_2 = %prim_eqInt n_1 0
    switch _s_2 of
      Lune.Prelude.True -> d.w
      Lune.Prelude.False ->
        let _t_6 = %prim_subInt n_1 1
        @Main.h d _t_6
      _ -> fail NonExhaustiveCase _s_2 in Main.h

Main.main =
  let _t_7 = @Main.g$dB 2
  let _t_8 = @Main.h @Main.data 1
  let _t_9 = @Main.h$Main.nested 1
  let _t_10 = %prim_addInt _t_8 _t_9
  let _t_11 = %prim_addInt _t_7 _t_10
  let _t_12 = %prim_showInt _t_11
  %prim_putStrLn _t_12

Main.g$dB =
  \\k_1 -> [Main.g]
    let _s_1_1 = %prim_eqInt k_1 0
    switch _s_1_1 of
      Lune.Prelude.True -> @Main.f$dA$dB 3
      Lune.Prelude.False ->
        let _t_5_1 = %prim_subInt k_1 1
        @Main.g$dB _t_5_1
      _ -> fail NonExhaustiveCase _s_1_1 in Main.g

Main.h$Main.nested =
  \\n_1_1 -> [Main.h]
    let _s_2_1 = %prim_eqInt n_1_1 0
    switch _s_2_1 of
      Lune.Prelude.True -> 5
      Lune.Prelude.False ->
        let _t_6_1 = %prim_subInt n_1_1 1
        @Main.h$Main.nested _t_6_1
      _ -> fail NonExhaustiveCase _s_2_1 in Main.h

Main.f$dA$dB =
  \\n_3 -> [Main.f]
    let _s_4 = %prim_eqInt n_3 0
    switch _s_4 of
      Lune.Prelude.True ->
        let _t_14 = %prim_addInt
        let _t_1_2 = 2
        let _t_2_2 = _t_14 _t_1_2
        let _t_3_2 = 1
        _t_2_2 _t_3_2
      Lune.Prelude.False ->
        let _t_4_2 = %prim_subInt n_3 1
        @Main.f$dA$dB _t_4_2
      _ -> fail NonExhaustiveCase _s_4 in Main.f
`);
});

test('reachability: a dictionary named only in a record field stays; globals a switch, a fail or a select names directly (hand-built ANF) stay; the rest goes', async () => {
  assert.is(await resolved(`module Main
$dA = { v = prim_addInt, w = 1 }
Main.unused = prim_addInt 0 0
Main.mk = \\x -> let d = $dA in { dict = d, x = x }
Main.main = prim_putStrLn (prim_showInt ((Main.mk 4).#x))
`), `module Main (main = Main.main)

$dA =
  { v = %prim_addInt, w = 1 }

Main.mk =
  \\x -> { dict = @$dA, x = x }

Main.main =
  let _t = @Main.mk 4
  let _t_1 = _t.x
  let _t_2 = %prim_showInt _t_1
  %prim_putStrLn _t_2
`);
  const g = (n: string): Anf.Atom => Anf.mk.var(n, 'global');
  const lit = (n: number): Anf.Atom => Anf.mk.lit({ kind: 'int', value: BigInt(n) });
  const m = Anf.mk.module('Main', [
    Anf.mk.decl('Main.m', Anf.mk.ret(Anf.mk.app(Anf.mk.var('Lune.Prelude.Just', 'con'), [lit(1)]))),
    Anf.mk.decl('Main.r', Anf.mk.let('n', Anf.mk.app(Anf.mk.var('prim_addInt', 'prim'), [lit(1), lit(2)]), Anf.mk.ret(Anf.mk.record([{ label: 'x', value: Anf.mk.var('n', 'local') }])))),
    Anf.mk.decl('Main.z', Anf.mk.ret(Anf.mk.app(Anf.mk.var('Lune.Prelude.Just', 'con'), [lit(2)]))),
    Anf.mk.decl('Main.gone', Anf.mk.ret(lit(0))),
    Anf.mk.decl('Main.main', Anf.mk.let('x', Anf.mk.select(g('Main.r'), 'x'),
      Anf.mk.let('s', Anf.mk.app(Anf.mk.var('prim_showInt', 'prim'), [Anf.mk.var('x', 'local')]),
        Anf.mk.ret(Anf.mk.switch(g('Main.m'), [Anf.mk.conArm('Lune.Prelude.Just', [null], Anf.mk.ret(Anf.mk.app(Anf.mk.var('prim_putStrLn', 'prim'), [Anf.mk.var('s', 'local')])))],
          Anf.mk.ret(Anf.mk.fail('NonExhaustiveCase', g('Main.z'), '', 'Main.main'))))))),
  ], 'Main.main');
  const out = resolveDicts(m);
  assert.equal(Anf.check(out), []);
  assert.equal(out.decls.map((d) => d.name), ['Main.m', 'Main.r', 'Main.z', 'Main.main']);
});

test('bounds: at most 400 copies in a module; no copy of a function bigger than 4,000 ANF nodes', () => {
  const n = 401;
  // Declarations rather than one nested expression: the test runs on Node's default stack.
  const dicts = Array.from({ length: n }, (_, i) => `$d${i} = { w = ${i}, f = prim_addInt }`).join('\n');
  const calls = Array.from({ length: n }, (_, i) => `Main.c${i} = prim_addInt (Main.h $d${i} 1) ${i === 0 ? '0' : `Main.c${i - 1}`}`).join('\n');
  const fields = Array.from({ length: 4001 }, (_, i) => `f${i} = prim_addInt a ${i}`).join(', ');
  // Main.b comes first: its call is rewritten before the 400 copies use up the budget.
  const m = resolveDicts(anfOf(`module Main
Main.b = Main.big $d0 1
${dicts}
${calls}
Main.h = \\d k -> case prim_eqInt k 0 of { Lune.Prelude.True -> d.#w; Lune.Prelude.False -> Main.h d (prim_subInt k 1) }
Main.big = \\d a -> case prim_eqInt a 0 of { Lune.Prelude.True -> d.#w; Lune.Prelude.False -> let r = { ${fields} } in Main.big d (prim_subInt a 1) }
Main.main = prim_putStrLn (prim_showInt (prim_addInt Main.b Main.c${n - 1}))
`));
  assert.equal(Anf.check(m), []);
  const copies = m.decls.filter((d) => d.name.startsWith('Main.h$')).map((d) => d.name);
  assert.is(copies.length, 400);
  assert.ok(!copies.includes('Main.h$d400'), copies.slice(-3).join(' '));
  const text = Anf.print(m, { spans: false });
  assert.ok(text.includes('@Main.h @$d400 1'), 'the 401st call keeps its dictionary');
  assert.ok(text.includes('@Main.big @$d0 1') && !text.includes('Main.big$'), 'the big function is not copied');
});

test('known functions: a call passing a top-level function or a primitive for a parameter the callee calls gets a copy calling it directly; a closed lambda is lifted first; a lambda with free locals, or a function only passed on, is left', async () => {
  assert.is(await resolved(`module Main
Main.map = \\f xs -> case xs of { Lune.Prelude.Nil -> Lune.Prelude.Nil; Lune.Prelude.Cons x r -> Lune.Prelude.Cons (f x) (Main.map f r) }
Main.pass = \\k n -> prim_ioBind (prim_ioPure n) k
Main.double = \\x -> prim_mulInt x 2
Main.sum = \\xs -> case xs of { Lune.Prelude.Nil -> 0; Lune.Prelude.Cons x r -> prim_addInt x (Main.sum r) }
Main.count = \\xs -> case xs of { Lune.Prelude.Nil -> 0; Lune.Prelude.Cons x r -> prim_addInt 1 (Main.count r) }
Main.show = \\n -> prim_putStrLn (prim_showInt n)
Main.main =
  let base = prim_addInt 1 2 in
  let addBase = \\y -> prim_addInt y base in
  Main.pass Main.show (prim_addInt (Main.sum (Main.map Main.double (Lune.Prelude.Cons 1 Lune.Prelude.Nil)))
    (prim_addInt (Main.count (Main.map prim_showInt (Lune.Prelude.Cons 2 Lune.Prelude.Nil)))
    (prim_addInt (Main.sum (Main.map (\\z -> prim_mulInt z z) (Lune.Prelude.Cons 3 Lune.Prelude.Nil)))
      (Main.sum (Main.map addBase (Lune.Prelude.Cons 4 Lune.Prelude.Nil))))))
`), `module Main (main = Main.main)

Main.map =
  \\f xs ->
    switch xs of
      Lune.Prelude.Nil -> Lune.Prelude.Nil
      Lune.Prelude.Cons x r ->
        let _t = f x
        let _t_1 = @Main.map f r
        Lune.Prelude.Cons _t _t_1
      _ -> fail NonExhaustiveCase xs in Main.map

Main.pass =
  \\k n ->
    let _t_2 = %prim_ioPure n
    %prim_ioBind _t_2 k

Main.double =
  \\x_1 -> %prim_mulInt x_1 2

Main.sum =
  \\xs_1 ->
    switch xs_1 of
      Lune.Prelude.Nil -> 0
      Lune.Prelude.Cons x_2 r_1 ->
        let _t_3 = @Main.sum r_1
        %prim_addInt x_2 _t_3
      _ -> fail NonExhaustiveCase xs_1 in Main.sum

Main.count =
  \\xs_2 ->
    switch xs_2 of
      Lune.Prelude.Nil -> 0
      Lune.Prelude.Cons x_3 r_2 ->
        let _t_4 = @Main.count r_2
        %prim_addInt 1 _t_4
      _ -> fail NonExhaustiveCase xs_2 in Main.count

Main.show =
  \\n_1 ->
    let _t_5 = %prim_showInt n_1
    %prim_putStrLn _t_5

Main.main =
  let base = %prim_addInt 1 2
  let addBase = \\y -> %prim_addInt y base
  let _t_6 = Lune.Prelude.Cons 1 Lune.Prelude.Nil
  let _t_7 = @Main.map$Main.double _t_6
  let _t_8 = @Main.sum _t_7
  let _t_9 = Lune.Prelude.Cons 2 Lune.Prelude.Nil
  let _t_10 = @Main.map$prim_showInt _t_9
  let _t_11 = @Main.count _t_10
  let _t_13 = Lune.Prelude.Cons 3 Lune.Prelude.Nil
  let _t_14 = @Main.map$Main.main._t_12 _t_13
  let _t_15 = @Main.sum _t_14
  let _t_16 = Lune.Prelude.Cons 4 Lune.Prelude.Nil
  let _t_17 = @Main.map addBase _t_16
  let _t_18 = @Main.sum _t_17
  let _t_19 = %prim_addInt _t_15 _t_18
  let _t_20 = %prim_addInt _t_11 _t_19
  let _t_21 = %prim_addInt _t_8 _t_20
  @Main.pass @Main.show _t_21

Main.main._t_12 =
  \\z -> [Main.main] %prim_mulInt z z

Main.map$Main.double =
  \\xs_3 -> [Main.map]
    switch xs_3 of
      Lune.Prelude.Nil -> Lune.Prelude.Nil
      Lune.Prelude.Cons x_4 r_3 ->
        let _t_22 = @Main.double x_4
        let _t_1_1 = @Main.map$Main.double r_3
        Lune.Prelude.Cons _t_22 _t_1_1
      _ -> fail NonExhaustiveCase xs_3 in Main.map

Main.map$prim_showInt =
  \\xs_4 -> [Main.map]
    switch xs_4 of
      Lune.Prelude.Nil -> Lune.Prelude.Nil
      Lune.Prelude.Cons x_5 r_4 ->
        let _t_23 = %prim_showInt x_5
        let _t_1_2 = @Main.map$prim_showInt r_4
        Lune.Prelude.Cons _t_23 _t_1_2
      _ -> fail NonExhaustiveCase xs_4 in Main.map

Main.map$Main.main._t_12 =
  \\xs_5 -> [Main.map]
    switch xs_5 of
      Lune.Prelude.Nil -> Lune.Prelude.Nil
      Lune.Prelude.Cons x_6 r_5 ->
        let _t_24 = @Main.main._t_12 x_6
        let _t_1_3 = @Main.map$Main.main._t_12 r_5
        Lune.Prelude.Cons _t_24 _t_1_3
      _ -> fail NonExhaustiveCase xs_5 in Main.map
`);
});

test('bounds for known functions: at most 200 copies, of functions up to 300 ANF nodes', () => {
  const n = 201;
  const funcs = Array.from({ length: n }, (_, i) => `Main.f${i} = \\x -> prim_addInt x ${i}`).join('\n');
  const calls = Array.from({ length: n }, (_, i) => `Main.c${i} = prim_addInt (Main.app Main.f${i} 1) ${i === 0 ? '0' : `Main.c${i - 1}`}`).join('\n');
  const fields = Array.from({ length: 301 }, (_, i) => `g${i} = prim_addInt a ${i}`).join(', ');
  const m = resolveDicts(anfOf(`module Main
Main.b = Main.big Main.f0 1
${funcs}
${calls}
Main.app = \\f x -> f x
Main.big = \\f a -> let r = { ${fields} } in f a
Main.main = prim_putStrLn (prim_showInt (prim_addInt Main.b Main.c${n - 1}))
`));
  assert.equal(Anf.check(m), []);
  const copies = m.decls.filter((d) => d.name.startsWith('Main.app$')).map((d) => d.name);
  assert.is(copies.length, 200);
  assert.ok(!copies.includes('Main.app$Main.f200'), copies.slice(-3).join(' '));
  const text = Anf.print(m, { spans: false });
  assert.ok(text.includes('@Main.app @Main.f200 1'), 'the 201st call keeps its function');
  assert.ok(text.includes('@Main.big @Main.f0 1') && !text.includes('Main.big$'), 'the big function is not copied');
});

test('a method under two labels is lifted once, named by the first; a method recursing through its own dictionary is lifted (its curried uses are left to simplify-anf)', async () => {
  assert.is(await resolved(`module Main
$dictShow_Int = { show = prim_showInt }
$dictTwo = let m = \\x -> prim_addInt x 1 in { first = m, second = m }
$dictShow_List = let go = \\d xs -> case xs of { Lune.Prelude.Nil -> ""; Lune.Prelude.Cons x r -> prim_appendString (d.#show x) ($dictShow_List.#show d r) } in { show = go }
Main.main = prim_putStrLn (prim_appendString ($dictShow_List.#show $dictShow_Int (Lune.Prelude.Cons 1 (Lune.Prelude.Cons 2 Lune.Prelude.Nil))) (prim_showInt ($dictTwo.#second 3)))
`), `module Main (main = Main.main)

$dictShow_Int =
  { show = %prim_showInt }

$dictTwo.first =
  \\x -> [$dictTwo] %prim_addInt x 1

$dictShow_List.show =
  \\d xs -> [$dictShow_List]
    switch xs of
      Lune.Prelude.Nil -> ""
      Lune.Prelude.Cons x_1 r ->
        let _t = d.show
        let _t_1 = _t x_1
        let _t_3 = @$dictShow_List.show
        let _t_4 = _t_3 d r
        %prim_appendString _t_1 _t_4
      _ -> fail NonExhaustiveCase xs in $dictShow_List

Main.main =
  let _t_6 = @$dictShow_List.show
  let _t_7 = _t_6 @$dictShow_Int
  let _t_8 = Lune.Prelude.Cons 2 Lune.Prelude.Nil
  let _t_9 = Lune.Prelude.Cons 1 _t_8
  let _t_10 = _t_7 _t_9
  let _t_12 = @$dictTwo.first
  let _t_13 = _t_12 3
  let _t_14 = %prim_showInt _t_13
  let _t_15 = %prim_appendString _t_10 _t_14
  %prim_putStrLn _t_15
`);
});

test.run();
