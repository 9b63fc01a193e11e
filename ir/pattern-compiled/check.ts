// ir/pattern-compiled/check.ts: scope and unique binders (as Renamed), plus the decision-tree invariants:
// a Switch tests a bound local, its arms have distinct heads (constructor+arity or string), its ConArm
// binders are distinct, and no path tests the same variable twice (so no constructor is tested twice).
import { match } from 'ts-pattern';
import { type Diagnostic, diag } from '../shared/diagnostic';
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
    const walk = (e: PC.Expr, scope: Scope, tested: ReadonlySet<string>): void => {
      match(e)
        .with({ tag: 'Var' }, (v) => {
          const bad = badReference(v, (x) => scope.has(x), globals);
          if (bad !== null) out.push(diag(stage, bad + where, v.span));
        })
        .with({ tag: 'Lit' }, () => {})
        .with({ tag: 'App' }, (a) => (walk(a.fn, scope, tested), walk(a.arg, scope, tested)))
        .with({ tag: 'Lam' }, (l) => {
          if (l.params.length === 0) out.push(diag(stage, `lambda without parameters${where}`, l.span));
          const mark = scope.mark();
          l.params.forEach((p) => bind(p, scope, l.span));
          walk(l.body, scope, tested);
          scope.reset(mark);
        })
        .with({ tag: 'Let' }, (l) => {
          walk(l.rhs, scope, tested);
          const mark = scope.mark();
          bind(l.name, scope, l.span);
          walk(l.body, scope, tested);
          scope.reset(mark);
        })
        .with({ tag: 'Record' }, (r) => r.fields.forEach((f) => walk(f.value, scope, tested)))
        .with({ tag: 'Select' }, (s) => walk(s.record, scope, tested))
        .with({ tag: 'Template' }, (t) => t.parts.forEach((p) => p.tag === 'Hole' && walk(p.body, scope, tested)))
        .with({ tag: 'Switch' }, (s) => {
          local(s.scrutinee, scope, s.span);
          if (tested.has(s.scrutinee)) out.push(diag(stage, `${s.scrutinee} is tested twice on one path${where}`, s.span));
          const after = new Set(tested).add(s.scrutinee);
          const heads = new Set<string>();
          for (const a of s.arms) {
            const head = a.tag === 'ConArm' ? `${a.con}/${a.binders.length}` : JSON.stringify(a.value);
            if (heads.has(head)) out.push(diag(stage, `switch on ${s.scrutinee} tests ${head} twice${where}`, s.span));
            heads.add(head);
            const mark = scope.mark();
            if (a.tag === 'ConArm') for (const b of a.binders) if (b !== null) bind(b, scope, s.span);
            walk(a.body, scope, after);
            scope.reset(mark);
          }
          if (s.default !== null) walk(s.default, scope, after);
        })
        .with({ tag: 'Fail' }, (f) => {
          local(f.scrutinee, scope, f.span);
          if ((f.kind === 'PatternMatchFailure') !== (f.pattern !== '')) {
            out.push(diag(stage, `${f.kind} failure with ${f.pattern === '' ? 'no' : 'a'} pattern${where}`, f.span));
          }
        })
        .exhaustive();
    };
    walk(d.body, new Scope(), new Set());
  }
  return out;
}
