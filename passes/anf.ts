// passes/anf.ts: PatternCompiled -> Anf. Delta: removes nested operands (every operand is an Atom) and
// nested applications (`f a b` is one App when that keeps §1.5's order); adds Atom, Comp, Let/Ret.
//
// Evaluation order (PRIMITIVES.md §1.5): `f a b` evaluates f, a, applies, THEN evaluates b. An App with
// several atoms evaluates all of them before applying, so b may join `f a`'s App only when evaluating it
// earlier cannot be observed: b is a literal, a local, a primitive, a constructor, a lambda, a template
// (holes are deferred), a record of such, or a top-level name whose value is one of those ("safe").
// Otherwise `f a` is applied first (`let t = f a`) and b is evaluated after it. A top-level name that is
// not safe (a value computed on each reference, which may fail or diverge) is also let-bound before use
// as an operand, so every evaluation happens at a Let, in source order, and atoms are free to evaluate.
import { match } from 'ts-pattern';
import * as Anf from '../ir/anf/anf';
import type * as PC from '../ir/pattern-compiled/pattern-compiled';
import { Fresh } from '../ir/shared/fresh';

/** Names every intermediate value, so each Comp takes only atoms as operands. */
export function toAnf(m: PC.Module): Anf.Module {
  const n = new Normaliser(new Fresh(binders(m)), safeGlobals(m));
  return Anf.mk.module(m.name, m.decls.map((d) => Anf.mk.decl(d.name, n.body(d.body), d.span)), m.main, m.span);
}

type K = (c: Anf.Comp) => Anf.Expr;

class Normaliser {
  constructor(private readonly fresh: Fresh, private readonly safe: ReadonlySet<string>) {}

  body(e: PC.Expr): Anf.Expr {
    return this.comp(e, (c) => Anf.mk.ret(c));
  }

  // Normalise e; k decides what the surrounding code does with the result.
  private comp(e: PC.Expr, k: K): Anf.Expr {
    return match<PC.Expr, Anf.Expr>(e)
      .with({ tag: 'Var' }, (v) => k(Anf.mk.var(v.name, v.scope, v.span)))
      .with({ tag: 'Lit' }, (l) => k(Anf.mk.lit(l.value, l.span)))
      .with({ tag: 'Lam' }, (l) => k(Anf.mk.lam(l.params, this.body(l.body), l.name, l.span)))
      .with({ tag: 'Let' }, (l) => this.comp(l.rhs, (c) => Anf.mk.let(l.name, c, this.comp(l.body, k), l.span)))
      .with({ tag: 'App' }, (a) => {
        const args: PC.Expr[] = [];
        let f: PC.Expr = a;
        for (; f.tag === 'App'; f = f.fn) args.unshift(f.arg);
        return this.atom(f, (g) => this.apply(g, args, 0, [], a, k));
      })
      .with({ tag: 'Record' }, (r) => this.atoms(r.fields.map((f) => f.value), [], (vs) =>
        k(Anf.mk.record(r.fields.map((f, i) => ({ label: f.label, value: vs[i]! })), r.span))))
      .with({ tag: 'Select' }, (s) => this.atom(s.record, (r) => k(Anf.mk.select(r, s.label, s.span))))
      .with({ tag: 'Template' }, (t) =>
        k(Anf.mk.template(t.block, t.parts.map((p) => (p.tag === 'Text' ? p : { tag: 'Hole', body: this.body(p.body) })), t.span)))
      .with({ tag: 'Switch' }, (s) => {
        const arms = s.arms.map((a) => (a.tag === 'ConArm' ? Anf.mk.conArm(a.con, a.binders, this.body(a.body)) : Anf.mk.stringArm(a.value, this.body(a.body))));
        const dflt = s.default === null ? null : this.body(s.default);
        return k(Anf.mk.switch(Anf.mk.var(s.scrutinee, 'local', s.span), arms, dflt, s.span));
      })
      .with({ tag: 'Fail' }, (f) => k(Anf.mk.fail(f.kind, Anf.mk.var(f.scrutinee, 'local', f.span), f.pattern, f.where, f.span)))
      .exhaustive();
  }

  // Adds args[i..] to the application of `fn` to `pending`, splitting where the order demands it.
  private apply(fn: Anf.Atom, args: readonly PC.Expr[], i: number, pending: readonly Anf.Atom[], at: PC.App, k: K): Anf.Expr {
    const arg = args[i];
    if (arg === undefined) return k(Anf.mk.app(fn, pending, at.span));
    if (pending.length === 0 || this.isSafe(arg)) return this.atom(arg, (a) => this.apply(fn, args, i + 1, [...pending, a], at, k));
    const t = this.fresh.next();
    return Anf.mk.let(t, Anf.mk.app(fn, pending, at.span), this.atom(arg, (a) => this.apply(Anf.mk.var(t, 'local', at.span), args, i + 1, [a], at, k)), at.span);
  }

  // Like comp, but binds a non-atomic result (or an unsafe top-level value) to a fresh name first.
  private atom(e: PC.Expr, k: (a: Anf.Atom) => Anf.Expr): Anf.Expr {
    return this.comp(e, (c) => {
      if (Anf.isAtom(c) && !(c.tag === 'Var' && c.scope === 'global' && !this.safe.has(c.name))) return k(c);
      const t = this.fresh.next();
      return Anf.mk.let(t, c, k(Anf.mk.var(t, 'local', c.span)), c.span);
    });
  }

  // atom over a list, left to right.
  private atoms(es: readonly PC.Expr[], done: readonly Anf.Atom[], k: (as: readonly Anf.Atom[]) => Anf.Expr): Anf.Expr {
    const e = es[done.length];
    return e === undefined ? k(done) : this.atom(e, (a) => this.atoms(es, [...done, a], k));
  }

  // Evaluating e earlier than written cannot be observed (it cannot fail, loop or have effects).
  private isSafe(e: PC.Expr): boolean {
    return isSafeValue(e, (g) => this.safe.has(g));
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

// Top-level names whose evaluation is a safe value (aliases followed; a cycle of aliases is not safe).
function safeGlobals(m: PC.Module): Set<string> {
  const bodies = new Map(m.decls.map((d) => [d.name, d.body]));
  const memo = new Map<string, boolean>();
  const visit = (name: string): boolean => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    memo.set(name, false); // in progress: a cycle means the name loops when evaluated
    const body = bodies.get(name);
    const ok = body !== undefined && isSafeValue(body, visit);
    memo.set(name, ok);
    return ok;
  };
  return new Set(m.decls.map((d) => d.name).filter(visit));
}

// Every local binder of the module, so temporaries never collide with them.
function binders(m: PC.Module): Set<string> {
  const out = new Set<string>();
  const walk = (e: PC.Expr): void => {
    match(e)
      .with({ tag: 'Var' }, { tag: 'Lit' }, { tag: 'Fail' }, () => {})
      .with({ tag: 'App' }, (a) => (walk(a.fn), walk(a.arg)))
      .with({ tag: 'Lam' }, (l) => (l.params.forEach((p) => out.add(p)), walk(l.body)))
      .with({ tag: 'Let' }, (l) => (out.add(l.name), walk(l.rhs), walk(l.body)))
      .with({ tag: 'Record' }, (r) => r.fields.forEach((f) => walk(f.value)))
      .with({ tag: 'Select' }, (s) => walk(s.record))
      .with({ tag: 'Template' }, (t) => t.parts.forEach((p) => p.tag === 'Hole' && walk(p.body)))
      .with({ tag: 'Switch' }, (s) => {
        for (const a of s.arms) {
          if (a.tag === 'ConArm') a.binders.forEach((b) => b !== null && out.add(b));
          walk(a.body);
        }
        if (s.default !== null) walk(s.default);
      })
      .exhaustive();
  };
  m.decls.forEach((d) => walk(d.body));
  return out;
}
