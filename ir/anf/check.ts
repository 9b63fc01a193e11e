// ir/anf/check.ts: what the ANF types cannot say (or what a hand-built/cast tree may violate): every
// operand is an Atom, Apps have arguments, lambdas parameters, every local is bound and every binder
// unique in the module, globals/primitives/constructors exist, Switch arms have distinct heads and
// distinct binders, and `main` is a declaration.
import { assertNever, type Diagnostic, diag } from '../shared/diagnostic';
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
    // Plain switches with assertNever, not ts-pattern (as ir/core/check.ts): this checker visits every node
    // twice per compile (anf, anf-simplified), and match() allocated and tested patterns per node.
    const expr = (e: Anf.Expr, scope: Scope): void => {
      switch (e.tag) {
        case 'Let': {
          comp(e.rhs, scope);
          const mark = scope.mark();
          bind(e.name, scope, e.span);
          expr(e.body, scope);
          scope.reset(mark);
          return;
        }
        case 'Ret': comp(e.value, scope); return;
        default: return assertNever(e, stage);
      }
    };
    const comp = (c: Anf.Comp, scope: Scope): void => {
      switch (c.tag) {
        case 'Var': case 'Lit': atom(c, scope, 'value'); return;
        case 'App':
          if (c.args.length === 0) out.push(diag(stage, `application without arguments${where}`, c.span));
          atom(c.fn, scope, 'function');
          for (const x of c.args) atom(x, scope, 'argument');
          return;
        case 'Lam': {
          if (c.params.length === 0) out.push(diag(stage, `lambda without parameters${where}`, c.span));
          const mark = scope.mark();
          for (const p of c.params) bind(p, scope, c.span);
          expr(c.body, scope);
          scope.reset(mark);
          return;
        }
        case 'Record': for (const f of c.fields) atom(f.value, scope, `field ${f.label}`); return;
        case 'Select': atom(c.record, scope, 'selected record'); return;
        case 'Template': for (const p of c.parts) if (p.tag === 'Hole') expr(p.body, scope); return;
        case 'Switch': {
          atom(c.scrutinee, scope, 'scrutinee');
          const heads = new Set<string>();
          for (const a of c.arms) {
            const head = a.tag === 'ConArm' ? `${a.con}/${a.binders.length}` : JSON.stringify(a.value);
            if (heads.has(head)) out.push(diag(stage, `switch tests ${head} twice${where}`, c.span));
            heads.add(head);
            const mark = scope.mark();
            if (a.tag === 'ConArm') for (const b of a.binders) if (b !== null) bind(b, scope, c.span);
            expr(a.body, scope);
            scope.reset(mark);
          }
          if (c.default !== null) expr(c.default, scope);
          return;
        }
        case 'Fail': atom(c.scrutinee, scope, 'failing value'); return;
        default: return assertNever(c, stage);
      }
    };
    expr(d.body, new Scope());
  }
  return out;
}
