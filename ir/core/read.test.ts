// ir/core/read.test.ts: readDump against every piece of Show syntax a dump can hold, exact error positions,
// hostile inputs (deep nesting, truncation, random bytes) and the whole conformance corpus.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import * as Core from './core';
import { readDump } from './read';
import { loadModule, readCoreText } from './load';
import { CompileError } from '../shared/diagnostic';
import { showString } from '../shared/show';

const corpus = process.env.LUNE_CORPUS ?? new URL('../../../shared/lune-corpus', import.meta.url).pathname;

const dump = (body: string): string => `CoreModule {coreName = "M", coreDecls = [CoreDecl "M.x" (${body})]}`;
const readExpr = (body: string): Core.Expr => readDump(dump(body), 't.core').decls[0]!.body;

/** The node without its spans, so tests compare structure only. */
function strip(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(strip);
  if (x !== null && typeof x === 'object') {
    return Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'span').map(([k, v]) => [k, strip(v)]));
  }
  return x;
}
const same = (actual: unknown, expected: unknown): void => assert.equal(strip(actual), strip(expected));

/** `LINE:COL message` of the CompileError that reading `text` throws. */
function errorOf(text: string): string {
  try {
    readDump(text, 't.core');
  } catch (e) {
    if (e instanceof CompileError) return `${e.span.startLine}:${e.span.startCol} ${e.message}`;
    throw e;
  }
  throw new Error('expected a CompileError');
}

const str = (body: string): string => {
  const e = readExpr(`CString ${body}`);
  if (e.tag !== 'CString') throw new Error('not a CString');
  return e.value;
};

test('string escapes: simple, numeric, ASCII names, control, empty, gaps', () => {
  assert.is(str(String.raw`"a\nb\tc\\d\"e\'f"`), 'a\nb\tc\\d"e\'f');
  assert.is(str(String.raw`"\a\b\f\r\v"`), '\x07\b\f\r\v');
  assert.is(str(String.raw`"\1234x\8230"`), '\u04d2x\u2026');
  assert.is(str(String.raw`"\128512"`), '😀');
  assert.is(str(String.raw`"\x7f\x41\o17\o101"`), '\x7fA\x0fA');
  assert.is(str(String.raw`"\1234\&5"`), '\u04d25');
  assert.is(str(String.raw`"\SOH\SO\&H\NUL\DEL\ESC\SP\US"`), '\x01\x0eH\x00\x7f\x1b \x1f');
  assert.is(str(String.raw`"\SOHx\SOx"`), '\x01x\x0ex');
  assert.is(str(String.raw`"\^A\^@\^Z\^[\^_"`), '\x01\x00\x1a\x1b\x1f');
  assert.is(str('"ab\\   \\cd"'), 'abcd');
  assert.is(str('"ab\\\n  \\cd"'), 'abcd');
  assert.is(str('""'), '');
  assert.is(str('"héllo"'), 'héllo');
});

test('strings round-trip through GHC-style showString', () => {
  // Code points drawn directly (fc.string's binary unit builds a large table first, which is slow).
  const codePoints = fc.array(fc.oneof(fc.nat(0x7f), fc.nat(0x10ffff)), { maxLength: 24 })
    .map((cps) => String.fromCodePoint(...cps.filter((c) => c < 0xd800 || c > 0xdfff)));
  fc.assert(fc.property(codePoints, (s) => str(showString(s)) === s), { seed: 42, numRuns: 1000 });
});

test('char literals', () => {
  const ch = (lit: string): number => {
    const e = readExpr(`CChar ${lit}`);
    return e.tag === 'CChar' ? e.value : -1;
  };
  assert.is(ch("'a'"), 97);
  assert.is(ch(String.raw`'\n'`), 10);
  assert.is(ch(String.raw`'\955'`), 955);
  assert.is(ch(String.raw`'\''`), 39);
  assert.is(ch(`'"'`), 34);
  assert.is(ch(String.raw`'\SOH'`), 1);
  assert.is(ch("'😀'"), 0x1f600);
});

test('numbers: unbounded ints, negatives in parentheses, doubles', () => {
  same(readExpr('CInt 42'), Core.mk.int(42n));
  same(readExpr('CInt (-5)'), Core.mk.int(-5n));
  same(readExpr('CInt 123456789012345678901234567890'), Core.mk.int(123456789012345678901234567890n));
  const fl = (lit: string): number => {
    const e = readExpr(`CFloat ${lit}`);
    return e.tag === 'CFloat' ? e.value : NaN;
  };
  assert.is(fl('0.1'), 0.1);
  assert.is(fl('1.0e-2'), 0.01);
  assert.is(fl('1.5e7'), 1.5e7);
  assert.is(fl('(-1.5)'), -1.5);
  assert.is(fl('(-1.0e-2)'), -0.01);
  assert.is(fl('Infinity'), Infinity);
  assert.is(fl('(-Infinity)'), -Infinity);
  assert.is(fl('-Infinity'), -Infinity);
  assert.ok(Number.isNaN(fl('NaN')));
  assert.is(fl('3'), 3);
  assert.ok(Object.is(fl('(-0.0)'), -0));
});

test('every expression constructor', () => {
  same(readExpr('CVar "x"'), Core.mk.var('x'));
  same(readExpr('CApp (CVar "f") (CInt 1)'), Core.mk.app(Core.mk.var('f'), Core.mk.int(1n)));
  same(readExpr('CLam [PVar "a",PWildcard] (CVar "a")'), Core.mk.lam([Core.mk.pvar('a'), Core.mk.pwild()], Core.mk.var('a')));
  same(readExpr('CLet "y" (CInt 1) (CVar "y")'), Core.mk.let('y', Core.mk.int(1n), Core.mk.var('y')));
  same(readExpr('CRecord [("a",CInt 1),("b",CString "x")]'),
    Core.mk.record([{ label: 'a', value: Core.mk.int(1n) }, { label: 'b', value: Core.mk.str('x') }]));
  same(readExpr('CRecord []'), Core.mk.record([]));
  same(readExpr('CSelect (CVar "$dictMonad_IO") "andThen"'), Core.mk.select(Core.mk.var('$dictMonad_IO'), 'andThen'));
  same(readExpr('CTemplate True [CTemplateText "a ",CTemplateHole (TCon "Int") (CVar "n")]'),
    Core.mk.template(true, [Core.mk.text('a '), Core.mk.hole(Core.mk.tcon('Int'), Core.mk.var('n'))]));
  same(readExpr('CTemplate False []'), Core.mk.template(false, []));
  same(readExpr('CForeignImport CCall "puts" (TArrow (TCon "String") (TApp (TCon "IO") (TCon "Int")))'),
    Core.mk.foreignImport('CCall', 'puts', Core.mk.tarrow(Core.mk.tcon('String'), Core.mk.tapp(Core.mk.tcon('IO'), Core.mk.tcon('Int')))));
  same(readExpr('CForeignImport CCall "f" (TRecord [("a",TVar "t")])'),
    Core.mk.foreignImport('CCall', 'f', Core.mk.trecord([{ label: 'a', type: Core.mk.tvar('t') }])));
});

test('case, alternatives and every pattern', () => {
  same(readExpr('CCase (CVar "s") [CoreAlt (PString "hi") (CInt 1),CoreAlt PWildcard (CInt 2)]'),
    Core.mk.case(Core.mk.var('s'), [Core.mk.alt(Core.mk.pstring('hi'), Core.mk.int(1n)), Core.mk.alt(Core.mk.pwild(), Core.mk.int(2n))]));
  same(readExpr('CCase (CVar "b") [CoreAlt (PCon "Lune.Prelude.True" []) (CInt 1)]'),
    Core.mk.case(Core.mk.var('b'), [Core.mk.alt(Core.mk.pcon('Lune.Prelude.True', []), Core.mk.int(1n))]));
});

const located = (line: number, value: string): string =>
  `Located {locSpan = Span {spanStartLine = ${line}, spanStartCol = 10, spanEndLine = ${line}, spanEndCol = 12}, ` +
  `locComments = Comments {commentsLeading = [], commentsTrailing = [], commentsInner = []}, locValue = ${value}}`;

test('Located sub-patterns keep their span; zero spans fall back to the dump position', () => {
  const e = readExpr(`CLam [PCon "Lune.Prelude.Just" [${located(76, 'PVar "x"')},${located(0, 'PWildcard')}]] (CVar "x")`);
  if (e.tag !== 'CLam' || e.params[0]?.tag !== 'PCon') throw new Error('shape');
  const [x, w] = e.params[0].args;
  assert.equal(x, { tag: 'PVar', name: 'x', span: { startLine: 76, startCol: 10, endLine: 76, endCol: 12 } });
  assert.is(w!.tag, 'PWildcard');
  assert.is(w!.span.file, 't.core');
  assert.is(w!.span.startLine, 1);
});

test('other nodes carry their position in the dump', () => {
  const m = readDump('CoreModule {coreName = "M",\n coreDecls = [CoreDecl "M.x" (CApp (CVar "f")\n   (CInt 1))]}', 'd.core');
  const d = m.decls[0]!;
  assert.equal(d.span, { file: 'd.core', startLine: 2, startCol: 15, endLine: 3, endCol: 13 });
  if (d.body.tag !== 'CApp') throw new Error('shape');
  assert.equal(d.body.arg.span, { file: 'd.core', startLine: 3, startCol: 5, endLine: 3, endCol: 11 });
});

test('CDictWanted: the GHC record form and other shapes', () => {
  const cls = (body: string): Core.Constraint => {
    const e = readExpr(body);
    if (e.tag !== 'CDictWanted') throw new Error('shape');
    return e.constraint;
  };
  const want = { className: 'Show', args: [Core.mk.tvar('a')] };
  assert.equal(cls('CDictWanted (Constraint {constraintClass = "Show", constraintArgs = [TVar "a"]})'), want);
  assert.equal(cls('CDictWanted Constraint {constraintClass = "Show", constraintArgs = [TVar "a"]}'), want);
  assert.equal(cls('CDictWanted (IsIn "Show" [TVar "a"])'), want);
  assert.equal(cls('CDictWanted (Constraint {constraintClass = Show, constraintArgs = [TVar "a"]})'), want);
  assert.is(errorOf(dump('CDictWanted (Foo [])')), '1:71 cannot find the class name in the constraint of CDictWanted (found the unknown constructor Foo)');
});

test('module shape: name, decls, placeholders, whitespace', () => {
  const m = readDump('  CoreModule { coreName = "Main" , coreDecls = [ CoreDecl "" (CInt 0) , CoreDecl "Main.main" (CVar "x") ] }\n', 'f');
  assert.is(m.name, 'Main');
  assert.equal(m.decls.map((d) => d.name), ['', 'Main.main']);
  assert.is(readDump('CoreModule {coreName = "E", coreDecls = []}', 'f').decls.length, 0);
  assert.is(readDump('\uFEFFCoreModule {coreName = "B",\r\n coreDecls = []}\r\n', 'f').name, 'B');
});

test('error messages with line and column', () => {
  assert.is(errorOf(''), '1:1 the file is empty: expected a CoreModule');
  assert.is(errorOf('   \n  '), '2:3 the file is empty: expected a CoreModule');
  assert.is(errorOf('CoreModule {coreName = "M"'), '1:27 unexpected end of input: the \'{\' at 1:1 is not closed');
  assert.is(errorOf(dump('CApp (CVar "f")')), '1:58 CApp takes 2 arguments, found 1');
  assert.is(errorOf(dump('CVar "f" "g"')), '1:58 CVar takes 1 argument, found 2');
  assert.is(errorOf(dump('CFoo 1')), '1:58 expected a Core expression, found the unknown constructor CFoo');
  assert.is(errorOf(dump('CLam [CVar "x"] (CVar "x")')), '1:64 expected a pattern, found the expression CVar');
  assert.is(errorOf(dump('CInt 1.5')), '1:63 expected an integer, found a floating-point number');
  assert.is(errorOf(dump('CString "abc')), '1:66 unterminated string literal');
  assert.is(errorOf(dump('CString "a\\qb"')), '1:68 unknown escape \\q');
  assert.is(errorOf(dump('CString "a\\1114112"')), '1:68 character code in escape is larger than 0x10FFFF');
  assert.is(errorOf(dump('CString "a\\^z"')), '1:68 bad control escape \\^ (expected a character from @ to _)');
  assert.is(errorOf(dump('CChar \'ab\'')), '1:64 unterminated char literal');
  assert.is(errorOf(dump('CChar \'\\&\'')), '1:65 the empty escape \\& is only allowed in strings');
  assert.is(errorOf(dump('CVar "x"]')), '1:66 unexpected \']\' (the \'(\' at 1:57 is still open)');
  assert.is(errorOf(dump('CVar "x" # 1')), '1:67 unexpected character \'#\'');
  assert.is(errorOf(dump('CVar "x"') + ' junk'), '1:70 expected nothing after a CoreModule, found the identifier junk');
  assert.is(errorOf(dump('CVar "x"') + ')'), '1:69 unexpected \')\'');
  assert.is(errorOf('CoreModule {coreName = "M"}'), '1:1 CoreModule record has no field coreDecls');
  assert.is(errorOf('CoreModule {coreName = "M", = []}'), '1:29 unexpected \'=\' (only allowed after a field name inside a record)');
  assert.is(errorOf('CoreModule {coreName "M"}'), '1:22 expected \'=\' after the field name coreName, found a string literal');
  assert.is(errorOf('CoreModule {coreName = "M", coreDecls = [,]}'), '1:42 expected a value before \',\'');
  assert.is(errorOf('CVar "x"'), '1:1 expected a CoreModule, found the expression CVar');
  assert.is(errorOf('CoreModule {coreName = "M", coreDecls = [CoreDecl "x" (CVar "y") extra]}'), '1:66 unexpected identifier extra');
  assert.is(errorOf('CoreModule {coreName = "M", coreDecls = []} {'), '1:45 unexpected \'{\' (a record needs a constructor name before it)');
  assert.is(errorOf('\u0000\u0001'), '1:1 unexpected character U+0000');
  assert.is(errorOf('Core'), '1:1 expected a CoreModule, found the unknown constructor Core');
  assert.is(errorOf('CoreModule {coreName = "M", coreDecls = [CoreDecl "" (CInt 0), CoreDecl "x" (PVar "y")]}'),
    '1:78 expected a Core expression, found the pattern PVar');
});

test('frontend error reports are refused with their first line', () => {
  for (const [name, first] of [
    ['05_Parser_Newtype', 'ModuleExportsMissingName "Parser" "Result"'],
    ['19_Tuples', 'QualifiedAccessNotExported "Tuples" "Lune.Int" "show"'],
    ['31_SQLite_Pool_Example', 'UnboundName "SqlitePoolExample" "prim_sqliteOpen"'],
  ] as const) {
    const text = readFileSync(`${corpus}/dumps/${name}.core`, 'utf8');
    assert.is(errorOf(text), `1:1 this file is a Lune frontend error report, not Core: ${first}`);
  }
  const long = readFileSync(`${corpus}/dumps/30_Generic_Pool_Test.core`, 'utf8');
  assert.ok(errorOf(long).startsWith('1:1 this file is a Lune frontend error report, not Core: ModuleParseError "prelude/Lune/Database/Postgres/Pool.lune" '));
});

test('100,000 levels of nesting: an answer quickly, no stack overflow', () => {
  const n = 100_000;
  const t0 = performance.now();
  const deep = dump('CApp (CVar "f") ('.repeat(n) + 'CInt 1' + ')'.repeat(n));
  const m = readDump(deep, 'deep.core');
  let depth = 0;
  for (let e: Core.Expr = m.decls[0]!.body; e.tag === 'CApp'; e = e.arg) depth++;
  assert.is(depth, n);
  assert.is(errorOf('('.repeat(n)), `1:${n + 1} unexpected end of input: the '(' at 1:${n} is not closed`);
  assert.is(errorOf('['.repeat(n) + ']'.repeat(n)), `1:1 expected a CoreModule, found a list`);
  // About 0.5 s on an idle machine; the bound only rules out a hang (CI machines may be busy).
  assert.ok(performance.now() - t0 < 15_000, 'quick');
});

test('truncated real dump: a CompileError at every cut point', () => {
  const text = readFileSync(`${corpus}/dumps/00_Hello.core`, 'utf8').trimEnd();
  for (let cut = 0; cut < text.length; cut += 37) {
    try {
      readDump(text.slice(0, cut), 'cut.core');
      assert.unreachable(`cut at ${cut} was accepted`);
    } catch (e) {
      assert.instance(e, CompileError, `cut at ${cut}`);
      assert.ok((e as CompileError).span.startLine >= 1);
    }
  }
});

test('random bytes and mutated dumps: a CompileError or a module, never anything else', () => {
  const survives = (text: string): boolean => {
    try {
      readDump(text, 'r.core');
    } catch (e) {
      return e instanceof CompileError;
    }
    return true;
  };
  fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => survives(Buffer.from(bytes).toString('latin1'))), { seed: 7, numRuns: 1000 });
  const base = readFileSync(`${corpus}/dumps/10_Json_Parse.core`, 'utf8');
  fc.assert(fc.property(fc.nat(base.length), fc.string({ maxLength: 3 }), (at, ins) => survives(base.slice(0, at) + ins + base.slice(at + 1))),
    { seed: 7, numRuns: 300 });
});

test('the whole corpus: 43 dumps read, 4 frontend error reports refused', () => {
  const refused: string[] = [];
  let read = 0;
  for (const f of readdirSync(`${corpus}/dumps`).sort()) {
    const text = readFileSync(`${corpus}/dumps/${f}`, 'utf8');
    try {
      const m = readDump(text, f);
      assert.ok(m.decls.length > 0);
      read++;
    } catch (e) {
      assert.instance(e, CompileError);
      assert.match((e as CompileError).message, /^this file is a Lune frontend error report, not Core: /);
      refused.push(f);
    }
  }
  assert.is(read, 43);
  assert.equal(refused, ['05_Parser_Newtype.core', '19_Tuples.core', '30_Generic_Pool_Test.core', '31_SQLite_Pool_Example.core']);
});

test('corpus details: module names, foreign imports, floats and templates survive', () => {
  const hello = readDump(readFileSync(`${corpus}/dumps/00_Hello.core`, 'utf8'), 'h');
  assert.is(hello.name, 'Main');
  assert.is(hello.decls[0]!.name, '$dictFunctor_IO');
  const ffi = readDump(readFileSync(`${corpus}/dumps/20_FFI_Puts.core`, 'utf8'), 'f');
  const puts = ffi.decls.find((d) => d.body.tag === 'CForeignImport');
  assert.ok(puts !== undefined && puts.body.tag === 'CForeignImport' && puts.body.symbol === 'puts');
});

test('loadModule: picks the reader by content; unreadable files get a clear message', () => {
  assert.is(loadModule(`${corpus}/dumps/00_Hello.core`).name, 'Main');
  const refusal = (() => {
    try {
      loadModule(`${corpus}/dumps/19_Tuples.core`);
    } catch (e) {
      return e instanceof CompileError ? e.message : 'not a CompileError';
    }
    return 'accepted';
  })();
  assert.is(refusal, 'this file is a Lune frontend error report, not Core: QualifiedAccessNotExported "Tuples" "Lune.Int" "show"');
  for (const [path, reason] of [['/nonexistent/x.core', 'no such file'], [corpus, 'it is a directory']] as const) {
    try {
      loadModule(path);
      assert.unreachable('accepted');
    } catch (e) {
      assert.instance(e, CompileError);
      assert.is((e as CompileError).message, `cannot read ${path}: ${reason}`);
      assert.is((e as CompileError).stage, 'read');
    }
  }
  // Text that is neither a dump nor a frontend report goes to the readable-syntax parser.
  try {
    readCoreText('this is not core at all (', 'x.lcore');
    assert.unreachable('accepted');
  } catch (e) {
    assert.instance(e, CompileError);
    assert.is.not((e as CompileError).stage, 'read');
  }
});

test.run();
