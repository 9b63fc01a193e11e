// passes/to-goast/cursors.test.ts: list parameters read through an rt.ListCursor (cursors.ts) — the Go of such a
// loop (exact), which parameters get no cursor, and programs run on the evaluator and in Go that walk strings'
// characters (unfolded or not, appended onto other lists, onto an improper tail), nested lists and Nil-first
// matches through cursors.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as G from '../../ir/goast';
import { func, goOf, runBoth } from './testing';

const walks = `module Main
Main.app = \\xs ys -> case xs of { Lune.Prelude.Nil -> ys; Lune.Prelude.Cons x r -> Lune.Prelude.Cons x (Main.app r ys) }
Main.rev = \\xs acc -> case xs of { Lune.Prelude.Nil -> acc; Lune.Prelude.Cons x r -> Main.rev r (Lune.Prelude.Cons x acc) }
Main.split = \\cs cur -> case cs of {
    Lune.Prelude.Nil -> Lune.Prelude.Cons (prim_charsToString (Main.rev cur Lune.Prelude.Nil)) Lune.Prelude.Nil;
    Lune.Prelude.Cons c r -> case prim_eqInt (prim_charToInt c) 44 of {
        Lune.Prelude.True -> Lune.Prelude.Cons (prim_charsToString (Main.rev cur Lune.Prelude.Nil)) (Main.split r Lune.Prelude.Nil);
        Lune.Prelude.False -> Main.split r (Lune.Prelude.Cons c cur) } }
Main.join = \\ws -> case ws of {
    Lune.Prelude.Nil -> "";
    Lune.Prelude.Cons w r -> prim_appendString "[" (prim_appendString w (prim_appendString "]" (Main.join r))) }
Main.sumAll = \\xss xs acc -> case xs of {
    Lune.Prelude.Cons x r -> Main.sumAll xss r (prim_addInt acc x);
    Lune.Prelude.Nil -> case xss of {
        Lune.Prelude.Nil -> acc;
        Lune.Prelude.Cons ys rest -> Main.sumAll rest ys acc } }
Main.count = \\xs n -> case xs of { Lune.Prelude.Cons _ r -> Main.count r (prim_addInt n 1); Lune.Prelude.Nil -> n }
Main.first = \\xs -> case xs of { Lune.Prelude.Cons c _ -> c; _ -> 'z' }
Main.countA = \\ws n -> case ws of {
    Lune.Prelude.Nil -> n;
    Lune.Prelude.Cons w r -> case w of { "a" -> Main.countA r (prim_addInt n 1); _ -> Main.countA r n } }
Main.dup = \\xs -> case xs of { Lune.Prelude.Nil -> Lune.Prelude.Nil; Lune.Prelude.Cons x r -> Lune.Prelude.Cons x (Lune.Prelude.Cons x (Main.dup r)) }
Main.text = "${'aé,𝄞b,'.repeat(30)}"
Main.main =
  let cs = prim_stringToChars Main.text in
  $primIOBind (prim_putStrLn (Main.join (Main.split (prim_stringToChars "ab,,c,") Lune.Prelude.Nil))) (\\_ ->
  $primIOBind (prim_putStrLn (prim_showInt (Main.count (Main.split (Main.app (prim_stringToChars "x,y") cs) Lune.Prelude.Nil) 0))) (\\_ ->
  $primIOBind (prim_putStrLn (prim_charsToString (Lune.Prelude.Cons (Main.first cs) Lune.Prelude.Nil))) (\\_ ->
  $primIOBind (prim_putStrLn (prim_showInt (Main.count cs 0))) (\\_ ->
  $primIOBind (prim_putStrLn (prim_showInt (Main.countA (Lune.Prelude.Cons "a" (Lune.Prelude.Cons "b" (Lune.Prelude.Cons "a" Lune.Prelude.Nil))) 0))) (\\_ ->
  $primIOBind (prim_putStrLn (prim_charsToString (Main.dup (prim_stringToChars "xé")))) (\\_ ->
  $primIOBind (prim_putStrLn (prim_showInt (Main.sumAll (Lune.Prelude.Cons (Lune.Prelude.Cons 2 Lune.Prelude.Nil) (Lune.Prelude.Cons Lune.Prelude.Nil (Lune.Prelude.Cons (Lune.Prelude.Cons 3 (Lune.Prelude.Cons 4 Lune.Prelude.Nil)) Lune.Prelude.Nil))) (Lune.Prelude.Cons 1 Lune.Prelude.Nil) 0))) (\\_ ->
  prim_putStrLn (prim_showInt (Main.count (Main.app (prim_stringToChars "ab") 5) 0)))))))))
`;

test('strings, appended strings, unfolded strings and nested lists walked through cursors, Nil arm first or last', async () => {
  const text = G.print(goOf(walks));
  assert.is(func(text, 'Main_split'), `func Main_split(cs_in rt.Value, cur_in rt.Value) rt.Value {
\tvar cs_cur rt.ListCursor
\tcs_cur.Set(cs_in)
\tvar cur_acc rt.StringAcc
\tcur_acc.Set(cur_in)
\tvar head_1 rt.Value
\thole_1 := &head_1
\tvar cells_2 rt.Cells
\tfor {
\t\tswitch elem, isCons := cs_cur.Next(); {
\t\tcase isCons:
\t\t\tc := elem
\t\t\t_t_4 := rt.F_prim_charToInt(c)
\t\t\tif rt.F_prim_eqInt(_t_4, int64(44)) == rt.True {
\t\t\t\t_t_6 := cur_acc.RevString(fn_Main_rev)
\t\t\t\tcell_2 := cells_2.New(_t_6)
\t\t\t\t*hole_1 = cell_2
\t\t\t\thole_1 = &cell_2.Tail
\t\t\t\tcur_acc.Set(rt.Nil)
\t\t\t\tcontinue
\t\t\t} else {
\t\t\t\tcur_acc.Push(c)
\t\t\t\tcontinue
\t\t\t}
\t\tcase cs_cur.AtNil():
\t\t\t_t_3 := cur_acc.RevString(fn_Main_rev)
\t\t\t*hole_1 = &rt.Cell{Head: _t_3, Tail: rt.Nil}
\t\t\treturn head_1
\t\tdefault:
\t\t\t*hole_1 = rt.NonExhaustive("Main.split", cs_cur.Value())
\t\t\treturn head_1
\t\t}
\t}
}`);
  // sumAll's xs is a cursor, moved to its tail or Set to the next inner list; xss, passed on unchanged, is not.
  const sumAll = func(text, 'Main_sumAll_boxed');
  assert.match(sumAll, /^func Main_sumAll_boxed\(xss_in rt.Value, (xs_\d+)_in rt.Value, (acc_\d+)_in rt.Value\) rt.Value {\n\tvar \1_cur rt.ListCursor\n\t\1_cur.Set\(\1_in\)\n\tfor {\n\t\txss := xss_in\n/);
  assert.match(sumAll, /\t\t\t\txs_\d+_cur.Set\(ys_\d+\)\n\t\t\t\txss_in, acc_\d+_in = rest, acc_\d+\n\t\t\t\tcontinue\n/);
  const parts = 'aé,𝄞b,'.repeat(30).split(',');
  // The tail passed on in an inner switch's default arm (countA), and by a tail context's call (dup).
  assert.match(func(text, 'Main_countA_boxed'), 'ws_1_cur.Next()');
  assert.match(func(text, 'Main_dup'), 'xs_5_cur.Next()');
  const expected = ['[ab][][c][]', String(2 + parts.length - 1), 'a', String(6 * 30), '2', 'xxéé', '10', ''].join('\n');
  for (const o of await runBoth(walks)) assert.equal(o, { stdout: expected, error: 'NonExhaustiveCase 5', exit: 1 });
});

// What gets no cursor: a parameter also read elsewhere, or passed on unchanged; a tail also read elsewhere, or
// passed in another position; a switch with another constructor's arm (beside Cons, or a two-argument one beside
// Nil); a switch in a lambda.
const notCursors = `module Main
Main.len = \\xs -> case xs of { Lune.Prelude.Nil -> 0; Lune.Prelude.Cons _ r -> prim_addInt 1 (Main.len r) }
Main.twice = \\xs n -> case xs of { Lune.Prelude.Nil -> n; Lune.Prelude.Cons _ r -> Main.twice r (prim_addInt n (Main.len xs)) }
Main.again = \\xs n -> case prim_eqInt n 0 of {
    Lune.Prelude.True -> Main.again xs 1;
    Lune.Prelude.False -> case xs of { Lune.Prelude.Nil -> n; Lune.Prelude.Cons _ r -> Main.again r (prim_addInt n 1) } }
Main.tailToo = \\xs n -> case xs of { Lune.Prelude.Nil -> n; Lune.Prelude.Cons _ r -> Main.tailToo r (prim_addInt n (Main.len r)) }
Main.swap = \\xs ys -> case xs of { Lune.Prelude.Nil -> Main.len ys; Lune.Prelude.Cons _ r -> Main.swap ys r }
Main.maybe = \\m n -> case m of { Lune.Prelude.Nothing -> n; Lune.Prelude.Just x -> Main.maybe x (prim_addInt n 1); Lune.Prelude.Cons _ r -> Main.maybe r n }
Main.opt = \\m n -> case m of { Lune.Prelude.Cons _ r -> Main.opt r (prim_addInt n 1); Lune.Prelude.Nothing -> n }
Main.chain = \\p n -> case p of { Main.P _ rest -> Main.chain rest (prim_addInt n 1); Lune.Prelude.Nil -> n }
Main.inLam = \\xs n -> case prim_eqInt n 3 of {
    Lune.Prelude.True -> (\\u -> case xs of { Lune.Prelude.Nil -> 0; Lune.Prelude.Cons h _ -> h }) 0;
    Lune.Prelude.False -> Main.inLam xs (prim_addInt n 1) }
Main.main = prim_putStrLn (prim_showInt (prim_addInt (Main.twice (Lune.Prelude.Cons 1 (Lune.Prelude.Cons 2 Lune.Prelude.Nil)) 0)
  (prim_addInt (Main.again (Lune.Prelude.Cons 1 Lune.Prelude.Nil) 0) (prim_addInt (Main.tailToo (Lune.Prelude.Cons 1 (Lune.Prelude.Cons 2 Lune.Prelude.Nil)) 0)
  (prim_addInt (Main.swap (Lune.Prelude.Cons 1 (Lune.Prelude.Cons 2 Lune.Prelude.Nil)) (Lune.Prelude.Cons 3 Lune.Prelude.Nil))
  (prim_addInt (Main.maybe (Lune.Prelude.Just (Lune.Prelude.Cons 1 (Lune.Prelude.Just Lune.Prelude.Nothing))) 0)
  (prim_addInt (Main.opt (Lune.Prelude.Cons 1 (Lune.Prelude.Cons 2 Lune.Prelude.Nothing)) 100)
  (prim_addInt (Main.chain (Main.P 1 (Main.P 2 Lune.Prelude.Nil)) 1000) (Main.inLam (Lune.Prelude.Cons 40 Lune.Prelude.Nil) 0)))))))))
`;

test('no cursor for a list read twice, passed on unchanged, with its tail read elsewhere or moved, with another arm, matched in a lambda', async () => {
  const text = G.print(goOf(notCursors));
  assert.not.match(text, 'ListCursor');
  for (const name of ['Main_twice_boxed', 'Main_again_boxed', 'Main_tailToo_boxed', 'Main_swap', 'Main_maybe_boxed', 'Main_opt_boxed', 'Main_chain_boxed', 'Main_inLam']) {
    assert.match(func(text, name), 'for {', name); // loops, so a cursor would have been possible
  }
  for (const o of await runBoth(notCursors)) assert.equal(o, { stdout: `${3 + 2 + 1 + 0 + 2 + 102 + 1002 + 40}\n`, error: '', exit: 0 });
});

// Workers too: a list parameter beside an Int accumulator (a cursor; past int64 the worker gives up and the boxed
// code, with its own cursor, starts again), and a string accumulator beside an Int counter.
const workers = `module Main
Main.rev = \\xs acc -> case xs of { Lune.Prelude.Nil -> acc; Lune.Prelude.Cons x r -> Main.rev r (Lune.Prelude.Cons x acc) }
Main.digits = \\cs acc -> case cs of { Lune.Prelude.Nil -> acc; Lune.Prelude.Cons c r -> Main.digits r (prim_addInt (prim_mulInt acc 10) (prim_subInt (prim_charToInt c) 48)) }
Main.fields = \\cs cur n -> case cs of {
    Lune.Prelude.Nil -> prim_appendString (prim_showInt n) (prim_appendString ":" (prim_charsToString (Main.rev cur Lune.Prelude.Nil)));
    Lune.Prelude.Cons c r -> case prim_eqInt (prim_charToInt c) 44 of {
        Lune.Prelude.True -> Main.fields r Lune.Prelude.Nil (prim_addInt n 1);
        Lune.Prelude.False -> Main.fields r (Lune.Prelude.Cons c cur) n } }
Main.main =
  $primIOBind (prim_putStrLn (prim_showInt (Main.digits (prim_stringToChars "12345") 0))) (\\_ ->
  $primIOBind (prim_putStrLn (prim_showInt (Main.digits (prim_stringToChars "123456789012345678901234567890") 0))) (\\_ ->
  $primIOBind (prim_putStrLn (Main.fields (prim_stringToChars "ab,cd,éf") Lune.Prelude.Nil 0)) (\\_ ->
  $primIOBind (prim_putStrLn (Main.fields (prim_stringToChars "x,y") Lune.Prelude.Nil 9223372036854775807)) (\\_ ->
  prim_putStrLn (prim_showInt (Main.digits (Lune.Prelude.Cons '1' 7) 0))))))
`;

test('cursors and string accumulators in workers, giving up past int64 or on an improper list as the boxed code does', async () => {
  const text = G.print(goOf(workers));
  assert.match(func(text, 'Main_digits_w'), /^func Main_digits_w\(cs rt.Value, acc_\d+ int64\) \(int64, bool\) {\n\tvar (cs_cur_\d+) rt.ListCursor\n\t\1.Set\(cs\)\n\tfor {\n\t\tswitch elem, isCons := \1.Next\(\); {\n/);
  assert.match(func(text, 'Main_digits_w'), /\t\tdefault:\n\t\t\treturn 0, false\n/);
  const fields = func(text, 'Main_fields_w');
  assert.match(fields, /\tvar (cur_acc_\d+) rt.StringAcc\n\t\1.Set\(cur\)\n/);
  assert.match(fields, /\t\t\t\tcur_acc_\d+.Set\(rt.Nil\)\n\t\t\t\tn = _t_\d+\n\t\t\t\tcontinue\n/);
  assert.match(fields, /\t\t\t\tcur_acc_\d+.Push\(c_\d+\)\n\t\t\t\tcontinue\n/);
  assert.match(fields, /\t\t\tvar _t_\d+ rt.Value = cur_acc_\d+.RevString\(fn_Main_rev\)\n/);
  for (const o of await runBoth(workers)) {
    assert.equal(o, { stdout: '12345\n123456789012345678901234567890\n2:éf\n9223372036854775808:y\n', error: 'NonExhaustiveCase 7', exit: 1 });
  }
});

test('-O0: no cursors', () => {
  assert.not.match(G.print(goOf(walks, false)), 'ListCursor');
});

test.run();
