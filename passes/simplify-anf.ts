// passes/simplify-anf.ts: Anf → Anf optimizations, each a general rewrite that keeps evaluation order, crashes
// and results exactly (so the optimized program is observably the same; properties/optimize.prop.ts checks it):
//   - copy propagation: `let x = a` with a a local, literal, primitive, constructor or top-level function;
//   - known records: `d.#l` where d is a top-level record of such atoms (a type-class dictionary) is that atom;
//   - case of known constructor: a Switch on a value built by `K a…` (or inside an arm that matched it) takes
//     the arm that matches, binding its variables to a…;
//   - call merging: `let f = g a…` with g a primitive or top-level function of more parameters (a partial
//     application: builds a closure, evaluates nothing) followed by `f b…` is `g a… b…`, a direct call;
//   - repeated selects: `let b = r.#l` where an enclosing `let a = r.#l` is in scope is `a` (records are immutable
//     and the first select, which ran before, would have failed first); likewise a repeated saturated primitive
//     application `let b = p x…` (a primitive is pure and deterministic when applied: an effect is an IO action,
//     a value; the same arguments give the same result, or the first application crashed already);
//   - dead lets: an unused `let` whose right side cannot crash, loop or have effects (atom other than a
//     top-level value, lambda, constructor application, record, template) is dropped.
// Names are unique in an Anf module, so one substitution map and one use count serve the whole module.
import * as A from '../ir/anf/anf';
import { lookupPrim } from '../ir/shared/prims';

type Known = { readonly con: string; readonly args: readonly A.Atom[] };

/** The simplified module. */
export function simplifyAnf(m: A.Module): A.Module {
  const arities = funcArities(m.decls);
  const s = new Simplifier(knownRecords(m), arities);
  const decls = m.decls.map((d) => A.mk.decl(d.name, s.expr(d.body), d.span));
  return A.mk.module(m.name, dropDeadLets(decls), m.main, m.span);
}

// Top-level functions (a Decl whose body is `Ret (Lam …)`) and their arities.
function funcArities(decls: readonly A.Decl[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of decls) if (d.body.tag === 'Ret' && d.body.value.tag === 'Lam') out.set(d.name, d.body.value.params.length);
  return out;
}

/** The number of parameters of a primitive or top-level function named by `a`, else undefined. */
function arityOf(a: A.Atom, arities: ReadonlyMap<string, number>): number | undefined {
  if (a.tag !== 'Var') return undefined;
  if (a.scope === 'global') return arities.get(a.name);
  if (a.scope === 'prim') {
    const p = lookupPrim(a.name);
    return p !== undefined && p.arity >= 1 ? p.arity : undefined;
  }
  return undefined;
}

// Top-level declarations that are a record of total atoms: selecting from them needs no evaluation.
function knownRecords(m: A.Module): Map<string, Map<string, A.Atom>> {
  const funcs = new Set(m.decls.filter((d) => d.body.tag === 'Ret' && d.body.value.tag === 'Lam').map((d) => d.name));
  const out = new Map<string, Map<string, A.Atom>>();
  for (const d of m.decls) {
    if (d.body.tag !== 'Ret' || d.body.value.tag !== 'Record') continue;
    const fields = new Map<string, A.Atom>();
    let total = true;
    for (const f of d.body.value.fields) {
      const v = f.value;
      // A top-level value would be forced by evaluating the record: keep such selects.
      if (v.tag === 'Var' && (v.scope === 'local' || (v.scope === 'global' && !funcs.has(v.name)))) total = false;
      fields.set(f.label, v); // a repeated label: the last wins
    }
    if (total) out.set(d.name, fields);
  }
  return out;
}

// The key under which a computation can be reused by a later identical one in scope: a select of a variable, or a
// saturated application of a known primitive to atoms; null for anything else.
function reuseKey(c: A.Comp): string | null {
  if (c.tag === 'Select') return c.record.tag === 'Var' ? `${c.record.scope}:${c.record.name}|${c.label}` : null;
  if (c.tag !== 'App' || c.fn.tag !== 'Var' || c.fn.scope !== 'prim') return null;
  const p = lookupPrim(c.fn.name);
  if (p === undefined || p.arity === 0 || p.arity !== c.args.length) return null;
  return `${c.fn.name}(${c.args.map(atomKey).join(', ')})`;
}

// An atom as text that tells atoms apart exactly (-0.0 is not 0.0; strings are quoted).
function atomKey(a: A.Atom): string {
  if (a.tag === 'Var') return `${a.scope}:${a.name}`;
  const v = a.value;
  switch (v.kind) {
    case 'float': return `float:${Object.is(v.value, -0) ? '-0' : String(v.value)}`;
    case 'string': return `string:${JSON.stringify(v.value)}`;
    default: return `${v.kind}:${String(v.value)}`;
  }
}

class Simplifier {
  private readonly sub = new Map<string, A.Atom>();
  private readonly known = new Map<string, Known>();

  private readonly partial = new Map<string, A.App>();
  /**
   * Computations a later identical one may reuse (reuseKey: `record|label` for a select, `prim(args)` for a
   * saturated primitive application) → the local bound to it, for the lets in scope (scopes: availableKeys).
   */
  private readonly available = new Map<string, string>();
  private readonly availableKeys: string[] = [];

  constructor(private readonly records: ReadonlyMap<string, ReadonlyMap<string, A.Atom>>, private readonly arities: ReadonlyMap<string, number>) {}

  private atom(a: A.Atom): A.Atom {
    return a.tag === 'Var' && a.scope === 'local' ? this.sub.get(a.name) ?? a : a;
  }

  // An atom that may replace a variable everywhere: evaluating it is free and cannot fail.
  private copyable(a: A.Atom): boolean {
    return a.tag === 'Lit' || a.scope !== 'global' || this.arities.has(a.name);
  }

  /** A simplified expression; a let spine is walked in a loop (spines can be 100k lets long). */
  expr(e: A.Expr): A.Expr {
    const scope = this.availableKeys.length;
    const lets: { name: string; rhs: A.Comp; span: A.Let['span'] }[] = [];
    let cur: A.Expr = e;
    let tail: A.Comp | null = null;
    let tailSpan = e.span;
    for (;;) {
      if (cur.tag === 'Let') {
        const r = this.comp(cur.rhs);
        const name = cur.name, span = cur.span;
        cur = cur.body;
        if ('inline' in r) {
          // A resolved Switch in let position: its arm's lets come first, then `let name = <its result>`.
          this.splice(r.inline, lets, (c) => this.bind(name, c, span, lets));
          continue;
        }
        this.bind(name, r.comp, span, lets);
        continue;
      }
      const r = this.comp(cur.value);
      tailSpan = cur.span;
      if ('inline' in r) {
        // A resolved Switch in tail position: the arm's body is the tail.
        let inner: A.Expr = r.inline;
        while (inner.tag === 'Let') {
          lets.push({ name: inner.name, rhs: inner.rhs, span: inner.span });
          inner = inner.body;
        }
        tail = inner.value;
        tailSpan = inner.span;
      } else tail = r.comp;
      break;
    }
    let out: A.Expr = A.mk.ret(tail, tailSpan);
    for (let i = lets.length - 1; i >= 0; i--) out = A.mk.let(lets[i]!.name, lets[i]!.rhs, out, lets[i]!.span);
    // This spine's computations go out of scope.
    while (this.availableKeys.length > scope) this.available.delete(this.availableKeys.pop()!);
    return out;
  }

  // Appends an already simplified expression's lets, then hands its result to `last`.
  private splice(e: A.Expr, lets: { name: string; rhs: A.Comp; span: A.Let['span'] }[], last: (c: A.Comp) => void): void {
    let cur = e;
    while (cur.tag === 'Let') {
      lets.push({ name: cur.name, rhs: cur.rhs, span: cur.span });
      cur = cur.body;
    }
    last(cur.value);
  }

  private bind(name: string, rhs: A.Comp, span: A.Let['span'], lets: { name: string; rhs: A.Comp; span: A.Let['span'] }[]): void {
    if ((rhs.tag === 'Var' || rhs.tag === 'Lit') && this.copyable(rhs)) {
      this.sub.set(name, rhs);
      if (rhs.tag === 'Var' && rhs.scope === 'local') {
        const k = this.known.get(rhs.name);
        if (k !== undefined) this.known.set(name, k);
      }
      return;
    }
    const key = reuseKey(rhs);
    if (key !== null) {
      const earlier = this.available.get(key);
      if (earlier !== undefined) {
        this.sub.set(name, A.mk.var(earlier, 'local', rhs.span));
        return;
      }
      this.available.set(key, name);
      this.availableKeys.push(key);
    }
    if (rhs.tag === 'App' && rhs.fn.tag === 'Var' && rhs.fn.scope === 'con') this.known.set(name, { con: rhs.fn.name, args: rhs.args });
    if (rhs.tag === 'App' && (arityOf(rhs.fn, this.arities) ?? 0) > rhs.args.length) this.partial.set(name, rhs);
    if (rhs.tag === 'Var' && rhs.scope === 'con') this.known.set(name, { con: rhs.name, args: [] });
    lets.push({ name, rhs, span });
  }

  private comp(c: A.Comp): { comp: A.Comp } | { inline: A.Expr } {
    switch (c.tag) {
      case 'Var': case 'Lit': return { comp: this.atom(c) };
      case 'App': {
        const fn = this.atom(c.fn);
        const args = c.args.map((a) => this.atom(a));
        const p = fn.tag === 'Var' && fn.scope === 'local' ? this.partial.get(fn.name) : undefined;
        return { comp: p !== undefined ? A.mk.app(p.fn, [...p.args, ...args], c.span) : A.mk.app(fn, args, c.span) };
      }
      case 'Lam': return { comp: A.mk.lam(c.params, this.expr(c.body), c.name, c.span) };
      case 'Record': return { comp: A.mk.record(c.fields.map((f) => ({ label: f.label, value: this.atom(f.value) })), c.span) };
      case 'Select': {
        const r = this.atom(c.record);
        if (r.tag === 'Var' && r.scope === 'global') {
          const v = this.records.get(r.name)?.get(c.label);
          if (v !== undefined) return { comp: v };
        }
        return { comp: A.mk.select(r, c.label, c.span) };
      }
      case 'Template': return {
        comp: A.mk.template(c.block, c.parts.map((p) => (p.tag === 'Text' ? p : { tag: 'Hole' as const, body: this.expr(p.body) })), c.span),
      };
      case 'Switch': return this.switch(c);
      case 'Fail': return { comp: A.mk.fail(c.kind, this.atom(c.scrutinee), c.pattern, c.where, c.span) };
    }
  }

  private switch(s: A.Switch): { comp: A.Comp } | { inline: A.Expr } {
    const scrut = this.atom(s.scrutinee);
    const k = this.knownValue(scrut);
    if (k !== undefined) {
      for (const arm of s.arms) {
        if (arm.tag !== 'ConArm') continue; // a constructor never matches a string arm
        if (arm.con !== k.con || arm.binders.length !== k.args.length) continue;
        arm.binders.forEach((b, i) => { if (b !== null) this.sub.set(b, k.args[i]!); });
        return { inline: this.expr(arm.body) };
      }
      if (s.default !== null) return { inline: this.expr(s.default) };
    }
    const arms = s.arms.map((arm): A.Arm => {
      if (arm.tag === 'StringArm') return A.mk.stringArm(arm.value, this.expr(arm.body));
      // Inside the arm the scrutinee is known to be this constructor with these (bound) arguments.
      const local = scrut.tag === 'Var' && scrut.scope === 'local' && arm.binders.every((b) => b !== null) ? scrut.name : null;
      if (local !== null) this.known.set(local, { con: arm.con, args: arm.binders.map((b) => A.mk.var(b!, 'local')) });
      const body = this.expr(arm.body);
      if (local !== null) this.known.delete(local);
      return A.mk.conArm(arm.con, arm.binders, body);
    });
    return { comp: A.mk.switch(scrut, arms, s.default === null ? null : this.expr(s.default), s.span) };
  }

  private knownValue(a: A.Atom): Known | undefined {
    if (a.tag !== 'Var') return undefined;
    if (a.scope === 'con') return { con: a.name, args: [] };
    return a.scope === 'local' ? this.known.get(a.name) : undefined;
  }
}

// ---- Dead lets ---------------------------------------------------------------------------------------------

// Right sides whose evaluation cannot crash, loop or act (so an unused one can go). An atom naming a top-level
// value is not: evaluating it computes that value, which may crash.
function pure(c: A.Comp, arities: ReadonlyMap<string, number>): boolean {
  const total = (a: A.Atom): boolean => a.tag === 'Lit' || a.scope !== 'global' || arities.has(a.name);
  switch (c.tag) {
    case 'Lam': case 'Template': return true;
    case 'Var': case 'Lit': return total(c);
    case 'Record': return c.fields.every((f) => total(f.value));
    case 'App': return c.args.every(total) && ((c.fn.tag === 'Var' && c.fn.scope === 'con') || (arityOf(c.fn, arities) ?? 0) > c.args.length);
    default: return false;
  }
}

// Drops unused pure lets, repeating while a removal leaves another let unused (bounded: each round removes some).
function dropDeadLets(decls: readonly A.Decl[]): A.Decl[] {
  const funcs = funcArities(decls);
  let cur = [...decls];
  for (let round = 0; round < 8; round++) {
    const uses = new Set<string>();
    for (const d of cur) countExpr(d.body, uses);
    let removed = false;
    // A subtree where nothing is dropped is returned as it is (rebuilding the whole module each round was most
    // of this pass's time and allocation).
    const sweep = (e: A.Expr): A.Expr => {
      const kept: { readonly old: A.Let; readonly rhs: A.Comp }[] = [];
      let changed = false;
      let x: A.Expr = e;
      for (; x.tag === 'Let'; x = x.body) {
        if (!uses.has(x.name) && pure(x.rhs, funcs)) { removed = changed = true; continue; }
        const rhs = sweepComp(x.rhs);
        if (rhs !== x.rhs) changed = true;
        kept.push({ old: x, rhs });
      }
      const value = sweepComp(x.value);
      if (!changed && value === x.value) return e;
      let out: A.Expr = A.mk.ret(value, x.span);
      for (let i = kept.length - 1; i >= 0; i--) out = A.mk.let(kept[i]!.old.name, kept[i]!.rhs, out, kept[i]!.old.span);
      return out;
    };
    const sweepComp = (c: A.Comp): A.Comp => {
      switch (c.tag) {
        case 'Lam': {
          const body = sweep(c.body);
          return body === c.body ? c : A.mk.lam(c.params, body, c.name, c.span);
        }
        case 'Template': {
          let changed = false;
          const parts = c.parts.map((p) => {
            if (p.tag === 'Text') return p;
            const body = sweep(p.body);
            if (body === p.body) return p;
            changed = true;
            return { tag: 'Hole' as const, body };
          });
          return changed ? A.mk.template(c.block, parts, c.span) : c;
        }
        case 'Switch': {
          let changed = false;
          const arms = c.arms.map((a) => {
            const body = sweep(a.body);
            if (body === a.body) return a;
            changed = true;
            return a.tag === 'ConArm' ? A.mk.conArm(a.con, a.binders, body) : A.mk.stringArm(a.value, body);
          });
          const dflt = c.default === null ? null : sweep(c.default);
          return changed || dflt !== c.default ? A.mk.switch(c.scrutinee, arms, dflt, c.span) : c;
        }
        default: return c;
      }
    };
    cur = cur.map((d) => {
      const body = sweep(d.body);
      return body === d.body ? d : A.mk.decl(d.name, body, d.span);
    });
    if (!removed) break;
  }
  return cur;
}

// The locals read anywhere (only whether a name is used matters, not how often).
function countExpr(e: A.Expr, uses: Set<string>): void {
  let x = e;
  for (; x.tag === 'Let'; x = x.body) countComp(x.rhs, uses);
  countComp(x.value, uses);
}

function countAtom(a: A.Atom, uses: Set<string>): void {
  if (a.tag === 'Var' && a.scope === 'local') uses.add(a.name);
}

function countComp(c: A.Comp, uses: Set<string>): void {
  switch (c.tag) {
    case 'Var': case 'Lit': return countAtom(c, uses);
    case 'App':
      countAtom(c.fn, uses);
      for (const a of c.args) countAtom(a, uses);
      return;
    case 'Lam': return countExpr(c.body, uses);
    case 'Record': for (const f of c.fields) countAtom(f.value, uses); return;
    case 'Select': return countAtom(c.record, uses);
    case 'Template': for (const p of c.parts) if (p.tag === 'Hole') countExpr(p.body, uses); return;
    case 'Switch':
      countAtom(c.scrutinee, uses);
      for (const a of c.arms) countExpr(a.body, uses);
      if (c.default !== null) countExpr(c.default, uses);
      return;
    case 'Fail': return countAtom(c.scrutinee, uses);
  }
}
