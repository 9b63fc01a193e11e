// passes/to-goast/contexts.ts: tail contexts, the lets a loop building its result (body.ts Trmc) computes
// front to back. A tail context is a let in tail position whose value only goes, through constructors and
// appends, into the function's result:
//
//   let t = C                       C: a saturated call of the function itself, or a Switch
//   let x1 = e1 …                   lets that do not read t: total (see `total`)
//   let c1 = K a… t …               links: a constructor with t as one argument, or `$listAppend f xs t`
//   …                               with xs a proper list; each link reads the one before it, once
//   K' … cn …                       the last link, returned
//
// The loop computes the x's, then the links outermost first (each cell stored in the hole, the hole moved to
// the link's slot; an append copies xs into the hole and moves it to the copy's end), then C: a self call is
// the next iteration, a Switch's arms return through the hole. Moving the x's and the links before C is
// unobservable because they are total and have no effect: whether C returns, crashes or loops, nothing they
// do can be seen (the same reasoning as `let` floating). The cells are fresh and unreachable until the
// function returns, so filling them later cannot be observed either.
//
// Totality is decided from what is known of each local: an Int, a String, or a proper list (`Kind`), which
// the caller says for the locals it knows (a worker's int64 parameters) and `definedKinds` derives from each
// local's definition (`let s = prim_showInt n` is a String, whatever n was, once the let has run).
import * as Anf from '../../ir/anf/anf';
import { forEachComp } from '../../ir/anf/walk';
import { lookupPrim } from '../../ir/shared/prims';

/** `c` is a call of the top-level function `name` with exactly `arity` arguments. */
export const isSelfCall = (c: Anf.Comp, name: string, arity: number): c is Anf.App =>
  c.tag === 'App' && c.fn.tag === 'Var' && c.fn.scope === 'global' && c.fn.name === name && c.args.length === arity;

/** What is known of a value: an Int, a String, or a proper list (a Cons/Nil chain ending in Nil). */
export type Kind = 'int' | 'string' | 'list';
export type KindOf = (local: string) => Kind | null;

/** One link of a context: a constructor with the hole at argument `slot`, or an append into the hole. */
export type Link =
  | { readonly kind: 'con'; readonly comp: Anf.App; readonly slot: number }
  | { readonly kind: 'append'; readonly comp: Anf.App; readonly list: Anf.Atom }
  /** An append of `prim_stringToChars string`, that list read nowhere else: the string's characters, no list. */
  | { readonly kind: 'appendString'; readonly comp: Anf.App; readonly string: Anf.Atom };

export interface TailContext {
  /** `let t = C`: C a self call or a Switch. */
  readonly inner: Anf.Let;
  /** The total lets after it that do not read t, in order. */
  readonly before: readonly Anf.Let[];
  /** The links, outermost (the returned one) first. */
  readonly links: readonly Link[];
}

export const consName = 'Lune.Prelude.Cons';
export const nilName = 'Lune.Prelude.Nil';

// The primitives that cannot fail, loop or have an effect when their arguments have these kinds (null: any
// value), and the kind of their result. Int arithmetic is unbounded (the worker's overflow gives up to the
// boxed code, which recomputes everything in the original order).
const totalPrims: ReadonlyMap<string, { readonly args: readonly (Kind | null)[]; readonly result: Kind | null }> = new Map([
  ['prim_addInt', { args: ['int', 'int'], result: 'int' }],
  ['prim_subInt', { args: ['int', 'int'], result: 'int' }],
  ['prim_mulInt', { args: ['int', 'int'], result: 'int' }],
  ['prim_eqInt', { args: ['int', 'int'], result: null }],
  ['prim_leInt', { args: ['int', 'int'], result: null }],
  ['prim_geInt', { args: ['int', 'int'], result: null }],
  ['prim_showInt', { args: ['int'], result: 'string' }],
  ['prim_appendString', { args: ['string', 'string'], result: 'string' }],
  ['prim_stringToChars', { args: ['string'], result: 'list' }],
  ['$listAppend', { args: [null, 'list', null], result: null }],
]);

// The kind of every value a primitive returns when it returns (whatever its arguments were: a wrong one crashes).
const primResults: ReadonlyMap<string, Kind> = new Map([
  ['prim_addInt', 'int'], ['prim_subInt', 'int'], ['prim_mulInt', 'int'], ['prim_divInt', 'int'], ['prim_modInt', 'int'],
  ['prim_showInt', 'string'], ['prim_appendString', 'string'], ['prim_charsToString', 'string'], ['prim_stringToChars', 'list'],
]);

/** The kinds of the locals of `e` (not inside lambdas) that their definition decides, for `kindOf`. */
export function definedKinds(e: Anf.Expr): Map<string, Kind> {
  const kinds = new Map<string, Kind>();
  const of = (a: Anf.Atom): Kind | null => atomKind(a, (x) => kinds.get(x) ?? null);
  forEachComp(e, () => {}, (name, l) => {
    const k = compKind(l.rhs, of);
    if (k !== null) kinds.set(name, k);
  }, false);
  return kinds;
}

/** The kind of an atom: a literal's, Nil's, or what `kindOf` knows of a local. */
export function atomKind(a: Anf.Atom, kindOf: KindOf): Kind | null {
  if (a.tag === 'Lit') return a.value.kind === 'int' ? 'int' : a.value.kind === 'string' ? 'string' : null;
  if (a.scope === 'local') return kindOf(a.name);
  return a.scope === 'con' && a.name === nilName ? 'list' : null;
}

// The kind of a computation's value, when it returns one.
function compKind(c: Anf.Comp, of: (a: Anf.Atom) => Kind | null): Kind | null {
  if (c.tag === 'Var' || c.tag === 'Lit') return of(c);
  if (c.tag !== 'App' || c.fn.tag !== 'Var') return null;
  if (c.fn.scope === 'prim') return c.args.length === lookupPrim(c.fn.name)?.arity ? primResults.get(c.fn.name) ?? null : null;
  if (c.fn.scope === 'con' && c.fn.name === consName && c.args.length === 2) return of(c.args[1]!) === 'list' ? 'list' : null;
  return null;
}

/** Whether computing `c` cannot fail, loop or have an effect, given what is known of the locals. */
export function total(c: Anf.Comp, kindOf: KindOf): boolean {
  switch (c.tag) {
    case 'Lit': case 'Lam': case 'Record': return true;
    case 'Var': return c.scope !== 'global'; // a top-level value may be computed (and fail) when read
    case 'App': {
      if (c.fn.tag !== 'Var') return false;
      if (c.fn.scope === 'con') return true;
      const p = c.fn.scope === 'prim' ? totalPrims.get(c.fn.name) : undefined;
      return p !== undefined && p.args.length === c.args.length
        && p.args.every((k, i) => k === null || atomKind(c.args[i]!, kindOf) === k);
    }
    default: return false; // Select, Template, Switch, Fail
  }
}

/**
 * The tail context starting at `l` (a let in tail position of `name`, of `arity` parameters), or null. `uses`
 * counts every local's reads.
 */
export function tailContext(l: Anf.Let, name: string, arity: number, uses: ReadonlyMap<string, number>, kindOf: KindOf): TailContext | null {
  if (!isSelfCall(l.rhs, name, arity) && l.rhs.tag !== 'Switch') return null;
  const before: Anf.Let[] = [];
  const links: Link[] = [];
  let hole = l.name;
  let cur: Anf.Expr = l.body;
  for (;;) {
    if (uses.get(hole) !== 1) return null;
    const c = cur.tag === 'Let' ? cur.rhs : cur.value;
    const link = linkOf(c, hole, kindOf);
    if (link !== null) {
      links.unshift(link);
      if (cur.tag === 'Ret') return charsOfStrings({ inner: l, before, links }, uses);
      hole = cur.name;
    } else if (cur.tag === 'Let' && total(c, kindOf)) before.push(cur); // cannot read the hole: its one read is a link's
    else return null;
    cur = (cur as Anf.Let).body;
  }
}

// The context with each append of a before-let's `prim_stringToChars s` read nowhere else an appendString of s,
// and that let dropped (it was total: s is a String).
function charsOfStrings(ctx: TailContext, uses: ReadonlyMap<string, number>): TailContext {
  const dropped = new Set<Anf.Let>();
  const links = ctx.links.map((link): Link => {
    const list = link.kind === 'append' && link.list.tag === 'Var' && link.list.scope === 'local' && uses.get(link.list.name) === 1
      ? ctx.before.find((b) => b.name === (link.list as Anf.Var).name) : undefined;
    const c = list?.rhs;
    if (c?.tag !== 'App' || c.fn.tag !== 'Var' || c.fn.scope !== 'prim' || c.fn.name !== 'prim_stringToChars') return link;
    dropped.add(list!);
    return { kind: 'appendString', comp: link.comp, string: c.args[0]! };
  });
  return { inner: ctx.inner, before: ctx.before.filter((b) => !dropped.has(b)), links };
}

// `c` as a link whose hole is the local `hole`, or null.
function linkOf(c: Anf.Comp, hole: string, kindOf: KindOf): Link | null {
  if (c.tag !== 'App' || c.fn.tag !== 'Var') return null;
  const isHole = (a: Anf.Atom): boolean => a.tag === 'Var' && a.scope === 'local' && a.name === hole;
  if (c.fn.scope === 'con') {
    const slot = c.args.findIndex(isHole);
    return slot >= 0 && c.args.filter(isHole).length === 1 ? { kind: 'con', comp: c, slot } : null;
  }
  if (c.fn.scope === 'prim' && c.fn.name === '$listAppend' && c.args.length === 3 && isHole(c.args[2]!)
    && !isHole(c.args[0]!) && !isHole(c.args[1]!) && atomKind(c.args[1]!, kindOf) === 'list') return { kind: 'append', comp: c, list: c.args[1]! };
  return null;
}

/**
 * The tail contexts of the body `e` of `name` that make it a loop building its result: every context whose
 * inner computation is a self call, and every one whose inner Switch has, in its arms' tail positions, a self
 * call or such a context (the arms then return through the hole; a Switch with neither stays where it was,
 * computed first). Not inside lambdas, nor in a switch in let position other than a context's.
 */
export function tailContexts(e: Anf.Expr, name: string, arity: number, uses: ReadonlyMap<string, number>, kindOf: KindOf): Map<Anf.Let, TailContext> {
  return new Map(scan(e, { name, arity, uses, kindOf }).contexts);
}

interface Scan { readonly contexts: (readonly [Anf.Let, TailContext])[]; readonly calls: boolean }
type ScanEnv = { readonly name: string; readonly arity: number; readonly uses: ReadonlyMap<string, number>; readonly kindOf: KindOf };

// The contexts found in the tail positions of `e`, and whether any of them or a tail self call is there.
function scan(e: Anf.Expr, env: ScanEnv): Scan {
  let cur = e;
  for (; cur.tag === 'Let'; cur = cur.body) {
    const ctx = tailContext(cur, env.name, env.arity, env.uses, env.kindOf);
    if (ctx === null) continue;
    const c = ctx.inner.rhs;
    if (c.tag !== 'Switch') return { contexts: [[cur, ctx]], calls: true };
    const arms = scanArms(c, env);
    if (arms.calls) return { contexts: [[cur, ctx], ...arms.contexts], calls: true };
  }
  const c = cur.value;
  if (c.tag === 'Switch') return scanArms(c, env);
  return { contexts: [], calls: isSelfCall(c, env.name, env.arity) };
}

function scanArms(s: Anf.Switch, env: ScanEnv): Scan {
  const parts = [...s.arms.map((a) => a.body), ...(s.default === null ? [] : [s.default])].map((b) => scan(b, env));
  return { contexts: parts.flatMap((p) => p.contexts), calls: parts.some((p) => p.calls) };
}

/** Whether a context builds list cells whose tail is the hole (taken from blocks: rt.Cells). */
export const buildsCells = (ctx: TailContext): boolean =>
  ctx.links.some((l) => l.kind === 'con' && l.slot === 1 && isCell(l.comp));

/** A saturated `Lune.Prelude.Cons h t`: an rt.Cell. */
export const isCell = (c: Anf.App): boolean => c.fn.tag === 'Var' && c.fn.name === consName && c.args.length === 2;
