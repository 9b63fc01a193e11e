// ir/renamed/check.ts: what the Renamed types cannot say: every local is bound and every binder unique in
// the module, globals name declarations of the module, primitives exist, constructors look like ones,
// lambdas have parameters, and `main` is a declaration.
import { match } from 'ts-pattern';
import { type Diagnostic, diag } from '../shared/diagnostic';
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
    const bindPattern = (p: R.Pattern, scope: Scope): void => {
      match(p)
        .with({ tag: 'PVar' }, (v) => {
          if (binders.has(v.name)) out.push(diag(stage, `binder ${v.name} is not unique${where}`, v.span));
          binders.add(v.name);
          scope.add(v.name);
        })
        .with({ tag: 'PWild' }, { tag: 'PString' }, () => {})
        .with({ tag: 'PCon' }, (c) => c.args.forEach((a) => bindPattern(a, scope)))
        .exhaustive();
    };
    const walk = (e: R.Expr, scope: Scope): void => {
      match(e)
        .with({ tag: 'Var' }, (v) => {
          const bad = badReference(v, (x) => scope.has(x), globals);
          if (bad !== null) out.push(diag(stage, bad + where, v.span));
        })
        .with({ tag: 'Lit' }, () => {})
        .with({ tag: 'App' }, (a) => (walk(a.fn, scope), walk(a.arg, scope)))
        .with({ tag: 'Lam' }, (l) => {
          if (l.params.length === 0) out.push(diag(stage, `lambda without parameters${where}`, l.span));
          const mark = scope.mark();
          l.params.forEach((p) => bindPattern(p, scope));
          walk(l.body, scope);
          scope.reset(mark);
        })
        .with({ tag: 'Let' }, (l) => {
          walk(l.rhs, scope);
          if (binders.has(l.name)) out.push(diag(stage, `binder ${l.name} is not unique${where}`, l.span));
          binders.add(l.name);
          const mark = scope.mark();
          walk(l.body, scope.add(l.name));
          scope.reset(mark);
        })
        .with({ tag: 'Case' }, (c) => {
          walk(c.scrutinee, scope);
          for (const a of c.alts) {
            const mark = scope.mark();
            bindPattern(a.pattern, scope);
            walk(a.body, scope);
            scope.reset(mark);
          }
        })
        .with({ tag: 'Record' }, (r) => r.fields.forEach((f) => walk(f.value, scope)))
        .with({ tag: 'Select' }, (s) => walk(s.record, scope))
        .with({ tag: 'Template' }, (t) => t.parts.forEach((p) => p.tag === 'Hole' && walk(p.body, scope)))
        .exhaustive();
    };
    walk(d.body, new Scope());
  }
  return out;
}
