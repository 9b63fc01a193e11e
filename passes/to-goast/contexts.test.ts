// passes/to-goast/contexts.test.ts: tail contexts (contexts.ts) — the loops they make (exact Go of the worker and
// of boxed code), what they leave alone (a let that could fail, an append of a list not known proper, a switch
// with no self call), and programs run on the evaluator and in Go, where moving total lets before the recursive
// call must not change a crash, an overflow's give-up, or a result.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as G from '../../ir/goast';
import { func, goOf, runBoth } from './testing';

const app = `Main.app = \\xs ys -> case xs of { Lune.Prelude.Nil -> ys; Lune.Prelude.Cons x r -> Lune.Prelude.Cons x (Main.app r ys) }`;

// The strings benchmark's words: `'w' : show i ++ rest`, rest a switch whose False arm is `',' : words (i+1) n`.
const words = (from: string, to: string) => `module Main
${app}
Main.words = \\i n -> case prim_eqInt i n of {
    Lune.Prelude.True -> Lune.Prelude.Nil;
    Lune.Prelude.False ->
      let rest = case prim_eqInt (prim_addInt i 1) n of {
          Lune.Prelude.True -> Lune.Prelude.Nil;
          Lune.Prelude.False -> Lune.Prelude.Cons ',' (Main.words (prim_addInt i 1) n) }
      in Lune.Prelude.Cons 'w' (Main.app (prim_stringToChars (prim_showInt i)) rest) }
Main.main = prim_putStrLn (prim_charsToString (Main.words ${from} ${to}))
`;

test('a switch context in a worker: the total lets first, the cell and the string\'s characters into the hole, then the switch', async () => {
  const text = G.print(goOf(words('0', '3')));
  assert.is(func(text, 'Main_words_w'), `func Main_words_w(i int64, n int64) (rt.Value, bool) {
\tvar head_1 rt.Value
\thole_1 := &head_1
\tvar cells_1 rt.Cells
\tfor {
\t\t_s := i == n
\t\tif _s {
\t\t\t*hole_1 = rt.Nil
\t\t\treturn head_1, true
\t\t} else {
\t\t\t_t_1 := i + 1
\t\t\tif (i^_t_1)&(1^_t_1) < 0 {
\t\t\t\treturn nil, false
\t\t\t}
\t\t\t_s_1 := _t_1 == n
\t\t\tvar _t_4 rt.Value = rt.F_prim_showInt(rt.BoxInt(i))
\t\t\tcell_2 := cells_1.New(rt.Char(119))
\t\t\t*hole_1 = cell_2
\t\t\thole_1 = &cell_2.Tail
\t\t\thole_1 = rt.AppendStringInto(hole_1, _t_4)
\t\t\tif _s_1 {
\t\t\t\t*hole_1 = rt.Nil
\t\t\t\treturn head_1, true
\t\t\t} else {
\t\t\t\tcell_3 := cells_1.New(rt.Char(44))
\t\t\t\t*hole_1 = cell_3
\t\t\t\thole_1 = &cell_3.Tail
\t\t\t\ti = _t_1
\t\t\t\tcontinue
\t\t\t}
\t\t}
\t}
}`);
  // The boxed half knows nothing of i: `prim_showInt i` could fail, so it stays after the recursive call.
  assert.match(func(text, 'Main_words_boxed'), '_t_3 := Main_words_boxed(_t_1, n)');
  assert.not.match(func(text, 'Main_words_boxed'), 'for {');
  for (const o of await runBoth(words('0', '12'))) assert.equal(o, { stdout: 'w0,w1,w2,w3,w4,w5,w6,w7,w8,w9,w10,w11\n', error: '', exit: 0 });
});

test('a worker giving up (overflow) inside a context: the boxed code starts again and prints what the evaluator does', async () => {
  const max = 9223372036854775807n;
  const expected = [max - 2n, max - 1n, max, max + 1n].map((i) => `w${i}`).join(',');
  for (const o of await runBoth(words(String(max - 2n), String(max + 2n)))) assert.equal(o, { stdout: `${expected}\n`, error: '', exit: 0 });
});

// Lets that could fail are not moved before the recursive call: here `prim_stringToChars x`, computed after the
// recursion (`rest` first), of an element that is not a String (an ill-typed program), must fail after the
// recursion has failed first, on the improper tail. An append of a parameter (not known to be a proper list)
// is no link either.
const join = `module Main
${app}
Main.join = \\xs -> case xs of {
    Lune.Prelude.Nil -> Lune.Prelude.Nil;
    Lune.Prelude.Cons x r -> let rest = Main.join r in Main.app (prim_stringToChars x) (Lune.Prelude.Cons ',' rest) }
Main.appendAll = \\xs ys -> case xs of {
    Lune.Prelude.Nil -> Lune.Prelude.Nil;
    Lune.Prelude.Cons x r -> Main.app ys (Lune.Prelude.Cons x (Main.appendAll r ys)) }
Main.main = $primIOBind (prim_putStrLn (prim_charsToString (Main.join (Lune.Prelude.Cons "ab" (Lune.Prelude.Cons "c" Lune.Prelude.Nil))))) (\\_ ->
  $primIOBind (prim_putStrLn (prim_charsToString (Main.appendAll (prim_stringToChars "xyz") (prim_stringToChars "-")))) (\\_ ->
  prim_putStrLn (prim_charsToString (Main.join (Lune.Prelude.Cons "a" (Lune.Prelude.Cons 5 7))))))
`;

test('no context where a moved let could fail, or an append\'s list is not known to be proper: the crash stays the recursion\'s', async () => {
  const text = G.print(goOf(join));
  assert.match(func(text, 'Main_join'), ':= Main_join(');
  assert.match(func(text, 'Main_appendAll'), ':= Main_appendAll(');
  assert.not.match(text, 'AppendInto');
  for (const o of await runBoth(join)) assert.equal(o, { stdout: 'ab,c,\n-x-y-z\n', error: 'NonExhaustiveCase 7', exit: 1 });
});

// Other lets that could fail stay after the recursive call too: a top-level value (computed when first read:
// here it divides by zero) and a field select (an ill-typed element is no record). The recursion fails first, on
// the improper tail. A string's characters read twice are not an appendString link (the list is kept), and a
// function whose switch makes no recursive call is not made a loop.
const stays = `module Main
${app}
Main.bad = prim_divInt 1 0
Main.withBad = \\xs -> case xs of {
    Lune.Prelude.Nil -> Lune.Prelude.Nil;
    Lune.Prelude.Cons x r -> let t = Main.withBad r in let v = Main.bad in Lune.Prelude.Cons v t }
Main.names = \\xs -> case xs of {
    Lune.Prelude.Nil -> Lune.Prelude.Nil;
    Lune.Prelude.Cons x r -> let t = Main.names r in let n = x.#name in Lune.Prelude.Cons n t }
Main.len = \\xs k -> case xs of { Lune.Prelude.Nil -> k; Lune.Prelude.Cons _ r -> Main.len r (prim_addInt k 1) }
Main.mark = \\n -> let r = case prim_eqInt n 0 of { Lune.Prelude.True -> Lune.Prelude.Nil; Lune.Prelude.False -> Lune.Prelude.Cons 'y' Lune.Prelude.Nil } in Lune.Prelude.Cons 'x' r
Main.twice = \\i n -> case prim_eqInt i n of {
    Lune.Prelude.True -> Lune.Prelude.Nil;
    Lune.Prelude.False -> let t = Main.twice (prim_addInt i 1) n in
      let cs = prim_stringToChars (prim_showInt i) in
      Lune.Prelude.Cons cs (Main.app cs t) }
Main.main = $primIOBind (prim_putStrLn (prim_showInt (Main.len (Main.twice 8 12) 0))) (\\_ -> Main.fails)
`;

test('a top-level value and a select stay after the recursive call; a string\'s characters read twice stay a list; no loop without a recursive call', async () => {
  const text = G.print(goOf(`${stays}Main.fails = prim_putStrLn (prim_showInt (prim_addInt (Main.len (Main.names Lune.Prelude.Nil) 0) (Main.len (Main.withBad (Main.mark 1)) 0)))\n`));
  // A switch whose arms make no recursive call is no context: Main.mark is no loop building its result.
  assert.ok(func(text, 'Main_mark_w') !== '');
  for (const half of ['Main_mark', 'Main_mark_boxed', 'Main_mark_w']) assert.not.match(func(text, half), 'hole', half);
  assert.match(func(text, 'Main_withBad'), ':= Main_withBad(');
  assert.match(func(text, 'Main_names'), ':= Main_names(');
  const twice = func(text, 'Main_twice_w');
  assert.match(twice, 'rt.AppendInto(');
  assert.not.match(twice, 'AppendStringInto');
  for (const fails of ['Main.names (Lune.Prelude.Cons { name = 1 } (Lune.Prelude.Cons 5 7))', 'Main.withBad (Lune.Prelude.Cons 1 7)']) {
    const src = `${stays}Main.fails = prim_putStrLn (prim_showInt (Main.len (${fails}) 0))\n`;
    for (const o of await runBoth(src)) assert.equal(o, { stdout: '10\n', error: 'NonExhaustiveCase 7', exit: 1 }, fails);
  }
});

// Chains of links: two cells, a cell whose hole is its head, another constructor, an append of a list known to
// be proper (built from a string and cells), and a switch context nested in a switch context's arm.
const chains = `module Main
${app}
Main.pairs = \\n -> case prim_eqInt n 0 of {
    Lune.Prelude.True -> Lune.Prelude.Nil;
    Lune.Prelude.False -> Lune.Prelude.Cons n (Lune.Prelude.Cons (prim_mulInt n 10) (Main.pairs (prim_subInt n 1))) }
Main.nest = \\n -> case prim_eqInt n 0 of {
    Lune.Prelude.True -> Lune.Prelude.Nothing;
    Lune.Prelude.False -> Lune.Prelude.Just (Lune.Prelude.Cons (Main.nest (prim_subInt n 1)) Lune.Prelude.Nil) }
Main.tags = \\n -> case prim_eqInt n 0 of {
    Lune.Prelude.True -> Lune.Prelude.Nil;
    Lune.Prelude.False ->
      let more = case prim_eqInt (prim_modInt n 2) 0 of {
          Lune.Prelude.True -> case prim_eqInt n 2 of {
              Lune.Prelude.True -> Lune.Prelude.Nil;
              Lune.Prelude.False -> let deeper = case prim_eqInt n 4 of {
                  Lune.Prelude.True -> Main.tags (prim_subInt n 1);
                  Lune.Prelude.False -> Lune.Prelude.Cons '.' (Main.tags (prim_subInt n 1)) }
                in Lune.Prelude.Cons '!' deeper };
          Lune.Prelude.False -> Main.tags (prim_subInt n 1) }
      in Main.app (Lune.Prelude.Cons '<' (prim_stringToChars (prim_showInt n))) (Lune.Prelude.Cons '>' more) }
Main.marks = \\xs -> case xs of {
    Lune.Prelude.Nil -> Lune.Prelude.Nil;
    Lune.Prelude.Cons x r ->
      let rest = case prim_eqString x "" of { Lune.Prelude.True -> Lune.Prelude.Nil; Lune.Prelude.False -> Lune.Prelude.Cons '+' (Main.marks r) }
      in Main.app (Lune.Prelude.Cons '[' Lune.Prelude.Nil) rest }
Main.show = \\xs -> case xs of { Lune.Prelude.Nil -> ""; Lune.Prelude.Cons x r -> prim_appendString (prim_showInt x) (prim_appendString " " (Main.show r)) }
Main.depth = \\m -> case m of { Lune.Prelude.Nothing -> 0; Lune.Prelude.Just xs -> case xs of { Lune.Prelude.Cons h _ -> prim_addInt 1 (Main.depth h) } }
Main.main = $primIOBind (prim_putStrLn (Main.show (Main.pairs 4))) (\\_ ->
  $primIOBind (prim_putStrLn (prim_showInt (Main.depth (Main.nest 50000)))) (\\_ ->
  $primIOBind (prim_putStrLn (prim_charsToString (Main.marks (Lune.Prelude.Cons "a" (Lune.Prelude.Cons "b" (Lune.Prelude.Cons "" (Lune.Prelude.Cons "c" Lune.Prelude.Nil))))))) (\\_ ->
  prim_putStrLn (prim_charsToString (Main.tags 7)))))
`;

test('chains of constructors and appends, a hole in a head, nested switch contexts: loops, with the evaluator\'s results', async () => {
  const text = G.print(goOf(chains));
  const pairs = func(text, 'Main_pairs_w');
  assert.match(pairs, /\t\t\t(cell_\d+) := (cells_\d+)\.New\(rt\.BoxInt\(n\)\)\n\t\t\t\*(hole_\d+) = \1\n\t\t\t\3 = &\1\.Tail\n\t\t\t(cell_\d+) := \2\.New\(rt\.BoxInt\(_t_1\)\)\n/);
  const nest = func(text, 'Main_nest_w');
  assert.match(nest, ' := rt.MkCon1(rt.KJust, nil)\n');
  assert.match(nest, ' := &rt.Cell{Head: nil, Tail: rt.Nil}\n');
  assert.match(nest, '.Head\n');
  const tags = func(text, 'Main_tags_w');
  assert.match(tags, 'rt.AppendInto(hole');
  assert.is(tags.split('continue').length - 1, 3);
  // Boxed code (no worker): the Go if on the comparison, after the link.
  assert.match(func(text, 'Main_marks'), /hole_\d+ = rt\.AppendInto\(hole_\d+, _t_\d+\)\n\t\t\tif rt\.F_prim_eqString\(x_\d+, ""\) == rt\.True \{/);
  for (const o of await runBoth(chains)) assert.equal(o, { stdout: '4 40 3 30 2 20 1 10 \n50000\n[+[+[\n<7><6>!.<5><4>!<3><2>\n', error: '', exit: 0 });
});

test('-O0: no contexts, the recursion as written', () => {
  const text = G.print(goOf(words('0', '3'), false));
  assert.not.match(text, 'hole');
  assert.match(text, 'Main_words(');
});

test.run();
