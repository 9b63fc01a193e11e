// passes/rename.test.ts: what generated programs rarely reach: an outer binder used after a sibling scope
// rebinds its name, and an undocumented prim_ name (a warning, then UnboundVariable only if evaluated).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as Core from '../ir/core/core';
import * as CoreEval from '../ir/core/eval';
import * as Renamed from '../ir/renamed';
import type { Diagnostic } from '../ir/shared/diagnostic';
import { goTarget } from '../ir/shared/prims';
import { rename } from './rename';

const { mk } = Core;
const showInt = (e: Core.Expr) => mk.app(mk.var('prim_putStrLn'), mk.app(mk.var('prim_showInt'), e));

async function outcomes(main: Core.Expr, warn?: (d: Diagnostic) => void): Promise<[string, string, Renamed.Module]> {
  const m = mk.module('Main', [mk.decl('Main.main', main)]);
  const r = rename(m, goTarget, warn);
  assert.equal(Renamed.check(r).map((d) => d.message), []);
  const run = async (f: (io: CoreEval.EvalIO) => Promise<CoreEval.RunResult>) => {
    let out = '';
    const res = await f({ stdout: (t) => (out += t), stderr: () => {} });
    return out + (res.error ?? '');
  };
  return [await run((io) => CoreEval.runMain(m, io)), await run((io) => Renamed.runMain(r, io)), r];
}

test('an outer binder is visible again after a sibling scope rebinds its name', async () => {
  const x = mk.var('x');
  // (\x -> prim_addInt (let x = 2 in x) (case Unit of x -> prim_addInt x x) + x) 40, in every binding form.
  const body = mk.apps(mk.var('prim_addInt'), [
    mk.let('x', mk.int(2n), x),
    mk.apps(mk.var('prim_addInt'), [mk.case(mk.int(5n), [mk.alt(mk.pvar('x'), x)]), mk.apps(mk.var('prim_addInt'), [mk.app(mk.lam([mk.pvar('x')], x), mk.int(7n)), x])]),
  ]);
  const [core, renamed, r] = await outcomes(showInt(mk.app(mk.lam([mk.pvar('x')], body), mk.int(40n))));
  assert.is(core, '54\n');
  assert.is(renamed, core);
  assert.equal(Renamed.print(r, { spans: false }).match(/\bx(_\d+)?\b/g)?.length, 8);
});

test('an undocumented prim_ name: a warning, and UnboundVariable only when evaluated', async () => {
  const warnings: string[] = [];
  const main = mk.case(mk.var('Lune.Prelude.True'), [
    mk.alt(mk.pcon('Lune.Prelude.False', []), mk.app(mk.var('prim_frobnicate'), mk.int(1n))),
    mk.alt(mk.pwild(), mk.app(mk.var('prim_putStrLn'), mk.str('fine'))),
  ]);
  const [core, renamed] = await outcomes(main, (d) => warnings.push(d.message));
  assert.equal(warnings, ['unknown primitive prim_frobnicate in Main.main: it fails with UnboundVariable if evaluated']);
  assert.is(core, 'fine\n');
  assert.is(renamed, core);
  const [core2, renamed2] = await outcomes(mk.app(mk.var('prim_frobnicate'), mk.int(1n)));
  assert.is(core2, 'UnboundVariable "prim_frobnicate"');
  assert.is(renamed2, core2);
});

test.run();
