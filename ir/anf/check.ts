// ir/anf/check.ts: what the ANF types cannot say (or what a hand-built/cast tree may violate): every
// operand is an Atom, Apps have arguments, lambdas parameters, every local is bound and every binder
// unique in the module, globals/primitives/constructors exist, Switch arms have distinct heads and
// distinct binders, and `main` is a declaration.
import { match } from 'ts-pattern';
import { type Diagnostic, diag } from '../shared/diagnostic';
import { badReference, topLevelNames } from '../shared/check-module';
import { Scope } from '../shared/scope';
import * as Anf from './anf';

const stage = 'anf';

/** Returns every violated invariant (empty when the module is well formed). */
export function check(m: Anf.Module): Diagnostic[] {
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
    const atom = (a: Anf.Comp, scope: Scope, role: string): void => {
      if (!Anf.isAtom(a)) return void out.push(diag(stage, `${role} is a ${a.tag}, not an atom${where}`, a.span));
      if (a.tag === 'Lit') return;
      const bad = badReference(a, (x) => scope.has(x), globals);
      if (bad !== null) out.push(diag(stage, bad + where, a.span));
    };
    const expr = (e: Anf.Expr, scope: Scope): void => {
      match(e)
        .with({ tag: 'Let' }, (l) => {
          comp(l.rhs, scope);
          const mark = scope.mark();
          bind(l.name, scope, l.span);
          expr(l.body, scope);
          scope.reset(mark);
        })
        .with({ tag: 'Ret' }, (r) => comp(r.value, scope))
        .exhaustive();
    };
    const comp = (c: Anf.Comp, scope: Scope): void => {
      match(c)
        .with({ tag: 'Var' }, { tag: 'Lit' }, (a) => atom(a, scope, 'value'))
        .with({ tag: 'App' }, (a) => {
          if (a.args.length === 0) out.push(diag(stage, `application without arguments${where}`, a.span));
          atom(a.fn, scope, 'function');
          a.args.forEach((x) => atom(x, scope, 'argument'));
        })
        .with({ tag: 'Lam' }, (l) => {
          if (l.params.length === 0) out.push(diag(stage, `lambda without parameters${where}`, l.span));
          const mark = scope.mark();
          l.params.forEach((p) => bind(p, scope, l.span));
          expr(l.body, scope);
          scope.reset(mark);
        })
        .with({ tag: 'Record' }, (r) => r.fields.forEach((f) => atom(f.value, scope, `field ${f.label}`)))
        .with({ tag: 'Select' }, (s) => atom(s.record, scope, 'selected record'))
        .with({ tag: 'Template' }, (t) => t.parts.forEach((p) => p.tag === 'Hole' && expr(p.body, scope)))
        .with({ tag: 'Switch' }, (s) => {
          atom(s.scrutinee, scope, 'scrutinee');
          const heads = new Set<string>();
          for (const a of s.arms) {
            const head = a.tag === 'ConArm' ? `${a.con}/${a.binders.length}` : JSON.stringify(a.value);
            if (heads.has(head)) out.push(diag(stage, `switch tests ${head} twice${where}`, s.span));
            heads.add(head);
            const mark = scope.mark();
            if (a.tag === 'ConArm') for (const b of a.binders) if (b !== null) bind(b, scope, s.span);
            expr(a.body, scope);
            scope.reset(mark);
          }
          if (s.default !== null) expr(s.default, scope);
        })
        .with({ tag: 'Fail' }, (f) => atom(f.scrutinee, scope, 'failing value'))
        .exhaustive();
    };
    expr(d.body, new Scope());
  }
  return out;
}
