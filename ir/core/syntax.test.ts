// ir/core/syntax.test.ts: the readable Core syntax: exact printer output, every literal form, layout and
// braces, names that need quoting, spans, and syntax errors with their positions and messages.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as Core from './core';
import { parseCore } from './parse';
import { print, printExpr } from './print';
import { CompileError } from '../shared/diagnostic';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const { mk } = Core;
const v = (n: string) => mk.var(n);
const body = (src: string): Core.Expr => parseCore(`module M\nM.x = ${src}\n`, 't.lcore').decls[0]!.body;
// Structure without spans, for comparing a parse with a built tree.
const bare = (x: unknown): unknown =>
  Array.isArray(x) ? x.map(bare)
  : x !== null && typeof x === 'object' ? Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'span').map(([k, y]) => [k, bare(y)]))
  : x;
const same = (src: string, e: Core.Expr) => assert.equal(bare(body(src)), bare(e));
function parseError(src: string): { at: string; message: string } {
  try {
    parseCore(src, 'e.lcore');
  } catch (e) {
    if (e instanceof CompileError) return { at: `${e.span.file}:${e.span.startLine}:${e.span.startCol}`, message: e.message };
    throw e;
  }
  throw new Error('expected a syntax error');
}

test('printer: a small program, exactly', () => {
  const m = mk.module('Main', [
    mk.decl('', mk.int(0n)),
    mk.decl('Main.main', mk.apps(v('$primIOBind'), [mk.app(v('prim_putStrLn'), mk.str('Hello, world!')), mk.lam([mk.pwild()], mk.app(v('$primIOPure'), v('Lune.Prelude.Unit')))])),
    mk.decl('Main.fromMaybe', mk.lam([mk.pvar('d'), mk.pvar('m')], mk.case(v('m'), [
      mk.alt(mk.pcon('Lune.Prelude.Just', [mk.pcon('Lune.Prelude.Pair', [mk.pvar('x'), mk.pwild()])]), v('x')),
      mk.alt(mk.pstring('none'), mk.let('y', v('d'), v('y'))),
      mk.alt(mk.pwild(), v('d')),
    ]))),
    mk.decl('$dictShow_Int', mk.record([{ label: 'show', value: v('prim_showInt') }, { label: '$super', value: mk.select(v('$r'), 'x') }])),
  ]);
  assert.is(print(m), `module Main

\`\` = 0

Main.main =
  $primIOBind
    (prim_putStrLn "Hello, world!")
    (\\_ -> $primIOPure Lune.Prelude.Unit)

Main.fromMaybe = \\d m ->
  case m of
    Lune.Prelude.Just (Lune.Prelude.Pair x _) -> x
    "none" ->
      let y = d in
      y
    _ -> d

$dictShow_Int = { show = prim_showInt, $super = $r.#x }
`);
});

test('printer: parentheses only where needed', () => {
  assert.is(printExpr(mk.app(mk.app(v('f'), mk.app(v('g'), v('x'))), mk.select(mk.app(v('h'), v('y')), 'l'))), 'f (g x) (h y).#l');
  assert.is(printExpr(mk.app(mk.lam([mk.pvar('x')], v('x')), mk.int(-3n))), '(\\x -> x) -3');
  assert.is(printExpr(mk.select(mk.select(v('r'), 'a'), 'b')), 'r.#a.#b');
  assert.is(printExpr(mk.lam([mk.pcon('K', [mk.pvar('a')]), mk.pcon('Lune.Prelude.Nil', [])], mk.lam([mk.pvar('y')], v('y')))), '\\(K a) Lune.Prelude.Nil -> \\y -> y');
  assert.is(printExpr(mk.foreignImport('CCall', 'puts', mk.tarrow(mk.tcon('String'), mk.tapp(mk.tcon('IO'), mk.tcon('Int'))))), 'foreign ccall "puts" : String -> IO Int');
  assert.is(printExpr(mk.dictWanted({ className: 'Show', args: [mk.tapp(mk.tcon('List'), mk.tvar('a')), mk.tarrow(mk.tvar('a'), mk.tvar('b'))] })), '#wanted(Show (List a) (a -> b))');
  assert.is(printExpr(mk.app(v('f'), mk.case(v('x'), []))), 'f (case x of {})');
});

test('printer: names that need quoting', () => {
  assert.is(printExpr(mk.apps(v('in'), [v(''), v('a b'), v('Main.of'), v('of.x'), v('x.of'), v('`')])), '`in` `` `a b` Main.of `of.x` x.of `\\``');
  assert.is(printExpr(mk.lam([mk.pvar('Foo'), mk.pcon('lower', []), mk.pcon('odd name', [mk.pvar('_')])], v('x'))), '\\`Foo` %lower (%`odd name` `_`) -> x');
  assert.is(printExpr(mk.foreignImport('ccall', 's', mk.tapp(mk.tcon('io'), mk.tvar('A')))), 'foreign `ccall` "s" : %io `A`');
});

test('printer: nested case and let indentation, long records', () => {
  const e = mk.lam([mk.pvar('x')], mk.case(v('x'), [
    mk.alt(mk.pcon('A', []), mk.case(v('y'), [mk.alt(mk.pcon('B', []), mk.int(1n)), mk.alt(mk.pwild(), mk.int(2n))])),
    mk.alt(mk.pwild(), mk.record([
      { label: 'first', value: mk.str('a fairly long string literal') },
      { label: 'second', value: mk.str('another fairly long string literal') },
    ])),
  ]));
  assert.is(print(mk.module('M', [mk.decl('M.f', e)])), `module M

M.f = \\x ->
  case x of
    A ->
      case y of
        B -> 1
        _ -> 2
    _ ->
      { first = "a fairly long string literal"
      , second = "another fairly long string literal"
      }
`);
});

test('printer: spans option adds position comments that the parser ignores', () => {
  const src = 'module M\nM.f = \\x -> case x of\n  A -> 1\n  B -> 2\n';
  const printed = print(parseCore(src, 'a.lcore'), { spans: true });
  assert.is(printed, '{-@1:1-} module M\n\n{-@2:1-}\nM.f = {-@2:7-} \\x ->\n  {-@2:13-} case x of\n    A -> {-@3:3-} 1\n    B -> {-@4:3-} 2\n');
  assert.equal(bare(parseCore(printed, 'b.lcore')), bare(parseCore(src, 'a.lcore')));
});

test('literals: ints of any size, negative', () => {
  same('123456789012345678901234567890', mk.int(123456789012345678901234567890n));
  same('-42', mk.int(-42n));
  assert.is(printExpr(mk.int(-(2n ** 100n))), '-1267650600228229401496703205376');
});

test('literals: floats read back exactly', () => {
  same('1.0e-2', mk.float(0.01));
  same('2.5', mk.float(2.5));
  same('1e21', mk.float(1e21));
  same('-0.0', mk.float(-0));
  same('NaN', mk.float(NaN));
  same('Infinity', mk.float(Infinity));
  same('-Infinity', mk.float(-Infinity));
  const shown = [0.1, 1e21, 5e-324, 100, -0, NaN, -Infinity, 0.30000000000000004].map((x) => printExpr(mk.float(x)));
  assert.equal(shown, ['0.1', '1e+21', '5e-324', '100.0', '-0.0', 'NaN', '-Infinity', '0.30000000000000004']);
});

test('literals: strings and chars with escapes', () => {
  same('"a\\nb\\t\\\\ \\"q\\" \\u{1F600} λ $x"', mk.str('a\nb\t\\ "q" 😀 λ $x'));
  same("'a'", mk.char(97));
  same("'\\''", mk.char(39));
  same("'\\u{10FFFF}'", mk.char(0x10ffff));
  same("'😀'", mk.char(0x1f600));
  assert.is(printExpr(mk.str('tab\there\u0000\u200b')), '"tab\\there\\u{0}\\u{200b}"');
  assert.is(printExpr(mk.char(10)), "'\\n'");
});

test('literals: templates, inline and block, typed holes', () => {
  const hole = mk.hole(mk.tcon('Int'), mk.app(mk.select(v('$dictToTemplate_Int'), 'toTemplate'), v('n')));
  same('$"n = ${$dictToTemplate_Int.#toTemplate n : Int}!"', mk.template(false, [mk.text('n = '), hole, mk.text('!')]));
  same("''line 1\nit's ${$dictToTemplate_Int.#toTemplate n : Int}''", mk.template(true, [mk.text("line 1\nit's "), hole]));
  same('$"a\\|b\\|\\|\\$"', mk.template(false, [mk.text('a'), mk.text('b'), mk.text(''), mk.text('$')]));
  same('$""', mk.template(false, []));
  assert.is(printExpr(mk.template(false, [mk.text('x'), mk.text(''), mk.hole(mk.tvar('a'), mk.lam([mk.pvar('y')], v('y')))])),
    '$"x\\|\\|${(\\y -> y) : a}"');
  assert.is(printExpr(mk.template(true, [mk.text("it''s\n"), mk.text("'")])), "''it\\''s\n\\|\\'''");
});

test('types: variables, constructors, application, arrows, records', () => {
  same('foreign ccall "f" : (a -> b) -> List (Maybe a) -> { x : Int, y : {} }',
    mk.foreignImport('CCall', 'f', mk.tarrow(mk.tarrow(mk.tvar('a'), mk.tvar('b')),
      mk.tarrow(mk.tapp(mk.tcon('List'), mk.tapp(mk.tcon('Maybe'), mk.tvar('a'))),
        mk.trecord([{ label: 'x', type: mk.tcon('Int') }, { label: 'y', type: mk.trecord([]) }])))));
});

test('case: layout and braces give the same tree', () => {
  const layoutForm = `case m of
    Lune.Prelude.Just x -> case x of
      A -> 1
      B -> 2
    "s" -> 3
    _ -> f (case y of C -> 4) 5`;
  const braceForm = 'case m of { Lune.Prelude.Just x -> case x of { A -> 1; B -> 2 }; "s" -> 3; _ -> f (case y of { C -> 4 }) 5 }';
  const expected = mk.case(v('m'), [
    mk.alt(mk.pcon('Lune.Prelude.Just', [mk.pvar('x')]), mk.case(v('x'), [mk.alt(mk.pcon('A', []), mk.int(1n)), mk.alt(mk.pcon('B', []), mk.int(2n))])),
    mk.alt(mk.pstring('s'), mk.int(3n)),
    mk.alt(mk.pwild(), mk.apps(v('f'), [mk.case(v('y'), [mk.alt(mk.pcon('C', []), mk.int(4n))]), mk.int(5n)])),
  ]);
  same(layoutForm, expected);
  same(braceForm, expected);
  same('case x of {}', mk.case(v('x'), []));
});

test('layout: let, records and comments', () => {
  const src = `module M
-- a comment at column 1 does not start a declaration
M.a = {- block {- nested -} -} let x = case y of
          K -> 1
        in { f = x, g = \\z -> z }
M.b = r.#f
`;
  const m = parseCore(src, 't.lcore');
  assert.equal(m.decls.map((d) => d.name), ['M.a', 'M.b']);
  assert.equal(bare(m.decls[0]!.body), bare(mk.let('x', mk.case(v('y'), [mk.alt(mk.pcon('K', []), mk.int(1n))]),
    mk.record([{ label: 'f', value: v('x') }, { label: 'g', value: mk.lam([mk.pvar('z')], v('z')) }]))));
});

test('names: quoted, forced constructors, select', () => {
  same('`in` `a b`.#`c d`', mk.app(v('in'), mk.select(v('a b'), 'c d')));
  same('\\`Foo` %bar (%`x y` _) -> $dictJson.Decode_String.#decode',
    mk.lam([mk.pvar('Foo'), mk.pcon('bar', []), mk.pcon('x y', [mk.pwild()])], mk.select(v('$dictJson.Decode_String'), 'decode')));
  same('#wanted(`Json.Decode` a)', mk.dictWanted({ className: 'Json.Decode', args: [mk.tvar('a')] }));
});

test('spans: every node carries file, line and column', () => {
  const m = parseCore('module M\nM.f = \\x ->\n  g x.#l\n', 's.lcore');
  const lam = m.decls[0]!.body as Core.CLam;
  assert.equal(m.decls[0]!.span, { file: 's.lcore', startLine: 2, startCol: 1, endLine: 3, endCol: 9 });
  assert.equal(lam.span, { file: 's.lcore', startLine: 2, startCol: 7, endLine: 3, endCol: 9 });
  assert.equal(lam.params[0]!.span, { file: 's.lcore', startLine: 2, startCol: 8, endLine: 2, endCol: 9 });
  const app = lam.body as Core.CApp;
  assert.equal(app.arg.span, { file: 's.lcore', startLine: 3, startCol: 5, endLine: 3, endCol: 9 });
});

test('errors: syntax errors name the position and what was expected', () => {
  assert.equal(parseError('module Main\nMain.x = case y of\n  A -> \n'), { at: 'e.lcore:3:7', message: 'syntax error: expected an expression' });
  assert.equal(parseError('module Main\nMain.x = f (g x\n'), { at: 'e.lcore:3:1', message: 'syntax error: expected ")", ".#" or an expression' });
  assert.equal(parseError('modul Main\n'), { at: 'e.lcore:1:1', message: 'syntax error: expected "module"' });
  assert.equal(parseError('module Main\nMain.x = let y = 1 y\n'), { at: 'e.lcore:3:1', message: 'syntax error: expected "in", ".#" or an expression' });
  assert.equal(parseError('module Main\nMain.x = \\ -> 1\n'), { at: 'e.lcore:2:12', message: 'syntax error: expected a pattern' });
  assert.equal(parseError('module Main\nMain.x = 1\n  Main.y = 2\n'), { at: 'e.lcore:3:10', message: 'syntax error: expected end of input, ";", ".#" or an expression' });
  assert.equal(parseError('module Main\nMain.x = "abc\n'), { at: 'e.lcore:2:10', message: 'unterminated string literal' });
  assert.equal(parseError("module Main\nMain.x = 'ab'\n"), { at: 'e.lcore:2:10', message: 'a char literal holds exactly one character or escape' });
  assert.equal(parseError('module Main\nMain.x = "\\u{110000}"\n'), { at: 'e.lcore:2:10', message: 'escape \\u{110000} is past U+10FFFF' });
});

test('errors: deep nesting is a positioned error, not a crash', () => {
  const deep = 'module M\nM.x = ' + '('.repeat(100000) + 'x' + ')'.repeat(100000) + '\n';
  const e = parseError(deep);
  assert.is(e.message, 'expression nested too deeply to parse');
  assert.ok(/^e\.lcore:2:\d+$/.test(e.at));
});

// Shrunk counterexamples the round-trip property found, kept as plain tests.
test('regressions: round trips the property once got wrong', () => {
  const roundTrip = (e: Core.Expr) => {
    const m = mk.module('M', [mk.decl('M.x', e)]);
    assert.equal(bare(parseCore(print(m), 'r.lcore')), bare(m));
  };
  roundTrip(mk.template(true, [mk.text('\u0000')])); // a NUL in a block template was escaped as `\` + NUL
  // A multi-line literal followed by `.#x` on its last line: `.#x` is not the first token of that line.
  roundTrip(mk.case(v('x'), [mk.alt(mk.pvar('a'), mk.case(v('y'), [mk.alt(mk.pvar('b'), mk.select(mk.template(true, [mk.text('\n')]), 'x'))]))]));
});

test('examples: every shipped program parses and round-trips through the printer', () => {
  const dir = join(import.meta.dirname, '../../examples');
  const files = readdirSync(dir).filter((f) => f.endsWith('.lcore')).sort();
  for (const mine of ['fib', 'hello', 'json', 'list', 'record', 'stm-counter']) assert.ok(files.includes(`${mine}.lcore`), mine);
  for (const f of files) {
    const m = parseCore(readFileSync(join(dir, f), 'utf8'), f);
    assert.ok(m.decls.some((d) => d.name === 'Main.main'), `${f} defines Main.main`);
    assert.equal(bare(parseCore(print(m), f)), bare(m), `${f} round-trips`);
  }
});

test.run();
