// ir/pattern-compiled/pattern-compiled.test.ts: the pattern compiler (nested and string patterns,
// fall-through, arity, first match, join points, lambda parameters), the printer, the checker (including
// "no variable tested twice on a path"), and random matrices checked against the Core evaluator.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { match } from 'ts-pattern';
import * as Core from '../core/core';
import { evalDecl } from '../core/eval';
import { rename } from '../../passes/rename';
import { compilePatterns } from '../../passes/compile-patterns';
import { goTarget } from '../shared/prims';
import { showValue } from '../shared/show';
import { LuneError } from '../shared/value';
import * as PC from '.';

const c = Core.mk;
const J = 'Lune.Prelude.Just';
const N = 'Lune.Prelude.Nothing';
const P = 'Lune.Prelude.Pair';
const T = 'Lune.Prelude.True';
const F = 'Lune.Prelude.False';
const mod = (decls: [string, Core.Expr][]): Core.Module =>
  c.module('Main', [['Main.main', c.app(c.var('prim_putStrLn'), c.str('x'))] as [string, Core.Expr], ...decls].map(([n, e]) => c.decl(n, e)));
// Every test declaration is reached from main through one record.
const compile = (decls: [string, Core.Expr][]): PC.Module => {
  const uses = c.record(decls.map(([n]) => ({ label: n.replace('.', '_'), value: c.var(n) })));
  const m = mod([...decls, ['Main.uses', uses]]);
  const withUse = c.module('Main', m.decls.map((d) => (d.name === 'Main.main' ? c.decl(d.name, c.let('u', c.var('Main.uses'), d.body)) : d)));
  return compilePatterns(rename(withUse, goTarget));
};
const body = (m: PC.Module, name: string): string => PC.printExpr(m.decls.find((d) => d.name === name)!.body);
// The value (or the error) a declaration evaluates to.
const run = (m: Core.Module, name: string): string => {
  try {
    return showValue(evalDecl(m, name));
  } catch (e) {
    if (e instanceof LuneError) return `error: ${e.show}`;
    throw e;
  }
};

test('nested constructor patterns: one switch per value, fields bound once', () => {
  const m = compile([['Main.f', c.lam([c.pvar('v')], c.case(c.var('v'), [
    c.alt(c.pcon(J, [c.pcon(J, [c.pvar('x')])]), c.var('x')),
    c.alt(c.pcon(J, [c.pcon(N, [])]), c.int(0n)),
    c.alt(c.pcon(N, []), c.int(1n)),
  ]))]]);
  assert.is(body(m, 'Main.f'), [
    '\\v ->',
    '  switch v of',
    '    Lune.Prelude.Just _f ->',
    '      switch _f of',
    '        Lune.Prelude.Just x -> x',
    '        Lune.Prelude.Nothing -> 0',
    '        _ -> fail NonExhaustiveCase v in Main.f',
    '    Lune.Prelude.Nothing -> 1',
    '    _ -> fail NonExhaustiveCase v in Main.f'].join('\n'));
  assert.equal(PC.check(m), []);
});

test('a case on a variable already tested on the path switches on a fresh alias', () => {
  const m = compile([['Main.f', c.lam([c.pvar('v')], c.case(c.var('v'), [
    c.alt(c.pcon(J, [c.pwild()]), c.case(c.var('v'), [c.alt(c.pcon(J, [c.pvar('y')]), c.var('y'))])),
  ]))]]);
  assert.is(body(m, 'Main.f'), [
    '\\v ->',
    '  switch v of',
    '    Lune.Prelude.Just _ ->',
    '      let _s = v in',
    '      switch _s of',
    '        Lune.Prelude.Just y -> y',
    '        _ -> fail NonExhaustiveCase _s in Main.f',
    '    _ -> fail NonExhaustiveCase v in Main.f'].join('\n'));
  assert.equal(PC.check(m), []);
});

test('string patterns and fall-through to a variable', () => {
  const m = compile([['Main.f', c.lam([c.pvar('s')], c.case(c.var('s'), [
    c.alt(c.pstring('echo'), c.int(1n)),
    c.alt(c.pstring('gpt4'), c.int(2n)),
    c.alt(c.pvar('other'), c.var('other')),
  ]))]]);
  assert.is(body(m, 'Main.f'), [
    '\\s ->', '  switch s of', '    "echo" -> 1', '    "gpt4" -> 2', '    _ -> s'].join('\n'));
});

test('same constructor, different arity: different tests', () => {
  const m = compile([['Main.f', c.lam([c.pvar('v')], c.case(c.var('v'), [
    c.alt(c.pcon(J, [c.pwild()]), c.int(1n)),
    c.alt(c.pcon(J, [c.pwild(), c.pwild()]), c.int(2n)),
  ]))]]);
  assert.is(body(m, 'Main.f'), [
    '\\v ->', '  switch v of', '    Lune.Prelude.Just _ -> 1', '    Lune.Prelude.Just _ _ -> 2',
    '    _ -> fail NonExhaustiveCase v in Main.f'].join('\n'));
  const core = mod([['Main.f', c.lam([c.pvar('v')], c.case(c.var('v'), [
    c.alt(c.pcon(J, [c.pwild()]), c.int(1n)), c.alt(c.pcon(J, [c.pwild(), c.pwild()]), c.int(2n))]))],
  ['Main.two', c.app(c.var('Main.f'), c.apps(c.var(J), [c.int(1n), c.int(2n)]))],
  ['Main.none', c.app(c.var('Main.f'), c.var(J))]]);
  const pc = PC.toCore(compilePatterns(rename(c.module('Main', [...core.decls.slice(0, 1).map((d) => c.decl(d.name, c.let('a', c.var('Main.two'), c.let('b', c.var('Main.none'), d.body)))), ...core.decls.slice(1)]), goTarget)));
  assert.is(run(pc, 'Main.two'), '2');
  assert.is(run(pc, 'Main.none'), 'error: NonExhaustiveCase Just');
});

test('shared right-hand sides become join points, called with the matched fields', () => {
  const m = compile([['Main.f', c.lam([c.pvar('p')], c.case(c.var('p'), [
    c.alt(c.pcon(P, [c.pwild(), c.pcon(T, [])]), c.int(1n)),
    c.alt(c.pcon(P, [c.pcon(F, []), c.pvar('y')]), c.app(c.var('prim_showInt'), c.var('y'))),
    c.alt(c.pvar('z'), c.app(c.var('prim_jsonToString'), c.var('z'))),
  ]))]]);
  assert.is(body(m, 'Main.f'), [
    '\\p ->',
    '  let _j = \\z -> %prim_jsonToString z in',
    '  switch p of',
    '    Lune.Prelude.Pair _f y ->',
    '      switch y of',
    '        Lune.Prelude.True -> 1',
    '        _ ->',
    '          switch _f of',
    '            Lune.Prelude.False -> %prim_showInt y',
    '            _ -> _j p',
    '    _ -> _j p'].join('\n'));
  assert.equal(PC.check(m), []);
});

test('a join point for a clause that binds nothing takes Unit', () => {
  const m = compile([['Main.f', c.lam([c.pvar('p')], c.case(c.var('p'), [
    c.alt(c.pcon(P, [c.pcon(T, []), c.pcon(T, [])]), c.int(1n)),
    c.alt(c.pwild(), c.app(c.var('prim_showInt'), c.int(0n))),
  ]))]]);
  assert.match(body(m, 'Main.f'), 'let _j = \\_u -> %prim_showInt 0 in');
  assert.match(body(m, 'Main.f'), '_j Lune.Prelude.Unit');
});

test('lambda parameter patterns: matched when the argument arrives, failing with the pattern', () => {
  const lam = c.lam([c.pcon(J, [c.pvar('x')], mkAt()), c.pvar('y')], c.var('x'));
  const core = mod([['Main.f', lam], ['Main.bad', c.app(c.var('Main.f'), c.var(N))], ['Main.good', c.apps(c.var('Main.f'), [c.app(c.var(J), c.int(4n)), c.int(5n)])]]);
  const uses = c.module('Main', core.decls.map((d) => (d.name === 'Main.main' ? c.decl(d.name, c.let('a', c.var('Main.bad'), c.let('b', c.var('Main.good'), d.body))) : d)));
  const pc = compilePatterns(rename(uses, goTarget));
  assert.is(body(pc, 'Main.f'), [
    '\\_p ->',
    '  switch _p of',
    '    Lune.Prelude.Just x -> \\y -> x',
    '    _ ->',
    '      fail PatternMatchFailure (PCon "Lune.Prelude.Just" [PVar "x"]) _p in Main.f'].join('\n'));
  const expected = 'error: PatternMatchFailure (PCon "Lune.Prelude.Just" [PVar "x"]) Nothing';
  assert.is(run(uses, 'Main.bad'), expected);
  assert.is(run(PC.toCore(pc), 'Main.bad'), expected);
  assert.is(run(PC.toCore(pc), 'Main.good'), '4');
});
function mkAt(): Core.PCon['span'] {
  return { startLine: 0, startCol: 0, endLine: 0, endCol: 0 };
}

test('show-pattern: the evaluator\'s form, and its parser inverts it (escapes included)', () => {
  const pat = c.pcon(P, [c.pvar('a'), c.pcon('K', []), c.pstring('a"bλ1\n'), c.pwild()]);
  const p = rename(c.module('Main', [c.decl('Main.main', c.var('Main.f')), c.decl('Main.f', c.lam([pat], c.int(0n)))]), goTarget);
  const lam = p.decls[1]!.body;
  assert.ok(lam.tag === 'Lam');
  if (lam.tag !== 'Lam') return;
  const shown = PC.showPattern(lam.params[0]!);
  assert.is(shown, '(PCon "Lune.Prelude.Pair" [PVar "a",PCon "K" [],PString "a\\"b\\955\\&1\\n",PWildcard])');
  assert.equal(PC.parseShownPattern(shown), pat);
  assert.throws(() => PC.parseShownPattern('(PVar x)'), /not a shown pattern/);
  assert.throws(() => PC.parseShownPattern('PVar "x"'), /not a shown pattern/);
});

test('checker: a variable tested twice on one path, a repeated arm, unbound scrutinee, non-unique binder', () => {
  const inner = PC.mk.switch('v', [PC.mk.conArm(J, ['a'], PC.mk.var('a', 'local'))], PC.mk.lit({ kind: 'int', value: 0n }));
  const sw = PC.mk.switch('v', [PC.mk.conArm(J, ['a'], inner), PC.mk.conArm(J, ['b'], PC.mk.var('b', 'local'))], PC.mk.fail('NonExhaustiveCase', 'w', '', 'Main.f'));
  const m = PC.mk.module('Main', [PC.mk.decl('Main.main', PC.mk.lam(['v'], sw, 'Main.main'))], 'Main.main');
  assert.equal(PC.check(m).map((d) => d.message), [
    'v is tested twice on one path (in Main.main)',
    'binder a is not unique (in Main.main)',
    'switch on v tests Lune.Prelude.Just/1 twice (in Main.main)',
    'local w is not bound (in Main.main)',
  ]);
  const badFail = PC.mk.module('Main', [PC.mk.decl('Main.main', PC.mk.lam(['v'], PC.mk.fail('PatternMatchFailure', 'v', '', 'Main.main'), 'Main.main'))], 'Main.main');
  assert.equal(PC.check(badFail).map((d) => d.message), ['PatternMatchFailure failure with no pattern (in Main.main)']);
});

test('printer: records, templates, selection, fail, spans', () => {
  const e = PC.mk.let('r', PC.mk.record([{ label: 'a', value: PC.mk.lit({ kind: 'int', value: -3n }) }]),
    PC.mk.template(true, [PC.mk.text('x'), PC.mk.hole(PC.mk.select(PC.mk.var('r', 'local'), 'a'))]), { startLine: 2, startCol: 1, endLine: 2, endCol: 9 });
  const m = PC.mk.module('Main', [PC.mk.decl('Main.main', e)], 'Main.main');
  assert.is(PC.print(m), 'module Main (main = Main.main)\n\nMain.main =\n  let r = { a = -3 } in\n  template block ["x", ${r.a}]\n');
  assert.match(PC.print(m, { spans: true }), 'let r @2:1 = ');
});

test('matches over PatternCompiled expressions must be exhaustive', () => {
  const f = (e: PC.Expr): number =>
    // @ts-expect-error: Switch and Fail (among others) are not handled
    match(e).with({ tag: 'Var' }, () => 1).with({ tag: 'Lit' }, () => 2).exhaustive();
  assert.is(f(PC.mk.var('x', 'local')), 1);
});

// Random clause matrices over a few constructors (one name at two arities) and strings, applied to
// random values: the compiled decision tree must give what Core's case gives, failures included, and
// the checker (distinct heads, no variable tested twice on a path) must be clean.
const cons = [['A', 0], ['B', 1], ['B', 2], ['C', 2]] as const;
const patArb: fc.Memo<Core.Pattern> = fc.memo((d) => fc.oneof(
  { depthSize: 'small', withCrossShrink: true },
  fc.constant(c.pwild()),
  fc.constantFrom('x', 'y', 'z').map((n) => c.pvar(n)),
  fc.constantFrom('s', 't').map((s) => c.pstring(s)),
  ...cons.map(([k, n]) => (d <= 1 ? fc.constant(c.pcon(k, Array.from({ length: n }, () => c.pwild()))) : fc.tuple(...Array.from({ length: n }, () => patArb(d - 1))).map((as) => c.pcon(k, as as Core.Pattern[])))),
));
const valArb: fc.Memo<Core.Expr> = fc.memo((d) => fc.oneof(
  fc.constantFrom('s', 't', 'u').map((s) => c.str(s)),
  ...cons.map(([k, n]) => (d <= 1 || n === 0 ? fc.constant(c.apps(c.var(k), Array.from({ length: n }, () => c.str('s')))) : fc.tuple(...Array.from({ length: n }, () => valArb(d - 1))).map((as) => c.apps(c.var(k), as as Core.Expr[])))),
));

test('random matrices: compiled trees agree with Core case', () => {
  fc.assert(fc.property(fc.array(patArb(3), { minLength: 1, maxLength: 5 }), fc.array(valArb(3), { minLength: 1, maxLength: 4 }), (pats, vals) => {
    // Each clause returns its index and the values of the variables it binds.
    const alts = pats.map((p, i) => c.alt(p, c.record([{ label: 'clause', value: c.int(BigInt(i)) }, ...vars(p).map((v) => ({ label: v, value: c.var(v) }))])));
    const decls: [string, Core.Expr][] = [['Main.f', c.lam([c.pvar('v')], c.case(c.var('v'), alts))]];
    vals.forEach((v, i) => decls.push([`Main.t${i}`, c.app(c.var('Main.f'), v)]));
    const core = c.module('Main', [c.decl('Main.main', c.record(decls.map(([n]) => ({ label: n, value: c.var(n) })))), ...decls.map(([n, e]) => c.decl(n, e))]);
    const pc = compilePatterns(rename(core, goTarget));
    assert.equal(PC.check(pc), []);
    const back = PC.toCore(pc);
    vals.forEach((_, i) => assert.is(run(back, `Main.t${i}`), run(core, `Main.t${i}`)));
  }), { seed: 42, numRuns: 300 });
});
function vars(p: Core.Pattern): string[] {
  const seen: string[] = [];
  const go = (q: Core.Pattern): void => {
    if (q.tag === 'PVar' && !seen.includes(q.name)) seen.push(q.name);
    if (q.tag === 'PCon') q.args.forEach(go);
  };
  go(p);
  return seen;
}

test.run();
