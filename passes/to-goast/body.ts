// passes/to-goast/body.ts: ANF expressions → Go statements. Each Lune local is one Go variable of static type
// rt.Value; a Switch becomes a Go `switch` whose arms return or assign the bound variable.
import { match } from 'ts-pattern';
import type * as Anf from '../../ir/anf/anf';
import * as G from '../../ir/goast/goast';
import { assertNever, bug } from '../../ir/shared/diagnostic';
import type { Literal } from '../../ir/shared/literal';
import { goPrimFunc, goPrimValue, lookupPrim } from '../../ir/shared/prims';
import { type Plan, synthetic } from './names';
import { type Link, type TailContext, buildsCells, consName, isCell, isSelfCall } from './contexts';
import { type CursorParam, cursorParams } from './cursors';
import { type StringAccParam, stringAccParams } from './string-accs';
import type { Worker } from './int-worker';
import { sortedFields } from './shapes';

/** Where the value of an expression goes: returned, or assigned to a variable (`_` discards it). */
export type Dest = { readonly kind: 'return' } | { readonly kind: 'assign'; readonly to: string };

/** The code generator's state for one module (no module-level mutable state: one per toGoAst call). */
export interface Ctx {
  readonly plan: Plan;
  /** The functions with an unboxed worker (int-worker.ts). */
  readonly workers: ReadonlyMap<string, Worker>;
  /** Labels owned by one record shape (shapes.ts; empty under `-O0`): their selects read by index. */
  readonly owners: ReadonlyMap<string, readonly string[]>;
  /**
   * Package-level variables shared by all uses: nullary constructors (by name), constructor identities (by name:
   * `rt.CtorOf`) and sorted record label lists.
   */
  readonly shared: {
    readonly cons: Map<string, string>; readonly ctors: Map<string, string>; readonly labels: Map<string, string>; readonly decls: G.Decl[];
  };
  /** Set when a literal needs package math. */
  usesMath: boolean;
  /** The Lune declaration being generated (the `where` of a Switch without default). */
  where: string;
  /**
   * Set while generating the body of a top-level function that calls itself in tail position: such a call
   * assigns `params` (the loop's inputs) and continues the function's loop instead of calling. Cleared inside
   * lambdas and template holes, whose `return` is not the function's.
   */
  selfLoop: {
    readonly name: string; readonly params: readonly string[]; readonly trmc: Trmc | null; readonly acc: AccCells | null;
    /** Its tail contexts (contexts.ts), by their first let: computed front to back through trmc's hole. */
    readonly contexts: ReadonlyMap<Anf.Let, TailContext>;
  } & SpecialParams | null;
  /** Optimizations on (self tail calls as loops); false under `-O0`. */
  readonly optimize: boolean;
  /**
   * Set while generating the boxed half of a function with a worker: its direct calls of other such functions
   * go to their boxed halves (int-worker.ts says why).
   */
  inBoxed: boolean;
}

/**
 * Tail recursion modulo constructor (a function with a tail context, contexts.ts: `K … (f …) …`, or a switch
 * whose arms have such tails, inside constructors and appends): the loop builds the result front to back. `head` holds the result; `hole` points at the place (`head`, or the argument slot of the last cell
 * built) where the value of the current iteration goes, so every `return e` of the loop is `*hole = e; return
 * head`. The cells are fresh and unreachable from anywhere else until the function returns, so filling their
 * slot later cannot be observed.
 */
export interface Trmc { readonly head: string; readonly hole: string; readonly cells: string | null }

/**
 * A loop's accumulator cells (accumulatorCells): the lets building them and the rt.Cells (declared before the
 * loop) they come from.
 */
export interface AccCells { readonly cells: string; readonly lets: ReadonlySet<string> }

// A generated expression; `typed` when its static Go type is rt.Value (else it must be converted before a
// type assertion or a `:=` that should give an rt.Value variable).
interface Res { readonly e: G.Expr; readonly typed: boolean }

export const rtValue: G.Expr = G.mk.qual('rt', 'Value');
const rt = (name: string): G.Expr => G.mk.qual('rt', name);
const rtCall = (name: string, args: readonly G.Expr[]): G.Expr => G.mk.call(rt(name), args);
const asValue = (r: Res): G.Expr => (r.typed ? r.e : G.mk.call(rtValue, [r.e]));
/** `func(args []rt.Value) rt.Value`, the shape rt.MkFunc takes. */
export const funcOfArgs: G.FuncType = G.mk.funcType([G.mk.field(synthetic.args, G.mk.arrayType(rtValue))], [rtValue]);

/** The statements computing `e` into `dest`, appended to `out` (no spreading: spines can be 100k lets long). */
export function stmts(cx: Ctx, e: Anf.Expr, dest: Dest, out: G.Stmt[] = []): G.Stmt[] {
  let cur: Anf.Expr = e;
  while (cur.tag === 'Let') {
    const test = cx.optimize ? boolTest(cx, cur) : null;
    if (test !== null) {
      // `let s = <comparison> in case s of True/False`: a Go if on the comparison, no switch on the Bool.
      const next = cur.body;
      if (next.tag === 'Ret') {
        ifOnBool(cx, test, next.value as Anf.Switch, dest, out);
        return out;
      }
      const ctx = dest.kind === 'return' ? cx.selfLoop?.contexts.get(next) : undefined;
      if (ctx !== undefined) {
        contextStmts(cx, ctx, out, () => ifOnBool(cx, test, next.rhs as Anf.Switch, dest, out));
        return out;
      }
      const to = cx.plan.used.has(next.name) ? local(cx, next.name) : '_';
      if (to !== '_') out.push(G.mk.declStmt(G.mk.varDecl(to, rtValue, null)));
      ifOnBool(cx, test, next.rhs as Anf.Switch, { kind: 'assign', to }, out);
      cur = next.body;
      continue;
    }
    const ctx = dest.kind === 'return' ? cx.selfLoop?.contexts.get(cur) : undefined;
    if (ctx !== undefined) {
      contextStmts(cx, ctx, out, () => finish(cx, ctx.inner.rhs, dest, out));
      return out;
    }
    bindLet(cx, cur, out);
    cur = cur.body;
  }
  finish(cx, cur.value, dest, out);
  return out;
}

// A tail context (contexts.ts) in a loop building its result: its total lets, its links from the outermost, then
// `inner` (its self call, the next iteration; or its switch, whose arms return through the hole).
function contextStmts(cx: Ctx, ctx: TailContext, out: G.Stmt[], inner: () => void): void {
  for (const l of ctx.before) bindLet(cx, l, out);
  linkStmts(cx, ctx.links, cx.selfLoop!.trmc!, (a) => atom(cx, a).e, out);
  inner();
}

/**
 * The links of a tail context, outermost first: each constructor's cell stored in the hole, which moves to the
 * cell's slot (nil there: the value is written before anyone can read the cell); each append's copy of its list
 * stored in the hole, which moves to the copy's end (rt.AppendInto; rt.AppendStringInto for a string's characters,
which copies none). `arg` gives the Go value of the other
 * arguments (the boxed code and workers convert differently).
 */
export function linkStmts(cx: Ctx, links: readonly Link[], trmc: Trmc, arg: (a: Anf.Atom) => G.Expr, out: G.Stmt[]): void {
  const moveHole = (to: G.Expr): G.Stmt => G.mk.assign([G.mk.ident(trmc.hole)], '=', [to]);
  for (const link of links) {
    if (link.kind !== 'con') {
      const [f, x] = link.kind === 'append' ? ['AppendInto', link.list] : ['AppendStringInto', link.string];
      out.push(moveHole(rtCall(f, [G.mk.ident(trmc.hole), arg(x)])));
      continue;
    }
    const k = link.comp;
    const name = (k.fn as Anf.Var).name;
    const cell = cx.plan.names.fresh('cell');
    if (trmc.cells !== null && link.slot === 1 && isCell(k)) out.push(G.mk.define(cell, G.mk.call(G.mk.sel(G.mk.ident(trmc.cells), 'New'), [arg(k.args[0]!)])));
    else out.push(G.mk.define(cell, conCall(cx, name, k.args.map((a, i) => (i === link.slot ? G.mk.ident('nil') : arg(a))))));
    out.push(fillHole(trmc, G.mk.ident(cell)));
    out.push(moveHole(G.mk.unary('&', conField(G.mk.ident(cell), name, k.args.length, link.slot))));
  }
}

/** `*hole = e`: the value of the current iteration, where the result being built awaits it. */
export const fillHole = (trmc: Trmc, e: G.Expr): G.Stmt => G.mk.assign([G.mk.star(G.mk.ident(trmc.hole))], '=', [e]);

/**
 * A fresh Trmc and its declarations before the loop: `var head rt.Value; hole := &head`, and `var cells rt.Cells`
 * when one of the loop's tail contexts builds list cells whose tail is the hole (taken from blocks: rt.Cells).
 */
export function newTrmc(cx: { readonly plan: Plan }, contexts: ReadonlyMap<Anf.Let, TailContext>): { trmc: Trmc; decls: G.Stmt[] } {
  const cells = [...contexts.values()].some(buildsCells) ? cx.plan.names.fresh('cells') : null;
  const trmc = { head: cx.plan.names.fresh('head'), hole: cx.plan.names.fresh('hole'), cells };
  const decls = [G.mk.declStmt(G.mk.varDecl(trmc.head, rtValue, null)), G.mk.define(trmc.hole, G.mk.unary('&', G.mk.ident(trmc.head)))];
  if (trmc.cells !== null) decls.push(G.mk.declStmt(G.mk.varDecl(trmc.cells, rt('Cells'), null)));
  return { trmc, decls };
}

// The next iteration of a function's loop with these arguments (Go evaluates every right side before assigning).
function loopStep(cx: Ctx, args: readonly Anf.Atom[], out: G.Stmt[]): void {
  const loop = cx.selfLoop!;
  const special = stepSpecialParams(loop, args, (a) => atom(cx, a).e, out);
  const pairs = args.flatMap((a, i): [string, G.Expr][] => (special[i] ? [] : [[loop.params[i]!, atom(cx, a).e]]));
  if (pairs.length > 0) out.push(G.mk.assign(pairs.map(([p]) => G.mk.ident(p)), '=', pairs.map(([, e]) => e)));
  out.push(G.mk.branch('continue'));
}

/** A loop's parameters read through a cursor (cursors.ts) or kept as a string accumulator (string-accs.ts). */
export interface SpecialParams {
  readonly cursors: ReadonlyMap<string, CursorParam & { readonly go: string }>;
  readonly stringAccs: ReadonlyMap<string, StringAccParam & { readonly go: string }>;
  /** The accumulators' `Cons x acc` lets: they build nothing (the tail call pushes x). */
  readonly pushed: ReadonlySet<string>;
}

/**
 * The special parameters of the loop `lam` (the function `name`, with tail contexts `contexts`), each with a Go
 * variable named after its parameter's `names[i]`, declared in `decls` and Set there from `inputs[i]` (the boxed
 * code's loop inputs, or a worker's parameters).
 */
export function specialParams(plan: Plan, lam: Anf.Lam, name: string, contexts: ReadonlyMap<Anf.Let, TailContext>,
  names: readonly string[], inputs: readonly string[], decls: G.Stmt[]): SpecialParams {
  const declare = <T extends { readonly index: number }>(found: Map<string, T>, type: string, suffix: string) =>
    new Map([...found].map(([p, k]) => {
      const go = plan.names.fresh(`${names[k.index]!}_${suffix}`);
      decls.push(G.mk.declStmt(G.mk.varDecl(go, rt(type), null)), G.mk.exprStmt(G.mk.call(G.mk.sel(G.mk.ident(go), 'Set'), [G.mk.ident(inputs[k.index]!)])));
      return [p, { ...k, go }] as const;
    }));
  const cursors = declare(cursorParams(lam, name, plan.uses, contexts), 'ListCursor', 'cur');
  const stringAccs = declare(stringAccParams(lam, name, plan.uses, contexts), 'StringAcc', 'acc');
  return { cursors, stringAccs, pushed: new Set([...stringAccs.values()].flatMap((k) => [...k.pushes.keys()])) };
}

/**
 * What the next iteration does to a loop's special parameters, appended to `out`: a cursor is Set, unless the
 * argument is its switch's tail (the cursor is there already); a string accumulator is pushed x for its
 * `Cons x acc`, left alone for acc itself, else Set. This is the iteration's last work, so nothing reads the
 * accumulator after it has moved on. `value` gives an argument's boxed Go value; the result says which
 * arguments were such a parameter's (the others are assigned as usual).
 */
export function stepSpecialParams(loop: SpecialParams, args: readonly Anf.Atom[], value: (a: Anf.Atom) => G.Expr, out: G.Stmt[]): boolean[] {
  const method = (v: string, name: string, arg: Anf.Atom): G.Stmt => G.mk.exprStmt(G.mk.call(G.mk.sel(G.mk.ident(v), name), [value(arg)]));
  return args.map((a, i) => {
    const local = a.tag === 'Var' && a.scope === 'local' ? a.name : null;
    const c = [...loop.cursors.values()].find((k) => k.index === i);
    if (c !== undefined) {
      if (local !== c.tail) out.push(method(c.go, 'Set', a));
      return true;
    }
    const acc = [...loop.stringAccs].find(([, k]) => k.index === i);
    if (acc === undefined) return false;
    const pushed = local === null ? undefined : acc[1].pushes.get(local);
    if (pushed !== undefined) out.push(method(acc[1].go, 'Push', pushed));
    else if (local !== acc[0]) out.push(method(acc[1].go, 'Set', a));
    return true;
  });
}

/** The statements returning `e` from the function: through the hole in a loop building its result. */
function returnStmts(cx: Ctx, e: G.Expr): G.Stmt[] {
  const trmc = cx.selfLoop?.trmc ?? null;
  if (trmc === null) return [G.mk.ret([e])];
  return [fillHole(trmc, e), G.mk.ret([G.mk.ident(trmc.head)])];
}

// Primitives whose result is always exactly rt.True or rt.False (never another True value), so comparing the
// result with rt.True decides a case on it.
const boolPrims: ReadonlySet<string> = new Set([
  'prim_eqInt', 'prim_leInt', 'prim_geInt', 'prim_and', 'prim_or', 'prim_not', 'prim_eqFloat', 'prim_gtFloat',
  'prim_ltFloat', 'prim_geFloat', 'prim_leFloat', 'prim_eqString',
]);
const trueCon = 'Lune.Prelude.True';
const falseCon = 'Lune.Prelude.False';

// `let s = p a b` (p a Bool primitive, saturated; s read once) followed by a Switch on s whose arms are True/False
// without binders: the Go condition `p(a, b) == rt.True`, else null.
function boolTest(cx: Ctx, l: Anf.Let): G.Expr | null {
  const r = l.rhs;
  if (r.tag !== 'App' || r.fn.tag !== 'Var' || r.fn.scope !== 'prim' || !boolPrims.has(r.fn.name)) return null;
  if (lookupPrim(r.fn.name)?.arity !== r.args.length) return null;
  const next = l.body;
  const sw = next.tag === 'Ret' ? next.value : next.rhs;
  if (sw.tag !== 'Switch' || sw.scrutinee.tag !== 'Var' || sw.scrutinee.scope !== 'local' || sw.scrutinee.name !== l.name) return null;
  // s may be read only by the switch: its scrutinee, and the usual `_ -> fail NonExhaustiveCase s` default.
  if (cx.plan.uses.get(l.name) !== (failsOn(sw.default, l.name) !== null ? 2 : 1)) return null;
  if (!sw.arms.every((a) => a.tag === 'ConArm' && (a.con === trueCon || a.con === falseCon) && a.binders.length === 0)) return null;
  return G.mk.binary('==', app(cx, r).e, rt('True'));
}

/** The `fail NonExhaustiveCase x` that `e` is (nothing before it), else null. */
export function failsOn(e: Anf.Expr | null, x: string): Anf.Fail | null {
  if (e === null || e.tag !== 'Ret' || e.value.tag !== 'Fail' || e.value.kind !== 'NonExhaustiveCase') return null;
  const v = e.value.scrutinee;
  return v.tag === 'Var' && v.scope === 'local' && v.name === x ? e.value : null;
}

// The arms of a True/False switch as `if cond { True arm } else { False arm }`; a missing arm runs the default, or
// fails with NonExhaustiveCase on the Bool (as the switch would).
function ifOnBool(cx: Ctx, cond: G.Expr, s: Anf.Switch, dest: Dest, out: G.Stmt[]): void {
  const branch = (con: string, value: string): G.Stmt[] => {
    const arm = s.arms.find((a) => a.tag === 'ConArm' && a.con === con);
    const body: G.Stmt[] = [];
    if (arm !== undefined) return stmts(cx, arm.body, dest, body);
    const f = s.scrutinee.tag === 'Var' ? failsOn(s.default, s.scrutinee.name) : null;
    if (s.default !== null && f === null) return stmts(cx, s.default, dest, body);
    // No arm for this value: the default's failure (or the switch's own) on the Bool it tested.
    const fail = rtCall('NonExhaustive', [G.mk.str(f?.where ?? cx.where), rt(value)]);
    if (dest.kind === 'return') body.push(...returnStmts(cx, fail));
    else body.push(G.mk.set(dest.to, fail));
    return body;
  };
  out.push(G.mk.if(null, cond, branch(trueCon, 'True'), G.mk.block(branch(falseCon, 'False'))));
}

function bindLet(cx: Ctx, l: Anf.Let, out: G.Stmt[]): void {
  // `Cons x acc` of a string accumulator: pushed by the tail call that passes it (loopStep).
  if (cx.selfLoop?.pushed.has(l.name) === true) return;
  const used = cx.plan.used.has(l.name);
  const name = used ? local(cx, l.name) : '_';
  if (l.rhs.tag === 'Switch') {
    if (used) out.push(G.mk.declStmt(G.mk.varDecl(name, rtValue, null)));
    switchStmt(cx, l.rhs, { kind: 'assign', to: name }, out);
    return;
  }
  if (l.rhs.tag === 'Lam' && used && cx.plan.direct.has(l.name)) {
    const lam = l.rhs;
    const params = lam.params.map((p) => G.mk.field(cx.plan.used.has(p) ? local(cx, p) : '_', rtValue));
    out.push(G.mk.define(name, G.mk.funcLit(G.mk.funcType(params, [rtValue]), outsideLoop(cx, () => stmts(cx, lam.body, { kind: 'return' })), { name: lam.name })));
    return;
  }
  const acc = cx.selfLoop?.acc;
  if (acc?.lets.has(l.name) === true) {
    out.push(...accCell(acc, name, (l.rhs as Anf.App).args.map((a) => atom(cx, a).e)));
    return;
  }
  if (l.rhs.tag === 'Select' && used) {
    // A select by index defines the let's own variable (no copy of a temporary).
    const e = selectField(cx, atom(cx, l.rhs.record).e, l.rhs.label, out, name);
    if (e.tag !== 'Ident' || e.name !== name) out.push(G.mk.define(name, e, { name: l.name }));
    return;
  }
  const r = comp(cx, l.rhs, out);
  if (!used) out.push(G.mk.set('_', r.e, { name: l.name }));
  else if (r.typed) out.push(G.mk.define(name, r.e, { name: l.name }));
  else out.push(G.mk.declStmt(G.mk.varDecl(name, rtValue, r.e)));
}

function finish(cx: Ctx, c: Anf.Comp, dest: Dest, out: G.Stmt[]): void {
  if (c.tag === 'Switch') return switchStmt(cx, c, dest, out);
  const loop = cx.selfLoop;
  if (dest.kind === 'return' && loop !== null && isSelfCall(c, loop.name, loop.params.length)) {
    // `f a b` in tail position of f: the next iteration.
    loopStep(cx, c.args, out);
    return;
  }
  const r = comp(cx, c, out);
  if (dest.kind === 'return') out.push(...returnStmts(cx, r.e));
  else out.push(G.mk.set(dest.to, r.e));
}

/**
 * Walks the let spines of `e` that end in a tail position (its own, and those of its tail switches' arms and
 * defaults; not inside lambdas, and not a switch in let position, which gives its value to the let): `onLet` for
 * each let of those spines, `onTail` for each tail computation.
 */
function forEachTail(e: Anf.Expr, onLet: (l: Anf.Let) => void, onTail: (c: Anf.Comp) => void): void {
  const todo: Anf.Expr[] = [e];
  while (todo.length > 0) {
    let cur = todo.pop()!;
    for (; cur.tag === 'Let'; cur = cur.body) onLet(cur);
    const c = cur.value;
    onTail(c);
    if (c.tag === 'Switch') {
      for (const arm of c.arms) todo.push(arm.body);
      if (c.default !== null) todo.push(c.default);
    }
  }
}

/** Whether `e` calls `name` (arity `arity`) in a tail position (not inside lambdas). */
export function hasSelfTailCall(e: Anf.Expr, name: string, arity: number): boolean {
  let found = false;
  forEachTail(e, () => {}, (c) => { if (isSelfCall(c, name, arity)) found = true; });
  return found;
}

/**
 * The lets of `e` (on its tail positions' spines, not inside lambdas) building a list cell `Cons h t` read only
 * as an argument of a self tail call: a loop's accumulator (`rev xs (Cons x acc)`). Its cells come from an
 * rt.Cells before the loop, as a constructor tail's do: an accumulator keeps them all, so a block costs no more
 * memory than the cells it holds, and one allocation instead of one per cell.
 */
export function accumulatorCells(e: Anf.Expr, name: string, arity: number, uses: ReadonlyMap<string, number>): Set<string> {
  const cells = new Set<string>();
  const args = new Set<string>();
  forEachTail(e, (l) => {
    const c = l.rhs;
    const cell = c.tag === 'App' && c.fn.tag === 'Var' && c.fn.scope === 'con' && isCellOf(c.fn.name, c.args.length);
    if (cell && uses.get(l.name) === 1) cells.add(l.name);
  }, (c) => {
    if (isSelfCall(c, name, arity)) for (const a of c.args) if (a.tag === 'Var' && a.scope === 'local') args.add(a.name);
  });
  return new Set([...cells].filter((x) => args.has(x)));
}

/** `x := cells.New(h); x.Tail = t`: an accumulator cell (accumulatorCells) `x = Cons h t` from the loop's block. */
export function accCell(acc: AccCells, x: string, [h, t]: readonly G.Expr[]): G.Stmt[] {
  return [
    G.mk.define(x, G.mk.call(G.mk.sel(G.mk.ident(acc.cells), 'New'), [h!])),
    G.mk.assign([G.mk.sel(G.mk.ident(x), 'Tail')], '=', [t!]),
  ];
}

/** The declaration of a loop's accumulator cells, when it has some: `var cells rt.Cells` (before the loop). */
export function newAccCells(cx: { readonly plan: Plan }, lets: ReadonlySet<string>): { acc: AccCells | null; decls: G.Stmt[] } {
  if (lets.size === 0) return { acc: null, decls: [] };
  const cells = cx.plan.names.fresh('cells');
  return { acc: { cells, lets }, decls: [G.mk.declStmt(G.mk.varDecl(cells, rt('Cells'), null))] };
}

/** Runs `f` with self tail calls turned off (inside a lambda or hole, `return` leaves that closure only). */
function outsideLoop<T>(cx: Ctx, f: () => T): T {
  const saved = cx.selfLoop;
  cx.selfLoop = null;
  try {
    return f();
  } finally {
    cx.selfLoop = saved;
  }
}

const local = (cx: Ctx, x: string): string => cx.plan.locals.get(x) ?? bug('goast', `local ${x} has no Go name`);


/** A saturated Cons is an *rt.Cell (Head, Tail); every other constructor value an *rt.Con (K, Args). */
const isCellOf = (con: string, arity: number): boolean => con === consName && arity === 2;

/** Argument `i` of a constructor value `v` of `con` with `arity` arguments: `v.Head`, `v.Tail` or `v.Args[i]`. */
function conField(v: G.Expr, con: string, arity: number, i: number): G.Expr {
  return isCellOf(con, arity) ? G.mk.sel(v, i === 0 ? 'Head' : 'Tail') : G.mk.index(G.mk.sel(v, 'Args'), G.mk.int(String(i)));
}

// The switch on a cursor parameter (cursors.ts): `elem, isCons := cur.Next()`, the Cons arm's head bound to elem
// (its tail is where the cursor now is), the Nil arm's test `cur.AtNil()`; any other value runs the fallback.
// The Cons arm comes first: after a cell, the cursor is at its tail, which AtNil must not test.
function cursorSwitch(cx: Ctx, s: Anf.Switch, c: { readonly go: string }, dest: Dest, fallback: (into: G.Stmt[]) => void, out: G.Stmt[]): void {
  const method = (name: string): G.Expr => G.mk.call(G.mk.sel(G.mk.ident(c.go), name), []);
  const arms = s.arms as readonly Anf.ConArm[];
  const cons = arms.find((a) => a.con === consName)!;
  const head = cons.binders[0]!;
  const headUsed = head !== null && cx.plan.used.has(head);
  const init = G.mk.assign([G.mk.ident(headUsed ? synthetic.elem : '_'), G.mk.ident(synthetic.isCons)], ':=', [method('Next')]);
  const clauses: G.CaseClause[] = [];
  for (const arm of [cons, ...arms.filter((a) => a !== cons)]) {
    const body: G.Stmt[] = [];
    if (arm === cons && headUsed) body.push(G.mk.define(local(cx, head), G.mk.ident(synthetic.elem), { name: head }));
    clauses.push(G.mk.caseClause([arm === cons ? G.mk.ident(synthetic.isCons) : method('AtNil')], stmts(cx, arm.body, dest, body)));
  }
  const dflt: G.Stmt[] = [];
  fallback(dflt);
  clauses.push(G.mk.caseClause([], dflt));
  out.push(G.mk.switch(init, null, clauses));
}

/**
 * How a Switch takes its subject apart when it has constructor arms: the switch's init statement
 * (`con, _ := s.(*rt.Con)`, `cell := rt.AsCell(s)` or, with both kinds of arm, `con, cell := rt.ConOrCell(s)`;
 * the last two unfold a string's lazy list of characters, rt.Chars), each arm's test (`con != nil && con.K == K
 * && len(con.Args) == n`, or `cell != nil`) and each binder's value; no init without constructor arms. The boxed
 * code and the workers share it.
 */
export function conMatch(cx: Ctx, subject: G.Expr, arms: readonly Anf.Arm[]): {
  init: G.Stmt | null;
  test: (arm: Anf.ConArm) => G.Expr;
  field: (arm: Anf.ConArm, i: number) => G.Expr;
} {
  const con = G.mk.ident(synthetic.con);
  const cell = G.mk.ident(synthetic.cell);
  const conArms = arms.filter((a): a is Anf.ConArm => a.tag === 'ConArm');
  const cells = conArms.some((a) => isCellOf(a.con, a.binders.length));
  const cons = conArms.some((a) => !isCellOf(a.con, a.binders.length));
  const init = cells
    ? (cons ? G.mk.assign([con, cell], ':=', [rtCall('ConOrCell', [subject])]) : G.mk.define(synthetic.cell, rtCall('AsCell', [subject])))
    : cons ? G.mk.assign([con, G.mk.ident('_')], ':=', [G.mk.typeAssert(subject, G.mk.star(rt('Con')))]) : null;
  return {
    init,
    test: (arm) => (isCellOf(arm.con, arm.binders.length) ? G.mk.binary('!=', cell, G.mk.ident('nil')) : G.mk.chain('&&', [
      G.mk.binary('!=', con, G.mk.ident('nil')),
      G.mk.binary('==', G.mk.sel(con, 'K'), ctorRef(cx, arm.con)),
      G.mk.binary('==', G.mk.call(G.mk.ident('len'), [G.mk.sel(con, 'Args')]), G.mk.int(String(arm.binders.length))),
    ])),
    field: (arm, i) => conField(isCellOf(arm.con, arm.binders.length) ? cell : con, arm.con, arm.binders.length, i),
  };
}

// The constructors the runtime names itself (rt.KCons, …); any other gets a package-level rt.CtorOf variable.
const runtimeCtors: ReadonlyMap<string, string> = new Map([
  ['Lune.Prelude.Unit', 'KUnit'], ['Lune.Prelude.True', 'KTrue'], ['Lune.Prelude.False', 'KFalse'], ['Lune.Prelude.Nil', 'KNil'],
  ['Lune.Prelude.Cons', 'KCons'], ['Lune.Prelude.Nothing', 'KNothing'], ['Lune.Prelude.Just', 'KJust'], ['Lune.Prelude.Ok', 'KOk'],
  ['Lune.Prelude.Err', 'KErr'], ['Lune.Prelude.Task', 'KTask'],
]);

/** The *rt.Ctor of constructor `name`: compared by pointer in tests, passed to rt.MkCon1..4. */
export function ctorRef(cx: Ctx, name: string): G.Expr {
  const known = runtimeCtors.get(name);
  if (known !== undefined) return rt(known);
  let v = cx.shared.ctors.get(name);
  if (v === undefined) {
    v = cx.plan.names.fresh(name, { prefix: 'c_' });
    cx.shared.ctors.set(name, v);
    cx.shared.decls.push(G.mk.varDecl(v, null, rtCall('CtorOf', [G.mk.str(name)]), [`${v} is the constructor ${name}.`]));
  }
  return G.mk.ident(v);
}

// A Switch: `switch con, _ := s.(*rt.Con); { case con != nil && con.K == K && len(con.Args) == n: … }`.
function switchStmt(cx: Ctx, s: Anf.Switch, dest: Dest, out: G.Stmt[]): void {
  const scrut = atom(cx, s.scrutinee);
  const fallback = (into: G.Stmt[]): void => {
    if (s.default !== null) stmts(cx, s.default, dest, into);
    else {
      const r: Res = { e: rtCall('NonExhaustive', [G.mk.str(cx.where), scrut.e]), typed: true };
      if (dest.kind === 'return') into.push(...returnStmts(cx, r.e));
      else into.push(G.mk.set(dest.to, r.e));
    }
  };
  if (s.arms.length === 0) {
    if (scrut.e.tag === 'Ident') out.push(G.mk.set('_', scrut.e)); // keeps a scrutinee variable "used" for Go
    return fallback(out);
  }
  const cursor = s.scrutinee.tag === 'Var' ? cx.selfLoop?.cursors.get(s.scrutinee.name) : undefined;
  if (cursor !== undefined) return cursorSwitch(cx, s, cursor, dest, fallback, out);
  let subject: G.Expr = scrut.e;
  if (scrut.e.tag !== 'Ident') {
    const tmp = cx.plan.names.fresh('scrut');
    out.push(G.mk.declStmt(G.mk.varDecl(tmp, rtValue, scrut.e)));
    subject = G.mk.ident(tmp);
  } else if (!scrut.typed) subject = asValue(scrut);
  const m = conMatch(cx, subject, s.arms);
  // A plain loop (not map + match): nested switches recurse through here once per level, so fewer frames per
  // level means deeper programs before the stack runs out.
  const clauses: G.CaseClause[] = [];
  for (const arm of s.arms) {
    const body: G.Stmt[] = [];
    if (arm.tag === 'ConArm') {
      const cond = m.test(arm);
      arm.binders.forEach((b, i) => {
        if (b !== null && cx.plan.used.has(b)) body.push(G.mk.define(local(cx, b), m.field(arm, i), { name: b }));
      });
      clauses.push(G.mk.caseClause([cond], stmts(cx, arm.body, dest, body)));
    } else clauses.push(G.mk.caseClause([G.mk.binary('==', subject, G.mk.str(arm.value))], stmts(cx, arm.body, dest, body)));
  }
  const dflt: G.Stmt[] = [];
  fallback(dflt);
  clauses.push(G.mk.caseClause([], dflt));
  out.push(G.mk.switch(m.init, null, clauses));
}

// A computation other than Switch, as one Go expression (holes of templates become statements in `out` first).
// Plain switches here and in `atom`: they run once per ANF node, where ts-pattern's closures cost the most.
function comp(cx: Ctx, c: Anf.Comp, out: G.Stmt[]): Res {
  switch (c.tag) {
    case 'Var': case 'Lit': return atom(cx, c);
    case 'App': return app(cx, c);
    case 'Lam': return { e: lam(cx, c), typed: false };
    case 'Record': return record(cx, c);
    case 'Select': return { e: selectField(cx, atom(cx, c.record).e, c.label, out), typed: true };
    case 'Template': return { e: template(cx, c, out), typed: true };
    case 'Switch': return bug('goast', `a Switch in operand position at ${c.span.startLine}:${c.span.startCol}`);
    case 'Fail': return {
      e: c.kind === 'NonExhaustiveCase'
        ? rtCall('NonExhaustive', [G.mk.str(c.where), atom(cx, c.scrutinee).e])
        : rtCall('PatternFail', [G.mk.str(c.where), G.mk.str(c.pattern), atom(cx, c.scrutinee).e]),
      typed: true,
    };
    default: return assertNever(c, 'goast');
  }
}

// Saturated calls of known functions and primitives are direct Go calls; extra arguments go through ApplyN.
function app(cx: Ctx, a: Anf.App): Res {
  const acc = a.fn.tag === 'Var' && a.fn.name === '$charsToStringRevOnto' && a.args[1]?.tag === 'Var' ? cx.selfLoop?.stringAccs.get(a.args[1].name) : undefined;
  if (acc !== undefined) return { e: G.mk.call(G.mk.sel(G.mk.ident(acc.go), 'RevString'), [atom(cx, a.args[0]!).e]), typed: true };
  const args = a.args.map((x) => atom(cx, x).e);
  const direct = (fn: G.Expr, arity: number): Res => {
    const call = G.mk.call(fn, args.slice(0, arity));
    return args.length === arity ? { e: call, typed: true } : { e: rtCall('ApplyN', [call, ...args.slice(arity)]), typed: true };
  };
  if (a.fn.tag === 'Var') {
    const { name, scope } = a.fn;
    if (scope === 'local' && cx.plan.direct.has(name)) return { e: G.mk.call(G.mk.ident(local(cx, name)), args), typed: true };
    if (scope === 'global') {
      const g = cx.plan.globals.get(name);
      if (g?.kind === 'func' && args.length >= g.arity) {
        const w = cx.inBoxed ? cx.workers.get(name) : undefined;
        return direct(G.mk.ident(w !== undefined ? w.boxedName : g.goFunc), g.arity);
      }
    } else if (scope === 'prim') {
      const p = lookupPrim(name);
      if (p !== undefined && p.arity >= 1 && args.length >= p.arity) return direct(rt(goPrimFunc(name)), p.arity);
    } else if (scope === 'con') return { e: conCall(cx, name, args), typed: false };
  }
  const fn = atom(cx, a.fn).e;
  return args.length === 1 ? { e: rtCall('Apply', [fn, args[0]!]), typed: true } : { e: rtCall('ApplyN', [fn, ...args]), typed: true };
}

/**
 * Constructor `name` applied to `args`: one allocation for it and its arguments when there are few (rt.MkCon1..4);
 * a list cell `&rt.Cell{Head: x, Tail: xs}`.
 */
export function conCall(cx: Ctx, name: string, args: readonly G.Expr[]): G.Expr {
  if (isCellOf(name, args.length)) return G.mk.unary('&', G.mk.composite(rt('Cell'), [G.mk.kv(G.mk.ident('Head'), args[0]!), G.mk.kv(G.mk.ident('Tail'), args[1]!)]));
  const fixed = args.length >= 1 && args.length <= 4;
  return rtCall(fixed ? `MkCon${args.length}` : 'MkCon', [fixed ? ctorRef(cx, name) : G.mk.str(name), ...args]);
}

/** `rt.MkFunc(name, n, func(args []rt.Value) rt.Value { p := args[0]; … })`, or MkFunc1 for one parameter. */
function lam(cx: Ctx, l: Anf.Lam): G.Expr {
  if (l.params.length === 1) {
    // `rt.MkFunc1(name, func(p rt.Value) rt.Value { … })`: applied without an argument slice.
    const p = l.params[0]!;
    const body = outsideLoop(cx, () => stmts(cx, l.body, { kind: 'return' }));
    const type = G.mk.funcType([G.mk.field(cx.plan.used.has(p) ? local(cx, p) : '_', rtValue)], [rtValue]);
    return rtCall('MkFunc1', [G.mk.str(l.name), G.mk.funcLit(type, body, { name: l.name })]);
  }
  const body: G.Stmt[] = [];
  l.params.forEach((p, i) => {
    if (cx.plan.used.has(p)) body.push(G.mk.define(local(cx, p), G.mk.index(G.mk.ident(synthetic.args), G.mk.int(String(i))), { name: p }));
  });
  outsideLoop(cx, () => stmts(cx, l.body, { kind: 'return' }, body));
  return rtCall('MkFunc', [G.mk.str(l.name), G.mk.int(String(l.params.length)), G.mk.funcLit(funcOfArgs, body, { name: l.name })]);
}

// Holes become `hole := func() rt.Value { … }` before the literal, so the literal itself stays on one line.
function template(cx: Ctx, t: Anf.Template, out: G.Stmt[]): G.Expr {
  const parts = t.parts.map((p) => {
    if (p.tag === 'Text') return G.mk.composite(rt('TPart'), [G.mk.kv(G.mk.ident('Text'), G.mk.str(p.text))]);
    const h = cx.plan.names.fresh('hole');
    out.push(G.mk.define(h, G.mk.funcLit(G.mk.funcType([], [rtValue]), outsideLoop(cx, () => stmts(cx, p.body, { kind: 'return' })))));
    return G.mk.composite(rt('TPart'), [G.mk.kv(G.mk.ident('Hole'), G.mk.ident(h))]);
  });
  return rtCall('TemplateLit', [G.mk.ident(t.block ? 'true' : 'false'), ...parts]);
}

// A nullary constructor is built once, in a package-level variable (values are immutable, so all uses may share it).
function nullaryCon(cx: Ctx, name: string): string {
  let v = cx.shared.cons.get(name);
  if (v === undefined) {
    v = cx.plan.names.fresh(name, { prefix: 'k_' });
    cx.shared.cons.set(name, v);
    cx.shared.decls.push(G.mk.varDecl(v, null, rtCall('MkCon', [G.mk.str(name)]), [`${v} is the constructor ${name}.`]));
  }
  return v;
}

// A record literal of the boxed code (recordOf).
function record(cx: Ctx, c: Anf.Record): Res {
  return { e: recordOf(cx, c, (a) => atom(cx, a).e), typed: false };
}

/**
 * A record literal whose field values (atoms, already evaluated) `value` gives as Go values (the boxed code and
 * workers convert differently): labels sorted and deduplicated (shapes.ts), one package-level rt.Shape per label
 * set, the values in that order; rt.MkRecord for labels it cannot sort as Go does. `ints`: the values are int64s
 * (a worker's record of Ints, intRecordLiteral), built unboxed by rt.MkIntRecord1..4.
 */
export function recordOf(cx: Ctx, c: Anf.Record, value: (a: Anf.Atom) => G.Expr, ints = false): G.Expr {
  const sorted = sortedFields(c);
  if (ints) {
    if (!isIntRecordShape(sorted)) return bug('goast', 'an Int record literal of no IntRecord shape');
    const { labels, values } = sorted;
    return rtCall(`MkIntRecord${labels.length}`, [G.mk.ident(shapeVar(cx, labels)), ...labels.map((l) => value(values.get(l)!))]);
  }
  if (sorted === null) {
    return rtCall('MkRecord', [G.mk.composite(G.mk.arrayType(G.mk.ident('string')), c.fields.map((f) => G.mk.str(f.label))),
      ...c.fields.map((f) => value(f.value))]);
  }
  const { labels, values } = sorted;
  // Up to four fields: the record and its values in one allocation (rt.MkRecordSorted1..4).
  const fn = labels.length >= 1 && labels.length <= 4 ? `MkRecordSorted${labels.length}` : 'MkRecordSorted';
  return rtCall(fn, [G.mk.ident(shapeVar(cx, labels)), ...labels.map((l) => value(values.get(l)!))]);
}

/**
 * Whether a record literal's fields (sortedFields) can make an IntRecord (rt.MkIntRecord1..4): one to four labels,
 * each value `isInt`.
 */
export function intRecordLiteral(c: Anf.Record, isInt: (a: Anf.Atom) => boolean): boolean {
  const sorted = sortedFields(c);
  return isIntRecordShape(sorted) && [...sorted.values.values()].every(isInt);
}

function isIntRecordShape(sorted: ReturnType<typeof sortedFields>): sorted is NonNullable<ReturnType<typeof sortedFields>> {
  return sorted !== null && sorted.labels.length >= 1 && sorted.labels.length <= 4;
}

/**
 * A field of the record `record`: by search (rt.Select), or, when one shape of the module owns the label
 * (shapes.ts), by index from a record of that shape, searching any other (statements in `out`):
 * `field := rt.FieldIn4(r, shape, i); if field == nil { field = rt.Select(r, label) }` (the variable is `into`
 * when given). FieldIn1…4/N are small enough for Go to inline; a call doing both would not be.
 */
export function selectField(cx: Ctx, record: G.Expr, label: string, out: G.Stmt[], into?: string): G.Expr {
  const owner = ownerOf(cx, label);
  const search = rtCall('Select', [record, G.mk.str(label)]);
  if (owner === null) return search;
  const field = into ?? cx.plan.names.fresh('field');
  const fn = `FieldIn${owner.size <= 4 ? owner.size : 'N'}`;
  out.push(G.mk.define(field, rtCall(fn, [record, owner.shape, owner.index])));
  out.push(G.mk.if(null, G.mk.binary('==', G.mk.ident(field), G.mk.ident('nil')), [G.mk.set(field, search)], null));
  return G.mk.ident(field);
}

/**
 * The one shape of the module that has `label` (shapes.ts) as its Go variable, the label's index in it and its
 * number of labels; null when no shape or several have it.
 */
export function ownerOf(cx: Ctx, label: string): { shape: G.Expr; index: G.Expr; size: number } | null {
  const shape = cx.owners.get(label);
  if (shape === undefined) return null;
  return { shape: G.mk.ident(shapeVar(cx, shape)), index: G.mk.int(String(shape.indexOf(label))), size: shape.length };
}

// The package-level *rt.Shape of a label set, declared on first use.
function shapeVar(cx: Ctx, labels: readonly string[]): string {
  const key = JSON.stringify(labels);
  let v = cx.shared.labels.get(key);
  if (v === undefined) {
    v = cx.plan.names.fresh('labels');
    cx.shared.labels.set(key, v);
    cx.shared.decls.push(G.mk.varDecl(v, null, rtCall('NewShape', labels.map((l) => G.mk.str(l))), [`${v} is a record shape (its sorted labels).`]));
  }
  return v;
}

const singletons: ReadonlyMap<string, string> = new Map([
  ['Lune.Prelude.Unit', 'Unit'], ['Lune.Prelude.True', 'True'], ['Lune.Prelude.False', 'False'],
  ['Lune.Prelude.Nil', 'Nil'], ['Lune.Prelude.Nothing', 'Nothing'],
]);

/** An atom as a Go expression. */
export function atom(cx: Ctx, a: Anf.Atom): Res {
  if (a.tag === 'Lit') return { e: literal(cx, a.value), typed: false };
  switch (a.scope) {
    case 'local': {
      const c = cx.selfLoop?.cursors.get(a.name) ?? cx.selfLoop?.stringAccs.get(a.name);
      return { e: c === undefined ? G.mk.ident(local(cx, a.name)) : G.mk.call(G.mk.sel(G.mk.ident(c.go), 'Value'), []), typed: true };
    }
    case 'global': {
      const g = cx.plan.globals.get(a.name) ?? bug('goast', `global ${a.name} is not declared in the module`);
      return g.kind === 'func' ? { e: G.mk.ident(g.goValue), typed: false } : { e: G.mk.call(G.mk.ident(g.accessor), []), typed: true };
    }
    case 'prim':
      if (lookupPrim(a.name) === undefined) bug('goast', `unknown primitive ${a.name}`);
      return { e: rt(goPrimValue(a.name)), typed: false };
    case 'con': {
      const s = singletons.get(a.name);
      return s !== undefined ? { e: rt(s), typed: false } : { e: G.mk.ident(nullaryCon(cx, a.name)), typed: false };
    }
    default: return assertNever(a.scope, 'goast');
  }
}

const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;

/** Int → `int64(n)` or `rt.IntLit("…")`; Float → `float64(x)` or math for NaN, ±Inf and -0; Char → `rt.Char(n)`. */
export function literal(cx: Ctx, l: Literal): G.Expr {
  return match(l)
    .with({ kind: 'int' }, ({ value: v }) => {
      if (v < int64Min || v > int64Max) return rtCall('IntLit', [G.mk.str(v.toString())]);
      const lit = G.mk.int((v < 0n ? -v : v).toString());
      return G.mk.call(G.mk.ident('int64'), [v < 0n ? G.mk.unary('-', lit) : lit]);
    })
    .with({ kind: 'float' }, ({ value: v }) => {
      const m = (fn: string, args: readonly G.Expr[]): G.Expr => {
        cx.usesMath = true;
        return G.mk.call(G.mk.qual('math', fn), args);
      };
      if (Number.isNaN(v)) return m('NaN', []);
      if (v === Infinity) return m('Inf', [G.mk.int('1')]);
      if (v === -Infinity) return m('Inf', [G.mk.unary('-', G.mk.int('1'))]);
      if (Object.is(v, -0)) return m('Copysign', [G.mk.int('0'), G.mk.unary('-', G.mk.int('1'))]);
      const lit = G.mk.float(String(Math.abs(v)));
      return G.mk.call(G.mk.ident('float64'), [v < 0 ? G.mk.unary('-', lit) : lit]);
    })
    .with({ kind: 'string' }, ({ value }) => G.mk.str(value))
    .with({ kind: 'char' }, ({ value }) => rtCall('Char', [G.mk.int(String(value))]))
    .exhaustive();
}
