// passes/resolve-dicts.ts: Anf → Anf. Delta: none (same IR); resolves type-class dictionaries at compile time:
//   - aliases: a top-level value that is one total atom (`Lune.IO.println = prim_putStrLn`) is that atom;
//   - dictionary methods: the lambdas of a constant dictionary (a top-level record of lambdas, primitives,
//     functions and other constant dictionaries: `$dictFunctor_IO = let m = \f ma -> … in { map = m }`) become
//     top-level functions (`$dictFunctor_IO.map`);
//   - selects: `D.#l` on a constant dictionary is its field (a function, primitive, literal or dictionary);
//   - specialization: a call `f D x` of a top-level function that passes that parameter unchanged to itself
//     calls `f$D x`, a copy of f with D in place of the parameter, whose selects on D then resolve too;
//   - closed lambdas (`let g = \x -> …` whose body names no local from outside it) become top-level functions,
//     and a call passing a known function (top-level, or a primitive) for such a parameter is specialized the
//     same way, if the callee is small: `map Main.step xs` calls `map$Main.step xs`, whose `f x` is then a
//     direct call (and can have an unboxed worker).
// Every rewrite keeps evaluation order, crashes and results: evaluating a constant dictionary or a closed
// lambda is total and pure (it builds closures and a record), so where, or whether, it happens cannot be
// observed. simplify-anf then propagates the resolved atoms and merges partial applications into direct calls.
import * as A from '../ir/anf/anf';
import { forEachAtom, forEachBinder, forEachComp } from '../ir/anf/walk';
import { bug } from '../ir/shared/diagnostic';
import { Fresh } from '../ir/shared/fresh';
import { lookupPrim } from '../ir/shared/prims';

/**
 * Bounds on specialization, so a module cannot grow without limit: copies in all, and the size (ANF nodes) of a
 * function worth copying.
 */
const maxCopies = 400;
const maxCopySize = 4000;
/**
 * Copies for known functions alone (no dictionary among the arguments): fewer, of small functions only (the
 * list combinators a copy helps; a copy per function argument of anything bigger would grow modules quickly).
 */
const maxFuncCopies = 200;
const maxFuncCopySize = 300;

/** The module with its dictionaries resolved (declarations main no longer reaches are dropped). */
export function resolveDicts(m: A.Module): A.Module {
  const r = new Resolver(m);
  // Lift every dictionary first, so uses before a dictionary's declaration resolve too.
  const lifted = m.decls.flatMap((d) => r.lift(d));
  const decls: A.Decl[] = [];
  for (const d of lifted) {
    decls.push(r.rewriteDecl(d));
    decls.push(...r.drainCopies());
  }
  return A.mk.module(m.name, reachable(decls, m.main), m.main, m.span);
}

type Field = ReadonlyMap<string, A.Atom>;

class Resolver {
  /** Declarations by name (a value lifted to lambdas then one of them is replaced by its new declaration). */
  private readonly byName: Map<string, A.Decl>;
  private readonly funcs = new Map<string, A.Lam>();
  private readonly totalMemo = new Map<string, boolean>();
  /** Constant dictionaries: label → field atom (lambdas already lifted to top-level functions). */
  private readonly dicts = new Map<string, Field>();
  private readonly globals: Fresh;
  private readonly locals: Fresh;
  /** Parameters each function passes unchanged to itself (indices). */
  private readonly staticParams = new Map<string, ReadonlySet<number>>();
  private readonly called = new Map<string, ReadonlySet<number>>();
  /** Specializations made: key → name; copies waiting to be placed after the declaration being rewritten. */
  private readonly copies = new Map<string, string>();
  private readonly pending: A.Decl[] = [];
  /** Closed lambdas lifted while rewriting the current declaration, already rewritten. */
  private readonly lifted: A.Decl[] = [];
  /** The declaration being rewritten (lifted lambdas are named after it). */
  private current = '';
  /** Copies made (refusals, remembered in `copies` too, do not count), and those for functions alone. */
  private made = 0;
  private madeForFuncs = 0;
  /** Locals bound to a constant dictionary (names are unique in the module, so one map serves it all). */
  private readonly localConstants = new Map<string, A.Var>();

  constructor(m: A.Module) {
    this.byName = new Map(m.decls.map((d) => [d.name, d]));
    for (const d of m.decls) if (d.body.tag === 'Ret' && d.body.value.tag === 'Lam') this.funcs.set(d.name, d.body.value);
    this.globals = new Fresh(m.decls.map((d) => d.name));
    this.locals = new Fresh(binders(m));
    for (const [name, lam] of this.funcs) this.staticParams.set(name, staticParams(name, lam));
  }

  // ---- which top-level values are total (evaluating them cannot crash, loop or act)

  /** A top-level value whose evaluation is total: one total atom, or lambdas then a record of total atoms. */
  private total(name: string, visiting: Set<string> = new Set()): boolean {
    if (this.funcs.has(name)) return true;
    const known = this.totalMemo.get(name);
    if (known !== undefined) return known;
    const d = this.byName.get(name);
    if (d === undefined || visiting.has(name)) return false; // a cycle of values never finishes evaluating
    visiting.add(name);
    const lambdas = new Set<string>();
    let cur = d.body;
    for (; cur.tag === 'Let'; cur = cur.body) {
      if (cur.rhs.tag !== 'Lam') break;
      lambdas.add(cur.name);
    }
    const ok = cur.tag === 'Ret' && (A.isAtom(cur.value)
      ? this.totalAtom(cur.value, lambdas, visiting)
      : cur.value.tag === 'Record' && cur.value.fields.every((f) => this.totalAtom(f.value, lambdas, visiting)));
    visiting.delete(name);
    this.totalMemo.set(name, ok);
    return ok;
  }

  private totalAtom(a: A.Atom, lambdas: ReadonlySet<string>, visiting: Set<string>): boolean {
    if (a.tag === 'Lit') return true;
    switch (a.scope) {
      case 'local': return lambdas.has(a.name);
      case 'global': return this.total(a.name, visiting);
      case 'prim': case 'con': return true;
    }
  }

  // ---- lifting dictionary methods

  /**
   * `d` itself, or, for a constant dictionary, its lambdas as top-level functions followed by `d` as a record of
   * atoms (recorded in `dicts`). A top-level value that is one total atom is left as it is (its uses resolve).
   */
  lift(d: A.Decl): A.Decl[] {
    if (this.funcs.has(d.name) || !this.total(d.name)) return [d];
    const lifted: A.Decl[] = [];
    const sub = new Map<string, A.Atom>();
    let cur = d.body;
    const labelOf = new Map<string, string>();
    const record = spineEnd(cur);
    if (record.tag === 'Record') {
      for (const f of record.fields) if (f.value.tag === 'Var' && f.value.scope === 'local' && !labelOf.has(f.value.name)) labelOf.set(f.value.name, f.label);
    }
    for (; cur.tag === 'Let'; cur = cur.body) {
      const name = this.globals.fresh(`${d.name}.${labelOf.get(cur.name) ?? cur.name}`);
      // Earlier methods are top-level functions now; the lambda's own locals are unique already.
      const lam = substLam(cur.rhs as A.Lam, sub);
      lifted.push(A.mk.decl(name, A.mk.ret(lam), cur.span));
      this.funcs.set(name, lam);
      sub.set(cur.name, A.mk.var(name, 'global', cur.span));
    }
    const value = (cur as A.Ret).value;
    if (value.tag === 'Record') {
      const fields = value.fields.map((f) => ({ label: f.label, value: substAtom(f.value, sub) }));
      const byLabel = new Map<string, A.Atom>();
      for (const f of fields) byLabel.set(f.label, f.value); // a repeated label: the last wins
      this.dicts.set(d.name, byLabel);
      lifted.push(A.mk.decl(d.name, A.mk.ret(A.mk.record(fields, value.span), cur.span), d.span));
    } else if (lifted.length > 0) {
      // Lambdas then one of them: the value is that (now top-level) function, and its uses name it.
      const alias = A.mk.decl(d.name, A.mk.ret(substAtom(value as A.Atom, sub), cur.span), d.span);
      this.byName.set(d.name, alias);
      lifted.push(alias);
    } else lifted.push(d);
    for (const f of lifted) if (f.body.tag === 'Ret' && f.body.value.tag === 'Lam') this.staticParams.set(f.name, staticParams(f.name, f.body.value));
    return lifted;
  }

  // ---- rewriting uses

  rewriteDecl(d: A.Decl): A.Decl {
    this.current = d.name;
    return A.mk.decl(d.name, this.expr(d.body), d.span);
  }

  /** Lambdas lifted and specializations made while rewriting the last declaration (placed after it). */
  drainCopies(): A.Decl[] {
    const out: A.Decl[] = [...this.lifted.splice(0)];
    while (this.pending.length > 0) {
      out.push(this.rewriteDecl(this.pending.shift()!));
      out.push(...this.lifted.splice(0));
    }
    return out;
  }

  // A let spine in a loop (spines can be 100k lets long), front to back: a let bound to a constant dictionary
  // is dropped and its uses name the dictionary (evaluating it is total), so selects on it resolve.
  private expr(e: A.Expr): A.Expr {
    const lets: { name: string; rhs: A.Comp; span: A.Let['span'] }[] = [];
    let cur = e;
    for (; cur.tag === 'Let'; cur = cur.body) {
      const rhs = this.comp(cur.rhs);
      if (rhs.tag === 'Var' && rhs.scope === 'global' && this.dicts.has(rhs.name)) this.localConstants.set(cur.name, rhs);
      else if (rhs.tag === 'Lam' && isClosed(rhs)) this.localConstants.set(cur.name, this.liftLambda(cur.name, rhs, cur.span));
      else lets.push({ name: cur.name, rhs, span: cur.span });
    }
    let out: A.Expr = A.mk.ret(this.comp(cur.value), cur.span);
    for (let i = lets.length - 1; i >= 0; i--) out = A.mk.let(lets[i]!.name, lets[i]!.rhs, out, lets[i]!.span);
    return out;
  }

  // A closed lambda as a top-level function (placed after the declaration being rewritten), named after the
  // declaration and the local it was bound to.
  private liftLambda(local: string, lam: A.Lam, span: A.Let['span']): A.Var {
    const name = this.globals.fresh(`${this.current}.${local}`);
    this.funcs.set(name, lam);
    this.staticParams.set(name, staticParams(name, lam));
    this.lifted.push(A.mk.decl(name, A.mk.ret(lam), span));
    return A.mk.var(name, 'global', span);
  }

  private atom(a: A.Atom): A.Atom {
    if (a.tag === 'Var' && a.scope === 'local') return this.localConstants.get(a.name) ?? a;
    if (a.tag !== 'Var' || a.scope !== 'global' || this.funcs.has(a.name) || this.dicts.has(a.name)) return a;
    const d = this.byName.get(a.name);
    // A total top-level value that is one atom: that atom (itself resolved: aliases chain).
    if (d !== undefined && d.body.tag === 'Ret' && A.isAtom(d.body.value) && this.total(a.name)) return this.atom(d.body.value);
    return a;
  }

  private comp(c: A.Comp): A.Comp {
    switch (c.tag) {
      case 'Var': case 'Lit': return this.atom(c);
      case 'Select': {
        const r = this.atom(c.record);
        const field = r.tag === 'Var' && r.scope === 'global' ? this.dicts.get(r.name)?.get(c.label) : undefined;
        return field !== undefined ? this.atom({ ...field, span: c.span }) : A.mk.select(r, c.label, c.span);
      }
      case 'App': return this.app(c);
      case 'Lam': return A.mk.lam(c.params, this.expr(c.body), c.name, c.span);
      case 'Record': return A.mk.record(c.fields.map((f) => ({ label: f.label, value: this.atom(f.value) })), c.span);
      case 'Template': return A.mk.template(c.block, c.parts.map((p) => (p.tag === 'Hole' ? { tag: 'Hole', body: this.expr(p.body) } : p)), c.span);
      case 'Switch': return A.mk.switch(this.atom(c.scrutinee),
        c.arms.map((a) => (a.tag === 'ConArm' ? A.mk.conArm(a.con, a.binders, this.expr(a.body)) : A.mk.stringArm(a.value, this.expr(a.body)))),
        c.default === null ? null : this.expr(c.default), c.span);
      case 'Fail': return A.mk.fail(c.kind, this.atom(c.scrutinee), c.pattern, c.where, c.span);
    }
  }

  // `f D x` with f passing that parameter to itself unchanged: `f$D x`.
  private app(c: A.App): A.App {
    const fn = this.atom(c.fn);
    const args = c.args.map((a) => this.atom(a));
    if (fn.tag !== 'Var' || fn.scope !== 'global') return A.mk.app(fn, args, c.span);
    const lam = this.funcs.get(fn.name);
    const statics = this.staticParams.get(fn.name);
    if (lam === undefined || statics === undefined || args.length < lam.params.length) return A.mk.app(fn, args, c.span);
    const fixed = new Map<number, A.Var>();
    for (const i of statics) {
      const a = args[i]!;
      if (a.tag !== 'Var') continue;
      // A dictionary always (its selects resolve); a function only where the callee calls it (a direct call
      // then), not where it merely passes it on.
      if (a.scope === 'global' && this.isDictionary(a.name)) fixed.set(i, a);
      else if (this.isFunction(a) && this.calledParams(fn.name, lam).has(i)) fixed.set(i, a);
    }
    if (fixed.size === 0) return A.mk.app(fn, args, c.span);
    const spec = this.specialize(fn.name, lam, fixed);
    if (spec === null) return A.mk.app(fn, args, c.span);
    return A.mk.app(A.mk.var(spec, 'global', fn.span), args.filter((_, i) => !fixed.has(i)), c.span);
  }

  /**
   * A constant record with a function among its fields (a type-class dictionary): worth a copy of a function
   * taking it, since its selects then become known calls. Plain data records are not copied for.
   */
  private isDictionary(name: string): boolean {
    const fields = this.dicts.get(name);
    if (fields === undefined) return false;
    for (const a of fields.values()) {
      if (a.tag !== 'Var') continue;
      if (a.scope === 'prim' || (a.scope === 'global' && (this.funcs.has(a.name) || this.dicts.has(a.name)))) return true;
    }
    return false;
  }

  /** A top-level function or a primitive function. */
  private isFunction(a: A.Var): boolean {
    if (a.scope === 'global') return this.funcs.has(a.name);
    return a.scope === 'prim' && (lookupPrim(a.name)?.arity ?? 0) >= 1;
  }

  /** The parameters of f its body calls (`p x`), memoised per function. */
  private calledParams(f: string, lam: A.Lam): ReadonlySet<number> {
    let out = this.called.get(f);
    if (out === undefined) {
      const called = new Set<string>();
      forEachComp(lam.body, (c) => { if (c.tag === 'App' && c.fn.tag === 'Var' && c.fn.scope === 'local') called.add(c.fn.name); });
      out = new Set(lam.params.flatMap((p, i) => (called.has(p) ? [i] : [])));
      this.called.set(f, out);
    }
    return out;
  }

  /** The name of f's copy with the parameters `fixed` (index → constant argument) replaced, made on first use. */
  private specialize(f: string, lam: A.Lam, fixed: ReadonlyMap<number, A.Var>): string | null {
    const key = `${f}|${[...fixed].sort((a, b) => a[0] - b[0]).map(([i, d]) => `${i}=${d.scope}:${d.name}`).join(',')}`;
    const known = this.copies.get(key);
    if (known !== undefined) return known === '' ? null : known;
    const forFuncs = [...fixed.values()].every((a) => a.scope !== 'global' || !this.isDictionary(a.name));
    const bodySize = size(lam.body);
    // Not worth it, or not possible: every parameter fixed (the copy would be a value, not a function).
    if (this.made >= maxCopies || bodySize > maxCopySize || fixed.size === lam.params.length
      || (forFuncs && (this.madeForFuncs >= maxFuncCopies || bodySize > maxFuncCopySize))) {
      this.copies.set(key, '');
      return null;
    }
    const name = this.globals.fresh(`${f}${[...fixed.values()].map((d) => (d.name.startsWith('$') ? d.name : `$${d.name}`)).join('')}`);
    this.copies.set(key, name);
    this.made++;
    if (forFuncs) this.madeForFuncs++;
    const sub = new Map<string, A.Atom>();
    for (const [i, a] of fixed) sub.set(lam.params[i]!, A.mk.var(a.name, a.scope, lam.span));
    const copy = copyLam(lam, sub, this.locals);
    const params = copy.params.filter((_, i) => !fixed.has(i));
    const body = A.mk.lam(params, copy.body, lam.name, lam.span);
    const source = this.byName.get(f)?.span ?? lam.span;
    this.funcs.set(name, body);
    // The copy's self-calls now pass D itself, so they specialize to the copy when it is rewritten; its other
    // parameters stay static where they were.
    const statics = this.staticParams.get(f) ?? new Set<number>();
    const renumber = new Map<number, number>();
    let j = 0;
    lam.params.forEach((_, i) => { if (!fixed.has(i)) renumber.set(i, j++); });
    this.staticParams.set(name, new Set([...statics].filter((i) => renumber.has(i)).map((i) => renumber.get(i)!)));
    this.pending.push(A.mk.decl(name, A.mk.ret(body), source));
    return name;
  }
}

/** The comp a let spine ends in. */
function spineEnd(e: A.Expr): A.Comp {
  let cur = e;
  while (cur.tag === 'Let') cur = cur.body;
  return cur.value;
}

/**
 * The parameters of `f` that every saturated self-call passes unchanged (`f … p …` with p the same parameter
 * in the same place), anywhere in its body.
 */
function staticParams(f: string, lam: A.Lam): Set<number> {
  const out = new Set(lam.params.map((_, i) => i));
  forEachComp(lam.body, (c) => {
    if (c.tag !== 'App' || c.fn.tag !== 'Var' || c.fn.scope !== 'global' || c.fn.name !== f) return;
    lam.params.forEach((p, i) => {
      const a = c.args[i];
      if (a === undefined || a.tag !== 'Var' || a.scope !== 'local' || a.name !== p) out.delete(i);
    });
  });
  return out;
}

/** A lambda whose body names no local bound outside it (names are unique in a module, so one set serves). */
function isClosed(lam: A.Lam): boolean {
  const bound = new Set(lam.params);
  const used: string[] = [];
  const bind = (name: string): void => { bound.add(name); };
  forEachComp(lam.body, (c) => {
    forEachAtom(c, (a) => { if (a.tag === 'Var' && a.scope === 'local') used.push(a.name); });
    forEachBinder(c, bind);
  }, bind);
  return used.every((x) => bound.has(x));
}

/** Every local binder of the module (so copies get names no other binder has). */
function binders(m: A.Module): string[] {
  const out: string[] = [];
  const add = (name: string): void => { out.push(name); };
  for (const d of m.decls) forEachComp(d.body, (c) => forEachBinder(c, add), add);
  return out;
}

/** The number of comps in `e` (how big a copy would be). */
function size(e: A.Expr): number {
  let n = 0;
  forEachComp(e, () => { n++; });
  return n;
}

const substAtom = (a: A.Atom, sub: ReadonlyMap<string, A.Atom>): A.Atom =>
  (a.tag === 'Var' && a.scope === 'local' ? sub.get(a.name) ?? a : a);

/** `lam` with free locals replaced by `sub` (binders unchanged: used once, where they were). */
function substLam(lam: A.Lam, sub: ReadonlyMap<string, A.Atom>): A.Lam {
  return new Copier(new Map(sub), null).lam(lam);
}

/** A copy of `lam` with every binder renamed fresh and `sub` applied (binders must stay unique in a module). */
function copyLam(lam: A.Lam, sub: ReadonlyMap<string, A.Atom>, fresh: Fresh): A.Lam {
  return new Copier(new Map(sub), fresh).lam(lam);
}

// Rebuilds expressions, substituting locals; with `fresh`, also renames every binder.
class Copier {
  constructor(private readonly sub: Map<string, A.Atom>, private readonly fresh: Fresh | null) {}

  private bind(x: string, span: A.Var['span']): string {
    if (this.fresh === null) return x;
    const y = this.fresh.fresh(x);
    this.sub.set(x, A.mk.var(y, 'local', span));
    return y;
  }

  private atom(a: A.Atom): A.Atom {
    return substAtom(a, this.sub);
  }

  lam(l: A.Lam): A.Lam {
    // A parameter replaced by `sub` keeps its name: the caller drops it (specialize).
    const params = l.params.map((p) => (this.sub.has(p) ? p : this.bind(p, l.span)));
    return A.mk.lam(params, this.expr(l.body), l.name, l.span);
  }

  expr(e: A.Expr): A.Expr {
    const lets: { name: string; rhs: A.Comp; span: A.Let['span'] }[] = [];
    let cur = e;
    for (; cur.tag === 'Let'; cur = cur.body) {
      const rhs = this.comp(cur.rhs); // the right side does not see its own binder
      lets.push({ name: this.bind(cur.name, cur.span), rhs, span: cur.span });
    }
    let out: A.Expr = A.mk.ret(this.comp(cur.value), cur.span);
    for (let i = lets.length - 1; i >= 0; i--) out = A.mk.let(lets[i]!.name, lets[i]!.rhs, out, lets[i]!.span);
    return out;
  }

  private comp(c: A.Comp): A.Comp {
    switch (c.tag) {
      case 'Var': case 'Lit': return this.atom(c);
      case 'App': return A.mk.app(this.atom(c.fn), c.args.map((a) => this.atom(a)), c.span);
      case 'Lam': return this.lam(c);
      case 'Record': return A.mk.record(c.fields.map((f) => ({ label: f.label, value: this.atom(f.value) })), c.span);
      case 'Select': return A.mk.select(this.atom(c.record), c.label, c.span);
      case 'Template': return A.mk.template(c.block, c.parts.map((p) => (p.tag === 'Hole' ? { tag: 'Hole', body: this.expr(p.body) } : p)), c.span);
      case 'Switch': {
        const scrutinee = this.atom(c.scrutinee);
        const arms = c.arms.map((a) => {
          if (a.tag === 'StringArm') return A.mk.stringArm(a.value, this.expr(a.body));
          const bs = a.binders.map((b) => (b === null ? null : this.bind(b, c.span)));
          return A.mk.conArm(a.con, bs, this.expr(a.body));
        });
        return A.mk.switch(scrutinee, arms, c.default === null ? null : this.expr(c.default), c.span);
      }
      case 'Fail': return A.mk.fail(c.kind, this.atom(c.scrutinee), c.pattern, c.where, c.span);
    }
  }
}

/** The declarations `main` reaches through global references, in their order. */
function reachable(decls: readonly A.Decl[], main: string): A.Decl[] {
  const byName = new Map(decls.map((d) => [d.name, d]));
  const seen = new Set<string>();
  const todo = [main];
  while (todo.length > 0) {
    const name = todo.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const d = byName.get(name) ?? bug('anf', `declaration ${name} is referenced but missing`);
    forEachComp(d.body, (c) => forEachAtom(c, (a) => { if (a.tag === 'Var' && a.scope === 'global' && !seen.has(a.name)) todo.push(a.name); }));
  }
  return decls.filter((d) => seen.has(d.name));
}
