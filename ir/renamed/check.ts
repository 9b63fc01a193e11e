// ir/renamed/check.ts: what the Renamed types cannot say: every local is bound and every binder unique in
// the module, globals name declarations of the module, primitives exist, constructors look like ones,
// lambdas have parameters, and `main` is a declaration.
import { assertNever, type Diagnostic, diag } from '../shared/diagnostic';
import { badReference, topLevelNames } from '../shared/check-module';
import { Scope } from '../shared/scope';
import type * as R from './renamed';

const stage = 'renamed';

/** Returns every violated invariant (empty when the module is well formed). */
export function check(m: R.Module): Diagnostic[] {
  const out: Diagnostic[] = [];
  const globals = topLevelNames(stage, m, out);
  const binders = new Set<string>();
  for (const d of m.decls) {
    const where = ` (in ${d.name})`;
    // Plain switches with assertNever, not ts-pattern (as ir/core/check.ts): this checker visits every node
    // after each compile, and match() allocated and tested patterns per node (profiled at ~30 ms per module).
    const bindPattern = (p: R.Pattern, scope: Scope): void => {
      switch (p.tag) {
        case 'PVar':
          if (binders.has(p.name)) out.push(diag(stage, `binder ${p.name} is not unique${where}`, p.span));
          binders.add(p.name);
          scope.add(p.name);
          return;
        case 'PWild': case 'PString': return;
        case 'PCon': for (const a of p.args) bindPattern(a, scope); return;
        default: return assertNever(p, stage);
      }
    };
    const inScope = (scope: Scope) => (x: string): boolean => scope.has(x);
    const walk = (e: R.Expr, scope: Scope): void => {
      switch (e.tag) {
        case 'Var': {
          const bad = badReference(e, inScope(scope), globals);
          if (bad !== null) out.push(diag(stage, bad + where, e.span));
          return;
        }
        case 'Lit': return;
        case 'App': walk(e.fn, scope); walk(e.arg, scope); return;
        case 'Lam': {
          if (e.params.length === 0) out.push(diag(stage, `lambda without parameters${where}`, e.span));
          const mark = scope.mark();
          for (const p of e.params) bindPattern(p, scope);
          walk(e.body, scope);
          scope.reset(mark);
          return;
        }
        case 'Let': {
          walk(e.rhs, scope);
          if (binders.has(e.name)) out.push(diag(stage, `binder ${e.name} is not unique${where}`, e.span));
          binders.add(e.name);
          const mark = scope.mark();
          walk(e.body, scope.add(e.name));
          scope.reset(mark);
          return;
        }
        case 'Case':
          walk(e.scrutinee, scope);
          for (const a of e.alts) {
            const mark = scope.mark();
            bindPattern(a.pattern, scope);
            walk(a.body, scope);
            scope.reset(mark);
          }
          return;
        case 'Record': for (const f of e.fields) walk(f.value, scope); return;
        case 'Select': walk(e.record, scope); return;
        case 'Template': for (const p of e.parts) if (p.tag === 'Hole') walk(p.body, scope); return;
        default: return assertNever(e, stage);
      }
    };
    walk(d.body, new Scope());
  }
  return out;
}
