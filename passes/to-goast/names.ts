// passes/to-goast/names.ts: what the Go emitter decides before writing any code: which declarations are
// functions (and their arity), the Go identifier of every Lune name, and which locals are ever read.
import { match } from 'ts-pattern';
import type * as Anf from '../../ir/anf/anf';
import { GoNames } from '../../ir/goast/ident';

/** A top-level declaration as Go sees it. */
export type Global =
  | { readonly kind: 'func'; readonly lune: string; readonly arity: number; readonly goFunc: string; readonly goValue: string }
  | { readonly kind: 'value'; readonly lune: string; readonly accessor: string; readonly cache: string };

/** Synthetic identifiers the generated code uses; no Lune name may take them. */
export const synthetic = { con: 'con', args: 'args' } as const;

/** Everything the code generator looks up. */
export interface Plan {
  readonly names: GoNames;
  readonly globals: ReadonlyMap<string, Global>;
  /** Lune local → Go identifier. */
  readonly locals: ReadonlyMap<string, string>;
  /** Locals read somewhere (names are unique in the module, so one set serves every scope). */
  readonly used: ReadonlySet<string>;
}

/** A Decl whose body is `Ret (Lam …)` is a function of the lambda's arity. */
export const declLam = (d: Anf.Decl): Anf.Lam | null =>
  (d.body.tag === 'Ret' && d.body.value.tag === 'Lam' ? d.body.value : null);

/** Names every global first (so they read like the Lune names), then every local in declaration order. */
export function plan(m: Anf.Module): Plan {
  const names = new GoNames(['rt', 'math', 'main', 'init', synthetic.con, synthetic.args]);
  const globals = new Map<string, Global>();
  for (const d of m.decls) {
    const lam = declLam(d);
    if (lam !== null) {
      const goFunc = names.fresh(d.name, { debug: true });
      globals.set(d.name, { kind: 'func', lune: d.name, arity: lam.params.length, goFunc, goValue: names.fresh(d.name, { prefix: 'fn_' }) });
    } else {
      const accessor = names.fresh(d.name, { debug: true });
      globals.set(d.name, { kind: 'value', lune: d.name, accessor, cache: names.fresh(d.name, { prefix: 'v_' }) });
    }
  }
  const locals = new Map<string, string>();
  const used = new Set<string>();
  const bind = (x: string | null) => {
    if (x !== null && !locals.has(x)) locals.set(x, names.fresh(x));
  };
  const atom = (a: Anf.Atom) => {
    if (a.tag === 'Var' && a.scope === 'local') used.add(a.name);
  };
  const expr = (e: Anf.Expr): void => {
    if (e.tag === 'Let') {
      bind(e.name);
      comp(e.rhs);
      expr(e.body);
    } else comp(e.value);
  };
  const comp = (c: Anf.Comp): void =>
    match(c)
      .with({ tag: 'Var' }, { tag: 'Lit' }, (a) => atom(a))
      .with({ tag: 'App' }, (a) => [a.fn, ...a.args].forEach(atom))
      .with({ tag: 'Lam' }, (l) => {
        l.params.forEach(bind);
        expr(l.body);
      })
      .with({ tag: 'Record' }, (r) => r.fields.forEach((f) => atom(f.value)))
      .with({ tag: 'Select' }, (s) => atom(s.record))
      .with({ tag: 'Template' }, (t) => t.parts.forEach((p) => (p.tag === 'Hole' ? expr(p.body) : undefined)))
      .with({ tag: 'Switch' }, (s) => {
        atom(s.scrutinee);
        for (const arm of s.arms) {
          if (arm.tag === 'ConArm') arm.binders.forEach(bind);
          expr(arm.body);
        }
        if (s.default !== null) expr(s.default);
      })
      .with({ tag: 'Fail' }, (f) => atom(f.scrutinee))
      .exhaustive();
  for (const d of m.decls) expr(d.body);
  return { names, globals, locals, used };
}
