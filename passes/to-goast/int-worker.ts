// passes/to-goast/int-worker.ts: unboxed workers for top-level functions whose body is Int and Bool arithmetic
// mixed with constructors: comparisons, +, −, ×, div, mod, and/or/not, if-on-Bool, case on constructors and
// strings, constructor application, record literals, field selection, saturated calls of other such functions
// and of any other primitive (on boxed values: `showInt n` boxes n).
//
// Worker/wrapper with speculation. A worker `f_w(q int64, qs rt.Value) (bool, bool)` keeps each Int parameter
// (one the body uses as an operand of Int arithmetic) as a Go int64, every Int and Bool it computes as int64 and
// bool, and everything else boxed; it gives up (ok = false) wherever the boxed code would do anything else: an
// overflow (the boxed code promotes to *big.Int), a zero divisor, an operand that is not an int64 or a Bool, a
// match failure. The wrapper `f` tries the worker when its Int arguments are int64, and otherwise (or when the
// worker gave up) runs `f_boxed`, the plain boxed body. The fragment has no effects, calls nothing outside it
// (no closures, no unknown functions: a worker never reaches a wrapper, so giving up never nests) and is
// deterministic, so running the boxed body again from the start computes exactly what it would have computed
// (the same value, or the same crash at the same point): giving up costs time, never changes the outcome. Boxed
// bodies call the boxed halves of other workers' functions directly, so after one give-up a computation stays
// boxed rather than retrying a worker at every level of a recursion (which would be quadratic).
import type * as Anf from '../../ir/anf/anf';
import { forEachComp } from '../../ir/anf/walk';
import * as G from '../../ir/goast/goast';
import { bug } from '../../ir/shared/diagnostic';
import { goPrimFunc, lookupPrim } from '../../ir/shared/prims';
import { type Global, declLam, type Plan, synthetic } from './names';
import {
  type AccCells, accCell, accumulatorCells, atom as boxedAtom, conCall, conMatch, type Ctx, fillHole,
  hasSelfTailCall, intRecordLiteral, linkStmts, newAccCells, newTrmc, ownerOf, recordOf, rtValue, selectField, type SpecialParams,
  specialParams, stepSpecialParams, type Trmc,
} from './body';
import { type TailContext, definedKinds, isSelfCall, tailContexts } from './contexts';

/** How a worker holds a value: Int as int64, Bool as bool, anything else as rt.Value. */
export type Kind = 'int' | 'bool' | 'val';

/**
 * A function that has a worker: the worker's and the boxed half's Go names, the kind of each parameter
 * ('int' or 'val') and of the result.
 */
export interface Worker {
  readonly goName: string; readonly boxedName: string; readonly params: readonly Kind[]; readonly result: Kind;
  /** The locals its body uses as operands of Int arithmetic (intOperands; its Int parameters among them). */
  readonly intOperands: ReadonlySet<string>;
}

const intOps: ReadonlyMap<string, Kind> = new Map([
  ['prim_addInt', 'int'], ['prim_subInt', 'int'], ['prim_mulInt', 'int'], ['prim_divInt', 'int'], ['prim_modInt', 'int'],
  ['prim_eqInt', 'bool'], ['prim_leInt', 'bool'], ['prim_geInt', 'bool'],
]);
const boolOps: ReadonlyMap<string, number> = new Map([['prim_and', 2], ['prim_or', 2], ['prim_not', 1]]);
const trueCon = 'Lune.Prelude.True';
const falseCon = 'Lune.Prelude.False';
const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;
const inInt64 = (l: Anf.Lit): boolean => l.value.kind === 'int' && l.value.value >= int64Min && l.value.value <= int64Max;

/** An atom's kind in a worker; `global` is a top-level value (boxed, asserted where an Int is needed). */
type AtomKind = Kind | 'global';
/**
 * What a computation gives: a kind, `fail` (it never returns: a match failure), or `none` (a call of a function
 * whose result kind is not known yet, while planning). `null` everywhere below: outside the fragment.
 */
type Res = Kind | 'fail' | 'none';

const asInt = (k: AtomKind | null): boolean => k === 'int' || k === 'val' || k === 'global';
const asBool = (k: AtomKind | null): boolean => k === 'bool' || k === 'val' || k === 'global';
/** The kind a parameter of `kind` accepts an argument of kind `k` as (any value can be boxed). */
const fits = (param: Kind, k: AtomKind | null): boolean => (param === 'int' ? asInt(k) : k !== null);

/** Worker signatures assumed while planning (results may still be `none`). */
type Sigs = ReadonlyMap<string, { readonly params: readonly Kind[]; readonly result: Kind | 'none' }>;

// Checks that a body lies in the worker fragment, given the kinds of locals so far and the signatures assumed.
class Fragment {
  constructor(
    private readonly globals: ReadonlyMap<string, Global>,
    private readonly sigs: Sigs,
    private readonly locals: Map<string, Kind>,
  ) {}

  atom(a: Anf.Atom): AtomKind | null {
    if (a.tag === 'Lit') return inInt64(a) ? 'int' : 'val';
    switch (a.scope) {
      case 'local': return this.locals.get(a.name) ?? null;
      case 'global': return this.globals.get(a.name)?.kind === 'value' ? 'global' : 'val';
      case 'con': return a.name === trueCon || a.name === falseCon ? 'bool' : 'val';
      case 'prim': return 'val';
    }
  }

  comp(c: Anf.Comp): Res | null {
    switch (c.tag) {
      case 'Var': case 'Lit': { const k = this.atom(c); return k === 'global' ? 'val' : k; }
      case 'Fail': return 'fail';
      case 'Select': return this.atom(c.record) !== null ? 'val' : null;
      case 'Record': return c.fields.every((f) => this.atom(f.value) !== null) ? 'val' : null;
      case 'Switch': return this.switch(c);
      case 'App': return this.app(c);
      default: return null; // closures and templates stay in boxed code
    }
  }

  private app(c: Anf.App): Res | null {
    if (c.fn.tag !== 'Var') return null;
    const kinds = c.args.map((a) => this.atom(a));
    switch (c.fn.scope) {
      case 'prim': {
        const op = intOps.get(c.fn.name);
        if (op !== undefined) return kinds.length === 2 && kinds.every(asInt) ? op : null;
        const n = boolOps.get(c.fn.name);
        if (n !== undefined) return kinds.length === n && kinds.every(asBool) ? 'bool' : null;
        // Any other primitive, saturated, on boxed arguments: pure and deterministic when applied (an effect is
        // an IO action, here only a value), and it never calls back into Lune code, so it keeps the fragment's
        // promises; a crash in it is the crash the boxed code would reach at the same point.
        const p = lookupPrim(c.fn.name);
        return p !== undefined && p.arity >= 1 && p.arity === kinds.length && kinds.every((k) => k !== null) ? 'val' : null;
      }
      case 'global': {
        const s = this.sigs.get(c.fn.name);
        return s !== undefined && s.params.length === kinds.length && kinds.every((k, i) => fits(s.params[i]!, k)) ? s.result : null;
      }
      case 'con': return kinds.every((k) => k !== null) ? 'val' : null;
      case 'local': return null;
    }
  }

  // if-on-Bool (True/False arms without binders), or a case on a boxed value's constructor or string.
  private switch(s: Anf.Switch): Res | null {
    const k = this.atom(s.scrutinee);
    if (k === null || k === 'int') return null;
    const bodies: Anf.Expr[] = [];
    for (const arm of s.arms) {
      if (k === 'bool' && (arm.tag !== 'ConArm' || (arm.con !== trueCon && arm.con !== falseCon) || arm.binders.length !== 0)) return null;
      if (arm.tag === 'ConArm') for (const b of arm.binders) if (b !== null) this.locals.set(b, 'val');
      bodies.push(arm.body);
    }
    if (s.default !== null) bodies.push(s.default);
    return join(bodies.map((b) => this.expr(b)));
  }

  expr(e: Anf.Expr): Res | null {
    let cur = e;
    for (; cur.tag === 'Let'; cur = cur.body) {
      const k = this.comp(cur.rhs);
      if (k === null) return null;
      if (k === 'fail') return 'fail'; // the rest is never reached
      this.locals.set(cur.name, k === 'none' ? 'val' : k); // unknown yet: boxed fits every use
    }
    return this.comp(cur.value);
  }
}

/** The kind of a Switch from its arms': failing arms don't count; Int or Bool mixed with anything else is boxed. */
function join(rs: readonly (Res | null)[]): Res | null {
  let out: Res = 'fail';
  for (const r of rs) {
    if (r === null) return null;
    if (r === 'fail' || (r === 'none' && out !== 'fail')) continue;
    if (out === 'fail' || out === 'none') out = r;
    else if (out !== r) out = 'val';
  }
  return out;
}

/**
 * A parameter is an Int parameter when the body uses it directly as an operand of Int arithmetic; `arith`: the
 * body does some Int or Bool arithmetic (else a worker would only copy the boxed code).
 */
function paramKinds(lam: Anf.Lam): { params: Kind[]; arith: boolean; intUses: Set<string> } {
  let arith = false;
  forEachComp(lam.body, (c) => { if (isArith(c)) arith = true; });
  const intUses = intOperands(lam);
  return { params: lam.params.map((p) => (intUses.has(p) ? 'int' : 'val')), arith, intUses };
}

/** The locals `lam`'s body uses directly as operands of Int arithmetic. */
function intOperands(lam: Anf.Lam): Set<string> {
  const intUses = new Set<string>();
  forEachComp(lam.body, (c) => {
    if (isArith(c) && intOps.has(c.fn.name)) for (const a of c.args) if (a.tag === 'Var' && a.scope === 'local') intUses.add(a.name);
  });
  return intUses;
}

const isArith = (c: Anf.Comp): c is Anf.App & { fn: Anf.Var } =>
  c.tag === 'App' && c.fn.tag === 'Var' && c.fn.scope === 'prim' && (intOps.has(c.fn.name) || boolOps.has(c.fn.name));

/** Rounds of the planning fixpoint before giving up on workers altogether (each function moves ≤ 4 times). */
const maxRounds = 64;

/**
 * The functions that get a worker: the top-level functions whose bodies check in the fragment, with the other
 * workers' signatures assumed (a fixpoint: result kinds only rise none → int/bool → val, and a function whose
 * check fails drops out), that do Int or Bool arithmetic and have an Int parameter or an Int/Bool result or call
 * a candidate that has one, plus the candidates those call (a worker calls only workers).
 */
export function planWorkers(m: Anf.Module, plan: Plan): Map<string, Worker> {
  const sigs = new Map<string, { params: Kind[]; result: Kind | 'none' }>();
  const lams = new Map<string, Anf.Lam>();
  const arith = new Set<string>();
  const intUses = new Map<string, Set<string>>();
  for (const d of m.decls) {
    const lam = declLam(d);
    if (lam !== null && plan.globals.get(d.name)?.kind === 'func') {
      lams.set(d.name, lam);
      const k = paramKinds(lam);
      sigs.set(d.name, { params: k.params, result: 'none' });
      intUses.set(d.name, k.intUses);
      if (k.arith) arith.add(d.name);
    }
  }
  const check = (name: string): Res | null => {
    const lam = lams.get(name)!;
    const s = sigs.get(name)!;
    return new Fragment(plan.globals, sigs, new Map(lam.params.map((p, i) => [p, s.params[i]!]))).expr(lam.body);
  };
  const settle = (): boolean => {
    for (let rounds = 0, changed = true; changed; rounds++) {
      if (rounds > maxRounds) return false;
      changed = false;
      for (const name of lams.keys()) {
        const s = sigs.get(name);
        if (s === undefined) continue;
        const r = check(name);
        if (r === null) { sigs.delete(name); changed = true; continue; }
        // A body that cannot return normally keeps the result it has (none until it has one): after the
        // promotion below, a function that always fails keeps its boxed result in the second round.
        const result = r === 'fail' ? s.result : r;
        if (result !== s.result) { s.result = result; changed = true; }
      }
    }
    return true;
  };
  if (!settle()) return new Map();
  // A function that never returns normally (it always fails, or only recurses) is given a boxed result.
  for (const s of sigs.values()) if (s.result === 'none') s.result = 'val';
  if (!settle()) return new Map();
  const kept = new Set<string>();
  const keep = (name: string): void => {
    if (kept.has(name) || !sigs.has(name)) return;
    kept.add(name);
    for (const callee of workerCallees(lams.get(name)!.body)) keep(callee);
  };
  // Worth a worker: Int/Bool values cross its boundary (an Int parameter, an Int or Bool result), or it passes
  // Ints to or takes them from a function where they do (its worker then calls that worker, unboxed both ways).
  const unboxedAtBoundary = (s: { params: readonly Kind[]; result: Kind | 'none' }): boolean => s.params.includes('int') || s.result !== 'val';
  for (const [name, s] of sigs) {
    if (!arith.has(name)) continue;
    if (unboxedAtBoundary(s) || workerCallees(lams.get(name)!.body).some((c) => { const t = sigs.get(c); return t !== undefined && unboxedAtBoundary(t); })) keep(name);
  }
  const out = new Map<string, Worker>();
  for (const name of lams.keys()) {
    const s = sigs.get(name);
    const g = plan.globals.get(name);
    if (s === undefined || !kept.has(name) || g?.kind !== 'func') continue;
    out.set(name, {
      goName: plan.names.fresh(`${g.goFunc}_w`, { debug: true, debugAs: name }),
      boxedName: plan.names.fresh(`${g.goFunc}_boxed`, { debug: true, debugAs: name }),
      params: s.params, result: s.result as Kind, intOperands: intUses.get(name)!,
    });
  }
  return out;
}

/** The top-level functions a body calls (saturated or not: only the fragment's calls matter here). */
function workerCallees(e: Anf.Expr): string[] {
  const out: string[] = [];
  forEachComp(e, (c) => { if (c.tag === 'App' && c.fn.tag === 'Var' && c.fn.scope === 'global') out.push(c.fn.name); });
  return out;
}

/** The Go type of a kind. */
const goType = (k: Kind): G.Expr => (k === 'int' ? G.mk.ident('int64') : k === 'bool' ? G.mk.ident('bool') : rtValue);
const zero = (k: Kind): G.Expr => (k === 'int' ? G.mk.int('0') : k === 'bool' ? G.mk.ident('false') : G.mk.ident('nil'));
const rtCall = (name: string, args: readonly G.Expr[]): G.Expr => G.mk.call(G.mk.qual('rt', name), args);

/** What emitting a worker body needs. */
interface WCtx {
  readonly plan: Plan;
  /** The boxed code generator's context: literals, constructors, globals and primitives as Go values. */
  readonly bx: Ctx;
  readonly workers: ReadonlyMap<string, Worker>;
  readonly result: Kind;
  readonly kinds: Map<string, Kind>;
  /** A self tail call reassigns these parameters (null: unused) and continues the worker's loop. */
  readonly selfLoop: {
    readonly name: string; readonly params: readonly (string | null)[]; readonly kinds: readonly Kind[];
    /** A loop building its result (body.ts Trmc): every `return v, true` goes through the hole. */
    readonly trmc: Trmc | null;
    /** Its tail contexts (contexts.ts), by their first let. */
    readonly contexts: ReadonlyMap<Anf.Let, TailContext>;
    /** Its accumulator cells (body.ts accumulatorCells). */
    readonly acc: AccCells | null;
  } & SpecialParams | null;
  /** Go variables read so far, and every declaration (a variable never read gets `_ = x` after it: Go insists). */
  readonly reads: Set<string>;
  readonly declared: { readonly out: G.Stmt[]; readonly stmt: G.Stmt; readonly name: string }[];
  /** Boxed locals already converted to int64/bool on the current path (`x:int` → Go variable). */
  conv: Map<string, G.Expr>;
  /** The locals the body uses as operands of Int arithmetic (a field selected into one is read as an int64). */
  readonly intOperands: ReadonlySet<string>;
}

type WDest = { readonly kind: 'return' } | { readonly kind: 'assign'; readonly to: string; readonly k: Kind };

/** The worker function of `d` (which planWorkers accepted). */
export function workerDecl(bx: Ctx, d: Anf.Decl): G.FuncDecl {
  const { plan, workers } = bx;
  const w = workers.get(d.name) ?? bug('goast', `${d.name} has no worker`);
  const lam = declLam(d) ?? bug('goast', `${d.name} has a worker but is not a lambda`);
  // A tail context needs a boxed result to put in the hole (an Int or Bool result cannot be a constructor). Its
  // totality may rest on the int64 parameters: they are Ints.
  const kinds = definedKinds(lam.body);
  const intParams = new Set(lam.params.filter((_, i) => w.params[i] === 'int'));
  const contexts = w.result === 'val'
    ? tailContexts(lam.body, d.name, lam.params.length, plan.uses, (x) => (intParams.has(x) ? 'int' : kinds.get(x) ?? null))
    : new Map<Anf.Let, TailContext>();
  const consTail = contexts.size > 0;
  const loops = consTail || hasSelfTailCall(lam.body, d.name, lam.params.length);
  const t = consTail ? newTrmc(bx, contexts) : null;
  const trmc = t?.trmc ?? null;
  const names = lam.params.map((p) => (plan.used.has(p) ? plan.locals.get(p) ?? bug('goast', `local ${p} has no Go name`) : null));
  // List parameters and string accumulators as the boxed code has them (body.ts), set from the parameters (a
  // special parameter is read, so it has a Go name).
  const setUp: G.Stmt[] = [];
  const goNames = names.map((n) => n ?? '_');
  const special = loops ? specialParams(plan, lam, d.name, contexts, goNames, goNames, setUp) : { cursors: new Map(), stringAccs: new Map(), pushed: new Set<string>() };
  const a = loops
    ? newAccCells(bx, new Set([...accumulatorCells(lam.body, d.name, lam.params.length, plan.uses)].filter((x) => !special.pushed.has(x))))
    : { acc: null, decls: [] };
  const cx: WCtx = {
    plan, bx, workers, result: w.result, kinds: new Map(lam.params.map((p, i) => [p, w.params[i]!])),
    selfLoop: loops ? { name: d.name, params: names, kinds: w.params, trmc, acc: a.acc, contexts, ...special } : null, reads: new Set(), declared: [], conv: new Map(),
    intOperands: w.intOperands,
  };
  const params = names.map((n, i) => G.mk.field(n ?? '_', goType(w.params[i]!)));
  const inner: G.Stmt[] = [];
  wexpr(cx, lam.body, { kind: 'return' }, inner);
  for (const { out, stmt, name } of cx.declared) {
    if (!cx.reads.has(name)) out.splice(out.indexOf(stmt) + 1, 0, G.mk.set('_', G.mk.ident(name)));
  }
  // No closures in a worker, so the parameters themselves can be the loop variables.
  const body = loops ? [G.mk.for(null, null, null, inner)] : inner;
  body.unshift(...setUp, ...(t?.decls ?? []), ...a.decls);
  const ints = lam.params.filter((_, i) => w.params[i] === 'int');
  const resultKind = w.result === 'int' ? 'its Int result unboxed' : w.result === 'bool' ? 'its Bool result unboxed' : 'unboxed inside';
  const doc = ints.length === 0 ? `${w.goName} is ${d.name} computing ${resultKind}`
    : `${w.goName} is ${d.name} on int64 ${ints.map((p) => plan.locals.get(p) ?? p).join(', ')}`;
  return G.mk.funcDecl(w.goName, G.mk.funcType(params, [goType(w.result), G.mk.ident('bool')]), body,
    [`${doc}; false where the boxed code would leave int64 or fail.`], { name: d.name, span: d.span });
}

/**
 * The wrapper's body: when every Int argument is an int64, try the worker; otherwise, or when it gives up, the
 * boxed half. `params` are the Go names of the wrapper's parameters.
 */
export function wrapperBody(plan: Plan, w: Worker, params: readonly string[]): G.Stmt[] {
  const r = plan.names.fresh('r');
  const args: G.Expr[] = params.map((p) => G.mk.ident(p));
  const unboxed: [number, string][] = [];
  w.params.forEach((k, i) => {
    if (k !== 'int') return;
    const u = plan.names.fresh('i');
    unboxed.push([i, u]);
    args[i] = G.mk.ident(u);
  });
  const boxed = w.result === 'val' ? G.mk.ident(r) : rtCall(w.result === 'bool' ? 'Bool' : 'BoxInt', [G.mk.ident(r)]);
  // `ok` is reserved (names.ts): no Lune local is named so, so shadowing it never hides an argument.
  const ok = G.mk.ident(synthetic.ok);
  let inner: G.Stmt = G.mk.if(G.mk.assign([G.mk.ident(r), ok], ':=', [G.mk.call(G.mk.ident(w.goName), args)]), ok, [G.mk.ret([boxed])]);
  for (let j = unboxed.length - 1; j >= 0; j--) {
    const [i, u] = unboxed[j]!;
    inner = G.mk.if(G.mk.assign([G.mk.ident(u), ok], ':=', [G.mk.typeAssert(G.mk.ident(params[i]!), G.mk.ident('int64'))]), ok, [inner]);
  }
  return [inner, G.mk.ret([G.mk.call(G.mk.ident(w.boxedName), params.map((p) => G.mk.ident(p)))])];
}

const giveUp = (cx: WCtx): G.Stmt => G.mk.ret([zero(cx.result), G.mk.ident('false')]);

/** A Lune local's Go variable, counted as read. */
function wlocal(cx: WCtx, x: string): G.Expr {
  const name = cx.plan.locals.get(x) ?? bug('goast', `local ${x} has no Go name`);
  cx.reads.add(name);
  return G.mk.ident(name);
}

/**
 * Declares Go variable `name` of kind `k`: `x := e` where e has that Go type already (Int and Bool arithmetic
 * on a variable), else `var x T = e` (an untyped constant would make a Go int; a constructor an *rt.Con).
 */
function declare(cx: WCtx, name: string, k: Kind, value: G.Expr | null, out: G.Stmt[]): void {
  const stmt = value !== null && k !== 'val' && !isConstant(value) ? G.mk.define(name, value) : G.mk.declStmt(G.mk.varDecl(name, goType(k), value));
  out.push(stmt);
  cx.declared.push({ out, stmt, name });
}

/** `name, ok := call; if !ok { give up }`; returns the assignment (which declares `name`). */
function callOrGiveUp(cx: WCtx, names: readonly string[], call: G.Expr, out: G.Stmt[]): G.Stmt {
  const ok = cx.plan.names.fresh('ok');
  const assign = G.mk.assign([...names.map((n) => G.mk.ident(n)), G.mk.ident(ok)], ':=', [call]);
  out.push(assign, G.mk.if(null, G.mk.unary('!', G.mk.ident(ok)), [giveUp(cx)]));
  return assign;
}

/**
 * A field the body uses as an Int, selected into int64 variable `name` (true), when one shape of up to four labels
 * has the label: unboxed from an IntRecord of that shape, else from a boxed record (rt.IntSelect: by index or by
 * search), giving up when it is not an int64 (the boxed code would then compute with a big Int, or crash where it
 * is not an Int, as it does):
 * `name, ok := rt.IntFieldIn4(r, shape, i); if !ok { name, ok = rt.IntSelect(r, shape, i, label); if !ok { give up } }`.
 */
function selectInt(cx: WCtx, record: G.Expr, label: string, name: string, out: G.Stmt[]): boolean {
  const owner = ownerOf(cx.bx, label);
  if (owner === null || owner.size > 4) return false;
  const ok = cx.plan.names.fresh('ok');
  const both = [G.mk.ident(name), G.mk.ident(ok)];
  const assign = G.mk.assign(both, ':=', [rtCall(`IntFieldIn${owner.size}`, [record, owner.shape, owner.index])]);
  const search = G.mk.assign(both, '=', [rtCall('IntSelect', [record, owner.shape, owner.index, G.mk.str(label)])]);
  const notOk = G.mk.unary('!', G.mk.ident(ok));
  out.push(assign, G.mk.if(null, notOk, [search, G.mk.if(null, notOk, [giveUp(cx)])]));
  cx.declared.push({ out, stmt: assign, name });
  return true;
}

// Converts `e` (a Go expression holding kind `from`) to kind `to`, giving up where the boxed value is not one.
function convert(cx: WCtx, e: G.Expr, from: Kind, to: Kind, out: G.Stmt[]): G.Expr {
  if (from === to) return e;
  if (to === 'val') return rtCall(from === 'bool' ? 'Bool' : 'BoxInt', [e]); // BoxInt: small Ints without allocating
  if (from !== 'val') return bug('goast', `a worker converts ${from} to ${to}`);
  const v = cx.plan.names.fresh(to === 'int' ? 'n' : 'b');
  if (to === 'int') callOrGiveUp(cx, [v], G.mk.typeAssert(e, G.mk.ident('int64')), out);
  else callOrGiveUp(cx, [v], rtCall('BoolOf', [e]), out);
  return G.mk.ident(v);
}

// An atom as a Go expression of kind `to`.
function watom(cx: WCtx, a: Anf.Atom, to: Kind, out: G.Stmt[]): G.Expr {
  if (a.tag === 'Lit' && to === 'int' && inInt64(a) && a.value.kind === 'int') {
    const v = a.value.value;
    const lit = G.mk.int((v < 0n ? -v : v).toString());
    return v < 0n ? G.mk.unary('-', lit) : lit;
  }
  const special = a.tag === 'Var' ? cx.selfLoop?.cursors.get(a.name) ?? cx.selfLoop?.stringAccs.get(a.name) : undefined;
  if (special !== undefined) return convert(cx, G.mk.call(G.mk.sel(G.mk.ident(special.go), 'Value'), []), 'val', to, out);
  if (a.tag === 'Var' && a.scope === 'local') {
    const k = cx.kinds.get(a.name) ?? bug('goast', `local ${a.name} has no kind`);
    if (k !== 'val' || to === 'val') return convert(cx, wlocal(cx, a.name), k, to, out);
    // A boxed local read as an Int (or Bool) again on the same path reuses the first conversion.
    const key = `${a.name}:${to}`;
    const done = cx.conv.get(key);
    if (done !== undefined) return done;
    const e = convert(cx, wlocal(cx, a.name), k, to, out);
    cx.conv.set(key, e);
    return e;
  }
  if (a.tag === 'Var' && a.scope === 'con' && to === 'bool') {
    if (a.name !== trueCon && a.name !== falseCon) bug('goast', `constructor ${a.name} as a Bool in a worker`);
    return G.mk.ident(a.name === trueCon ? 'true' : 'false');
  }
  // Literals, constructors, top-level values and primitives: their boxed Go value, converted.
  return convert(cx, boxedAtom(cx.bx, a).e, 'val', to, out);
}

/** The kind an atom naturally has in the worker (what watom gives without conversion). */
function atomKind(cx: WCtx, a: Anf.Atom): Kind {
  if (a.tag === 'Lit') return inInt64(a) ? 'int' : 'val';
  if (a.scope === 'local') return cx.kinds.get(a.name) ?? bug('goast', `local ${a.name} has no kind`);
  return a.scope === 'con' && (a.name === trueCon || a.name === falseCon) ? 'bool' : 'val';
}

function wexpr(cx: WCtx, e: Anf.Expr, dest: WDest, out: G.Stmt[]): void {
  let cur = e;
  for (; cur.tag === 'Let'; cur = cur.body) {
    if (cur.rhs.tag === 'Fail') { out.push(giveUp(cx)); return; }
    const ctx = dest.kind === 'return' ? cx.selfLoop?.contexts.get(cur) : undefined;
    if (ctx !== undefined) {
      wcontext(cx, ctx, out);
      return;
    }
    wlet(cx, cur, out);
  }
  const c = cur.value;
  if (c.tag === 'Fail') { out.push(giveUp(cx)); return; }
  if (c.tag === 'Switch') { wswitch(cx, c, dest, out); return; }
  const loop = cx.selfLoop;
  if (dest.kind === 'return' && loop !== null && isSelfCall(c, loop.name, loop.params.length)) {
    wloopStep(cx, c.args, out);
    return;
  }
  const to = dest.kind === 'return' ? cx.result : dest.k;
  let value: G.Expr;
  if (c.tag === 'Var' || c.tag === 'Lit') value = watom(cx, c, to, out);
  else {
    const tmp = cx.plan.names.fresh('w');
    const k = wcomp(cx, c, tmp, out);
    value = convert(cx, G.mk.ident(tmp), k, to, out);
    cx.reads.add(tmp);
  }
  if (dest.kind === 'assign') out.push(G.mk.set(dest.to, value));
  else if (loop?.trmc) {
    out.push(fillHole(loop.trmc, value), G.mk.ret([G.mk.ident(loop.trmc.head), G.mk.ident('true')]));
  } else out.push(G.mk.ret([value, G.mk.ident('true')]));
}

// One let of a worker's spine (not a Fail: the caller gives up there).
function wlet(cx: WCtx, l: Anf.Let, out: G.Stmt[]): void {
  if (cx.selfLoop?.pushed.has(l.name) === true) {
    cx.kinds.set(l.name, 'val'); // `Cons x acc` of a string accumulator: pushed by the tail call (wloopStep)
    return;
  }
  const used = cx.plan.used.has(l.name);
  const name = used ? cx.plan.locals.get(l.name) ?? bug('goast', `local ${l.name} has no Go name`) : '_';
  if (l.rhs.tag === 'Switch') {
    const k = switchKind(cx, l.rhs);
    cx.kinds.set(l.name, k);
    if (used) declare(cx, name, k, null, out);
    wswitch(cx, l.rhs, { kind: 'assign', to: name, k }, out);
  } else cx.kinds.set(l.name, wcomp(cx, l.rhs, name, out, l.name));
}

// A tail context (contexts.ts) in a worker building its result: as body.ts contextStmts, the links' arguments
// converted to boxed values.
function wcontext(cx: WCtx, ctx: TailContext, out: G.Stmt[]): void {
  for (const l of ctx.before) wlet(cx, l, out);
  linkStmts(cx.bx, ctx.links, cx.selfLoop!.trmc!, (a) => watom(cx, a, 'val', out), out);
  const c = ctx.inner.rhs;
  if (c.tag === 'Switch') wswitch(cx, c, { kind: 'return' }, out);
  else wloopStep(cx, (c as Anf.App).args, out);
}

// The next iteration of the worker's loop. A parameter passed on unchanged is left out (Go's vet rejects
// `q = q`; every right side is read first anyway).
function wloopStep(cx: WCtx, args: readonly Anf.Atom[], out: G.Stmt[]): void {
  const loop = cx.selfLoop!;
  const special = stepSpecialParams(loop, args, (a) => watom(cx, a, 'val', out), out);
  const pairs = args.flatMap((a, i) => (special[i] ? [] : [[loop.params[i], watom(cx, a, loop.kinds[i]!, out)] as const]))
    .filter(([p, v]) => p !== null && !(v.tag === 'Ident' && v.name === p));
  if (pairs.length > 0) out.push(G.mk.assign(pairs.map(([p]) => G.mk.ident(p!)), '=', pairs.map(([, v]) => v)));
  out.push(G.mk.branch('continue'));
}

// The kind a Switch's arms produce (checked by planWorkers), with the kinds of the locals so far.
function switchKind(cx: WCtx, s: Anf.Switch): Kind {
  const sigs = new Map([...cx.workers].map(([n, w]) => [n, { params: w.params, result: w.result }]));
  const k = new Fragment(cx.plan.globals, sigs, new Map(cx.kinds)).comp(s);
  return k === 'int' || k === 'bool' || k === 'val' ? k : cx.result;
}

// Computes a non-Switch comp into a new Go variable `name` ('_': discarded), giving up where the boxed code
// would not stay in int64; returns the variable's kind.
function wcomp(cx: WCtx, c: Anf.Comp, name: string, out: G.Stmt[], letName?: string): Kind {
  const put = (k: Kind, e: G.Expr): Kind => {
    if (name === '_') out.push(G.mk.set('_', e));
    else declare(cx, name, k, e, out);
    return k;
  };
  switch (c.tag) {
    case 'Var': case 'Lit': { const k = atomKind(cx, c); return put(k, watom(cx, c, k, out)); }
    case 'Select': {
      const r = watom(cx, c.record, 'val', out);
      const usedAsInt = letName !== undefined && cx.intOperands.has(letName); // then used: `name` is not '_'
      if (usedAsInt && selectInt(cx, r, c.label, name, out)) return 'int';
      return put('val', selectField(cx.bx, r, c.label, out));
    }
    case 'Record': {
      // A record of Ints only is built from the int64s themselves: an IntRecord, without boxing them.
      const ints = intRecordLiteral(c, (a) => atomKind(cx, a) === 'int');
      return put('val', recordOf(cx.bx, c, (a) => watom(cx, a, ints ? 'int' : 'val', out), ints));
    }
    case 'App': break;
    default: return bug('goast', `${c.tag} in a worker`);
  }
  if (c.fn.tag !== 'Var') return bug('goast', 'a literal applied in a worker');
  const fn = c.fn.name;
  if (c.fn.scope === 'con') {
    const args = c.args.map((a) => watom(cx, a, 'val', out));
    const acc = cx.selfLoop?.acc;
    if (letName === undefined || acc?.lets.has(letName) !== true) return put('val', conCall(cx.bx, fn, args));
    const cell = cx.plan.names.fresh('cell');
    out.push(...accCell(acc, cell, args));
    return put('val', G.mk.ident(cell));
  }
  if (c.fn.scope === 'global') {
    const w = cx.workers.get(fn) ?? bug('goast', `call of ${fn} in a worker, which has none`);
    const args = c.args.map((a, i) => watom(cx, a, w.params[i]!, out));
    const v = name === '_' ? cx.plan.names.fresh('w') : name;
    const call = callOrGiveUp(cx, [v], G.mk.call(G.mk.ident(w.goName), args), out);
    // A result read only in code the worker drops (after a give-up) still needs a read: Go insists.
    if (name === '_') out.push(G.mk.set('_', G.mk.ident(v)));
    else cx.declared.push({ out, stmt: call, name: v });
    return w.result;
  }
  const acc = fn === '$charsToStringRevOnto' && c.args[1]?.tag === 'Var' ? cx.selfLoop?.stringAccs.get(c.args[1].name) : undefined;
  if (acc !== undefined) return put('val', G.mk.call(G.mk.sel(G.mk.ident(acc.go), 'RevString'), [watom(cx, c.args[0]!, 'val', out)]));
  const op = intOps.get(fn);
  if (op === undefined && !boolOps.has(fn)) return put('val', rtCall(goPrimFunc(fn), c.args.map((x) => watom(cx, x, 'val', out))));
  const [a, b] = c.args.map((x) => watom(cx, x, op !== undefined ? 'int' : 'bool', out));
  if (name === '_') name = cx.plan.names.fresh('w'); // overflow checks read the result
  const ident = G.mk.ident(name);
  const overflowIf = (cond: G.Expr) => out.push(G.mk.if(null, cond, [giveUp(cx)]));
  const define = (e: G.Expr, k: Kind): Kind => {
    declare(cx, name, k, e, out);
    return k;
  };
  // Two literals: Go would compute `a + b` at compile time and refuse a sum past int64, so a helper computes it
  // at run time (and gives up on overflow, as the inline check does).
  const literals = c.args.every((x) => x.tag === 'Lit');
  if (literals && (fn === 'prim_addInt' || fn === 'prim_subInt')) {
    cx.declared.push({ out, stmt: callOrGiveUp(cx, [name], rtCall(fn === 'prim_addInt' ? 'AddInt64' : 'SubInt64', [a!, b!]), out), name });
    return 'int';
  }
  switch (fn) {
    case 'prim_addInt':
      define(G.mk.binary('+', a!, b!), 'int');
      cx.reads.add(name);
      overflowIf(G.mk.binary('<', G.mk.binary('&', G.mk.paren(G.mk.binary('^', a!, ident)), G.mk.paren(G.mk.binary('^', b!, ident))), G.mk.int('0')));
      return 'int';
    case 'prim_subInt':
      define(G.mk.binary('-', a!, b!), 'int');
      cx.reads.add(name);
      overflowIf(G.mk.binary('<', G.mk.binary('&', G.mk.paren(G.mk.binary('^', a!, b!)), G.mk.paren(G.mk.binary('^', a!, ident))), G.mk.int('0')));
      return 'int';
    case 'prim_mulInt': case 'prim_divInt': case 'prim_modInt': {
      const helper = fn === 'prim_mulInt' ? 'MulInt64' : fn === 'prim_divInt' ? 'FloorDiv64' : 'FloorMod64';
      cx.declared.push({ out, stmt: callOrGiveUp(cx, [name], rtCall(helper, [a!, b!]), out), name });
      return 'int';
    }
    case 'prim_eqInt': return define(G.mk.binary('==', a!, b!), 'bool');
    case 'prim_leInt': return define(G.mk.binary('<=', a!, b!), 'bool');
    case 'prim_geInt': return define(G.mk.binary('>=', a!, b!), 'bool');
    case 'prim_and': return define(G.mk.binary('&&', a!, b!), 'bool');
    case 'prim_or': return define(G.mk.binary('||', a!, b!), 'bool');
    case 'prim_not': return define(G.mk.unary('!', a!), 'bool');
    default: return bug('goast', `primitive ${fn} in a worker`);
  }
}

// if-on-Bool, or a Go switch on a boxed value's constructor (or string); a missing arm runs the default, and
// no default (a match failure) gives up.
function wswitch(cx: WCtx, s: Anf.Switch, dest: WDest, out: G.Stmt[]): void {
  const branch = (e: Anf.Expr | null): G.Stmt[] => {
    const body: G.Stmt[] = [];
    if (e === null) body.push(giveUp(cx));
    else inBranch(cx, () => wexpr(cx, e, dest, body));
    return body;
  };
  const cursor = s.scrutinee.tag === 'Var' ? cx.selfLoop?.cursors.get(s.scrutinee.name) : undefined;
  if (cursor !== undefined) {
    wcursorSwitch(cx, s, cursor.go, branch, out);
    return;
  }
  if (atomKind(cx, s.scrutinee) === 'bool') {
    const scrut = watom(cx, s.scrutinee, 'bool', out);
    const armOf = (con: string): Anf.Expr | null => {
      const arm = s.arms.find((a) => a.tag === 'ConArm' && a.con === con);
      return arm !== undefined ? arm.body : s.default;
    };
    // Arms run in order, but for a Bool at most one of True/False matches, so the order does not matter.
    out.push(G.mk.if(null, scrut, branch(armOf(trueCon)), G.mk.block(branch(armOf(falseCon)))));
    return;
  }
  let subject = watom(cx, s.scrutinee, 'val', out);
  if (subject.tag !== 'Ident') {
    const tmp = cx.plan.names.fresh('scrut');
    out.push(G.mk.declStmt(G.mk.varDecl(tmp, rtValue, subject)));
    subject = G.mk.ident(tmp);
  }
  if (s.arms.length === 0) { out.push(G.mk.set('_', subject), ...branch(s.default)); return; }
  const m = conMatch(cx.bx, subject, s.arms);
  const clauses: G.CaseClause[] = [];
  for (const arm of s.arms) {
    const body: G.Stmt[] = [];
    if (arm.tag === 'ConArm') {
      const cond = m.test(arm);
      arm.binders.forEach((b, i) => {
        if (b === null) return;
        cx.kinds.set(b, 'val');
        if (cx.plan.used.has(b)) {
          const name = cx.plan.locals.get(b) ?? bug('goast', `local ${b} has no Go name`);
          const stmt = G.mk.define(name, m.field(arm, i), { name: b });
          body.push(stmt);
          cx.declared.push({ out: body, stmt, name });
        }
      });
      inBranch(cx, () => wexpr(cx, arm.body, dest, body));
      clauses.push(G.mk.caseClause([cond], body));
    } else {
      inBranch(cx, () => wexpr(cx, arm.body, dest, body));
      clauses.push(G.mk.caseClause([G.mk.binary('==', subject, G.mk.str(arm.value))], body));
    }
  }
  clauses.push(G.mk.caseClause([], branch(s.default)));
  out.push(G.mk.switch(m.init, null, clauses));
}

// The switch on a cursor parameter (cursors.ts), as body.ts cursorSwitch: the Cons arm first (the cursor is then
// at the tail), its head bound to elem; no other value matches, so the default runs (or the worker gives up).
function wcursorSwitch(cx: WCtx, s: Anf.Switch, cur: string, branch: (e: Anf.Expr | null) => G.Stmt[], out: G.Stmt[]): void {
  const method = (name: string): G.Expr => G.mk.call(G.mk.sel(G.mk.ident(cur), name), []);
  const arms = s.arms as readonly Anf.ConArm[];
  const cons = arms.find((a) => a.con === 'Lune.Prelude.Cons')!;
  const head = cons.binders[0]!;
  const headUsed = head !== null && cx.plan.used.has(head);
  for (const b of cons.binders) if (b !== null) cx.kinds.set(b, 'val');
  const init = G.mk.assign([G.mk.ident(headUsed ? synthetic.elem : '_'), G.mk.ident(synthetic.isCons)], ':=', [method('Next')]);
  const clauses = [cons, ...arms.filter((a) => a !== cons)].map((arm) => {
    const body: G.Stmt[] = [];
    if (arm === cons && headUsed) {
      const name = cx.plan.locals.get(head) ?? bug('goast', `local ${head} has no Go name`);
      const stmt = G.mk.define(name, G.mk.ident(synthetic.elem), { name: head });
      body.push(stmt);
      cx.declared.push({ out: body, stmt, name });
    }
    body.push(...branch(arm.body));
    return G.mk.caseClause([arm === cons ? G.mk.ident(synthetic.isCons) : method('AtNil')], body);
  });
  clauses.push(G.mk.caseClause([], branch(s.default)));
  out.push(G.mk.switch(init, null, clauses));
}

/** Runs `f` for one branch: conversions made inside it are not visible after it (Go scoping). */
function inBranch(cx: WCtx, f: () => void): void {
  const saved = cx.conv;
  cx.conv = new Map(saved);
  try {
    f();
  } finally {
    cx.conv = saved;
  }
}

/** True for a Go expression made of constants only (whose type `:=` would not make int64). */
function isConstant(e: G.Expr): boolean {
  switch (e.tag) {
    case 'BasicLit': return true;
    case 'Ident': return e.name === 'true' || e.name === 'false';
    case 'UnaryExpr': case 'ParenExpr': return isConstant(e.x);
    case 'BinaryExpr': return isConstant(e.x) && isConstant(e.y);
    default: return false;
  }
}
