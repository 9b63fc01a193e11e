// passes/anf.ts: PatternCompiled -> Anf. Delta: removes nested operands (every operand is an Atom) and
// nested applications (`f a b` is one App when that keeps §1.5's order); adds Atom, Comp, Let/Ret.
//
// Evaluation order (PRIMITIVES.md §1.5): `f a b` evaluates f, a, applies, THEN evaluates b. An App of
// several atoms evaluates them all before applying, so b may join `f a`'s App (its evaluation moved
// before the application of f to a) only when that cannot be observed: either evaluating b is "safe"
// (a literal, local, primitive, constructor, lambda, template — holes are deferred —, a record of such,
// or a top-level name whose value is one of those), or applying f to a is total (f is a constructor, a
// primitive or a top-level lambda given fewer arguments than its arity: that only collects arguments).
// Otherwise `f a` is applied first (`let t = f a`) and b is evaluated after it. A top-level name that is
// not safe (a value computed at each reference, which may fail or diverge) is let-bound before it is used
// as an operand, so every evaluation happens at a Let, in source order, and atoms are free to evaluate.
//
// Bindings are collected in an array and wrapped around the result at the end (instead of the usual
// continuation-passing), so long let chains and deep operands cost little JS stack; hence also the plain
// `switch` (fewer frames per node than ts-pattern's `match`).
import * as Anf from '../ir/anf/anf';
import type * as PC from '../ir/pattern-compiled/pattern-compiled';
import { assertNever } from '../ir/shared/diagnostic';
import { Fresh } from '../ir/shared/fresh';
import { lookupPrim } from '../ir/shared/prims';
import type { Span } from '../ir/shared/span';

const stage = 'anf';

/** Names every intermediate value, so each Comp takes only atoms as operands. */
export function toAnf(m: PC.Module): Anf.Module {
  const n = new Normaliser(new Fresh(binders(m)), globalFacts(m));
  return Anf.mk.module(m.name, m.decls.map((d) => Anf.mk.decl(d.name, n.body(d.body), d.span)), m.main, m.span);
}

interface Binding { readonly name: string; readonly rhs: Anf.Comp; readonly span: Span }
interface GlobalFacts {
  /** Top-level names whose evaluation is a safe value. */
  readonly safe: ReadonlySet<string>;
  /** Top-level lambdas: their number of parameters. */
  readonly arity: ReadonlyMap<string, number>;
}

class Normaliser {
  constructor(private readonly fresh: Fresh, private readonly globals: GlobalFacts) {}

  body(e: PC.Expr): Anf.Expr {
    const out: Binding[] = [];
    let r: Anf.Expr = Anf.mk.ret(this.comp(e, out));
    for (let i = out.length - 1; i >= 0; i--) r = Anf.mk.let(out[i]!.name, out[i]!.rhs, r, out[i]!.span);
    return r;
  }

  // Normalises e: the computations it needs first are appended to `out`; returns what remains.
  private comp(e: PC.Expr, out: Binding[]): Anf.Comp {
    for (;;) {
      switch (e.tag) {
        case 'Let':
          out.push({ name: e.name, rhs: this.comp(e.rhs, out), span: e.span });
          e = e.body; // loop rather than recurse: let chains can be thousands long
          continue;
        case 'Var': return Anf.mk.var(e.name, e.scope, e.span);
        case 'Lit': return Anf.mk.lit(e.value, e.span);
        case 'Lam': return Anf.mk.lam(e.params, this.body(e.body), e.name, e.span);
        case 'App': return this.app(e, out);
        case 'Record': return Anf.mk.record(e.fields.map((f) => ({ label: f.label, value: this.atom(f.value, out) })), e.span);
        case 'Select': return Anf.mk.select(this.atom(e.record, out), e.label, e.span);
        case 'Template':
          return Anf.mk.template(e.block, e.parts.map((p) => (p.tag === 'Text' ? p : { tag: 'Hole', body: this.body(p.body) })), e.span);
        case 'Switch': {
          const arms = e.arms.map((a) => (a.tag === 'ConArm' ? Anf.mk.conArm(a.con, a.binders, this.body(a.body)) : Anf.mk.stringArm(a.value, this.body(a.body))));
          return Anf.mk.switch(Anf.mk.var(e.scrutinee, 'local', e.span), arms, e.default === null ? null : this.body(e.default), e.span);
        }
        case 'Fail': return Anf.mk.fail(e.kind, Anf.mk.var(e.scrutinee, 'local', e.span), e.pattern, e.where, e.span);
        default: return assertNever(e, stage);
      }
    }
  }

  // `f a1 … an` as few Apps as the evaluation order allows (see the header).
  private app(e: PC.App, out: Binding[]): Anf.Comp {
    const args: PC.Expr[] = [];
    let head: PC.Expr = e;
    for (; head.tag === 'App'; head = head.fn) args.push(head.arg);
    args.reverse();
    let fn = this.atom(head, out);
    let pending: Anf.Atom[] = [];
    for (const arg of args) {
      if (pending.length > 0 && !this.isSafe(arg) && !this.totalPartial(fn, pending.length)) {
        const t = this.fresh.next();
        out.push({ name: t, rhs: Anf.mk.app(fn, pending, e.span), span: e.span });
        fn = Anf.mk.var(t, 'local', e.span);
        pending = [];
      }
      pending.push(this.atom(arg, out));
    }
    return Anf.mk.app(fn, pending, e.span);
  }

  // Like comp, but binds a non-atomic result (or an unsafe top-level value) to a fresh name first.
  private atom(e: PC.Expr, out: Binding[]): Anf.Atom {
    const c = this.comp(e, out);
    if (Anf.isAtom(c) && !(c.tag === 'Var' && c.scope === 'global' && !this.globals.safe.has(c.name))) return c;
    const t = this.fresh.next();
    out.push({ name: t, rhs: c, span: c.span });
    return Anf.mk.var(t, 'local', c.span);
  }

  // Evaluating e earlier than written cannot be observed (it cannot fail, loop or have effects).
  private isSafe(e: PC.Expr): boolean {
    return isSafeValue(e, (g) => this.globals.safe.has(g));
  }

  // Applying fn to n arguments only collects them (it cannot fail, loop or run anything).
  private totalPartial(fn: Anf.Atom, n: number): boolean {
    if (fn.tag !== 'Var') return false;
    switch (fn.scope) {
      case 'con': return true;
      case 'prim': return (lookupPrim(fn.name)?.arity ?? 0) > n;
      case 'global': return (this.globals.arity.get(fn.name) ?? 0) > n;
      case 'local': return false;
      default: return assertNever(fn.scope, stage);
    }
  }
}

function isSafeValue(e: PC.Expr, safeGlobal: (name: string) => boolean): boolean {
  switch (e.tag) {
    case 'Lit': case 'Lam': case 'Template': return true;
    case 'Var': return e.scope !== 'global' || safeGlobal(e.name);
    case 'Record': return e.fields.every((f) => isSafeValue(f.value, safeGlobal));
    default: return false;
  }
}

// Which top-level names are safe values (aliases followed; a cycle of aliases loops, so is not safe),
// and the arity of the top-level lambdas.
function globalFacts(m: PC.Module): GlobalFacts {
  const bodies = new Map(m.decls.map((d) => [d.name, d.body]));
  const memo = new Map<string, boolean>();
  const visit = (name: string): boolean => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    memo.set(name, false); // in progress
    const body = bodies.get(name);
    const ok = body !== undefined && isSafeValue(body, visit);
    memo.set(name, ok);
    return ok;
  };
  const arity = new Map<string, number>();
  for (const d of m.decls) if (d.body.tag === 'Lam') arity.set(d.name, d.body.params.length);
  return { safe: new Set(m.decls.map((d) => d.name).filter(visit)), arity };
}

// Every local binder of the module, so temporaries never collide with them (iterative: no depth limit).
function binders(m: PC.Module): Set<string> {
  const out = new Set<string>();
  const todo: PC.Expr[] = m.decls.map((d) => d.body);
  for (let e = todo.pop(); e !== undefined; e = todo.pop()) {
    switch (e.tag) {
      case 'Var': case 'Lit': case 'Fail': break;
      case 'App': todo.push(e.fn, e.arg); break;
      case 'Lam': e.params.forEach((p) => out.add(p)); todo.push(e.body); break;
      case 'Let': out.add(e.name); todo.push(e.rhs, e.body); break;
      case 'Record': e.fields.forEach((f) => todo.push(f.value)); break;
      case 'Select': todo.push(e.record); break;
      case 'Template': e.parts.forEach((p) => p.tag === 'Hole' && todo.push(p.body)); break;
      case 'Switch':
        for (const a of e.arms) {
          if (a.tag === 'ConArm') a.binders.forEach((b) => b !== null && out.add(b));
          todo.push(a.body);
        }
        if (e.default !== null) todo.push(e.default);
        break;
      default: assertNever(e, stage);
    }
  }
  return out;
}
