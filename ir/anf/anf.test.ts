// ir/anf/anf.test.ts: the ANF pass (flattening only where §1.5's order allows, naming every operand),
// the ANF printer and checker, evaluation order through the evaluator, and exhaustive matches.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { match } from 'ts-pattern';
import * as Core from '../core/core';
import { evalDecl } from '../core/eval';
import { rename } from '../../passes/rename';
import { compilePatterns } from '../../passes/compile-patterns';
import { toAnf } from '../../passes/anf';
import { goTarget } from '../shared/prims';
import { showValue } from '../shared/show';
import { LuneError } from '../shared/value';
import * as A from '.';

const c = Core.mk;
// Main.main mentions every other declaration, so all of them are reached.
const mod = (decls: [string, Core.Expr][]): Core.Module => c.module('Main', [
  c.decl('Main.main', c.record(decls.map(([n]) => ({ label: n, value: c.var(n) })))),
  ...decls.map(([n, e]) => c.decl(n, e)),
]);
const anf = (m: Core.Module): A.Module => toAnf(compilePatterns(rename(m, goTarget)));
const body = (m: A.Module, name: string): string => A.printExpr(m.decls.find((d) => d.name === name)!.body);
const run = (m: Core.Module, name: string): string => {
  try {
    return showValue(evalDecl(m, name));
  } catch (e) {
    if (e instanceof LuneError) return `error: ${e.show}`;
    throw e;
  }
};
const add = (a: Core.Expr, b: Core.Expr): Core.Expr => c.apps(c.var('prim_addInt'), [a, b]);
const f3 = c.lam([c.pvar('a'), c.pvar('b'), c.pvar('c')], add(c.var('a'), add(c.var('b'), c.var('c'))));

test('safe operands flatten into one App: locals, literals, constructors, lambdas, function globals', () => {
  const m = anf(mod([
    ['Main.f', f3],
    ['Main.k', c.lam([c.pvar('x')], c.apps(c.var('Main.f'), [c.var('x'), c.int(1n), c.var('Main.f')]))],
    ['Main.l', c.lam([c.pvar('x')], c.apps(c.var('Main.f'), [c.var('x'), c.lam([c.pvar('y')], c.var('y')), c.var('Lune.Prelude.Nil')]))],
  ]));
  assert.is(body(m, 'Main.k'), '\\x -> @Main.f x 1 @Main.f');
  assert.is(body(m, 'Main.l'), '\\x_1 ->\n  let _t_1 = \\y -> y\n  @Main.f x_1 _t_1 Lune.Prelude.Nil');
  assert.equal(A.check(m), []);
});

test('an operand that may fail is evaluated after the application before it', () => {
  const curried = c.lam([c.pvar('a')], c.lam([c.pvar('b')], c.lam([c.pvar('c')], c.var('c'))));
  const m = anf(mod([
    ['Main.g', curried],
    ['Main.val', add(c.int(1n), c.int(2n))],
    ['Main.k', c.lam([c.pvar('x')], c.apps(c.var('Main.g'), [c.var('x'), c.app(c.var('prim_showInt'), c.var('x')), c.var('Main.val')]))],
  ]));
  assert.is(body(m, 'Main.k'), [
    '\\x ->',
    '  let _t_1 = @Main.g x',
    '  let _t_2 = %prim_showInt x',
    '  let _t_3 = _t_1 _t_2',
    '  let _t_4 = @Main.val',
    '  _t_3 _t_4'].join('\n'));
  assert.equal(A.check(m), []);
});

test('no split where the partial application only collects arguments: constructors, primitives, top-level lambdas', () => {
  const m = anf(mod([
    ['Main.f', f3],
    ['Main.val', add(c.int(1n), c.int(2n))],
    ['Main.k', c.lam([c.pvar('x')], c.apps(c.var('Main.f'), [c.var('x'), c.app(c.var('prim_showInt'), c.var('x')), c.var('Main.val')]))],
    ['Main.l', c.apps(c.var('Lune.Prelude.Cons'), [c.int(1n), c.apps(c.var('Lune.Prelude.Cons'), [c.var('Main.val'), c.var('Lune.Prelude.Nil')])])],
    ['Main.p', c.apps(c.var('prim_addInt'), [c.var('Main.val'), c.var('Main.val')])],
  ]));
  assert.is(body(m, 'Main.k'), '\\x ->\n  let _t_4 = %prim_showInt x\n  let _t_5 = @Main.val\n  @Main.f x _t_4 _t_5');
  assert.is(body(m, 'Main.l'), 'let _t_6 = @Main.val\nlet _t_7 = Lune.Prelude.Cons _t_6 Lune.Prelude.Nil\nLune.Prelude.Cons 1 _t_7');
  assert.is(body(m, 'Main.p'), 'let _t_8 = @Main.val\nlet _t_9 = @Main.val\n%prim_addInt _t_8 _t_9');
  assert.equal(A.check(m), []);
});

test('evaluation order is preserved: f a fails before b is evaluated', () => {
  const boom = (n: bigint): Core.Expr => c.case(c.int(n), []);
  const core = mod([
    ['Main.f', c.lam([c.pvar('x')], c.case(c.var('x'), [c.alt(c.pstring('never'), c.var('x'))]))],
    ['Main.t', c.apps(c.var('Main.f'), [c.int(1n), boom(2n)])],
    ['Main.r', c.record([{ label: 'a', value: boom(3n) }, { label: 'b', value: boom(4n) }])],
  ]);
  const back = A.toCore(anf(core));
  assert.is(run(core, 'Main.t'), 'error: NonExhaustiveCase 1');
  assert.is(run(back, 'Main.t'), 'error: NonExhaustiveCase 1');
  assert.is(run(back, 'Main.r'), 'error: NonExhaustiveCase 3');
});

test('switches in operand position are let-bound; holes stay deferred expressions', () => {
  const m = anf(mod([
    ['Main.g', c.lam([c.pvar('m')], c.app(c.var('prim_showInt'), c.case(c.var('m'), [c.alt(c.pcon('Lune.Prelude.Just', [c.pvar('v')]), c.var('v')), c.alt(c.pwild(), c.int(0n))])))],
    ['Main.t', c.lam([c.pvar('x')], c.template(false, [c.text('n='), c.hole(c.tcon('Int'), c.app(c.var('prim_showInt'), c.var('x')))]))],
  ]));
  assert.is(body(m, 'Main.g'), [
    '\\m ->',
    '  let _t = switch m of',
    '      Lune.Prelude.Just v -> v',
    '      _ -> 0',
    '  %prim_showInt _t'].join('\n'));
  assert.is(body(m, 'Main.t'), '\\x -> template inline ["n=", ${%prim_showInt x}]');
  assert.equal(A.check(m), []);
});

test('printer: a module with records, selection, string arms, fail, lambda names, spans', () => {
  const v = (n: string): A.Var => A.mk.var(n, 'local');
  const sw = A.mk.switch(v('s'), [A.mk.stringArm('a', A.mk.ret(A.mk.lit({ kind: 'string', value: 'A' })))],
    A.mk.ret(A.mk.fail('NonExhaustiveCase', v('s'), '', 'Main.main')), { startLine: 3, startCol: 2, endLine: 3, endCol: 8 });
  const m = A.mk.module('Main', [A.mk.decl('Main.main', A.mk.let('r', A.mk.record([{ label: 'x', value: A.mk.lit({ kind: 'char', value: 955 }) }]),
    A.mk.let('s', A.mk.select(v('r'), 'x'), A.mk.let('k', A.mk.lam(['q'], A.mk.ret(v('q')), 'Other.k'), A.mk.ret(sw)))))], 'Main.main');
  assert.is(A.print(m), [
    'module Main (main = Main.main)\n',
    'Main.main =',
    "  let r = { x = 'λ' }",
    '  let s = r.x',
    '  let k = \\q -> [Other.k] q',
    '  switch s of',
    '    "a" -> "A"',
    '    _ -> fail NonExhaustiveCase s in Main.main',
    ''].join('\n'));
  assert.match(A.print(m, { spans: true }), 'switch s of @3:2');
  assert.equal(A.check(m), []);
});

test('checker: non-atom operand, empty App, unbound local, duplicate binder, repeated arm, missing main', () => {
  const v = (n: string): A.Var => A.mk.var(n, 'local');
  const nested = A.mk.app(v('x'), [A.mk.app(v('x'), [v('x')]) as unknown as A.Atom]);
  const sw = A.mk.switch(v('x'), [A.mk.conArm('K', ['x'], A.mk.ret(v('x'))), A.mk.conArm('K', [null], A.mk.ret(v('y')))], null);
  const m = A.mk.module('Main', [
    A.mk.decl('Main.f', A.mk.ret(A.mk.lam(['x'], A.mk.let('t', nested, A.mk.let('u', A.mk.app(v('t'), []), A.mk.ret(sw))), 'Main.f'))),
  ], 'Main.main');
  assert.equal(A.check(m).map((d) => d.message), [
    'main declaration Main.main is missing',
    'argument is a App, not an atom (in Main.f)',
    'application without arguments (in Main.f)',
    'binder x is not unique (in Main.f)',
    'switch tests K/1 twice (in Main.f)',
    'local y is not bound (in Main.f)',
  ]);
});

test('matches over ANF computations must be exhaustive', () => {
  const f = (x: A.Comp): number =>
    // @ts-expect-error: Switch, Fail and the others are not handled
    match(x).with({ tag: 'Var' }, () => 1).with({ tag: 'App' }, () => 2).exhaustive();
  assert.is(f(A.mk.var('x', 'local')), 1);
});

test.run();
