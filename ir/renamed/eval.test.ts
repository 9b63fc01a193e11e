// ir/renamed/eval.test.ts: the Renamed evaluator reports a failed lambda pattern with the names as written,
// although the renamer made them unique (found by properties/rename.prop.ts, seed 1715004).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as Core from '../core/core';
import * as CoreEval from '../core/eval';
import { goTarget } from '../shared/prims';
import { rename } from '../../passes/rename';
import { runMain } from './eval';

const { mk } = Core;
const circle = (p: Core.Pattern) => mk.pcon('Main.Circle', [p]);
const put = (e: Core.Expr) => mk.app(mk.var('prim_putStrLn'), e);

/** Runs `main` in Core and after renaming; both results. */
async function both(main: Core.Expr): Promise<[CoreEval.RunResult & { out: string }, CoreEval.RunResult & { out: string }]> {
  const m = mk.module('Main', [mk.decl('Main.main', main)]);
  const run = async (f: (io: CoreEval.EvalIO) => Promise<CoreEval.RunResult>) => {
    let out = '';
    const r = await f({ stdout: (t) => (out += t), stderr: () => {} });
    return { ...r, out };
  };
  return [await run((io) => CoreEval.runMain(m, io)), await run((io) => runMain(rename(m, goTarget), io))];
}

// `x` is bound twice, so the renamer renames the inner one.
const shadowing = (arg: Core.Expr) => mk.app(mk.lam([mk.pvar('x')],
  mk.app(mk.lam([circle(mk.pvar('x'))], put(mk.app(mk.var('prim_showInt'), mk.var('x')))), arg)), arg);

test('a failed constructor pattern names its variables as written', async () => {
  const [core, renamed] = await both(shadowing(mk.var('Main.Dot')));
  assert.is(core.error, 'PatternMatchFailure (PCon "Main.Circle" [PVar "x"]) Dot');
  assert.equal(renamed, core);
});

test('a matching constructor pattern binds the renamed variable', async () => {
  const [core, renamed] = await both(shadowing(mk.app(mk.var('Main.Circle'), mk.int(7n))));
  assert.equal(core, { exitCode: 0, out: '7\n' });
  assert.equal(renamed, core);
});

test('each argument is matched when it is supplied: a later pattern never hides an earlier failure', async () => {
  const lam = mk.lam([circle(mk.pvar('x')), mk.pstring('a'), mk.pcon('Main.Rect', [mk.pvar('x2'), mk.pwild()])], put(mk.str('ok')));
  const outer = (e: Core.Expr) => mk.app(mk.lam([mk.pvar('x')], e), mk.int(1n));
  const [c1, r1] = await both(outer(mk.apps(lam, [mk.app(mk.var('Main.Circle'), mk.int(1n)), mk.str('b')])));
  assert.is(c1.error, 'PatternMatchFailure (PString "a") "b"');
  assert.equal(r1, c1);
  const [c2, r2] = await both(outer(mk.apps(lam, [mk.var('Main.Dot'), mk.str('b')])));
  assert.is(c2.error, 'PatternMatchFailure (PCon "Main.Circle" [PVar "x"]) Dot');
  assert.equal(r2, c2);
  const [c3, r3] = await both(outer(mk.apps(lam, [mk.app(mk.var('Main.Circle'), mk.int(1n)), mk.str('a'), mk.var('Main.Dot')])));
  assert.is(c3.error, 'PatternMatchFailure (PCon "Main.Rect" [PVar "x2",PWildcard]) Dot');
  assert.equal(r3, c3);
});

test.run();
