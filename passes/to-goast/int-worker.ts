// passes/to-goast/int-worker.ts: unboxed int64/bool workers for top-level functions whose whole body is Int and
// Bool arithmetic (comparisons, +, −, ×, div, mod, and/or/not, if-on-Bool, calls of other such functions).
//
// Worker/wrapper with speculation: `f_int(a, b int64) (int64, bool)` runs the body on Go int64 and bool and
// gives up (ok = false) wherever the boxed code would do anything else: an overflow (the boxed code promotes to
// *big.Int), a zero divisor, a match failure. The boxed function `f` first tries the worker when all its
// arguments are int64 and runs its own body only when the worker gave up. The fragment has no effects and is
// deterministic, so running the boxed body again from the start computes exactly what it would have computed
// (the same value, or the same crash at the same point): giving up costs time, never changes the outcome.
import type * as Anf from '../../ir/anf/anf';
import * as G from '../../ir/goast/goast';
import { bug } from '../../ir/shared/diagnostic';
import { type Global, declLam, type Plan } from './names';
import { hasSelfTailCall, isSelfCall } from './body';

/** The unboxed kind of a worker value: Int as int64, Bool as bool. */
export type Kind = 'int' | 'bool';

/** A function that has a worker: its Go name, parameter count (all int64) and result kind. */
export interface Worker { readonly goName: string; readonly arity: number; readonly result: Kind }

const intOps: ReadonlyMap<string, Kind> = new Map([
  ['prim_addInt', 'int'], ['prim_subInt', 'int'], ['prim_mulInt', 'int'], ['prim_divInt', 'int'], ['prim_modInt', 'int'],
  ['prim_eqInt', 'bool'], ['prim_leInt', 'bool'], ['prim_geInt', 'bool'],
]);
const boolOps: ReadonlyMap<string, number> = new Map([['prim_and', 2], ['prim_or', 2], ['prim_not', 1]]);
const trueCon = 'Lune.Prelude.True';
const falseCon = 'Lune.Prelude.False';
const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;

/** The kind of an atom in a worker body, or null when the worker cannot have it. `global` is a top-level value. */
type AtomKind = Kind | 'global' | null;

// Checks that a body lies in the worker fragment, given the kinds of locals so far and the workers assumed.
class Fragment {
  constructor(
    private readonly globals: ReadonlyMap<string, Global>,
    private readonly kinds: ReadonlyMap<string, Kind>,
    private readonly locals: Map<string, Kind>,
  ) {}

  atom(a: Anf.Atom): AtomKind {
    if (a.tag === 'Lit') return a.value.kind === 'int' && a.value.value >= int64Min && a.value.value <= int64Max ? 'int' : null;
    switch (a.scope) {
      case 'local': return this.locals.get(a.name) ?? null;
      case 'global': return this.globals.get(a.name)?.kind === 'value' ? 'global' : null;
      case 'con': return a.name === trueCon || a.name === falseCon ? 'bool' : null;
      case 'prim': return null;
    }
  }

  // An operand that must be an int64: an Int local or literal, or a top-level value (asserted at run time).
  private isInt = (a: Anf.Atom): boolean => { const k = this.atom(a); return k === 'int' || k === 'global'; };
  private isBool = (a: Anf.Atom): boolean => this.atom(a) === 'bool';

  comp(c: Anf.Comp): Kind | 'fail' | null {
    switch (c.tag) {
      case 'Var': case 'Lit': { const k = this.atom(c); return k === 'global' ? 'int' : k; }
      case 'Fail': return 'fail';
      case 'App': {
        if (c.fn.tag !== 'Var') return null;
        if (c.fn.scope === 'prim') {
          const op = intOps.get(c.fn.name);
          if (op !== undefined) return c.args.length === 2 && c.args.every(this.isInt) ? op : null;
          const n = boolOps.get(c.fn.name);
          return n !== undefined && c.args.length === n && c.args.every(this.isBool) ? 'bool' : null;
        }
        if (c.fn.scope !== 'global') return null;
        const w = this.kinds.get(c.fn.name);
        const g = this.globals.get(c.fn.name);
        return w !== undefined && g?.kind === 'func' && g.arity === c.args.length && c.args.every(this.isInt) ? w : null;
      }
      case 'Switch': return this.switch(c);
      default: return null;
    }
  }

  // if-on-Bool: arms True and/or False without binders; a missing one falls to the default.
  private switch(s: Anf.Switch): Kind | 'fail' | null {
    if (!this.isBool(s.scrutinee)) return null;
    const bodies: Anf.Expr[] = [];
    for (const arm of s.arms) {
      if (arm.tag !== 'ConArm' || (arm.con !== trueCon && arm.con !== falseCon) || arm.binders.length !== 0) return null;
      bodies.push(arm.body);
    }
    if (s.default !== null) bodies.push(s.default);
    return this.join(bodies.map((b) => this.expr(b)));
  }

  private join(ks: readonly (Kind | 'fail' | null)[]): Kind | 'fail' | null {
    let out: Kind | 'fail' = 'fail';
    for (const k of ks) {
      if (k === null) return null;
      if (k === 'fail') continue;
      if (out !== 'fail' && out !== k) return null;
      out = k;
    }
    return out;
  }

  expr(e: Anf.Expr): Kind | 'fail' | null {
    let cur = e;
    for (; cur.tag === 'Let'; cur = cur.body) {
      const k = this.comp(cur.rhs);
      if (k === null) return null;
      if (k === 'fail') return 'fail'; // the rest is never reached
      this.locals.set(cur.name, k);
    }
    return this.comp(cur.value);
  }
}

/**
 * The functions that get a worker: every top-level function whose body checks as Int/Bool arithmetic when its
 * parameters are int64, with the other workers assumed (a greatest fixpoint: start from all, drop failures).
 */
export function planWorkers(m: Anf.Module, plan: Plan): Map<string, Worker> {
  const kinds = new Map<string, Kind>();
  const lams = new Map<string, Anf.Lam>();
  for (const d of m.decls) {
    const lam = declLam(d);
    if (lam !== null && plan.globals.get(d.name)?.kind === 'func') {
      lams.set(d.name, lam);
      kinds.set(d.name, 'int');
    }
  }
  const check = (lam: Anf.Lam, k: Kind): boolean => {
    const f = new Fragment(plan.globals, kinds, new Map(lam.params.map((p) => [p, 'int' as Kind])));
    return f.expr(lam.body) === k;
  };
  // Kinds only move int → bool → dropped for a function whose own check fails, but a callee's move can undo a
  // caller's; a bounded number of rounds keeps this linear in practice and gives up (no workers) otherwise.
  let rounds = 0;
  for (let changed = true; changed; rounds++) {
    if (rounds > 2 * lams.size + 2) return new Map();
    changed = false;
    for (const [name, lam] of lams) {
      if (!kinds.has(name)) continue;
      const was = kinds.get(name)!;
      const ok = (['int', 'bool'] as const).find((k) => { kinds.set(name, k); return check(lam, k); });
      if (ok === undefined) kinds.delete(name);
      else kinds.set(name, ok);
      if (ok !== was) changed = true;
    }
  }
  const out = new Map<string, Worker>();
  for (const [name, result] of kinds) {
    const g = plan.globals.get(name);
    if (g?.kind !== 'func') continue;
    out.set(name, { goName: plan.names.fresh(`${g.goFunc}_int`), arity: g.arity, result });
  }
  return out;
}

/** The Go type of a kind. */
const goType = (k: Kind): G.Expr => G.mk.ident(k === 'int' ? 'int64' : 'bool');
const zero = (k: Kind): G.Expr => (k === 'int' ? G.mk.int('0') : G.mk.ident('false'));

/** What emitting a worker body needs: the plan, the workers, and the function's result kind. */
interface WCtx {
  readonly plan: Plan;
  readonly workers: ReadonlyMap<string, Worker>;
  readonly result: Kind;
  readonly kinds: Map<string, Kind>;
  /** A self tail call reassigns these parameters (null: unused) and continues the worker's loop. */
  readonly selfLoop: { readonly name: string; readonly params: readonly (string | null)[] } | null;
}

type WDest = { readonly kind: 'return' } | { readonly kind: 'assign'; readonly to: string };

/** The worker function of `d` (which planWorkers accepted). */
export function workerDecl(plan: Plan, workers: ReadonlyMap<string, Worker>, d: Anf.Decl): G.FuncDecl {
  const w = workers.get(d.name) ?? bug('goast', `${d.name} has no worker`);
  const lam = declLam(d) ?? bug('goast', `${d.name} has a worker but is not a lambda`);
  const loops = hasSelfTailCall(lam.body, d.name, lam.params.length);
  const names = lam.params.map((p) => (plan.used.has(p) ? plan.locals.get(p) ?? bug('goast', `local ${p} has no Go name`) : null));
  const cx: WCtx = {
    plan, workers, result: w.result, kinds: new Map(lam.params.map((p) => [p, 'int' as Kind])),
    selfLoop: loops ? { name: d.name, params: names } : null,
  };
  const params = names.map((n) => G.mk.field(n ?? '_', G.mk.ident('int64')));
  const inner: G.Stmt[] = [];
  wexpr(cx, lam.body, { kind: 'return' }, inner);
  // No closures in a worker, so the parameters themselves can be the loop variables.
  const body = loops ? [G.mk.for(null, null, null, inner)] : inner;
  return G.mk.funcDecl(w.goName, G.mk.funcType(params, [goType(w.result), G.mk.ident('bool')]), body,
    [`${w.goName} is ${d.name} on int64 arguments; false where the boxed code would leave int64 or fail.`],
    { name: d.name, span: d.span });
}

/**
 * The wrapper's prologue in the boxed function: when every argument is an int64, try the worker.
 * `params` are the Go names of the boxed function's parameters.
 */
export function tryWorker(plan: Plan, w: Worker, params: readonly string[]): G.Stmt {
  const unboxed = params.map(() => plan.names.fresh('i'));
  const r = plan.names.fresh('r');
  const boxed = w.result === 'int' ? G.mk.ident(r) : G.mk.call(G.mk.qual('rt', 'Bool'), [G.mk.ident(r)]);
  let inner: G.Stmt = G.mk.if(G.mk.assign([G.mk.ident(r), G.mk.ident('ok')], ':=', [G.mk.call(G.mk.ident(w.goName), unboxed.map((u) => G.mk.ident(u)))]),
    G.mk.ident('ok'), [G.mk.ret([boxed])]);
  for (let i = params.length - 1; i >= 0; i--) {
    inner = G.mk.if(G.mk.assign([G.mk.ident(unboxed[i]!), G.mk.ident('ok')], ':=', [G.mk.typeAssert(G.mk.ident(params[i]!), G.mk.ident('int64'))]),
      G.mk.ident('ok'), [inner]);
  }
  return inner;
}

const goLocal = (cx: WCtx, x: string): string => cx.plan.locals.get(x) ?? bug('goast', `local ${x} has no Go name`);
const giveUp = (cx: WCtx): G.Stmt => G.mk.ret([zero(cx.result), G.mk.ident('false')]);

function wexpr(cx: WCtx, e: Anf.Expr, dest: WDest, out: G.Stmt[]): void {
  let cur = e;
  for (; cur.tag === 'Let'; cur = cur.body) {
    const name = goLocal(cx, cur.name);
    if (cur.rhs.tag === 'Fail') { out.push(giveUp(cx)); return; }
    if (cur.rhs.tag === 'Switch') {
      const k = switchKind(cx, cur.rhs);
      cx.kinds.set(cur.name, k);
      out.push(G.mk.declStmt(G.mk.varDecl(name, goType(k), null)));
      wswitch(cx, cur.rhs, { kind: 'assign', to: name }, out);
    } else {
      const k = wcomp(cx, cur.rhs, name, out);
      cx.kinds.set(cur.name, k);
    }
    if (!cx.plan.used.has(cur.name)) out.push(G.mk.set('_', G.mk.ident(name)));
  }
  const c = cur.value;
  if (c.tag === 'Fail') { out.push(giveUp(cx)); return; }
  if (c.tag === 'Switch') { wswitch(cx, c, dest, out); return; }
  const loop = cx.selfLoop;
  if (dest.kind === 'return' && loop !== null && isSelfCall(c, loop.name, loop.params.length)) {
    const pairs = c.args.map((a, i) => [loop.params[i], watom(cx, a, out)] as const).filter(([p]) => p !== null);
    if (pairs.length > 0) out.push(G.mk.assign(pairs.map(([p]) => G.mk.ident(p!)), '=', pairs.map(([, v]) => v)));
    out.push(G.mk.branch('continue'));
    return;
  }
  let value: G.Expr;
  if (c.tag === 'Var' || c.tag === 'Lit') value = watom(cx, c, out);
  else {
    const tmp = cx.plan.names.fresh('w');
    wcomp(cx, c, tmp, out);
    value = G.mk.ident(tmp);
  }
  out.push(dest.kind === 'return' ? G.mk.ret([value, G.mk.ident('true')]) : G.mk.set(dest.to, value));
}

// The kind a Switch's non-failing arms produce (the checker made them agree).
function switchKind(cx: WCtx, s: Anf.Switch): Kind {
  const f = new Fragment(cx.plan.globals, new Map([...cx.workers].map(([n, w]) => [n, w.result])), new Map(cx.kinds));
  const k = f.comp(s);
  return k === 'int' || k === 'bool' ? k : cx.result;
}

// An operand as an int64 or bool expression; a top-level value is asserted to int64 first (giving up if not).
function watom(cx: WCtx, a: Anf.Atom, out: G.Stmt[]): G.Expr {
  if (a.tag === 'Lit') {
    if (a.value.kind !== 'int') bug('goast', 'a non-Int literal in a worker');
    const v = a.value.value;
    const lit = G.mk.int((v < 0n ? -v : v).toString());
    return v < 0n ? G.mk.unary('-', lit) : lit;
  }
  switch (a.scope) {
    case 'local': return G.mk.ident(goLocal(cx, a.name));
    case 'con': return G.mk.ident(a.name === trueCon ? 'true' : 'false');
    case 'global': {
      const g = cx.plan.globals.get(a.name);
      if (g?.kind !== 'value') return bug('goast', `global ${a.name} in a worker is not a value`);
      const v = cx.plan.names.fresh('g');
      const ok = cx.plan.names.fresh('ok');
      out.push(G.mk.assign([G.mk.ident(v), G.mk.ident(ok)], ':=', [G.mk.typeAssert(G.mk.call(G.mk.ident(g.accessor), []), G.mk.ident('int64'))]));
      out.push(G.mk.if(null, G.mk.unary('!', G.mk.ident(ok)), [giveUp(cx)]));
      return G.mk.ident(v);
    }
    case 'prim': return bug('goast', `primitive ${a.name} as a worker operand`);
  }
}

// Computes a non-Switch comp into a new Go variable `name`, giving up where the boxed code would not stay int64.
function wcomp(cx: WCtx, c: Anf.Comp, name: string, out: G.Stmt[]): Kind {
  const ident = G.mk.ident(name);
  if (c.tag === 'Var' || c.tag === 'Lit') {
    out.push(G.mk.define(name, watom(cx, c, out)));
    return c.tag === 'Lit' || c.scope === 'global' ? 'int' : c.scope === 'con' ? 'bool' : cx.kinds.get(c.name) ?? bug('goast', `local ${c.name} has no kind`);
  }
  if (c.tag !== 'App' || c.fn.tag !== 'Var') return bug('goast', `${c.tag} in a worker`);
  const args = c.args.map((a) => watom(cx, a, out));
  const fn = c.fn.name;
  const [a, b] = [args[0]!, args[1]!];
  const overflowIf = (cond: G.Expr) => out.push(G.mk.if(null, cond, [giveUp(cx)]));
  if (c.fn.scope === 'global') {
    const w = cx.workers.get(fn) ?? bug('goast', `call of ${fn} in a worker, which has none`);
    const ok = cx.plan.names.fresh('ok');
    out.push(G.mk.assign([ident, G.mk.ident(ok)], ':=', [G.mk.call(G.mk.ident(w.goName), args)]));
    overflowIf(G.mk.unary('!', G.mk.ident(ok)));
    return w.result;
  }
  switch (fn) {
    case 'prim_addInt':
      out.push(G.mk.define(name, G.mk.binary('+', a, b)));
      overflowIf(G.mk.binary('<', G.mk.binary('&', G.mk.paren(G.mk.binary('^', a, ident)), G.mk.paren(G.mk.binary('^', b, ident))), G.mk.int('0')));
      return 'int';
    case 'prim_subInt':
      out.push(G.mk.define(name, G.mk.binary('-', a, b)));
      overflowIf(G.mk.binary('<', G.mk.binary('&', G.mk.paren(G.mk.binary('^', a, b)), G.mk.paren(G.mk.binary('^', a, ident))), G.mk.int('0')));
      return 'int';
    case 'prim_mulInt': {
      const ok = cx.plan.names.fresh('ok');
      out.push(G.mk.assign([ident, G.mk.ident(ok)], ':=', [G.mk.call(G.mk.qual('rt', 'MulInt64'), [a, b])]));
      overflowIf(G.mk.unary('!', G.mk.ident(ok)));
      return 'int';
    }
    case 'prim_divInt': case 'prim_modInt': {
      const ok = cx.plan.names.fresh('ok');
      out.push(G.mk.assign([ident, G.mk.ident(ok)], ':=', [G.mk.call(G.mk.qual('rt', fn === 'prim_divInt' ? 'FloorDiv64' : 'FloorMod64'), [a, b])]));
      overflowIf(G.mk.unary('!', G.mk.ident(ok)));
      return 'int';
    }
    case 'prim_eqInt': out.push(G.mk.define(name, G.mk.binary('==', a, b))); return 'bool';
    case 'prim_leInt': out.push(G.mk.define(name, G.mk.binary('<=', a, b))); return 'bool';
    case 'prim_geInt': out.push(G.mk.define(name, G.mk.binary('>=', a, b))); return 'bool';
    case 'prim_and': out.push(G.mk.define(name, G.mk.binary('&&', a, b))); return 'bool';
    case 'prim_or': out.push(G.mk.define(name, G.mk.binary('||', a, b))); return 'bool';
    case 'prim_not': out.push(G.mk.define(name, G.mk.unary('!', a))); return 'bool';
    default: return bug('goast', `primitive ${fn} in a worker`);
  }
}

// if-on-Bool; a missing arm runs the default, and no default (a match failure) gives up.
function wswitch(cx: WCtx, s: Anf.Switch, dest: WDest, out: G.Stmt[]): void {
  const scrut = watom(cx, s.scrutinee, out);
  const armOf = (con: string): Anf.Expr | null => {
    const arm = s.arms.find((a) => a.tag === 'ConArm' && a.con === con);
    return arm !== undefined ? arm.body : s.default;
  };
  const branch = (e: Anf.Expr | null): G.Stmt[] => {
    const body: G.Stmt[] = [];
    if (e === null) body.push(giveUp(cx));
    else wexpr(cx, e, dest, body);
    return body;
  };
  // Arms run in order, but for a Bool at most one of True/False matches, so the order does not matter.
  out.push(G.mk.if(null, scrut, branch(armOf(trueCon)), G.mk.block(branch(armOf(falseCon)))));
}
