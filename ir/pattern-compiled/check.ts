// ir/pattern-compiled/check.ts: scope and unique binders (as Renamed), plus the decision-tree invariants:
// a Switch tests a bound local, its arms have distinct heads (constructor+arity or string), its ConArm
// binders are distinct, and no path tests the same variable twice (so no constructor is tested twice).
import { assertNever, type Diagnostic, diag } from '../shared/diagnostic';
import { badReference, topLevelNames } from '../shared/check-module';
import { Scope } from '../shared/scope';
import type * as PC from './pattern-compiled';

const stage = 'pattern-compiled';

/** Returns every violated invariant (empty when the module is well formed). */
export function check(m: PC.Module): Diagnostic[] {
  const out: Diagnostic[] = [];
  const globals = topLevelNames(stage, m, out);
  const binders = new Set<string>();
  for (const d of m.decls) {
    const where = ` (in ${d.name})`;
    const bind = (name: string, scope: Scope, span = d.span): void => {
      if (binders.has(name)) out.push(diag(stage, `binder ${name} is not unique${where}`, span));
      binders.add(name);
      scope.add(name);
    };
    const local = (name: string, scope: Scope, span = d.span): void => {
      if (!scope.has(name)) out.push(diag(stage, `local ${name} is not bound${where}`, span));
    };
    // `tested`: the variables switched on along the current path.
    // A plain switch with assertNever, not ts-pattern (as ir/core/check.ts): this checker visits every node
    // after each compile, and match() allocated and tested patterns per node (profiled at ~30 ms per module).
    const walk = (e: PC.Expr, scope: Scope, tested: ReadonlySet<string>): void => {
      switch (e.tag) {
        case 'Var': {
          const bad = badReference(e, (x) => scope.has(x), globals);
          if (bad !== null) out.push(diag(stage, bad + where, e.span));
          return;
        }
        case 'Lit': return;
        case 'App': walk(e.fn, scope, tested); walk(e.arg, scope, tested); return;
        case 'Lam': {
          if (e.params.length === 0) out.push(diag(stage, `lambda without parameters${where}`, e.span));
          const mark = scope.mark();
          for (const p of e.params) bind(p, scope, e.span);
          walk(e.body, scope, tested);
          scope.reset(mark);
          return;
        }
        case 'Let': {
          walk(e.rhs, scope, tested);
          const mark = scope.mark();
          bind(e.name, scope, e.span);
          walk(e.body, scope, tested);
          scope.reset(mark);
          return;
        }
        case 'Record': for (const f of e.fields) walk(f.value, scope, tested); return;
        case 'Select': walk(e.record, scope, tested); return;
        case 'Template': for (const p of e.parts) if (p.tag === 'Hole') walk(p.body, scope, tested); return;
        case 'Switch': {
          local(e.scrutinee, scope, e.span);
          if (tested.has(e.scrutinee)) out.push(diag(stage, `${e.scrutinee} is tested twice on one path${where}`, e.span));
          const after = new Set(tested).add(e.scrutinee);
          const heads = new Set<string>();
          for (const a of e.arms) {
            const head = a.tag === 'ConArm' ? `${a.con}/${a.binders.length}` : JSON.stringify(a.value);
            if (heads.has(head)) out.push(diag(stage, `switch on ${e.scrutinee} tests ${head} twice${where}`, e.span));
            heads.add(head);
            const mark = scope.mark();
            if (a.tag === 'ConArm') for (const b of a.binders) if (b !== null) bind(b, scope, e.span);
            walk(a.body, scope, after);
            scope.reset(mark);
          }
          if (e.default !== null) walk(e.default, scope, after);
          return;
        }
        case 'Fail':
          local(e.scrutinee, scope, e.span);
          if ((e.kind === 'PatternMatchFailure') !== (e.pattern !== '')) {
            out.push(diag(stage, `${e.kind} failure with ${e.pattern === '' ? 'no' : 'a'} pattern${where}`, e.span));
          }
          return;
        default: return assertNever(e, stage);
      }
    };
    walk(d.body, new Scope(), new Set());
  }
  return out;
}
