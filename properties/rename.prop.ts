// properties/rename.prop.ts: the renamer preserves meaning (Renamed eval = Core eval: stdout, exit code, error),
// its output passes the Renamed checker, every local binder is unique, and exactly what main reaches is kept.
import fc from 'fast-check';
import { test } from 'uvu';
import type * as Core from '../ir/core/core';
import * as CoreEval from '../ir/core/eval';
import * as Renamed from '../ir/renamed';
import { goTarget } from '../ir/shared/prims';
import { rename } from '../passes/rename';
import { countNodes, typedProgram } from './arb/typed';
import { type Regression, assertProperty } from './config';
import { Tally, assertChecks, assertSameOutcome, outcomeOf } from './outcome';

/** Shrunk failures found so far (seed + path + what was wrong), replayed first on every run. */
const regressions: readonly Regression[] = [
  { seed: 1715004, path: '88:7:1:19:28:6:1:10:14:7:37:51:60:68:93:101:59:67:85:84:84:84:96:44:66:43:7:7:63:87:100:122:120:121:20:27:27:27:27:27:17:33:60:82:87:89:63:75:75:75:75:75:75:81:82:104:105:114:112:141:148:156:160:155:163:52:24:26:35:42:22:3:1:5:5:43:49:64:65:62:62:72:78:83:89:90:59:42:48:48:64:62:62:62:71:96:89:99:96:110:105:51',
    note: '(\\(Main.Circle x) -> …) Main.Dot: the Renamed evaluator printed the renamed binder (PatternMatchFailure … x_1); fixed in ir/renamed/eval.ts (recorded before the generator grew; ir/renamed/eval.test.ts pins the case)' },
];

test('rename: Renamed eval equals Core eval; binders unique; only what main reaches is kept', async () => {
  const tally = new Tally('rename.prop');
  await assertProperty('rename preserves meaning', 'properties/rename.prop.ts', fc.asyncProperty(typedProgram(), async (x) => {
    const out = rename(x, goTarget);
    assertChecks('renamed', Renamed.check(out));
    assertUniqueBinders(out);
    const kept = out.decls.map((d) => d.name).sort();
    const live = [...reachable(x)].sort();
    if (kept.join() !== live.join()) throw new Error(`kept ${kept.join(', ')} but main reaches ${live.join(', ')}`);
    const before = await outcomeOf((io) => CoreEval.runMain(x, io));
    assertSameOutcome(before, await outcomeOf((io) => Renamed.runMain(out, io)), ['Core', 'Renamed']);
    tally.add(countNodes(x), before);
  }), 100, regressions, tally.reset);
  console.log(tally.summary());
});

/** Checked here too, independently of the Renamed checker: no name is bound twice anywhere in the module. */
function assertUniqueBinders(m: Renamed.Module): void {
  const seen = new Set<string>();
  const bind = (n: string) => {
    if (seen.has(n)) throw new Error(`binder ${n} is bound twice`);
    seen.add(n);
  };
  const pat = (p: Renamed.Pattern): void => {
    if (p.tag === 'PVar') bind(p.name);
    if (p.tag === 'PCon') p.args.forEach(pat);
  };
  const walk = (e: Renamed.Expr): void => {
    switch (e.tag) {
      case 'Var': case 'Lit': return;
      case 'App': walk(e.fn); walk(e.arg); return;
      case 'Lam': e.params.forEach(pat); walk(e.body); return;
      case 'Let': bind(e.name); walk(e.rhs); walk(e.body); return;
      case 'Case': walk(e.scrutinee); e.alts.forEach((a) => (pat(a.pattern), walk(a.body))); return;
      case 'Record': e.fields.forEach((f) => walk(f.value)); return;
      case 'Select': walk(e.record); return;
      case 'Template': e.parts.forEach((p) => p.tag === 'Hole' && walk(p.body)); return;
    }
  };
  m.decls.forEach((d) => walk(d.body));
}

// The declarations main reaches. Generated locals never look like top-level names (Main.x, $dict…), so any
// variable naming a declaration is a reference to it.
function reachable(m: Core.Module): Set<string> {
  const decls = new Map(m.decls.map((d) => [d.name, d.body]));
  const seen = new Set<string>(['Main.main']);
  const todo: Core.Expr[] = [decls.get('Main.main')!];
  for (let e = todo.pop(); e !== undefined; e = todo.pop()) {
    switch (e.tag) {
      case 'CVar': if (decls.has(e.name) && !seen.has(e.name)) (seen.add(e.name), todo.push(decls.get(e.name)!)); break;
      case 'CApp': todo.push(e.fn, e.arg); break;
      case 'CLam': todo.push(e.body); break;
      case 'CLet': todo.push(e.rhs, e.body); break;
      case 'CCase': todo.push(e.scrutinee, ...e.alts.map((a) => a.body)); break;
      case 'CRecord': todo.push(...e.fields.map((f) => f.value)); break;
      case 'CSelect': todo.push(e.record); break;
      case 'CTemplate': for (const p of e.parts) if (p.tag === 'THole') todo.push(p.expr); break;
      default: break;
    }
  }
  return seen;
}

test.run();
