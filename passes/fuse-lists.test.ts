// passes/fuse-lists.test.ts: which functions fuse-lists recognizes (the prelude's own, and near misses it must
// not take), the calls it rewrites (exact printed ANF), what it leaves alone, and -O0. Programs that run the fused
// primitives in Go against the evaluator, crashes included: passes/to-goast/lists.test.ts.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseCore } from '../ir/core/parse';
import * as Anf from '../ir/anf';
import { goTarget } from '../ir/shared/prims';
import { compile } from './pipeline';
import { fuseLists, listIdioms } from './fuse-lists';

const NIL = 'Lune.Prelude.Nil', CONS = 'Lune.Prelude.Cons';
const simplifiedOf = (src: string): Anf.Module =>
  compile(parseCore(src, 't.lcore'), { target: goTarget, stopAfter: 'anf-simplified' }).outputs.get('anf-simplified') as Anf.Module;
const fused = (src: string): string => Anf.print(fuseLists(simplifiedOf(src)), { spans: false });
const idiomsOf = (decls: string): Record<string, string> => {
  const m = compile(parseCore(`module Main\n${decls}\n`, 't.lcore'), { target: goTarget, stopAfter: 'anf' }).outputs.get('anf') as Anf.Module;
  const found = listIdioms(m.decls);
  return Object.fromEntries([...found].map(([name, i]) => [name, i.target === undefined ? i.idiom : `${i.idiom} of ${i.target}`]));
};
// Every declaration is kept by the renamer only if main reaches it: a main that mentions them all.
const reachAll = (names: string[]) => `Main.main = prim_putStrLn (prim_showInt (${names.map((n) => `Main.use ${n}`).join(' ')}))\nMain.use = \\f -> 0`;

test('recognized: the prelude\'s shapes (Lune.String.listLength, Lune.List.reverseHelper, …), arms in either order', () => {
  const decls = `Main.len = \\xs -> case xs of { ${NIL} -> 0; ${CONS} _ r -> prim_addInt 1 (Main.len r) }
Main.len2 = \\xs -> case xs of { ${CONS} h r -> prim_addInt (Main.len2 r) 1; ${NIL} -> 0 }
Main.count = \\xs k -> case xs of { ${NIL} -> k; ${CONS} _ r -> Main.count r (prim_addInt k 1) }
Main.count2 = \\xs k -> case xs of { ${NIL} -> k; ${CONS} x r -> Main.count2 r (prim_addInt 1 k) }
Main.app = \\xs ys -> case xs of { ${NIL} -> ys; ${CONS} x r -> ${CONS} x (Main.app r ys) }
Main.revOnto = \\xs acc -> case xs of { ${NIL} -> acc; ${CONS} x r -> Main.revOnto r (${CONS} x acc) }
Main.rev = \\xs -> Main.revOnto xs ${NIL}`;
  const names = ['Main.len', 'Main.len2', 'Main.count', 'Main.count2', 'Main.app', 'Main.revOnto', 'Main.rev'];
  assert.equal(idiomsOf(`${decls}\n${reachAll(names)}`), {
    'Main.len': 'length', 'Main.len2': 'length', 'Main.count': 'lengthOnto', 'Main.count2': 'lengthOnto',
    'Main.app': 'append', 'Main.revOnto': 'reverseOnto', 'Main.rev': 'reverse of Main.revOnto',
  });
});

test('not recognized: near misses of each shape', () => {
  const decls = `Main.a = \\xs -> case xs of { ${NIL} -> 1; ${CONS} _ r -> prim_addInt 1 (Main.a r) }
Main.b = \\xs -> case xs of { ${NIL} -> 0; ${CONS} _ r -> prim_addInt 2 (Main.b r) }
Main.c = \\xs -> case xs of { ${NIL} -> 0; ${CONS} h r -> prim_addInt h (Main.c r) }
Main.d = \\xs -> case xs of { ${NIL} -> 0; ${CONS} _ r -> prim_addInt 1 (Main.a r) }
Main.e = \\xs k -> case xs of { ${NIL} -> 0; ${CONS} _ r -> Main.e r (prim_addInt k 1) }
Main.f = \\xs k -> case xs of { ${NIL} -> k; ${CONS} _ r -> Main.f r (prim_subInt k 1) }
Main.g = \\xs k -> case xs of { ${NIL} -> k; ${CONS} _ r -> Main.g xs (prim_addInt k 1) }
Main.h = \\xs ys -> case xs of { ${NIL} -> ys; ${CONS} x r -> ${CONS} x (Main.h ys r) }
Main.i = \\xs ys -> case xs of { ${NIL} -> xs; ${CONS} x r -> ${CONS} x (Main.i r ys) }
Main.j = \\xs acc -> case xs of { ${NIL} -> acc; ${CONS} x r -> Main.j r (${CONS} acc x) }
Main.k = \\xs acc -> case xs of { ${NIL} -> acc; ${CONS} x r -> Main.k r (Lune.Prelude.Just x) }
Main.l = \\xs acc -> case acc of { ${NIL} -> acc; ${CONS} x r -> Main.l r (${CONS} x acc) }
Main.m = \\xs -> Main.l xs ${NIL}
Main.n = \\xs -> Main.revOnto ${NIL} xs
Main.o = \\xs acc -> case xs of { ${NIL} -> acc; ${CONS} x r -> Main.o r (${CONS} x acc); _ -> acc }
Main.p = \\xs acc -> case xs of { ${NIL} -> acc; ${CONS} x r -> let y = prim_putStrLn "!" in Main.p r (${CONS} x acc) }
Main.q = \\xs y -> Main.revOnto xs ${NIL}
Main.s = \\xs -> Main.revOnto xs ${NIL} ${NIL}
Main.t = \\xs -> Main.revOnto xs Lune.Prelude.Nothing
Main.u = \\xs -> case xs of { ${NIL} -> 0; ${CONS} _ r -> prim_addInt 1 (Main.u r r) }
Main.v = \\xs acc -> case xs of { ${NIL} -> acc; ${CONS} x r -> acc }
Main.w = \\xs acc -> case xs of { ${NIL} -> acc; ${CONS} x r -> let t = ${CONS} x acc in let z = prim_putStrLn "!" in Main.w r t }
Main.x = \\xs -> case xs of { ${NIL} -> 0; ${CONS} _ r -> prim_addInt 1 (Main.x r); Lune.Prelude.Just y -> 5 }
Main.y = \\xs -> case xs of { Lune.Prelude.Nothing -> 0; ${CONS} _ r -> prim_addInt 1 (Main.y r) }
Main.z = \\xs -> case xs of { ${NIL} z -> 0; ${CONS} _ r -> prim_addInt 1 (Main.z r) }
Main.aa = \\xs -> case xs of { ${NIL} -> 0; ${CONS} _ r q -> prim_addInt 1 (Main.aa r) }
Main.ab = \\xs k z -> case xs of { ${NIL} -> k; ${CONS} _ r -> Main.ab r (prim_addInt k 1) }
Main.ac = \\xs acc -> case xs of { ${NIL} -> acc; ${CONS} x r -> Main.ac r (${CONS} x acc); _ -> let y = prim_putStrLn "!" in acc }
Main.ad = \\xs -> case xs of { ${NIL} -> 0; Main.Pair _ r -> prim_addInt 1 (Main.ad r) }
Main.ae = \\xs -> case xs of { ${NIL} -> let y = prim_addInt 1 2 in y; ${CONS} _ r -> prim_addInt 1 (Main.ae r) }
Main.revOnto = \\xs acc -> case xs of { ${NIL} -> acc; ${CONS} x r -> Main.revOnto r (${CONS} x acc) }`;
  const names = [...'abcdefghijklmnopqstuvwxyz'.split(''), 'aa', 'ab', 'ac', 'ad', 'ae'].map((c) => `Main.${c}`);
  assert.equal(idiomsOf(`${decls}\n${reachAll([...names, 'Main.revOnto'])}`), { 'Main.revOnto': 'reverseOnto' });
});

const lib = `Main.len = \\xs -> case xs of { ${NIL} -> 0; ${CONS} _ r -> prim_addInt 1 (Main.len r) }
Main.count = \\xs k -> case xs of { ${NIL} -> k; ${CONS} _ r -> Main.count r (prim_addInt k 1) }
Main.app = \\xs ys -> case xs of { ${NIL} -> ys; ${CONS} x r -> ${CONS} x (Main.app r ys) }
Main.revOnto = \\xs acc -> case xs of { ${NIL} -> acc; ${CONS} x r -> Main.revOnto r (${CONS} x acc) }
Main.rev = \\xs -> Main.revOnto xs ${NIL}`;

test('rewritten: saturated calls, in lambdas and arms; charsToString right after a reverse; the functions themselves kept', () => {
  const out = fused(`module Main
${lib}
Main.main =
  let s = "abc" in
  let n = prim_addInt (Main.len (prim_stringToChars s)) (Main.count (prim_stringToChars s) 0) in
  let t = prim_charsToString (Main.rev (prim_stringToChars s)) in
  let u = prim_charsToString (Main.revOnto (prim_stringToChars s) (prim_stringToChars t)) in
  let f = \\x -> prim_charsToString (Main.app (prim_stringToChars x) (prim_stringToChars u)) in
  case prim_eqInt n 6 of { Lune.Prelude.True -> prim_putStrLn (f t); Lune.Prelude.False -> prim_putStrLn (prim_showInt (Main.len Lune.Prelude.Nil)) }
`);
  const main = out.slice(out.indexOf('Main.main ='));
  assert.is(main, `Main.main =
  let _t_4 = %prim_stringToChars "abc"
  let _t_5 = %$listLength @Main.len _t_4
  let _t_7 = %$listLengthOnto @Main.count _t_4 0
  let n = %prim_addInt _t_5 _t_7
  let t = %$charsToStringRevOnto @Main.revOnto _t_4 Lune.Prelude.Nil
  let _t_11 = %prim_stringToChars t
  let u = %$charsToStringRevOnto @Main.revOnto _t_4 _t_11
  let f = \\x_2 ->
      let _t_13 = %prim_stringToChars x_2
      let _t_14 = %prim_stringToChars u
      let _t_15 = %$listAppend @Main.app _t_13 _t_14
      %prim_charsToString _t_15
  let _s = %prim_eqInt n 6
  switch _s of
    Lune.Prelude.True ->
      let _t_16 = f t
      %prim_putStrLn _t_16
    Lune.Prelude.False ->
      let _t_17 = %$listLength @Main.len Lune.Prelude.Nil
      let _t_18 = %prim_showInt _t_17
      %prim_putStrLn _t_18
    _ -> fail NonExhaustiveCase _s in Main.main
`);
  // In tail position, and in a template's hole.
  const word = fused(`module Main
${lib}
Main.word = \\cs -> prim_charsToString (Main.rev cs)
Main.main = prim_putStrLn (prim_templateRender $"<\${prim_templateText (prim_showInt (Main.len (prim_stringToChars (Main.word (prim_stringToChars "ab"))))) : Template}>")
`);
  assert.ok(word.includes(`Main.word =
  \\cs -> %$charsToStringRevOnto @Main.revOnto cs Lune.Prelude.Nil`), word);
  assert.ok(word.includes('%$listLength @Main.len'), word);
  // (The simplifier made the three `prim_stringToChars s` one.) The recognized functions are the fallback of
  // their fused calls: their own recursive calls stay calls.
  assert.ok(out.includes('let _t = @Main.len r'), out);
  assert.ok(out.includes('@Main.app r_2 ys'), out);
});

test('left alone: partial applications, a reverse read by more than charsToString, a let in between, -O0', () => {
  const src = `module Main
${lib}
Main.twice = \\f -> prim_addInt (f 1) (f 2)
Main.idList = \\xs -> xs
Main.main =
  let g = Main.count (prim_stringToChars "ab") in
  let r = Main.rev (prim_stringToChars "ab") in
  let a = prim_charsToString r in
  let r2 = Main.revOnto (prim_stringToChars "cd") Lune.Prelude.Nil in
  let k = prim_showInt (prim_addInt (Main.twice g) (Main.len r)) in
  let b = prim_charsToString r2 in
  let c = prim_charsToString (Main.idList (prim_stringToChars "ef")) in
  let d = Main.revOnto (prim_stringToChars "gh") in
  let e = prim_charsToString d in
  let f2 = prim_charsToString (Main.len (prim_stringToChars "ij") Lune.Prelude.Nil) in
  prim_putStrLn (prim_appendString (prim_appendString a b) (prim_appendString k (prim_appendString c (prim_appendString e f2))))
`;
  const out = fused(src);
  assert.is(out.slice(out.indexOf('Main.main =')), `Main.main =
  let _t_5 = %prim_stringToChars "ab"
  let g = @Main.count _t_5
  let r_3 = @Main.revOnto _t_5 Lune.Prelude.Nil
  let a = %prim_charsToString r_3
  let _t_7 = %prim_stringToChars "cd"
  let r2 = @Main.revOnto _t_7 Lune.Prelude.Nil
  let _t_8 = @Main.twice g
  let _t_9 = %$listLength @Main.len r_3
  let _t_10 = %prim_addInt _t_8 _t_9
  let k_1 = %prim_showInt _t_10
  let b = %prim_charsToString r2
  let _t_11 = %prim_stringToChars "ef"
  let _t_12 = @Main.idList _t_11
  let c = %prim_charsToString _t_12
  let _t_13 = %prim_stringToChars "gh"
  let d = @Main.revOnto _t_13
  let e = %prim_charsToString d
  let _t_14 = %prim_stringToChars "ij"
  let _t_15 = @Main.len _t_14 Lune.Prelude.Nil
  let f2 = %prim_charsToString _t_15
  let _t_16 = %prim_appendString a b
  let _t_17 = %prim_appendString e f2
  let _t_18 = %prim_appendString c _t_17
  let _t_19 = %prim_appendString k_1 _t_18
  let _t_20 = %prim_appendString _t_16 _t_19
  %prim_putStrLn _t_20
`);
  const off = compile(parseCore(src, 't.lcore'), { target: goTarget, stopAfter: 'anf-fused', optimize: false }).outputs;
  assert.is(off.get('anf-fused'), off.get('anf-simplified'));
});

test('a program that names a fused primitive is refused: they are the compiler\'s own', () => {
  assert.throws(() => compile(parseCore('module Main\nMain.main = prim_putStrLn ($listLength Main.main Lune.Prelude.Nil)\n', 't.lcore'), { target: goTarget }),
    (e: Error) => e.message.includes('unsupported primitive $listLength on the go target (capability: fused)'));
});

test.run();
