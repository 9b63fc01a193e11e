// passes/to-goast/lists.test.ts: lists in Go (a saturated Cons is an rt.Cell; a long string's characters an
// rt.Chars unfolded when matched): the Go each kind of list match becomes, exactly, and programs that read
// long strings' characters every way a list is read, run in Go and on the evaluator, pinned to one output.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as G from '../../ir/goast';
import { goOf, runBoth, section } from './testing';

const long = 'aé𝄞,'.repeat(40); // 160 code points of 1 to 4 bytes: more than one chunk of cells (rt.Chars)

const reads = `module Main
Main.text = "${long}"
Main.len = \\xs acc -> case xs of { Lune.Prelude.Nil -> acc; Lune.Prelude.Cons _ r -> Main.len r (prim_addInt acc 1) }
Main.drop = \\n xs -> case prim_eqInt n 0 of {
    Lune.Prelude.True -> xs;
    Lune.Prelude.False -> case xs of { Lune.Prelude.Cons _ r -> Main.drop (prim_subInt n 1) r; _ -> xs } }
Main.first = \\xs -> case xs of { Lune.Prelude.Cons c _ -> c; _ -> 'z' }
Main.mapList = \\f xs -> case xs of { Lune.Prelude.Nil -> Lune.Prelude.Nil; Lune.Prelude.Cons x r -> Lune.Prelude.Cons (f x) (Main.mapList f r) }
Main.upper = \\c -> case prim_eqInt (prim_charToInt c) 97 of { Lune.Prelude.True -> 'A'; Lune.Prelude.False -> c }
Main.onlyNil = \\xs -> case xs of { Lune.Prelude.Nil -> "empty" }
Main.nest = \\n -> case prim_eqInt n 0 of {
    Lune.Prelude.True -> Lune.Prelude.Nil;
    Lune.Prelude.False -> Lune.Prelude.Cons (Main.nest (prim_subInt n 1)) Lune.Prelude.Nil }
Main.depth = \\xs -> case xs of { Lune.Prelude.Nil -> 0; Lune.Prelude.Cons h _ -> prim_addInt 1 (Main.depth h) }
Main.main =
  let cs = prim_stringToChars Main.text in
  $primIOBind (prim_putStrLn (prim_showInt (Main.depth (Main.nest 5)))) (\\_ ->
  $primIOBind (prim_putStrLn (prim_showInt (Main.len cs 0))) (\\_ ->
  $primIOBind (prim_putStrLn (prim_charsToString (Main.drop 150 cs))) (\\_ ->
  $primIOBind (prim_putStrLn (prim_charsToString (Main.drop 63 (Main.mapList Main.upper cs)))) (\\_ ->
  $primIOBind (prim_putStrLn (prim_charsToString (Main.mapList Main.first (Main.mapList (Lune.Prelude.Cons (Main.first (Main.drop 66 cs))) (Lune.Prelude.Cons Lune.Prelude.Nil (Lune.Prelude.Cons Lune.Prelude.Nil Lune.Prelude.Nil)))))) (\\_ ->
  prim_putStrLn (Main.onlyNil (Main.drop 64 cs)))))))
`;

test('a long string read as a list every way: counted, dropped into, mapped, matched on Cons alone, a partial Cons applied, shown in an error', async () => {
  const tail = [...long].slice(150).join('');
  const mapped = [...long].slice(63).join('').replaceAll('a', 'A');
  const rest = [...long].slice(64);
  const shown = rest.map((c) => `Cons '${c === 'é' ? '\\233' : c === '𝄞' ? '\\119070' : c}' (`).join('').slice(0, -2) + ' Nil' + ')'.repeat(rest.length - 1);
  for (const o of await runBoth(reads)) {
    assert.equal(o, { stdout: `5\n160\n${tail}\n${mapped}\n𝄞𝄞\n`, error: `NonExhaustiveCase ${shown}`, exit: 1 });
  }
});

test('the Go of list matches: Nil and Cons (ConOrCell), Cons alone (AsCell), other constructors (*rt.Con); a Cons built as a Cell', () => {
  const text = G.print(goOf(reads));
  assert.is(section(text, '// Main_first is', '// fn_Main_mapList'), `// Main_first is Main.first.
func Main_first(xs_2 rt.Value) rt.Value {
\tswitch cell := rt.AsCell(xs_2); {
\tcase cell != nil:
\t\tc := cell.Head
\t\treturn c
\tdefault:
\t\treturn rt.Char(122)
\t}
}

`);
  assert.match(text, 'switch con, cell := rt.ConOrCell(xs_5); {\n\tcase con != nil && con.K == rt.KNil && len(con.Args) == 0:');
  // A loop that only walks its list reads it through a cursor (cursors.ts), in its worker too.
  assert.match(text, '\tvar xs_cur_1 rt.ListCursor\n\txs_cur_1.Set(xs)\n\tfor {\n\t\tswitch _, isCons := xs_cur_1.Next(); {\n');
  // Cells of a loop building a list come from blocks (rt.Cells); a cell whose hole is its head is made alone.
  assert.match(text, '\tvar cells rt.Cells\n\tfor {\n');
  assert.match(text, '\t\t\tcell_1 := cells.New(_t_2)\n\t\t\t*hole = cell_1\n\t\t\thole = &cell_1.Tail\n');
  assert.match(text, '\t\t\tcell_2 := &rt.Cell{Head: nil, Tail: rt.Nil}\n\t\t\t*hole_1 = cell_2\n\t\t\thole_1 = &cell_2.Head\n');
  assert.match(text, 'var _t_26 rt.Value = &rt.Cell{Head: rt.Nil, Tail: _t_25}');
  assert.match(text, 'switch con, _ := xs_4.(*rt.Con); {\n\tcase con != nil && con.K == rt.KNil && len(con.Args) == 0:\n\t\treturn "empty"');
});

// One loop building its result four ways: a list cell whose tail is the recursive call (from rt.Cells), a list
// cell whose head is (made alone: a block cell's tail would be the hole), other constructors of one and of two
// arguments (rt.MkCon1, rt.MkCon2).
const mixed = `module Main
Main.mix = \\n -> case prim_eqInt n 0 of {
    Lune.Prelude.True -> Lune.Prelude.Nil;
    Lune.Prelude.False -> case prim_eqInt (prim_modInt n 3) 0 of {
        Lune.Prelude.True -> Lune.Prelude.Cons (Main.mix (prim_subInt n 1)) Lune.Prelude.Nil;
        Lune.Prelude.False -> case prim_eqInt (prim_modInt n 3) 1 of {
            Lune.Prelude.True -> case prim_eqInt (prim_modInt n 2) 0 of {
                Lune.Prelude.True -> Lune.Prelude.Cons Lune.Prelude.Nil (Main.mix (prim_subInt n 1));
                Lune.Prelude.False -> Main.Two Lune.Prelude.Nil (Main.mix (prim_subInt n 1)) };
            Lune.Prelude.False -> Lune.Prelude.Just (Main.mix (prim_subInt n 1)) } } }
Main.render = \\xs -> case xs of {
    Lune.Prelude.Nil -> "N";
    Lune.Prelude.Cons h t -> prim_appendString "(" (prim_appendString (Main.render h) (prim_appendString " " (prim_appendString (Main.render t) ")")));
    Lune.Prelude.Just x -> prim_appendString "J" (Main.render x);
    Main.Two a b -> prim_appendString "T" (prim_appendString (Main.render a) (Main.render b)) }
Main.main = prim_putStrLn (Main.render (Main.mix 14))
`;

test('a loop whose constructor tails are a list cell\'s tail, a list cell\'s head and other constructors: each hole where it belongs', async () => {
  const loop = section(G.print(goOf(mixed)), '// Main_mix is', '// fn_Main_render');
  assert.match(loop, '\tvar cells rt.Cells\n');
  assert.match(loop, ' := cells.New(rt.Nil)\n');
  assert.match(loop, ' := &rt.Cell{Head: nil, Tail: rt.Nil}\n');
  assert.match(loop, ' := rt.MkCon1(rt.KJust, nil)\n');
  assert.match(loop, '.Head\n');
  assert.match(loop, '.Args[0]\n');
  assert.match(loop, ' := rt.MkCon2(c_Main_Two, rt.Nil, nil)\n');
  assert.match(loop, '.Args[1]\n');
  for (const o of await runBoth(mixed)) assert.equal(o, { stdout: 'JTN(J(N (JTN(J(N (JTNN N)) N) N)) N)\n', error: '', exit: 0 });
});


const accumulators = `module Main
Main.rev = \\xs acc -> case xs of { Lune.Prelude.Nil -> acc; Lune.Prelude.Cons x r -> Main.rev r (Lune.Prelude.Cons x acc) }
Main.down = \\n acc -> case prim_eqInt n 0 of {
    Lune.Prelude.True -> acc;
    Lune.Prelude.False -> Main.down (prim_subInt n 1) (Lune.Prelude.Cons n acc) }
Main.twice = \\n acc -> case prim_eqInt n 0 of {
    Lune.Prelude.True -> acc;
    Lune.Prelude.False -> let c = Lune.Prelude.Cons n acc in Main.twice (prim_subInt n 1) (Lune.Prelude.Cons (Main.len c 0) c) }
Main.later = \\n acc -> case prim_eqInt n 0 of {
    Lune.Prelude.True -> acc;
    Lune.Prelude.False -> Main.later (prim_subInt n 1) (Lune.Prelude.Cons (\\u -> Lune.Prelude.Cons n Lune.Prelude.Nil) acc) }
Main.both = \\n acc -> case prim_eqInt n 0 of {
    Lune.Prelude.True -> acc;
    Lune.Prelude.False -> let c = Lune.Prelude.Cons n acc in case prim_leInt (Main.len c 0) 100 of {
        Lune.Prelude.True -> Main.both (prim_subInt n 1) c; Lune.Prelude.False -> acc } }
Main.notA = \\xs acc -> case xs of {
    Lune.Prelude.Nil -> acc;
    Lune.Prelude.Cons c r -> case prim_charsToString (Lune.Prelude.Cons c Lune.Prelude.Nil) of {
        "a" -> Main.notA r acc;
        _ -> Main.notA r (Lune.Prelude.Cons (prim_charToInt c) acc) } }
Main.len = \\xs k -> case xs of { Lune.Prelude.Nil -> k; Lune.Prelude.Cons _ r -> Main.len r (prim_addInt k 1) }
Main.show = \\xs -> case xs of { Lune.Prelude.Nil -> ""; Lune.Prelude.Cons x r -> prim_appendString (prim_showInt x) (prim_appendString " " (Main.show r)) }
Main.firsts = \\fs -> case fs of { Lune.Prelude.Nil -> 0; Lune.Prelude.Cons f r -> prim_addInt (Main.len (f 0) 0) (Main.firsts r) }
Main.main = $primIOBind (prim_putStrLn (Main.show (Main.rev (Main.down 5 Lune.Prelude.Nil) Lune.Prelude.Nil))) (\\u ->
  $primIOBind (prim_putStrLn (Main.show (Main.twice 3 Lune.Prelude.Nil))) (\\v ->
  \$primIOBind (prim_putStrLn (Main.show (Main.both 3 Lune.Prelude.Nil))) (\\w ->
  \$primIOBind (prim_putStrLn (Main.show (Main.notA (prim_stringToChars "banana") Lune.Prelude.Nil))) (\\y ->
  prim_putStrLn (prim_showInt (Main.firsts (Main.later 300 Lune.Prelude.Nil)))))))
`;

test('a loop\'s accumulator cells come from its rt.Cells (boxed code and worker); a cell also read elsewhere, or built in a closure, does not', async () => {
  const text = G.print(goOf(accumulators));
  assert.match(section(text, 'func Main_rev(', '// fn_Main_down'), '\tvar cells rt.Cells\n\tfor {\n');
  assert.match(section(text, 'func Main_rev(', '// fn_Main_down'), '\t\t\t_t := cells.New(x)\n\t\t\t_t.Tail = acc\n\t\t\tacc_in = _t\n');
  const down = section(text, 'func Main_down_w(', '// fn_Main_twice');
  assert.match(down, '\tvar cells_2 rt.Cells\n\tfor {\n');
  assert.match(down, '\t\t\tcell_1 := cells_2.New(rt.BoxInt(n))\n\t\t\tcell_1.Tail = acc_1\n\t\t\tvar _t_2 rt.Value = cell_1\n\t\t\tn, acc_1 = _t_1, _t_2\n');
  // `c` is read twice: an ordinary cell; the cell around it is the accumulator.
  const twice = section(text, 'func Main_twice_boxed(', 'func Main_twice_w(');
  assert.match(twice, '\t\t\tvar c rt.Value = &rt.Cell{Head: n_1, Tail: acc_2}\n');
  assert.match(twice, '.New(_t_');
  // A closure's cell is not the loop's (it runs later, maybe in another fiber).
  assert.match(section(text, 'func Main_later', '// fn_Main_len'), 'return &rt.Cell{Head: n_');
  // Read elsewhere too (`len c`): an ordinary cell, though it is also the tail call's argument.
  assert.not.match(section(text, 'func Main_both', '// fn_Main_notA'), '.New(');
  // In a switch's default arm; the cell given to charsToString is not the loop's.
  const notA = section(text, 'func Main_notA(', '// fn_Main_len');
  assert.match(notA, '.New(_t_');
  assert.match(notA, 'var _t_11 rt.Value = &rt.Cell{Head: c_2, Tail: rt.Nil}');
  for (const o of await runBoth(accumulators)) assert.equal(o, { stdout: '5 4 3 2 1 \n5 1 3 2 1 3 \n1 2 3 \n110 110 98 \n300\n', error: '', exit: 0 });
});

// The list functions passes/fuse-lists.ts recognizes, as the prelude writes them, run through their fused
// primitives (runtime/lists.go) on cells, on a string's characters not unfolded yet, and on a mix of both; then
// on what only an ill-typed program passes them, where the fused primitive gives way to the function itself:
// the crash, or the value, is the function's own.
const fusedLib = `Main.len = \\xs -> case xs of { Lune.Prelude.Nil -> 0; Lune.Prelude.Cons _ r -> prim_addInt 1 (Main.len r) }
Main.count = \\xs k -> case xs of { Lune.Prelude.Nil -> k; Lune.Prelude.Cons _ r -> Main.count r (prim_addInt k 1) }
Main.app = \\xs ys -> case xs of { Lune.Prelude.Nil -> ys; Lune.Prelude.Cons x r -> Lune.Prelude.Cons x (Main.app r ys) }
Main.revOnto = \\xs acc -> case xs of { Lune.Prelude.Nil -> acc; Lune.Prelude.Cons x r -> Main.revOnto r (Lune.Prelude.Cons x acc) }
Main.rev = \\xs -> Main.revOnto xs Lune.Prelude.Nil
Main.drop = \\n xs -> case prim_eqInt n 0 of {
    Lune.Prelude.True -> xs;
    Lune.Prelude.False -> case xs of { Lune.Prelude.Cons _ r -> Main.drop (prim_subInt n 1) r; _ -> xs } }
Main.upto = \\i n -> case prim_eqInt i n of { Lune.Prelude.True -> Lune.Prelude.Nil; Lune.Prelude.False -> Lune.Prelude.Cons i (Main.upto (prim_addInt i 1) n) }
Main.sum = \\xs -> case xs of { Lune.Prelude.Nil -> 0; Lune.Prelude.Cons x r -> prim_addInt x (Main.sum r) }
`;
const fusedMain = `module Main
${fusedLib}
Main.text = "${long}"
Main.say = \\s k -> $primIOBind (prim_putStrLn s) (\\_ -> k)
Main.main =
  let cs = prim_stringToChars Main.text in
  let mixed = Main.app (prim_stringToChars "xy") (Main.drop 70 cs) in
  Main.say (prim_showInt (Main.len cs)) (
  Main.say (prim_showInt (Main.count (Main.drop 70 cs) 9223372036854775800)) (
  Main.say (prim_showInt (prim_addInt (Main.len mixed) (Main.len Lune.Prelude.Nil))) (
  Main.say (prim_charsToString (Main.rev mixed)) (
  Main.say (prim_charsToString (Main.revOnto (Lune.Prelude.Cons (prim_intToChar 55296) (prim_stringToChars "ab")) (Main.drop 150 cs))) (
  Main.say (prim_showInt (Main.sum (Main.app (Main.upto 0 200) (Main.upto 0 3)))) (
  Main.say (prim_charsToString (Main.app cs Lune.Prelude.Nil)) (
  prim_putStrLn (Main.count Lune.Prelude.Nil "an accumulator of any type, returned as it is"))))))))
`;

test('fused list primitives: lengths, appends and reversed strings of cells, of a string\'s characters, of both', async () => {
  const cps = [...long];
  const mixed = ['x', 'y', ...cps.slice(70)];
  const expected = [160, 9223372036854775800n + 90n, mixed.length, [...mixed].reverse().join(''),
    `ba\u{FFFD}${cps.slice(150).join('')}`, 19900 + 3, long, 'an accumulator of any type, returned as it is'].join('\n') + '\n';
  const text = G.print(goOf(fusedMain));
  for (const p of ['F__dollar_listLength(fn_Main_len', 'F__dollar_listLengthOnto(fn_Main_count', 'F__dollar_listAppend(fn_Main_app',
    'F__dollar_charsToStringRevOnto(fn_Main_revOnto']) assert.match(text, `rt.${p}, `);
  for (const o of await runBoth(fusedMain)) assert.equal(o, { stdout: expected, error: '', exit: 0 });
});

// An append of a string's characters copies none of them (rt.Chars before the appended list): read through
// every path after that, past the string's end into the appended list, with strings appended to strings.
const appendedStrings = `module Main
${fusedLib}
Main.text = "${long}"
Main.join = \\i n -> case prim_eqInt i n of {
    Lune.Prelude.True -> Lune.Prelude.Nil;
    Lune.Prelude.False -> Main.app (prim_stringToChars (prim_showInt i)) (Lune.Prelude.Cons ',' (Main.join (prim_addInt i 1) n)) }
Main.say = \\s k -> $primIOBind (prim_putStrLn s) (\\_ -> k)
Main.main =
  let twice = Main.app (prim_stringToChars Main.text) (Main.app (prim_stringToChars "xy") (prim_stringToChars Main.text)) in
  Main.say (prim_charsToString (Main.join 8 12)) (
  Main.say (prim_showInt (Main.len twice)) (
  Main.say (prim_charsToString (Main.drop 158 twice)) (
  Main.say (prim_charsToString (Main.rev (Main.drop 150 (Main.app twice (Main.join 0 3))))) (
  Main.say (prim_charsToString (Main.app (Main.drop 159 twice) (Main.drop 319 twice))) (
  prim_putStrLn (prim_showInt (Main.count (Main.app (Main.join 0 100) twice) 0)))))))
`;

test('appended strings\' characters, read past the string into what was appended', async () => {
  const cps = [...long];
  const twice = [...cps, 'x', 'y', ...cps];
  const joined = (a: number, b: number) => Array.from({ length: b - a }, (_, k) => `${a + k},`).join('');
  const expected = [joined(8, 12), twice.length, twice.slice(158).join(''),
    [...twice.slice(150), ...joined(0, 3)].reverse().join(''), [...twice.slice(159), ...twice.slice(319)].join(''),
    joined(0, 100).length + twice.length].join('\n') + '\n';
  for (const o of await runBoth(appendedStrings)) assert.equal(o, { stdout: expected, error: '', exit: 0 });
});

test('fused list primitives on what they cannot take: the function runs, and its crash or result is the program\'s', async () => {
  const cases: [string, string][] = [
    ['prim_showInt (Main.len (Lune.Prelude.Cons 1 2))', 'NonExhaustiveCase 2'],
    ['prim_showInt (Main.count (Lune.Prelude.Cons 1 (Lune.Prelude.Just 3)) 0)', 'NonExhaustiveCase Just 3'],
    ['prim_charsToString (Main.app (Lune.Prelude.Cons \'a\' Lune.Prelude.Unit) Lune.Prelude.Nil)', 'NonExhaustiveCase Unit'],
    ['prim_charsToString (Main.rev (Lune.Prelude.Cons \'a\' 7))', 'NonExhaustiveCase 7'],
  ];
  for (const [expr, error] of cases) {
    const src = `module Main\n${fusedLib}\nMain.main = prim_putStrLn (${expr})\n`;
    for (const o of await runBoth(src)) assert.equal(o, { stdout: '', error, exit: 1 }, expr);
  }
  // charsToString of a reverse onto an improper list fails as charsToString does, on the whole reversed list;
  // a count whose accumulator is not an Int fails in prim_addInt, as the function would.
  const bad = [`prim_charsToString (Main.revOnto (prim_stringToChars "ab") 5)`, `prim_showInt (Main.count (prim_stringToChars "ab") "k")`];
  for (const expr of bad) {
    const outs = await runBoth(`module Main\n${fusedLib}\nMain.main = prim_putStrLn (${expr})\n`);
    assert.ok(outs[0]!.exit === 1 && outs[0]!.error !== '', JSON.stringify(outs[0]));
    for (const o of outs.slice(1)) assert.equal(o, outs[0], expr);
  }
});

test.run();