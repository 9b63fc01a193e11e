// passes/to-goast/string-accs.test.ts: accumulators kept as an rt.StringAcc (string-accs.ts) — the Go of such a
// loop (exact), which accumulators stay lists, and programs run on the evaluator and in Go: words split off a
// string, an accumulator that starts as a list or is reset to one, pushed a surrogate or (ill-typed) an Int.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as G from '../../ir/goast';
import { func, goOf, runBoth } from './testing';

const lib = `Main.rev = \\xs acc -> case xs of { Lune.Prelude.Nil -> acc; Lune.Prelude.Cons x r -> Main.rev r (Lune.Prelude.Cons x acc) }
Main.words = \\cs cur -> case cs of {
    Lune.Prelude.Nil -> Lune.Prelude.Cons (prim_charsToString (Main.rev cur Lune.Prelude.Nil)) Lune.Prelude.Nil;
    Lune.Prelude.Cons c r -> case prim_eqInt (prim_charToInt c) 32 of {
        Lune.Prelude.True -> Lune.Prelude.Cons (prim_charsToString (Main.rev cur Lune.Prelude.Nil)) (Main.words r Lune.Prelude.Nil);
        Lune.Prelude.False -> case prim_eqInt (prim_charToInt c) 35 of {
            Lune.Prelude.True -> Main.words r (prim_stringToChars "<#>");
            Lune.Prelude.False -> case prim_eqInt (prim_charToInt c) 95 of {
                Lune.Prelude.True -> Main.words r cur;
                Lune.Prelude.False -> Main.words r (Lune.Prelude.Cons c cur) } } } }
Main.collect = \\xs acc -> case xs of {
    Lune.Prelude.Nil -> prim_charsToString (Main.rev acc Lune.Prelude.Nil);
    Lune.Prelude.Cons x r -> Main.collect r (Lune.Prelude.Cons x acc) }
Main.join = \\ws -> case ws of {
    Lune.Prelude.Nil -> "";
    Lune.Prelude.Cons w r -> prim_appendString "[" (prim_appendString w (prim_appendString "]" (Main.join r))) }
`;

const programs = `module Main
${lib}
Main.main =
  $primIOBind (prim_putStrLn (Main.join (Main.words (prim_stringToChars "ab c_d  é#x𝄞 ") Lune.Prelude.Nil))) (\\_ ->
  $primIOBind (prim_putStrLn (Main.join (Main.words (prim_stringToChars "yz w") (prim_stringToChars "cba")))) (\\_ ->
  $primIOBind (prim_putStrLn (Main.join (Main.words (Lune.Prelude.Cons 'a' (Lune.Prelude.Cons (prim_intToChar 55296) (Lune.Prelude.Cons 'b' Lune.Prelude.Nil))) Lune.Prelude.Nil))) (\\_ ->
  $primIOBind (prim_putStrLn (Main.collect (Lune.Prelude.Cons 'a' (Lune.Prelude.Cons 7 (Lune.Prelude.Cons 'b' Lune.Prelude.Nil))) Lune.Prelude.Nil)) (\\_ ->
  prim_putStrLn (Main.join (Main.words (prim_stringToChars "p q") 5))))))
`;

test('a string accumulator: pushed by the tail call, reset, passed on unchanged, made a string; with the evaluator\'s results', async () => {
  const text = G.print(goOf(programs));
  const words = func(text, 'Main_words');
  assert.match(words, /^func Main_words\(cs_in rt.Value, cur_in rt.Value\) rt.Value {\n\tvar cs_cur rt.ListCursor\n\tcs_cur.Set\(cs_in\)\n\tvar cur_acc rt.StringAcc\n\tcur_acc.Set\(cur_in\)\n/);
  assert.match(words, /\t\t\t\t_t_\d+ := cur_acc.RevString\(fn_Main_rev\)\n/);
  assert.match(words, /\t\t\t\tcur_acc.Set\(rt.Nil\)\n\t\t\t\tcontinue\n/);
  assert.match(words, /\t\t\t\t\tcur_acc.Set\(_t_\d+\)\n\t\t\t\t\tcontinue\n/);
  assert.match(words, /\t\t\t\t\t\tcontinue\n/); // `_`: passed on unchanged, nothing to do
  assert.match(words, /\t\t\t\t\t\tcur_acc.Push\(c\)\n\t\t\t\t\t\tcontinue\n/);
  assert.not.match(words, 'rt.Cell{Head: c');
  assert.match(func(text, 'Main_collect'), /\t\t\tacc_\d+_acc.Push\(x_\d+\)\n\t\t\tcontinue\n/); // an Int pushed too (it spills)
  const outs = await runBoth(programs);
  assert.equal(outs[0], { stdout: '[ab][cd][][>#<x𝄞][]\n[abcyz][w]\n[a\uFFFDb]\nab\n', error: 'NonExhaustiveCase 5', exit: 1 });
  for (const o of outs.slice(1)) assert.equal(o, outs[0]);
});

// Accumulators that stay lists: one also read by another function, one consumed onto a list other than Nil, a
// `Cons c acc` also kept, one passed in another position; and a parameter only passed on, which is no
// accumulator at all.
const lists = `module Main
${lib}
Main.len = \\xs -> case xs of { Lune.Prelude.Nil -> 0; Lune.Prelude.Cons _ r -> prim_addInt 1 (Main.len r) }
Main.counted = \\cs cur -> case cs of {
    Lune.Prelude.Nil -> prim_appendString (prim_charsToString (Main.rev cur Lune.Prelude.Nil)) (prim_showInt (Main.len cur));
    Lune.Prelude.Cons c r -> Main.counted r (Lune.Prelude.Cons c cur) }
Main.onto = \\cs cur -> case cs of {
    Lune.Prelude.Nil -> prim_charsToString (Main.rev cur (prim_stringToChars "!"));
    Lune.Prelude.Cons c r -> Main.onto r (Lune.Prelude.Cons c cur) }
Main.kept = \\cs cur last -> case cs of {
    Lune.Prelude.Nil -> prim_appendString (prim_charsToString (Main.rev cur Lune.Prelude.Nil)) (prim_charsToString last);
    Lune.Prelude.Cons c r -> let next = Lune.Prelude.Cons c cur in Main.kept r next next }
Main.skip = \\xs k -> case xs of { Lune.Prelude.Nil -> ""; Lune.Prelude.Cons _ r -> Main.skip r k }
Main.swapped = \\cs a b -> case cs of {
    Lune.Prelude.Nil -> prim_charsToString (Main.rev a Lune.Prelude.Nil);
    Lune.Prelude.Cons c r -> Main.swapped r b (Lune.Prelude.Cons c a) }
Main.main = prim_putStrLn (Main.join (Lune.Prelude.Cons (Main.counted (prim_stringToChars "abc") Lune.Prelude.Nil)
  (Lune.Prelude.Cons (Main.onto (prim_stringToChars "abc") Lune.Prelude.Nil)
  (Lune.Prelude.Cons (Main.kept (prim_stringToChars "abc") Lune.Prelude.Nil Lune.Prelude.Nil)
  (Lune.Prelude.Cons (Main.swapped (prim_stringToChars "abcde") Lune.Prelude.Nil Lune.Prelude.Nil)
  (Lune.Prelude.Cons (Main.skip (prim_stringToChars "ab") Lune.Prelude.Nil) Lune.Prelude.Nil))))))
`;

test('accumulators that stay lists: read by something else, consumed onto a list, kept, passed in another position; a parameter only passed on', async () => {
  const text = G.print(goOf(lists));
  assert.not.match(text, 'StringAcc');
  for (const o of await runBoth(lists)) assert.equal(o, { stdout: '[abc3][abc!][abccba][bd][]\n', error: '', exit: 0 });
});

test.run();
