// passes/fuse-lists.ts: Anf → Anf. Calls of the list functions every Lune program carries (the prelude's
// Lune.List.length, Lune.String.listLength, listReverse, listAppend… or a program's own of the same shape) become
// runtime loops that walk the list without rebuilding it, and a string's characters (prim_stringToChars, a
// list not built yet in the Go runtime) without building them at all:
//   - length:            `\xs -> case xs of Nil -> 0; Cons _ r -> 1 + f r`          f xs   → $listLength f xs
//   - length onto:       `\xs k -> case xs of Nil -> k; Cons _ r -> f r (k + 1)`    f xs k → $listLengthOnto f xs k
//   - append:            `\xs ys -> case xs of Nil -> ys; Cons x r -> Cons x (f r ys)` f xs ys → $listAppend f xs ys
//   - reverse:           `\xs -> g xs Nil` with g a reverse onto                    f xs   → g xs Nil
//   - reverse onto:      `\xs a -> case xs of Nil -> a; Cons x r -> f r (Cons x a)`, when its result's only use is
//                        the very next `prim_charsToString` (Lune.String.split and words: `fromChars (listReverse
//                        acc)`): `let a = f xs acc; let s = prim_charsToString a`
//                        → `let s = $charsToStringRevOnto f xs acc`.
// Why: the prelude's String.length is `listLength (toChars s)`, a non-tail recursion over a list of as many cells
// as the string has characters; split and words rebuild each word twice (reverse, then fromChars).
// Each $-primitive takes the function it replaces as its first argument, and means exactly that call
// (ir/anf/eval.ts translates it back). The Go runtime (runtime/lists.go) computes the same result directly when
// the list is a proper list (always, in a typed program) and otherwise calls the function, so a crash is the
// function's own, with its own message. Recognized functions' own bodies are left as they are: they are that
// fallback. Evaluation order is unchanged: the fused let takes the place of the call it replaces, and the
// one it absorbs (reverse onto, then charsToString) is the let right before it.
import * as A from '../ir/anf/anf';
import { forEachAtom, forEachComp } from '../ir/anf/walk';

const NIL = 'Lune.Prelude.Nil', CONS = 'Lune.Prelude.Cons';

/** What a recognized top-level function computes (see the header). */
export type ListIdiom = 'length' | 'lengthOnto' | 'append' | 'reverse' | 'reverseOnto';

const arityOf: Record<ListIdiom, number> = { length: 1, lengthOnto: 2, append: 2, reverse: 1, reverseOnto: 2 };

/** The fused primitive each idiom's call becomes (reverse becomes a call of its reverse onto; reverse onto stays). */
const fusedPrim: Partial<Record<ListIdiom, string>> = {
  length: '$listLength', lengthOnto: '$listLengthOnto', append: '$listAppend',
};

/** The rewritten module (every declaration but the recognized functions themselves). */
export function fuseLists(m: A.Module): A.Module {
  const idioms = listIdioms(m.decls);
  const uses = useCounts(m.decls);
  const f = new Fuser(idioms, uses);
  const decls = m.decls.map((d) => (idioms.has(d.name) ? d : A.mk.decl(d.name, f.expr(d.body), d.span)));
  return A.mk.module(m.name, decls, m.main, m.span);
}

/** The top-level functions of one of the idioms' shapes, with the global a `reverse` calls. */
export function listIdioms(decls: readonly A.Decl[]): Map<string, { idiom: ListIdiom; target?: string }> {
  const out = new Map<string, { idiom: ListIdiom; target?: string }>();
  for (const d of decls) {
    const lam = lambdaOf(d);
    if (lam === null) continue;
    const idiom = recursiveIdiom(d.name, lam);
    if (idiom !== null) out.set(d.name, { idiom });
  }
  // A reverse is a call of a reverse onto found above (not of another reverse: one level, no cycles).
  for (const d of decls) {
    const lam = lambdaOf(d);
    if (lam === null || lam.params.length !== 1 || lam.body.tag !== 'Ret') continue;
    const c = lam.body.value;
    if (c.tag === 'App' && isGlobal(c.fn) && out.get(c.fn.name)?.idiom === 'reverseOnto' && c.args.length === 2
      && isLocal(c.args[0]!, lam.params[0]!) && isCon(c.args[1]!, NIL)) out.set(d.name, { idiom: 'reverse', target: c.fn.name });
  }
  return out;
}

const lambdaOf = (d: A.Decl): A.Lam | null => (d.body.tag === 'Ret' && d.body.value.tag === 'Lam' ? d.body.value : null);
const isGlobal = (a: A.Atom): a is A.Var => a.tag === 'Var' && a.scope === 'global';
const isLocal = (a: A.Comp, name: string): boolean => a.tag === 'Var' && a.scope === 'local' && a.name === name;
const isCon = (a: A.Comp, name: string): boolean => a.tag === 'Var' && a.scope === 'con' && a.name === name;
const isInt = (a: A.Comp, n: bigint): boolean => a.tag === 'Lit' && a.value.kind === 'int' && a.value.value === n;
const isCall = (c: A.Comp, scope: A.Scope, name: string, args: readonly ((a: A.Atom) => boolean)[]): c is A.App =>
  c.tag === 'App' && c.fn.tag === 'Var' && c.fn.scope === scope && c.fn.name === name && c.args.length === args.length
  && args.every((ok, i) => ok(c.args[i]!));
const local = (name: string) => (a: A.Atom): boolean => isLocal(a, name);
const lit = (n: bigint) => (a: A.Atom): boolean => isInt(a, n);
// `x + 1` or `1 + x` (Int addition commutes, overflow to a big Int included).
const isIncrement = (c: A.Comp, x: (a: A.Atom) => boolean): boolean =>
  isCall(c, 'prim', 'prim_addInt', [x, lit(1n)]) || isCall(c, 'prim', 'prim_addInt', [lit(1n), x]);

// `let t = rhs; ret` as [rhs, t, ret], else null.
function oneLet(e: A.Expr): [A.Comp, string, A.Comp] | null {
  return e.tag === 'Let' && e.body.tag === 'Ret' ? [e.rhs, e.name, e.body.value] : null;
}

// The idiom of `\p0 p1? -> case p0 of Nil -> …; Cons h r -> …` (arms in either order, default a failure or none).
function recursiveIdiom(self: string, lam: A.Lam): ListIdiom | null {
  const body = lam.body;
  if (body.tag !== 'Ret' || body.value.tag !== 'Switch') return null;
  const sw = body.value;
  const [xs, second] = lam.params;
  if (!isLocal(sw.scrutinee, xs!) || sw.arms.length !== 2) return null;
  if (sw.default !== null && !(sw.default.tag === 'Ret' && sw.default.value.tag === 'Fail')) return null;
  const nil = sw.arms.find((a): a is A.ConArm => a.tag === 'ConArm' && a.con === NIL && a.binders.length === 0);
  const cons = sw.arms.find((a): a is A.ConArm => a.tag === 'ConArm' && a.con === CONS && a.binders.length === 2);
  if (nil === undefined || cons === undefined || nil.body.tag !== 'Ret') return null;
  const [h, r] = cons.binders;
  const step = oneLet(cons.body);
  if (r === null || r === undefined || step === null) return null;
  const [rhs, t, last] = step;
  const selfCall = (...args: ((a: A.Atom) => boolean)[]) => (c: A.Comp): boolean => isCall(c, 'global', self, args);
  if (lam.params.length === 1) {
    return isInt(nil.body.value, 0n) && selfCall(local(r))(rhs) && isIncrement(last, local(t)) ? 'length' : null;
  }
  if (lam.params.length !== 2 || !isLocal(nil.body.value, second!)) return null;
  if (isIncrement(rhs, local(second!)) && selfCall(local(r), local(t))(last)) return 'lengthOnto';
  if (h === null || h === undefined) return null;
  if (isCall(rhs, 'con', CONS, [local(h), local(second!)]) && selfCall(local(r), local(t))(last)) return 'reverseOnto';
  if (selfCall(local(r), local(second!))(rhs) && isCall(last, 'con', CONS, [local(h), local(t)])) return 'append';
  return null;
}

// How many times each local is read, in the whole module (names are unique).
function useCounts(decls: readonly A.Decl[]): Map<string, number> {
  const out = new Map<string, number>();
  const read = (a: A.Atom): void => {
    if (a.tag === 'Var' && a.scope === 'local') out.set(a.name, (out.get(a.name) ?? 0) + 1);
  };
  for (const d of decls) forEachComp(d.body, (c) => forEachAtom(c, read));
  return out;
}

/** A let of the spine being rebuilt. */
interface SpineLet { readonly name: string; readonly rhs: A.Comp; readonly span: A.Let['span'] }

class Fuser {
  constructor(
    private readonly idioms: ReadonlyMap<string, { idiom: ListIdiom; target?: string }>,
    private readonly uses: ReadonlyMap<string, number>,
  ) {}

  /** The expression with its calls rewritten; a let spine is walked in a loop (spines can be 100k lets long). */
  expr(e: A.Expr): A.Expr {
    const lets: SpineLet[] = [];
    let cur = e;
    for (; cur.tag === 'Let'; cur = cur.body) {
      const rhs = this.absorb(lets, this.comp(cur.rhs));
      lets.push({ name: cur.name, rhs, span: cur.span });
    }
    let out: A.Expr = A.mk.ret(this.absorb(lets, this.comp(cur.value)), cur.span);
    for (let i = lets.length - 1; i >= 0; i--) out = A.mk.let(lets[i]!.name, lets[i]!.rhs, out, lets[i]!.span);
    return out;
  }

  // `c`, or, when `c` is `prim_charsToString a` and the let before it `let a = g xs acc` (g a reverse onto, a read
  // nowhere else), the fused call, that let dropped.
  private absorb(lets: SpineLet[], c: A.Comp): A.Comp {
    const prev = lets[lets.length - 1];
    const r = prev?.rhs;
    if (r === undefined || r.tag !== 'App' || !isGlobal(r.fn) || r.args.length !== 2) return c;
    if (this.idioms.get(r.fn.name)?.idiom !== 'reverseOnto') return c;
    if (!isCall(c, 'prim', 'prim_charsToString', [local(prev!.name)]) || this.uses.get(prev!.name) !== 1) return c;
    lets.pop();
    return A.mk.app(A.mk.var('$charsToStringRevOnto', 'prim', c.span), [r.fn, ...r.args], c.span);
  }

  private comp(c: A.Comp): A.Comp {
    switch (c.tag) {
      case 'App': return this.call(c);
      case 'Lam': return A.mk.lam(c.params, this.expr(c.body), c.name, c.span);
      case 'Template':
        return A.mk.template(c.block, c.parts.map((p) => (p.tag === 'Hole' ? { tag: 'Hole', body: this.expr(p.body) } : p)), c.span);
      case 'Switch':
        return A.mk.switch(c.scrutinee, c.arms.map((a) => (a.tag === 'ConArm'
          ? A.mk.conArm(a.con, a.binders, this.expr(a.body)) : A.mk.stringArm(a.value, this.expr(a.body)))),
        c.default === null ? null : this.expr(c.default), c.span);
      case 'Var': case 'Lit': case 'Record': case 'Select': case 'Fail': return c;
    }
  }

  // A saturated call of a recognized function (never a partial or over-application: those stay calls).
  private call(c: A.App): A.Comp {
    const known = isGlobal(c.fn) ? this.idioms.get(c.fn.name) : undefined;
    if (known === undefined) return c;
    if (c.args.length !== arityOf[known.idiom]) return c;
    if (known.idiom === 'reverse') {
      return A.mk.app(A.mk.var(known.target!, 'global', c.fn.span), [c.args[0]!, A.mk.var(NIL, 'con', c.span)], c.span);
    }
    const prim = fusedPrim[known.idiom];
    return prim === undefined ? c : A.mk.app(A.mk.var(prim, 'prim', c.fn.span), [c.fn, ...c.args], c.span);
  }
}
