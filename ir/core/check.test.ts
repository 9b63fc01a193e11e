// ir/core/check.test.ts: inputs the Core checker must reject (with exact messages) and ones it must accept.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import * as Core from './core';
import { check } from './check';
import { readDump } from './read';
import { mkSpan } from '../shared/span';
import { primTable } from '../shared/prims';

const { mk } = Core;
const corpus = process.env.LUNE_CORPUS ?? new URL('../../../shared/lune-corpus', import.meta.url).pathname;
const mod = (...decls: Core.Decl[]): Core.Module => ({ tag: 'Module', name: 'M', decls, span: mkSpan(1, 1, 1, 1) });
const messages = (m: Core.Module): string[] => check(m).map((d) => d.message);
const at = (line: number, col: number) => mkSpan(line, col, line, col + 1, 'm.core');

test('a closed module with primitives, constructors, globals and every binder is fine', () => {
  const body = mk.lam([mk.pvar('x')], mk.case(mk.var('x'), [
    mk.alt(mk.pcon('Lune.Prelude.Just', [mk.pvar('y')]), mk.let('z', mk.var('y'), mk.apps(mk.var('prim_addInt'), [mk.var('z'), mk.var('x')]))),
    mk.alt(mk.pwild(), mk.apps(mk.var('M.f'), [mk.var('Lune.Prelude.Nothing'), mk.var('$primIOBind')])),
  ]));
  assert.equal(messages(mod(mk.decl('', mk.int(0n)), mk.decl('', mk.int(0n)), mk.decl('M.f', body))), []);
});

test('unbound variables, including a let name inside its own right-hand side', () => {
  const m = mod(
    mk.decl('M.a', mk.app(mk.var('M.missing', at(1, 5)), mk.var('$dictShow_Int', at(1, 9)))),
    mk.decl('M.b', mk.let('r', mk.var('r', at(2, 3)), mk.var('r'))),
    mk.decl('M.c', mk.lam([mk.pvar('x')], mk.var('y', at(3, 7)))),
    mk.decl('M.d', mk.template(false, [mk.text('a'), mk.hole(mk.tcon('Int'), mk.var('h'))])),
    mk.decl('M.e', mk.record([{ label: 'l', value: mk.select(mk.var('q'), 'l') }])),
  );
  const ds = check(m);
  assert.equal(ds.map((d) => d.message), [
    'unbound variable M.missing in M.a', 'unbound variable $dictShow_Int in M.a', 'unbound variable r in M.b',
    'unbound variable y in M.c', 'unbound variable h in M.d', 'unbound variable q in M.e',
  ]);
  assert.equal(ds[0]!.span, at(1, 5));
  assert.equal(ds[3]!.span, at(3, 7));
});

test('a pattern variable is only in scope in its own alternative', () => {
  const m = mod(mk.decl('M.f', mk.case(mk.int(1n), [mk.alt(mk.pvar('a'), mk.var('a')), mk.alt(mk.pwild(), mk.var('a'))])));
  assert.equal(messages(m), ['unbound variable a in M.f']);
});

test('duplicate top-level names; empty placeholders may repeat', () => {
  const m = mod(mk.decl('M.x', mk.int(1n), at(1, 1)), mk.decl('', mk.int(0n)), mk.decl('', mk.int(0n)), mk.decl('M.x', mk.int(2n), at(4, 1)));
  const ds = check(m);
  assert.equal(ds.map((d) => d.message), ['duplicate top-level name M.x (first defined at 1:1)']);
  assert.equal(ds[0]!.span, at(4, 1));
});

test('a pattern binding one name twice, in a constructor pattern or across lambda parameters', () => {
  const m = mod(
    mk.decl('M.p', mk.case(mk.int(0n), [mk.alt(mk.pcon('Lune.Prelude.Pair', [mk.pvar('a'), mk.pvar('a', at(1, 9))]), mk.var('a'))])),
    mk.decl('M.q', mk.lam([mk.pvar('b'), mk.pcon('Lune.Prelude.Just', [mk.pvar('b', at(2, 4))])], mk.var('b'))),
  );
  const ds = check(m);
  assert.equal(ds.map((d) => d.message), [
    'the name a is bound more than once in one pattern in M.p', 'the name b is bound more than once in one pattern in M.q',
  ]);
  assert.equal(ds.map((d) => d.span), [at(1, 9), at(2, 4)]);
});

test('a lambda without parameters and a leftover CDictWanted', () => {
  const m = mod(
    mk.decl('M.l', mk.lam([], mk.int(1n), at(1, 2))),
    mk.decl('M.w', mk.dictWanted({ className: 'Show', args: [mk.tvar('a')] }, at(2, 2))),
  );
  const ds = check(m);
  assert.equal(ds.map((d) => d.message), ['lambda without parameters in M.l', 'unresolved type-class dictionary (CDictWanted Show) in M.w']);
  assert.equal(ds.map((d) => d.span), [at(1, 2), at(2, 2)]);
});

test('deep nesting does not overflow the stack', () => {
  let e: Core.Expr = mk.var('x');
  for (let i = 0; i < 200_000; i++) e = mk.app(mk.var('prim_not'), e);
  assert.equal(messages(mod(mk.decl('M.deep', mk.lam([mk.pvar('x')], e)))), []);
});

test('corpus: a clean dump checks clean; names nobody defines are reported', () => {
  const hello = readDump(readFileSync(`${corpus}/dumps/00_Hello.core`, 'utf8'), 'h.core');
  assert.equal(check(hello), []);
  // The Database prelude calls primitives of an API monad that no Lune runtime defines (harmless in
  // Lune: only where main reaches them would they fail).
  const db = readDump(readFileSync(`${corpus}/dumps/21_Database_Decode.core`, 'utf8'), 'db.core');
  const unbound = new Set(check(db).map((d) => d.message.replace(/^unbound variable (\S+) in .*$/, '$1')));
  assert.ok(unbound.has('prim_apiAndThen') && unbound.has('prim_apiPure'));
  for (const name of unbound) assert.not.ok(primTable.has(name), `${name} is a primitive`);
});

test.run();
