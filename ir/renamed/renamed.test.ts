// ir/renamed/renamed.test.ts: the renamer (resolution, unique names, reachability, exact error messages),
// the Renamed printer and checker, and exhaustiveness of matches over Renamed nodes.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { match } from 'ts-pattern';
import * as Core from '../core/core';
import { rename } from '../../passes/rename';
import { CompileError, NoMainError } from '../shared/diagnostic';
import { Fresh } from '../shared/fresh';
import { type Target, goTarget } from '../shared/prims';
import { mkSpan } from '../shared/span';
import * as R from '.';

const c = Core.mk;
const mod = (decls: [string, Core.Expr][], name = 'Main'): Core.Module => c.module(name, decls.map(([n, e]) => c.decl(n, e)));
const io = (e: Core.Expr): Core.Expr => c.app(c.var('prim_putStrLn'), e);

function errorOf(m: Core.Module, target: Target = goTarget): CompileError {
  try {
    rename(m, target);
  } catch (e) {
    if (e instanceof CompileError) return e;
    throw e;
  }
  throw new Error('rename accepted the module');
}

test('keeps only what main reaches, in module order, and drops placeholders', () => {
  const m = mod([
    ['', c.int(0n)],
    ['Main.helper', c.lam([c.pvar('x')], c.var('x'))],
    ['Main.unused', c.var('nosuchname')],
    ['Main.main', io(c.app(c.var('Main.helper'), c.str('hi')))],
  ]);
  const r = rename(m, goTarget);
  assert.equal(r.decls.map((d) => d.name), ['Main.helper', 'Main.main']);
  assert.is(r.main, 'Main.main');
  assert.is(R.print(r), 'module Main (main = Main.main)\n\nMain.helper =\n  \\x -> x\n\nMain.main =\n  %prim_putStrLn (@Main.helper "hi")\n');
});

test('resolves locals, primitives, globals with dots, constructors; locals shadow', () => {
  const m = mod([
    ['$dictJson.Decode_String', c.record([{ label: 'decode', value: c.var('Lune.Prelude.Ok') }])],
    ['Main.main', c.lam([c.pvar('prim_addInt')], c.apps(c.var('prim_addInt'), [c.var('$dictJson.Decode_String'), c.var('Lune.Prelude.Just'), c.var('prim_subInt')]))],
  ]);
  const body = rename(m, goTarget).decls[1]!.body;
  assert.is(R.printExpr(body), '\\prim_addInt ->\n  prim_addInt @$dictJson.Decode_String Lune.Prelude.Just %prim_subInt');
});

test('local binders become unique per module: x, x_1, x_2, skipping names taken', () => {
  const m = mod([
    ['Main.f', c.lam([c.pvar('x')], c.let('x', c.var('x'), c.lam([c.pvar('x_1'), c.pvar('x')], c.var('x'))))],
    ['Main.main', c.app(c.var('Main.f'), c.lam([c.pvar('x')], c.var('x')))],
  ]);
  const r = rename(m, goTarget);
  assert.is(R.print(r), [
    'module Main (main = Main.main)\n',
    'Main.f =\n  \\x ->\n    let x_1 = x in\n    \\x_1_1 x_2 -> x_2\n',
    'Main.main =\n  @Main.f (\\x_3 -> x_3)\n'].join('\n'));
  assert.equal(R.check(r), []);
});

test('the leftmost binder of a repeated name wins inside one pattern; a later parameter shadows', () => {
  const m = mod([['Main.main', c.case(c.int(1n), [
    c.alt(c.pcon('Lune.Prelude.Pair', [c.pvar('a'), c.pvar('a')]), c.var('a')),
  ])],
  ['Main.g', c.lam([c.pvar('y'), c.pvar('y')], c.var('y'))]]);
  const r = rename(m, goTarget);
  assert.is(R.printExpr(r.decls[0]!.body), 'case 1 of\n  Lune.Prelude.Pair a a_1 -> a');
  const p = r.decls[0]!.body;
  assert.ok(p.tag === 'Case' && p.alts[0]!.pattern.tag === 'PCon');
  if (p.tag === 'Case' && p.alts[0]!.pattern.tag === 'PCon') {
    const second = p.alts[0]!.pattern.args[1]!;
    assert.equal(second.tag === 'PVar' && second.source, 'a');
  }
  const g = rename(mod([['Main.main', c.var('Main.g')], ['Main.g', c.lam([c.pvar('y'), c.pvar('y')], c.var('y'))]]), goTarget);
  assert.is(R.printExpr(g.decls[1]!.body), '\\y y_1 -> y_1');
});

test('no main: NoMainError naming the expected declaration', () => {
  const e = errorOf(mod([['Main.helper', c.int(1n)]]));
  assert.ok(e instanceof NoMainError);
  assert.is(e.message, 'module Main has no main binding (expected Main.main)');
  assert.is(e.stage, 'rename');
});

test('a declaration literally named main is the fallback entry', () => {
  assert.is(rename(mod([['main', io(c.str('x'))]]), goTarget).main, 'main');
});

test('unknown name, with the declaration and position', () => {
  const e = errorOf(mod([['Main.main', c.app(c.var('Main.bar'), c.int(1n))], ['Main.bar', c.var('foo', mkSpan(3, 7, 3, 10))]]));
  assert.is(e.message, 'unknown name foo in Main.bar');
  assert.equal([e.span.startLine, e.span.startCol], [3, 7]);
});

test('unresolved dictionary', () => {
  const e = errorOf(mod([['Main.main', c.var('Main.bar')], ['Main.bar', c.dictWanted({ className: 'Show', args: [c.tcon('Int')] })]]));
  assert.is(e.message, 'unresolved type-class dictionary Show in Main.bar');
});

test('foreign import names the C symbol and the declaration', () => {
  const t = c.tarrow(c.tcon('String'), c.tapp(c.tcon('IO'), c.tcon('Int')));
  const e = errorOf(mod([['FFI_Puts.puts', c.foreignImport('CCall', 'puts', t)], ['FFI_Puts.main', c.app(c.var('FFI_Puts.puts'), c.str('x'))]], 'FFI_Puts'));
  assert.is(e.message, 'foreign import of C symbol "puts" (in FFI_Puts.puts) is not supported on the go target (capability: ffi)');
});

test('capability gate: a reachable primitive outside the target; unreachable ones are fine', () => {
  const noSockets: Target = { name: 'go', capabilities: new Set([...goTarget.capabilities].filter((g) => g !== 'sockets')) };
  const ok = mod([['Main.main', io(c.str('x'))], ['Main.server', c.app(c.var('prim_tcpListen'), c.int(80n))]]);
  assert.is(rename(ok, noSockets).decls.length, 1);
  const bad = mod([['Main.main', c.app(c.var('prim_tcpListen'), c.int(80n))]]);
  assert.is(errorOf(bad, noSockets).message, 'unsupported primitive prim_tcpListen on the go target (capability: sockets)');
});

test('several problems: the first is the message, the others are notes, each once', () => {
  const m = mod([
    ['Main.main', c.apps(c.var('Main.a'), [c.var('Main.b'), c.var('foo')])],
    ['Main.a', c.var('foo')],
    ['Main.b', c.apps(c.var('bar', mkSpan(9, 2, 9, 5)), [c.var('bar')])],
  ]);
  const e = errorOf(m);
  assert.is(e.message, 'unknown name foo in Main.main');
  assert.equal(e.notes, ['unknown name foo in Main.a', '9:2: unknown name bar in Main.b']);
});

test('checker: unbound local, duplicate binder, unknown global, bad primitive, missing main', () => {
  const m = R.mk.module('Main', [
    R.mk.decl('Main.f', R.mk.lam([R.mk.pvar('x')], R.mk.app(R.mk.var('y', 'local'), R.mk.var('Main.nope', 'global')))),
    R.mk.decl('Main.g', R.mk.lam([R.mk.pvar('x')], R.mk.var('prim_nope', 'prim'))),
    R.mk.decl('Main.h', R.mk.lam([], R.mk.var('lower', 'con'))),
  ], 'Main.main');
  assert.equal(R.check(m).map((d) => d.message), [
    'main declaration Main.main is missing',
    'local y is not bound (in Main.f)',
    'global Main.nope is not a declaration of the module (in Main.f)',
    'binder x is not unique (in Main.g)',
    'prim_nope is not a primitive (in Main.g)',
    'lambda without parameters (in Main.h)',
    'lower is not a constructor name (in Main.h)',
  ]);
});

test('printer: case, let, records, selection, templates, literals, spans', () => {
  const e = R.mk.let('r', R.mk.record([{ label: 'a', value: R.mk.lit({ kind: 'float', value: 2 }) }, { label: 'b', value: R.mk.lit({ kind: 'char', value: 39 }) }]),
    R.mk.case(R.mk.select(R.mk.var('r', 'local'), 'a'), [
      R.mk.alt(R.mk.pcon('Lune.Prelude.Just', [R.mk.pcon('Lune.Prelude.Pair', [R.mk.pwild(), R.mk.pvar('y')])]), R.mk.template(false, [R.mk.text('v='), R.mk.hole(R.mk.var('y', 'local'))])),
      R.mk.alt(R.mk.pstring('s\n'), R.mk.lit({ kind: 'string', value: 'q"' }), mkSpan(4, 5, 4, 9)),
    ]), mkSpan(2, 3, 2, 4));
  const m = R.mk.module('Main', [R.mk.decl('Main.main', e, mkSpan(1, 1, 1, 5))], 'Main.main');
  assert.is(R.print(m), [
    'module Main (main = Main.main)\n',
    'Main.main =',
    '  let r = { a = 2.0, b = \'\\\'\' } in',
    '  case r.a of',
    '    Lune.Prelude.Just (Lune.Prelude.Pair _ y) -> template inline ["v=", ${y}]',
    '    "s\\n" -> "q\\""',
    ''].join('\n'));
  assert.match(R.print(m, { spans: true }), 'Main.main @1:1 =\n  let r @2:3 = ');
  assert.match(R.print(m, { spans: true }), '"s\\n" -> @4:5 "q\\""');
});

test('Fresh: base first, then numbered suffixes that skip reserved names', () => {
  const f = new Fresh(['t_1']);
  assert.equal([f.fresh('t'), f.fresh('t'), f.fresh('t'), f.next(), f.next(), f.has('t_2')], ['t', 't_2', 't_3', '_t', '_t_1', true]);
});

test('matches over Renamed expressions must be exhaustive', () => {
  const f = (e: R.Expr): number =>
    // @ts-expect-error: Template (and others) are not handled
    match(e).with({ tag: 'Var' }, () => 1).with({ tag: 'Lit' }, () => 2).exhaustive();
  assert.is(f(R.mk.var('x', 'local')), 1);
});

test.run();
