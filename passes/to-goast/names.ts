// passes/to-goast/names.ts: what the Go emitter decides before writing any code: which declarations are
// functions (and their arity), the Go identifier of every Lune name, and which locals are ever read.
import type * as Anf from '../../ir/anf/anf';
import { GoNames } from '../../ir/goast/ident';
import { assertNever } from '../../ir/shared/diagnostic';

/** A top-level declaration as Go sees it. */
export type Global =
  | { readonly kind: 'func'; readonly lune: string; readonly arity: number; readonly goFunc: string; readonly goValue: string }
  | { readonly kind: 'value'; readonly lune: string; readonly accessor: string; readonly cache: string };

/** Synthetic identifiers the generated code uses; no Lune name may take them. */
export const synthetic = {
  con: 'con', cell: 'cell', args: 'args', cached: 'cached', result: 'result', debugNames: 'debugNames', ok: 'ok', elem: 'elem', isCons: 'isCons',
} as const;

/** Everything the code generator looks up. */
export interface Plan {
  readonly names: GoNames;
  readonly globals: ReadonlyMap<string, Global>;
  /** Lune local → Go identifier. */
  readonly locals: ReadonlyMap<string, string>;
  /** Locals read somewhere (names are unique in the module, so one set serves every scope). */
  readonly used: ReadonlySet<string>;
  /** How many times each local is read. */
  readonly uses: ReadonlyMap<string, number>;
  /**
   * Let-bound lambdas only ever called with exactly their arity (join points, local helpers) or given as an IO
   * bind's continuation (one parameter): they become Go func literals, called directly (Go keeps them on the
   * stack) or applied by rt.RunIO, instead of *rt.Func values applied with ApplyN.
   */
  readonly direct: ReadonlySet<string>;
}

/** `$primIOBind m k` (or `prim_ioBind`), both arguments given. */
const isIOBind = (c: Anf.App): boolean =>
  c.fn.tag === 'Var' && c.fn.scope === 'prim' && (c.fn.name === '$primIOBind' || c.fn.name === 'prim_ioBind') && c.args.length === 2;

/** A Decl whose body is `Ret (Lam …)` is a function of the lambda's arity. */
export const declLam = (d: Anf.Decl): Anf.Lam | null =>
  (d.body.tag === 'Ret' && d.body.value.tag === 'Lam' ? d.body.value : null);

/** Names every global first (so they read like the Lune names), then every local in declaration order. */
export function plan(m: Anf.Module): Plan {
  const names = new GoNames(['rt', 'math', 'atomic', 'main', 'init', ...Object.values(synthetic)]);
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
  const lamArity = new Map<string, number>();
  const escapes = new Set<string>();
  const bind = (x: string | null) => {
    if (x !== null && !locals.has(x)) locals.set(x, names.fresh(x));
  };
  const uses = new Map<string, number>();
  const read = (x: string) => {
    used.add(x);
    uses.set(x, (uses.get(x) ?? 0) + 1);
  };
  const atom = (a: Anf.Atom) => {
    if (a.tag === 'Var' && a.scope === 'local') {
      read(a.name);
      escapes.add(a.name);
    }
  };
  const continuation = (a: Anf.Atom) => {
    if (a.tag !== 'Var' || a.scope !== 'local' || lamArity.get(a.name) !== 1) return atom(a);
    read(a.name); // read, not escaping
  };
  // A loop along the let spine: programs have spines thousands of lets long.
  const expr = (e: Anf.Expr): void => {
    let cur = e;
    for (; cur.tag === 'Let'; cur = cur.body) {
      bind(cur.name);
      if (cur.rhs.tag === 'Lam') lamArity.set(cur.name, cur.rhs.params.length);
      comp(cur.rhs);
    }
    comp(cur.value);
  };
  const comp = (c: Anf.Comp): void => {
    switch (c.tag) {
      case 'Var': case 'Lit': return atom(c);
      case 'App':
        if (c.fn.tag === 'Var' && c.fn.scope === 'local' && lamArity.get(c.fn.name) === c.args.length) used.add(c.fn.name);
        else atom(c.fn);
        if (!isIOBind(c)) return c.args.forEach(atom);
        // A bind's continuation: the runtime applies a Go func(rt.Value) rt.Value itself (rt.RunIO), so a
        // let-bound lambda of one parameter there needs no *rt.Func.
        atom(c.args[0]!);
        return continuation(c.args[1]!);
      case 'Lam':
        c.params.forEach(bind);
        return expr(c.body);
      case 'Record': return c.fields.forEach((f) => atom(f.value));
      case 'Select': return atom(c.record);
      case 'Template': return c.parts.forEach((p) => (p.tag === 'Hole' ? expr(p.body) : undefined));
      case 'Switch':
        atom(c.scrutinee);
        for (const arm of c.arms) {
          if (arm.tag === 'ConArm') arm.binders.forEach(bind);
          expr(arm.body);
        }
        if (c.default !== null) expr(c.default);
        return;
      case 'Fail': return atom(c.scrutinee);
      default: return assertNever(c, 'goast');
    }
  };
  for (const d of m.decls) expr(d.body);
  const direct = new Set([...lamArity.keys()].filter((x) => !escapes.has(x)));
  return { names, globals, locals, used, uses, direct };
}
